"""Translatable copies of the messages the domain raises (``redress/models`` has no Qt).

The domain's errors carry safe, English, one-line messages. The desktop shows them through
:func:`translated`, which looks each message up in the ``ModelErrors`` context; this module lists
every fixed message as a literal so that ``lupdate`` can extract it. Messages built at run time
(with counts or problem lists) are shown as they are. A test keeps this list complete.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ModelErrors"

MESSAGES = (
    QT_TRANSLATE_NOOP(
        "ModelErrors",
        "wrong passphrase: the vault is unchanged; check the keyboard layout and Caps Lock",
    ),
    QT_TRANSLATE_NOOP("ModelErrors", "that recovery key does not open this vault"),
    QT_TRANSLATE_NOOP(
        "ModelErrors", "this device's keychain entry does not open this vault; use the passphrase"
    ),
    QT_TRANSLATE_NOOP(
        "ModelErrors",
        "this vault is already open in another Redress window or process; close it there first (nothing was changed)",
    ),
    QT_TRANSLATE_NOOP(
        "ModelErrors",
        "the vault database is damaged (a page failed its integrity check); nothing was changed. Restore the newest backup from the vault's backups folder",
    ),
    QT_TRANSLATE_NOOP("ModelErrors", "an attachment needs a file name"),
    QT_TRANSLATE_NOOP("ModelErrors", "an attachment's encrypted file is missing from the vault"),
    QT_TRANSLATE_NOOP("ModelErrors", "the backup failed its integrity check; nothing was changed"),
    QT_TRANSLATE_NOOP("ModelErrors", "no case with that id or reference in this vault"),
    QT_TRANSLATE_NOOP(
        "ModelErrors",
        "the vault database cannot be read: it is damaged, or it does not belong to this key file",
    ),
    QT_TRANSLATE_NOOP(
        "ModelErrors",
        "that is not a recovery key: it should be 40 letters and digits in groups of four",
    ),
    QT_TRANSLATE_NOOP(
        "ModelErrors", "the recovery key looks mistyped: its checksum does not match"
    ),
    QT_TRANSLATE_NOOP(
        "ModelErrors", "the key-slot file is damaged (wrapped key has the wrong size)"
    ),
    QT_TRANSLATE_NOOP("ModelErrors", "the key-slot file is damaged (unknown KDF)"),
    QT_TRANSLATE_NOOP("ModelErrors", "this is not a Redress key-slot file"),
    QT_TRANSLATE_NOOP("ModelErrors", "the key-slot file is damaged (missing fields)"),
    QT_TRANSLATE_NOOP("ModelErrors", "the passphrase slot's salt is not 16 bytes; refusing"),
    QT_TRANSLATE_NOOP("ModelErrors", "the key-slot file is damaged (unknown passphrase KDF)"),
    QT_TRANSLATE_NOOP("ModelErrors", "the key-slot file is damaged (KDF parameters)"),
    QT_TRANSLATE_NOOP("ModelErrors", "the key-slot file is damaged (unknown slot)"),
    QT_TRANSLATE_NOOP("ModelErrors", "the key-slot file is damaged (slot without KDF)"),
    QT_TRANSLATE_NOOP(
        "ModelErrors", "the key-slot file has been altered (its authentication code does not match)"
    ),
    QT_TRANSLATE_NOOP("ModelErrors", "the vault's key-slot file is missing"),
    QT_TRANSLATE_NOOP("ModelErrors", "the key-slot file is damaged (not valid JSON)"),
    QT_TRANSLATE_NOOP(
        "ModelErrors",
        "this vault was written by a newer version of Redress; update Redress to open it (nothing was changed)",
    ),
    QT_TRANSLATE_NOOP(
        "ModelErrors", "this device is not enrolled for this vault; use the passphrase"
    ),
    QT_TRANSLATE_NOOP(
        "ModelErrors",
        "this device's keychain has no key for this vault (the keychain may have changed); use the passphrase",
    ),
    QT_TRANSLATE_NOOP("ModelErrors", "the vault is locked"),
    QT_TRANSLATE_NOOP("ModelErrors", "a vault already exists there; it was left untouched"),
    QT_TRANSLATE_NOOP("ModelErrors", "there is no Redress vault at that location"),
    QT_TRANSLATE_NOOP(
        "ModelErrors", "the vault's database file is missing; restore it from a backup"
    ),
    QT_TRANSLATE_NOOP(
        "ModelErrors",
        "the vault's database file is empty; restore it from a backup (nothing was changed)",
    ),
    QT_TRANSLATE_NOOP(
        "ModelErrors", "the database and the key-slot file belong to different vaults"
    ),
    QT_TRANSLATE_NOOP("ModelErrors", "the keychain did not keep the secret; not enrolled"),
    QT_TRANSLATE_NOOP("ModelErrors", "the vault has no passphrase slot; use the recovery key"),
    QT_TRANSLATE_NOOP("ModelErrors", "this vault has no recovery key slot"),
    QT_TRANSLATE_NOOP(
        "ModelErrors",
        "the vault's key-slot file is missing; restore keyslots.json from a copy or open the database with the data key (docs/recovery.md)",
    ),
    QT_TRANSLATE_NOOP(
        "ModelErrors",
        "the vault database holds no Redress data; restore it from a backup (nothing was changed)",
    ),
)


def translated(message: str) -> str:
    """The message in the interface language (unchanged if it has no translation)."""
    return QCoreApplication.translate(CONTEXT, message)
