"""File-system helpers: owner-only files from creation, atomic replacement, directory fsync.

Atomic writes follow Electrum's ``storage.write`` and KeePassXC's ``QSaveFile``: write a 0600
temporary file in the destination's directory, fsync it, ``os.replace`` it over the destination,
then fsync the directory. Until the rename the previous file is untouched, so a crash leaves
either the old or the new content, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
TMP_SUFFIX = ".tmp"


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Create files as owner-only while the block runs (SECURITY.md test 24)."""
    if sys.platform == "win32":  # pragma: no cover - ACLs are inherited from the profile folder
        yield
        return
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (no-op where folders can't be opened)."""
    if sys.platform == "win32":  # pragma: no cover
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) as owner-only; tighten an existing folder we own."""
    with private_umask():
        path.mkdir(parents=True, exist_ok=True)
    if sys.platform != "win32":
        os.chmod(path, PRIVATE_DIR_MODE)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably, as an owner-only file."""
    atomic_write_chunks(path, (data,))


def atomic_write_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """Replace ``path`` with the concatenated ``chunks``, atomically and as an owner-only file.

    If producing a chunk raises (an attachment failing its integrity check mid-way, say), the
    temporary file is removed and ``path`` is untouched: the destination is never partial.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}{TMP_SUFFIX}")
    fd = open_private_new(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def open_private_new(path: Path) -> int:
    """Open a new owner-only file for writing, failing if it exists; returns a descriptor."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    with private_umask():
        return os.open(path, flags, PRIVATE_FILE_MODE)


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files an interrupted atomic write left behind; returns how many."""
    removed = 0
    for candidate in folder.glob(f".*{TMP_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()
            removed += 1
    return removed
