"""Unlocking a vault: the passphrase, this computer's keychain, or the recovery key."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Literal

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redress.desktop.controller import VaultController
from redress.desktop.unlock.common import (
    AlertLabel,
    as_sentence,
    busy_bar,
    forget_text,
    heading_font,
    set_tab_chain,
    short_folder_name,
)
from redress.models.peek import peek_slot_types
from redress.models.vault import Credential, DeviceUnlock, Passphrase, RecoveryKey

Mode = Literal["passphrase", "recovery"]

LINK_STYLE = (
    "QPushButton { text-decoration: underline; color: palette(link); border: none; }"
    "QPushButton:disabled { color: palette(mid); }"
)


class UnlockDialog(QDialog):
    """Asks for the credential that opens ``folder`` and unlocks it off the GUI thread.

    Accepted when the controller emits ``unlocked``. Failures (wrong passphrase, damaged vault,
    vault open elsewhere, rollback detected) are shown inline as an alert, and the entry field
    is cleared after every attempt, so the passphrase does not linger in a widget.

    Attributes:
        controller: the window's vault controller.
        folder: the vault folder to unlock.
        mode: ``"passphrase"`` or ``"recovery"`` (which credential the field takes).
        device_offered: whether the keychain button is offered (a device slot exists and a
            secure keychain is available).
    """

    def __init__(
        self,
        controller: VaultController,
        folder: Path,
        keychain_available: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.folder = folder
        self.mode: Mode = "passphrase"
        self.device_offered = keychain_available and "device" in peek_slot_types(folder)
        self._busy = False
        self.setWindowTitle(self.tr("Unlock vault — Redress"))
        self.setMinimumWidth(480)
        self._init_widgets()
        self._init_layout()
        self._init_tab_order()
        self._init_connections()
        self._apply_mode()

    # --- building -----------------------------------------------------------------------------

    def _init_widgets(self) -> None:
        name = short_folder_name(self.folder)
        self.heading = QLabel(self.tr("Unlock “{name}”").format(name=name), self)
        self.heading.setFont(heading_font(self.font()))
        self.heading.setAccessibleName(self.tr("Unlock the vault {name}").format(name=name))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)

        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label = QLabel(self)
        self.secret_label.setBuddy(self.secret_edit)
        self.show_check = QCheckBox(self.tr("S&how what I type"), self)
        self.show_check.setAccessibleName(self.tr("Show what I type"))

        self.switch_button = QPushButton(self)
        self.switch_button.setFlat(True)
        self.switch_button.setAutoDefault(False)
        self.switch_button.setStyleSheet(LINK_STYLE)

        self.keychain_button = QPushButton(self.tr("Unlock with this computer's &keychain"), self)
        self.keychain_button.setAccessibleName(self.tr("Unlock with this computer's keychain"))
        self.keychain_button.setAutoDefault(False)
        self.keychain_button.setVisible(self.device_offered)

        self.message = AlertLabel(self)
        self.busy = busy_bar(self, self.tr("Unlocking"))
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Status"))

        self.buttons = QDialogButtonBox(self)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

    def _init_layout(self) -> None:
        field_row = QHBoxLayout()
        field_row.addWidget(self.secret_label)
        field_row.addWidget(self.secret_edit, 1)

        options_row = QHBoxLayout()
        options_row.addWidget(self.show_check)
        options_row.addStretch(1)
        options_row.addWidget(self.switch_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(field_row)
        layout.addLayout(options_row)
        layout.addWidget(self.keychain_button)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _init_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.secret_edit,
            self.show_check,
            self.switch_button,
            self.keychain_button,
            self.unlock_button,
            self.cancel_button,
        ]
        set_tab_chain(chain)
        self.secret_edit.setFocus()

    def _init_connections(self) -> None:
        self.secret_edit.textChanged.connect(self.on_secret_edit_text_changed)
        self.show_check.toggled.connect(self.on_show_check_toggled)
        self.switch_button.clicked.connect(self.on_switch_button_clicked)
        self.keychain_button.clicked.connect(self.on_keychain_button_clicked)
        self.unlock_button.clicked.connect(self.on_unlock_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.controller.unlocked.connect(self.on_controller_unlocked)

    # --- modes --------------------------------------------------------------------------------

    def _apply_mode(self) -> None:
        if self.mode == "passphrase":
            self.intro.setText(self.tr("Type the vault's passphrase."))
            self.secret_label.setText(self.tr("&Passphrase:"))
            self.secret_edit.setAccessibleName(self.tr("Passphrase"))
            self.switch_button.setText(self.tr("Use the &recovery key instead"))
            self.switch_button.setAccessibleName(self.tr("Use the recovery key instead"))
        else:
            self.intro.setText(
                self.tr(
                    "Type the recovery key from the page you printed or wrote down: ten groups "
                    "of four letters and digits. Dashes, spaces and letter case do not matter."
                )
            )
            self.secret_label.setText(self.tr("&Recovery key:"))
            self.secret_edit.setAccessibleName(self.tr("Recovery key"))
            self.switch_button.setText(self.tr("Use the &passphrase instead"))
            self.switch_button.setAccessibleName(self.tr("Use the passphrase instead"))
        self.on_secret_edit_text_changed(self.secret_edit.text())

    def set_mode(self, mode: Mode) -> None:
        """Switch the field between the passphrase and the recovery key (clearing it)."""
        self.mode = mode
        forget_text(self.secret_edit)
        # A recovery key is copied from paper: 40 characters typed blind invite mistakes.
        self.show_check.setChecked(mode == "recovery")
        self.message.clear_message()
        self._apply_mode()
        self.secret_edit.setFocus()

    # --- slots --------------------------------------------------------------------------------

    def on_secret_edit_text_changed(self, text: str) -> None:
        """Unlock is possible once something is typed."""
        self.unlock_button.setEnabled(bool(text) and not self._busy)

    def on_show_check_toggled(self, shown: bool) -> None:
        """Show or hide what is typed."""
        self.secret_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )

    def on_switch_button_clicked(self) -> None:
        """Toggle between the passphrase and the recovery key."""
        self.set_mode("recovery" if self.mode == "passphrase" else "passphrase")

    def on_unlock_button_clicked(self) -> None:
        """Unlock with what was typed."""
        text = self.secret_edit.text()
        if not text or self._busy:
            return
        credential: Credential = (
            Passphrase(text) if self.mode == "passphrase" else RecoveryKey(text)
        )
        self._start(credential)

    def on_keychain_button_clicked(self) -> None:
        """Unlock with this computer's keychain entry."""
        if not self._busy:
            self._start(DeviceUnlock())

    def _start(self, credential: Credential) -> None:
        self.message.clear_message()
        self._set_busy(True)
        self.status.setText(self.tr("Unlocking… this takes a moment."))
        self.controller.open_in_background(self.folder, credential, self.on_unlock_failed)

    def on_unlock_failed(self, message: str) -> None:
        """Show why the vault did not open, clear the field and let the user try again."""
        forget_text(self.secret_edit)
        self._set_busy(False)
        self.status.clear()
        self.message.show_message(as_sentence(message))
        self.secret_edit.setFocus()

    def on_controller_unlocked(self) -> None:
        """The vault is open: forget what was typed and close."""
        started_here = self._busy
        forget_text(self.secret_edit)
        self._set_busy(False)
        self.status.clear()
        if started_here or self.isVisible():
            self.accept()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        for widget in (
            self.secret_edit,
            self.show_check,
            self.switch_button,
            self.keychain_button,
            self.cancel_button,
        ):
            widget.setEnabled(not busy)
        self.on_secret_edit_text_changed(self.secret_edit.text())

    # --- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel, except while an unlock is running (it cannot be stopped half-way)."""
        if self._busy:
            return
        forget_text(self.secret_edit)
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Refuse to close while an unlock is running."""
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        """Close, forget what was typed, and stop listening to the controller."""
        forget_text(self.secret_edit)
        with contextlib.suppress(RuntimeError):
            self.controller.unlocked.disconnect(self.on_controller_unlocked)
        super().done(result)
