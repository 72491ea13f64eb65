"""The SQLCipher engine: raw key in a connect hook, hardened pragmas, configuration checks.

Pragmas set on every connection (documented in docs/recovery.md):

- ``PRAGMA key = "x'…'"`` first, from a connect event (never in the engine URL), then
  ``cipher_compatibility = 4`` so the file stays a standard SQLCipher 4 database;
- ``temp_store = MEMORY``: SQLCipher does not encrypt temporary files;
- ``secure_delete = ON``: freed pages are zeroed inside the (encrypted) file;
- ``foreign_keys = ON``;
- ``journal_mode = WAL`` with ``synchronous = FULL``: every commit is durable before it returns
  (SECURITY.md test 2), and readers never block the writer. ``DELETE`` is supported for tests.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from redress.models.errors import VaultDamagedError

JournalMode = Literal["WAL", "DELETE"]
MIN_CIPHER_VERSION = (4, 6, 0)
BUSY_TIMEOUT_MS = 10_000

_NOT_A_DATABASE = (
    "file is not a database",
    "file is encrypted",
    "database disk image is malformed",
)


def db_uri(path: Path, *, create: bool) -> str:
    """A SQLite URI for ``path``; without ``create``, a missing file is an error (no new vault)."""
    return f"{path.resolve().as_uri()}?mode={'rwc' if create else 'rw'}"


def key_pragma(key: bytes) -> str:
    """The ``PRAGMA key`` statement for a raw 256-bit key (validated hex, never a passphrase)."""
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def is_not_a_database(error: BaseException) -> bool:
    """Whether a driver error means "wrong key or damaged file"."""
    text = str(error).lower()
    return any(marker in text for marker in _NOT_A_DATABASE)


def apply_connection_pragmas(dbapi_connection: Any, key: bytes) -> None:
    """Key a raw connection and set the hardened pragmas; raises if the key does not fit.

    Nothing here writes to the file: the journal mode, which is stored in the file, is set by
    :func:`set_journal_mode` only after the vault's identity and rollback checks have passed.
    """
    cursor = dbapi_connection.cursor()
    try:
        # SQLCipher would print codec errors to stderr; Redress reports them itself, once.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(key_pragma(key))
        cursor.execute("PRAGMA cipher_compatibility = 4")
        try:
            cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.dbapi2.DatabaseError as exc:
            if is_not_a_database(exc):
                raise VaultDamagedError(
                    "the vault database cannot be read: it is damaged, or it does not belong "
                    "to this key file"
                ) from None
            raise
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def set_journal_mode(dbapi_connection: Any, journal_mode: JournalMode) -> None:
    """Switch the database's (persistent) journal mode if it differs."""
    current = str(dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0]).upper()
    if current != journal_mode:
        dbapi_connection.execute(f"PRAGMA journal_mode = {journal_mode}")


def create_vault_engine(
    db_path: Path,
    key_source: Callable[[], bytes],
    *,
    pool_size: int = 5,
    max_overflow: int = 20,
    echo: bool = False,
) -> Engine:
    """Create the SQLAlchemy engine for a vault database.

    The URL carries no secret; ``key_source`` is asked for the key each time the pool opens a new
    connection, inside a connect event registered ahead of SQLAlchemy's own.

    Args:
        db_path: the SQLCipher file.
        key_source: returns the raw data key; raises once the vault is locked.
        pool_size: connections kept open for reuse (opening one costs no key derivation).
        max_overflow: extra connections allowed beyond ``pool_size`` under load.
        echo: SQLAlchemy statement logging (tests use it to prove nothing sensitive is logged).

    Returns:
        An engine whose connections are keyed and configured.
    """

    def connect() -> Any:
        return sqlcipher3.dbapi2.connect(
            db_uri(db_path, create=False), uri=True, check_same_thread=False
        )

    engine = create_engine(
        "sqlite+pysqlite://",
        creator=connect,
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=False,
        echo=echo,
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect", insert=True)
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        apply_connection_pragmas(dbapi_connection, key_source())
        # Let SQLAlchemy, not the driver, decide where transactions begin (SQLAlchemy's
        # documented pysqlite recipe), so reads inside a session are consistent.
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("redress_begin_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    _quiet_result_rows()
    return engine


class _NoRowsFilter(logging.Filter):
    """Drops SQLAlchemy's DEBUG records of result rows and columns (they hold case content)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(("Row ", "Col "))


_ROW_FILTER = _NoRowsFilter()


def _quiet_result_rows() -> None:
    """Make sure no engine logger can print result rows, whatever the logging level."""
    for name in ("sqlalchemy.engine", "sqlalchemy.engine.Engine"):
        logger = logging.getLogger(name)
        if _ROW_FILTER not in logger.filters:
            logger.addFilter(_ROW_FILTER)


def _version_tuple(text: str) -> tuple[int, ...]:
    match = re.match(r"(\d+)\.(\d+)\.(\d+)", text)
    return tuple(int(x) for x in match.groups()) if match else (0, 0, 0)


def configuration_problems(dbapi_connection: Any) -> list[str]:
    """Check the SQLCipher build and this connection's settings (SECURITY.md test 11).

    Returns:
        Problems found; empty when the configuration is as documented.
    """
    cur = dbapi_connection.cursor()
    problems: list[str] = []
    try:
        version = cur.execute("PRAGMA cipher_version").fetchone()
        if not version or _version_tuple(version[0]) < MIN_CIPHER_VERSION:
            problems.append("SQLCipher is older than 4.6 or missing")
        options = {row[0] for row in cur.execute("PRAGMA compile_options").fetchall()}
        if not options & {"TEMP_STORE=2", "TEMP_STORE=3"}:
            problems.append("SQLCipher was not built with TEMP_STORE=2 or 3")
        if cur.execute("PRAGMA temp_store").fetchone()[0] != 2:
            problems.append("temp_store is not MEMORY")
        if str(cur.execute("PRAGMA cipher_use_hmac").fetchone()[0]) != "1":
            problems.append("cipher_use_hmac is off")
        if cur.execute("PRAGMA secure_delete").fetchone()[0] != 1:
            problems.append("secure_delete is off")
        if cur.execute("PRAGMA foreign_keys").fetchone()[0] != 1:
            problems.append("foreign_keys is off")
        if cur.execute("PRAGMA synchronous").fetchone()[0] != 2:
            problems.append("synchronous is not FULL")
    finally:
        cur.close()
    return problems
