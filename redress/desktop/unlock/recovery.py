"""Showing a new recovery key once: large, selectable, printable; never copied for the user."""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redress.desktop.filedialogs import forget_history
from redress.desktop.unlock.common import AlertLabel, as_sentence, heading_font, set_tab_chain
from redress.desktop.workers import safe_message
from redress.models.fsutil import private_umask

# The key is shown as two lines of five groups, which fit a narrow dialog and a sheet of paper.
GROUPS_PER_LINE = 5
KEY_POINT_SIZE = 20
PRINT_POINT_SIZE = 12
OWNER_ONLY = 0o600


def key_lines(recovery_key: str) -> list[str]:
    """The key's groups, split into lines for display and print (dashes kept inside a line)."""
    groups = recovery_key.split("-")
    return [
        "-".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)
    ]


class RecoveryKeyDialog(QDialog):
    """Shows a recovery key once; continues only after the user says it is stored safely.

    There is deliberately no copy button: a key on the clipboard ends up in clipboard managers
    and synced histories. The key can be printed, or saved as an owner-only PDF by explicit
    choice. The dialog cannot be dismissed before the confirmation box is ticked.

    Attributes:
        recovery_key: the key to show (kept only as long as the dialog exists).
    """

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.setWindowTitle(self.tr("Recovery key — Redress"))
        self.setModal(True)
        self.setMinimumWidth(560)
        self._init_widgets()
        self._init_layout()
        self._init_tab_order()

    # --- building -----------------------------------------------------------------------------

    def _init_widgets(self) -> None:
        self.heading = QLabel(self.tr("Write down your recovery key"), self)
        self.heading.setFont(heading_font(self.font()))
        self.intro = QLabel(self._instructions(), self)
        self.intro.setWordWrap(True)

        self.key_label = QLabel("\n".join(key_lines(self.recovery_key)), self)
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setFont(self._key_font())
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.key_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.key_label.setAccessibleDescription(" ".join(self.recovery_key.split("-")))
        self.key_label.setStyleSheet(
            "padding: 12px; border: 1px solid palette(mid); border-radius: 4px;"
        )

        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print the recovery key"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"), self)
        self.pdf_button.setAccessibleName(self.tr("Save the recovery key as a PDF file"))
        self.pdf_button.setAutoDefault(False)
        self.pdf_button.clicked.connect(self.on_pdf_button_clicked)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.message = AlertLabel(self)

        self.stored_check = QCheckBox(
            self.tr("I have &stored the recovery key somewhere safe"), self
        )
        self.stored_check.setAccessibleName(
            self.tr("I have stored the recovery key somewhere safe")
        )
        self.stored_check.toggled.connect(self.on_stored_check_toggled)

        self.buttons = QDialogButtonBox(self)
        self.continue_button = QPushButton(self.tr("&Continue"), self)
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.continue_button.setEnabled(False)
        self.continue_button.setDefault(True)
        self.buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.clicked.connect(self.accept)

    def _init_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addWidget(self.key_label)
        output_row = QHBoxLayout()
        output_row.addWidget(self.print_button)
        output_row.addWidget(self.pdf_button)
        output_row.addStretch(1)
        layout.addLayout(output_row)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(self.stored_check)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _init_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.key_label,
            self.print_button,
            self.pdf_button,
            self.stored_check,
            self.continue_button,
        ]
        set_tab_chain(chain)
        self.key_label.setFocus()

    def _key_font(self) -> QFont:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(KEY_POINT_SIZE)
        font.setBold(True)
        return font

    def _instructions(self) -> str:
        return self.tr(
            "This key opens the vault if the passphrase is ever forgotten. Redress shows it only "
            "now and keeps no copy. Write it down or print it, and keep it somewhere safe away "
            "from this computer. Anyone with this key and the vault folder can read the vault."
        )

    # --- the printed page ---------------------------------------------------------------------

    def document(self) -> QTextDocument:
        """The printed page: a title, the key in large monospace, and plain instructions."""
        today = QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
        title = self.tr("Redress recovery key")
        issued = self.tr("Issued on {date}.").format(date=today)
        key_html = "<br>".join(html.escape(line) for line in key_lines(self.recovery_key))
        key_style = f"font-family: monospace; font-size: {KEY_POINT_SIZE}pt; font-weight: bold;"
        body = (
            f"<h1>{html.escape(title)}</h1>"
            f"<p>{html.escape(issued)}</p>"
            f"<p style='{key_style}'>{key_html}</p>"
            f"<p>{html.escape(self._instructions())}</p>"
            f"<p>{html.escape(self._print_advice())}</p>"
        )
        document = QTextDocument()
        font = QFont(self.font())
        font.setPointSize(PRINT_POINT_SIZE)
        document.setDefaultFont(font)
        document.setHtml(body)
        return document

    def _print_advice(self) -> str:
        return self.tr(
            "To use it: on the unlock screen choose “Use the recovery key instead” and type the "
            "groups above; dashes, spaces and letter case do not matter, and 0 and 1 count as the "
            "letters O and I. After using it, "
            "Redress issues a new key and this one stops working."
        )

    def print_to(self, printer: QPrinter) -> None:
        """Render the key page on ``printer`` (a paper printer or a PDF writer)."""
        self.document().print_(printer)

    def print_to_pdf(self, path: Path) -> None:
        """Write the key page to ``path`` as a PDF readable only by its owner.

        Args:
            path: the PDF file the user chose; it is created owner-only (mode 0600).
        """
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setDocName(self.tr("Redress recovery key"))
        printer.setCreator("Redress")
        with private_umask():
            self.print_to(printer)
        os.chmod(path, OWNER_ONLY)

    # --- slots --------------------------------------------------------------------------------

    def on_print_button_clicked(self) -> None:
        """Print the key page on paper."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)
        self.status.setText(self.tr("The recovery key was sent to the printer."))

    def on_pdf_button_clicked(self) -> None:
        """Save the key page as an owner-only PDF where the user chooses."""
        start = str(Path.home() / self.tr("Redress recovery key.pdf"))
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery key as PDF"), start, self.tr("PDF files (*.pdf)")
        )
        forget_history()
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            self.print_to_pdf(path)
        except OSError as exc:
            self.message.show_message(
                self.tr("The PDF was not saved: {reason}").format(
                    reason=as_sentence(safe_message(exc))
                )
            )
            return
        self.message.clear_message()
        self.status.setText(
            self.tr(
                "Saved as “{name}”, readable only by you. Print it or move it somewhere safe, "
                "then delete it from this computer: a key next to the vault protects nothing."
            ).format(name=path.name)
        )

    def on_stored_check_toggled(self, checked: bool) -> None:
        """Allow continuing only once the user says the key is stored."""
        self.continue_button.setEnabled(checked)

    # --- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        """Escape or the close button: not before the key is confirmed as stored."""
        if not self.stored_check.isChecked():
            self.message.show_message(
                self.tr(
                    "Store the recovery key first, then tick “I have stored the recovery key "
                    "somewhere safe”. It will not be shown again."
                )
            )
            return
        self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Closing the window counts as Continue, and only after the confirmation."""
        if not self.stored_check.isChecked():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        """Forget the key when the dialog closes."""
        super().done(result)
        self.key_label.clear()
        self.recovery_key = ""
