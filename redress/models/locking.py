"""An exclusive lock on the vault folder: a second process gets a clear refusal (SECURITY 25)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from redress.models.errors import VaultInUseError
from redress.models.fsutil import private_umask

IN_USE = (
    "this vault is already open in another Redress window or process; close it there first "
    "(nothing was changed)"
)


class VaultLock:
    """An advisory, exclusive, non-blocking lock held for as long as a vault is open.

    ``flock`` (POSIX) and ``msvcrt.locking`` (Windows) locks are released by the operating system
    when the process dies, so a crash never leaves the vault locked.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`VaultInUseError`."""
        with private_umask():
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":  # pragma: no cover
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise VaultInUseError(IN_USE) from None
        self._fd = fd

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None

    def release(self) -> None:
        """Let go of the lock (idempotent)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            if sys.platform == "win32":  # pragma: no cover
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
