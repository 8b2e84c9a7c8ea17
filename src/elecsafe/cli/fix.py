"""``elecsafe fix``: apply the safe, unambiguous repairs (see :mod:`elecsafe.edit.fixes`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from elecsafe.cli.check import _codes
from elecsafe.cli.common import EXIT_OK, load

HELP = """Repair the findings that have one safe, unambiguous fix, in place.

Fixes today: an unknown key with exactly one close known key is renamed (SCH001).
`elecsafe rules` marks the fixable rules. Nothing a person must decide is ever "fixed".
Only the files that change are rewritten, and only the characters that change: comments,
quoting and layout stay. Running fix twice does nothing the second time.

--dry-run prints a unified diff and writes nothing. A file with YAML errors is refused
(exit 2, nothing written).
"""


def register(app: typer.Typer) -> None:
    @app.command(
        help=HELP,
        epilog="Examples: elecsafe fix examples/uk-force --dry-run; elecsafe fix . --select SCH004",
    )
    def fix(
        plan: Annotated[Path, typer.Argument(help="Plan directory or plan.yaml.")] = Path("."),
        select: Annotated[
            list[str] | None,
            typer.Option("--select", metavar="CODES", help="Only fix these codes or families."),
        ] = None,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="Print the diff; write nothing.")
        ] = False,
    ) -> None:
        from elecsafe.cli.edits import apply, refuse_broken
        from elecsafe.edit.document import EditError
        from elecsafe.edit.fixes import plan_fixes
        from elecsafe.edit.session import PlanEdit
        from elecsafe.lint.runner import LintOptions, run

        selected = _codes(select)
        loaded = load(plan)
        refuse_broken(loaded)
        result = run(loaded, LintOptions(select=selected))
        findings = result.findings
        if selected:  # the loader's own codes (SCH...) are reported whatever the selection
            from elecsafe.lint.registry import matches

            findings = [f for f in findings if matches(f.code, selected)]
        fixes = plan_fixes(loaded, findings)
        edit = PlanEdit(loaded)
        done: list[str] = []
        for item in fixes:
            try:
                item.apply(edit)
            except EditError as exc:  # e.g. two fixes for one key: keep the first
                typer.echo(f"elecsafe: skipped {item.finding.code}: {exc}", err=True)
                continue
            f = item.finding
            done.append(f"{f.file}:{f.line}:{f.column}: {f.code} {item.description}")
        changes = apply(edit, dry_run=dry_run)
        verb = "would fix" if dry_run else "fixed"
        for line in done:
            typer.echo(line, err=dry_run)
        files = len(changes)
        typer.echo(
            f"{verb} {len(done)} finding(s) in {files} file(s)" if done else "nothing to fix",
            err=dry_run,
        )
        raise typer.Exit(EXIT_OK)
