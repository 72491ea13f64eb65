"""The Record entries tab: arrests, charges, convictions and other matters, as an edited table.

Each OK in the entry dialog and each confirmed removal is one transaction.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.base import CaseTab
from redress.desktop.editor.widgets import (
    CommitDialog,
    DateField,
    EnumCombo,
    RowsEditor,
    RowsModel,
    TextBox,
    ask_yes_no,
    case_in,
    enum_label,
    format_date,
    format_decimal,
    label_for,
    parse_decimal,
    plain,
    wipe_texts,
)
from redress.desktop.workers import safe_message
from redress.models import audit
from redress.models.errors import NotFoundError
from redress.models.schema import (
    Case,
    Disposition,
    EntryKind,
    OffenceCategory,
    OffenceLevel,
    RecordEntry,
    utcnow,
)


class RecordEntriesModel(RowsModel):
    """The case's record entries, one per row (a thin adapter over detached rows)."""

    KIND, JURISDICTION, COURT, DOCKET, OFFENCE, CATEGORY, LEVEL = range(7)
    ARREST, DISPOSITION, DISPOSITION_DATE = range(7, 10)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            self.tr("Kind"),
            self.tr("Jurisdiction"),
            self.tr("Court"),
            self.tr("Docket"),
            self.tr("Offence"),
            self.tr("Category"),
            self.tr("Level"),
            self.tr("Arrest date"),
            self.tr("Disposition"),
            self.tr("Disposition date"),
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        """Text of each column; the full offence as a tooltip."""
        entry: RecordEntry = row
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.KIND: lambda: enum_label(entry.kind),
                self.JURISDICTION: lambda: entry.jurisdiction,
                self.COURT: lambda: entry.court or "",
                self.DOCKET: lambda: entry.docket or "",
                self.OFFENCE: lambda: entry.offence_text,
                self.CATEGORY: lambda: enum_label(entry.offence_category),
                self.LEVEL: lambda: enum_label(entry.offence_level),
                self.ARREST: lambda: format_date(entry.arrest_date),
                self.DISPOSITION: lambda: enum_label(entry.disposition),
                self.DISPOSITION_DATE: lambda: format_date(entry.disposition_date),
            }[column]()
        if role == Qt.ItemDataRole.ToolTipRole and column == self.OFFENCE:
            return entry.offence_text
        return None


@dataclass(frozen=True)
class EntryValues:
    """What the entry dialog collected (validated).

    Attributes:
        kind: the kind of record.
        jurisdiction: where.
        court: the court, if known.
        docket: the docket or case number.
        statute: the statute cited.
        offence_text: the offence as written on the record.
        category: the broad category.
        level: the offence level.
        arrest_date: when arrested.
        charge_date: when charged.
        disposition: how it ended.
        disposition_date: when it ended.
        sentence: the sentence imposed.
        fines_owed: fines still owed (exact).
        fines_currency: ISO 4217 currency of the fines.
        source: where these facts came from.
    """

    kind: EntryKind
    jurisdiction: str
    court: str | None
    docket: str | None
    statute: str | None
    offence_text: str
    category: OffenceCategory
    level: OffenceLevel
    arrest_date: dt.date | None
    charge_date: dt.date | None
    disposition: Disposition
    disposition_date: dt.date | None
    sentence: str | None
    fines_owed: Decimal | None
    fines_currency: str | None
    source: str | None

    def apply_to(self, entry: RecordEntry) -> None:
        """Copy the values onto ``entry`` (the nexus narratives are not touched)."""
        entry.kind = self.kind
        entry.jurisdiction = self.jurisdiction
        entry.court = self.court
        entry.docket = self.docket
        entry.statute = self.statute
        entry.offence_text = self.offence_text
        entry.offence_category = self.category
        entry.offence_level = self.level
        entry.arrest_date = self.arrest_date
        entry.charge_date = self.charge_date
        entry.disposition = self.disposition
        entry.disposition_date = self.disposition_date
        entry.sentence = self.sentence
        entry.fines_owed = self.fines_owed
        entry.fines_currency = self.fines_currency
        entry.source = self.source
        entry.recorded_at = utcnow()


class EntryDialog(CommitDialog):
    """Add or edit one record entry, with validation of required fields and dates.

    OK runs ``commit`` with the values; the dialog closes only if that succeeded.

    Attributes:
        problem_label: where validation problems (or a failed save) are shown.
    """

    def __init__(
        self,
        commit: Callable[[EntryValues], None],
        entry: RecordEntry | None = None,
        default_jurisdiction: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._commit = commit
        self.setWindowTitle(self.tr("Edit record entry") if entry else self.tr("Add record entry"))
        self.setModal(True)
        self._init_fields()
        self._init_layout()
        self._init_tab_order()
        if entry is not None:
            self._show_entry(entry)
        else:
            self.jurisdiction.setText(default_jurisdiction)
        self.resize(780, 420)

    # --- construction -----------------------------------------------------------------------

    def _init_fields(self) -> None:
        self.kind = EnumCombo(EntryKind, self.tr("Choose…"), self)
        self.kind.setAccessibleName(self.tr("Kind of record (required)"))
        self.jurisdiction = QLineEdit(self)
        self.jurisdiction.setMaxLength(16)
        self.court = QLineEdit(self)
        self.docket = QLineEdit(self)
        self.statute = QLineEdit(self)
        self.offence_text = QLineEdit(self)
        self.offence_text.setPlaceholderText(self.tr("As written on the record"))
        self.category = EnumCombo(OffenceCategory, parent=self)
        self.category.set_value(OffenceCategory.OTHER)
        self.level = EnumCombo(OffenceLevel, parent=self)
        self.level.set_value(OffenceLevel.UNKNOWN)
        self.arrest_date = DateField(self)
        self.charge_date = DateField(self)
        self.disposition = EnumCombo(Disposition, parent=self)
        self.disposition.set_value(Disposition.PENDING)
        self.disposition_date = DateField(self)
        self.sentence = TextBox(self, lines=3, fixed=True)
        self.fines_owed = QLineEdit(self)
        self.fines_owed.setPlaceholderText(
            self.tr("e.g. %1").replace("%1", format_decimal(Decimal("250.00")))
        )
        self.fines_currency = QLineEdit(self)
        self.fines_currency.setMaxLength(3)
        self.fines_currency.setPlaceholderText(self.tr("e.g. USD"))
        self.fines_currency.setAccessibleName(self.tr("Currency of the fines"))
        self.fines_currency.setMaximumWidth(80)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("e.g. court record"))
        self.problem_label = self._make_problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _init_layout(self) -> None:
        left = QFormLayout()
        left.setHorizontalSpacing(12)
        left.addRow(label_for(self.tr("&Kind *:"), self.kind), self.kind)
        left.addRow(label_for(self.tr("&Jurisdiction *:"), self.jurisdiction), self.jurisdiction)
        self.jurisdiction.setAccessibleName(self.tr("Jurisdiction (required)"))
        left.addRow(label_for(self.tr("C&ourt:"), self.court), self.court)
        left.addRow(label_for(self.tr("Dock&et:"), self.docket), self.docket)
        left.addRow(label_for(self.tr("S&tatute:"), self.statute), self.statute)
        left.addRow(label_for(self.tr("O&ffence *:"), self.offence_text), self.offence_text)
        self.offence_text.setAccessibleName(self.tr("Offence (required)"))
        left.addRow(label_for(self.tr("Cate&gory:"), self.category), self.category)
        left.addRow(label_for(self.tr("&Level:"), self.level), self.level)
        right = QFormLayout()
        right.setHorizontalSpacing(12)
        right.addRow(label_for(self.tr("&Arrest date:"), self.arrest_date), self.arrest_date)
        right.addRow(label_for(self.tr("C&harge date:"), self.charge_date), self.charge_date)
        right.addRow(label_for(self.tr("&Disposition:"), self.disposition), self.disposition)
        right.addRow(
            label_for(self.tr("Dis&position date:"), self.disposition_date),
            self.disposition_date,
        )
        right.addRow(label_for(self.tr("Se&ntence:"), self.sentence), self.sentence)
        fines = QWidget(self)
        fines_row = QHBoxLayout(fines)
        fines_row.setContentsMargins(0, 0, 0, 0)
        fines_row.addWidget(self.fines_owed, 1)
        fines_row.addWidget(self.fines_currency)
        right.addRow(label_for(self.tr("F&ines owed:"), self.fines_owed), fines)
        right.addRow(label_for(self.tr("So&urce:"), self.source), self.source)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(24)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(QLabel(self.tr("* required"), self))
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

    def _init_tab_order(self) -> None:
        order: list[QWidget] = [
            self.kind,
            self.jurisdiction,
            self.court,
            self.docket,
            self.statute,
            self.offence_text,
            self.category,
            self.level,
            self.arrest_date,
            self.charge_date,
            self.disposition,
            self.disposition_date,
            self.sentence,
            self.fines_owed,
            self.fines_currency,
            self.source,
            self.buttons,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _show_entry(self, entry: RecordEntry) -> None:
        self.kind.set_value(entry.kind)
        self.jurisdiction.setText(entry.jurisdiction)
        self.court.setText(entry.court or "")
        self.docket.setText(entry.docket or "")
        self.statute.setText(entry.statute or "")
        self.offence_text.setText(entry.offence_text)
        self.category.set_value(entry.offence_category)
        self.level.set_value(entry.offence_level)
        self.arrest_date.set_date(entry.arrest_date)
        self.charge_date.set_date(entry.charge_date)
        self.disposition.set_value(entry.disposition)
        self.disposition_date.set_date(entry.disposition_date)
        self.sentence.setPlainText(entry.sentence or "")
        if entry.fines_owed is not None:
            self.fines_owed.setText(format_decimal(entry.fines_owed))
        self.fines_currency.setText(entry.fines_currency or "")
        self.source.setText(entry.source or "")

    # --- validation -------------------------------------------------------------------------

    def problems(self) -> list[tuple[QWidget, str]]:
        """What stops the entry from being saved, each with the field to fix."""
        found: list[tuple[QWidget, str]] = []
        if self.kind.value() is None:
            found.append((self.kind, self.tr("Choose the kind of record.")))
        if not self.jurisdiction.text().strip():
            found.append((self.jurisdiction, self.tr("The jurisdiction is required.")))
        if not self.offence_text.text().strip():
            found.append((self.offence_text, self.tr("The offence is required.")))
        for field, what in (
            (self.arrest_date, self.tr("The arrest date")),
            (self.charge_date, self.tr("The charge date")),
            (self.disposition_date, self.tr("The disposition date")),
        ):
            problem = field.problem(what)
            if problem:
                found.append((field, problem))
        arrest = self.arrest_date.date()
        charge = self.charge_date.date()
        disposed = self.disposition_date.date()
        if arrest and disposed and disposed < arrest:
            found.append(
                (self.disposition_date, self.tr("The disposition date is before the arrest date."))
            )
        if arrest and charge and charge < arrest:
            found.append((self.charge_date, self.tr("The charge date is before the arrest date.")))
        fines: Decimal | None = None
        try:
            fines = parse_decimal(self.fines_owed.text())
        except ValueError:
            found.append(
                (self.fines_owed, self.tr("Fines owed must be an amount of zero or more."))
            )
        currency = self.fines_currency.text().strip()
        if currency and not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
            found.append(
                (self.fines_currency, self.tr("The currency is a three-letter code, e.g. USD."))
            )
        elif fines is not None and not currency:
            found.append((self.fines_currency, self.tr("Give the currency of the fines.")))
        return found

    def values(self) -> EntryValues:
        """The validated values (call only when :meth:`problems` is empty)."""
        kind = self.kind.value()
        assert kind is not None
        currency = self.fines_currency.text().strip().upper()
        fines = parse_decimal(self.fines_owed.text())
        return EntryValues(
            kind=EntryKind(kind),
            jurisdiction=self.jurisdiction.text().strip(),
            court=plain(self.court.text()),
            docket=plain(self.docket.text()),
            statute=plain(self.statute.text()),
            offence_text=self.offence_text.text().strip(),
            category=OffenceCategory(self.category.value() or OffenceCategory.OTHER),
            level=OffenceLevel(self.level.value() or OffenceLevel.UNKNOWN),
            arrest_date=self.arrest_date.date(),
            charge_date=self.charge_date.date(),
            disposition=Disposition(self.disposition.value() or Disposition.PENDING),
            disposition_date=self.disposition_date.date(),
            sentence=plain(self.sentence.toPlainText()),
            fines_owed=fines,
            fines_currency=(currency or None) if fines is not None else None,
            source=plain(self.source.text()),
        )


class EntriesTab(CaseTab):
    """The record entries table with Add / Edit / Remove.

    Attributes:
        title: the tab's label.
        model: the table model.
        rows: the table and its buttons.
        dialog: the entry dialog currently open (None if none).
        confirm_remove: asks whether to remove (replaceable in tests); gets the question.
    """

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title = self.tr("Record entries")
        self._case_id = ""
        self._jurisdiction = ""
        self.dialog: EntryDialog | None = None
        self.confirm_remove: Callable[[str], bool] = lambda question: ask_yes_no(
            self, self.tr("Remove record entry"), question
        )
        self.model = RecordEntriesModel(self)
        self.rows = RowsEditor(
            self.model,
            self.tr("Record entries"),
            self.tr("entry"),
            self,
            stretch_column=RecordEntriesModel.OFFENCE,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.rows)
        self.rows.add_requested.connect(self.on_rows_add_requested)
        self.rows.edit_requested.connect(self.on_rows_edit_requested)
        self.rows.remove_requested.connect(self.on_rows_remove_requested)
        self.setEnabled(False)

    # --- CaseTab ----------------------------------------------------------------------------

    def load(self, case: Case) -> None:
        """Show the case's record entries."""
        current = self.rows.current()
        self._case_id = case.id
        self._jurisdiction = case.jurisdiction
        self.model.set_rows(case.record_entries)
        if current is not None:
            ids = [e.id for e in self.model.rows()]
            if current.id in ids:
                self.rows.select_row(ids.index(current.id))
        self.setEnabled(True)

    def clear(self) -> None:
        """Close any open dialog and show nothing."""
        self._close_dialog()
        self.model.clear()
        self._case_id = ""
        self._jurisdiction = ""
        self.setEnabled(False)

    # --- slots ------------------------------------------------------------------------------

    def on_rows_add_requested(self) -> None:
        """Open the dialog for a new entry."""
        self._open_dialog(None)

    def on_rows_edit_requested(self, entry: RecordEntry) -> None:
        """Open the dialog on ``entry``."""
        self._open_dialog(entry)

    def on_rows_remove_requested(self, entry: RecordEntry) -> None:
        """Remove ``entry`` after confirmation, in one transaction."""
        question = self.tr(
            "Remove this record entry (%1)? Its nexus narrative and evidence links go with it."
        ).replace("%1", enum_label(entry.kind))
        if not self.confirm_remove(question):
            return
        case_id, entry_id = self._case_id, entry.id

        def remove(session: Session) -> None:
            case_in(session, case_id)
            row = session.get(RecordEntry, entry_id)
            if row is None or row.case_id != case_id:
                raise NotFoundError(
                    QCoreApplication.translate("Errors", "that record entry no longer exists")
                )
            session.delete(row)
            audit.record(session, "record_entry.removed", case_id=case_id)

        try:
            self.controller.write(remove, case_id=case_id)
        except Exception as exc:
            self.controller.error.emit(safe_message(exc))
        self.reload_requested.emit()

    # --- helpers ----------------------------------------------------------------------------

    def _open_dialog(self, entry: RecordEntry | None) -> None:
        self._close_dialog()
        case_id = self._case_id
        entry_id = entry.id if entry is not None else None

        def commit(values: EntryValues) -> None:
            def write(session: Session) -> None:
                case_in(session, case_id)
                if entry_id is None:
                    last = session.scalar(
                        select(func.max(RecordEntry.position)).where(RecordEntry.case_id == case_id)
                    )
                    row = RecordEntry(case_id=case_id, position=(last or 0) + 1)
                    values.apply_to(row)
                    session.add(row)
                    audit.record(session, "record_entry.added", case_id=case_id)
                else:
                    found = session.get(RecordEntry, entry_id)
                    if found is None or found.case_id != case_id:
                        raise NotFoundError(
                            QCoreApplication.translate(
                                "Errors", "that record entry no longer exists"
                            )
                        )
                    values.apply_to(found)
                    audit.record(session, "record_entry.edited", case_id=case_id)

            self.controller.write(write, case_id=case_id)
            self.reload_requested.emit()

        self.dialog = EntryDialog(commit, entry, self._jurisdiction, self)
        self.dialog.finished.connect(self.on_dialog_finished)
        self.dialog.open()

    def on_dialog_finished(self, _result: int) -> None:
        """Forget the closed dialog (it held case text)."""
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            wipe_texts(dialog)
            dialog.deleteLater()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
