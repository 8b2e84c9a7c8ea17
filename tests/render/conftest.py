"""Fixtures for the render tests.

Golden files: ``tests/render/golden/<plan>/<document>.md`` and ``.html``. Regenerate them
after an intended change with ``pytest tests/render --update-goldens`` (the environment
variable ``ELECSAFE_UPDATE_GOLDENS=1`` does the same), then review the diff.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import RenderOptions

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
REPO = HERE.parent.parent
GENERATED_ON = date(2026, 11, 22)


def options(**kwargs: object) -> RenderOptions:
    kwargs.setdefault("generated_on", GENERATED_ON)
    return RenderOptions(**kwargs)  # type: ignore[arg-type]


def plan_copy(tmp_path: Path, name: str) -> Path:
    """A private copy of a fixture plan, safe to modify."""
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    return target


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """``--update-goldens`` (tests/conftest.py), or ELECSAFE_UPDATE_GOLDENS=1."""
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def uk_loaded() -> LoadedPlan:
    return load_plan(FIXTURES / "uk-mini")


@pytest.fixture
def us_loaded() -> LoadedPlan:
    return load_plan(FIXTURES / "us-mini")


@pytest.fixture
def uk_plan(tmp_path: Path) -> Path:
    return plan_copy(tmp_path, "uk-mini")
