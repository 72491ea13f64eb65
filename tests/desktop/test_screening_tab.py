"""The Screening and Indicators tabs of the case editor, on a real vault with the demo cases."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QTextBrowser
from sqlalchemy import select

from redress.desktop.controller import VaultController
from redress.desktop.editor.editor import CaseEditor
from redress.desktop.editor.evidence_tab import EvidenceTab
from redress.desktop.editor.indicators_tab import IndicatorsTab
from redress.desktop.editor.screening_tab import ScreeningTab
from redress.forms import checklists
from redress.forms.checklists import Answer
from redress.models import demo
from redress.models.cases import load_case
from redress.models.schema import (
    AuditEntry,
    Case,
    EntryKind,
    EvidenceItem,
    OffenceCategory,
    RecordEntry,
)
from redress.models.vault import Vault

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def case_id(vault: Vault) -> str:
    with vault.transaction() as session:
        demo.add_demo_cases(session, TODAY)
    with vault.sessions() as session:
        found = session.execute(select(Case.id).where(Case.reference == "DEMO-012")).scalar()
    assert found is not None
    return found


@pytest.fixture
def controller(vault: Vault) -> VaultController:
    controller = VaultController()
    controller.adopt(vault)
    return controller


@pytest.fixture
def editor(qtbot: Any, controller: VaultController, case_id: str) -> CaseEditor:
    editor = CaseEditor(controller, case_id)
    qtbot.addWidget(editor)
    editor.resize(1100, 800)
    return editor


def screening_tab(editor: CaseEditor) -> ScreeningTab:
    found = editor.show_tab(ScreeningTab)
    assert isinstance(found, ScreeningTab)
    return found


def indicators_tab(editor: CaseEditor) -> IndicatorsTab:
    found = editor.show_tab(IndicatorsTab)
    assert isinstance(found, IndicatorsTab)
    return found


def outcomes(tab: ScreeningTab) -> list[str]:
    model = tab.model
    return [str(model.data(model.index(r, 5))) for r in range(model.rowCount())]


def select_outcome(tab: ScreeningTab, prefix: str) -> None:
    row = next(i for i, text in enumerate(outcomes(tab)) if text.startswith(prefix))
    tab.table.selectRow(row)


def test_tabs_sit_before_deadlines(editor: CaseEditor) -> None:
    titles = [editor.tab_widget.tabText(i) for i in range(editor.tab_widget.count())]
    at = titles.index("Screening")
    assert titles[at : at + 3] == ["Screening", "Indicators", "Deadlines"]
    assert titles.index("Adverse parties") < at


def test_screening_shows_outcomes_reasons_and_verify_marks(
    editor: CaseEditor, qtmodeltester: Any
) -> None:
    tab = screening_tab(editor)
    qtmodeltester.check(tab.model)
    shown = outcomes(tab)
    assert any(t.startswith("likely eligible") for t in shown)
    assert any(t.startswith("excluded by statute") for t in shown)
    assert tab.model.rowCount() == len(load_case_of(editor).record_entries)
    assert tab.banner.text() == "Advice for a lawyer to review, not a verdict."
    select_outcome(tab, "excluded by statute")
    detail = tab.detail.toPlainText()
    assert "667.5(c)" in detail
    assert "Outcome: excluded by statute" in detail
    assert "argument still available" in detail
    # A reason resting on a secondary or unconfirmed rule is marked, and only those are.
    marked = [s for s in tab.screenings if s.needs_verification]
    assert marked
    for result in tab.screenings:
        row = tab.screenings.index(result)
        tab.table.selectRow(row)
        text = tab.detail.toPlainText()
        assert ("verify against the official text" in text) == result.needs_verification


def load_case_of(editor: CaseEditor) -> Case:
    return editor.controller.read(lambda s: load_case(s, editor.case_id))


def add_bare_entry(controller: VaultController, case_id: str) -> str:
    """Add a record entry with no evidence and no nexus (so screening lists what is missing)."""

    def write(session: Any) -> str:
        entry = RecordEntry(
            kind=EntryKind.CRIMINAL,
            jurisdiction="US-CA",
            offence_text="Loitering",
            offence_category=OffenceCategory.PROSTITUTION,
            position=99,
        )
        case = session.get(Case, case_id)
        case.record_entries.append(entry)
        session.flush()
        return entry.id

    entry_id: str = controller.write(write, case_id=case_id)
    return entry_id


def test_missing_evidence_opens_the_evidence_tab(
    qtbot: Any, editor: CaseEditor, controller: VaultController, qtmodeltester: Any
) -> None:
    tab = screening_tab(editor)
    add_bare_entry(controller, editor.case_id)
    editor.reload()
    row = next(i for i, s in enumerate(tab.screenings) if s.missing_evidence)
    tab.table.selectRow(row)
    model = tab.missing_model
    assert model.rowCount() == len(tab.screenings[row].missing_evidence)
    assert str(model.data(model.index(0, 0))).endswith(tab.screenings[row].missing_evidence[0])
    qtmodeltester.check(model)
    tab.missing.setCurrentIndex(model.index(0, 0))
    tab.missing.setFocus()
    with qtbot.waitSignal(tab.open_evidence_requested):
        tab.missing.activated.emit(model.index(0, 0))
    assert isinstance(editor.tab_widget.currentWidget(), EvidenceTab)


def test_screening_runs_again_when_facts_change(
    editor: CaseEditor, vault: Vault, controller: VaultController
) -> None:
    tab = screening_tab(editor)
    assert tab.changes_label.isHidden()
    entry_id = add_bare_entry(controller, editor.case_id)
    editor.reload()
    assert "#99: new entry" in tab.changes_label.text()
    lacking = next(s for s in tab.screenings if s.entry_id == entry_id)
    assert any(m.startswith("a record of") for m in lacking.missing_evidence)

    def attach(session: Any) -> None:
        case = session.get(Case, editor.case_id)
        entry = next(e for e in case.record_entries if e.id == entry_id)
        item = EvidenceItem(title="Certificate of disposition")
        case.evidence.append(item)
        entry.evidence.append(item)

    controller.write(attach, case_id=editor.case_id)
    editor.reload()
    after = next(s for s in tab.screenings if s.entry_id == entry_id)
    assert not any(m.startswith("a record of") for m in after.missing_evidence)
    assert not tab.changes_label.isHidden()
    assert tab.changes_label.text().startswith("Changes since the last screening:")
    assert "no longer missing" in tab.changes_label.text()
    assert entry_id not in tab.changes_label.text()  # internal ids are not shown


def test_answering_an_indicator_is_stored_and_feeds_the_summary(
    qtbot: Any, editor: CaseEditor, vault: Vault
) -> None:
    tab = indicators_tab(editor)
    lists = checklists.load_checklists()
    assert len(tab.rows) == sum(len(c.indicators) for c in lists)
    before = dict(checklists.answers_of(load_case_of(editor)))
    target = next(
        i
        for c in lists
        for i in c.indicators
        if before.get(i.id, Answer.NOT_ASKED) is not Answer.YES
    )
    assert target.means not in tab.means_label.text()
    answered_before = sum(1 for a in before.values() if a is not Answer.NOT_ASKED)
    assert tab.count_label.text() == f"{answered_before} of {len(tab.rows)} answered"
    with qtbot.waitSignal(tab.reload_requested):
        tab.set_answer(target.id, Answer.YES)
    with vault.sessions() as session:
        stored = checklists.answers_of(load_case(session, editor.case_id))
    assert stored[target.id] is Answer.YES
    assert tab.answer(target.id) is Answer.YES
    assert target.means in tab.means_label.text()
    newly = 0 if before.get(target.id, Answer.NOT_ASKED) is not Answer.NOT_ASKED else 1
    assert tab.count_label.text() == f"{answered_before + newly} of {len(tab.rows)} answered"
    with vault.sessions() as session:
        last = session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc())).scalar()
    assert last is not None and last.action == "checklist.answered"
    assert last.detail == "1 answer"
    # Skip and return later: the answered one hides, the unanswered stay.
    row = tab.rows[target.id]
    assert not row.widget.isHidden()
    tab.only_unanswered.setChecked(True)
    assert row.widget.isHidden()
    unanswered = [i for i in tab.rows if stored.get(i, Answer.NOT_ASKED) is Answer.NOT_ASKED]
    assert unanswered
    assert all(not tab.rows[i].widget.isHidden() for i in unanswered)
    tab.only_unanswered.setChecked(False)
    assert not row.widget.isHidden()


def test_indicator_sections_come_from_the_data(editor: CaseEditor) -> None:
    tab = indicators_tab(editor)
    texts = [label.text() for label in tab.findChildren(QLabel)]
    for checklist in checklists.load_checklists():
        assert checklist.intro in texts
        for indicator in checklist.indicators:
            row = tab.rows[indicator.id]
            assert indicator.question in texts
            assert row.combo.toolTip() == indicator.guidance
            assert [row.combo.itemText(i) for i in range(row.combo.count())] == [
                "Not asked",
                "Yes",
                "No",
                "Unknown",
            ]


def test_clear_leaves_no_case_text(editor: CaseEditor) -> None:
    screening = screening_tab(editor)
    indicators = indicators_tab(editor)
    assert screening.detail.toPlainText()
    editor.clear()
    assert screening.model.rowCount() == 0
    assert screening.screenings == []
    assert screening.detail.toPlainText() == ""
    assert screening.missing_model.rowCount() == 0
    assert screening.changes_label.text() == ""
    assert indicators.means_label.text() == ""
    assert all(indicators.answer(i) is Answer.NOT_ASKED for i in indicators.rows)
    for browser in screening.findChildren(QTextBrowser):
        assert browser.toPlainText() == ""


def test_render(editor: CaseEditor, qtbot: Any) -> None:
    tab = screening_tab(editor)
    select_outcome(tab, "excluded by statute")
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.grab().save("/tmp/screening_tab.png")
    indicators_tab(editor)
    assert editor.grab().save("/tmp/indicators_tab.png")
