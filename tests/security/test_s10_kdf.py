"""SECURITY.md test 10: Argon2id parameters in the slot header, bounds checked before any work.

The passphrase slot records Argon2id with m >= 64 MiB, t >= 3, p = 4 and a 16-byte salt.
Hand-edited parameters below the floor or above the denial-of-service ceiling (1 GiB, 16 passes),
or with other lanes, salt sizes or types, are refused (``KdfParametersError`` or
``VaultDamagedError``) before any derivation: ``Argon2id`` and ``Argon2Params.derive`` are
replaced by tripwires that fail the test if called, and no file changes. The unlock time with
the parameters ``Vault.create`` calibrates on this machine is measured and printed, not asserted.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

import redress.models.keyslots as keyslots
from redress.models.errors import KdfParametersError, VaultDamagedError
from redress.models.keyslots import (
    ARGON2_LANES,
    ARGON2_MAX_MEMORY_KIB,
    ARGON2_MIN_ITERATIONS,
    ARGON2_MIN_MEMORY_KIB,
    Argon2Params,
    calibrate_argon2,
)
from redress.models.vault import Passphrase, Vault
from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE, NoKeychain
from tests.security.helpers import tree_hashes, tree_names


def _passphrase_kdf(folder: Path) -> dict[str, Any]:
    data = json.loads((folder / "keyslots.json").read_text())
    (slot,) = [s for s in data["slots"] if s["type"] == "passphrase"]
    return slot["kdf"]


def _assert_rfc9106(kdf: dict[str, Any]) -> None:
    assert kdf["name"] == "argon2id"
    assert kdf["memory_kib"] >= 65536
    assert kdf["iterations"] >= 3
    assert kdf["lanes"] == 4
    assert len(base64.b64decode(kdf["salt"], validate=True)) == 16


def test_default_vault_header_and_unlock_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = time.perf_counter()
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, keychain=NoKeychain())
    created = time.perf_counter() - start
    vault.close(backup=False)
    kdf = _passphrase_kdf(tmp_path / "v")
    _assert_rfc9106(kdf)
    data = json.loads((tmp_path / "v" / "keyslots.json").read_text())
    (recovery_slot,) = [s for s in data["slots"] if s["type"] == "recovery"]
    assert recovery_slot["kdf"]["name"] == "hkdf-sha256"
    assert len(base64.b64decode(recovery_slot["kdf"]["salt"], validate=True)) == 16
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        Vault.open(tmp_path / "v", Passphrase(PASSPHRASE), keychain=NoKeychain()).close(
            backup=False
        )
        timings.append(time.perf_counter() - start)
    with capsys.disabled():
        print(
            f"\n[S10] calibrated Argon2id: m={kdf['memory_kib'] // 1024} MiB, "
            f"t={kdf['iterations']}, p={kdf['lanes']}; create {created:.2f} s; unlock "
            + ", ".join(f"{t:.2f}" for t in timings)
            + " s (target 0.5-2 s on the slowest supported laptop; not asserted here)"
        )


def test_salts_are_fresh_per_vault_and_per_change(tmp_path: Path, kdf: Argon2Params) -> None:
    first, _ = Vault.create(tmp_path / "a", PASSPHRASE, kdf=Argon2Params(), keychain=NoKeychain())
    second, _ = Vault.create(tmp_path / "b", PASSPHRASE, kdf=Argon2Params(), keychain=NoKeychain())
    salts = {_passphrase_kdf(tmp_path / "a")["salt"], _passphrase_kdf(tmp_path / "b")["salt"]}
    first.change_passphrase(OTHER_PASSPHRASE)
    salts.add(_passphrase_kdf(tmp_path / "a")["salt"])
    _assert_rfc9106(_passphrase_kdf(tmp_path / "a"))
    first.close(backup=False)
    second.close(backup=False)
    assert len(salts) == 3


class Tripwire:
    """Fails the test if any Argon2id derivation starts."""

    calls: list[str]

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = []
        calls = self.calls

        class NoArgon2id:
            def __init__(self, *args: object, **kwargs: object) -> None:
                calls.append("Argon2id")
                raise AssertionError("Argon2id was constructed")

        def no_derive(params: Argon2Params, secret: bytes) -> bytes:
            calls.append("Argon2Params.derive")
            raise AssertionError("Argon2Params.derive was called")

        monkeypatch.setattr(keyslots, "Argon2id", NoArgon2id)
        monkeypatch.setattr(Argon2Params, "derive", no_derive)


OUT_OF_BOUNDS: list[tuple[str, object, type[Exception]]] = [
    ("memory_kib", ARGON2_MIN_MEMORY_KIB - 1, KdfParametersError),
    ("memory_kib", 32 * 1024, KdfParametersError),
    ("memory_kib", 8, KdfParametersError),
    ("memory_kib", 0, KdfParametersError),
    ("memory_kib", -65536, KdfParametersError),
    ("memory_kib", ARGON2_MAX_MEMORY_KIB + 1, KdfParametersError),
    ("memory_kib", 4 * 1024 * 1024, KdfParametersError),
    ("memory_kib", 2**62, KdfParametersError),
    ("iterations", 1, KdfParametersError),
    ("iterations", 2, KdfParametersError),
    ("iterations", 0, KdfParametersError),
    ("iterations", 17, KdfParametersError),
    ("iterations", 100, KdfParametersError),
    ("iterations", 10**9, KdfParametersError),
    ("lanes", 1, KdfParametersError),
    ("lanes", 2, KdfParametersError),
    ("lanes", 8, KdfParametersError),
    ("lanes", 255, KdfParametersError),
    ("salt", base64.b64encode(b"s" * 15).decode(), KdfParametersError),
    ("salt", base64.b64encode(b"s" * 17).decode(), KdfParametersError),
    ("salt", "", KdfParametersError),
    ("salt", "not base64!", VaultDamagedError),
    ("salt", None, VaultDamagedError),
    ("name", "argon2i", VaultDamagedError),
    ("name", "pbkdf2", VaultDamagedError),
    ("memory_kib", "65536", VaultDamagedError),
    ("memory_kib", 65536.0, VaultDamagedError),
    ("iterations", True, VaultDamagedError),
    ("lanes", None, VaultDamagedError),
]


@pytest.fixture
def closed_vault(vault_dir: Path, kdf: Argon2Params) -> Path:
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=kdf, keychain=NoKeychain())
    vault.close(backup=False)
    return vault_dir


def test_out_of_bounds_parameters_are_refused_before_any_derivation(
    closed_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = closed_vault / "keyslots.json"
    original = path.read_bytes()
    tripwire = Tripwire(monkeypatch)
    for field, value, error in OUT_OF_BOUNDS:
        data = json.loads(original)
        for slot in data["slots"]:
            if slot["type"] == "passphrase":
                slot["kdf"][field] = value
        path.write_text(json.dumps(data, indent=2))
        hashes = tree_hashes(closed_vault)
        names = tree_names(closed_vault)
        start = time.perf_counter()
        with pytest.raises(error) as caught:
            Vault.open(closed_vault, Passphrase(PASSPHRASE), keychain=NoKeychain())
        assert type(caught.value) is error, (field, value, caught.value)
        assert time.perf_counter() - start < 5, "refusing took as long as a derivation"
        assert tripwire.calls == [], f"{field}={value!r}: a derivation started"
        assert tree_hashes(closed_vault) == hashes
        assert tree_names(closed_vault) == names
    path.write_bytes(original)
    monkeypatch.undo()
    Vault.open(closed_vault, Passphrase(PASSPHRASE), keychain=NoKeychain()).close(backup=False)


@pytest.mark.parametrize(
    "params",
    [
        Argon2Params(memory_kib=ARGON2_MIN_MEMORY_KIB // 2),
        Argon2Params(memory_kib=ARGON2_MAX_MEMORY_KIB * 2),
        Argon2Params(iterations=ARGON2_MIN_ITERATIONS - 1),
        Argon2Params(lanes=ARGON2_LANES - 3),
        Argon2Params(salt=b"short"),
    ],
)
def test_create_and_change_refuse_out_of_bounds_parameters(
    tmp_path: Path, vault: Vault, monkeypatch: pytest.MonkeyPatch, params: Argon2Params
) -> None:
    before = vault.keyslots_path.read_bytes()
    Tripwire(monkeypatch)
    with pytest.raises(KdfParametersError):
        Vault.create(tmp_path / "new", PASSPHRASE, kdf=params, keychain=NoKeychain())
    assert not (tmp_path / "new").exists()
    monkeypatch.undo()
    with pytest.raises(KdfParametersError):
        vault.change_passphrase(OTHER_PASSPHRASE, kdf=params)
    assert vault.keyslots_path.read_bytes() == before


def test_calibration_stays_within_bounds() -> None:
    params = calibrate_argon2()
    params.check_bounds()
    assert ARGON2_MIN_MEMORY_KIB <= params.memory_kib <= ARGON2_MAX_MEMORY_KIB
    assert params.memory_kib % ARGON2_MIN_MEMORY_KIB == 0
    assert (params.iterations, params.lanes, len(params.salt)) == (3, 4, 16)
    assert calibrate_argon2(target_seconds=0.0).memory_kib == ARGON2_MIN_MEMORY_KIB
    huge = calibrate_argon2(target_seconds=10_000.0)
    assert huge.memory_kib == ARGON2_MAX_MEMORY_KIB
    huge.check_bounds()
    assert params.salt != huge.salt


CONCURRENT_UNLOCKS = textwrap.dedent(
    """
    import sys, threading
    from pathlib import Path
    from redress.models.vault import Passphrase, Vault

    class NoKeychain:
        def status(self): raise AssertionError
        def load(self, account): return None

    errors = []

    def unlock(folder):
        try:
            Vault.open(Path(folder), Passphrase(sys.argv[3]), keychain=NoKeychain()).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=unlock, args=(f,)) for f in sys.argv[1:3]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    print("both unlocked")
    """
)


def test_two_vaults_unlocked_from_two_threads_do_not_deadlock(tmp_path: Path) -> None:
    for name in ("a", "b"):
        vault, _ = Vault.create(
            tmp_path / name, PASSPHRASE, kdf=Argon2Params(), keychain=NoKeychain()
        )
        vault.close(backup=False)
    script = tmp_path / "unlock.py"
    script.write_text(CONCURRENT_UNLOCKS)
    try:
        done = subprocess.run(
            [sys.executable, str(script), str(tmp_path / "a"), str(tmp_path / "b"), PASSPHRASE],
            capture_output=True,
            text=True,
            timeout=8,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("two concurrent unlocks did not finish within 8 s (deadlock)")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "both unlocked" in done.stdout
