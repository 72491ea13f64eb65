"""The ``redress`` command: every subcommand, success and failure, one-line errors, no secrets."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from redress.desktop import cli
from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE

COMMANDS = [
    "init",
    "demo",
    "cases",
    "case",
    "import-json",
    "export-json",
    "attach",
    "attachment",
    "check",
    "passwd",
    "recover",
    "reveal-key",
    "keychain",
    "screen",
    "checklist",
    "rules",
    "bench",
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDRESS_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("REDRESS_NEW_PASSPHRASE", raising=False)
    monkeypatch.delenv("REDRESS_RECOVERY_KEY", raising=False)


@pytest.fixture
def made(tmp_path: Path, env: None, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    folder = tmp_path / "vault"
    code, out, _ = run(["init", str(folder), "--kdf-memory-mib", "64"], capsys)
    assert code == 0
    match = re.search(r"((?:[A-Z2-7]{4}-){9}[A-Z2-7]{4})", out)
    assert match, "the recovery key is printed"
    return folder, match.group(1)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main([command, "--help"])
    assert info.value.code == 0
    assert "usage: redress " + command in capsys.readouterr().out


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out


def test_no_subcommand_without_display_names_headless_commands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    code, out, _ = run([], capsys)
    assert code == 0
    assert "no display" in out
    assert "init" in out and "check" in out
    assert len(out.strip().splitlines()) == 1


def test_init_prints_recovery_key_once_and_vault_opens(
    made: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    code, out, _ = run(["check", str(folder)], capsys)
    assert code == 0, out
    assert "passed every check" in out


def test_init_rejects_weak_passphrase_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REDRESS_PASSPHRASE", "short")
    code, _out, err = run(["init", str(tmp_path / "v")], capsys)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("redress: error: passphrase not accepted")
    assert "short" not in err.replace("shorter", "")
    assert not (tmp_path / "v").exists()


def test_init_twice_refused(made: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = made
    code, _, err = run(["init", str(folder), "--kdf-memory-mib", "64"], capsys)
    assert code == 1
    assert "already exists" in err


def test_passphrase_file_strips_only_final_newline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("REDRESS_PASSPHRASE", raising=False)
    secret = tmp_path / "pass.txt"
    secret.write_text(" " + PASSPHRASE + " \n")
    folder = tmp_path / "v"
    assert (
        run(
            ["init", str(folder), "--passphrase-file", str(secret), "--kdf-memory-mib", "64"],
            capsys,
        )[0]
        == 0
    )
    monkeypatch.setenv("REDRESS_PASSPHRASE", PASSPHRASE)
    code, _, err = run(["cases", str(folder)], capsys)
    assert code == 1 and "wrong passphrase" in err
    assert run(["cases", str(folder), "--passphrase-file", str(secret)], capsys)[0] == 0


def test_no_passphrase_without_terminal_is_a_clear_error(
    made: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    monkeypatch.delenv("REDRESS_PASSPHRASE")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _, err = run(["cases", str(folder)], capsys)
    assert code == 1
    assert "no Vault passphrase given" in err


def test_demo_cases_case_and_search(
    made: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    code, out, _ = run(["demo", str(folder)], capsys)
    assert code == 0
    count = int(re.search(r"Added (\d+) fictional", out).group(1))  # type: ignore[union-attr]
    assert count >= 30
    code, out, _ = run(["cases", str(folder), "--json"], capsys)
    listed = json.loads(out)
    assert len(listed) == count
    assert all(item["fictional"] for item in listed)
    assert "legal_name" not in out
    code, out, _ = run(["cases", str(folder)], capsys)
    assert "DEMO-001" in out
    code, out, err = run(["case", str(folder), "DEMO-001", "--json"], capsys)
    assert code == 0
    document = json.loads(out)
    assert document["reference"] == "DEMO-001"
    assert "NOT encrypted" in err
    code, out, _ = run(["case", str(folder), "DEMO-001"], capsys)
    assert code == 0 and "record entries" in out
    word = document["client"]["legal_name"].split()[0]
    code, out, _ = run(["cases", str(folder), "--search", word, "--json"], capsys)
    assert document["id"] in [item["id"] for item in json.loads(out)]


def test_demo_creates_vault_if_missing(
    tmp_path: Path, env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["demo", str(tmp_path / "new")], capsys)
    assert code == 0
    assert "RECOVERY KEY" in out
    assert "fictional demo cases" in out


def test_export_and_import_json_round_trip(
    made: tuple[Path, str], tmp_path: Path, env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    run(["demo", str(folder)], capsys)
    out_file = tmp_path / "case.json"
    code, out, err = run(["export-json", str(folder), "DEMO-002", "--out", str(out_file)], capsys)
    assert code == 0
    assert "NOT encrypted" in err
    assert oct(out_file.stat().st_mode & 0o777) == "0o600"
    code, _, err = run(["export-json", str(folder), "DEMO-002", "--out", str(out_file)], capsys)
    assert code == 1 and "already exists" in err

    other = tmp_path / "other"
    assert run(["init", str(other), "--kdf-memory-mib", "64"], capsys)[0] == 0
    code, out, _ = run(["import-json", str(other), str(out_file)], capsys)
    assert code == 0 and "Imported 1 case(s): DEMO-002" in out
    again = tmp_path / "again.json"
    run(["export-json", str(other), "DEMO-002", "--out", str(again)], capsys)
    first, second = json.loads(out_file.read_text()), json.loads(again.read_text())
    first.pop("exported_at", None)
    second.pop("exported_at", None)
    assert first == second
    code, _, err = run(["import-json", str(other), str(out_file)], capsys)
    assert code == 1


def test_import_json_reports_paths_and_writes_nothing(
    made: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "redress-case",
                "version": 1,
                "cases": [
                    {
                        "jurisdiction": "US-NY",
                        "client": {"legal_name": "Secret Name", "pseudonym": "Client Z"},
                        "record_entries": [
                            {
                                "kind": "criminal",
                                "jurisdiction": "US-NY",
                                "offence_text": "x",
                                "arrest_date": "2019-02-30",
                            }
                        ],
                    }
                ],
            }
        )
    )
    code, _, err = run(["import-json", str(folder), str(bad)], capsys)
    assert code == 1
    assert "cases[0].record_entries[0].arrest_date" in err
    assert "Secret Name" not in err
    code, out, _ = run(["cases", str(folder), "--json"], capsys)
    assert json.loads(out) == []
    bad.write_text("{not json")
    code, _, err = run(["import-json", str(folder), str(bad)], capsys)
    assert code == 1
    missing = tmp_path / "missing.json"
    code, _, err = run(["import-json", str(folder), str(missing)], capsys)
    assert code == 1 and "cannot read the input file" in err


def test_attach_and_attachment(
    made: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    run(["demo", str(folder)], capsys)
    source = tmp_path / "payslip.pdf"
    content = os.urandom(200_000)
    source.write_bytes(content)
    code, out, _ = run(["attach", str(folder), "DEMO-003", str(source)], capsys)
    assert code == 0 and "encrypted" in out
    out_file = tmp_path / "copy.pdf"
    code, _, err = run(
        ["attachment", str(folder), "DEMO-003", "payslip.pdf", "--out", str(out_file)], capsys
    )
    assert code == 0
    assert out_file.read_bytes() == content
    assert "NOT encrypted" in err
    code, _, err = run(
        ["attachment", str(folder), "DEMO-003", "nope.pdf", "--out", str(tmp_path / "x")], capsys
    )
    assert code == 1 and "no attachment" in err
    code, _, err = run(["attach", str(folder), "DEMO-003", str(tmp_path / "absent.pdf")], capsys)
    assert code == 1


def test_check_fails_on_tampered_vault(
    made: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    run(["demo", str(folder)], capsys)
    db = folder / "vault.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0x10
    db.write_bytes(bytes(data))
    code, out, err = run(["check", str(folder)], capsys)
    assert code == 1
    assert "FAIL" in out or "damaged" in err


def test_passwd_and_recover(
    made: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, recovery = made
    monkeypatch.setenv("REDRESS_NEW_PASSPHRASE", OTHER_PASSPHRASE)
    code, out, _ = run(["passwd", str(folder)], capsys)
    assert code == 0 and "Passphrase changed" in out
    code, _, err = run(["cases", str(folder)], capsys)
    assert code == 1 and "wrong passphrase" in err
    monkeypatch.setenv("REDRESS_PASSPHRASE", OTHER_PASSPHRASE)
    assert run(["cases", str(folder)], capsys)[0] == 0

    key_file = tmp_path / "recovery.txt"
    key_file.write_text(recovery + "\n")
    monkeypatch.setenv("REDRESS_NEW_PASSPHRASE", "a third passphrase for this vault")
    code, out, _ = run(["recover", str(folder), "--recovery-key-file", str(key_file)], capsys)
    assert code == 0
    assert "RECOVERY KEY" in out and recovery not in out
    monkeypatch.setenv("REDRESS_PASSPHRASE", "a third passphrase for this vault")
    assert run(["cases", str(folder)], capsys)[0] == 0
    code, _, err = run(["cases", str(folder), "--recovery-key-file", str(key_file)], capsys)
    assert code == 1


def test_reveal_key_needs_confirmation(
    made: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = run(["reveal-key", str(folder)], capsys)
    assert code == 1 and out == ""
    code, out, err = run(["reveal-key", str(folder), "--yes"], capsys)
    assert code == 0
    assert re.fullmatch(r"[0-9a-f]{64}\n", out)
    assert "WARNING" in err


def test_keychain_status_runs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["keychain", "unused", "status"], capsys)
    assert code == 0
    assert out.startswith(("available: ", "not available: "))


def test_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["cases"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("redress cases: error:")


def test_bench_small_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["bench", "--cases", "60", "--searches", "20", "--no-gui", "--json"], capsys)
    assert code == 0
    result = json.loads(out)
    assert result["sqlcipher"]["cases_listed"] == 60
    assert result["plain"]["cases_listed"] == 60
    assert result["ratios"]["list"] > 0
    assert set(result["passed"]) == {"unlock", "list", "search_p95", "list_ratio", "search_ratio"}


def _subprocess(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "redress.desktop.cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def test_wrong_passphrase_subprocess_one_line_no_traceback(made: tuple[Path, str]) -> None:
    folder, _ = made
    result = _subprocess(["cases", str(folder)], REDRESS_PASSPHRASE="not the right passphrase")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert "not the right passphrase" not in result.stderr + result.stdout


def test_missing_vault_subprocess(tmp_path: Path) -> None:
    result = _subprocess(["cases", str(tmp_path / "none")], REDRESS_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 1
    assert result.stderr.startswith("redress: error: there is no Redress vault")
    assert not (tmp_path / "none").exists()


def test_cli_import_is_light() -> None:
    code = (
        "import sys, redress.desktop.cli as c; c.build_parser();"
        "heavy=[m for m in ('sqlalchemy','PySide6','docxtpl','cryptography') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_rules_list_and_lint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "list", "--json"], capsys)
    assert code == 0
    packs = json.loads(out)
    assert {"US-NY", "US-CA", "US-FED", "GB-EWS", "INTL"} <= {p["jurisdiction"] for p in packs}
    code, out, _ = run(["rules", "lint"], capsys)
    assert code == 0 and "no problems" in out
    bad = tmp_path / "bad.toml"
    bad.write_text('format = "redress-rule-pack"\nformat_version = 1\n[pack]\nid = 3\n')
    code, out, _ = run(["rules", "lint", str(bad)], capsys)
    assert code == 1
    assert "bad.toml: pack.id: must be non-empty text" in out
    code, _, err = run(["rules", "lint", str(tmp_path / "missing.toml")], capsys)
    assert code == 1 and "does not exist" in err


def test_screen_a_demo_case(made: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = made
    run(["demo", str(folder)], capsys)
    code, out, _ = run(["screen", str(folder), "DEMO-012"], capsys)
    assert code == 0
    assert "EXCLUDED BY STATUTE" in out and "LIKELY ELIGIBLE" in out
    assert "667.5(c)" in out
    assert "not a verdict" in out
    code, out, _ = run(["screen", str(folder), "DEMO-012", "--json"], capsys)
    results = json.loads(out)
    assert {r["outcome"] for r in results} >= {"likely_eligible", "excluded_by_statute"}
    assert all(r["reasons"] and "citation" in r["reasons"][0] for r in results)
    code, out, _ = run(["cases", str(folder), "--json"], capsys)
    assert code == 0


def test_checklist_answers_and_means(
    made: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    run(["demo", str(folder)], capsys)
    code, out, _ = run(["checklist", str(folder), "DEMO-002", "--json"], capsys)
    assert code == 0
    before = json.loads(out)
    assert len(before["answers"]) >= 11
    code, out, _ = run(
        [
            "checklist",
            str(folder),
            "DEMO-002",
            "--set",
            "ilo-09-debt-bondage=yes",
            "--set",
            "ilo-04-isolation=no",
            "--json",
        ],
        capsys,
    )
    after = json.loads(out)
    answers = {a["indicator"]: a["answer"] for a in after["answers"]}
    assert answers["ilo-09-debt-bondage"] == "yes"
    assert answers["ilo-04-isolation"] == "no"
    assert len(after["means"]) == 1
    code, out, _ = run(["checklist", str(folder), "DEMO-002"], capsys)
    assert "[YES]" in out and "Means, for petitions:" in out
    code, _, err = run(
        ["checklist", str(folder), "DEMO-002", "--set", "ilo-09-debt-bondage=maybe"], capsys
    )
    assert code == 1 and "--set takes" in err
    code, _, err = run(["checklist", str(folder), "DEMO-002", "--set", "nope=yes"], capsys)
    assert code == 1 and "no checklist has an indicator" in err
    exported = tmp = folder.parent / "c.json"
    run(["export-json", str(folder), "DEMO-002", "--out", str(tmp)], capsys)
    data = json.loads(exported.read_text())
    assert {a["indicator_id"] for a in data["cases"][0]["checklist_answers"]} == {
        "ilo-04-isolation",
        "ilo-09-debt-bondage",
    }
