"""Form widgets shared by the case-editor tabs: nullable dates, tri-state and enum choices, lists.

Also the labels for the case model's enumerations (translatable), locale formatting of dates and
money, a notice bar, and :class:`RowsModel`, the base of the editor's thin table models.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from redress.desktop.workers import safe_message
from redress.models.errors import NotFoundError
from redress.models.schema import (
    Case,
    Cooperation,
    DeadlineKind,
    Disposition,
    DocumentationKind,
    EntryKind,
    EvidenceKind,
    ExploitationForm,
    OffenceCategory,
    OffenceLevel,
    PartyRole,
    Relationship,
    Stage,
    utcnow,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class Clipboard(Protocol):
    """What the editor needs of the app's sensitive clipboard (cleared later and on lock)."""

    def copy(self, text: str) -> object:
        """Put ``text`` on the clipboard."""


# --- labels -----------------------------------------------------------------------------------

_LABELS: dict[tuple[type[enum.StrEnum], str], str] = {}


def _build_labels() -> dict[tuple[type[enum.StrEnum], str], str]:
    # Literal strings inside full QCoreApplication.translate() calls: lupdate extracts only these.
    pairs: list[tuple[enum.StrEnum, str]] = [
        (Stage.INTAKE, QCoreApplication.translate("EnumLabels", "Intake")),
        (Stage.SCREENING, QCoreApplication.translate("EnumLabels", "Screening")),
        (Stage.DRAFTING, QCoreApplication.translate("EnumLabels", "Drafting")),
        (Stage.FILED, QCoreApplication.translate("EnumLabels", "Filed")),
        (Stage.DECIDED, QCoreApplication.translate("EnumLabels", "Decided")),
        (Stage.CLOSED, QCoreApplication.translate("EnumLabels", "Closed")),
        (ExploitationForm.SEXUAL, QCoreApplication.translate("EnumLabels", "Sexual exploitation")),
        (ExploitationForm.LABOUR, QCoreApplication.translate("EnumLabels", "Forced labour")),
        (
            ExploitationForm.DOMESTIC_SERVITUDE,
            QCoreApplication.translate("EnumLabels", "Domestic servitude"),
        ),
        (
            ExploitationForm.FORCED_CRIMINALITY,
            QCoreApplication.translate("EnumLabels", "Forced criminality"),
        ),
        (
            ExploitationForm.FORCED_BEGGING,
            QCoreApplication.translate("EnumLabels", "Forced begging"),
        ),
        (
            ExploitationForm.FORCED_MARRIAGE,
            QCoreApplication.translate("EnumLabels", "Forced marriage"),
        ),
        (ExploitationForm.OTHER, QCoreApplication.translate("EnumLabels", "Other")),
        (
            Relationship.INTIMATE_PARTNER,
            QCoreApplication.translate("EnumLabels", "Intimate partner"),
        ),
        (Relationship.FAMILY_MEMBER, QCoreApplication.translate("EnumLabels", "Family member")),
        (Relationship.EMPLOYER, QCoreApplication.translate("EnumLabels", "Employer")),
        (Relationship.RECRUITER, QCoreApplication.translate("EnumLabels", "Recruiter")),
        (Relationship.STRANGER, QCoreApplication.translate("EnumLabels", "Stranger")),
        (Relationship.OTHER, QCoreApplication.translate("EnumLabels", "Other")),
        (Relationship.UNKNOWN, QCoreApplication.translate("EnumLabels", "Unknown")),
        (EntryKind.CRIMINAL, QCoreApplication.translate("EnumLabels", "Criminal")),
        (EntryKind.IMMIGRATION, QCoreApplication.translate("EnumLabels", "Immigration")),
        (EntryKind.ADMINISTRATIVE, QCoreApplication.translate("EnumLabels", "Administrative")),
        (EntryKind.CIVIL, QCoreApplication.translate("EnumLabels", "Civil")),
        (OffenceLevel.FELONY, QCoreApplication.translate("EnumLabels", "Felony")),
        (OffenceLevel.MISDEMEANOR, QCoreApplication.translate("EnumLabels", "Misdemeanor")),
        (OffenceLevel.VIOLATION, QCoreApplication.translate("EnumLabels", "Violation")),
        (OffenceLevel.INFRACTION, QCoreApplication.translate("EnumLabels", "Infraction")),
        (OffenceLevel.INDICTABLE, QCoreApplication.translate("EnumLabels", "Indictable")),
        (OffenceLevel.EITHER_WAY, QCoreApplication.translate("EnumLabels", "Either way")),
        (OffenceLevel.SUMMARY, QCoreApplication.translate("EnumLabels", "Summary")),
        (OffenceLevel.ADMINISTRATIVE, QCoreApplication.translate("EnumLabels", "Administrative")),
        (OffenceLevel.IMMIGRATION, QCoreApplication.translate("EnumLabels", "Immigration")),
        (OffenceLevel.CIVIL, QCoreApplication.translate("EnumLabels", "Civil")),
        (OffenceLevel.UNKNOWN, QCoreApplication.translate("EnumLabels", "Unknown")),
        (OffenceCategory.PROSTITUTION, QCoreApplication.translate("EnumLabels", "Prostitution")),
        (OffenceCategory.LOITERING, QCoreApplication.translate("EnumLabels", "Loitering")),
        (OffenceCategory.DRUGS, QCoreApplication.translate("EnumLabels", "Drugs")),
        (
            OffenceCategory.CANNABIS_CULTIVATION,
            QCoreApplication.translate("EnumLabels", "Cannabis cultivation"),
        ),
        (OffenceCategory.THEFT, QCoreApplication.translate("EnumLabels", "Theft")),
        (OffenceCategory.FRAUD, QCoreApplication.translate("EnumLabels", "Fraud")),
        (
            OffenceCategory.FALSE_DOCUMENTS,
            QCoreApplication.translate("EnumLabels", "False documents"),
        ),
        (OffenceCategory.IMMIGRATION, QCoreApplication.translate("EnumLabels", "Immigration")),
        (OffenceCategory.BEGGING, QCoreApplication.translate("EnumLabels", "Begging")),
        (OffenceCategory.TRESPASS, QCoreApplication.translate("EnumLabels", "Trespass")),
        (OffenceCategory.PUBLIC_ORDER, QCoreApplication.translate("EnumLabels", "Public order")),
        (OffenceCategory.WEAPONS, QCoreApplication.translate("EnumLabels", "Weapons")),
        (OffenceCategory.VIOLENCE, QCoreApplication.translate("EnumLabels", "Violence")),
        (
            OffenceCategory.MONEY_LAUNDERING,
            QCoreApplication.translate("EnumLabels", "Money laundering"),
        ),
        (OffenceCategory.TRAFFIC, QCoreApplication.translate("EnumLabels", "Traffic")),
        (OffenceCategory.LICENSING, QCoreApplication.translate("EnumLabels", "Licensing")),
        (OffenceCategory.DEBT, QCoreApplication.translate("EnumLabels", "Debt")),
        (OffenceCategory.OTHER, QCoreApplication.translate("EnumLabels", "Other")),
        (Disposition.PENDING, QCoreApplication.translate("EnumLabels", "Pending")),
        (Disposition.CONVICTED_PLEA, QCoreApplication.translate("EnumLabels", "Convicted (plea)")),
        (
            Disposition.CONVICTED_TRIAL,
            QCoreApplication.translate("EnumLabels", "Convicted (trial)"),
        ),
        (
            Disposition.ADJOURNED,
            QCoreApplication.translate("EnumLabels", "Adjourned in contemplation of dismissal"),
        ),
        (Disposition.DIVERTED, QCoreApplication.translate("EnumLabels", "Diverted")),
        (Disposition.DISMISSED, QCoreApplication.translate("EnumLabels", "Dismissed")),
        (Disposition.ACQUITTED, QCoreApplication.translate("EnumLabels", "Acquitted")),
        (Disposition.CAUTION, QCoreApplication.translate("EnumLabels", "Caution")),
        (Disposition.PENALTY_IMPOSED, QCoreApplication.translate("EnumLabels", "Penalty imposed")),
        (Disposition.REMOVAL_ORDER, QCoreApplication.translate("EnumLabels", "Removal order")),
        (
            Disposition.VOLUNTARY_DEPARTURE,
            QCoreApplication.translate("EnumLabels", "Voluntary departure"),
        ),
        (Disposition.CIVIL_JUDGMENT, QCoreApplication.translate("EnumLabels", "Civil judgment")),
        (Disposition.NO_ACTION, QCoreApplication.translate("EnumLabels", "No action")),
        (Disposition.OTHER, QCoreApplication.translate("EnumLabels", "Other")),
        (Cooperation.YES, QCoreApplication.translate("EnumLabels", "Co-operated")),
        (Cooperation.NO, QCoreApplication.translate("EnumLabels", "Did not co-operate")),
        (Cooperation.DECLINED, QCoreApplication.translate("EnumLabels", "Declined to co-operate")),
        (Cooperation.UNKNOWN, QCoreApplication.translate("EnumLabels", "Unknown")),
        (Cooperation.NOT_ASKED, QCoreApplication.translate("EnumLabels", "Not asked")),
        (DeadlineKind.FILING, QCoreApplication.translate("EnumLabels", "Filing")),
        (DeadlineKind.HEARING, QCoreApplication.translate("EnumLabels", "Hearing")),
        (DeadlineKind.RESPONSE, QCoreApplication.translate("EnumLabels", "Response")),
        (DeadlineKind.LIMITATION, QCoreApplication.translate("EnumLabels", "Limitation period")),
        (DeadlineKind.INTERNAL, QCoreApplication.translate("EnumLabels", "Internal")),
        (DeadlineKind.OTHER, QCoreApplication.translate("EnumLabels", "Other")),
        (EvidenceKind.COURT_RECORD, QCoreApplication.translate("EnumLabels", "Court record")),
        (EvidenceKind.POLICE_REPORT, QCoreApplication.translate("EnumLabels", "Police report")),
        (EvidenceKind.DECLARATION, QCoreApplication.translate("EnumLabels", "Declaration")),
        (EvidenceKind.EXPERT_REPORT, QCoreApplication.translate("EnumLabels", "Expert report")),
        (EvidenceKind.MEDICAL_RECORD, QCoreApplication.translate("EnumLabels", "Medical record")),
        (EvidenceKind.PAY_RECORD, QCoreApplication.translate("EnumLabels", "Pay record")),
        (EvidenceKind.MESSAGES, QCoreApplication.translate("EnumLabels", "Messages")),
        (EvidenceKind.PHOTO, QCoreApplication.translate("EnumLabels", "Photo")),
        (EvidenceKind.WITNESS, QCoreApplication.translate("EnumLabels", "Witness")),
        (
            EvidenceKind.IMMIGRATION_RECORD,
            QCoreApplication.translate("EnumLabels", "Immigration record"),
        ),
        (EvidenceKind.OFFICIAL_LETTER, QCoreApplication.translate("EnumLabels", "Official letter")),
        (EvidenceKind.OTHER, QCoreApplication.translate("EnumLabels", "Other")),
        (PartyRole.TRAFFICKER, QCoreApplication.translate("EnumLabels", "Trafficker")),
        (PartyRole.ASSOCIATE, QCoreApplication.translate("EnumLabels", "Associate")),
        (PartyRole.RECRUITER, QCoreApplication.translate("EnumLabels", "Recruiter")),
        (PartyRole.EMPLOYER, QCoreApplication.translate("EnumLabels", "Employer")),
        (PartyRole.CONTROLLER, QCoreApplication.translate("EnumLabels", "Controller")),
        (PartyRole.OTHER, QCoreApplication.translate("EnumLabels", "Other")),
        (DocumentationKind.T_VISA, QCoreApplication.translate("EnumLabels", "T visa")),
        (
            DocumentationKind.T_VISA_BONA_FIDE,
            QCoreApplication.translate("EnumLabels", "T visa bona fide determination"),
        ),
        (
            DocumentationKind.CONTINUED_PRESENCE,
            QCoreApplication.translate("EnumLabels", "Continued presence"),
        ),
        (
            DocumentationKind.HHS_CERTIFICATION,
            QCoreApplication.translate("EnumLabels", "HHS certification letter"),
        ),
        (
            DocumentationKind.HHS_ELIGIBILITY,
            QCoreApplication.translate("EnumLabels", "HHS eligibility letter"),
        ),
        (
            DocumentationKind.LAW_ENFORCEMENT_DECLARATION,
            QCoreApplication.translate("EnumLabels", "Law-enforcement declaration"),
        ),
        (DocumentationKind.U_VISA, QCoreApplication.translate("EnumLabels", "U visa")),
        (
            DocumentationKind.NRM_REASONABLE_GROUNDS,
            QCoreApplication.translate("EnumLabels", "NRM reasonable grounds"),
        ),
        (
            DocumentationKind.NRM_CONCLUSIVE_GROUNDS,
            QCoreApplication.translate("EnumLabels", "NRM conclusive grounds"),
        ),
        (
            DocumentationKind.COURT_FINDING,
            QCoreApplication.translate("EnumLabels", "Court finding"),
        ),
        (
            DocumentationKind.SERVICE_PROVIDER_LETTER,
            QCoreApplication.translate("EnumLabels", "Service-provider letter"),
        ),
        (
            DocumentationKind.NATIONAL_IDENTIFICATION,
            QCoreApplication.translate("EnumLabels", "National identification"),
        ),
        (DocumentationKind.OTHER, QCoreApplication.translate("EnumLabels", "Other")),
    ]
    return {(type(member), member.value): label for member, label in pairs}


def enum_label(member: enum.StrEnum) -> str:
    """The translated label of a case-model enumeration member (its value if none is known)."""
    if not _LABELS:
        _LABELS.update(_build_labels())
    return _LABELS.get((type(member), member.value), member.value)


def reset_labels() -> None:
    """Forget cached labels (call after installing a different translator)."""
    _LABELS.clear()


# --- locale formatting ------------------------------------------------------------------------


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format, always with a four-digit year."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = re.sub(r"y+", "yyyy", fmt)
    return fmt


def format_date(value: dt.date | None, locale: QLocale | None = None) -> str:
    """A date in the user's locale (four-digit year); empty for none."""
    if value is None:
        return ""
    loc = locale or QLocale()
    return loc.toString(QDate(value.year, value.month, value.day), date_format(loc))


def parse_date(text: str, locale: QLocale | None = None) -> dt.date | None:
    """Parse a date typed in the locale's short format or ISO 8601.

    Raises:
        ValueError: the text is not a valid date (empty text is not an error; it gives None).
    """
    text = text.strip()
    if not text:
        return None
    for fmt in (date_format(locale), "yyyy-MM-dd"):
        parsed = QDate.fromString(text, fmt)
        if parsed.isValid() and parsed.year() >= 1000:
            value = parsed.toPython()
            assert isinstance(value, dt.date)
            return value
    raise ValueError("not a date")


def format_datetime(value: dt.datetime, locale: QLocale | None = None) -> str:
    """A timestamp in local time, in the user's locale."""
    loc = locale or QLocale()
    local = value.astimezone()
    clock = loc.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{format_date(local.date(), loc)} {clock}"


def format_decimal(value: Decimal, locale: QLocale | None = None) -> str:
    """An exact decimal in the user's locale (no float on the way)."""
    loc = locale or QLocale()
    sign, digits_part = ("-", str(-value)) if value < 0 else ("", str(value))
    whole, _, frac = digits_part.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = loc.groupSeparator().join(groups)
    if frac:
        text += loc.decimalPoint() + frac
    return sign + text


def parse_decimal(text: str, locale: QLocale | None = None) -> Decimal | None:
    """Parse an amount typed in the user's locale (or with a plain ``.``) as an exact Decimal.

    Raises:
        ValueError: the text is not a plain non-negative number.
    """
    loc = locale or QLocale()
    text = "".join(text.split())
    if not text:
        return None
    point, group = loc.decimalPoint(), loc.groupSeparator()
    if group and group != point:
        text = text.replace(group, "")
    text = text.replace(point, ".")
    if not re.fullmatch(r"\d+(\.\d+)?", text):
        raise ValueError("not an amount")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern already excludes this
        raise ValueError("not an amount") from None


def plain(text: str) -> str | None:
    """Stripped text, or None when blank (what optional text columns store)."""
    text = text.strip()
    return text or None


# --- transactions -----------------------------------------------------------------------------


def case_in(session: Session, case_id: str) -> Case:
    """The case in ``session``, marked as updated now (every tab's write goes through here).

    Raises:
        NotFoundError: the case was deleted meanwhile.
    """
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError(
            QCoreApplication.translate("Errors", "this case no longer exists in the vault")
        )
    case.updated_at = utcnow()
    return case


# --- small form widgets -----------------------------------------------------------------------


def label_for(text: str, buddy: QWidget, parent: QWidget | None = None) -> QLabel:
    """A label with a mnemonic whose buddy is ``buddy``; names ``buddy`` for assistive tech."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    if not buddy.accessibleName():
        buddy.setAccessibleName(text.replace("&", "").rstrip(":"))
    return label


def add_row(form: QFormLayout, text: str, field: QWidget, buddy: QWidget | None = None) -> QLabel:
    """Add a labelled row to ``form`` (the label's buddy is ``buddy`` or ``field``)."""
    label = label_for(text, buddy or field)
    form.addRow(label, field)
    form.setHorizontalSpacing(max(form.horizontalSpacing(), 12))
    return label


class DateField(QLineEdit):
    """A date that may be empty: accepts only a valid date or nothing.

    Dates are typed in the user's locale (shown as a placeholder example) or as ISO 8601; on
    leaving the field a valid date is rewritten in the locale's format, and an invalid one is
    marked (with text, not colour alone) and reported by :meth:`problem`.

    Signals:
        date_changed(): the text changed (valid or not).
    """

    date_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        example = format_date(dt.date(1990, 12, 31))
        self.setPlaceholderText(self.tr("e.g. %1").replace("%1", example))
        self.setToolTip(self.tr("A date such as %1, or empty when unknown").replace("%1", example))
        self.setMaxLength(24)
        self.textChanged.connect(self.on_text_changed)
        self.editingFinished.connect(self.on_editing_finished)

    def date(self) -> dt.date | None:
        """The date typed (None when empty or invalid; see :meth:`is_valid`)."""
        try:
            return parse_date(self.text())
        except ValueError:
            return None

    def set_date(self, value: dt.date | None) -> None:
        """Show ``value`` (None empties the field)."""
        self.setText(format_date(value))

    def is_valid(self) -> bool:
        """Whether the field holds a valid date or nothing."""
        try:
            parse_date(self.text())
        except ValueError:
            return False
        return True

    def problem(self, what: str) -> str | None:
        """A message naming ``what`` if the text is not a valid date."""
        if self.is_valid():
            return None
        return (
            self.tr("%1 is not a valid date (for example %2).")
            .replace("%1", what)
            .replace("%2", format_date(dt.date(1990, 12, 31)))
        )

    def on_text_changed(self, _text: str) -> None:
        """Mark an invalid date while typing."""
        valid = self.is_valid()
        self.setProperty("invalid", not valid)
        self.setStyleSheet("" if valid else "QLineEdit { border: 2px solid #b3261e; }")
        self.setAccessibleDescription("" if valid else self.tr("Not a valid date"))
        self.date_changed.emit()

    def on_editing_finished(self) -> None:
        """Rewrite a valid date in the locale's format."""
        value = self.date()
        if value is not None:
            formatted = format_date(value)
            if formatted != self.text():
                self.setText(formatted)


class TriStateCombo(QComboBox):
    """Yes / No / Unknown, for a ``bool | None`` fact."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("Unknown"), None)
        self.addItem(self.tr("Yes"), True)
        self.addItem(self.tr("No"), False)

    def value(self) -> bool | None:
        """The choice (None for unknown)."""
        data = self.currentData()
        return data if isinstance(data, bool) else None

    def set_value(self, value: bool | None) -> None:
        """Select ``value``."""
        self.setCurrentIndex({None: 0, True: 1, False: 2}[value])


class EnumCombo(QComboBox):
    """A choice among the members of a case-model enumeration, shown with translated labels.

    With ``placeholder`` the combo starts with no choice, for a required field.
    """

    def __init__(
        self,
        members: type[enum.StrEnum],
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._members = members
        for member in members:
            self.addItem(enum_label(member), member.value)
        if placeholder:
            self.setPlaceholderText(placeholder)
            self.setCurrentIndex(-1)

    def value(self) -> str | None:
        """The chosen member's value (None when nothing is chosen)."""
        data = self.currentData()
        return data if isinstance(data, str) else None

    def set_value(self, value: str | None) -> None:
        """Select the member with ``value`` (None clears the choice)."""
        self.setCurrentIndex(-1 if value is None else self.findData(str(value)))


class LinesEdit(QPlainTextEdit):
    """A short list of strings, one per line (Tab moves on rather than typing a tab)."""

    def __init__(self, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setFixedHeight(height)

    def lines(self) -> list[str]:
        """The non-blank lines, stripped."""
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def set_lines(self, values: Sequence[str]) -> None:
        """Show ``values``, one per line."""
        self.setPlainText("\n".join(values))


class TextBox(QPlainTextEdit):
    """A free-text box in a form (Tab moves on; the text is kept exactly as typed).

    With ``fixed`` it is exactly ``lines`` high; otherwise at least that and free to grow.
    """

    def __init__(self, parent: QWidget | None = None, lines: int = 3, fixed: bool = False) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        if fixed:
            self.setFixedHeight(height)
        else:
            self.setMinimumHeight(height)


class SecretField(QWidget):
    """A sensitive text field (the legal name) hidden behind a reveal toggle.

    Until revealed, the line edit is read-only and shows a fixed mask, so neither the value nor
    its length is on screen or exposed to assistive technology; the value is kept aside.

    Signals:
        value_changed(): the value changed (typed while revealed, or set).
        revealed_changed(bool): the field was revealed or hidden.
    """

    MASK = "••••••••"
    value_changed = Signal()
    revealed_changed = Signal(bool)

    def __init__(
        self,
        reveal_text: str,
        hide_text: str,
        clipboard: Clipboard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._value = ""
        self._revealed = False
        self._reveal_text = reveal_text
        self._hide_text = hide_text
        self._clipboard = clipboard
        self.edit = QLineEdit(self)
        self.reveal_button = QPushButton(reveal_text, self)
        self.reveal_button.setCheckable(True)
        self.reveal_button.setAccessibleName(reveal_text.replace("&", ""))
        self.copy_button = QPushButton(self.tr("Cop&y"), self)
        self.copy_button.setAccessibleName(self.tr("Copy to the clipboard"))
        self.copy_button.setToolTip(
            self.tr("Copy to the clipboard (cleared again automatically after a short time)")
        )
        self.copy_button.setVisible(clipboard is not None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.reveal_button)
        layout.addWidget(self.copy_button)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self.on_edit_text_edited)
        self.reveal_button.toggled.connect(self.on_reveal_button_toggled)
        self.copy_button.clicked.connect(self.on_copy_button_clicked)
        self._show()

    def value(self) -> str:
        """The value, revealed or not."""
        return self._value

    def set_value(self, value: str) -> None:
        """Set the value (shown only if revealed)."""
        self._value = value
        self._show()
        self.value_changed.emit()

    def is_revealed(self) -> bool:
        """Whether the value is on screen."""
        return self._revealed

    def set_revealed(self, revealed: bool) -> None:
        """Reveal or hide the value."""
        self.reveal_button.setChecked(revealed)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        """Name the line edit (where focus goes) as well as the container."""
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def on_reveal_button_toggled(self, checked: bool) -> None:
        """Show or hide the value."""
        self._revealed = checked
        label = self._hide_text if checked else self._reveal_text
        self.reveal_button.setText(label)
        self.reveal_button.setAccessibleName(label.replace("&", ""))
        self._show()
        self.revealed_changed.emit(checked)

    def on_edit_text_edited(self, text: str) -> None:
        """Keep the value in step with what is typed while revealed."""
        if self._revealed:
            self._value = text
            self.value_changed.emit()

    def on_copy_button_clicked(self) -> None:
        """Copy the value through the app's sensitive clipboard."""
        if self._clipboard is not None and self._value:
            self._clipboard.copy(self._value)

    def _show(self) -> None:
        if self._revealed:
            self.edit.setReadOnly(False)
            self.edit.setText(self._value)
            self.edit.setPlaceholderText("")
        else:
            self.edit.setReadOnly(True)
            self.edit.setText(self.MASK if self._value else "")
            self.edit.setPlaceholderText(self.tr("(hidden)"))


class NoticeBar(QFrame):
    """A bar above the tabs with a message, an icon and optional buttons (not colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("NoticeBar")
        self.setStyleSheet(
            "#NoticeBar { background: #fff4ce; border: 1px solid #c19c00; border-radius: 3px; }"
        )
        self.icon = QLabel(self)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(icon.pixmap(20, 20))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(self.message, 1)
        self.setAccessibleName(self.tr("Notice"))
        self.hide()

    def add_button(self, button: QPushButton | QToolButton) -> None:
        """Add an action button on the right."""
        self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

    def show_message(self, text: str) -> None:
        """Show the bar with ``text``."""
        self.message.setText(text)
        self.setAccessibleDescription(text)
        self.show()

    def dismiss(self) -> None:
        """Hide the bar and forget its text."""
        self.message.clear()
        self.setAccessibleDescription("")
        self.hide()


def wipe_texts(widget: QWidget) -> None:
    """Empty every text field and label under ``widget`` (before it is discarded)."""
    for line in widget.findChildren(QLineEdit):
        line.clear()
    for box in widget.findChildren(QPlainTextEdit):
        box.clear()


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    """A modal question with Yes/No (No is the default)."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


# --- tables -----------------------------------------------------------------------------------


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of detached rows; subclasses say how a cell looks.

    A thin adapter (STYLE.md practice 3): the rows come from a loaded case; edits go through the
    tab's dialogs and a transaction, never through the model.

    Attributes:
        headers: the column titles (set by the subclass, translated).
    """

    headers: Sequence[str] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows`` (a fresh list from the loaded case)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        """Show nothing (and keep no reference to case data)."""
        self.set_rows([])

    def row_at(self, index: AnyIndex) -> Any:
        """The row behind ``index`` (None if invalid)."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rows(self) -> list[Any]:
        """Every row shown."""
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Rows (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Columns."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell, through :meth:`cell`."""
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self.headers):
            return None
        return self.cell(row, index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role`` (None for nothing)."""
        raise NotImplementedError


class RowsEditor(QWidget):
    """A table with Add / Edit / Remove buttons and their shortcuts (Insert, Enter/F2, Delete).

    Signals:
        add_requested(): the user asked to add a row.
        edit_requested(object): the user asked to edit a row (the row object).
        remove_requested(object): the user asked to remove a row (the row object).
    """

    add_requested = Signal()
    edit_requested = Signal(object)
    remove_requested = Signal(object)

    def __init__(
        self,
        model: RowsModel,
        name: str,
        noun: str,
        parent: QWidget | None = None,
        stretch_column: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._stretch_column = stretch_column
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setAccessibleName(name)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(self.on_view_double_clicked)
        self.add_button = QPushButton(self.tr("&Add %1…").replace("%1", noun), self)
        self.add_button.setAccessibleName(self.tr("Add %1").replace("%1", noun))
        self.add_button.setToolTip(self.tr("Add (Insert)"))
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setAccessibleName(self.tr("Edit the selected %1").replace("%1", noun))
        self.edit_button.setToolTip(self.tr("Edit the selected row (Enter or F2)"))
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected %1").replace("%1", noun))
        self.remove_button.setToolTip(self.tr("Remove the selected row (Delete)"))
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.edit_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        self._add_shortcut(QKeySequence(Qt.Key.Key_Insert), self.add_requested.emit, self)
        self._add_shortcut(QKeySequence(Qt.Key.Key_F2), self.on_edit_button_clicked, self.view)
        self._add_shortcut(QKeySequence(Qt.Key.Key_Return), self.on_edit_button_clicked, self.view)
        self._add_shortcut(
            QKeySequence(Qt.Key.Key_Delete), self.on_remove_button_clicked, self.view
        )
        model.modelReset.connect(self.on_model_reset)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.on_selection_changed()

    def _add_shortcut(self, keys: QKeySequence, slot: Callable[[], object], on: QWidget) -> None:
        action = QAction(on)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        on.addAction(action)

    def current(self) -> Any:
        """The selected row object (None if none)."""
        return self.model.row_at(self.view.currentIndex())

    def select_row(self, row: int) -> None:
        """Select and show ``row``."""
        index = self.model.index(row, 0)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.selectRow(row)

    def on_view_double_clicked(self, _index: QModelIndex) -> None:
        """Edit the row double-clicked."""
        self.on_edit_button_clicked()

    def on_edit_button_clicked(self) -> None:
        """Ask to edit the selected row."""
        row = self.current()
        if row is not None:
            self.edit_requested.emit(row)

    def on_remove_button_clicked(self) -> None:
        """Ask to remove the selected row."""
        row = self.current()
        if row is not None:
            self.remove_requested.emit(row)

    def on_model_reset(self) -> None:
        """Fit the columns to the new rows and update the buttons."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column == self._stretch_column:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif header.sectionSize(column) > 240:
                header.resizeSection(column, 240)
        self.on_selection_changed()

    def on_selection_changed(self, *_args: object) -> None:
        """Enable Edit and Remove only with a selection."""
        has = self.current() is not None and self.view.selectionModel().hasSelection()
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)


class CommitDialog(QDialog):
    """A dialog whose OK validates, commits in one transaction, and closes only if that worked.

    Subclasses set ``_commit`` (called with :meth:`values`), build their fields, create
    ``problem_label`` with :meth:`_make_problem_label`, and implement :meth:`problems`.

    Attributes:
        problem_label: where validation and commit problems are shown.
    """

    problem_label: QLabel
    _commit: Callable[[Any], None]

    def _make_problem_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("color: #b3261e;")
        label.setAccessibleName(self.tr("Problems"))
        label.hide()
        return label

    def problems(self) -> list[tuple[QWidget, str]]:
        """Each invalid field with why (empty when the values can be saved)."""
        raise NotImplementedError

    def values(self) -> Any:
        """The values to commit."""
        raise NotImplementedError

    def accept(self) -> None:
        """Validate, commit in one transaction, and close only if that worked."""
        found = self.problems()
        if found:
            self._show_problems([message for _field, message in found])
            found[0][0].setFocus()
            return
        try:
            self._commit(self.values())
        except Exception as exc:  # shown to the user; the dialog stays open with the edits
            self._show_problems([safe_message(exc)])
            return
        super().accept()

    def _show_problems(self, messages: list[str]) -> None:
        text = "\n".join(f"⚠ {m}" for m in messages)
        self.problem_label.setText(text)
        self.problem_label.setAccessibleDescription(text)
        self.problem_label.show()
