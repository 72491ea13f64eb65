"""Guards on the Qt runtime itself and on the background-operation helper."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import threading
import weakref

from pytestqt.qtbot import QtBot

from redress.desktop.workers import Operation, run_in_background


def test_qt_calls_do_not_leak_references_to_none() -> None:
    # PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call, which aborts
    # the interpreter in a long session ("none_dealloc"); pyproject pins a version without it.
    code = textwrap.dedent(
        """
        import sys
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        before = sys.getrefcount(None)
        for _ in range(500):
            label.setText("x")
        print(sys.getrefcount(None) - before)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert int(result.stdout.strip()) >= -5


class _Secret:
    pass


def _start_with_secret(results: list[object]) -> tuple[Operation, weakref.ref[_Secret]]:
    secret = _Secret()

    def task(_progress: object, _cancel: threading.Event) -> int:
        return id(secret)

    return run_in_background(task, results.append), weakref.ref(secret)  # type: ignore[arg-type]


def test_operation_drops_its_task_and_captures_after_running(qtbot: QtBot) -> None:
    results: list[object] = []
    operation, ref = _start_with_secret(results)
    with qtbot.waitSignal(operation.finished, timeout=5000):
        pass
    assert results
    gc.collect()
    assert ref() is None


def test_failure_message_is_safe(qtbot: QtBot) -> None:
    def task(_progress: object, _cancel: threading.Event) -> None:
        raise ValueError("Maria Lopez's secret narrative")

    messages: list[str] = []
    operation = Operation(task)  # type: ignore[arg-type]
    operation.failed.connect(messages.append)
    with qtbot.waitSignal(operation.finished, timeout=5000):
        operation.start()
    assert messages == ["an unexpected error occurred (ValueError); no case data was shown"]
