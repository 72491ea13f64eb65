"""Locking: idle timeout, the session's screen lock, clipboard clearing and quick exit.

SECURITY.md tests 18–20. The pieces are small Qt objects that only report or act on one
thing each; :class:`LockCoordinator` ties them to a :class:`VaultController`:

* :class:`IdleWatcher` says when the user has not touched the app for a while (KeePassXC
  ``InactivityTimer``; its clock is injectable so tests use a fake one, KeePassXC ``MockClock``).
* :class:`ScreenLockListener` says when the desktop session locks or the machine goes to sleep
  (KeePassXC ``ScreenLockListenerDBus``).
* :class:`SecureClipboard` copies a sensitive value with the hints that keep it out of clipboard
  managers and history, and clears it again after a while (KeePassXC ``Clipboard``).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import secrets
import struct
import sys
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    SLOT,
    QByteArray,
    QCoreApplication,
    QEvent,
    QMimeData,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from redress.desktop.controller import VaultController

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

Clock = Callable[[], float]

DEFAULT_IDLE_TIMEOUT_S = 300.0
DEFAULT_CLIPBOARD_CLEAR_S = 30.0

# What counts as the user doing something. Paint, timer and focus events do not: an
# auto-refreshing view must not keep the vault open.
_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


def _check_seconds(seconds: float) -> float:
    value = float(seconds)
    if not math.isfinite(value) or value <= 0:
        raise ValueError("the time must be a positive number of seconds")
    return value


# --- idle --------------------------------------------------------------------------------------


class IdleWatcher(QObject):
    """Reports when the user has not used the app for ``timeout_s`` seconds.

    While running, the watcher filters every event of the application (never swallowing one)
    and notes key, mouse, wheel, touch and tablet input as activity. A timer calls :meth:`check`
    every second, so ``idle`` comes at most a second after the timeout. ``idle`` is emitted once;
    the next activity (or :meth:`start`) re-arms it.

    Signals:
        idle(): no user input for ``timeout_s`` seconds.

    Attributes:
        CHECK_INTERVAL_MS: how often the timer calls :meth:`check`.
    """

    idle = Signal()

    CHECK_INTERVAL_MS = 1000

    def __init__(
        self,
        timeout_s: float = DEFAULT_IDLE_TIMEOUT_S,
        clock: Clock = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._timeout_s = _check_seconds(timeout_s)
        self._clock = clock
        self._last_activity = clock()
        self._fired = False
        self._running = False
        self._filtered_app: QCoreApplication | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(self.CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    @property
    def timeout_s(self) -> float:
        """Seconds without input after which ``idle`` is emitted."""
        return self._timeout_s

    @property
    def is_running(self) -> bool:
        """Whether the watcher is watching (between :meth:`start` and :meth:`stop`)."""
        return self._running

    def set_timeout(self, seconds: float) -> None:
        """Change the idle timeout; counts from the last activity, as before.

        Args:
            seconds: a positive number of seconds.

        Raises:
            ValueError: ``seconds`` is not a positive finite number.
        """
        self._timeout_s = _check_seconds(seconds)

    def idle_seconds(self) -> float:
        """Seconds since the last activity (by the watcher's clock)."""
        return max(0.0, self._clock() - self._last_activity)

    @Slot()
    def start(self) -> None:
        """Start watching; the idle time counts from now."""
        self.note_activity()
        if self._running:
            return
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            self._filtered_app = app
        self._timer.start()
        self._running = True

    @Slot()
    def stop(self) -> None:
        """Stop watching (the vault is locked: there is nothing to protect)."""
        self._timer.stop()
        if self._filtered_app is not None:
            self._filtered_app.removeEventFilter(self)
            self._filtered_app = None
        self._running = False

    @Slot()
    def note_activity(self) -> None:
        """Record user activity now; re-arms ``idle``."""
        self._last_activity = self._clock()
        self._fired = False

    @Slot()
    def check(self) -> None:
        """Emit ``idle`` if the timeout has passed since the last activity (once per idle spell)."""
        if not self._running or self._fired:
            return
        if self._clock() - self._last_activity >= self._timeout_s:
            self._fired = True
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Note user input as activity; never consumes the event."""
        if event.type() in _ACTIVITY_EVENTS:
            self._last_activity = self._clock()
            self._fired = False
        return False


# --- the session's screen lock -----------------------------------------------------------------

# (interface, object path) pairs of screen savers that emit ActiveChanged(bool).
_SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)
_LOGIN1_SERVICE = "org.freedesktop.login1"
_LOGIN1_PATH = "/org/freedesktop/login1"
_LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
_LOGIN1_SESSION = "org.freedesktop.login1.Session"
_LOGIN1_SESSION_PREFIX = "/org/freedesktop/login1/session/"


def login1_session_path(session_id: str) -> str:
    """The logind object path of a session id, escaped as systemd's ``sd_bus_path_encode`` does.

    Args:
        session_id: a logind session id such as ``"2"`` or ``"c1"``.

    Returns:
        The object path, e.g. ``/org/freedesktop/login1/session/_32`` for ``"2"``.
    """
    if not session_id:
        return _LOGIN1_SESSION_PREFIX + "_"
    out = []
    for index, char in enumerate(session_id):
        if (char.isascii() and char.isalpha()) or (index > 0 and char.isascii() and char.isdigit()):
            out.append(char)
        else:
            out.extend(f"_{byte:02x}" for byte in char.encode())
    return _LOGIN1_SESSION_PREFIX + "".join(out)


class ScreenLockListener(QObject):
    """Reports when the desktop session locks or the machine is about to sleep.

    On Linux it listens on D-Bus: ``ActiveChanged(true)`` of the freedesktop (KDE and others)
    and GNOME screen savers on the session bus, and logind's ``PrepareForSleep(true)`` and the
    ``Lock`` signal of this login session on the system bus. Where there is no bus (CI, other
    platforms) it connects to nothing, quietly; ``sources`` says what it listens to.

    Signals:
        screen_locked(): the screen locked or the machine is going to sleep.

    Attributes:
        sources: the D-Bus signals connected (``bus:interface.member@path``); empty if none.
    """

    screen_locked = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
        login_session_path: str | None = None,
    ) -> None:
        """Connect to the buses.

        Args:
            parent: the Qt parent.
            session_bus: the session bus to use (default: the process's session bus on Linux).
            system_bus: the system bus to use (default: the system bus on Linux).
            login_session_path: logind's object path for this session (default: from
                ``XDG_SESSION_ID``, else asked of logind).
        """
        super().__init__(parent)
        self.sources: list[str] = []
        explicit = session_bus is not None or system_bus is not None
        if not explicit and not sys.platform.startswith("linux"):
            return
        if QCoreApplication.instance() is None:
            return  # Qt warns about a bus used before the application exists
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a PySide6 build without QtDBus
            return
        if not explicit:
            session_bus = QDBusConnection.sessionBus()
            system_bus = QDBusConnection.systemBus()
        if session_bus is not None and session_bus.isConnected():
            self._listen_session(session_bus)
        if system_bus is not None and system_bus.isConnected():
            self._listen_system(system_bus, login_session_path)

    def _connect(
        self, bus: QDBusConnection, label: str, path: str, interface: str, member: str, slot: str
    ) -> None:
        # PySide6 wants SLOT()'s str here, though its stub says bytes.
        if bus.connect("", path, interface, member, self, SLOT(slot)):  # type: ignore[call-overload]
            self.sources.append(f"{label}:{interface}.{member}@{path}")

    def _listen_session(self, bus: QDBusConnection) -> None:
        for interface, path in _SCREENSAVERS:
            self._connect(
                bus,
                "session",
                path,
                interface,
                "ActiveChanged",
                "on_screensaver_active_changed(bool)",
            )

    def _listen_system(self, bus: QDBusConnection, session_path: str | None) -> None:
        self._connect(
            bus,
            "system",
            _LOGIN1_PATH,
            _LOGIN1_MANAGER,
            "PrepareForSleep",
            "on_prepare_for_sleep(bool)",
        )
        session_path = session_path or self._own_login_session(bus)
        if session_path:
            self._connect(bus, "system", session_path, _LOGIN1_SESSION, "Lock", "on_session_lock()")

    @staticmethod
    def _own_login_session(bus: QDBusConnection) -> str | None:
        session_id = os.environ.get("XDG_SESSION_ID")
        if session_id:
            return login1_session_path(session_id)
        from PySide6.QtDBus import QDBus, QDBusMessage

        # "auto": logind resolves the caller's own session (or its display session).
        call = QDBusMessage.createMethodCall(
            _LOGIN1_SERVICE, _LOGIN1_PATH, _LOGIN1_MANAGER, "GetSession"
        )
        call.setArguments(["auto"])
        reply = bus.call(call, QDBus.CallMode.Block, 500)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return None
        found = reply.arguments()[0]
        path = found.path() if hasattr(found, "path") else found
        return path if isinstance(path, str) and path.startswith(_LOGIN1_SESSION_PREFIX) else None

    @Slot(bool)
    def on_screensaver_active_changed(self, active: bool) -> None:
        """A screen saver started (``True``) or stopped (``False``)."""
        if active:
            self.screen_locked.emit()

    @Slot(bool)
    def on_prepare_for_sleep(self, sleeping: bool) -> None:
        """The machine is about to sleep (``True``) or has woken (``False``)."""
        if sleeping:
            self.screen_locked.emit()

    @Slot()
    def on_session_lock(self) -> None:
        """The login manager asked this session to lock."""
        self.screen_locked.emit()


# --- clipboard -------------------------------------------------------------------------------

_NO = struct.pack("<I", 0)  # a Windows DWORD 0

#: MIME formats that keep a copied secret out of clipboard managers, history and cloud sync.
CLIPBOARD_HINTS: dict[str, bytes] = {
    # KDE Klipper (and others that follow it) do not record the entry.
    "x-kde-passwordManagerHint": b"secret",
    # Windows: clipboard monitors skip it; history (Win+V) and cloud clipboard leave it out.
    "ExcludeClipboardContentFromMonitorProcessing": b"",
    "CanIncludeInClipboardHistory": _NO,
    "CanUploadToCloudClipboard": _NO,
}


class SecureClipboard(QObject):
    """Copies a sensitive value and clears it again after ``clear_after_s`` or on lock and quit.

    The clipboard is cleared only if it still holds what we copied: if the user has copied
    something else since, that is left alone. Only a keyed digest of the copied text is kept.

    Signals:
        cleared(): the clipboard was cleared of a value copied here.
    """

    cleared = Signal()

    def __init__(
        self, clear_after_s: float = DEFAULT_CLIPBOARD_CLEAR_S, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._digest_key = secrets.token_bytes(32)
        self._copied: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.expire_now)
        self.set_clear_after(clear_after_s)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clear)

    @property
    def clear_after_s(self) -> float:
        """Seconds after a copy when the clipboard is cleared."""
        return self._timer.interval() / 1000

    @property
    def is_pending(self) -> bool:
        """Whether a value copied here may still be on the clipboard."""
        return self._copied is not None

    def set_clear_after(self, seconds: float) -> None:
        """Change the delay before a copied value is cleared (applies to the next copy).

        Args:
            seconds: a positive number of seconds.

        Raises:
            ValueError: ``seconds`` is not a positive finite number.
        """
        self._timer.setInterval(max(1, round(_check_seconds(seconds) * 1000)))

    def _digest(self, text: str) -> bytes:
        return hmac.digest(self._digest_key, text.encode("utf-8", "surrogatepass"), hashlib.sha256)

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard with the no-history hints and start the clear timer.

        Args:
            text: the value to copy.
        """
        mime = QMimeData()
        mime.setText(text)
        for fmt, data in CLIPBOARD_HINTS.items():
            mime.setData(fmt, QByteArray(data))
        QGuiApplication.clipboard().setMimeData(mime, QClipboard.Mode.Clipboard)
        self._copied = self._digest(text)
        self._timer.start()

    @Slot()
    def expire_now(self) -> None:
        """Do now what the timer does when it fires (clear, if the value is still ours)."""
        self.clear()

    @Slot()
    def clear(self) -> bool:
        """Clear the clipboard if it still holds the value copied here (on lock and quit).

        Returns:
            Whether the clipboard was cleared.
        """
        self._timer.stop()
        copied, self._copied = self._copied, None
        if copied is None:
            return False
        clipboard = QGuiApplication.clipboard()
        if not hmac.compare_digest(self._digest(clipboard.text(QClipboard.Mode.Clipboard)), copied):
            return False
        clipboard.clear(QClipboard.Mode.Clipboard)
        self.cleared.emit()
        return True


# --- tying it together ---------------------------------------------------------------------------


class LockCoordinator(QObject):
    """Locks the vault on idle, screen lock and quick exit; clears the clipboard on lock.

    Signals:
        quick_exited(): every window was hidden and the vault locked by :meth:`quick_exit`.

    Attributes:
        controller: the vault controller it locks.
        idle: the idle watcher (its timeout is the user's auto-lock setting).
        screen: the screen-lock listener.
        clipboard: the clipboard that copies of sensitive fields go through.
    """

    quick_exited = Signal()

    def __init__(
        self,
        controller: VaultController,
        idle: IdleWatcher,
        screen: ScreenLockListener,
        clipboard: SecureClipboard,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.idle = idle
        self.screen = screen
        self.clipboard = clipboard
        idle.idle.connect(self.on_idle_watcher_idle)
        screen.screen_locked.connect(self.on_screen_locked)
        controller.locked.connect(self.on_controller_locked)
        controller.unlocked.connect(self.on_controller_unlocked)
        if controller.is_unlocked:
            idle.start()

    def _lock(self) -> None:
        if self.controller.is_unlocked:
            self.controller.lock()

    @Slot()
    def on_idle_watcher_idle(self) -> None:
        """The user has been idle for the timeout: lock."""
        self._lock()

    @Slot()
    def on_screen_locked(self) -> None:
        """The session locked or the machine is going to sleep: lock."""
        self._lock()

    @Slot()
    def on_controller_locked(self) -> None:
        """The vault locked (for whatever reason): clear the clipboard, stop the idle watch."""
        self.clipboard.clear()
        self.idle.stop()

    @Slot()
    def on_controller_unlocked(self) -> None:
        """A vault was opened: start the idle watch."""
        self.idle.start()

    def quick_exit(self, windows: Iterable[QWidget] = ()) -> None:
        """Hide every window at once, clear the clipboard, and lock without the closing backup.

        Args:
            windows: windows to hide first (every top-level widget of the app is hidden too).
        """
        for window in windows:
            window.hide()
        if isinstance(QCoreApplication.instance(), QApplication):
            for widget in QApplication.topLevelWidgets():
                if widget.isVisible():
                    widget.hide()
        self.clipboard.clear()
        self.controller.lock(quick=True)
        self.quick_exited.emit()
