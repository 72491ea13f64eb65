"""Case repository functions: each takes the caller's ``Session`` (STYLE.md practice 9).

Also keeps the full-text index (``case_search``, an FTS5 table inside the encrypted database) in
step with every committed change, and lists cases as light summaries for the case list.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session, selectinload, sessionmaker

from redress.models import attachments as blobs
from redress.models import audit
from redress.models.errors import NotFoundError
from redress.models.schema import (
    AdverseParty,
    Attachment,
    Case,
    ChecklistAnswer,
    Client,
    Deadline,
    EvidenceItem,
    ExploitationPeriod,
    GeneratedDocument,
    Note,
    OfficialDocument,
    RecordEntry,
    Stage,
)

_TOUCHED = "redress_touched_cases"
_CASE_CHILDREN = (
    Client,
    ExploitationPeriod,
    RecordEntry,
    EvidenceItem,
    AdverseParty,
    OfficialDocument,
    Deadline,
    Note,
    Attachment,
    GeneratedDocument,
    ChecklistAnswer,
)


# --- full-text index --------------------------------------------------------------------------


def search_body(case: Case) -> str:
    """The text a case is found by: names, narratives, record entries, parties, notes."""
    parts: list[str | None] = [case.reference, case.jurisdiction, case.assigned_to]
    client = case.client
    if client is not None:
        parts += [client.pseudonym, client.legal_name, *client.other_names, client.nationality]
        parts += [client.preferred_language]
    for period in case.periods:
        parts += [period.location, period.description, *period.means, *period.forms]
    for entry in case.record_entries:
        parts += [
            entry.docket,
            entry.court,
            entry.statute,
            entry.offence_text,
            entry.offence_category.value,
            entry.nexus_client,
            entry.nexus_lawyer,
            entry.sentence,
        ]
    for party in case.adverse_parties:
        parts += [party.name, *party.name_variants, party.notes]
    for item in case.evidence:
        parts += [item.title, item.description]
    for doc in case.documentation:
        parts += [doc.issuer, doc.reference, doc.notes]
    for deadline in case.deadlines:
        parts += [deadline.title, deadline.basis]
    for note in case.notes:
        parts += [note.body]
    parts += [answer.notes for answer in case.checklist_answers]
    parts += [a.name for a in case.attachments]
    # Names like O'Brien or Al-Masri are also indexed without punctuation, so "obrien" finds them.
    names = [client.legal_name, client.pseudonym, *client.other_names] if client else []
    names += [n for party in case.adverse_parties for n in (party.name, *party.name_variants)]
    parts += [squeezed for n in names if (squeezed := _squeeze(n)) != n]
    return "\n".join(p for p in parts if p)


def _squeeze(name: str) -> str:
    return " ".join(re.sub(r"[\W_]+", "", word) for word in name.split())


def _case_id_of(obj: object) -> str | None:
    if isinstance(obj, Case):
        return obj.id
    if isinstance(obj, _CASE_CHILDREN):
        return obj.case_id
    return None


def _collect(session: Session, _context: Any) -> None:
    touched: set[str] = session.info.setdefault(_TOUCHED, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        case_id = _case_id_of(obj)
        if case_id:
            touched.add(case_id)


def _reindex(session: Session) -> None:
    session.flush()
    touched: set[str] = session.info.pop(_TOUCHED, set())
    if touched:
        reindex(session, touched)


def reindex(session: Session, case_ids: Iterable[str]) -> None:
    """Rebuild the full-text rows of the given cases (deleted cases lose theirs)."""
    ids = list(case_ids)
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        session.execute(
            text("DELETE FROM case_search WHERE case_id IN (SELECT value FROM json_each(:ids))"),
            {"ids": json.dumps(batch)},
        )
        loaded = session.execute(
            select(Case).where(Case.id.in_(batch)).options(selectinload("*"))
        ).scalars()
        rows = [{"id": case.id, "body": search_body(case)} for case in loaded]
        if rows:
            session.execute(
                text("INSERT INTO case_search (case_id, body) VALUES (:id, :body)"), rows
            )


def install_search_index(sessions: sessionmaker[Session]) -> None:
    """Keep ``case_search`` current for every session made by ``sessions``."""
    event.listen(sessions, "after_flush", _collect)
    event.listen(sessions, "before_commit", _reindex)


def fts_query(user_text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word, as a prefix, all required."""
    words = re.findall(r"\w+", user_text, flags=re.UNICODE)
    return " ".join('"' + w.replace('"', "") + '"*' for w in words)


def search(session: Session, user_text: str, limit: int = 500) -> list[str]:
    """Ids of cases matching every word typed (prefixes, accents folded), best first."""
    query = fts_query(user_text)
    if not query:
        return []
    rows = session.execute(
        text("SELECT case_id FROM case_search WHERE case_search MATCH :q ORDER BY rank LIMIT :n"),
        {"q": query, "n": limit},
    )
    return [row[0] for row in rows]


# --- cases ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseSummary:
    """What the case list shows for one case (the pseudonym, never the legal name).

    Attributes:
        id: the case id.
        reference: the human-friendly reference (``RD-2026-0001``).
        pseudonym: the client's pseudonym.
        jurisdiction: the case's main jurisdiction code.
        stage: where the case stands.
        entries: how many record entries it has.
        next_deadline: the earliest open deadline, if any.
        updated_at: last change.
        fictional: demo data.
    """

    id: str
    reference: str
    pseudonym: str
    jurisdiction: str
    stage: Stage
    entries: int
    next_deadline: dt.date | None
    updated_at: dt.datetime
    fictional: bool


def list_cases(session: Session) -> list[CaseSummary]:
    """Every case as a summary, in reference order, in one query."""
    entries = (
        select(RecordEntry.case_id, func.count().label("n"))
        .group_by(RecordEntry.case_id)
        .subquery()
    )
    deadlines = (
        select(Deadline.case_id, func.min(Deadline.due_date).label("due"))
        .where(Deadline.done.is_(False))
        .group_by(Deadline.case_id)
        .subquery()
    )
    stmt = (
        select(
            Case.id,
            Case.reference,
            Client.pseudonym,
            Case.jurisdiction,
            Case.stage,
            func.coalesce(entries.c.n, 0),
            deadlines.c.due,
            Case.updated_at,
            Case.fictional,
        )
        .join(Client, Client.case_id == Case.id)
        .outerjoin(entries, entries.c.case_id == Case.id)
        .outerjoin(deadlines, deadlines.c.case_id == Case.id)
        .order_by(Case.reference)
    )
    return [CaseSummary(*row) for row in session.execute(stmt)]


def next_reference(session: Session, year: int | None = None) -> str:
    """The next free reference for a year, ``RD-YYYY-NNNN`` (more digits after 9999)."""
    year = year or dt.date.today().year
    prefix = f"RD-{year}-"
    numbers = session.execute(
        select(Case.reference).where(Case.reference.like(prefix + "%"))
    ).scalars()
    highest = max(
        (int(ref[len(prefix) :]) for ref in numbers if ref[len(prefix) :].isdigit()), default=0
    )
    return f"{prefix}{highest + 1:04d}"


def find_case(session: Session, ident: str) -> Case:
    """A case by id, reference, or an unambiguous id prefix of at least 8 characters.

    Raises:
        NotFoundError: no single case matches.
    """
    ident = ident.strip()
    case = session.get(Case, ident)
    if case is None:
        case = session.execute(
            select(Case).where(Case.reference.in_({ident, ident.upper()})).limit(1)
        ).scalar()
    if case is None and len(ident) >= 8:
        matches = (
            session.execute(select(Case).where(Case.id.like(ident + "%")).limit(2)).scalars().all()
        )
        if len(matches) == 1:
            case = matches[0]
    if case is None:
        raise NotFoundError("no case with that id or reference in this vault")
    return case


def load_case(session: Session, case_id: str) -> Case:
    """A case with every part loaded, detached from the session, for a view to display.

    Raises:
        NotFoundError: no such case.
    """
    case = session.execute(
        select(Case).where(Case.id == case_id).options(selectinload("*"))
    ).scalar()
    if case is None:
        raise NotFoundError("no case with that id or reference in this vault")
    for entry in case.record_entries:
        _ = entry.evidence
    for item in case.evidence:
        _ = item.record_entries
    session.expunge_all()
    return case


def upcoming_deadlines(
    session: Session, today: dt.date, days: int = 30
) -> list[tuple[Deadline, str, str]]:
    """Open deadlines due within ``days`` of ``today`` or already overdue, soonest first.

    Returns:
        (deadline, case reference, client pseudonym) for each, detached.
    """
    rows = session.execute(
        select(Deadline, Case.reference, Client.pseudonym)
        .join(Case, Case.id == Deadline.case_id)
        .join(Client, Client.case_id == Case.id)
        .where(Deadline.done.is_(False))
        .where(Deadline.due_date <= today + dt.timedelta(days=days))
        .order_by(Deadline.due_date, Deadline.id)
    ).all()
    session.expunge_all()
    return [(row[0], row[1], row[2]) for row in rows]


def add_case(session: Session, case: Case) -> Case:
    """Add a new case (with a reference if it has none) and record it in the audit log."""
    if not case.reference:
        case.reference = next_reference(session)
    session.add(case)
    session.flush()
    audit.record(
        session, "case.created", case_id=case.id, detail=f"jurisdiction {case.jurisdiction}"
    )
    return case


def delete_case(session: Session, case: Case) -> None:
    """Delete a case and everything in it; its attachment keys go with it (crypto-erase)."""
    case_id = case.id
    session.delete(case)
    session.flush()
    audit.record(session, "case.deleted", case_id=case_id)


# --- attachments ------------------------------------------------------------------------------


def add_attachment(
    session: Session,
    attachments_dir: Path,
    case: Case,
    source: BinaryIO,
    name: str,
    media_type: str | None = None,
) -> Attachment:
    """Encrypt ``source`` into the vault and record it on ``case`` in the caller's transaction."""
    display = blobs.clean_name(name)
    sealed = blobs.seal(attachments_dir, source)
    row = Attachment(
        case_id=case.id,
        name=display,
        media_type=media_type or blobs.guess_media_type(display),
        size=sealed.size,
        sha256=sealed.sha256,
        blob=sealed.blob,
        file_key=sealed.file_key,
        chunk_size=sealed.chunk_size,
        chunks=sealed.chunks,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        "attachment.added",
        case_id=case.id,
        detail=f"{row.media_type}, {sealed.size} bytes",
    )
    return row


def find_attachment(session: Session, case: Case, ident: str) -> Attachment:
    """An attachment of ``case`` by id or by file name (case-insensitive).

    Raises:
        NotFoundError: none, or the name is ambiguous.
    """
    rows = [a for a in case.attachments if a.id == ident]
    if not rows:
        rows = [a for a in case.attachments if a.name.casefold() == ident.casefold()]
    if len(rows) != 1:
        raise NotFoundError(
            "no attachment with that name or id on this case"
            if not rows
            else "several attachments have that name; use the attachment id"
        )
    return rows[0]


def sealed(row: Attachment) -> blobs.SealedBlob:
    """The blob description of an attachment row."""
    return blobs.SealedBlob(
        row.blob, row.file_key, row.size, row.sha256, row.chunk_size, row.chunks
    )
