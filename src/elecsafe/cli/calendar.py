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
    plan_fence,
    source_epoch,
    write_file,
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
            bool,
            typer.Option(
                "--force", help="Replace a file elecsafe did not write (never one of the plan)."
            ),
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
        loaded, model, resolved, findings = load_and_resolve(plan)
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
        fence = None
        if not to_stdout:
            from elecsafe.writes import Kind, WriteRefused, check_target

            fence = plan_fence(loaded)
            try:
                check_target(output, kind=Kind.ICS, force=force, fence=fence)
            except WriteRefused as exc:
                fail(str(exc))
            if output.is_file():  # ours (or --force): keep its SEQUENCE numbers growing
                try:
                    previous = read_previous(output.read_bytes())
                except OSError as exc:
                    fail(f"{output}: cannot read ({exc.strerror or exc})")
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
        from elecsafe.writes import Kind

        write_file(output, data, kind=Kind.ICS, force=force, fence=fence)
        typer.echo(f"wrote {output}")
        raise typer.Exit(EXIT_OK)
