"""The Adverse parties tab: traffickers and associates, and a conflict check across the vault.

Each OK in the party dialog and each confirmed removal is one transaction. After each change,
and on request (Ctrl+Shift+K), the names of this case (every party's name and variants, the
client's legal and other names) are compared in a worker thread with every client and adverse
party of the other cases (:mod:`redress.models.conflicts`). A possible conflict names the other
case by reference and pseudonym only; its matched name appears only when the user reveals it,
and each reveal is recorded in the audit log of the other case.
"""

from __future__ import annotations

import enum
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.base import CaseTab
from redress.desktop.editor.widgets import (
    CommitDialog,
    EnumCombo,
    LinesEdit,
    RowsEditor,
    RowsModel,
    TextBox,
    ask_yes_no,
    case_in,
    enum_label,
    label_for,
    plain,
    wipe_texts,
)
from redress.desktop.workers import Operation, ProgressFn, safe_message
from redress.models import audit
from redress.models.conflicts import (
    ConflictHit,
    MatchedField,
    MatchKind,
    MatchRole,
    check_conflicts,
    reveal_match,
)
from redress.models.errors import NotFoundError
from redress.models.schema import AdverseParty, Case, PartyRole, Relationship, utcnow


class PartiesModel(RowsModel):
    """The case's adverse parties, one per row (a thin adapter over detached rows)."""

    NAME, VARIANTS, ROLE, RELATIONSHIP = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            self.tr("Name"),
            self.tr("Name variants"),
            self.tr("Role"),
            self.tr("Relationship to the client"),
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        """Text of each column; all variants and the notes as tooltips."""
        party: AdverseParty = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.NAME:
                return party.name
            if column == self.VARIANTS:
                return "; ".join(party.name_variants)
            if column == self.ROLE:
                return enum_label(party.role)
            return enum_label(party.relationship_to_client)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.VARIANTS and party.name_variants:
                return "\n".join(party.name_variants)
            if column == self.NAME and party.notes:
                return party.notes
        return None


@dataclass(frozen=True)
class PartyValues:
    """What the party dialog collected (validated).

    Attributes:
        name: the name the party is known by.
        variants: other spellings, aliases and nicknames (no duplicates, not the name itself).
        role: the party's role.
        relationship: the party's relationship to the client.
        notes: free notes.
    """

    name: str
    variants: list[str]
    role: PartyRole
    relationship: Relationship
    notes: str | None

    def apply_to(self, party: AdverseParty) -> None:
        """Copy the values onto ``party``."""
        party.name = self.name
        party.name_variants = list(self.variants)
        party.role = self.role
        party.relationship_to_client = self.relationship
        party.notes = self.notes
        party.recorded_at = utcnow()


class PartyDialog(CommitDialog):
    """Add or edit one adverse party.

    OK runs ``commit`` with the values; the dialog closes only if that succeeded.

    Attributes:
        name: the name (required).
        variants: name variants, one per line.
        role: the party's role.
        relationship: the relationship to the client.
        notes: free notes.
        problem_label: where validation problems (or a failed save) are shown.
    """

    def __init__(
        self,
        commit: Callable[[PartyValues], None],
        party: AdverseParty | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._commit = commit
        self.setWindowTitle(
            self.tr("Edit adverse party") if party is not None else self.tr("Add adverse party")
        )
        self.setModal(True)
        self._init_fields()
        self._init_layout()
        self._init_tab_order()
        if party is not None:
            self._show_party(party)
        self.resize(560, 460)

    # --- construction -----------------------------------------------------------------------

    def _init_fields(self) -> None:
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("The name the person or business is known by"))
        self.variants = LinesEdit(self, lines=4)
        self.variants.setPlaceholderText(
            self.tr("Other spellings, aliases and nicknames, one per line")
        )
        self.role = EnumCombo(PartyRole, parent=self)
        self.role.set_value(PartyRole.TRAFFICKER)
        self.relationship = EnumCombo(Relationship, parent=self)
        self.relationship.set_value(Relationship.UNKNOWN)
        self.notes = TextBox(self, lines=4)
        self.problem_label = self._make_problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _init_layout(self) -> None:
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.addRow(label_for(self.tr("&Name *:"), self.name), self.name)
        self.name.setAccessibleName(self.tr("Name (required)"))
        form.addRow(label_for(self.tr("Name &variants:"), self.variants), self.variants)
        form.addRow(label_for(self.tr("&Role:"), self.role), self.role)
        form.addRow(
            label_for(self.tr("Relationship to the &client:"), self.relationship),
            self.relationship,
        )
        form.addRow(label_for(self.tr("N&otes:"), self.notes), self.notes)
        hint = QLabel(
            self.tr(
                "Every name and variant is checked against the clients and adverse parties of "
                "the other cases in this vault."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(hint)
        layout.addWidget(QLabel(self.tr("* required"), self))
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

    def _init_tab_order(self) -> None:
        order: list[QWidget] = [
            self.name,
            self.variants,
            self.role,
            self.relationship,
            self.notes,
            self.buttons,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _show_party(self, party: AdverseParty) -> None:
        self.name.setText(party.name)
        self.variants.set_lines(party.name_variants)
        self.role.set_value(party.role)
        self.relationship.set_value(party.relationship_to_client)
        self.notes.setPlainText(party.notes or "")

    # --- validation -------------------------------------------------------------------------

    def problems(self) -> list[tuple[QWidget, str]]:
        """What stops the party from being saved, each with the field to fix."""
        if not self.name.text().strip():
            return [(self.name, self.tr("The name is required."))]
        return []

    def values(self) -> PartyValues:
        """The validated values (call only when :meth:`problems` is empty)."""
        name = " ".join(self.name.text().split())
        variants: list[str] = []
        seen = {name.casefold()}
        for line in self.variants.lines():
            variant = " ".join(line.split())
            if variant.casefold() not in seen:
                seen.add(variant.casefold())
                variants.append(variant)
        return PartyValues(
            name=name,
            variants=variants,
            role=PartyRole(self.role.value() or PartyRole.OTHER),
            relationship=Relationship(self.relationship.value() or Relationship.UNKNOWN),
            notes=plain(self.notes.toPlainText()),
        )


# --- the conflict check -----------------------------------------------------------------------


class SourceKind(enum.Enum):
    """Which name of this case a checked name is."""

    PARTY = "party"
    VARIANT = "variant"
    CLIENT = "client"
    CLIENT_OTHER = "client_other"


@dataclass(frozen=True)
class NameSource:
    """Where a checked name comes from in this case.

    Attributes:
        kind: a party's name, a party's variant, or one of the client's names.
        party_name: the adverse party's name (empty for the client).
        text: the checked name itself.
    """

    kind: SourceKind
    party_name: str
    text: str


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one conflict check.

    Attributes:
        sources: the names checked, in order (``ConflictHit.input_index`` points here).
        hits: the possible conflicts.
        other_cases: how many other cases the names were compared with.
    """

    sources: list[NameSource]
    hits: list[ConflictHit]
    other_cases: int


def case_names(case: Case) -> list[NameSource]:
    """The names of ``case`` to check: parties and variants first, then the client's names."""
    sources: list[NameSource] = []
    for party in sorted(case.adverse_parties, key=lambda p: p.position):
        sources.append(NameSource(SourceKind.PARTY, party.name, party.name))
        sources += [NameSource(SourceKind.VARIANT, party.name, v) for v in party.name_variants]
    if case.client is not None:
        sources.append(NameSource(SourceKind.CLIENT, "", case.client.legal_name))
        sources += [NameSource(SourceKind.CLIENT_OTHER, "", n) for n in case.client.other_names]
    return sources


def run_conflict_check(session: Session, case_id: str) -> CheckResult:
    """Check every name of a case against the other cases (runs in a worker thread).

    Raises:
        NotFoundError: the case no longer exists.
    """
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError(
            QCoreApplication.translate("Errors", "this case no longer exists in the vault")
        )
    sources = case_names(case)
    hits = check_conflicts(session, [s.text for s in sources], exclude_case_id=case_id)
    others = session.scalar(select(func.count()).select_from(Case).where(Case.id != case_id))
    return CheckResult(sources, hits, int(others or 0))


@dataclass
class ConflictRow:
    """One possible conflict as shown: the hit, the name of this case, and a revealed name.

    Attributes:
        hit: the match (no matched name).
        source: which name of this case matched.
        revealed: the matched name, once the user asked to see it (None while hidden).
    """

    hit: ConflictHit
    source: NameSource
    revealed: str | None = field(default=None)


class ConflictsModel(RowsModel):
    """The possible conflicts of the last check; matched names hidden until revealed."""

    MESSAGE, MATCHED, REVEAL = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("Possible conflict"), self.tr("Matched name"), "")

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The message, the matched name (or that it is hidden), and the reveal column."""
        conflict: ConflictRow = row
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            if column == self.MESSAGE:
                return self.message(conflict)
            if column == self.MATCHED:
                if conflict.revealed is None:
                    return self.tr("hidden")
                return f"{conflict.revealed} ({self.field_label(conflict.hit.matched_field)})"
            return ""
        return None

    def set_revealed(self, row: int, name: str | None) -> None:
        """Show (or hide again, with None) the matched name of ``row``."""
        rows = self.rows()
        if 0 <= row < len(rows):
            rows[row].revealed = name
            index = self.index(row, self.MATCHED)
            self.dataChanged.emit(index, index)

    def message(self, conflict: ConflictRow) -> str:
        """The sentence for a row: which name here matches whom there, and how."""
        hit, source = conflict.hit, conflict.source
        if source.kind is SourceKind.PARTY:
            ours = self.tr("adverse party “%1”").replace("%1", source.text)
        elif source.kind is SourceKind.VARIANT:
            ours = (
                self.tr("“%1”, a name variant of adverse party “%2”")
                .replace("%1", source.text)
                .replace("%2", source.party_name)
            )
        elif source.kind is SourceKind.CLIENT:
            ours = self.tr("this case's client")
        else:
            ours = self.tr("another name of this case's client")
        if hit.role is MatchRole.CLIENT:
            theirs = self.tr("the client of %1 (%2)")
        else:
            theirs = self.tr("an adverse party (%3) of %1 (%2)").replace(
                "%3", enum_label(hit.party_role or PartyRole.OTHER).lower()
            )
        theirs = theirs.replace("%1", hit.reference).replace("%2", hit.pseudonym)
        return (
            self.tr("Possible conflict: %1 matches %2 — %3")
            .replace("%1", ours)
            .replace("%2", theirs)
            .replace("%3", self.kind_label(hit.kind))
        )

    def kind_label(self, kind: MatchKind) -> str:
        """How the names match, in words."""
        return {
            MatchKind.EXACT: self.tr("the same name"),
            MatchKind.NAME_ORDER: self.tr("the same name in another order"),
            MatchKind.SIMILAR: self.tr("similar spelling"),
        }[kind]

    def field_label(self, matched: MatchedField) -> str:
        """Which field of the other case matched, in words."""
        return {
            MatchedField.LEGAL_NAME: self.tr("legal name"),
            MatchedField.PSEUDONYM: self.tr("pseudonym"),
            MatchedField.OTHER_NAME: self.tr("other name"),
            MatchedField.PARTY_NAME: self.tr("name"),
            MatchedField.NAME_VARIANT: self.tr("name variant"),
        }[matched]


class PartiesTab(CaseTab):
    """The adverse parties table with Add / Edit / Remove, and the conflict check.

    Attributes:
        title: the tab's label.
        audit_part: empty: every change here is audited on its own.
        model: the parties.
        rows: the parties table and its buttons.
        conflicts_model: the possible conflicts of the last check.
        conflicts_view: the table of possible conflicts (with a Reveal button per row).
        check_button: runs the check (Ctrl+Shift+K).
        check_status: what the last check found, or that one is running.
        dialog: the party dialog currently open (None if none).
        confirm_remove: asks whether to remove (replaceable in tests); gets the question.
        check_operation: the running check (None if none).
    """

    audit_part = ""

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title = self.tr("Adverse parties")
        self._case_id = ""
        self._generation = 0
        self._checking = -1
        self.dialog: PartyDialog | None = None
        self.check_operation: Operation | None = None
        self.confirm_remove: Callable[[str], bool] = lambda question: ask_yes_no(
            self, self.tr("Remove adverse party"), question
        )
        self._init_parties()
        self._init_conflicts()
        self._init_layout()
        self._init_actions()
        self.setEnabled(False)

    # --- construction -----------------------------------------------------------------------

    def _init_parties(self) -> None:
        self.model = PartiesModel(self)
        self.rows = RowsEditor(
            self.model,
            self.tr("Adverse parties"),
            self.tr("party"),
            self,
            stretch_column=PartiesModel.VARIANTS,
        )
        self.rows.add_requested.connect(self.on_rows_add_requested)
        self.rows.edit_requested.connect(self.on_rows_edit_requested)
        self.rows.remove_requested.connect(self.on_rows_remove_requested)

    def _init_conflicts(self) -> None:
        self.check_button = QPushButton(self.tr("Chec&k conflicts"), self)
        self.check_button.setAccessibleName(self.tr("Check conflicts"))
        self.check_button.setToolTip(
            self.tr(
                "Compare this case's names with every client and adverse party of the other "
                "cases (Ctrl+Shift+K)"
            )
        )
        self.check_button.clicked.connect(self.on_check_button_clicked)
        self.check_status = QLabel(self)
        self.check_status.setWordWrap(True)
        self.check_status.setTextFormat(Qt.TextFormat.PlainText)
        self.check_status.setAccessibleName(self.tr("Conflict check status"))
        self.conflicts_model = ConflictsModel(self)
        self.conflicts_view = QTableView(self)
        self.conflicts_view.setModel(self.conflicts_model)
        self.conflicts_view.setAccessibleName(self.tr("Possible conflicts"))
        self.conflicts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts_view.setWordWrap(True)
        self.conflicts_view.setAlternatingRowColors(True)
        self.conflicts_view.verticalHeader().setVisible(False)
        header = self.conflicts_view.horizontalHeader()
        header.setSectionResizeMode(ConflictsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ConflictsModel.MATCHED, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ConflictsModel.REVEAL, QHeaderView.ResizeMode.Fixed)
        self.conflicts_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.reveal_buttons: list[QPushButton] = []
        self._show_status(self.tr("Not checked yet."))

    def _init_layout(self) -> None:
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.rows)
        box = QGroupBox(self.tr("Conflict check"), self)
        status_row = QHBoxLayout()
        status_row.addWidget(self.check_status, 1)
        status_row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(status_row)
        box_layout.addWidget(self.conflicts_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.rows.view, self.rows.add_button)
        QWidget.setTabOrder(self.rows.add_button, self.rows.edit_button)
        QWidget.setTabOrder(self.rows.edit_button, self.rows.remove_button)
        QWidget.setTabOrder(self.rows.remove_button, self.check_button)
        QWidget.setTabOrder(self.check_button, self.conflicts_view)

    def _init_actions(self) -> None:
        self.check_action = QAction(self.tr("Check conflicts"), self)
        self.check_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.check_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.check_action.triggered.connect(self.on_check_button_clicked)
        self.addAction(self.check_action)
        self.reveal_action = QAction(self.tr("Reveal or hide the matched name"), self)
        self.reveal_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.reveal_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reveal_action.triggered.connect(self.on_reveal_action_triggered)
        self.conflicts_view.addAction(self.reveal_action)

    # --- CaseTab ----------------------------------------------------------------------------

    def load(self, case: Case) -> None:
        """Show the case's parties; a previous check is kept only for the same case."""
        current = self.rows.current()
        if case.id != self._case_id:
            self._forget_check()
            self._show_status(
                self.tr(
                    "Not checked yet. The check runs after each change here, or with "
                    "Check conflicts."
                )
            )
        self._case_id = case.id
        self.model.set_rows(sorted(case.adverse_parties, key=lambda p: p.position))
        if current is not None:
            ids = [p.id for p in self.model.rows()]
            if current.id in ids:
                self.rows.select_row(ids.index(current.id))
        self.setEnabled(True)

    def clear(self) -> None:
        """Close any open dialog, drop the check (and any revealed name), show nothing."""
        self._close_dialog()
        self._forget_check()
        self.model.clear()
        self._case_id = ""
        self._show_status(self.tr("Not checked yet."))
        self.setEnabled(False)

    # --- parties ----------------------------------------------------------------------------

    def on_rows_add_requested(self) -> None:
        """Open the dialog for a new party."""
        self._open_dialog(None)

    def on_rows_edit_requested(self, party: AdverseParty) -> None:
        """Open the dialog on ``party``."""
        self._open_dialog(party)

    def on_rows_remove_requested(self, party: AdverseParty) -> None:
        """Remove ``party`` after confirmation, in one transaction."""
        question = self.tr("Remove the adverse party “%1” and its name variants?").replace(
            "%1", party.name
        )
        if not self.confirm_remove(question):
            return
        case_id, party_id = self._case_id, party.id

        def remove(session: Session) -> None:
            case_in(session, case_id)
            row = session.get(AdverseParty, party_id)
            if row is None or row.case_id != case_id:
                raise NotFoundError(
                    QCoreApplication.translate("Errors", "that adverse party no longer exists")
                )
            session.delete(row)
            audit.record(session, "adverse_party.removed", case_id=case_id)

        try:
            self.controller.write(remove, case_id=case_id)
        except Exception as exc:
            self.controller.error.emit(safe_message(exc))
        self.reload_requested.emit()
        self.run_check()

    def _open_dialog(self, party: AdverseParty | None) -> None:
        self._close_dialog()
        case_id = self._case_id
        party_id = party.id if party is not None else None

        def commit(values: PartyValues) -> None:
            def write(session: Session) -> None:
                case_in(session, case_id)
                if party_id is None:
                    last = session.scalar(
                        select(func.max(AdverseParty.position)).where(
                            AdverseParty.case_id == case_id
                        )
                    )
                    row = AdverseParty(case_id=case_id, position=(last or 0) + 1)
                    values.apply_to(row)
                    session.add(row)
                    audit.record(session, "adverse_party.added", case_id=case_id)
                else:
                    found = session.get(AdverseParty, party_id)
                    if found is None or found.case_id != case_id:
                        raise NotFoundError(
                            QCoreApplication.translate(
                                "Errors", "that adverse party no longer exists"
                            )
                        )
                    values.apply_to(found)
                    audit.record(session, "adverse_party.edited", case_id=case_id)

            self.controller.write(write, case_id=case_id)
            self.reload_requested.emit()
            self.run_check()

        self.dialog = PartyDialog(commit, party, self)
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

    # --- conflict check ---------------------------------------------------------------------

    def run_check(self) -> Operation | None:
        """Start a conflict check of this case in a worker thread (a newer one supersedes).

        Returns:
            The running operation (None when no case is shown or the vault is locked).
        """
        if not self._case_id or not self.controller.is_unlocked:
            return None
        self._generation += 1
        case_id = self._case_id

        def task(session: Session, _progress: ProgressFn, _cancel: threading.Event) -> Any:
            return run_conflict_check(session, case_id)

        self._show_status(self.tr("Checking for conflicts…"))
        self.check_button.setEnabled(False)
        self._checking = self._generation
        operation = self.controller.background(task, self.on_check_succeeded, self.on_check_failed)
        self.check_operation = operation
        return operation

    def on_check_button_clicked(self) -> None:
        """Check now (button or Ctrl+Shift+K)."""
        self.run_check()

    def on_check_succeeded(self, result: CheckResult) -> None:
        """Show the outcome of the latest check (older ones are ignored)."""
        if not self._is_current_check():
            return
        self.check_operation = None
        self.check_button.setEnabled(True)
        rows = [ConflictRow(hit, result.sources[hit.input_index]) for hit in result.hits]
        self._set_conflicts(rows)
        clock = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
        if len(rows) == 1:
            text = self.tr("One possible conflict with another case.")
        elif rows:
            text = self.tr("%n possible conflicts with other cases.", "", len(rows))
        elif result.other_cases == 1:
            text = self.tr("No possible conflict with the one other case in this vault.")
        else:
            text = self.tr(
                "No possible conflicts with the %n other cases in this vault.",
                "",
                result.other_cases,
            )
        if rows:
            text += " " + self.tr(
                "Review each one; a matched name is shown only when you reveal it."
            )
        self._show_status(text + " " + self.tr("Checked at %1.").replace("%1", clock))

    def on_check_failed(self, message: str) -> None:
        """Say that the check failed (a newer check or a lock makes this moot)."""
        if not self._is_current_check():
            return
        self.check_operation = None
        self.check_button.setEnabled(True)
        self._show_status(self.tr("The conflict check failed: %1").replace("%1", message))

    def _is_current_check(self) -> bool:
        return self._case_id != "" and self._checking == self._generation

    def _set_conflicts(self, rows: list[ConflictRow]) -> None:
        self.conflicts_model.set_rows(rows)
        self.reveal_buttons = []
        for row in range(len(rows)):
            button = QPushButton(self.tr("Reveal"), self.conflicts_view)
            button.setCheckable(True)
            button.setAccessibleName(
                self.tr("Reveal the matched name of possible conflict %1").replace(
                    "%1", QLocale().toString(row + 1)
                )
            )
            button.setToolTip(self.tr("Show or hide the matched name (Ctrl+Shift+R)"))
            button.toggled.connect(lambda checked, r=row: self.on_reveal_button_toggled(r, checked))
            self.conflicts_view.setIndexWidget(
                self.conflicts_model.index(row, ConflictsModel.REVEAL), button
            )
            self.reveal_buttons.append(button)
        if self.reveal_buttons:
            width = max(b.sizeHint().width() for b in self.reveal_buttons) + 8
            self.conflicts_view.horizontalHeader().resizeSection(ConflictsModel.REVEAL, width)
        self.conflicts_view.resizeColumnToContents(ConflictsModel.MATCHED)
        self.conflicts_view.resizeRowsToContents()

    def on_reveal_action_triggered(self) -> None:
        """Toggle the reveal of the selected possible conflict (Ctrl+Shift+R)."""
        row = self.conflicts_view.currentIndex().row()
        if 0 <= row < len(self.reveal_buttons):
            self.reveal_buttons[row].toggle()

    def on_reveal_button_toggled(self, row: int, checked: bool) -> None:
        """Reveal (read, and record in the other case's audit log) or hide a matched name."""
        rows = self.conflicts_model.rows()
        if not 0 <= row < len(rows):
            return
        button = self.reveal_buttons[row]
        if not checked:
            self.conflicts_model.set_revealed(row, None)
            button.setText(self.tr("Reveal"))
            return
        hit = rows[row].hit
        reference = self._reference_shown()

        def reveal(session: Session) -> str:
            name = reveal_match(session, hit)
            audit.record(
                session,
                "conflict.name_revealed",
                case_id=hit.case_id,
                detail=f"during a conflict check of {reference}",
            )
            return name

        try:
            name = self.controller.write(reveal, case_id=hit.case_id)
        except Exception as exc:
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
            self._show_status(
                self.tr("The name cannot be shown: %1").replace("%1", safe_message(exc))
            )
            return
        self.conflicts_model.set_revealed(row, name)
        self.conflicts_view.resizeColumnToContents(ConflictsModel.MATCHED)
        button.setText(self.tr("Hide"))

    def _reference_shown(self) -> str:
        """This case's reference, for the audit detail (a reference is not case content)."""
        case_id = self._case_id
        try:
            reference = self.controller.read(
                lambda s: s.scalar(select(Case.reference).where(Case.id == case_id))
            )
        except Exception:
            reference = None
        return reference if isinstance(reference, str) else "another case"

    def _forget_check(self) -> None:
        self._generation += 1
        self.check_operation = None
        self.check_button.setEnabled(True)
        for button in self.reveal_buttons:
            button.deleteLater()
        self.reveal_buttons = []
        self.conflicts_model.clear()

    def _show_status(self, text: str) -> None:
        self.check_status.setText(text)
        self.check_status.setAccessibleDescription(text)
