"""``elecsafe diff``: what changed between two versions of a plan, by meaning."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from elecsafe.cli.common import EXIT_OK, fail


class DiffFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


class Audience(str, Enum):
    public = "public"
    partners = "partners"
    internal = "internal"


HELP = """What changed in PLAN between two versions, by meaning, not by line: people, role
holders and deputies, contacts exchanged, meetings/trainings/exercises and dates added or
moved, agreements' terms and signatures, sites' ratings and police presence.

Versions: no REV: HEAD against the working tree; REV_A: REV_A against the working tree;
REV_A REV_B: two git revisions (read with `git show`). Without git, give two plan
directories: `elecsafe diff OLD_DIR NEW_DIR`.

--format md writes a change notice for partners (default audience partners: restricted
details such as site ratings are left out and counted); text and json default to internal.
"""


def register(app: typer.Typer) -> None:
    @app.command(
        help=HELP,
        epilog="Examples: elecsafe diff examples/uk-force; elecsafe diff . HEAD~3 HEAD --format md --audience partners; elecsafe diff old-plan/ new-plan/ --format json",
    )
    def diff(
        plan: Annotated[Path, typer.Argument(help="Plan directory (or the old one).")] = Path("."),
        rev_a: Annotated[
            str | None, typer.Argument(metavar="[REV_A]", help="Old revision, or new directory.")
        ] = None,
        rev_b: Annotated[
            str | None, typer.Argument(metavar="[REV_B]", help="New revision.")
        ] = None,
        output_format: Annotated[
            DiffFormat, typer.Option("--format", help="text, md (change notice) or json.")
        ] = DiffFormat.text,
        audience: Annotated[
            Audience | None,
            typer.Option("--audience", help="public, partners or internal (see above)."),
        ] = None,
    ) -> None:
        from elecsafe.findings import PlanError
        from elecsafe.lifecycle import diff as plan_diff
        from elecsafe.load.loader import find_plan_file, load_plan

        chosen = audience.value if audience else (
            "partners" if output_format is DiffFormat.md else "internal"
        )  # fmt: skip
        try:
            plan_file = find_plan_file(plan)
            other = Path(rev_a) if rev_a is not None else None
            if other is not None and rev_b is None and other.is_dir():
                old, new = load_plan(plan, private=False), load_plan(other, private=False)
                changes = plan_diff.diff_plans(old, new)
                label = f"{plan} → {other}"
                title_plan = new.plan
            else:
                changes = plan_diff.diff_revisions(plan_file.parent, rev_a or "HEAD", rev_b)
                label = f"{rev_a or 'HEAD'} → {rev_b or 'working tree'}"
                title_plan = (
                    load_plan(plan, private=False).plan if output_format is DiffFormat.md else None
                )
        except PlanError as exc:
            fail(str(exc))
        if output_format is DiffFormat.json:
            typer.echo(plan_diff.render_json(changes, chosen), nl=False)
        elif output_format is DiffFormat.md:
            title = title_plan.title if title_plan else str(plan)
            typer.echo(plan_diff.render_md(changes, chosen, title, label), nl=False)
        else:
            typer.echo(plan_diff.render_text(changes, chosen), nl=False)
        raise typer.Exit(EXIT_OK)
