"""Keep Qt's file dialogs from remembering where the user has been.

Qt's own (non-native) file dialog saves the last folder visited and a history of folders in
``QtProject.conf`` when it closes, and native GTK dialogs add chosen files to
``recently-used.xbel``. Folder names can carry a client's name ("Clients/Maria Lopez"), so
Redress uses Qt's dialog (``AA_DontUseNativeDialogs``, set at start-up) and calls
:func:`forget_history` after every file dialog, at start-up and at quit (SECURITY.md 14–15).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

_GROUP = "FileDialog"


def forget_history() -> None:
    """Remove the folders and history Qt's file dialog stored in the user's settings."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    if settings.childGroups().count(_GROUP) or any(
        k.startswith(_GROUP) for k in settings.allKeys()
    ):
        settings.remove(_GROUP)
        settings.sync()
