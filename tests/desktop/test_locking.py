"""Locking on the real objects over a real vault: idle, screen lock, clipboard, quick exit.

SECURITY.md tests 18 (auto-lock, with a fake clock and real D-Bus signals on a private bus),
19 (clipboard) and 20 (quick lock).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redress.desktop.controller import VaultController
from redress.desktop.locking import (
    CLIPBOARD_HINTS,
    IdleWatcher,
    LockCoordinator,
    ScreenLockListener,
    SecureClipboard,
    login1_session_path,
)
from redress.models.cases import add_case
from redress.models.schema import Case, Client
from redress.models.vault import Passphrase, Vault
from tests.conftest import PASSPHRASE, NoKeychain

SCREENSAVER = "session:org.freedesktop.ScreenSaver.ActiveChanged@/org/freedesktop/ScreenSaver"
SESSION_PATH = login1_session_path("2")


class FakeClock:
    """A monotonic clock the test moves by hand (KeePassXC ``MockClock``)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Locking:
    """The pieces wired as the main window wires them, over one controller."""

    def __init__(
        self, vault: Vault, clock: FakeClock, screen: ScreenLockListener | None = None
    ) -> None:
        self.controller = VaultController(keychain=NoKeychain())
        self.idle = IdleWatcher(clock=clock)
        self.screen = screen or ScreenLockListener()
        self.clipboard = SecureClipboard()
        self.coordinator = LockCoordinator(self.controller, self.idle, self.screen, self.clipboard)
        self.controller.adopt(vault)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def locking(qapp: QApplication, vault: Vault, clock: FakeClock) -> Iterator[Locking]:
    parts = Locking(vault, clock)
    yield parts
    parts.idle.stop()
    parts.controller.lock(quick=True)


def _files_open_under(folder: Path) -> list[str]:
    root = Path(os.path.realpath(folder))
    return [
        f.path
        for f in psutil.Process().open_files()
        if Path(os.path.realpath(f.path)).is_relative_to(root)
    ]


def _use(controller: VaultController) -> int:
    """A real read, so that pooled connections (open file handles) exist before the lock."""
    return controller.read(lambda s: s.scalar(select(func.count(Case.id))) or 0)


def _assert_really_locked(controller: VaultController, vault: Vault) -> None:
    assert not controller.is_unlocked
    assert not vault.is_open  # the key is gone
    assert vault.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    assert _files_open_under(vault.folder) == []


def _add_cases(vault: Vault, count: int) -> None:
    with vault.transaction() as session:
        for i in range(count):
            add_case(
                session,
                Case(
                    jurisdiction="GB-EWS",
                    client=Client(legal_name=f"Ioana Canary {i}", pseudonym=f"Client {i}"),
                ),
            )


# --- idle ----------------------------------------------------------------------------------------


def test_idle_timeout_locks_and_releases_everything(
    qtbot: QtBot, locking: Locking, vault: Vault, clock: FakeClock
) -> None:
    assert locking.idle.is_running
    _use(locking.controller)
    assert _files_open_under(vault.folder), "the open vault should hold its files"

    clock.advance(299)
    with qtbot.assertNotEmitted(locking.controller.locked):
        locking.idle.check()
    assert locking.controller.is_unlocked

    clock.advance(1.5)
    with qtbot.waitSignal(locking.controller.locked, timeout=1000):
        locking.idle.check()
    _assert_really_locked(locking.controller, vault)
    assert not locking.idle.is_running


def test_user_input_postpones_the_idle_lock(
    qtbot: QtBot, locking: Locking, clock: FakeClock
) -> None:
    field = QLineEdit()
    field.setAccessibleName("probe")
    qtbot.addWidget(field)
    field.show()

    clock.advance(200)
    qtbot.keyClicks(field, "abc")  # real key events through the application's event filter
    assert field.text() == "abc"  # the filter never swallows input
    clock.advance(200)  # 400 s since start, 200 s since the typing
    with qtbot.assertNotEmitted(locking.controller.locked):
        locking.idle.check()
    assert locking.controller.is_unlocked

    clock.advance(101)
    with qtbot.waitSignal(locking.controller.locked, timeout=1000):
        locking.idle.check()
    assert not locking.controller.is_unlocked


def test_mouse_input_counts_as_activity(qtbot: QtBot, qapp: QApplication, clock: FakeClock) -> None:
    watcher = IdleWatcher(timeout_s=10, clock=clock)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    watcher.start()
    try:
        clock.advance(9)
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        clock.advance(9)
        with qtbot.assertNotEmitted(watcher.idle):
            watcher.check()
        assert watcher.idle_seconds() == pytest.approx(9)
    finally:
        watcher.stop()


def test_custom_timeout(qtbot: QtBot, locking: Locking, clock: FakeClock) -> None:
    locking.idle.set_timeout(60)
    assert locking.idle.timeout_s == 60
    clock.advance(59)
    locking.idle.check()
    assert locking.controller.is_unlocked
    clock.advance(1)
    with qtbot.waitSignal(locking.controller.locked, timeout=1000):
        locking.idle.check()
    for bad in (0, -5, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="positive"):
            locking.idle.set_timeout(bad)
    assert locking.idle.timeout_s == 60


def test_idle_is_emitted_once_then_rearmed_by_activity(
    qtbot: QtBot, qapp: QApplication, clock: FakeClock
) -> None:
    watcher = IdleWatcher(timeout_s=30, clock=clock)
    watcher.start()
    try:
        clock.advance(31)
        with qtbot.waitSignal(watcher.idle, timeout=1000):
            watcher.check()
        clock.advance(100)
        with qtbot.assertNotEmitted(watcher.idle):
            watcher.check()
        watcher.note_activity()
        clock.advance(29)
        with qtbot.assertNotEmitted(watcher.idle):
            watcher.check()
        clock.advance(1)
        with qtbot.waitSignal(watcher.idle, timeout=1000):
            watcher.check()
        watcher.stop()
        watcher.note_activity()
        clock.advance(1000)
        with qtbot.assertNotEmitted(watcher.idle):
            watcher.check()  # a stopped watcher reports nothing
    finally:
        watcher.stop()


def test_the_watchers_own_timer_checks_every_second(
    qtbot: QtBot, qapp: QApplication, clock: FakeClock
) -> None:
    watcher = IdleWatcher(timeout_s=5, clock=clock)
    watcher.start()
    try:
        clock.advance(6)
        started = time.perf_counter()
        with qtbot.waitSignal(watcher.idle, timeout=2000):
            pass  # nobody calls check(): the timer must
        assert time.perf_counter() - started <= 1.5
    finally:
        watcher.stop()


def test_stop_removes_the_event_filter(qtbot: QtBot, qapp: QApplication, clock: FakeClock) -> None:
    watcher = IdleWatcher(timeout_s=10, clock=clock)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    watcher.start()
    watcher.stop()
    clock.advance(20)
    qtbot.keyClicks(field, "x")
    assert watcher.idle_seconds() == pytest.approx(20)  # typing after stop() is not seen


# --- screen lock -----------------------------------------------------------------------------


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A private D-Bus daemon of our own; yields its address."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None or shutil.which("dbus-send") is None:
        pytest.fail("dbus-daemon/dbus-send are missing: run `make system-deps` (package dbus)")
    out = subprocess.run(
        [daemon, "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    ).stdout.split()
    address, pid = out[0], int(out[1])
    try:
        yield address
    finally:
        os.kill(pid, signal.SIGTERM)


@pytest.fixture
def bus(qapp: QApplication, private_bus: str) -> Iterator[QDBusConnection]:
    name = f"redress-test-{uuid.uuid4().hex}"
    connection = QDBusConnection.connectToBus(private_bus, name)
    assert connection.isConnected(), connection.lastError().message()
    yield connection
    QDBusConnection.disconnectFromBus(name)


def _round_trip(connection: QDBusConnection) -> None:
    """A blocking call, so the bus has processed our match rules before a signal is sent."""
    reply = connection.call(
        QDBusMessage.createMethodCall(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId"
        )
    )
    assert reply.type() == QDBusMessage.MessageType.ReplyMessage


def _send(address: str, path: str, member: str, *args: str) -> None:
    subprocess.run(
        ["dbus-send", f"--bus={address}", "--type=signal", path, member, *args],
        check=True,
        timeout=10,
    )


def test_login1_session_paths_are_escaped_like_systemd() -> None:
    assert login1_session_path("2") == "/org/freedesktop/login1/session/_32"
    assert login1_session_path("c1") == "/org/freedesktop/login1/session/c1"
    assert login1_session_path("12") == "/org/freedesktop/login1/session/_312"
    assert login1_session_path("a-b") == "/org/freedesktop/login1/session/a_2db"


def test_screen_lock_signal_on_dbus_locks_within_a_second(
    qtbot: QtBot,
    qapp: QApplication,
    vault: Vault,
    clock: FakeClock,
    private_bus: str,
    bus: QDBusConnection,
) -> None:
    screen = ScreenLockListener(session_bus=bus)
    assert SCREENSAVER in screen.sources
    assert "session:org.gnome.ScreenSaver.ActiveChanged@/org/gnome/ScreenSaver" in screen.sources
    parts = Locking(vault, clock, screen)
    _use(parts.controller)
    _round_trip(bus)
    with qtbot.assertNotEmitted(parts.controller.locked, wait=200):
        _send(
            private_bus,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            "boolean:false",
        )
    assert parts.controller.is_unlocked

    started = time.perf_counter()
    with qtbot.waitSignal(parts.controller.locked, timeout=1000):
        _send(
            private_bus,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            "boolean:true",
        )
    assert time.perf_counter() - started <= 1.0
    _assert_really_locked(parts.controller, vault)


@pytest.mark.parametrize(
    ("path", "member"),
    [
        ("/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged"),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged"),
    ],
)
def test_other_screen_savers_are_heard(
    qtbot: QtBot, private_bus: str, bus: QDBusConnection, path: str, member: str
) -> None:
    screen = ScreenLockListener(session_bus=bus)
    _round_trip(bus)
    with qtbot.waitSignal(screen.screen_locked, timeout=2000):
        _send(private_bus, path, member, "boolean:true")


def test_sleep_and_session_lock_on_the_system_bus(
    qtbot: QtBot, private_bus: str, bus: QDBusConnection
) -> None:
    # The private bus stands in for the system bus, where logind lives.
    screen = ScreenLockListener(system_bus=bus, login_session_path=SESSION_PATH)
    assert screen.sources == [
        "system:org.freedesktop.login1.Manager.PrepareForSleep@/org/freedesktop/login1",
        f"system:org.freedesktop.login1.Session.Lock@{SESSION_PATH}",
    ]
    _round_trip(bus)
    with qtbot.assertNotEmitted(screen.screen_locked, wait=200):
        _send(
            private_bus,
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager.PrepareForSleep",
            "boolean:false",
        )
        _send(private_bus, login1_session_path("7"), "org.freedesktop.login1.Session.Lock")
    with qtbot.waitSignal(screen.screen_locked, timeout=2000):
        _send(
            private_bus,
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager.PrepareForSleep",
            "boolean:true",
        )
    with qtbot.waitSignal(screen.screen_locked, timeout=2000):
        _send(private_bus, SESSION_PATH, "org.freedesktop.login1.Session.Lock")


def test_listener_slots_drive_the_lock(qtbot: QtBot, locking: Locking) -> None:
    with qtbot.assertNotEmitted(locking.controller.locked):
        locking.screen.on_screensaver_active_changed(False)
        locking.screen.on_prepare_for_sleep(False)
    with qtbot.waitSignal(locking.controller.locked, timeout=1000):
        locking.screen.on_session_lock()
    with qtbot.assertNotEmitted(locking.controller.locked):
        locking.screen.on_prepare_for_sleep(True)  # already locked: nothing more to do


_HELPER = textwrap.dedent(
    """
    import subprocess, sys
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtDBus import QDBusConnection, QDBusMessage
    from redress.desktop.locking import ScreenLockListener

    app = QCoreApplication([])
    listener = ScreenLockListener()
    if sys.argv[1] == "sources":
        print("\\n".join(listener.sources))
        sys.exit(0)
    if sys.argv[2] not in listener.sources:
        sys.exit(3)
    QDBusConnection.sessionBus().call(QDBusMessage.createMethodCall(
        "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId"))
    heard = []
    listener.screen_locked.connect(lambda: (heard.append(True), app.quit()))
    subprocess.run(["dbus-send", "--session", "--type=signal", "/org/freedesktop/ScreenSaver",
                    "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:true"], check=True)
    QTimer.singleShot(2000, app.quit)
    app.exec()
    sys.exit(0 if heard else 4)
    """
)


def _run_helper(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _HELPER, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_default_listener_uses_the_session_bus(private_bus: str) -> None:
    # QDBusConnection.sessionBus() is made once per process from the environment: a subprocess.
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": private_bus}
    result = _run_helper(env, "signal", SCREENSAVER)
    assert result.returncode == 0, (result.returncode, result.stderr)


def test_no_dbus_means_no_sources_and_no_noise(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path}/no-session-bus"
    env["DBUS_SYSTEM_BUS_ADDRESS"] = f"unix:path={tmp_path}/no-system-bus"
    env["XDG_RUNTIME_DIR"] = str(tmp_path)
    result = _run_helper(env, "sources")
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "", "")


# --- clipboard -------------------------------------------------------------------------------


def test_copy_sets_the_no_history_hints(qtbot: QtBot, qapp: QApplication) -> None:
    secure = SecureClipboard()
    secure.copy("A-123-456-789")
    data = QGuiApplication.clipboard().mimeData()
    assert data is not None
    assert data.text() == "A-123-456-789"
    formats = data.formats()
    for fmt in (
        "x-kde-passwordManagerHint",
        "ExcludeClipboardContentFromMonitorProcessing",
        "CanIncludeInClipboardHistory",
        "CanUploadToCloudClipboard",
    ):
        assert fmt in formats
        assert bytes(data.data(fmt).data()) == CLIPBOARD_HINTS[fmt]
    assert bytes(data.data("x-kde-passwordManagerHint").data()) == b"secret"
    assert bytes(data.data("CanIncludeInClipboardHistory").data()) == b"\0\0\0\0"
    assert secure.clear_after_s == 30
    assert secure.clear()


def test_clipboard_is_cleared_after_the_delay(qtbot: QtBot, qapp: QApplication) -> None:
    secure = SecureClipboard(clear_after_s=0.1)
    secure.copy("safe contact 0770 900 123")
    assert QGuiApplication.clipboard().text() == "safe contact 0770 900 123"
    with qtbot.waitSignal(secure.cleared, timeout=2000):
        pass  # the timer, not the test, clears it
    assert QGuiApplication.clipboard().text() == ""
    assert not secure.is_pending


def test_clipboard_is_not_cleared_if_the_user_copied_something_else(
    qtbot: QtBot, qapp: QApplication
) -> None:
    secure = SecureClipboard()
    secure.copy("secret value")
    QGuiApplication.clipboard().setText("the user's own text")
    with qtbot.assertNotEmitted(secure.cleared):
        secure.expire_now()
    assert QGuiApplication.clipboard().text() == "the user's own text"
    with qtbot.assertNotEmitted(secure.cleared):
        assert not secure.clear()  # nor later, on lock


def test_a_new_copy_restarts_the_delay(qtbot: QtBot, qapp: QApplication) -> None:
    secure = SecureClipboard(clear_after_s=0.3)
    secure.copy("first")
    secure.copy("second")
    with qtbot.waitSignal(secure.cleared, timeout=2000):
        pass
    assert QGuiApplication.clipboard().text() == ""
    with pytest.raises(ValueError, match="positive"):
        secure.set_clear_after(0)


def test_clipboard_is_cleared_on_lock(qtbot: QtBot, locking: Locking) -> None:
    locking.clipboard.copy("Ioana Canary")
    with qtbot.waitSignal(locking.clipboard.cleared, timeout=1000):
        locking.controller.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_clipboard_is_cleared_on_quit(qtbot: QtBot, qapp: QApplication) -> None:
    secure = SecureClipboard()
    secure.copy("Ioana Canary")
    with qtbot.waitSignal(secure.cleared, timeout=1000):
        qapp.aboutToQuit.emit()
    assert QGuiApplication.clipboard().text() == ""


# --- quick exit and unlocking again ----------------------------------------------------------


def test_quick_exit_hides_every_window_and_drops_the_key_fast(
    qtbot: QtBot, locking: Locking, vault: Vault
) -> None:
    _add_cases(vault, 200)
    assert _use(locking.controller) == 200
    main = QMainWindow()
    qtbot.addWidget(main)
    main.setWindowTitle("Redress")
    main.show()
    other = QDialog()  # a window the caller does not know about
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(main)
    locking.clipboard.copy("Ioana Canary 7")

    started = time.perf_counter()
    with qtbot.waitSignal(locking.coordinator.quick_exited, timeout=1000):
        locking.coordinator.quick_exit([main])
    elapsed = time.perf_counter() - started

    assert elapsed <= 0.5, elapsed
    assert not main.isVisible()
    assert not other.isVisible()
    assert QGuiApplication.clipboard().text() == ""
    _assert_really_locked(locking.controller, vault)
    assert not locking.idle.is_running


def test_unlock_again_after_lock(
    qtbot: QtBot, locking: Locking, vault: Vault, clock: FakeClock
) -> None:
    _add_cases(vault, 3)
    clock.advance(301)
    with qtbot.waitSignal(locking.controller.locked, timeout=1000):
        locking.idle.check()
    assert not locking.controller.is_unlocked

    reopened = Vault.open(vault.folder, Passphrase(PASSPHRASE), keychain=NoKeychain())
    try:
        with qtbot.waitSignal(locking.controller.unlocked, timeout=1000):
            locking.controller.adopt(reopened)
        assert locking.controller.is_unlocked
        assert _use(locking.controller) == 3
        assert locking.idle.is_running  # the idle watch starts again with the vault
        clock.advance(301)
        with qtbot.waitSignal(locking.controller.locked, timeout=1000):
            locking.idle.check()
        _assert_really_locked(locking.controller, reopened)
    finally:
        reopened.close(backup=False)


def test_the_login_session_comes_from_xdg_session_id(
    monkeypatch: pytest.MonkeyPatch, bus: QDBusConnection
) -> None:
    monkeypatch.setenv("XDG_SESSION_ID", "2")
    screen = ScreenLockListener(system_bus=bus)
    assert f"system:org.freedesktop.login1.Session.Lock@{SESSION_PATH}" in screen.sources


def test_without_logind_only_sleep_is_heard(
    monkeypatch: pytest.MonkeyPatch, bus: QDBusConnection
) -> None:
    # No XDG_SESSION_ID and no logind to ask (the private bus has none): no session Lock source.
    monkeypatch.delenv("XDG_SESSION_ID", raising=False)
    screen = ScreenLockListener(system_bus=bus)
    assert screen.sources == [
        "system:org.freedesktop.login1.Manager.PrepareForSleep@/org/freedesktop/login1"
    ]
