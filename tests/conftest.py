"""Shared fixtures: a minimal valid plan and a helper to write plans into tmp dirs."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

# Tests never write into the developer's template cache (~/.cache/elecsafe), and counted file
# operations (the failure-injection tests) must not depend on whether it is warm. The cache's
# own tests choose a folder.
os.environ["ELECSAFE_CACHE_DIR"] = "off"

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"

MINIMAL_PLAN = """\
schema_version: "1.0"
id: test-plan
title: Test plan
country: GB
uk_nation: ENG
timezone: Europe/London
handling:
  marking: OFFICIAL-SENSITIVE
owners: [alice]
version: "0.1"
last_reviewed: 2027-01-10
organisations:
  - id: force
    name: Testshire Police
    kind: police_force
    sector: law_enforcement
    jurisdictions: [pfa]
jurisdictions:
  - id: pfa
    name: Testshire
    kind: police_force_area
people:
  - id: alice
    display_name: Alice Example
    organisation: force
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=os.environ.get("ELECSAFE_UPDATE_GOLDENS") == "1",
        help="rewrite the golden files (tests/render/golden) instead of comparing; then "
        "review the diff (ELECSAFE_UPDATE_GOLDENS=1 does the same)",
    )


def write_plan(directory: Path, text: str, name: str = "plan.yaml") -> Path:
    """Write ``text`` (dedented) to ``directory/name`` and return the plan directory."""
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return directory


@pytest.fixture
def minimal_plan(tmp_path: Path) -> Path:
    return write_plan(tmp_path, MINIMAL_PLAN)
