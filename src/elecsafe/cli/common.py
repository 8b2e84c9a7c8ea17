"""Helpers shared by the command modules: plan loading with exit code 2 on failure."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from elecsafe.dates import ResolvedTimetable
    from elecsafe.findings import Finding
    from elecsafe.load.loader import LoadedPlan
    from elecsafe.model.plan import Plan

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> NoReturn:
    """One line on stderr, exit 2: the command could not run."""
    typer.echo(f"elecsafe: error: {message}", err=True)
    raise typer.Exit(EXIT_ERROR)


def load(plan: Path, *, private: bool = True) -> LoadedPlan:
    from elecsafe.findings import PlanError
    from elecsafe.load.loader import load_plan

    if str(plan) == "-":
        fail(
            "reading a plan from standard input ('-') is not supported: a plan is a directory "
            "of files; give its directory or its plan.yaml"
        )
    try:
        return load_plan(plan, private=private)
    except PlanError as exc:
        fail(str(exc))


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


if TYPE_CHECKING:
    from elecsafe.writes import Fence, Kind


def plan_fence(loaded: LoadedPlan, templates: Path | None = None) -> Fence:
    """What no command may write to in this plan: its files, private/, its template folders."""
    from elecsafe.writes import Fence

    return Fence.of_plan(
        loaded.directory,
        [*loaded.files, *loaded.private_files],
        [templates] if templates is not None else [],
    )


def write_file(
    path: Path, data: bytes, *, kind: Kind, force: bool, fence: Fence | None = None
) -> None:
    """Write one output through THE write guard (:func:`elecsafe.writes.write_output`);
    a refusal or an OS error is one line and exit 2."""
    from elecsafe.writes import WriteRefused, write_output

    try:
        write_output(path, data, kind=kind, force=force, fence=fence)
    except WriteRefused as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{path}: cannot write ({exc.strerror or exc})")


def write_export(output: Path, text: str, loaded: LoadedPlan, *, kind: Kind, force: bool) -> None:
    """An export (timetable, incident counts) written through THE write guard: never over a
    file of the plan or into its private layer, even with --force; over another existing file
    only with --force or when its seal shows an earlier, unedited elecsafe output."""
    write_file(output, text.encode("utf-8"), kind=kind, force=force, fence=plan_fence(loaded))
    typer.echo(f"wrote {output}", err=True)


def today(option: str | None = None, option_name: str = "--date") -> date:
    """THE clock (:mod:`elecsafe.clock`); an unusable date is a one-line error, exit 2."""
    from elecsafe.clock import ClockError
    from elecsafe.clock import today as clock_today

    try:
        return clock_today(option, option_name=option_name)
    except ClockError as exc:
        fail(str(exc))


def source_epoch() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` (:mod:`elecsafe.clock`); unusable: a one-line error, exit 2."""
    from elecsafe.clock import ClockError
    from elecsafe.clock import source_epoch as epoch

    try:
        return epoch()
    except ClockError as exc:
        fail(str(exc))


def echo_findings(findings: list[Finding]) -> None:
    """Concise ``file:line:col: CODE message`` lines on stderr (never field values)."""
    from elecsafe.sanitize import for_terminal

    for f in findings:
        where = f"{for_terminal(f.file)}:{f.line}:{f.column}"
        typer.echo(f"{where}: {f.code} {for_terminal(f.message)}", err=True)


def has_errors(findings: list[Finding]) -> bool:
    from elecsafe.findings import Severity

    return any(f.severity is Severity.ERROR for f in findings)


def load_and_resolve(plan_path: Path) -> tuple[LoadedPlan, Plan, ResolvedTimetable, list[Finding]]:
    """For the date commands: load the plan (exit 2 if unreadable; exit 1 with its errors if
    the schema rejects it) and resolve its dates (:func:`elecsafe.lint.runner.resolve_dates`)."""
    from elecsafe.findings import Finding, Severity
    from elecsafe.lint.runner import resolve_dates

    loaded = load(plan_path)
    if loaded.plan is None:
        errors = [loaded.locate(f) for f in loaded.findings if f.severity is Severity.ERROR]
        echo_findings(sorted(errors, key=Finding.sort_key))
        raise typer.Exit(EXIT_FINDINGS)
    resolved, findings = resolve_dates(loaded, today())
    return loaded, loaded.plan, resolved, findings
