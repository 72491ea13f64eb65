"""The case editor: one tab per part of the case, one transaction per save.

Form-like tabs (client, nexus, a note being written) keep their edits until Save (Ctrl+S), which
checks every tab's problems and then writes all of them in one transaction. List-like tabs commit
each add, edit or removal at once and ask for a reload. A reload never throws away unsaved form
edits: tabs with edits keep them, and a change made elsewhere is announced in a notice bar.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.base import CaseTab
from redress.desktop.editor.client_tab import ClientTab
from redress.desktop.editor.deadlines_tab import DeadlinesTab
from redress.desktop.editor.entries_tab import EntriesTab
from redress.desktop.editor.history_tab import HistoryTab
from redress.desktop.editor.nexus_tab import NexusTab
from redress.desktop.editor.notes_tab import NotesTab
from redress.desktop.editor.situation_tab import SituationTab
from redress.desktop.editor.widgets import Clipboard, NoticeBar, ask_yes_no, case_in
from redress.desktop.workers import safe_message
from redress.models import audit
from redress.models.cases import load_case
from redress.models.errors import NotFoundError
from redress.models.schema import Case

Button = QMessageBox.StandardButton


def _optional_tab(module: str, name: str) -> type[CaseTab] | None:
    """A tab class from a sibling module that may not exist yet (built in parallel)."""
    full = f"{__package__}.{module}"
    try:
        found = importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name == full:
            return None
        raise
    cls = getattr(found, name)
    assert isinstance(cls, type)
    assert issubclass(cls, CaseTab)
    return cls


def editor_tabs() -> list[type[CaseTab]]:
    """The tab classes of the case editor, in order (tabs whose module is missing are skipped)."""
    tabs: list[type[CaseTab] | None] = [
        ClientTab,
        SituationTab,
        EntriesTab,
        NexusTab,
        _optional_tab("evidence_tab", "EvidenceTab"),
        _optional_tab("parties_tab", "PartiesTab"),
        _optional_tab("screening_tab", "ScreeningTab"),
        _optional_tab("indicators_tab", "IndicatorsTab"),
        DeadlinesTab,
        NotesTab,
        HistoryTab,
    ]
    return [tab for tab in tabs if tab is not None]


class CaseEditor(QWidget):
    """Edit one case.

    Signals:
        title_changed(str): the title to show for this editor ("RD-2026-0001 · Client Amber":
            the reference and the pseudonym only, never the legal name).
        dirty_changed(bool): whether any tab holds unsaved edits.

    Attributes:
        controller: the vault controller.
        case_id: the case edited.
        tabs: the tab widgets, in order.
        tab_widget: the QTabWidget holding them.
        save_action: Save (Ctrl+S); the main window may put it in its menu.
        reload_action: Reload from the vault, asking first if there are unsaved edits (no
            shortcut of its own; the main window may route its Refresh to it).
        confirm: asked by :meth:`maybe_close` when there are unsaved edits; returns Save, Discard
            or Cancel (replaceable in tests).
        confirm_reload: asked before a reload would discard unsaved edits (replaceable in tests).
        notice: the "changed elsewhere" bar.
        problems: the bar listing why a save was refused.
        last_problems: the problems of the last refused save.
    """

    title_changed = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(
        self,
        controller: VaultController,
        case_id: str,
        clipboard: Clipboard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.case_id = case_id
        self._title = ""
        self._dirty = False
        self._saving = False
        self._loaded = False
        self._reload_serial = 0
        self.last_problems: list[str] = []
        self.confirm: Callable[[], Button] = self._ask_save_discard_cancel
        self.confirm_reload: Callable[[], bool] = lambda: ask_yes_no(
            self,
            self.tr("Reload case"),
            self.tr("Reloading discards the edits you have not saved. Reload anyway?"),
        )
        self._init_tabs(clipboard)
        self._init_header()
        self._init_bars()
        self._init_actions()
        self._init_layout()
        controller.changed.connect(self.on_controller_changed)
        controller.locked.connect(self.clear)
        self._load(keep_edits=False)

    # --- construction -----------------------------------------------------------------------

    def _init_tabs(self, clipboard: Clipboard | None) -> None:
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setAccessibleName(self.tr("Parts of the case"))
        self.tab_widget.setDocumentMode(True)
        self.tabs: list[CaseTab] = []
        for cls in editor_tabs():
            tab = (
                ClientTab(self.controller, clipboard=clipboard)
                if cls is ClientTab
                else cls(self.controller)
            )
            self.tabs.append(tab)
            self.tab_widget.addTab(tab, tab.title)
            tab.setAccessibleName(tab.title)
            tab.dirty_changed.connect(self.on_tab_dirty_changed)
            tab.reload_requested.connect(self.on_tab_reload_requested)
            open_evidence = getattr(tab, "open_evidence_requested", None)
            if open_evidence is not None:
                open_evidence.connect(self.on_open_evidence_requested)

    def _init_header(self) -> None:
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setAccessibleName(self.tr("Case"))
        self.unsaved_label = QLabel(self.tr("● Unsaved changes"), self)
        self.unsaved_label.setAccessibleName(self.tr("Unsaved changes"))
        self.unsaved_label.hide()
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setAccessibleName(self.tr("Reload the case from the vault"))
        self.reload_button.setToolTip(self.tr("Reload the case from the vault"))
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setAccessibleName(self.tr("Save the case"))
        self.save_button.setToolTip(self.tr("Save every edit in one go (Ctrl+S)"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.reload_button.clicked.connect(self.on_reload_button_clicked)

    def _init_bars(self) -> None:
        self.notice = NoticeBar(self)
        self.notice_reload = QPushButton(self.tr("Reload and &discard my edits"), self.notice)
        self.notice_reload.setAccessibleName(self.tr("Reload and discard my edits"))
        self.notice_reload.clicked.connect(self.on_notice_reload_clicked)
        self.notice.add_button(self.notice_reload)
        self.problems = NoticeBar(self)
        self.problems.setAccessibleName(self.tr("Problems"))

    def _init_actions(self) -> None:
        self.save_action = QAction(self.tr("&Save case"), self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.on_save_button_clicked)
        self.save_action.setEnabled(False)
        self.addAction(self.save_action)
        # No shortcut of its own: the main window's Refresh (F5) may trigger it for the current
        # editor; a second F5 here would make that key ambiguous and do nothing.
        self.reload_action = QAction(self.tr("Re&load case"), self)
        self.reload_action.triggered.connect(self.on_reload_button_clicked)

    def _init_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.unsaved_label)
        header.addWidget(self.reload_button)
        header.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.problems)
        layout.addWidget(self.tab_widget, 1)
        QWidget.setTabOrder(self.reload_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.tab_widget)

    # --- public -----------------------------------------------------------------------------

    @property
    def title(self) -> str:
        """The current title (reference and pseudonym only; empty once cleared)."""
        return self._title

    def has_unsaved_changes(self) -> bool:
        """Whether any tab holds edits not yet saved."""
        return any(tab.has_unsaved_changes() for tab in self.tabs)

    def save(self) -> bool:
        """Save every tab's edits in one transaction, if none of them has a problem.

        Returns:
            Whether everything is saved (True also when there was nothing to save).
        """
        if not self._loaded or not self.has_unsaved_changes():
            return True
        problems = [p for tab in self.tabs for p in tab.validation_problems()]
        if problems:
            self._refuse(problems)
            return False
        dirty = [tab for tab in self.tabs if tab.has_unsaved_changes()]
        parts = [part for tab in dirty if (part := _audit_part(tab))]
        case_id = self.case_id

        def write(session: Session) -> None:
            case = case_in(session, case_id)
            for tab in dirty:
                tab.apply(session, case)
            if parts:
                audit.record(session, "case.edited", case_id=case_id, detail=", ".join(parts))

        self._saving = True
        try:
            self.controller.write(write, case_id=case_id)
        except Exception as exc:
            self._refuse([self.tr("Nothing was saved: %1").replace("%1", safe_message(exc))])
            return False
        finally:
            self._saving = False
        self.last_problems = []
        self.problems.dismiss()
        self.notice.dismiss()
        self._load(keep_edits=False)
        return True

    def reload(self) -> None:
        """Load the case again from the vault, discarding unsaved edits."""
        self.notice.dismiss()
        self.problems.dismiss()
        self._load(keep_edits=False)

    def discard(self) -> None:
        """Drop every unsaved edit (show the saved case again, or nothing if locked)."""
        if self.controller.is_unlocked and self._loaded:
            self.reload()
        else:
            self.clear()

    def clear(self) -> None:
        """Forget the case: every tab clears (the vault is locking; the editor is discarded)."""
        self._loaded = False
        for tab in self.tabs:
            tab.clear()
        self.notice.dismiss()
        self.problems.dismiss()
        self.last_problems = []
        self.heading.clear()
        self._set_title("")
        self._update_dirty()
        self.setEnabled(False)

    def maybe_close(self) -> bool:
        """Whether the editor may close; asks Save / Discard / Cancel if edits are unsaved."""
        if not self._loaded or not self.has_unsaved_changes():
            return True
        answer = self.confirm()
        if answer == Button.Save:
            return self.save()
        if answer == Button.Discard:
            self.discard()
            return True
        return False

    def show_tab(self, tab_type: type[CaseTab]) -> CaseTab | None:
        """Bring the first tab of ``tab_type`` to the front and return it."""
        for tab in self.tabs:
            if isinstance(tab, tab_type):
                self.tab_widget.setCurrentWidget(tab)
                return tab
        return None

    # --- slots ------------------------------------------------------------------------------

    def on_save_button_clicked(self) -> None:
        """Save (button or Ctrl+S)."""
        self.save()

    def on_reload_button_clicked(self) -> None:
        """Reload, asking first if that would discard edits."""
        if self.has_unsaved_changes() and not self.confirm_reload():
            return
        self.reload()

    def on_notice_reload_clicked(self) -> None:
        """The user chose to take the other change and drop their edits."""
        if self.has_unsaved_changes() and not self.confirm_reload():
            return
        self.reload()

    def on_tab_dirty_changed(self, _dirty: bool) -> None:
        """Mark the tab's label and the editor's state."""
        tab = self.sender()
        if isinstance(tab, CaseTab):
            index = self.tab_widget.indexOf(tab)
            if index >= 0:
                mark = " *" if tab.has_unsaved_changes() else ""
                self.tab_widget.setTabText(index, tab.title + mark)
        self._update_dirty()

    def on_open_evidence_requested(self) -> None:
        """A tab (screening's missing evidence) asked for the evidence tab."""
        evidence = _optional_tab("evidence_tab", "EvidenceTab")
        if evidence is not None:
            self.show_tab(evidence)

    def on_tab_reload_requested(self) -> None:
        """A tab committed a change: show it, keeping other tabs' unsaved edits."""
        self._load(keep_edits=True)

    def on_controller_changed(self, case_id: str) -> None:
        """Something changed this case (or many): look again once the current action is done."""
        if self._saving or not self._loaded or (case_id and case_id != self.case_id):
            return
        QTimer.singleShot(0, self, partial(self._after_change, self._reload_serial))

    # --- helpers ----------------------------------------------------------------------------

    def _after_change(self, serial: int) -> None:
        if serial != self._reload_serial or not self._loaded:
            return  # a tab already reloaded after its own change
        if not self.controller.is_unlocked:
            return
        if self.has_unsaved_changes():
            self._load(keep_edits=True)
            self.notice.show_message(
                self.tr(
                    "This case changed elsewhere; save or reload. Your unsaved edits are kept "
                    "until you choose."
                )
            )
        else:
            self._load(keep_edits=False)

    def _load(self, *, keep_edits: bool) -> None:
        case_id = self.case_id
        try:
            case = self.controller.read(lambda s: load_case(s, case_id))
        except NotFoundError:
            self.clear()
            self.notice_reload.hide()
            self.notice.show_message(self.tr("This case no longer exists in the vault."))
            self.setEnabled(True)
            self.tab_widget.setEnabled(False)
            return
        for tab in self.tabs:
            if keep_edits and tab.has_unsaved_changes():
                refresh = getattr(tab, "refresh_keeping_edits", None)
                if callable(refresh):
                    refresh(case)
            else:
                tab.load(case)
        self._loaded = True
        self._reload_serial += 1
        self.setEnabled(True)
        self._show_heading(case)
        self._update_dirty()

    def _show_heading(self, case: Case) -> None:
        pseudonym = case.client.pseudonym if case.client is not None else ""
        title = f"{case.reference} · {pseudonym}" if pseudonym else case.reference
        self.heading.setText(title)
        self._set_title(title)

    def _set_title(self, title: str) -> None:
        if title != self._title:
            self._title = title
            self.title_changed.emit(title)

    def _update_dirty(self) -> None:
        dirty = self._loaded and self.has_unsaved_changes()
        self.save_button.setEnabled(dirty)
        self.save_action.setEnabled(dirty)
        self.unsaved_label.setVisible(dirty)
        for index, tab in enumerate(self.tabs):
            mark = " *" if self._loaded and tab.has_unsaved_changes() else ""
            self.tab_widget.setTabText(index, tab.title + mark)
        if not dirty:
            self.notice.dismiss()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _refuse(self, problems: list[str]) -> None:
        self.last_problems = problems
        self.problems.show_message(
            self.tr("Not saved:") + "\n" + "\n".join(f"• {p}" for p in problems)
        )
        for tab in self.tabs:
            if tab.validation_problems():
                self.tab_widget.setCurrentWidget(tab)
                break

    def _ask_save_discard_cancel(self) -> Button:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("This case has changes that are not saved."))
        box.setInformativeText(self.tr("Save them before closing?"))
        box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
        box.setDefaultButton(Button.Save)
        return Button(box.exec())


def _audit_part(tab: CaseTab) -> str:
    part = getattr(tab, "audit_part", None)
    if isinstance(part, str):
        return part
    return type(tab).__name__.removesuffix("Tab").lower()
