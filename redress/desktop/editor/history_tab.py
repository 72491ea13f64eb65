"""The History tab: the case's entries in the audit log, and whether the whole chain verifies.

Read-only. The chain check walks every entry of the vault, so it runs off the GUI thread.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.base import CaseTab
from redress.desktop.editor.widgets import RowsEditor, RowsModel, format_datetime
from redress.desktop.workers import ProgressFn
from redress.models import audit
from redress.models.schema import AuditEntry, Case


def action_label(action: str) -> str:
    """The audit action in words (the code itself if it has no label)."""
    labels = {
        "case.created": QCoreApplication.translate("AuditActions", "Case created"),
        "case.edited": QCoreApplication.translate("AuditActions", "Case edited"),
        "case.deleted": QCoreApplication.translate("AuditActions", "Case deleted"),
        "case.exported_json": QCoreApplication.translate(
            "AuditActions", "Case exported (plaintext JSON)"
        ),
        "case.imported": QCoreApplication.translate("AuditActions", "Case imported"),
        "attachment.added": QCoreApplication.translate("AuditActions", "Attachment added"),
        "attachment.exported": QCoreApplication.translate("AuditActions", "Attachment exported"),
        "attachment.removed": QCoreApplication.translate("AuditActions", "Attachment removed"),
        "record_entry.added": QCoreApplication.translate("AuditActions", "Record entry added"),
        "record_entry.edited": QCoreApplication.translate("AuditActions", "Record entry edited"),
        "record_entry.removed": QCoreApplication.translate("AuditActions", "Record entry removed"),
        "period.added": QCoreApplication.translate("AuditActions", "Period of exploitation added"),
        "period.edited": QCoreApplication.translate(
            "AuditActions", "Period of exploitation edited"
        ),
        "period.removed": QCoreApplication.translate(
            "AuditActions", "Period of exploitation removed"
        ),
        "deadline.added": QCoreApplication.translate("AuditActions", "Deadline added"),
        "deadline.edited": QCoreApplication.translate("AuditActions", "Deadline edited"),
        "deadline.removed": QCoreApplication.translate("AuditActions", "Deadline removed"),
        "deadline.done": QCoreApplication.translate("AuditActions", "Deadline marked done"),
        "deadline.reopened": QCoreApplication.translate("AuditActions", "Deadline reopened"),
        "note.added": QCoreApplication.translate("AuditActions", "Note added"),
        "evidence.added": QCoreApplication.translate("AuditActions", "Evidence added"),
        "evidence.edited": QCoreApplication.translate("AuditActions", "Evidence edited"),
        "evidence.removed": QCoreApplication.translate("AuditActions", "Evidence removed"),
        "adverse_party.added": QCoreApplication.translate("AuditActions", "Adverse party added"),
        "adverse_party.edited": QCoreApplication.translate("AuditActions", "Adverse party edited"),
        "adverse_party.removed": QCoreApplication.translate(
            "AuditActions", "Adverse party removed"
        ),
        "screening.run": QCoreApplication.translate("AuditActions", "Screening run"),
        "checklist.answered": QCoreApplication.translate(
            "AuditActions", "Checklist answer recorded"
        ),
        "conflict.name_revealed": QCoreApplication.translate(
            "AuditActions", "Name revealed during a conflict check"
        ),
    }
    return labels.get(action, action)


class AuditModel(RowsModel):
    """Audit entries, oldest first (read-only)."""

    WHEN, WHO, ACTION, DETAIL = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Detail"))

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The entry's time, actor, action in words and detail."""
        entry: AuditEntry = row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WHEN:
                return format_datetime(entry.at)
            if column == self.WHO:
                return entry.actor
            if column == self.ACTION:
                return action_label(entry.action)
            return entry.detail
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ACTION:
            return entry.action
        return None


def _case_entries(session: Session, case_id: str) -> list[AuditEntry]:
    rows = list(
        session.execute(
            select(AuditEntry).where(AuditEntry.case_id == case_id).order_by(AuditEntry.seq)
        ).scalars()
    )
    session.expunge_all()
    return rows


def _verify(session: Session, _progress: ProgressFn, _cancel: threading.Event) -> Any:
    return audit.verify(session)


class HistoryTab(CaseTab):
    """The case's audit history with the chain's verification status.

    Attributes:
        title: the tab's label.
        model: the audit entries.
        chain_status: ✓ when the whole vault's chain verified, a warning when not.
    """

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.title = self.tr("History")
        self._case_id = ""
        self._generation = 0
        self._verified_generation = -1
        self.model = AuditModel(self)
        self.rows = RowsEditor(
            self.model, self.tr("Audit history"), "", self, stretch_column=AuditModel.DETAIL
        )
        for button in (self.rows.add_button, self.rows.edit_button, self.rows.remove_button):
            button.hide()
        self.status_icon = QLabel(self)
        self.chain_status = QLabel(self)
        self.chain_status.setWordWrap(True)
        self.chain_status.setTextFormat(Qt.TextFormat.PlainText)
        self.chain_status.setAccessibleName(self.tr("Audit log check"))
        status = QHBoxLayout()
        status.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status.addWidget(self.chain_status, 1)
        intro = QLabel(
            self.tr(
                "Who did what to this case, and when. The log records actions, never case "
                "content, and each entry is chained to the one before so that changes show."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.rows, 1)
        layout.addLayout(status)
        self.setEnabled(False)

    # --- CaseTab ----------------------------------------------------------------------------

    def load(self, case: Case) -> None:
        """Show the case's audit entries; check the chain when the tab is visible."""
        self._case_id = case.id
        case_id = case.id
        self.model.set_rows(self.controller.read(lambda s: _case_entries(s, case_id)))
        self.rows.view.scrollToBottom()
        self._generation += 1
        self.setEnabled(True)
        if self.isVisible():
            self.verify_chain()
        else:
            self._set_status(None, self.tr("The audit log is checked when this tab is shown."))

    def refresh_keeping_edits(self, case: Case) -> None:
        """Nothing here is edited: a plain reload."""
        self.load(case)

    def clear(self) -> None:
        """Show nothing (a running check's result is ignored)."""
        self._generation += 1
        self._case_id = ""
        self.model.clear()
        self._set_status(None, "")
        self.setEnabled(False)

    # --- verification -----------------------------------------------------------------------

    def verify_chain(self) -> None:
        """Check the whole vault's audit chain in the background."""
        if not self._case_id or not self.controller.is_unlocked:
            return
        generation = self._generation
        self._verified_generation = generation
        self._set_status(None, self.tr("Checking the audit log…"))
        operation = self.controller.background(_verify, on_failure=lambda _message: None)
        operation.succeeded.connect(self.on_verify_succeeded)
        operation.failed.connect(self.on_verify_failed)
        operation.setProperty("generation", generation)

    def on_verify_succeeded(self, report: object) -> None:
        """Show ✓ or what is wrong."""
        if not self._current(report):
            return
        assert isinstance(report, audit.ChainReport)
        if report.ok:
            self._set_status(
                True,
                self.tr(
                    "✓ The audit log is intact: %n entries checked across the vault.",
                    "",
                    report.entries,
                ),
            )
        else:
            problems = "; ".join(report.problems[:3])
            self._set_status(
                False,
                self.tr(
                    "⚠ The audit log failed its check: %1. Run a check of the vault and "
                    "consider restoring a backup."
                ).replace("%1", problems),
            )

    def on_verify_failed(self, message: str) -> None:
        """Say that the check could not run."""
        if self._current(None):
            self._set_status(
                False, self.tr("⚠ The audit log could not be checked: %1").replace("%1", message)
            )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Check the chain the first time the tab is shown after a load."""
        super().showEvent(event)
        if self._case_id and self._verified_generation != self._generation:
            self.verify_chain()

    # --- helpers ----------------------------------------------------------------------------

    def _current(self, _report: object) -> bool:
        operation = self.sender()
        generation = operation.property("generation") if operation is not None else None
        return generation == self._generation and bool(self._case_id)

    def _set_status(self, ok: bool | None, text: str) -> None:
        self.chain_status.setText(text)
        self.chain_status.setAccessibleDescription(text)
        if ok is None or ok:
            self.status_icon.clear()  # the text starts with ✓
            return
        pixmap = (
            QStyle.StandardPixmap.SP_DialogApplyButton
            if ok
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        self.status_icon.setPixmap(self.style().standardIcon(pixmap).pixmap(20, 20))
