"""SECURITY.md tests 14 and 15 (storage part): no plaintext outside the encrypted vault.

One case gets a distinct canary (32 random hex digits, half of them wrapped in non-ASCII
letters) in every text column of every case table, found by introspecting the schema, so a new
column without a canary fails the coverage check; JSON lists and dicts get canaries too, and so
do an attachment's name, media type and content (3 MiB, several chunks). With the root logger and
``sqlalchemy.engine`` at DEBUG, the flow then updates fields, searches (FTS5), lists cases, sorts
300 notes by body, runs VACUUM, reads the attachments, makes a verified backup, closes (with the
close backup), reopens and checks, and reads every canary back (so the scans are not vacuous).

Scans, each for the UTF-8, UTF-16LE and UTF-16BE forms of every canary (lower and upper case),
the passphrase, the recovery key and the data key:

- every file under the vault folder, raw bytes (database, WAL/SHM if present, key slots, lock,
  README, backups, attachment blobs): 0 hits;
- every file under ``tempfile.gettempdir()`` (a private folder for this module) and the files
  directly in /tmp and /var/tmp modified during the flow: 0 hits;
- the log records at INFO and above (what ``echo=True`` shows): 0 hits; secrets: 0 hits at any
  level.

At DEBUG, SQLAlchemy's engine logger would print every result row ("Row (...)"); the vault's
engine filters those records out, which ``test_no_case_content_in_debug_logs`` holds it to.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import random
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Enum, String, Table, Text, select

from redress.models import attachments as blobs
from redress.models import cases
from redress.models.keyslots import Argon2Params
from redress.models.schema import (
    AdverseParty,
    Attachment,
    Base,
    Case,
    ChecklistAnswer,
    Client,
    Deadline,
    DocumentationKind,
    EntryKind,
    EvidenceItem,
    ExploitationPeriod,
    GeneratedDocument,
    IndicatorAnswer,
    Note,
    OfficialDocument,
    RecordEntry,
)
from redress.models.vault import Vault
from tests.conftest import PASSPHRASE, NoKeychain
from tests.security.helpers import open_with_recovery

NOT_CASE_TABLES = {"audit_log", "vault_meta", "evidence_entry_links"}
COMPUTED = {"attachments.sha256", "attachments.blob"}  # a digest and a random file name
DECORATIONS = ("", "Ωß·", "日本語·", "Łódź·", "عربي·")


def text_columns(table: Table) -> list[str]:
    """Columns that hold free text (or JSON text), not ids, keys, enums, dates or numbers."""
    return [
        c.key
        for c in table.columns
        if not c.primary_key
        and not c.foreign_keys
        and isinstance(c.type, String | Text | JSON)
        and not isinstance(c.type, Enum)
    ]


@dataclass
class Canaries:
    """Unique canaries, by field."""

    rng: random.Random
    by_field: dict[str, str] = field(default_factory=dict)
    replaced: set[str] = field(default_factory=set)

    def new(self, name: str) -> str:
        core = f"{self.rng.getrandbits(128):032x}"
        decoration = DECORATIONS[len(self.by_field) % len(DECORATIONS)]
        self.by_field[name] = core
        return f"{decoration}{core}" + ("·ü" if decoration else "")

    def fill(self, cls: type[Base], prefix: str = "", **fixed: Any) -> Any:
        """An instance of ``cls`` with a canary in every text column not given in ``fixed``."""
        table = cls.__table__
        values = dict(fixed)
        for key in text_columns(table):  # type: ignore[arg-type]
            if key in values:
                continue
            name = f"{prefix}{table.name}.{key}"
            if isinstance(table.columns[key].type, JSON):
                if key == "facts_used":
                    values[key] = {self.new(name + "{key}"): self.new(name + "{value}")}
                else:
                    values[key] = [self.new(name + "[0]"), self.new(name + "[1]")]
            else:
                values[key] = self.new(name)
        return cls(**values)


class Records(logging.Handler):
    """Keeps every log record's level and fully formatted text."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = f"{record.name} {record.getMessage()}"
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        self.lines.append((record.levelno, text))


@dataclass
class LeakRun:
    """What the flow left behind, to scan."""

    folder: Path
    private_tmp: Path
    started: float
    canaries: Canaries
    secrets: dict[str, str]
    logs: Records
    columns_covered: dict[str, set[str]]


def _forms(text: str) -> list[bytes]:
    forms: list[bytes] = []
    for variant in {text, text.upper()}:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            forms.append(variant.encode(encoding))
    return forms


def _hits(data: bytes, needles: dict[str, str]) -> list[str]:
    return [name for name, text in needles.items() if any(f in data for f in _forms(text))]


def _build_case(session: Any, vault: Vault, canaries: Canaries, content: dict[str, bytes]) -> str:
    case = canaries.fill(Case)
    case.client = canaries.fill(Client)
    case.periods = [canaries.fill(ExploitationPeriod)]
    entry = canaries.fill(RecordEntry, kind=EntryKind.CRIMINAL)
    case.record_entries = [entry]
    case.evidence = [canaries.fill(EvidenceItem)]
    case.adverse_parties = [canaries.fill(AdverseParty)]
    case.documentation = [canaries.fill(OfficialDocument, kind=DocumentationKind.T_VISA)]
    case.deadlines = [canaries.fill(Deadline, due_date=dt.date(2031, 1, 2))]
    case.notes = [canaries.fill(Note)]
    case.documents = [canaries.fill(GeneratedDocument)]
    case.checklist_answers = [canaries.fill(ChecklistAnswer, answer=IndicatorAnswer.YES)]
    cases.add_case(session, case)
    for label, data in content.items():
        cases.add_attachment(
            session,
            vault.attachments_dir,
            case,
            io.BytesIO(data),
            canaries.new(f"attachments.name:{label}") + ".pdf",
            media_type="application/x-" + canaries.new(f"attachments.media_type:{label}"),
        )
    return case.id


def _covered(canaries: Canaries) -> dict[str, set[str]]:
    covered: dict[str, set[str]] = {}
    for name in canaries.by_field:
        table, _, column = name.split(":")[0].partition(".")
        covered.setdefault(table, set()).add(column.split("[")[0].split("{")[0])
    return covered


@pytest.fixture(scope="module")
def leak_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LeakRun]:
    private_tmp = tmp_path_factory.mktemp("private-tmpdir")
    folder = tmp_path_factory.mktemp("leaks") / "vault"
    handler = Records()
    root = logging.getLogger()
    sql = logging.getLogger("sqlalchemy.engine")
    saved = (root.level, sql.level)
    canaries = Canaries(random.Random("s14-canaries"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tempfile, "tempdir", str(private_tmp))
        for variable in ("TMPDIR", "TEMP", "TMP", "SQLITE_TMPDIR"):
            mp.setenv(variable, str(private_tmp))
        root.addHandler(handler)
        root.setLevel(logging.DEBUG)
        sql.setLevel(logging.DEBUG)
        started = time.time() - 1
        try:
            secrets = _flow(folder, canaries)
        finally:
            root.removeHandler(handler)
            root.setLevel(saved[0])
            sql.setLevel(saved[1])
        yield LeakRun(folder, private_tmp, started, canaries, secrets, handler, _covered(canaries))


def _flow(folder: Path, canaries: Canaries) -> dict[str, str]:
    assert tempfile.gettempdir() == os.environ["TMPDIR"]
    vault, recovery = Vault.create(folder, PASSPHRASE, kdf=Argon2Params(), keychain=NoKeychain())
    key = vault.reveal_data_key()
    words = [canaries.new(f"attachment-content:{i}") for i in range(4)]
    big = (" ".join(words) + "\n").encode("utf-8") * 40_000
    content = {
        "big": big[: 3 * blobs.CHUNK_SIZE + 999] + "\n".join(words).encode("utf-16-le"),
        "small": "\n".join(words).encode(),
    }
    with vault.transaction() as session:
        case_id = _build_case(session, vault, canaries, content)
    with vault.transaction() as session:
        case = session.get(Case, case_id)
        assert case is not None
        case.client.legal_name = canaries.new("clients.legal_name:updated")
        case.notes[0].body = canaries.new("notes.body:updated")
        case.adverse_parties[0].name_variants = [canaries.new("adverse_parties.name_variants:upd")]
        canaries.replaced |= {
            "clients.legal_name",
            "notes.body",
            "adverse_parties.name_variants[0]",
            "adverse_parties.name_variants[1]",
        }
        bulk = canaries.new("notes.body:bulk")
        for n in range(300):
            case.notes.append(Note(body=f"{bulk} {n:04d} " * 60))
    with vault.sessions() as session:
        for name in ("clients.legal_name:updated", "adverse_parties.name", "notes.body:updated"):
            assert cases.search(session, canaries.by_field[name]) == [case_id], name
        assert [s.id for s in cases.list_cases(session)] == [case_id]
        ordered = session.execute(select(Note.body).order_by(Note.body.desc())).scalars().all()
        assert len(ordered) == 301
        rows = session.execute(select(Attachment)).scalars().all()
        for row in rows:
            assert blobs.read_all(vault.attachments_dir, cases.sealed(row)) in content.values()
    with vault.engine.connect() as conn:
        conn.connection.dbapi_connection.execute("VACUUM")  # type: ignore[union-attr]
    vault.backup("leak-test", verify=True)
    vault.close()
    vault = open_with_recovery(folder, recovery)
    try:
        assert vault.check().ok
        with vault.sessions() as session:
            case = session.get(Case, case_id)
            assert case is not None
            stored = repr(
                [
                    {c.key: getattr(obj, c.key) for c in obj.__table__.columns}
                    for obj in (
                        case,
                        case.client,
                        *case.periods,
                        *case.record_entries,
                        *case.evidence,
                        *case.adverse_parties,
                        *case.documentation,
                        *case.deadlines,
                        *case.notes[:1],
                        *case.documents,
                        *case.checklist_answers,
                        *case.attachments,
                    )
                ]
            )
        missing = [
            name
            for name, core in canaries.by_field.items()
            if core not in stored
            and name not in canaries.replaced
            and not name.startswith(("attachment-content", "notes.body:bulk"))
        ]
        assert missing == [], f"canaries not stored, so the scan would prove nothing: {missing}"
    finally:
        vault.close()
    return {"passphrase": PASSPHRASE, "recovery key": recovery, "data key": key}


def test_every_text_column_of_every_case_table_has_a_canary(leak_run: LeakRun) -> None:
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_CASE_TABLES:
            continue
        wanted = {c for c in text_columns(table) if f"{table.name}.{c}" not in COMPUTED}
        have = leak_run.columns_covered.get(table.name, set())
        assert wanted <= have, f"{table.name}: no canary in {sorted(wanted - have)}"


def test_no_canary_or_secret_in_any_vault_file(leak_run: LeakRun) -> None:
    needles = {**leak_run.canaries.by_field, **leak_run.secrets}
    scanned = 0
    for path in sorted(leak_run.folder.rglob("*")):
        if path.is_file():
            scanned += 1
            hits = _hits(path.read_bytes(), needles)
            assert hits == [], f"{path.relative_to(leak_run.folder)} holds {hits}"
    names = {p.name for p in leak_run.folder.rglob("*")}
    assert {"vault.db", "keyslots.json", "vault.lock", "README.txt"} <= names
    assert len(list((leak_run.folder / "backups").iterdir())) >= 2
    assert len(list((leak_run.folder / "attachments").iterdir())) == 2
    assert scanned >= 8


def test_no_canary_in_temporary_files(leak_run: LeakRun) -> None:
    needles = {**leak_run.canaries.by_field, **leak_run.secrets}
    candidates = [p for p in leak_run.private_tmp.rglob("*") if p.is_file()]
    for shared in (Path("/tmp"), Path("/var/tmp")):
        if shared.is_dir():
            for path in shared.iterdir():
                try:
                    if path.is_file() and path.stat().st_mtime >= leak_run.started:
                        candidates.append(path)
                except OSError:
                    continue
    for path in candidates:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        assert _hits(data, needles) == [], f"{path} holds case content or a secret"


def test_scanner_finds_what_it_looks_for(tmp_path: Path) -> None:
    needles = {"x": "0123456789abcdef0123456789abcdef"}
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        assert _hits(b"..." + needles["x"].upper().encode(encoding) + b"...", needles) == ["x"]
    assert _hits(b"0123456789abcdef", needles) == []


def test_no_secret_in_logs_at_any_level(leak_run: LeakRun) -> None:
    assert leak_run.logs.lines, "nothing was logged, so the scan proves nothing"
    for level, text in leak_run.logs.lines:
        for name, secret in leak_run.secrets.items():
            for form in (secret, secret.upper(), secret.replace("-", "")):
                assert form not in text, (
                    f"the {name} is in a log record ({logging.getLevelName(level)})"
                )


def test_no_case_content_in_info_logs(leak_run: LeakRun) -> None:
    info = [text for level, text in leak_run.logs.lines if level >= logging.INFO]
    assert any("INSERT INTO" in text for text in info), "SQL statements were not captured"
    for text in info:
        hits = [n for n, core in leak_run.canaries.by_field.items() if core in text]
        assert hits == [], f"case content in a log record: {hits}"


def test_no_case_content_in_debug_logs(leak_run: LeakRun) -> None:
    for _, text in leak_run.logs.lines:
        hits = [n for n, core in leak_run.canaries.by_field.items() if core in text]
        assert hits == [], f"case content in a DEBUG log record: {hits[:5]}"
