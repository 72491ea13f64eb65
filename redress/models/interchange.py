"""The versioned case JSON interchange (docs/case-format.md): export, validate, import.

A document is ``{"format": "redress-case", "version": 1, "exported_at": ..., "cases": [...]}``;
field names are the column and relationship names of :mod:`redress.models.schema`. The JSON
Schema shipped at ``redress/resources/schema/case-v1.schema.json`` checks the shape; this module
adds what a schema cannot (real calendar dates, cross-references, duplicate ids, date order).

Nothing here ever puts a field's *value* into an error: every problem is reported as a JSON path
and a fixed reason, because values are names and facts about survivors.

A JSON export is plaintext. Callers that write one to disk must say so to the user.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any, Final, Literal

from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy import select
from sqlalchemy.orm import Session

from redress.models import audit
from redress.models import cases as case_repo
from redress.models.errors import CaseFormatError, FormatIssue
from redress.models.schema import (
    AdverseParty,
    Base,
    Case,
    ChecklistAnswer,
    Client,
    Cooperation,
    Deadline,
    DeadlineKind,
    DocumentationKind,
    EntryKind,
    EvidenceItem,
    EvidenceKind,
    ExploitationPeriod,
    IndicatorAnswer,
    Note,
    OffenceCategory,
    OffenceLevel,
    OfficialDocument,
    PartyRole,
    RecordEntry,
    Relationship,
    Stage,
    new_id,
    utcnow,
)
from redress.models.schema import Disposition as DispositionKind

FORMAT_NAME: Final = "redress-case"
FORMAT_VERSION: Final = 1
SCHEMA_RESOURCE: Final = "schema/case-v1.schema.json"

MAX_FILE_BYTES: Final = 200 * 1024 * 1024
MAX_DEPTH: Final = 32
MAX_ITEMS: Final = 10_000
MAX_ISSUES: Final = 1_000

DOCUMENT_PATH: Final = "(document)"

# --- reasons (fixed texts: never a value from the document) -----------------------------------

REQUIRED = "required field missing"
UNKNOWN_FIELD = "unknown field"
DUPLICATE_ID = "duplicate id"
DUPLICATE_REFERENCE = "duplicate reference"
DUPLICATE_FIELD = "the same field appears more than once in this object"
NOT_IN_CASE = "refers to record entry id that is not in this case"
NOT_IN_CASE_EVIDENCE = "refers to an evidence id that is not in this case"
DUPLICATE_INDICATOR = "this indicator is answered twice in the case"
CASE_EXISTS = "a case with this id already exists in the vault"
REFERENCE_EXISTS = "a case with this reference already exists in the vault"
ITEM_EXISTS = "an item with this id already exists in the vault"
END_BEFORE_START = "end date is before the start date"
DISPOSITION_BEFORE_ARREST = "disposition date is before the arrest date"
BAD_CHARACTER = "contains a character that is not allowed (NUL or an unpaired surrogate)"
TOO_DEEP = f"nested too deeply (more than {MAX_DEPTH} levels)"
TOO_MANY_ITEMS = f"too many items (at most {MAX_ITEMS:,})"
TOO_MANY_ISSUES = f"too many problems: only the first {MAX_ISSUES:,} are listed"

_FORMAT_REASONS: Final[dict[str, str]] = {
    "uuid": "not an id (expected a lowercase UUID such as 0b6f2c1e-3d4a-4b5c-8d9e-0f1a2b3c4d5e)",
    "date": "not a date (expected YYYY-MM-DD)",
    "date-time": (
        "not a date and time with a UTC offset (expected YYYY-MM-DDTHH:MM:SS, optional "
        "fraction, then Z or +HH:MM)"
    ),
    "decimal": 'money must be a decimal string such as "120.50"',
    "currency": "not a currency code (expected three capital letters such as USD)",
    "jurisdiction": "not a jurisdiction code (expected capitals such as US-NY, GB-EWS or INTL)",
    "case-reference": (
        "not a case reference (expected up to 32 capital letters, digits and - / . _; a "
        "reference starting RD- must have the form RD-YYYY-NNNN)"
    ),
}

_TYPE_NAMES: Final[dict[str, str]] = {
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "integer": "a whole number",
    "number": "a number",
    "null": "null",
}

# --- formats ----------------------------------------------------------------------------------

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_MONEY = re.compile(r"[0-9]{1,15}(\.[0-9]{1,4})?")
_CURRENCY = re.compile(r"[A-Z]{3}")
_JURISDICTION = re.compile(r"[A-Z]{2,4}(-[A-Z0-9]{1,8})?")
_REFERENCE = re.compile(r"(?!RD-)[A-Z0-9][A-Z0-9/._-]{0,31}|RD-[0-9]{4}-[0-9]{4}")
_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")
_FIELD_NAME = re.compile(r"[a-z_][a-z0-9_]{0,63}")


def parse_date(text: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` calendar date, or ``None`` if ``text`` is not one."""
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def parse_datetime(text: str) -> dt.datetime | None:
    """An ISO 8601 date-time with an offset, converted to UTC; ``None`` if ``text`` is not one.

    Fractions beyond microseconds are truncated (that is all Python and the vault keep).
    """
    if not _DATETIME.fullmatch(text):
        return None
    try:
        return dt.datetime.fromisoformat(text).astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return None


def parse_money(text: str) -> Decimal | None:
    """An exact non-negative decimal amount, or ``None`` if ``text`` is not one."""
    if not _MONEY.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None


def format_datetime(value: dt.datetime) -> str:
    """The one canonical spelling of a datetime: UTC, microseconds, ``+00:00``.

    Raises:
        ValueError: ``value`` is naive (the vault only holds aware UTC datetimes).
    """
    if value.tzinfo is None:
        raise ValueError("naive datetimes are not exported; use UTC")
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def format_money(value: Decimal) -> str:
    """The canonical spelling of an amount: plain digits, never an exponent."""
    return format(value, "f")


def _checker() -> FormatChecker:
    """A format checker with only Redress's strict formats (none of jsonschema's defaults)."""
    checker = FormatChecker(formats=())

    def strings(test: Callable[[str], bool]) -> Callable[[object], bool]:
        return lambda instance: not isinstance(instance, str) or test(instance)

    checker.checks("uuid")(strings(lambda s: _UUID.fullmatch(s) is not None))
    checker.checks("date")(strings(lambda s: parse_date(s) is not None))
    checker.checks("date-time")(strings(lambda s: parse_datetime(s) is not None))
    checker.checks("decimal")(strings(lambda s: parse_money(s) is not None))
    checker.checks("currency")(strings(lambda s: _CURRENCY.fullmatch(s) is not None))
    checker.checks("jurisdiction")(strings(lambda s: _JURISDICTION.fullmatch(s) is not None))
    checker.checks("case-reference")(strings(lambda s: _REFERENCE.fullmatch(s) is not None))
    return checker


@functools.cache
def json_schema() -> dict[str, Any]:
    """The shipped JSON Schema (Draft 2020-12) for interchange version 1."""
    text = resources.files("redress.resources").joinpath(SCHEMA_RESOURCE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@functools.cache
def _validator() -> Any:
    return Draft202012Validator(json_schema(), format_checker=_checker())


@functools.cache
def _field_order() -> dict[str, int]:
    """Each field name's position in the schema, so issues are listed in document order."""
    schema = json_schema()
    order: dict[str, int] = {}
    for props in [schema["properties"], *(d["properties"] for d in schema["$defs"].values())]:
        for name in props:
            order.setdefault(name, len(order))
    return order


# --- the field tables (one per object; export and import both follow them) --------------------

Kind = Literal["text", "id", "date", "datetime", "money", "bool", "list", "enum"]


@dataclass(frozen=True)
class _Field:
    name: str
    kind: Kind
    enum_cls: type[enum.StrEnum] | None = None


def _f(name: str, kind: Kind = "text", enum_cls: type[enum.StrEnum] | None = None) -> _Field:
    return _Field(name, kind, enum_cls)


_PROVENANCE = (_f("source"), _f("recorded_at", "datetime"))

CASE_FIELDS: Final = (
    _f("id", "id"),
    _f("reference"),
    _f("stage", "enum", Stage),
    _f("jurisdiction"),
    _f("assigned_to"),
    _f("team", "list"),
    _f("fictional", "bool"),
    _f("cooperation", "enum", Cooperation),
    _f("cooperation_notes"),
    _f("created_at", "datetime"),
    _f("updated_at", "datetime"),
)
CLIENT_FIELDS: Final = (
    _f("id", "id"),
    _f("legal_name"),
    _f("pseudonym"),
    _f("other_names", "list"),
    _f("preferred_language"),
    _f("date_of_birth", "date"),
    _f("minor_at_offences", "bool"),
    _f("interpreter_needed", "bool"),
    _f("interpreter_language"),
    _f("gender_preference"),
    _f("pronouns"),
    _f("nationality"),
    _f("safe_contact"),
    *_PROVENANCE,
)
PERIOD_FIELDS: Final = (
    _f("id", "id"),
    _f("start_date", "date"),
    _f("end_date", "date"),
    _f("forms", "list"),
    _f("relationship_to_trafficker", "enum", Relationship),
    _f("means", "list"),
    _f("location"),
    _f("description"),
    *_PROVENANCE,
)
ENTRY_FIELDS: Final = (
    _f("id", "id"),
    _f("kind", "enum", EntryKind),
    _f("jurisdiction"),
    _f("court"),
    _f("docket"),
    _f("statute"),
    _f("offence_text"),
    _f("offence_category", "enum", OffenceCategory),
    _f("offence_level", "enum", OffenceLevel),
    _f("arrest_date", "date"),
    _f("charge_date", "date"),
    _f("disposition_date", "date"),
    _f("disposition", "enum", DispositionKind),
    _f("sentence"),
    _f("fines_owed", "money"),
    _f("fines_currency"),
    _f("nexus_client"),
    _f("nexus_lawyer"),
    *_PROVENANCE,
)
EVIDENCE_FIELDS: Final = (
    _f("id", "id"),
    _f("title"),
    _f("kind", "enum", EvidenceKind),
    _f("description"),
    _f("date", "date"),
    _f("held_by"),
    _f("supports", "list"),
    # record_entry_ids (the links) goes here; see _export_evidence
    *_PROVENANCE,
)
PARTY_FIELDS: Final = (
    _f("id", "id"),
    _f("name"),
    _f("name_variants", "list"),
    _f("role", "enum", PartyRole),
    _f("relationship_to_client", "enum", Relationship),
    _f("notes"),
    *_PROVENANCE,
)
DOCUMENT_FIELDS: Final = (
    _f("id", "id"),
    _f("kind", "enum", DocumentationKind),
    _f("issuer"),
    _f("reference"),
    _f("issued_date", "date"),
    _f("notes"),
    *_PROVENANCE,
)
DEADLINE_FIELDS: Final = (
    _f("id", "id"),
    _f("title"),
    _f("due_date", "date"),
    _f("kind", "enum", DeadlineKind),
    _f("basis"),
    _f("citation"),
    _f("done", "bool"),
    _f("record_entry_id", "id"),
    _f("origin"),
)
NOTE_FIELDS: Final = (
    _f("id", "id"),
    _f("body"),
    _f("author"),
    _f("created_at", "datetime"),
)
ANSWER_FIELDS: Final = (
    _f("id", "id"),
    _f("checklist_id"),
    _f("indicator_id"),
    _f("answer", "enum", IndicatorAnswer),
    _f("start_date", "date"),
    _f("end_date", "date"),
    _f("notes"),
    _f("evidence_ids", "list"),
    *_PROVENANCE,
)

#: The list fields of a case: (JSON name, ORM class, field table, has a position column).
CHILD_LISTS: Final[tuple[tuple[str, type[Base], tuple[_Field, ...], bool], ...]] = (
    ("periods", ExploitationPeriod, PERIOD_FIELDS, True),
    ("record_entries", RecordEntry, ENTRY_FIELDS, True),
    ("evidence", EvidenceItem, EVIDENCE_FIELDS, True),
    ("adverse_parties", AdverseParty, PARTY_FIELDS, True),
    ("documentation", OfficialDocument, DOCUMENT_FIELDS, True),
    ("deadlines", Deadline, DEADLINE_FIELDS, False),
    ("notes", Note, NOTE_FIELDS, False),
    ("checklist_answers", ChecklistAnswer, ANSWER_FIELDS, False),
)
_HAS_SOURCE: Final = frozenset(
    {
        Client,
        ExploitationPeriod,
        RecordEntry,
        EvidenceItem,
        AdverseParty,
        OfficialDocument,
        ChecklistAnswer,
    }
)


# --- export -----------------------------------------------------------------------------------


def _to_json(value: object, kind: Kind) -> object:
    if value is None:
        return None
    if kind == "datetime":
        assert isinstance(value, dt.datetime)
        return format_datetime(value)
    if kind == "date":
        assert isinstance(value, dt.date)
        return value.isoformat()
    if kind == "money":
        assert isinstance(value, Decimal)
        return format_money(value)
    if kind == "list":
        assert isinstance(value, list)
        return [str(item) for item in value]
    if kind == "enum":
        return str(value.value if isinstance(value, enum.Enum) else value)
    return value


def _export_fields(obj: object, fields: Sequence[_Field]) -> dict[str, Any]:
    return {f.name: _to_json(getattr(obj, f.name), f.kind) for f in fields}


def _export_evidence(item: EvidenceItem, entry_order: dict[str, int]) -> dict[str, Any]:
    out = _export_fields(item, EVIDENCE_FIELDS[:-2])
    linked = sorted(
        (e.id for e in item.record_entries),
        key=lambda ident: (entry_order.get(ident, len(entry_order)), ident),
    )
    out["record_entry_ids"] = linked
    out.update(_export_fields(item, EVIDENCE_FIELDS[-2:]))
    return out


def export_case(case: Case) -> dict[str, Any]:
    """One case as a version-1 CASE object (see docs/case-format.md).

    Lists keep their stored order (the ``position`` columns); deadlines are listed by due date
    and notes by creation time (ties broken by id), so an export is deterministic. Attachments,
    generated documents and the audit log are not included; evidence loses its attachment link.

    Args:
        case: a case loaded from (or flushed to) a vault session.

    Returns:
        A JSON-ready dict: only strings, booleans, ``None``, lists and dicts.
    """
    out = _export_fields(case, CASE_FIELDS)
    out["client"] = _export_fields(case.client, CLIENT_FIELDS)
    out["periods"] = [_export_fields(p, PERIOD_FIELDS) for p in case.periods]
    out["record_entries"] = [_export_fields(e, ENTRY_FIELDS) for e in case.record_entries]
    entry_order = {e.id: i for i, e in enumerate(case.record_entries)}
    out["evidence"] = [_export_evidence(item, entry_order) for item in case.evidence]
    out["adverse_parties"] = [_export_fields(p, PARTY_FIELDS) for p in case.adverse_parties]
    out["documentation"] = [_export_fields(d, DOCUMENT_FIELDS) for d in case.documentation]
    deadlines = sorted(case.deadlines, key=lambda d: (d.due_date, d.id or ""))
    out["deadlines"] = [_export_fields(d, DEADLINE_FIELDS) for d in deadlines]
    notes = sorted(
        case.notes,
        key=lambda n: (n.created_at or dt.datetime.min.replace(tzinfo=dt.UTC), n.id or ""),
    )
    out["notes"] = [_export_fields(n, NOTE_FIELDS) for n in notes]
    answers = sorted(case.checklist_answers, key=lambda a: (a.indicator_id, a.id or ""))
    out["checklist_answers"] = [_export_fields(a, ANSWER_FIELDS) for a in answers]
    return out


def export_document(
    cases: Sequence[Case], *, exported_at: dt.datetime | None = None
) -> dict[str, Any]:
    """A complete version-1 document holding ``cases`` (in the order given).

    Args:
        cases: the cases to export (one or more).
        exported_at: when the export was made; now if not given.

    Returns:
        The document as a JSON-ready dict (write it with :func:`dump_json`).
    """
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": format_datetime(exported_at or utcnow()),
        "cases": [export_case(case) for case in cases],
    }


def dump_json(document: dict[str, Any]) -> str:
    """The document as UTF-8-ready JSON text (indented, non-ASCII kept readable)."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --- reading JSON -----------------------------------------------------------------------------


class _PairsDict(dict[str, Any]):
    """A dict from the JSON parser that remembers field names given more than once."""

    duplicates: tuple[str, ...] = ()


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = _PairsDict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        duplicates: list[str] = []
        for key, _value in pairs:
            if key in seen:
                duplicates.append(key)
            seen.add(key)
        result.duplicates = tuple(duplicates)
    return result


def _reject_constant(_name: str) -> object:
    raise _NonStandardNumberError


class _NonStandardNumberError(ValueError):
    pass


def load_json(text: str | bytes) -> object:
    """Parse a case file's JSON, turning every failure into a :class:`CaseFormatError`.

    Accepts UTF-8 (with or without a byte-order mark). Refuses files over 200 MB, nesting deeper
    than :data:`MAX_DEPTH`, ``NaN``/``Infinity`` and a field given twice in one object (JSON
    parsers would silently keep only one). Messages give a line and column, never content.

    Args:
        text: the file's bytes, or its text.

    Returns:
        The parsed value (validate it with :func:`validate_document`).

    Raises:
        CaseFormatError: the text is not acceptable JSON.
    """

    def fail(reason: str, path: str = DOCUMENT_PATH) -> CaseFormatError:
        return CaseFormatError([FormatIssue(path, reason)])

    if len(text) > MAX_FILE_BYTES:
        raise fail("the file is too large (over 200 MB)")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise fail(f"not UTF-8 text (bad byte at offset {exc.start})") from None
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text, object_pairs_hook=_pairs_hook, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        # exc.msg is the parser's fixed wording ("Expecting ',' delimiter"), never content.
        message = exc.msg.removesuffix(" at")
        raise fail(f"not valid JSON: {message} at line {exc.lineno}, column {exc.colno}") from None
    except _NonStandardNumberError:
        raise fail("not valid JSON: NaN and Infinity are not allowed") from None
    except RecursionError:
        raise fail(TOO_DEEP) from None
    except ValueError:  # e.g. an integer with more digits than Python will convert
        raise fail("not valid JSON: a number is too long") from None
    issues: list[FormatIssue] = []
    for path, node in _walk(data, MAX_DEPTH):
        if len(path) >= MAX_DEPTH and isinstance(node, dict | list) and node:
            raise fail(TOO_DEEP)
        if isinstance(node, _PairsDict) and node.duplicates and len(issues) < MAX_ISSUES:
            issues += [
                FormatIssue(_render_path((*path, name)), DUPLICATE_FIELD)
                for name in dict.fromkeys(node.duplicates)
            ]
    if issues:
        raise CaseFormatError(issues)
    return data


def _walk(data: object, max_depth: int) -> Iterator[tuple[tuple[str | int, ...], object]]:
    """Every node with its path, depth-first and without recursion, down to ``max_depth``."""
    stack: list[tuple[tuple[str | int, ...], object]] = [((), data)]
    while stack:
        path, node = stack.pop()
        yield path, node
        if len(path) >= max_depth:
            continue
        if isinstance(node, dict):
            stack.extend(((*path, key), value) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(((*path, i), value) for i, value in reversed(list(enumerate(node))))


# --- validation -------------------------------------------------------------------------------

Path = tuple[str | int, ...]


def _render_path(path: Path) -> str:
    """``cases[0].record_entries[2].arrest_date``; field names that are not plain are hidden."""
    if not path:
        return DOCUMENT_PATH
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if isinstance(part, str) and _FIELD_NAME.fullmatch(part) else "?"
            out += f".{name}" if out else name
    return out


class _TooManyIssuesError(Exception):
    pass


class _Issues:
    """Collects (path, reason) pairs once each, up to :data:`MAX_ISSUES`."""

    def __init__(self, limit: int | None = MAX_ISSUES) -> None:
        self.items: dict[tuple[Path, str], None] = {}
        self.limit = limit

    def add(self, path: Path, reason: str) -> None:
        self.items.setdefault((path, reason), None)
        if self.limit is not None and len(self.items) >= self.limit:
            raise _TooManyIssuesError

    def sorted(self, *, truncated: bool) -> list[FormatIssue]:
        order = _field_order()

        def key(item: tuple[Path, str]) -> tuple[tuple[tuple[int, int, str], ...], str]:
            path, reason = item
            parts = tuple(
                (0, p, "") if isinstance(p, int) else (1, order.get(str(p), len(order)), str(p))
                for p in path
            )
            return parts, reason

        result = [FormatIssue(_render_path(p), r) for p, r in sorted(self.items, key=key)]
        if truncated:
            result.append(FormatIssue(DOCUMENT_PATH, TOO_MANY_ISSUES))
        return result


def _header_issues(data: dict[Any, Any]) -> list[FormatIssue]:
    """Problems with ``format`` and ``version``; when there are any nothing else is checked."""
    issues: list[FormatIssue] = []
    if "format" not in data:
        issues.append(FormatIssue("format", REQUIRED))
    elif data["format"] != FORMAT_NAME:
        issues.append(FormatIssue("format", f'not a Redress case file (expected "{FORMAT_NAME}")'))
    if "version" not in data:
        issues.append(FormatIssue("version", REQUIRED))
    else:
        version = data["version"]
        if not isinstance(version, int) or isinstance(version, bool):
            issues.append(FormatIssue("version", f"must be the whole number {FORMAT_VERSION}"))
        elif FORMAT_VERSION < version <= 1_000_000:
            issues.append(
                FormatIssue(
                    "version",
                    f"version {version} is not supported by this Redress "
                    f"(it reads version {FORMAT_VERSION})",
                )
            )
        elif version != FORMAT_VERSION:
            issues.append(
                FormatIssue(
                    "version",
                    f"not a supported version (this Redress reads version {FORMAT_VERSION})",
                )
            )
    return issues


def _limit_issues(data: object, issues: _Issues) -> bool:
    """Check nesting, list sizes and characters before anything else; ``True`` if hostile."""
    hostile = False
    stack: list[tuple[Path, object]] = [((), data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, str):
            if _BAD_CHARS.search(node):
                issues.add(path, BAD_CHARACTER)
        elif isinstance(node, dict | list):
            if len(path) >= MAX_DEPTH:
                if node:
                    issues.add(path, TOO_DEEP)
                    hostile = True
                continue
            if isinstance(node, list):
                if len(node) > MAX_ITEMS:
                    issues.add(path, TOO_MANY_ITEMS)
                    hostile = True
                    continue
                stack.extend(((*path, i), v) for i, v in enumerate(node))
            else:
                stack.extend(((*path, k), v) for k, v in node.items())
    return hostile


def _reason_for(error: Any) -> list[tuple[Path, str]]:
    """Our own reason text for one jsonschema error (never ``error.message``, which quotes)."""
    path: Path = tuple(error.absolute_path)
    validator: str = error.validator
    value: Any = error.validator_value
    schema: Any = error.schema
    fmt = schema.get("format") if isinstance(schema, dict) else None
    if fmt in _FORMAT_REASONS and validator in {"format", "pattern", "type", "maxLength"}:
        return [(path, _FORMAT_REASONS[fmt])]
    if validator == "required":
        instance = error.instance
        return [((*path, name), REQUIRED) for name in value if name not in instance]
    if validator == "additionalProperties":
        known = set(schema.get("properties", {}))
        return [((*path, name), UNKNOWN_FIELD) for name in error.instance if name not in known]
    if validator == "type":
        types = [value] if isinstance(value, str) else list(value)
        names = [_TYPE_NAMES.get(t, str(t)) for t in types if t != "null"]
        expected = " or ".join(names)
        if "null" in types:
            expected += ", or null" if " or " in expected else " or null"
        return [(path, f"must be {expected}")]
    if validator == "enum":
        return [(path, "not one of: " + ", ".join(str(v) for v in value))]
    if validator == "const":
        return [(path, f"must be {json.dumps(value)}")]
    if validator == "maxLength":
        return [(path, f"too long (at most {value:,} characters)")]
    if validator == "minLength":
        return [(path, "must not be empty")]
    if validator == "maxItems":
        return [(path, f"too many items (at most {value:,})")]
    if validator == "minItems":
        if path == ("cases",):
            return [(path, "must contain at least one case")]
        return [(path, f"must have at least {value} item(s)")]
    if validator == "uniqueItems":
        return [(path, "lists the same value more than once")]
    return [(path, "is not valid here")]


def _dicts(value: object) -> list[tuple[int, dict[str, Any]]]:
    return (
        [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]
        if isinstance(value, list)
        else []
    )


def _semantic_issues(data: dict[str, Any], issues: _Issues) -> None:
    """What a schema cannot check: duplicate ids, cross-references, date order."""
    seen_ids: set[str] = set()
    seen_refs: set[str] = set()

    def check_id(path: Path, obj: dict[str, Any]) -> None:
        ident = obj.get("id")
        if isinstance(ident, str):
            if ident in seen_ids:
                issues.add((*path, "id"), DUPLICATE_ID)
            seen_ids.add(ident)

    def date_of(obj: dict[str, Any], name: str) -> dt.date | None:
        value = obj.get(name)
        return parse_date(value) if isinstance(value, str) else None

    for c, case in _dicts(data.get("cases")):
        base: Path = ("cases", c)
        check_id(base, case)
        reference = case.get("reference")
        if isinstance(reference, str):
            if reference in seen_refs:
                issues.add((*base, "reference"), DUPLICATE_REFERENCE)
            seen_refs.add(reference)
        client = case.get("client")
        if isinstance(client, dict):
            check_id((*base, "client"), client)
        for name, *_rest in CHILD_LISTS:
            for i, obj in _dicts(case.get(name)):
                check_id((*base, name, i), obj)
        entry_ids = {
            obj["id"]
            for _, obj in _dicts(case.get("record_entries"))
            if isinstance(obj.get("id"), str)
        }
        for i, period in _dicts(case.get("periods")):
            start, end = date_of(period, "start_date"), date_of(period, "end_date")
            if start and end and end < start:
                issues.add((*base, "periods", i, "end_date"), END_BEFORE_START)
        for i, entry in _dicts(case.get("record_entries")):
            arrest, disposed = date_of(entry, "arrest_date"), date_of(entry, "disposition_date")
            if arrest and disposed and disposed < arrest:
                issues.add(
                    (*base, "record_entries", i, "disposition_date"), DISPOSITION_BEFORE_ARREST
                )
        for i, item in _dicts(case.get("evidence")):
            links = item.get("record_entry_ids")
            if isinstance(links, list):
                for j, link in enumerate(links):
                    if isinstance(link, str) and link not in entry_ids:
                        issues.add((*base, "evidence", i, "record_entry_ids", j), NOT_IN_CASE)
        for i, deadline in _dicts(case.get("deadlines")):
            link = deadline.get("record_entry_id")
            if isinstance(link, str) and link not in entry_ids:
                issues.add((*base, "deadlines", i, "record_entry_id"), NOT_IN_CASE)
        _answer_issues(base, case, issues, date_of)


def _answer_issues(
    base: Path,
    case: dict[str, Any],
    issues: _Issues,
    date_of: Callable[[dict[str, Any], str], dt.date | None],
) -> None:
    """Checklist answers: one per indicator, dates in order, evidence of the same case."""
    evidence_ids = {
        obj["id"] for _, obj in _dicts(case.get("evidence")) if isinstance(obj.get("id"), str)
    }
    seen: set[str] = set()
    for i, answer in _dicts(case.get("checklist_answers")):
        path = (*base, "checklist_answers", i)
        indicator = answer.get("indicator_id")
        if isinstance(indicator, str):
            if indicator in seen:
                issues.add((*path, "indicator_id"), DUPLICATE_INDICATOR)
            seen.add(indicator)
        start, end = date_of(answer, "start_date"), date_of(answer, "end_date")
        if start and end and end < start:
            issues.add((*path, "end_date"), END_BEFORE_START)
        links = answer.get("evidence_ids")
        if isinstance(links, list):
            for j, link in enumerate(links):
                if isinstance(link, str) and link not in evidence_ids:
                    issues.add((*path, "evidence_ids", j), NOT_IN_CASE_EVIDENCE)


def validate_document(data: object) -> list[FormatIssue]:
    """Every problem with a parsed document, each as a JSON path and a reason.

    Reasons never quote the offending value. If ``format`` or ``version`` is wrong only those
    are reported (a different version is validated by different rules); if the document is
    hostile (nested too deeply, a list over the limit) only the limits are reported. At most
    :data:`MAX_ISSUES` problems are listed.

    Args:
        data: the parsed JSON (from :func:`load_json`, or a dict such as an export).

    Returns:
        The problems in document order; empty if the document can be imported.
    """
    if not isinstance(data, dict):
        return [FormatIssue(DOCUMENT_PATH, "must be a JSON object with format, version and cases")]
    header = _header_issues(data)
    if header:
        return header
    issues = _Issues()
    try:
        if _limit_issues(data, issues):
            return issues.sorted(truncated=False)
        for error in _validator().iter_errors(data):
            for path, reason in _reason_for(error):
                issues.add(path, reason)
        _semantic_issues(data, issues)
    except _TooManyIssuesError:
        return issues.sorted(truncated=True)
    return issues.sorted(truncated=False)


# --- import -----------------------------------------------------------------------------------


def _from_json(value: Any, field: _Field) -> Any:
    if value is None:
        return None
    if field.kind == "datetime":
        return parse_datetime(value)
    if field.kind == "date":
        return parse_date(value)
    if field.kind == "money":
        return parse_money(value)
    if field.kind == "list":
        return list(value)
    if field.kind == "enum":
        assert field.enum_cls is not None
        return field.enum_cls(value)
    return value


def _kwargs(
    data: dict[str, Any], fields: Sequence[_Field], source_label: str | None
) -> dict[str, Any]:
    kwargs = {f.name: _from_json(data[f.name], f) for f in fields if f.name in data}
    if "id" not in kwargs:
        kwargs["id"] = new_id()
    if source_label is not None and "source" not in data:
        kwargs["source"] = source_label
    return kwargs


def _build_case(data: dict[str, Any], source_label: str) -> tuple[Case, list[tuple[Deadline, str]]]:
    """The ORM objects of one valid CASE object, and the deadline links to set after insert.

    ``Deadline.record_entry_id`` is a bare foreign key (no relationship), so the unit of work
    cannot know to insert the record entry first: the links are set once both rows exist.
    """
    case = Case(**_kwargs(data, CASE_FIELDS, None))
    case.client = Client(**_kwargs(data["client"], CLIENT_FIELDS, source_label))
    entries: dict[str, RecordEntry] = {}
    links: list[tuple[Deadline, str]] = []
    for name, model, fields, positioned in CHILD_LISTS:
        label = source_label if model in _HAS_SOURCE else None
        built = []
        for position, item in enumerate(data.get(name, [])):
            kwargs = _kwargs(item, fields, label)
            if positioned:
                kwargs["position"] = position
            entry_link = kwargs.pop("record_entry_id", None)
            obj = model(**kwargs)
            if isinstance(obj, RecordEntry):
                entries[obj.id] = obj
            elif isinstance(obj, EvidenceItem):
                obj.record_entries = [entries[i] for i in item.get("record_entry_ids", [])]
            elif isinstance(obj, Deadline) and entry_link is not None:
                links.append((obj, entry_link))
            built.append(obj)
        setattr(case, name, built)
    return case, links


def _id_paths(cases_data: list[dict[str, Any]]) -> dict[type[Base], dict[str, Path]]:
    """Every explicit id in the document, by table, with where it is."""
    found: dict[type[Base], dict[str, Path]] = {}
    for c, case in enumerate(cases_data):
        if "id" in case:
            found.setdefault(Case, {})[case["id"]] = ("cases", c, "id")
        if "id" in case["client"]:
            found.setdefault(Client, {})[case["client"]["id"]] = ("cases", c, "client", "id")
        for name, model, _fields, _positioned in CHILD_LISTS:
            for i, item in enumerate(case.get(name, [])):
                if "id" in item:
                    found.setdefault(model, {})[item["id"]] = ("cases", c, name, i, "id")
    return found


def _existing(session: Session, column: Any, values: Sequence[str]) -> set[str]:
    present: set[str] = set()
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        present.update(session.scalars(select(column).where(column.in_(chunk))))
    return present


def _conflicts(session: Session, cases_data: list[dict[str, Any]]) -> list[FormatIssue]:
    """Ids and references in the document that the vault already has.

    A case whose own id is taken is reported once, not once more for each of its items.
    """
    issues = _Issues(limit=None)
    id_paths = _id_paths(cases_data)
    taken_cases = {
        id_paths[Case][ident][1]
        for ident in _existing(session, Case.id, list(id_paths.get(Case, {})))
    }
    for c in sorted(taken_cases, key=int):
        issues.add(("cases", c, "id"), CASE_EXISTS)
    for model, paths in id_paths.items():
        if model is Case:
            continue
        id_column: Any = model.__table__.c.id
        for ident in _existing(session, id_column, list(paths)):
            if paths[ident][1] not in taken_cases:
                issues.add(paths[ident], ITEM_EXISTS)
    references = {
        case["reference"]: ("cases", c, "reference")
        for c, case in enumerate(cases_data)
        if "reference" in case
    }
    for reference in _existing(session, Case.reference, list(references)):
        issues.add(references[reference], REFERENCE_EXISTS)
    return issues.sorted(truncated=False)


def import_document(session: Session, data: object, *, source_label: str = "import") -> list[Case]:
    """Validate a document and add its cases to the vault in the caller's transaction.

    Nothing is written unless the whole document is valid and none of its ids or references is
    already in the vault. Ids and references that are absent are generated; ``recorded_at``,
    ``created_at`` and ``updated_at`` are kept exactly when given (now when absent). Each case is
    recorded in the audit log as ``case.imported``.

    Args:
        session: the session of the import's transaction (``vault.transaction()``).
        data: the parsed document (from :func:`load_json`).
        source_label: the ``source`` given to facts whose ``source`` field is absent.

    Returns:
        The new cases, in the document's order.

    Raises:
        CaseFormatError: the document is invalid or clashes with the vault; ``issues`` has all
            the problems and the vault is unchanged.
    """
    issues = validate_document(data)
    if issues:
        raise CaseFormatError(issues)
    assert isinstance(data, dict)
    cases_data: list[dict[str, Any]] = data["cases"]
    conflicts = _conflicts(session, cases_data)
    if conflicts:
        raise CaseFormatError(conflicts)
    built = [_build_case(case, source_label) for case in cases_data]
    new_cases = [case for case, _links in built]
    with session.begin_nested():
        # Cases with their own reference go first, so generated ones never take those.
        for case in new_cases:
            if case.reference:
                session.add(case)
        session.flush()
        for case in new_cases:
            if not case.reference:
                case.reference = case_repo.next_reference(session)
                session.add(case)
                session.flush()
        for _case, links in built:
            for deadline, entry_id in links:
                deadline.record_entry_id = entry_id
        session.flush()
        for case in new_cases:
            audit.record(
                session,
                "case.imported",
                case_id=case.id,
                detail=(
                    f"case file version {FORMAT_VERSION}, jurisdiction {case.jurisdiction}, "
                    f"{len(case.record_entries)} record entries"
                ),
            )
    return new_cases
