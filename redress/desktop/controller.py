"""The vault session behind the desktop: open, lock, and run each user action as a transaction.

Widgets never hold a database session (DESIGN.md "The desktop"): they ask the controller to run a
function against a session, either at once on the GUI thread for quick writes (one transaction
per user action, STYLE.md practice 9) or in a worker thread for long work.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from sqlalchemy.orm import Session

from redress.desktop.workers import Operation, ProgressFn, run_in_background
from redress.models.errors import VaultError
from redress.models.keychain import Keychain
from redress.models.vault import Credential, Vault

T = TypeVar("T")


class VaultController(QObject):
    """Owns the open vault (if any) for one window.

    Signals:
        about_to_lock(): the vault is about to lock and is still open; editors save what they
            can now.
        unlocked(): a vault was opened or created; views may load.
        locked(): the vault was locked; views must clear everything they show.
        changed(str): a case changed (its id; empty for "many"), so views refresh.
        error(str): a user-safe message about a failed action.
    """

    about_to_lock = Signal()
    unlocked = Signal()
    locked = Signal()
    changed = Signal(str)
    error = Signal(str)

    def __init__(self, keychain: Keychain | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._keychain = keychain
        self.folder: Path | None = None

    # --- state ------------------------------------------------------------------------------

    @property
    def vault(self) -> Vault:
        """The open vault (raises if locked)."""
        if self._vault is None or not self._vault.is_open:
            raise VaultError(QCoreApplication.translate("Errors", "the vault is locked"))
        return self._vault

    @property
    def is_unlocked(self) -> bool:
        """Whether a vault is open."""
        return self._vault is not None and self._vault.is_open

    # --- opening ----------------------------------------------------------------------------

    def open_in_background(
        self,
        folder: Path,
        credential: Credential,
        on_failure: Callable[[str], None] | None = None,
    ) -> Operation:
        """Unlock ``folder`` off the GUI thread (the KDF takes a moment); emits ``unlocked``."""

        def task(_progress: ProgressFn, _cancel: threading.Event) -> Vault:
            return Vault.open(folder, credential, keychain=self._keychain)

        def done(vault: Vault) -> None:
            self._adopt(vault)

        return run_in_background(task, done, on_failure)

    def create_in_background(
        self,
        folder: Path,
        passphrase: str,
        on_success: Callable[[str], None],
        on_failure: Callable[[str], None] | None = None,
        **create_options: Any,
    ) -> Operation:
        """Create a vault off the GUI thread; ``on_success`` gets the recovery key to show once."""

        def task(_progress: ProgressFn, _cancel: threading.Event) -> tuple[Vault, str]:
            return Vault.create(folder, passphrase, keychain=self._keychain, **create_options)

        def done(result: tuple[Vault, str]) -> None:
            vault, recovery = result
            self._adopt(vault)
            on_success(recovery)

        return run_in_background(task, done, on_failure)

    def adopt(self, vault: Vault) -> None:
        """Take over an already open vault (tests and the demo flow use this)."""
        self._adopt(vault)

    def _adopt(self, vault: Vault) -> None:
        if self._vault is not None and self._vault.is_open:
            self._vault.close()
        self._vault = vault
        self.folder = vault.folder
        self.unlocked.emit()

    # --- locking ----------------------------------------------------------------------------

    def lock(self, *, quick: bool = False) -> None:
        """Lock: views clear first (``locked``), then the engine is disposed and the key dropped.

        Args:
            quick: skip the closing backup so that the key is gone at once (quick exit).
        """
        if self.is_unlocked:
            self.about_to_lock.emit()
        vault, self._vault = self._vault, None
        self.locked.emit()
        if vault is not None and vault.is_open:
            vault.close(backup=not quick)

    # --- running user actions ---------------------------------------------------------------

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` with a read-only session on the GUI thread (quick lookups)."""
        with self.vault.sessions() as session:
            return fn(session)

    def write(self, fn: Callable[[Session], T], *, case_id: str = "") -> T:
        """Run ``fn`` in one transaction (one user action) and announce the change."""
        with self.vault.transaction() as session:
            result = fn(session)
        self.changed.emit(case_id)
        return result

    def background(
        self,
        fn: Callable[[Session, ProgressFn, threading.Event], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        *,
        write: bool = False,
        case_id: str = "",
    ) -> Operation:
        """Run ``fn(session, progress, cancel)`` in a worker thread with its own session."""
        vault = self.vault

        def task(progress: ProgressFn, cancel: threading.Event) -> T:
            if write:
                with vault.transaction() as session:
                    return fn(session, progress, cancel)
            with vault.sessions() as session:
                return fn(session, progress, cancel)

        def done(result: T) -> None:
            if write:
                self.changed.emit(case_id)
            if on_success is not None:
                on_success(result)

        return run_in_background(task, done, on_failure or self.error.emit)
