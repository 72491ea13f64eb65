"""The demo vault: fictional cases behind a fixed, published passphrase, for trying Redress out.

The demo cases are invented (``redress.models.demo``), so the vault needs no secrecy; its
passphrase is shown on the start screen. It is still a real, encrypted vault, so the demo
behaves exactly like the real thing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.unlock.common import default_demo_folder
from redress.desktop.workers import Operation, ProgressFn
from redress.models.vault import Passphrase, is_vault

# Published on purpose: the demo vault holds fictional cases only. At least 15 characters and not
# on the blocklist, so the ordinary passphrase policy accepts it.
DEMO_PASSPHRASE: Final = "fictional demo cases only"


def _add_missing_demo_cases(
    session: Session, _progress: ProgressFn, _cancel: threading.Event
) -> int:
    from redress.models.demo import add_demo_cases, demo_cases_present

    if demo_cases_present(session):
        return 0
    return len(add_demo_cases(session))


def open_demo_vault(
    controller: VaultController,
    on_done: Callable[[], None],
    on_failure: Callable[[str], None],
    *,
    folder: Path | None = None,
    **create_options: Any,
) -> Operation:
    """Open the demo vault, creating it and adding the fictional cases first if needed.

    Every step runs off the GUI thread. The controller emits ``unlocked`` as soon as the vault is
    open, and ``changed`` once the demo cases are in; ``on_done`` runs after that.

    Args:
        controller: the window's vault controller; it adopts the demo vault.
        on_done: called on the GUI thread once the vault is open and holds the demo cases.
        on_failure: called with a user-safe message if any step fails.
        folder: where the demo vault lives (default: ``Demo vault`` in the user's data folder).
        **create_options: passed to ``Vault.create`` when the vault is new (tests pass ``kdf``).

    Returns:
        The first background operation (opening or creating the vault).
    """
    target = folder if folder is not None else default_demo_folder()

    def add_cases(_result: object = None) -> None:
        controller.background(
            _add_missing_demo_cases,
            lambda _count: on_done(),
            on_failure,
            write=True,
        )

    if is_vault(target):
        # A demo vault left without its cases (interrupted the first time) gets them now.
        operation = controller.open_in_background(target, Passphrase(DEMO_PASSPHRASE), on_failure)
        # Connected after the controller's own slot, so the vault is adopted before this runs.
        operation.succeeded.connect(add_cases)
        return operation
    # The recovery key of the demo vault is not shown: it protects nothing real.
    return controller.create_in_background(
        target, DEMO_PASSPHRASE, add_cases, on_failure, **create_options
    )
