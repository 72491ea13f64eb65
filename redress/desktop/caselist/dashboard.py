"""The dashboard: what needs doing now (overdue and upcoming deadlines, cases awaiting work)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redress.desktop.caselist.model import ID_ROLE, DeadlineFilter, format_date
from redress.models.cases import CaseSummary
from redress.models.schema import Deadline

Index = QModelIndex | QPersistentModelIndex


class DeadlineTableModel(QAbstractTableModel):
    """Open deadlines that are overdue or due soon, with their case's reference and pseudonym."""

    COLUMNS = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Deadline, str, str]] = []
        self.today = dt.date.today()

    def set_rows(self, rows: list[tuple[Deadline, str, str]], today: dt.date) -> None:
        """Replace the rows: (deadline, case reference, pseudonym)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.today = today
        self.endResetModel()

    def clear(self) -> None:
        """Forget everything (the vault is locking)."""
        self.set_rows([], self.today)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Columns: due, status, case, deadline."""
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            QCoreApplication.translate("DeadlineTableModel", "Due"),
            QCoreApplication.translate("DeadlineTableModel", "Status"),
            QCoreApplication.translate("DeadlineTableModel", "Case"),
            QCoreApplication.translate("DeadlineTableModel", "Deadline"),
        ]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text and the case id."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        deadline, reference, pseudonym = self._rows[index.row()]
        if role == ID_ROLE:
            return deadline.case_id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == 0:
            return format_date(deadline.due_date)
        if column == 1:
            days = (deadline.due_date - self.today).days
            if days < 0:
                return self.tr("Overdue by %n day(s)", "", -days)
            if days == 0:
                return self.tr("Due today")
            return self.tr("In %n day(s)", "", days)
        if column == 2:
            return f"{reference} · {pseudonym}"
        return deadline.title


class DashboardView(QWidget):
    """Counts that set the case list's filters, and the upcoming-deadlines table.

    Signals:
        filter_requested(object): a :class:`DeadlineFilter` or a stage name to apply.
        case_requested(str): open this case.
    """

    filter_requested = Signal(object)
    case_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DeadlineTableModel(self)
        self._init_widgets()

    def _init_widgets(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("<b>Needs attention</b>"))
        layout.addWidget(heading)
        buttons = QHBoxLayout()
        self.overdue_button = QPushButton(self)
        self.overdue_button.setAccessibleName(self.tr("Show cases with overdue deadlines"))
        self.overdue_button.clicked.connect(
            lambda: self.filter_requested.emit(DeadlineFilter.OVERDUE)
        )
        self.soon_button = QPushButton(self)
        self.soon_button.setAccessibleName(self.tr("Show cases with deadlines in 14 days"))
        self.soon_button.clicked.connect(
            lambda: self.filter_requested.emit(DeadlineFilter.WITHIN_14_DAYS)
        )
        self.intake_button = QPushButton(self)
        self.intake_button.setAccessibleName(self.tr("Show new cases awaiting screening"))
        self.intake_button.clicked.connect(lambda: self.filter_requested.emit("intake"))
        for button in (self.overdue_button, self.soon_button, self.intake_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Upcoming and overdue deadlines"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self.on_table_activated)
        layout.addWidget(self.table)
        self.set_counts(0, 0, 0)

    def set_counts(self, overdue: int, soon: int, intake: int) -> None:
        """Update the three summary buttons."""
        self.overdue_button.setText(self.tr("%n case(s) with overdue deadlines", "", overdue))
        self.soon_button.setText(self.tr("%n case(s) due within 14 days", "", soon))
        self.intake_button.setText(self.tr("%n new case(s) to screen", "", intake))

    def show_summaries(
        self,
        summaries: list[CaseSummary],
        deadlines: list[tuple[Deadline, str, str]],
        today: dt.date,
    ) -> None:
        """Fill the dashboard from the case summaries and upcoming deadlines."""
        overdue = sum(1 for s in summaries if s.next_deadline and s.next_deadline < today)
        soon = sum(
            1
            for s in summaries
            if s.next_deadline and today <= s.next_deadline <= today + dt.timedelta(days=14)
        )
        intake = sum(1 for s in summaries if s.stage.value == "intake")
        self.set_counts(overdue, soon, intake)
        self.model.set_rows(deadlines, today)

    def clear(self) -> None:
        """Forget everything (the vault is locking)."""
        self.model.clear()
        self.set_counts(0, 0, 0)

    def on_table_activated(self, index: QModelIndex) -> None:
        """Open the case of the activated deadline."""
        case_id = self.model.data(index, ID_ROLE)
        if case_id:
            self.case_requested.emit(str(case_id))
