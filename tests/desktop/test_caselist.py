"""The case list: models pass Qt's model tester, filters and search work, names stay hidden."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from redress.desktop.caselist.dashboard import DashboardView, DeadlineTableModel
from redress.desktop.caselist.model import (
    ID_ROLE,
    CaseFilterProxy,
    CaseTableModel,
    Column,
    DeadlineFilter,
)
from redress.desktop.caselist.view import CaseListView
from redress.desktop.controller import VaultController
from redress.desktop.mainwindow import MainWindow
from redress.desktop.settings import ALLOWED_KEYS, Settings
from redress.models import cases, demo
from redress.models.vault import Vault
from tests.conftest import NoKeychain

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def demo_vault(vault: Vault) -> Vault:
    with vault.transaction() as session:
        demo.add_demo_cases(session, today=TODAY)
    return vault


@pytest.fixture
def summaries(demo_vault: Vault) -> list[cases.CaseSummary]:
    with demo_vault.sessions() as session:
        return cases.list_cases(session)


def test_case_model_passes_model_tester(
    qtmodeltester: ModelTester, summaries: list[cases.CaseSummary]
) -> None:
    model = CaseTableModel()
    model.today = TODAY
    model.set_cases(summaries)
    qtmodeltester.check(model)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_deadline_filter(DeadlineFilter.OVERDUE)
    qtmodeltester.check(proxy)


def test_deadline_model_passes_model_tester(qtmodeltester: ModelTester, demo_vault: Vault) -> None:
    with demo_vault.sessions() as session:
        rows = cases.upcoming_deadlines(session, TODAY, days=30)
    assert rows
    model = DeadlineTableModel()
    model.set_rows(rows, TODAY)
    qtmodeltester.check(model)
    statuses = {model.data(model.index(r, 1)) for r in range(model.rowCount())}
    assert any(s.startswith("Overdue by") for s in statuses)
    assert all(row[0].due_date <= TODAY + dt.timedelta(days=30) for row in rows)


def test_pseudonyms_by_default_and_names_on_request(summaries: list[cases.CaseSummary]) -> None:
    model = CaseTableModel()
    model.set_cases(summaries)
    shown = {model.data(model.index(r, Column.CLIENT)) for r in range(model.rowCount())}
    assert all(name.startswith("Client ") for name in shown)
    first = summaries[0]
    model.reveal_names({first.id: "Revealed Name"})
    assert model.data(model.index(model.row_of(first.id), Column.CLIENT)) == "Revealed Name"
    model.hide_names()
    assert model.data(model.index(model.row_of(first.id), Column.CLIENT)) == first.pseudonym
    assert not model.names_revealed


def test_filters(summaries: list[cases.CaseSummary]) -> None:
    model = CaseTableModel()
    model.set_cases(summaries)
    proxy = CaseFilterProxy()
    proxy.today = TODAY
    proxy.setSourceModel(model)
    total = proxy.rowCount()
    assert total == len(summaries)

    proxy.set_stage("filed")
    assert 0 < proxy.rowCount() < total
    assert all(
        model.summary(proxy.mapToSource(proxy.index(r, 0)).row()).stage.value == "filed"
        for r in range(proxy.rowCount())
    )
    proxy.set_stage(None)
    proxy.set_jurisdiction("GB-EWS")
    expected = sum(1 for s in summaries if s.jurisdiction == "GB-EWS")
    assert proxy.rowCount() == expected > 0
    proxy.set_jurisdiction(None)
    proxy.set_deadline_filter(DeadlineFilter.OVERDUE)
    expected = sum(1 for s in summaries if s.next_deadline and s.next_deadline < TODAY)
    assert proxy.rowCount() == expected > 0
    proxy.set_deadline_filter(DeadlineFilter.NONE)
    assert proxy.rowCount() == sum(1 for s in summaries if s.next_deadline is None)
    proxy.set_deadline_filter(DeadlineFilter.ANY)
    some = {summaries[0].id, summaries[3].id}
    proxy.set_search_matches(some)
    assert {proxy.data(proxy.index(r, 0), ID_ROLE) for r in range(proxy.rowCount())} == some


def test_sorting_by_next_deadline_puts_none_last(summaries: list[cases.CaseSummary]) -> None:
    model = CaseTableModel()
    model.set_cases(summaries)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.NEXT_DEADLINE, Qt.SortOrder.AscendingOrder)
    dues = [
        model.summary(proxy.mapToSource(proxy.index(r, 0)).row()).next_deadline
        for r in range(proxy.rowCount())
    ]
    present = [d for d in dues if d is not None]
    assert present == sorted(present)
    assert dues[: len(present)] == present


def test_search_box_debounces_and_requests(qtbot: QtBot) -> None:
    view = CaseListView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.search_requested, timeout=2000) as blocker:
        qtbot.keyClicks(view.search, "haddad")
    assert blocker.args == ["haddad"]


@pytest.fixture
def window(qtbot: QtBot, demo_vault: Vault, tmp_path) -> MainWindow:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    controller = VaultController(keychain=NoKeychain())
    win = MainWindow(controller, settings, today=lambda: TODAY)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.case_list.proxy.modelReset, timeout=5000):
        controller.adopt(demo_vault)
    qtbot.waitUntil(lambda: win.case_list.model.rowCount() >= 30, timeout=5000)
    return win


def test_main_window_lists_searches_and_locks(
    qtbot: QtBot, window: MainWindow, demo_vault: Vault
) -> None:
    assert window.windowTitle() == "Redress"
    view = window.case_list
    with demo_vault.sessions() as session:
        target = cases.find_case(session, "DEMO-001")
        word = target.client.legal_name.split()[-1]
    qtbot.keyClicks(view.search, word)
    qtbot.waitUntil(lambda: view.proxy.rowCount() < view.model.rowCount(), timeout=5000)
    shown = {view.proxy.data(view.proxy.index(r, 0), ID_ROLE) for r in range(view.proxy.rowCount())}
    assert target.id in shown
    view.search.clear()
    assert view.proxy.rowCount() == view.model.rowCount()

    window.reveal_action.trigger()
    row = view.model.row_of(target.id)
    assert view.model.data(view.model.index(row, Column.CLIENT)) == target.client.legal_name
    window.reveal_action.trigger()
    assert view.model.data(view.model.index(row, Column.CLIENT)) == target.client.pseudonym

    assert "overdue" in window.dashboard.overdue_button.text()
    window.lock_action.trigger()
    assert not window.controller.is_unlocked
    assert not demo_vault.is_open
    assert view.model.rowCount() == 0
    assert window.dashboard.model.rowCount() == 0
    assert window.stack.currentWidget() is window.locked_view
    assert not window.new_case_action.isEnabled()
    assert window.windowTitle() == "Redress"


def test_dashboard_buttons_filter_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.dashboard.overdue_button.click()
    proxy = window.case_list.proxy
    assert 0 < proxy.rowCount() < window.case_list.model.rowCount()
    window.dashboard.intake_button.click()
    assert all(
        window.case_list.model.summary(proxy.mapToSource(proxy.index(r, 0)).row()).stage.value
        == "intake"
        for r in range(proxy.rowCount())
    )


def test_settings_allow_list(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.idle_minutes = 10
    settings.last_folder = tmp_path
    assert settings.idle_minutes == 10
    assert settings.last_folder == tmp_path
    with pytest.raises(KeyError):
        settings._set("case/last_name", "x")
    assert set(settings.store.allKeys()) <= ALLOWED_KEYS


def test_dashboard_view_counts(
    qtbot: QtBot, summaries: list[cases.CaseSummary], demo_vault: Vault
) -> None:
    view = DashboardView()
    qtbot.addWidget(view)
    with demo_vault.sessions() as session:
        rows = cases.upcoming_deadlines(session, TODAY)
    view.show_summaries(summaries, rows, TODAY)
    overdue = sum(1 for s in summaries if s.next_deadline and s.next_deadline < TODAY)
    assert view.overdue_button.text().startswith(f"{overdue} case")
    with qtbot.waitSignal(view.case_requested) as blocker:
        view.table.activated.emit(view.model.index(0, 0))
    assert blocker.args == [rows[0][0].case_id]
