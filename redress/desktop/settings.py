"""User interface settings: an allow-list of non-sensitive keys, nothing else is ever stored.

QSettings holds only UI state (SECURITY.md test 15): window geometry, the auto-lock delay, the
interface language, and the folder of the last vault opened (a location the user chose, not
case content). Any other key is refused, so no code path can leak case text into settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ALLOWED_KEYS = frozenset(
    {"window/geometry", "window/state", "lock/idle_minutes", "ui/language", "vault/last_folder"}
)
DEFAULT_IDLE_MINUTES = 5


class Settings:
    """Typed access to the allow-listed settings.

    Attributes:
        store: the QSettings object (INI format in the user's config folder).
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Redress", "Redress"
        )

    def _set(self, key: str, value: Any) -> None:
        if key not in ALLOWED_KEYS:
            raise KeyError(f"setting {key!r} is not on the allow-list")
        self.store.setValue(key, value)
        self.store.sync()

    @property
    def idle_minutes(self) -> int:
        """Minutes of inactivity before the vault locks (1–240)."""
        raw = self.store.value("lock/idle_minutes", DEFAULT_IDLE_MINUTES)
        try:
            value = int(str(raw))
        except ValueError:
            return DEFAULT_IDLE_MINUTES
        return min(max(value, 1), 240)

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        self._set("lock/idle_minutes", min(max(int(minutes), 1), 240))

    @property
    def last_folder(self) -> Path | None:
        """The last vault folder opened, if it still exists."""
        value = self.store.value("vault/last_folder", "")
        path = Path(str(value)) if value else None
        return path if path is not None and path.is_dir() else None

    @last_folder.setter
    def last_folder(self, folder: Path) -> None:
        self._set("vault/last_folder", str(folder))

    @property
    def language(self) -> str:
        """The interface language ("" = the system's)."""
        return str(self.store.value("ui/language", ""))

    @language.setter
    def language(self, code: str) -> None:
        self._set("ui/language", code)

    def geometry(self) -> QByteArray | None:
        """Saved window geometry."""
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, geometry: QByteArray) -> None:
        """Remember the window geometry."""
        self._set("window/geometry", geometry)
