"""The way in: start screen, creating a vault, the recovery key, unlocking, and the demo vault.

Real dialogs over real vaults in ``tmp_path`` (minimum Argon2id parameters); nothing is mocked
except the operating system's folder picker.
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QProgressBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redress.desktop.controller import VaultController
from redress.desktop.unlock import (
    DEMO_PASSPHRASE,
    CreateVaultDialog,
    RecoveryKeyDialog,
    StartDialog,
    UnlockDialog,
    default_demo_folder,
    default_vault_folder,
    open_demo_vault,
)
from redress.desktop.unlock.common import AlertLabel, passphrase_strength
from redress.desktop.unlock.create import NEW_SUBFOLDER_NAME
from redress.models.keyslots import Argon2Params, parse_recovery_key, passphrase_problems
from redress.models.schema import Case
from redress.models.vault import Passphrase, RecoveryKey, Vault
from tests.conftest import PASSPHRASE, NoKeychain
from tests.unit.models.test_peek import MemoryKeychain

WAIT_MS = 30_000  # the KDF runs on 2 shared cores; generous, but waits end as soon as done
# A folder named like a person: it must never reach a window title.
PERSON_FOLDER = "Ioana Popescu asylum"


# --- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[VaultController]:
    """A controller with no keychain; whatever it opened is locked afterwards."""
    ctl = VaultController(NoKeychain())
    yield ctl
    ctl.lock(quick=True)


@pytest.fixture
def locked_vault(tmp_path: Path, kdf: Argon2Params) -> tuple[Path, str]:
    """A vault created and closed again, and its recovery key."""
    folder = tmp_path / PERSON_FOLDER
    vault, recovery = Vault.create(folder, PASSPHRASE, kdf=kdf, keychain=NoKeychain())
    vault.close(backup=False)
    return folder, recovery


def tree_hashes(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its indicator, as a user would."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def unlock_dialog(qtbot: QtBot, controller: VaultController, folder: Path) -> UnlockDialog:
    dialog = UnlockDialog(controller, folder, keychain_available=False)
    show(qtbot, dialog)
    return dialog


def attempt(qtbot: QtBot, dialog: UnlockDialog, secret: str) -> None:
    """Type ``secret`` and click Unlock; return once the attempt has finished either way."""
    qtbot.keyClicks(dialog.secret_edit, secret)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert not dialog.secret_edit.isEnabled()  # disabled while the KDF runs
    assert dialog.busy.isVisible()
    qtbot.waitUntil(
        lambda: dialog.secret_edit.isEnabled() or not dialog.isVisible(), timeout=WAIT_MS
    )


def assert_accessible(dialog: QWidget) -> None:
    """Every visible control has an accessible name."""
    controls = [
        *dialog.findChildren(QAbstractButton),
        *dialog.findChildren(QLineEdit),
        *dialog.findChildren(QProgressBar),
    ]
    assert controls
    unnamed = [type(c).__name__ for c in controls if not c.accessibleName()]
    assert unnamed == []


def titles_are_clean(dialog: QWidget, *secrets: str) -> None:
    title = dialog.windowTitle()
    assert title.endswith("— Redress")
    for secret in secrets:
        assert secret not in title
    assert "/" not in title and "\\" not in title


# --- the start screen -------------------------------------------------------------------------


def test_start_offers_three_choices_and_create_is_the_default(qtbot: QtBot) -> None:
    dialog = StartDialog()
    show(qtbot, dialog)
    assert dialog.last_button is None
    assert dialog.create_button.isDefault()
    assert DEMO_PASSPHRASE in dialog.demo_button.description()
    assert_accessible(dialog)

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.choice, dialog.folder) == ("create", None)


def test_start_demo_choice(qtbot: QtBot) -> None:
    dialog = StartDialog()
    show(qtbot, dialog)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert (dialog.choice, dialog.folder) == ("demo", None)


def test_start_open_existing_checks_the_folder_is_a_vault(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, locked_vault: tuple[Path, str]
) -> None:
    folder, _ = locked_vault
    not_a_vault = tmp_path / "Downloads"
    not_a_vault.mkdir()
    answers = iter(["", str(not_a_vault), str(folder)])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: next(answers))
    dialog = StartDialog()
    show(qtbot, dialog)

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)  # the picker is cancelled
    assert dialog.isVisible() and not dialog.message.isVisible()

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert "“Downloads” is not a Redress vault" in dialog.message.text()
    assert str(tmp_path) not in dialog.message.text()

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.choice, dialog.folder) == ("open", folder)


def test_start_offers_the_last_vault_by_name_only(
    qtbot: QtBot, locked_vault: tuple[Path, str]
) -> None:
    folder, _ = locked_vault
    dialog = StartDialog(last_folder=folder)
    show(qtbot, dialog)
    assert dialog.last_button is not None
    assert dialog.last_button.isDefault()
    assert PERSON_FOLDER in dialog.last_button.text()
    assert str(folder.parent) not in dialog.last_button.text()
    titles_are_clean(dialog, PERSON_FOLDER, str(folder))

    qtbot.mouseClick(dialog.last_button, Qt.MouseButton.LeftButton)
    assert (dialog.choice, dialog.folder) == ("open", folder)


def test_start_last_vault_gone_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = StartDialog(last_folder=tmp_path / "Removed vault")
    show(qtbot, dialog)
    assert dialog.last_button is not None
    qtbot.mouseClick(dialog.last_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is None
    assert "is not a Redress vault" in dialog.message.text()


# --- creating a vault -------------------------------------------------------------------------


def test_create_flow_end_to_end(qtbot: QtBot, controller: VaultController, tmp_path: Path) -> None:
    folder = tmp_path / PERSON_FOLDER
    dialog = CreateVaultDialog(controller, folder=folder, kdf=Argon2Params())
    show(qtbot, dialog)
    titles_are_clean(dialog, PERSON_FOLDER, str(folder))
    assert_accessible(dialog)
    assert not dialog.create_button.isEnabled()

    qtbot.keyClicks(dialog.passphrase_edit, "too short")
    assert "at least 15 characters" in dialog.feedback.text()
    assert dialog.meter.format() == "Not acceptable yet"
    weak_score = dialog.meter.value()
    assert not dialog.create_button.isEnabled()

    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, "password password")
    assert "common passphrase" in dialog.feedback.text()
    assert not dialog.create_button.isEnabled()

    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    assert "at least" not in dialog.feedback.text()
    assert "Type it again" in dialog.feedback.text()
    assert dialog.meter.value() > weak_score
    assert dialog.meter.format() in {"Good", "Strong"}
    assert not dialog.create_button.isEnabled()

    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE[:-1])
    assert "do not match" in dialog.feedback.text()
    assert not dialog.create_button.isEnabled()
    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE[-1])
    assert "both entries match" in dialog.feedback.text()
    assert dialog.create_button.isEnabled()
    tick(qtbot, dialog.show_check)  # checks what was typed before creating

    with qtbot.waitSignal(controller.unlocked, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert dialog.busy.isVisible()
        assert not dialog.passphrase_edit.isEnabled()
        dialog.reject()  # cannot be cancelled half-way
        assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.recovery_dialog is not None, timeout=WAIT_MS)
    recovery = dialog.recovery_dialog
    assert recovery is not None
    assert controller.is_unlocked
    for edit in (dialog.passphrase_edit, dialog.confirm_edit):
        edit.undo()  # Ctrl+Z must not bring the passphrase back
        assert edit.text() == ""
    assert not dialog.cancel_button.isEnabled()  # the vault exists: only Continue goes on

    qtbot.waitExposed(recovery)
    titles_are_clean(recovery, PERSON_FOLDER, str(folder), recovery.recovery_key[:4])
    shown_key = recovery.key_label.text()
    parse_recovery_key(shown_key)  # a well-formed key, checksum included
    assert not recovery.continue_button.isEnabled()
    recovery.reject()  # Escape before confirming: refused, with a reason
    assert recovery.isVisible()
    assert "Store the recovery key first" in recovery.message.text()

    tick(qtbot, recovery.stored_check)
    assert recovery.continue_button.isEnabled()
    qtbot.mouseClick(recovery.continue_button, Qt.MouseButton.LeftButton)
    assert recovery.result() == QDialog.DialogCode.Accepted
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert recovery.key_label.text() == ""  # the key is not kept once the dialog closes

    # The key that was shown really opens the vault.
    controller.lock(quick=True)
    Vault.open(folder, RecoveryKey(shown_key), keychain=NoKeychain()).close(backup=False)


def test_create_refuses_a_folder_that_is_already_a_vault(
    qtbot: QtBot, controller: VaultController, locked_vault: tuple[Path, str]
) -> None:
    folder, _ = locked_vault
    dialog = CreateVaultDialog(controller, folder=folder, kdf=Argon2Params())
    show(qtbot, dialog)
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE)
    assert "A vault already exists in that folder" in dialog.feedback.text()
    assert not dialog.create_button.isEnabled()


def test_create_failure_is_shown_and_the_dialog_can_be_used_again(
    qtbot: QtBot, controller: VaultController, tmp_path: Path
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    dialog = CreateVaultDialog(controller, folder=blocker / "vault", kdf=Argon2Params())
    show(qtbot, dialog)
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT_MS)
    assert dialog.message.text().startswith("The vault was not created: A file could not be")
    assert dialog.passphrase_edit.isEnabled() and dialog.create_button.isEnabled()
    assert not controller.is_unlocked

    dialog.folder_edit.setText(str(tmp_path / "vault"))
    with qtbot.waitSignal(controller.unlocked, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)


def test_create_folder_picker_keeps_the_vault_out_of_a_busy_folder(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, controller: VaultController, tmp_path: Path
) -> None:
    busy = tmp_path / "Documents"
    busy.mkdir()
    (busy / "letter.txt").write_text("someone's letter")
    empty = tmp_path / "Empty"
    empty.mkdir()
    answers = iter([str(busy), str(empty)])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: next(answers))
    dialog = CreateVaultDialog(controller, folder=tmp_path / "x", kdf=Argon2Params())
    show(qtbot, dialog)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.folder() == busy / NEW_SUBFOLDER_NAME
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.folder() == empty


def test_show_toggle_reveals_both_entries(qtbot: QtBot, controller: VaultController) -> None:
    dialog = CreateVaultDialog(controller, folder=Path("unused"))
    show(qtbot, dialog)
    assert dialog.passphrase_edit.echoMode() == QLineEdit.EchoMode.Password
    tick(qtbot, dialog.show_check)
    assert dialog.passphrase_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.confirm_edit.echoMode() == QLineEdit.EchoMode.Normal


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("short", "Use at least 15 characters (so far 5)."),
        ("x" * 1025, f"Use at most {QLocale().toString(1024)} characters."),
        ("password password", "This is a common passphrase that attackers try first."),
        ("abababababababababab", "It repeats too few different characters."),
        ("my case vault", "Do not use the vault folder's name as its passphrase."),
    ],
)
def test_every_policy_reason_has_plain_translatable_words(
    qtbot: QtBot, controller: VaultController, tmp_path: Path, typed: str, expected: str
) -> None:
    # If the model's wording changes, the desktop must learn the new reason (no raw fallback).
    dialog = CreateVaultDialog(controller, folder=tmp_path / "My case vault")
    qtbot.addWidget(dialog)
    dialog.passphrase_edit.setText(typed)
    assert passphrase_problems(typed, ("My case vault",))
    assert expected in dialog.passphrase_problems()


def test_the_meter_grows_with_length_and_variety_and_stays_low_when_refused() -> None:
    assert passphrase_strength("", acceptable=False) == 0
    assert passphrase_strength("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", acceptable=False) <= 30
    short = passphrase_strength("quiet lantern sea", acceptable=True)
    longer = passphrase_strength("quiet lantern sea copper kettles", acceptable=True)
    assert 0 < short < longer <= 100
    same_length_less_variety = passphrase_strength("abab abab abab abab abab abab", acceptable=True)
    assert same_length_less_variety < passphrase_strength(
        "quiet lantern sea copper ket", acceptable=True
    )


def test_default_folders_live_in_the_user_data_folder() -> None:
    assert default_vault_folder().name == "Vault"
    assert default_demo_folder().name == "Demo vault"
    assert default_vault_folder().parent == default_demo_folder().parent


# --- the recovery key -------------------------------------------------------------------------


def test_recovery_key_pdf_is_owner_only_and_holds_the_key(qtbot: QtBot, tmp_path: Path) -> None:
    from redress.models.keyslots import new_recovery_key

    key = new_recovery_key()
    dialog = RecoveryKeyDialog(key)
    show(qtbot, dialog)
    assert_accessible(dialog)
    assert not any(
        "copy" in b.text().lower() for b in dialog.findChildren(QAbstractButton)
    )  # written down or printed, never put on the clipboard
    assert dialog.key_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse

    path = tmp_path / "key.pdf"
    dialog.print_to_pdf(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = document.getAllText(0).text()
    document.close()
    first_group = key.split("-")[0]
    assert first_group in text
    assert key.split("-")[-1] in text
    assert "recovery key instead" in text  # the instructions are on the page


def test_recovery_pdf_overwrites_a_loose_file_as_owner_only(qtbot: QtBot, tmp_path: Path) -> None:
    from redress.models.keyslots import new_recovery_key

    path = tmp_path / "key.pdf"
    path.write_bytes(b"old")
    path.chmod(0o644)
    dialog = RecoveryKeyDialog(new_recovery_key())
    qtbot.addWidget(dialog)
    dialog.print_to_pdf(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"%PDF")


def test_save_as_pdf_button_adds_the_suffix_and_warns(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from redress.models.keyslots import new_recovery_key

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args: (str(tmp_path / "my key"), "")
    )
    dialog = RecoveryKeyDialog(new_recovery_key())
    show(qtbot, dialog)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "my key.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert "delete it from this computer" in dialog.status.text()


# --- unlocking --------------------------------------------------------------------------------


def test_wrong_passphrase_is_shown_inline_and_nothing_changes(
    qtbot: QtBot, controller: VaultController, locked_vault: tuple[Path, str]
) -> None:
    folder, _ = locked_vault
    before = tree_hashes(folder)
    dialog = unlock_dialog(qtbot, controller, folder)
    titles_are_clean(dialog, PERSON_FOLDER, str(folder))
    assert dialog.windowTitle() == "Unlock vault — Redress"
    assert_accessible(dialog)

    attempt(qtbot, dialog, "not the passphrase at all")
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert dialog.message.text().startswith("Wrong passphrase")
    assert dialog.secret_edit.text() == ""
    assert dialog.secret_edit.hasFocus()
    assert not controller.is_unlocked
    assert tree_hashes(folder) == before
    interface = QAccessible.queryAccessibleInterface(dialog.message)
    assert interface is not None
    assert interface.role() == QAccessible.Role.AlertMessage
    assert interface.text(QAccessible.Text.Name) == dialog.message.text()

    # The right passphrase then unlocks, and the error goes away.
    with qtbot.waitSignal(controller.unlocked, timeout=WAIT_MS):
        attempt(qtbot, dialog, PASSPHRASE)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.secret_edit.text() == ""
    assert controller.is_unlocked


def test_vault_open_elsewhere_is_explained(
    qtbot: QtBot, controller: VaultController, locked_vault: tuple[Path, str]
) -> None:
    folder, _ = locked_vault
    elsewhere = Vault.open(folder, Passphrase(PASSPHRASE), keychain=NoKeychain())
    try:
        dialog = unlock_dialog(qtbot, controller, folder)
        attempt(qtbot, dialog, PASSPHRASE)
        assert "already open in another Redress window" in dialog.message.text()
        assert dialog.secret_edit.text() == ""
        assert not controller.is_unlocked
    finally:
        elsewhere.close(backup=False)


def test_damaged_vault_is_explained(
    qtbot: QtBot, controller: VaultController, locked_vault: tuple[Path, str]
) -> None:
    folder, _ = locked_vault
    db = folder / "vault.db"
    data = bytearray(db.read_bytes())
    page = 4096
    for start in range(page // 2, len(data), page):  # the middle of every page
        for i in range(start, start + 16):
            data[i] ^= 0xFF
    db.write_bytes(bytes(data))

    dialog = unlock_dialog(qtbot, controller, folder)
    attempt(qtbot, dialog, PASSPHRASE)
    assert "damaged" in dialog.message.text()
    assert not controller.is_unlocked


def test_rolled_back_vault_is_explained(
    qtbot: QtBot, controller: VaultController, locked_vault: tuple[Path, str], tmp_path: Path
) -> None:
    folder, _ = locked_vault
    old_db = (folder / "vault.db").read_bytes()
    Vault.open(folder, Passphrase(PASSPHRASE), keychain=NoKeychain()).close()  # counter moves on
    (folder / "vault.db").write_bytes(old_db)  # an older copy put back

    dialog = unlock_dialog(qtbot, controller, folder)
    attempt(qtbot, dialog, PASSPHRASE)
    assert "older than its key-slot file records" in dialog.message.text()
    assert not controller.is_unlocked


def test_recovery_key_path_unlocks(
    qtbot: QtBot, controller: VaultController, locked_vault: tuple[Path, str]
) -> None:
    folder, recovery = locked_vault
    dialog = unlock_dialog(qtbot, controller, folder)
    assert dialog.secret_label.text() == "&Passphrase:"
    qtbot.keyClicks(dialog.secret_edit, "half typed")
    qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    assert dialog.mode == "recovery"
    assert dialog.secret_label.text() == "&Recovery key:"
    assert dialog.secret_edit.accessibleName() == "Recovery key"
    assert dialog.secret_edit.text() == ""  # switching forgets what was typed
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Normal  # copied from paper

    mistyped = recovery[:-1] + ("A" if recovery[-1] != "A" else "B")
    attempt(qtbot, dialog, mistyped)
    assert "recovery key looks mistyped" in dialog.message.text()
    assert dialog.mode == "recovery"
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.secret_edit.text() == ""  # undo does not bring the key back

    # Typed as a person would: lower case, spaces instead of dashes.
    with qtbot.waitSignal(controller.unlocked, timeout=WAIT_MS):
        attempt(qtbot, dialog, recovery.lower().replace("-", " "))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert controller.is_unlocked


def test_switch_back_to_passphrase(
    qtbot: QtBot, controller: VaultController, locked_vault: tuple[Path, str]
) -> None:
    folder, _ = locked_vault
    dialog = unlock_dialog(qtbot, controller, folder)
    qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    assert dialog.mode == "passphrase"
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Password
    assert "recovery key instead" in dialog.switch_button.text()


def test_keychain_button_needs_a_device_slot_and_a_keychain(
    qtbot: QtBot, tmp_path: Path, kdf: Argon2Params, locked_vault: tuple[Path, str]
) -> None:
    plain_folder, _ = locked_vault
    keychain = MemoryKeychain()
    controller = VaultController(keychain)
    enrolled = tmp_path / "enrolled"
    vault, _ = Vault.create(enrolled, PASSPHRASE, kdf=kdf, keychain=keychain)
    vault.enroll_device()
    vault.close(backup=False)

    no_slot = UnlockDialog(controller, plain_folder, keychain_available=True)
    show(qtbot, no_slot)
    assert not no_slot.keychain_button.isVisible()
    no_keychain = UnlockDialog(controller, enrolled, keychain_available=False)
    show(qtbot, no_keychain)
    assert not no_keychain.keychain_button.isVisible()
    no_keychain.reject()

    dialog = UnlockDialog(controller, enrolled, keychain_available=True)
    show(qtbot, dialog)
    assert dialog.keychain_button.isVisible()
    try:
        with qtbot.waitSignal(controller.unlocked, timeout=WAIT_MS):
            qtbot.mouseClick(dialog.keychain_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert not no_keychain.isVisible()  # a closed dialog no longer reacts to unlocks
        assert no_keychain.result() == QDialog.DialogCode.Rejected
    finally:
        controller.lock(quick=True)


def test_unlock_cannot_be_cancelled_half_way(
    qtbot: QtBot, controller: VaultController, locked_vault: tuple[Path, str]
) -> None:
    folder, _ = locked_vault
    dialog = unlock_dialog(qtbot, controller, folder)
    qtbot.keyClicks(dialog.secret_edit, PASSPHRASE)
    with qtbot.waitSignal(controller.unlocked, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()
        assert not dialog.cancel_button.isEnabled()
    assert dialog.result() == QDialog.DialogCode.Accepted


# --- the demo vault ---------------------------------------------------------------------------


def _case_count(controller: VaultController) -> int:
    return int(controller.read(lambda s: s.scalar(select(func.count()).select_from(Case))) or 0)


def test_demo_vault_is_created_with_its_cases_and_reopened_without_duplicates(
    qtbot: QtBot, controller: VaultController, tmp_path: Path
) -> None:
    assert not passphrase_problems(DEMO_PASSPHRASE, ("Demo vault",))
    folder = tmp_path / "Demo vault"
    done: list[bool] = []
    failures: list[str] = []

    with qtbot.waitSignal(controller.unlocked, timeout=WAIT_MS):
        open_demo_vault(
            controller,
            lambda: done.append(True),
            failures.append,
            folder=folder,
            kdf=Argon2Params(),
        )
    qtbot.waitUntil(lambda: bool(done or failures), timeout=WAIT_MS)
    assert failures == []
    first = _case_count(controller)
    assert first >= 30

    controller.lock(quick=True)
    done.clear()
    open_demo_vault(controller, lambda: done.append(True), failures.append, folder=folder)
    qtbot.waitUntil(lambda: bool(done or failures), timeout=WAIT_MS)
    assert failures == []
    assert controller.is_unlocked
    assert _case_count(controller) == first


def test_demo_vault_left_without_cases_gets_them(
    qtbot: QtBot, controller: VaultController, tmp_path: Path, kdf: Argon2Params
) -> None:
    folder = tmp_path / "Demo vault"
    Vault.create(folder, DEMO_PASSPHRASE, kdf=kdf, keychain=NoKeychain())[0].close(backup=False)
    done: list[bool] = []
    failures: list[str] = []
    open_demo_vault(controller, lambda: done.append(True), failures.append, folder=folder)
    qtbot.waitUntil(lambda: bool(done or failures), timeout=WAIT_MS)
    assert failures == []
    assert _case_count(controller) >= 30


def test_demo_failure_is_reported(
    qtbot: QtBot, controller: VaultController, locked_vault: tuple[Path, str]
) -> None:
    folder, _ = locked_vault  # a vault whose passphrase is not the demo one
    failures: list[str] = []
    open_demo_vault(controller, lambda: None, failures.append, folder=folder)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert failures[0].startswith("wrong passphrase")
    assert not controller.is_unlocked


# --- titles and accessibility across every dialog ---------------------------------------------


def test_no_window_title_names_a_folder_or_a_person(
    qtbot: QtBot, controller: VaultController, locked_vault: tuple[Path, str]
) -> None:
    folder, recovery = locked_vault
    dialogs: list[QWidget] = [
        StartDialog(last_folder=folder),
        CreateVaultDialog(controller, folder=folder),
        RecoveryKeyDialog(recovery),
        UnlockDialog(controller, folder, keychain_available=True),
    ]
    for dialog in dialogs:
        show(qtbot, dialog)
        titles_are_clean(dialog, PERSON_FOLDER, "Ioana", "Popescu", str(folder), recovery[:4])
        assert_accessible(dialog)
        for label in dialog.findChildren(AlertLabel):
            assert not label.isVisible()  # no alert before anything has gone wrong
