"""Indicator checklists: the shipped data is complete and consistent; the means summary."""

from __future__ import annotations

from pathlib import Path

from redress.forms import checklists
from redress.forms.checklists import Answer


def test_shipped_checklists_are_valid_and_agree_with_the_crosswalk() -> None:
    lists, links, issues = checklists.lint()
    assert issues == [], "\n".join(map(str, issues))
    by_id = {c.id: c for c in lists}
    assert {"ilo-forced-labour", "coercive-control"} <= set(by_id)
    ilo = by_id["ilo-forced-labour"]
    assert len(ilo.indicators) == 11
    assert [i.id[:6] for i in ilo.indicators] == [f"ilo-{n:02d}" for n in range(1, 12)]
    coercive = by_id["coercive-control"]
    assert any(i.id.startswith("cc-") for i in coercive.indicators)
    assert any(i.id.startswith("s76-") for i in coercive.indicators)
    assert links
    for checklist in lists:
        assert checklist.intro
        for indicator in checklist.indicators:
            assert indicator.question.strip().endswith("?")
            assert indicator.citation and indicator.means


def test_ids_are_unique_across_checklists() -> None:
    lists = checklists.load_checklists()
    ids = [i.id for c in lists for i in c.indicators]
    assert len(ids) == len(set(ids))


def test_means_summary_uses_only_yes_answers_once() -> None:
    lists = checklists.load_checklists()
    first, second, third = (i for i in lists[0].indicators[:3])
    answers = {first.id: Answer.YES, second.id: Answer.NO, third.id: Answer.NOT_ASKED}
    assert checklists.means_summary(lists, answers) == [first.means]
    assert checklists.means_summary(lists, {}) == []


def test_lint_reports_precise_problems(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        'format = "redress-checklist"\nformat_version = 1\n'
        '[checklist]\nid = "x"\ntitle = "X"\nsource = "S"\nconfidence = "Q"\nintro = "I"\n'
        '[[indicators]]\nid = "x-1"\ncluster = "C"\nquestion = "Q?"\nguidance = "G"\n'
        'means = "m"\ncitation = "c"\nconfidence = "C"\ncrosswalk = ["nope"]\ncolour = "red"\n',
        encoding="utf-8",
    )
    _lists, _links, issues = checklists.lint(tmp_path)
    rendered = [str(i) for i in issues]
    assert "a.toml: checklist.confidence: not one of: C, S, U" in rendered
    assert "a.toml: indicators[0].colour: unknown key" in rendered


def test_answers_are_stored_changed_and_audited_without_content(vault) -> None:  # type: ignore[no-untyped-def]
    import pytest
    from sqlalchemy import select

    from redress.models import cases
    from redress.models.errors import NotFoundError
    from redress.models.schema import AuditEntry, Case, Client

    lists = checklists.load_checklists()
    with vault.transaction() as session:
        case = cases.add_case(
            session, Case(jurisdiction="US-NY", client=Client(legal_name="A", pseudonym="B"))
        )
        checklists.record_answer(
            session, case, lists, "ilo-09-debt-bondage", Answer.YES, notes="owed 4,000 for travel"
        )
        checklists.record_answer(session, case, lists, "ilo-04-isolation", Answer.UNKNOWN)
        with pytest.raises(NotFoundError):
            checklists.record_answer(session, case, lists, "nope", Answer.YES)
        case_id = case.id
    with vault.transaction() as session:
        case = session.get(Case, case_id)
        assert case is not None
        checklists.record_answer(session, case, lists, "ilo-04-isolation", Answer.YES)
    with vault.sessions() as session:
        case = session.get(Case, case_id)
        assert case is not None
        answers = checklists.answers_of(case)
        assert answers == {"ilo-04-isolation": Answer.YES, "ilo-09-debt-bondage": Answer.YES}
        assert len(case.checklist_answers) == 2
        assert len(checklists.means_summary(lists, answers)) == 2
        details = (
            session.execute(
                select(AuditEntry.detail).where(AuditEntry.action == "checklist.answered")
            )
            .scalars()
            .all()
        )
        assert details == ["1 answer"] * 3
        assert cases.search(session, "travel") == [case_id]
