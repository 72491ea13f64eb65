"""The fictional demo cases behind ``redress demo VAULT``.

The cases live in ``redress/resources/demo/cases.json``: a version-1 interchange document (see
:mod:`redress.models.interchange`) with one extra top-level key, ``demo_anchor``, the date its
deadlines were written relative to. Loading moves every deadline by the days between that
anchor and today, so a demo vault always shows some deadlines already past, some due within the
fortnight and some months away. Every case is marked ``fictional`` and has a ``DEMO-NNN``
reference; no name in the file belongs to a real person.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any, Final

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from redress.models import interchange
from redress.models.errors import RedressError
from redress.models.schema import Case

DEMO_PACKAGE: Final = "redress.resources"
DEMO_PATH: Final = "demo/cases.json"
ANCHOR_KEY: Final = "demo_anchor"
SOURCE_LABEL: Final = "demo"


class DemoAlreadyLoadedError(RedressError):
    """The vault already holds (some of) the demo cases; adding them again would duplicate."""

    def __init__(self) -> None:
        super().__init__("the demo cases are already in this vault")


class DemoDataError(RedressError):
    """The demo file shipped with Redress is unreadable (a packaging fault, not user data)."""


def _read_resource() -> str:
    return resources.files(DEMO_PACKAGE).joinpath(DEMO_PATH).read_text(encoding="utf-8")


def load_demo_document(today: dt.date | None = None) -> dict[str, Any]:
    """The demo interchange document, with its deadlines moved to stay relative to ``today``.

    Args:
        today: the date to shift the deadlines to; the local date when ``None``.

    Returns:
        A fresh version-1 interchange document (``format``, ``version``, ``cases``...) without
        the ``demo_anchor`` key, ready for :func:`redress.models.interchange.import_document`.
        Each deadline's ``due_date`` is moved by ``today - demo_anchor`` days.

    Raises:
        DemoDataError: the shipped file has no valid ``demo_anchor`` or no case list.
        CaseFormatError: the shipped file is not acceptable JSON.
    """
    data = interchange.load_json(_read_resource())
    if not isinstance(data, dict):
        raise DemoDataError("the demo case file is not a JSON object")
    anchor_text = data.pop(ANCHOR_KEY, None)
    anchor = interchange.parse_date(anchor_text) if isinstance(anchor_text, str) else None
    if anchor is None:
        raise DemoDataError("the demo case file has no valid demo_anchor date")
    cases = data.get("cases")
    if not isinstance(cases, list):
        raise DemoDataError("the demo case file has no list of cases")
    shift = (today or dt.date.today()) - anchor
    for case in cases:
        for deadline in case.get("deadlines", []):
            due = dt.date.fromisoformat(deadline["due_date"])
            deadline["due_date"] = (due + shift).isoformat()
    return data


def _already_present(session: Session, data: dict[str, Any]) -> bool:
    """Whether any case of ``data`` (by its id or its reference) is already in the vault."""
    cases: list[dict[str, Any]] = data["cases"]
    ids = [case["id"] for case in cases if "id" in case]
    references = [case["reference"] for case in cases if "reference" in case]
    count = session.scalar(
        select(func.count())
        .select_from(Case)
        .where(or_(Case.id.in_(ids), Case.reference.in_(references)))
    )
    return bool(count)


def demo_cases_present(session: Session) -> bool:
    """Whether the vault already holds any of the demo cases (so they cannot be added again)."""
    return _already_present(session, load_demo_document())


def add_demo_cases(session: Session, today: dt.date | None = None) -> list[Case]:
    """Import the demo cases into the vault in the caller's transaction.

    Args:
        session: the session of the caller's transaction (``vault.transaction()``).
        today: the date the deadlines are made relative to; the local date when ``None``.

    Returns:
        The new cases, in the demo file's order (``DEMO-001`` first).

    Raises:
        DemoAlreadyLoadedError: the vault already has demo cases; nothing is added.
        CaseFormatError: the demo file does not import (a packaging fault).
    """
    data = load_demo_document(today)
    if _already_present(session, data):
        raise DemoAlreadyLoadedError
    return interchange.import_document(session, data, source_label=SOURCE_LABEL)
