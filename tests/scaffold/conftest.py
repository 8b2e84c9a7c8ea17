"""Fixtures for the scaffold tests: a pinned "today", a CLI runner and ready-made scaffolds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from elecsafe.cli.app import app

TODAY = "2026-11-22"
# The flags of a typical run of each profile (fictional places).
PROFILE_ARGS: dict[str, list[str]] = {
    "us-county": ["--profile", "us-county", "--name", "Cedar River County", "--state", "US-IA"],
    "uk-force": ["--profile", "uk-force", "--name", "Severnshire", "--nation", "ENG"],
}
Invoke = Callable[..., "Result"]


class Result:
    """What a CLI run left behind: exit code, stdout and stderr kept apart."""

    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ELECSAFE_TODAY", TODAY)


@pytest.fixture
def invoke() -> Callable[..., Result]:
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Result:
        result = runner.invoke(app, list(args), input=input)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def scaffold(tmp_path: Path, invoke: Callable[..., Result]) -> Callable[[str], Path]:
    """``scaffold("uk-force")``: a fresh scaffold in its own directory."""

    def make(profile: str, *extra: str) -> Path:
        target = tmp_path / f"{profile}-plan"
        result = invoke("init", str(target), *PROFILE_ARGS[profile], *extra)
        assert result.exit_code == 0, result.stderr
        return target

    return make


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` (relative path -> bytes)."""
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }
