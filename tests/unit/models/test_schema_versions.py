"""Vaults written by earlier versions open (and migrate); a newer schema is refused untouched.

``tests/fixtures/vault-<revision>/`` holds one frozen vault per schema revision (STYLE.md
practice 7). When a migration is added, add the fixture of the revision before it and keep this
test opening every fixture.
"""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from redress.models import migrate
from redress.models.errors import SchemaVersionError
from redress.models.schema import Case
from redress.models.vault import Passphrase, RecoveryKey, Vault
from tests.conftest import NoKeychain

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FIXTURE_PASSPHRASE = "fixture vault passphrase, not secret"


def _copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    for path in target.rglob("*"):
        path.chmod(0o700 if path.is_dir() else 0o600)
    return target


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("vault-*")))
def test_every_frozen_vault_opens_and_reads(name: str, tmp_path: Path) -> None:
    folder = _copy(name, tmp_path)
    vault = Vault.open(folder, Passphrase(FIXTURE_PASSPHRASE), keychain=NoKeychain())
    with vault.sessions() as session:
        case = session.query(Case).one()
        assert case.reference == "RD-2026-0001"
        assert case.client.pseudonym == "Client Fixture"
        assert case.record_entries[0].fines_owed == Decimal("250.00")
        with vault.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
    assert vault.check().ok
    vault.close()
    recovery = (folder / "RECOVERY-KEY.txt").read_text().strip()
    Vault.open(folder, RecoveryKey(recovery), keychain=NoKeychain()).close()


def test_vault_from_a_newer_redress_is_refused_unchanged(tmp_path: Path) -> None:
    folder = _copy("vault-0001_baseline", tmp_path)
    vault = Vault.open(folder, Passphrase(FIXTURE_PASSPHRASE), keychain=NoKeychain())
    with vault.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    vault.close(backup=False)
    digest = hashlib.sha256((folder / "vault.db").read_bytes()).hexdigest()
    slots = (folder / "keyslots.json").read_bytes()
    with pytest.raises(SchemaVersionError, match="newer version of Redress"):
        Vault.open(folder, Passphrase(FIXTURE_PASSPHRASE), keychain=NoKeychain())
    assert hashlib.sha256((folder / "vault.db").read_bytes()).hexdigest() == digest
    assert (folder / "keyslots.json").read_bytes() == slots
