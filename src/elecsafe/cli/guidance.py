"""``elecsafe guidance``: each publication's sections with the rules and documents implementing them."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


class GuidanceFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command(epilog="Examples: elecsafe guidance; elecsafe guidance --format md > coverage.md")
    def guidance(
        output_format: Annotated[
            GuidanceFormat, typer.Option("--format", help="text, md or json.")
        ] = GuidanceFormat.text,
    ) -> None:
        """The published guidance, section by section, with the rules and document sections
        that implement each one."""
        from elecsafe.lint import coverage
        from elecsafe.lint.registry import registry

        report = coverage.coverage(registry().values())
        render = {
            GuidanceFormat.text: coverage.as_text,
            GuidanceFormat.md: coverage.as_markdown,
            GuidanceFormat.json: coverage.as_json,
        }[output_format]
        typer.echo(render(report), nl=False)
