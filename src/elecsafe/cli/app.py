"""The ``elecsafe`` command."""

from __future__ import annotations

import importlib
import os

import typer

from elecsafe import __version__

app = typer.Typer(
    name="elecsafe",
    help=(
        "Plan the safety of an election together: validate, lint, render and export a plan "
        "kept as plain YAML in git.\n\n"
        "Exit codes: 0 success, 1 findings at or above the failing severity, "
        "2 the command could not run (bad path, unreadable file, bad option)."
    ),
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
)

# One module per command group; each exposes register(app).
COMMAND_MODULES = (
    "check",
    "rules",
    "guidance",
    "schema",
    "timetable",
    "calendar",
    "render",
    "templates",
    "init",
    "incidents",
    "fix",
    "sign",
    "diff",
    "roll",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"elecsafe {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Plan the safety of an election together."""


for _name in COMMAND_MODULES:
    importlib.import_module(f"elecsafe.cli.{_name}").register(app)


def main() -> None:
    if os.environ.get("_ELECSAFE_COMPLETE"):
        # Shell completion (bash, zsh, fish): `eval "$(_ELECSAFE_COMPLETE=bash_source elecsafe)"`.
        # Registered only when asked, so every other run starts without it.
        from typer._completion_classes import completion_init

        completion_init()
    app()
