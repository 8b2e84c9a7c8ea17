"""``elecsafe timetable``: the resolved timetable, sorted by date."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from elecsafe.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    echo_findings,
    fail,
    has_errors,
    load_and_resolve,
    write_export,
)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def register(app: typer.Typer) -> None:
    @app.command(
        epilog="Examples: elecsafe timetable examples/uk-force; elecsafe timetable --format csv > timetable.csv; elecsafe timetable --wide | less -S"
    )
    def timetable(
        plan: Annotated[Path, typer.Argument(help="Plan directory or plan.yaml.")] = Path("."),
        output_format: Annotated[
            Format, typer.Option("--format", help="table (default), json or csv.")
        ] = Format.table,
        output: Annotated[
            Path | None,
            typer.Option(
                "-o",
                "--output",
                metavar="FILE",
                help="Write the json or csv to FILE (atomically; '-': stdout).",
            ),
        ] = None,
        force: Annotated[
            bool,
            typer.Option(
                "--force", help="Replace a file elecsafe did not write (never one of the plan)."
            ),
        ] = False,
        wide: Annotated[
            bool,
            typer.Option(
                "--wide",
                help="The full table whatever the terminal's width (as in a pipe or a file).",
            ),
        ] = False,
    ) -> None:
        """Print the resolved timetable of PLAN sorted by date: date, offset from polling
        day (E−25wd = 25 working days before), item, owner and status.

        Plan errors and date problems (unknown anchors, cycles, impossible dates) are
        printed on stderr; exit 1 if any is an error, 2 if the plan cannot be read.
        """
        from elecsafe.dates.report import print_table, to_csv, to_json

        to_file = output is not None and str(output) != "-"
        if to_file and output_format is Format.table:
            fail("-o writes --format json or csv; the table is for the terminal")
        loaded, model, resolved, findings = load_and_resolve(plan)
        if output_format is not Format.table:
            text = (
                to_json(model, resolved, findings)
                if output_format is Format.json
                else to_csv(resolved)
            )
            if output is not None and to_file:
                from elecsafe.writes import Kind

                kind = Kind.JSON if output_format is Format.json else Kind.CSV
                write_export(output, text, loaded, kind=kind, force=force)
            else:
                sys.stdout.write(text)
                sys.stdout.flush()
        else:
            from elecsafe import terminal
            from elecsafe.dates.report import COMPACT_BELOW

            width = None if wide else terminal.width()  # None: a pipe, a file or --wide
            compact = width is not None and width < COMPACT_BELOW
            print_table(terminal.console(wide=wide), model, resolved, compact=compact)
        echo_findings(findings)
        raise typer.Exit(EXIT_FINDINGS if has_errors(findings) else EXIT_OK)
