"""``elecsafe calendar``: export the timetable as an .ics file for Outlook / Google / Thunderbird."""

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
    source_epoch,
)


class Audience(str, Enum):
    partners = "partners"
    public = "public"


def register(app: typer.Typer) -> None:
    @app.command(
        epilog="Examples: elecsafe calendar examples/uk-force -o out/castlegate.ics; elecsafe calendar --for ra-spoc -o out/spoc.ics; elecsafe calendar --audience public -o - > public.ics"
    )
    def calendar(
        plan: Annotated[Path, typer.Argument(help="Plan directory or plan.yaml.")] = Path("."),
        output: Annotated[
            Path | None,
            typer.Option("-o", "--output", help="The .ics file to write ('-': stdout)."),
        ] = None,
        for_: Annotated[
            str | None,
            typer.Option(
                "--for",
                help="Only items whose owner or participants match this role, organisation "
                "(any of its roles) or person (roles they hold or deputise) id.",
            ),
        ] = None,
        audience: Annotated[
            Audience,
            typer.Option(help="Fields allowed in descriptions: partners (default) or public."),
        ] = Audience.partners,
        calendar_name: Annotated[
            bool,
            typer.Option(
                "--calendar-name/--no-calendar-name",
                help="Name the calendar (NAME, X-WR-CALNAME). Without a name Outlook 2010 adds "
                "the events to the default calendar instead of creating a new one.",
            ),
        ] = True,
        force: Annotated[
            bool, typer.Option("--force", help="Overwrite a file that is not an elecsafe calendar.")
        ] = False,
    ) -> None:
        """Export the timetable of PLAN as an iCalendar file (-o FILE.ics).

        Re-exporting updates events in place: UIDs are stable, SEQUENCE grows when an event's
        date, time, title, recurrence, location or status changes, and an unchanged plan gives
        a byte-identical file. Exit 1 (no file written) when the plan or its dates have errors.
        """
        if output is None:
            fail("missing option -o/--output FILE.ics")
        source_epoch()  # an unusable SOURCE_DATE_EPOCH stops here, before any work
        _, model, resolved, findings = load_and_resolve(plan)
        echo_findings(findings)
        if has_errors(findings):
            raise typer.Exit(EXIT_FINDINGS)

        from elecsafe.calendar.audience import UnknownParty, parties_for
        from elecsafe.calendar.builder import export_ics, read_previous
        from elecsafe.model.base import Sensitivity

        only = None
        if for_ is not None:
            try:
                only = parties_for(model, for_)
            except UnknownParty:
                fail(f"--for {for_}: no role, organisation or person with this id in the plan")
        previous = None
        to_stdout = str(output) == "-"
        if not to_stdout and output.exists():
            if output.is_dir():
                fail(f"{output}: is a directory")
            try:
                previous = read_previous(output.read_bytes())
            except OSError as exc:
                fail(f"{output}: cannot read ({exc.strerror or exc})")
            if previous is None and not force:
                fail(
                    f"{output}: exists and is not an elecsafe calendar (use --force to replace it)"
                )
        name = None
        if not calendar_name:
            name = ""
        elif for_ is not None:
            name = f"{model.title} — {for_}"
        data = export_ics(
            model,
            resolved,
            audience=Sensitivity(audience.value),
            only=only,
            previous=previous or {},
            calendar_name=name,
        )
        if to_stdout:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            raise typer.Exit(EXIT_OK)
        from elecsafe.writes import write_bytes_atomic

        try:
            write_bytes_atomic(output, data)
        except OSError as exc:
            fail(f"{output}: cannot write ({exc.strerror or exc})")
        typer.echo(f"wrote {output}")
        raise typer.Exit(EXIT_OK)
