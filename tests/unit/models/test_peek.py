"""Learning a vault's kinds of key slot without unlocking it."""

from __future__ import annotations

from pathlib import Path

import pytest

from redress.models.keychain import KeychainStatus
from redress.models.keyslots import Argon2Params
from redress.models.peek import peek_slot_types
from redress.models.vault import KEYSLOTS_NAME, Vault
from tests.conftest import PASSPHRASE


class MemoryKeychain:
    """A secure-looking keychain kept in memory, so a device slot can be enrolled in tests."""

    def __init__(self) -> None:
        self.secrets: dict[str, bytes] = {}

    def status(self) -> KeychainStatus:
        return KeychainStatus(True, "memory keychain (tests)")

    def store(self, account: str, secret: bytes) -> None:
        self.secrets[account] = secret

    def load(self, account: str) -> bytes | None:
        return self.secrets.get(account)

    def delete(self, account: str) -> None:
        self.secrets.pop(account, None)


def test_a_new_vault_has_passphrase_and_recovery_slots(vault: Vault) -> None:
    assert peek_slot_types(vault.folder) == ("passphrase", "recovery")


def test_a_locked_vault_can_be_peeked_and_shows_an_enrolled_device(
    tmp_path: Path, kdf: Argon2Params
) -> None:
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=kdf, keychain=MemoryKeychain())
    vault.enroll_device()
    vault.close(backup=False)
    before = (folder / KEYSLOTS_NAME).read_bytes()

    assert peek_slot_types(folder) == ("device", "passphrase", "recovery")
    assert (folder / KEYSLOTS_NAME).read_bytes() == before  # peeking writes nothing


@pytest.mark.parametrize(
    "content", [b"", b"{not json", b'{"format": "something else"}', b"\xff\xfe\x00"]
)
def test_a_damaged_keyslot_file_peeks_as_nothing(tmp_path: Path, content: bytes) -> None:
    (tmp_path / KEYSLOTS_NAME).write_bytes(content)
    assert peek_slot_types(tmp_path) == ()


def test_a_missing_vault_peeks_as_nothing(tmp_path: Path) -> None:
    assert peek_slot_types(tmp_path / "nowhere") == ()
    assert peek_slot_types(tmp_path) == ()


def test_an_unreadable_keyslot_path_peeks_as_nothing(tmp_path: Path) -> None:
    (tmp_path / KEYSLOTS_NAME).mkdir()  # a folder where the file should be: IsADirectoryError
    assert peek_slot_types(tmp_path) == ()
