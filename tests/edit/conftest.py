"""Copies of the bundled examples and byte-level snapshots for the editing commands."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from elecsafe.cli.app import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = "2027-01-15"


def invoke(args: list[str], today: str = TODAY) -> Any:
    return CliRunner().invoke(app, args, env={"ELECSAFE_TODAY": today, "NO_COLOR": "1"})


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


_COMMENT = re.compile(r"^\s*#")


def comment_lines(root: Path) -> list[str]:
    """Every full-line YAML comment of the plan (private layer included), in file order."""
    out: list[str] = []
    for path in sorted(root.rglob("*.yaml")):
        out += [
            line.strip() for line in path.read_text("utf-8").splitlines() if _COMMENT.match(line)
        ]
    return out


def trailing_comments(root: Path) -> int:
    return sum(
        1
        for path in root.rglob("*.yaml")
        for line in path.read_text("utf-8").splitlines()
        if " #" in line and not _COMMENT.match(line)
    )


@pytest.fixture(params=["us-county", "uk-force"])
def example(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    target = tmp_path / str(request.param)
    shutil.copytree(EXAMPLES / str(request.param), target)
    return target


@pytest.fixture
def copy_example(tmp_path: Path) -> Callable[[str], Path]:
    def make(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(EXAMPLES / name, target)
        return target

    return make
