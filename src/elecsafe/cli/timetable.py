"""``elecsafe timetable``: the resolved timetable, sorted by date."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from elecsafe.cli.common import EXIT_FINDINGS, EXIT_OK, load

if TYPE_CHECKING:
    from elecsafe.dates import ResolvedTimetable
    from elecsafe.findings import Finding
    from elecsafe.load.loader import LoadedPlan
    from elecsafe.model.plan import Plan


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def echo_findings(findings: list[Finding]) -> None:
    """Concise ``file:line:col: CODE message`` lines on stderr (never field values)."""
    for f in findings:
        typer.echo(f"{f.file}:{f.line}:{f.column}: {f.code} {f.message}", err=True)


def load_and_resolve(plan_path: Path) -> tuple[LoadedPlan, Plan, ResolvedTimetable, list[Finding]]:
    """Load the plan (exit 2 if unreadable; exit 1 with its errors if the schema rejects it)
    and resolve its dates. Returns the loader's errors (duplicate keys, include problems,
    broken references: never dropped silently) and the resolver's findings, positioned."""
    from elecsafe.dates import resolve_plan
    from elecsafe.findings import Finding, Severity

    loaded = load(plan_path)
    errors = [loaded.locate(f) for f in loaded.findings if f.severity is Severity.ERROR]
    if loaded.plan is None:
        echo_findings(sorted(errors, key=Finding.sort_key))
        raise typer.Exit(EXIT_FINDINGS)
    from elecsafe.lint.runner import apply_plan_config

    resolved = resolve_plan(loaded.plan)
    findings = apply_plan_config(loaded, errors + [loaded.locate(f) for f in resolved.findings])
    return loaded, loaded.plan, resolved, sorted(dict.fromkeys(findings), key=Finding.sort_key)


def has_errors(findings: list[Finding]) -> bool:
    from elecsafe.findings import Severity

    return any(f.severity is Severity.ERROR for f in findings)


def register(app: typer.Typer) -> None:
    @app.command()
    def timetable(
        plan: Annotated[Path, typer.Argument(help="Plan directory or plan.yaml.")] = Path("."),
        output_format: Annotated[
            Format, typer.Option("--format", help="table (default), json or csv.")
        ] = Format.table,
    ) -> None:
        """Print the resolved timetable of PLAN sorted by date: date, offset from polling
        day (E−25wd = 25 working days before), item, owner and status.

        Plan errors and date problems (unknown anchors, cycles, impossible dates) are
        printed on stderr; exit 1 if any is an error, 2 if the plan cannot be read.
        """
        from elecsafe.dates.report import print_table, to_csv, to_json

        _, model, resolved, findings = load_and_resolve(plan)
        if output_format is Format.json:
            typer.echo(to_json(model, resolved, findings), nl=False)
        elif output_format is Format.csv:
            sys.stdout.write(to_csv(resolved))
        else:
            from rich.console import Console

            console = Console(highlight=False)
            if not console.is_terminal:  # pipes and files: wide enough for whole titles
                console = Console(highlight=False, width=max(console.width, 140))
            print_table(console, model, resolved)
        echo_findings(findings)
        raise typer.Exit(EXIT_FINDINGS if has_errors(findings) else EXIT_OK)
