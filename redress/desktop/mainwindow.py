"""The main window: the lock screen, the dashboard and case list, and open case editors."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from redress.desktop.caselist.dashboard import DashboardView
from redress.desktop.caselist.model import DeadlineFilter
from redress.desktop.caselist.view import CaseListView
from redress.desktop.controller import VaultController
from redress.desktop.settings import Settings
from redress.desktop.workers import ProgressFn
from redress.models import cases
from redress.models.cases import CaseSummary
from redress.models.schema import Case, Client, Deadline

WINDOW_TITLE = "Redress"
REFRESH_DELAY_MS = 50


class LockedView(QWidget):
    """What the window shows while the vault is locked: nothing from any case."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.message = QLabel(self.tr("<h2>The vault is locked</h2>"), self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)
        self.unlock_button = QPushButton(self.tr("&Unlock…"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock the vault"))
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)


class NewCaseDialog(QDialog):
    """Asks for the three facts a case needs before it can be saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case — Redress"))
        form = QFormLayout(self)
        self.pseudonym = QLineEdit(self)
        self.pseudonym.setAccessibleName(self.tr("Pseudonym"))
        self.legal_name = QLineEdit(self)
        self.legal_name.setAccessibleName(self.tr("Legal name"))
        self.legal_name.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.jurisdiction = QLineEdit(self)
        self.jurisdiction.setAccessibleName(self.tr("Jurisdiction code"))
        self.jurisdiction.setPlaceholderText(self.tr("for example US-NY, US-CA, US-FED, GB-EWS"))
        form.addRow(self.tr("&Pseudonym (shown on screen):"), self.pseudonym)
        form.addRow(self.tr("&Legal name:"), self.legal_name)
        form.addRow(self.tr("&Jurisdiction:"), self.jurisdiction)
        self.problem = QLabel(self)
        self.problem.setAccessibleName(self.tr("Problem"))
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def on_buttons_accepted(self) -> None:
        """Accept only when every required field is filled."""
        missing = [
            label
            for label, field in (
                (self.tr("pseudonym"), self.pseudonym),
                (self.tr("legal name"), self.legal_name),
                (self.tr("jurisdiction"), self.jurisdiction),
            )
            if not field.text().strip()
        ]
        if missing:
            self.problem.setText(self.tr("Please fill in: ") + ", ".join(missing))
            return
        self.accept()

    def clear(self) -> None:
        """Drop what was typed."""
        for field in (self.pseudonym, self.legal_name, self.jurisdiction):
            field.clear()


class MainWindow(QMainWindow):
    """Redress's window. Its title never shows a name or a path.

    Attributes:
        controller: the vault session.
        settings: allow-listed UI settings.
        case_list: the case list screen.
        dashboard: the dashboard above it.
        tabs: the "Cases" tab and one tab per open case editor.
    """

    def __init__(
        self,
        controller: VaultController,
        settings: Settings,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._today = today
        self._editors: dict[str, Any] = {}
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.unlock_handler: Callable[[], None] | None = None
        self.lock_coordinator: Any = None
        self.clipboard: Any = None
        self.setWindowTitle(WINDOW_TITLE)
        self._init_views()
        self._init_actions()
        self._init_menus()
        controller.unlocked.connect(self.on_controller_unlocked)
        controller.about_to_lock.connect(self.on_controller_about_to_lock)
        controller.locked.connect(self.on_controller_locked)
        controller.changed.connect(self.on_controller_changed)
        controller.error.connect(self.on_controller_error)
        self._show_locked()

    # --- construction -----------------------------------------------------------------------

    def _init_views(self) -> None:
        self.stack = QStackedWidget(self)
        self.locked_view = LockedView(self)
        self.locked_view.unlock_button.clicked.connect(self.on_unlock_requested)
        self.tabs = QTabWidget(self)
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.on_tabs_close_requested)
        self.tabs.setAccessibleName(self.tr("Cases and open case files"))
        cases_page = QSplitter(Qt.Orientation.Vertical, self)
        self.dashboard = DashboardView(cases_page)
        self.case_list = CaseListView(cases_page)
        cases_page.addWidget(self.dashboard)
        cases_page.addWidget(self.case_list)
        cases_page.setStretchFactor(0, 1)
        cases_page.setStretchFactor(1, 3)
        self.tabs.addTab(cases_page, self.tr("Cases"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.stack.addWidget(self.locked_view)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.case_list.case_requested.connect(self.open_case)
        self.case_list.search_requested.connect(self.on_case_list_search_requested)
        self.dashboard.case_requested.connect(self.open_case)
        self.dashboard.filter_requested.connect(self.on_dashboard_filter_requested)
        self.statusBar().setAccessibleName(self.tr("Status"))

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], Any],
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip or text.replace("&", ""))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _init_actions(self) -> None:
        self.lock_action = self._action(
            self.tr("&Lock vault"), "Ctrl+L", self.lock, self.tr("Lock now")
        )
        self.quick_exit_action = self._action(
            self.tr("&Quick exit"),
            "F12",
            self.quick_exit,
            self.tr("Hide every window and lock at once"),
        )
        self.quick_exit_action.setShortcuts([QKeySequence("F12"), QKeySequence("Ctrl+Shift+X")])
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.new_case_action = self._action(self.tr("&New case…"), "Ctrl+N", self.new_case)
        self.open_case_action = self._action(
            self.tr("&Open selected case"), "Ctrl+O", self.open_selected
        )
        self.find_action = self._action(
            self.tr("&Find…"), QKeySequence.StandardKey.Find, self.focus_search
        )
        self.reveal_action = self._action(
            self.tr("&Reveal legal names"),
            "Ctrl+Shift+R",
            self.toggle_names,
            self.tr("Show legal names"),
        )
        self.reveal_action.setCheckable(True)
        self.refresh_action = self._action(
            self.tr("Re&fresh"), QKeySequence.StandardKey.Refresh, self.refresh
        )
        self.close_tab_action = self._action(
            self.tr("&Close case"), QKeySequence.StandardKey.Close, self.close_current_case
        )
        self.idle_action = self._action(
            self.tr("&Auto-lock delay…"), None, self.choose_idle_minutes
        )
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"),
            QKeySequence.StandardKey.HelpContents,
            self.show_shortcuts,
        )
        self.about_action = self._action(self.tr("&About Redress"), None, self.show_about)
        self.data_actions = [
            self.new_case_action,
            self.open_case_action,
            self.find_action,
            self.reveal_action,
            self.refresh_action,
            self.close_tab_action,
            self.lock_action,
        ]
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setAccessibleName(self.tr("Main toolbar"))
        toolbar.addAction(self.new_case_action)
        toolbar.addAction(self.lock_action)
        toolbar.addSeparator()
        toolbar.addAction(self.quick_exit_action)

    def _init_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Vault"))
        file_menu.addActions([self.lock_action, self.quick_exit_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        case_menu = self.menuBar().addMenu(self.tr("&Case"))
        case_menu.addActions([self.new_case_action, self.open_case_action, self.close_tab_action])
        view_menu = self.menuBar().addMenu(self.tr("V&iew"))
        view_menu.addActions([self.find_action, self.reveal_action, self.refresh_action])
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        settings_menu.addAction(self.idle_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts_action, self.about_action])

    # --- lock state -------------------------------------------------------------------------

    def _show_locked(self) -> None:
        self.stack.setCurrentWidget(self.locked_view)
        for action in self.data_actions:
            action.setEnabled(False)
        self.reveal_action.setChecked(False)
        self.statusBar().showMessage(self.tr("Locked"))

    def on_controller_unlocked(self) -> None:
        """Show the case list and load it."""
        self.stack.setCurrentWidget(self.tabs)
        for action in self.data_actions:
            action.setEnabled(True)
        if self.controller.folder is not None:
            self.settings.last_folder = self.controller.folder
        self.statusBar().showMessage(self.tr("Unlocked"))
        self.refresh()

    def on_controller_about_to_lock(self) -> None:
        """Save what open editors can save; report what they cannot (never silently)."""
        unsaved: list[str] = []
        for editor in list(self._editors.values()):
            if editor.has_unsaved_changes() and not editor.save():
                unsaved.append(editor.property("reference") or "")
        self._unsaved_at_lock = unsaved

    def on_controller_locked(self) -> None:
        """Clear every view of case data and show the lock screen."""
        for case_id in list(self._editors):
            self._remove_editor(case_id)
        self.case_list.clear()
        self.dashboard.clear()
        self._show_locked()
        unsaved = getattr(self, "_unsaved_at_lock", [])
        if unsaved:
            self.locked_view.message.setText(
                self.tr(
                    "<h2>The vault is locked</h2><p>Edits that could not be saved were "
                    "discarded in: %1</p>"
                ).replace("%1", ", ".join(unsaved))
            )
        else:
            self.locked_view.message.setText(self.tr("<h2>The vault is locked</h2>"))

    def lock(self) -> None:
        """Lock the vault now."""
        self.controller.lock()

    def quick_exit(self) -> None:
        """Hide every window at once and lock (SECURITY.md test 20)."""
        if self.lock_coordinator is not None:
            self.lock_coordinator.quick_exit([self])
            return
        for widget in QApplication.topLevelWidgets():
            widget.hide()
        self.controller.lock(quick=True)

    def on_unlock_requested(self) -> None:
        """Ask the application to show the unlock dialog."""
        if self.unlock_handler is not None:
            self.unlock_handler()

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the case list and dashboard off the GUI thread."""
        if not self.controller.is_unlocked:
            return
        today = self._today()

        def load(
            session: Session, _progress: ProgressFn, _cancel: threading.Event
        ) -> tuple[list[CaseSummary], list[tuple[Deadline, str, str]]]:
            return cases.list_cases(session), cases.upcoming_deadlines(session, today, days=30)

        def show(result: tuple[list[CaseSummary], list[tuple[Deadline, str, str]]]) -> None:
            if not self.controller.is_unlocked:
                return
            summaries, deadlines = result
            self.case_list.model.today = today
            self.case_list.proxy.today = today
            self.case_list.set_cases(summaries)
            self.dashboard.show_summaries(summaries, deadlines, today)
            if self.reveal_action.isChecked():
                self._load_names()
            self.statusBar().showMessage(self.tr("%n case(s) in the vault", "", len(summaries)))
            if self.case_list.search.text().strip():
                self.on_case_list_search_requested(self.case_list.search.text().strip())

        self.controller.background(load, show)

    def on_controller_changed(self, _case_id: str) -> None:
        """Something changed: refresh soon (several changes in a row refresh once)."""
        self._refresh_timer.start()

    def on_controller_error(self, message: str) -> None:
        """Show a failed action's (user-safe) message."""
        QMessageBox.warning(self, self.tr("Redress"), message)

    def on_case_list_search_requested(self, text: str) -> None:
        """Run the full-text search in the background."""

        def search(session: Session, _progress: ProgressFn, _cancel: threading.Event) -> list[str]:
            return cases.search(session, text, limit=10_000)

        self.controller.background(
            search, lambda ids: self.case_list.apply_search_results(text, list(ids))
        )

    def on_dashboard_filter_requested(self, value: object) -> None:
        """Apply a dashboard shortcut to the case list."""
        if isinstance(value, DeadlineFilter):
            self.case_list.set_stage_filter(None)
            self.case_list.set_deadline_filter(value)
        else:
            self.case_list.set_deadline_filter(DeadlineFilter.ANY)
            self.case_list.set_stage_filter(str(value))
        self.tabs.setCurrentIndex(0)
        self.case_list.table.setFocus()

    def toggle_names(self) -> None:
        """Reveal legal names on request, or hide them again."""
        if self.reveal_action.isChecked():
            self._load_names()
        else:
            self.case_list.model.hide_names()

    def _load_names(self) -> None:
        names = self.controller.read(
            lambda s: {
                row[0]: row[1] for row in s.execute(select(Client.case_id, Client.legal_name))
            }
        )
        self.case_list.model.reveal_names(names)

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.tabs.setCurrentIndex(0)
        self.case_list.search.setFocus()
        self.case_list.search.selectAll()

    # --- cases ------------------------------------------------------------------------------

    def new_case(self) -> None:
        """Create a case from a short dialog and open it."""
        dialog = NewCaseDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            dialog.clear()
            return
        pseudonym = dialog.pseudonym.text().strip()
        legal_name = dialog.legal_name.text().strip()
        jurisdiction = dialog.jurisdiction.text().strip().upper()
        dialog.clear()

        def create(session: Session) -> str:
            case = cases.add_case(
                session,
                Case(
                    jurisdiction=jurisdiction,
                    client=Client(legal_name=legal_name, pseudonym=pseudonym, source="intake"),
                ),
            )
            return case.id

        case_id = self.controller.write(create)
        self.open_case(case_id)

    def open_selected(self) -> None:
        """Open the case selected in the list."""
        case_id = self.case_list.selected_case_id()
        if case_id:
            self.open_case(case_id)

    def open_case(self, case_id: str) -> None:
        """Open (or bring forward) the editor of a case."""
        if not self.controller.is_unlocked:
            return
        if case_id in self._editors:
            self.tabs.setCurrentWidget(self._editors[case_id])
            return
        from redress.desktop.editor.editor import CaseEditor

        editor = CaseEditor(self.controller, case_id, self.clipboard, self)
        self._editors[case_id] = editor
        index = self.tabs.addTab(editor, editor.property("reference") or self.tr("Case"))
        editor.title_changed.connect(lambda title, e=editor: self._retitle(e, title))
        editor.dirty_changed.connect(lambda dirty, e=editor: self._mark_dirty(e, dirty))
        self._retitle(editor, getattr(editor, "title", "") or "")
        self.tabs.setCurrentIndex(index)

    def _retitle(self, editor: QWidget, title: str) -> None:
        index = self.tabs.indexOf(editor)
        if index >= 0 and title:
            self.tabs.setTabText(index, title)
            editor.setProperty("reference", title.split(" ")[0])

    def _mark_dirty(self, editor: QWidget, dirty: bool) -> None:
        index = self.tabs.indexOf(editor)
        if index >= 0:
            text = self.tabs.tabText(index).rstrip(" *")
            self.tabs.setTabText(index, text + (" *" if dirty else ""))

    def on_tabs_close_requested(self, index: int) -> None:
        """Close a case editor, asking about unsaved edits."""
        widget = self.tabs.widget(index)
        case_id = next((cid for cid, e in self._editors.items() if e is widget), None)
        if case_id is not None and self._editors[case_id].maybe_close():
            self._remove_editor(case_id)

    def close_current_case(self) -> None:
        """Close the current case tab."""
        if self.tabs.currentIndex() > 0:
            self.on_tabs_close_requested(self.tabs.currentIndex())

    def _remove_editor(self, case_id: str) -> None:
        editor = self._editors.pop(case_id)
        editor.clear()
        self.tabs.removeTab(self.tabs.indexOf(editor))
        editor.deleteLater()

    # --- settings and help ------------------------------------------------------------------

    def choose_idle_minutes(self) -> None:
        """Let the user set the auto-lock delay."""
        minutes, ok = QInputDialog.getInt(
            self,
            self.tr("Auto-lock — Redress"),
            self.tr("Lock the vault after this many minutes without use:"),
            self.settings.idle_minutes,
            1,
            240,
        )
        if ok:
            self.settings.idle_minutes = minutes
            if self.lock_coordinator is not None:
                self.lock_coordinator.idle.set_timeout(minutes * 60.0)

    def show_shortcuts(self) -> None:
        """List every action with its shortcut."""
        native = QKeySequence.SequenceFormat.NativeText
        lines = [
            f"<tr><td>{a.text().replace('&', '')}</td><td><b>"
            f"{', '.join(k.toString(native) for k in a.shortcuts())}</b></td></tr>"
            for a in self.actions()
            if a.shortcuts()
        ]
        QMessageBox.information(
            self, self.tr("Keyboard shortcuts — Redress"), "<table>" + "".join(lines) + "</table>"
        )

    def show_about(self) -> None:
        """A short description, including the offline promise."""
        from redress import __version__

        QMessageBox.about(
            self,
            self.tr("About Redress"),
            self.tr(
                "<h3>Redress %1</h3><p>Encrypted, offline case work for lawyers who represent "
                "survivors of human trafficking. Redress opens no network connection.</p>"
            ).replace("%1", __version__),
        )

    # --- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Ask about unsaved edits, then lock and remember the window's geometry."""
        for editor in list(self._editors.values()):
            if not editor.maybe_close():
                event.ignore()
                return
        self.settings.save_geometry(self.saveGeometry())
        self.controller.lock()
        event.accept()
