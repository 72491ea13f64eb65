"""Key slots: the vault's random data key, wrapped (AES-256-GCM) under several credentials.

Like LUKS, the database is encrypted with one random 256-bit data key that never changes when a
passphrase does. The key-slot file holds that key wrapped by:

- a **passphrase** slot: Argon2id (RFC 9106; at least 64 MiB, t=3, p=4; parameters are recorded
  in the slot and checked against bounds *before* any derivation runs);
- a **recovery** slot: a 184-bit random code shown once, stretched with HKDF (it is already
  high-entropy), with a checksum so that a mistyped code is reported as mistyped;
- an optional **device** slot whose 256-bit secret sits in the operating system's keychain.

Every wrap uses AES-256-GCM with the slot's type, KDF parameters and the vault id as associated
data, so parameters cannot be swapped between slots. The file as a whole (including the rollback
counter and the audit-log anchor) is authenticated with an HMAC keyed from the data key, checked
after a slot opens. All primitives come from ``cryptography``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
import unicodedata
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from redress.models.errors import (
    KdfParametersError,
    VaultDamagedError,
    WeakPassphraseError,
    WrongCredentialError,
)
from redress.models.fsutil import atomic_write

FORMAT = "redress-keyslots"
FORMAT_VERSION = 1
DATA_KEY_BYTES = 32

# Argon2id bounds (SECURITY.md test 10). Below the floor is too weak; above the ceiling a
# tampered file could make every unlock exhaust memory or time (a denial of service).
ARGON2_MIN_MEMORY_KIB = 64 * 1024
ARGON2_MAX_MEMORY_KIB = 1024 * 1024
ARGON2_MIN_ITERATIONS = 3
ARGON2_MAX_ITERATIONS = 16
ARGON2_LANES = 4
SALT_BYTES = 16

# NIST SP 800-63B-4: at least 15 characters for a password used on its own, no composition rules,
# at least 64 allowed, every Unicode character allowed after normalisation, and a blocklist.
PASSPHRASE_MIN_CHARS = 15
PASSPHRASE_MAX_CHARS = 1024

RECOVERY_RANDOM_BYTES = 23
RECOVERY_CHECK_BYTES = 2

SlotType = Literal["passphrase", "recovery", "device"]
_ARGON2_LOCK = threading.Lock()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise VaultDamagedError(f"the key-slot file is damaged ({what} is missing)")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise VaultDamagedError(f"the key-slot file is damaged ({what} is not base64)") from None


def canonical_json(value: Any) -> bytes:
    """Serialise ``value`` deterministically (sorted keys, no spaces, UTF-8)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


# --- passphrases ------------------------------------------------------------------------------


def normalize_passphrase(passphrase: str) -> bytes:
    """NFKC-normalise a passphrase and encode it, so equivalent spellings unlock alike."""
    return unicodedata.normalize("NFKC", passphrase).encode("utf-8", "surrogatepass")


def _blocklist() -> frozenset[str]:
    text = (
        resources.files("redress.resources")
        .joinpath("security/passphrase-blocklist.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        line.strip().casefold() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def passphrase_problems(passphrase: str, context_words: tuple[str, ...] = ()) -> list[str]:
    """Return why a *new* passphrase is not acceptable (an empty list means it is fine).

    The policy is NIST SP 800-63B-4's: length, a blocklist of common and context-specific
    choices, no composition rules (no "must contain a digit").

    Args:
        passphrase: the candidate.
        context_words: words specific to this context (for example the vault's folder name).

    Returns:
        Human-readable reasons, none of which repeat the passphrase.
    """
    normal = unicodedata.normalize("NFKC", passphrase)
    problems: list[str] = []
    length = len(normal)
    if length < PASSPHRASE_MIN_CHARS:
        problems.append(
            f"use at least {PASSPHRASE_MIN_CHARS} characters (this has {length}); "
            "several unrelated words make a passphrase that is long and easy to remember"
        )
    if length > PASSPHRASE_MAX_CHARS:
        problems.append(f"use at most {PASSPHRASE_MAX_CHARS} characters")
    folded = normal.casefold()
    squeezed = "".join(folded.split())
    if folded.strip() in _blocklist() or squeezed in _blocklist():
        problems.append("this passphrase is on a list of commonly used ones")
    elif length >= PASSPHRASE_MIN_CHARS and len(set(squeezed)) < 5:
        problems.append("this passphrase repeats too few different characters")
    for word in context_words:
        word_folded = word.casefold().strip()
        if word_folded and len(word_folded) >= 4 and squeezed == "".join(word_folded.split()):
            problems.append("do not use the vault's own name as its passphrase")
    return problems


def check_new_passphrase(passphrase: str, context_words: tuple[str, ...] = ()) -> None:
    """Raise :class:`WeakPassphraseError` if ``passphrase`` fails the policy."""
    problems = passphrase_problems(passphrase, context_words)
    if problems:
        raise WeakPassphraseError("passphrase not accepted: " + "; ".join(problems))


# --- recovery keys ----------------------------------------------------------------------------

_B32_FIX = str.maketrans({"0": "O", "1": "I", "8": "B"})


def new_recovery_key() -> str:
    """Make a recovery key: 184 random bits and a 16-bit checksum, as ten groups of four."""
    body = secrets.token_bytes(RECOVERY_RANDOM_BYTES)
    check = hashlib.sha256(body).digest()[:RECOVERY_CHECK_BYTES]
    text = base64.b32encode(body + check).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Turn a typed recovery key back into its secret, tolerating spaces, dashes and case.

    Raises:
        WrongCredentialError: the text is not a well-formed recovery key (checksum or length).
    """
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_B32_FIX)
    try:
        raw = base64.b32decode(cleaned.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise WrongCredentialError(
            "that is not a recovery key: it should be 40 letters and digits in groups of four"
        ) from None
    if len(raw) != RECOVERY_RANDOM_BYTES + RECOVERY_CHECK_BYTES:
        raise WrongCredentialError(
            "that is not a recovery key: it should be 40 letters and digits in groups of four"
        )
    body, check = raw[:RECOVERY_RANDOM_BYTES], raw[RECOVERY_RANDOM_BYTES:]
    if not hmac.compare_digest(hashlib.sha256(body).digest()[:RECOVERY_CHECK_BYTES], check):
        raise WrongCredentialError("the recovery key looks mistyped: its checksum does not match")
    return body


# --- KDF parameters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id parameters recorded in a passphrase slot.

    Attributes:
        memory_kib: memory cost in KiB.
        iterations: time cost (passes).
        lanes: parallelism.
        salt: 16 random bytes.
    """

    memory_kib: int = ARGON2_MIN_MEMORY_KIB
    iterations: int = ARGON2_MIN_ITERATIONS
    lanes: int = ARGON2_LANES
    salt: bytes = field(default_factory=lambda: secrets.token_bytes(SALT_BYTES))

    def check_bounds(self) -> None:
        """Refuse parameters outside the accepted range, before any work is done."""
        if not ARGON2_MIN_MEMORY_KIB <= self.memory_kib <= ARGON2_MAX_MEMORY_KIB:
            raise KdfParametersError(
                "the passphrase slot asks for Argon2id memory outside "
                f"{ARGON2_MIN_MEMORY_KIB // 1024}-{ARGON2_MAX_MEMORY_KIB // 1024} MiB; refusing"
            )
        if not ARGON2_MIN_ITERATIONS <= self.iterations <= ARGON2_MAX_ITERATIONS:
            raise KdfParametersError(
                "the passphrase slot asks for Argon2id iterations outside "
                f"{ARGON2_MIN_ITERATIONS}-{ARGON2_MAX_ITERATIONS}; refusing"
            )
        if self.lanes != ARGON2_LANES:
            raise KdfParametersError(
                f"the passphrase slot asks for {self.lanes} Argon2id lanes, not {ARGON2_LANES}"
            )
        if len(self.salt) != SALT_BYTES:
            raise KdfParametersError("the passphrase slot's salt is not 16 bytes; refusing")

    def derive(self, secret: bytes) -> bytes:
        """Derive a 256-bit wrapping key from ``secret`` (after checking the bounds).

        Derivations are serialised: two Argon2id runs at once in one process deadlock with
        cryptography 50 on OpenSSL 4.0 (its Argon2 thread pool is capped), and running them one
        after the other costs nothing a user would notice.
        """
        self.check_bounds()
        kdf = Argon2id(
            salt=self.salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        with _ARGON2_LOCK:
            return kdf.derive(secret)

    def to_json(self) -> dict[str, Any]:
        """The slot's ``kdf`` object."""
        return {
            "name": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
            "salt": _b64(self.salt),
        }

    @classmethod
    def from_json(cls, data: Any) -> Argon2Params:
        """Read a slot's ``kdf`` object; the bounds are checked here, before any derivation."""
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise VaultDamagedError("the key-slot file is damaged (unknown passphrase KDF)")
        values = [data.get(k) for k in ("memory_kib", "iterations", "lanes")]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise VaultDamagedError("the key-slot file is damaged (KDF parameters)")
        params = cls(
            memory_kib=data["memory_kib"],
            iterations=data["iterations"],
            lanes=data["lanes"],
            salt=_unb64(data.get("salt"), "salt"),
        )
        params.check_bounds()
        return params


def calibrate_argon2(target_seconds: float = 0.5) -> Argon2Params:
    """Pick Argon2id memory (64 MiB to 1 GiB, t=3, p=4) so that one unlock takes about the target.

    Memory doubles while the measured time stays under half the target, as KeePassXC's
    one-second benchmark does, but never below RFC 9106's second recommended option.
    """
    params = Argon2Params()
    start = time.perf_counter()
    params.derive(b"calibration")
    elapsed = time.perf_counter() - start
    memory = params.memory_kib
    while elapsed * 2 <= target_seconds and memory * 2 <= ARGON2_MAX_MEMORY_KIB:
        memory *= 2
        elapsed *= 2
    return Argon2Params(memory_kib=memory)


def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


# --- slots ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeySlot:
    """One wrapped copy of the data key.

    Attributes:
        type: ``passphrase``, ``recovery`` or ``device``.
        kdf: the slot's KDF description (Argon2id parameters, or an HKDF salt).
        nonce: the AES-GCM nonce of the wrap.
        wrapped: the data key encrypted under the slot's key, with its tag.
        created: when the slot was written (UTC, ISO 8601).
    """

    type: SlotType
    kdf: dict[str, Any]
    nonce: bytes
    wrapped: bytes
    created: str

    def aad(self, vault_id: str) -> bytes:
        """Associated data binding the wrap to this vault, slot type and KDF parameters."""
        return canonical_json({"vault_id": vault_id, "type": self.type, "kdf": self.kdf})

    def to_json(self) -> dict[str, Any]:
        """The slot as stored."""
        return {
            "type": self.type,
            "kdf": self.kdf,
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
            "created": self.created,
        }

    @classmethod
    def from_json(cls, data: Any) -> KeySlot:
        """Read a stored slot."""
        if not isinstance(data, dict) or data.get("type") not in (
            "passphrase",
            "recovery",
            "device",
        ):
            raise VaultDamagedError("the key-slot file is damaged (unknown slot)")
        if not isinstance(data.get("kdf"), dict):
            raise VaultDamagedError("the key-slot file is damaged (slot without KDF)")
        return cls(
            type=data["type"],
            kdf=data["kdf"],
            nonce=_unb64(data.get("nonce"), "nonce"),
            wrapped=_unb64(data.get("wrapped"), "wrapped key"),
            created=str(data.get("created", "")),
        )


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _wrap(
    slot_type: SlotType, kdf: dict[str, Any], kek: bytes, data_key: bytes, vault_id: str
) -> KeySlot:
    nonce = secrets.token_bytes(12)
    shell = KeySlot(type=slot_type, kdf=kdf, nonce=nonce, wrapped=b"", created=_now())
    wrapped = AESGCM(kek).encrypt(nonce, data_key, shell.aad(vault_id))
    return replace(shell, wrapped=wrapped)


def _unwrap(slot: KeySlot, kek: bytes, vault_id: str) -> bytes:
    try:
        key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, slot.aad(vault_id))
    except InvalidTag:
        raise WrongCredentialError(_WRONG[slot.type]) from None
    if len(key) != DATA_KEY_BYTES:
        raise VaultDamagedError("the key-slot file is damaged (wrapped key has the wrong size)")
    return key


_WRONG: dict[str, str] = {
    "passphrase": (
        "wrong passphrase: the vault is unchanged; check the keyboard layout and Caps Lock"
    ),
    "recovery": "that recovery key does not open this vault",
    "device": "this device's keychain entry does not open this vault; use the passphrase",
}


def passphrase_slot(
    passphrase: str, data_key: bytes, vault_id: str, params: Argon2Params
) -> KeySlot:
    """Wrap ``data_key`` under an Argon2id key derived from ``passphrase``."""
    kek = params.derive(normalize_passphrase(passphrase))
    return _wrap("passphrase", params.to_json(), kek, data_key, vault_id)


def secret_slot(
    slot_type: Literal["recovery", "device"], secret: bytes, data_key: bytes, vault_id: str
) -> KeySlot:
    """Wrap ``data_key`` under an HKDF key from a high-entropy ``secret`` (recovery or device)."""
    salt = secrets.token_bytes(SALT_BYTES)
    kdf = {"name": "hkdf-sha256", "salt": _b64(salt)}
    kek = _hkdf(secret, salt, f"redress {slot_type} slot v1".encode())
    return _wrap(slot_type, kdf, kek, data_key, vault_id)


def open_passphrase_slot(slot: KeySlot, passphrase: str, vault_id: str) -> bytes:
    """Unwrap with a passphrase; KDF bounds are checked before deriving."""
    params = Argon2Params.from_json(slot.kdf)
    kek = params.derive(normalize_passphrase(passphrase))
    return _unwrap(slot, kek, vault_id)


def open_secret_slot(slot: KeySlot, secret: bytes, vault_id: str) -> bytes:
    """Unwrap a recovery or device slot."""
    if slot.kdf.get("name") != "hkdf-sha256":
        raise VaultDamagedError("the key-slot file is damaged (unknown KDF)")
    salt = _unb64(slot.kdf.get("salt"), "salt")
    kek = _hkdf(secret, salt, f"redress {slot.type} slot v1".encode())
    return _unwrap(slot, kek, vault_id)


# --- the key-slot file ------------------------------------------------------------------------


def _mac_key(data_key: bytes) -> bytes:
    return _hkdf(data_key, b"", b"redress key-slot file mac v1")


@dataclass(frozen=True)
class KeySlotFile:
    """The contents of ``keyslots.json``.

    Attributes:
        vault_id: the vault's random id (also stored in the database).
        counter: the rollback counter: never smaller than the database's own copy.
        audit_seq: sequence number of the newest audit entry when last anchored.
        audit_hash: hash of that entry (hex), so a truncated or edited chain is noticed.
        slots: the wrapped copies of the data key.
    """

    vault_id: str
    counter: int
    audit_seq: int
    audit_hash: str
    slots: tuple[KeySlot, ...]

    def body(self) -> dict[str, Any]:
        """Everything except the MAC, as stored."""
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "counter": self.counter,
            "audit": {"seq": self.audit_seq, "hash": self.audit_hash},
            "slots": [s.to_json() for s in self.slots],
        }

    def serialise(self, data_key: bytes) -> bytes:
        """The file's bytes, authenticated with an HMAC keyed from the data key."""
        body = self.body()
        mac = hmac.new(_mac_key(data_key), canonical_json(body), hashlib.sha256).hexdigest()
        return json.dumps({**body, "mac": mac}, indent=2, sort_keys=True).encode() + b"\n"

    def slot(self, slot_type: SlotType) -> KeySlot | None:
        """The slot of a type, if present."""
        return next((s for s in self.slots if s.type == slot_type), None)

    def with_slot(self, new: KeySlot) -> KeySlotFile:
        """A copy with ``new`` replacing any slot of its type."""
        others = tuple(s for s in self.slots if s.type != new.type)
        return replace(self, slots=(*others, new))

    def without_slot(self, slot_type: SlotType) -> KeySlotFile:
        """A copy without the slot of a type."""
        return replace(self, slots=tuple(s for s in self.slots if s.type != slot_type))

    def verify(self, data_key: bytes, stored_mac: str) -> None:
        """Check the HMAC over the file once the data key is known."""
        expected = hmac.new(_mac_key(data_key), canonical_json(self.body()), hashlib.sha256)
        if not hmac.compare_digest(expected.hexdigest(), stored_mac):
            raise VaultDamagedError(
                "the key-slot file has been altered (its authentication code does not match)"
            )


def read_keyslot_file(path: Path) -> tuple[KeySlotFile, str]:
    """Parse ``keyslots.json``; returns the file and its stored MAC (checked after unlock)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise VaultDamagedError("the vault's key-slot file is missing") from None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise VaultDamagedError("the key-slot file is damaged (not valid JSON)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise VaultDamagedError("this is not a Redress key-slot file")
    if data.get("version") != FORMAT_VERSION:
        raise VaultDamagedError(
            f"the key-slot file has version {data.get('version')!r}; this Redress reads "
            f"version {FORMAT_VERSION}"
        )
    audit = data.get("audit")
    counter = data.get("counter")
    slots = data.get("slots")
    if (
        not isinstance(data.get("vault_id"), str)
        or not isinstance(counter, int)
        or not isinstance(audit, dict)
        or not isinstance(audit.get("seq"), int)
        or not isinstance(audit.get("hash"), str)
        or not isinstance(slots, list)
        or not isinstance(data.get("mac"), str)
    ):
        raise VaultDamagedError("the key-slot file is damaged (missing fields)")
    parsed = KeySlotFile(
        vault_id=data["vault_id"],
        counter=counter,
        audit_seq=audit["seq"],
        audit_hash=audit["hash"],
        slots=tuple(KeySlot.from_json(s) for s in slots),
    )
    return parsed, data["mac"]


def write_keyslot_file(path: Path, slots: KeySlotFile, data_key: bytes) -> None:
    """Write ``keyslots.json`` atomically (temp file, fsync, rename, fsync the folder)."""
    atomic_write(path, slots.serialise(data_key))


def new_data_key() -> bytes:
    """A fresh random 256-bit database key."""
    return os.urandom(DATA_KEY_BYTES)
