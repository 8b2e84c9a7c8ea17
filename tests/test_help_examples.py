"""Every command's --help ends with examples (two or three ways to call it)."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from elecsafe.cli.app import app


def _leaf_commands() -> list[list[str]]:
    group = typer.main.get_command(app)
    out: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                walk(child, [*path, name])
        else:
            out.append(path)

    walk(group, [])
    return out


COMMANDS = _leaf_commands()


def test_the_walk_finds_the_commands() -> None:
    assert {"check", "render", "init"} <= {c[0] for c in COMMANDS}
    assert ["templates", "copy"] in COMMANDS


@pytest.mark.parametrize("words", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_help_ends_with_examples(words: list[str]) -> None:
    result = CliRunner().invoke(app, [*words, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    text = result.output
    # at the end: after the options (an epilog), where a reader who scrolled down looks
    tail = text[text.rindex("Options:") :] if "Options:" in text else text
    assert "Examples:" in tail, text
    examples = tail[tail.rindex("Examples:") :]
    calls = [c for c in " ".join(examples.split()).split("elecsafe ")[1:] if c.strip()]
    assert 2 <= len(calls) <= 3, examples
    assert all(c.split()[0].rstrip(";") == words[0] for c in calls), examples


def test_the_top_level_help_ends_with_a_first_session() -> None:
    text = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "100"}).output
    tail = text[text.rindex("Commands:") :]
    calls = " ".join(tail[tail.index("Examples:") :].split()).split("elecsafe ")[1:]
    assert [c.split()[0] for c in calls] == ["init", "check", "render"]
