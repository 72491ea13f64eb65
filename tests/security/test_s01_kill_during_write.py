"""SECURITY.md test 1: kill -9 during writes, in WAL and DELETE journal modes.

A forked child unlocks the vault with the recovery key (HKDF, so each child costs milliseconds)
and runs an endless stream of transactions. Transaction ``k`` is derived from ``k`` alone (and
the state before it): new cases with clients, case updates with long text, record entries,
notes, note and case deletions, and encrypted attachments added through
``cases.add_attachment``. Every transaction also writes ``k`` into a marker row
(``vault_meta["s01.k"]``) and the child reports each commit through a pipe. The parent SIGKILLs
the child after a random 0-50 ms (counted from the child's "unlocked" message; one kill in ten is
counted from the fork instead, so kills also land inside the unlock and its counter bump).

After every kill the parent unlocks the vault again and requires:

- ``PRAGMA cipher_integrity_check`` returns no rows and ``PRAGMA integrity_check`` is ``ok``;
  ``vault.check()`` passes (audit chain, rollback counter, key slots), and so does FTS5's own
  ``integrity-check`` of the search index;
- the marker ``k`` is the last acknowledged commit or the one after it (a commit can land just
  before its acknowledgement), and the whole content equals, exactly, the state computed by a
  pure replay of transactions 1..k (never a mix of two transactions);
- every attachment row decrypts (AES-GCM) to the bytes the replay says it holds.

Iterations: 100 per mode by default (200 kills), 1,000 per mode with ``REDRESS_STRESS=1``. The
vault is restarted from a fresh copy every 50 kills so it keeps growing within an epoch (free
pages, overflow pages, many WAL frames) while each iteration stays fast.
"""

from __future__ import annotations

import copy
import hashlib
import io
import os
import random
import shutil
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from redress.models import attachments as blobs
from redress.models import cases
from redress.models.database import JournalMode
from redress.models.keyslots import Argon2Params
from redress.models.schema import (
    Attachment,
    Case,
    Client,
    EntryKind,
    Note,
    RecordEntry,
    Stage,
    VaultMeta,
)
from redress.models.vault import Vault
from tests.conftest import PASSPHRASE, NoKeychain
from tests.security.helpers import (
    READY,
    STRESS,
    ChildReporter,
    failed_items,
    open_with_recovery,
    raw_integrity,
    run_and_kill,
    stale_temporaries,
)

ITERATIONS = 1000 if STRESS else 100
EPOCH = 50
MARKER = "s01.k"
NAMESPACE = uuid.UUID("6f1c2b1e-8a51-4a4e-9d33-5b0c1d2e3f40")
JURISDICTIONS = ("US-NY", "GB-EWS", "US-CA", "NL", "DE", "FR")
STAGES = tuple(s.value for s in Stage)
WORDS = ("harbour", "lantern", "kettle", "violet", "copper", "meadow", "ledger", "quiet", "ember")
ATTACHMENT_SIZES = (0, 1, 777, 5_000, 40_000, 1024 * 1024 + 300)
ATTACHMENT_SIZE_WEIGHTS = (2, 2, 4, 4, 2, 1)


# --- the deterministic transaction stream (pure) -----------------------------------------------


@dataclass
class Model:
    """The content a vault must hold after some number of transactions.

    Attributes:
        k: transactions applied.
        cases: case id -> (reference, jurisdiction, stage, assigned_to, cooperation notes,
            legal name, pseudonym).
        entries: record entry id -> (case id, offence text, court, docket).
        notes: note id -> (case id, body).
        attachments: (case id, name) -> (size, sha256 of the content).
    """

    k: int = 0
    cases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    entries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    notes: dict[str, tuple[str, str]] = field(default_factory=dict)
    attachments: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)


Op = tuple[object, ...]


def _ident(kind: str, k: int, i: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}-{k}-{i}"))


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def attachment_bytes(name: str, size: int) -> bytes:
    """The content of a generated attachment (a function of its name and size)."""
    return random.Random(f"blob-{name}").randbytes(size)


def _plan_one(rng: random.Random, k: int, i: int, model: Model) -> Op:
    case_ids = sorted(model.cases)
    if not case_ids:
        choice = "new_case"
    else:
        choice = rng.choices(
            (
                "new_case",
                "update_case",
                "add_entry",
                "add_note",
                "delete_note",
                "attach",
                "delete_case",
            ),
            weights=(14, 22, 18, 18, 6, 16, 3 if len(case_ids) > 4 else 0),
        )[0]
        if choice == "delete_note" and not model.notes:
            choice = "add_note"
    if choice == "new_case":
        return (
            "new_case",
            _ident("case", k, i),
            f"K-{k:07d}-{i}",
            rng.choice(JURISDICTIONS),
            f"Legal {k}.{i} {_words(rng, 2)}",
            f"Client {k}.{i}",
        )
    if choice == "update_case":
        return (
            "update_case",
            rng.choice(case_ids),
            rng.choice(STAGES),
            f"lawyer {k}.{i}",
            f"cooperation {k}.{i} " + _words(rng, rng.choice((0, 5, 400))),
            f"Renamed {k}.{i}",
        )
    if choice == "add_entry":
        return (
            "add_entry",
            _ident("entry", k, i),
            rng.choice(case_ids),
            f"offence {k}.{i} " + _words(rng, rng.randint(1, 60)),
            f"court {rng.randint(1, 9)}",
            f"D-{k}-{i}",
        )
    if choice == "add_note":
        return (
            "add_note",
            _ident("note", k, i),
            rng.choice(case_ids),
            f"note {k}.{i} " + _words(rng, rng.choice((3, 50, 900))),
        )
    if choice == "delete_note":
        return ("delete_note", rng.choice(sorted(model.notes)))
    if choice == "attach":
        size = rng.choices(ATTACHMENT_SIZES, weights=ATTACHMENT_SIZE_WEIGHTS)[0]
        return ("attach", rng.choice(case_ids), f"scan-{k}-{i}.bin", size)
    return ("delete_case", rng.choice(case_ids))


def apply_to_model(model: Model, op: Op) -> None:
    """Apply one operation to the in-memory model (pure bookkeeping)."""
    kind = op[0]
    if kind == "new_case":
        _, cid, ref, juris, legal, pseudo = op
        model.cases[cid] = (ref, juris, "intake", None, None, legal, pseudo)
    elif kind == "update_case":
        _, cid, stage, assigned, coop, legal = op
        ref, juris, _, _, _, _, pseudo = model.cases[cid]
        model.cases[cid] = (ref, juris, stage, assigned, coop, legal, pseudo)
    elif kind == "add_entry":
        _, eid, cid, offence, court, docket = op
        model.entries[eid] = (cid, offence, court, docket)
    elif kind == "add_note":
        _, nid, cid, body = op
        model.notes[nid] = (cid, body)
    elif kind == "delete_note":
        del model.notes[op[1]]
    elif kind == "attach":
        _, cid, name, size = op
        content = attachment_bytes(name, size)
        model.attachments[(cid, name)] = (size, hashlib.sha256(content).hexdigest())
    elif kind == "delete_case":
        cid = op[1]
        del model.cases[cid]
        model.entries = {e: v for e, v in model.entries.items() if v[0] != cid}
        model.notes = {n: v for n, v in model.notes.items() if v[0] != cid}
        model.attachments = {a: v for a, v in model.attachments.items() if a[0] != cid}
    else:  # pragma: no cover
        raise AssertionError(kind)


def plan(k: int, model: Model) -> list[Op]:
    """Transaction ``k``: one to three operations, a function of ``k`` and the state before."""
    rng = random.Random(f"redress-s01-{k}")
    scratch = copy.deepcopy(model)
    ops: list[Op] = []
    for i in range(rng.choice((1, 1, 2, 3))):
        op = _plan_one(rng, k, i, scratch)
        apply_to_model(scratch, op)
        ops.append(op)
    return ops


def step(model: Model, k: int) -> Model:
    """The model after transaction ``k`` (``model`` must be at ``k - 1``)."""
    assert model.k == k - 1
    after = copy.deepcopy(model)
    for op in plan(k, model):
        apply_to_model(after, op)
    after.k = k
    return after


def replay(model: Model, until: int) -> Model:
    """Apply transactions ``model.k + 1 .. until``."""
    while model.k < until:
        model = step(model, model.k + 1)
    return model


# --- the same stream against a real vault ------------------------------------------------------


def apply_to_vault(session: Session, attachments_dir: Path, k: int, ops: list[Op]) -> None:
    """Run transaction ``k``'s operations in the caller's session, and set the marker."""
    for op in ops:
        kind = op[0]
        if kind == "new_case":
            _, cid, ref, juris, legal, pseudo = op
            cases.add_case(
                session,
                Case(
                    id=cid,
                    reference=ref,
                    jurisdiction=juris,
                    client=Client(legal_name=legal, pseudonym=pseudo),
                ),
            )
        elif kind == "update_case":
            _, cid, stage, assigned, coop, legal = op
            case = session.get(Case, cid)
            assert case is not None
            case.stage = Stage(stage)
            case.assigned_to = assigned
            case.cooperation_notes = coop
            case.client.legal_name = legal
        elif kind == "add_entry":
            _, eid, cid, offence, court, docket = op
            session.add(
                RecordEntry(
                    id=eid,
                    case_id=cid,
                    kind=EntryKind.CRIMINAL,
                    jurisdiction="US-NY",
                    offence_text=offence,
                    court=court,
                    docket=docket,
                )
            )
        elif kind == "add_note":
            _, nid, cid, body = op
            session.add(Note(id=nid, case_id=cid, body=body))
        elif kind == "delete_note":
            note = session.get(Note, op[1])
            assert note is not None
            session.delete(note)
        elif kind == "attach":
            _, cid, name, size = op
            case = session.get(Case, cid)
            assert case is not None
            content = attachment_bytes(name, size)
            cases.add_attachment(session, attachments_dir, case, io.BytesIO(content), name)
        elif kind == "delete_case":
            case = session.get(Case, op[1])
            assert case is not None
            cases.delete_case(session, case)
        session.flush()
    session.merge(VaultMeta(key=MARKER, value=str(k)))


def read_vault(session: Session) -> Model:
    """The content of a vault, in the model's terms."""
    found = Model()
    marker = session.get(VaultMeta, MARKER)
    found.k = int(marker.value) if marker else 0
    rows = session.execute(
        select(
            Case.id,
            Case.reference,
            Case.jurisdiction,
            Case.stage,
            Case.assigned_to,
            Case.cooperation_notes,
            Client.legal_name,
            Client.pseudonym,
        ).join(Client, Client.case_id == Case.id)
    )
    for cid, ref, juris, stage, assigned, coop, legal, pseudo in rows:
        found.cases[cid] = (ref, juris, str(stage.value), assigned, coop, legal, pseudo)
    for eid, cid, offence, court, docket in session.execute(
        select(
            RecordEntry.id,
            RecordEntry.case_id,
            RecordEntry.offence_text,
            RecordEntry.court,
            RecordEntry.docket,
        )
    ):
        found.entries[eid] = (cid, offence, court, docket)
    for nid, cid, body in session.execute(select(Note.id, Note.case_id, Note.body)):
        found.notes[nid] = (cid, body)
    for row in session.execute(select(Attachment)).scalars():
        found.attachments[(row.case_id, row.name)] = (row.size, row.sha256)
    return found


def _child_stream(
    folder: Path, recovery: str, mode: JournalMode, start: Model
) -> Callable[[ChildReporter], None]:
    """What the child runs: unlock, say so, then commit transactions until killed."""

    def body(reporter: ChildReporter) -> None:
        vault = open_with_recovery(folder, recovery, mode)
        reporter.send(READY)
        model = start
        while True:
            k = model.k + 1
            ops = plan(k, model)
            with vault.transaction() as session:
                apply_to_vault(session, vault.attachments_dir, k, ops)
            reporter.send(k)
            model = step(model, k)

    return body


@dataclass
class Stats:
    """What the kills hit, for the failure message and a sanity check."""

    committed: Counter[int] = field(default_factory=Counter)
    after_last_ack: int = 0
    before_ready: int = 0


def _verify(
    folder: Path, recovery: str, mode: JournalMode, start: Model, acks: list[int], checked: set[str]
) -> Model:
    """Reopen after a kill and check integrity and exact content; returns the model found."""
    vault = open_with_recovery(folder, recovery, mode)
    try:
        assert stale_temporaries(folder) == [], "a temporary file survived the open"
        cipher, integrity = raw_integrity(vault)
        assert cipher == [], f"cipher_integrity_check reported {cipher[:3]}"
        assert integrity == ["ok"], f"integrity_check reported {integrity[:3]}"
        report = vault.check(attachments=False)
        assert report.ok, f"vault.check failed: {failed_items(report)}"
        with vault.transaction() as session:
            session.execute(text("INSERT INTO case_search(case_search) VALUES ('integrity-check')"))
            indexed = {row[0] for row in session.execute(text("SELECT case_id FROM case_search"))}
        with vault.sessions() as session:
            found = read_vault(session)
            attachment_rows = session.execute(select(Attachment)).scalars().all()
            fresh = [row for row in attachment_rows if row.blob not in checked]
            for row in fresh:
                data = blobs.read_all(vault.attachments_dir, cases.sealed(row))
                expected = attachment_bytes(row.name, row.size)
                assert data == expected, f"attachment {row.name} decrypts to other bytes"
                checked.add(row.blob)
    finally:
        vault.close(backup=False)
    last_ack = acks[-1] if acks else start.k
    assert acks == list(range(start.k + 1, last_ack + 1)), "the child's commits were not in order"
    assert found.k in (last_ack, last_ack + 1), (
        f"the vault is at transaction {found.k}; the last acknowledged commit was {last_ack}"
    )
    expected = replay(start, found.k)
    assert found.cases == expected.cases, "cases differ from the replayed state"
    assert found.entries == expected.entries, "record entries differ from the replayed state"
    assert found.notes == expected.notes, "notes differ from the replayed state"
    assert found.attachments == expected.attachments, "attachments differ from the replayed state"
    assert indexed == set(expected.cases), "the search index does not match the cases"
    return expected


def _new_template(root: Path, mode: JournalMode) -> tuple[Path, str]:
    folder = root / f"template-{mode.lower()}"
    vault, recovery = Vault.create(
        folder, PASSPHRASE, kdf=Argon2Params(), keychain=NoKeychain(), journal_mode=mode
    )
    vault.close(backup=False)
    return folder, recovery


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["WAL", "DELETE"])
def test_kill_9_during_writes_leaves_last_or_next_transaction(
    tmp_path: Path, mode: JournalMode
) -> None:
    template, recovery = _new_template(tmp_path, mode)
    folder = tmp_path / "vault"
    stats = Stats()
    model = Model()
    checked: set[str] = set()
    for iteration in range(ITERATIONS):
        if iteration % EPOCH == 0:
            if folder.exists():
                shutil.rmtree(folder)
            shutil.copytree(template, folder)
            model = Model()
            checked = set()
        rng = random.Random(f"s01-{mode}-{iteration}")
        delay = rng.uniform(0.0, 0.050)
        clock = rng.choices(("fork", "unlocked", "first commit"), weights=(1, 2, 7))[0]
        result = run_and_kill(
            _child_stream(folder, recovery, mode, model),
            delay=delay,
            error_file=tmp_path / "child-error.txt",
            from_ready=clock != "fork",
            wait_for=model.k + 1 if clock == "first commit" else READY,
        )
        context = (
            f"[{mode} iteration {iteration}: start k={model.k}, acks={result.acks[-3:]}, "
            f"delay={delay * 1000:.1f} ms from {clock}]"
        )
        assert not result.error, f"{context} the child failed on its own:\n{result.error}"
        assert result.killed, f"{context} the child was not killed by SIGKILL"
        if not result.ready:
            stats.before_ready += 1
        try:
            found = _verify(folder, recovery, mode, model, result.acks, checked)
        except AssertionError as exc:
            raise AssertionError(f"{context} {exc}") from exc
        last_ack = result.acks[-1] if result.acks else model.k
        stats.committed[found.k - model.k] += 1
        stats.after_last_ack += found.k == last_ack + 1
        model = found
    # A final full check of the last epoch, attachments included.
    vault = open_with_recovery(folder, recovery, mode)
    try:
        report = vault.check()
        assert report.ok, failed_items(report)
    finally:
        vault.close(backup=False)
    # The kills must have landed inside the stream, not only before or after it.
    assert sum(n for d, n in stats.committed.items() if d > 0) >= ITERATIONS // 2, stats
    assert stats.before_ready < ITERATIONS // 2, stats


def test_crash_between_sealing_and_rename_leaves_no_temporary(tmp_path: Path) -> None:
    """An attachment's temp blob from a crash is removed by the next open; the row never exists."""
    template, recovery = _new_template(tmp_path, "WAL")
    vault = open_with_recovery(template, recovery)
    with vault.transaction() as session:
        apply_to_vault(session, vault.attachments_dir, 1, plan(1, Model()))
    vault.close(backup=False)
    expected = step(Model(), 1)
    case_id = sorted(expected.cases)[0]

    def body(reporter: ChildReporter) -> None:
        child = open_with_recovery(template, recovery)
        os.replace = lambda src, dst: os._exit(9)
        with child.transaction() as session:
            case = session.get(Case, case_id)
            cases.add_attachment(
                session, child.attachments_dir, case, io.BytesIO(b"x" * 5000), "statement.pdf"
            )

    result = run_and_kill(body, delay=30.0, error_file=tmp_path / "err.txt", from_ready=False)
    assert not result.error and not result.killed and not result.done
    assert [Path(p).parent.name for p in stale_temporaries(template)] == ["attachments"]
    vault = open_with_recovery(template, recovery)
    try:
        assert stale_temporaries(template) == []
        with vault.sessions() as session:
            assert read_vault(session).attachments == expected.attachments
        assert vault.check().ok
    finally:
        vault.close(backup=False)
