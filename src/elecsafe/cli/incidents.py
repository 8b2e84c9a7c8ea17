"""``elecsafe incidents`` (counts and patterns of the log) and ``elecsafe incident add|update``."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from elecsafe.cli.common import EXIT_FINDINGS, EXIT_OK, fail, load


class Format(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a date YYYY-MM-DD, not '{value}'")


def register(app: typer.Typer) -> None:
    @app.command()
    def incidents(
        plan: Annotated[Path, typer.Argument(help="Plan directory or plan.yaml.")] = Path("."),
        since: Annotated[
            str | None, typer.Option("--since", help="Count incidents from YYYY-MM-DD on.")
        ] = None,
        previous: Annotated[
            Path | None,
            typer.Option(
                "--previous",
                help="The last election's plan: trend against its debrief counts (or its log).",
            ),
        ] = None,
        output_format: Annotated[
            Format, typer.Option("--format", help="text (default), json or csv.")
        ] = Format.text,
        output: Annotated[
            Path | None, typer.Option("-o", "--output", help="Write to FILE ('-': stdout).")
        ] = None,
        force: Annotated[
            bool, typer.Option("--force", help="Replace a file elecsafe did not write.")
        ] = False,
    ) -> None:
        """Count the incident log of PLAN by harm, week, site and target; list open incidents
        nobody has referred and overdue follow-ups; compare with the last election.

        The output is for the plan's owners (it names incident ids); the public summary is
        `elecsafe render threat-summary`. Exit 1 if the plan has errors.

        Examples:
          elecsafe incidents examples/uk-force
          elecsafe incidents --since 2027-04-01 --format csv -o incidents.csv
          elecsafe incidents --previous ../plan-2024 --format json
        """
        from elecsafe.cli.timetable import echo_findings
        from elecsafe.findings import Severity
        from elecsafe.incidents.report import print_text, to_csv, to_json
        from elecsafe.incidents.summary import previous_counts, summarise
        from elecsafe.lint.runner import today_from_env

        start = _day(since, "--since")
        loaded = load(plan)
        errors = [loaded.locate(f) for f in loaded.findings if f.severity is Severity.ERROR]
        if loaded.plan is None:
            echo_findings(errors)
            raise typer.Exit(EXIT_FINDINGS)
        baseline = None
        if previous is not None:
            before = load(previous)
            if before.plan is None:
                fail(f"{previous}: the previous plan does not load (run elecsafe check on it)")
            baseline = previous_counts(before.plan)
        summary = summarise(loaded.plan, today=today_from_env(), since=start, previous=baseline)
        if output_format is Format.text and output is None:
            from rich.console import Console

            print_text(Console(highlight=False), loaded.plan, summary)
        else:
            text = (
                to_csv(loaded.plan, summary)
                if output_format is Format.csv
                else to_json(loaded.plan, summary)
                if output_format is Format.json
                else None
            )
            if text is None:
                fail("--output needs --format json or csv")
            _emit(text, output, force=force)
        echo_findings(errors)
        raise typer.Exit(EXIT_FINDINGS if errors else EXIT_OK)


def _emit(text: str, output: Path | None, *, force: bool) -> None:
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    from elecsafe.writes import write_text_atomic

    if output.exists() and not force:
        fail(f"{output}: exists (use --force to replace it)")
    try:
        write_text_atomic(output, text)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})")
    typer.echo(f"wrote {output}", err=True)
