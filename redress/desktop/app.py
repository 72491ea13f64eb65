"""Starting the desktop application: QApplication, translations, the window and its locks."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog

from redress.desktop.controller import VaultController
from redress.desktop.filedialogs import forget_history
from redress.desktop.mainwindow import MainWindow
from redress.desktop.settings import Settings

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"


def install_translators(app: QCoreApplication, language: str = "") -> list[QTranslator]:
    """Load Redress's and Qt's own translations for ``language`` (default: the system's)."""
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    for name, folder in (
        ("redress", str(TRANSLATIONS)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


class Application:
    """The running app: one window, its vault controller and its lock machinery.

    Attributes:
        window: the main window.
        controller: the vault session.
        settings: allow-listed UI settings.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        from redress.desktop.locking import (
            IdleWatcher,
            LockCoordinator,
            ScreenLockListener,
            SecureClipboard,
        )

        self.settings = settings or Settings()
        self.controller = VaultController()
        self.window = MainWindow(self.controller, self.settings)
        self.clipboard = SecureClipboard(parent=self.window)
        self.idle = IdleWatcher(self.settings.idle_minutes * 60.0, parent=self.window)
        self.screen = ScreenLockListener(parent=self.window)
        self.locks = LockCoordinator(
            self.controller, self.idle, self.screen, self.clipboard, parent=self.window
        )
        self.window.lock_coordinator = self.locks
        self.window.clipboard = self.clipboard
        self.window.unlock_handler = self.show_unlock

    def start(self) -> None:
        """Show the window, then the unlock dialog (or the first-start choices)."""
        geometry = self.settings.geometry()
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        else:
            self.window.resize(1200, 800)
        self.window.show()
        QTimer.singleShot(0, self.show_unlock)

    def show_unlock(self) -> None:
        """Unlock the last vault, or offer to create, open or try a demo vault."""
        from redress.desktop.unlock import (
            CreateVaultDialog,
            StartDialog,
            UnlockDialog,
            open_demo_vault,
        )
        from redress.models.keychain import SystemKeychain
        from redress.models.vault import is_vault

        last = self.settings.last_folder
        if last is not None and is_vault(last):
            dialog = UnlockDialog(
                self.controller, last, SystemKeychain().status().available, self.window
            )
            if dialog.exec() == QDialog.DialogCode.Accepted or self.controller.is_unlocked:
                return
        start = StartDialog(last_folder=last, parent=self.window)
        if start.exec() != QDialog.DialogCode.Accepted:
            return
        if start.choice == "create":
            CreateVaultDialog(self.controller, self.window).exec()
        elif start.choice == "open" and start.folder is not None:
            UnlockDialog(
                self.controller, start.folder, SystemKeychain().status().available, self.window
            ).exec()
        elif start.choice == "demo":
            open_demo_vault(
                self.controller, on_done=lambda: None, on_failure=self.controller.error.emit
            )


def run_gui(argv: list[str] | None = None) -> int:
    """Start the desktop app; returns its exit status."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Redress")
    app.setOrganizationName("Redress")
    app.setApplicationDisplayName("Redress")
    settings = Settings()
    install_translators(app, settings.language)
    forget_history()
    app.aboutToQuit.connect(forget_history)
    application = Application(settings)
    application.start()
    return app.exec()
