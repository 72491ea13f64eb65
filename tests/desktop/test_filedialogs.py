"""Qt's file dialog must not leave the folders it visited in the user's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from redress.desktop.filedialogs import forget_history


def test_file_dialog_history_is_forgotten(qtbot: QtBot, tmp_path: Path) -> None:
    secret_folder = tmp_path / "Clients" / "CanaryPerson7f3a"
    secret_folder.mkdir(parents=True)

    def close_dialog() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                widget.reject()

    QTimer.singleShot(300, close_dialog)
    QFileDialog.getExistingDirectory(
        None, "pick", str(secret_folder), QFileDialog.Option.DontUseNativeDialog
    )
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.sync()
    stored = " ".join(str(settings.value(k)) for k in settings.allKeys())
    assert "CanaryPerson7f3a" in stored, "Qt is expected to remember the folder (the risk)"
    forget_history()
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    stored = " ".join(str(settings.value(k)) for k in settings.allKeys())
    assert "CanaryPerson7f3a" not in stored
    assert not [k for k in settings.allKeys() if k.startswith("FileDialog")]
