"""Creating a vault: folder, passphrase typed twice with live feedback, then the recovery key."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redress.desktop.controller import VaultController
from redress.desktop.filedialogs import forget_history
from redress.desktop.unlock.common import (
    AlertLabel,
    as_sentence,
    busy_bar,
    default_vault_folder,
    forget_text,
    heading_font,
    passphrase_strength,
    set_tab_chain,
)
from redress.desktop.unlock.recovery import RecoveryKeyDialog
from redress.models.keyslots import (
    PASSPHRASE_MAX_CHARS,
    PASSPHRASE_MIN_CHARS,
    passphrase_problems,
)
from redress.models.vault import is_vault

# A folder chosen with the folder picker that already holds other files gets the vault in a new
# sub-folder of this name, so that the vault's files are not mixed with the user's.
NEW_SUBFOLDER_NAME = "Redress vault"

STRONG_SCORE = 80
GOOD_SCORE = 55


class CreateVaultDialog(QDialog):
    """Asks for a folder and a new passphrase, creates the vault, then shows the recovery key.

    The key derivation runs off the GUI thread (``controller.create_in_background``). Once the
    vault exists the controller emits ``unlocked``; this dialog then opens a
    :class:`RecoveryKeyDialog` and is accepted when that one is.

    Attributes:
        controller: the window's vault controller.
        create_options: extra keyword arguments for ``Vault.create`` (tests pass ``kdf``).
        recovery_dialog: the recovery-key dialog, once the vault has been created.
    """

    def __init__(
        self,
        controller: VaultController,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        **create_options: Any,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.create_options = create_options
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Create a vault — Redress"))
        self.setMinimumWidth(560)
        self._init_widgets(folder if folder is not None else default_vault_folder())
        self._init_layout()
        self._init_tab_order()
        self._init_connections()
        self.on_inputs_changed()

    # --- building -----------------------------------------------------------------------------

    def _init_widgets(self, folder: Path) -> None:
        self.heading = QLabel(self.tr("Create a new vault"), self)
        self.heading.setFont(heading_font(self.font()))
        self.intro = QLabel(
            self.tr(
                "Choose a passphrase of at least {minimum} characters. Several unrelated words "
                "are long and easy to remember. Nobody can reset it for you: if it is lost, only "
                "the recovery key shown next opens the vault."
            ).format(minimum=QLocale().toString(PASSPHRASE_MIN_CHARS)),
            self,
        )
        self.intro.setWordWrap(True)

        self.folder_edit = QLineEdit(str(folder), self)
        self.folder_edit.setAccessibleName(self.tr("Vault folder"))
        self.folder_button = QPushButton(self.tr("C&hoose…"), self)
        self.folder_button.setAccessibleName(self.tr("Choose the vault folder"))
        self.folder_button.setAutoDefault(False)
        self.folder_label = QLabel(self.tr("Vault &folder:"), self)
        self.folder_label.setBuddy(self.folder_edit)

        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("New passphrase"))
        self.passphrase_edit.setMaxLength(PASSPHRASE_MAX_CHARS + 1)
        self.passphrase_label = QLabel(self.tr("&Passphrase:"), self)
        self.passphrase_label.setBuddy(self.passphrase_edit)

        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName(self.tr("Passphrase again"))
        self.confirm_edit.setMaxLength(PASSPHRASE_MAX_CHARS + 1)
        self.confirm_label = QLabel(self.tr("&Again:"), self)
        self.confirm_label.setBuddy(self.confirm_edit)

        self.show_check = QCheckBox(self.tr("&Show the passphrase"), self)
        self.show_check.setAccessibleName(self.tr("Show the passphrase"))

        self.meter = QProgressBar(self)
        self.meter.setRange(0, 100)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.meter_label = QLabel(self.tr("Strength:"), self)
        self.meter_label.setBuddy(self.meter)

        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName(self.tr("Passphrase feedback"))

        self.message = AlertLabel(self)
        self.busy = busy_bar(self, self.tr("Creating the vault"))
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Status"))

        self.buttons = QDialogButtonBox(self)
        self.create_button = QPushButton(self.tr("&Create vault"), self)
        self.create_button.setAccessibleName(self.tr("Create vault"))
        self.create_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

    def _init_layout(self) -> None:
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)

        form = QFormLayout()
        form.addRow(self.folder_label, folder_row)
        form.addRow(self.passphrase_label, self.passphrase_edit)
        form.addRow(self.confirm_label, self.confirm_edit)
        form.addRow("", self.show_check)
        form.addRow(self.meter_label, self.meter)
        form.addRow("", self.feedback)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _init_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.folder_edit,
            self.folder_button,
            self.passphrase_edit,
            self.confirm_edit,
            self.show_check,
            self.create_button,
            self.cancel_button,
        ]
        set_tab_chain(chain)
        self.passphrase_edit.setFocus()

    def _init_connections(self) -> None:
        self.folder_edit.textChanged.connect(self.on_inputs_changed)
        self.passphrase_edit.textChanged.connect(self.on_inputs_changed)
        self.confirm_edit.textChanged.connect(self.on_inputs_changed)
        self.show_check.toggled.connect(self.on_show_check_toggled)
        self.folder_button.clicked.connect(self.on_folder_button_clicked)
        self.create_button.clicked.connect(self.on_create_button_clicked)
        self.cancel_button.clicked.connect(self.reject)

    # --- state --------------------------------------------------------------------------------

    def folder(self) -> Path | None:
        """The folder the vault will be created in, or ``None`` if none is given."""
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def _folder_problem(self) -> str:
        folder = self.folder()
        if folder is None:
            return self.tr("Choose a folder for the vault.")
        if folder.exists() and not folder.is_dir():
            return self.tr("That is a file, not a folder. Choose a folder for the vault.")
        if is_vault(folder):
            return self.tr(
                "A vault already exists in that folder. Open it from the start screen, or choose "
                "another folder."
            )
        return ""

    def passphrase_problems(self) -> list[str]:
        """Why the typed passphrase is not acceptable yet, in plain translated words."""
        folder = self.folder()
        context = (folder.name,) if folder is not None else ()
        text = self.passphrase_edit.text()
        return [self._describe(problem, text) for problem in passphrase_problems(text, context)]

    def _describe(self, problem: str, text: str) -> str:
        """Translate one of ``passphrase_problems``' reasons (the model's English is the key)."""
        locale = QLocale()
        if problem.startswith("use at least"):
            length = len(unicodedata.normalize("NFKC", text))
            return self.tr("Use at least {minimum} characters (so far {count}).").format(
                minimum=locale.toString(PASSPHRASE_MIN_CHARS), count=locale.toString(length)
            )
        if problem.startswith("use at most"):
            return self.tr("Use at most {maximum} characters.").format(
                maximum=locale.toString(PASSPHRASE_MAX_CHARS)
            )
        if "commonly used" in problem:
            return self.tr("This is a common passphrase that attackers try first.")
        if "too few different characters" in problem:
            return self.tr("It repeats too few different characters.")
        if "own name" in problem:
            return self.tr("Do not use the vault folder's name as its passphrase.")
        return as_sentence(problem)

    def is_acceptable(self) -> bool:
        """Whether the folder is usable, the passphrase passes the policy and both entries match."""
        return (
            not self._folder_problem()
            and not self.passphrase_problems()
            and self.passphrase_edit.text() == self.confirm_edit.text()
        )

    # --- slots --------------------------------------------------------------------------------

    def on_inputs_changed(self) -> None:
        """Refresh the feedback, the meter and whether Create is enabled."""
        text = self.passphrase_edit.text()
        problems = self.passphrase_problems()
        score = passphrase_strength(text, acceptable=not problems)
        self.meter.setValue(score)
        self.meter.setFormat(self._strength_word(score, bool(text), bool(problems)))
        self.meter.setAccessibleDescription(self.meter.format())
        lines: list[str] = list(problems)
        if not problems and text:
            if self.confirm_edit.text() == text:
                lines.append(self.tr("The passphrase is acceptable and both entries match."))
            elif self.confirm_edit.text():
                lines.append(self.tr("The two entries do not match yet."))
            else:
                lines.append(self.tr("The passphrase is acceptable. Type it again to confirm."))
        folder_problem = self._folder_problem()
        if folder_problem:
            lines.insert(0, folder_problem)
        self.feedback.setText("\n".join(lines))
        self.feedback.setAccessibleDescription(self.feedback.text())
        self.create_button.setEnabled(not self._busy and self.is_acceptable())

    def _strength_word(self, score: int, typed: bool, refused: bool) -> str:
        if not typed:
            return self.tr("Nothing typed yet")
        if refused:
            return self.tr("Not acceptable yet")
        if score >= STRONG_SCORE:
            return self.tr("Strong")
        if score >= GOOD_SCORE:
            return self.tr("Good")
        return self.tr("Acceptable")

    def on_show_check_toggled(self, shown: bool) -> None:
        """Show or hide both passphrase entries."""
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)
        self.confirm_edit.setEchoMode(mode)

    def on_folder_button_clicked(self) -> None:
        """Pick a folder; a folder that already holds other files gets a new sub-folder."""
        current = self.folder()
        start = str(current.parent if current is not None else Path.home())
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose where to keep the vault"), start
        )
        forget_history()
        if not chosen:
            return
        folder = Path(chosen)
        if not is_vault(folder) and any(folder.iterdir()):
            folder = folder / NEW_SUBFOLDER_NAME
            self.status.setText(
                self.tr(
                    "That folder holds other files, so the vault goes in a new folder inside it."
                )
            )
        self.folder_edit.setText(str(folder))

    def on_create_button_clicked(self) -> None:
        """Create the vault in a worker thread (the key derivation takes a moment)."""
        folder = self.folder()
        if folder is None or not self.is_acceptable():
            return
        self._set_busy(True)
        self.message.clear_message()
        self.status.setText(self.tr("Creating the vault… this takes a moment."))
        self.controller.create_in_background(
            folder,
            self.passphrase_edit.text(),
            self.on_vault_created,
            self.on_create_failed,
            **self.create_options,
        )

    def on_vault_created(self, recovery_key: str) -> None:
        """Forget the passphrase and show the recovery key once."""
        forget_text(self.passphrase_edit)
        forget_text(self.confirm_edit)
        self.busy.hide()
        self.status.setText(self.tr("The vault has been created."))
        self.recovery_dialog = RecoveryKeyDialog(recovery_key, self)
        self.recovery_dialog.accepted.connect(self._finish)
        self.recovery_dialog.open()

    def _finish(self) -> None:
        self._busy = False
        self.accept()

    def on_create_failed(self, message: str) -> None:
        """Say what went wrong; the entries are kept so that the user can fix the folder."""
        self._set_busy(False)
        self.status.clear()
        self.message.show_message(
            self.tr("The vault was not created: {reason}").format(reason=as_sentence(message))
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        for widget in (
            self.folder_edit,
            self.folder_button,
            self.passphrase_edit,
            self.confirm_edit,
            self.show_check,
            self.cancel_button,
        ):
            widget.setEnabled(not busy)
        self.on_inputs_changed()

    # --- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel, except while the vault is being created (it cannot be stopped half-way)."""
        if self._busy:
            return
        forget_text(self.passphrase_edit)
        forget_text(self.confirm_edit)
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Refuse to close while the vault is being created."""
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
