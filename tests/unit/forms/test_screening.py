"""Screening worked cases, per rule pack, written from the law's text as the packs encode it.

Each pack gets the same eight situations: an eligible conviction, a statutory exclusion, an
entry outside the trafficking period, a minor, missing evidence, an immigration or
administrative entry, no co-operation with police, and official documentation on file. Each test
asserts the outcome and the section cited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from redress.forms import rulepacks, screening
from redress.forms.screening import Outcome
from redress.models.schema import (
    Case,
    Client,
    Cooperation,
    DocumentationKind,
    EntryKind,
    EvidenceItem,
    ExploitationPeriod,
    OffenceCategory,
    OffenceLevel,
    OfficialDocument,
    RecordEntry,
    new_id,
)

TODAY = dt.date(2026, 11, 23)
PACKS = rulepacks.load_packs()


def make_case(
    jurisdiction: str,
    *,
    category: str = "prostitution",
    level: str = "misdemeanor",
    kind: str = "criminal",
    disposition: str = "convicted_plea",
    statute: str | None = None,
    arrest: dt.date | None = dt.date(2016, 5, 1),
    period: tuple[dt.date | None, dt.date | None] = (dt.date(2015, 1, 1), dt.date(2017, 12, 31)),
    born: dt.date | None = dt.date(1990, 1, 1),
    nexus: bool = True,
    evidence: bool = True,
    documents: tuple[str, ...] = (),
    cooperation: str = "no",
) -> tuple[Case, RecordEntry]:
    entry = RecordEntry(
        id=new_id(),
        kind=EntryKind(kind),
        jurisdiction=jurisdiction,
        offence_text="offence",
        offence_category=OffenceCategory(category),
        offence_level=OffenceLevel(level),
        disposition=screening.Disposition(disposition),
        statute=statute,
        arrest_date=arrest,
        nexus_client="He took my money and sent me out every night." if nexus else None,
    )
    case = Case(
        id=new_id(),
        jurisdiction=jurisdiction,
        cooperation=Cooperation(cooperation),
        client=Client(legal_name="Test Person", pseudonym="Client Test", date_of_birth=born),
        periods=[ExploitationPeriod(start_date=period[0], end_date=period[1])],
        record_entries=[entry],
        documentation=[OfficialDocument(kind=DocumentationKind(k)) for k in documents],
    )
    if evidence:
        case.evidence = [EvidenceItem(title="Certificate of disposition", record_entries=[entry])]
    return case, entry


def run(case: Case) -> screening.EntryScreening:
    (result,) = screening.screen_case(case, PACKS, TODAY)
    return result


def cited(result: screening.EntryScreening) -> str:
    return " | ".join(result.citations)


@dataclass(frozen=True)
class PackCases:
    """The facts that make the eight situations concrete for one pack."""

    jurisdiction: str
    section: str  # the section every eligible screening must cite
    eligible: dict[str, Any]
    eligible_outcome: Outcome
    excluded: dict[str, Any] | None  # None where the law has no statutory exclusion
    excluded_section: str
    other_kind: str  # an immigration or administrative entry
    other_outcome: Outcome
    documents: tuple[str, ...]
    presumption: bool
    minor_section: str
    not_excluded: dict[str, Any] = field(default_factory=dict)


CASES = {
    "US-NY": PackCases(
        jurisdiction="US-NY",
        section="440.10",
        eligible={"category": "prostitution", "statute": "PL 230.00"},
        eligible_outcome=Outcome.LIKELY_ELIGIBLE,
        excluded=None,
        excluded_section="",
        not_excluded={"category": "violence", "level": "felony", "statute": "PL 120.05"},
        other_kind="administrative",
        other_outcome=Outcome.ARGUABLE,
        documents=("t_visa",),
        presumption=True,
        minor_section="440.10",
    ),
    "US-CA": PackCases(
        jurisdiction="US-CA",
        section="236.14",
        eligible={"category": "prostitution", "statute": "PC 647(b)"},
        eligible_outcome=Outcome.LIKELY_ELIGIBLE,
        excluded={"category": "violence", "level": "felony", "statute": "PC 211"},
        excluded_section="667.5(c)",
        other_kind="administrative",
        other_outcome=Outcome.ARGUABLE,
        documents=("t_visa",),
        presumption=False,
        minor_section="236.14",
    ),
    "US-FED": PackCases(
        jurisdiction="US-FED",
        section="3771A",
        eligible={"category": "false_documents", "level": "felony", "statute": "18 U.S.C. 1546"},
        eligible_outcome=Outcome.LIKELY_ELIGIBLE,
        excluded={"category": "violence", "level": "felony", "statute": "18 U.S.C. 1951"},
        excluded_section="16(a)",
        other_kind="immigration",
        other_outcome=Outcome.ARGUABLE,
        documents=("continued_presence",),
        presumption=False,
        minor_section="3771A",
    ),
    "GB-EWS": PackCases(
        jurisdiction="GB-EWS",
        section="Criminal Appeal Act 1968",
        eligible={
            "category": "cannabis_cultivation",
            "level": "either_way",
            "statute": "Misuse of Drugs Act 1971 s.4(2)",
        },
        eligible_outcome=Outcome.ARGUABLE,
        excluded={"category": "violence", "level": "indictable", "statute": "Theft Act 1968 s.8"},
        excluded_section="Sch. 4",
        other_kind="immigration",
        other_outcome=Outcome.ARGUABLE,
        documents=("nrm_conclusive_grounds",),
        presumption=False,
        minor_section="s.45",
    ),
    "PH": PackCases(  # no Philippine pack: the international model applies
        jurisdiction="PH",
        section="Art. 26",
        eligible={"category": "drugs", "level": "unknown"},
        eligible_outcome=Outcome.ARGUABLE,
        excluded=None,
        excluded_section="",
        other_kind="administrative",
        other_outcome=Outcome.ARGUABLE,
        documents=("national_identification",),
        presumption=False,
        minor_section="",
    ),
}
IDS = list(CASES)


@pytest.mark.parametrize("key", IDS)
def test_eligible_conviction(key: str) -> None:
    p = CASES[key]
    result = run(make_case(p.jurisdiction, **p.eligible)[0])
    assert result.outcome is p.eligible_outcome, result.reasons
    assert p.section in cited(result)
    assert result.relief


@pytest.mark.parametrize("key", IDS)
def test_statutory_exclusion_is_flagged_with_the_argument(key: str) -> None:
    p = CASES[key]
    if p.excluded is None:
        # No statutory exclusion in this law: even a violent offence is screened, not dropped.
        result = run(make_case(p.jurisdiction, **(p.not_excluded or {"category": "violence"}))[0])
        assert result.outcome is not Outcome.EXCLUDED_BY_STATUTE
        return
    result = run(make_case(p.jurisdiction, **p.excluded)[0])
    assert result.outcome is Outcome.EXCLUDED_BY_STATUTE
    assert p.excluded_section in cited(result)
    assert any("argument still available" in step for step in result.next_steps)


@pytest.mark.parametrize("key", IDS)
def test_outside_the_trafficking_period(key: str) -> None:
    p = CASES[key]
    result = run(make_case(p.jurisdiction, **p.eligible, arrest=dt.date(2021, 3, 1))[0])
    assert result.outcome is Outcome.OUTSIDE_PERIOD
    assert "outside every recorded period" in result.reasons[0].text
    assert p.section in cited(result)


@pytest.mark.parametrize("key", IDS)
def test_minor_needs_no_compulsion_where_the_law_says_so(key: str) -> None:
    p = CASES[key]
    case, _entry = make_case(p.jurisdiction, **p.eligible, born=dt.date(2000, 9, 1))
    result = run(case)
    assert result.minor is True
    pack = rulepacks.pack_for(PACKS, p.jurisdiction)
    assert any(r.citation == pack.minors.citation for r in result.reasons)
    assert any(r.text.startswith("The client was a minor") for r in result.reasons)
    if not pack.minors.compulsion_required:
        assert not any("compulsion" in m for m in result.missing_evidence)
    if p.minor_section:
        assert p.minor_section in pack.minors.citation


@pytest.mark.parametrize("key", IDS)
def test_missing_evidence_is_listed(key: str) -> None:
    p = CASES[key]
    result = run(make_case(p.jurisdiction, **p.eligible, nexus=False, evidence=False)[0])
    assert result.outcome is Outcome.ARGUABLE
    missing = " ".join(result.missing_evidence)
    assert "how the offence came about" in missing
    assert "certificate of disposition" in missing
    assert "Gather the missing evidence listed." in result.next_steps


@pytest.mark.parametrize("key", IDS)
def test_immigration_or_administrative_entry(key: str) -> None:
    p = CASES[key]
    result = run(
        make_case(
            p.jurisdiction,
            kind=p.other_kind,
            category="immigration",
            level="administrative",
            disposition="penalty_imposed",
        )[0]
    )
    assert result.outcome is p.other_outcome
    assert result.reasons


@pytest.mark.parametrize("key", IDS)
def test_relief_never_depends_on_cooperation(key: str) -> None:
    p = CASES[key]
    outcomes = set()
    for value in ("yes", "no", "declined", "unknown", "not_asked"):
        result = run(make_case(p.jurisdiction, **p.eligible, cooperation=value)[0])
        outcomes.add((result.outcome, result.reasons, result.missing_evidence))
    assert len(outcomes) == 1
    (_outcome, reasons, _missing) = outcomes.pop()
    assert any("not a condition of relief" in r.text for r in reasons)


@pytest.mark.parametrize("key", IDS)
def test_official_documentation_on_file(key: str) -> None:
    p = CASES[key]
    result = run(make_case(p.jurisdiction, **p.eligible, nexus=False, documents=p.documents)[0])
    presumption = [
        r for r in result.reasons if r.text.startswith("Official documentation is on file:")
    ]
    if p.presumption:
        assert presumption
        assert result.outcome is p.eligible_outcome
        assert not any("official documentation" in m for m in result.missing_evidence)
    else:
        assert presumption == []
        assert result.outcome is Outcome.ARGUABLE  # the nexus still has to be shown


def test_no_dates_means_not_enough_information() -> None:
    result = run(make_case("US-NY", arrest=None)[0])
    assert result.outcome is Outcome.NOT_ENOUGH_INFORMATION
    assert "the date of the arrest" in result.missing_evidence[0]
    result = run(make_case("US-NY", period=(None, None))[0])
    assert result.outcome is Outcome.NOT_ENOUGH_INFORMATION


def test_statute_prefix_stops_at_a_section_boundary() -> None:
    case, _entry = make_case(
        "GB-EWS",
        category="violence",
        level="indictable",
        statute="Offences Against the Person Act 1861 s.47",
    )
    result = run(case)
    assert not any("s.4 " in r.text and r.text.startswith("Excluded") for r in result.reasons)
    assert screening._statute_matches("OAPA 1861 s.4", ["OAPA 1861 s.4"])
    assert not screening._statute_matches("OAPA 1861 s.47", ["OAPA 1861 s.4"])
    assert screening._statute_matches("OAPA 1861 s.4(1)", ["OAPA 1861 s.4"])


def test_rescreening_shows_what_changed() -> None:
    case, entry = make_case("US-NY", nexus=False, evidence=False)
    before = screening.screen_case(case, PACKS, TODAY)
    entry.nexus_client = "I was told I owed money and had to work it off."
    case.evidence = [EvidenceItem(title="Certificate", record_entries=[entry])]
    after = screening.screen_case(case, PACKS, TODAY)
    changes = screening.changes(before, after)
    assert changes == [f"{entry.id}: arguable → likely eligible"]
    assert screening.changes(after, after) == []


def test_every_demo_case_screens_without_error() -> None:
    import redress.models.interchange as interchange
    from redress.models.demo import load_demo_document

    document = load_demo_document(TODAY)
    outcomes: set[Outcome] = set()
    for data in document["cases"]:
        case, _deadlines = interchange._build_case(data, "demo")
        for result in screening.screen_case(case, PACKS, TODAY):
            assert result.reasons
            outcomes.add(result.outcome)
    assert {
        Outcome.LIKELY_ELIGIBLE,
        Outcome.EXCLUDED_BY_STATUTE,
        Outcome.OUTSIDE_PERIOD,
    } <= outcomes
