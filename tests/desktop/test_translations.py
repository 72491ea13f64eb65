"""English and Spanish: the catalogues are current and complete, and the real widgets use them.

The Spanish catalogue must hold every string that Qt's lupdate extracts from redress/desktop (run
``make translations`` after changing interface text, then translate what is new), the compiled
.qm files must match their .ts sources, and dates follow the user's locale.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from redress.desktop.app import TRANSLATIONS, install_translators
from redress.desktop.caselist.dashboard import DashboardView
from redress.desktop.caselist.model import Column
from redress.desktop.controller import VaultController
from redress.desktop.editor.widgets import enum_label, reset_labels
from redress.desktop.mainwindow import MainWindow
from redress.desktop.settings import Settings
from redress.models import cases, demo
from redress.models.schema import Stage
from redress.models.vault import Vault
from tests.conftest import NoKeychain

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "redress" / "desktop").rglob("*.py"))
ES_TS = TRANSLATIONS / "redress_es.ts"
EN_TS = TRANSLATIONS / "redress_en.ts"
BIN = Path(sys.executable).parent
TODAY = dt.date(2026, 11, 23)
# %1, %n and the {name} fields of str.format must survive translation unchanged.
PLACEHOLDER = re.compile(r"%n|%\d|\{\w+\}")
TAG = re.compile(r"</?\w+[^>]*>")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    finished: bool
    forms: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, bool]:
        return (self.context, self.source, self.numerus)


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            messages.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    numerus,
                    translation.get("type") not in ("unfinished", "vanished", "obsolete"),
                    forms,
                )
            )
    return messages


def run_tool(tool: str, *args: str) -> None:
    subprocess.run([str(BIN / tool), *args], check=True, capture_output=True, timeout=120, cwd=ROOT)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """What lupdate finds in redress/desktop now (the Makefile's `translations` command)."""
    fresh = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    run_tool(
        "pyside6-lupdate",
        *(str(path) for path in SOURCES),
        "-no-obsolete",
        "-locations",
        "none",
        "-ts",
        str(fresh),
    )
    return read_ts(fresh)


# --- the catalogues --------------------------------------------------------------------------


def test_spanish_catalogue_is_current(extracted: list[Message]) -> None:
    committed = {m.key for m in read_ts(ES_TS)}
    found = {m.key for m in extracted}
    assert len(found) > 700
    assert not found - committed, "run `make translations` and translate the new messages"
    assert not committed - found, "run `make translations` to drop obsolete messages"


def test_every_spanish_message_is_translated() -> None:
    messages = read_ts(ES_TS)
    assert "unfinished" not in ES_TS.read_text(encoding="utf-8")
    for m in messages:
        assert m.finished, m.source
        assert all(form.strip() for form in m.forms), m.source
        if m.numerus:
            assert len(m.forms) == 2, m.source  # Spanish: singular and plural
        for index, form in enumerate(m.forms):
            # A singular form may spell the number out ("the one other case").
            if not (m.numerus and index == 0 and "%n" not in form):
                assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(m.source)), (
                    m.source,
                    form,
                )
            assert TAG.findall(form) == TAG.findall(m.source), (m.source, form)
            assert ("&" in form) == ("&" in m.source), (m.source, form)


def test_english_catalogue_holds_every_plural_form(extracted: list[Message]) -> None:
    plurals = {m.key for m in extracted if m.numerus}
    english = read_ts(EN_TS)
    assert {m.key for m in english} == plurals
    for m in english:
        assert m.finished and len(m.forms) == 2, m.source
        assert "(s)" not in "".join(m.forms), m.source


def test_every_string_is_extracted_in_its_class_context(extracted: list[Message]) -> None:
    """tr()/translate() take literals only, and lupdate files each under the right context.

    An alias (``tr = self.tr``), an f-string or a variable inside tr() escapes lupdate; a string
    lupdate files under another context is never found at run time.
    """
    expected: set[tuple[str, str, bool]] = set()
    problems: list[str] = []

    def visit(node: ast.AST, cls: str, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                where = f"{path.relative_to(ROOT)}:{child.lineno}"
                literals = [a.value for a in child.args if isinstance(a, ast.Constant)]
                if name == "tr":
                    if child.args and isinstance(child.args[0], ast.Constant):
                        expected.add((inner, str(literals[0]), len(child.args) >= 3))
                    else:
                        problems.append(f"{where}: tr() of a non-literal")
                elif name == "translate" and path.name == "model_messages.py":
                    pass  # looks up the QT_TRANSLATE_NOOP literals listed in that module
                elif name in ("translate", "QT_TRANSLATE_NOOP"):
                    args = child.args
                    if len(args) >= 2 and all(isinstance(a, ast.Constant) for a in args[:2]):
                        if len(args) >= 4:
                            problems.append(f"{where}: use self.tr(…, '', n) for plurals")
                        expected.add((str(literals[0]), str(literals[1]), False))
                    else:
                        problems.append(f"{where}: translate() of a non-literal")
            visit(child, inner, path)

    for path in SOURCES:
        visit(ast.parse(path.read_text(encoding="utf-8")), "", path)
    assert not problems
    assert expected == {m.key for m in extracted}


def test_compiled_catalogues_match_their_sources(tmp_path: Path) -> None:
    for ts in (ES_TS, EN_TS):
        fresh_qm = tmp_path / ts.with_suffix(".qm").name
        run_tool("pyside6-lrelease", str(ts), "-qm", str(fresh_qm))
        committed, fresh = QTranslator(), QTranslator()
        assert committed.load(str(ts.with_suffix(".qm")))
        assert fresh.load(str(fresh_qm))
        for m in read_ts(ts):
            counts = (1, 5) if m.numerus else (-1,)
            for count, form in zip(counts, m.forms, strict=True):
                wanted = fresh.translate(m.context, m.source, None, count)
                assert wanted == form, (m.source, wanted)
                got = committed.translate(m.context, m.source, None, count)
                assert got == wanted, f"{ts.name}: rerun `make translations` ({m.source})"


# --- the running interface -------------------------------------------------------------------


@pytest.fixture
def use_language(qapp: QApplication) -> Iterator[Callable[[str], list[QTranslator]]]:
    """Install the translators for a language; removes them and restores the locale after."""
    previous = QLocale()
    installed: list[QTranslator] = []

    def use(language: str) -> list[QTranslator]:
        translators = install_translators(qapp, language)
        installed.extend(translators)
        reset_labels()
        return translators

    yield use
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(previous)
    reset_labels()


@pytest.fixture
def demo_vault(vault: Vault) -> Vault:
    with vault.transaction() as session:
        demo.add_demo_cases(session, today=TODAY)
    return vault


def open_window(qtbot: QtBot, tmp_path: Path, demo_vault: Vault | None = None) -> MainWindow:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    controller = VaultController(keychain=NoKeychain())
    window = MainWindow(controller, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    if demo_vault is not None:
        with qtbot.waitSignal(window.case_list.proxy.modelReset, timeout=5000):
            controller.adopt(demo_vault)
        qtbot.waitUntil(lambda: window.case_list.model.rowCount() >= 30, timeout=5000)
    return window


def intake_summaries(vault: Vault) -> list[cases.CaseSummary]:
    with vault.sessions() as session:
        found = [s for s in cases.list_cases(session) if s.stage == Stage.INTAKE]
    assert len(found) >= 3
    return found


def test_spanish_window_menus_lock_screen_and_plurals(
    qtbot: QtBot,
    tmp_path: Path,
    demo_vault: Vault,
    use_language: Callable[[str], list[QTranslator]],
) -> None:
    assert len(use_language("es")) == 2  # Redress's catalogue and Qt's own
    window = open_window(qtbot, tmp_path)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Bóveda", "&Caso", "&Ver", "&Preferencias", "Ay&uda"]
    assert window.locked_view.message.text() == "<h2>La bóveda está bloqueada</h2>"
    assert window.locked_view.unlock_button.text() == "&Desbloquear…"
    assert window.statusBar().currentMessage() == "Bloqueada"
    assert enum_label(Stage.INTAKE) == "Admisión"

    dashboard = DashboardView()
    qtbot.addWidget(dashboard)
    intake = intake_summaries(demo_vault)
    dashboard.show_summaries(intake[:1], [], TODAY)
    assert dashboard.intake_button.text() == "1 caso nuevo por evaluar"
    dashboard.show_summaries(intake[:3], [], TODAY)
    assert dashboard.intake_button.text() == "3 casos nuevos por evaluar"


def test_spanish_case_list_and_status(
    qtbot: QtBot,
    tmp_path: Path,
    demo_vault: Vault,
    use_language: Callable[[str], list[QTranslator]],
) -> None:
    use_language("es")
    window = open_window(qtbot, tmp_path, demo_vault)
    count = window.case_list.model.rowCount()
    assert window.statusBar().currentMessage() == f"{count} casos en la bóveda"
    model = window.case_list.model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Próximo plazo" in header
    stages = {model.data(model.index(r, Column.STAGE)) for r in range(model.rowCount())}
    assert "Admisión" in stages


def test_english_plurals(
    qtbot: QtBot,
    demo_vault: Vault,
    use_language: Callable[[str], list[QTranslator]],
) -> None:
    assert len(use_language("en")) == 2
    dashboard = DashboardView()
    qtbot.addWidget(dashboard)
    intake = intake_summaries(demo_vault)
    dashboard.show_summaries(intake[:1], [], TODAY)
    assert dashboard.intake_button.text() == "1 new case to screen"
    dashboard.show_summaries(intake[:3], [], TODAY)
    assert dashboard.intake_button.text() == "3 new cases to screen"
    in_vault = QCoreApplication.translate("MainWindow", "%n case(s) in the vault", "", 1)
    assert in_vault == "1 case in the vault"
    for days, text in ((1, "In 1 day"), (3, "In 3 days")):
        assert QCoreApplication.translate("DeadlineTableModel", "In %n day(s)", "", days) == text
    assert enum_label(Stage.INTAKE) == "Intake"


def next_deadline_texts(window: MainWindow) -> dict[str, tuple[dt.date, str]]:
    model = window.case_list.model
    texts = {}
    for row in range(model.rowCount()):
        summary = model.summary(row)
        if summary.next_deadline is not None:
            texts[summary.reference] = (
                summary.next_deadline,
                model.data(model.index(row, Column.NEXT_DEADLINE)),
            )
    return texts


@pytest.mark.parametrize(
    ("language", "day_first", "overdue"),
    [("es_ES", True, "(vencido)"), ("en_US", False, "(overdue)")],
)
def test_case_list_dates_follow_the_locale(
    qtbot: QtBot,
    tmp_path: Path,
    demo_vault: Vault,
    use_language: Callable[[str], list[QTranslator]],
    language: str,
    day_first: bool,
    overdue: str,
) -> None:
    use_language(language)
    window = open_window(qtbot, tmp_path, demo_vault)
    texts = next_deadline_texts(window)
    unambiguous = [(d, t) for d, t in texts.values() if d.day > 12]
    assert unambiguous
    for date, text in unambiguous:
        first = int(text.split("/")[0])
        assert first == (date.day if day_first else date.month), text
        short = QLocale(language).toString(
            QDate(date.year, date.month, date.day), QLocale.FormatType.ShortFormat
        )
        assert text.startswith(short), text
    assert any(text.endswith(overdue) for _, text in texts.values())


def test_every_fixed_domain_message_is_translatable() -> None:
    """Each literal message raised in redress/models is listed for lupdate (ModelErrors)."""
    import ast
    from pathlib import Path

    from redress.desktop.model_messages import MESSAGES
    from redress.models.keyslots import _WRONG
    from redress.models.locking import IN_USE
    from redress.models.vault import DAMAGED_DATABASE

    models = Path(__file__).resolve().parents[2] / "redress" / "models"
    raised: set[str] = set(_WRONG.values()) | {IN_USE, DAMAGED_DATABASE}
    # Interchange and demo-file diagnostics describe files being imported; they are shown with
    # their field paths by the import commands, not in the desktop.
    for path in set(models.glob("*.py")) - {models / "interchange.py", models / "demo.py"}:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                first = node.exc.args[0]
                name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
                builtin = name in {"ValueError", "TypeError", "RuntimeError", "KeyError"}
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and not builtin:
                    raised.add(first.value)
    assert raised - set(MESSAGES) == set()


def test_domain_errors_reach_the_user_in_spanish(
    use_language: Callable[[str], list[QTranslator]],
) -> None:
    from redress.desktop.workers import safe_message

    use_language("es")
    from redress.models.errors import VaultNotFoundError, WrongCredentialError
    from redress.models.keyslots import _WRONG

    assert safe_message(VaultNotFoundError("there is no Redress vault at that location")) == (
        "no hay ninguna bóveda de Redress en esa ubicación"
    )
    assert safe_message(WrongCredentialError(_WRONG["passphrase"])).startswith(
        "frase de contraseña incorrecta"
    )
    dynamic = "the vault database is older than its key-slot file records (counter 1)"
    assert safe_message(VaultNotFoundError(dynamic)) == dynamic
