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
    epilog=(
        "Examples: elecsafe init severnshire --profile uk-force --poll-date 2027-05-06; "
        "elecsafe check severnshire; elecsafe render all severnshire --out-dir out"
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


INTERRUPTED = 130


def main() -> None:
    """The console script: exit 0, 1 (findings) or 2 (could not run), never a traceback.

    Ctrl-C is exit 2 as well, "could not run to the end" (not the shell's 130): the exit-code
    contract stays three values, and no file is half-written because every write is atomic.
    An unexpected exception is a one-line internal error with exit 2, never exit 1, which
    would read as "findings"; ``ELECSAFE_DEBUG=1`` shows the traceback.
    """
    import sys

    from elecsafe.terminal import prepare_streams

    if os.environ.get("_ELECSAFE_COMPLETE"):
        # Shell completion (bash, zsh, fish): `eval "$(_ELECSAFE_COMPLETE=bash_source elecsafe)"`.
        # Registered only when asked, so every other run starts without it.
        from typer._completion_classes import completion_init

        completion_init()
    prepare_streams()
    interrupted = "\nelecsafe: interrupted"
    try:
        code = app(prog_name="elecsafe", standalone_mode=False)
        if code == INTERRUPTED:  # typer turns Ctrl-C outside a prompt into Exit(130)
            print(interrupted, file=sys.stderr)
            code = 2
    except (typer.Abort, KeyboardInterrupt, EOFError):  # Ctrl-C or Ctrl-D at a prompt
        print(interrupted, file=sys.stderr)
        code = 2
    except typer.TyperException as exc:  # usage errors: typer's click shows them, exit 2
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        else:
            print(f"elecsafe: error: {exc.format_message()}", file=sys.stderr)
        code = getattr(exc, "exit_code", 2)
    except Exception as exc:
        if os.environ.get("ELECSAFE_DEBUG"):
            raise
        detail = " ".join(str(exc).split()) or "no details"
        print(
            f"elecsafe: internal error: {type(exc).__name__}: {detail} "
            "(please report it; ELECSAFE_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        code = 2
    sys.exit(code if isinstance(code, int) else 0)
