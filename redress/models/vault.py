"""The vault: one folder holding the SQLCipher database, its key slots, a lock and backups.

Layout of a vault folder (all files owner-only)::

    vault.db          SQLCipher 4 database (raw 256-bit key), plus -wal / -shm while open
    keyslots.json     the data key wrapped per credential, the rollback counter, the audit anchor
    vault.lock        held while a process has the vault open
    attachments/      AES-256-GCM blobs, one per attachment
    backups/          rotating encrypted copies of vault.db (same data key)
    README.txt        a plain note saying what the folder is (no case content)

Opening never creates anything in place of a missing or damaged vault (Signal #5097): a wrong
credential, a damaged file or a rolled-back database is reported and nothing is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from redress.models import audit, backups, cases, checks, migrate
from redress.models.backups import BackupInfo, list_backups
from redress.models.checks import CheckItem, CheckReport
from redress.models.database import (
    JournalMode,
    apply_connection_pragmas,
    configuration_problems,
    create_vault_engine,
    db_uri,
    set_journal_mode,
)
from redress.models.errors import (
    RollbackError,
    VaultDamagedError,
    VaultError,
    VaultExistsError,
    VaultNotFoundError,
    WrongCredentialError,
)
from redress.models.fsutil import (
    atomic_write,
    make_private_dir,
    private_umask,
    remove_stale_temporaries,
)
from redress.models.keychain import Keychain, SystemKeychain
from redress.models.keyslots import (
    Argon2Params,
    KeySlotFile,
    calibrate_argon2,
    check_new_passphrase,
    new_data_key,
    new_recovery_key,
    open_passphrase_slot,
    open_secret_slot,
    parse_recovery_key,
    passphrase_slot,
    read_keyslot_file,
    secret_slot,
    write_keyslot_file,
)
from redress.models.locking import VaultLock
from redress.models.schema import VaultMeta

DB_NAME = "vault.db"
KEYSLOTS_NAME = "keyslots.json"
LOCK_NAME = "vault.lock"
ATTACHMENTS_DIR = "attachments"
BACKUPS_DIR = "backups"
README_NAME = "README.txt"

DAMAGED_DATABASE = (
    "the vault database is damaged (a page failed its integrity check); nothing was changed. "
    "Restore the newest backup from the vault's backups folder"
)

README_TEXT = """This folder is a Redress vault. Everything in it is encrypted.

vault.db is a standard SQLCipher 4 database; keyslots.json holds its key, wrapped by the
passphrase, the recovery key and (optionally) this device's keychain. Do not edit these files.
To open the data without Redress, see docs/recovery.md in the Redress source.
"""


# --- credentials ------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class Passphrase:
    """Unlock with the passphrase (NFKC-normalised before derivation).

    Attributes:
        text: the passphrase as typed.
    """

    text: str

    def __repr__(self) -> str:
        return "Passphrase(<hidden>)"


@dataclass(frozen=True, repr=False)
class RecoveryKey:
    """Unlock with the recovery key printed when the vault was made.

    Attributes:
        text: the key as typed (spaces, dashes and case are ignored).
    """

    text: str

    def __repr__(self) -> str:
        return "RecoveryKey(<hidden>)"


@dataclass(frozen=True)
class DeviceUnlock:
    """Unlock with this device's keychain entry (if one was enrolled)."""


Credential = Passphrase | RecoveryKey | DeviceUnlock


class _KeyHolder:
    """Holds the data key in a mutable buffer so that locking can overwrite it (best effort).

    Python cannot guarantee that no other copy exists (SECURITY.md's honest limits); this keeps the
    number of copies small and their lifetime short.
    """

    def __init__(self, key: bytes) -> None:
        self._key: bytearray | None = bytearray(key)

    def get(self) -> bytes:
        if self._key is None:
            raise VaultError("the vault is locked")
        return bytes(self._key)

    def wipe(self) -> None:
        if self._key is not None:
            for i in range(len(self._key)):
                self._key[i] = 0
            self._key = None

    @property
    def present(self) -> bool:
        return self._key is not None


# --- the vault --------------------------------------------------------------------------------


def _utc_stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def is_vault(folder: Path) -> bool:
    """Whether ``folder`` looks like a vault (has a key-slot file or a database)."""
    return (folder / KEYSLOTS_NAME).exists() or (folder / DB_NAME).exists()


class Vault:
    """An open (unlocked) vault.

    Use :meth:`create` or :meth:`open`; :meth:`close` (or a ``with`` block) locks it again:
    the engine is disposed, the data key overwritten and the folder lock released.

    Attributes:
        folder: the vault folder.
        vault_id: the vault's random id.
        engine: the SQLAlchemy engine (keyed connections only).
        sessions: the one ``sessionmaker`` for this vault.
    """

    def __init__(
        self,
        folder: Path,
        key: _KeyHolder,
        slots: KeySlotFile,
        lock: VaultLock,
        engine: Engine,
        keychain: Keychain,
        journal_mode: JournalMode,
    ) -> None:
        self.folder = folder
        self._key = key
        self._slots = slots
        self._lock = lock
        self.engine = engine
        self.sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_lock = threading.RLock()
        self._write_sessions = sessionmaker(
            bind=engine.execution_options(redress_begin_immediate=True), expire_on_commit=False
        )
        self._keychain = keychain
        self._journal_mode: JournalMode = journal_mode
        self.vault_id = slots.vault_id
        cases.install_search_index(self.sessions)
        cases.install_search_index(self._write_sessions)

    # paths
    @property
    def db_path(self) -> Path:
        """The SQLCipher database file."""
        return self.folder / DB_NAME

    @property
    def keyslots_path(self) -> Path:
        """The key-slot file."""
        return self.folder / KEYSLOTS_NAME

    @property
    def attachments_dir(self) -> Path:
        """Where encrypted attachment blobs live."""
        return self.folder / ATTACHMENTS_DIR

    @property
    def backups_dir(self) -> Path:
        """Where rotating encrypted backups live."""
        return self.folder / BACKUPS_DIR

    @property
    def is_open(self) -> bool:
        """Whether the vault is unlocked."""
        return self._key.present

    @property
    def slot_types(self) -> tuple[str, ...]:
        """The kinds of key slot this vault has."""
        return tuple(sorted(s.type for s in self._slots.slots))

    @property
    def counter(self) -> int:
        """The current rollback counter."""
        return self._slots.counter

    # --- creating ---------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        folder: Path,
        passphrase: str,
        *,
        kdf: Argon2Params | None = None,
        keychain: Keychain | None = None,
        journal_mode: JournalMode = "WAL",
    ) -> tuple[Vault, str]:
        """Create a new vault and open it.

        Args:
            folder: an empty or new folder.
            passphrase: the new passphrase (checked against the policy first).
            kdf: Argon2id parameters; by default calibrated to about half a second here.
            keychain: the keychain to use for a device slot later (default: the system's).
            journal_mode: ``WAL`` (default) or ``DELETE``.

        Returns:
            The open vault and its recovery key, which is shown to the user once and not stored.

        Raises:
            VaultExistsError: the folder already holds a vault (nothing is touched).
            WeakPassphraseError: the passphrase fails the policy.
        """
        folder = Path(folder)
        if is_vault(folder):
            raise VaultExistsError("a vault already exists there; it was left untouched")
        check_new_passphrase(passphrase, (folder.name,))
        params = kdf or calibrate_argon2()
        params.check_bounds()
        make_private_dir(folder)
        created: list[Path] = []
        lock = VaultLock(folder / LOCK_NAME)
        lock.acquire()
        key_holder: _KeyHolder | None = None
        engine: Engine | None = None
        try:
            for sub in (ATTACHMENTS_DIR, BACKUPS_DIR):
                make_private_dir(folder / sub)
            readme = folder / README_NAME
            if not readme.exists():
                atomic_write(readme, README_TEXT.encode())
                created.append(readme)
            vault_id = str(uuid.uuid4())
            data_key = new_data_key()
            key_holder = _KeyHolder(data_key)
            recovery = new_recovery_key()
            slots = KeySlotFile(
                vault_id=vault_id,
                counter=1,
                audit_seq=0,
                audit_hash=audit.GENESIS,
                slots=(
                    passphrase_slot(passphrase, data_key, vault_id, params),
                    secret_slot("recovery", parse_recovery_key(recovery), data_key, vault_id),
                ),
            )
            db_path = folder / DB_NAME
            created.append(db_path)
            with private_umask():
                raw = sqlcipher3.dbapi2.connect(db_uri(db_path, create=True), uri=True)
                try:
                    apply_connection_pragmas(raw, data_key)
                    set_journal_mode(raw, journal_mode)
                finally:
                    raw.close()
            engine = _engine(db_path, key_holder)
            migrate.upgrade(engine)
            with Session(engine) as session, session.begin():
                session.add_all(
                    [
                        VaultMeta(key="vault_id", value=vault_id),
                        VaultMeta(key="counter", value="1"),
                        VaultMeta(key="created_at", value=dt.datetime.now(dt.UTC).isoformat()),
                    ]
                )
                audit.record(session, "vault.created", detail=f"KDF memory {params.memory_kib} KiB")
                seq, head_hash = audit.head(session)
            slots = replace(slots, audit_seq=seq, audit_hash=head_hash)
            created.append(folder / KEYSLOTS_NAME)
            write_keyslot_file(folder / KEYSLOTS_NAME, slots, data_key)
        except BaseException:
            if engine is not None:
                engine.dispose()
            if key_holder is not None:
                key_holder.wipe()
            for path in created:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    with contextlib.suppress(FileNotFoundError):
                        path.with_name(path.name + suffix).unlink()
            lock.release()
            raise
        vault = cls(
            folder, key_holder, slots, lock, engine, keychain or SystemKeychain(), journal_mode
        )
        return vault, recovery

    # --- opening ----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        folder: Path,
        credential: Credential,
        *,
        keychain: Keychain | None = None,
        journal_mode: JournalMode = "WAL",
    ) -> Vault:
        """Unlock an existing vault.

        Raises:
            VaultNotFoundError: there is no vault there (and none is created).
            VaultInUseError: another process has it open.
            WrongCredentialError: the credential does not open it (nothing is written).
            VaultDamagedError: a file fails its integrity checks.
            RollbackError: the database is older than the key-slot file's counter.
            SchemaVersionError: a newer Redress wrote it.
        """
        folder = Path(folder)
        if not folder.is_dir() or not (folder / KEYSLOTS_NAME).exists():
            if (folder / DB_NAME).exists():
                raise VaultDamagedError(
                    "the vault's key-slot file is missing; restore keyslots.json from a copy or "
                    "open the database with the data key (docs/recovery.md)"
                )
            raise VaultNotFoundError("there is no Redress vault at that location")
        if not (folder / DB_NAME).exists():
            raise VaultDamagedError(
                "the vault's database file is missing; restore it from a backup"
            )
        if (folder / DB_NAME).stat().st_size == 0:
            raise VaultDamagedError(
                "the vault's database file is empty; restore it from a backup (nothing was changed)"
            )
        keychain = keychain or SystemKeychain()
        lock = VaultLock(folder / LOCK_NAME)
        lock.acquire()
        key_holder: _KeyHolder | None = None
        engine: Engine | None = None
        try:
            slots, mac = read_keyslot_file(folder / KEYSLOTS_NAME)
            data_key = _unlock(slots, credential, keychain)
            slots.verify(data_key, mac)
            key_holder = _KeyHolder(data_key)
            for stale_dir in (folder, folder / ATTACHMENTS_DIR, folder / BACKUPS_DIR):
                remove_stale_temporaries(stale_dir)
            engine = _engine(folder / DB_NAME, key_holder)
            with engine.connect() as conn:
                problems = configuration_problems(conn.connection.dbapi_connection)
            if problems:
                raise VaultError("unsafe database configuration: " + "; ".join(problems))
            vault = cls(folder, key_holder, slots, lock, engine, keychain, journal_mode)
            try:
                vault._after_unlock()
            except DBAPIError as exc:
                raise VaultDamagedError(DAMAGED_DATABASE) from exc
        except BaseException:
            if engine is not None:
                engine.dispose()
            if key_holder is not None:
                key_holder.wipe()
            lock.release()
            raise
        return vault

    def _meta(self, session: Session, key: str) -> str | None:
        row = session.get(VaultMeta, key)
        return None if row is None else row.value

    def _after_unlock(self) -> None:
        """Check identity and rollback (read-only), then set up, migrate and bump the counter.

        Nothing is written before the checks pass; migrations run after a verified backup.
        """
        with self.engine.connect() as conn:
            if migrate.current_revision(conn) is None:
                raise VaultDamagedError(
                    "the vault database holds no Redress data; restore it from a backup "
                    "(nothing was changed)"
                )
        with self.sessions() as session:
            stored_id = self._meta(session, "vault_id")
            db_counter = int(self._meta(session, "counter") or "0")
        if stored_id != self.vault_id:
            raise VaultDamagedError("the database and the key-slot file belong to different vaults")
        if db_counter < self._slots.counter:
            raise RollbackError(
                "the vault database is older than its key-slot file records "
                f"(counter {db_counter}, expected at least {self._slots.counter}): it may have "
                "been replaced by an older copy. Nothing was changed; run `redress check` and "
                "restore the newest backup if this was not intended."
            )
        with self.engine.connect() as conn:
            set_journal_mode(conn.connection.dbapi_connection, self._journal_mode)
        if migrate.needs_upgrade(self.engine):
            self.backup("pre-migration", verify=True)
            migrate.upgrade(self.engine)
        self._bump_counter(max(db_counter, self._slots.counter) + 1)

    def _bump_counter(self, value: int) -> None:
        """Raise the rollback counter: the database first, then the key-slot file."""
        with self.transaction() as session:
            meta = session.get(VaultMeta, "counter")
            assert meta is not None
            meta.value = str(value)
            seq, head_hash = audit.head(session)
        self._write_slots(replace(self._slots, counter=value, audit_seq=seq, audit_hash=head_hash))

    def _write_slots(self, slots: KeySlotFile) -> None:
        write_keyslot_file(self.keyslots_path, slots, self._key.get())
        self._slots = slots

    # --- sessions ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: a session in one write transaction, committed on success.

        The transaction starts with ``BEGIN IMMEDIATE``, so it holds the write lock from the
        start: a deferred transaction that reads and then writes would fail at once with
        "database is locked" when another connection wrote in between (SQLITE_BUSY_SNAPSHOT),
        whereas an immediate one waits its turn (``busy_timeout``). Within the process (the
        only one that can have the vault open) writers also take a lock, so they queue in
        Python rather than in SQLite's busy handler.
        """
        with self._write_lock, self._write_sessions.begin() as session:
            yield session

    # --- closing ----------------------------------------------------------------------------

    def close(self, *, backup: bool = True) -> None:
        """Lock the vault: bump the counter, back up, dispose of connections, drop the key."""
        if not self._key.present:
            return
        try:
            if backup:
                with self.transaction() as session:
                    db_counter = int(self._meta(session, "counter") or "0")
                value = max(db_counter, self._slots.counter) + 1
                with self.transaction() as session:
                    meta = session.get(VaultMeta, "counter")
                    assert meta is not None
                    meta.value = str(value)
                    seq, head_hash = audit.head(session)
                self.backup("close")
                self._write_slots(
                    replace(self._slots, counter=value, audit_seq=seq, audit_hash=head_hash)
                )
            with self.engine.connect() as conn:
                if self._journal_mode == "WAL":
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.engine.dispose()
            self._key.wipe()
            self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- credentials ------------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str, *, kdf: Argon2Params | None = None) -> None:
        """Re-wrap the data key under a new passphrase; the database is not rewritten.

        A verified backup is made first; the key-slot file is replaced atomically, so a crash
        leaves either the old or the new passphrase working, never neither.
        """
        check_new_passphrase(new_passphrase, (self.folder.name,))
        old = self._slots.slot("passphrase")
        if old is not None:
            params = kdf or Argon2Params(
                memory_kib=int(old.kdf["memory_kib"]), iterations=int(old.kdf["iterations"])
            )
        else:
            params = kdf or calibrate_argon2()
        slot = passphrase_slot(new_passphrase, self._key.get(), self.vault_id, params)
        self.backup("pre-passphrase-change")
        with self.transaction() as session:
            audit.record(session, "vault.passphrase_changed")
            seq, head_hash = audit.head(session)
        self._write_slots(replace(self._slots.with_slot(slot), audit_seq=seq, audit_hash=head_hash))

    def replace_recovery_key(self) -> str:
        """Issue a new recovery key (the old one stops working); returns it, to show once."""
        recovery = new_recovery_key()
        slot = secret_slot("recovery", parse_recovery_key(recovery), self._key.get(), self.vault_id)
        with self.transaction() as session:
            audit.record(session, "vault.recovery_key_replaced")
        self._write_slots(self._slots.with_slot(slot))
        return recovery

    def device_account(self) -> str:
        """The keychain account name for this vault's device slot (an id, no names)."""
        return f"{self.vault_id}/device"

    def enroll_device(self) -> None:
        """Add a device slot whose secret is kept in the OS keychain.

        Raises:
            KeychainUnavailableError: no secure keychain backend (the passphrase still works).
        """
        from redress.models.errors import KeychainUnavailableError

        status = self._keychain.status()
        if not status.available:
            raise KeychainUnavailableError(status.reason)
        secret = os.urandom(32)
        self._keychain.store(self.device_account(), secret)
        if self._keychain.load(self.device_account()) != secret:
            raise KeychainUnavailableError("the keychain did not keep the secret; not enrolled")
        slot = secret_slot("device", secret, self._key.get(), self.vault_id)
        with self.transaction() as session:
            audit.record(session, "vault.device_enrolled")
        self._write_slots(self._slots.with_slot(slot))

    def remove_device(self) -> None:
        """Remove the device slot and its keychain entry."""
        with self.transaction() as session:
            audit.record(session, "vault.device_removed")
        self._write_slots(self._slots.without_slot("device"))
        self._keychain.delete(self.device_account())

    def reveal_data_key(self) -> str:
        """The raw data key as hex, for opening the database with standard SQLCipher tools.

        Callers must have just asked for the passphrase or recovery key and warned the user;
        the reveal is recorded in the audit log.
        """
        with self.transaction() as session:
            audit.record(session, "vault.data_key_revealed")
        return self._key.get().hex()

    # --- backups and checks -----------------------------------------------------------------

    def backup(self, reason: str, *, verify: bool = False) -> Path:
        """Write an encrypted copy of the database to ``backups/`` and rotate old ones."""
        return backups.write_backup(
            self.engine, self._key.get(), self.backups_dir, reason, verify=verify
        )

    def list_backups(self) -> list[BackupInfo]:
        """Backups, newest first."""
        return backups.list_backups(self.folder)

    def check(self, *, attachments: bool = True) -> CheckReport:
        """Verify everything that can be verified (``redress check``)."""
        return checks.check_vault(
            self.db_path,
            self.sessions,
            self.keyslots_path,
            self.attachments_dir,
            self._slots,
            self._key.get(),
            attachments=attachments,
        )


def _engine(db_path: Path, key: _KeyHolder) -> Engine:
    return create_vault_engine(db_path, key.get)


def _unlock(slots: KeySlotFile, credential: Credential, keychain: Keychain) -> bytes:
    if isinstance(credential, Passphrase):
        slot = slots.slot("passphrase")
        if slot is None:
            raise VaultDamagedError("the vault has no passphrase slot; use the recovery key")
        return open_passphrase_slot(slot, credential.text, slots.vault_id)
    if isinstance(credential, RecoveryKey):
        slot = slots.slot("recovery")
        if slot is None:
            raise WrongCredentialError("this vault has no recovery key slot")
        return open_secret_slot(slot, parse_recovery_key(credential.text), slots.vault_id)
    slot = slots.slot("device")
    if slot is None:
        raise WrongCredentialError("this device is not enrolled for this vault; use the passphrase")
    secret = keychain.load(f"{slots.vault_id}/device")
    if secret is None:
        raise WrongCredentialError(
            "this device's keychain has no key for this vault (the keychain may have changed); "
            "use the passphrase"
        )
    return open_secret_slot(slot, secret, slots.vault_id)


def recover(
    folder: Path, recovery_key: str, new_passphrase: str, **kwargs: Any
) -> tuple[Vault, str]:
    """Open with the recovery key, set a new passphrase and issue a new recovery key.

    The used recovery key is retired, since it has now been typed in; the new one is returned to
    be shown once.
    """
    check_new_passphrase(new_passphrase, (Path(folder).name,))
    vault = Vault.open(folder, RecoveryKey(recovery_key), **kwargs)
    try:
        vault.change_passphrase(new_passphrase)
        new_key = vault.replace_recovery_key()
    except BaseException:
        vault.close(backup=False)
        raise
    return vault, new_key


__all__ = [
    "BackupInfo",
    "CheckItem",
    "CheckReport",
    "Credential",
    "DeviceUnlock",
    "Passphrase",
    "RecoveryKey",
    "Vault",
    "is_vault",
    "list_backups",
    "recover",
]
