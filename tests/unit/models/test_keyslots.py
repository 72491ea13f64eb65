"""Key slots: passphrase policy, recovery-key encoding, wrapping, the authenticated file."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redress.models import keyslots
from redress.models.errors import (
    KdfParametersError,
    VaultDamagedError,
    WeakPassphraseError,
    WrongCredentialError,
)
from redress.models.keyslots import Argon2Params, KeySlotFile


def test_short_passphrase_rejected_with_length_reason() -> None:
    problems = keyslots.passphrase_problems("short one")
    assert len(problems) == 1
    assert "at least 15 characters (this has 9)" in problems[0]


def test_blocklisted_passphrase_rejected_even_with_spaces_and_case() -> None:
    assert keyslots.passphrase_problems("Correct Horse Battery Staple")
    assert keyslots.passphrase_problems("CORRECTHORSEBATTERYSTAPLE")


def test_no_composition_rules() -> None:
    # Lower-case words only, no digits or symbols: fine under NIST SP 800-63B.
    assert keyslots.passphrase_problems("amber river quietly folding maps") == []


def test_unicode_passphrases_are_counted_after_nfkc() -> None:
    assert keyslots.passphrase_problems("ночь улица фонарь аптека") == []
    assert keyslots.passphrase_problems("ｆｕｌｌｗｉｄｔｈ") != []  # 9 chars after NFKC


def test_repetitive_passphrase_rejected() -> None:
    assert "too few different characters" in " ".join(
        keyslots.passphrase_problems("abababababababababab")
    )


def test_vault_name_as_passphrase_rejected() -> None:
    assert keyslots.passphrase_problems("Riverside Clinic Vault", ("riverside clinic vault",))


def test_check_new_passphrase_message_never_repeats_it() -> None:
    with pytest.raises(WeakPassphraseError) as info:
        keyslots.check_new_passphrase("hunter2")
    assert "hunter2" not in str(info.value)


def test_recovery_key_format_and_round_trip() -> None:
    key = keyslots.new_recovery_key()
    groups = key.split("-")
    assert len(groups) == 10
    assert all(len(g) == 4 for g in groups)
    secret = keyslots.parse_recovery_key(key)
    assert len(secret) == keyslots.RECOVERY_RANDOM_BYTES
    # Typed sloppily: lower case, spaces instead of dashes.
    assert keyslots.parse_recovery_key(key.lower().replace("-", " ")) == secret


def test_recovery_key_typo_is_reported_as_a_typo() -> None:
    key = keyslots.new_recovery_key()
    index = 0 if key[0] != "A" else 1
    typo = key[:index] + ("A" if key[index] != "A" else "B") + key[index + 1 :]
    with pytest.raises(WrongCredentialError, match="mistyped"):
        keyslots.parse_recovery_key(typo)


@given(st.text(max_size=60))
def test_parse_recovery_key_never_crashes(text: str) -> None:
    with contextlib.suppress(WrongCredentialError):
        keyslots.parse_recovery_key(text)


def test_wrap_and_unwrap_each_slot_type() -> None:
    data_key = keyslots.new_data_key()
    params = Argon2Params()
    slot = keyslots.passphrase_slot("a long enough passphrase", data_key, "vault-1", params)
    assert keyslots.open_passphrase_slot(slot, "a long enough passphrase", "vault-1") == data_key
    with pytest.raises(WrongCredentialError):
        keyslots.open_passphrase_slot(slot, "a long enough passphrasE", "vault-1")
    # The wrap is bound to the vault id.
    with pytest.raises(WrongCredentialError):
        keyslots.open_passphrase_slot(slot, "a long enough passphrase", "vault-2")
    secret = b"\x01" * 32
    device = keyslots.secret_slot("device", secret, data_key, "vault-1")
    assert keyslots.open_secret_slot(device, secret, "vault-1") == data_key
    with pytest.raises(WrongCredentialError):
        keyslots.open_secret_slot(device, b"\x02" * 32, "vault-1")


def test_nfkc_equivalent_passphrases_derive_the_same_key() -> None:
    data_key = keyslots.new_data_key()
    slot = keyslots.passphrase_slot("of\ufb01ce hours 2026 ok", data_key, "v", Argon2Params())
    assert keyslots.open_passphrase_slot(slot, "office hours 2026 ok", "v") == data_key


@pytest.mark.parametrize(
    ("memory", "iterations", "lanes"),
    [
        (32 * 1024, 3, 4),
        (2 * 1024 * 1024, 3, 4),
        (64 * 1024, 2, 4),
        (64 * 1024, 100, 4),
        (64 * 1024, 3, 1),
    ],
)
def test_kdf_bounds(memory: int, iterations: int, lanes: int) -> None:
    params = Argon2Params(memory_kib=memory, iterations=iterations, lanes=lanes)
    with pytest.raises(KdfParametersError):
        params.derive(b"x")


def test_keyslot_file_mac_detects_any_change(tmp_path: Path) -> None:
    data_key = keyslots.new_data_key()
    slots = KeySlotFile(
        vault_id="v",
        counter=5,
        audit_seq=3,
        audit_hash="ab" * 32,
        slots=(keyslots.secret_slot("recovery", b"\x03" * 23, data_key, "v"),),
    )
    path = tmp_path / "keyslots.json"
    keyslots.write_keyslot_file(path, slots, data_key)
    parsed, mac = keyslots.read_keyslot_file(path)
    parsed.verify(data_key, mac)
    assert parsed == slots

    data = json.loads(path.read_text())
    data["counter"] = 4
    path.write_text(json.dumps(data))
    parsed, mac = keyslots.read_keyslot_file(path)
    with pytest.raises(VaultDamagedError, match="altered"):
        parsed.verify(data_key, mac)


@pytest.mark.parametrize(
    "content", [b"", b"{", b"[]", b'{"format": "other"}', b'{"format": "redress-keyslots"}']
)
def test_damaged_keyslot_file_gives_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "keyslots.json"
    path.write_bytes(content)
    with pytest.raises(VaultDamagedError):
        keyslots.read_keyslot_file(path)


def test_calibration_stays_within_bounds() -> None:
    params = keyslots.calibrate_argon2(target_seconds=0.01)
    assert params.memory_kib == keyslots.ARGON2_MIN_MEMORY_KIB
    params.check_bounds()
