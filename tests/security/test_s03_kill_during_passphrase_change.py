"""SECURITY.md test 3: kill -9 during a passphrase change; the vault opens with the old or the new
passphrase, never neither, and the data is unchanged.

``change_passphrase`` derives a new Argon2id key (about 0.15-0.3 s here), then writes a verified
backup, records the change in the audit log and atomically replaces ``keyslots.json``. The risk
is in those writes, which take a few milliseconds, so two kill loops are run:

``test_kills_in_the_write_window`` (at least 200 kills inside the writes, default suite)
    Argon2id is memoised by (passphrase, salt, parameters), in the parent and in the children it
    forks: every cached value was computed by the real ``Argon2Params.derive`` for exactly those
    inputs, with the minimum accepted parameters, and each round of kills reuses one salt passed
    through ``change_passphrase(kdf=...)``. So a child's change skips only the 0.2 s of hashing,
    its storage path (backup, audit commit, temp file, fsync, rename) is the real one, and a kill
    at a random 0-1.15x(write time) after the child has unlocked lands inside the writes. After
    each kill the parent tries both passphrases through ``Vault.open``: exactly one opens, the
    new one if the change was acknowledged, the content digest is unchanged, ``vault.check()``
    passes and no temporary file survives the open. The loop runs until 200 kills (2,000 with
    ``REDRESS_STRESS=1``) have landed before the change's acknowledgement.

``test_kills_with_real_argon2`` (20 kills by default, 100 with ``REDRESS_STRESS=1``)
    The same, without memoisation: each change runs one real Argon2id derivation with a fresh
    salt, and the parent's two unlock attempts run real derivations too (about 0.7 s a kill).
    Kills are spread over the derivation and the writes.

Deterministic cases: ``os.replace`` failing (``OSError``) or the process dying right before the
rename of the key-slot file or of the pre-change backup: the old passphrase still opens and no
``*.tmp`` file survives the next open.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from redress.models import cases
from redress.models.errors import WrongCredentialError
from redress.models.keyslots import Argon2Params, normalize_passphrase
from redress.models.schema import (
    Attachment,
    Case,
    Client,
    EntryKind,
    Note,
    RecordEntry,
)
from redress.models.vault import Passphrase, Vault
from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE, NoKeychain
from tests.security.helpers import (
    READY,
    STRESS,
    ChildReporter,
    failed_items,
    open_with_recovery,
    run_and_kill,
    stale_temporaries,
)

IN_WINDOW_KILLS = 2000 if STRESS else 200
REAL_KDF_KILLS = 100 if STRESS else 20
ROUND = 25  # kills per memoised salt
REAL_DERIVE = Argon2Params.derive


class MemoArgon2:
    """``Argon2Params.derive`` memoised by its exact inputs; misses run the real function."""

    def __init__(self) -> None:
        self.cache: dict[tuple[bytes, bytes, int, int, int], bytes] = {}

    def derive(self, params: Argon2Params, secret: bytes) -> bytes:
        key = (secret, params.salt, params.memory_kib, params.iterations, params.lanes)
        if key not in self.cache:
            self.cache[key] = REAL_DERIVE(params, secret)
        return self.cache[key]

    def prepare(self, salt: bytes) -> None:
        """Derive both test passphrases for ``salt`` with the real function."""
        for text in (PASSPHRASE, OTHER_PASSPHRASE):
            self.derive(Argon2Params(salt=salt), normalize_passphrase(text))


@pytest.fixture
def memo(monkeypatch: pytest.MonkeyPatch) -> MemoArgon2:
    cache = MemoArgon2()
    monkeypatch.setattr(Argon2Params, "derive", lambda self, secret: cache.derive(self, secret))
    return cache


def content_digest(vault: Vault) -> str:
    """SHA-256 over the case content (not the audit log or the counter, which change by design)."""
    digest = hashlib.sha256()
    with vault.sessions() as session:
        for model in (Case, Client, RecordEntry, Note, Attachment):
            rows = session.execute(select(model)).scalars().all()
            for row in sorted(rows, key=lambda r: r.id):
                values = {c.key: getattr(row, c.key) for c in model.__table__.columns}
                digest.update(repr(sorted(values.items())).encode())
    return digest.hexdigest()


def _populate(vault: Vault) -> None:
    with vault.transaction() as session:
        for n in range(4):
            case = cases.add_case(
                session,
                Case(
                    jurisdiction="US-NY",
                    client=Client(legal_name=f"Legal Name {n}", pseudonym=f"Client {n}"),
                ),
            )
            session.add(Note(case_id=case.id, body=f"note {n} " * 200))
            session.add(
                RecordEntry(
                    case_id=case.id,
                    kind=EntryKind.CRIMINAL,
                    jurisdiction="US-NY",
                    offence_text=f"offence {n}",
                )
            )
            cases.add_attachment(
                session, vault.attachments_dir, case, io.BytesIO(os.urandom(3000)), f"scan{n}.pdf"
            )


def _make_vault(tmp_path: Path, kdf: Argon2Params) -> tuple[Path, str, str]:
    folder = tmp_path / "vault"
    vault, recovery = Vault.create(folder, PASSPHRASE, kdf=kdf, keychain=NoKeychain())
    try:
        _populate(vault)
        digest = content_digest(vault)
    finally:
        vault.close()
    return folder, recovery, digest


def _other(passphrase: str) -> str:
    return OTHER_PASSPHRASE if passphrase == PASSPHRASE else PASSPHRASE


def _changer(
    folder: Path, recovery: str, new: str, kdf: Callable[[], Argon2Params], real_kdf: bool
) -> Callable[[ChildReporter], None]:
    def body(reporter: ChildReporter) -> None:
        if real_kdf:
            Argon2Params.derive = REAL_DERIVE  # type: ignore[method-assign]
        vault = open_with_recovery(folder, recovery)
        reporter.send(READY)
        vault.change_passphrase(new, kdf=kdf())
        reporter.send(1)
        time.sleep(60)

    return body


def _which_opens(folder: Path, digest: str) -> list[str]:
    """Try both passphrases; for the one that opens, check the vault thoroughly."""
    opened: list[str] = []
    for candidate in (PASSPHRASE, OTHER_PASSPHRASE):
        try:
            vault = Vault.open(folder, Passphrase(candidate), keychain=NoKeychain())
        except WrongCredentialError:
            continue
        try:
            opened.append(candidate)
            assert stale_temporaries(folder) == [], "a temporary file survived the open"
            assert content_digest(vault) == digest, "the case content changed"
            report = vault.check()
            assert report.ok, f"vault.check failed: {failed_items(report)}"
        finally:
            vault.close(backup=False)
    return opened


def _calibrate_write_time(
    folder: Path, recovery: str, current: str, salt: bytes
) -> tuple[float, str]:
    """Median time of a (memoised) passphrase change here, and the passphrase after them."""
    vault = open_with_recovery(folder, recovery)
    timings = []
    try:
        for _ in range(4):
            current = _other(current)
            start = time.perf_counter()
            vault.change_passphrase(current, kdf=Argon2Params(salt=salt))
            timings.append(time.perf_counter() - start)
    finally:
        vault.close(backup=False)
    return sorted(timings)[len(timings) // 2], current


@pytest.mark.slow
def test_kills_in_the_write_window(tmp_path: Path, memo: MemoArgon2) -> None:
    salt = os.urandom(16)
    memo.prepare(salt)
    folder, recovery, digest = _make_vault(tmp_path, Argon2Params(salt=salt))
    write_time, current = _calibrate_write_time(folder, recovery, PASSPHRASE, salt)
    in_window = completed = iteration = 0
    round_completed = 0
    cap = IN_WINDOW_KILLS * 5
    while in_window < IN_WINDOW_KILLS:
        assert iteration < cap, f"only {in_window} of {iteration} kills landed inside a change"
        if iteration % ROUND == 0:
            if iteration:
                # Follow the machine's speed: most kills inside the change, some just after it.
                if round_completed > ROUND // 2:
                    write_time *= 0.8
                elif round_completed == 0:
                    write_time *= 1.25
            round_completed = 0
            salt = os.urandom(16)
            memo.prepare(salt)
        rng = random.Random(f"s03-{iteration}")
        delay = rng.uniform(0.0, 1.15 * write_time)
        new = _other(current)
        round_salt = salt
        result = run_and_kill(
            _changer(folder, recovery, new, lambda s=round_salt: Argon2Params(salt=s), False),
            delay=delay,
            error_file=tmp_path / "child-error.txt",
        )
        context = f"[iteration {iteration}, delay {delay * 1000:.1f} ms of {write_time * 1000:.1f}]"
        assert not result.error, f"{context} the child failed:\n{result.error}"
        assert result.killed and result.ready, f"{context} the child was not killed while changing"
        try:
            opened = _which_opens(folder, digest)
        except AssertionError as exc:
            raise AssertionError(f"{context} {exc}") from exc
        assert len(opened) == 1, f"{context} passphrases that open the vault: {len(opened)}"
        if result.acks == [1]:
            assert opened == [new], f"{context} the acknowledged change did not stick"
            completed += 1
            round_completed += 1
        else:
            in_window += 1
        current = opened[0]
        iteration += 1
    # Both outcomes of an interrupted change must have been seen, or the window was missed.
    assert completed > 0
    assert in_window >= IN_WINDOW_KILLS


@pytest.mark.slow
def test_kills_with_real_argon2(tmp_path: Path) -> None:
    folder, recovery, digest = _make_vault(tmp_path, Argon2Params())
    start = time.perf_counter()
    vault = open_with_recovery(folder, recovery)
    try:
        vault.change_passphrase(OTHER_PASSPHRASE, kdf=Argon2Params())
    finally:
        vault.close(backup=False)
    full_change = time.perf_counter() - start
    current = OTHER_PASSPHRASE
    outcomes = {"old": 0, "new": 0}
    for iteration in range(REAL_KDF_KILLS):
        rng = random.Random(f"s03-real-{iteration}")
        delay = rng.uniform(0.0, 1.2 * full_change)
        new = _other(current)
        result = run_and_kill(
            _changer(folder, recovery, new, Argon2Params, True),
            delay=delay,
            error_file=tmp_path / "child-error.txt",
        )
        context = (
            f"[iteration {iteration}, delay {delay * 1000:.1f} ms of {full_change * 1000:.1f}]"
        )
        assert not result.error, f"{context} the child failed:\n{result.error}"
        assert result.killed, f"{context} the child was not killed"
        opened = _which_opens(folder, digest)
        assert len(opened) == 1, f"{context} passphrases that open the vault: {len(opened)}"
        if result.acks == [1]:
            assert opened == [new], f"{context} the acknowledged change did not stick"
        outcomes["new" if opened == [new] else "old"] += 1
        current = opened[0]
    assert outcomes["old"] > 0, outcomes


# --- deterministic failures at the rename ------------------------------------------------------


def test_failed_keyslot_rename_keeps_old_passphrase(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    import redress.models.fsutil as fsutil

    real_replace = os.replace
    calls: list[str] = []

    def failing_replace(src: str | Path, dst: str | Path) -> None:
        if Path(dst).name == "keyslots.json":
            calls.append(Path(src).name)
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    digest = content_digest(vault)
    before = vault.keyslots_path.read_bytes()
    monkeypatch.setattr(fsutil.os, "replace", failing_replace)
    with pytest.raises(OSError, match="Input/output error"):
        vault.change_passphrase(OTHER_PASSPHRASE, kdf=Argon2Params())
    monkeypatch.setattr(fsutil.os, "replace", real_replace)
    assert calls, "the key-slot file was never renamed into place"
    assert vault.keyslots_path.read_bytes() == before
    assert stale_temporaries(vault.folder) == []
    vault.close(backup=False)
    assert _which_opens(vault.folder, digest) == [PASSPHRASE]


@pytest.mark.parametrize("target", ["keyslots.json", "backup"])
def test_crash_before_rename_leaves_old_passphrase_and_no_temporary(
    tmp_path: Path, target: str
) -> None:
    folder, recovery, digest = _make_vault(tmp_path, Argon2Params())

    def body(reporter: ChildReporter) -> None:
        real_replace = os.replace

        def crash(src: str | Path, dst: str | Path) -> None:
            name = Path(dst).name
            if name == target or (target == "backup" and "pre-passphrase-change" in name):
                os._exit(9)
            real_replace(src, dst)

        vault = open_with_recovery(folder, recovery)
        os.replace = crash
        vault.change_passphrase(OTHER_PASSPHRASE, kdf=Argon2Params())

    result = run_and_kill(
        body, delay=30.0, error_file=tmp_path / "child-error.txt", from_ready=False
    )
    assert not result.error and not result.killed and not result.done
    left = stale_temporaries(folder)
    assert left, "the crash should have left the temporary file behind"
    assert _which_opens(folder, digest) == [PASSPHRASE]
    assert stale_temporaries(folder) == []
