"""The whole desktop flow on real widgets and a real vault, and the GUI canary leak scan.

create → unlock → add a case → edit record entries → attach a file → search → idle lock (fake
clock) → wrong passphrase → unlock → quick exit; then every file the session could have
written (the vault folder, the temporary folder, Qt's and Redress's settings, the recent-files
store, caches) and every log and Qt message is searched for the canaries (SECURITY.md 14–15).
"""

from __future__ import annotations

import logging
import os
import secrets
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from redress.desktop.controller import VaultController
from redress.desktop.editor.editor import CaseEditor
from redress.desktop.editor.entries_tab import EntriesTab
from redress.desktop.editor.evidence_tab import EvidenceTab
from redress.desktop.editor.notes_tab import NotesTab
from redress.desktop.filedialogs import forget_history
from redress.desktop.locking import (
    IdleWatcher,
    LockCoordinator,
    ScreenLockListener,
    SecureClipboard,
)
from redress.desktop.mainwindow import MainWindow, NewCaseDialog
from redress.desktop.settings import Settings
from redress.desktop.unlock import CreateVaultDialog, UnlockDialog
from redress.models.keyslots import Argon2Params
from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE

WAIT_MS = 30_000


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _canary(label: str) -> str:
    return f"{label}{secrets.token_hex(16)}"


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmpdir"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def _fill_new_case(pseudonym: str, legal_name: str) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewCaseDialog)
    dialog.pseudonym.setText(pseudonym)
    dialog.legal_name.setText(legal_name)
    dialog.jurisdiction.setText("us-ny")
    dialog.on_buttons_accepted()


def _scan(roots: list[Path], needles: dict[str, str]) -> list[str]:
    forms: dict[bytes, str] = {}
    for label, text in needles.items():
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            forms[text.encode(encoding)] = label
    hits = []
    for root in roots:
        if not root.exists():
            continue
        for path in [root] if root.is_file() else root.rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            hits += [f"{label} in {path.name}" for form, label in forms.items() if form in data]
    return hits


def test_whole_desktop_session(
    qtbot: QtBot,
    tmp_path: Path,
    private_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    canaries = {
        "legal name": _canary("Legal"),
        "offence": _canary("Offence"),
        "note": _canary("Note"),
        "attachment name": _canary("File"),
        "attachment content": _canary("Content"),
    }
    settings_file = Path(os.environ["XDG_CONFIG_HOME"]) / "e2e-settings.ini"
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    controller = VaultController()
    window = MainWindow(controller, settings)
    qtbot.addWidget(window)
    clock = FakeClock()
    idle = IdleWatcher(300.0, clock=clock, parent=window)
    clipboard = SecureClipboard(parent=window)
    locks = LockCoordinator(controller, idle, ScreenLockListener(window), clipboard, parent=window)
    window.lock_coordinator = locks
    window.clipboard = clipboard
    window.show()
    qtbot.waitExposed(window)

    # 1. create a vault
    folder = tmp_path / "Vault"
    create = CreateVaultDialog(controller, window, folder=folder, kdf=Argon2Params())
    create.show()
    qtbot.keyClicks(create.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(create.confirm_edit, PASSPHRASE)
    with qtbot.waitSignal(controller.unlocked, timeout=WAIT_MS):
        qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: create.recovery_dialog is not None, timeout=WAIT_MS)
    recovery = create.recovery_dialog
    assert recovery is not None
    recovery.stored_check.setChecked(True)
    qtbot.mouseClick(recovery.continue_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.tabs
    assert window.windowTitle() == "Redress"

    # 2. add a case through the New case dialog
    QTimer.singleShot(0, lambda: _fill_new_case("Client Quince", canaries["legal name"]))
    window.new_case_action.trigger()
    editor = window.tabs.currentWidget()
    assert isinstance(editor, CaseEditor)
    assert canaries["legal name"] not in editor.title
    assert canaries["legal name"] not in window.windowTitle()

    # 3. a record entry, through its dialog
    editor.show_tab(EntriesTab)
    entries = next(t for t in editor.tabs if isinstance(t, EntriesTab))
    qtbot.mouseClick(entries.rows.add_button, Qt.MouseButton.LeftButton)
    dialog = entries.dialog
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("criminal"))
    qtbot.keyClicks(dialog.offence_text, canaries["offence"])
    qtbot.keyClicks(dialog.arrest_date, "2019-05-02")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert entries.model.rowCount() == 1

    # 4. a note, and an attachment (encrypted in a worker thread)
    notes = next(t for t in editor.tabs if isinstance(t, NotesTab))
    editor.show_tab(NotesTab)
    qtbot.keyClicks(notes.new_note, canaries["note"])
    qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    source = tmp_path / f"{canaries['attachment name']}.txt"
    source.write_text(canaries["attachment content"] * 100)
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(source)], ""))
    )
    evidence = next(t for t in editor.tabs if isinstance(t, EvidenceTab))
    editor.show_tab(EvidenceTab)
    with qtbot.waitSignal(evidence.attachments.attachments_added, timeout=WAIT_MS):
        qtbot.mouseClick(evidence.attachments.add_files_button, Qt.MouseButton.LeftButton)
    source.unlink()  # the user's own copy; the scan must not find the vault's anywhere
    assert evidence.attachments.model.rowCount() == 1

    # 5. search
    window.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.keyClicks(window.case_list.search, canaries["offence"][:12])
    qtbot.waitUntil(lambda: window.case_list.proxy.rowCount() == 1, timeout=WAIT_MS)
    window.case_list.search.clear()
    qtbot.keyClicks(window.case_list.search, "nothingmatchesthis")
    qtbot.waitUntil(lambda: window.case_list.proxy.rowCount() == 0, timeout=WAIT_MS)

    # 6. idle lock on a fake clock
    clock.now += 301
    start = time.perf_counter()
    idle.check()
    assert time.perf_counter() - start < 1.0
    assert not controller.is_unlocked
    assert window.case_list.model.rowCount() == 0
    assert window.stack.currentWidget() is window.locked_view
    assert window.tabs.count() == 1  # the case editor is gone

    # 7. a wrong passphrase, then the right one
    unlock = UnlockDialog(controller, folder, False, window)
    unlock.show()
    qtbot.keyClicks(unlock.secret_edit, OTHER_PASSPHRASE)
    qtbot.mouseClick(unlock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: unlock.message.isVisible(), timeout=WAIT_MS)
    assert "wrong passphrase" in unlock.message.text().lower()
    assert unlock.secret_edit.text() == ""
    assert not controller.is_unlocked
    qtbot.keyClicks(unlock.secret_edit, PASSPHRASE)
    with qtbot.waitSignal(controller.unlocked, timeout=WAIT_MS):
        qtbot.mouseClick(unlock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=WAIT_MS)
    assert unlock.result() == QDialog.DialogCode.Accepted or not unlock.isVisible()

    # 8. quick exit: hidden and locked within half a second
    window.reveal_action.trigger()  # legal names on screen at the moment of panic
    start = time.perf_counter()
    window.quick_exit()
    elapsed = time.perf_counter() - start
    assert elapsed < 0.5
    assert not window.isVisible()
    assert not controller.is_unlocked
    assert window.case_list.model.rowCount() == 0
    forget_history()

    # 9. the canary scan over everything the session could have written
    xdg = [
        Path(os.environ[name]) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
    ]
    roots = [folder, private_tmp, *xdg, Path.home() / ".local/share/recently-used.xbel"]
    settings.store.sync()
    assert settings_file.exists()
    assert set(settings.store.allKeys()) <= {"vault/last_folder", "window/geometry"}
    hits = _scan(roots, canaries)
    assert hits == []
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert not [label for label, text in canaries.items() if text in logged]
    assert PASSPHRASE not in logged


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    canary = _canary("Legal")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "f.bin").write_bytes(b"x" + canary.encode("utf-16-le") + b"y")
    assert _scan([tmp_path], {"legal name": canary}) == ["legal name in f.bin"]
