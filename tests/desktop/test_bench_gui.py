"""The desktop benchmark runs end to end and reports every figure (not a timing assertion)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from redress.desktop import bench_gui


def test_bench_gui_small(qtbot: QtBot) -> None:
    result = bench_gui.run(cases=80, keystrokes=25)
    assert result["cases"] == 80
    assert result["list_after_unlock_s"] > result["list_without_qt_s"] > 0
    assert result["filter_p95_ms"] >= result["filter_p50_ms"] > 0
    assert 0 < result["cold_start_s"] < 60, "the cold-start child must print ready"
    assert set(result["passed"]) == {"list_after_unlock", "filter_p95", "cold_start"}
    assert "unlock -> case list shown" in bench_gui.format_report(result)
