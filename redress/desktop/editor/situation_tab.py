"""The Trafficking situation tab: the periods of exploitation, each edited in a dialog.

Each OK in the period dialog and each confirmed removal is one transaction.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
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
    LinesEdit,
    RowsEditor,
    RowsModel,
    TextBox,
    ask_yes_no,
    case_in,
    enum_label,
    format_date,
    label_for,
    plain,
    wipe_texts,
)
from redress.desktop.workers import safe_message
from redress.models import audit
from redress.models.errors import NotFoundError
from redress.models.schema import Case, ExploitationForm, ExploitationPeriod, Relationship, utcnow


def _forms_text(forms: list[str]) -> str:
    labels = []
    for value in forms:
        try:
            labels.append(enum_label(ExploitationForm(value)))
        except ValueError:
            labels.append(value)
    return ", ".join(labels)


class PeriodsModel(RowsModel):
    """The periods of exploitation, one per row (a thin adapter over detached rows)."""

    START, END, FORMS, RELATIONSHIP, LOCATION = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            self.tr("Start"),
            self.tr("End"),
            self.tr("Forms of exploitation"),
            self.tr("Relationship to trafficker"),
            self.tr("Location"),
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        """Text of each column; the description as a tooltip."""
        period: ExploitationPeriod = row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.START:
                return format_date(period.start_date) or self.tr("unknown")
            if column == self.END:
                return format_date(period.end_date) or self.tr("unknown")
            if column == self.FORMS:
                return _forms_text(period.forms)
            if column == self.RELATIONSHIP:
                return enum_label(period.relationship_to_trafficker)
            return period.location or ""
        if role == Qt.ItemDataRole.ToolTipRole and period.description:
            return period.description
        return None


@dataclass(frozen=True)
class PeriodValues:
    """What the period dialog collected (validated).

    Attributes:
        start_date: when it began.
        end_date: when it ended.
        forms: forms of exploitation (values of :class:`ExploitationForm`).
        relationship: the client's relationship to the trafficker.
        means: means of control, one per item.
        location: where.
        description: what happened, in free text.
        source: where these facts came from.
    """

    start_date: dt.date | None
    end_date: dt.date | None
    forms: list[str]
    relationship: Relationship
    means: list[str]
    location: str | None
    description: str | None
    source: str | None

    def apply_to(self, period: ExploitationPeriod) -> None:
        """Copy the values onto ``period``."""
        period.start_date = self.start_date
        period.end_date = self.end_date
        period.forms = list(self.forms)
        period.relationship_to_trafficker = self.relationship
        period.means = list(self.means)
        period.location = self.location
        period.description = self.description
        period.source = self.source
        period.recorded_at = utcnow()


class PeriodDialog(CommitDialog):
    """Add or edit one period of exploitation.

    Attributes:
        form_boxes: one checkbox per form of exploitation.
        problem_label: where validation problems (or a failed save) are shown.
    """

    def __init__(
        self,
        commit: Callable[[PeriodValues], None],
        period: ExploitationPeriod | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._commit = commit
        self.setWindowTitle(
            self.tr("Edit period of exploitation") if period else self.tr("Add period")
        )
        self.setModal(True)
        self._init_fields()
        self._init_layout()
        if period is not None:
            self._show_period(period)
        self.resize(640, 540)

    def _init_fields(self) -> None:
        self.start_date = DateField(self)
        self.end_date = DateField(self)
        self.form_boxes: dict[str, QCheckBox] = {}
        for form in ExploitationForm:
            box = QCheckBox(enum_label(form), self)
            box.setAccessibleName(enum_label(form))
            self.form_boxes[form.value] = box
        self.relationship = EnumCombo(Relationship, parent=self)
        self.relationship.set_value(Relationship.UNKNOWN)
        self.means = LinesEdit(self, lines=3)
        self.means.setPlaceholderText(self.tr("One per line, e.g. debt bondage"))
        self.location = QLineEdit(self)
        self.description = TextBox(self, lines=5)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("e.g. client interview"))
        self.problem_label = self._make_problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _init_layout(self) -> None:
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.addRow(label_for(self.tr("&Start date:"), self.start_date), self.start_date)
        form.addRow(label_for(self.tr("&End date:"), self.end_date), self.end_date)
        forms_box = QGroupBox(self.tr("Forms of exploitation"), self)
        grid = QGridLayout(forms_box)
        for i, box in enumerate(self.form_boxes.values()):
            grid.addWidget(box, i // 2, i % 2)
        form.addRow(forms_box)
        form.addRow(
            label_for(self.tr("&Relationship to trafficker:"), self.relationship),
            self.relationship,
        )
        form.addRow(label_for(self.tr("&Means of control:"), self.means), self.means)
        form.addRow(label_for(self.tr("&Location:"), self.location), self.location)
        form.addRow(label_for(self.tr("&Description:"), self.description), self.description)
        form.addRow(label_for(self.tr("S&ource:"), self.source), self.source)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        order: list[QWidget] = [
            self.start_date,
            self.end_date,
            *self.form_boxes.values(),
            self.relationship,
            self.means,
            self.location,
            self.description,
            self.source,
            self.buttons,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _show_period(self, period: ExploitationPeriod) -> None:
        self.start_date.set_date(period.start_date)
        self.end_date.set_date(period.end_date)
        for value, box in self.form_boxes.items():
            box.setChecked(value in period.forms)
        self.relationship.set_value(period.relationship_to_trafficker)
        self.means.set_lines(period.means)
        self.location.setText(period.location or "")
        self.description.setPlainText(period.description or "")
        self.source.setText(period.source or "")

    def problems(self) -> list[tuple[QWidget, str]]:
        """What stops the period from being saved, each with the field to fix."""
        found: list[tuple[QWidget, str]] = []
        for field, what in (
            (self.start_date, self.tr("The start date")),
            (self.end_date, self.tr("The end date")),
        ):
            problem = field.problem(what)
            if problem:
                found.append((field, problem))
        start, end = self.start_date.date(), self.end_date.date()
        if start and end and end < start:
            found.append((self.end_date, self.tr("The end date is before the start date.")))
        return found

    def values(self) -> PeriodValues:
        """The validated values (call only when :meth:`problems` is empty)."""
        return PeriodValues(
            start_date=self.start_date.date(),
            end_date=self.end_date.date(),
            forms=[value for value, box in self.form_boxes.items() if box.isChecked()],
            relationship=Relationship(self.relationship.value() or Relationship.UNKNOWN),
            means=self.means.lines(),
            location=plain(self.location.text()),
            description=plain(self.description.toPlainText()),
            source=plain(self.source.text()),
        )


class SituationTab(CaseTab):
    """The periods of exploitation with Add / Edit / Remove.

    Attributes:
        title: the tab's label.
        model: the table model.
        rows: the table and its buttons.
        dialog: the period dialog currently open (None if none).
        confirm_remove: asks whether to remove (replaceable in tests); gets the question.
    """

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title = self.tr("Trafficking situation")
        self._case_id = ""
        self.dialog: PeriodDialog | None = None
        self.confirm_remove: Callable[[str], bool] = lambda question: ask_yes_no(
            self, self.tr("Remove period"), question
        )
        self.model = PeriodsModel(self)
        self.rows = RowsEditor(
            self.model,
            self.tr("Periods of exploitation"),
            self.tr("period"),
            stretch_column=PeriodsModel.LOCATION,
        )
        intro = QLabel(
            self.tr(
                "Each period of exploitation: when, which forms, the relationship to the "
                "trafficker and the means of control."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.rows, 1)
        self.rows.add_requested.connect(self.on_rows_add_requested)
        self.rows.edit_requested.connect(self.on_rows_edit_requested)
        self.rows.remove_requested.connect(self.on_rows_remove_requested)
        self.setEnabled(False)

    def load(self, case: Case) -> None:
        """Show the case's periods."""
        self._case_id = case.id
        self.model.set_rows(case.periods)
        self.setEnabled(True)

    def clear(self) -> None:
        """Close any open dialog and show nothing."""
        if self.dialog is not None:
            self.dialog.reject()
        self.model.clear()
        self._case_id = ""
        self.setEnabled(False)

    def on_rows_add_requested(self) -> None:
        """Open the dialog for a new period."""
        self._open_dialog(None)

    def on_rows_edit_requested(self, period: ExploitationPeriod) -> None:
        """Open the dialog on ``period``."""
        self._open_dialog(period)

    def on_rows_remove_requested(self, period: ExploitationPeriod) -> None:
        """Remove ``period`` after confirmation, in one transaction."""
        if not self.confirm_remove(self.tr("Remove this period of exploitation?")):
            return
        case_id, period_id = self._case_id, period.id

        def remove(session: Session) -> None:
            case_in(session, case_id)
            row = session.get(ExploitationPeriod, period_id)
            if row is None or row.case_id != case_id:
                raise NotFoundError(
                    QCoreApplication.translate("Errors", "that period no longer exists")
                )
            session.delete(row)
            audit.record(session, "period.removed", case_id=case_id)

        try:
            self.controller.write(remove, case_id=case_id)
        except Exception as exc:
            self.controller.error.emit(safe_message(exc))
        self.reload_requested.emit()

    def _open_dialog(self, period: ExploitationPeriod | None) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        case_id = self._case_id
        period_id = period.id if period is not None else None

        def commit(values: PeriodValues) -> None:
            def write(session: Session) -> None:
                case_in(session, case_id)
                if period_id is None:
                    last = session.scalar(
                        select(func.max(ExploitationPeriod.position)).where(
                            ExploitationPeriod.case_id == case_id
                        )
                    )
                    row = ExploitationPeriod(case_id=case_id, position=(last or 0) + 1)
                    values.apply_to(row)
                    session.add(row)
                    audit.record(session, "period.added", case_id=case_id)
                else:
                    found = session.get(ExploitationPeriod, period_id)
                    if found is None or found.case_id != case_id:
                        raise NotFoundError(
                            QCoreApplication.translate("Errors", "that period no longer exists")
                        )
                    values.apply_to(found)
                    audit.record(session, "period.edited", case_id=case_id)

            self.controller.write(write, case_id=case_id)
            self.reload_requested.emit()

        self.dialog = PeriodDialog(commit, period, self)
        self.dialog.finished.connect(self.on_dialog_finished)
        self.dialog.open()

    def on_dialog_finished(self, _result: int) -> None:
        """Forget the closed dialog (it held case text)."""
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            wipe_texts(dialog)
            dialog.deleteLater()
