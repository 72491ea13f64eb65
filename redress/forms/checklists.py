"""Indicator checklists as data: coercive control, forced labour, and the crosswalk between them.

The checklists live in ``redress/resources/checklists/`` as TOML. Each indicator has a stable id,
plain trauma-informed wording for the lawyer's conversation, guidance, the phrase a petition's
"means" narrative uses when the answer is yes, and its citation and confidence tag. Answers are
yes / no / unknown / not asked: no question is ever forced, and "not asked" is a normal state.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from redress.forms.rulepacks import CONFIDENCE, RuleIssue, RulePackError
from redress.models import audit
from redress.models.errors import NotFoundError
from redress.models.schema import Case, ChecklistAnswer, IndicatorAnswer, utcnow

CHECKLIST_FORMAT = "redress-checklist"
CROSSWALK_FORMAT = "redress-crosswalk"
FORMAT_VERSION = 1


Answer = IndicatorAnswer
"""An indicator's answer (stored in the vault; ``not_asked`` is the default)."""


@dataclass(frozen=True)
class Indicator:
    """One indicator.

    Attributes:
        id: stable id (never renumbered or reused).
        cluster: the heading it sits under.
        question: plain wording for the conversation.
        guidance: what it means, for the lawyer.
        means: the phrase for a petition's "means" narrative when the answer is yes.
        citation: its source.
        confidence: ``C``, ``S`` or ``U``.
        crosswalk: related indicators in the other checklists.
    """

    id: str
    cluster: str
    question: str
    guidance: str
    means: str
    citation: str
    confidence: str
    crosswalk: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    """A checklist.

    Attributes:
        id: stable id.
        title: its title.
        source: the instrument or tool it follows.
        confidence: the tag of that source.
        intro: what the client is told before the questions.
        indicators: the indicators, in order.
    """

    id: str
    title: str
    source: str
    confidence: str
    intro: str
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class CrosswalkLink:
    """A link between a forced-labour indicator and coercive-control indicators."""

    ilo: str
    coercive_control: tuple[str, ...]
    note: str
    citation: str
    confidence: str


def checklists_folder() -> Path:
    """The folder of the shipped checklists."""
    return Path(str(resources.files("redress.resources").joinpath("checklists")))


_INDICATOR_KEYS = {
    "id",
    "cluster",
    "question",
    "guidance",
    "means",
    "citation",
    "confidence",
    "crosswalk",
}
_CHECKLIST_KEYS = {"id", "title", "source", "confidence", "intro"}


def _text(check: list[RuleIssue], file: str, path: str, data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        check.append(RuleIssue(file, f"{path}.{key}", "must be non-empty text"))
        return ""
    return value


def _unknown(
    check: list[RuleIssue], file: str, path: str, data: Mapping[str, Any], keys: set[str]
) -> None:
    for key in data:
        if key not in keys:
            check.append(RuleIssue(file, f"{path}.{key}", "unknown key"))


def parse_checklist(data: Any, file: str) -> tuple[Checklist | None, list[RuleIssue]]:
    """Check and build one checklist document."""
    issues: list[RuleIssue] = []
    if not isinstance(data, dict):
        return None, [RuleIssue(file, "(file)", "not a TOML table")]
    if data.get("format") != CHECKLIST_FORMAT or data.get("format_version") != FORMAT_VERSION:
        issues.append(RuleIssue(file, "format", f'must be "{CHECKLIST_FORMAT}", version 1'))
    head = data.get("checklist")
    if not isinstance(head, dict):
        return None, [*issues, RuleIssue(file, "checklist", "must be a table")]
    _unknown(issues, file, "checklist", head, _CHECKLIST_KEYS)
    values = {k: _text(issues, file, "checklist", head, k) for k in sorted(_CHECKLIST_KEYS)}
    if values["confidence"] and values["confidence"] not in CONFIDENCE:
        issues.append(RuleIssue(file, "checklist.confidence", "not one of: C, S, U"))
    raw = data.get("indicators")
    if not isinstance(raw, list) or not raw:
        return None, [*issues, RuleIssue(file, "indicators", "at least one is required")]
    indicators = []
    for i, item in enumerate(raw):
        path = f"indicators[{i}]"
        if not isinstance(item, dict):
            issues.append(RuleIssue(file, path, "must be a table"))
            continue
        _unknown(issues, file, path, item, _INDICATOR_KEYS)
        fields = {
            k: _text(issues, file, path, item, k) for k in sorted(_INDICATOR_KEYS - {"crosswalk"})
        }
        if fields["confidence"] and fields["confidence"] not in CONFIDENCE:
            issues.append(RuleIssue(file, f"{path}.confidence", "not one of: C, S, U"))
        crosswalk = item.get("crosswalk", [])
        if not isinstance(crosswalk, list) or not all(isinstance(c, str) for c in crosswalk):
            issues.append(RuleIssue(file, f"{path}.crosswalk", "must be a list of ids"))
            crosswalk = []
        indicators.append(Indicator(**fields, crosswalk=tuple(crosswalk)))
    ids = [i.id for i in indicators]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        issues.append(RuleIssue(file, "indicators", f'the id "{dup}" is used twice'))
    if issues:
        return None, issues
    return Checklist(indicators=tuple(indicators), **values), []


def parse_crosswalk(data: Any, file: str) -> tuple[list[CrosswalkLink], list[RuleIssue]]:
    """Check and build the crosswalk document."""
    if not isinstance(data, dict) or data.get("format") != CROSSWALK_FORMAT:
        return [], [RuleIssue(file, "format", f'must be "{CROSSWALK_FORMAT}"')]
    links: list[CrosswalkLink] = []
    issues: list[RuleIssue] = []
    for i, item in enumerate(data.get("links", [])):
        path = f"links[{i}]"
        if not isinstance(item, dict):
            issues.append(RuleIssue(file, path, "must be a table"))
            continue
        _unknown(
            issues, file, path, item, {"ilo", "coercive_control", "note", "citation", "confidence"}
        )
        cc = item.get("coercive_control")
        if not isinstance(cc, list) or not cc or not all(isinstance(c, str) for c in cc):
            issues.append(RuleIssue(file, f"{path}.coercive_control", "must be a list of ids"))
            continue
        if item.get("confidence") not in CONFIDENCE:
            issues.append(RuleIssue(file, f"{path}.confidence", "not one of: C, S, U"))
        links.append(
            CrosswalkLink(
                ilo=_text(issues, file, path, item, "ilo"),
                coercive_control=tuple(cc),
                note=str(item.get("note", "")),
                citation=_text(issues, file, path, item, "citation"),
                confidence=str(item.get("confidence", "")),
            )
        )
    return links, issues


def lint(
    folder: Path | None = None,
) -> tuple[list[Checklist], list[CrosswalkLink], list[RuleIssue]]:
    """Check every checklist and the crosswalk, including that they agree with each other."""
    folder = folder or checklists_folder()
    checklists: list[Checklist] = []
    links: list[CrosswalkLink] = []
    issues: list[RuleIssue] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            issues.append(RuleIssue(path.name, "(file)", f"cannot be read ({type(exc).__name__})"))
            continue
        if data.get("format") == CROSSWALK_FORMAT:
            found, problems = parse_crosswalk(data, path.name)
            links += found
        else:
            checklist, problems = parse_checklist(data, path.name)
            if checklist is not None:
                checklists.append(checklist)
        issues += problems
    issues += _agreement(checklists, links)
    return checklists, links, issues


def _agreement(checklists: Sequence[Checklist], links: Sequence[CrosswalkLink]) -> list[RuleIssue]:
    by_id = {ind.id: ind for c in checklists for ind in c.indicators}
    pairs = {(link.ilo, cc) for link in links for cc in link.coercive_control}
    issues = []
    for link in links:
        for ref in (link.ilo, *link.coercive_control):
            if ref not in by_id:
                issues.append(
                    RuleIssue("crosswalk", link.ilo, f'names the unknown indicator "{ref}"')
                )
    for ind in by_id.values():
        for other in ind.crosswalk:
            if other not in by_id:
                issues.append(RuleIssue("checklists", ind.id, f'crosswalk names unknown "{other}"'))
            elif (ind.id, other) not in pairs and (other, ind.id) not in pairs:
                issues.append(
                    RuleIssue(
                        "checklists", ind.id, f'crosswalk to "{other}" is not in the crosswalk file'
                    )
                )
    for ilo, cc in pairs:
        if (
            ilo in by_id
            and cc in by_id
            and (cc not in by_id[ilo].crosswalk or ilo not in by_id[cc].crosswalk)
        ):
            issues.append(
                RuleIssue("checklists", ilo, f'does not list "{cc}" (crosswalk file does)')
            )
    return issues


def load_checklists() -> list[Checklist]:
    """Every shipped checklist, or :class:`RulePackError` listing every problem."""
    checklists, _links, issues = lint()
    if issues:
        raise RulePackError(issues)
    return checklists


def find_indicator(
    checklists: Sequence[Checklist], indicator_id: str
) -> tuple[Checklist, Indicator]:
    """The checklist and indicator of an id.

    Raises:
        NotFoundError: no shipped checklist has it.
    """
    for checklist in checklists:
        for indicator in checklist.indicators:
            if indicator.id == indicator_id:
                return checklist, indicator
    raise NotFoundError("no checklist has an indicator with that id")


def record_answer(
    session: Session,
    case: Case,
    checklists: Sequence[Checklist],
    indicator_id: str,
    answer: Answer,
    *,
    notes: str | None = None,
    source: str | None = None,
) -> ChecklistAnswer:
    """Set (or change) the answer to one indicator, in the caller's transaction.

    The audit log records that an answer changed, never which indicator or what answer.
    """
    checklist, indicator = find_indicator(checklists, indicator_id)
    row = next((a for a in case.checklist_answers if a.indicator_id == indicator.id), None)
    if row is None:
        row = ChecklistAnswer(checklist_id=checklist.id, indicator_id=indicator.id)
        case.checklist_answers.append(row)
    row.answer = answer
    if notes is not None:
        row.notes = notes or None
    if source is not None:
        row.source = source
    row.recorded_at = utcnow()
    session.flush()
    audit.record(session, "checklist.answered", case_id=case.id, detail="1 answer")
    return row


def answers_of(case: Case) -> dict[str, Answer]:
    """A case's answers by indicator id (unanswered indicators are simply absent)."""
    return {a.indicator_id: Answer(a.answer) for a in case.checklist_answers}


def means_summary(checklists: Sequence[Checklist], answers: Mapping[str, Answer]) -> list[str]:
    """The "means" phrases of every indicator answered yes, once each, in checklist order.

    This is what a petition's account of how the client was controlled is drafted from; an
    indicator not asked, unknown or answered no contributes nothing.
    """
    phrases: list[str] = []
    for checklist in checklists:
        for indicator in checklist.indicators:
            if answers.get(indicator.id) is Answer.YES and indicator.means not in phrases:
                phrases.append(indicator.means)
    return phrases
