"""The case editor on a real vault: forms, tables, dialogs, one transaction per action, clearing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.client_tab import ClientTab
from redress.desktop.editor.deadlines_tab import DeadlinesTab
from redress.desktop.editor.editor import CaseEditor, editor_tabs
from redress.desktop.editor.entries_tab import EntriesTab
from redress.desktop.editor.history_tab import HistoryTab
from redress.desktop.editor.nexus_tab import NexusTab
from redress.desktop.editor.notes_tab import NotesTab
from redress.desktop.editor.situation_tab import SituationTab
from redress.desktop.editor.widgets import format_date, parse_decimal
from redress.models.cases import add_case, load_case
from redress.models.schema import (
    AdverseParty,
    AuditEntry,
    Case,
    Client,
    Cooperation,
    Deadline,
    DeadlineKind,
    Disposition,
    EntryKind,
    EvidenceItem,
    ExploitationPeriod,
    Note,
    OffenceCategory,
    RecordEntry,
    Relationship,
    Stage,
)
from redress.models.vault import Vault

LEGAL = "Zuzanna Canarylegal"
PSEUDONYM = "Client Amber"
CANARY = "qzcanary"  # in every other piece of case text
Button = QMessageBox.StandardButton
OK = QDialogButtonBox.StandardButton.Ok


class FakeClipboard:
    """Records what the editor copies."""

    def __init__(self) -> None:
        self.copied: list[str] = []

    def copy(self, text: str) -> None:
        self.copied.append(text)


@pytest.fixture
def case_id(vault: Vault) -> str:
    with vault.transaction() as session:
        case = Case(
            jurisdiction="US-NY",
            stage=Stage.SCREENING,
            assigned_to=f"lawyer {CANARY}a",
            team=[f"para {CANARY}b"],
            cooperation=Cooperation.DECLINED,
            cooperation_notes=f"afraid {CANARY}c",
        )
        case.client = Client(
            legal_name=LEGAL,
            pseudonym=PSEUDONYM,
            other_names=[f"alias {CANARY}d"],
            preferred_language="Spanish",
            date_of_birth=dt.date(1994, 5, 17),
            nationality=f"nation {CANARY}e",
            safe_contact=f"text only {CANARY}f",
            source="client interview",
        )
        case.periods = [
            ExploitationPeriod(
                start_date=dt.date(2016, 1, 1),
                end_date=dt.date(2019, 6, 30),
                forms=["sexual"],
                relationship_to_trafficker=Relationship.INTIMATE_PARTNER,
                location=f"Queens {CANARY}g",
                description=f"what happened {CANARY}h",
            )
        ]
        case.record_entries = [
            RecordEntry(
                kind=EntryKind.CRIMINAL,
                jurisdiction="US-NY",
                court=f"court {CANARY}i",
                docket=f"docket {CANARY}j",
                offence_text=f"Prostitution {CANARY}k",
                offence_category=OffenceCategory.PROSTITUTION,
                arrest_date=dt.date(2017, 3, 4),
                disposition=Disposition.CONVICTED_PLEA,
                disposition_date=dt.date(2017, 3, 5),
                nexus_client=f"he made me {CANARY}l",
                position=1,
            ),
            RecordEntry(
                kind=EntryKind.CRIMINAL,
                jurisdiction="US-NY",
                offence_text=f"Loitering {CANARY}m",
                position=2,
            ),
        ]
        case.deadlines = [
            Deadline(title=f"File motion {CANARY}n", due_date=dt.date(2030, 1, 10)),
        ]
        case.notes = [Note(body=f"met at shelter {CANARY}o", author="jortega")]
        case.adverse_parties = [AdverseParty(name=f"Trafficker {CANARY}p")]
        case.evidence = [EvidenceItem(title=f"Police report {CANARY}q")]
        add_case(session, case)
        return case.id


@pytest.fixture
def controller(vault: Vault) -> VaultController:
    controller = VaultController()
    controller.adopt(vault)
    return controller


@pytest.fixture
def clipboard() -> FakeClipboard:
    return FakeClipboard()


@pytest.fixture
def editor(qtbot: Any, controller: VaultController, case_id: str, clipboard: FakeClipboard) -> Any:
    editor = CaseEditor(controller, case_id, clipboard)
    qtbot.addWidget(editor)
    editor.resize(1100, 750)
    return editor


@pytest.fixture
def commits(vault: Vault) -> Iterator[list[int]]:
    """Counts committed transactions (reads never commit; every write does, once)."""
    seen: list[int] = []

    def count(_session: object) -> None:
        seen.append(1)

    event.listen(Session, "after_commit", count)
    yield seen
    event.remove(Session, "after_commit", count)


def tab(editor: CaseEditor, cls: type[Any]) -> Any:
    found = editor.show_tab(cls)
    assert found is not None
    return found


def stored(vault: Vault, case_id: str) -> Case:
    with vault.sessions() as session:
        return load_case(session, case_id)


def audit_actions(vault: Vault, case_id: str) -> list[str]:
    with vault.sessions() as session:
        return list(
            session.execute(
                select(AuditEntry.action)
                .where(AuditEntry.case_id == case_id)
                .order_by(AuditEntry.seq)
            ).scalars()
        )


def click_ok(qtbot: Any, dialog: Any) -> None:
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)


def model_texts(model: QAbstractItemModel) -> list[str]:
    texts: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        texts.append(value)
                walk(index)

    walk(QModelIndex())
    return texts


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text any widget under ``root`` shows or holds."""
    texts = [root.windowTitle()]
    for line in root.findChildren(QLineEdit):
        texts += [line.text(), line.displayText()]
    for box in root.findChildren(QPlainTextEdit):
        texts.append(box.toPlainText())
    for rich in root.findChildren(QTextEdit):
        texts.append(rich.toPlainText())
    for label in root.findChildren(QLabel):
        texts.append(label.text())
    for combo in root.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for view in root.findChildren(QAbstractItemView):
        if view.model() is not None:
            texts += model_texts(view.model())
    for widget in root.findChildren(QWidget):
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    return texts


# --- structure --------------------------------------------------------------------------------


def test_tabs_come_in_the_order_of_the_case_model(editor: CaseEditor) -> None:
    titles = [editor.tab_widget.tabText(i) for i in range(editor.tab_widget.count())]
    core = ["Client", "Trafficking situation", "Record entries", "Nexus"]
    assert titles[:4] == core
    assert titles[-3:] == ["Deadlines", "Notes", "History"]
    assert set(titles[4:-3]) <= {
        "Evidence and attachments",
        "Adverse parties",
        "Screening",
        "Indicators",
    }
    assert len(editor_tabs()) == len(titles)


def test_the_editor_shows_the_stored_case(editor: CaseEditor) -> None:
    client = tab(editor, ClientTab)
    assert client.pseudonym.text() == PSEUDONYM
    assert client.jurisdiction.text() == "US-NY"
    assert client.stage.value() == Stage.SCREENING
    assert client.cooperation.value() == Cooperation.DECLINED
    assert client.date_of_birth.date() == dt.date(1994, 5, 17)
    assert client.other_names.lines() == [f"alias {CANARY}d"]
    assert tab(editor, EntriesTab).model.rowCount() == 2
    assert not editor.has_unsaved_changes()


# --- saving the forms -------------------------------------------------------------------------


def test_client_edits_are_saved_in_one_transaction(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str, commits: list[int]
) -> None:
    client = tab(editor, ClientTab)
    with qtbot.waitSignal(editor.dirty_changed, check_params_cb=lambda dirty: dirty):
        client.pseudonym.setText("Client Birch")
    qtbot.keyClicks(client.nationality, "ian")
    client.date_of_birth.setText("1995-02-28")
    client.minor_at_offences.set_value(True)
    client.interpreter_needed.setChecked(True)
    client.interpreter_language.setText("Tigrinya")
    client.stage.set_value(Stage.DRAFTING)
    client.team.setPlainText("A. One\n\nB. Two\n")
    client.legal_name.set_revealed(True)
    client.legal_name.edit.clear()
    qtbot.keyClicks(client.legal_name.edit, "Zuzanna Newname")
    assert editor.has_unsaved_changes()
    assert editor.save_button.isEnabled()
    before = audit_actions(vault, case_id)

    with qtbot.waitSignal(editor.title_changed):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert len(commits) == 1
    assert audit_actions(vault, case_id) == [*before, "case.edited"]
    saved = stored(vault, case_id)
    assert saved.client.pseudonym == "Client Birch"
    assert saved.client.legal_name == "Zuzanna Newname"
    assert saved.client.nationality == f"nation {CANARY}eian"
    assert saved.client.date_of_birth == dt.date(1995, 2, 28)
    assert saved.client.minor_at_offences is True
    assert saved.client.interpreter_needed is True
    assert saved.client.interpreter_language == "Tigrinya"
    assert saved.stage == Stage.DRAFTING
    assert saved.team == ["A. One", "B. Two"]
    assert not editor.has_unsaved_changes()
    assert not editor.save_button.isEnabled()
    assert editor.title.endswith("· Client Birch")


def test_ctrl_s_saves(qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str) -> None:
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    client = tab(editor, ClientTab)
    client.pronouns.setFocus()
    qtbot.keyClicks(client.pronouns, "she/her")
    assert editor.save_action.isEnabled()
    qtbot.keyClick(client.pronouns, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(vault, case_id).client.pronouns == "she/her"
    assert not editor.has_unsaved_changes()


def test_required_fields_block_saving_and_are_reported(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str, commits: list[int]
) -> None:
    client = tab(editor, ClientTab)
    client.pseudonym.clear()
    client.jurisdiction.clear()
    client.nationality.setText("changed")
    editor.show_tab(NotesTab)

    assert editor.save() is False

    assert commits == []
    assert any("pseudonym" in p.lower() for p in editor.last_problems)
    assert any("jurisdiction" in p.lower() for p in editor.last_problems)
    assert editor.problems.isVisibleTo(editor)
    assert "pseudonym" in editor.problems.message.text().lower()
    assert editor.tab_widget.currentWidget() is client  # taken to the problem
    assert editor.has_unsaved_changes()  # nothing lost
    assert stored(vault, case_id).client.nationality == f"nation {CANARY}e"


def test_an_invalid_date_of_birth_blocks_saving(editor: CaseEditor, vault: Vault) -> None:
    client = tab(editor, ClientTab)
    client.date_of_birth.setText("1995-02-30")
    assert not client.date_of_birth.is_valid()
    assert client.date_of_birth.accessibleDescription() == "Not a valid date"
    assert editor.save() is False
    assert any("date of birth" in p.lower() for p in editor.last_problems)
    client.date_of_birth.clear()  # empty is allowed: unknown
    assert editor.save() is True


def test_the_legal_name_is_hidden_until_revealed(
    qtbot: Any, editor: CaseEditor, clipboard: FakeClipboard
) -> None:
    client = tab(editor, ClientTab)
    assert not client.legal_name.is_revealed()
    assert client.legal_name.edit.isReadOnly()
    assert all(LEGAL not in text for text in visible_texts(editor))
    assert client.pseudonym.text() == PSEUDONYM  # the pseudonym is always shown

    qtbot.mouseClick(client.legal_name.reveal_button, Qt.MouseButton.LeftButton)

    assert client.legal_name.edit.text() == LEGAL
    assert not client.legal_name.edit.isReadOnly()
    assert client.legal_name.reveal_button.text().replace("&", "") == "Hide legal name"
    qtbot.mouseClick(client.legal_name.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.copied == [LEGAL]
    qtbot.mouseClick(client.legal_name.reveal_button, Qt.MouseButton.LeftButton)
    assert all(LEGAL not in text for text in visible_texts(editor))


def test_the_title_never_holds_the_legal_name(
    qtbot: Any, editor: CaseEditor, case_id: str, vault: Vault
) -> None:
    reference = stored(vault, case_id).reference
    titles = [editor.title]
    editor.title_changed.connect(titles.append)
    client = tab(editor, ClientTab)
    client.legal_name.set_revealed(True)
    client.pseudonym.setText("Client Cedar")
    assert editor.save()
    editor.reload()
    editor.clear()
    assert titles == [f"{reference} · {PSEUDONYM}", f"{reference} · Client Cedar", ""]
    assert all("Canarylegal" not in title for title in titles)


def test_a_missing_case_is_announced(qtbot: Any, controller: VaultController) -> None:
    editor = CaseEditor(controller, "no-such-case")
    qtbot.addWidget(editor)
    assert "no longer exists" in editor.notice.message.text()
    assert not editor.tab_widget.isEnabled()


def unnamed_controls(root: QWidget) -> list[str]:
    """Focusable controls with no accessible name (buttons and tabs are named by their text)."""
    found = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            continue
        if isinstance(widget, QTabBar):
            continue
        container = widget.parentWidget()
        if isinstance(widget, QAbstractItemView) and isinstance(
            container.parentWidget() if container else None, QComboBox
        ):
            continue  # a combo box's own popup list
        found.append(f"{type(widget).__name__} in {type(container).__name__}")
    return found


def test_every_control_has_an_accessible_name(editor: CaseEditor) -> None:
    assert unnamed_controls(editor) == []
    for cls in (SituationTab, EntriesTab, DeadlinesTab):
        list_tab = tab(editor, cls)
        list_tab.rows.add_button.click()
        assert unnamed_controls(list_tab.dialog) == []
        list_tab.dialog.reject()


def test_the_client_form_tabs_in_reading_order(editor: CaseEditor) -> None:
    client = tab(editor, ClientTab)
    expected = [
        client.legal_name.edit,
        client.pseudonym,
        client.other_names,
        client.preferred_language,
        client.date_of_birth,
        client.minor_at_offences,
        client.interpreter_needed,
        client.interpreter_language,
        client.gender_preference,
        client.pronouns,
        client.nationality,
        client.safe_contact,
        client.source,
        client.stage,
        client.jurisdiction,
        client.assigned_to,
        client.team,
        client.cooperation,
        client.cooperation_notes,
    ]
    chain: list[QWidget] = []
    widget = client.legal_name.edit
    for _ in range(200):
        if widget in expected and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == expected


# --- closing with unsaved edits ---------------------------------------------------------------


def test_maybe_close_cancel_keeps_the_edits(editor: CaseEditor, vault: Vault, case_id: str) -> None:
    asked: list[int] = []

    def cancel() -> Button:
        asked.append(1)
        return Button.Cancel

    editor.confirm = cancel
    tab(editor, ClientTab).pronouns.setText("they/them")
    assert editor.maybe_close() is False
    assert asked == [1]
    assert editor.has_unsaved_changes()
    assert tab(editor, ClientTab).pronouns.text() == "they/them"
    assert stored(vault, case_id).client.pronouns is None


def test_maybe_close_discard_drops_the_edits(
    editor: CaseEditor, vault: Vault, case_id: str, commits: list[int]
) -> None:
    editor.confirm = lambda: Button.Discard
    tab(editor, ClientTab).pronouns.setText("they/them")
    assert editor.maybe_close() is True
    assert not editor.has_unsaved_changes()
    assert tab(editor, ClientTab).pronouns.text() == ""
    assert commits == []
    assert stored(vault, case_id).client.pronouns is None


def test_maybe_close_save_saves(editor: CaseEditor, vault: Vault, case_id: str) -> None:
    editor.confirm = lambda: Button.Save
    tab(editor, ClientTab).pronouns.setText("they/them")
    assert editor.maybe_close() is True
    assert stored(vault, case_id).client.pronouns == "they/them"


def test_maybe_close_save_with_problems_keeps_the_editor(editor: CaseEditor) -> None:
    editor.confirm = lambda: Button.Save
    tab(editor, ClientTab).pseudonym.clear()
    assert editor.maybe_close() is False
    assert editor.has_unsaved_changes()


def test_maybe_close_without_edits_asks_nothing(editor: CaseEditor) -> None:
    def fail() -> Button:
        raise AssertionError("must not ask")

    editor.confirm = fail
    assert editor.maybe_close() is True


# --- record entries ---------------------------------------------------------------------------


def test_add_a_record_entry_through_the_dialog(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str, commits: list[int]
) -> None:
    entries = tab(editor, EntriesTab)
    qtbot.mouseClick(entries.rows.add_button, Qt.MouseButton.LeftButton)
    dialog = entries.dialog
    assert dialog is not None
    assert dialog.jurisdiction.text() == "US-NY"  # the case's, as a default
    dialog.kind.setCurrentIndex(dialog.kind.findData(EntryKind.IMMIGRATION.value))
    qtbot.keyClicks(dialog.offence_text, "Use of a false document")
    qtbot.keyClicks(dialog.docket, "A-123")
    qtbot.keyClicks(dialog.arrest_date, "2018-04-01")
    qtbot.keyClicks(dialog.charge_date, "2018-04-02")
    qtbot.keyClicks(dialog.disposition_date, "2018-09-30")
    dialog.disposition.set_value(Disposition.REMOVAL_ORDER)
    qtbot.keyClicks(dialog.fines_owed, "1250.05")
    qtbot.keyClicks(dialog.fines_currency, "usd")

    with qtbot.waitSignal(dialog.finished):
        click_ok(qtbot, dialog)

    assert len(commits) == 1
    assert entries.dialog is None
    saved = stored(vault, case_id).record_entries
    assert len(saved) == 3
    new = saved[-1]
    assert new.kind == EntryKind.IMMIGRATION
    assert new.offence_text == "Use of a false document"
    assert new.arrest_date == dt.date(2018, 4, 1)
    assert new.disposition == Disposition.REMOVAL_ORDER
    assert new.fines_owed == Decimal("1250.05")
    assert isinstance(new.fines_owed, Decimal)
    assert new.fines_currency == "USD"
    assert new.position > saved[-2].position
    assert audit_actions(vault, case_id)[-1] == "record_entry.added"
    assert entries.model.rowCount() == 3  # the editor reloaded
    assert tab(editor, NexusTab).model.rowCount() == 3


def test_the_entry_dialog_requires_kind_jurisdiction_and_offence(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str, commits: list[int]
) -> None:
    entries = tab(editor, EntriesTab)
    entries.rows.add_button.click()
    dialog = entries.dialog
    dialog.jurisdiction.clear()
    click_ok(qtbot, dialog)
    text = dialog.problem_label.text()
    assert "kind" in text
    assert "jurisdiction" in text
    assert "offence" in text
    assert dialog.isVisible()
    assert commits == []
    assert len(stored(vault, case_id).record_entries) == 2


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("disposition_date", "2017-01-01", "disposition date is before the arrest date"),
        ("charge_date", "2017-01-01", "charge date is before the arrest date"),
        ("arrest_date", "2017-02-30", "arrest date is not a valid date"),
        ("fines_owed", "-5", "zero or more"),
        ("fines_owed", "ten", "zero or more"),
        ("fines_currency", "US", "three-letter"),
    ],
)
def test_the_entry_dialog_rejects_bad_dates_and_amounts(
    qtbot: Any,
    editor: CaseEditor,
    vault: Vault,
    case_id: str,
    commits: list[int],
    field: str,
    value: str,
    message: str,
) -> None:
    entries = tab(editor, EntriesTab)
    entries.rows.select_row(0)
    entries.rows.edit_button.click()
    dialog = entries.dialog
    assert dialog.arrest_date.date() == dt.date(2017, 3, 4)
    widget = getattr(dialog, field)
    widget.clear()
    qtbot.keyClicks(widget, value)
    if field != "fines_owed":
        dialog.fines_owed.clear()
    click_ok(qtbot, dialog)
    assert message in dialog.problem_label.text()
    assert dialog.isVisible()
    assert commits == []
    assert stored(vault, case_id).record_entries[0].disposition_date == dt.date(2017, 3, 5)


def test_fines_need_a_currency(qtbot: Any, editor: CaseEditor, commits: list[int]) -> None:
    entries = tab(editor, EntriesTab)
    entries.rows.select_row(1)
    entries.rows.edit_button.click()
    qtbot.keyClicks(entries.dialog.fines_owed, "10")
    click_ok(qtbot, entries.dialog)
    assert "currency" in entries.dialog.problem_label.text()
    assert commits == []


def test_edit_a_record_entry(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str, commits: list[int]
) -> None:
    entries = tab(editor, EntriesTab)
    entries.rows.select_row(1)
    qtbot.mouseClick(entries.rows.edit_button, Qt.MouseButton.LeftButton)
    dialog = entries.dialog
    assert dialog.offence_text.text() == f"Loitering {CANARY}m"
    dialog.offence_text.clear()
    qtbot.keyClicks(dialog.offence_text, "Loitering (amended)")
    qtbot.keyClicks(dialog.statute, "PL 240.37")
    with qtbot.waitSignal(dialog.finished):
        click_ok(qtbot, dialog)
    assert len(commits) == 1
    entry = stored(vault, case_id).record_entries[1]
    assert entry.offence_text == "Loitering (amended)"
    assert entry.statute == "PL 240.37"
    assert entry.nexus_client is None  # the dialog leaves the nexus alone
    assert stored(vault, case_id).record_entries[0].nexus_client == f"he made me {CANARY}l"
    assert audit_actions(vault, case_id)[-1] == "record_entry.edited"
    assert entries.model.data(entries.model.index(1, 4)) == "Loitering (amended)"


def test_remove_a_record_entry_asks_first(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str, commits: list[int]
) -> None:
    entries = tab(editor, EntriesTab)
    questions: list[str] = []
    answers = iter([False, True])

    def confirm(question: str) -> bool:
        questions.append(question)
        return next(answers)

    entries.confirm_remove = confirm
    entries.rows.select_row(0)
    qtbot.mouseClick(entries.rows.remove_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 1
    assert len(stored(vault, case_id).record_entries) == 2
    assert commits == []

    entries.rows.select_row(0)
    qtbot.mouseClick(entries.rows.remove_button, Qt.MouseButton.LeftButton)
    assert len(commits) == 1
    remaining = stored(vault, case_id).record_entries
    assert [e.offence_text for e in remaining] == [f"Loitering {CANARY}m"]
    assert audit_actions(vault, case_id)[-1] == "record_entry.removed"
    assert entries.model.rowCount() == 1


def test_a_list_change_keeps_unsaved_form_edits(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str
) -> None:
    client = tab(editor, ClientTab)
    client.pronouns.setText("she/her")
    nexus = tab(editor, NexusTab)
    nexus.lawyer_account.setPlainText("draft argument")
    entries = tab(editor, EntriesTab)
    entries.confirm_remove = lambda _q: True
    entries.rows.select_row(1)
    entries.rows.remove_button.click()
    qtbot.wait(10)  # let the controller's change notice come round
    assert client.pronouns.text() == "she/her"
    assert nexus.has_unsaved_changes()
    assert nexus.lawyer_account.toPlainText() == "draft argument"
    assert not editor.notice.isVisibleTo(editor)  # our own change: no "changed elsewhere"
    assert editor.save()
    saved = stored(vault, case_id)
    assert saved.client.pronouns == "she/her"
    assert saved.record_entries[0].nexus_lawyer == "draft argument"


# --- changes made elsewhere -------------------------------------------------------------------


def _change_elsewhere(controller: VaultController, case_id: str, nationality: str) -> None:
    def write(session: Any) -> None:
        case = session.get(Case, case_id)
        case.client.nationality = nationality

    controller.write(write, case_id=case_id)


def test_a_change_elsewhere_reloads_a_clean_editor(
    qtbot: Any, editor: CaseEditor, controller: VaultController, case_id: str
) -> None:
    client = tab(editor, ClientTab)
    _change_elsewhere(controller, case_id, "Eritrean")
    qtbot.waitUntil(lambda: client.nationality.text() == "Eritrean")
    assert not editor.notice.isVisibleTo(editor)


def test_a_change_elsewhere_never_drops_unsaved_edits(
    qtbot: Any, editor: CaseEditor, controller: VaultController, case_id: str
) -> None:
    client = tab(editor, ClientTab)
    client.pronouns.setText("he/him")
    _change_elsewhere(controller, case_id, "Eritrean")
    qtbot.waitUntil(lambda: editor.notice.isVisibleTo(editor))
    assert "changed elsewhere" in editor.notice.message.text()
    assert client.pronouns.text() == "he/him"
    assert editor.has_unsaved_changes()
    editor.confirm_reload = lambda: True
    editor.notice_reload.click()
    assert client.nationality.text() == "Eritrean"
    assert client.pronouns.text() == ""
    assert not editor.notice.isVisibleTo(editor)


# --- nexus ------------------------------------------------------------------------------------


def test_nexus_narratives_are_saved_with_the_editor(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str, commits: list[int]
) -> None:
    nexus = tab(editor, NexusTab)
    first, second = (e.id for e in nexus.model.rows())
    nexus.select_entry(first)
    assert nexus.client_words.toPlainText() == f"he made me {CANARY}l"
    nexus.lawyer_account.setPlainText("Coerced by her trafficker.")
    assert nexus.has_unsaved_changes()
    assert editor.tab_widget.tabText(editor.tab_widget.indexOf(nexus)) == "Nexus *"
    nexus.select_entry(second)
    assert nexus.lawyer_account.toPlainText() == ""
    nexus.client_words.setPlainText("I had no choice.")
    nexus.select_entry(first)
    assert nexus.lawyer_account.toPlainText() == "Coerced by her trafficker."  # kept
    assert editor.save()
    assert len(commits) == 1
    saved = stored(vault, case_id).record_entries
    assert saved[0].nexus_lawyer == "Coerced by her trafficker."
    assert saved[0].nexus_client == f"he made me {CANARY}l"
    assert saved[1].nexus_client == "I had no choice."
    assert audit_actions(vault, case_id)[-1] == "case.edited"


def test_undoing_a_nexus_edit_is_not_an_unsaved_change(editor: CaseEditor) -> None:
    nexus = tab(editor, NexusTab)
    original = nexus.client_words.toPlainText()
    nexus.client_words.setPlainText("x")
    assert editor.has_unsaved_changes()
    nexus.client_words.setPlainText(original)
    assert not editor.has_unsaved_changes()


# --- situation --------------------------------------------------------------------------------


def test_add_a_period_and_reject_an_end_before_its_start(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str, commits: list[int]
) -> None:
    situation = tab(editor, SituationTab)
    situation.rows.add_button.click()
    dialog = situation.dialog
    qtbot.keyClicks(dialog.start_date, "2020-05-01")
    qtbot.keyClicks(dialog.end_date, "2020-04-01")
    click_ok(qtbot, dialog)
    assert "end date is before the start date" in dialog.problem_label.text()
    assert commits == []
    dialog.end_date.clear()
    qtbot.keyClicks(dialog.end_date, "2021-04-01")
    dialog.form_boxes["labour"].setChecked(True)
    dialog.form_boxes["domestic_servitude"].setChecked(True)
    dialog.relationship.set_value(Relationship.EMPLOYER)
    dialog.means.setPlainText("passport taken\n\ndebt")
    with qtbot.waitSignal(dialog.finished):
        click_ok(qtbot, dialog)
    assert len(commits) == 1
    period = stored(vault, case_id).periods[-1]
    assert period.start_date == dt.date(2020, 5, 1)
    assert period.end_date == dt.date(2021, 4, 1)
    assert period.forms == ["labour", "domestic_servitude"]
    assert period.relationship_to_trafficker == Relationship.EMPLOYER
    assert period.means == ["passport taken", "debt"]
    assert situation.model.rowCount() == 2
    assert "Forced labour" in situation.model.data(situation.model.index(1, 2))


def test_edit_and_remove_a_period(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str
) -> None:
    situation = tab(editor, SituationTab)
    situation.rows.select_row(0)
    situation.rows.edit_button.click()
    dialog = situation.dialog
    assert dialog.form_boxes["sexual"].isChecked()
    dialog.location.setText("Brooklyn")
    click_ok(qtbot, dialog)
    assert stored(vault, case_id).periods[0].location == "Brooklyn"
    situation.confirm_remove = lambda _q: True
    situation.rows.select_row(0)
    situation.rows.remove_button.click()
    assert stored(vault, case_id).periods == []
    assert audit_actions(vault, case_id)[-2:] == ["period.edited", "period.removed"]


# --- deadlines --------------------------------------------------------------------------------


def test_deadlines_add_toggle_done_and_mark_overdue(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str, commits: list[int]
) -> None:
    deadlines = tab(editor, DeadlinesTab)
    deadlines.model.today = lambda: dt.date(2030, 1, 15)
    deadlines.rows.add_button.click()
    dialog = deadlines.dialog
    click_ok(qtbot, dialog)
    assert "due date is required" in dialog.problem_label.text()
    assert "title is required" in dialog.problem_label.text()
    qtbot.keyClicks(dialog.due_date, "2030-02-01")
    qtbot.keyClicks(dialog.title_edit, "Hearing")
    dialog.kind.set_value(DeadlineKind.HEARING)
    dialog.record_entry.setCurrentIndex(1)
    click_ok(qtbot, dialog)
    assert len(commits) == 1
    saved = stored(vault, case_id).deadlines
    assert [d.title for d in saved] == [f"File motion {CANARY}n", "Hearing"]
    assert saved[1].record_entry_id == stored(vault, case_id).record_entries[0].id

    model = deadlines.model
    overdue = model.index(0, model.STATUS)
    assert "Overdue" in model.data(overdue)  # in words, not colour alone
    assert model.data(overdue, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(1, model.STATUS), Qt.ItemDataRole.DecorationRole) is None

    deadlines.rows.select_row(0)
    qtbot.mouseClick(deadlines.done_button, Qt.MouseButton.LeftButton)
    assert len(commits) == 2
    assert stored(vault, case_id).deadlines[0].done is True
    assert model.data(model.index(0, model.STATUS)) == "Done"
    assert model.data(model.index(0, model.DONE), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    # the checkbox in the table reopens it
    model.setData(
        model.index(0, model.DONE), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert stored(vault, case_id).deadlines[0].done is False
    assert audit_actions(vault, case_id)[-3:] == [
        "deadline.added",
        "deadline.done",
        "deadline.reopened",
    ]
    deadlines.confirm_remove = lambda _q: True
    deadlines.rows.select_row(1)
    deadlines.rows.remove_button.click()
    assert [d.title for d in stored(vault, case_id).deadlines] == [f"File motion {CANARY}n"]


# --- notes ------------------------------------------------------------------------------------


def test_ctrl_enter_adds_a_note_newest_first(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str, commits: list[int]
) -> None:
    with qtbot.waitExposed(editor):
        editor.show()
    notes = tab(editor, NotesTab)
    notes.new_note.setFocus()
    qtbot.keyClicks(notes.new_note, "Called the clerk.")
    assert editor.has_unsaved_changes()  # a note being written counts
    qtbot.keyClick(notes.new_note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(commits) == 1)
    bodies = [n.body for n in stored(vault, case_id).notes]
    assert "Called the clerk." in bodies
    assert notes.new_note.toPlainText() == ""
    assert not editor.has_unsaved_changes()
    assert "Called the clerk." in notes.model.data(notes.model.index(0, 0))
    assert audit_actions(vault, case_id)[-1] == "note.added"


def test_a_note_being_written_is_added_by_save(
    editor: CaseEditor, vault: Vault, case_id: str
) -> None:
    tab(editor, NotesTab).new_note.setPlainText("Draft note")
    assert editor.save()
    assert "Draft note" in [n.body for n in stored(vault, case_id).notes]
    assert audit_actions(vault, case_id)[-1] == "note.added"


# --- history ----------------------------------------------------------------------------------


def test_history_lists_the_case_actions_and_verifies_the_chain(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str
) -> None:
    tab(editor, ClientTab).pronouns.setText("she/her")
    assert editor.save()
    with qtbot.waitExposed(editor):
        editor.show()
    history = tab(editor, HistoryTab)
    actions = [
        history.model.data(history.model.index(r, 2)) for r in range(history.model.rowCount())
    ]
    assert actions == ["Case created", "Case edited"]
    assert history.model.data(history.model.index(1, 3)) == "client"
    qtbot.waitUntil(lambda: history.chain_status.text().startswith("✓"), timeout=10_000)


def test_history_warns_when_the_chain_is_broken(
    qtbot: Any, editor: CaseEditor, vault: Vault, case_id: str
) -> None:
    with vault.transaction() as session:
        entry = session.execute(select(AuditEntry).order_by(AuditEntry.seq).limit(1)).scalar_one()
        entry.detail = "tampered"
    editor.reload()
    with qtbot.waitExposed(editor):
        editor.show()
    history = tab(editor, HistoryTab)
    qtbot.waitUntil(lambda: history.chain_status.text().startswith("⚠"), timeout=10_000)
    assert "altered" in history.chain_status.text()


# --- clearing on lock -------------------------------------------------------------------------


def test_clear_leaves_no_case_text_anywhere(
    qtbot: Any, editor: CaseEditor, controller: VaultController
) -> None:
    with qtbot.waitExposed(editor):
        editor.show()
    for i in range(editor.tab_widget.count()):
        editor.tab_widget.setCurrentIndex(i)
    tab(editor, ClientTab).legal_name.set_revealed(True)
    texts = " ".join(visible_texts(editor))
    assert CANARY in texts
    assert LEGAL in texts
    entries = tab(editor, EntriesTab)
    entries.rows.select_row(0)
    entries.rows.edit_button.click()  # a dialog full of case text is open at lock time
    assert CANARY in " ".join(visible_texts(entries.dialog))
    dialog = entries.dialog

    controller.lock(quick=True)  # emits locked: the editor clears itself

    texts = " ".join(visible_texts(editor))
    assert CANARY not in texts
    assert LEGAL not in texts
    assert PSEUDONYM not in texts
    assert not dialog.isVisible()
    assert CANARY not in " ".join(visible_texts(dialog))
    assert editor.title == ""
    assert not editor.has_unsaved_changes()
    assert not tab(editor, ClientTab).legal_name.is_revealed()


# --- models -----------------------------------------------------------------------------------


def test_every_model_passes_the_qt_model_tester(qtmodeltester: Any, editor: CaseEditor) -> None:
    tab(editor, ClientTab).pronouns.setText("x")
    assert editor.save()
    models = [
        tab(editor, SituationTab).model,
        tab(editor, EntriesTab).model,
        tab(editor, NexusTab).model,
        tab(editor, DeadlinesTab).model,
        tab(editor, NotesTab).model,
        tab(editor, HistoryTab).model,
    ]
    for model in models:
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
        qtmodeltester.check(model)
    for model in models:
        model.clear()
        qtmodeltester.check(model, force_py=True)


# --- small helpers ----------------------------------------------------------------------------


def test_amounts_are_exact_decimals() -> None:
    assert parse_decimal("0.10") == Decimal("0.10")
    assert parse_decimal("") is None
    with pytest.raises(ValueError, match="amount"):
        parse_decimal("1e3")


def test_dates_show_with_a_four_digit_year(qapp: QApplication) -> None:
    assert "2017" in format_date(dt.date(2017, 3, 4))
