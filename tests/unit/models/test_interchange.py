"""The case JSON interchange: exact round trips, every kind of error, nothing written on failure."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSPHRASE, NoKeychain
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redress.models import audit
from redress.models import cases as case_repo
from redress.models import interchange as ix
from redress.models import schema as orm
from redress.models.errors import CaseFormatError, FormatIssue
from redress.models.keyslots import Argon2Params
from redress.models.schema import (
    AdverseParty,
    AuditEntry,
    Case,
    Client,
    Deadline,
    EvidenceItem,
    ExploitationPeriod,
    Note,
    OfficialDocument,
    RecordEntry,
)
from redress.models.vault import Vault

YEAR = dt.date.today().year
E0 = "0b6f2c1e-3d4a-4b5c-8d9e-0f1a2b3c4d5e"
E1 = "1c7a3d2f-4e5b-4c6d-9eaf-1a2b3c4d5e6f"
STRANGER_ID = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
STAGES = "intake, screening, drafting, filed, decided, closed"


@pytest.fixture
def other_vault(tmp_path: Path) -> Iterator[Vault]:
    """A second, empty vault to import into."""
    vault, _recovery = Vault.create(
        tmp_path / "other", PASSPHRASE, kdf=Argon2Params(), keychain=NoKeychain()
    )
    try:
        yield vault
    finally:
        vault.close(backup=False)


# --- helpers ----------------------------------------------------------------------------------


def minimal_case(**extra: Any) -> dict[str, Any]:
    return {
        "jurisdiction": "US-NY",
        "client": {"legal_name": "Layla Haddad", "pseudonym": "Iris"},
        **extra,
    }


def document(*cases: dict[str, Any]) -> dict[str, Any]:
    return {"format": "redress-case", "version": 1, "cases": list(cases) or [minimal_case()]}


def valid_document() -> dict[str, Any]:
    """One case touching every object kind, with links (the base for the error tests)."""
    return document(
        minimal_case(
            reference="RD-2026-0007",
            periods=[{"start_date": "2019-03-01", "end_date": "2020-06-30", "forms": ["sexual"]}],
            record_entries=[
                {
                    "id": E0,
                    "kind": "criminal",
                    "jurisdiction": "US-NY",
                    "offence_text": "Loitering for the purpose of prostitution",
                    "arrest_date": "2019-05-02",
                    "disposition_date": "2019-07-01",
                    "fines_owed": "250.00",
                    "fines_currency": "USD",
                },
                {"id": E1, "kind": "immigration", "jurisdiction": "US-FED", "offence_text": "EWI"},
            ],
            evidence=[{"title": "Certificate of disposition", "record_entry_ids": [E0]}],
            deadlines=[{"title": "File motion", "due_date": "2027-01-15", "record_entry_id": E1}],
            notes=[{"body": "First meeting", "created_at": "2026-01-05T10:00:00Z"}],
        )
    )


def strip_exported_at(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "exported_at"}


def count(session: Session, model: type[orm.Base]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def table_counts(vault: Vault) -> dict[str, int]:
    models: list[type[orm.Base]] = [
        Case,
        Client,
        ExploitationPeriod,
        RecordEntry,
        EvidenceItem,
        AdverseParty,
        OfficialDocument,
        Deadline,
        Note,
        AuditEntry,
    ]
    with vault.transaction() as session:
        return {m.__name__: count(session, m) for m in models}


def export_from(vault: Vault, case_ids: list[str]) -> dict[str, Any]:
    with vault.transaction() as session:
        return ix.export_document([case_repo.find_case(session, i) for i in case_ids])


def assert_not_leaked(issues: list[FormatIssue], secret: str) -> None:
    assert issues
    for issue in issues:
        assert secret not in str(issue)
    assert secret not in str(CaseFormatError(issues))


# --- a rich case, made the way the application makes one -------------------------------------

ARABIC_NAME = "فاطمة الزهراء بن علي"


def make_rich_case(session: Session) -> Case:
    """Every field set; unicode, apostrophes and ampersands in names; links everywhere."""
    at = dt.datetime(
        2025, 4, 1, 9, 15, 30, 123456, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))
    )
    entries = [
        RecordEntry(
            kind=orm.EntryKind.CRIMINAL,
            jurisdiction="GB-EWS",
            court="Snaresbrook Crown Court",
            docket="T2019/0042",
            statute="Misuse of Drugs Act 1971 s.6",
            offence_text="Cultivation of cannabis — “gardener” in a house in Leeds",
            offence_category=orm.OffenceCategory.CANNABIS_CULTIVATION,
            offence_level=orm.OffenceLevel.EITHER_WAY,
            arrest_date=dt.date(2019, 2, 3),
            charge_date=dt.date(2019, 2, 4),
            disposition_date=dt.date(2019, 9, 30),
            disposition=orm.Disposition.CONVICTED_PLEA,
            sentence="18 months & a confiscation order",
            fines_owed=Decimal("1250.00"),
            fines_currency="GBP",
            nexus_client="He took my passport & said I owed £20,000",
            nexus_lawyer="Compelled by debt bondage (s.45 MSA 2015)",
            source="court record",
            recorded_at=at,
        ),
        RecordEntry(
            kind=orm.EntryKind.IMMIGRATION,
            jurisdiction="GB-EWS",
            offence_text="Overstay",
            offence_category=orm.OffenceCategory.IMMIGRATION,
            offence_level=orm.OffenceLevel.IMMIGRATION,
            disposition=orm.Disposition.REMOVAL_ORDER,
            fines_owed=Decimal("0.5"),
            fines_currency="EUR",
            source="Home Office letter",
            recorded_at=at,
        ),
        RecordEntry(
            kind=orm.EntryKind.ADMINISTRATIVE,
            jurisdiction="NL",
            offence_text="Boete",
            fines_owed=Decimal("99999999.9999"),
            fines_currency="EUR",
            recorded_at=at,
        ),
    ]
    case = Case(
        reference="RD-2025-0042",
        stage=orm.Stage.DRAFTING,
        jurisdiction="GB-EWS",
        assigned_to="Siobhán O'Connor",
        team=["Ngozi Okonkwo-Adébáyọ̀", "Tom & Jerry's paralegal"],
        fictional=True,
        cooperation=orm.Cooperation.DECLINED,
        cooperation_notes='Declined: "fear of reprisals"\nSee note 2.',
        created_at=dt.datetime(2025, 3, 31, 23, 59, 59, 999999, tzinfo=dt.UTC),
        updated_at=at,
        client=Client(
            legal_name=ARABIC_NAME,
            pseudonym="Rose O'Neil & Co",
            other_names=["Fatima Al-Zahra'", "F. O'Brien", "Фатима"],
            preferred_language="ar",
            date_of_birth=dt.date(2001, 2, 28),
            minor_at_offences=True,
            interpreter_needed=True,
            interpreter_language="Arabic (Levantine)",
            gender_preference="female interpreter",
            pronouns="she/her",
            nationality="SY",
            safe_contact="Via caseworker only — never text",
            source="client interview",
            recorded_at=at,
        ),
        periods=[
            ExploitationPeriod(
                position=0,
                start_date=dt.date(2017, 6, 1),
                end_date=dt.date(2019, 2, 3),
                forms=["forced_criminality", "labour"],
                relationship_to_trafficker=orm.Relationship.EMPLOYER,
                means=["debt bondage", "confiscation of passport", "threats against family"],
                location="Leeds & Bradford",
                description="Made to tend plants; locked in",
                source="client interview",
                recorded_at=at,
            ),
            ExploitationPeriod(
                position=1,
                forms=["domestic_servitude"],
                relationship_to_trafficker=orm.Relationship.FAMILY_MEMBER,
                recorded_at=at,
            ),
        ],
        record_entries=entries,
        evidence=[
            EvidenceItem(
                position=0,
                title="Certificate of conviction",
                kind=orm.EvidenceKind.COURT_RECORD,
                description="Certified copy",
                date=dt.date(2019, 10, 1),
                held_by="Clinic safe",
                supports=["conviction", "dates"],
                record_entries=[entries[2], entries[0]],  # export lists them in entry order
                source="court record",
                recorded_at=at,
            ),
            EvidenceItem(
                position=1, title="Messages", kind=orm.EvidenceKind.MESSAGES, recorded_at=at
            ),
        ],
        adverse_parties=[
            AdverseParty(
                position=0,
                name='Mehmet "Memo" Y.',
                name_variants=["Memo", "M. Yılmaz"],
                role=orm.PartyRole.CONTROLLER,
                relationship_to_client=orm.Relationship.RECRUITER,
                notes="Drives a grey van",
                source="client interview",
                recorded_at=at,
            )
        ],
        documentation=[
            OfficialDocument(
                position=0,
                kind=orm.DocumentationKind.NRM_CONCLUSIVE_GROUNDS,
                issuer="Single Competent Authority",
                reference="SCA/123/456",
                issued_date=dt.date(2021, 5, 6),
                notes="Positive decision",
                source="official letter",
                recorded_at=at,
            )
        ],
        notes=[
            Note(body="Met at the clinic; used interpreter.", author="S. O'Connor", created_at=at),
            Note(body="Second note — same second", author=None, created_at=at),
        ],
    )
    case_repo.add_case(session, case)
    # Deadline.record_entry_id is a bare foreign key: the entry must exist first.
    case.deadlines = [
        Deadline(
            title="Appeal out of time",
            due_date=dt.date(2027, 2, 1),
            kind=orm.DeadlineKind.FILING,
            basis="CACD leave application",
            citation="Criminal Appeal Act 1968 s.18",
            done=False,
            record_entry_id=entries[0].id,
            origin="rule",
        ),
        Deadline(title="Call client", due_date=dt.date(2027, 2, 1), done=True),
        Deadline(title="Hearing", due_date=dt.date(2026, 12, 1), kind=orm.DeadlineKind.HEARING),
    ]
    session.flush()
    return case


# --- exact round trips ------------------------------------------------------------------------


def test_rich_case_round_trips_exactly(vault: Vault, other_vault: Vault) -> None:
    with vault.transaction() as session:
        case_id = make_rich_case(session).id
    first = export_from(vault, [case_id])
    assert ix.validate_document(first) == []
    assert ix.load_json(ix.dump_json(first)) == first
    assert ix.load_json(ix.dump_json(first).encode("utf-8")) == first

    with other_vault.transaction() as session:
        imported = ix.import_document(session, ix.load_json(ix.dump_json(first)))
        assert [c.id for c in imported] == [case_id]
    second = export_from(other_vault, [case_id])
    assert strip_exported_at(second) == strip_exported_at(first)

    exported = first["cases"][0]
    assert exported["client"]["legal_name"] == ARABIC_NAME
    assert exported["client"]["pseudonym"] == "Rose O'Neil & Co"
    assert exported["updated_at"] == "2025-04-01T03:45:30.123456+00:00"  # +05:30 made UTC
    assert exported["created_at"] == "2025-03-31T23:59:59.999999+00:00"
    assert [e["fines_owed"] for e in exported["record_entries"]] == [
        "1250.00",
        "0.5",
        "99999999.9999",
    ]
    entry_ids = [e["id"] for e in exported["record_entries"]]
    assert exported["evidence"][0]["record_entry_ids"] == [entry_ids[0], entry_ids[2]]
    assert exported["evidence"][1]["record_entry_ids"] == []
    assert exported["deadlines"][0]["title"] == "Hearing"  # by due date
    linked = [d for d in exported["deadlines"] if d["record_entry_id"]]
    assert [(d["record_entry_id"], d["origin"]) for d in linked] == [(entry_ids[0], "rule")]
    assert "attachment_id" not in json.dumps(first)


def test_import_keeps_timestamps_and_links_in_the_vault(vault: Vault, other_vault: Vault) -> None:
    with vault.transaction() as session:
        case_id = make_rich_case(session).id
    first = export_from(vault, [case_id])
    with other_vault.transaction() as session:
        ix.import_document(session, first)
    with other_vault.transaction() as session:
        case = case_repo.find_case(session, "RD-2025-0042")
        assert case.updated_at == dt.datetime(2025, 4, 1, 3, 45, 30, 123456, tzinfo=dt.UTC)
        assert case.record_entries[0].fines_owed == Decimal("1250.00")
        assert [p.position for p in case.periods] == [0, 1]
        assert {e.id for e in case.evidence[0].record_entries} == {
            case.record_entries[0].id,
            case.record_entries[2].id,
        }
        links = {d.title: d.record_entry_id for d in case.deadlines}
        assert links == {
            "Hearing": None,
            "Appeal out of time": case.record_entries[0].id,
            "Call client": None,
        }
        # the import is in the audit log (ids and counts only) and the chain holds
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "case.imported"))
        details = [(e.case_id, e.detail) for e in entries]
        assert details == [(case.id, "case file version 1, jurisdiction GB-EWS, 3 record entries")]
        assert audit.verify(session).ok
        # and in the search index
        assert case.id in case_repo.search(session, "فاطمة")
        assert case.id in case_repo.search(session, "obrien")


def test_two_cases_round_trip_in_order(vault: Vault, other_vault: Vault) -> None:
    doc = document(minimal_case(reference="ZZ-2"), minimal_case(reference="AA-1"))
    with vault.transaction() as session:
        ids = [c.id for c in ix.import_document(session, doc)]
    first = export_from(vault, ids)
    assert [c["reference"] for c in first["cases"]] == ["ZZ-2", "AA-1"]
    with other_vault.transaction() as session:
        ix.import_document(session, first)
    assert strip_exported_at(export_from(other_vault, ids)) == strip_exported_at(first)


# --- generated documents (property test) ------------------------------------------------------

_TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=20
)
_REQUIRED_TEXT = _TEXT.filter(bool)
_OPTIONAL_TEXT = st.none() | _TEXT
_TEXTS = st.lists(_TEXT, max_size=3)
_DATES = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
_DATETIMES = st.datetimes(
    dt.datetime(1970, 1, 1), dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
).map(lambda d: d.isoformat(timespec="microseconds"))
_MONEY = st.sampled_from(["0.00", "1250.00", "120.50", "0.5", "7", "0.0001"]) | st.builds(
    lambda n, places: str(Decimal(n).scaleb(-places)),
    st.integers(0, 10**15 - 1),
    st.integers(0, 4),
)
_JURISDICTIONS = st.sampled_from(
    ["US-NY", "US-CA", "US-FED", "GB-EWS", "US-TX", "NL", "PH", "INTL"]
)


def _values(cls: type[Any]) -> st.SearchStrategy[str]:
    return st.sampled_from([m.value for m in cls])


def _ordered_dates(draw: st.DrawFn) -> tuple[str | None, str | None]:
    first, second = draw(st.none() | _DATES), draw(st.none() | _DATES)
    if first and second and second < first:
        first, second = second, first
    return (first and first.isoformat(), second and second.isoformat())


@st.composite
def generated_case(draw: st.DrawFn, base: uuid.UUID, c: int) -> dict[str, Any]:
    def ident(tag: str) -> str:
        return str(uuid.uuid5(base, f"{c}/{tag}"))

    def provenance() -> dict[str, Any]:
        return {"source": draw(_OPTIONAL_TEXT), "recorded_at": draw(_DATETIMES)}

    periods = []
    for i in range(draw(st.integers(0, 2))):
        start, end = _ordered_dates(draw)
        periods.append(
            {
                "id": ident(f"p{i}"),
                "start_date": start,
                "end_date": end,
                "forms": draw(st.lists(_values(orm.ExploitationForm), unique=True, max_size=3)),
                "relationship_to_trafficker": draw(_values(orm.Relationship)),
                "means": draw(_TEXTS),
                "location": draw(_OPTIONAL_TEXT),
                "description": draw(_OPTIONAL_TEXT),
                **provenance(),
            }
        )
    entries = []
    for i in range(draw(st.integers(0, 3))):
        arrest, disposed = _ordered_dates(draw)
        entries.append(
            {
                "id": ident(f"e{i}"),
                "kind": draw(_values(orm.EntryKind)),
                "jurisdiction": draw(_JURISDICTIONS),
                "court": draw(_OPTIONAL_TEXT),
                "docket": draw(_OPTIONAL_TEXT),
                "statute": draw(_OPTIONAL_TEXT),
                "offence_text": draw(_REQUIRED_TEXT),
                "offence_category": draw(_values(orm.OffenceCategory)),
                "offence_level": draw(_values(orm.OffenceLevel)),
                "arrest_date": arrest,
                "charge_date": draw(st.none() | _DATES.map(dt.date.isoformat)),
                "disposition_date": disposed,
                "disposition": draw(_values(orm.Disposition)),
                "sentence": draw(_OPTIONAL_TEXT),
                "fines_owed": draw(_MONEY | st.none()),
                "fines_currency": draw(st.none() | st.sampled_from(["USD", "GBP", "EUR", "PHP"])),
                "nexus_client": draw(_OPTIONAL_TEXT),
                "nexus_lawyer": draw(_OPTIONAL_TEXT),
                **provenance(),
            }
        )
    entry_ids = [e["id"] for e in entries]
    evidence = []
    for i in range(draw(st.integers(0, 2))):
        linked = sorted(draw(st.sets(st.sampled_from(range(len(entries))))) if entries else [])
        evidence.append(
            {
                "id": ident(f"v{i}"),
                "title": draw(_REQUIRED_TEXT),
                "kind": draw(_values(orm.EvidenceKind)),
                "description": draw(_OPTIONAL_TEXT),
                "date": draw(st.none() | _DATES.map(dt.date.isoformat)),
                "held_by": draw(_OPTIONAL_TEXT),
                "supports": draw(_TEXTS),
                "record_entry_ids": [entry_ids[k] for k in linked],
                **provenance(),
            }
        )
    parties = [
        {
            "id": ident(f"a{i}"),
            "name": draw(_REQUIRED_TEXT),
            "name_variants": draw(_TEXTS),
            "role": draw(_values(orm.PartyRole)),
            "relationship_to_client": draw(_values(orm.Relationship)),
            "notes": draw(_OPTIONAL_TEXT),
            **provenance(),
        }
        for i in range(draw(st.integers(0, 2)))
    ]
    documentation = [
        {
            "id": ident(f"d{i}"),
            "kind": draw(_values(orm.DocumentationKind)),
            "issuer": draw(_OPTIONAL_TEXT),
            "reference": draw(_OPTIONAL_TEXT),
            "issued_date": draw(st.none() | _DATES.map(dt.date.isoformat)),
            "notes": draw(_OPTIONAL_TEXT),
            **provenance(),
        }
        for i in range(draw(st.integers(0, 2)))
    ]
    deadlines = [
        {
            "id": ident(f"t{i}"),
            "title": draw(_REQUIRED_TEXT),
            "due_date": draw(_DATES).isoformat(),
            "kind": draw(_values(orm.DeadlineKind)),
            "basis": draw(_OPTIONAL_TEXT),
            "citation": draw(_OPTIONAL_TEXT),
            "done": draw(st.booleans()),
            "record_entry_id": draw(st.none() | st.sampled_from(entry_ids)) if entry_ids else None,
            "origin": draw(st.sampled_from(["user", "rule"])),
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    notes = [
        {
            "id": ident(f"n{i}"),
            "body": draw(_REQUIRED_TEXT),
            "author": draw(_OPTIONAL_TEXT),
            "created_at": draw(_DATETIMES),
        }
        for i in range(draw(st.integers(0, 2)))
    ]
    answers = []
    for i in range(draw(st.integers(0, 2))):
        start, end = _ordered_dates(draw)
        answers.append(
            {
                "id": ident(f"q{i}"),
                "checklist_id": "ilo-forced-labour",
                "indicator_id": f"ilo-{i + 1:02d}-indicator",
                "answer": draw(st.sampled_from(["yes", "no", "unknown", "not_asked"])),
                "start_date": start,
                "end_date": end,
                "notes": draw(_OPTIONAL_TEXT),
                "evidence_ids": [],
                **provenance(),
            }
        )
    return {
        "id": ident("case"),
        "reference": f"HX-{c}",
        "stage": draw(_values(orm.Stage)),
        "jurisdiction": draw(_JURISDICTIONS),
        "assigned_to": draw(_OPTIONAL_TEXT),
        "team": draw(_TEXTS),
        "fictional": draw(st.booleans()),
        "cooperation": draw(_values(orm.Cooperation)),
        "cooperation_notes": draw(_OPTIONAL_TEXT),
        "created_at": draw(_DATETIMES),
        "updated_at": draw(_DATETIMES),
        "client": {
            "id": ident("client"),
            "legal_name": draw(_REQUIRED_TEXT),
            "pseudonym": draw(_REQUIRED_TEXT),
            "other_names": draw(_TEXTS),
            "preferred_language": draw(_OPTIONAL_TEXT),
            "date_of_birth": draw(st.none() | _DATES.map(dt.date.isoformat)),
            "minor_at_offences": draw(st.none() | st.booleans()),
            "interpreter_needed": draw(st.booleans()),
            "interpreter_language": draw(_OPTIONAL_TEXT),
            "gender_preference": draw(_OPTIONAL_TEXT),
            "pronouns": draw(_OPTIONAL_TEXT),
            "nationality": draw(_OPTIONAL_TEXT),
            "safe_contact": draw(_OPTIONAL_TEXT),
            **provenance(),
        },
        "periods": periods,
        "record_entries": entries,
        "evidence": evidence,
        "adverse_parties": parties,
        "documentation": documentation,
        # the two lists without a position column are exported in a fixed order
        "deadlines": sorted(deadlines, key=lambda d: (d["due_date"], d["id"])),
        "notes": sorted(notes, key=lambda n: (n["created_at"], n["id"])),
        "checklist_answers": answers,
    }


@st.composite
def generated_documents(draw: st.DrawFn) -> dict[str, Any]:
    base = draw(st.uuids())
    count = draw(st.integers(1, 2))
    return {
        "format": "redress-case",
        "version": 1,
        "exported_at": draw(_DATETIMES),
        "cases": [draw(generated_case(base, c)) for c in range(count)],
    }


def import_then_export(vault: Vault, doc: dict[str, Any]) -> dict[str, Any]:
    """Import, re-read every row from the database, export; then roll back (vault unchanged)."""
    session = vault.sessions()
    try:
        ids = [c.id for c in ix.import_document(session, doc)]
        session.flush()
        session.expire_all()
        return ix.export_document([session.get_one(Case, i) for i in ids])
    finally:
        session.rollback()
        session.close()


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(doc=generated_documents())
def test_generated_documents_round_trip(
    vault: Vault, other_vault: Vault, doc: dict[str, Any]
) -> None:
    assert ix.validate_document(doc) == []
    first = import_then_export(vault, ix.load_json(ix.dump_json(doc)))
    assert strip_exported_at(first) == strip_exported_at(doc)
    second = import_then_export(other_vault, first)
    assert strip_exported_at(second) == strip_exported_at(first)


# --- import behaviour -------------------------------------------------------------------------


def test_import_fills_ids_reference_and_source(vault: Vault) -> None:
    doc = document(
        minimal_case(
            periods=[{"forms": ["labour"]}, {"source": None}, {"source": "client interview"}],
            notes=[{"body": "hello"}],
        )
    )
    before = dt.datetime.now(dt.UTC)
    with vault.transaction() as session:
        (case,) = ix.import_document(session, doc, source_label="spreadsheet 2026")
    with vault.transaction() as session:
        case = case_repo.find_case(session, case.id)
        assert case.reference == f"RD-{YEAR}-0001"
        assert str(uuid.UUID(case.id)) == case.id
        assert case.client.source == "spreadsheet 2026"
        assert [p.source for p in case.periods] == ["spreadsheet 2026", None, "client interview"]
        assert [p.position for p in case.periods] == [0, 1, 2]
        assert case.stage is orm.Stage.INTAKE
        assert case.cooperation is orm.Cooperation.NOT_ASKED
        assert before <= case.created_at <= dt.datetime.now(dt.UTC)
        assert before <= case.client.recorded_at <= dt.datetime.now(dt.UTC)
        assert before <= case.notes[0].created_at <= dt.datetime.now(dt.UTC)


def test_generated_references_never_take_a_reference_in_the_file(vault: Vault) -> None:
    doc = document(minimal_case(), minimal_case(reference=f"RD-{YEAR}-0001"))
    with vault.transaction() as session:
        first, second = ix.import_document(session, doc)
        assert (first.reference, second.reference) == (f"RD-{YEAR}-0002", f"RD-{YEAR}-0001")


def test_datetimes_are_stored_in_utc_and_z_is_accepted(vault: Vault) -> None:
    doc = document(
        minimal_case(
            created_at="2026-03-01T09:30:00+02:00",
            updated_at="2026-03-01T07:30:00Z",
            notes=[{"body": "x", "created_at": "2026-03-01T07:30:00.123456789-00:00"}],
        )
    )
    with vault.transaction() as session:
        (case,) = ix.import_document(session, doc)
        out = ix.export_case(case)
    assert out["created_at"] == out["updated_at"] == "2026-03-01T07:30:00.000000+00:00"
    assert out["notes"][0]["created_at"] == "2026-03-01T07:30:00.123456+00:00"


def test_import_writes_nothing_when_any_case_is_invalid(vault: Vault) -> None:
    bad = minimal_case(record_entries=[{"kind": "criminal", "jurisdiction": "US-NY"}])
    doc = document(minimal_case(), minimal_case(), bad)
    before = table_counts(vault)
    with pytest.raises(CaseFormatError) as caught, vault.transaction() as session:
        ix.import_document(session, doc)
    assert caught.value.issues == [
        FormatIssue("cases[2].record_entries[0].offence_text", "required field missing")
    ]
    assert table_counts(vault) == before


def test_import_writes_nothing_when_the_caller_carries_on(vault: Vault) -> None:
    """Even if the caller catches the error and commits, nothing of the document is there."""
    with vault.transaction() as session:
        (existing,) = ix.import_document(session, document(minimal_case(reference="KEEP-1")))
    before = table_counts(vault)
    doc = document(minimal_case(reference="NEW-1"), minimal_case(id=existing.id))
    with vault.transaction() as session, pytest.raises(CaseFormatError) as caught:
        ix.import_document(session, doc)
    assert caught.value.issues == [FormatIssue("cases[1].id", ix.CASE_EXISTS)]
    assert table_counts(vault) == before


def test_duplicate_case_id_is_refused(vault: Vault) -> None:
    doc = valid_document()
    with vault.transaction() as session:
        (case,) = ix.import_document(session, doc)
    again = export_from(vault, [case.id])
    with pytest.raises(CaseFormatError) as caught, vault.transaction() as session:
        ix.import_document(session, again)
    assert caught.value.issues == [
        FormatIssue("cases[0].id", "a case with this id already exists in the vault"),
        FormatIssue("cases[0].reference", "a case with this reference already exists in the vault"),
    ]
    assert str(caught.value) == (
        "invalid case file: cases[0].id: a case with this id already exists in the vault "
        "(and 1 more)"
    )


def test_existing_reference_or_item_id_is_refused(vault: Vault) -> None:
    with vault.transaction() as session:
        ix.import_document(session, valid_document())
    clash = minimal_case(
        reference="RD-2026-0007",
        record_entries=[{"id": E1, "kind": "civil", "jurisdiction": "NL", "offence_text": "x"}],
    )
    before = table_counts(vault)
    with pytest.raises(CaseFormatError) as caught, vault.transaction() as session:
        ix.import_document(session, document(minimal_case(), clash))
    assert caught.value.issues == [
        FormatIssue("cases[1].reference", ix.REFERENCE_EXISTS),
        FormatIssue("cases[1].record_entries[0].id", ix.ITEM_EXISTS),
    ]
    assert table_counts(vault) == before


def test_invalid_document_is_refused_before_the_vault_is_touched(vault: Vault) -> None:
    with pytest.raises(CaseFormatError) as caught, vault.transaction() as session:
        ix.import_document(session, {"format": "redress-case", "version": 2, "cases": []})
    assert caught.value.issues == [
        FormatIssue("version", "version 2 is not supported by this Redress (it reads version 1)")
    ]


# --- validation: one test per kind of error ---------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _case(doc: dict[str, Any]) -> dict[str, Any]:
    case: dict[str, Any] = doc["cases"][0]
    return case


def _set(*path: str | int, value: object) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        target: Any = _case(doc)
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return mutate


def _delete(*path: str | int) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        target: Any = _case(doc)
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return mutate


DATE = "not a date (expected YYYY-MM-DD)"
MONEY = 'money must be a decimal string such as "120.50"'
UUID = ix._FORMAT_REASONS["uuid"]
DATETIME = ix._FORMAT_REASONS["date-time"]

ERROR_CASES: list[tuple[str, Mutation, str, str, str]] = [
    # (name, mutation, path, reason, text that must not appear in any message)
    (
        "impossible calendar date",
        _set("record_entries", 1, "arrest_date", value="2021-02-30"),
        "cases[0].record_entries[1].arrest_date",
        DATE,
        "2021-02-30",
    ),
    (
        "date in another layout",
        _set("client", "date_of_birth", value="12/03/1990"),
        "cases[0].client.date_of_birth",
        DATE,
        "12/03/1990",
    ),
    (
        "date as a number",
        _set("periods", 0, "start_date", value=20190301),
        "cases[0].periods[0].start_date",
        DATE,
        "20190301",
    ),
    (
        "date-time without an offset",
        _set("notes", 0, "created_at", value="2026-01-05T10:00:00"),
        "cases[0].notes[0].created_at",
        DATETIME,
        "2026-01-05T10:00:00",
    ),
    (
        "date-time that overflows",
        _set("client", "recorded_at", value="9999-12-31T23:00:00-05:00"),
        "cases[0].client.recorded_at",
        DATETIME,
        "9999-12-31",
    ),
    (
        "enumeration value",
        _set("stage", value="Nadia Qx7 stage"),
        "cases[0].stage",
        f"not one of: {STAGES}",
        "Nadia Qx7",
    ),
    (
        "enumeration value inside a list",
        _set("periods", 0, "forms", value=["sexual", "nadia-qx7"]),
        "cases[0].periods[0].forms[1]",
        "not one of: sexual, labour, domestic_servitude, forced_criminality, forced_begging, "
        "forced_marriage, other",
        "nadia-qx7",
    ),
    (
        "money as a JSON number",
        _set("record_entries", 0, "fines_owed", value=120.57),
        "cases[0].record_entries[0].fines_owed",
        MONEY,
        "120.57",
    ),
    (
        "money with a thousands separator",
        _set("record_entries", 0, "fines_owed", value="1,250.75"),
        "cases[0].record_entries[0].fines_owed",
        MONEY,
        "1,250.75",
    ),
    (
        "negative money",
        _set("record_entries", 0, "fines_owed", value="-5.25"),
        "cases[0].record_entries[0].fines_owed",
        MONEY,
        "-5.25",
    ),
    (
        "unknown field",
        _set("client", "legal_nmae", value="Nadia Qx7 Haddad"),
        "cases[0].client.legal_nmae",
        "unknown field",
        "Nadia Qx7",
    ),
    (
        "unknown field whose name is not a plain name",
        _set("client", "Nadia Qx7's address", value=1),
        "cases[0].client.?",
        "unknown field",
        "Nadia Qx7",
    ),
    (
        "required field missing",
        _delete("client", "pseudonym"),
        "cases[0].client.pseudonym",
        "required field missing",
        "Layla Haddad",
    ),
    (
        "required object missing",
        _delete("client"),
        "cases[0].client",
        "required field missing",
        "Iris",
    ),
    (
        "required text empty",
        _set("record_entries", 0, "offence_text", value=""),
        "cases[0].record_entries[0].offence_text",
        "must not be empty",
        "Layla Haddad",
    ),
    (
        "evidence refers to an entry not in the case",
        _set("evidence", 0, "record_entry_ids", value=[E0, STRANGER_ID]),
        "cases[0].evidence[0].record_entry_ids[1]",
        "refers to record entry id that is not in this case",
        STRANGER_ID,
    ),
    (
        "deadline refers to an entry not in the case",
        _set("deadlines", 0, "record_entry_id", value=STRANGER_ID),
        "cases[0].deadlines[0].record_entry_id",
        "refers to record entry id that is not in this case",
        STRANGER_ID,
    ),
    (
        "evidence lists an entry twice",
        _set("evidence", 0, "record_entry_ids", value=[E0, E0]),
        "cases[0].evidence[0].record_entry_ids",
        "lists the same value more than once",
        E0,
    ),
    (
        "duplicate id",
        _set("notes", 0, "id", value=E0),
        "cases[0].notes[0].id",
        "duplicate id",
        E0,
    ),
    (
        "malformed id",
        _set("id", value="NADIA-QX7"),
        "cases[0].id",
        UUID,
        "NADIA-QX7",
    ),
    (
        "upper-case id",
        _set("client", "id", value=STRANGER_ID.upper()),
        "cases[0].client.id",
        UUID,
        STRANGER_ID.upper(),
    ),
    (
        "end date before start date",
        _set("periods", 0, "end_date", value="2019-02-28"),
        "cases[0].periods[0].end_date",
        "end date is before the start date",
        "2019-02-28",
    ),
    (
        "disposition date before arrest date",
        _set("record_entries", 0, "disposition_date", value="2019-05-01"),
        "cases[0].record_entries[0].disposition_date",
        "disposition date is before the arrest date",
        "2019-05-01",
    ),
    (
        "text where true/false is expected",
        _set("fictional", value="Nadia Qx7"),
        "cases[0].fictional",
        "must be true or false",
        "Nadia Qx7",
    ),
    (
        "text where true/false/null is expected",
        _set("client", "minor_at_offences", value="Nadia Qx7"),
        "cases[0].client.minor_at_offences",
        "must be true or false, or null",
        "Nadia Qx7",
    ),
    (
        "number where text is expected",
        _set("client", "nationality", value=4711),
        "cases[0].client.nationality",
        "must be text or null",
        "4711",
    ),
    (
        "list where an object is expected",
        _set("client", value=["Nadia Qx7"]),
        "cases[0].client",
        "must be an object",
        "Nadia Qx7",
    ),
    (
        "object where a list is expected",
        _set("team", value={"Nadia Qx7": 1}),
        "cases[0].team",
        "must be a list",
        "Nadia Qx7",
    ),
    (
        "jurisdiction code",
        _set("jurisdiction", value="New York Qx7"),
        "cases[0].jurisdiction",
        ix._FORMAT_REASONS["jurisdiction"],
        "New York Qx7",
    ),
    (
        "currency code",
        _set("record_entries", 0, "fines_currency", value="usd"),
        "cases[0].record_entries[0].fines_currency",
        ix._FORMAT_REASONS["currency"],
        "usd",
    ),
    (
        "lower-case reference",
        _set("reference", value="rd-2026-0007"),
        "cases[0].reference",
        ix._FORMAT_REASONS["case-reference"],
        "rd-2026-0007",
    ),
    (
        "reference in the RD- form but not RD-YYYY-NNNN",
        _set("reference", value="RD-2026-QX7"),
        "cases[0].reference",
        ix._FORMAT_REASONS["case-reference"],
        "RD-2026-QX7",
    ),
    (
        "text over the length limit",
        _set("client", "safe_contact", value="Qx7" + "a" * 100_000),
        "cases[0].client.safe_contact",
        "too long (at most 100,000 characters)",
        "Qx7",
    ),
    (
        "list over the item limit",
        _set("team", value=["Nadia Qx7"] * 10_001),
        "cases[0].team",
        "too many items (at most 10,000)",
        "Nadia Qx7",
    ),
    (
        "NUL character",
        _set("client", "legal_name", value="Nadia\x00Qx7"),
        "cases[0].client.legal_name",
        "contains a character that is not allowed (NUL or an unpaired surrogate)",
        "Qx7",
    ),
    (
        "unpaired surrogate",
        _set("client", "pseudonym", value="Qx7\ud800"),
        "cases[0].client.pseudonym",
        "contains a character that is not allowed (NUL or an unpaired surrogate)",
        "Qx7",
    ),
    (
        "deadline origin",
        _set("deadlines", 0, "origin", value="Nadia Qx7"),
        "cases[0].deadlines[0].origin",
        "not one of: user, rule",
        "Nadia Qx7",
    ),
    (
        "nesting too deep",
        _set("team", value=json.loads("[" * 31 + '"Nadia Qx7"' + "]" * 31)),
        "cases[0].team" + "[0]" * 29,
        f"nested too deeply (more than {ix.MAX_DEPTH} levels)",
        "Nadia Qx7",
    ),
]


def test_the_base_document_is_valid() -> None:
    assert ix.validate_document(valid_document()) == []


@pytest.mark.parametrize(
    ("mutate", "path", "reason", "secret"),
    [pytest.param(*rest, id=name) for name, *rest in ERROR_CASES],
)
def test_each_kind_of_error_has_a_precise_path_and_never_quotes_the_value(
    mutate: Mutation, path: str, reason: str, secret: str
) -> None:
    doc = valid_document()
    mutate(doc)
    issues = ix.validate_document(doc)
    assert issues == [FormatIssue(path, reason)]
    assert_not_leaked(issues, secret)


def test_every_problem_is_reported_in_document_order() -> None:
    doc = valid_document()
    doc["cases"].append(minimal_case(jurisdiction="somewhere", notes=[{"body": "x", "tag": 1}]))
    doc["cases"][0]["record_entries"][1]["arrest_date"] = "2019-13-01"
    doc["cases"][0]["stage"] = "done"
    del doc["cases"][0]["client"]["legal_name"]
    doc["cases"][1]["reference"] = "RD-2026-0007"
    issues = ix.validate_document(doc)
    assert [str(i) for i in issues] == [
        f"cases[0].stage: not one of: {STAGES}",
        "cases[0].client.legal_name: required field missing",
        "cases[0].record_entries[1].arrest_date: not a date (expected YYYY-MM-DD)",
        "cases[1].reference: duplicate reference",
        "cases[1].jurisdiction: " + ix._FORMAT_REASONS["jurisdiction"],
        "cases[1].notes[0].tag: unknown field",
    ]


def test_duplicate_ids_across_cases_are_reported() -> None:
    doc = document(minimal_case(id=E0), minimal_case(id=E0))
    assert ix.validate_document(doc) == [FormatIssue("cases[1].id", "duplicate id")]


def test_a_flood_of_problems_is_capped() -> None:
    doc = document(minimal_case(team=[1] * 5_000))
    issues = ix.validate_document(doc)
    assert len(issues) == ix.MAX_ISSUES + 1
    assert issues[0] == FormatIssue("cases[0].team[0]", "must be text")
    assert issues[-1] == FormatIssue("(document)", ix.TOO_MANY_ISSUES)


# --- the document header ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param(
            {"version": 2},
            [
                FormatIssue(
                    "version", "version 2 is not supported by this Redress (it reads version 1)"
                )
            ],
            id="newer version",
        ),
        pytest.param(
            {"version": 0},
            [FormatIssue("version", "not a supported version (this Redress reads version 1)")],
            id="version 0",
        ),
        pytest.param(
            {"version": "1"}, [FormatIssue("version", "must be the whole number 1")], id="string"
        ),
        pytest.param(
            {"version": True}, [FormatIssue("version", "must be the whole number 1")], id="true"
        ),
        pytest.param(
            {"version": 1.0}, [FormatIssue("version", "must be the whole number 1")], id="float"
        ),
        pytest.param(
            {"format": "redress-cases"},
            [FormatIssue("format", 'not a Redress case file (expected "redress-case")')],
            id="wrong format",
        ),
        pytest.param(
            {"format": None, "version": None},
            [
                FormatIssue("format", "required field missing"),
                FormatIssue("version", "required field missing"),
            ],
            id="both missing",
        ),
    ],
)
def test_wrong_format_or_version_is_reported_alone(
    header: dict[str, Any], expected: list[FormatIssue]
) -> None:
    doc = document(minimal_case(stage="nonsense"))  # not reported: other versions, other rules
    doc.update(header)
    for key in [k for k, v in header.items() if v is None]:
        del doc[key]
    assert ix.validate_document(doc) == expected


def test_top_level_problems() -> None:
    assert ix.validate_document(["not", "an", "object"]) == [
        FormatIssue("(document)", "must be a JSON object with format, version and cases")
    ]
    assert ix.validate_document({"format": "redress-case", "version": 1}) == [
        FormatIssue("cases", "required field missing")
    ]
    assert ix.validate_document({"format": "redress-case", "version": 1, "cases": []}) == [
        FormatIssue("cases", "must contain at least one case")
    ]
    doc = document()
    doc["exported_at"] = "yesterday"
    doc["comment"] = "from the old spreadsheet"
    assert ix.validate_document(doc) == [
        FormatIssue("exported_at", DATETIME),
        FormatIssue("comment", "unknown field"),
    ]


# --- reading JSON text ------------------------------------------------------------------------

SECRET_JSON = '{"format": "redress-case", "version": 1, "cases": [{"legal_name": "Nadia Qx7"'


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param(
            SECRET_JSON,
            "not valid JSON: Expecting ',' delimiter at line 1, column 78",
            id="truncated",
        ),
        pytest.param(
            SECRET_JSON + ",}]}",
            "not valid JSON: Expecting property name enclosed in "
            "double quotes at line 1, column 79",
            id="trailing comma",
        ),
        pytest.param(
            '{"a": "Nadia Qx7\n"}',
            "not valid JSON: Invalid control character at line 1, column 17",
            id="raw newline in text",
        ),
        pytest.param(
            '{"fines": NaN, "name": "Nadia Qx7"}',
            "not valid JSON: NaN and Infinity are not allowed",
            id="NaN",
        ),
        pytest.param(
            '{"n": ' + "9" * 5000 + ', "name": "Nadia Qx7"}',
            "not valid JSON: a number is too long",
            id="huge integer",
        ),
        pytest.param(
            "[" * 100_000 + '"Nadia Qx7"' + "]" * 100_000,
            f"nested too deeply (more than {ix.MAX_DEPTH} levels)",
            id="very deep",
        ),
        pytest.param(
            "[" * 40 + '"Nadia Qx7"' + "]" * 40,
            f"nested too deeply (more than {ix.MAX_DEPTH} levels)",
            id="deep",
        ),
        pytest.param(
            b'{"name": "Nadia Qx7 \xff"}', "not UTF-8 text (bad byte at offset 20)", id="not UTF-8"
        ),
    ],
)
def test_malformed_json_is_reported_without_content(text: str | bytes, reason: str) -> None:
    with pytest.raises(CaseFormatError) as caught:
        ix.load_json(text)
    assert caught.value.issues == [FormatIssue("(document)", reason)]
    assert_not_leaked(caught.value.issues, "Qx7")


def test_a_field_given_twice_is_an_error_not_a_silent_loss() -> None:
    text = """{"format": "redress-case", "version": 1, "cases": [
        {"jurisdiction": "US-NY",
         "client": {"legal_name": "Nadia Qx7", "pseudonym": "Iris", "legal_name": "N. Qx7"}}
    ], "version": 1}"""
    with pytest.raises(CaseFormatError) as caught:
        ix.load_json(text)
    assert set(caught.value.issues) == {
        FormatIssue("version", ix.DUPLICATE_FIELD),
        FormatIssue("cases[0].client.legal_name", ix.DUPLICATE_FIELD),
    }
    assert_not_leaked(caught.value.issues, "Qx7")


def test_byte_order_mark_and_utf8_are_accepted() -> None:
    doc = valid_document()
    doc["cases"][0]["client"]["legal_name"] = ARABIC_NAME
    text = ix.dump_json(doc)
    assert ix.load_json(text) == doc
    assert ix.load_json("\ufeff" + text) == doc
    assert ix.load_json(b"\xef\xbb\xbf" + text.encode("utf-8")) == doc


def test_oversized_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ix, "MAX_FILE_BYTES", 1_000)
    with pytest.raises(CaseFormatError) as caught:
        ix.load_json(b" " * 1_001)
    assert caught.value.issues == [FormatIssue("(document)", "the file is too large (over 200 MB)")]
    assert ix.load_json(b" " * 990 + b"[]") == []


def test_surrogate_escape_from_json_is_caught_by_validation() -> None:
    text = ix.dump_json(valid_document()).replace('"Iris"', '"Iris \\ud800"')
    issues = ix.validate_document(ix.load_json(text))
    assert issues == [FormatIssue("cases[0].client.pseudonym", ix.BAD_CHARACTER)]


# --- the shipped schema agrees with the models ------------------------------------------------

_DEFS = {
    "case": (Case, ix.CASE_FIELDS),
    "client": (Client, ix.CLIENT_FIELDS),
    "period": (ExploitationPeriod, ix.PERIOD_FIELDS),
    "record_entry": (RecordEntry, ix.ENTRY_FIELDS),
    "evidence_item": (EvidenceItem, ix.EVIDENCE_FIELDS),
    "adverse_party": (AdverseParty, ix.PARTY_FIELDS),
    "official_document": (OfficialDocument, ix.DOCUMENT_FIELDS),
    "deadline": (Deadline, ix.DEADLINE_FIELDS),
    "note": (Note, ix.NOTE_FIELDS),
}
_NOT_CARRIED = {"case_id", "position", "attachment_id"}
_LISTS = {"client", *(name for name, *_ in ix.CHILD_LISTS)}


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(ix.json_schema())


@pytest.mark.parametrize("name", sorted(_DEFS))
def test_schema_fields_are_the_model_columns(name: str) -> None:
    model, fields = _DEFS[name]
    properties = ix.json_schema()["$defs"][name]["properties"]
    columns = {c.key for c in model.__table__.columns} - _NOT_CARRIED
    extra = {"record_entry_ids"} if model is EvidenceItem else _LISTS if model is Case else set()
    assert set(properties) == columns | extra
    assert [f.name for f in fields] == [p for p in properties if p in columns]
    for field in fields:
        if field.enum_cls is not None:
            assert properties[field.name]["enum"] == [m.value for m in field.enum_cls]


def test_list_enumerations_match_the_models() -> None:
    forms = ix.json_schema()["$defs"]["period"]["properties"]["forms"]["items"]["enum"]
    assert forms == [m.value for m in orm.ExploitationForm]


def test_exports_say_nothing_about_attachments(vault: Vault) -> None:
    with vault.transaction() as session:
        case = make_rich_case(session)
        scan = case_repo.add_attachment(
            session, vault.attachments_dir, case, io.BytesIO(b"%PDF-1.7 scan"), "Qx7-scan.pdf"
        )
        case.evidence[0].attachment_id = scan.id
        session.flush()
        text = ix.dump_json(ix.export_document([case]))
    assert "attachment" not in text
    assert scan.id not in text
    assert "Qx7" not in text
    assert set(json.loads(text)["cases"][0]) == {f.name for f in ix.CASE_FIELDS} | {
        "client",
        *(name for name, *_ in ix.CHILD_LISTS),
    }


# --- the reference documentation -----------------------------------------------------------

DOC = Path(__file__).resolve().parents[3] / "docs" / "case-format.md"


def test_the_documented_example_is_valid_and_imports(vault: Vault) -> None:
    text = DOC.read_text(encoding="utf-8")
    example = text.split("## Complete example", 1)[1].split("```json\n", 1)[1].split("```", 1)[0]
    doc = ix.load_json(example)
    assert ix.validate_document(doc) == []
    with vault.transaction() as session:
        (case,) = ix.import_document(session, doc)
        assert case.reference == "CLINIC-2024-17"
        assert case.deadlines[0].record_entry_id == case.record_entries[1].id
        assert case.evidence[0].record_entries == [case.record_entries[0]]
        assert case.client.recorded_at == dt.datetime(2026, 10, 2, 18, 30, tzinfo=dt.UTC)


def test_the_documentation_lists_every_enumeration_value() -> None:
    text = DOC.read_text(encoding="utf-8")
    enums = [
        orm.Stage, orm.Cooperation, orm.ExploitationForm, orm.Relationship, orm.EntryKind,
        orm.OffenceCategory, orm.OffenceLevel, orm.Disposition, orm.EvidenceKind, orm.PartyRole,
        orm.DocumentationKind, orm.DeadlineKind,
    ]  # fmt: skip
    enumerations = text.split("## Enumerations", 1)[1].split("## Complete example", 1)[0]
    for cls in enums:
        for member in cls:
            assert f"`{member.value}`" in enumerations, member


def test_checklist_answer_problems_have_paths() -> None:
    from redress.models import interchange as ix

    answer = {
        "checklist_id": "ilo-forced-labour",
        "indicator_id": "ilo-05-physical-and-sexual-violence",
        "answer": "yes",
        "start_date": "2019-05-01",
        "end_date": "2019-01-01",
        "evidence_ids": ["00000000-0000-4000-8000-000000000000"],
    }
    document = {
        "format": "redress-case",
        "version": 1,
        "cases": [
            {
                "jurisdiction": "US-NY",
                "client": {"legal_name": "A", "pseudonym": "B"},
                "checklist_answers": [answer, {**answer, "end_date": None, "evidence_ids": []}],
            }
        ],
    }
    found = {str(issue) for issue in ix.validate_document(document)}
    assert "cases[0].checklist_answers[0].end_date: " + ix.END_BEFORE_START in found
    assert "cases[0].checklist_answers[0].evidence_ids[0]: " + ix.NOT_IN_CASE_EVIDENCE in found
    assert "cases[0].checklist_answers[1].indicator_id: " + ix.DUPLICATE_INDICATOR in found
