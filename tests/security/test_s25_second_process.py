"""SECURITY.md test 25: a second instance is refused; concurrent work leaves the vault intact.

A second process (``python -c`` with the same folder) and a second in-process open both get
``VaultInUseError`` while the vault is open, and change nothing; after ``close`` (or after the
holder is SIGKILLed: ``flock`` locks die with their process) the vault opens again. Then two
threads share one open vault and run 1,000 user actions between them (new cases, notes,
attachments, stage changes, deletions, searches and case lists), each in its own session from
``vault.sessions``; every action must succeed, the final content must match what the actions
did, and ``vault.check()`` must pass.
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import textwrap
import threading
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redress.models import attachments as blobs
from redress.models import cases
from redress.models.errors import VaultExistsError, VaultInUseError
from redress.models.schema import Attachment, Case, Client, Note, Stage
from redress.models.vault import Passphrase, RecoveryKey, Vault
from tests.conftest import PASSPHRASE, NoKeychain
from tests.security.helpers import (
    READY,
    ChildReporter,
    open_with_recovery,
    run_and_kill,
    tree_hashes,
    tree_names,
)

OPERATIONS = 1000
SECOND_PROCESS = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from redress.models.errors import VaultInUseError
    from redress.models.vault import RecoveryKey, Vault

    class NoKeychain:
        def load(self, account): return None

    try:
        vault = Vault.open(Path(sys.argv[1]), RecoveryKey(sys.argv[2]), keychain=NoKeychain())
    except VaultInUseError as exc:
        print("REFUSED", exc)
        sys.exit(3)
    vault.close()
    print("OPENED")
    """
)


def _second_process(folder: Path, recovery: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SECOND_PROCESS, str(folder), recovery],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_second_process_and_second_open_are_refused(
    new_vault: tuple[Vault, str], kdf: object
) -> None:
    vault, recovery = new_vault
    with vault.transaction() as session:
        cases.add_case(
            session, Case(jurisdiction="US-NY", client=Client(legal_name="L", pseudonym="P"))
        )
    hashes = tree_hashes(vault.folder, skip=("vault.db-shm",))
    names = tree_names(vault.folder)
    done = _second_process(vault.folder, recovery)
    assert done.returncode == 3, done.stdout + done.stderr[-2000:]
    assert "REFUSED" in done.stdout and "already open" in done.stdout
    with pytest.raises(VaultInUseError):
        Vault.open(vault.folder, RecoveryKey(recovery), keychain=NoKeychain())
    with pytest.raises(VaultInUseError):
        Vault.open(vault.folder, Passphrase(PASSPHRASE), keychain=NoKeychain())
    with pytest.raises(VaultExistsError):
        Vault.create(vault.folder, PASSPHRASE, keychain=NoKeychain())
    assert tree_hashes(vault.folder, skip=("vault.db-shm",)) == hashes
    assert tree_names(vault.folder) == names
    assert vault.is_open and vault.check().ok
    vault.close()
    done = _second_process(vault.folder, recovery)
    assert done.returncode == 0 and "OPENED" in done.stdout, done.stderr[-2000:]


def test_lock_dies_with_a_killed_holder(new_vault: tuple[Vault, str], tmp_path: Path) -> None:
    vault, recovery = new_vault
    vault.close()

    def hold(reporter: ChildReporter) -> None:
        open_with_recovery(vault.folder, recovery)
        reporter.send(READY)
        threading.Event().wait(60)

    result = run_and_kill(hold, delay=0.0, error_file=tmp_path / "err.txt")
    assert result.ready and result.killed, result.error
    reopened = open_with_recovery(vault.folder, recovery)
    assert reopened.check().ok
    reopened.close()


def _worker(vault: Vault, seed: int, count: int, tally: Counter[str], errors: list[str]) -> None:
    rng = random.Random(f"s25-{seed}")
    for n in range(count):
        action = rng.choices(
            ("case", "note", "stage", "attach", "delete_note", "search", "list"),
            weights=(15, 25, 15, 8, 7, 15, 15),
        )[0]
        try:
            if action == "case":
                with vault.transaction() as session:
                    cases.add_case(
                        session,
                        Case(
                            jurisdiction="US-NY",
                            client=Client(legal_name=f"Legal {seed}-{n}", pseudonym=f"P{seed}-{n}"),
                        ),
                    )
            elif action in ("note", "stage", "attach"):
                with vault.transaction() as session:
                    ids = session.execute(select(Case.id)).scalars().all()
                    if not ids:
                        action = "skipped"
                    else:
                        case = session.get(Case, rng.choice(sorted(ids)))
                        assert case is not None
                        if action == "note":
                            case.notes.append(Note(body=f"note {seed}-{n} " * rng.randint(1, 200)))
                        elif action == "stage":
                            case.stage = rng.choice(list(Stage))
                        else:
                            data = rng.randbytes(rng.randint(0, 20_000))
                            cases.add_attachment(
                                session,
                                vault.attachments_dir,
                                case,
                                io.BytesIO(data),
                                f"f{seed}-{n}",
                            )
            elif action == "delete_note":
                with vault.transaction() as session:
                    note = session.execute(select(Note).limit(1)).scalar()
                    if note is None:
                        action = "skipped"
                    else:
                        session.delete(note)
            elif action == "search":
                with vault.sessions() as session:
                    cases.search(session, f"Legal {seed}")
            else:
                with vault.sessions() as session:
                    cases.list_cases(session)
            tally[action] += 1
        except Exception as exc:  # collected and reported with the failing action
            errors.append(f"{action}: {type(exc).__name__}: {str(exc)[:200]}")


def _run_threads(vault: Vault) -> tuple[Counter[str], list[str]]:
    tallies = [Counter[str](), Counter[str]()]
    errors: list[str] = []
    threads = [
        threading.Thread(target=_worker, args=(vault, seed, OPERATIONS // 2, tallies[seed], errors))
        for seed in (0, 1)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a worker hung"
    return tallies[0] + tallies[1], errors


@pytest.mark.slow
def test_two_threads_1000_operations_leave_the_vault_intact(vault: Vault) -> None:
    tally, errors = _run_threads(vault)
    assert sum(tally.values()) + len(errors) == OPERATIONS
    unexpected = [e for e in errors if "database is locked" not in e]
    assert unexpected == [], unexpected[:3]
    report = vault.check()
    assert report.ok, [(i.name, i.detail) for i in report.items if not i.ok]
    with vault.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == tally["case"]
        assert session.scalar(select(func.count()).select_from(Attachment)) == tally["attach"]
        notes = session.scalar(select(func.count()).select_from(Note))
        assert notes == tally["note"] - tally["delete_note"]
        for row in session.execute(select(Attachment)).scalars():
            blobs.verify(vault.attachments_dir, cases.sealed(row))
    vault.close()
    reopened = Vault.open(vault.folder, Passphrase(PASSPHRASE), keychain=NoKeychain())
    try:
        assert reopened.check().ok
    finally:
        reopened.close(backup=False)


@pytest.mark.slow
def test_two_threads_1000_operations_all_succeed(vault: Vault) -> None:
    _, errors = _run_threads(vault)
    assert errors == [], f"{len(errors)} of {OPERATIONS} actions failed, e.g. {errors[:2]}"
