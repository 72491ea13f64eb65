"""The Evidence and Adverse parties tabs on the real widgets over a real vault.

Covers the conflict check (accents, name order, similar spellings; the other case named by
reference and pseudonym only, its matched name only when revealed), evidence linked to record
entries, attachments added through the file dialog and encrypted off the GUI thread, viewed in
memory with no plaintext file anywhere outside the vault, and exported on purpose.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import redress.desktop.editor.attachments_panel as panel_module
import redress.desktop.editor.parties_tab as parties_module
from redress.desktop.controller import VaultController
from redress.desktop.editor.attachment_viewer import AttachmentViewer
from redress.desktop.editor.attachments_panel import AttachmentsPanel
from redress.desktop.editor.evidence_tab import EntryChecklistModel, EvidenceTab
from redress.desktop.editor.parties_tab import ConflictsModel, PartiesTab
from redress.models import cases
from redress.models.errors import VaultError
from redress.models.schema import (
    AdverseParty,
    Attachment,
    AuditEntry,
    Case,
    Client,
    EntryKind,
    EvidenceItem,
    EvidenceKind,
    PartyRole,
    RecordEntry,
)
from redress.models.vault import Vault
from tests.conftest import NoKeychain

OK = QDialogButtonBox.StandardButton.Ok
OTHER_LEGAL_NAME = "José Luis García Núñez"
OTHER_OTHER_NAME = "Pepe García"


# --- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture
def controller(vault: Vault) -> VaultController:
    controller = VaultController(keychain=NoKeychain())
    controller.adopt(vault)
    return controller


def add_case(
    vault: Vault,
    legal_name: str,
    pseudonym: str,
    *,
    other_names: list[str] | None = None,
    parties: list[AdverseParty] | None = None,
    entries: list[RecordEntry] | None = None,
) -> str:
    with vault.transaction() as session:
        case = Case(
            jurisdiction="US-NY",
            client=Client(
                legal_name=legal_name, pseudonym=pseudonym, other_names=other_names or []
            ),
            adverse_parties=parties or [],
            record_entries=entries or [],
        )
        return cases.add_case(session, case).id


@pytest.fixture
def other_case(vault: Vault) -> str:
    """Another case whose client is José Luis García Núñez (Client Birch)."""
    return add_case(
        vault,
        OTHER_LEGAL_NAME,
        "Client Birch",
        other_names=[OTHER_OTHER_NAME],
        parties=[AdverseParty(name="Rigoberto Anaya Solís", role=PartyRole.TRAFFICKER)],
    )


@pytest.fixture
def my_case(vault: Vault) -> str:
    """The case being edited, with two record entries."""
    return add_case(
        vault,
        "Amina Yusuf Darwish",
        "Client Cobalt",
        entries=[
            RecordEntry(
                kind=EntryKind.CRIMINAL,
                jurisdiction="US-NY",
                docket="2016NY061277",
                offence_text="Loitering for the purpose of prostitution",
                position=1,
            ),
            RecordEntry(
                kind=EntryKind.CRIMINAL,
                jurisdiction="US-NY",
                docket="2017BX009914",
                offence_text="Petit larceny",
                position=2,
            ),
        ],
    )


def reference_of(vault: Vault, case_id: str) -> str:
    with vault.sessions() as session:
        reference = session.scalar(select(Case.reference).where(Case.id == case_id))
    assert isinstance(reference, str)
    return reference


def load(controller: VaultController, case_id: str) -> Case:
    return controller.read(lambda s: cases.load_case(s, case_id))


def open_tab(qtbot: QtBot, controller: VaultController, case_id: str, cls: type[Any]) -> Any:
    """A tab showing the case, reloaded after each committed change as the editor does."""
    tab = cls(controller)
    qtbot.addWidget(tab)
    tab.resize(1100, 720)
    tab.load(load(controller, case_id))
    tab.reload_requested.connect(lambda: tab.load(load(controller, case_id)))
    tab.show()
    return tab


def audit_actions(vault: Vault, case_id: str) -> list[str]:
    with vault.sessions() as session:
        return list(
            session.execute(
                select(AuditEntry.action)
                .where(AuditEntry.case_id == case_id)
                .order_by(AuditEntry.seq)
            ).scalars()
        )


def model_texts(model: QAbstractItemModel) -> list[str]:
    texts: list[str] = []
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for row in range(model.rowCount()):
        for column in range(columns):
            index = model.index(row, column)
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def widget_texts(root: QWidget) -> list[str]:
    """Every text any widget under ``root`` shows or holds, models included."""
    texts = [root.windowTitle()]
    for line in root.findChildren(QLineEdit):
        texts.append(line.text())
    for box in root.findChildren(QPlainTextEdit):
        texts.append(box.toPlainText())
    for label in root.findChildren(QLabel):
        texts.append(label.text())
    for button in root.findChildren(QAbstractButton):
        texts.append(button.text())
    for combo in root.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for view in root.findChildren(QAbstractItemView):
        if view.model() is not None:
            texts += model_texts(view.model())
    for widget in root.findChildren(QWidget):
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    return texts


def unnamed_controls(root: QWidget) -> list[str]:
    """Focusable controls with no accessible name (a button is named by its text)."""
    found = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            continue
        container = widget.parentWidget()
        if isinstance(widget, QAbstractItemView) and isinstance(
            container.parentWidget() if container else None, QComboBox
        ):
            continue  # a combo box's own popup list
        found.append(f"{type(widget).__name__} in {type(container).__name__}")
    return found


def make_pdf(path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(200, 400, "Certificate of disposition (fictional)")
    writer.newPage()
    painter.drawText(200, 400, "Page two")
    painter.end()


def make_png(path: Path, size: QSize) -> None:
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a6ea5"))
    assert image.save(str(path), "PNG")


def files_under(root: Path, *, outside: Path) -> set[Path]:
    return {p for p in root.rglob("*") if not p.is_dir() and not p.is_relative_to(outside)}


@pytest.fixture
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fresh temp, home, cache, config and data folders, so any file written is seen."""
    temp = tmp_path / "tmpdir"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    for name in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    return temp


def choose_files(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []

    def fake(*args: Any, **_kwargs: Any) -> tuple[list[str], str]:
        calls.append(args)
        return [str(p) for p in paths], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake))
    return calls


def add_files(qtbot: QtBot, panel: AttachmentsPanel, timeout: int = 30_000) -> int:
    with qtbot.waitSignal(panel.attachments_added, timeout=timeout) as blocker:
        qtbot.mouseClick(panel.add_files_button, Qt.MouseButton.LeftButton)
    count = blocker.args[0] if blocker.args else -1
    assert isinstance(count, int)
    return count


def open_viewer(qtbot: QtBot, panel: AttachmentsPanel, name: str) -> AttachmentViewer:
    ids = {a.name: a.id for a in panel.model.rows()}
    panel.select_attachment(ids[name])
    with qtbot.waitSignal(panel.viewer_opened, timeout=20_000) as blocker:
        qtbot.mouseClick(panel.view_button, Qt.MouseButton.LeftButton)
    viewer = blocker.args[0] if blocker.args else None
    assert isinstance(viewer, AttachmentViewer)
    return viewer


# --- adverse parties and the conflict check ---------------------------------------------------


def wait_for_check(qtbot: QtBot, tab: PartiesTab) -> None:
    qtbot.waitUntil(lambda: tab.check_operation is None and tab.check_button.isEnabled())


def test_adding_a_party_finds_a_conflict_by_accent_and_name_order(
    qtbot: QtBot, vault: Vault, controller: VaultController, my_case: str, other_case: str
) -> None:
    tab = open_tab(qtbot, controller, my_case, PartiesTab)
    threads: list[threading.Thread] = []
    real_check = parties_module.check_conflicts

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real_check(*args, **kwargs)

    parties_module.check_conflicts = spy  # type: ignore[assignment]
    try:
        qtbot.mouseClick(tab.rows.add_button, Qt.MouseButton.LeftButton)
        dialog = tab.dialog
        assert dialog is not None
        dialog.name.setText("GARCIA NUNEZ, Jose Luis")  # no accents, surname first
        dialog.variants.set_lines(["El Flaco", "El Flaco"])
        qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
        assert tab.dialog is None
        wait_for_check(qtbot, tab)
    finally:
        parties_module.check_conflicts = real_check  # type: ignore[assignment]
    assert threads and all(t is not threading.main_thread() for t in threads)

    parties = tab.model.rows()
    assert [(p.name, p.name_variants) for p in parties] == [
        ("GARCIA NUNEZ, Jose Luis", ["El Flaco"])
    ]
    assert audit_actions(vault, my_case)[-1] == "adverse_party.added"

    reference = reference_of(vault, other_case)
    rows = tab.conflicts_model.rows()
    assert len(rows) == 1
    message = tab.conflicts_model.data(tab.conflicts_model.index(0, ConflictsModel.MESSAGE))
    assert message == (
        f"Possible conflict: adverse party “GARCIA NUNEZ, Jose Luis” matches the client of "
        f"{reference} (Client Birch) — the same name in another order"
    )
    assert "One possible conflict" in tab.check_status.text()
    # The other client's legal name is nowhere until revealed.
    shown = widget_texts(tab)
    assert not any(OTHER_LEGAL_NAME in text or "José Luis" in text for text in shown)
    assert tab.conflicts_model.data(tab.conflicts_model.index(0, ConflictsModel.MATCHED)) == (
        "hidden"
    )

    button = tab.reveal_buttons[0]
    assert button.accessibleName() == "Reveal the matched name of possible conflict 1"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    matched = tab.conflicts_model.data(tab.conflicts_model.index(0, ConflictsModel.MATCHED))
    assert matched == f"{OTHER_LEGAL_NAME} (legal name)"
    assert audit_actions(vault, other_case)[-1] == "conflict.name_revealed"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not any(OTHER_LEGAL_NAME in text for text in widget_texts(tab))


def test_similar_spellings_of_an_adverse_party_and_the_client_are_flagged(
    qtbot: QtBot, vault: Vault, controller: VaultController, my_case: str, other_case: str
) -> None:
    # A third case names this case's client (spelt differently) as a trafficker.
    third = add_case(
        vault,
        "Tanesha Poole",
        "Client Hazel",
        parties=[AdverseParty(name="Aminah Yousef Darwish", role=PartyRole.TRAFFICKER)],
    )
    tab = open_tab(qtbot, controller, my_case, PartiesTab)
    qtbot.mouseClick(tab.rows.add_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is not None
    tab.dialog.name.setText("Rigoberto Anaya Solis")  # the other case's trafficker, no accent
    tab.dialog.variants.set_lines(["Pepe Garcia"])  # the other client's other name
    qtbot.mouseClick(tab.dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    wait_for_check(qtbot, tab)
    messages = [m for m in model_texts(tab.conflicts_model) if m.startswith("Possible")]
    birch, hazel = reference_of(vault, other_case), reference_of(vault, third)
    assert (
        "Possible conflict: adverse party “Rigoberto Anaya Solis” matches an adverse party "
        f"(trafficker) of {birch} (Client Birch) — the same name"
    ) in messages
    assert (
        "Possible conflict: “Pepe Garcia”, a name variant of adverse party “Rigoberto Anaya "
        f"Solis” matches the client of {birch} (Client Birch) — the same name"
    ) in messages
    assert (
        "Possible conflict: this case's client matches an adverse party (trafficker) of "
        f"{hazel} (Client Hazel) — similar spelling"
    ) in messages
    assert "3 possible conflicts with other cases." in tab.check_status.text()
    # This case's client is named only as "this case's client".
    assert not any("Amina Yusuf Darwish" in text for text in widget_texts(tab))


def test_editing_and_removing_a_party_check_again(
    qtbot: QtBot, vault: Vault, controller: VaultController, my_case: str, other_case: str
) -> None:
    tab = open_tab(qtbot, controller, my_case, PartiesTab)
    qtbot.mouseClick(tab.rows.add_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is not None
    tab.dialog.name.setText("Jose Luis Garcia Nunez")
    qtbot.mouseClick(tab.dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    wait_for_check(qtbot, tab)
    assert tab.conflicts_model.rowCount() == 1

    tab.rows.select_row(0)
    qtbot.mouseClick(tab.rows.edit_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is not None
    assert tab.dialog.name.text() == "Jose Luis Garcia Nunez"
    tab.dialog.name.setText("Kelechi Obiora")
    qtbot.mouseClick(tab.dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    wait_for_check(qtbot, tab)
    assert tab.conflicts_model.rowCount() == 0
    assert "No possible conflict with the one other case" in tab.check_status.text()
    assert [p.name for p in tab.model.rows()] == ["Kelechi Obiora"]

    asked: list[str] = []
    tab.confirm_remove = lambda question: asked.append(question) or True
    tab.rows.select_row(0)
    qtbot.mouseClick(tab.rows.remove_button, Qt.MouseButton.LeftButton)
    wait_for_check(qtbot, tab)
    assert asked == ["Remove the adverse party “Kelechi Obiora” and its name variants?"]
    assert tab.model.rowCount() == 0
    assert audit_actions(vault, my_case)[-3:] == [
        "adverse_party.added",
        "adverse_party.edited",
        "adverse_party.removed",
    ]


def test_the_party_dialog_requires_a_name(
    qtbot: QtBot, vault: Vault, controller: VaultController, my_case: str
) -> None:
    tab = open_tab(qtbot, controller, my_case, PartiesTab)
    before = audit_actions(vault, my_case)
    qtbot.mouseClick(tab.rows.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    dialog.name.setText("   ")
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    assert tab.dialog is dialog and dialog.isVisible()
    assert dialog.problem_label.text() == "⚠ The name is required."
    assert audit_actions(vault, my_case) == before
    dialog.reject()
    assert tab.dialog is None


def test_check_conflicts_button_and_shortcut(
    qtbot: QtBot, vault: Vault, controller: VaultController, other_case: str
) -> None:
    mine = add_case(
        vault,
        "Tomás Ixcoy",
        "Client Hazel",
        parties=[AdverseParty(name="Pepe Garcia", role=PartyRole.EMPLOYER)],
    )
    tab = open_tab(qtbot, controller, mine, PartiesTab)
    assert tab.conflicts_model.rowCount() == 0
    assert tab.check_status.text().startswith("Not checked yet.")
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    wait_for_check(qtbot, tab)
    assert tab.conflicts_model.rowCount() == 1
    # The shortcut runs it again; the reveal shortcut toggles the selected hit.
    tab.conflicts_model.clear()
    tab.check_action.trigger()
    wait_for_check(qtbot, tab)
    assert tab.conflicts_model.rowCount() == 1
    tab.conflicts_view.setCurrentIndex(tab.conflicts_model.index(0, 0))
    tab.reveal_action.trigger()
    assert tab.conflicts_model.rows()[0].revealed == OTHER_OTHER_NAME
    assert tab.check_action.shortcut().toString() == "Ctrl+Shift+K"


def test_a_check_in_flight_is_ignored_after_clear(
    qtbot: QtBot, controller: VaultController, my_case: str, other_case: str
) -> None:
    tab = open_tab(qtbot, controller, my_case, PartiesTab)
    operation = tab.run_check()
    assert operation is not None
    tab.clear()
    qtbot.waitUntil(lambda: not operation.running)
    assert tab.conflicts_model.rowCount() == 0
    assert tab.check_status.text() == "Not checked yet."


# --- evidence ---------------------------------------------------------------------------------


def test_add_evidence_linked_to_a_record_entry_and_an_attachment(
    qtbot: QtBot, vault: Vault, controller: VaultController, my_case: str, tmp_path: Path
) -> None:
    with vault.transaction() as session:
        case = session.get(Case, my_case)
        assert case is not None
        source = tmp_path / "rap-sheet.txt"
        source.write_bytes(b"DCJS record (fictional)\n")
        with source.open("rb") as handle:
            cases.add_attachment(session, vault.attachments_dir, case, handle, source.name)
    tab = open_tab(qtbot, controller, my_case, EvidenceTab)
    qtbot.mouseClick(tab.rows.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    labels = model_texts(dialog.entries_model)
    assert labels[0] == "2016NY061277 · Loitering for the purpose of prostitution"
    dialog.title_edit.setText("Certificate of disposition")
    dialog.kind.set_value(EvidenceKind.COURT_RECORD)
    dialog.date.setText("2016-05-12")
    dialog.held_by.setText("Clinic")
    dialog.supports.set_lines(["disposition", "court of judgment"])
    # Tick the second entry with the keyboard, as a user would.
    dialog.entries.setCurrentIndex(dialog.entries_model.index(1))
    dialog.entries.setFocus()
    qtbot.keyClick(dialog.entries, Qt.Key.Key_Space)
    assert len(dialog.entries_model.checked_ids()) == 1
    dialog.attachment.setCurrentIndex(dialog.attachment.findText("rap-sheet.txt"))
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    assert dialog.problem_label.text() == ""
    assert tab.dialog is None

    with vault.sessions() as session:
        item = session.execute(
            select(EvidenceItem).where(EvidenceItem.case_id == my_case)
        ).scalar_one()
        assert item.title == "Certificate of disposition"
        assert item.kind is EvidenceKind.COURT_RECORD
        assert item.supports == ["disposition", "court of judgment"]
        assert [e.docket for e in item.record_entries] == ["2017BX009914"]
        assert item.attachment is not None and item.attachment.name == "rap-sheet.txt"
    assert audit_actions(vault, my_case)[-1] == "evidence.added"
    row = [tab.model.data(tab.model.index(0, c)) for c in range(tab.model.columnCount())]
    assert row[0] == "Certificate of disposition"
    assert row[1] == "Court record"
    assert row[3] == "Clinic"
    assert row[4] == "2017BX009914 · Petit larceny"
    assert row[5] == "rap-sheet.txt"

    # Edit: the dialog shows what is stored; untick, tick the other.
    tab.rows.select_row(0)
    qtbot.mouseClick(tab.rows.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    assert dialog.attachment.currentText() == "rap-sheet.txt"
    first, second = (dialog.entries_model.index(r) for r in range(2))
    assert dialog.entries_model.data(second, Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    dialog.entries_model.setData(first, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    dialog.entries_model.setData(second, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    dialog.attachment.setCurrentIndex(0)
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    with vault.sessions() as session:
        item = session.execute(select(EvidenceItem)).scalar_one()
        assert [e.docket for e in item.record_entries] == ["2016NY061277"]
        assert item.attachment_id is None

    tab.confirm_remove = lambda _question: True
    tab.rows.select_row(0)
    qtbot.mouseClick(tab.rows.remove_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 0
    with vault.sessions() as session:
        assert session.execute(select(EvidenceItem)).first() is None
        assert session.execute(select(Attachment)).scalar_one().name == "rap-sheet.txt"
    assert audit_actions(vault, my_case)[-2:] == ["evidence.edited", "evidence.removed"]


def test_the_evidence_dialog_requires_a_title_and_a_valid_date(
    qtbot: QtBot, vault: Vault, controller: VaultController, my_case: str
) -> None:
    tab = open_tab(qtbot, controller, my_case, EvidenceTab)
    before = audit_actions(vault, my_case)
    qtbot.mouseClick(tab.rows.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    dialog.date.setText("31/31/2020")
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    problems = dialog.problem_label.text()
    assert "The title is required." in problems
    assert "The date is not a valid date" in problems
    assert audit_actions(vault, my_case) == before
    dialog.reject()


# --- attachments ------------------------------------------------------------------------------


def test_files_are_encrypted_in_the_background_and_viewed_without_plaintext_files(
    qtbot: QtBot,
    vault: Vault,
    controller: VaultController,
    my_case: str,
    tmp_path: Path,
    private_dirs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sources = tmp_path / "chosen"
    sources.mkdir()
    pdf, png, text = sources / "disposition.pdf", sources / "photo.png", sources / "note.txt"
    make_pdf(pdf)
    make_png(png, QSize(640, 400))
    text.write_text("Statement of the client (fictional)\n", encoding="utf-8")
    dialog_calls = choose_files(monkeypatch, [pdf, png, text])
    threads: list[threading.Thread] = []
    real_add = panel_module.add_attachment

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real_add(*args, **kwargs)

    monkeypatch.setattr(panel_module, "add_attachment", spy)
    tab = open_tab(qtbot, controller, my_case, EvidenceTab)
    panel = tab.attachments

    assert add_files(qtbot, panel) == 3
    assert len(dialog_calls) == 1
    assert len(threads) == 3 and all(t is not threading.main_thread() for t in threads)
    assert [a.name for a in panel.model.rows()] == ["disposition.pdf", "photo.png", "note.txt"]
    assert [a.media_type for a in panel.model.rows()] == [
        "application/pdf",
        "image/png",
        "text/plain",
    ]
    assert panel.current_attachment() is not None
    assert panel.current_attachment().name == "note.txt"  # type: ignore[union-attr]
    assert panel.status.text() == "3 files added and encrypted."
    assert audit_actions(vault, my_case).count("attachment.added") == 3
    blobs = [p for p in vault.attachments_dir.iterdir()]
    assert len(blobs) == 3
    for blob in blobs:
        content = blob.read_bytes()
        assert b"%PDF" not in content and b"IHDR" not in content and b"Statement" not in content

    before = files_under(tmp_path, outside=vault.folder)
    viewer = open_viewer(qtbot, panel, "disposition.pdf")
    assert viewer.windowTitle() == "Attachment viewer"
    document = viewer.pdf_document
    assert document is not None
    qtbot.waitUntil(lambda: document.status() == QPdfDocument.Status.Ready)
    assert document.pageCount() == 2
    assert "2 pages" in viewer.heading.text()
    image_viewer = open_viewer(qtbot, panel, "photo.png")
    assert image_viewer.image is not None
    assert (image_viewer.image.width(), image_viewer.image.height()) == (640, 400)
    text_viewer = open_viewer(qtbot, panel, "note.txt")
    assert text_viewer.text_view is not None
    assert text_viewer.text_view.toPlainText() == "Statement of the client (fictional)\n"
    assert text_viewer.text_view.isReadOnly()
    qtbot.wait(200)  # let the PDF view paint (pdfium reads the buffer while rendering)
    viewer.grab()
    assert files_under(tmp_path, outside=vault.folder) == before
    assert list(private_dirs.iterdir()) == []

    # Closing releases the bytes: the document is closed and the buffer emptied.
    buffer = viewer.buffer
    assert buffer is not None
    viewer.close()
    assert viewer.released
    assert document.status() == QPdfDocument.Status.Null
    assert buffer.size() == 0
    assert viewer not in panel.viewers
    assert len(panel.viewers) == 2


def test_views_in_quick_succession_and_after_clear(
    qtbot: QtBot,
    vault: Vault,
    controller: VaultController,
    my_case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf, png = tmp_path / "a.pdf", tmp_path / "b.png"
    make_pdf(pdf)
    make_png(png, QSize(50, 30))
    choose_files(monkeypatch, [pdf, png])
    tab = open_tab(qtbot, controller, my_case, EvidenceTab)
    panel = tab.attachments
    assert add_files(qtbot, panel) == 2
    operations: list[Any] = []
    real_background = controller.background

    def spy(*args: Any, **kwargs: Any) -> Any:
        operations.append(real_background(*args, **kwargs))
        return operations[-1]

    monkeypatch.setattr(controller, "background", spy)
    opened: list[AttachmentViewer] = []
    panel.viewer_opened.connect(opened.append)
    ids = {a.name: a.id for a in panel.model.rows()}
    for name in ("a.pdf", "b.png"):  # the second request starts before the first is done
        panel.select_attachment(ids[name])
        panel.view_button.click()
    qtbot.waitUntil(lambda: len(opened) == 2)
    assert sorted((v.kind, v.heading.text().split("\n")[0]) for v in opened) == [
        ("image", "b.png"),
        ("pdf", "a.pdf"),
    ]
    # A result that arrives after the tab was cleared (the vault locking) opens nothing.
    panel.select_attachment(ids["b.png"])
    panel.view_button.click()
    tab.clear()
    qtbot.waitUntil(lambda: not operations[-1].running)
    assert len(opened) == 2
    assert panel.status.text() == ""


def test_a_file_that_cannot_be_previewed_is_not_decrypted(
    qtbot: QtBot,
    vault: Vault,
    controller: VaultController,
    my_case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    archive = tmp_path / "phone-export.zip"
    archive.write_bytes(b"PK\x03\x04 not really a zip")
    choose_files(monkeypatch, [archive])
    tab = open_tab(qtbot, controller, my_case, EvidenceTab)
    assert add_files(qtbot, tab.attachments) == 1
    decrypted: list[object] = []
    monkeypatch.setattr(panel_module.blobs, "read_all", lambda *args: decrypted.append(args) or b"")
    viewer = open_viewer(qtbot, tab.attachments, "phone-export.zip")
    assert viewer.kind == ""
    assert "cannot be previewed" in viewer.notice.text()
    assert "Export a copy" in viewer.notice.text()
    assert decrypted == []


def test_a_damaged_attachment_is_reported_not_shown(
    qtbot: QtBot,
    vault: Vault,
    controller: VaultController,
    my_case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    image = tmp_path / "photo.png"
    make_png(image, QSize(32, 32))
    choose_files(monkeypatch, [image])
    tab = open_tab(qtbot, controller, my_case, EvidenceTab)
    panel = tab.attachments
    assert add_files(qtbot, panel) == 1
    (blob,) = vault.attachments_dir.iterdir()
    damaged = bytearray(blob.read_bytes())
    damaged[-5] ^= 0x40
    blob.write_bytes(bytes(damaged))
    panel.select_attachment(panel.model.rows()[0].id)
    qtbot.mouseClick(panel.view_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot be shown" in panel.status.text())
    assert "damaged or has been tampered with" in panel.status.text()
    assert panel.viewers == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe to hold the reader")
def test_cancelling_an_import_adds_nothing_and_leaves_no_blob(
    qtbot: QtBot,
    vault: Vault,
    controller: VaultController,
    my_case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pipe = tmp_path / "slow-source.pdf"
    os.mkfifo(pipe)
    choose_files(monkeypatch, [pipe])
    tab = open_tab(qtbot, controller, my_case, EvidenceTab)
    panel = tab.attachments
    with qtbot.waitSignal(panel.attachments_added, timeout=20_000) as blocker:
        qtbot.mouseClick(panel.add_files_button, Qt.MouseButton.LeftButton)
        importer = panel.importer
        assert importer is not None and importer.running
        assert not panel.add_files_button.isEnabled()
        # The worker waits on the pipe; the window is free: the user presses Cancel.
        cancel_button = importer.progress.findChild(QPushButton)
        assert cancel_button is not None
        cancel_button.click()
        # Let the worker go on; it must notice the cancel (and may close the pipe first).
        with contextlib.suppress(BrokenPipeError), pipe.open("wb") as writer:
            writer.write(b"%PDF-1.4 partial")
    assert blocker.args == [0]
    assert importer.cancelled
    assert "Cancelled" in panel.status.text()
    assert panel.model.rowCount() == 0
    assert list(vault.attachments_dir.iterdir()) == []
    assert "attachment.added" not in audit_actions(vault, my_case)
    assert panel.add_files_button.isEnabled()


def test_export_a_copy_is_explicit_equal_to_the_original_and_audited(
    qtbot: QtBot,
    vault: Vault,
    controller: VaultController,
    my_case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf = tmp_path / "disposition.pdf"
    make_pdf(pdf)
    choose_files(monkeypatch, [pdf])
    tab = open_tab(qtbot, controller, my_case, EvidenceTab)
    panel = tab.attachments
    assert add_files(qtbot, panel) == 1
    panel.select_attachment(panel.model.rows()[0].id)
    destination = tmp_path / "exported" / "copy.pdf"
    destination.parent.mkdir()
    save_calls: list[tuple[Any, ...]] = []

    def fake_save(*args: Any, **_kwargs: Any) -> tuple[str, str]:
        save_calls.append(args)
        return str(destination), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))

    # Declining the warning stops everything: no file dialog, no file, no audit entry.
    panel.confirm_export = lambda: False
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert save_calls == [] and not destination.exists()
    assert "attachment.exported" not in audit_actions(vault, my_case)

    panel.confirm_export = lambda: True
    with qtbot.waitSignal(panel.export_finished, timeout=20_000) as blocker:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert len(save_calls) == 1
    assert str(save_calls[0][2]).endswith("disposition.pdf")  # suggested name only
    assert destination.read_bytes() == pdf.read_bytes()
    assert audit_actions(vault, my_case)[-1] == "attachment.exported"
    assert "not encrypted" in panel.status.text()
    assert panel.export_button.isEnabled()
    assert [p.name for p in destination.parent.iterdir()] == ["copy.pdf"]

    # A copy inside the vault folder is refused.
    destination = vault.folder / "copy.pdf"
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert not destination.exists()
    assert panel.status.text() == "Choose a place outside the vault folder for the copy."


def test_a_copy_that_cannot_be_recorded_is_not_kept(
    qtbot: QtBot,
    vault: Vault,
    controller: VaultController,
    my_case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    png = tmp_path / "photo.png"
    make_png(png, QSize(16, 16))
    choose_files(monkeypatch, [png])
    tab = open_tab(qtbot, controller, my_case, EvidenceTab)
    panel = tab.attachments
    assert add_files(qtbot, panel) == 1
    panel.select_attachment(panel.model.rows()[0].id)
    panel.confirm_export = lambda: True
    destination = tmp_path / "copy.png"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(destination), ""))
    )

    # 1. The audit entry cannot be written (the disk is full, say): the copy is removed.
    def failing_record(*_args: Any, **_kwargs: Any) -> None:
        raise VaultError("the vault could not be written")

    monkeypatch.setattr(panel_module.audit, "record", failing_record)
    with qtbot.waitSignal(panel.export_finished, timeout=20_000) as blocker:
        panel.export_button.click()
    assert blocker.args == [False]
    assert not destination.exists()
    assert "could not be recorded in the case's history" in panel.status.text()
    monkeypatch.undo()

    # 2. The vault locks while the copy is being written: the finished copy is removed.
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(destination), ""))
    )
    release = threading.Event()
    real_export = panel_module.blobs.export_to

    def held_export(path: Path, chunks: Any) -> None:
        assert release.wait(20)
        real_export(path, chunks)

    monkeypatch.setattr(panel_module.blobs, "export_to", held_export)
    operations: list[Any] = []
    real_background = controller.background

    def spy(*args: Any, **kwargs: Any) -> Any:
        operations.append(real_background(*args, **kwargs))
        return operations[-1]

    monkeypatch.setattr(controller, "background", spy)
    panel.select_attachment(panel.model.rows()[0].id)
    panel.confirm_export = lambda: True
    panel.export_button.click()
    assert operations and operations[-1].running
    assert not panel.export_button.isEnabled()  # one export at a time
    tab.clear()
    release.set()
    qtbot.waitUntil(lambda: not operations[-1].running, timeout=20_000)
    assert not destination.exists()
    assert "attachment.exported" not in audit_actions(vault, my_case)


# --- models, accessibility, clearing ----------------------------------------------------------


@pytest.fixture
def filled(
    qtbot: QtBot,
    vault: Vault,
    controller: VaultController,
    my_case: str,
    other_case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[PartiesTab, EvidenceTab]:
    """Both tabs showing realistic data: parties, a conflict found and revealed, evidence,
    attachments and an open viewer."""
    with vault.transaction() as session:
        case = session.get(Case, my_case)
        assert case is not None
        case.adverse_parties.append(
            AdverseParty(name="Jose Luis Garcia", name_variants=["Pepe"], position=1)
        )
        case.evidence.append(
            EvidenceItem(
                title="Letter from shelter caseworker",
                kind=EvidenceKind.OFFICIAL_LETTER,
                supports=["trafficking period"],
                record_entries=[case.record_entries[0]],
            )
        )
    png = tmp_path / "scan-of-passport.png"
    make_png(png, QSize(120, 80))
    choose_files(monkeypatch, [png])
    parties = open_tab(qtbot, controller, my_case, PartiesTab)
    parties.run_check()
    wait_for_check(qtbot, parties)
    parties.reveal_buttons[0].click()
    evidence = open_tab(qtbot, controller, my_case, EvidenceTab)
    assert add_files(qtbot, evidence.attachments) == 1
    open_viewer(qtbot, evidence.attachments, "scan-of-passport.png")
    return parties, evidence


def test_every_model_passes_the_model_tester(
    qtmodeltester: ModelTester, filled: tuple[PartiesTab, EvidenceTab]
) -> None:
    parties, evidence = filled
    assert parties.model.rowCount() == 1
    assert parties.conflicts_model.rowCount() >= 1
    assert evidence.model.rowCount() == 1
    assert evidence.attachments.model.rowCount() == 1
    for model in (
        parties.model,
        parties.conflicts_model,
        evidence.model,
        evidence.attachments.model,
    ):
        qtmodeltester.check(model)
    checklist = EntryChecklistModel([("a", "first"), ("b", "second")], {"b", "gone"})
    qtmodeltester.check(checklist)
    assert checklist.checked_ids() == ["b"]
    evidence.rows.select_row(0)
    evidence.rows.edit_button.click()
    assert evidence.dialog is not None
    qtmodeltester.check(evidence.dialog.entries_model)
    evidence.dialog.reject()


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, filled: tuple[PartiesTab, EvidenceTab]
) -> None:
    parties, evidence = filled
    assert unnamed_controls(parties) == []
    assert unnamed_controls(evidence) == []
    for viewer in evidence.attachments.viewers:
        assert unnamed_controls(viewer) == []
    parties.rows.add_button.click()
    assert parties.dialog is not None
    assert unnamed_controls(parties.dialog) == []
    parties.dialog.reject()
    evidence.rows.add_button.click()
    assert evidence.dialog is not None
    assert unnamed_controls(evidence.dialog) == []
    evidence.dialog.reject()


def test_tab_order_follows_reading_order(filled: tuple[PartiesTab, EvidenceTab]) -> None:
    parties, evidence = filled

    def chain(start: QWidget, steps: int) -> list[QWidget]:
        found, widget = [start], start
        for _ in range(steps):
            widget = widget.nextInFocusChain()
            while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isEnabled():
                widget = widget.nextInFocusChain()
            found.append(widget)
        return found

    parties.rows.select_row(0)
    assert chain(parties.rows.view, 5) == [
        parties.rows.view,
        parties.rows.add_button,
        parties.rows.edit_button,
        parties.rows.remove_button,
        parties.check_button,
        parties.conflicts_view,
    ]
    evidence.rows.select_row(0)
    assert chain(evidence.rows.view, 4) == [
        evidence.rows.view,
        evidence.rows.add_button,
        evidence.rows.edit_button,
        evidence.rows.remove_button,
        evidence.attachments.view,
    ]
    order = chain(evidence.attachments.view, 3)
    assert order == [
        evidence.attachments.view,
        evidence.attachments.add_files_button,
        evidence.attachments.view_button,
        evidence.attachments.export_button,
    ]


def test_clear_leaves_no_case_text_anywhere(filled: tuple[PartiesTab, EvidenceTab]) -> None:
    parties, evidence = filled
    secrets = [
        OTHER_LEGAL_NAME,
        "Jose Luis Garcia",
        "Pepe",
        "Letter from shelter caseworker",
        "trafficking period",
        "2016NY061277",
        "scan-of-passport",
        "Client Birch",
        "RD-",
    ]
    before = widget_texts(parties) + widget_texts(evidence)
    assert any(OTHER_LEGAL_NAME in text for text in before)  # revealed
    assert any("scan-of-passport" in text for text in before)
    viewers = list(evidence.attachments.viewers)
    assert viewers
    parties.clear()
    evidence.clear()
    after = widget_texts(parties) + widget_texts(evidence)
    leaked = [text for text in after for secret in secrets if secret in text]
    assert leaked == []
    for model in (
        parties.model,
        parties.conflicts_model,
        evidence.model,
        evidence.attachments.model,
    ):
        assert model.rowCount() == 0
    assert evidence.attachments.viewers == []
    for viewer in viewers:
        assert viewer.released and not viewer.isVisible()
        assert viewer.image is None
        assert not any(secret in text for text in widget_texts(viewer) for secret in secrets)
    assert not parties.isEnabled() and not evidence.isEnabled()


def test_lock_while_adding_files_aborts_quietly(
    qtbot: QtBot,
    vault: Vault,
    controller: VaultController,
    my_case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pipe = tmp_path / "held.bin"
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs a named pipe")
    os.mkfifo(pipe)
    choose_files(monkeypatch, [pipe])
    tab = open_tab(qtbot, controller, my_case, EvidenceTab)
    tab.attachments.add_files_button.click()
    importer = tab.attachments.importer
    assert importer is not None and importer.running
    operation = importer.operation
    assert operation is not None
    emitted: list[int] = []
    tab.attachments.attachments_added.connect(emitted.append)
    tab.clear()  # as the editor does on lock, before the key is dropped
    with contextlib.suppress(BrokenPipeError), pipe.open("wb") as writer:
        writer.write(b"x")
    qtbot.waitUntil(lambda: not operation.running, timeout=20_000)
    assert emitted == []
    assert tab.attachments.importer is None
    assert tab.attachments.model.rowCount() == 0
