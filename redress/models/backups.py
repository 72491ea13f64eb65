"""Rotating encrypted backups of the vault database.

A backup is made with SQLite's online backup API between two keyed connections, so it is a
consistent snapshot and stays encrypted with the same data key: the vault's current key-slot
file opens every backup. Backups are written under a temporary name, fsynced and renamed, and
only the newest :data:`BACKUPS_KEPT` are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine

from redress.models.database import apply_connection_pragmas, db_uri
from redress.models.errors import VaultDamagedError
from redress.models.fsutil import PRIVATE_FILE_MODE, fsync_dir, make_private_dir, private_umask

BACKUPS_KEPT = 10
_STAMP = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class BackupInfo:
    """One rotating backup.

    Attributes:
        path: the backup file.
        name: its file name (used to pick one for a restore).
        reason: why it was made (``close``, ``pre-migration``, ``pre-passphrase-change``...).
        created: when (UTC).
        size: bytes.
    """

    path: Path
    name: str
    reason: str
    created: dt.datetime
    size: int


def write_backup(
    engine: Engine, key: bytes, backups_dir: Path, reason: str, *, verify: bool = False
) -> Path:
    """Copy the database behind ``engine`` into ``backups_dir`` and rotate old copies.

    Args:
        engine: the open vault's engine.
        key: the data key (the copy is keyed identically).
        backups_dir: the vault's ``backups/`` folder.
        reason: a short word recorded in the file name.
        verify: run SQLCipher's and SQLite's integrity checks on the copy first.

    Returns:
        The new backup file.

    Raises:
        VaultDamagedError: ``verify`` was asked and the copy failed it (nothing is kept).
    """
    make_private_dir(backups_dir)
    name = f"vault-{dt.datetime.now(dt.UTC).strftime(_STAMP)}-{reason}.db"
    final = backups_dir / name
    tmp = backups_dir / f".{name}.tmp"
    with private_umask():
        target = sqlcipher3.dbapi2.connect(db_uri(tmp, create=True), uri=True)
    try:
        apply_connection_pragmas(target, key)
        with engine.connect() as conn:
            conn.connection.dbapi_connection.backup(target)  # type: ignore[union-attr]
        if verify:
            result = target.execute("PRAGMA cipher_integrity_check").fetchall()
            ok = target.execute("PRAGMA integrity_check").fetchone()
            if result or not ok or ok[0] != "ok":
                raise VaultDamagedError(
                    "the backup failed its integrity check; nothing was changed"
                )
        target.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        target.close()
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    target.close()
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, PRIVATE_FILE_MODE)
    os.replace(tmp, final)
    fsync_dir(backups_dir)
    for old in list_backups(backups_dir.parent)[BACKUPS_KEPT:]:
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()
    return final


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in a vault folder, newest first (readable without unlocking)."""
    found: list[BackupInfo] = []
    backups = Path(folder) / "backups"
    if not backups.is_dir():
        return found
    for path in backups.glob("vault-*.db"):
        parts = path.stem.split("-", 2)
        if len(parts) != 3:
            continue
        try:
            created = dt.datetime.strptime(parts[1], _STAMP).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        found.append(BackupInfo(path, path.name, parts[2], created, path.stat().st_size))
    found.sort(key=lambda b: b.created, reverse=True)
    return found
