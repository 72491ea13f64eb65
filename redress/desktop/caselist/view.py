"""The case list screen: search, filters, and the table of cases."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redress.desktop.caselist.model import (
    ID_ROLE,
    CaseFilterProxy,
    CaseTableModel,
    Column,
    DeadlineFilter,
    stage_label,
)
from redress.models.cases import CaseSummary
from redress.models.schema import Stage

SEARCH_DELAY_MS = 150


class CaseListView(QWidget):
    """Search box, stage/jurisdiction/deadline filters and the sortable case table.

    Signals:
        case_requested(str): the user opened a case (its id).
        search_requested(str): run a full-text search for this text (debounced).
    """

    case_requested = Signal(str)
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.on_search_timer_timeout)
        self._init_widgets()

    def _init_widgets(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search names, narratives, notes, dockets…"))
        self.search.setAccessibleName(self.tr("Search all cases"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.on_search_text_changed)
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 3)

        self.stage = QComboBox(self)
        self.stage.setAccessibleName(self.tr("Filter by stage"))
        self.stage.addItem(self.tr("All stages"), None)
        for stage in Stage:
            self.stage.addItem(stage_label(stage.value), stage.value)
        self.stage.currentIndexChanged.connect(self.on_stage_changed)
        stage_label_widget = QLabel(self.tr("S&tage:"), self)
        stage_label_widget.setBuddy(self.stage)
        filters.addWidget(stage_label_widget)
        filters.addWidget(self.stage, 1)

        self.jurisdiction = QComboBox(self)
        self.jurisdiction.setAccessibleName(self.tr("Filter by jurisdiction"))
        self.jurisdiction.addItem(self.tr("All jurisdictions"), None)
        self.jurisdiction.currentIndexChanged.connect(self.on_jurisdiction_changed)
        juris_label = QLabel(self.tr("&Jurisdiction:"), self)
        juris_label.setBuddy(self.jurisdiction)
        filters.addWidget(juris_label)
        filters.addWidget(self.jurisdiction, 1)

        self.deadline = QComboBox(self)
        self.deadline.setAccessibleName(self.tr("Filter by next deadline"))
        for value, text in (
            (DeadlineFilter.ANY, self.tr("Any deadline")),
            (DeadlineFilter.OVERDUE, self.tr("Overdue")),
            (DeadlineFilter.WITHIN_14_DAYS, self.tr("Due within 14 days")),
            (DeadlineFilter.WITHIN_60_DAYS, self.tr("Due within 60 days")),
            (DeadlineFilter.NONE, self.tr("No open deadline")),
        ):
            self.deadline.addItem(text, int(value))
        self.deadline.currentIndexChanged.connect(self.on_deadline_changed)
        deadline_label = QLabel(self.tr("&Deadline:"), self)
        deadline_label.setBuddy(self.deadline)
        filters.addWidget(deadline_label)
        filters.addWidget(self.deadline, 1)
        layout.addLayout(filters)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.REFERENCE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Fixed starting widths: measuring 10,000 rows to fit the contents would stall the list.
        for column, width in (
            (Column.REFERENCE, 130),
            (Column.CLIENT, 200),
            (Column.JURISDICTION, 110),
            (Column.STAGE, 110),
            (Column.ENTRIES, 120),
            (Column.NEXT_DEADLINE, 190),
        ):
            header.resizeSection(column, width)
        self.table.activated.connect(self.on_table_activated)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of cases shown"))
        layout.addWidget(self.count_label)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.setTabOrder(self.search, self.stage)
        self.setTabOrder(self.stage, self.jurisdiction)
        self.setTabOrder(self.jurisdiction, self.deadline)
        self.setTabOrder(self.deadline, self.table)
        self._update_count()

    # --- content ----------------------------------------------------------------------------

    def set_cases(self, rows: list[CaseSummary]) -> None:
        """Show these cases (keeps the filters) and refresh the jurisdiction choices."""
        self.model.set_cases(rows)
        current = self.jurisdiction.currentData()
        self.jurisdiction.blockSignals(True)
        self.jurisdiction.clear()
        self.jurisdiction.addItem(self.tr("All jurisdictions"), None)
        for code in sorted({r.jurisdiction for r in rows}):
            self.jurisdiction.addItem(code, code)
        index = self.jurisdiction.findData(current)
        self.jurisdiction.setCurrentIndex(max(index, 0))
        self.jurisdiction.blockSignals(False)
        self.proxy.set_jurisdiction(self.jurisdiction.currentData())
        self._update_count()

    def clear(self) -> None:
        """Forget every case and the search text (the vault is locking)."""
        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.proxy.set_search_matches(None)
        self.model.clear()
        self._update_count()

    def apply_search_results(self, text: str, case_ids: list[str]) -> None:
        """Show only what a search for ``text`` found (ignored if the box changed since)."""
        if text == self.search.text().strip():
            self.proxy.set_search_matches(set(case_ids))
            self._update_count()

    def set_deadline_filter(self, value: DeadlineFilter) -> None:
        """Select a deadline filter (the dashboard uses this)."""
        self.deadline.setCurrentIndex(self.deadline.findData(int(value)))

    def set_stage_filter(self, stage: str | None) -> None:
        """Select a stage filter."""
        self.stage.setCurrentIndex(max(self.stage.findData(stage), 0))

    def selected_case_id(self) -> str | None:
        """The selected case's id, if any."""
        rows = self.table.selectionModel().selectedRows()
        return str(self.proxy.data(rows[0], ID_ROLE)) if rows else None

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        locale = QLocale()
        self.count_label.setText(
            self.tr("Showing %1 of %2 cases")
            .replace("%1", locale.toString(shown))
            .replace("%2", locale.toString(total))
        )

    # --- slots ------------------------------------------------------------------------------

    def on_search_text_changed(self, _text: str) -> None:
        """Debounce typing; an empty box clears the search at once."""
        if not self.search.text().strip():
            self._search_timer.stop()
            self.proxy.set_search_matches(None)
            self._update_count()
            return
        self._search_timer.start()

    def on_search_timer_timeout(self) -> None:
        """Ask for a full-text search of what was typed."""
        self.search_requested.emit(self.search.text().strip())

    def on_stage_changed(self, _index: int) -> None:
        """Apply the stage filter."""
        self.proxy.set_stage(self.stage.currentData())
        self._update_count()

    def on_jurisdiction_changed(self, _index: int) -> None:
        """Apply the jurisdiction filter."""
        self.proxy.set_jurisdiction(self.jurisdiction.currentData())
        self._update_count()

    def on_deadline_changed(self, _index: int) -> None:
        """Apply the deadline filter."""
        self.proxy.set_deadline_filter(DeadlineFilter(self.deadline.currentData()))
        self._update_count()

    def on_table_activated(self, index: QModelIndex) -> None:
        """Open the activated case."""
        self.case_requested.emit(str(self.proxy.data(index, ID_ROLE)))
