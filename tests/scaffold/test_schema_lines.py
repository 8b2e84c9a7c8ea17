"""Editor wiring: every ``# yaml-language-server: $schema=...`` line, in the bundled examples and
in a fresh ``elecsafe init``, names a schema file that exists, and the right one for the file
(plan.yaml: plan; included files: plan-part; private/*: contacts)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from elecsafe.model.schema import json_schema
from elecsafe.scaffold import PROFILES
from elecsafe.scaffold.profiles import SCHEMA_FILES
from tests.conftest import EXAMPLES
from tests.scaffold.conftest import Result

MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")
PLAN_EXTENSIONS = (".yaml", ".yml")


def part_of(relative: Path) -> str:
    """The ``elecsafe schema --part`` that fits a file of a plan directory."""
    if relative.parts[0] == "private":
        return "contacts"
    return "plan" if relative.as_posix() in ("plan.yaml", "plan.yml") else "plan-part"


def schema_lines(directory: Path) -> dict[Path, Path]:
    """{YAML file: the file its schema line points at}, for every YAML file below directory that
    has one; a schema line anywhere but the first line (editors ignore it there) fails."""
    found: dict[Path, Path] = {}
    for path in sorted(p for p in directory.rglob("*") if p.suffix in PLAN_EXTENSIONS):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if "yaml-language-server" in line or "$schema=" in line:
                match = MODELINE.fullmatch(line)
                assert match and number == 1, f"{path}:{number}: misplaced schema line {line!r}"
                found[path] = (path.parent / match[1]).resolve()
    return found


@pytest.mark.parametrize("example", ["us-county", "uk-force"])
def test_every_example_file_points_at_the_schema_inside_the_example(example: str) -> None:
    """The schemas travel with the example (.elecsafe/), so a copy of the folder keeps its
    editor checks, offline."""
    directory = EXAMPLES / example
    files = sorted(p for p in directory.rglob("*") if p.suffix in PLAN_EXTENSIONS)
    lines = schema_lines(directory)
    assert sorted(lines) == files, "every YAML file of the example starts with a schema line"
    written = {(directory / path).resolve(): part for path, part in SCHEMA_FILES}
    for path, target in lines.items():
        part = part_of(path.relative_to(directory))
        assert written.get(target) == part, f"{path} points at {target}, not the {part} schema"
        assert target.is_file(), f"{path}: {target} does not exist"


@pytest.mark.parametrize("example", ["us-county", "uk-force"])
def test_example_schemas_are_current(example: str) -> None:
    for path, part in SCHEMA_FILES:
        current = (EXAMPLES / example / path).read_text(encoding="utf-8")
        assert current == json_schema(part), f"run: elecsafe schema --write examples/{example}"


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_every_schema_line_of_init_points_at_a_file_init_wrote(
    profile: str, scaffold: Callable[[str], Path]
) -> None:
    plan = scaffold(profile)
    lines = schema_lines(plan)
    plan_files = {p for p in plan.rglob("*") if p.suffix in PLAN_EXTENSIONS}
    plan_files -= {plan / ".pre-commit-config.yaml", plan / ".github/workflows/elecsafe.yml"}
    assert set(lines) == plan_files and len(plan_files) == 8
    written = {(plan / path).resolve(): part for path, part in SCHEMA_FILES}
    for path, target in lines.items():
        assert target.is_file(), f"{path}: {target} does not exist"
        part = part_of(path.relative_to(plan))
        assert written.get(target) == part, f"{path} points at {target}, not the {part} schema"
        assert target.read_text(encoding="utf-8") == json_schema(part)


@pytest.mark.parametrize("example", ["us-county", "uk-force"])
def test_examples_stay_clean_under_strict_extended_check(
    example: str, invoke: Callable[..., Result]
) -> None:
    result = invoke("check", "--strict", "--extended", str(EXAMPLES / example))
    assert result.exit_code == 0, result.stdout + result.stderr
    # Info only: a mutual aid briefing still to come is planned, not done (MAA006).
    assert "no problems found" in result.stdout or " 0 error(s), 0 warning(s)" in result.stdout


@pytest.mark.parametrize("example", ["us-county", "uk-force"])
def test_an_example_copied_out_of_the_repository_checks_clean(
    example: str, tmp_path: Path, invoke: Callable[..., Result]
) -> None:
    """Copied elsewhere with its private layer filled in, an example needs nothing of this
    repository: its own .gitignore keeps private/ out of git (PRV003), its schema lines
    resolve inside the copy."""
    copy = tmp_path / example
    shutil.copytree(EXAMPLES / example, copy, ignore=shutil.ignore_patterns("out"))
    assert not any(parent.joinpath(".git").exists() for parent in copy.parents)
    sample = copy / "private" / "contacts.example.yaml"
    (copy / "private" / "contacts.yaml").write_text(sample.read_text(encoding="utf-8"))
    result = invoke("check", "--strict", "--extended", str(copy))
    assert result.exit_code == 0, result.stdout + result.stderr
    # Info only: a mutual aid briefing still to come is planned, not done (MAA006).
    assert "no problems found" in result.stdout or " 0 error(s), 0 warning(s)" in result.stdout
    for path, target in schema_lines(copy).items():
        assert target.is_file() and copy in target.parents, path
    (copy / ".gitignore").unlink()  # the test can fail: without it, PRV003
    result = invoke("check", "--select", "PRV003", str(copy))
    assert result.exit_code == 1 and "PRV003" in result.stdout
