"""Helpers shared by the command modules: plan loading with exit code 2 on failure."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from elecsafe.load.loader import LoadedPlan

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> NoReturn:
    """One line on stderr, exit 2: the command could not run."""
    typer.echo(f"elecsafe: error: {message}", err=True)
    raise typer.Exit(EXIT_ERROR)


def load(plan: Path, *, private: bool = True) -> LoadedPlan:
    from elecsafe.findings import PlanError
    from elecsafe.load.loader import load_plan

    if str(plan) == "-":
        fail(
            "reading a plan from standard input ('-') is not supported: a plan is a directory "
            "of files; give its directory or its plan.yaml"
        )
    try:
        return load_plan(plan, private=private)
    except PlanError as exc:
        fail(str(exc))


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
