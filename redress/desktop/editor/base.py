"""What every case-editor tab provides, so the editor can load, save, and clear them alike."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.models.schema import Case


class CaseTab(QWidget):
    """A tab of the case editor.

    A tab shows part of a *detached* :class:`Case` (see ``redress.models.cases.load_case``).
    Form-like tabs keep edits until the editor saves them all in one transaction; list-like tabs
    (record entries, evidence, deadlines…) commit each add/edit/remove at once through
    ``controller.write`` and then ask the editor to reload.

    Signals:
        dirty_changed(bool): the tab's unsaved state changed.
        reload_requested(): the tab committed a change; the editor should reload the case.

    Attributes:
        title: the tab's label.
    """

    dirty_changed = Signal(bool)
    reload_requested = Signal()
    title = ""

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

    def load(self, case: Case) -> None:
        """Show ``case`` (detached); discards unsaved edits."""
        raise NotImplementedError

    def has_unsaved_changes(self) -> bool:
        """Whether the tab holds edits not yet saved."""
        return False

    def validation_problems(self) -> list[str]:
        """Why the pending edits cannot be saved (empty when they can)."""
        return []

    def apply(self, session: Session, case: Case) -> None:
        """Write pending edits onto ``case`` (attached to ``session``) inside the editor's save."""

    def clear(self) -> None:
        """Forget everything shown (the vault is locking)."""
        raise NotImplementedError
