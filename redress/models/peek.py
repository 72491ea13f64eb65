"""What can be learnt about a vault without unlocking it: which kinds of key slot it offers.

The key-slot file is readable without any key (only its integrity is checked after an unlock), so
the unlock screen can offer the keychain button only where a device slot exists. Nothing here
trusts what it reads for anything but that choice: the real unlock re-reads and authenticates the
file.
"""

from __future__ import annotations

from pathlib import Path

from redress.models.errors import VaultDamagedError
from redress.models.keyslots import read_keyslot_file
from redress.models.vault import KEYSLOTS_NAME


def peek_slot_types(folder: Path) -> tuple[str, ...]:
    """The kinds of key slot a vault has, read without unlocking it.

    Args:
        folder: the vault folder.

    Returns:
        The slot types (``device``, ``passphrase``, ``recovery``), sorted and without repeats;
        an empty tuple when the key-slot file is missing, unreadable or damaged (the unlock itself
        then reports what is wrong).
    """
    try:
        slots, _mac = read_keyslot_file(Path(folder) / KEYSLOTS_NAME)
    except (VaultDamagedError, OSError):
        return ()
    return tuple(sorted({slot.type for slot in slots.slots}))
