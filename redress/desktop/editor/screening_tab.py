"""The Screening tab: every record entry screened against its jurisdiction's rule pack.

Screening is pure and fast (``redress.forms.screening.screen_case`` over the loaded case), so the
tab screens again whenever the editor reloads the case, which it does after every committed
change; what changed since the last screening is announced above the table. The result is advice
for a lawyer to review, never a verdict: every outcome comes with its reasons and citations, and
rules that rest on a secondary or unconfirmed source carry a visible "verify" mark.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from redress.desktop.controller import VaultController
from redress.desktop.editor.base import CaseTab
from redress.desktop.editor.widgets import RowsModel, enum_label, format_date
from redress.forms import screening
from redress.forms.rulepacks import RulePack, load_packs
from redress.forms.screening import EntryScreening, Outcome
from redress.models.schema import Case, RecordEntry


@cache
def shipped_packs() -> tuple[RulePack, ...]:
    """The shipped rule packs, loaded once per process."""
    return tuple(load_packs())


def outcome_text(outcome: Outcome) -> str:
    """The translated label of an outcome (words, never a colour alone)."""
    labels = {
        Outcome.LIKELY_ELIGIBLE: QCoreApplication.translate("ScreeningModel", "likely eligible"),
        Outcome.ARGUABLE: QCoreApplication.translate("ScreeningModel", "arguable"),
        Outcome.EXCLUDED_BY_STATUTE: QCoreApplication.translate(
            "ScreeningModel", "excluded by statute (argument available)"
        ),
        Outcome.OUTSIDE_PERIOD: QCoreApplication.translate(
            "ScreeningModel", "outside the trafficking period"
        ),
        Outcome.NOT_ENOUGH_INFORMATION: QCoreApplication.translate(
            "ScreeningModel", "not enough information"
        ),
    }
    return labels[outcome]


class ScreeningModel(RowsModel):
    """One row per record entry: (entry, its screening)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            self.tr("Entry"),
            self.tr("Kind"),
            self.tr("Jurisdiction"),
            self.tr("Date"),
            self.tr("Offence category"),
            self.tr("Outcome"),
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The entry's number, kind, jurisdiction, date, category and outcome."""
        entry: RecordEntry
        result: EntryScreening
        entry, result = row
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if role == Qt.ItemDataRole.ToolTipRole and column == 5 and result.needs_verification:
                return self.tr("Some rules behind this outcome must be verified")
            return None
        if column == 0:
            return f"#{entry.position}"
        if column == 1:
            return enum_label(entry.kind)
        if column == 2:
            return entry.jurisdiction
        if column == 3:
            return format_date(screening.offence_date(entry))
        if column == 4:
            return enum_label(entry.offence_category)
        text = outcome_text(result.outcome)
        if result.needs_verification:
            text += " " + self.tr("(verify)")
        return text


class MissingEvidenceModel(RowsModel):
    """The selected entry's missing evidence, one to-do item per row (strings)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("Missing evidence"),)

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The item, as an unticked to-do."""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "☐ " + str(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Open the evidence tab")
        return None


class ScreeningTab(CaseTab):
    """The screening table, the selected entry's reasons, and its missing evidence as a to-do list.

    Signals:
        open_evidence_requested(): the user activated a missing-evidence item; the editor shows
            the evidence tab.

    Attributes:
        title: the tab's label.
        today: the date screening treats as today (None: the local date; set in tests).
        screenings: the latest screening, one per record entry.
        model: the table's rows.
        table: the entries and their outcomes.
        banner: "Advice for a lawyer to review, not a verdict."
        changes_label: what changed since the last screening (hidden when nothing did).
        detail: the selected entry's outcome, reasons, citations, relief and next steps.
        missing: the selected entry's missing evidence, a to-do list.
    """

    open_evidence_requested = Signal()

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title = self.tr("Screening")
        self.today: dt.date | None = None
        self.screenings: list[EntryScreening] = []
        self._case_id = ""
        self._init_widgets()
        self._init_layout()
        self.setEnabled(False)

    def _init_widgets(self) -> None:
        self.banner = QLabel(self.tr("Advice for a lawyer to review, not a verdict."), self)
        self.banner.setAccessibleName(self.tr("Advice for a lawyer to review, not a verdict."))
        self.banner.setStyleSheet("font-weight: bold;")
        self.changes_label = QLabel(self)
        self.changes_label.setWordWrap(True)
        self.changes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.changes_label.setAccessibleName(self.tr("Changes since the last screening"))
        self.changes_label.hide()
        self.model = ScreeningModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Record entries and their screening outcomes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Screening of the selected entry"))
        self.detail.setOpenLinks(False)
        self.missing_model = MissingEvidenceModel(self)
        self.missing = QListView(self)
        self.missing.setModel(self.missing_model)
        self.missing.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.missing.setAccessibleName(self.tr("Missing evidence for the selected entry"))
        self.missing.setToolTip(self.tr("Press Enter or double-click to open the evidence tab"))
        self.missing.setMaximumHeight(140)
        self.missing.activated.connect(self.on_missing_activated)
        self.nothing_missing = QLabel(self.tr("Nothing missing"), self)
        self.nothing_missing.hide()
        self.missing_label = QLabel(
            self.tr("&Missing evidence (to do; Enter opens the evidence tab):"), self
        )
        self.missing_label.setBuddy(self.missing)
        self.table_label = QLabel(self.tr("&Entries:"), self)
        self.table_label.setBuddy(self.table)

    def _init_layout(self) -> None:
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail, 3)
        lower_layout.addWidget(self.missing_label)
        lower_layout.addWidget(self.missing, 1)
        lower_layout.addWidget(self.nothing_missing)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table_label)
        upper_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.changes_label)
        layout.addWidget(splitter, 1)
        QWidget.setTabOrder(self.table, self.detail)
        QWidget.setTabOrder(self.detail, self.missing)

    # --- CaseTab ----------------------------------------------------------------------------

    def load(self, case: Case) -> None:
        """Screen the case again and show the result (and what changed, if anything)."""
        before = self.screenings if case.id == self._case_id else []
        had_before = case.id == self._case_id
        selected = self._selected_entry_id()
        after = screening.screen_case(case, shipped_packs(), self.today)
        self._case_id = case.id
        self.screenings = after
        entries = {e.id: e for e in case.record_entries}
        self.model.set_rows([(entries[s.entry_id], s) for s in after])
        differences = screening.changes(before, after) if had_before else []
        if differences:
            self.changes_label.setText(
                self.tr("Changes since the last screening: %1").replace(
                    "%1", "; ".join(self._describe(differences, case.record_entries))
                )
            )
            self.changes_label.show()
        else:
            self.changes_label.clear()
            self.changes_label.hide()
        row = next((i for i, s in enumerate(after) if s.entry_id == selected), 0)
        if after:
            self.table.selectRow(row)
        else:
            self._show_detail(None)
        self.setEnabled(True)

    def clear(self) -> None:
        """Show nothing and keep nothing of the case."""
        self.model.clear()
        self.screenings = []
        self._case_id = ""
        self.detail.clear()
        self.missing_model.clear()
        self.nothing_missing.hide()
        self.changes_label.clear()
        self.changes_label.hide()
        self.setEnabled(False)

    # --- slots ------------------------------------------------------------------------------

    def on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        """Show the selected entry's screening."""
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0]) if rows else None
        self._show_detail(row[1] if row else None)

    def on_missing_activated(self, index: QModelIndex) -> None:
        """Ask the editor to show the evidence tab."""
        if self.missing_model.row_at(index) is not None:
            self.open_evidence_requested.emit()

    # --- helpers ----------------------------------------------------------------------------

    def _selected_entry_id(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0]) if rows else None
        return row[1].entry_id if row else ""

    def _describe(self, differences: Sequence[str], entries: Sequence[RecordEntry]) -> list[str]:
        """Replace the internal entry ids in ``screening.changes`` with "#position"."""
        out = []
        for text in differences:
            for entry in entries:
                text = text.replace(entry.id, f"#{entry.position}")
            out.append(text)
        return out

    def _show_detail(self, result: EntryScreening | None) -> None:
        if result is None:
            self.missing_model.clear()
            self.nothing_missing.hide()
            self.detail.clear()
            return
        self.detail.setHtml(self._detail_html(result))
        self.missing_model.set_rows(result.missing_evidence)
        self.nothing_missing.setVisible(not result.missing_evidence)
        self.missing.setVisible(bool(result.missing_evidence))

    def _detail_html(self, result: EntryScreening) -> str:
        esc = html.escape
        verify = self.tr("verify against the official text")
        banner = self.tr("Advice for a lawyer to review, not a verdict.")
        outcome = self.tr("Outcome: %1").replace("%1", outcome_text(result.outcome))
        pack = self.tr("Rule pack: %1").replace("%1", result.pack_id)
        reasons = self.tr("Reasons")
        parts = [
            f"<p><b>{esc(banner)}</b></p>",
            f"<h3>{esc(outcome)}</h3>",
            f"<p>{esc(pack)}</p>",
            f"<h4>{esc(reasons)}</h4><ul>",
        ]
        for reason in result.reasons:
            line = esc(reason.text)
            if reason.citation:
                line += f"<br/><i>{esc(reason.citation)}</i>"
            if reason.verify:
                line += f" <b>⚠ [{esc(verify)}]</b>"
            parts.append(f"<li>{line}</li>")
        parts.append("</ul>")
        relief = ", ".join(result.relief) if result.relief else self.tr("none")
        relief_title = self.tr("Relief:")
        steps_title = self.tr("Next steps")
        citations_title = self.tr("Citations")
        parts.append(f"<p><b>{esc(relief_title)}</b> {esc(relief)}</p>")
        if result.next_steps:
            parts.append(f"<h4>{esc(steps_title)}</h4><ol>")
            parts += [f"<li>{esc(step)}</li>" for step in result.next_steps]
            parts.append("</ol>")
        if result.citations:
            parts.append(f"<h4>{esc(citations_title)}</h4><ul>")
            parts += [f"<li>{esc(c)}</li>" for c in result.citations]
            parts.append("</ul>")
        return "".join(parts)
