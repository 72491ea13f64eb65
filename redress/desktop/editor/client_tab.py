"""The Client tab: who the client is and the case-level facts (a form saved with the editor)."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.base import CaseTab
from redress.desktop.editor.widgets import (
    Clipboard,
    DateField,
    EnumCombo,
    LinesEdit,
    SecretField,
    TextBox,
    TriStateCombo,
    add_row,
    plain,
)
from redress.models.schema import Case, Client, Cooperation, Stage, utcnow


class ClientTab(CaseTab):
    """The client's identity and needs, and the case's stage, jurisdiction and team.

    The legal name stays masked until the user reveals it; the pseudonym is always shown.
    Edits are kept until the editor saves (one transaction for every form tab).

    Attributes:
        title: the tab's label.
        audit_part: how the audit log names this part of the case.
        legal_name: the masked legal-name field with its reveal toggle and copy button.
    """

    audit_part = "client"

    def __init__(
        self,
        controller: VaultController,
        clipboard: Clipboard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(controller, parent)
        self.title = self.tr("Client")
        self._loaded: dict[str, Any] | None = None
        self._loading = False
        self._dirty = False
        self._init_client_fields(clipboard)
        self._init_case_fields()
        self._init_layout()
        self._init_tab_order()
        self._init_signals()
        self.setEnabled(False)

    # --- construction -----------------------------------------------------------------------

    def _init_client_fields(self, clipboard: Clipboard | None) -> None:
        self.legal_name = SecretField(
            self.tr("&Reveal legal name"), self.tr("&Hide legal name"), clipboard, self
        )
        self.pseudonym = QLineEdit(self)
        self.pseudonym.setToolTip(self.tr("The name shown in lists and window titles"))
        self.other_names = LinesEdit(self, lines=2)
        self.other_names.setPlaceholderText(self.tr("One per line"))
        self.preferred_language = QLineEdit(self)
        self.date_of_birth = DateField(self)
        self.minor_at_offences = TriStateCombo(self)
        self.interpreter_needed = QCheckBox(self.tr("&Interpreter needed"), self)
        self.interpreter_language = QLineEdit(self)
        self.interpreter_language.setPlaceholderText(self.tr("Language"))
        self.interpreter_language.setAccessibleName(self.tr("Interpreter language"))
        self.gender_preference = QLineEdit(self)
        self.gender_preference.setPlaceholderText(self.tr("e.g. a woman lawyer and interpreter"))
        self.pronouns = QLineEdit(self)
        self.nationality = QLineEdit(self)
        self.safe_contact = TextBox(self, lines=2, fixed=True)
        self.safe_contact.setPlaceholderText(self.tr("How and when it is safe to get in touch"))
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("e.g. client interview"))

    def _init_case_fields(self) -> None:
        self.stage = EnumCombo(Stage, parent=self)
        self.jurisdiction = QLineEdit(self)
        self.jurisdiction.setMaxLength(16)
        self.jurisdiction.setPlaceholderText(self.tr("e.g. US-NY"))
        self.assigned_to = QLineEdit(self)
        self.team = LinesEdit(self, lines=2)
        self.team.setPlaceholderText(self.tr("One person per line"))
        self.cooperation = EnumCombo(Cooperation, parent=self)
        self.cooperation_note = QLabel(
            self.tr(
                "Relief never depends on co-operation with the police or a prosecution. It is "
                "recorded only because some laws mention it."
            ),
            self,
        )
        self.cooperation_note.setWordWrap(True)
        self.cooperation_note.setStyleSheet("color: palette(placeholder-text);")
        self.cooperation_notes = TextBox(self, lines=4, fixed=True)

    def _init_layout(self) -> None:
        client_box = QGroupBox(self.tr("Client"), self)
        form = QFormLayout(client_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("&Legal name *:"), self.legal_name, self.legal_name.edit)
        self.legal_name.setAccessibleName(self.tr("Legal name (required)"))
        add_row(form, self.tr("&Pseudonym *:"), self.pseudonym)
        self.pseudonym.setAccessibleName(self.tr("Pseudonym (required)"))
        add_row(form, self.tr("&Other names:"), self.other_names)
        add_row(form, self.tr("Preferred lan&guage:"), self.preferred_language)
        add_row(form, self.tr("&Date of birth:"), self.date_of_birth)
        add_row(form, self.tr("&Minor at the time of the offences:"), self.minor_at_offences)
        interpreter = QWidget(self)
        row = QHBoxLayout(interpreter)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.interpreter_needed)
        row.addWidget(self.interpreter_language, 1)
        interpreter_label = QLabel(self.tr("Interpreter:"), self)
        interpreter_label.setBuddy(self.interpreter_needed)
        form.addRow(interpreter_label, interpreter)
        self.interpreter_needed.setAccessibleName(self.tr("Interpreter needed"))
        add_row(form, self.tr("Gender of pro&fessionals:"), self.gender_preference)
        add_row(form, self.tr("Prono&uns:"), self.pronouns)
        add_row(form, self.tr("&Nationality:"), self.nationality)
        add_row(form, self.tr("Safe &contact:"), self.safe_contact)
        add_row(form, self.tr("Sourc&e of these facts:"), self.source)

        case_box = QGroupBox(self.tr("Case"), self)
        case_form = QFormLayout(case_box)
        case_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(case_form, self.tr("S&tage:"), self.stage)
        add_row(case_form, self.tr("&Jurisdiction *:"), self.jurisdiction)
        self.jurisdiction.setAccessibleName(self.tr("Jurisdiction (required)"))
        add_row(case_form, self.tr("&Assigned to:"), self.assigned_to)
        add_row(case_form, self.tr("Team:"), self.team)
        add_row(case_form, self.tr("Co-operation &with police:"), self.cooperation)
        case_form.addRow("", self.cooperation_note)
        add_row(case_form, self.tr("Co-operation notes:"), self.cooperation_notes)
        required = QLabel(self.tr("* required"), self)
        required.setStyleSheet("color: palette(placeholder-text);")
        case_form.addRow("", required)

        content = QWidget(self)
        columns = QHBoxLayout(content)
        columns.addWidget(client_box, 1, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(case_box, 1, Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Client and case details"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _init_tab_order(self) -> None:
        order: list[QWidget] = [
            self.legal_name.edit,
            self.legal_name.reveal_button,
            self.legal_name.copy_button,
            self.pseudonym,
            self.other_names,
            self.preferred_language,
            self.date_of_birth,
            self.minor_at_offences,
            self.interpreter_needed,
            self.interpreter_language,
            self.gender_preference,
            self.pronouns,
            self.nationality,
            self.safe_contact,
            self.source,
            self.stage,
            self.jurisdiction,
            self.assigned_to,
            self.team,
            self.cooperation,
            self.cooperation_notes,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _init_signals(self) -> None:
        self.legal_name.value_changed.connect(self.on_field_changed)
        for line in (
            self.pseudonym,
            self.preferred_language,
            self.date_of_birth,
            self.interpreter_language,
            self.gender_preference,
            self.pronouns,
            self.nationality,
            self.source,
            self.jurisdiction,
            self.assigned_to,
        ):
            line.textChanged.connect(self.on_field_changed)
        for box in (self.other_names, self.safe_contact, self.team, self.cooperation_notes):
            box.textChanged.connect(self.on_field_changed)
        combo: QComboBox
        for combo in (self.minor_at_offences, self.stage, self.cooperation):
            combo.currentIndexChanged.connect(self.on_field_changed)
        self.interpreter_needed.toggled.connect(self.on_interpreter_needed_toggled)

    # --- CaseTab ----------------------------------------------------------------------------

    def load(self, case: Case) -> None:
        """Show ``case``'s client and case-level facts (discarding unsaved edits)."""
        client = case.client
        self._loading = True
        try:
            self.legal_name.set_value(client.legal_name if client else "")
            self.pseudonym.setText(client.pseudonym if client else "")
            self.other_names.set_lines(client.other_names if client else [])
            self.preferred_language.setText((client.preferred_language if client else "") or "")
            self.date_of_birth.set_date(client.date_of_birth if client else None)
            self.minor_at_offences.set_value(client.minor_at_offences if client else None)
            self.interpreter_needed.setChecked(bool(client and client.interpreter_needed))
            self.interpreter_language.setText((client.interpreter_language if client else "") or "")
            self.gender_preference.setText((client.gender_preference if client else "") or "")
            self.pronouns.setText((client.pronouns if client else "") or "")
            self.nationality.setText((client.nationality if client else "") or "")
            self.safe_contact.setPlainText((client.safe_contact if client else "") or "")
            self.source.setText((client.source if client else "") or "")
            self.stage.set_value(case.stage)
            self.jurisdiction.setText(case.jurisdiction)
            self.assigned_to.setText(case.assigned_to or "")
            self.team.set_lines(case.team)
            self.cooperation.set_value(case.cooperation)
            self.cooperation_notes.setPlainText(case.cooperation_notes or "")
        finally:
            self._loading = False
        self.on_interpreter_needed_toggled(self.interpreter_needed.isChecked())
        self._loaded = self._values()
        self.setEnabled(True)
        self._set_dirty(False)

    def refresh_keeping_edits(self, case: Case) -> None:
        """The case changed while this form has edits: keep them (the editor shows a notice)."""

    def has_unsaved_changes(self) -> bool:
        """Whether any field differs from what was loaded."""
        return self._dirty

    def validation_problems(self) -> list[str]:
        """Required fields and a valid date of birth."""
        problems = []
        if not self.legal_name.value().strip():
            problems.append(self.tr("The client's legal name is required."))
        if not self.pseudonym.text().strip():
            problems.append(self.tr("A pseudonym is required."))
        if not self.jurisdiction.text().strip():
            problems.append(self.tr("The case's jurisdiction is required."))
        dob = self.date_of_birth.problem(self.tr("The date of birth"))
        if dob:
            problems.append(dob)
        return problems

    def apply(self, session: Session, case: Case) -> None:
        """Write the form onto ``case`` and its client."""
        values = self._values()
        client: Client | None = case.client
        if client is None:
            client = Client(case_id=case.id, legal_name="", pseudonym="")
            case.client = client
        client.legal_name = values["legal_name"].strip()
        client.pseudonym = values["pseudonym"].strip()
        client.other_names = values["other_names"]
        client.preferred_language = plain(values["preferred_language"])
        client.date_of_birth = self.date_of_birth.date()
        client.minor_at_offences = values["minor_at_offences"]
        client.interpreter_needed = values["interpreter_needed"]
        client.interpreter_language = plain(values["interpreter_language"])
        client.gender_preference = plain(values["gender_preference"])
        client.pronouns = plain(values["pronouns"])
        client.nationality = plain(values["nationality"])
        client.safe_contact = plain(values["safe_contact"])
        client.source = plain(values["source"])
        client.recorded_at = utcnow()
        case.stage = Stage(values["stage"])
        case.jurisdiction = values["jurisdiction"].strip()
        case.assigned_to = plain(values["assigned_to"])
        case.team = values["team"]
        case.cooperation = Cooperation(values["cooperation"])
        case.cooperation_notes = plain(values["cooperation_notes"])

    def clear(self) -> None:
        """Empty every field and hide the legal name again."""
        self._loading = True
        try:
            self.legal_name.set_revealed(False)
            self.legal_name.set_value("")
            for line in (
                self.pseudonym,
                self.preferred_language,
                self.date_of_birth,
                self.interpreter_language,
                self.gender_preference,
                self.pronouns,
                self.nationality,
                self.source,
                self.jurisdiction,
                self.assigned_to,
            ):
                line.clear()
            for box in (self.other_names, self.safe_contact, self.team, self.cooperation_notes):
                box.clear()
            self.minor_at_offences.set_value(None)
            self.interpreter_needed.setChecked(False)
            self.stage.set_value(Stage.INTAKE)
            self.cooperation.set_value(Cooperation.NOT_ASKED)
        finally:
            self._loading = False
        self._loaded = None
        self.setEnabled(False)
        self._set_dirty(False)

    # --- slots ------------------------------------------------------------------------------

    def on_field_changed(self, *_args: object) -> None:
        """Recompute whether the form holds unsaved edits."""
        if self._loading or self._loaded is None:
            return
        self._set_dirty(self._values() != self._loaded)

    def on_interpreter_needed_toggled(self, checked: bool) -> None:
        """The interpreter's language matters only when one is needed."""
        self.interpreter_language.setEnabled(checked)
        self.on_field_changed()

    # --- helpers ----------------------------------------------------------------------------

    def _values(self) -> dict[str, Any]:
        line: QLineEdit
        box: QPlainTextEdit
        values: dict[str, Any] = {"legal_name": self.legal_name.value()}
        for name in (
            "pseudonym",
            "preferred_language",
            "interpreter_language",
            "gender_preference",
            "pronouns",
            "nationality",
            "source",
            "jurisdiction",
            "assigned_to",
        ):
            line = getattr(self, name)
            values[name] = line.text()
        for name in ("safe_contact", "cooperation_notes"):
            box = getattr(self, name)
            values[name] = box.toPlainText()
        dob = self.date_of_birth
        values["date_of_birth"] = dob.date() if dob.is_valid() else dob.text()
        values["other_names"] = self.other_names.lines()
        values["team"] = self.team.lines()
        values["minor_at_offences"] = self.minor_at_offences.value()
        values["interpreter_needed"] = self.interpreter_needed.isChecked()
        values["stage"] = self.stage.value()
        values["cooperation"] = self.cooperation.value()
        return values

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
