"""The Notes tab: case notes, newest first, and a box to add one (Ctrl+Enter).

Each added note is one transaction. A note typed but not yet added counts as an unsaved edit,
so the editor's Save adds it too and closing the editor asks about it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.base import CaseTab
from redress.desktop.editor.widgets import RowsModel, TextBox, case_in, format_datetime
from redress.desktop.workers import safe_message
from redress.models import audit
from redress.models.schema import Case, Note


class NotesModel(RowsModel):
    """The case's notes, newest first, each as "date · author" above its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("Note"),)

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The note with its date and author."""
        note: Note = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            author = note.author or self.tr("unknown author")
            return f"{format_datetime(note.created_at)} · {author}\n{note.body}"
        return None


class NotesTab(CaseTab):
    """The notes list and the box to add a note.

    Attributes:
        title: the tab's label.
        audit_part: empty, as the note added is audited on its own.
        model: the notes, newest first.
        notes: the list view.
        new_note: the box for a new note.
        add_button: adds the note (Ctrl+Enter).
    """

    audit_part = ""

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title = self.tr("Notes")
        self._case_id = ""
        self._dirty = False
        self.model = NotesModel(self)
        self.notes = QListView(self)
        self.notes.setModel(self.model)
        self.notes.setAccessibleName(self.tr("Notes, newest first"))
        self.notes.setWordWrap(True)
        self.notes.setSpacing(4)
        self.notes.setAlternatingRowColors(True)
        self.notes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.notes.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.new_note = TextBox(self, lines=5, fixed=True)
        self.new_note.setPlaceholderText(self.tr("Write a note; Ctrl+Enter adds it"))
        label = QLabel(self.tr("&New note:"), self)
        label.setBuddy(self.new_note)
        self.new_note.setAccessibleName(self.tr("New note"))
        self.add_button = QPushButton(self.tr("&Add note"), self)
        self.add_button.setAccessibleName(self.tr("Add the note"))
        self.add_button.setToolTip(self.tr("Add the note (Ctrl+Enter)"))
        self.add_button.setEnabled(False)
        self.new_note.installEventFilter(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes, 1)
        layout.addWidget(label)
        layout.addWidget(self.new_note)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.notes, self.new_note)
        QWidget.setTabOrder(self.new_note, self.add_button)
        self.new_note.textChanged.connect(self.on_new_note_text_changed)
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.setEnabled(False)

    # --- CaseTab ----------------------------------------------------------------------------

    def load(self, case: Case) -> None:
        """Show the case's notes (and empty the new-note box)."""
        self.refresh_keeping_edits(case)
        self.new_note.clear()

    def refresh_keeping_edits(self, case: Case) -> None:
        """Show the case's notes, keeping a note being written."""
        self._case_id = case.id
        self.model.set_rows(sorted(case.notes, key=lambda n: (n.created_at, n.id), reverse=True))
        self.setEnabled(True)

    def has_unsaved_changes(self) -> bool:
        """Whether a note is written but not yet added."""
        return self._dirty

    def apply(self, session: Session, case: Case) -> None:
        """Add the note being written (the editor's Save)."""
        body = self.new_note.toPlainText().strip()
        if body:
            session.add(Note(case_id=case.id, body=body, author=audit.current_actor()))
            audit.record(session, "note.added", case_id=case.id)

    def clear(self) -> None:
        """Show nothing."""
        self.model.clear()
        self.new_note.clear()
        self._case_id = ""
        self.setEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Ctrl+Enter in the new-note box adds the note."""
        if (
            watched is self.new_note
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.on_add_button_clicked()
            return True
        return super().eventFilter(watched, event)

    # --- slots ------------------------------------------------------------------------------

    def on_new_note_text_changed(self) -> None:
        """Enable Add and track the unsaved state."""
        dirty = bool(self.new_note.toPlainText().strip())
        self.add_button.setEnabled(dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def on_add_button_clicked(self) -> None:
        """Add the note in one transaction."""
        body = self.new_note.toPlainText().strip()
        if not body or not self._case_id:
            return
        case_id = self._case_id

        def write(session: Session) -> None:
            case_in(session, case_id)
            session.add(Note(case_id=case_id, body=body, author=audit.current_actor()))
            audit.record(session, "note.added", case_id=case_id)

        try:
            self.controller.write(write, case_id=case_id)
        except Exception as exc:
            self.controller.error.emit(safe_message(exc))
            return
        self.new_note.clear()
        self.reload_requested.emit()
