"""SECURITY.md test 11: the SQLCipher build and every connection are configured as documented.

Every pooled connection (not only the first) reports no ``configuration_problems``; SQLCipher is
4.6 or newer, built with ``TEMP_STORE=2`` or ``3``; ``temp_store`` is 2 (memory), the page HMAC
is on, and the file is a standard SQLCipher 4 database. The raw key reaches SQLCipher only in
the connect hook: it is in neither the engine URL, ``repr(engine)``, the pool's repr, nor any
credential's repr, and the file opens with the plain key in a bare ``sqlcipher3`` connection.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
import sqlcipher3

from redress.models.database import MIN_CIPHER_VERSION, configuration_problems
from redress.models.vault import Passphrase, RecoveryKey, Vault


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split()[0].split(".")[:3])


def test_every_pooled_connection_is_configured(vault: Vault) -> None:
    connections = [vault.engine.connect() for _ in range(4)]
    try:
        raws: list[Any] = [c.connection.dbapi_connection for c in connections]
        assert len({id(raw) for raw in raws}) == 4
        for raw in raws:
            assert configuration_problems(raw) == []
            version = raw.execute("PRAGMA cipher_version").fetchone()[0]
            assert _version(version) >= MIN_CIPHER_VERSION >= (4, 6, 0)
            options = {row[0] for row in raw.execute("PRAGMA compile_options")}
            assert options & {"TEMP_STORE=2", "TEMP_STORE=3"}
            assert raw.execute("PRAGMA temp_store").fetchone()[0] == 2
            assert str(raw.execute("PRAGMA cipher_use_hmac").fetchone()[0]) == "1"
            assert raw.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA512"
            assert int(raw.execute("PRAGMA cipher_page_size").fetchone()[0]) == 4096
            assert raw.execute("PRAGMA cipher_plaintext_header_size").fetchone()[0] in ("0", 0)
            assert raw.execute("PRAGMA secure_delete").fetchone()[0] == 1
            assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2
            assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        for conn in connections:
            conn.close()
    report = vault.check()
    (item,) = [i for i in report.items if i.name == "SQLCipher configuration"]
    assert item.ok


def test_key_is_nowhere_but_the_connect_hook(new_vault: tuple[Vault, str]) -> None:
    vault, recovery = new_vault
    key = vault.reveal_data_key()
    texts = [
        str(vault.engine.url),
        repr(vault.engine.url),
        vault.engine.url.render_as_string(hide_password=False),
        repr(vault.engine),
        repr(vault.engine.pool),
        vault.engine.pool.status(),
        repr(vault),
        repr(Passphrase("violet harbour lantern 42 quietly")),
        repr(RecoveryKey(recovery)),
    ]
    with vault.engine.connect() as conn:
        texts += [repr(conn), repr(conn.connection), repr(conn.connection.dbapi_connection)]
    for text in texts:
        for secret in (key, key.upper(), recovery, "violet harbour"):
            assert secret not in text, text
    assert vault.engine.url.password is None
    assert vault.engine.url.database in (None, "")


def test_file_is_standard_sqlcipher4_and_opaque_without_the_key(
    new_vault: tuple[Vault, str],
) -> None:
    vault, _ = new_vault
    key = vault.reveal_data_key()
    path = vault.db_path
    vault.close()
    header = path.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    plain = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        plain.close()
    wrong = sqlcipher3.dbapi2.connect(str(path))
    try:
        wrong.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
        with pytest.raises(sqlcipher3.dbapi2.DatabaseError):
            wrong.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        wrong.close()
    # docs/recovery.md: standard SQLCipher 4 defaults and the raw key open it.
    bare = sqlcipher3.dbapi2.connect(str(path))
    try:
        bare.execute(f"PRAGMA key = \"x'{key}'\"")
        bare.execute("PRAGMA cipher_compatibility = 4")
        tables = {row[0] for row in bare.execute("SELECT name FROM sqlite_master")}
        assert {"cases", "clients", "audit_log", "vault_meta"} <= tables
        assert bare.execute("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        bare.close()
