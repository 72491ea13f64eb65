"""Rule packs: each jurisdiction's law on record relief for trafficking survivors, as data.

A pack is a TOML file in ``redress/resources/rules/`` (format: ``docs/rule-packs.md``). This
module reads packs into frozen dataclasses and checks them with precise messages
(``file: path: reason``) so that a lawyer or clinic can add a pack without touching code.
Every rule carries its citation and a confidence tag from LEGAL.md: ``C`` confirmed, ``S``
secondary, ``U`` unconfirmed; rules tagged ``S`` or ``U`` are shown as "verify against the
official text".
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from redress.models.errors import RedressError
from redress.models.schema import DocumentationKind, EntryKind, OffenceCategory, OffenceLevel

FORMAT = "redress-rule-pack"
FORMAT_VERSION = 1

CONFIDENCE = ("C", "S", "U")
RELIEF_TYPES = (
    "vacatur",
    "expungement",
    "sealing",
    "statutory_defence",
    "prosecutor_representations",
    "arrest_expungement",
    "sentence_reduction",
    "appeal",
    "non_prosecution",
    "non_penalisation",
)
NEXUS_TESTS = ("causation", "compulsion", "presumption")
STAGES = ("pre_trial", "at_trial", "post_conviction", "post_arrest", "any")
TIME_LIMIT_KINDS = ("none", "reasonable_time", "years_after", "days_after")
TIME_FROM = ("end_of_trafficking", "conviction", "incident", "age_18", "disposition", "filing")
ENTRY_KINDS = tuple(k.value for k in EntryKind)
CATEGORIES = tuple(c.value for c in OffenceCategory)
LEVELS = tuple(level.value for level in OffenceLevel)
DOCUMENTATION = tuple(d.value for d in DocumentationKind)
VERIFY = "verify against the official text"


class RulePackError(RedressError):
    """One or more packs are invalid; ``issues`` lists every problem.

    Attributes:
        issues: the problems, each ``file: path: reason``.
    """

    def __init__(self, issues: list[RuleIssue]) -> None:
        self.issues = issues
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        super().__init__(f"invalid rule data: {issues[0]}{more}")


@dataclass(frozen=True)
class RuleIssue:
    """One problem in a pack.

    Attributes:
        file: the pack's file name.
        path: where in the file (``relief[1].type``).
        reason: what is wrong.
    """

    file: str
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: {self.reason}"


# --- the model --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cited:
    """A rule's source.

    Attributes:
        citation: where the rule comes from.
        confidence: ``C``, ``S`` or ``U`` (LEGAL.md tags).
    """

    citation: str
    confidence: str

    @property
    def needs_verification(self) -> bool:
        """Whether the rule rests on a secondary or unconfirmed fact."""
        return self.confidence != "C"

    @property
    def verify_note(self) -> str:
        """``"verify against the official text"`` for S/U rules, else empty."""
        return VERIFY if self.needs_verification else ""


@dataclass(frozen=True)
class Instrument(Cited):
    """A law the pack relies on."""

    id: str = ""
    title: str = ""


@dataclass(frozen=True)
class Relief(Cited):
    """A form of relief (vacatur, sealing, a statutory defence...)."""

    id: str = ""
    type: str = ""
    instrument: str = ""
    summary: str = ""
    stage: str = "any"
    entry_kinds: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Nexus(Cited):
    """The test linking the offence to the trafficking."""

    test: str = ""
    wording: str = ""
    standard_of_proof: str = ""


@dataclass(frozen=True)
class Presumption(Cited):
    """A presumption, such as one raised by official documentation of trafficking status."""

    id: str = ""
    when_documentation: tuple[str, ...] = ()
    effect: str = ""
    documentation_required: bool = False
    shifts_burden: bool = True


@dataclass(frozen=True)
class OffenceRule(Cited):
    """Offences a relief covers, or excludes (with the argument still available)."""

    id: str = ""
    categories: tuple[str, ...] = ("*",)
    levels: tuple[str, ...] = ("*",)
    entry_kinds: tuple[str, ...] = ()
    statutes: tuple[str, ...] = ()
    reason: str = ""
    argument: str = ""


@dataclass(frozen=True)
class Minors(Cited):
    """How the law treats people who were minors at the time."""

    compulsion_required: bool = False
    rule: str = ""


@dataclass(frozen=True)
class Cooperation(Cited):
    """Co-operation with police or a prosecution: recorded, never required."""

    required: bool = False
    rule: str = ""


@dataclass(frozen=True)
class TimeLimit(Cited):
    """A time limit for seeking relief."""

    id: str = ""
    rule: str = ""
    kind: str = "none"
    years: int = 0
    days: int = 0
    start: str = "end_of_trafficking"


@dataclass(frozen=True)
class Filing(Cited):
    """Who files where, and the response period."""

    where: str = ""
    who: str = ""
    response_period_days: int = 0


@dataclass(frozen=True)
class Rule(Cited):
    """A plain rule with a text (confidentiality, fees)."""

    rule: str = ""


@dataclass(frozen=True)
class RulePack:
    """One jurisdiction's pack.

    Attributes:
        id: the pack id.
        jurisdiction: the jurisdiction code.
        name: a title for lawyers.
        version: the pack's version.
        reviewed: when it was last checked against its sources.
        applies_to_entries_in: record-entry jurisdictions it screens.
        fallback: the international model pack, used where no other pack applies.
        path: the file it came from.
    """

    id: str
    jurisdiction: str
    name: str
    version: str
    reviewed: str
    applies_to_entries_in: tuple[str, ...]
    fallback: bool
    notes: str
    instruments: tuple[Instrument, ...]
    relief: tuple[Relief, ...]
    nexus: Nexus
    presumptions: tuple[Presumption, ...]
    covered: tuple[OffenceRule, ...]
    excluded: tuple[OffenceRule, ...]
    minors: Minors
    cooperation: Cooperation
    time_limits: tuple[TimeLimit, ...]
    filing: Filing
    confidentiality: Rule
    fees: Rule
    path: Path = field(compare=False)

    def rules(self) -> list[Cited]:
        """Every cited rule in the pack."""
        return [
            *self.instruments,
            *self.relief,
            self.nexus,
            *self.presumptions,
            *self.covered,
            *self.excluded,
            self.minors,
            self.cooperation,
            *self.time_limits,
            self.filing,
            self.confidentiality,
            self.fees,
        ]

    def to_verify(self) -> int:
        """How many rules rest on S or U facts."""
        return sum(1 for rule in self.rules() if rule.needs_verification)


# --- reading and checking -----------------------------------------------------------------------

_TEXT = "text"
_BOOL = "bool"
_INT = "int"
_LIST = "list"

_CITED = {"citation": (_TEXT, True, None), "confidence": (_TEXT, True, CONFIDENCE)}
_TABLES: dict[str, dict[str, tuple[str, bool, tuple[str, ...] | None]]] = {
    "instruments": {"id": (_TEXT, True, None), "title": (_TEXT, True, None), **_CITED},
    "relief": {
        "id": (_TEXT, True, None),
        "type": (_TEXT, True, RELIEF_TYPES),
        "instrument": (_TEXT, True, None),
        "summary": (_TEXT, True, None),
        "stage": (_TEXT, True, STAGES),
        "entry_kinds": (_LIST, True, ENTRY_KINDS),
        "templates": (_LIST, False, None),
        **_CITED,
    },
    "nexus": {
        "test": (_TEXT, True, NEXUS_TESTS),
        "wording": (_TEXT, True, None),
        "standard_of_proof": (_TEXT, True, None),
        **_CITED,
    },
    "presumptions": {
        "id": (_TEXT, True, None),
        "when_documentation": (_LIST, True, DOCUMENTATION),
        "effect": (_TEXT, True, None),
        "documentation_required": (_BOOL, True, None),
        "shifts_burden": (_BOOL, False, None),
        **_CITED,
    },
    "covered": {
        "id": (_TEXT, True, None),
        "categories": (_LIST, True, ("*", *CATEGORIES)),
        "levels": (_LIST, True, ("*", *LEVELS)),
        "entry_kinds": (_LIST, True, ENTRY_KINDS),
        "statutes": (_LIST, False, None),
        **_CITED,
    },
    "excluded": {
        "id": (_TEXT, True, None),
        "categories": (_LIST, True, ("*", *CATEGORIES)),
        "levels": (_LIST, True, ("*", *LEVELS)),
        "entry_kinds": (_LIST, False, ENTRY_KINDS),
        "statutes": (_LIST, False, None),
        "reason": (_TEXT, True, None),
        "argument": (_TEXT, True, None),
        **_CITED,
    },
    "minors": {"compulsion_required": (_BOOL, True, None), "rule": (_TEXT, True, None), **_CITED},
    "cooperation": {"required": (_BOOL, True, None), "rule": (_TEXT, True, None), **_CITED},
    "time_limits": {
        "id": (_TEXT, True, None),
        "rule": (_TEXT, True, None),
        "kind": (_TEXT, True, TIME_LIMIT_KINDS),
        "years": (_INT, False, None),
        "days": (_INT, False, None),
        "from": (_TEXT, True, TIME_FROM),
        **_CITED,
    },
    "filing": {
        "where": (_TEXT, True, None),
        "who": (_TEXT, True, None),
        "response_period_days": (_INT, True, None),
        **_CITED,
    },
    "confidentiality": {"rule": (_TEXT, True, None), **_CITED},
    "fees": {"rule": (_TEXT, True, None), **_CITED},
}
_LISTS = {"instruments", "relief", "presumptions", "covered", "excluded", "time_limits"}
_SINGLE = {"nexus", "minors", "cooperation", "filing", "confidentiality", "fees"}
_REQUIRED_LISTS = {"instruments", "relief"}
Spec = dict[str, tuple[str, bool, tuple[str, ...] | None]]
_PACK: Spec = {
    "id": (_TEXT, True, None),
    "jurisdiction": (_TEXT, True, None),
    "name": (_TEXT, True, None),
    "version": (_TEXT, True, None),
    "reviewed": (_TEXT, True, None),
    "applies_to_entries_in": (_LIST, True, None),
    "fallback": (_BOOL, True, None),
    "notes": (_TEXT, False, None),
}


class _Checker:
    def __init__(self, file: str) -> None:
        self.file = file
        self.issues: list[RuleIssue] = []

    def add(self, path: str, reason: str) -> None:
        self.issues.append(RuleIssue(self.file, path, reason))

    def table(
        self, data: Any, path: str, spec: dict[str, tuple[str, bool, tuple[str, ...] | None]]
    ) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.add(path, "must be a table")
            return {}
        for key in data:
            if key not in spec:
                self.add(f"{path}.{key}", "unknown key (a typo would silently drop a rule)")
        out: dict[str, Any] = {}
        for key, (kind, required, allowed) in spec.items():
            where = f"{path}.{key}"
            if key not in data:
                if required:
                    self.add(where, "required key missing")
                continue
            value = data[key]
            if kind == _TEXT:
                if not isinstance(value, str) or not value.strip():
                    self.add(where, "must be non-empty text")
                    continue
                if allowed is not None and value not in allowed:
                    self.add(where, "not one of: " + ", ".join(allowed))
                    continue
            elif kind == _BOOL and not isinstance(value, bool):
                self.add(where, "must be true or false")
                continue
            elif kind == _INT and (
                not isinstance(value, int) or isinstance(value, bool) or value < 0
            ):
                self.add(where, "must be a whole number, 0 or more")
                continue
            elif kind == _LIST:
                if not isinstance(value, list) or not all(
                    isinstance(v, str) and v.strip() for v in value
                ):
                    self.add(where, "must be a list of non-empty texts")
                    continue
                if allowed is not None:
                    bad = [v for v in value if v not in allowed]
                    if bad:
                        self.add(where, "not one of: " + ", ".join(a for a in allowed))
                        continue
                if "*" in value and len(value) > 1:
                    self.add(where, '"*" must stand alone')
                    continue
                if len(set(value)) != len(value):
                    self.add(where, "repeats a value")
                    continue
                value = tuple(value)
            out[key] = value
        return out


def _cited(cls: type[Any], values: dict[str, Any], **renames: str) -> Any:
    kwargs = {renames.get(k, k): v for k, v in values.items()}
    kwargs.setdefault("citation", "")
    kwargs.setdefault("confidence", "U")
    return cls(**kwargs)


def parse_pack(data: Any, path: Path) -> tuple[RulePack | None, list[RuleIssue]]:
    """Check a parsed TOML document and build the pack; returns (pack or None, issues)."""
    check = _Checker(path.name)
    if not isinstance(data, dict):
        check.add("(file)", "not a TOML table")
        return None, check.issues
    if data.get("format") != FORMAT:
        check.add("format", f'must be "{FORMAT}"')
    if data.get("format_version") != FORMAT_VERSION:
        check.add("format_version", f"this Redress reads version {FORMAT_VERSION}")
    known = {"format", "format_version", "pack", *_TABLES}
    for key in data:
        if key not in known:
            check.add(key, "unknown key (a typo would silently drop a rule)")
    pack = check.table(data.get("pack"), "pack", _PACK)
    lists: dict[str, list[dict[str, Any]]] = {}
    for name in _LISTS:
        raw = data.get(name, [])
        if not isinstance(raw, list):
            check.add(name, "must be a list of tables ([[" + name + "]])")
            raw = []
        if name in _REQUIRED_LISTS and not raw:
            check.add(name, "at least one is required")
        lists[name] = [
            check.table(item, f"{name}[{i}]", _TABLES[name]) for i, item in enumerate(raw)
        ]
        ids = [str(item["id"]) for item in lists[name] if item.get("id")]
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            check.add(name, f'the id "{dup}" is used twice')
    singles = {name: check.table(data.get(name), name, _TABLES[name]) for name in _SINGLE}
    instruments = {item.get("id") for item in lists["instruments"]}
    for i, relief in enumerate(lists["relief"]):
        if relief.get("instrument") and relief["instrument"] not in instruments:
            check.add(f"relief[{i}].instrument", "names no instrument of this pack")
    if singles["cooperation"].get("required") is True:
        check.add(
            "cooperation.required",
            "must be false: relief never depends on co-operation with the police or a prosecution",
        )
    for i, limit in enumerate(lists["time_limits"]):
        kind = limit.get("kind")
        if kind == "years_after" and not limit.get("years"):
            check.add(f"time_limits[{i}].years", "required (and above 0) for years_after")
        if kind == "days_after" and not limit.get("days"):
            check.add(f"time_limits[{i}].days", "required (and above 0) for days_after")
    if pack.get("fallback") is False and not pack.get("applies_to_entries_in"):
        check.add("pack.applies_to_entries_in", "must name at least one jurisdiction")
    if check.issues:
        return None, check.issues
    built = RulePack(
        id=pack["id"],
        jurisdiction=pack["jurisdiction"],
        name=pack["name"],
        version=pack["version"],
        reviewed=pack["reviewed"],
        applies_to_entries_in=pack["applies_to_entries_in"],
        fallback=pack["fallback"],
        notes=pack.get("notes", ""),
        instruments=tuple(_cited(Instrument, v) for v in lists["instruments"]),
        relief=tuple(_cited(Relief, v) for v in lists["relief"]),
        nexus=_cited(Nexus, singles["nexus"]),
        presumptions=tuple(_cited(Presumption, v) for v in lists["presumptions"]),
        covered=tuple(_cited(OffenceRule, v) for v in lists["covered"]),
        excluded=tuple(_cited(OffenceRule, v) for v in lists["excluded"]),
        minors=_cited(Minors, singles["minors"]),
        cooperation=_cited(Cooperation, singles["cooperation"]),
        time_limits=tuple(_cited(TimeLimit, v, **{"from": "start"}) for v in lists["time_limits"]),
        filing=_cited(Filing, singles["filing"]),
        confidentiality=_cited(Rule, singles["confidentiality"]),
        fees=_cited(Rule, singles["fees"]),
        path=path,
    )
    return built, []


def read_pack(path: Path) -> tuple[RulePack | None, list[RuleIssue]]:
    """Read and check one pack file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return None, [RuleIssue(path.name, "(file)", f"cannot be read ({exc.strerror})")]
    except UnicodeDecodeError:
        return None, [RuleIssue(path.name, "(file)", "is not UTF-8 text")]
    except tomllib.TOMLDecodeError as exc:
        return None, [RuleIssue(path.name, "(file)", f"is not valid TOML ({exc})")]
    return parse_pack(data, path)


def packs_folder() -> Path:
    """The folder of the shipped packs."""
    return Path(str(resources.files("redress.resources").joinpath("rules")))


def lint(paths: Iterable[Path] | None = None) -> tuple[list[RulePack], list[RuleIssue]]:
    """Check packs (default: every shipped pack), including rules across packs."""
    files = sorted(paths) if paths is not None else sorted(packs_folder().glob("*.toml"))
    packs: list[RulePack] = []
    issues: list[RuleIssue] = []
    for path in files:
        pack, found = read_pack(path)
        issues += found
        if pack is not None:
            packs.append(pack)
    issues += _cross_pack_issues(packs, whole_set=paths is None)
    return packs, issues


def _cross_pack_issues(packs: Sequence[RulePack], *, whole_set: bool) -> list[RuleIssue]:
    issues = []
    seen: dict[str, str] = {}
    for pack in packs:
        for key, label in ((pack.id, "id"), (pack.jurisdiction, "jurisdiction")):
            marker = f"{label}:{key}"
            if marker in seen:
                issues.append(
                    RuleIssue(pack.path.name, f"pack.{label}", f"also used by {seen[marker]}")
                )
            seen[marker] = pack.path.name
    if whole_set and sum(p.fallback for p in packs) != 1:
        issues.append(
            RuleIssue("(all packs)", "pack.fallback", "exactly one pack must be the fallback")
        )
    return issues


def load_packs() -> list[RulePack]:
    """Every shipped pack, or :class:`RulePackError` listing every problem."""
    packs, issues = lint()
    if issues:
        raise RulePackError(issues)
    return packs


def pack_for(packs: Sequence[RulePack], jurisdiction: str) -> RulePack:
    """The pack that screens record entries of ``jurisdiction`` (the fallback if none does)."""
    for pack in packs:
        if jurisdiction in pack.applies_to_entries_in:
            return pack
    return next(p for p in packs if p.fallback)
