"""Attachments encrypted at rest: AES-256-GCM in chunks, each bound to its file, index and end.

A blob is ``MAGIC`` followed by chunks of at most ``CHUNK_SIZE`` plaintext bytes, each sealed with
the file's own random key (kept in the encrypted database). The nonce is the chunk index, which
is safe because every key seals exactly one file once; the associated data is (blob id, chunk
index, final flag), as in KeePassXC's index-bound HMAC blocks, so flipped bits, swapped,
dropped or truncated chunks and a blob moved to another record all fail to decrypt. The
plaintext's SHA-256 and size are checked at the end as well.

Plaintext is never written to disk here: reading yields bytes in memory, and exporting a copy is a
separate, explicit act (:func:`export_to`).
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import secrets
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from redress.models.errors import AttachmentError
from redress.models.fsutil import TMP_SUFFIX, atomic_write_chunks, fsync_dir, open_private_new

MAGIC = b"RDRSATT1"
CHUNK_SIZE = 1024 * 1024
TAG_BYTES = 16
MAX_NAME_CHARS = 255


@dataclass(frozen=True)
class SealedBlob:
    """What the database records about a sealed blob.

    Attributes:
        blob: the file name inside ``attachments/`` (random, reveals nothing).
        file_key: the per-file AES-256 key.
        size: plaintext length in bytes.
        sha256: plaintext digest (hex).
        chunk_size: plaintext bytes per chunk.
        chunks: number of chunks.
    """

    blob: str
    file_key: bytes
    size: int
    sha256: str
    chunk_size: int
    chunks: int


def _nonce(index: int) -> bytes:
    return b"\x00\x00\x00\x00" + struct.pack(">Q", index)


def _aad(blob: str, index: int, final: bool) -> bytes:
    return b"redress-attachment-v1\x00" + blob.encode("ascii") + struct.pack(">Q?", index, final)


def _read_chunks(source: BinaryIO, chunk_size: int) -> Iterator[bytes]:
    """Yield ``chunk_size`` pieces; always at least one (possibly empty)."""
    piece = source.read(chunk_size)
    yield piece
    while True:
        nxt = source.read(chunk_size)
        if not nxt:
            return
        yield nxt


def seal(folder: Path, source: BinaryIO, *, chunk_size: int = CHUNK_SIZE) -> SealedBlob:
    """Encrypt ``source`` into a new blob in ``folder`` (atomic: temp, fsync, rename).

    Returns:
        The blob's name, key and checksums, for the caller to record in the same transaction.
    """
    blob = secrets.token_hex(16)
    key = AESGCM.generate_key(bit_length=256)
    aead = AESGCM(key)
    digest = hashlib.sha256()
    size = 0
    count = 0
    tmp = folder / f".{blob}{TMP_SUFFIX}"
    fd = open_private_new(tmp)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC)
            pending = None
            for piece in _read_chunks(source, chunk_size):
                if pending is not None:
                    out.write(
                        aead.encrypt(_nonce(count - 1), pending, _aad(blob, count - 1, False))
                    )
                digest.update(piece)
                size += len(piece)
                pending = piece
                count += 1
            assert pending is not None
            out.write(aead.encrypt(_nonce(count - 1), pending, _aad(blob, count - 1, True)))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, folder / blob)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(folder)
    return SealedBlob(blob, key, size, digest.hexdigest(), chunk_size, count)


def open_chunks(folder: Path, sealed: SealedBlob) -> Iterator[bytes]:
    """Decrypt a blob chunk by chunk, checking every tag, the order, the end and the digest.

    Raises:
        AttachmentError: the blob is missing, damaged, truncated, reordered or not this record's.
    """
    path = folder / sealed.blob
    damaged = AttachmentError(
        "an attachment is damaged or has been tampered with (integrity check failed)"
    )
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise AttachmentError("an attachment's encrypted file is missing from the vault") from None
    aead = AESGCM(sealed.file_key)
    digest = hashlib.sha256()
    size = 0
    with handle:
        if handle.read(len(MAGIC)) != MAGIC:
            raise damaged
        for index in range(sealed.chunks):
            final = index == sealed.chunks - 1
            expected = sealed.size - index * sealed.chunk_size if final else sealed.chunk_size
            if expected < 0 or expected > sealed.chunk_size:
                raise damaged
            sealed_piece = handle.read(expected + TAG_BYTES)
            try:
                piece = aead.decrypt(_nonce(index), sealed_piece, _aad(sealed.blob, index, final))
            except (InvalidTag, ValueError):
                raise damaged from None
            digest.update(piece)
            size += len(piece)
            yield piece
        if handle.read(1):
            raise damaged
    if size != sealed.size or digest.hexdigest() != sealed.sha256:
        raise damaged


def read_all(folder: Path, sealed: SealedBlob) -> bytes:
    """The whole plaintext, in memory, after every check has passed."""
    return b"".join(open_chunks(folder, sealed))


def verify(folder: Path, sealed: SealedBlob) -> None:
    """Decrypt and discard, to check integrity."""
    for _ in open_chunks(folder, sealed):
        pass


def export_to(destination: Path, chunks: Iterable[bytes]) -> None:
    """Write a decrypted copy to a place the user chose: owner-only, atomic, never partial."""
    atomic_write_chunks(destination, chunks)


def guess_media_type(name: str) -> str:
    """The media type for a file name (``application/octet-stream`` if unknown)."""
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def clean_name(name: str) -> str:
    """A display name without folders, control characters or excessive length."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    if not base or base in {".", ".."}:
        raise AttachmentError("an attachment needs a file name")
    return base[:MAX_NAME_CHARS]
