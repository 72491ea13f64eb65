"""docs/recovery.md works: a vault opens with a few lines of plain sqlcipher3 and the data key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3

from redress.models import cases
from redress.models.schema import Case, Client
from redress.models.vault import Vault


def test_plain_sqlcipher3_opens_vault_with_revealed_key(vault: Vault, tmp_path: Path) -> None:
    with vault.transaction() as session:
        cases.add_case(
            session,
            Case(
                jurisdiction="US-NY", client=Client(legal_name="Ana Reyes", pseudonym="Client Oak")
            ),
        )
    key_hex = vault.reveal_data_key()
    vault.close()
    copy = tmp_path / "vault-copy"
    shutil.copytree(vault.folder, copy)

    # Exactly the snippet in docs/recovery.md, with no Redress code involved.
    conn = sqlcipher3.connect(str(copy / "vault.db"))
    conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    conn.execute("PRAGMA cipher_compatibility = 4")
    rows = conn.execute("SELECT reference, jurisdiction FROM cases").fetchall()
    names = conn.execute("SELECT legal_name FROM clients").fetchall()
    conn.close()
    assert len(rows) == 1
    assert rows[0][1] == "US-NY"
    assert names == [("Ana Reyes",)]

    # Backups open the same way.
    backup = vault.list_backups()[0].path
    conn = sqlcipher3.connect(str(backup))
    conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    assert conn.execute("SELECT count(*) FROM cases").fetchone() == (1,)
    conn.close()


def test_the_documented_snippet_fails_with_a_wrong_key(vault: Vault) -> None:
    vault.close()
    conn = sqlcipher3.connect(str(vault.folder / "vault.db"))
    conn.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
    with pytest.raises(sqlcipher3.DatabaseError, match="not a database"):
        conn.execute("SELECT count(*) FROM cases").fetchall()
    conn.close()


def test_reveal_is_audited(vault: Vault) -> None:
    from sqlalchemy import select

    from redress.models.schema import AuditEntry

    vault.reveal_data_key()
    with vault.sessions() as session:
        actions = session.execute(select(AuditEntry.action)).scalars().all()
    assert "vault.data_key_revealed" in actions
