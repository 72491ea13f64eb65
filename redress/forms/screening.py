"""Non-punishment screening: each record entry against its jurisdiction's rule pack.

The engine reads the case model and the rule packs (data, with citations) and gives every record
entry one outcome from a small fixed set, with the reasons, the citations (marked "verify" where
a rule rests on a secondary or unconfirmed fact), the evidence still missing and the next steps.
It is advice for a lawyer to review, never a verdict.

Two rules hold whatever a pack says: relief never depends on the client having co-operated with
the police or a prosecution (the co-operation field is not read), and a statutory exclusion is
flagged with the argument still available, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from redress.forms.rulepacks import Cited, OffenceRule, Relief, RulePack, pack_for
from redress.models.schema import Case, Disposition, RecordEntry


class Outcome(enum.StrEnum):
    """What screening found for one entry."""

    LIKELY_ELIGIBLE = "likely_eligible"
    ARGUABLE = "arguable"
    EXCLUDED_BY_STATUTE = "excluded_by_statute"
    OUTSIDE_PERIOD = "outside_trafficking_period"
    NOT_ENOUGH_INFORMATION = "not_enough_information"


OUTCOME_LABELS = {
    Outcome.LIKELY_ELIGIBLE: "likely eligible",
    Outcome.ARGUABLE: "arguable",
    Outcome.EXCLUDED_BY_STATUTE: "excluded by statute (argument available)",
    Outcome.OUTSIDE_PERIOD: "outside the trafficking period",
    Outcome.NOT_ENOUGH_INFORMATION: "not enough information",
}

CONVICTED = {
    Disposition.CONVICTED_PLEA,
    Disposition.CONVICTED_TRIAL,
    Disposition.PENALTY_IMPOSED,
    Disposition.CAUTION,
    Disposition.REMOVAL_ORDER,
    Disposition.VOLUNTARY_DEPARTURE,
    Disposition.CIVIL_JUDGMENT,
}
NOT_CONVICTED = {
    Disposition.DISMISSED,
    Disposition.ACQUITTED,
    Disposition.ADJOURNED,
    Disposition.DIVERTED,
    Disposition.NO_ACTION,
}


@dataclass(frozen=True)
class Reason:
    """One reason behind an outcome.

    Attributes:
        text: the reason, for a lawyer.
        citation: the law it rests on (empty for facts of the case).
        confidence: the rule's LEGAL.md tag (empty for facts of the case).
    """

    text: str
    citation: str = ""
    confidence: str = ""

    @property
    def verify(self) -> bool:
        """Whether the rule behind it must be checked against the official text."""
        return self.confidence in {"S", "U"}


@dataclass(frozen=True)
class EntryScreening:
    """The screening of one record entry.

    Attributes:
        entry_id: the record entry.
        pack_id: the rule pack used.
        outcome: the outcome.
        relief: ids of the pack's relief that could apply.
        reasons: why, with citations.
        missing_evidence: what to gather.
        next_steps: what to do.
        minor: whether the client was a minor at the time (None if unknown).
    """

    entry_id: str
    pack_id: str
    outcome: Outcome
    relief: tuple[str, ...]
    reasons: tuple[Reason, ...]
    missing_evidence: tuple[str, ...]
    next_steps: tuple[str, ...]
    minor: bool | None

    @property
    def citations(self) -> tuple[str, ...]:
        """Every citation the reasons rely on, once each, in order."""
        return tuple(dict.fromkeys(r.citation for r in self.reasons if r.citation))

    @property
    def needs_verification(self) -> bool:
        """Whether any reason rests on a rule to verify."""
        return any(r.verify for r in self.reasons)


def _cite(rule: Cited, text: str) -> Reason:
    return Reason(text, rule.citation, rule.confidence)


def offence_date(entry: RecordEntry) -> dt.date | None:
    """The date of the conduct: the arrest, else the charge, else the disposition."""
    return entry.arrest_date or entry.charge_date or entry.disposition_date


def _age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def was_minor(case: Case, entry: RecordEntry) -> bool | None:
    """Whether the client was under 18 at the offence (date of birth first, then the flag)."""
    when = offence_date(entry)
    client = case.client
    if client is not None and client.date_of_birth is not None and when is not None:
        return _age_on(client.date_of_birth, when) < 18
    return None if client is None else client.minor_at_offences


def _statute_matches(statute: str | None, prefixes: Sequence[str]) -> bool:
    """A statute prefix matches at a section boundary ("s.4" does not match "s.47")."""
    if not statute:
        return False
    text = " ".join(statute.split()).casefold()
    for prefix in prefixes:
        p = " ".join(prefix.split()).casefold()
        if text.startswith(p) and (
            len(text) == len(p) or not (p[-1].isalnum() and text[len(p)].isalnum())
        ):
            return True
    return False


class Match(enum.Enum):
    """Whether an offence rule reaches an entry."""

    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


def matches(rule: OffenceRule, entry: RecordEntry) -> Match:
    """Whether an offence rule (covered or excluded) reaches this entry.

    A rule that names statutes is decided by the entry's statute when one is recorded. When the
    statute is not recorded, a rule that also names a specific category of the entry "maybe"
    reaches it (the lawyer must check); a rule without statutes is decided by category and level.
    """
    if rule.entry_kinds and entry.kind.value not in rule.entry_kinds:
        return Match.NO
    category = "*" in rule.categories or entry.offence_category.value in rule.categories
    level = "*" in rule.levels or entry.offence_level.value in rule.levels
    if rule.statutes:
        if entry.statute:
            return Match.YES if _statute_matches(entry.statute, rule.statutes) else Match.NO
        specific = "*" not in rule.categories
        return Match.MAYBE if specific and category and level else Match.NO
    return Match.YES if category and level else Match.NO


def _stage_fits(relief: Relief, entry: RecordEntry) -> bool:
    if relief.stage == "any":
        return True
    if relief.stage == "post_conviction":
        return entry.disposition in CONVICTED
    if relief.stage == "post_arrest":
        return entry.disposition in NOT_CONVICTED
    return entry.disposition == Disposition.PENDING


def _in_a_period(case: Case, day: dt.date, today: dt.date) -> bool:
    for period in case.periods:
        start = period.start_date or dt.date.min
        end = period.end_date or today
        if start <= day <= end:
            return True
    return False


def screen_entry(case: Case, entry: RecordEntry, pack: RulePack, today: dt.date) -> EntryScreening:
    """Screen one entry against one pack."""
    reasons: list[Reason] = []
    missing: list[str] = []
    steps: list[str] = []
    minor = was_minor(case, entry)
    when = offence_date(entry)
    relief = [r for r in pack.relief if entry.kind.value in r.entry_kinds and _stage_fits(r, entry)]

    # Facts the engine cannot do without.
    if when is None:
        missing.append("the date of the arrest, charge or disposition")
    no_periods = not any(p.start_date or p.end_date for p in case.periods)
    if no_periods:
        missing.append("the dates of the trafficking (at least one period of exploitation)")
    has_nexus = bool((entry.nexus_client or "").strip() or (entry.nexus_lawyer or "").strip())
    if not has_nexus:
        missing.append("how the offence came about, in the client's words and the lawyer's")
    if not entry.evidence:
        missing.append("a record of the entry (certificate of disposition, court or agency file)")
    documentation = {d.kind.value for d in case.documentation}
    on_file = [p for p in pack.presumptions if documentation & set(p.when_documentation)]
    presumption = next((p for p in on_file if p.shifts_burden), None)
    for held in on_file:
        label = "" if held.shifts_burden else " (evidential weight)"
        reasons.append(_cite(held, f"Official documentation is on file{label}: {held.effect}"))
    if not on_file and pack.presumptions:
        missing.append(
            "official documentation of trafficking status, if the client has any "
            "(it helps; it is not required)"
        )

    # The nexus test, and minors.
    reasons.append(_cite(pack.nexus, f"Test ({pack.nexus.test}): {pack.nexus.wording}."))
    if minor:
        if not pack.minors.compulsion_required:
            reasons.append(
                _cite(pack.minors, "The client was a minor at the time: " + pack.minors.rule)
            )
        else:
            reasons.append(
                _cite(pack.minors, "The client was a minor at the time; " + pack.minors.rule)
            )
    elif pack.nexus.test == "compulsion":
        missing.append("evidence of the compulsion (threats, force, control) behind the offence")
    reasons.append(
        _cite(
            pack.cooperation,
            "Co-operation with the police or a prosecution is not "
            "a condition of relief: " + pack.cooperation.rule,
        )
    )

    exclusion = next((r for r in pack.excluded if matches(r, entry) is Match.YES), None)
    possible = [r for r in pack.excluded if matches(r, entry) is Match.MAYBE]
    for maybe in possible:
        reasons.append(
            _cite(maybe, f"Possibly excluded (record the statute to check): {maybe.reason}")
        )
    if possible:
        missing.append("the statute of the offence (to check it against the exclusions)")
    outcome: Outcome
    if exclusion is not None:
        outcome = Outcome.EXCLUDED_BY_STATUTE
        reasons.insert(0, _cite(exclusion, f"Excluded: {exclusion.reason}"))
        steps.append(f"Consider the argument still available: {exclusion.argument}")
    elif when is None or (missing and missing[0].startswith("the dates of the trafficking")):
        outcome = Outcome.NOT_ENOUGH_INFORMATION
        steps.append("Record the missing dates, then screen again.")
    elif not _in_a_period(case, when, today):
        outcome = Outcome.OUTSIDE_PERIOD
        reasons.insert(
            0,
            Reason(
                f"The entry ({when.isoformat()}) falls outside every recorded period of "
                "exploitation."
            ),
        )
        steps.append(
            "Check the dates with the client; if the offence still flowed from the "
            "trafficking (debt, dependence, continuing control), document that link."
        )
    elif not relief:
        outcome = Outcome.ARGUABLE
        reasons.insert(
            0,
            Reason(
                f"No relief in the {pack.name} pack reaches a {entry.kind.value} entry at this "
                "stage; the non-punishment principle can still be argued."
            ),
        )
        steps.append("Raise the non-punishment principle with the prosecutor or agency.")
    else:
        covered = not pack.covered or any(
            matches(rule, entry) is not Match.NO for rule in pack.covered
        )
        weak = any(r.confidence == "U" for r in (*relief, pack.nexus))
        if not covered:
            outcome = Outcome.ARGUABLE
            reasons.insert(0, Reason("The offence is not among those the pack lists as covered."))
        elif (not has_nexus and presumption is None) or possible:
            outcome = Outcome.ARGUABLE
        elif weak:
            outcome = Outcome.ARGUABLE
            reasons.append(
                Reason(
                    "The relief or the test rests on an unconfirmed rule; verify it "
                    "before advising the client."
                )
            )
        else:
            outcome = Outcome.LIKELY_ELIGIBLE
        for item in relief:
            reasons.append(_cite(item, f"Relief available: {item.summary}"))
    if relief and outcome in (Outcome.LIKELY_ELIGIBLE, Outcome.ARGUABLE):
        steps.append(f"File with {pack.filing.where} ({pack.filing.who}).")
    for limit in pack.time_limits:
        reasons.append(_cite(limit, f"Time limit: {limit.rule}"))
    if missing:
        steps.append("Gather the missing evidence listed.")
    return EntryScreening(
        entry_id=entry.id,
        pack_id=pack.id,
        outcome=outcome,
        relief=tuple(r.id for r in relief),
        reasons=tuple(reasons),
        missing_evidence=tuple(missing),
        next_steps=tuple(steps),
        minor=minor,
    )


def screen_case(
    case: Case, packs: Sequence[RulePack], today: dt.date | None = None
) -> list[EntryScreening]:
    """Screen every record entry of a case with the pack of the entry's jurisdiction."""
    today = today or dt.date.today()
    return [
        screen_entry(case, entry, pack_for(packs, entry.jurisdiction), today)
        for entry in case.record_entries
    ]


def changes(before: Sequence[EntryScreening], after: Sequence[EntryScreening]) -> list[str]:
    """What changed between two screenings of the same case (for re-screening)."""
    old = {s.entry_id: s for s in before}
    out = []
    for new in after:
        previous = old.pop(new.entry_id, None)
        if previous is None:
            out.append(f"{new.entry_id}: new entry, {OUTCOME_LABELS[new.outcome]}")
        elif previous.outcome != new.outcome:
            out.append(
                f"{new.entry_id}: {OUTCOME_LABELS[previous.outcome]} → "
                f"{OUTCOME_LABELS[new.outcome]}"
            )
        elif set(previous.missing_evidence) != set(new.missing_evidence):
            gained = set(previous.missing_evidence) - set(new.missing_evidence)
            if gained:
                out.append(f"{new.entry_id}: no longer missing: " + "; ".join(sorted(gained)))
    out += [f"{entry_id}: entry removed" for entry_id in old]
    return out
