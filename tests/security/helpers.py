"""Shared helpers for the security and reliability tests (SECURITY.md sections 8 and 9).

Everything here works on real SQLCipher vaults on disk; nothing mocks storage.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import select
import signal
import struct
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redress.models.database import JournalMode
from redress.models.vault import RecoveryKey, Vault
from tests.conftest import NoKeychain

STRESS = os.environ.get("REDRESS_STRESS") == "1"


def tree_hashes(folder: Path, *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """SHA-256 of every file under ``folder``, keyed by relative path."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel not in skip:
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def tree_names(folder: Path) -> set[str]:
    """Relative paths of every file and folder under ``folder``."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def stale_temporaries(folder: Path) -> list[str]:
    """Temporary files an interrupted atomic write left anywhere in the vault folder."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.tmp"))


def open_with_recovery(folder: Path, recovery: str, journal_mode: JournalMode = "WAL") -> Vault:
    """Unlock with the recovery key (HKDF: no Argon2 cost), without a keychain."""
    return Vault.open(
        folder, RecoveryKey(recovery), keychain=NoKeychain(), journal_mode=journal_mode
    )


def raw_integrity(vault: Vault) -> tuple[list[Any], list[str]]:
    """``PRAGMA cipher_integrity_check`` rows and ``PRAGMA integrity_check`` rows."""
    with vault.engine.connect() as conn:
        raw: Any = conn.connection.dbapi_connection
        cipher = raw.execute("PRAGMA cipher_integrity_check").fetchall()
        integrity = [row[0] for row in raw.execute("PRAGMA integrity_check").fetchall()]
    return cipher, integrity


def failed_items(report: Any) -> list[str]:
    """Names of the failed items of a ``CheckReport``."""
    return [item.name for item in report.items if not item.ok]


# --- child processes killed with SIGKILL -------------------------------------------------------

READY = -1
DONE = -2
FAILED = -3
_MSG = struct.Struct("<q")


@dataclass
class KillResult:
    """What the parent learnt from one child that it killed.

    Attributes:
        acks: every number the child reported, in order (commits, or markers).
        ready: whether the child said it was ready before it died.
        killed: whether the child died of the parent's SIGKILL (not on its own).
        done: whether the child finished its body before the kill.
        error: the child's traceback if it failed on its own.
        delay: the delay used (seconds).
    """

    acks: list[int] = field(default_factory=list)
    ready: bool = False
    killed: bool = False
    done: bool = False
    error: str = ""
    delay: float = 0.0


class ChildReporter:
    """The child's end of the pipe: fixed-size messages, each one atomic (< PIPE_BUF)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def send(self, value: int) -> None:
        """Report a number to the parent."""
        os.write(self._fd, _MSG.pack(value))


def run_and_kill(
    body: Callable[[ChildReporter], None],
    *,
    delay: float,
    error_file: Path,
    from_ready: bool = True,
    wait_for: int = READY,
    ready_timeout: float = 30.0,
) -> KillResult:
    """Fork a child running ``body``, SIGKILL it ``delay`` seconds later, collect its reports.

    Args:
        body: what the child runs; it reports with ``reporter.send`` (``READY`` when set up).
        delay: seconds between the start signal and the kill.
        error_file: where the child writes its traceback if it fails on its own.
        from_ready: count the delay from the child's ``wait_for`` message (else from the fork).
        wait_for: the message that starts the delay clock.
        ready_timeout: how long to wait for that message.

    Returns:
        The child's reports and how it ended.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        status = 0
        try:
            os.close(read_fd)
            reporter = ChildReporter(write_fd)
            body(reporter)
            reporter.send(DONE)
        except BaseException:
            status = 3
            with contextlib.suppress(BaseException):
                error_file.write_text(traceback.format_exc())
                os.write(write_fd, _MSG.pack(FAILED))
        finally:
            os._exit(status)
    os.close(write_fd)
    result = KillResult(delay=delay)
    buffer = b""

    def drain(timeout: float) -> bool:
        """Read what is there; return False at end of file."""
        nonlocal buffer
        ready, _, _ = select.select([read_fd], [], [], max(timeout, 0.0))
        if not ready:
            return True
        chunk = os.read(read_fd, 65536)
        if not chunk:
            return False
        buffer += chunk
        while len(buffer) >= _MSG.size:
            (value,) = _MSG.unpack(buffer[: _MSG.size])
            buffer = buffer[_MSG.size :]
            if value == READY:
                result.ready = True
            result.acks.append(value)
        return True

    try:
        start = time.monotonic()
        if from_ready:
            deadline = start + ready_timeout
            alive = True
            while alive and time.monotonic() < deadline:
                if {wait_for, FAILED, DONE} & set(result.acks):
                    break
                alive = drain(deadline - time.monotonic())
            start = time.monotonic()
        end = start + delay
        alive = True
        while alive and (now := time.monotonic()) < end:
            alive = drain(end - now)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        eof_deadline = time.monotonic() + 10.0
        while drain(eof_deadline - time.monotonic()) and time.monotonic() < eof_deadline:
            pass
    finally:
        os.close(read_fd)
        _, status = os.waitpid(pid, 0)
    result.killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    if FAILED in result.acks:
        result.error = error_file.read_text() if error_file.exists() else "child failed"
    result.done = DONE in result.acks
    result.acks = [a for a in result.acks if a >= 0]
    return result


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    """Run a block under a given process umask."""
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)
