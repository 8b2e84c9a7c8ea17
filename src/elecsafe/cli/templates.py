"""``elecsafe templates``: list the document templates and eject one for local editing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from elecsafe.cli.common import fail


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        help="List the document templates; copy one into your plan to override it.",
        no_args_is_help=True,
    )
    app.add_typer(group, name="templates")

    @group.command(
        "list",
        epilog="Examples: elecsafe templates list; elecsafe templates list examples/uk-force",
    )
    def list_templates(
        plan: Annotated[
            Path, typer.Argument(help="Plan directory (its templates/ folder is searched).")
        ] = Path("."),
        templates: Annotated[
            Path | None, typer.Option("--templates", help="Extra template folder.")
        ] = None,
    ) -> None:
        """Every template by name, where it comes from (plan, user, built-in) and what it is."""
        from elecsafe.render.errors import RenderError
        from elecsafe.render.templates import list_templates as collect

        plan_dir = plan.parent if plan.is_file() else plan
        try:
            rows = collect(plan_dir, templates)
        except RenderError as exc:
            fail(str(exc))
        width = max(len(r.name) for r in rows)
        for row in rows:
            source = row.source + (f" (overrides {row.overrides})" if row.overrides else "")
            typer.echo(f"{row.name:<{width}}  {source:<10}  {row.description}")

    @group.command(
        "copy",
        epilog="Examples: elecsafe templates copy mou (in the plan directory); elecsafe templates copy briefing --force",
    )
    def copy_template(
        name: Annotated[str, typer.Argument(help="Template name, e.g. mou or mou.md.j2.")],
        dest: Annotated[
            Path | None,
            typer.Argument(help="File or folder to write (default: ./templates/NAME)."),
        ] = None,
        force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    ) -> None:
        """Copy a built-in template into your plan's templates/ folder for editing."""
        from elecsafe.render.errors import RenderError
        from elecsafe.render.templates import copy_builtin

        try:
            written = copy_builtin(name, dest, force=force)
        except RenderError as exc:
            fail(str(exc))
        typer.echo(f"wrote {written}")
