"""``elecsafe incidents`` (counts and patterns of the log) and ``elecsafe incident add|update``."""

from __future__ import annotations

import sys
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from elecsafe.cli.common import EXIT_FINDINGS, EXIT_OK, fail, load, write_export
from elecsafe.cli.common import today as clock_today

if TYPE_CHECKING:
    from elecsafe.incidents.log import LogEdit
    from elecsafe.load.loader import LoadedPlan


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


def _moment(day: str, at: str | None, option: str) -> date | datetime:
    parsed = _day(day, option)
    assert parsed is not None
    if at is None:
        return parsed
    try:
        return datetime.combine(parsed, time.fromisoformat(at))
    except ValueError:
        fail(f"--time must be HH:MM, not '{at}'")


def _ask(value: str | None, option: str, question: str) -> str:
    """A required value: prompted for at a terminal, else a one-line error."""
    if value is not None:
        return value
    if not sys.stdin.isatty():
        fail(f"missing option {option}")
    answer: str = typer.prompt(question)
    return answer


def _apply(log_edit: LogEdit, *, dry_run: bool, done: str) -> None:
    from elecsafe.incidents.log import LogError

    try:
        if dry_run:
            sys.stdout.write(log_edit.diff())
            return
        changes = log_edit.write()
    except LogError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write ({exc.strerror or exc})")
    for note in log_edit.notes:
        typer.echo(note, err=True)
    typer.echo(f"{done} {log_edit.incident_id} in {', '.join(c.shown for c in changes)}", err=True)


def _loaded_for_edit(plan: Path) -> LoadedPlan:
    from elecsafe.findings import Severity

    loaded = load(plan)
    errors = [loaded.locate(f) for f in loaded.findings if f.severity is Severity.ERROR]
    if loaded.plan is None or errors:
        first = errors[0] if errors else None
        where = f" ({first.file}:{first.line}:{first.column}: {first.code})" if first else ""
        fail(f"the plan has errors{where}; run elecsafe check and fix them before editing")
    return loaded


def register(app: typer.Typer) -> None:
    incident_app = typer.Typer(
        name="incident",
        help="Record incidents and threats in the plan's restricted log.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    app.add_typer(incident_app)

    @incident_app.command(
        "add",
        epilog='Examples: elecsafe incident add --date 2027-04-20 --time 18:40 --harm personal_harassment --target election_worker --summary "Poll clerk shouted at" --referred-to severnshire-police; elecsafe incident add examples/us-county --date 2028-10-20 --harm criminal_damage --target site --site db-ev-southgate --summary "Paint on the drop box" --dry-run',
    )
    def incident_add(
        plan: Annotated[Path, typer.Argument(help="Plan directory or plan.yaml.")] = Path("."),
        on: Annotated[
            str | None, typer.Option("--date", help="When it was reported, YYYY-MM-DD.")
        ] = None,
        at: Annotated[str | None, typer.Option("--time", help="At what time, HH:MM.")] = None,
        harm: Annotated[
            str | None, typer.Option(help="One of the eleven harms, e.g. personal_harassment.")
        ] = None,
        target: Annotated[
            str | None,
            typer.Option(help="election_worker, voter, candidate_or_campaigner, site or system."),
        ] = None,
        site: Annotated[str | None, typer.Option(help="Site id, if it happened at one.")] = None,
        channel: Annotated[
            str | None, typer.Option(help="Id of the reporting channel it came in by.")
        ] = None,
        summary: Annotated[
            str | None,
            typer.Option(help="What happened, by role or pseudonym: no names or numbers."),
        ] = None,
        referred_to: Annotated[
            str | None, typer.Option("--referred-to", help="Organisation id it was referred to.")
        ] = None,
        referred_on: Annotated[
            str | None,
            typer.Option("--referred-on", help="When it was referred (default: the report date)."),
        ] = None,
        reference: Annotated[
            str | None, typer.Option(help="The receiving agency's reference number.")
        ] = None,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
        ] = False,
    ) -> None:
        """Add an incident to the log of PLAN (incidents/<year>.yaml), with the next id.

        Everything is checked before anything is written: an unknown harm, site, channel or
        agency, a bad date, or contact details in the summary exit 2 with nothing written.
        Missing required options are asked for at a terminal only.
        """
        from elecsafe.incidents.log import LogError, add

        loaded = _loaded_for_edit(plan)
        day = _ask(on, "--date", "Reported on (YYYY-MM-DD)")
        entry: dict[str, Any] = {
            "reported": _moment(day, at, "--date"),
            "harm": _ask(harm, "--harm", "Harm (e.g. personal_harassment)"),
            "target": _ask(target, "--target", "Target (election_worker, voter, site, ...)"),
            "site": site,
            "channel": channel,
            "summary": _ask(summary, "--summary", "Summary (roles or pseudonyms, no names)"),
        }
        if referred_to is not None:
            when = _moment(referred_on, None, "--referred-on") if referred_on else entry["reported"]
            entry["referral"] = {"to": referred_to, "referred_on": when, "reference": reference}
            entry["status"] = "referred"
        try:
            log_edit = add(loaded, entry)
        except LogError as exc:
            fail(str(exc))
        _apply(log_edit, dry_run=dry_run, done="added")
        raise typer.Exit(EXIT_OK)

    @incident_app.command(
        "update",
        epilog='Examples: elecsafe incident update inc-2026-004 --status closed --outcome "Words of advice given"; elecsafe incident update inc-2026-006 --referred-to severnshire-police --reference SV-27-1182; elecsafe incident update inc-2026-006 --follow-up "Security visit" --owner ra-feoa --due 2027-05-01',
    )
    def incident_update(
        incident_id: Annotated[str, typer.Argument(metavar="ID", help="The incident's id.")],
        plan: Annotated[Path, typer.Argument(help="Plan directory or plan.yaml.")] = Path("."),
        status: Annotated[
            str | None,
            typer.Option(help="open, referred, under_investigation, closed or no_further_action."),
        ] = None,
        outcome: Annotated[str | None, typer.Option(help="What came of it.")] = None,
        referred_to: Annotated[
            str | None, typer.Option("--referred-to", help="Organisation id it was referred to.")
        ] = None,
        referred_on: Annotated[
            str | None, typer.Option("--referred-on", help="When it was referred (default: today).")
        ] = None,
        reference: Annotated[
            str | None, typer.Option(help="The receiving agency's reference number.")
        ] = None,
        follow_up: Annotated[
            str | None, typer.Option("--follow-up", help="Add a follow-up action (needs --owner).")
        ] = None,
        owner: Annotated[
            str | None, typer.Option(help="Role id owning the follow-up action.")
        ] = None,
        due: Annotated[str | None, typer.Option(help="Due date of the follow-up action.")] = None,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
        ] = False,
    ) -> None:
        """Update incident ID: status, outcome, referral, or a new follow-up action. Sets
        `updated` to today.
        """
        from elecsafe.incidents.log import LogError, update

        loaded = _loaded_for_edit(plan)
        today = clock_today()
        changes: dict[str, Any] = {}
        if status is not None:
            changes["status"] = status
        if outcome is not None:
            changes["outcome"] = outcome
        if referred_to is not None:
            when = _moment(referred_on, None, "--referred-on") if referred_on else today
            changes["referral"] = {"to": referred_to, "referred_on": when, "reference": reference}
            changes.setdefault("status", "referred")
        if follow_up is not None:
            if owner is None:
                fail("--follow-up needs --owner ROLE")
            changes["follow_up"] = {"text": follow_up, "owner": owner, "due": _day(due, "--due")}
        if not changes:
            fail("nothing to update: give --status, --outcome, --referred-to or --follow-up")
        try:
            log_edit = update(loaded, incident_id, changes, today)
        except LogError as exc:
            fail(str(exc))
        _apply(log_edit, dry_run=dry_run, done="updated")
        raise typer.Exit(EXIT_OK)

    @app.command(
        epilog="Examples: elecsafe incidents examples/uk-force; elecsafe incidents --since 2027-04-01 --format csv -o incidents.csv; elecsafe incidents --previous ../plan-2024 --format json",
    )
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
        """
        from elecsafe.cli.common import echo_findings
        from elecsafe.findings import Severity
        from elecsafe.incidents.report import print_text, to_csv, to_json
        from elecsafe.incidents.summary import previous_counts, summarise

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
        summary = summarise(loaded.plan, today=clock_today(), since=start, previous=baseline)
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
            if output is None or str(output) == "-":
                sys.stdout.write(text)
            else:
                from elecsafe.writes import Kind

                kind = Kind.CSV if output_format is Format.csv else Kind.JSON
                write_export(output, text, loaded, kind=kind, force=force)
        echo_findings(errors)
        raise typer.Exit(EXIT_FINDINGS if errors else EXIT_OK)
