"""``elecsafe check``: validate and lint a plan."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from elecsafe.cli.common import EXIT_FINDINGS, EXIT_OK, load


class Format(str, Enum):
    text = "text"
    concise = "concise"


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        plan: Annotated[Path, typer.Argument(help="Plan directory or plan.yaml.")] = Path("."),
        output_format: Annotated[
            Format, typer.Option("--format", help="Output format.")
        ] = Format.text,
        strict: Annotated[
            bool, typer.Option("--strict", help="Warnings fail the check too.")
        ] = False,
    ) -> None:
        """Validate PLAN and lint it against the guidance.

        Exit 0: no findings at the failing severity; 1: findings; 2: could not run.
        """
        from elecsafe.lint.runner import LintOptions, run

        result = run(load(plan), LintOptions(strict=strict))
        if output_format is Format.concise:
            from elecsafe.lint.reporters.concise import render

            typer.echo(render(result), nl=False)
        else:
            from rich.console import Console

            from elecsafe.lint.reporters.text import print_text

            print_text(result, Console(highlight=False, soft_wrap=True))
        raise typer.Exit(EXIT_FINDINGS if result.failed else EXIT_OK)
