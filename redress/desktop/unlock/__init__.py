"""Getting into a vault: the start screen, creating a vault, the recovery key, unlocking, the demo.

The dialogs never hold the vault themselves: they ask the :class:`VaultController` to create or
open it in a worker thread and react to its ``unlocked`` signal.
"""

from __future__ import annotations

from redress.desktop.unlock.common import default_demo_folder, default_vault_folder
from redress.desktop.unlock.create import CreateVaultDialog
from redress.desktop.unlock.demo import DEMO_PASSPHRASE, open_demo_vault
from redress.desktop.unlock.recovery import RecoveryKeyDialog
from redress.desktop.unlock.start import StartDialog
from redress.desktop.unlock.unlock_dialog import UnlockDialog

__all__ = [
    "DEMO_PASSPHRASE",
    "CreateVaultDialog",
    "RecoveryKeyDialog",
    "StartDialog",
    "UnlockDialog",
    "default_demo_folder",
    "default_vault_folder",
    "open_demo_vault",
]
