"""The vault's life cycle: create, open, close, passphrase change, recovery, backups, check."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from redress.models import audit, cases
from redress.models.errors import (
    RollbackError,
    VaultDamagedError,
    VaultExistsError,
    VaultInUseError,
    VaultNotFoundError,
    WeakPassphraseError,
    WrongCredentialError,
)
from redress.models.keyslots import Argon2Params
from redress.models.schema import AuditEntry, Case, Client, Note
from redress.models.vault import Passphrase, RecoveryKey, Vault, recover
from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE, NoKeychain


def _add(vault: Vault, pseudonym: str = "Client Elm") -> str:
    with vault.transaction() as session:
        case = cases.add_case(
            session,
            Case(jurisdiction="GB-EWS", client=Client(legal_name="Ioana P", pseudonym=pseudonym)),
        )
        return case.id


def _open(folder: Path, passphrase: str = PASSPHRASE) -> Vault:
    return Vault.open(folder, Passphrase(passphrase), keychain=NoKeychain())


def test_create_lays_out_the_folder(vault: Vault) -> None:
    names = {p.name for p in vault.folder.iterdir()}
    assert {
        "vault.db",
        "keyslots.json",
        "vault.lock",
        "attachments",
        "backups",
        "README.txt",
    } <= names
    assert vault.slot_types == ("passphrase", "recovery")
    assert vault.db_path.read_bytes()[:16] != b"SQLite format 3\x00"


def test_create_refuses_existing_vault(vault: Vault, kdf: Argon2Params) -> None:
    before = hashlib.sha256(vault.db_path.read_bytes()).hexdigest()
    with pytest.raises(VaultExistsError):
        Vault.create(vault.folder, PASSPHRASE, kdf=kdf)
    assert hashlib.sha256(vault.db_path.read_bytes()).hexdigest() == before


def test_create_refuses_weak_passphrase_and_writes_nothing(
    vault_dir: Path, kdf: Argon2Params
) -> None:
    with pytest.raises(WeakPassphraseError):
        Vault.create(vault_dir, "too short", kdf=kdf)
    assert not vault_dir.exists()


def test_data_survives_close_and_open(vault: Vault) -> None:
    case_id = _add(vault)
    vault.close()
    again = _open(vault.folder)
    with again.sessions() as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert case.client.pseudonym == "Client Elm"
    again.close()


def test_open_missing_vault_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "nothing-here"
    with pytest.raises(VaultNotFoundError):
        _open(target)
    assert not target.exists()
    target.mkdir()
    with pytest.raises(VaultNotFoundError):
        _open(target)
    assert list(target.iterdir()) == []


def test_missing_database_is_reported_not_recreated(vault: Vault) -> None:
    vault.close()
    os.remove(vault.db_path)
    with pytest.raises(VaultDamagedError, match="database file is missing"):
        _open(vault.folder)
    assert not vault.db_path.exists()


def test_second_open_is_refused_while_open(vault: Vault) -> None:
    with pytest.raises(VaultInUseError):
        _open(vault.folder)


def test_wrong_passphrase(vault: Vault) -> None:
    vault.close()
    with pytest.raises(WrongCredentialError, match="wrong passphrase"):
        _open(vault.folder, OTHER_PASSPHRASE)


def test_change_passphrase_rewraps_without_rewriting_database(vault: Vault) -> None:
    _add(vault)
    vault.close()
    vault = _open(vault.folder)
    with vault.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = hashlib.sha256(vault.db_path.read_bytes()).hexdigest()
    vault.change_passphrase(OTHER_PASSPHRASE, kdf=Argon2Params())
    # The database file (main file) is not rewritten; only the audit entry goes to the WAL.
    assert hashlib.sha256(vault.db_path.read_bytes()).hexdigest() == before
    assert any(b.reason == "pre-passphrase-change" for b in vault.list_backups())
    vault.close()
    with pytest.raises(WrongCredentialError):
        _open(vault.folder, PASSPHRASE)
    _open(vault.folder, OTHER_PASSPHRASE).close()


def test_recovery_key_opens_and_recover_retires_it(new_vault: tuple[Vault, str]) -> None:
    vault, recovery_key = new_vault
    case_id = _add(vault)
    vault.close()
    Vault.open(vault.folder, RecoveryKey(recovery_key), keychain=NoKeychain()).close()
    recovered, new_key = recover(
        vault.folder, recovery_key, OTHER_PASSPHRASE, keychain=NoKeychain()
    )
    recovered.close()
    assert new_key != recovery_key
    with pytest.raises(WrongCredentialError):
        Vault.open(vault.folder, RecoveryKey(recovery_key), keychain=NoKeychain())
    with pytest.raises(WrongCredentialError):
        _open(vault.folder, PASSPHRASE)
    again = Vault.open(vault.folder, RecoveryKey(new_key), keychain=NoKeychain())
    with again.sessions() as session:
        assert session.get(Case, case_id) is not None
    again.close()


def test_backups_rotate_and_open(vault: Vault) -> None:
    for _ in range(12):
        vault.backup("close")
    backups = vault.list_backups()
    assert len(backups) == 10
    assert all(oct(b.path.stat().st_mode & 0o777) == "0o600" for b in backups)
    assert backups[0].created >= backups[-1].created


def test_close_backup_and_rollback_counter(vault: Vault) -> None:
    _add(vault)
    counter_before = vault.counter
    vault.close()
    old_db = vault.folder.parent / "old.db"
    shutil.copy2(vault.db_path, old_db)
    again = _open(vault.folder)
    assert again.counter > counter_before
    _add(again, "Client Ash")
    again.close()
    shutil.copy2(old_db, again.db_path)
    before = hashlib.sha256(again.db_path.read_bytes()).hexdigest()
    with pytest.raises(RollbackError, match="older copy"):
        _open(vault.folder)
    assert hashlib.sha256(again.db_path.read_bytes()).hexdigest() == before


def test_check_passes_on_healthy_vault(vault: Vault) -> None:
    _add(vault)
    report = vault.check()
    assert report.ok, report
    assert {item.name for item in report.items} >= {
        "SQLCipher page authentication",
        "SQLite integrity",
        "audit log chain",
        "key slots",
        "rollback counter",
        "attachments",
    }


def test_audit_chain_detects_edit_and_removal(vault: Vault) -> None:
    for name in ("Client A1", "Client A2", "Client A3"):
        _add(vault, name)
    with vault.transaction() as session:
        entry = session.execute(select(AuditEntry).where(AuditEntry.seq == 2)).scalar_one()
        entry.detail = "edited"
    with vault.sessions() as session:
        report = audit.verify(session)
    assert not report.ok
    assert any("entry 2 has been altered" in p for p in report.problems)

    with vault.transaction() as session:
        session.delete(session.execute(select(AuditEntry).where(AuditEntry.seq == 2)).scalar_one())
    with vault.sessions() as session:
        report = audit.verify(session)
    assert any("entry 2 is missing" in p for p in report.problems)


def test_audit_truncation_at_the_end_detected_by_anchor(vault: Vault) -> None:
    for name in ("Client B1", "Client B2"):
        _add(vault, name)
    vault.close()
    vault = _open(vault.folder)
    with vault.transaction() as session:
        last = session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc())).scalars().first()
        assert last is not None
        session.delete(last)
    report = vault.check(attachments=False)
    chain = next(item for item in report.items if item.name == "audit log chain")
    assert not chain.ok
    vault.close(backup=False)


def test_audit_log_holds_no_case_content(vault: Vault) -> None:
    with vault.transaction() as session:
        case = cases.add_case(
            session,
            Case(
                jurisdiction="US-CA",
                client=Client(legal_name="Zeynep Canary", pseudonym="Client Canary"),
                notes=[Note(body="secret narrative text")],
            ),
        )
    with vault.sessions() as session:
        entries = session.execute(select(AuditEntry)).scalars().all()
    dump = " ".join(f"{e.action} {e.detail} {e.actor}" for e in entries)
    assert "Canary" not in dump
    assert "narrative" not in dump
    assert any(e.action == "case.created" and e.case_id == case.id for e in entries)


def test_search_finds_names_accents_and_punctuation(vault: Vault) -> None:
    with vault.transaction() as session:
        a = cases.add_case(
            session,
            Case(
                jurisdiction="US-NY",
                client=Client(legal_name="Lucía O'Brien", pseudonym="Client Fir"),
            ),
        )
        b = cases.add_case(
            session,
            Case(
                jurisdiction="US-NY",
                client=Client(legal_name="Mariam Haddad", pseudonym="Client Yew"),
            ),
        )
    with vault.sessions() as session:
        assert cases.search(session, "lucia") == [a.id]
        assert cases.search(session, "obrien") == [a.id]
        assert cases.search(session, "O'Bri") == [a.id]
        assert cases.search(session, "hadd") == [b.id]
        assert cases.search(session, "client") and len(cases.search(session, "client")) == 2
        assert cases.search(session, '"; DROP TABLE cases; --') == []
        assert cases.search(session, "") == []


def test_search_index_follows_edits_and_deletes(vault: Vault) -> None:
    case_id = _add(vault)
    with vault.transaction() as session:
        case = session.get(Case, case_id)
        assert case is not None
        case.notes.append(Note(body="warehouse in Leeds"))
    with vault.sessions() as session:
        assert cases.search(session, "leeds") == [case_id]
    with vault.transaction() as session:
        case = session.get(Case, case_id)
        assert case is not None
        cases.delete_case(session, case)
    with vault.sessions() as session:
        assert cases.search(session, "leeds") == []
        assert cases.list_cases(session) == []


def test_list_cases_summary(vault: Vault) -> None:
    import datetime as dt

    from redress.models.schema import Deadline, RecordEntry

    with vault.transaction() as session:
        cases.add_case(
            session,
            Case(
                jurisdiction="US-NY",
                client=Client(legal_name="X", pseudonym="Client Pine"),
                record_entries=[
                    RecordEntry(kind="criminal", jurisdiction="US-NY", offence_text="Loitering"),
                    RecordEntry(kind="immigration", jurisdiction="US-FED", offence_text="Entry"),
                ],
                deadlines=[
                    Deadline(title="done", due_date=dt.date(2026, 1, 1), done=True),
                    Deadline(title="hearing", due_date=dt.date(2027, 3, 1)),
                    Deadline(title="filing", due_date=dt.date(2027, 2, 1)),
                ],
            ),
        )
    with vault.sessions() as session:
        (summary,) = cases.list_cases(session)
    assert summary.pseudonym == "Client Pine"
    assert summary.entries == 2
    assert summary.next_deadline == dt.date(2027, 2, 1)
    assert summary.reference.startswith("RD-")


def test_find_case_by_reference_and_prefix(vault: Vault) -> None:
    from redress.models.errors import NotFoundError

    case_id = _add(vault)
    with vault.sessions() as session:
        ref = session.get(Case, case_id).reference  # type: ignore[union-attr]
        assert cases.find_case(session, ref.lower()).id == case_id
        assert cases.find_case(session, case_id[:8]).id == case_id
        with pytest.raises(NotFoundError):
            cases.find_case(session, "RD-1999-0001")


def test_next_reference_counts_numerically_past_9999(vault: Vault) -> None:
    with vault.transaction() as session:
        for ref in ("RD-2030-0009", "RD-2030-9999", "RD-2030-notes"):
            cases.add_case(
                session,
                Case(
                    reference=ref, jurisdiction="NL", client=Client(legal_name="N", pseudonym=ref)
                ),
            )
        assert cases.next_reference(session, 2030) == "RD-2030-10000"
        assert cases.next_reference(session, 2031) == "RD-2031-0001"


def test_deadline_linked_to_new_entry_in_one_flush(vault: Vault) -> None:
    import datetime as dt

    from redress.models.schema import Deadline, RecordEntry

    entry = RecordEntry(kind="criminal", jurisdiction="US-NY", offence_text="x")
    with vault.transaction() as session:
        case = cases.add_case(
            session,
            Case(
                jurisdiction="US-NY",
                client=Client(legal_name="N", pseudonym="Client Rowan"),
                record_entries=[entry],
                deadlines=[Deadline(title="t", due_date=dt.date(2027, 1, 1), record_entry=entry)],
            ),
        )
        assert case.deadlines[0].record_entry_id == entry.id
