"""SECURITY.md tests 12 and 13: tampering with any stored byte is detected; rollback is refused.

``vault.db``: 1,000 single-bit flips by default (5,000 with ``REDRESS_STRESS=1``) spread over
seven regions: the salt (first 16 bytes), the rest of page 1, page bodies, the IV and the HMAC
in each page's 80-byte reserve, the last page, and pages on the free list (found by decrypting
the free-list trunk with the data key, as a standard SQLCipher 4 reader would). Each trial copies
the closed database, flips one bit, runs ``Vault.open`` and ``vault.check()``. Accepted outcomes:
``VaultDamagedError`` at open, or a check report whose "SQLCipher page authentication" item
fails. Anything that opens and checks clean is a silent acceptance; there must be none. Page
swaps, truncation by k pages (and by part of a page) and appended pages are detected the same
way. Restoring an older ``vault.db`` (or an older backup over it) raises ``RollbackError`` and
changes nothing.

Attachments: bit flips, truncation, dropped, swapped, duplicated and appended chunks, a blob
moved to another attachment's name, and a missing blob all raise ``AttachmentError`` and make
``vault.check()`` report the attachment. ``keyslots.json``: every field edited, and random
single-bit flips, give ``WrongCredentialError``, ``VaultDamagedError`` or ``KdfParametersError``,
never an unlocked vault, and nothing is written.

A damaged page that the vault does not read while unlocking is reported by ``vault.check()`` as
a failed item (``check failed``), never as an escaping driver error.
"""

from __future__ import annotations

import base64
import io
import json
import random
import shutil
import struct
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from redress.models import attachments as blobs
from redress.models import cases
from redress.models.errors import (
    AttachmentError,
    KdfParametersError,
    RollbackError,
    VaultDamagedError,
    WrongCredentialError,
)
from redress.models.keyslots import Argon2Params
from redress.models.schema import Attachment, Case, Client, Note
from redress.models.vault import Passphrase, RecoveryKey, Vault
from tests.conftest import PASSPHRASE, NoKeychain
from tests.security.helpers import (
    STRESS,
    failed_items,
    open_with_recovery,
    tree_hashes,
    tree_names,
)

DB_FLIPS = 5000 if STRESS else 1000
PAGE = 4096
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512 at the end of every page
IV_AT = PAGE - RESERVE
HMAC_AT = PAGE - 64
SALT = 16
REGIONS = ("salt", "page-1", "body", "iv", "hmac", "last-page", "free-page")
DETECTED = ("refused at open", "check failed")


@dataclass(frozen=True)
class Source:
    """A closed vault with content, free pages and attachments, built once for the module.

    Attributes:
        folder: the vault folder (never modified by the tests).
        recovery: its recovery key.
        key: the raw data key.
        db: the bytes of ``vault.db``.
        free_pages: page numbers (1-based) on the free list.
    """

    folder: Path
    recovery: str
    key: bytes
    db: bytes
    free_pages: tuple[int, ...]

    @property
    def pages(self) -> int:
        """Pages in the file."""
        return len(self.db) // PAGE


def _decrypt_page(db: bytes, key: bytes, number: int) -> bytes:
    """A page's plaintext (AES-256-CBC with the IV from the reserve), as SQLCipher 4 stores it."""
    page = db[(number - 1) * PAGE : number * PAGE]
    start = SALT if number == 1 else 0
    decryptor = Cipher(algorithms.AES(key), modes.CBC(page[IV_AT:HMAC_AT])).decryptor()
    plain = decryptor.update(page[start:IV_AT]) + decryptor.finalize()
    return b"SQLite format 3\x00" + plain if number == 1 else plain


def _free_pages(db: bytes, key: bytes) -> tuple[int, ...]:
    header = _decrypt_page(db, key, 1)
    assert struct.unpack(">H", header[16:18])[0] == PAGE
    assert header[20] == RESERVE
    trunk, total = struct.unpack(">II", header[32:40])
    found: list[int] = []
    while trunk:
        page = _decrypt_page(db, key, trunk)
        following, count = struct.unpack(">II", page[:8])
        found += [trunk, *struct.unpack(f">{count}I", page[8 : 8 + 4 * count])]
        trunk = following
    assert len(found) == total
    return tuple(found)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    folder = tmp_path_factory.mktemp("tamper") / "vault"
    vault, recovery = Vault.create(folder, PASSPHRASE, kdf=Argon2Params(), keychain=NoKeychain())
    rng = random.Random("s12-source")
    with vault.transaction() as session:
        for n in range(40):
            case = cases.add_case(
                session,
                Case(
                    jurisdiction="US-NY",
                    client=Client(legal_name=f"Legal {n}", pseudonym=f"Client {n}"),
                ),
            )
            session.add(Note(case_id=case.id, body=f"note {n} " * rng.choice((5, 300, 1200))))
    with vault.transaction() as session:
        for case in session.execute(select(Case).limit(12)).scalars():
            cases.delete_case(session, case)
    key = bytes.fromhex(vault.reveal_data_key())
    vault.close()
    db = (folder / "vault.db").read_bytes()
    assert len(db) % PAGE == 0
    free = _free_pages(db, key)
    assert len(free) >= 5, "the source vault needs free pages"
    return Source(folder, recovery, key, db, free)


class Trial:
    """A scratch copy of the source vault whose ``vault.db`` each attempt replaces."""

    def __init__(self, source: Source, folder: Path) -> None:
        self.source = source
        self.folder = folder
        shutil.copytree(source.folder, folder)
        self.keyslots = (source.folder / "keyslots.json").read_bytes()

    def place(self, db: bytes) -> None:
        """Put ``db`` and the source's key-slot file in place, with no journal files."""
        for suffix in ("-wal", "-shm", "-journal"):
            (self.folder / f"vault.db{suffix}").unlink(missing_ok=True)
        (self.folder / "vault.db").write_bytes(db)
        (self.folder / "keyslots.json").write_bytes(self.keyslots)

    def attempt(self, db: bytes) -> str:
        """Put ``db`` in place, unlock and check; returns how (or whether) damage was caught."""
        self.place(db)
        try:
            vault = open_with_recovery(self.folder, self.source.recovery)
        except VaultDamagedError as exc:
            message = str(exc)
            if not any(word in message for word in ("damaged", "older", "belong")):
                return f"refused with an unclear message: {message}"
            return "refused at open"
        except Exception as exc:
            return f"open raised {type(exc).__module__}.{type(exc).__name__}"
        try:
            report = vault.check(attachments=False)
        except (sqlcipher3.dbapi2.DatabaseError, DBAPIError):
            return "check raised"
        finally:
            vault.close(backup=False)
        if report.ok:
            return "SILENT ACCEPTANCE"
        if "SQLCipher page authentication" not in failed_items(report):
            return "check failed without naming the page"
        return "check failed"


@pytest.fixture
def trial(source: Source, tmp_path: Path) -> Trial:
    return Trial(source, tmp_path / "trial")


def _offset(region: str, source: Source, rng: random.Random) -> int:
    if region == "salt":
        return rng.randrange(SALT)
    if region == "page-1":
        return rng.randrange(SALT, PAGE)
    if region == "last-page":
        return (source.pages - 1) * PAGE + rng.randrange(PAGE)
    if region == "free-page":
        return (rng.choice(source.free_pages) - 1) * PAGE + rng.randrange(PAGE)
    base = rng.randrange(1, source.pages) * PAGE
    if region == "body":
        return base + rng.randrange(IV_AT)
    if region == "iv":
        return base + IV_AT + rng.randrange(HMAC_AT - IV_AT)
    return base + HMAC_AT + rng.randrange(PAGE - HMAC_AT)


@pytest.mark.slow
def test_single_bit_flips_in_every_region_are_detected(source: Source, trial: Trial) -> None:
    rng = random.Random("s12-flips")
    outcomes: Counter[tuple[str, str]] = Counter()
    for n in range(DB_FLIPS):
        region = REGIONS[n % len(REGIONS)]
        offset = _offset(region, source, rng)
        damaged = bytearray(source.db)
        damaged[offset] ^= 1 << rng.randrange(8)
        outcomes[(region, trial.attempt(bytes(damaged)))] += 1
    summary = {f"{r}: {o}": n for (r, o), n in sorted(outcomes.items())}
    undetected = {key: n for key, n in summary.items() if key.split(": ", 1)[1] not in DETECTED}
    assert not undetected, f"flips not detected: {undetected}; all outcomes: {summary}"
    assert sum(outcomes.values()) == DB_FLIPS
    assert {r for r, _ in outcomes} == set(REGIONS)


def _swap(db: bytes, a: int, b: int) -> bytes:
    data = bytearray(db)
    data[(a - 1) * PAGE : a * PAGE], data[(b - 1) * PAGE : b * PAGE] = (
        db[(b - 1) * PAGE : b * PAGE],
        db[(a - 1) * PAGE : a * PAGE],
    )
    return bytes(data)


def test_page_swaps_truncation_and_extension_are_detected(source: Source, trial: Trial) -> None:
    rng = random.Random("s13-structure")
    n = source.pages
    cases_: dict[str, bytes] = {}
    pairs = [
        (1, 2),
        (2, 3),
        (n - 1, n),
        (2, n),
        *(tuple(rng.sample(range(1, n + 1), 2)) for _ in range(20)),
    ]
    pairs.append(tuple(source.free_pages[:2]))
    for a, b in pairs:
        cases_[f"swap {a}<->{b}"] = _swap(source.db, a, b)
    for k in (1, 2, 3, 5, n // 2, n - 1):
        cases_[f"truncate by {k} pages"] = source.db[: len(source.db) - k * PAGE]
    cases_["truncate by 100 bytes"] = source.db[:-100]
    cases_["truncate to the salt"] = source.db[:SALT]
    cases_["append a copied page"] = source.db + source.db[PAGE : 2 * PAGE]
    cases_["append a zero page"] = source.db + bytes(PAGE)
    cases_["a page replaced by zeros"] = source.db[: 4 * PAGE] + bytes(PAGE) + source.db[5 * PAGE :]
    cases_["a page from another position"] = (
        source.db[: 3 * PAGE] + source.db[7 * PAGE : 8 * PAGE] + source.db[4 * PAGE :]
    )
    results = {name: trial.attempt(db) for name, db in cases_.items()}
    bad = {name: result for name, result in results.items() if result not in DETECTED}
    assert not bad, bad


def test_check_reports_a_damaged_page_instead_of_raising(source: Source, trial: Trial) -> None:
    used = [p for p in range(2, source.pages + 1) if p not in source.free_pages]
    for page in reversed(used):
        damaged = bytearray(source.db)
        damaged[(page - 1) * PAGE + 100] ^= 0x10
        trial.place(bytes(damaged))
        try:
            vault = open_with_recovery(trial.folder, source.recovery)
        except VaultDamagedError:
            continue
        try:
            report = vault.check(attachments=False)
        finally:
            vault.close(backup=False)
        assert not report.ok
        assert "SQLCipher page authentication" in failed_items(report)
        return
    pytest.fail("every damaged page stopped the unlock; nothing to check")


# --- whole-file rollback (test 13) -------------------------------------------------------------


def _note(vault: Vault, text: str) -> None:
    with vault.transaction() as session:
        case = cases.add_case(
            session, Case(jurisdiction="US-NY", client=Client(legal_name=text, pseudonym=text))
        )
        session.add(Note(case_id=case.id, body=text))


@pytest.mark.parametrize(
    ("journal_mode", "stale"),
    [
        ("WAL", "older vault.db"),
        ("DELETE", "older vault.db"),
        ("WAL", "older backup"),
        ("DELETE", "older backup"),
    ],
)
def test_restoring_an_older_database_is_refused(
    tmp_path: Path, kdf: Argon2Params, journal_mode: str, stale: str
) -> None:
    folder = tmp_path / "vault"
    vault, recovery = Vault.create(
        folder, PASSPHRASE, kdf=kdf, keychain=NoKeychain(), journal_mode=journal_mode
    )
    _note(vault, "first session")
    vault.close()
    old = (folder / "vault.db").read_bytes()
    vault = open_with_recovery(folder, recovery, journal_mode)
    _note(vault, "second session")
    vault.close()
    vault = open_with_recovery(folder, recovery, journal_mode)
    _note(vault, "third session")
    vault.close()
    if stale == "older backup":
        old = vault.list_backups()[-1].path.read_bytes()
    (folder / "vault.db").write_bytes(old)
    hashes = tree_hashes(folder)
    names = tree_names(folder)
    with pytest.raises(RollbackError, match="older"):
        open_with_recovery(folder, recovery, journal_mode)
    with pytest.raises(RollbackError):
        Vault.open(folder, Passphrase(PASSPHRASE), keychain=NoKeychain(), journal_mode=journal_mode)
    assert tree_hashes(folder) == hashes, "a refused rollback changed a file"
    assert tree_names(folder) == names


# --- attachments -------------------------------------------------------------------------------


@pytest.fixture
def attached(vault: Vault) -> tuple[Vault, dict[str, Attachment]]:
    """A vault with a four-chunk, a one-chunk and an empty attachment."""
    rng = random.Random("s12-attachments")
    contents = {
        "big.bin": rng.randbytes(3 * blobs.CHUNK_SIZE + 12345),
        "small.txt": rng.randbytes(5000),
        "empty.txt": b"",
    }
    rows: dict[str, Attachment] = {}
    with vault.transaction() as session:
        case = cases.add_case(
            session, Case(jurisdiction="US-NY", client=Client(legal_name="L", pseudonym="P"))
        )
        for name, data in contents.items():
            rows[name] = cases.add_attachment(
                session, vault.attachments_dir, case, io.BytesIO(data), name
            )
    assert rows["big.bin"].chunks == 4
    return vault, rows


def _sealed_size(size: int) -> int:
    return size + blobs.TAG_BYTES


def _chunks(blob: bytes, row: Attachment) -> list[bytes]:
    body = blob[len(blobs.MAGIC) :]
    out = []
    for index in range(row.chunks):
        final = index == row.chunks - 1
        length = _sealed_size(row.size - index * row.chunk_size if final else row.chunk_size)
        out.append(body[:length])
        body = body[length:]
    assert body == b""
    return out


def _assert_refused(vault: Vault, row: Attachment, what: str) -> None:
    with pytest.raises(AttachmentError):
        blobs.read_all(vault.attachments_dir, cases.sealed(row))
    report = vault.check()
    assert failed_items(report) == ["attachments"], what


def test_attachment_tampering_is_detected(attached: tuple[Vault, dict[str, Attachment]]) -> None:
    vault, rows = attached
    big, small, empty = rows["big.bin"], rows["small.txt"], rows["empty.txt"]
    path = {name: vault.attachments_dir / row.blob for name, row in rows.items()}
    original = {name: p.read_bytes() for name, p in path.items()}
    chunks = _chunks(original["big.bin"], big)
    magic = blobs.MAGIC
    rng = random.Random("s12-blob-flips")
    edits: list[tuple[str, str, bytes]] = []
    for name in ("big.bin", "small.txt", "empty.txt"):
        data = original[name]
        for _ in range(60 if name != "big.bin" else 40):
            flipped = bytearray(data)
            flipped[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            edits.append((name, "bit flip", bytes(flipped)))
        edits += [
            (name, "truncated by 1 byte", data[:-1]),
            (name, "truncated by a tag", data[: -blobs.TAG_BYTES]),
            (name, "magic only", magic),
            (name, "empty file", b""),
            (name, "one byte appended", data + b"\x00"),
            (name, "a tag appended", data + data[-blobs.TAG_BYTES :]),
        ]
    edits += [
        ("big.bin", "first chunk dropped", magic + b"".join(chunks[1:])),
        ("big.bin", "middle chunk dropped", magic + b"".join(chunks[:1] + chunks[2:])),
        ("big.bin", "last chunk dropped", magic + b"".join(chunks[:-1])),
        ("big.bin", "chunks 0 and 1 swapped", magic + chunks[1] + chunks[0] + b"".join(chunks[2:])),
        (
            "big.bin",
            "chunks 1 and 2 swapped",
            magic + chunks[0] + chunks[2] + chunks[1] + chunks[3],
        ),
        ("big.bin", "a chunk duplicated", magic + chunks[0] + b"".join(chunks)[: -len(chunks[-1])]),
        ("big.bin", "a chunk appended", original["big.bin"] + chunks[1]),
        ("big.bin", "truncated by a chunk", original["big.bin"][: -len(chunks[-1])]),
        ("big.bin", "other magic", b"RDRSATT2" + original["big.bin"][len(magic) :]),
        ("small.txt", "another attachment's blob", original["empty.txt"]),
        ("empty.txt", "another attachment's blob", original["small.txt"]),
        ("big.bin", "another attachment's blob", original["small.txt"]),
    ]
    for name, what, data in edits:
        path[name].write_bytes(data)
        _assert_refused(vault, rows[name], f"{name}: {what}")
        path[name].write_bytes(original[name])
    # A blob moved onto another attachment's name (the original is gone).
    path["small.txt"].rename(path["big.bin"])
    _assert_refused(vault, big, "small.txt moved to big.bin's name")
    with pytest.raises(AttachmentError, match="missing"):
        blobs.read_all(vault.attachments_dir, cases.sealed(small))
    path["big.bin"].write_bytes(original["big.bin"])
    path["small.txt"].write_bytes(original["small.txt"])
    path["empty.txt"].unlink()
    with pytest.raises(AttachmentError, match="missing"):
        blobs.read_all(vault.attachments_dir, cases.sealed(empty))
    path["empty.txt"].write_bytes(original["empty.txt"])
    assert vault.check().ok
    for name, row in rows.items():
        assert len(blobs.read_all(vault.attachments_dir, cases.sealed(row))) == row.size, name


# --- the key-slot file -------------------------------------------------------------------------

KEYSLOT_REFUSALS = (WrongCredentialError, VaultDamagedError, KdfParametersError)
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _flip_char(text: str, rng: random.Random, alphabet: str) -> str:
    position = rng.randrange(len(text.rstrip("=")))
    choices = [c for c in alphabet if c != text[position]]
    return text[:position] + rng.choice(choices) + text[position + 1 :]


def _field_edits(original: dict[str, Any], rng: random.Random) -> list[tuple[str, Any]]:
    edits: list[tuple[str, dict]] = []
    for slot_index, slot in enumerate(original["slots"]):
        kind = slot["type"]
        for field in ("wrapped", "nonce"):
            for _ in range(3):
                data = json.loads(json.dumps(original))
                data["slots"][slot_index][field] = _flip_char(slot[field], rng, B64)
                edits.append((f"{kind}.{field}", data))
        for _ in range(3):
            data = json.loads(json.dumps(original))
            data["slots"][slot_index]["kdf"]["salt"] = _flip_char(slot["kdf"]["salt"], rng, B64)
            edits.append((f"{kind}.kdf.salt", data))
        data = json.loads(json.dumps(original))
        data["slots"][slot_index]["created"] = "2020-01-01T00:00:00Z"
        edits.append((f"{kind}.created", data))
    for field, value in (
        ("counter", int(original["counter"]) + 1),
        ("counter", int(original["counter"]) - 1),
        ("counter", 10**9),
        ("vault_id", "00000000-0000-4000-8000-000000000000"),
        ("mac", _flip_char(str(original["mac"]), rng, "0123456789abcdef")),
        ("mac", str(original["mac"]).upper()),
    ):
        data = json.loads(json.dumps(original))
        data[field] = value
        edits.append((field, data))
    for field, value in (("seq", original["audit"]["seq"] + 1), ("hash", "0" * 64)):
        data = json.loads(json.dumps(original))
        data["audit"][field] = value
        edits.append((f"audit.{field}", data))
    data = json.loads(json.dumps(original))
    data["slots"] = list(reversed(data["slots"]))
    edits.append(("slots reordered", data))
    data = json.loads(json.dumps(original))
    data["slots"][0]["type"], data["slots"][1]["type"] = (
        data["slots"][1]["type"],
        data["slots"][0]["type"],
    )
    edits.append(("slot types swapped", data))
    return edits


def test_keyslot_file_tampering_never_unlocks(new_vault: tuple[Vault, str]) -> None:
    vault, recovery = new_vault
    folder = vault.folder
    vault.close()
    path = folder / "keyslots.json"
    raw = path.read_bytes()
    original = json.loads(raw)
    rng = random.Random("s12-keyslots")
    attempts: list[tuple[str, bytes]] = [
        (what, json.dumps(data, indent=2, sort_keys=True).encode())
        for what, data in _field_edits(original, rng)
    ]
    for _ in range(300):
        flipped = bytearray(raw)
        flipped[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
        attempts.append(("bit flip", bytes(flipped)))
    passphrase_checked = 0
    for what, data in attempts:
        path.write_bytes(data)
        hashes = tree_hashes(folder)
        with pytest.raises(KEYSLOT_REFUSALS):
            Vault.open(folder, RecoveryKey(recovery), keychain=NoKeychain())
        if what.startswith("passphrase.") or (what == "bit flip" and passphrase_checked < 8):
            passphrase_checked += 1
            with pytest.raises(KEYSLOT_REFUSALS):
                Vault.open(folder, Passphrase(PASSPHRASE), keychain=NoKeychain())
        assert tree_hashes(folder) == hashes, what
    path.write_bytes(raw)
    Vault.open(folder, RecoveryKey(recovery), keychain=NoKeychain()).close(backup=False)
    # Re-serialising the same content (whitespace only) is not tampering.
    path.write_text(json.dumps(original, separators=(",", ":")))
    Vault.open(folder, RecoveryKey(recovery), keychain=NoKeychain()).close(backup=False)
    assert base64.b64decode(original["slots"][0]["nonce"])
