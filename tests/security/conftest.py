"""Attacks of the red-team pass (issue 11) replayed against the CLI in a child process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Result:
    environment = {**os.environ, "ELECSAFE_TODAY": "2026-11-22", "NO_COLOR": "1", **(env or {})}
    environment.pop("GITHUB_ACTIONS", None)
    done = subprocess.run(
        [sys.executable, "-m", "elecsafe", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def run() -> Run:
    return run_cli


def copy_example(name: str, target: Path) -> Path:
    shutil.copytree(EXAMPLES / name, target, symlinks=True)
    return target


@pytest.fixture
def uk(tmp_path: Path) -> Path:
    return copy_example("uk-force", tmp_path / "uk")


@pytest.fixture
def us(tmp_path: Path) -> Path:
    return copy_example("us-county", tmp_path / "us")
