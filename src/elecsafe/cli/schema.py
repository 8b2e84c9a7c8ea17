"""``elecsafe schema``: the JSON Schema of plan.yaml, for editor completion and validation."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def schema(
        output: Annotated[
            Path | None, typer.Option("-o", "--output", help="Write to FILE instead of stdout.")
        ] = None,
    ) -> None:
        """Print the JSON Schema of a plan (use it with the yaml-language-server)."""
        from elecsafe.model.schema import plan_json_schema

        text = plan_json_schema()
        if output is None:
            typer.echo(text)
            return
        from elecsafe.writes import write_text_atomic

        write_text_atomic(output, text)
