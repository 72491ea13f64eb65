"""The Indicators tab: the shipped checklists as forms, generated from their data.

Every indicator is a question with four answers: Yes, No, Unknown and Not asked (the default).
No question is forced: skipping one is leaving it "Not asked", and "Show only unanswered" brings
the skipped ones back later. Each change is committed at once (the audit log records only that
an answer changed); the "means" summary a petition is drafted from follows the answers.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache, partial

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.base import CaseTab
from redress.desktop.editor.widgets import case_in
from redress.desktop.workers import safe_message
from redress.forms.checklists import (
    Answer,
    Checklist,
    Indicator,
    answers_of,
    load_checklists,
    means_summary,
    record_answer,
)
from redress.models.schema import Case


@cache
def shipped_checklists() -> tuple[Checklist, ...]:
    """The shipped checklists, loaded once per process."""
    return tuple(load_checklists())


@dataclass
class IndicatorRow:
    """The widgets of one indicator.

    Attributes:
        indicator: the indicator shown.
        widget: the row (hidden by "Show only unanswered" once answered).
        combo: its answer.
    """

    indicator: Indicator
    widget: QWidget
    combo: QComboBox


class IndicatorsTab(CaseTab):
    """One section per checklist, one question per indicator, each answer committed at once.

    Attributes:
        title: the tab's label.
        audit_part: empty, as every answer is audited on its own.
        checklists: the checklists shown.
        rows: the indicator rows by indicator id.
        only_unanswered: "Show only unanswered" (the skip-and-return-later flow).
        count_label: "N of M answered".
        means_label: the means summary of the indicators answered yes.
    """

    audit_part = ""
    ANSWERS = (Answer.NOT_ASKED, Answer.YES, Answer.NO, Answer.UNKNOWN)

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title = self.tr("Indicators")
        self.checklists = shipped_checklists()
        self.rows: dict[str, IndicatorRow] = {}
        self._case_id = ""
        self._answers: dict[str, Answer] = {}
        self._loading = False
        self._init_widgets()
        self.setEnabled(False)

    def _answer_label(self, answer: Answer) -> str:
        labels = {
            Answer.NOT_ASKED: self.tr("Not asked"),
            Answer.YES: self.tr("Yes"),
            Answer.NO: self.tr("No"),
            Answer.UNKNOWN: self.tr("Unknown"),
        }
        return labels[answer]

    def _init_widgets(self) -> None:
        self.only_unanswered = QCheckBox(self.tr("Show only &unanswered"), self)
        self.only_unanswered.setAccessibleName(self.tr("Show only unanswered"))
        self.only_unanswered.setToolTip(
            self.tr("Questions left 'Not asked' can be answered later; no question is forced")
        )
        self.only_unanswered.toggled.connect(self.on_only_unanswered_toggled)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Answered"))
        top = QHBoxLayout()
        top.addWidget(self.only_unanswered)
        top.addStretch(1)
        top.addWidget(self.count_label)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        previous: QWidget = self.only_unanswered
        for checklist in self.checklists:
            box = QGroupBox(checklist.title, body)
            box.setAccessibleName(checklist.title)
            box_layout = QVBoxLayout(box)
            intro = QLabel(checklist.intro, box)
            intro.setWordWrap(True)
            intro.setStyleSheet("font-style: italic;")
            box_layout.addWidget(intro)
            cluster = ""
            for indicator in checklist.indicators:
                if indicator.cluster != cluster:
                    cluster = indicator.cluster
                    heading = QLabel(f"<b>{html.escape(cluster)}</b>", box)
                    box_layout.addWidget(heading)
                row = self._make_row(indicator, box)
                box_layout.addWidget(row.widget)
                QWidget.setTabOrder(previous, row.combo)
                previous = row.combo
            body_layout.addWidget(box)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        scroll.setAccessibleName(self.tr("Indicator checklists"))
        means_title = QLabel(self.tr("How the client was controlled (indicators answered Yes):"))
        self.means_label = QLabel(self)
        self.means_label.setWordWrap(True)
        self.means_label.setTextFormat(Qt.TextFormat.PlainText)
        self.means_label.setAccessibleName(self.tr("Means summary"))
        means_title.setBuddy(self.means_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(means_title)
        layout.addWidget(self.means_label)

    def _make_row(self, indicator: Indicator, parent: QWidget) -> IndicatorRow:
        widget = QWidget(parent)
        question = QLabel(indicator.question, widget)
        question.setWordWrap(True)
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setToolTip(indicator.guidance)
        guidance = QLabel(indicator.guidance, widget)
        guidance.setWordWrap(True)
        guidance.setTextFormat(Qt.TextFormat.PlainText)
        guidance.setStyleSheet("color: palette(placeholder-text); font-size: small;")
        combo = QComboBox(widget)
        for answer in self.ANSWERS:
            combo.addItem(self._answer_label(answer), answer.value)
        combo.setAccessibleName(indicator.question)
        combo.setAccessibleDescription(indicator.guidance)
        combo.setToolTip(indicator.guidance)
        question.setBuddy(combo)
        texts = QVBoxLayout()
        texts.addWidget(question)
        texts.addWidget(guidance)
        layout = QHBoxLayout(widget)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addLayout(texts, 1)
        layout.addWidget(combo)
        combo.currentIndexChanged.connect(partial(self.on_combo_changed, indicator.id))
        row = IndicatorRow(indicator, widget, combo)
        self.rows[indicator.id] = row
        return row

    # --- public -----------------------------------------------------------------------------

    def answer(self, indicator_id: str) -> Answer:
        """The answer shown for an indicator."""
        return Answer(self.rows[indicator_id].combo.currentData())

    def set_answer(self, indicator_id: str, answer: Answer) -> None:
        """Choose an answer as the user would (it is committed at once)."""
        combo = self.rows[indicator_id].combo
        combo.setCurrentIndex(combo.findData(answer.value))

    # --- CaseTab ----------------------------------------------------------------------------

    def load(self, case: Case) -> None:
        """Show the case's answers."""
        self._case_id = case.id
        self._answers = answers_of(case)
        self._loading = True
        try:
            for indicator_id, row in self.rows.items():
                answer = self._answers.get(indicator_id, Answer.NOT_ASKED)
                row.combo.setCurrentIndex(row.combo.findData(answer.value))
        finally:
            self._loading = False
        self._update_summary()
        self.setEnabled(True)

    def clear(self) -> None:
        """Show no answers and keep nothing of the case."""
        self._case_id = ""
        self._answers = {}
        self._loading = True
        try:
            for row in self.rows.values():
                row.combo.setCurrentIndex(0)
        finally:
            self._loading = False
        self._update_summary()
        self.means_label.clear()
        self.count_label.clear()
        self.setEnabled(False)

    # --- slots ------------------------------------------------------------------------------

    def on_combo_changed(self, indicator_id: str, _index: int) -> None:
        """Commit the new answer at once, then ask the editor to reload."""
        if self._loading or not self._case_id:
            return
        answer = self.answer(indicator_id)
        case_id = self._case_id
        checklists = self.checklists

        def write(session: Session) -> None:
            record_answer(session, case_in(session, case_id), checklists, indicator_id, answer)

        try:
            self.controller.write(write, case_id=case_id)
        except Exception as exc:
            self.controller.error.emit(safe_message(exc))
            return
        self.reload_requested.emit()

    def on_only_unanswered_toggled(self, _checked: bool) -> None:
        """Hide (or show again) the questions already answered."""
        self._apply_filter()

    # --- helpers ----------------------------------------------------------------------------

    def _update_summary(self) -> None:
        total = len(self.rows)
        answered = sum(
            1 for i in self.rows if self._answers.get(i, Answer.NOT_ASKED) != Answer.NOT_ASKED
        )
        self.count_label.setText(
            self.tr("%1 of %2 answered")
            .replace("%1", QLocale().toString(answered))
            .replace("%2", QLocale().toString(total))
        )
        phrases = means_summary(self.checklists, self._answers)
        self.means_label.setText("; ".join(phrases) if phrases else self.tr("(none yet)"))
        self._apply_filter()

    def _apply_filter(self) -> None:
        only = self.only_unanswered.isChecked()
        for indicator_id, row in self.rows.items():
            answered = self._answers.get(indicator_id, Answer.NOT_ASKED) != Answer.NOT_ASKED
            row.widget.setHidden(only and answered)
