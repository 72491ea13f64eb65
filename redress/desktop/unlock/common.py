"""Pieces shared by the start, create and unlock dialogs: alerts, busy state, strength, folders."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface, QFont
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QLineEdit, QProgressBar, QWidget

APP_NAME = "Redress"
VAULT_FOLDER_NAME = "Vault"
DEMO_FOLDER_NAME = "Demo vault"

# The strength meter: length counts most, variety a little; never composition rules (NIST
# SP 800-63B-4). A passphrase reaches the full length score at this many characters...
METER_FULL_LENGTH = 30
# ...and the full variety score at this many different characters.
METER_FULL_VARIETY = 15
METER_LENGTH_SHARE = 70
# While the policy still refuses the passphrase, the meter never looks better than "weak".
METER_CAP_WHEN_REFUSED = 30

# Dark red on pale red: a contrast ratio above 7:1 (WCAG AAA), readable in light and dark themes.
ALERT_STYLE = (
    "color: #7a1616; background: #fde7e9; border: 1px solid #d98b91; border-radius: 4px; "
    "padding: 6px;"
)


def default_vault_folder() -> Path:
    """Where a new vault goes unless the user chooses otherwise (nothing is created here)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / VAULT_FOLDER_NAME


def default_demo_folder() -> Path:
    """Where the demo vault of fictional cases lives (nothing is created here)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DEMO_FOLDER_NAME


def passphrase_strength(passphrase: str, *, acceptable: bool) -> int:
    """A 0-100 score for the meter, from length and the number of different characters.

    Args:
        passphrase: the candidate as typed.
        acceptable: whether the policy accepts it; if not, the score is capped so that the meter
            never looks encouraging for a passphrase that will be refused.

    Returns:
        The score, 0 for an empty passphrase.
    """
    squeezed = "".join(passphrase.split())
    length_part = min(len(passphrase), METER_FULL_LENGTH) * METER_LENGTH_SHARE
    variety_part = min(len(set(squeezed.casefold())), METER_FULL_VARIETY) * (
        100 - METER_LENGTH_SHARE
    )
    score = length_part // METER_FULL_LENGTH + variety_part // METER_FULL_VARIETY
    if not acceptable:
        score = min(score, METER_CAP_WHEN_REFUSED)
    return max(0, min(100, score))


def as_sentence(message: str) -> str:
    """Turn a one-line error message (lower case, no full stop) into a displayed sentence."""
    text = message.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def short_folder_name(folder: Path, limit: int = 48) -> str:
    """The last component of ``folder`` only (never the full path), shortened if very long."""
    name = folder.name or str(folder)
    return name if len(name) <= limit else name[: limit - 1] + "…"


class AlertLabel(QLabel):
    """An inline message with the accessibility role of an alert, announced when it changes.

    Hidden while empty. Screen readers see its text as its accessible name and get an ``Alert``
    event each time a message is shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _install_alert_role()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(ALERT_STYLE)
        self.setAccessibleName("")
        self.hide()

    def show_message(self, message: str) -> None:
        """Show ``message`` (already translated and safe) and announce it."""
        self.setText(message)
        self.setAccessibleName(message)
        self.setVisible(bool(message))
        window = self.window()
        if message and window is not self:
            grow_to_fit(window)
        if message:
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def clear_message(self) -> None:
        """Hide the message."""
        self.show_message("")


_alert_factory_installed = False


def _alert_interface(key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, AlertLabel):
        return QAccessibleWidget(obj, QAccessible.Role.AlertMessage)
    return None


def _install_alert_role() -> None:
    global _alert_factory_installed
    if not _alert_factory_installed:
        QAccessible.installFactory(_alert_interface)
        _alert_factory_installed = True


def busy_bar(parent: QWidget, accessible_name: str) -> QProgressBar:
    """An indeterminate progress bar (hidden until work starts) for the key derivation's moment."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.setAccessibleName(accessible_name)
    bar.hide()
    return bar


def heading_font(base: QFont, *, scale: float = 1.4) -> QFont:
    """A bold, larger copy of ``base`` for a dialog's heading."""
    font = QFont(base)
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * scale)
    font.setBold(True)
    return font


def set_tab_chain(widgets: Sequence[QWidget]) -> None:
    """Make the tab order follow ``widgets``, which are listed in reading order."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` tall enough for its content at its current width (wrapped text grows)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else 0
    needed = max(needed, layout.totalSizeHint().height())
    if needed > window.height():
        window.resize(window.width(), needed)


def forget_text(edit: QLineEdit) -> None:
    """Empty a field that held a secret, undo history included.

    ``QLineEdit.clear()`` is undoable when the text is shown (Ctrl+Z would bring the secret back);
    ``setText`` starts a fresh history.
    """
    edit.setText("")
    edit.setModified(False)
