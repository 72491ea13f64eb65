"""``redress bench``: the vault measured against plain SQLite on the same synthetic data.

Machines are noisy, so every figure that matters is also given as a ratio to a baseline measured
in the same run: the same schema, rows, queries and repository functions on an unencrypted
SQLite database. The synthetic cases are generated, never real.
"""

from __future__ import annotations

import datetime as dt
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Engine, create_engine, event, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from redress.models import cases as repo
from redress.models.conflicts import check_conflicts
from redress.models.keyslots import Argon2Params, calibrate_argon2
from redress.models.schema import Base, Case, Client, Deadline, Note, RecordEntry, new_id
from redress.models.vault import Passphrase, Vault

BENCH_PASSPHRASE = "benchmark vault passphrase, synthetic data only"
TARGETS = {
    "unlock_s": 1.0,
    "list_s": 0.3,
    "search_p95_ms": 50.0,
    "list_ratio": 3.0,
    "search_ratio": 3.0,
}

_FIRST = [
    "Ana",
    "Bich",
    "Chiara",
    "Dalia",
    "Esi",
    "Farah",
    "Grace",
    "Hoa",
    "Ioana",
    "Joy",
    "Kemi",
    "Lucía",
    "Mariam",
    "Nadia",
    "Olena",
    "Priya",
    "Rosa",
    "Sana",
    "Tala",
    "Yusra",
]
_LAST = [
    "Abara",
    "Bautista",
    "Cruz",
    "Dinh",
    "Eze",
    "Flores",
    "Gheorghe",
    "Haddad",
    "Ibarra",
    "Juarez",
    "Kovač",
    "Lopez",
    "Mendoza",
    "Nguyen",
    "Okafor",
    "Popescu",
    "Reyes",
    "Santos",
]
_WORDS = [
    "debt",
    "passport",
    "threats",
    "farm",
    "restaurant",
    "salon",
    "warehouse",
    "driver",
    "hotel",
    "construction",
    "cleaning",
    "agency",
    "visa",
    "wages",
    "curfew",
    "phone",
    "locked",
    "transport",
    "housing",
    "fines",
    "court",
    "interpreter",
    "shelter",
    "boss",
]
_OFFENCES = [
    ("prostitution", "Prostitution"),
    ("loitering", "Loitering for prostitution"),
    ("drugs", "Possession of a controlled substance"),
    ("theft", "Petit larceny"),
    ("false_documents", "Possession of a forged document"),
    ("trespass", "Trespass"),
]
_JURIS = ["US-NY", "US-CA", "US-FED", "GB-EWS", "US-TX", "NL", "PH"]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n))


def synthetic_rows(n: int, seed: int = 7) -> dict[str, list[dict[str, Any]]]:
    """Rows for ``n`` synthetic cases: each with a client, 1–4 record entries, notes, deadlines."""
    rng = random.Random(seed)
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows: dict[str, list[dict[str, Any]]] = {
        "cases": [],
        "clients": [],
        "record_entries": [],
        "notes": [],
        "deadlines": [],
    }
    for i in range(n):
        case_id = new_id()
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        rows["cases"].append(
            {
                "id": case_id,
                "reference": f"RD-2026-{i + 1:05d}",
                "stage": "intake",
                "jurisdiction": rng.choice(_JURIS),
                "team": [],
                "fictional": True,
                "cooperation": "not_asked",
                "created_at": now,
                "updated_at": now,
            }
        )
        rows["clients"].append(
            {
                "id": new_id(),
                "case_id": case_id,
                "legal_name": name,
                "pseudonym": f"Client {i + 1:05d}",
                "other_names": [],
                "interpreter_needed": False,
                "recorded_at": now,
            }
        )
        for position in range(rng.randint(1, 4)):
            category, offence = rng.choice(_OFFENCES)
            rows["record_entries"].append(
                {
                    "id": new_id(),
                    "case_id": case_id,
                    "position": position,
                    "kind": "criminal",
                    "jurisdiction": rows["cases"][-1]["jurisdiction"],
                    "offence_text": offence,
                    "offence_category": category,
                    "offence_level": "misdemeanor",
                    "disposition": "convicted_plea",
                    "docket": f"{2010 + i % 15}-{i:06d}",
                    "arrest_date": dt.date(2010 + rng.randint(0, 14), rng.randint(1, 12), 1),
                    "nexus_client": _sentence(rng, 25),
                    "recorded_at": now,
                }
            )
        for _ in range(rng.randint(1, 2)):
            rows["notes"].append(
                {"id": new_id(), "case_id": case_id, "body": _sentence(rng, 40), "created_at": now}
            )
        if rng.random() < 0.7:
            rows["deadlines"].append(
                {
                    "id": new_id(),
                    "case_id": case_id,
                    "title": "Filing deadline",
                    "due_date": dt.date(2027, rng.randint(1, 12), rng.randint(1, 28)),
                    "kind": "filing",
                    "done": False,
                    "origin": "user",
                }
            )
    return rows


def load_rows(engine: Engine, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Insert synthetic rows (and their full-text rows) in one transaction."""
    tables = {
        "cases": Case,
        "clients": Client,
        "record_entries": RecordEntry,
        "notes": Note,
        "deadlines": Deadline,
    }
    with Session(engine) as session, session.begin():
        for name, model in tables.items():
            for start in range(0, len(rows[name]), 2000):
                session.execute(insert(model), rows[name][start : start + 2000])
        repo.reindex(session, [row["id"] for row in rows["cases"]])


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _measure(sessions: sessionmaker[Session], queries: list[str]) -> dict[str, Any]:
    with sessions() as session:
        repo.list_cases(session)  # warm the page cache, as the app does after unlock
        list_times = [_timed(lambda: repo.list_cases(session)) for _ in range(5)]
        count = len(repo.list_cases(session))
        search_times = []
        for query in queries:
            search_times.append(_timed(lambda q=query: repo.search(session, q)) * 1000)  # type: ignore[misc]
    search_times.sort()
    return {
        "cases_listed": count,
        "list_s": statistics.median(list_times),
        "search_p50_ms": statistics.median(search_times),
        "search_p95_ms": search_times[max(0, int(len(search_times) * 0.95) - 1)],
    }


def _plain_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA journal_mode = WAL")
        dbapi_connection.execute("PRAGMA synchronous = FULL")
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE VIRTUAL TABLE case_search USING fts5("
                "case_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
            )
        )
    return engine


def run(cases: int = 10_000, searches: int = 200, progress: TextIO | None = None) -> dict[str, Any]:
    """Build a synthetic vault and a plain SQLite twin, and measure both.

    Args:
        cases: how many synthetic cases.
        searches: how many full-text queries to time.
        progress: where to write progress lines (``None`` for silence).

    Returns:
        Figures, the targets, and ratios to the plain-SQLite baseline.
    """

    def say(message: str) -> None:
        if progress is not None:
            print(f"bench: {message}", file=progress, flush=True)

    rng = random.Random(11)
    queries = [
        rng.choice(
            [
                rng.choice(_FIRST),
                rng.choice(_LAST),
                rng.choice(_WORDS),
                f"{rng.choice(_WORDS)} {rng.choice(_WORDS)}",
                rng.choice(_LAST)[:4],
            ]
        )
        for _ in range(searches)
    ]
    with tempfile.TemporaryDirectory(prefix="redress-bench-") as tmp:
        folder = Path(tmp) / "vault"
        say("calibrating Argon2id and creating the vault")
        params = calibrate_argon2()
        vault, _recovery = Vault.create(folder, BENCH_PASSPHRASE, kdf=params)
        say(f"generating {cases} synthetic cases")
        rows = synthetic_rows(cases)
        say("loading the encrypted vault")
        load_vault_s = _timed(lambda: load_rows(vault.engine, rows))
        vault.close(backup=False)

        say("unlocking")
        kdf_s = _timed(lambda: Argon2Params(params.memory_kib, params.iterations).derive(b"x"))
        unlock_start = time.perf_counter()
        vault = Vault.open(folder, Passphrase(BENCH_PASSPHRASE))
        unlock_s = time.perf_counter() - unlock_start
        try:

            def fifty_sessions() -> None:
                for _ in range(50):
                    with vault.sessions() as session:
                        session.execute(select(1))

            sessions_s = _timed(fifty_sessions)
            say("measuring the encrypted vault")
            encrypted = _measure(vault.sessions, queries)
            with vault.sessions() as session:
                conflict_s = min(
                    _timed(lambda: check_conflicts(session, ["Rosa Haddad"], exclude_case_id=None))
                    for _ in range(3)
                )
        finally:
            vault.close(backup=False)

        say("loading and measuring plain SQLite (the baseline)")
        plain_engine = _plain_engine(Path(tmp) / "plain.db")
        plain_sessions = sessionmaker(bind=plain_engine)
        load_plain_s = _timed(lambda: load_rows(plain_engine, rows))
        plain = _measure(plain_sessions, queries)
        plain_engine.dispose()

    result: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}",
        "cases": cases,
        "searches": searches,
        "kdf": {
            "memory_mib": params.memory_kib // 1024,
            "iterations": params.iterations,
            "lanes": params.lanes,
        },
        "unlock_s": unlock_s,
        "kdf_s": kdf_s,
        "kdf_share": kdf_s / unlock_s if unlock_s else None,
        "fifty_sessions_s": sessions_s,
        "conflict_check_s": conflict_s,
        "load_s": {"sqlcipher": load_vault_s, "plain": load_plain_s},
        "sqlcipher": encrypted,
        "plain": plain,
        "ratios": {
            "list": encrypted["list_s"] / plain["list_s"],
            "search_p50": encrypted["search_p50_ms"] / max(plain["search_p50_ms"], 1e-6),
            "search_p95": encrypted["search_p95_ms"] / max(plain["search_p95_ms"], 1e-6),
        },
        "targets": TARGETS,
    }
    result["passed"] = {
        "unlock": unlock_s <= TARGETS["unlock_s"],
        "list": encrypted["list_s"] <= TARGETS["list_s"],
        "search_p95": encrypted["search_p95_ms"] <= TARGETS["search_p95_ms"],
        "list_ratio": result["ratios"]["list"] <= TARGETS["list_ratio"],
        "search_ratio": result["ratios"]["search_p95"] <= TARGETS["search_ratio"],
    }
    return result


def format_report(r: dict[str, Any]) -> str:
    """A readable table of a :func:`run` result."""

    def mark(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    enc, plain, ratios, passed = r["sqlcipher"], r["plain"], r["ratios"], r["passed"]
    lines = [
        f"Redress bench, {r['date']}, {r['machine']}",
        f"{r['cases']} synthetic cases; Argon2id {r['kdf']['memory_mib']} MiB, "
        f"t={r['kdf']['iterations']}, p={r['kdf']['lanes']}",
        "",
        f"{'measure':<34}{'SQLCipher':>12}{'plain SQLite':>14}{'ratio':>8}  target",
        f"{'unlock (incl. KDF)':<34}{r['unlock_s']:>11.3f}s{'':>14}{'':>8}  "
        f"<= {r['targets']['unlock_s']} s {mark(passed['unlock'])}",
        f"{'  of which Argon2id':<34}{r['kdf_s']:>11.3f}s",
        f"{'50 pooled sessions':<34}{r['fifty_sessions_s'] * 1000:>10.1f}ms",
        f"{'list all cases':<34}{enc['list_s'] * 1000:>10.1f}ms{plain['list_s'] * 1000:>12.1f}ms"
        f"{ratios['list']:>8.2f}  <= {r['targets']['list_s']} s {mark(passed['list'])}, "
        f"ratio <= 3 {mark(passed['list_ratio'])}",
        f"{'search p50':<34}{enc['search_p50_ms']:>10.2f}ms{plain['search_p50_ms']:>12.2f}ms"
        f"{ratios['search_p50']:>8.2f}",
        f"{'search p95':<34}{enc['search_p95_ms']:>10.2f}ms{plain['search_p95_ms']:>12.2f}ms"
        f"{ratios['search_p95']:>8.2f}  <= {r['targets']['search_p95_ms']} ms "
        f"{mark(passed['search_p95'])}, ratio <= 3 {mark(passed['search_ratio'])}",
        f"{'conflict check, one name':<34}{r['conflict_check_s'] * 1000:>10.1f}ms",
        f"{'bulk load (not a target)':<34}{r['load_s']['sqlcipher']:>11.2f}s"
        f"{r['load_s']['plain']:>13.2f}s",
    ]
    return "\n".join(lines)
