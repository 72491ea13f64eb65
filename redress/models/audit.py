"""The append-only, hash-chained audit log (who did what and when; never the content).

Each entry's hash is SHA-256 over the previous entry's hash and the entry's own fields in a
canonical encoding, so editing or removing any entry breaks every later link. The newest entry is
also anchored in the (authenticated) key-slot file on open and close, so removing entries from
the end is noticed too.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redress.models.keyslots import canonical_json
from redress.models.schema import AuditEntry, utcnow

GENESIS = "0" * 64


def current_actor() -> str:
    """The operating-system account running Redress (a staff member, never a client)."""
    try:
        return getpass.getuser()
    except Exception:  # no user database entry, as in some containers
        return "unknown"


def entry_hash(
    prev_hash: str,
    seq: int,
    at: dt.datetime,
    actor: str,
    action: str,
    case_id: str | None,
    detail: str,
) -> str:
    """The chained hash of one entry."""
    payload = canonical_json(
        {
            "seq": seq,
            "at": at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            "actor": actor,
            "action": action,
            "case_id": case_id,
            "detail": detail,
        }
    )
    return hashlib.sha256(prev_hash.encode("ascii") + payload).hexdigest()


def record(
    session: Session, action: str, *, case_id: str | None = None, detail: str = ""
) -> AuditEntry:
    """Append an entry in the caller's transaction.

    Args:
        session: the open session of the user action being recorded.
        action: a short verb phrase such as ``case.created`` or ``attachment.added``.
        case_id: the case concerned, if any (an id, not a name).
        detail: non-sensitive detail (counts, kinds, sizes), never case text.

    Returns:
        The new entry.
    """
    last = session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).scalar()
    seq = 1 if last is None else last.seq + 1
    prev = GENESIS if last is None else last.hash
    at = utcnow()
    actor = current_actor()
    entry = AuditEntry(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        case_id=case_id,
        detail=detail,
        prev_hash=prev,
        hash=entry_hash(prev, seq, at, actor, action, case_id, detail),
    )
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainReport:
    """The result of verifying the chain.

    Attributes:
        entries: how many entries were checked.
        problems: what is wrong (empty when the chain is intact).
        head_seq: sequence number of the newest entry (0 if none).
        head_hash: its hash.
    """

    entries: int
    problems: tuple[str, ...]
    head_seq: int
    head_hash: str

    @property
    def ok(self) -> bool:
        """Whether the chain verified."""
        return not self.problems


def head(session: Session) -> tuple[int, str]:
    """The newest entry's sequence number and hash."""
    last = session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).scalar()
    return (0, GENESIS) if last is None else (last.seq, last.hash)


def verify(session: Session, anchor_seq: int = 0, anchor_hash: str = "") -> ChainReport:
    """Walk the chain from the start and check every link, and the anchor if given."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    seen_anchor = anchor_seq == 0
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
        if entry.seq != expected_seq:
            problems.append(f"audit entry {expected_seq} is missing (next is {entry.seq})")
            expected_seq = entry.seq
        if entry.prev_hash != prev:
            problems.append(f"audit entry {entry.seq} does not follow the entry before it")
        recomputed = entry_hash(
            entry.prev_hash,
            entry.seq,
            entry.at,
            entry.actor,
            entry.action,
            entry.case_id,
            entry.detail,
        )
        if recomputed != entry.hash:
            problems.append(f"audit entry {entry.seq} has been altered")
        if entry.seq == anchor_seq:
            seen_anchor = True
            if entry.hash != anchor_hash:
                problems.append(
                    f"audit entry {entry.seq} differs from the copy anchored at last close"
                )
        prev = entry.hash
        expected_seq += 1
    if not seen_anchor:
        problems.append(
            f"the audit log ends before entry {anchor_seq}, which was recorded at last close"
        )
    total = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    head_seq, head_hash = head(session)
    return ChainReport(int(total), tuple(problems), head_seq, head_hash)
