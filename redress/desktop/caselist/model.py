"""Qt models for the case list (thin adapters over :class:`CaseSummary`, STYLE.md practice 3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from redress.models.cases import CaseSummary

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    """The case list's columns."""

    REFERENCE = 0
    CLIENT = 1
    JURISDICTION = 2
    STAGE = 3
    ENTRIES = 4
    NEXT_DEADLINE = 5
    UPDATED = 6


def _headers() -> dict[Column, str]:
    return {
        Column.REFERENCE: QCoreApplication.translate("CaseTableModel", "Reference"),
        Column.CLIENT: QCoreApplication.translate("CaseTableModel", "Client"),
        Column.JURISDICTION: QCoreApplication.translate("CaseTableModel", "Jurisdiction"),
        Column.STAGE: QCoreApplication.translate("CaseTableModel", "Stage"),
        Column.ENTRIES: QCoreApplication.translate("CaseTableModel", "Record entries"),
        Column.NEXT_DEADLINE: QCoreApplication.translate("CaseTableModel", "Next deadline"),
        Column.UPDATED: QCoreApplication.translate("CaseTableModel", "Updated"),
    }


def stage_label(stage: str) -> str:
    """The translated name of a stage."""
    return {
        "intake": QCoreApplication.translate("Stage", "Intake"),
        "screening": QCoreApplication.translate("Stage", "Screening"),
        "drafting": QCoreApplication.translate("Stage", "Drafting"),
        "filed": QCoreApplication.translate("Stage", "Filed"),
        "decided": QCoreApplication.translate("Stage", "Decided"),
        "closed": QCoreApplication.translate("Stage", "Closed"),
    }.get(stage, stage)


def format_date(value: dt.date | None) -> str:
    """A date in the user's locale (short format); empty for none."""
    if value is None:
        return ""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


class CaseTableModel(QAbstractTableModel):
    """Every case as a row; shows pseudonyms unless legal names were revealed on request.

    Attributes:
        today: the date "overdue" is measured against (injectable for tests).
        version: increases whenever the rows or their order change.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self._legal_names: dict[str, str] = {}
        self._sort_column = Column.REFERENCE
        self._descending = False
        self.version = 0
        self.today = dt.date.today()

    # --- content ----------------------------------------------------------------------------

    def set_cases(self, rows: list[CaseSummary]) -> None:
        """Replace every row (kept in the current sort order)."""
        self.beginResetModel()
        self._rows = sorted(rows, key=self._key_of(self._sort_column), reverse=self._descending)
        ids = {r.id for r in rows}
        self._legal_names = {k: v for k, v in self._legal_names.items() if k in ids}
        self.version += 1
        self.endResetModel()

    def rows(self) -> list[CaseSummary]:
        """Every row, in display order."""
        return self._rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python by a precomputed key (fast for 10,000 cases).

        Sorting here, once, instead of in a proxy that would call :meth:`data` for every
        comparison keeps a click on a column header quick on large vaults.
        """
        if not 0 <= column < len(Column):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_ids = [self._rows[index.row()].id for index in persistent]
        self._sort_column = Column(column)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=self._key_of(self._sort_column), reverse=self._descending)
        position = {row.id: i for i, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(position[case_id], index.column())
                for case_id, index in zip(old_ids, persistent, strict=True)
            ],
        )
        self.version += 1
        self.layoutChanged.emit()

    def _key_of(self, column: Column) -> Callable[[CaseSummary], Any]:
        return lambda row: self._sort_key(row, column)

    def clear(self) -> None:
        """Forget every row and revealed name (the vault is locking)."""
        self.beginResetModel()
        self._rows = []
        self._legal_names = {}
        self.endResetModel()

    def reveal_names(self, names: dict[str, str]) -> None:
        """Show legal names (case id → name) instead of pseudonyms."""
        self._legal_names = dict(names)
        self._emit_client_column()

    def hide_names(self) -> None:
        """Back to pseudonyms; the names are dropped from memory."""
        self._legal_names = {}
        self._emit_client_column()

    @property
    def names_revealed(self) -> bool:
        """Whether legal names are showing."""
        return bool(self._legal_names)

    def _emit_client_column(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.CLIENT), self.index(len(self._rows) - 1, Column.CLIENT)
            )

    def summary(self, row: int) -> CaseSummary:
        """The summary shown in ``row``."""
        return self._rows[row]

    def row_of(self, case_id: str) -> int:
        """The row of a case id, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == case_id), -1)

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Columns."""
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return _headers()[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, sort keys, the case id, and an accessible overdue mark."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column, accessible=role != Qt.ItemDataRole.DisplayRole)
        overdue = row.next_deadline is not None and row.next_deadline < self.today
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NEXT_DEADLINE and overdue:
            return QCoreApplication.translate("CaseTableModel", "Overdue")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.ENTRIES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: CaseSummary, column: Column, *, accessible: bool) -> str:
        if column == Column.REFERENCE:
            demo = (
                QCoreApplication.translate("CaseTableModel", " (fictional)")
                if row.fictional and accessible
                else ""
            )
            return row.reference + demo
        if column == Column.CLIENT:
            return self._legal_names.get(row.id, row.pseudonym)
        if column == Column.JURISDICTION:
            return row.jurisdiction
        if column == Column.STAGE:
            return stage_label(row.stage.value)
        if column == Column.ENTRIES:
            return QLocale().toString(row.entries)
        if column == Column.NEXT_DEADLINE:
            text = format_date(row.next_deadline)
            if row.next_deadline is not None and row.next_deadline < self.today:
                text = QCoreApplication.translate("CaseTableModel", "{date} (overdue)").format(
                    date=text
                )
            return text
        return format_date(row.updated_at.date())

    @staticmethod
    def _sort_key(row: CaseSummary, column: Column) -> Any:
        if column == Column.ENTRIES:
            return row.entries
        if column == Column.NEXT_DEADLINE:
            return row.next_deadline.isoformat() if row.next_deadline else "9999-12-31"
        if column == Column.UPDATED:
            return row.updated_at.isoformat()
        if column == Column.STAGE:
            return ["intake", "screening", "drafting", "filed", "decided", "closed"].index(
                row.stage.value
            )
        if column == Column.CLIENT:
            return row.pseudonym.casefold()
        if column == Column.JURISDICTION:
            return row.jurisdiction
        return row.reference


class DeadlineFilter(IntEnum):
    """The case list's deadline filter."""

    ANY = 0
    OVERDUE = 1
    WITHIN_14_DAYS = 2
    WITHIN_60_DAYS = 3
    NONE = 4


class CaseFilterProxy(QSortFilterProxyModel):
    """Filters by stage, jurisdiction, next deadline and full-text search results.

    The filters are evaluated once per change, over plain Python objects, into a set of the
    accepted case ids; ``filterAcceptsRow`` only looks the row up in that set. Sorting is passed
    to the source model, which sorts by a precomputed key.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stage: str | None = None
        self._jurisdiction: str | None = None
        self._deadline = DeadlineFilter.ANY
        self._matches: frozenset[str] | None = None
        self._accepted_rows: list[bool] = []
        self._accepted_for: int | None = None
        self.today = dt.date.today()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the source model sort; the proxy keeps its order."""
        model = self.sourceModel()
        if isinstance(model, CaseTableModel):
            model.sort(column, order)

    def set_stage(self, stage: str | None) -> None:
        """Only this stage (``None`` for every stage)."""
        self.beginFilterChange()
        self._stage = stage
        self._end_filter_change()

    def set_jurisdiction(self, code: str | None) -> None:
        """Only this jurisdiction (``None`` for all)."""
        self.beginFilterChange()
        self._jurisdiction = code
        self._end_filter_change()

    def set_deadline_filter(self, value: DeadlineFilter) -> None:
        """Filter on the next open deadline."""
        self.beginFilterChange()
        self._deadline = value
        self._end_filter_change()

    def set_search_matches(self, case_ids: set[str] | frozenset[str] | None) -> None:
        """Only cases a full-text search found (``None`` clears the search)."""
        self.beginFilterChange()
        self._matches = None if case_ids is None else frozenset(case_ids)
        self._end_filter_change()

    def _end_filter_change(self) -> None:
        self._accepted_for = None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def _active(self) -> bool:
        return (
            self._matches is not None
            or self._stage is not None
            or self._jurisdiction is not None
            or self._deadline != DeadlineFilter.ANY
        )

    def accepts(self, row: CaseSummary) -> bool:
        """Whether one case passes every active filter."""
        if self._matches is not None and row.id not in self._matches:
            return False
        if self._stage is not None and row.stage.value != self._stage:
            return False
        if self._jurisdiction is not None and row.jurisdiction != self._jurisdiction:
            return False
        due = row.next_deadline
        if self._deadline == DeadlineFilter.NONE:
            return due is None
        if self._deadline == DeadlineFilter.ANY:
            return True
        if due is None:
            return False
        if self._deadline == DeadlineFilter.OVERDUE:
            return due < self.today
        days = 14 if self._deadline == DeadlineFilter.WITHIN_14_DAYS else 60
        return due <= self.today + dt.timedelta(days=days)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        """Look the row up in the list computed once for the current filters and rows."""
        model = self.sourceModel()
        if self._accepted_for != model.version:  # type: ignore[attr-defined]
            self._refresh_accepted()
        return self._accepted_rows[source_row]

    def _refresh_accepted(self) -> None:
        model = self.sourceModel()
        assert isinstance(model, CaseTableModel)
        rows = model.rows()
        if self._active:
            self._accepted_rows = [self.accepts(r) for r in rows]
        else:
            self._accepted_rows = [True] * len(rows)
        self._accepted_for = model.version
