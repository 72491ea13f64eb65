"""The ``redress`` command: starts the desktop app, or does the same work without a screen.

Every subcommand exits 0 on success, and on failure prints one line (``redress: error: …``) and
exits non-zero without a traceback. Passphrases and recovery keys come from an environment
variable, a file or a prompt, never from an argument (arguments are visible to other users in
the process list and end up in shell history).

Heavy modules (SQLAlchemy, cryptography, Qt, docxtpl) are imported inside the commands, so
``redress --help`` is instant.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from redress.models.vault import Credential, Vault

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

ENV_PASSPHRASE = "REDRESS_PASSPHRASE"
ENV_NEW_PASSPHRASE = "REDRESS_NEW_PASSPHRASE"
ENV_RECOVERY_KEY = "REDRESS_RECOVERY_KEY"
ENV_DEBUG = "REDRESS_DEBUG"

HEADLESS_COMMANDS = (
    "init, demo, cases, case, import-json, export-json, attach, attachment, check, passwd, "
    "recover, reveal-key, keychain, screen, checklist, rules, bench"
)

PLAINTEXT_WARNING = (
    "warning: {what} is NOT encrypted. It holds the client's details in plaintext: keep it on "
    "an encrypted disk, never email it, and delete it securely when done."
)


class CliError(Exception):
    """A user-facing failure of the command line itself (bad input file, missing option)."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other failure."""

    def error(self, message: str) -> Any:  # argparse's signature is NoReturn
        """Print one line and exit with the usage status."""
        print(f"{self.prog}: error: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


# --- secrets ----------------------------------------------------------------------------------


def _read_secret_file(path: str, what: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(
            f"cannot read the {what} file ({exc.strerror or type(exc).__name__})"
        ) from None
    except UnicodeDecodeError:
        raise CliError(f"the {what} file is not UTF-8 text") from None
    # Only the final line break is removed: spaces inside or around a passphrase are part of it.
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith("\n") else text


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise CliError(
            f"no {label} given: set the environment variable or use the file option "
            "(no terminal to prompt on)"
        )
    return getpass.getpass(f"{label}: ")


def current_passphrase(args: argparse.Namespace) -> str:
    """The existing passphrase: ``$REDRESS_PASSPHRASE``, ``--passphrase-file`` or a prompt."""
    if getattr(args, "passphrase_file", None):
        return _read_secret_file(args.passphrase_file, "passphrase")
    if ENV_PASSPHRASE in os.environ:
        return os.environ[ENV_PASSPHRASE]
    return _prompt("Vault passphrase")


def new_passphrase(args: argparse.Namespace, *, env: str, file_attr: str) -> str:
    """A new passphrase from the environment, a file, or typed twice; policy-checked."""
    from redress.models.keyslots import check_new_passphrase, passphrase_problems

    value: str | None = None
    path = getattr(args, file_attr, None)
    if path:
        value = _read_secret_file(path, "new passphrase")
    elif env in os.environ:
        value = os.environ[env]
    if value is None:
        print(
            "Choose a passphrase of at least 15 characters: several unrelated words are long "
            "and easy to remember. It cannot be recovered if lost (keep the recovery key safe).",
            file=sys.stderr,
        )
        while True:
            first = _prompt("New passphrase")
            problems = passphrase_problems(first)
            if problems:
                print("Not accepted: " + "; ".join(problems), file=sys.stderr)
                continue
            if _prompt("Repeat the new passphrase") != first:
                print("The two entries differ; try again.", file=sys.stderr)
                continue
            value = first
            break
    check_new_passphrase(value)
    return value


def recovery_key(args: argparse.Namespace) -> str:
    """The recovery key: ``$REDRESS_RECOVERY_KEY``, ``--recovery-key-file`` or a prompt."""
    if getattr(args, "recovery_key_file", None):
        return _read_secret_file(args.recovery_key_file, "recovery key")
    if ENV_RECOVERY_KEY in os.environ:
        return os.environ[ENV_RECOVERY_KEY]
    return _prompt("Recovery key")


def _credential(args: argparse.Namespace) -> Credential:
    from redress.models.vault import DeviceUnlock, Passphrase, RecoveryKey

    if getattr(args, "use_keychain", False):
        return DeviceUnlock()
    if getattr(args, "recovery_key_file", None) or (getattr(args, "with_recovery_key", False)):
        return RecoveryKey(recovery_key(args))
    return Passphrase(current_passphrase(args))


def open_vault(args: argparse.Namespace) -> Vault:
    """Unlock the vault named on the command line."""
    from redress.models.vault import Vault

    return Vault.open(Path(args.vault), _credential(args))


# --- output -----------------------------------------------------------------------------------


def _print_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")


def _write_private(path: Path, data: bytes) -> None:
    """Write an output file the user asked for: owner-only and atomic."""
    from redress.models.fsutil import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise CliError(
            f"cannot write the output file ({exc.strerror or type(exc).__name__})"
        ) from None


def _check_out_path(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise CliError("the output file already exists; choose another name or add --force")
    if not path.parent.is_dir():
        raise CliError("the output file's folder does not exist")


def _recovery_key_notice(key: str) -> str:
    return (
        "\nRECOVERY KEY (shown once, not stored anywhere):\n\n"
        f"    {key}\n\n"
        "Write it down or print it, and keep it somewhere safe and separate from this computer\n"
        "(a locked drawer or safe). It opens the vault if the passphrase is forgotten. Anyone\n"
        "who has it and a copy of the vault can read every case.\n"
    )


# --- commands ---------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    """Start the desktop app, or say in one line why it cannot start here."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if (
        sys.platform.startswith("linux")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        and platform not in {"offscreen", "minimal", "vnc"}
    ):
        print(
            "redress: no display found, so the desktop app cannot start here; the headless "
            f"commands work: {HEADLESS_COMMANDS} (see `redress --help`)."
        )
        return EXIT_OK
    from redress.desktop.app import run_gui

    return run_gui()


def cmd_init(args: argparse.Namespace) -> int:
    """Create a vault and print its recovery key once."""
    from redress.models.keyslots import Argon2Params
    from redress.models.vault import Vault

    folder = Path(args.vault)
    passphrase = new_passphrase(args, env=ENV_PASSPHRASE, file_attr="passphrase_file")
    kdf = Argon2Params(memory_kib=args.kdf_memory_mib * 1024) if args.kdf_memory_mib else None
    vault, recovery = Vault.create(folder, passphrase, kdf=kdf)
    vault.close(backup=False)
    print("Created an encrypted vault.")
    print(_recovery_key_notice(recovery))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Add the fictional demo cases, creating the vault first if there is none."""
    from redress.models import demo
    from redress.models.vault import Vault, is_vault

    folder = Path(args.vault)
    if is_vault(folder):
        vault = open_vault(args)
    else:
        passphrase = new_passphrase(args, env=ENV_PASSPHRASE, file_attr="passphrase_file")
        vault, recovery = Vault.create(folder, passphrase)
        print("Created an encrypted vault for the demo.")
        print(_recovery_key_notice(recovery))
    with vault:
        with vault.transaction() as session:
            added = demo.add_demo_cases(session)
        print(f"Added {len(added)} fictional demo cases (marked DEMO; none is a real person).")
    return EXIT_OK


def cmd_cases(args: argparse.Namespace) -> int:
    """List cases (pseudonyms only), optionally filtered by a full-text search."""
    from redress.models import cases

    with open_vault(args) as vault, vault.sessions() as session:
        summaries = cases.list_cases(session)
        if args.search:
            wanted = cases.search(session, args.search)
            order = {case_id: i for i, case_id in enumerate(wanted)}
            summaries = sorted((s for s in summaries if s.id in order), key=lambda s: order[s.id])
    if args.json:
        _print_json(
            [
                {
                    "id": s.id,
                    "reference": s.reference,
                    "pseudonym": s.pseudonym,
                    "jurisdiction": s.jurisdiction,
                    "stage": s.stage.value,
                    "record_entries": s.entries,
                    "next_deadline": s.next_deadline.isoformat() if s.next_deadline else None,
                    "updated_at": s.updated_at.isoformat(),
                    "fictional": s.fictional,
                }
                for s in summaries
            ],
            sys.stdout,
        )
        return EXIT_OK
    if not summaries:
        print("No cases." if not args.search else "No case matches.")
        return EXIT_OK
    print(
        f"{'REFERENCE':<16} {'CLIENT':<24} {'JURIS.':<8} {'STAGE':<10} {'ENTRIES':>7}  "
        "NEXT DEADLINE"
    )
    for s in summaries:
        due = s.next_deadline.isoformat() if s.next_deadline else "-"
        print(
            f"{s.reference:<16} {s.pseudonym[:24]:<24} {s.jurisdiction:<8} "
            f"{s.stage.value:<10} {s.entries:>7}  {due}"
        )
    print(
        f"{len(summaries)} case(s). Pseudonyms are shown; "
        "`redress case VAULT ID --json` has all details."
    )
    return EXIT_OK


def cmd_case(args: argparse.Namespace) -> int:
    """Show one case: a summary, or every detail as interchange JSON."""
    from redress.models import cases, interchange

    with open_vault(args) as vault, vault.sessions() as session:
        case = cases.find_case(session, args.id)
        if args.json:
            print(PLAINTEXT_WARNING.format(what="this output"), file=sys.stderr)
            _print_json(interchange.export_case(case), sys.stdout)
            return EXIT_OK
        client = case.client
        print(f"{case.reference}  {client.pseudonym}  ({case.jurisdiction}, {case.stage.value})")
        if case.fictional:
            print("  fictional demo case")
        print(f"  record entries: {len(case.record_entries)}")
        for entry in case.record_entries:
            when = entry.arrest_date or entry.charge_date or entry.disposition_date
            print(
                f"    - {entry.kind.value:<14} {entry.jurisdiction:<7} "
                f"{(when.isoformat() if when else '????-??-??')}  {entry.offence_category.value}"
                f"  ({entry.disposition.value})"
            )
        print(f"  evidence items: {len(case.evidence)}; attachments: {len(case.attachments)}")
        print(f"  adverse parties: {len(case.adverse_parties)}; notes: {len(case.notes)}")
        for deadline in case.deadlines:
            state = "done" if deadline.done else "open"
            print(f"  deadline {deadline.due_date.isoformat()} ({state}): {deadline.title}")
    return EXIT_OK


def cmd_import_json(args: argparse.Namespace) -> int:
    """Import cases from an interchange JSON file (validated before anything is written)."""
    from redress.models import interchange

    try:
        raw = Path(args.file).read_bytes()
    except OSError as exc:
        raise CliError(
            f"cannot read the input file ({exc.strerror or type(exc).__name__})"
        ) from None
    data = interchange.load_json(raw)
    issues = interchange.validate_document(data)
    if issues:
        for issue in issues[:50]:
            print(f"  {issue}", file=sys.stderr)
        if len(issues) > 50:
            print(f"  … and {len(issues) - 50} more", file=sys.stderr)
        raise CliError(
            f"the file is not a valid Redress case file ({len(issues)} problem(s) above); "
            "nothing was imported"
        )
    with open_vault(args) as vault, vault.transaction() as session:
        imported = interchange.import_document(session, data)
        refs = [c.reference for c in imported]
    print(f"Imported {len(refs)} case(s): {', '.join(refs)}")
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    """Write one case to a plaintext JSON file (with a warning)."""
    from redress.models import audit, cases, interchange

    out = Path(args.out)
    _check_out_path(out, args.force)
    with open_vault(args) as vault, vault.transaction() as session:
        case = cases.find_case(session, args.id)
        document = interchange.export_document([case])
        audit.record(session, "case.exported_json", case_id=case.id, detail="plaintext JSON")
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    _write_private(out, data)
    print(PLAINTEXT_WARNING.format(what="the exported file"), file=sys.stderr)
    print("Exported 1 case (owner-only file).")
    return EXIT_OK


def cmd_attach(args: argparse.Namespace) -> int:
    """Encrypt a file into the vault as an attachment of a case."""
    from redress.models import cases

    source = Path(args.file)
    if not source.is_file():
        raise CliError("the file to attach does not exist or is not a file")
    with open_vault(args) as vault, vault.transaction() as session:
        case = cases.find_case(session, args.id)
        with source.open("rb") as handle:
            row = cases.add_attachment(
                session, vault.attachments_dir, case, handle, args.name or source.name
            )
        print(f"Attached and encrypted ({row.size} bytes); attachment id {row.id}.")
    print("The original file is unchanged: delete it securely if it should not stay on this disk.")
    return EXIT_OK


def cmd_attachment(args: argparse.Namespace) -> int:
    """Decrypt an attachment to a file the user names (an explicit export)."""
    from redress.models import attachments, audit, cases

    out = Path(args.out)
    _check_out_path(out, args.force)
    with open_vault(args) as vault, vault.transaction() as session:
        case = cases.find_case(session, args.id)
        row = cases.find_attachment(session, case, args.name)
        sealed = cases.sealed(row)
        try:
            attachments.export_to(out, attachments.open_chunks(vault.attachments_dir, sealed))
        except OSError as exc:
            raise CliError(
                f"cannot write the output file ({exc.strerror or type(exc).__name__})"
            ) from None
        audit.record(session, "attachment.exported", case_id=case.id, detail=f"{row.size} bytes")
    print(PLAINTEXT_WARNING.format(what="the exported attachment"), file=sys.stderr)
    print(f"Decrypted a copy ({row.size} bytes, integrity verified).")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Verify the vault: page HMACs, integrity, audit chain, key slots, rollback counter."""
    from redress.models.errors import RollbackError, VaultDamagedError

    try:
        vault = open_vault(args)
    except RollbackError as exc:
        print(f"FAIL  rollback counter: {exc}")
        return EXIT_ERROR
    except VaultDamagedError as exc:
        print(f"FAIL  vault: {exc}")
        return EXIT_ERROR
    with vault:
        report = vault.check()
    for item in report.items:
        print(f"{'ok  ' if item.ok else 'FAIL'}  {item.name}: {item.detail}")
    print(
        "The vault passed every check." if report.ok else "The vault has problems (see FAIL lines)."
    )
    return EXIT_OK if report.ok else EXIT_ERROR


def cmd_passwd(args: argparse.Namespace) -> int:
    """Change the passphrase (re-wraps the key; the database is not rewritten)."""
    vault = open_vault(args)
    with vault:
        value = new_passphrase(args, env=ENV_NEW_PASSPHRASE, file_attr="new_passphrase_file")
        vault.change_passphrase(value)
    print("Passphrase changed. The old passphrase no longer opens this vault.")
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    """Set a new passphrase using the recovery key; a new recovery key replaces the used one."""
    from redress.models.vault import recover

    key = recovery_key(args)
    value = new_passphrase(args, env=ENV_NEW_PASSPHRASE, file_attr="new_passphrase_file")
    vault, new_key = recover(Path(args.vault), key, value)
    vault.close()
    print("Passphrase reset. The recovery key you used has been retired.")
    print(_recovery_key_notice(new_key))
    return EXIT_OK


def cmd_reveal_key(args: argparse.Namespace) -> int:
    """Print the raw data key, after unlocking, for standard SQLCipher tools (docs/recovery.md)."""
    print(
        "WARNING: the data key opens this vault's database, and every backup of it, with no "
        "passphrase. Anyone who sees it can read every case. Use it only to open the vault with "
        "standard SQLCipher tools (docs/recovery.md), then keep it as you would the recovery key.",
        file=sys.stderr,
    )
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("refusing to reveal the key without a terminal; add --yes to confirm")
        answer = input('Type "reveal" to show the key: ')
        if answer.strip().lower() != "reveal":
            raise CliError("not confirmed; nothing was shown")
    with open_vault(args) as vault:
        key = vault.reveal_data_key()
    print(key)
    return EXIT_OK


def cmd_keychain(args: argparse.Namespace) -> int:
    """Show, enrol or remove this device's keychain slot."""
    from redress.models.keychain import SystemKeychain

    status = SystemKeychain().status()
    if args.action == "status":
        print(("available: " if status.available else "not available: ") + status.reason)
        return EXIT_OK
    with open_vault(args) as vault:
        if args.action == "enroll":
            vault.enroll_device()
            print("This device can now unlock the vault from its keychain (--use-keychain).")
        else:
            vault.remove_device()
            print("Removed this device's keychain slot.")
    return EXIT_OK


def cmd_screen(args: argparse.Namespace) -> int:
    """Screen every record entry of a case against its jurisdiction's rule pack."""
    import dataclasses

    from redress.forms import rulepacks, screening
    from redress.models import audit, cases

    packs = rulepacks.load_packs()
    with open_vault(args) as vault, vault.transaction() as session:
        case = cases.find_case(session, args.id)
        results = screening.screen_case(case, packs)
        entries = {e.id: e for e in case.record_entries}
        outcomes = ", ".join(sorted({r.outcome.value for r in results}))
        audit.record(session, "screening.run", case_id=case.id, detail=outcomes or "no entries")
        reference = case.reference
        described = {
            entry_id: (
                f"{e.kind.value}, {e.jurisdiction}, "
                f"{(screening.offence_date(e) or '????-??-??')}, {e.offence_category.value}"
            )
            for entry_id, e in entries.items()
        }
    if args.json:
        payload = []
        for result in results:
            item = dataclasses.asdict(result)
            item["outcome"] = result.outcome.value
            item["needs_verification"] = result.needs_verification
            for reason, raw in zip(result.reasons, item["reasons"], strict=True):
                raw["verify"] = reason.verify
            payload.append(item)
        _print_json(payload, sys.stdout)
        return EXIT_OK
    print(f"Screening of {reference} (advice for a lawyer to review, not a verdict)")
    if not results:
        print("  The case has no record entries.")
    for result in results:
        print()
        print(f"* {described[result.entry_id]}: {screening.OUTCOME_LABELS[result.outcome].upper()}")
        print(f"  rule pack {result.pack_id}; relief: {', '.join(result.relief) or 'none'}")
        for reason in result.reasons:
            cite = f" [{reason.citation}]" if reason.citation else ""
            verify = " (verify against the official text)" if reason.verify else ""
            print(f"  - {reason.text}{cite}{verify}")
        for missing in result.missing_evidence:
            print(f"  missing: {missing}")
        for step in result.next_steps:
            print(f"  next: {step}")
    return EXIT_OK


def cmd_checklist(args: argparse.Namespace) -> int:
    """Show (and optionally set) a case's indicator checklist answers and the means summary."""
    from redress.forms import checklists as cl
    from redress.models import cases

    lists = cl.load_checklists()
    updates: list[tuple[str, cl.Answer]] = []
    for item in args.set or []:
        indicator, _, value = item.partition("=")
        try:
            updates.append((indicator.strip(), cl.Answer(value.strip())))
        except ValueError:
            raise CliError(
                "--set takes INDICATOR=ANSWER with ANSWER one of yes, no, unknown, not_asked"
            ) from None
    with open_vault(args) as vault, vault.transaction() as session:
        case = cases.find_case(session, args.id)
        for indicator, answer in updates:
            cl.record_answer(session, case, lists, indicator, answer, source="command line")
        answers = cl.answers_of(case)
        reference = case.reference
    if args.json:
        _print_json(
            {
                "case": reference,
                "answers": [
                    {"checklist": c.id, "indicator": i.id, "answer": answers.get(i.id, "not_asked")}
                    for c in lists
                    for i in c.indicators
                ],
                "means": cl.means_summary(lists, answers),
            },
            sys.stdout,
        )
        return EXIT_OK
    labels = {"yes": "YES", "no": "no ", "unknown": " ? ", "not_asked": " - "}
    print(f"Indicator checklists for {reference} (no question is ever required)")
    for checklist in lists:
        print(f"\n{checklist.title}  [{checklist.source}]")
        for indicator in checklist.indicators:
            answer = answers.get(indicator.id, cl.Answer.NOT_ASKED)
            print(f"  [{labels[answer.value]}] {indicator.question}  ({indicator.id})")
    summary = cl.means_summary(lists, answers)
    print("\nMeans, for petitions: " + ("; ".join(summary) if summary else "none recorded yet"))
    return EXIT_OK


def cmd_rules_list(args: argparse.Namespace) -> int:
    """List the rule packs with how many of their rules need verifying."""
    from redress.forms import rulepacks

    packs = rulepacks.load_packs()
    if args.json:
        _print_json(
            [
                {
                    "id": p.id,
                    "jurisdiction": p.jurisdiction,
                    "name": p.name,
                    "version": p.version,
                    "reviewed": p.reviewed,
                    "fallback": p.fallback,
                    "relief": [r.type for r in p.relief],
                    "rules": len(p.rules()),
                    "to_verify": p.to_verify(),
                }
                for p in packs
            ],
            sys.stdout,
        )
        return EXIT_OK
    print(
        f"{'PACK':<10} {'JURIS.':<8} {'VERSION':<9} {'REVIEWED':<11} {'RULES':>5} "
        f"{'VERIFY':>6}  NAME"
    )
    for p in packs:
        print(
            f"{p.id:<10} {p.jurisdiction:<8} {p.version:<9} {p.reviewed:<11} "
            f"{len(p.rules()):>5} {p.to_verify():>6}  {p.name}"
            + ("  (fallback)" if p.fallback else "")
        )
    print("VERIFY counts rules resting on secondary or unconfirmed facts: check the official text.")
    return EXIT_OK


def cmd_rules_lint(args: argparse.Namespace) -> int:
    """Check every rule pack (or the files named) and print each problem."""
    from redress.forms import rulepacks

    paths = [Path(f) for f in args.files] if args.files else None
    if paths:
        missing = [p for p in paths if not p.is_file()]
        if missing:
            raise CliError("a rule pack file to check does not exist")
    packs, issues = rulepacks.lint(paths)
    for issue in issues:
        print(issue)
    if issues:
        print(f"{len(issues)} problem(s) in {len(packs) + len({i.file for i in issues})} file(s).")
        return EXIT_ERROR
    print(f"{len(packs)} rule pack(s) checked: no problems.")
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    """Measure the vault against plain SQLite on a synthetic vault."""
    from redress.models import bench

    result = bench.run(cases=args.cases, searches=args.searches, progress=sys.stderr)
    if not args.no_gui:
        from redress.desktop import bench_gui

        result["desktop"] = bench_gui.run(cases=args.cases, progress=sys.stderr)
    if args.json:
        _print_json(result, sys.stdout)
    else:
        print(bench.format_report(result))
        if "desktop" in result:
            print()
            print(bench_gui.format_report(result["desktop"]))
    return EXIT_OK


# --- parser -----------------------------------------------------------------------------------


def _vault_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("vault", metavar="VAULT", help="the vault folder")


def _unlock_args(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("unlocking (never pass a passphrase as an argument)")
    group.add_argument(
        "--passphrase-file",
        metavar="F",
        help=f"read the passphrase from file F (default: ${ENV_PASSPHRASE}, else a prompt)",
    )
    group.add_argument(
        "--with-recovery-key",
        action="store_true",
        help=f"unlock with the recovery key (${ENV_RECOVERY_KEY} or a prompt)",
    )
    group.add_argument("--recovery-key-file", metavar="F", help="unlock with the recovery key in F")
    group.add_argument(
        "--use-keychain", action="store_true", help="unlock with this device's keychain slot"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _Parser(
        prog="redress",
        description=(
            "Redress keeps trafficking survivors' case files encrypted on this machine. With no "
            "command it starts the desktop app."
        ),
        epilog=(
            f"Passphrases come from ${ENV_PASSPHRASE} (new ones for passwd/recover from "
            f"${ENV_NEW_PASSPHRASE}), a --passphrase-file, or a prompt; never from an argument."
        ),
    )
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    p = add("init", cmd_init, "create an encrypted vault and print its recovery key once")
    _vault_arg(p)
    p.add_argument("--passphrase-file", metavar="F", help="read the new passphrase from F")
    p.add_argument(
        "--kdf-memory-mib",
        type=int,
        metavar="N",
        help="Argon2id memory in MiB (64-1024; default: calibrated to about 0.5 s here)",
    )

    p = add("demo", cmd_demo, "add 30+ fictional demo cases (creates the vault if missing)")
    _vault_arg(p)
    _unlock_args(p)

    p = add("cases", cmd_cases, "list the cases (pseudonyms only)")
    _vault_arg(p)
    p.add_argument("--search", metavar="TEXT", help="full-text search (names, narratives, notes…)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _unlock_args(p)

    p = add("case", cmd_case, "show one case (--json: every detail, in plaintext)")
    _vault_arg(p)
    p.add_argument("id", metavar="ID", help="case id, reference (RD-2026-0001) or id prefix")
    p.add_argument("--json", action="store_true", help="the case as interchange JSON")
    _unlock_args(p)

    p = add(
        "import-json", cmd_import_json, "import cases from a case JSON file (docs/case-format.md)"
    )
    _vault_arg(p)
    p.add_argument("file", metavar="FILE")
    _unlock_args(p)

    p = add("export-json", cmd_export_json, "export one case to a PLAINTEXT JSON file")
    _vault_arg(p)
    p.add_argument("id", metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    _unlock_args(p)

    p = add("attach", cmd_attach, "encrypt a file into the vault as an attachment of a case")
    _vault_arg(p)
    p.add_argument("id", metavar="ID")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--name", help="name to show (default: the file's name)")
    _unlock_args(p)

    p = add("attachment", cmd_attachment, "decrypt an attachment to a file (an explicit export)")
    _vault_arg(p)
    p.add_argument("id", metavar="ID")
    p.add_argument("name", metavar="NAME", help="attachment file name or id")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    _unlock_args(p)

    p = add("check", cmd_check, "verify integrity, audit chain, key slots and rollback counter")
    _vault_arg(p)
    _unlock_args(p)

    p = add("passwd", cmd_passwd, "change the passphrase")
    _vault_arg(p)
    _unlock_args(p)
    p.add_argument(
        "--new-passphrase-file",
        metavar="F",
        help=f"read the new passphrase from F (default: ${ENV_NEW_PASSPHRASE}, else a prompt)",
    )

    p = add("recover", cmd_recover, "set a new passphrase with the recovery key")
    _vault_arg(p)
    p.add_argument("--recovery-key-file", metavar="F", help="read the recovery key from F")
    p.add_argument("--new-passphrase-file", metavar="F", help="read the new passphrase from F")

    p = add("reveal-key", cmd_reveal_key, "show the raw data key for standard SQLCipher tools")
    _vault_arg(p)
    _unlock_args(p)
    p.add_argument("--yes", action="store_true", help="confirm without a prompt")

    p = add("keychain", cmd_keychain, "unlock from this device's keychain: status, enroll, remove")
    _vault_arg(p)
    p.add_argument("action", choices=("status", "enroll", "remove"))
    _unlock_args(p)

    p = add("screen", cmd_screen, "screen every record entry of a case against its rule pack")
    _vault_arg(p)
    p.add_argument("id", metavar="ID", help="case id or reference")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _unlock_args(p)

    p = add("checklist", cmd_checklist, "show or answer a case's indicator checklists")
    _vault_arg(p)
    p.add_argument("id", metavar="ID", help="case id or reference")
    p.add_argument(
        "--set",
        action="append",
        metavar="INDICATOR=ANSWER",
        help="record an answer (yes, no, unknown, not_asked); repeatable",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _unlock_args(p)

    p = add("rules", cmd_rules_list, "list the jurisdiction rule packs, or check them (lint)")
    rules_sub = p.add_subparsers(title="rules commands", metavar="ACTION", parser_class=_Parser)
    q = rules_sub.add_parser("list", help="list the packs", description="list the packs")
    q.set_defaults(func=cmd_rules_list)
    q.add_argument("--json", action="store_true", help="machine-readable output")
    q = rules_sub.add_parser(
        "lint", help="check packs (all, or the files named)", description="check rule packs"
    )
    q.set_defaults(func=cmd_rules_lint)
    q.add_argument("files", nargs="*", metavar="FILE", help="pack files (default: every pack)")
    p.set_defaults(json=False)

    p = add("bench", cmd_bench, "benchmark a synthetic vault against plain SQLite")
    p.add_argument("--cases", type=int, default=10_000, metavar="N", help="cases (default 10000)")
    p.add_argument("--searches", type=int, default=200, metavar="N", help="search queries timed")
    p.add_argument("--no-gui", action="store_true", help="skip the desktop measurements")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``redress`` console script."""
    from redress.models.process import harden_process

    harden_process()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("\nredress: interrupted; nothing more was written.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except CliError as exc:
        print(f"redress: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        from redress.models.errors import RedressError

        if isinstance(exc, RedressError):
            print(f"redress: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            # The driver's text may quote SQL; only its kind is shown.
            print(
                f"redress: error: the vault database reported a {type(exc.orig).__name__}; "
                "it may be damaged or the disk full. Run `redress check`.",
                file=sys.stderr,
            )
            return EXIT_ERROR
        if os.environ.get(ENV_DEBUG):
            traceback.print_exc()
        print(
            f"redress: internal error ({type(exc).__name__}); no case data was printed. "
            f"Set {ENV_DEBUG}=1 to see the details.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
