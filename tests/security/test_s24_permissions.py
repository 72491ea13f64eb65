"""SECURITY.md test 24: every file in a vault folder is 0600 and every folder 0700, from creation.

The tests run under a permissive umask (0o022, and 0o000), so anything created without an
explicit owner-only mode would show up as group- or world-readable. ``os.chmod`` and
``os.fchmod`` are also replaced by no-ops in one variant, so a file that is only tightened after
it was created (leaving a window in which others could open it) fails too. Modes are checked
while the vault is open (WAL and SHM files exist then), in the middle of a DELETE-mode
transaction (the rollback journal exists then) and after closing; and after SIGKILLs at random
moments of open / attach / backup / close cycles, which freeze temporary files mid-write.
"""

from __future__ import annotations

import io
import os
import random
import stat
from pathlib import Path

import pytest

from redress.models import cases
from redress.models.keyslots import Argon2Params
from redress.models.schema import Case, Client, Note
from redress.models.vault import Vault
from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE, NoKeychain
from tests.security.helpers import (
    STRESS,
    ChildReporter,
    open_with_recovery,
    run_and_kill,
    umask,
)

KILLS = 150 if STRESS else 30


def wrong_modes(folder: Path) -> dict[str, str]:
    """Entries under (and including) ``folder`` that are not owner-only."""
    bad: dict[str, str] = {}
    for path in [folder, *folder.rglob("*")]:
        try:
            mode = stat.S_IMODE(path.lstat().st_mode)
            is_dir = path.is_dir()
        except FileNotFoundError:  # removed while we looked
            continue
        wanted = 0o700 if is_dir else 0o600
        if mode != wanted:
            bad[path.relative_to(folder.parent).as_posix()] = oct(mode)
    return bad


def _add_case_with_attachment(vault: Vault, size: int = 5000) -> None:
    with vault.transaction() as session:
        case = cases.add_case(
            session, Case(jurisdiction="US-NY", client=Client(legal_name="L", pseudonym="P"))
        )
        cases.add_attachment(
            session, vault.attachments_dir, case, io.BytesIO(os.urandom(size)), "a.pdf"
        )


@pytest.mark.parametrize("mask", [0o022, 0o000], ids=["umask-022", "umask-000"])
@pytest.mark.parametrize("chmod", ["real chmod", "chmod disabled"])
def test_every_file_is_owner_only_from_creation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mask: int, chmod: str
) -> None:
    if chmod == "chmod disabled":
        monkeypatch.setattr(os, "chmod", lambda *args, **kwargs: None)
        monkeypatch.setattr(os, "fchmod", lambda *args, **kwargs: None)
    folder = tmp_path / "vault"
    with umask(mask):
        vault, recovery = Vault.create(
            folder, PASSPHRASE, kdf=Argon2Params(), keychain=NoKeychain()
        )
        _add_case_with_attachment(vault)
        assert wrong_modes(folder) == {}
        vault.backup("manual", verify=True)
        vault.change_passphrase(OTHER_PASSPHRASE, kdf=Argon2Params())
        vault.close()
        assert wrong_modes(folder) == {}
        vault = open_with_recovery(folder, recovery)
        _add_case_with_attachment(vault)
        names = {p.name for p in folder.iterdir()}
        assert {"vault.db-wal", "vault.db-shm"} <= names
        assert wrong_modes(folder) == {}
        vault.close()
        vault = open_with_recovery(folder, recovery, "DELETE")
        with vault.transaction() as session:
            session.add(Note(case_id=session.query(Case.id).first()[0], body="x" * 20000))
            session.flush()
            assert (folder / "vault.db-journal").exists()
            assert wrong_modes(folder) == {}
        vault.close()
    assert wrong_modes(folder) == {}
    expected = {"vault.db", "keyslots.json", "vault.lock", "README.txt", "attachments", "backups"}
    assert expected <= {p.name for p in folder.iterdir()}
    assert len(list((folder / "backups").iterdir())) >= 3
    assert len(list((folder / "attachments").iterdir())) == 2


def test_existing_empty_folder_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    with umask(0o022):
        vault, _ = Vault.create(folder, PASSPHRASE, kdf=Argon2Params(), keychain=NoKeychain())
        vault.close()
    assert wrong_modes(folder) == {}


@pytest.mark.slow
def test_files_frozen_by_a_kill_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    with umask(0o022):
        vault, recovery = Vault.create(
            folder, PASSPHRASE, kdf=Argon2Params(), keychain=NoKeychain()
        )
        vault.close()

        def body(reporter: ChildReporter) -> None:
            while True:
                child = open_with_recovery(folder, recovery)
                _add_case_with_attachment(child, 200_000)
                child.backup("manual")
                child.close()

        for n in range(KILLS):
            delay = random.Random(f"s24-{n}").uniform(0.0, 0.25)
            result = run_and_kill(
                body, delay=delay, error_file=tmp_path / "err.txt", from_ready=False
            )
            assert not result.error, result.error
            assert wrong_modes(folder) == {}, f"after a kill at {delay * 1000:.0f} ms"
