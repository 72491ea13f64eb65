"""The Nexus tab: for each record entry, how it connects to the trafficking, in two voices.

A form: edits to any entry's narratives are kept until the editor saves them all together.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.base import CaseTab
from redress.desktop.editor.widgets import RowsModel, TextBox, enum_label, format_date
from redress.models.schema import Case, RecordEntry

Texts = tuple[str, str]


class EntryListModel(RowsModel):
    """The record entries as a one-column list, marked when their nexus is written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("Record entry"),)
        self.written: set[str] = set()

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The offence, date and docket; whether a narrative exists, in words."""
        entry: RecordEntry = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            details = [enum_label(entry.kind)]
            if entry.arrest_date:
                details.append(format_date(entry.arrest_date))
            if entry.docket:
                details.append(entry.docket)
            status = self.tr("nexus written") if entry.id in self.written else self.tr("no nexus")
            return f"{entry.offence_text}\n{' · '.join(details)} · {status}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.offence_text
        return None


class NexusTab(CaseTab):
    """Pick a record entry on the left; write its nexus in the client's and the lawyer's words.

    Attributes:
        title: the tab's label.
        audit_part: how the audit log names this part of the case.
        model: the list of entries.
        entries: the list view.
        client_words: "In the client's words" (``nexus_client``).
        lawyer_account: "The lawyer's account" (``nexus_lawyer``).
    """

    audit_part = "nexus"

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title = self.tr("Nexus")
        self._loaded: dict[str, Texts] = {}
        self._edits: dict[str, Texts] = {}
        self._current: str | None = None
        self._showing = False
        self._dirty = False
        self._init_widgets()
        self._init_layout()
        self.entries.selectionModel().selectionChanged.connect(self.on_entries_selection_changed)
        self.client_words.textChanged.connect(self.on_text_changed)
        self.lawyer_account.textChanged.connect(self.on_text_changed)
        self.setEnabled(False)

    def _init_widgets(self) -> None:
        self.model = EntryListModel(self)
        self.entries = QListView(self)
        self.entries.setModel(self.model)
        self.entries.setAccessibleName(self.tr("Record entries"))
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.setWordWrap(True)
        self.entries.setSpacing(2)
        self.entries.setAlternatingRowColors(True)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.client_words = TextBox(self, lines=8)
        self.client_words.setPlaceholderText(
            self.tr("What the client says about how this offence came about")
        )
        self.lawyer_account = TextBox(self, lines=8)
        self.lawyer_account.setPlaceholderText(
            self.tr("The link between the trafficking and this offence, as argued")
        )
        self.empty = QLabel(
            self.tr(
                "No record entries yet. Add them on the Record entries tab; then write here how "
                "each came about because of the trafficking."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pick = QLabel(self.tr("Choose a record entry on the left."), self)
        self.pick.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def _init_layout(self) -> None:
        client_label = QLabel(self.tr("In the &client's words:"), self)
        client_label.setBuddy(self.client_words)
        self.client_words.setAccessibleName(self.tr("In the client's words"))
        lawyer_label = QLabel(self.tr("The la&wyer's account:"), self)
        lawyer_label.setBuddy(self.lawyer_account)
        self.lawyer_account.setAccessibleName(self.tr("The lawyer's account"))
        editor = QWidget(self)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(client_label)
        column.addWidget(self.client_words, 1)
        column.addWidget(lawyer_label)
        column.addWidget(self.lawyer_account, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.pick)
        self.stack.addWidget(editor)
        self._editor_page = editor
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.entries)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 700])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.entries, self.client_words)
        QWidget.setTabOrder(self.client_words, self.lawyer_account)

    # --- CaseTab ----------------------------------------------------------------------------

    def load(self, case: Case) -> None:
        """Show the case's entries and their narratives (discarding unsaved edits)."""
        self._edits = {}
        self._show_entries(case)

    def refresh_keeping_edits(self, case: Case) -> None:
        """Show the current list of entries while keeping unsaved narratives of those left."""
        self._store_current()
        self._show_entries(case)

    def has_unsaved_changes(self) -> bool:
        """Whether any entry's narratives differ from what was loaded."""
        return self._dirty

    def apply(self, session: Session, case: Case) -> None:
        """Write every changed narrative onto its entry."""
        self._store_current()
        for entry_id, (client, lawyer) in self._changed().items():
            entry = session.get(RecordEntry, entry_id)
            if entry is None or entry.case_id != case.id:
                continue  # removed meanwhile: its narrative went with it
            entry.nexus_client = client if client.strip() else None
            entry.nexus_lawyer = lawyer if lawyer.strip() else None

    def clear(self) -> None:
        """Show nothing and forget every narrative."""
        self._loaded, self._edits, self._current = {}, {}, None
        self.model.written = set()
        self.model.clear()
        self._set_texts(("", ""))
        self.heading.clear()
        self.stack.setCurrentWidget(self.empty)
        self.setEnabled(False)
        self._set_dirty(False)

    # --- selection and editing --------------------------------------------------------------

    def select_entry(self, entry_id: str) -> None:
        """Show the narratives of the entry with ``entry_id``."""
        for row, entry in enumerate(self.model.rows()):
            if entry.id == entry_id:
                self.entries.setCurrentIndex(self.model.index(row, 0))
                return

    def on_entries_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        """Keep the edits of the entry left, and show the entry chosen."""
        self._store_current()
        entry = self.model.row_at(self.entries.currentIndex())
        self._current = entry.id if entry is not None else None
        self._show_current()

    def on_text_changed(self) -> None:
        """Remember the edit and recompute the unsaved state."""
        if self._showing or self._current is None:
            return
        self._store_current()
        self._set_dirty(bool(self._changed()))

    # --- helpers ----------------------------------------------------------------------------

    def _show_entries(self, case: Case) -> None:
        entries = list(case.record_entries)
        self._loaded = {e.id: (e.nexus_client or "", e.nexus_lawyer or "") for e in entries}
        self._edits = {k: v for k, v in self._edits.items() if k in self._loaded}
        current = self._current
        self.model.written = {e.id for e in entries if e.nexus_client or e.nexus_lawyer}
        self._current = None
        self.model.set_rows(entries)
        self.setEnabled(True)
        if current in self._loaded:
            assert current is not None
            self.select_entry(current)
        elif entries:
            self.select_entry(entries[0].id)
        self._show_current()
        self._set_dirty(bool(self._changed()))

    def _show_current(self) -> None:
        if not self._loaded:
            self.stack.setCurrentWidget(self.empty)
            self._set_texts(("", ""))
            return
        if self._current is None:
            self.stack.setCurrentWidget(self.pick)
            self._set_texts(("", ""))
            return
        entry = next(e for e in self.model.rows() if e.id == self._current)
        self.heading.setText(entry.offence_text)
        self._set_texts(self._edits.get(self._current, self._loaded[self._current]))
        self.stack.setCurrentWidget(self._editor_page)

    def _set_texts(self, texts: Texts) -> None:
        self._showing = True
        try:
            self.client_words.setPlainText(texts[0])
            self.lawyer_account.setPlainText(texts[1])
        finally:
            self._showing = False

    def _store_current(self) -> None:
        if self._current is None or self._current not in self._loaded:
            return
        texts = (self.client_words.toPlainText(), self.lawyer_account.toPlainText())
        if texts == self._loaded[self._current]:
            self._edits.pop(self._current, None)
        else:
            self._edits[self._current] = texts

    def _changed(self) -> dict[str, Texts]:
        return {k: v for k, v in self._edits.items() if v != self._loaded.get(k)}

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
