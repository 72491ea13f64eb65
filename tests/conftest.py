"""Shared fixtures: offscreen Qt, fast-but-real vaults, canaries.

Vaults in tests use the *minimum* accepted Argon2id parameters (64 MiB, t=3, p=4): real key
derivation, just not calibrated upwards, so the suite stays quick.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt settings, platformdirs folders and caches of the whole run go to a private temporary
# folder, never the developer's own configuration (and the leak scans can inspect them).
_XDG_ROOT = Path(tempfile.mkdtemp(prefix="redress-tests-xdg-"))
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_XDG_ROOT / _name.lower())

from redress.models.keyslots import Argon2Params  # noqa: E402
from redress.models.vault import Vault  # noqa: E402

PASSPHRASE = "violet harbour lantern 42 quietly"
OTHER_PASSPHRASE = "seven copper kettles hum at dawn"


class NoKeychain:
    """A keychain that is never available (the common air-gapped case)."""

    def status(self):  # type: ignore[no-untyped-def]
        from redress.models.keychain import KeychainStatus

        return KeychainStatus(False, "no keychain in tests")

    def store(self, account: str, secret: bytes) -> None:
        raise AssertionError("must not store without a secure keychain")

    def load(self, account: str) -> bytes | None:
        return None

    def delete(self, account: str) -> None:
        return None


@pytest.fixture
def kdf() -> Argon2Params:
    """The minimum accepted Argon2id parameters (fresh salt each time)."""
    return Argon2Params()


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    """A path for a new vault folder."""
    return tmp_path / "vault"


@pytest.fixture
def new_vault(vault_dir: Path, kdf: Argon2Params) -> Iterator[tuple[Vault, str]]:
    """A freshly created, open vault and its recovery key; closed afterwards."""
    vault, recovery = Vault.create(vault_dir, PASSPHRASE, kdf=kdf, keychain=NoKeychain())
    try:
        yield vault, recovery
    finally:
        vault.close(backup=False)


@pytest.fixture
def vault(new_vault: tuple[Vault, str]) -> Vault:
    """A freshly created, open vault."""
    return new_vault[0]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses Qt as ``gui`` so ``-m "not gui"`` is the fast loop."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)
