"""The attachments of a case: encrypted on the way in, viewed in memory, exported on purpose.

Adding files encrypts each one into the vault in a worker thread, in its own transaction, with a
progress dialog (the window never freezes). Viewing decrypts into memory only (see
:mod:`redress.desktop.editor.attachment_viewer`). Exporting a plaintext copy is an explicit act:
a warning first, then a place chosen by the user; the copy is written atomically in the
background and then recorded as ``attachment.exported`` (a copy that cannot be recorded is
deleted again).
"""

from __future__ import annotations

import functools
import io
import itertools
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from redress.desktop.controller import VaultController
from redress.desktop.editor.attachment_viewer import AttachmentViewer, can_preview
from redress.desktop.editor.widgets import RowsModel, ask_yes_no, case_in, format_datetime
from redress.desktop.filedialogs import forget_history
from redress.desktop.workers import Operation, ProgressFn, safe_message
from redress.models import attachments as blobs
from redress.models import audit
from redress.models.cases import add_attachment, sealed
from redress.models.errors import NotFoundError, RedressError
from redress.models.schema import Attachment

PROGRESS_STEPS = 1000


class AttachmentsModel(RowsModel):
    """The case's attachments: name, type, size and when added."""

    NAME, TYPE, SIZE, ADDED = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("Name"), self.tr("Type"), self.tr("Size"), self.tr("Added"))

    def cell(self, row: Any, column: int, role: int) -> Any:
        """Text of each column, sizes right-aligned in the user's locale."""
        attachment: Attachment = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.NAME:
                return attachment.name
            if column == self.TYPE:
                return attachment.media_type
            if column == self.SIZE:
                return QLocale().formattedDataSize(attachment.size)
            return format_datetime(attachment.created_at)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportCancelledError(RedressError):
    """The user cancelled adding files (the file being encrypted is not added)."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("Errors", "adding the files was cancelled"))


class _CountingFile(io.FileIO):
    """A file read for encryption that reports its progress and honours a cancel request."""

    def __init__(self, path: Path, on_read: Callable[[int], None], cancel: threading.Event) -> None:
        super().__init__(path, "rb")
        self._on_read = on_read
        self._cancel = cancel

    def read(self, size: int | None = -1) -> bytes:
        if self._cancel.is_set():
            raise ImportCancelledError
        data = super().read(-1 if size is None else size)
        assert data is not None  # a regular file in blocking mode
        self._on_read(len(data))
        return data


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class AttachmentImport(QObject):
    """Adds files to a case one after another, each encrypted in a worker thread.

    Each file is one background write (``add_attachment`` in its own transaction), so the vault
    is locked for writing only briefly, and the files added before a failure or a cancel stay.
    A progress dialog shows the bytes encrypted so far and offers Cancel.

    Signals:
        finished(): every file was tried, or the import was cancelled or aborted.

    Attributes:
        added: ids of the attachments added.
        failures: user-safe messages about files that could not be added.
        cancelled: the user cancelled (or the vault locked).
        progress: the progress dialog.
        operation: the file's background operation now running (None between files).
    """

    finished = Signal()

    def __init__(
        self,
        controller: VaultController,
        case_id: str,
        paths: list[Path],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._case_id = case_id
        self._paths = list(paths)
        self._sizes = [_file_size(p) for p in self._paths]
        self._total = max(1, sum(self._sizes))
        self._index = 0
        self._aborted = False
        self._progress_closed = False
        self.added: list[str] = []
        self.failures: list[str] = []
        self.cancelled = False
        self.operation: Operation | None = None
        self.progress = QProgressDialog(
            self.tr("Encrypting the files into the vault…"),
            self.tr("Cancel"),
            0,
            PROGRESS_STEPS,
            parent,
        )
        self.progress.setWindowTitle(self.tr("Adding files"))
        self.progress.setAccessibleName(self.tr("Adding files"))
        # Not modal: the rest of the window stays usable (and a modal progress dialog would
        # process events re-entrantly inside setValue).
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.progress.setMinimumDuration(400)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setValue(0)
        self.progress.canceled.connect(self.on_progress_canceled)

    @property
    def running(self) -> bool:
        """Whether files are still being added."""
        return not self._aborted and self._index < len(self._paths) and not self.cancelled

    def start(self) -> None:
        """Add the first file (the rest follow as each one is done)."""
        self._next()

    def abort(self) -> None:
        """Stop at once and ignore what is still running (the vault is locking)."""
        self._aborted = True
        self.cancelled = True
        if self.operation is not None:
            self.operation.cancel()
        self._close_progress()

    def on_progress_canceled(self) -> None:
        """The user pressed Cancel: the file being encrypted is not added, none after it."""
        self.cancelled = True
        if self.operation is not None:
            self.operation.cancel()

    def on_operation_progress(self, done: int, total: int) -> None:
        """Move the bar (``done`` of ``total`` steps over all files)."""
        if not self._aborted and total > 0:
            self.progress.setValue(min(done, PROGRESS_STEPS))

    def on_file_added(self, attachment_id: object) -> None:
        """One file is in the vault; go on with the next."""
        if self._aborted:
            return
        if isinstance(attachment_id, str):
            self.added.append(attachment_id)
        self._advance()

    def on_file_failed(self, message: str) -> None:
        """One file could not be added; note why and go on (unless cancelled)."""
        if self._aborted:
            return
        if not self.cancelled:
            self.failures.append(
                self.tr("File %1 of %2 could not be added: %3")
                .replace("%1", QLocale().toString(self._index + 1))
                .replace("%2", QLocale().toString(len(self._paths)))
                .replace("%3", message)
            )
        self._advance()

    def _advance(self) -> None:
        self.operation = None
        self._index += 1
        self._next()

    def _next(self) -> None:
        if self._aborted:
            return
        if self.cancelled or self._index >= len(self._paths):
            self._close_progress()
            self.finished.emit()
            return
        if not self._controller.is_unlocked:
            self.abort()
            self.finished.emit()
            return
        self.progress.setLabelText(
            self.tr("Encrypting file %1 of %2 into the vault…")
            .replace("%1", QLocale().toString(self._index + 1))
            .replace("%2", QLocale().toString(len(self._paths)))
        )
        path = self._paths[self._index]
        base = sum(self._sizes[: self._index])
        total = self._total
        case_id = self._case_id
        folder = self._controller.vault.attachments_dir

        def task(session: Session, progress: ProgressFn, cancel: threading.Event) -> str:
            read = 0

            def on_read(count: int) -> None:
                nonlocal read
                read += count
                progress(
                    min(PROGRESS_STEPS, (base + read) * PROGRESS_STEPS // total), PROGRESS_STEPS
                )

            case = case_in(session, case_id)
            with _CountingFile(path, on_read, cancel) as source:
                row = add_attachment(session, folder, case, source, path.name)
            return row.id

        self.operation = self._controller.background(
            task, self.on_file_added, self.on_file_failed, write=True, case_id=case_id
        )
        self.operation.progress.connect(self.on_operation_progress)

    def _close_progress(self) -> None:
        if self._progress_closed:
            return
        self._progress_closed = True
        # Closing a progress dialog emits ``canceled``; that is not the user cancelling.
        self.progress.canceled.disconnect(self.on_progress_canceled)
        self.progress.close()
        self.progress.deleteLater()


class AttachmentsPanel(QWidget):
    """The attachments table with Add files…, View and Export a copy….

    Signals:
        changed(): the panel committed a change (files added, an export audited); reload.
        attachments_added(int): an "Add files…" finished (how many were added).
        viewer_opened(object): an :class:`AttachmentViewer` was opened.
        export_finished(bool): an export of a copy finished (whether it succeeded).

    Attributes:
        model: the attachments.
        view: the attachments table.
        add_files_button: "Add files…" (Ctrl+Shift+A, or Insert in the table).
        view_button: "View" (Enter in the table, or Ctrl+Shift+O).
        export_button: "Export a copy…" (Ctrl+Shift+E).
        status: the outcome of the last add, view or export.
        importer: the file import running or last run (None if none).
        viewers: the attachment viewers open.
        confirm_export: asks whether to export a plaintext copy (replaceable in tests).
    """

    changed = Signal()
    attachments_added = Signal(int)
    viewer_opened = Signal(object)
    export_finished = Signal(bool)

    def __init__(self, controller: VaultController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._case_id = ""
        self._generation = 0
        self.importer: AttachmentImport | None = None
        self.viewers: list[AttachmentViewer] = []
        self._export_progress: QProgressDialog | None = None
        # Views being decrypted: request number → (name, media type, size); dropped on clear,
        # so a result arriving after a lock or a change of case is ignored.
        self._pending_views: dict[int, tuple[str, str, int]] = {}
        self._view_requests = 0
        self._exporting = -1
        self._export_case_id = ""
        self.confirm_export: Callable[[], bool] = lambda: ask_yes_no(
            self,
            self.tr("Export a copy"),
            self.tr(
                "The copy will NOT be encrypted: anyone who can open the place you save it to "
                "can read it, and Redress cannot delete it for you. The export is recorded in "
                "the case's history.\n\nExport a plaintext copy?"
            ),
        )
        self._init_view()
        self._init_buttons()
        self._init_layout()
        self._init_actions()

    # --- construction -----------------------------------------------------------------------

    def _init_view(self) -> None:
        self.model = AttachmentsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Attachments"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AttachmentsModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self.on_view_double_clicked)

    def _init_buttons(self) -> None:
        self.add_files_button = QPushButton(self.tr("Add &files…"), self)
        self.add_files_button.setAccessibleName(self.tr("Add files (they are encrypted)"))
        self.add_files_button.setToolTip(
            self.tr("Add one or more files; each is encrypted into the vault (Ctrl+Shift+A)")
        )
        self.view_button = QPushButton(self.tr("&View"), self)
        self.view_button.setAccessibleName(self.tr("View the selected attachment"))
        self.view_button.setToolTip(
            self.tr("View inside Redress, without writing a plaintext file (Enter)")
        )
        self.export_button = QPushButton(self.tr("E&xport a copy…"), self)
        self.export_button.setAccessibleName(self.tr("Export a plaintext copy of the attachment"))
        self.export_button.setToolTip(
            self.tr("Save a copy that is not encrypted, after a warning (Ctrl+Shift+E)")
        )
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Attachments status"))
        self.add_files_button.clicked.connect(self.on_add_files_button_clicked)
        self.view_button.clicked.connect(self.on_view_button_clicked)
        self.export_button.clicked.connect(self.on_export_button_clicked)
        self.model.modelReset.connect(self.on_selection_changed)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.on_selection_changed()

    def _init_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_files_button)
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        order: list[QWidget] = [
            self.view,
            self.add_files_button,
            self.view_button,
            self.export_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _init_actions(self) -> None:
        panel_wide = Qt.ShortcutContext.WidgetWithChildrenShortcut
        in_table = Qt.ShortcutContext.WidgetShortcut
        self._add_action(
            self.tr("Add files…"), ["Ctrl+Shift+A"], self.on_add_files_button_clicked, panel_wide
        )
        self._add_action(
            self.tr("View attachment"), ["Ctrl+Shift+O"], self.on_view_button_clicked, panel_wide
        )
        self._add_action(
            self.tr("Export a copy…"), ["Ctrl+Shift+E"], self.on_export_button_clicked, panel_wide
        )
        self._add_action(
            self.tr("View attachment"),
            ["Return", "Enter"],
            self.on_view_button_clicked,
            in_table,
            self.view,
        )
        self._add_action(
            self.tr("Add files…"), ["Insert"], self.on_add_files_button_clicked, in_table, self.view
        )

    def _add_action(
        self,
        text: str,
        keys: list[str],
        slot: Callable[[], None],
        context: Qt.ShortcutContext,
        on: QWidget | None = None,
    ) -> QAction:
        owner = on or self
        action = QAction(text, owner)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(context)
        action.triggered.connect(slot)
        owner.addAction(action)
        return action

    # --- state ------------------------------------------------------------------------------

    def set_attachments(self, case_id: str, attachments: list[Attachment]) -> None:
        """Show ``attachments`` of the case ``case_id`` (keeping the selection)."""
        if case_id != self._case_id:
            self._pending_views.clear()
            self._close_viewers()
            self._show_status("")
        current = self.current_attachment()
        self._case_id = case_id
        self.model.set_rows(attachments)
        if current is not None:
            self.select_attachment(current.id)

    def clear(self) -> None:
        """Stop any import, close viewers (releasing their bytes), and show nothing."""
        self._generation += 1
        self._pending_views.clear()
        if self.importer is not None:
            self.importer.abort()
            self.importer = None
        self._end_export()
        self._close_viewers()
        self.model.clear()
        self._case_id = ""
        self._show_status("")
        self.add_files_button.setEnabled(True)

    def current_attachment(self) -> Attachment | None:
        """The selected attachment (None if none)."""
        row = self.model.row_at(self.view.currentIndex())
        return row if isinstance(row, Attachment) else None

    def select_attachment(self, attachment_id: str) -> None:
        """Select the attachment with ``attachment_id`` if it is shown."""
        ids = [a.id for a in self.model.rows()]
        if attachment_id in ids:
            row = ids.index(attachment_id)
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.selectRow(row)

    def on_selection_changed(self, *_args: object) -> None:
        """Enable View and Export only with a selection (and Export not during an export)."""
        has = self.current_attachment() is not None and self.view.selectionModel().hasSelection()
        self.view_button.setEnabled(has)
        self.export_button.setEnabled(has and self._export_progress is None)

    def on_view_double_clicked(self, _index: QModelIndex) -> None:
        """View the attachment double-clicked."""
        self.on_view_button_clicked()

    # --- adding files -----------------------------------------------------------------------

    def on_add_files_button_clicked(self) -> None:
        """Choose files and encrypt them into the vault in the background."""
        if not self._case_id or (self.importer is not None and self.importer.running):
            return
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add files to the case"), start
        )
        forget_history()
        if not chosen:
            return
        self._show_status(self.tr("Adding files…"))
        self.add_files_button.setEnabled(False)
        self.importer = AttachmentImport(
            self.controller, self._case_id, [Path(p) for p in chosen], self
        )
        self.importer.finished.connect(self.on_importer_finished)
        self.importer.start()

    def on_importer_finished(self) -> None:
        """Report what was added, ask for a reload, and select the last file added."""
        importer = self.importer
        self.add_files_button.setEnabled(True)
        if importer is None or not self._case_id:
            return
        added = len(importer.added)
        lines = [
            self.tr("One file added and encrypted.")
            if added == 1
            else self.tr("%n files added and encrypted.", "", added)
        ]
        if importer.cancelled:
            lines.append(self.tr("Cancelled; the file being encrypted was not added."))
        lines += importer.failures
        self._show_status("\n".join(lines))
        for message in importer.failures:
            self.controller.error.emit(message)
        self.changed.emit()
        if importer.added:
            self.select_attachment(importer.added[-1])
        self.attachments_added.emit(added)

    # --- viewing ----------------------------------------------------------------------------

    def on_view_button_clicked(self) -> None:
        """Decrypt the selected attachment into memory (in the background) and show it."""
        attachment = self.current_attachment()
        if attachment is None or not self._case_id:
            return
        name, media_type, size = attachment.name, attachment.media_type, attachment.size
        if not can_preview(media_type, size):
            self._open_viewer(name, media_type, size, None)
            return
        case_id, attachment_id = self._case_id, attachment.id
        folder = self.controller.vault.attachments_dir

        def task(session: Session, _progress: ProgressFn, _cancel: threading.Event) -> bytes:
            row = _attachment_of(session, case_id, attachment_id)
            return blobs.read_all(folder, sealed(row))

        self._show_status(self.tr("Decrypting for viewing…"))
        self._view_requests += 1
        request = self._view_requests
        self._pending_views[request] = (name, media_type, size)
        self.controller.background(
            task,
            functools.partial(self.on_view_loaded, request),
            functools.partial(self.on_view_failed, request),
        )

    def on_view_loaded(self, request: int, data: bytes) -> None:
        """Open the viewer on the decrypted bytes (unless the panel was cleared meanwhile)."""
        found = self._pending_views.pop(request, None)
        if found is not None and self._case_id:
            name, media_type, size = found
            self._open_viewer(name, media_type, size, data)

    def on_view_failed(self, request: int, message: str) -> None:
        """Say why the attachment cannot be shown (unless the panel was cleared meanwhile)."""
        if self._pending_views.pop(request, None) is not None:
            self._show_status(self.tr("The attachment cannot be shown: %1").replace("%1", message))

    def _open_viewer(self, name: str, media_type: str, size: int, data: bytes | None) -> None:
        self._show_status("")
        viewer = AttachmentViewer(name, media_type, size, data, self)
        viewer.finished.connect(self.on_viewer_finished)
        self.viewers.append(viewer)
        viewer.show()
        self.viewer_opened.emit(viewer)

    def on_viewer_finished(self, _result: int) -> None:
        """Drop a closed viewer (it has already released its bytes)."""
        viewer = self.sender()
        if isinstance(viewer, AttachmentViewer) and viewer in self.viewers:
            self.viewers.remove(viewer)
            viewer.release()
            viewer.deleteLater()

    def _close_viewers(self) -> None:
        viewers, self.viewers = self.viewers, []
        for viewer in viewers:
            viewer.release()
            viewer.reject()
            viewer.deleteLater()

    # --- exporting --------------------------------------------------------------------------

    def on_export_button_clicked(self) -> None:
        """Export a plaintext copy: warn, choose where, then decrypt and write in the background."""
        attachment = self.current_attachment()
        if attachment is None or not self._case_id:
            return
        if not self.confirm_export():
            return
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export a plaintext copy"),
            str(Path(documents) / attachment.name) if documents else attachment.name,
        )
        forget_history()
        if not chosen:
            return
        destination = Path(chosen)
        if destination.resolve().is_relative_to(self.controller.vault.folder.resolve()):
            self._show_status(self.tr("Choose a place outside the vault folder for the copy."))
            return
        case_id, attachment_id = self._case_id, attachment.id
        folder = self.controller.vault.attachments_dir

        def task(
            session: Session, progress: ProgressFn, _cancel: threading.Event
        ) -> tuple[Path, str, int]:
            # A read-only session: the vault's write lock is not held while the file is written;
            # the audit entry is recorded once the copy is complete (on_export_succeeded).
            row = _attachment_of(session, case_id, attachment_id)
            chunks = blobs.open_chunks(folder, sealed(row))
            blobs.export_to(destination, _with_progress(chunks, row.size, progress))
            return destination, row.media_type, row.size

        self._export_progress = QProgressDialog(
            self.tr("Writing the copy…"), "", 0, PROGRESS_STEPS, self
        )
        self._export_progress.setCancelButton(None)
        self._export_progress.setWindowTitle(self.tr("Export a copy"))
        self._export_progress.setWindowModality(Qt.WindowModality.NonModal)
        self._export_progress.setMinimumDuration(400)
        self._export_progress.setValue(0)
        self._show_status(self.tr("Writing the copy…"))
        self.export_button.setEnabled(False)
        self._exporting = self._generation
        self._export_case_id = case_id
        operation = self.controller.background(
            task, self.on_export_succeeded, self.on_export_failed
        )
        operation.progress.connect(self.on_export_progress)

    def on_export_progress(self, done: int, total: int) -> None:
        """Move the export's progress bar."""
        if self._export_progress is not None and total > 0:
            self._export_progress.setValue(min(done, PROGRESS_STEPS))

    def on_export_succeeded(self, result: tuple[Path, str, int]) -> None:
        """Record the export in the audit log, or remove the copy if that is impossible.

        Every plaintext copy that stays on disk is in the case's history: a copy finished after
        the vault locked, or one whose audit entry cannot be written, is deleted again.
        """
        destination, media_type, size = result
        if self._exporting != self._generation or not self._case_id:
            destination.unlink(missing_ok=True)
            return
        case_id = self._export_case_id

        def record(session: Session) -> None:
            audit.record(
                session,
                "attachment.exported",
                case_id=case_id,
                detail=f"{media_type}, {size} bytes (plaintext copy)",
            )

        try:
            self.controller.write(record, case_id=case_id)
        except Exception as exc:
            destination.unlink(missing_ok=True)
            self.on_export_failed(
                self.tr("it could not be recorded in the case's history (%1)").replace(
                    "%1", safe_message(exc)
                )
            )
            return
        self._end_export()
        self._show_status(
            self.tr(
                "A plaintext copy was saved. It is not encrypted: delete it when you no longer "
                "need it."
            )
        )
        self.changed.emit()
        self.export_finished.emit(True)

    def on_export_failed(self, message: str) -> None:
        """Say why the copy was not written (nothing partial is left behind)."""
        if self._exporting != self._generation:
            return
        self._end_export()
        self._show_status(self.tr("The copy was not saved: %1").replace("%1", message))
        self.export_finished.emit(False)

    def _end_export(self) -> None:
        if self._export_progress is not None:
            self._export_progress.close()
            self._export_progress.deleteLater()
            self._export_progress = None
        self.on_selection_changed()

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)


def _attachment_of(session: Session, case_id: str, attachment_id: str) -> Attachment:
    row = session.get(Attachment, attachment_id)
    if row is None or row.case_id != case_id:
        raise NotFoundError(
            QCoreApplication.translate("Errors", "that attachment no longer exists")
        )
    return row


def _with_progress(chunks: Iterator[bytes], size: int, progress: ProgressFn) -> Iterator[bytes]:
    done = 0
    for chunk in chunks:
        done += len(chunk)
        progress(done * PROGRESS_STEPS // max(1, size), PROGRESS_STEPS)
        yield chunk
