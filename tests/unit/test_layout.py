"""Layering and packaging rules that import-linter cannot express, plus schema/migration sync."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from redress.models.schema import Base
from redress.models.vault import Vault

PACKAGE = Path(__file__).resolve().parents[2] / "redress"
NETWORK = re.compile(r"\b(QtNetwork|QtWebEngine\w*|QtWebSockets|QtHttpServer)\b")


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_qt_network_modules_anywhere() -> None:
    offenders = [p.name for p in _sources() if NETWORK.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_domain_packages_do_not_mention_qt() -> None:
    for sub in ("models", "forms", "letters"):
        for path in (PACKAGE / sub).rglob("*.py"):
            assert "PySide6" not in path.read_text(encoding="utf-8"), path


def test_resources_ship_as_package_data() -> None:
    blocklist = resources.files("redress.resources").joinpath("security/passphrase-blocklist.txt")
    assert blocklist.is_file()


def test_no_bidi_or_invisible_characters_in_source() -> None:
    # SECURITY.md test 27 (Trojan Source): no bidirectional controls or zero-width characters.
    bad = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]")
    offenders = [p.name for p in _sources() if bad.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_alembic_baseline_matches_the_models(vault: Vault) -> None:
    with vault.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    # The FTS5 table and its shadow tables are created by the migration, not by the models.
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("case_search"))]
    assert diff == []
