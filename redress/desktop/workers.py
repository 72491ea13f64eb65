"""Background operations: long work runs off the GUI thread, results come back as signals.

Modelled on Anki's ``CollectionOp``: a function runs in Qt's global thread pool; its result or
its (user-safe) error message is delivered on the GUI thread. Errors never carry case content:
a :class:`~redress.models.errors.RedressError` has a safe message by construction, and anything
else is reported by its type only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from redress.models.errors import RedressError

ProgressFn = Callable[[int, int], None]


def safe_message(exc: BaseException) -> str:
    """A message for the user that cannot contain case content."""
    if isinstance(exc, RedressError):
        from redress.desktop.model_messages import translated

        return translated(str(exc))
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        return QCoreApplication.translate(
            "Errors",
            "the vault database reported a %1; it may be damaged or the disk full. "
            "Run a check of the vault.",
        ).replace("%1", type(exc.orig).__name__)
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "Errors", "a file could not be read or written (%1)"
        ).replace("%1", exc.strerror or type(exc).__name__)
    return QCoreApplication.translate(
        "Errors", "an unexpected error occurred (%1); no case data was shown"
    ).replace("%1", type(exc).__name__)


class Operation(QObject):
    """One background task and its outcome.

    Signals:
        progress(int, int): done and total, from the task's ``progress`` callback.
        succeeded(object): the task's return value.
        failed(str): a user-safe error message.
        finished(): after ``succeeded`` or ``failed``.
    """

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()
    # Emitted from the worker thread; received by this object's slots in the GUI thread (queued,
    # because the receiver lives there), which re-emit the public signals on the GUI thread.
    _progress_from_worker = Signal(int, int)
    _done_from_worker = Signal(bool, object)

    def __init__(
        self, task: Callable[[ProgressFn, threading.Event], Any], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._task = task
        self.cancel_event = threading.Event()
        self.running = False
        self._progress_from_worker.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._done_from_worker.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    @Slot(bool, object)
    def _on_done(self, ok: bool, value: object) -> None:
        self.running = False
        # Drop the task (and whatever it captured, such as a passphrase) as soon as it is done.
        self._task = _finished_task
        if ok:
            self.succeeded.emit(value)
        else:
            self.failed.emit(str(value))
        self.finished.emit()
        _RUNNING.discard(self)

    def cancel(self) -> None:
        """Ask the task to stop at its next check of ``cancel_event``."""
        self.cancel_event.set()

    def start(self, pool: QThreadPool | None = None) -> Operation:
        """Run the task in ``pool`` (default: the global pool)."""
        self.running = True
        _RUNNING.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    def _run(self) -> None:
        try:
            result = self._task(self._progress_from_worker.emit, self.cancel_event)
        except BaseException as exc:  # reported, never raised into Qt's thread pool
            self._done_from_worker.emit(False, safe_message(exc))
        else:
            self._done_from_worker.emit(True, result)


# Operations are owned by Python, not by a Qt parent, so that finished ones are freed instead of
# piling up under a long-lived parent; this set keeps each alive while it runs.
_RUNNING: set[Operation] = set()


def _finished_task(_progress: ProgressFn, _cancel: threading.Event) -> None:
    raise RuntimeError("this operation has already run")


class _Runner(QRunnable):
    def __init__(self, operation: Operation) -> None:
        super().__init__()
        self._operation = operation
        self.setAutoDelete(True)

    def run(self) -> None:
        self._operation._run()


def run_in_background(
    task: Callable[[ProgressFn, threading.Event], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[str], None] | None = None,
) -> Operation:
    """Start ``task(progress, cancel_event)`` in the thread pool and wire its outcome."""
    operation = Operation(task)
    if on_success is not None:
        operation.succeeded.connect(on_success)
    if on_failure is not None:
        operation.failed.connect(on_failure)
    return operation.start()
