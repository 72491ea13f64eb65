"""SECURITY.md test 9: a missing, insecure, failing or changed keychain never locks anyone out.

The ``keyring`` library's active backend is replaced (``keyring.get_keyring``) by: its own
``fail.Keyring``; a plaintext backend as ``keyrings.alt.file`` would be; a loader that raises; a
real ``ChainerBackend`` whose chain holds an insecure member; and an empty chain. For each,
``SystemKeychain().status()`` is unavailable with a one-line reason, ``enroll_device`` raises
``KeychainUnavailableError``, nothing is stored, no vault file changes and the passphrase still
opens. A device slot whose keychain entry later disappears, changes, becomes unreadable, or whose
backend drifts to an insecure or failing one gives ``WrongCredentialError``; the passphrase still
opens and nothing (slot, entry, file) is deleted.

The real round trip runs against GNOME Keyring's Secret Service on a private D-Bus session
(``dbus-run-session`` + ``gnome-keyring-daemon --unlock``), in its own HOME: create, enroll,
close, unlock with ``DeviceUnlock``, remove the device. ``make system-deps`` installs those
programs; their absence is a failure, not a skip, because CI installs them.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import pytest
from keyring.backends import chainer, fail

from redress.models.errors import KeychainUnavailableError, WrongCredentialError
from redress.models.keychain import SERVICE, SystemKeychain
from redress.models.keyslots import Argon2Params
from redress.models.vault import DeviceUnlock, Passphrase, Vault
from tests.conftest import PASSPHRASE
from tests.security.helpers import tree_hashes, tree_names

SKIP_WHILE_OPEN = ("vault.db-shm",)


class MemoryKeyring:
    """An in-memory keychain backend; its module name decides whether Redress trusts it."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}
        self.writes: list[tuple[str, str]] = []

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.writes.append((service, username))
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


class SecretServiceLike(MemoryKeyring):
    """Stands in for the Secret Service backend (trusted by module name)."""


SecretServiceLike.__module__ = "keyring.backends.SecretService"


class PlaintextKeyring(MemoryKeyring):
    """What ``keyrings.alt.file.PlaintextKeyring`` is: secrets in a plain file."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class LockedSecretService(MemoryKeyring):
    """A Secret Service whose collection is locked and whose unlock prompt was dismissed."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.InitError("Failed to create the collection: Prompt dismissed.")

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")


LockedSecretService.__module__ = "keyring.backends.SecretService"


class DroppingSecretService(MemoryKeyring):
    """A keychain that accepts a secret and forgets it."""

    def get_password(self, service: str, username: str) -> str | None:
        return None


DroppingSecretService.__module__ = "keyring.backends.SecretService"


def _install(monkeypatch: pytest.MonkeyPatch, backend: Any) -> None:
    if isinstance(backend, Exception):

        def broken() -> Any:
            raise backend

        monkeypatch.setattr(keyring, "get_keyring", broken)
    else:
        monkeypatch.setattr(keyring, "get_keyring", lambda: backend)


def _chain(monkeypatch: pytest.MonkeyPatch, members: list[Any]) -> chainer.ChainerBackend:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", members)
    return chainer.ChainerBackend()


INSECURE: dict[str, Callable[[pytest.MonkeyPatch], Any]] = {
    "fail-keyring": lambda mp: fail.Keyring(),
    "plaintext-file": lambda mp: PlaintextKeyring(),
    "loader-raises": lambda mp: keyring.errors.NoKeyringError("no backend"),
    "loader-raises-runtime": lambda mp: RuntimeError("D-Bus is not running"),
    "chain-with-plaintext": lambda mp: _chain(mp, [SecretServiceLike(), PlaintextKeyring()]),
    "chain-with-fail": lambda mp: _chain(mp, [SecretServiceLike(), fail.Keyring()]),
    "empty-chain": lambda mp: _chain(mp, []),
}


@pytest.fixture
def keychain_vault(tmp_path: Path, kdf: Argon2Params) -> Iterator[Vault]:
    """An open vault whose keychain is the real ``SystemKeychain`` (over the patched backend)."""
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=kdf, keychain=SystemKeychain())
    yield vault
    vault.close(backup=False)


@pytest.mark.parametrize("kind", sorted(INSECURE))
def test_insecure_or_missing_keychain_is_refused(
    monkeypatch: pytest.MonkeyPatch, keychain_vault: Vault, kind: str
) -> None:
    backend = INSECURE[kind](monkeypatch)
    _install(monkeypatch, backend)
    status = SystemKeychain().status()
    assert not status.available
    assert status.reason and "\n" not in status.reason
    vault = keychain_vault
    hashes = tree_hashes(vault.folder, skip=SKIP_WHILE_OPEN)
    names = tree_names(vault.folder)
    with pytest.raises(KeychainUnavailableError) as caught:
        vault.enroll_device()
    assert str(caught.value) == status.reason
    assert tree_hashes(vault.folder, skip=SKIP_WHILE_OPEN) == hashes
    assert tree_names(vault.folder) == names
    assert vault.slot_types == ("passphrase", "recovery")
    members = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    for member in members:
        assert getattr(member, "writes", []) == [], "a secret was stored in an insecure backend"
    vault.close(backup=False)
    with pytest.raises(WrongCredentialError):
        Vault.open(vault.folder, DeviceUnlock(), keychain=SystemKeychain())
    reopened = Vault.open(vault.folder, Passphrase(PASSPHRASE), keychain=SystemKeychain())
    assert reopened.slot_types == ("passphrase", "recovery")
    reopened.close(backup=False)


def test_secure_chain_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    """The chain check is not simply "refuse every chain"."""
    _install(monkeypatch, _chain(monkeypatch, [SecretServiceLike(), SecretServiceLike()]))
    assert SystemKeychain().status().available


def test_keychain_that_forgets_is_not_enrolled(
    monkeypatch: pytest.MonkeyPatch, keychain_vault: Vault
) -> None:
    _install(monkeypatch, DroppingSecretService())
    hashes = tree_hashes(keychain_vault.folder, skip=SKIP_WHILE_OPEN)
    with pytest.raises(KeychainUnavailableError):
        keychain_vault.enroll_device()
    assert tree_hashes(keychain_vault.folder, skip=SKIP_WHILE_OPEN) == hashes
    assert "device" not in keychain_vault.slot_types
    keychain_vault.close(backup=False)


def test_keychain_failing_on_write_gives_keychain_error(
    monkeypatch: pytest.MonkeyPatch, keychain_vault: Vault
) -> None:
    _install(monkeypatch, LockedSecretService())
    hashes = tree_hashes(keychain_vault.folder, skip=SKIP_WHILE_OPEN)
    try:
        with pytest.raises(KeychainUnavailableError):
            keychain_vault.enroll_device()
        assert tree_hashes(keychain_vault.folder, skip=SKIP_WHILE_OPEN) == hashes
    finally:
        keychain_vault.close(backup=False)


def _garbage(backend: MemoryKeyring, account: str) -> None:
    backend.entries[(SERVICE, account)] = "not base64 at all!"


CHANGES: dict[str, Callable[[pytest.MonkeyPatch, MemoryKeyring, str], None]] = {
    "entry-deleted": lambda mp, kr, acct: kr.entries.pop((SERVICE, acct)),
    "entry-replaced": lambda mp, kr, acct: kr.entries.__setitem__(
        (SERVICE, acct), base64.b64encode(os.urandom(32)).decode()
    ),
    "entry-truncated": lambda mp, kr, acct: kr.entries.__setitem__(
        (SERVICE, acct), kr.entries[(SERVICE, acct)][:20]
    ),
    "entry-garbage": lambda mp, kr, acct: _garbage(kr, acct),
    "backend-now-fail": lambda mp, kr, acct: _install(mp, fail.Keyring()),
    "backend-now-plaintext": lambda mp, kr, acct: _install(mp, PlaintextKeyring()),
    "backend-now-locked": lambda mp, kr, acct: _install(mp, LockedSecretService()),
    "loader-now-raises": lambda mp, kr, acct: _install(mp, RuntimeError("no D-Bus")),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_device_entry_gone_or_changed_falls_back_to_passphrase(
    monkeypatch: pytest.MonkeyPatch, keychain_vault: Vault, change: str
) -> None:
    backend = SecretServiceLike()
    _install(monkeypatch, backend)
    vault = keychain_vault
    vault.enroll_device()
    account = vault.device_account()
    assert (SERVICE, account) in backend.entries
    vault.close()
    # The enrolled device unlocks while the entry is intact.
    Vault.open(vault.folder, DeviceUnlock(), keychain=SystemKeychain()).close(backup=False)
    CHANGES[change](monkeypatch, backend, account)
    entries = dict(backend.entries)
    hashes = tree_hashes(vault.folder)
    names = tree_names(vault.folder)
    with pytest.raises(WrongCredentialError) as caught:
        Vault.open(vault.folder, DeviceUnlock(), keychain=SystemKeychain())
    assert "passphrase" in str(caught.value)
    assert tree_hashes(vault.folder) == hashes, "a failed device unlock changed a file"
    assert tree_names(vault.folder) == names
    assert backend.entries == entries, "a failed device unlock touched the keychain"
    reopened = Vault.open(vault.folder, Passphrase(PASSPHRASE), keychain=SystemKeychain())
    try:
        assert "device" in reopened.slot_types, "the device slot was deleted"
        assert reopened.check().ok
    finally:
        reopened.close(backup=False)


def test_remove_device_deletes_slot_and_entry(
    monkeypatch: pytest.MonkeyPatch, keychain_vault: Vault
) -> None:
    backend = SecretServiceLike()
    _install(monkeypatch, backend)
    keychain_vault.enroll_device()
    secret = base64.b64decode(backend.entries[(SERVICE, keychain_vault.device_account())])
    for path in keychain_vault.folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert secret not in data and base64.b64encode(secret) not in data
    keychain_vault.remove_device()
    assert backend.entries == {}
    assert "device" not in keychain_vault.slot_types
    keychain_vault.close(backup=False)
    with pytest.raises(WrongCredentialError):
        Vault.open(keychain_vault.folder, DeviceUnlock(), keychain=SystemKeychain())


# --- the real Secret Service -------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import base64, sys
    from pathlib import Path

    import keyring
    from redress.models import cases
    from redress.models.errors import WrongCredentialError
    from redress.models.keychain import SERVICE, SystemKeychain
    from redress.models.keyslots import Argon2Params
    from redress.models.schema import Case, Client
    from redress.models.vault import DeviceUnlock, Passphrase, Vault

    PASSPHRASE = "violet harbour lantern 42 quietly"
    folder = Path(sys.argv[1])
    status = SystemKeychain().status()
    assert status.available, status.reason
    assert status.reason.startswith(
        ("keyring.backends.SecretService", "keyring.backends.libsecret")
    )
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=Argon2Params(), keychain=SystemKeychain())
    with vault.transaction() as session:
        client = Client(legal_name="L", pseudonym="Client Oak")
        case_id = cases.add_case(session, Case(jurisdiction="US-NY", client=client)).id
    vault.enroll_device()
    account = vault.device_account()
    stored = keyring.get_password(SERVICE, account)
    secret = base64.b64decode(stored)
    assert len(secret) == 32
    assert vault.slot_types == ("device", "passphrase", "recovery")
    vault.close()
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert secret not in data and stored.encode() not in data, path
    vault = Vault.open(folder, DeviceUnlock(), keychain=SystemKeychain())
    with vault.sessions() as session:
        assert session.get(Case, case_id).client.pseudonym == "Client Oak"
    assert vault.check().ok
    vault.remove_device()
    assert keyring.get_password(SERVICE, account) is None
    assert "device" not in vault.slot_types
    vault.close()
    try:
        Vault.open(folder, DeviceUnlock(), keychain=SystemKeychain())
    except WrongCredentialError:
        pass
    else:
        raise SystemExit("the removed device still unlocks")
    Vault.open(folder, Passphrase(PASSPHRASE), keychain=SystemKeychain()).close()
    print("KEYCHAIN ROUND TRIP OK", status.reason)
    """
)


def test_real_secret_service_round_trip(tmp_path: Path) -> None:
    missing = [p for p in ("dbus-run-session", "gnome-keyring-daemon") if not shutil.which(p)]
    if missing:
        pytest.fail(
            f"missing {', '.join(missing)}: run `make system-deps` (gnome-keyring, dbus, "
            "libsecret-tools); CI installs them, so this test fails rather than skips"
        )
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    home = tmp_path / "home"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "XDG_", "PYTHON_KEYRING", "KEYRING"))
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "run"),
        REDRESS_TEST_KEYRING_PASSWORD="redress-test-keyring",
    )
    for sub in ("data", "config", "cache", "run"):
        (home / sub).mkdir(parents=True, mode=0o700)
    unlock = (
        'printf %s "$REDRESS_TEST_KEYRING_PASSWORD" '
        "| gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        'exec "$0" "$1" "$2"'
    )
    done = subprocess.run(
        [
            "dbus-run-session",
            "--",
            "bash",
            "-c",
            unlock,
            sys.executable,
            str(script),
            str(tmp_path / "v"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr[-4000:]}"
    assert "KEYCHAIN ROUND TRIP OK" in done.stdout
