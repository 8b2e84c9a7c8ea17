"""``elecsafe check``: validate and lint a plan."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from elecsafe.cli.common import EXIT_FINDINGS, EXIT_OK, fail, load, plan_fence, today, write_file
from elecsafe.lint.reporters import REPORTERS  # the registry only: no reporter is imported

if TYPE_CHECKING:
    from elecsafe.lint.runner import LintResult


def _format(value: str | None) -> str | None:
    """A name from the reporter registry (the choices are not hard-coded here)."""
    if value is not None and value not in REPORTERS:
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(REPORTERS)}")
    return value


HELP = """Validate PLAN and lint it against the guidance.

PLAN is a plan directory or its plan.yaml (default: the current directory).

Exit codes: 0 no finding at the failing severity (errors; with --strict or --ready,
warnings too);
1 findings at or above it; 2 the check could not run (no plan.yaml, unreadable file,
bad option, unknown rule code).

Formats: {formats}.

Suppress one finding with a comment on its line (or the line above):
# elecsafe: ignore[CODE] reason. Configure rules in the plan's lint: block or in
.elecsafe.yaml (select, ignore, extended, severity, params, waivers).
""".format(formats="; ".join(f"{name} ({r.help})" for name, r in REPORTERS.items()))


def _codes(values: list[str] | None) -> list[str]:
    codes = [c.strip().upper() for v in values or [] for c in v.split(",") if c.strip()]
    if not codes:
        return []
    from elecsafe.lint.registry import suggest, unknown_selectors

    for bad in unknown_selectors(codes):
        close = suggest(bad)
        fail(f"unknown rule code '{bad}'" + (f" (did you mean {close}?)" if close else ""))
    return codes


def register(app: typer.Typer) -> None:
    @app.command(
        help=HELP,
        epilog="Examples: elecsafe check examples/us-county; elecsafe check --ignore TODO001 --format concise; elecsafe check --format sarif -o elecsafe.sarif",
    )
    def check(
        plan: Annotated[Path, typer.Argument(help="Plan directory or plan.yaml.")] = Path("."),
        output_format: Annotated[
            str | None,
            typer.Option(
                "--format",
                metavar="FORMAT",
                callback=_format,
                help=f"{', '.join(REPORTERS)} (default: github under GitHub Actions, else text).",
            ),
        ] = None,
        output_file: Annotated[
            Path | None,
            typer.Option(
                "--output-file",
                "-o",
                metavar="FILE",
                help="Write the report to FILE (atomically; '-': stdout).",
            ),
        ] = None,
        strict: Annotated[
            bool, typer.Option("--strict", help="Warnings fail the check too (exit 1).")
        ] = False,
        select: Annotated[
            list[str] | None,
            typer.Option(
                "--select",
                metavar="CODES",
                help="Only these codes or families (e.g. MAA,MTG001); repeatable.",
            ),
        ] = None,
        ignore: Annotated[
            list[str] | None,
            typer.Option(
                "--ignore", metavar="CODES", help="Skip these codes or families; repeatable."
            ),
        ] = None,
        statistics: Annotated[
            bool, typer.Option("--statistics", help="Print the count of findings per code.")
        ] = False,
        extended: Annotated[
            bool, typer.Option("--extended", help="Also run the rules outside the core set.")
        ] = False,
        ready: Annotated[
            bool,
            typer.Option(
                "--ready",
                help="The gate before signing and briefing: placeholders (TODO) are errors, "
                "warnings fail, and every readiness measure must be complete.",
            ),
        ] = False,
        force: Annotated[
            bool,
            typer.Option(
                "--force", help="With -o: replace a file elecsafe did not write (never the plan)."
            ),
        ] = False,
        today_option: Annotated[
            str | None,
            typer.Option(
                "--today",
                metavar="DATE",
                help="Pretend today is YYYY-MM-DD (for past-due checks; default ELECSAFE_TODAY, "
                "then SOURCE_DATE_EPOCH, then the system clock).",
            ),
        ] = None,
    ) -> None:
        selected, ignored, pinned = (
            _codes(select),
            _codes(ignore),
            today(today_option, "--today"),
        )
        chosen = output_format
        if chosen is None:
            chosen = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
        from elecsafe.lint.runner import LintOptions, run

        options = LintOptions(
            strict=strict,
            select=selected,
            ignore=ignored,
            today=pinned,
            extended=extended,
            ready=ready,
        )
        loaded = load(plan)
        result = run(loaded, options)
        from elecsafe import terminal

        if output_file is not None and str(output_file) == "-":
            output_file = None  # -o -: stdout, as for every command that writes one document
        to_terminal = output_file is None
        from elecsafe.lint.reporters import render

        text = render(
            chosen,
            result,
            statistics=statistics,
            color=to_terminal and terminal.colour(),
            width=terminal.width() if to_terminal else None,
        )
        if REPORTERS[chosen].counts and not statistics:
            text += _fixable_line(result)
        if output_file is None:
            typer.echo(text, nl=False)
        else:
            from elecsafe.writes import Kind

            kind = {"json": Kind.JSON, "sarif": Kind.SARIF}.get(chosen, Kind.TEXT)
            write_file(
                output_file, text.encode("utf-8"), kind=kind, force=force, fence=plan_fence(loaded)
            )
        raise typer.Exit(EXIT_FINDINGS if result.failed else EXIT_OK)


def _fixable_line(result: LintResult) -> str:
    """How many findings ``elecsafe fix`` would repair (nothing when none)."""
    from elecsafe.edit.fixes import plan_fixes

    count = len(plan_fixes(result.loaded, result.findings))
    if not count:
        return ""
    return f"{count} finding(s) can be repaired by `elecsafe fix` (see the diff: --dry-run).\n"
