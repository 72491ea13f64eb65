"""The Deadlines tab: dates that matter, with their basis; overdue ones are marked in words too.

Each add, edit, removal and done toggle is one transaction.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.base import CaseTab
from redress.desktop.editor.widgets import (
    CommitDialog,
    DateField,
    EnumCombo,
    RowsEditor,
    RowsModel,
    ask_yes_no,
    case_in,
    enum_label,
    format_date,
    label_for,
    plain,
    wipe_texts,
)
from redress.desktop.workers import safe_message
from redress.models import audit
from redress.models.errors import NotFoundError
from redress.models.schema import Case, Deadline, DeadlineKind, RecordEntry

AnyIndex = QModelIndex | QPersistentModelIndex


class DeadlinesModel(RowsModel):
    """The case's deadlines, soonest first; the Done column is a checkbox.

    Signals:
        done_toggle_requested(str, bool): the user ticked or cleared a deadline's Done box (the
            tab commits it; the model changes only when the case is reloaded).

    Attributes:
        today: gives today's date (replaceable in tests).
    """

    DUE, STATUS, TITLE, KIND, BASIS, CITATION, DONE = range(7)
    done_toggle_requested = Signal(str, bool)

    def __init__(
        self, today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.headers = (
            self.tr("Due"),
            self.tr("Status"),
            self.tr("Title"),
            self.tr("Kind"),
            self.tr("Basis"),
            self.tr("Citation"),
            self.tr("Done"),
        )

    def is_overdue(self, deadline: Deadline) -> bool:
        """Whether ``deadline`` is open and past."""
        return not deadline.done and deadline.due_date < self.today()

    def status(self, deadline: Deadline) -> str:
        """The status in words (never colour alone)."""
        if deadline.done:
            return self.tr("Done")
        days = (deadline.due_date - self.today()).days
        if days < 0:
            return self.tr("Overdue by %n day(s)", "", -days)
        if days == 0:
            return self.tr("Due today")
        return self.tr("In %n day(s)", "", days)

    def cell(self, row: Any, column: int, role: int) -> Any:
        """Text, the overdue icon and colour, and the Done checkbox."""
        deadline: Deadline = row
        overdue = self.is_overdue(deadline)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.DUE: lambda: format_date(deadline.due_date),
                self.STATUS: lambda: self.status(deadline),
                self.TITLE: lambda: deadline.title,
                self.KIND: lambda: enum_label(deadline.kind),
                self.BASIS: lambda: deadline.basis or "",
                self.CITATION: lambda: deadline.citation or "",
                self.DONE: lambda: self.tr("Yes") if deadline.done else self.tr("No"),
            }[column]()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DONE:
            return Qt.CheckState.Checked if deadline.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS and overdue:
            return _warning_icon()
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and overdue
            and column
            in (
                self.DUE,
                self.STATUS,
            )
        ):
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.BASIS and deadline.basis:
            return deadline.basis
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """The Done column is user-checkable."""
        flags = super().flags(index)
        if index.isValid() and index.column() == self.DONE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(  # noqa: N802 - Qt API
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Ticking Done asks the tab to commit; the row changes when the case reloads."""
        deadline = self.row_at(index)
        if deadline is None or index.column() != self.DONE:
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked != deadline.done:
            self.done_toggle_requested.emit(deadline.id, checked)
        return False


def _warning_icon() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


@dataclass(frozen=True)
class DeadlineValues:
    """What the deadline dialog collected (validated).

    Attributes:
        due_date: when it is due.
        title: what it is.
        kind: what it is for.
        basis: why this date (the rule or order it comes from).
        citation: the legal citation.
        done: whether it has been met.
        record_entry_id: the record entry it concerns, if any.
    """

    due_date: dt.date
    title: str
    kind: DeadlineKind
    basis: str | None
    citation: str | None
    done: bool
    record_entry_id: str | None

    def apply_to(self, deadline: Deadline) -> None:
        """Copy the values onto ``deadline``."""
        deadline.due_date = self.due_date
        deadline.title = self.title
        deadline.kind = self.kind
        deadline.basis = self.basis
        deadline.citation = self.citation
        deadline.done = self.done
        deadline.record_entry_id = self.record_entry_id


class DeadlineDialog(CommitDialog):
    """Add or edit one deadline.

    Attributes:
        problem_label: where validation problems (or a failed save) are shown.
    """

    def __init__(
        self,
        commit: Callable[[DeadlineValues], None],
        entries: list[RecordEntry],
        deadline: Deadline | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._commit = commit
        self.setWindowTitle(self.tr("Edit deadline") if deadline else self.tr("Add deadline"))
        self.setModal(True)
        self.due_date = DateField(self)
        self.title_edit = QLineEdit(self)
        self.kind = EnumCombo(DeadlineKind, parent=self)
        self.kind.set_value(DeadlineKind.FILING)
        self.basis = QLineEdit(self)
        self.basis.setPlaceholderText(self.tr("e.g. 30 days after the disposition"))
        self.citation = QLineEdit(self)
        self.record_entry = QComboBox(self)
        self.record_entry.addItem(self.tr("(none)"), None)
        for entry in entries:
            self.record_entry.addItem(entry.offence_text, entry.id)
        self.done_box = QCheckBox(self.tr("D&one"), self)
        self.done_box.setAccessibleName(self.tr("Done"))
        self.problem_label = self._make_problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.addRow(label_for(self.tr("&Due date *:"), self.due_date), self.due_date)
        self.due_date.setAccessibleName(self.tr("Due date (required)"))
        form.addRow(label_for(self.tr("&Title *:"), self.title_edit), self.title_edit)
        self.title_edit.setAccessibleName(self.tr("Title (required)"))
        form.addRow(label_for(self.tr("&Kind:"), self.kind), self.kind)
        form.addRow(label_for(self.tr("&Basis:"), self.basis), self.basis)
        form.addRow(label_for(self.tr("&Citation:"), self.citation), self.citation)
        form.addRow(label_for(self.tr("&Record entry:"), self.record_entry), self.record_entry)
        form.addRow("", self.done_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        order: list[QWidget] = [
            self.due_date,
            self.title_edit,
            self.kind,
            self.basis,
            self.citation,
            self.record_entry,
            self.done_box,
            self.buttons,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        if deadline is not None:
            self.due_date.set_date(deadline.due_date)
            self.title_edit.setText(deadline.title)
            self.kind.set_value(deadline.kind)
            self.basis.setText(deadline.basis or "")
            self.citation.setText(deadline.citation or "")
            index = self.record_entry.findData(deadline.record_entry_id)
            self.record_entry.setCurrentIndex(max(index, 0))
            self.done_box.setChecked(deadline.done)
        self.resize(520, 320)

    def problems(self) -> list[tuple[QWidget, str]]:
        """What stops the deadline from being saved, each with the field to fix."""
        found: list[tuple[QWidget, str]] = []
        problem = self.due_date.problem(self.tr("The due date"))
        if problem:
            found.append((self.due_date, problem))
        elif self.due_date.date() is None:
            found.append((self.due_date, self.tr("The due date is required.")))
        if not self.title_edit.text().strip():
            found.append((self.title_edit, self.tr("The title is required.")))
        return found

    def values(self) -> DeadlineValues:
        """The validated values (call only when :meth:`problems` is empty)."""
        due = self.due_date.date()
        assert due is not None
        entry = self.record_entry.currentData()
        return DeadlineValues(
            due_date=due,
            title=self.title_edit.text().strip(),
            kind=DeadlineKind(self.kind.value() or DeadlineKind.OTHER),
            basis=plain(self.basis.text()),
            citation=plain(self.citation.text()),
            done=self.done_box.isChecked(),
            record_entry_id=entry if isinstance(entry, str) else None,
        )


class DeadlinesTab(CaseTab):
    """The deadlines table with Add / Edit / Remove and a Done toggle.

    Attributes:
        title: the tab's label.
        model: the table model (its ``today`` is replaceable in tests).
        rows: the table and its buttons.
        done_button: marks the selected deadline done, or open again (Ctrl+D).
        dialog: the deadline dialog currently open (None if none).
        confirm_remove: asks whether to remove (replaceable in tests); gets the question.
    """

    def __init__(
        self,
        controller: VaultController,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(controller, parent)
        self.title = self.tr("Deadlines")
        self._case_id = ""
        self._entries: list[RecordEntry] = []
        self.dialog: DeadlineDialog | None = None
        self.confirm_remove: Callable[[str], bool] = lambda question: ask_yes_no(
            self, self.tr("Remove deadline"), question
        )
        self.model = DeadlinesModel(today, self)
        self.rows = RowsEditor(
            self.model,
            self.tr("Deadlines"),
            self.tr("deadline"),
            self,
            stretch_column=DeadlinesModel.TITLE,
        )
        self.done_button = QPushButton(self.tr("Mark &done"), self)
        self.done_button.setAccessibleName(self.tr("Mark the selected deadline done or open"))
        self.done_button.setToolTip(self.tr("Mark done or open again (Ctrl+D)"))
        self.rows.buttons.insertWidget(3, self.done_button)
        toggle = QAction(self)
        toggle.setShortcut(QKeySequence("Ctrl+D"))
        toggle.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        toggle.triggered.connect(self.on_done_button_clicked)
        self.addAction(toggle)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rows)
        self.rows.add_requested.connect(self.on_rows_add_requested)
        self.rows.edit_requested.connect(self.on_rows_edit_requested)
        self.rows.remove_requested.connect(self.on_rows_remove_requested)
        self.done_button.clicked.connect(self.on_done_button_clicked)
        self.model.done_toggle_requested.connect(self.on_model_done_toggle_requested)
        self.rows.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.model.modelReset.connect(self.on_selection_changed)
        self.on_selection_changed()
        self.setEnabled(False)

    def load(self, case: Case) -> None:
        """Show the case's deadlines."""
        current = self.rows.current()
        self._case_id = case.id
        self._entries = list(case.record_entries)
        self.model.set_rows(case.deadlines)
        if current is not None:
            ids = [d.id for d in self.model.rows()]
            if current.id in ids:
                self.rows.select_row(ids.index(current.id))
        self.setEnabled(True)

    def clear(self) -> None:
        """Close any open dialog and show nothing."""
        if self.dialog is not None:
            self.dialog.reject()
        self.model.clear()
        self._entries = []
        self._case_id = ""
        self.setEnabled(False)

    # --- slots ------------------------------------------------------------------------------

    def on_selection_changed(self, *_args: object) -> None:
        """Label the Done button for the selected deadline."""
        deadline = self.rows.current()
        self.done_button.setEnabled(deadline is not None)
        self.done_button.setText(
            self.tr("Re&open") if deadline is not None and deadline.done else self.tr("Mark &done")
        )

    def on_done_button_clicked(self) -> None:
        """Toggle the selected deadline's Done state."""
        deadline = self.rows.current()
        if deadline is not None:
            self.set_done(deadline.id, not deadline.done)

    def on_model_done_toggle_requested(self, deadline_id: str, done: bool) -> None:
        """The Done checkbox was clicked."""
        self.set_done(deadline_id, done)

    def set_done(self, deadline_id: str, done: bool) -> None:
        """Mark a deadline done (or open again), in one transaction."""
        case_id = self._case_id

        def write(session: Session) -> None:
            case_in(session, case_id)
            row = session.get(Deadline, deadline_id)
            if row is None or row.case_id != case_id:
                raise NotFoundError(
                    QCoreApplication.translate("Errors", "that deadline no longer exists")
                )
            row.done = done
            action = "deadline.done" if done else "deadline.reopened"
            audit.record(session, action, case_id=case_id)

        self._write(write)

    def on_rows_add_requested(self) -> None:
        """Open the dialog for a new deadline."""
        self._open_dialog(None)

    def on_rows_edit_requested(self, deadline: Deadline) -> None:
        """Open the dialog on ``deadline``."""
        self._open_dialog(deadline)

    def on_rows_remove_requested(self, deadline: Deadline) -> None:
        """Remove ``deadline`` after confirmation, in one transaction."""
        if not self.confirm_remove(self.tr("Remove this deadline?")):
            return
        case_id, deadline_id = self._case_id, deadline.id

        def remove(session: Session) -> None:
            case_in(session, case_id)
            row = session.get(Deadline, deadline_id)
            if row is None or row.case_id != case_id:
                raise NotFoundError(
                    QCoreApplication.translate("Errors", "that deadline no longer exists")
                )
            session.delete(row)
            audit.record(session, "deadline.removed", case_id=case_id)

        self._write(remove)

    def on_dialog_finished(self, _result: int) -> None:
        """Forget the closed dialog (it held case text)."""
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            wipe_texts(dialog)
            dialog.deleteLater()

    # --- helpers ----------------------------------------------------------------------------

    def _write(self, fn: Callable[[Session], None]) -> None:
        try:
            self.controller.write(fn, case_id=self._case_id)
        except Exception as exc:
            self.controller.error.emit(safe_message(exc))
        self.reload_requested.emit()

    def _open_dialog(self, deadline: Deadline | None) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        case_id = self._case_id
        deadline_id = deadline.id if deadline is not None else None

        def commit(values: DeadlineValues) -> None:
            def write(session: Session) -> None:
                case_in(session, case_id)
                if deadline_id is None:
                    row = Deadline(case_id=case_id, title=values.title, due_date=values.due_date)
                    values.apply_to(row)
                    session.add(row)
                    audit.record(session, "deadline.added", case_id=case_id)
                else:
                    found = session.get(Deadline, deadline_id)
                    if found is None or found.case_id != case_id:
                        raise NotFoundError(
                            QCoreApplication.translate("Errors", "that deadline no longer exists")
                        )
                    values.apply_to(found)
                    audit.record(session, "deadline.edited", case_id=case_id)

            self.controller.write(write, case_id=case_id)
            self.reload_requested.emit()

        self.dialog = DeadlineDialog(commit, self._entries, deadline, self)
        self.dialog.finished.connect(self.on_dialog_finished)
        self.dialog.open()
