"""SECURITY.md test 8: wrong passphrases and keys give one generic error and change nothing.

100 wrong passphrases (empty, whitespace around the right one, case changes, look-alike letters,
Unicode strings that NFKC does *not* fold into the right one, lone surrogates as a mis-decoded
environment variable produces, random Unicode) each cost one real Argon2id derivation and must
raise ``WrongCredentialError`` with the same message. Neither ``vault.db`` nor ``keyslots.json``
changes (SHA-256), no file appears, and neither the passphrase, the wrong inputs nor the data key
reach the exception texts or the DEBUG logs (root and ``sqlalchemy.engine``). Spellings that NFKC
does fold together (ligatures, full-width forms, superscript digits, no-break spaces, decomposed
accents) unlock (NIST SP 800-63B). Opening somewhere that holds no vault never creates one.
"""

from __future__ import annotations

import logging
import random
import traceback
import unicodedata
from pathlib import Path

import pytest

from redress.models.errors import VaultDamagedError, VaultNotFoundError, WrongCredentialError
from redress.models.keyslots import Argon2Params, new_recovery_key
from redress.models.vault import Passphrase, RecoveryKey, Vault
from tests.conftest import PASSPHRASE, NoKeychain
from tests.security.helpers import tree_hashes, tree_names

WRONG_INPUTS = 100
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    "éüßøæåñçİıЖжаоерсχλπ中文字日本語한국어עבריתالعربية🙂🔑👩‍⚖️\u0301\u200b\u200d\t"
)


def _wrong_inputs() -> list[str]:
    """Wrong passphrases: the named traps first, then random Unicode, 100 in all."""
    right = PASSPHRASE  # "violet harbour lantern 42 quietly"
    named = [
        "",
        " ",
        right + " ",
        " " + right,
        right + "\n",
        right[:-1],
        right + "y",
        right.upper(),
        right.title(),
        right.replace(" ", ""),
        right.replace(" ", "  "),
        right.replace("a", "\u0430"),  # Cyrillic a: looks the same, NFKC keeps it
        right.replace("o", "\u03bf"),  # Greek omicron
        right.replace("i", "\u0131"),  # dotless i
        right.replace("42", "4\u00b3"),  # superscript three folds to 3, not 2
        right.replace("violet", "\uff36\uff29\uff2f\uff2c\uff25\uff34"),  # full-width VIOLET
        right.replace("l", "\u0142"),  # l with stroke: no decomposition
        right.replace(" ", "\u200b"),  # zero-width space is not a space
        right.replace("e", "\u00e9"),  # é is not e
        right + "\u0301",  # a combining accent on the last letter
        right.replace("42", "\udcb4\udcb2"),  # lone surrogates (undecodable bytes)
        right[::-1],
        "\x00" + right,
        right.encode().hex(),
    ]
    rng = random.Random("s08-wrong-inputs")
    randoms = [
        "".join(rng.choice(ALPHABET) for _ in range(rng.choice((1, 3, 8, 15, 16, 33, 64, 200))))
        for _ in range(WRONG_INPUTS - len(named))
    ]
    inputs = named + randoms
    normal = unicodedata.normalize("NFKC", right)
    for text in inputs:
        folded = unicodedata.normalize("NFKC", text)
        assert folded != normal, f"test bug: input {inputs.index(text)} is equivalent"
    assert len(inputs) == WRONG_INPUTS
    return inputs


@pytest.fixture
def closed_vault(vault_dir: Path, kdf: Argon2Params) -> tuple[Path, str]:
    """A closed vault with some content; returns the folder and the data key (hex)."""
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=kdf, keychain=NoKeychain())
    try:
        data_key = vault.reveal_data_key()
    finally:
        vault.close()
    return vault_dir, data_key


def _leaks(text: str, secrets: list[str]) -> list[str]:
    return [s for s in secrets if len(s) >= 6 and s in text]


def test_100_wrong_passphrases_change_nothing_and_leak_nothing(
    closed_vault: tuple[Path, str], caplog: pytest.LogCaptureFixture
) -> None:
    folder, data_key = closed_vault
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.engine")
    hashes = tree_hashes(folder)
    names = tree_names(folder)
    messages: set[str] = set()
    secrets = [PASSPHRASE, data_key, data_key.upper()]
    inputs = _wrong_inputs()
    for text in inputs:
        with pytest.raises(WrongCredentialError) as caught:
            Vault.open(folder, Passphrase(text), keychain=NoKeychain())
        error = caught.value
        messages.add(str(error))
        rendered = "".join(traceback.format_exception(error)) + repr(error)
        assert not _leaks(rendered, [*secrets, text]), "an error text repeats a secret"
        assert error.__cause__ is None
        assert error.__suppress_context__
    assert len(messages) == 1, "the error message depends on the input"
    (message,) = messages
    assert "wrong passphrase" in message
    assert tree_hashes(folder) == hashes, "a failed unlock changed a file"
    assert tree_names(folder) == names, "a failed unlock created or removed a file"
    assert not _leaks(caplog.text, [*secrets, *inputs])
    assert not any(
        _leaks(str(record.args), [*secrets, *inputs]) for record in caplog.records if record.args
    )
    # The right passphrase still opens: no lock-out, nothing was damaged.
    Vault.open(folder, Passphrase(PASSPHRASE), keychain=NoKeychain()).close(backup=False)


def test_wrong_recovery_keys_are_refused_and_change_nothing(
    closed_vault: tuple[Path, str], caplog: pytest.LogCaptureFixture
) -> None:
    folder, data_key = closed_vault
    caplog.set_level(logging.DEBUG)
    hashes = tree_hashes(folder)
    names = tree_names(folder)
    rng = random.Random("s08-recovery")
    attempts = [new_recovery_key() for _ in range(60)]
    attempts += ["", "AAAA-BBBB", data_key, PASSPHRASE]
    attempts += ["".join(rng.choice(ALPHABET) for _ in range(40)) for _ in range(36)]
    for text in attempts:
        with pytest.raises(WrongCredentialError) as caught:
            Vault.open(folder, RecoveryKey(text), keychain=NoKeychain())
        assert not _leaks(str(caught.value), [data_key, text])
    assert tree_hashes(folder) == hashes
    assert tree_names(folder) == names
    assert not _leaks(caplog.text, [data_key, *attempts])


@pytest.mark.parametrize(
    ("created_with", "opened_with"),
    [
        # ligature, full-width letters and digits, superscript, no-break space, decomposed accents
        ("\ufb01ve quiet rivers \uff14\u00b2 by the caf\u00e9", "five quiet rivers 42 by the café"),
        ("five quiet rivers 42 by the café", "\ufb01ve quiet rivers \uff14\u00b2 by the caf\u00e9"),
        ("five quiet rivers 42 by the café", "five\u00a0quiet rivers 42 by the cafe\u0301"),
        (
            "\uff46\uff49\uff56\uff45 quiet rivers 42 by the café",
            "five quiet rivers 42 by the café",
        ),
    ],
)
def test_nfkc_equivalent_passphrases_unlock(
    tmp_path: Path, kdf: Argon2Params, created_with: str, opened_with: str
) -> None:
    assert created_with != opened_with
    assert unicodedata.normalize("NFKC", created_with) == unicodedata.normalize("NFKC", opened_with)
    vault, _ = Vault.create(tmp_path / "v", created_with, kdf=kdf, keychain=NoKeychain())
    vault.close(backup=False)
    Vault.open(tmp_path / "v", Passphrase(opened_with), keychain=NoKeychain()).close(backup=False)


def test_passphrase_with_lone_surrogates_round_trips(tmp_path: Path, kdf: Argon2Params) -> None:
    """A passphrase read from a mis-decoded environment (surrogate escapes) works, not crashes."""
    passphrase = "caf\udce9 quiet rivers at noon"
    vault, _ = Vault.create(tmp_path / "v", passphrase, kdf=kdf, keychain=NoKeychain())
    vault.close(backup=False)
    Vault.open(tmp_path / "v", Passphrase(passphrase), keychain=NoKeychain()).close(backup=False)
    with pytest.raises(WrongCredentialError):
        Vault.open(
            tmp_path / "v", Passphrase("caf\udce8 quiet rivers at noon"), keychain=NoKeychain()
        )


def test_opening_where_there_is_no_vault_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "missing" / "deeper"
    with pytest.raises(VaultNotFoundError):
        Vault.open(missing, Passphrase(PASSPHRASE), keychain=NoKeychain())
    assert not (tmp_path / "missing").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(VaultNotFoundError):
        Vault.open(empty, RecoveryKey(new_recovery_key()), keychain=NoKeychain())
    assert list(empty.iterdir()) == []
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("not a vault")
    with pytest.raises(VaultNotFoundError):
        Vault.open(other, Passphrase(PASSPHRASE), keychain=NoKeychain())
    assert tree_names(other) == {"notes.txt"}


@pytest.mark.parametrize(
    "damage",
    [
        "no-database",
        "empty-database",
        "no-keyslots",
        "empty-keyslots",
    ],
)
def test_missing_or_empty_files_are_reported_never_recreated(
    closed_vault: tuple[Path, str], damage: str
) -> None:
    """Signal #5097: a failed open never recreates an empty database or key-slot file."""
    folder, _ = closed_vault
    name = "vault.db" if "database" in damage else "keyslots.json"
    if damage.startswith("no-"):
        (folder / name).unlink()
    else:
        (folder / name).write_bytes(b"")
    hashes = tree_hashes(folder)
    names = tree_names(folder)
    with pytest.raises(VaultDamagedError):
        Vault.open(folder, Passphrase(PASSPHRASE), keychain=NoKeychain())
    assert tree_hashes(folder) == hashes
    assert tree_names(folder) == names
