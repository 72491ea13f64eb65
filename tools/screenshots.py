"""Make the screenshots in docs/screenshots/ from the real widgets, offscreen, on demo data.

Run with ``make screenshots`` (QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py).
Every case shown is one of the fictional demo cases; the vault is a throwaway in a temporary
folder.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QRectF, QSettings
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QWidget

from redress.desktop.app import install_translators
from redress.desktop.controller import VaultController
from redress.desktop.editor.editor import CaseEditor
from redress.desktop.mainwindow import MainWindow
from redress.desktop.settings import Settings
from redress.desktop.unlock import (
    CreateVaultDialog,
    RecoveryKeyDialog,
    StartDialog,
    UnlockDialog,
)
from redress.models import cases, demo
from redress.models.keyslots import Argon2Params
from redress.models.vault import Passphrase, Vault

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
PASSPHRASE = "screenshot vault for fictional cases"
TODAY = dt.date(2026, 11, 23)


def settle(app: QApplication, rounds: int = 30) -> None:
    """Let pending events (background loads, layouts) finish."""
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.01)


def wait_for(app: QApplication, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Process events until ``condition`` holds (background work has finished)."""
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    settle(app)


def shoot(app: QApplication, widget: QWidget, name: str) -> None:
    """Show, settle and save one widget as a PNG."""
    widget.show()
    settle(app)
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"wrote docs/screenshots/{name}.png")


def _sample_files(root: Path) -> dict[str, bytes]:
    """A fictional certificate (PDF) and a photo stand-in (PNG) to attach."""
    pdf_path = root / "certificate.pdf"
    writer = QPdfWriter(str(pdf_path))
    painter = QPainter(writer)
    painter.setFont(QFont("Sans", 14))
    painter.drawText(
        QRectF(0, 0, writer.width(), writer.height() / 3),
        "Certificate of disposition (fictional demo document)\nDocket 2016QN018432",
    )
    painter.end()
    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#dfe7ef"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return {
        "Certificate of disposition.pdf": pdf_path.read_bytes(),
        "Advertisement screenshot.png": bytes(buffer.data().data()),
    }


def main() -> int:
    """Render every main screen."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    QLocale.setDefault(QLocale("en_US"))
    install_translators(app, "en_US")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="redress-shots-") as tmp:
        root = Path(tmp)
        settings = Settings(QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat))
        folder = root / "Demo vault"
        vault, recovery = Vault.create(folder, PASSPHRASE, kdf=Argon2Params())
        with vault.transaction() as session:
            demo.add_demo_cases(session, today=TODAY)
        with vault.transaction() as session:
            case = cases.find_case(session, "DEMO-001")
            for name, data in _sample_files(root).items():
                cases.add_attachment(session, vault.attachments_dir, case, io.BytesIO(data), name)
        vault.close(backup=False)

        controller = VaultController()
        start = StartDialog(last_folder=folder)
        start.resize(640, 460)
        shoot(app, start, "01-start")
        start.close()

        create = CreateVaultDialog(controller, folder=root / "New vault")
        create.resize(620, 480)
        shoot(app, create, "02-create-vault")
        create.close()

        recovery_dialog = RecoveryKeyDialog(recovery)
        recovery_dialog.resize(640, 420)
        shoot(app, recovery_dialog, "03-recovery-key")
        recovery_dialog.done(0)

        window = MainWindow(controller, settings, today=lambda: TODAY)
        window.resize(1280, 820)
        window.show()
        unlock = UnlockDialog(controller, folder, False, window)
        shoot(app, unlock, "04-unlock")
        unlock.close()
        settle(app)
        shoot(app, window, "05-locked")

        controller.adopt(Vault.open(folder, Passphrase(PASSPHRASE)))
        wait_for(app, lambda: window.case_list.model.rowCount() >= 30)
        shoot(app, window, "06-case-list")

        with controller.vault.sessions() as session:
            case_id = cases.find_case(session, "DEMO-001").id
        window.open_case(case_id)
        settle(app, 60)
        editor = window.tabs.currentWidget()
        assert isinstance(editor, CaseEditor)
        for index in range(editor.tab_widget.count()):
            editor.tab_widget.setCurrentIndex(index)
            settle(app, 40)
            label = editor.tab_widget.tabText(index).replace("&", "").lower()
            slug = "".join(ch if ch.isalnum() else "-" for ch in label).strip("-")
            shoot(app, window, f"07-case-{index + 1}-{slug}")
        controller.lock(quick=True)
        settle(app)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
