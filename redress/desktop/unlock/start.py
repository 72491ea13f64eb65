"""The first screen: create a vault, open one, or try the demo vault of fictional cases."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redress.desktop.filedialogs import forget_history
from redress.desktop.unlock.common import AlertLabel, heading_font, set_tab_chain, short_folder_name
from redress.desktop.unlock.demo import DEMO_PASSPHRASE
from redress.models.vault import is_vault

StartChoice = Literal["create", "open", "demo"]


class StartDialog(QDialog):
    """Offers the three ways in: a new vault, an existing one, or the demo vault.

    Accepted once a choice is made; rejected if the user quits.

    Attributes:
        choice: ``"create"``, ``"open"`` or ``"demo"`` once accepted (``None`` before).
        folder: the vault folder to open when ``choice`` is ``"open"``; otherwise ``None``.
        last_folder: the vault opened last time, offered as the default choice (may be ``None``).
    """

    def __init__(self, last_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: StartChoice | None = None
        self.folder: Path | None = None
        self.last_folder = last_folder
        self.setWindowTitle(self.tr("Welcome — Redress"))
        self.setMinimumWidth(520)
        self._init_widgets()
        self._init_layout()
        self._init_tab_order()

    # --- building -----------------------------------------------------------------------------

    def _init_widgets(self) -> None:
        self.heading = QLabel(self.tr("Welcome to Redress"), self)
        self.heading.setFont(heading_font(self.font()))
        self.intro = QLabel(
            self.tr(
                "Redress keeps case files in an encrypted vault: a folder on this computer or on "
                "a drive you choose. Nothing is sent anywhere."
            ),
            self,
        )
        self.intro.setWordWrap(True)

        self.last_button: QCommandLinkButton | None = None
        if self.last_folder is not None:
            name = short_folder_name(self.last_folder)
            self.last_button = QCommandLinkButton(
                self.tr("&Open “{name}”").format(name=name),
                self.tr("The vault you opened last time."),
                self,
            )
            self.last_button.setAccessibleName(
                self.tr("Open the last vault, {name}").format(name=name)
            )
            self.last_button.clicked.connect(self.on_last_button_clicked)

        self.create_button = QCommandLinkButton(
            self.tr("&Create a new vault"),
            self.tr("Choose a folder and a passphrase. You will get a recovery key to write down."),
            self,
        )
        self.create_button.setAccessibleName(self.tr("Create a new vault"))
        self.create_button.clicked.connect(self.on_create_button_clicked)

        self.open_button = QCommandLinkButton(
            self.tr("Open an &existing vault…"),
            self.tr("Choose the folder that holds a Redress vault."),
            self,
        )
        self.open_button.setAccessibleName(self.tr("Open an existing vault"))
        self.open_button.clicked.connect(self.on_open_button_clicked)

        self.demo_button = QCommandLinkButton(
            self.tr("&Try a demo vault of fictional cases"),
            self.tr(
                "Invented clients and cases for trying Redress out. Its passphrase is “{phrase}”; "
                "never enter real case details there."
            ).format(phrase=DEMO_PASSPHRASE),
            self,
        )
        self.demo_button.setAccessibleName(self.tr("Try a demo vault of fictional cases"))
        self.demo_button.clicked.connect(self.on_demo_button_clicked)

        self.message = AlertLabel(self)

        self.buttons = QDialogButtonBox(self)
        self.quit_button = QPushButton(self.tr("&Quit"), self)
        self.quit_button.setAccessibleName(self.tr("Quit Redress"))
        self.quit_button.setAutoDefault(False)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)

        default = self.last_button or self.create_button
        default.setDefault(True)
        default.setFocus()

    def _init_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        for button in self._choice_buttons():
            layout.addWidget(button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _init_tab_order(self) -> None:
        chain: list[QWidget] = [*self._choice_buttons(), self.quit_button]
        set_tab_chain(chain)

    def _choice_buttons(self) -> list[QCommandLinkButton]:
        buttons = [self.create_button, self.open_button, self.demo_button]
        return [self.last_button, *buttons] if self.last_button is not None else buttons

    # --- choices ------------------------------------------------------------------------------

    def _choose(self, choice: StartChoice, folder: Path | None = None) -> None:
        self.choice = choice
        self.folder = folder
        self.accept()

    def _open_if_vault(self, folder: Path) -> None:
        if is_vault(folder):
            self._choose("open", folder)
            return
        self.message.show_message(
            self.tr(
                "The folder “{name}” is not a Redress vault: a vault folder holds the files "
                "keyslots.json and vault.db. Choose the folder that contains them."
            ).format(name=short_folder_name(folder))
        )

    def on_last_button_clicked(self) -> None:
        """Open the vault used last time (if it is still there)."""
        if self.last_folder is not None:
            self._open_if_vault(self.last_folder)

    def on_create_button_clicked(self) -> None:
        """Go on to create a new vault."""
        self._choose("create")

    def on_open_button_clicked(self) -> None:
        """Ask for a vault folder and check that it is one."""
        start = str(self.last_folder.parent) if self.last_folder is not None else ""
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the vault folder"), start)
        forget_history()
        if not chosen:
            return
        self._open_if_vault(Path(chosen))

    def on_demo_button_clicked(self) -> None:
        """Go on to the demo vault."""
        self._choose("demo")
