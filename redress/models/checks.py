"""``redress check``: everything about an open vault that can be verified."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from redress.models import attachments as blobs
from redress.models import audit, cases
from redress.models.database import apply_connection_pragmas, configuration_problems, db_uri
from redress.models.errors import AttachmentError, VaultError
from redress.models.keyslots import Argon2Params, KeySlotFile, read_keyslot_file
from redress.models.schema import Attachment, VaultMeta


@dataclass(frozen=True)
class CheckItem:
    """One line of ``redress check``.

    Attributes:
        name: what was checked.
        ok: whether it passed.
        detail: a one-line, non-sensitive explanation.
    """

    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class CheckReport:
    """Everything ``redress check`` verified.

    Attributes:
        items: the individual checks.
    """

    items: tuple[CheckItem, ...]

    @property
    def ok(self) -> bool:
        """Whether every check passed."""
        return all(item.ok for item in self.items)


def _pragma_rows(raw: Any, pragma: str) -> list[Any]:
    """Rows of an integrity pragma; if damage stops the pragma itself, that is the one row."""
    try:
        return [row[0] for row in raw.execute(pragma).fetchall()]
    except sqlcipher3.dbapi2.DatabaseError as exc:
        # Damage surfaces in many wordings ("malformed", "not a database", "vtable constructor
        # failed" for a damaged FTS page...); only a busy or locked database is not damage.
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise
        return [f"the check stopped on a damaged page ({exc})"]


def _database_items(db_path: Path, data_key: bytes) -> list[CheckItem]:
    # A fresh connection, not a pooled one: FTS5 keeps a per-connection cache of its index
    # structure, and a pooled connection that last read before other connections wrote can
    # report a sound full-text index as corrupt ("fts5: checksum mismatch").
    raw: Any = sqlcipher3.dbapi2.connect(db_uri(db_path, create=False), uri=True)
    try:
        try:
            apply_connection_pragmas(raw, data_key)
        except VaultError as exc:
            return [CheckItem("SQLCipher page authentication", False, str(exc))]
        cipher = _pragma_rows(raw, "PRAGMA cipher_integrity_check")
        integrity = _pragma_rows(raw, "PRAGMA integrity_check")
        problems = configuration_problems(raw)
    finally:
        raw.close()
    return [
        CheckItem(
            "SQLCipher page authentication",
            not cipher,
            f"{len(cipher)} damaged page(s)" if cipher else "every page's HMAC verified",
        ),
        CheckItem(
            "SQLite integrity",
            integrity == ["ok"],
            "ok" if integrity == ["ok"] else f"{len(integrity)} problem(s): {integrity[0]}"[:300],
        ),
        CheckItem(
            "SQLCipher configuration",
            not problems,
            "; ".join(problems) or "temp_store=MEMORY, HMAC on, secure_delete, FULL sync",
        ),
    ]


def _session_items(
    session: Session, slots: KeySlotFile, attachments_dir: Path, attachments: bool
) -> list[CheckItem]:
    report = audit.verify(session, slots.audit_seq, slots.audit_hash)
    meta = session.get(VaultMeta, "counter")
    db_counter = int(meta.value) if meta else 0
    items = [
        CheckItem(
            "audit log chain",
            report.ok,
            f"{report.entries} entries verified" if report.ok else "; ".join(report.problems[:3]),
        ),
        CheckItem(
            "rollback counter",
            db_counter >= slots.counter,
            f"database {db_counter}, key-slot file {slots.counter}",
        ),
    ]
    if attachments:
        rows = session.execute(select(Attachment)).scalars().all()
        bad = 0
        for row in rows:
            try:
                blobs.verify(attachments_dir, cases.sealed(row))
            except AttachmentError:
                bad += 1
        detail = f"{len(rows)} verified" if not bad else f"{bad} of {len(rows)} damaged or missing"
        items.append(CheckItem("attachments", bad == 0, detail))
    return items


def _slot_item(keyslots_path: Path, data_key: bytes) -> CheckItem:
    try:
        slots, mac = read_keyslot_file(keyslots_path)
        slots.verify(data_key, mac)
        for slot in slots.slots:
            if slot.type == "passphrase":
                Argon2Params.from_json(slot.kdf)
    except VaultError as exc:
        return CheckItem("key slots", False, str(exc))
    if slots.slot("passphrase") is None:
        return CheckItem("key slots", False, "there is no passphrase slot")
    kinds = ", ".join(sorted(s.type for s in slots.slots))
    return CheckItem("key slots", True, f"authenticated; slots: {kinds}")


def check_vault(
    db_path: Path,
    sessions: sessionmaker[Session],
    keyslots_path: Path,
    attachments_dir: Path,
    slots: KeySlotFile,
    data_key: bytes,
    *,
    attachments: bool = True,
) -> CheckReport:
    """Run every check and report each one.

    Covers page HMACs, SQLite integrity, configuration, the audit chain, the rollback counter,
    attachments (each decrypted) and the key-slot file.
    """
    items = _database_items(db_path, data_key)
    try:
        with sessions() as session:
            items += _session_items(session, slots, attachments_dir, attachments)
    except DBAPIError:
        items.append(
            CheckItem(
                "audit log, counter and attachments",
                False,
                "could not be read: the database is damaged",
            )
        )
    items.append(_slot_item(keyslots_path, data_key))
    return CheckReport(tuple(items))
