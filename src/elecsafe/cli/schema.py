"""``elecsafe schema``: the JSON Schema of each kind of plan file, for editors and validators."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from elecsafe.cli.common import EXIT_OK, fail, write_file


class Part(str, Enum):
    """Kept in step with ``elecsafe.model.schema.PARTS`` by a test (no model import here)."""

    plan = "plan"
    plan_part = "plan-part"
    contacts = "contacts"


PART_HELP = (
    "Which file the schema is for: plan (plan.yaml), plan-part (a file named by include:, "
    "no key required) or contacts (private/*.yaml)."
)


def _write_all(plan_dir: Path, *, force: bool) -> None:
    """The schemas of every part at the paths ``elecsafe init`` gives them, so the schema lines
    of a plan (``$schema=.elecsafe/...``) work wherever the plan folder is copied, offline."""
    from elecsafe.model.schema import json_schema
    from elecsafe.scaffold.profiles import SCHEMA_FILES
    from elecsafe.writes import Kind, WriteRefused, check_target

    if not plan_dir.is_dir():
        fail(f"{plan_dir}: not a directory")
    targets = [(plan_dir / path, part) for path, part in SCHEMA_FILES]
    try:  # every target checked before the first is written
        for target, _ in targets:
            check_target(target, kind=Kind.JSON, force=force)
    except WriteRefused as exc:
        fail(str(exc))
    for target, part in targets:
        write_file(target, json_schema(part).encode("utf-8"), kind=Kind.JSON, force=force)


def register(app: typer.Typer) -> None:
    @app.command(
        epilog="Examples: elecsafe schema > plan.schema.json; elecsafe schema --part plan-part -o .elecsafe/plan-part.schema.json"
    )
    def schema(
        part: Annotated[Part, typer.Option("--part", metavar="NAME", help=PART_HELP)] = Part.plan,
        output: Annotated[
            Path | None,
            typer.Option(
                "-o", "--output", help="Write to FILE ('-' for stdout) instead of stdout."
            ),
        ] = None,
        force: Annotated[
            bool,
            typer.Option(
                "--force", help="Replace a file elecsafe did not write (never a plan file)."
            ),
        ] = False,
        write: Annotated[
            Path | None,
            typer.Option(
                "--write",
                metavar="PLAN_DIR",
                help="Write all three schemas into PLAN_DIR/.elecsafe/, where the plan's "
                "schema lines point (refresh them after upgrading).",
            ),
        ] = None,
    ) -> None:
        """Print the JSON Schema of a plan file, for the yaml-language-server and check-jsonschema.

        Start a YAML file with '# yaml-language-server: $schema=PATH' to get completion and
        checks in the editor. -o replaces a schema elecsafe wrote (refresh it after upgrading)
        but no other file unless --force. --write PLAN_DIR refreshes the three schemas a
        plan keeps in PLAN_DIR/.elecsafe/.
        """
        from elecsafe.model.schema import json_schema

        if write is not None:
            if output is not None or part is not Part.plan:
                fail("--write writes every part into PLAN_DIR/.elecsafe/: drop --part and -o")
            _write_all(write, force=force)
            raise typer.Exit(EXIT_OK)
        text = json_schema(part.value)
        if output is None or str(output) == "-":
            sys.stdout.write(text)
            sys.stdout.flush()
            raise typer.Exit(EXIT_OK)
        from elecsafe.writes import Kind

        write_file(output, text.encode("utf-8"), kind=Kind.JSON, force=force)
