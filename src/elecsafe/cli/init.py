"""``elecsafe init``: scaffold a commented plan for a US county or a UK force area."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from elecsafe.cli.common import fail
from elecsafe.cli.common import today as clock_today

if TYPE_CHECKING:
    from elecsafe.scaffold import Profile, ScaffoldOptions

T = TypeVar("T")

# Kept in step with elecsafe.scaffold.profiles.PROFILES by a test (this module may not import
# the scaffold package at import time: `elecsafe --help` stays light).
PROFILE_HELP = "us-county (a US county election office) or uk-force (a UK police force area)."


def _stdin_is_terminal() -> bool:
    """Prompts only for a person at a terminal; scripts and CI get flags and defaults."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # closed or replaced stdin
        return False


def _ask(question: str, default: str | None, check: Callable[[str], T]) -> T:
    """Prompt until ``check`` accepts the answer (it raises ScaffoldError otherwise)."""
    from elecsafe.scaffold import ScaffoldError

    while True:
        answer = typer.prompt(question, default=default, err=True)
        try:
            return check(answer)
        except ScaffoldError as exc:
            typer.echo(f"  {exc}", err=True)


def _resolve(
    value: str | None,
    *,
    question: str,
    default: str | None,
    check: Callable[[str], T],
    interactive: bool,
) -> T:
    """A flag's value, else a prompt (terminal only), else the default."""
    if value is not None:
        return check(value)
    if interactive:
        return _ask(question, default, check)
    if default is None:
        raise AssertionError(f"no default for {question}")  # pragma: no cover
    return check(default)


def _options(
    directory: Path,
    profile_name: str | None,
    name: str | None,
    poll_date: str | None,
    timezone: str | None,
    state: str | None,
    nation: str | None,
) -> ScaffoldOptions:
    """Check every input (flags, prompts, defaults) before anything is rendered or written."""
    from elecsafe.scaffold import PROFILES, ScaffoldOptions, get_profile
    from elecsafe.scaffold.values import (
        STATE_PLACEHOLDER,
        check_name,
        check_nation,
        check_state,
        check_timezone,
        name_from_directory,
        parse_day,
    )

    interactive = _stdin_is_terminal()
    today = clock_today()
    if profile_name is None and not interactive:
        raise _error(f"--profile is required: {' or '.join(PROFILES)}")
    profile: Profile = _resolve(
        profile_name,
        question=f"Profile ({', '.join(PROFILES)})",
        default=None,
        check=get_profile,
        interactive=interactive,
    )
    if profile.country == "US" and nation is not None:
        raise _error("--nation is for the uk-force profile; use --state US-XX")
    if profile.country == "GB" and state is not None:
        raise _error("--state is for the us-county profile; use --nation ENG|WLS|SCT|NIR")

    default_name = name_from_directory(str(directory)) or profile.fallback_name
    plan_name = _resolve(
        name,
        question="Name of the county or force area",
        default=default_name,
        check=check_name,
        interactive=interactive,
    )
    poll = _resolve(
        poll_date,
        question="Polling day (YYYY-MM-DD)",
        default=profile.default_poll(today).isoformat(),
        check=lambda text: parse_day(text, "--poll-date"),
        interactive=interactive,
    )
    zone = _resolve(
        timezone,
        question="Time zone (IANA)",
        default=profile.default_timezone,
        check=check_timezone,
        interactive=interactive,
    )
    if profile.country == "US":
        region = _resolve(
            state,
            question="State (ISO 3166-2, e.g. US-OH)",
            default=STATE_PLACEHOLDER,
            check=check_state,
            interactive=interactive,
        )
    else:
        region = _resolve(
            nation,
            question="Nation (ENG, WLS, SCT, NIR)",
            default="ENG",
            check=check_nation,
            interactive=interactive,
        )
    from elecsafe.scaffold.origin import installed_source

    return ScaffoldOptions(profile, plan_name, poll, zone, region, today, installed_source())


def _error(message: str) -> Exception:
    from elecsafe.scaffold import ScaffoldError

    return ScaffoldError(message)


def _notes(options: ScaffoldOptions) -> list[str]:
    """Things worth saying about the inputs, which do not stop the scaffold."""
    from elecsafe.scaffold.values import STATE_PLACEHOLDER, is_us_federal_election_day

    notes = []
    if options.poll_date < options.today:
        notes.append(f"polling day {options.poll_date} is in the past")
    if options.profile.country == "US":
        if options.region == STATE_PLACEHOLDER:
            notes.append(
                f"no --state given: us_state is the placeholder {STATE_PLACEHOLDER}; "
                "set it in plan.yaml"
            )
        elif is_us_federal_election_day(options.poll_date):
            from elecsafe.dates.packs import state_pack

            if state_pack(options.region) is None:
                pack_file = f"packs/{options.region.lower()}.yaml"
                notes.append(
                    f"no statutory pack for {options.region} yet: only the federal deadlines "
                    f"are computed; write the state's dates in {pack_file} (extends: "
                    f"us_federal) and set timetable_rules: {pack_file} (docs/dates.md)"
                )
        if not is_us_federal_election_day(options.poll_date):
            notes.append(
                f"{options.poll_date} is not a federal general election day: "
                "the us_federal deadlines are left out"
            )
    elif options.region == "NIR":
        notes.append(
            "no statutory timetable pack for this nation yet: "
            "check the deadlines marked TODO in timetable.yaml"
        )
    return notes


def _print_notes(options: ScaffoldOptions) -> None:
    for note in _notes(options):
        typer.echo(f"elecsafe: note: {note}", err=True)


def _install_note(options: ScaffoldOptions) -> None:
    """The workflow cannot install an elecsafe that only exists here: the user fills it in."""
    if options.source is not None and options.source.requirement is None:
        typer.echo(
            f"elecsafe: note: this elecsafe was installed from {options.source.where}, which CI "
            "cannot install from: fill in the line marked FILL IN in "
            ".github/workflows/elecsafe.yml",
            err=True,
        )


def _next_steps(directory: Path, options: ScaffoldOptions, count: int) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.panel import Panel

    console = Console(stderr=True, highlight=False)
    where = escape(str(directory))
    steps = [
        f"[bold]cd {escape(shlex.quote(str(directory)))}[/]",
        "[bold]elecsafe check[/]: the TODO warnings are your to-do list",
        f"[bold]elecsafe timetable[/]: every date, computed for {options.poll_date.isoformat()}",
        "contact details: copy [bold]private/contacts.example.yaml[/] to "
        "[bold]private/contacts.yaml[/]",
        "[bold]git init && pre-commit install[/]: check before every commit",
        "[bold]elecsafe render all . --out-dir out[/]: documents to share and sign",
    ]
    body = "\n".join(f"{n}. {step}" for n, step in enumerate(steps, 1))
    console.print(f"Created {count} files for {escape(options.name)} in {where}.")
    console.print(Panel(body, title="Next steps", title_align="left", expand=False))


def register(app: typer.Typer) -> None:
    @app.command(
        epilog="Examples: elecsafe init severnshire --profile uk-force --poll-date 2027-05-06; elecsafe init . --profile us-county --state US-OH --timezone America/New_York; elecsafe init plan --profile uk-force --dry-run"
    )
    def init(
        directory: Annotated[
            Path, typer.Argument(help="Directory for the plan (created if missing).")
        ] = Path("."),
        profile: Annotated[str | None, typer.Option("--profile", "-p", help=PROFILE_HELP)] = None,
        name: Annotated[
            str | None,
            typer.Option(help="County or force area, e.g. 'Cedar River County' (default: DIR)."),
        ] = None,
        poll_date: Annotated[
            str | None,
            typer.Option(
                "--poll-date",
                metavar="YYYY-MM-DD",
                help="Polling day (default: the next US federal general election, or the "
                "next first Thursday in May).",
            ),
        ] = None,
        timezone: Annotated[
            str | None,
            typer.Option(
                metavar="IANA", help="Time zone (default: America/Chicago or Europe/London)."
            ),
        ] = None,
        state: Annotated[
            str | None,
            typer.Option(
                metavar="US-XX", help="us-county: the state, DC or territory: US-OH, OH or Ohio."
            ),
        ] = None,
        nation: Annotated[
            str | None,
            typer.Option(metavar="ENG|WLS|SCT|NIR", help="uk-force: the nation (default ENG)."),
        ] = None,
        force: Annotated[
            bool, typer.Option("--force", help="Overwrite files that already exist.")
        ] = False,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="List the files it would write; write nothing.")
        ] = False,
    ) -> None:
        """Scaffold a commented plan that passes `elecsafe check` except for its TODOs.

        Asks for missing values only at a terminal; otherwise uses the flags and defaults.
        Never overwrites a file unless --force. Exit 0: written; 2: nothing written.
        """
        from elecsafe.scaffold import ScaffoldError, WriteError, build
        from elecsafe.scaffold.files import check_target_directory, write_all
        from elecsafe.scaffold.profiles import SCAFFOLD_PATHS

        try:
            check_target_directory(directory)
        except WriteError as exc:
            fail(str(exc))
        # before the first question: nobody answers five prompts to be told the plan exists
        from elecsafe.writes import check_scaffold

        conflicts, kept = check_scaffold(directory, [str(p) for p in SCAFFOLD_PATHS])
        if (conflicts or kept) and not force:
            clash = set(conflicts + kept)
            listed = ", ".join(str(p) for p in SCAFFOLD_PATHS if str(p) in clash)
            fail(
                f"{directory} already has {len(clash)} of the scaffold's files; "
                f"nothing written (use --force to overwrite): {listed}"
            )
        try:
            options = _options(directory, profile, name, poll_date, timezone, state, nation)
        except ScaffoldError as exc:
            fail(str(exc))
        files = build(options)
        if kept:  # even --force never replaces the plan or private/ (THE write guard)
            files = [f for f in files if str(f.path) not in kept]
            typer.echo(
                f"elecsafe: note: kept {len(kept)} files of the plan (init never replaces the "
                f"plan's YAML files or private/, even with --force): {', '.join(kept)}",
                err=True,
            )
        if dry_run:
            _print_notes(options)
            for item in files:
                typer.echo(str(directory / item.path))
            if conflicts:
                typer.echo(f"elecsafe: would overwrite {len(conflicts)} files", err=True)
            _install_note(options)
            return
        try:
            write_all(directory, files)
        except WriteError as exc:
            fail(f"{exc}; nothing written")
        _print_notes(options)  # after writing: a failed write says only what failed
        _install_note(options)
        _next_steps(directory, options, len(files))
