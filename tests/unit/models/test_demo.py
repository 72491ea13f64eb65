"""The demo cases: a valid, varied, fictional document whose deadlines follow today's date."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections import Counter
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest
from sqlalchemy import func, select

from redress.models import cases as case_repo
from redress.models import demo
from redress.models import interchange as ix
from redress.models.errors import RedressError
from redress.models.schema import Case, Deadline, EvidenceItem, RecordEntry
from redress.models.vault import Vault

ANCHOR = dt.date(2026, 11, 23)
REQUIRED_JURISDICTIONS = {"US-NY", "US-CA", "US-FED", "GB-EWS"}
REQUIRED_FORMS = {"sexual", "labour", "domestic_servitude", "forced_criminality"}
REQUIRED_RELATIONSHIPS = {"intimate_partner", "family_member", "employer", "recruiter", "stranger"}
ENTRY_KINDS = {"criminal", "immigration", "administrative", "civil"}


def _raw() -> dict[str, Any]:
    text = resources.files("redress.resources").joinpath("demo/cases.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    """The demo document as loaded on its own anchor date (deadlines unshifted)."""
    return demo.load_demo_document(ANCHOR)


@pytest.fixture(scope="module")
def cases(document: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = document["cases"]
    return result


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _due_dates(document: dict[str, Any]) -> dict[str, dt.date]:
    return {
        d["id"]: dt.date.fromisoformat(d["due_date"])
        for c in document["cases"]
        for d in c["deadlines"]
    }


# --- the file ---------------------------------------------------------------------------------


def test_resource_is_an_interchange_document_with_an_anchor() -> None:
    raw = _raw()
    assert raw["format"] == "redress-case"
    assert raw["version"] == 1
    assert raw["demo_anchor"] == ANCHOR.isoformat()


def test_loaded_document_drops_the_anchor_and_validates(document: dict[str, Any]) -> None:
    assert "demo_anchor" not in document
    assert document["format"] == "redress-case" and document["version"] == 1
    assert ix.validate_document(document) == []


def test_at_least_thirty_fictional_cases_with_demo_references(cases: list[dict[str, Any]]) -> None:
    assert len(cases) >= 32
    assert [c["reference"] for c in cases] == [f"DEMO-{i:03d}" for i in range(1, len(cases) + 1)]
    assert all(c["fictional"] is True for c in cases)


def test_ids_are_stable_name_based_uuids(document: dict[str, Any]) -> None:
    again = demo.load_demo_document(ANCHOR)
    assert again == document
    ids = [c["id"] for c in document["cases"]]
    assert all(uuid.UUID(i).version == 5 for i in ids)
    assert len(set(ids)) == len(ids)


def test_pseudonyms_are_unique_client_names(cases: list[dict[str, Any]]) -> None:
    pseudonyms = [c["client"]["pseudonym"] for c in cases]
    assert len(set(pseudonyms)) == len(pseudonyms)
    assert all(re.fullmatch(r"Client [A-Z][a-z]+", p) for p in pseudonyms)
    legal = {c["client"]["legal_name"] for c in cases}
    assert len(legal) == len(cases)
    assert set(pseudonyms).isdisjoint(legal)


def test_names_exercise_apostrophes_accents_and_arabic_script(cases: list[dict[str, Any]]) -> None:
    names = [c["client"]["legal_name"] for c in cases]
    others = [n for c in cases for n in c["client"]["other_names"]]
    assert any("'" in n for n in names)
    assert any(re.search(r"[^\x00-\x7f]", n) for n in names)
    assert any(re.search(r"[\u0600-\u06ff]", n) for n in others)


# --- coverage ---------------------------------------------------------------------------------


def test_jurisdictions_cover_the_required_packs_and_others(cases: list[dict[str, Any]]) -> None:
    jurisdictions = {c["jurisdiction"] for c in cases}
    assert jurisdictions >= REQUIRED_JURISDICTIONS
    assert len(jurisdictions - REQUIRED_JURISDICTIONS) >= 3
    assert "INTL" in jurisdictions


def test_forms_relationships_and_entry_kinds_are_all_present(cases: list[dict[str, Any]]) -> None:
    forms = {f for c in cases for p in c["periods"] for f in p["forms"]}
    relationships = {p["relationship_to_trafficker"] for c in cases for p in c["periods"]}
    kinds = {e["kind"] for c in cases for e in c["record_entries"]}
    assert forms >= REQUIRED_FORMS
    assert relationships >= REQUIRED_RELATIONSHIPS
    assert kinds == ENTRY_KINDS


def test_stages_and_cooperation_vary(cases: list[dict[str, Any]]) -> None:
    stages = Counter(c["stage"] for c in cases)
    assert set(stages) == {"intake", "screening", "drafting", "filed", "decided", "closed"}
    cooperation = {c["cooperation"] for c in cases}
    assert {"yes", "no", "declined", "unknown"} <= cooperation


def test_adults_and_minors_consistent_with_birth_dates(cases: list[dict[str, Any]]) -> None:
    flags = Counter(c["client"]["minor_at_offences"] for c in cases)
    assert flags[True] >= 3 and flags[False] >= 3
    checked = 0
    for case in cases:
        client = case["client"]
        born = _date(client.get("date_of_birth"))
        minor = client.get("minor_at_offences")
        if born is None or minor is None:
            continue
        arrests = [
            _date(e["arrest_date"])
            for e in case["record_entries"]
            if e["kind"] == "criminal" and e.get("arrest_date")
        ]
        for arrest in arrests:
            assert arrest is not None
            assert (_age_on(born, arrest) < 18) is minor, case["reference"]
            checked += 1
    assert checked >= 50


def test_some_minor_has_no_official_documentation(cases: list[dict[str, Any]]) -> None:
    undocumented = [c for c in cases if c["client"]["minor_at_offences"] and not c["documentation"]]
    assert undocumented
    assert any(c["documentation"] for c in cases if c["client"]["minor_at_offences"])


def test_every_case_has_entries_evidence_parties_and_deadlines(cases: list[dict[str, Any]]) -> None:
    for case in cases:
        ref = case["reference"]
        entry_ids = {e["id"] for e in case["record_entries"]}
        assert 1 <= len(entry_ids) <= 8, ref
        assert 2 <= len(case["evidence"]) <= 6, ref
        linked = [i for v in case["evidence"] for i in v["record_entry_ids"]]
        assert linked and set(linked) <= entry_ids, ref
        assert 1 <= len(case["adverse_parties"]) <= 3, ref
        assert all(p["name_variants"] for p in case["adverse_parties"]), ref
        assert 1 <= len(case["deadlines"]) <= 4, ref
        assert case["periods"] and case["notes"], ref


def test_entries_carry_statutes_and_narratives(cases: list[dict[str, Any]]) -> None:
    entries = [e for c in cases for e in c["record_entries"]]
    with_statute = [e for e in entries if e.get("statute")]
    assert len(with_statute) >= 0.9 * len(entries)
    statutes = " ".join(e["statute"] for e in with_statute)
    for expected in (
        "230.00",
        "240.37",
        "647(b)",
        "1325",
        "s.4(2)",
        "s.5(3)",
        "Identity Documents Act 2010",
        "s.24",
    ):
        assert expected in statutes, expected
    client_words = [e["nexus_client"] for e in entries if e.get("nexus_client")]
    assert len(client_words) >= 0.9 * len(entries)
    assert all(re.search(r"\b(I|me|my)\b", text) for text in client_words)
    assert sum(1 for e in entries if e.get("nexus_lawyer")) >= 0.9 * len(entries)


def test_official_documentation_is_common_but_not_universal(cases: list[dict[str, Any]]) -> None:
    kinds = {d["kind"] for c in cases for d in c["documentation"]}
    assert {
        "t_visa",
        "continued_presence",
        "nrm_reasonable_grounds",
        "nrm_conclusive_grounds",
    } <= kinds
    assert kinds & {"hhs_certification_letter", "hhs_eligibility_letter"}
    undocumented = sum(1 for c in cases if not c["documentation"])
    assert 0 < undocumented < len(cases) / 2


def test_hard_cases_are_present(cases: list[dict[str, Any]]) -> None:
    entries = [(c, e) for c in cases for e in c["record_entries"]]
    # A violent offence excluded by statute (CA PC 211 robbery, MSA Schedule 4, federal level B).
    assert any(
        e["offence_category"] == "violence" and "Schedule 4" in (e.get("nexus_lawyer") or "")
        for _, e in entries
    )
    assert any("667.5(c)" in (e.get("nexus_lawyer") or "") for _, e in entries)
    # An arrest years after every period of exploitation ended.
    three_years = dt.timedelta(days=3 * 365)
    late = [
        e
        for c, e in entries
        if e.get("arrest_date")
        and all(
            dt.date.fromisoformat(e["arrest_date"])
            > dt.date.fromisoformat(p["end_date"]) + three_years
            for p in c["periods"]
        )
    ]
    assert late
    # Missing information: an entry with no dates and no narrative.
    assert any(not e.get("arrest_date") and not e.get("nexus_client") for _, e in entries)


def test_money_is_decimal_text_with_a_currency() -> None:
    owed = [e for c in _raw()["cases"] for e in c["record_entries"] if "fines_owed" in e]
    assert len(owed) >= 5
    for entry in owed:
        assert isinstance(entry["fines_owed"], str)
        assert Decimal(entry["fines_owed"]) > 0
        assert re.fullmatch(r"[A-Z]{3}", entry["fines_currency"])
    assert {"USD", "GBP", "EUR", "PHP"} <= {e["fines_currency"] for e in owed}


# --- deadlines follow today's date -------------------------------------------------------------


def test_deadlines_as_written_span_past_near_and_far(document: dict[str, Any]) -> None:
    dues = list(_due_dates(document).values())
    assert all(dt.date(2026, 10, 1) <= d <= dt.date(2027, 12, 31) for d in dues)
    assert sum(d < ANCHOR for d in dues) >= 3
    assert sum(ANCHOR <= d <= ANCHOR + dt.timedelta(days=14) for d in dues) >= 3
    assert sum(d > ANCHOR + dt.timedelta(days=90) for d in dues) >= 3


@pytest.mark.parametrize("days", [0, 1, 45, 400, -30])
def test_deadlines_shift_by_days_since_the_anchor(document: dict[str, Any], days: int) -> None:
    shifted = demo.load_demo_document(ANCHOR + dt.timedelta(days=days))
    before, after = _due_dates(document), _due_dates(shifted)
    assert before.keys() == after.keys()
    assert all(after[k] - before[k] == dt.timedelta(days=days) for k in before)
    # Nothing but the deadlines moves.
    for case in shifted["cases"]:
        for deadline in case["deadlines"]:
            deadline["due_date"] = "x"
    for case in document["cases"]:
        unchanged = json.loads(json.dumps(case))
        for deadline in unchanged["deadlines"]:
            deadline["due_date"] = "x"
        assert unchanged in shifted["cases"]


def test_default_today_is_the_local_date(monkeypatch: pytest.MonkeyPatch) -> None:
    class FrozenDate(dt.date):
        @classmethod
        def today(cls) -> FrozenDate:
            return cls(2031, 2, 3)

    monkeypatch.setattr(demo.dt, "date", FrozenDate)
    assert demo.load_demo_document() == demo.load_demo_document(dt.date(2031, 2, 3))


# --- into a vault -----------------------------------------------------------------------------


def test_demo_cases_import_and_are_listed(vault: Vault, cases: list[dict[str, Any]]) -> None:
    today = dt.date(2030, 5, 17)
    with vault.transaction() as session:
        assert demo.demo_cases_present(session) is False
        added = demo.add_demo_cases(session, today=today)
        assert [c.reference for c in added] == [c["reference"] for c in cases]
    with vault.transaction() as session:
        listed = {s.reference: s for s in case_repo.list_cases(session)}
        assert set(listed) == {c["reference"] for c in cases}
        for source in cases:
            summary = listed[source["reference"]]
            assert summary.fictional is True
            assert summary.pseudonym == source["client"]["pseudonym"]
            assert summary.entries == len(source["record_entries"])
            found = case_repo.find_case(session, source["reference"])
            assert found.id == source["id"]
            assert found.client.legal_name == source["client"]["legal_name"]
        # Every deadline moved by the same number of days as today is from the anchor.
        shift = today - ANCHOR
        expected = {k: v + shift for k, v in _due_dates({"cases": cases}).items()}
        stored = dict(session.execute(select(Deadline.id, Deadline.due_date)).tuples().all())
        assert stored == expected
        # Evidence stays linked to its record entries; money is exact.
        linked = session.scalar(
            select(func.count()).select_from(EvidenceItem).where(EvidenceItem.record_entries.any())
        )
        assert linked == sum(1 for c in cases for v in c["evidence"] if v["record_entry_ids"])
        fines = session.scalars(
            select(RecordEntry.fines_owed).where(RecordEntry.fines_owed.is_not(None))
        ).all()
        assert Decimal("4870.15") in fines
        # Facts that name no source are labelled as demo data.
        sources = set(session.scalars(select(EvidenceItem.source)))
        assert "demo" in sources
        assert demo.demo_cases_present(session) is True


def test_importing_twice_is_refused_and_adds_nothing(vault: Vault) -> None:
    with vault.transaction() as session:
        first = demo.add_demo_cases(session)
    with vault.transaction() as session:
        with pytest.raises(demo.DemoAlreadyLoadedError) as caught:
            demo.add_demo_cases(session)
        assert isinstance(caught.value, RedressError)
        assert str(caught.value) == "the demo cases are already in this vault"
    with vault.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == len(first)


def test_refused_while_any_demo_case_remains_then_allowed_again(vault: Vault) -> None:
    with vault.transaction() as session:
        added = demo.add_demo_cases(session)
        for case in added[1:]:
            case_repo.delete_case(session, case)
    with vault.transaction() as session, pytest.raises(demo.DemoAlreadyLoadedError):
        demo.add_demo_cases(session)
    with vault.transaction() as session:
        case_repo.delete_case(session, case_repo.find_case(session, "DEMO-001"))
    with vault.transaction() as session:
        again = demo.add_demo_cases(session)
        assert len(again) == len(added)
