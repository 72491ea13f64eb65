"""Rule packs: every shipped pack loads; the linter reports precise paths and reasons."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from redress.forms import rulepacks
from redress.forms.rulepacks import RulePackError

MINIMAL = """
format = "redress-rule-pack"
format_version = 1

[pack]
id = "xx-test"
jurisdiction = "XX"
name = "Test pack"
version = "1"
reviewed = "2026-11-23"
applies_to_entries_in = ["XX"]
fallback = false

[[instruments]]
id = "act"
title = "Test Act s.1"
citation = "Test Act 2020, s.1"
confidence = "C"

[[relief]]
id = "vacatur"
type = "vacatur"
instrument = "act"
summary = "The conviction is vacated."
stage = "post_conviction"
entry_kinds = ["criminal"]
templates = []
citation = "Test Act 2020, s.1(2)"
confidence = "C"

[nexus]
test = "causation"
wording = "a result of having been trafficked"
standard_of_proof = "balance of probabilities"
citation = "Test Act 2020, s.1(3)"
confidence = "S"

[[covered]]
id = "any"
categories = ["*"]
levels = ["*"]
entry_kinds = ["criminal"]
citation = "Test Act 2020, s.1(4)"
confidence = "C"

[[excluded]]
id = "violence"
categories = ["violence"]
levels = ["felony"]
reason = "violent felonies are excluded"
argument = "seek clemency instead"
citation = "Test Act 2020, s.1(5)"
confidence = "C"

[minors]
compulsion_required = false
rule = "no compulsion element for minors"
citation = "Test Act 2020, s.1(6)"
confidence = "C"

[cooperation]
required = false
rule = "co-operation is not required"
citation = "Test Act 2020, s.1(7)"
confidence = "C"

[[time_limits]]
id = "none"
rule = "no time limit"
kind = "none"
from = "conviction"
citation = "Test Act 2020, s.1(8)"
confidence = "U"

[filing]
where = "the convicting court"
who = "the person convicted"
response_period_days = 30
citation = "Test Act 2020, s.2"
confidence = "C"

[confidentiality]
rule = "filed under seal"
citation = "Test Act 2020, s.3"
confidence = "C"

[fees]
rule = "no fee"
citation = "Test Act 2020, s.4"
confidence = "C"
"""


def _write(tmp_path: Path, text: str, name: str = "xx-test.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_pack_loads_and_lints() -> None:
    packs, issues = rulepacks.lint()
    assert issues == [], "\n".join(map(str, issues))
    jurisdictions = {p.jurisdiction for p in packs}
    assert {"US-NY", "US-CA", "US-FED", "GB-EWS", "INTL"} <= jurisdictions
    assert sum(p.fallback for p in packs) == 1
    for pack in packs:
        assert pack.relief and pack.instruments
        assert all(rule.citation.strip() for rule in pack.rules())
        assert pack.cooperation.required is False


def test_minimal_pack_parses(tmp_path: Path) -> None:
    pack, issues = rulepacks.read_pack(_write(tmp_path, MINIMAL))
    assert issues == []
    assert pack is not None
    assert pack.relief[0].type == "vacatur"
    assert pack.time_limits[0].start == "conviction"
    assert pack.nexus.needs_verification
    assert pack.nexus.verify_note == "verify against the official text"
    assert not pack.relief[0].needs_verification
    assert pack.to_verify() == 2


@pytest.mark.parametrize(
    ("old", "new", "path", "reason"),
    [
        ('confidence = "S"', 'confidence = "maybe"', "nexus.confidence", "not one of: C, S, U"),
        (
            'citation = "Test Act 2020, s.1(3)"\n',
            "",
            "nexus.citation",
            "required key missing",
        ),
        ('type = "vacatur"', 'type = "pardon"', "relief[0].type", "not one of: vacatur"),
        (
            'instrument = "act"',
            'instrument = "other"',
            "relief[0].instrument",
            "names no instrument",
        ),
        (
            "[cooperation]\nrequired = false",
            "[cooperation]\nrequired = true",
            "cooperation.required",
            "must be false",
        ),
        ('kind = "none"', 'kind = "years_after"', "time_limits[0].years", "required"),
        (
            'categories = ["violence"]',
            'categories = ["violence", "*"]',
            "excluded[0].categories",
            '"*" must stand alone',
        ),
        ('levels = ["*"]', 'levels = ["*", "felony"]', "covered[0].levels", '"*" must stand alone'),
        (
            "response_period_days = 30",
            "response_period_days = -1",
            "filing.response_period_days",
            "whole number",
        ),
        (
            'stage = "post_conviction"',
            'stage = "post_conviction"\nstaeg = "x"',
            "relief[0].staeg",
            "unknown key",
        ),
        ("format_version = 1", "format_version = 2", "format_version", "reads version 1"),
    ],
)
def test_precise_problems(tmp_path: Path, old: str, new: str, path: str, reason: str) -> None:
    assert old in MINIMAL
    pack, issues = rulepacks.read_pack(_write(tmp_path, MINIMAL.replace(old, new, 1)))
    assert pack is None
    assert any(i.path == path and reason in i.reason for i in issues), issues
    assert all(str(i).startswith("xx-test.toml: ") for i in issues)


def test_duplicate_ids_and_invalid_toml(tmp_path: Path) -> None:
    second = MINIMAL.index("[[excluded]]")
    covered = MINIMAL[MINIMAL.index("[[covered]]") : second]
    doubled = MINIMAL[:second] + covered + MINIMAL[second:]
    _, issues = rulepacks.read_pack(_write(tmp_path, doubled))
    assert any('the id "any" is used twice' in i.reason for i in issues)
    _, issues = rulepacks.read_pack(_write(tmp_path, "[pack\nid=", "broken.toml"))
    assert issues[0].path == "(file)" and "not valid TOML" in issues[0].reason


def test_cross_pack_rules(tmp_path: Path) -> None:
    one = _write(tmp_path, MINIMAL, "a.toml")
    two = _write(tmp_path, MINIMAL.replace('id = "xx-test"', 'id = "xx-other"'), "b.toml")
    packs, issues = rulepacks.lint([one, two])
    assert len(packs) == 2
    assert any(i.path == "pack.jurisdiction" and "also used by a.toml" in i.reason for i in issues)


def test_pack_for_uses_the_fallback() -> None:
    packs = rulepacks.load_packs()
    assert rulepacks.pack_for(packs, "US-NY").jurisdiction == "US-NY"
    assert rulepacks.pack_for(packs, "GB-EWS").jurisdiction == "GB-EWS"
    assert rulepacks.pack_for(packs, "PH").fallback


def test_load_packs_raises_with_every_issue(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _write(tmp_path, MINIMAL.replace('confidence = "S"', 'confidence = "?"'))
    monkeypatch.setattr(rulepacks, "packs_folder", lambda: tmp_path)
    with pytest.raises(RulePackError) as info:
        rulepacks.load_packs()
    paths = {i.path for i in info.value.issues}
    assert "nexus.confidence" in paths
    assert "pack.fallback" in paths


def test_shipped_packs_are_valid_toml_files() -> None:
    for path in rulepacks.packs_folder().glob("*.toml"):
        assert isinstance(tomllib.loads(path.read_text(encoding="utf-8")), dict)
