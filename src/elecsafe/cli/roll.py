"""``elecsafe roll``: the next election's plan from this one, in place."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from elecsafe.cli.common import EXIT_OK, fail, load

HELP = """Turn PLAN into the plan for the next election, in place (git keeps the old one).

Poll dates move to --poll-date; relative and statutory dates follow; absolute dates of
meetings, trainings and exercises move by whole weeks (weekdays kept; a bank holiday is
listed); statuses go back to planned; version is bumped and previous_plan set; signed
agreements are marked resign_due with their signatures kept in signature_history; the threat
assessment and site ratings get review dates before the new poll; debrief lessons become
timetable actions with owners and the debrief is emptied. The private layer is untouched.

Prints what moved and what needs a person. --dry-run prints the diff and writes nothing.
Then: `elecsafe diff` to review, `elecsafe sign` to re-sign, `elecsafe check`.
"""


def register(app: typer.Typer) -> None:
    @app.command(
        help=HELP,
        epilog="Examples: elecsafe roll . --poll-date 2031-05-01 --dry-run; elecsafe roll . --poll-date 2031-05-01 --id severnshire-may-2031",
    )
    def roll(
        plan: Annotated[Path, typer.Argument(help="Plan directory or plan.yaml.")] = Path("."),
        poll_date: Annotated[
            str, typer.Option("--poll-date", metavar="DATE", help="The new polling day.")
        ] = "",
        new_id: Annotated[
            str | None,
            typer.Option(
                "--id", metavar="NEW_ID", help="Id of the new plan (default: year swapped)."
            ),
        ] = None,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="Print the diff; write nothing.")
        ] = False,
    ) -> None:
        from elecsafe.cli.edits import apply, refuse_broken
        from elecsafe.edit.document import EditError
        from elecsafe.edit.session import PlanEdit
        from elecsafe.lifecycle.roll import RollError, roll

        if not poll_date:
            fail("give the new polling day with --poll-date YYYY-MM-DD")
        try:
            new_poll = date.fromisoformat(poll_date)
        except ValueError:
            fail(f"--poll-date must be a date YYYY-MM-DD, not '{poll_date}'")
        loaded = load(plan)
        refuse_broken(loaded)
        if loaded.plan is None:
            fail("the plan does not pass the schema; run `elecsafe check` first")
        edit = PlanEdit(loaded)
        try:
            report = roll(edit, loaded.plan, loaded.raw, new_poll, new_id)
        except (RollError, EditError) as exc:
            fail(str(exc))
        apply(edit, dry_run=dry_run)
        typer.echo(report.summary(), nl=False, err=dry_run)
        raise typer.Exit(EXIT_OK)
