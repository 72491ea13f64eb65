"""The Evidence tab: evidence items (linked to record entries) and the case's attachments.

Each OK in the evidence dialog and each confirmed removal is one transaction. The attachments
part (adding files encrypted in the background, viewing in memory, exporting a copy on purpose)
is :class:`redress.desktop.editor.attachments_panel.AttachmentsPanel`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.attachments_panel import AttachmentsPanel
from redress.desktop.editor.base import CaseTab
from redress.desktop.editor.widgets import (
    CommitDialog,
    DateField,
    EnumCombo,
    LinesEdit,
    RowsEditor,
    RowsModel,
    TextBox,
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
from redress.models.schema import (
    Attachment,
    Case,
    EvidenceItem,
    EvidenceKind,
    RecordEntry,
    utcnow,
)

AnyIndex = QModelIndex | QPersistentModelIndex


def entry_label(entry: RecordEntry) -> str:
    """A short label for a record entry: docket, offence and the first date known."""
    label = " · ".join(part for part in (entry.docket or "", entry.offence_text) if part)
    when = format_date(entry.arrest_date or entry.charge_date or entry.disposition_date)
    return f"{label} ({when})" if when else label


# --- models -----------------------------------------------------------------------------------


class EvidenceModel(RowsModel):
    """The case's evidence items, one per row, with their linked entries and attachment."""

    TITLE, KIND, DATE, HELD_BY, ENTRIES, ATTACHMENT = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            self.tr("Title"),
            self.tr("Kind"),
            self.tr("Date"),
            self.tr("Held by"),
            self.tr("Linked record entries"),
            self.tr("Attachment"),
        )
        self._entry_labels: dict[str, str] = {}
        self._entry_order: dict[str, int] = {}
        self._attachment_names: dict[str, str] = {}

    def set_case(self, case: Case) -> None:
        """Show the evidence of ``case`` (entries and attachments are looked up in it)."""
        entries = sorted(case.record_entries, key=lambda e: e.position)
        self._entry_labels = {e.id: entry_label(e) for e in entries}
        self._entry_order = {e.id: i for i, e in enumerate(entries)}
        self._attachment_names = {a.id: a.name for a in case.attachments}
        self.set_rows(sorted(case.evidence, key=lambda item: item.position))

    def clear(self) -> None:
        """Show nothing and forget the labels."""
        self._entry_labels = {}
        self._entry_order = {}
        self._attachment_names = {}
        super().clear()

    def linked_labels(self, item: EvidenceItem) -> list[str]:
        """Labels of the entries ``item`` is linked to, in the entries' order."""
        ids = sorted(
            (e.id for e in item.record_entries if e.id in self._entry_labels),
            key=lambda i: self._entry_order[i],
        )
        return [self._entry_labels[i] for i in ids]

    def cell(self, row: Any, column: int, role: int) -> Any:
        """Text of each column; descriptions, supported facts and entries as tooltips."""
        item: EvidenceItem = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.TITLE:
                return item.title
            if column == self.KIND:
                return enum_label(item.kind)
            if column == self.DATE:
                return format_date(item.date)
            if column == self.HELD_BY:
                return item.held_by or ""
            if column == self.ENTRIES:
                return "; ".join(self.linked_labels(item))
            return self._attachment_names.get(item.attachment_id or "", "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE:
                tip = [item.description or ""]
                if item.supports:
                    tip.append(self.tr("Supports:") + " " + "; ".join(item.supports))
                return "\n".join(t for t in tip if t) or None
            if column == self.ENTRIES:
                return "\n".join(self.linked_labels(item)) or None
        return None


class EntryChecklistModel(QAbstractListModel):
    """The case's record entries as a checklist (which ones an evidence item concerns)."""

    def __init__(
        self,
        entries: list[tuple[str, str]],
        checked: set[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._checked = {i for i in (checked or set()) if i in {e[0] for e in entries}}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """One row per entry (none under a valid parent)."""
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The entry's label and its check state."""
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry_id, label = self._entries[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if entry_id in self._checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Checkable rows."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def setData(  # noqa: N802 - Qt API
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Tick or clear an entry."""
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or not 0 <= index.row() < len(self._entries)
        ):
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        entry_id = self._entries[index.row()][0]
        if state == Qt.CheckState.Checked:
            self._checked.add(entry_id)
        else:
            self._checked.discard(entry_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_checked(self, entry_id: str, checked: bool) -> None:
        """Tick or clear the entry with ``entry_id``."""
        for row, (other, _label) in enumerate(self._entries):
            if other == entry_id:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                self.setData(self.index(row), state, Qt.ItemDataRole.CheckStateRole)

    def checked_ids(self) -> list[str]:
        """The ticked entries' ids, in the list's order."""
        return [entry_id for entry_id, _label in self._entries if entry_id in self._checked]

    def clear(self) -> None:
        """Show nothing."""
        self.beginResetModel()
        self._entries = []
        self._checked = set()
        self.endResetModel()


# --- the evidence dialog ----------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceValues:
    """What the evidence dialog collected (validated).

    Attributes:
        title: what the evidence is.
        kind: its kind.
        description: a description.
        date: its date, if known.
        held_by: who holds the original.
        supports: the facts it supports, one label each.
        entry_ids: the record entries of this case it concerns.
        attachment_id: the attachment of this case that holds it, if any.
    """

    title: str
    kind: EvidenceKind
    description: str | None
    date: dt.date | None
    held_by: str | None
    supports: list[str]
    entry_ids: list[str]
    attachment_id: str | None

    def apply_to(self, item: EvidenceItem, session: Session) -> None:
        """Copy the values onto ``item``, linking entries and the attachment of its case.

        Raises:
            NotFoundError: a linked entry or the attachment is gone or of another case.
        """
        entries = []
        # Looking up must not flush ``item`` half-filled (a new item has no title yet).
        with session.no_autoflush:
            for entry_id in self.entry_ids:
                entry = session.get(RecordEntry, entry_id)
                if entry is None or entry.case_id != item.case_id:
                    raise NotFoundError(
                        QCoreApplication.translate(
                            "Errors", "a linked record entry no longer exists"
                        )
                    )
                entries.append(entry)
            if self.attachment_id is not None:
                attachment = session.get(Attachment, self.attachment_id)
                if attachment is None or attachment.case_id != item.case_id:
                    raise NotFoundError(
                        QCoreApplication.translate(
                            "Errors", "the chosen attachment no longer exists"
                        )
                    )
        item.title = self.title
        item.kind = self.kind
        item.description = self.description
        item.date = self.date
        item.held_by = self.held_by
        item.supports = list(self.supports)
        item.attachment_id = self.attachment_id
        item.record_entries = entries
        item.recorded_at = utcnow()


class EvidenceDialog(CommitDialog):
    """Add or edit one evidence item: what it is, what it supports, entries and attachment.

    OK runs ``commit`` with the values; the dialog closes only if that succeeded.

    Attributes:
        title_edit: the title (required).
        kind: the kind of evidence.
        date: its date.
        held_by: who holds it.
        description: a description.
        supports: supported facts, one per line.
        entries_model: the checklist of the case's record entries.
        entries: the checklist's view.
        attachment: the attachment picker ("none" first).
        problem_label: where validation problems (or a failed save) are shown.
    """

    def __init__(
        self,
        commit: Callable[[EvidenceValues], None],
        entries: list[RecordEntry],
        attachments: list[Attachment],
        item: EvidenceItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._commit = commit
        self.setWindowTitle(
            self.tr("Edit evidence") if item is not None else self.tr("Add evidence")
        )
        self.setModal(True)
        self._init_fields(entries, attachments)
        self._init_layout()
        self._init_tab_order()
        if item is not None:
            self._show_item(item)
        self.resize(860, 540)

    # --- construction -----------------------------------------------------------------------

    def _init_fields(self, entries: list[RecordEntry], attachments: list[Attachment]) -> None:
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("e.g. Certificate of disposition"))
        self.kind = EnumCombo(EvidenceKind, parent=self)
        self.kind.set_value(EvidenceKind.OTHER)
        self.date = DateField(self)
        self.held_by = QLineEdit(self)
        self.held_by.setPlaceholderText(self.tr("e.g. client, court clerk, our office"))
        self.description = TextBox(self, lines=4)
        self.supports = LinesEdit(self, lines=3)
        self.supports.setPlaceholderText(self.tr("Facts it supports, one per line"))
        ordered = sorted(entries, key=lambda e: e.position)
        self.entries_model = EntryChecklistModel(
            [(e.id, entry_label(e)) for e in ordered], None, self
        )
        self.entries = QListView(self)
        self.entries.setModel(self.entries_model)
        self.entries.setAccessibleName(self.tr("Record entries this evidence concerns"))
        self.entries.setToolTip(self.tr("Space ticks or clears the selected entry"))
        self.entries.setMinimumHeight(120)
        self.entries.setWordWrap(True)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.no_entries = QLabel(self.tr("This case has no record entries yet."), self)
        self.no_entries.setVisible(not ordered)
        self.attachment = QComboBox(self)
        self.attachment.addItem(self.tr("(none)"), None)
        for attachment in attachments:
            self.attachment.addItem(attachment.name, attachment.id)
        self.problem_label = self._make_problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _init_layout(self) -> None:
        left = QFormLayout()
        left.setHorizontalSpacing(12)
        left.addRow(label_for(self.tr("&Title *:"), self.title_edit), self.title_edit)
        self.title_edit.setAccessibleName(self.tr("Title (required)"))
        left.addRow(label_for(self.tr("&Kind:"), self.kind), self.kind)
        left.addRow(label_for(self.tr("&Date:"), self.date), self.date)
        left.addRow(label_for(self.tr("&Held by:"), self.held_by), self.held_by)
        left.addRow(label_for(self.tr("&Attachment:"), self.attachment), self.attachment)
        left.addRow(label_for(self.tr("De&scription:"), self.description), self.description)
        right = QVBoxLayout()
        right.addWidget(label_for(self.tr("&Supports:"), self.supports))
        right.addWidget(self.supports)
        right.addWidget(label_for(self.tr("Concerns these &record entries:"), self.entries))
        right.addWidget(self.entries, 1)
        right.addWidget(self.no_entries)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(24)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(QLabel(self.tr("* required"), self))
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

    def _init_tab_order(self) -> None:
        order: list[QWidget] = [
            self.title_edit,
            self.kind,
            self.date,
            self.held_by,
            self.attachment,
            self.description,
            self.supports,
            self.entries,
            self.buttons,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _show_item(self, item: EvidenceItem) -> None:
        self.title_edit.setText(item.title)
        self.kind.set_value(item.kind)
        self.date.set_date(item.date)
        self.held_by.setText(item.held_by or "")
        self.description.setPlainText(item.description or "")
        self.supports.set_lines(item.supports)
        for entry in item.record_entries:
            self.entries_model.set_checked(entry.id, True)
        found = self.attachment.findData(item.attachment_id) if item.attachment_id else 0
        self.attachment.setCurrentIndex(max(found, 0))

    # --- validation -------------------------------------------------------------------------

    def problems(self) -> list[tuple[QWidget, str]]:
        """What stops the evidence from being saved, each with the field to fix."""
        found: list[tuple[QWidget, str]] = []
        if not self.title_edit.text().strip():
            found.append((self.title_edit, self.tr("The title is required.")))
        problem = self.date.problem(self.tr("The date"))
        if problem:
            found.append((self.date, problem))
        return found

    def values(self) -> EvidenceValues:
        """The validated values (call only when :meth:`problems` is empty)."""
        attachment = self.attachment.currentData()
        return EvidenceValues(
            title=self.title_edit.text().strip(),
            kind=EvidenceKind(self.kind.value() or EvidenceKind.OTHER),
            description=plain(self.description.toPlainText()),
            date=self.date.date(),
            held_by=plain(self.held_by.text()),
            supports=self.supports.lines(),
            entry_ids=self.entries_model.checked_ids(),
            attachment_id=attachment if isinstance(attachment, str) else None,
        )

    def wipe(self) -> None:
        """Forget the case text shown (before the dialog is discarded)."""
        wipe_texts(self)
        self.entries_model.clear()
        self.attachment.clear()
        self.problem_label.clear()


# --- the tab ----------------------------------------------------------------------------------


class EvidenceTab(CaseTab):
    """Evidence items with Add / Edit / Remove, and the case's attachments.

    Attributes:
        title: the tab's label.
        audit_part: empty: every change here is audited on its own.
        model: the evidence items.
        rows: the evidence table and its buttons.
        attachments: the attachments panel (add files, view, export a copy).
        dialog: the evidence dialog currently open (None if none).
        confirm_remove: asks whether to remove (replaceable in tests); gets the question.
    """

    audit_part = ""

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title = self.tr("Evidence and attachments")
        self._case: Case | None = None
        self.dialog: EvidenceDialog | None = None
        self.confirm_remove: Callable[[str], bool] = lambda question: ask_yes_no(
            self, self.tr("Remove evidence"), question
        )
        self.model = EvidenceModel(self)
        self.rows = RowsEditor(self.model, self.tr("Evidence"), self.tr("evidence"), self)
        self.rows.add_requested.connect(self.on_rows_add_requested)
        self.rows.edit_requested.connect(self.on_rows_edit_requested)
        self.rows.remove_requested.connect(self.on_rows_remove_requested)
        self.model.modelReset.connect(self.on_model_reset)
        self.attachments = AttachmentsPanel(controller, self)
        self.attachments.changed.connect(self.reload_requested)
        self._init_layout()
        self.setEnabled(False)

    def _init_layout(self) -> None:
        evidence_box = QGroupBox(self.tr("Evidence"), self)
        QVBoxLayout(evidence_box).addWidget(self.rows)
        attachments_box = QGroupBox(self.tr("Attachments (encrypted in the vault)"), self)
        QVBoxLayout(attachments_box).addWidget(self.attachments)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(evidence_box)
        splitter.addWidget(attachments_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.rows.remove_button, self.attachments.view)

    # --- CaseTab ----------------------------------------------------------------------------

    def load(self, case: Case) -> None:
        """Show the case's evidence and attachments (keeping the selections)."""
        current = self.rows.current()
        self._case = case
        self.model.set_case(case)
        self.attachments.set_attachments(case.id, list(case.attachments))
        if current is not None:
            ids = [item.id for item in self.model.rows()]
            if current.id in ids:
                self.rows.select_row(ids.index(current.id))
        self.setEnabled(True)

    def clear(self) -> None:
        """Stop any import, close viewers and dialogs, and show nothing."""
        self._close_dialog()
        self.attachments.clear()
        self.model.clear()
        self._case = None
        self.setEnabled(False)

    # --- evidence ---------------------------------------------------------------------------

    def on_rows_add_requested(self) -> None:
        """Open the dialog for a new evidence item."""
        self._open_dialog(None)

    def on_rows_edit_requested(self, item: EvidenceItem) -> None:
        """Open the dialog on ``item``."""
        self._open_dialog(item)

    def on_rows_remove_requested(self, item: EvidenceItem) -> None:
        """Remove ``item`` after confirmation, in one transaction (its attachment stays)."""
        if self._case is None:
            return
        question = self.tr(
            "Remove the evidence “%1”? Its links to record entries go with it; its attachment "
            "stays in the case."
        ).replace("%1", item.title)
        if not self.confirm_remove(question):
            return
        case_id, item_id = self._case.id, item.id

        def remove(session: Session) -> None:
            case_in(session, case_id)
            row = session.get(EvidenceItem, item_id)
            if row is None or row.case_id != case_id:
                raise NotFoundError(
                    QCoreApplication.translate("Errors", "that evidence no longer exists")
                )
            session.delete(row)
            audit.record(session, "evidence.removed", case_id=case_id)

        try:
            self.controller.write(remove, case_id=case_id)
        except Exception as exc:
            self.controller.error.emit(safe_message(exc))
        self.reload_requested.emit()

    def _open_dialog(self, item: EvidenceItem | None) -> None:
        if self._case is None:
            return
        self._close_dialog()
        case_id = self._case.id
        item_id = item.id if item is not None else None

        def commit(values: EvidenceValues) -> None:
            def write(session: Session) -> None:
                case_in(session, case_id)
                if item_id is None:
                    last = session.scalar(
                        select(func.max(EvidenceItem.position)).where(
                            EvidenceItem.case_id == case_id
                        )
                    )
                    row = EvidenceItem(case_id=case_id, position=(last or 0) + 1)
                    values.apply_to(row, session)
                    session.add(row)
                    audit.record(session, "evidence.added", case_id=case_id)
                else:
                    found = session.get(EvidenceItem, item_id)
                    if found is None or found.case_id != case_id:
                        raise NotFoundError(
                            QCoreApplication.translate("Errors", "that evidence no longer exists")
                        )
                    values.apply_to(found, session)
                    audit.record(session, "evidence.edited", case_id=case_id)

            self.controller.write(write, case_id=case_id)
            self.reload_requested.emit()

        self.dialog = EvidenceDialog(
            commit, list(self._case.record_entries), list(self._case.attachments), item, self
        )
        self.dialog.finished.connect(self.on_dialog_finished)
        self.dialog.open()

    def on_dialog_finished(self, _result: int) -> None:
        """Forget the closed dialog (it held case text)."""
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.wipe()
            dialog.deleteLater()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()

    def on_model_reset(self) -> None:
        """Keep the title column bounded and the linked-entries column readable."""
        header = self.rows.view.horizontalHeader()
        if header.sectionSize(EvidenceModel.TITLE) > 320:
            header.resizeSection(EvidenceModel.TITLE, 320)
        header.setSectionResizeMode(EvidenceModel.ENTRIES, QHeaderView.ResizeMode.Stretch)
