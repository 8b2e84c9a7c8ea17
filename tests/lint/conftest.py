"""Helpers for the lint tests: write a plan from a fragment, lint it, compare positions.

``check(tmp, yaml, "MTG001", problems=[(3, 7)])`` writes the base plan of ``country`` with
``yaml`` as ``example.yaml`` (as the rule examples are written), lints it with every rule on,
and asserts that ``MTG001`` is reported exactly at those ``(line, column)`` positions of
``example.yaml`` (or ``(file, line, column)`` for another file).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import pytest

from elecsafe.lint.examples import BASE_GB, BASE_US
from elecsafe.lint.runner import LintOptions, LintResult, run
from elecsafe.load.loader import load_plan

TODAY = date(2026, 11, 22)
DATA = Path(__file__).resolve().parent / "data"
Position = tuple[int, int] | tuple[str, int, int]


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    """Run in ``tmp_path`` so findings show short relative file names."""
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def write(
    directory: Path,
    yaml: str,
    *,
    country: str = "GB",
    files: dict[str, str] | None = None,
    base: str | None = None,
) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "plan.yaml").write_text(base or (BASE_US if country == "US" else BASE_GB))
    (directory / "example.yaml").write_text(yaml)
    for name, text in (files or {}).items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return directory


def lint(directory: Path, **options: object) -> LintResult:
    opts = LintOptions(today=TODAY, extended=True)
    for key, value in options.items():
        setattr(opts, key, value)
    return run(load_plan(directory), opts)


def positions(result: LintResult, code: str) -> list[Position]:
    """Where ``code`` was reported: ``(line, column)`` in example.yaml, else with the file
    name relative to the plan directory."""
    directory = result.loaded.directory.resolve()
    out: list[Position] = []
    for f in result.findings:
        if f.code == code:
            name = Path(os.path.relpath(Path(f.file).resolve(), directory)).as_posix()
            out.append((f.line, f.column) if name == "example.yaml" else (name, f.line, f.column))
    return out


def check(
    directory: Path,
    yaml: str,
    code: str,
    problems: Sequence[Position] = (),
    *,
    valid: bool = True,
    **kwargs: object,
) -> LintResult:
    """Assert that ``code`` is reported exactly at ``problems`` (none: the plan passes).

    ``valid``: the plan must pass the schema (so a passing case cannot pass by accident)."""
    write(directory, yaml, **kwargs)  # type: ignore[arg-type]
    result = lint(directory)
    if valid:
        assert result.loaded.plan is not None, [
            (f.code, f.line, f.column, f.message) for f in result.findings
        ]
    assert positions(result, code) == list(problems), [
        (f.file, f.line, f.column, f.message) for f in result.findings if f.code == code
    ]
    return result
