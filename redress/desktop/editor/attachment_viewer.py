"""Viewing an attachment inside Redress, from decrypted bytes in memory only.

No plaintext ever reaches the disk here (SECURITY.md test 14): a PDF is read by ``QPdfDocument``
from a ``QBuffer`` over the bytes, an image is decoded with ``QImage.fromData``, text goes into a
read-only editor. Anything else is not previewed; the user may export a copy, which is a separate
and explicit act. Closing the viewer closes the document and drops the buffer and the bytes
(Python and Qt cannot promise to overwrite freed memory; SECURITY.md test 17 keeps a baseline).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QLocale, QObject, Qt
from PySide6.QtGui import QCloseEvent, QImage, QImageReader, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

PDF = "application/pdf"
TEXT_TYPES = frozenset(
    {"application/json", "application/xml", "application/x-yaml", "application/rtf"}
)
MAX_PREVIEW_BYTES = 200 * 1024 * 1024
"""Larger files are not decrypted for a preview (export a copy instead)."""
MAX_TEXT_CHARS = 2_000_000


def image_types() -> frozenset[str]:
    """The image media types this Qt build can decode (PDF aside)."""
    return frozenset(
        bytes(m.data()).decode("ascii", "replace")
        for m in QImageReader.supportedMimeTypes()
        if bytes(m.data()) != PDF.encode()
    )


def preview_kind(media_type: str) -> str:
    """``"pdf"``, ``"image"``, ``"text"`` or ``""`` (not previewable)."""
    media_type = media_type.lower()
    if media_type == PDF:
        return "pdf"
    if media_type in image_types():
        return "image"
    if media_type.startswith("text/") or media_type in TEXT_TYPES:
        return "text"
    return ""


def can_preview(media_type: str, size: int) -> bool:
    """Whether the viewer shows this kind and size of file."""
    return bool(preview_kind(media_type)) and size <= MAX_PREVIEW_BYTES


class AttachmentViewer(QDialog):
    """A window showing one attachment from memory.

    The window title never shows the file name (it may contain a client's name); the name is
    shown inside the window.

    Attributes:
        kind: what is shown: ``"pdf"``, ``"image"``, ``"text"`` or ``""``.
        heading: the file's name, type and size.
        pdf_document: the PDF (None for other kinds).
        pdf_view: shows the PDF (None for other kinds).
        buffer: the in-memory device the PDF is read from (None for other kinds).
        image: the decoded image (None for other kinds).
        image_label: shows the image (None for other kinds).
        fit: scales the image to the window (images only).
        text_view: shows text (None for other kinds).
        notice: why nothing is shown, for files that cannot be previewed.
    """

    def __init__(
        self,
        name: str,
        media_type: str,
        size: int,
        data: bytes | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attachment viewer"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.kind = preview_kind(media_type) if data is not None else ""
        self.pdf_document: QPdfDocument | None = None
        self.pdf_view: QPdfView | None = None
        self.buffer: QBuffer | None = None
        self.image: QImage | None = None
        self.image_label: QLabel | None = None
        self.image_scroll: QScrollArea | None = None
        self.text_view: QPlainTextEdit | None = None
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.hide()
        self._released = False
        self._init_heading(name, media_type, size)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.notice)
        body = self._init_body(data or b"") if self.kind else None
        if body is not None:
            self._layout.addWidget(body, 1)
        else:
            self._show_notice(
                self.tr(
                    "This kind of file (%1) cannot be previewed in Redress. Use “Export a "
                    "copy…” to open it in another program; the copy is not encrypted."
                ).replace("%1", media_type)
                if size <= MAX_PREVIEW_BYTES or not preview_kind(media_type)
                else self.tr(
                    "This file is too large to preview. Use “Export a copy…” to open it in "
                    "another program; the copy is not encrypted."
                )
            )
            self._layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)
        self.resize(820, 900 if self.kind == "pdf" else 640)

    # --- construction -----------------------------------------------------------------------

    def _init_heading(self, name: str, media_type: str, size: int) -> None:
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self._name = name
        self._details = [media_type, QLocale().formattedDataSize(size)]
        self._show_heading()
        self.heading.setAccessibleName(self.tr("File"))
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)

    def _init_body(self, data: bytes) -> QWidget | None:
        if self.kind == "pdf":
            return self._init_pdf(data)
        if self.kind == "image":
            return self._init_image(data)
        return self._init_text(data)

    def _init_pdf(self, data: bytes) -> QWidget | None:
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf_document = QPdfDocument(self)
        self.pdf_document.load(self.buffer)
        if self.pdf_document.status() == QPdfDocument.Status.Error:
            self._show_notice(self.tr("This PDF cannot be read; it may be damaged."))
        self.pdf_view = QPdfView(self)
        self.pdf_view.setAccessibleName(self.tr("PDF document"))
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_document.pageCountChanged.connect(self.on_pdf_document_page_count_changed)
        self.on_pdf_document_page_count_changed(self.pdf_document.pageCount())
        return self.pdf_view

    def _init_image(self, data: bytes) -> QWidget | None:
        image = QImage.fromData(data)
        if image.isNull():
            self._show_notice(self.tr("This image cannot be read; it may be damaged."))
            return None
        self.image = image
        self._show_heading(
            self.tr("%1 × %2 pixels")
            .replace("%1", QLocale().toString(image.width()))
            .replace("%2", QLocale().toString(image.height()))
        )
        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setAccessibleName(self.tr("Image"))
        self.image_label.setMinimumSize(1, 1)
        self.image_scroll = QScrollArea(self)
        self.image_scroll.viewport().installEventFilter(self)
        self.image_scroll.setWidget(self.image_label)
        self.image_scroll.setWidgetResizable(True)
        self.image_scroll.setAccessibleName(self.tr("Image"))
        self.fit = QCheckBox(self.tr("&Fit to the window"), self)
        self.fit.setAccessibleName(self.tr("Fit the image to the window"))
        self.fit.setChecked(True)
        self.fit.toggled.connect(self.on_fit_toggled)
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fit)
        layout.addWidget(self.image_scroll, 1)
        self._show_image()
        return box

    def _show_image(self) -> None:
        if self.image is None or self.image_label is None:
            return
        if self.image_scroll is None:
            return
        pixmap = QPixmap.fromImage(self.image)
        viewport = self.image_scroll.viewport().size()
        too_big = pixmap.width() > viewport.width() or pixmap.height() > viewport.height()
        if self.fit.isChecked() and too_big and viewport.width() > 1 and viewport.height() > 1:
            pixmap = pixmap.scaled(
                viewport,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.image_label.setPixmap(pixmap)

    def on_fit_toggled(self, _checked: bool) -> None:
        """Scale the image to the window, or show it at its actual size."""
        self._show_image()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Keep a fitted image fitted when the image area changes size."""
        if (
            event.type() == QEvent.Type.Resize
            and self.image_scroll is not None
            and watched is self.image_scroll.viewport()
            and self.fit.isChecked()
        ):
            self._show_image()
        return super().eventFilter(watched, event)

    def _init_text(self, data: bytes) -> QWidget | None:
        text = data.decode("utf-8", errors="replace")
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(self.tr("Text of the file"))
        if len(text) > MAX_TEXT_CHARS:
            self._show_notice(self.tr("Only the beginning of this file is shown."))
            text = text[:MAX_TEXT_CHARS]
        self.text_view.setPlainText(text)
        return self.text_view

    def _show_heading(self, extra: str = "") -> None:
        details = " · ".join(d for d in (*self._details, extra) if d)
        self.heading.setText(f"{self._name}\n{details}")

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setAccessibleDescription(text)
        self.notice.show()

    # --- slots ------------------------------------------------------------------------------

    def on_pdf_document_page_count_changed(self, count: int) -> None:
        """Show the page count next to the file's name."""
        if count > 0 and not self._released:
            self._show_heading(self.tr("1 page") if count == 1 else self.tr("%n pages", "", count))

    # --- releasing --------------------------------------------------------------------------

    def release(self) -> None:
        """Close the document and drop every copy of the decrypted bytes this window holds."""
        if self._released:
            return
        self._released = True
        if self.pdf_view is not None:
            # The view goes first (it reads the document while painting), then the document.
            self.pdf_view.hide()
            self.pdf_view.deleteLater()
            self.pdf_view = None
        if self.pdf_document is not None:
            self.pdf_document.pageCountChanged.disconnect(self.on_pdf_document_page_count_changed)
            self.pdf_document.close()
            self.pdf_document.deleteLater()
        if self.buffer is not None:
            self.buffer.close()
            self.buffer.setData(QByteArray())
            self.buffer.deleteLater()
        if self.image_label is not None:
            self.image_label.clear()
        self.image = None
        if self.text_view is not None:
            self.text_view.clear()
        self.heading.clear()
        self.notice.clear()

    @property
    def released(self) -> bool:
        """Whether :meth:`release` has run."""
        return self._released

    def done(self, result: int) -> None:
        """Release the bytes whenever the window closes (Close, Esc, or the tab clearing)."""
        self.release()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Release the bytes when the window manager closes the window."""
        self.release()
        super().closeEvent(event)
