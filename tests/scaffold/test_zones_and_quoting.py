"""init and the plan take IANA region/city zones only; init's next steps are shell-quoted."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from elecsafe.model.plan import Plan
from elecsafe.zones import problem


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("EST", "use America/New_York"),
        ("CST6CDT", "use America/Chicago"),
        ("GB", "use Europe/London"),
        ("Zulu", "use a region/city name"),
        ("SystemV/EST5", "use a region/city name"),
        ("localtime", "is whatever machine runs elecsafe"),
        ("Europe/Londn", "is not an IANA time zone"),
    ],
)
def test_refused_zones_say_what_to_use(name: str, advice: str) -> None:
    said = problem(name)
    assert said is not None and advice in said


@pytest.mark.parametrize(
    "name", ["Europe/London", "America/Chicago", "UTC", "America/Indiana/Knox"]
)
def test_city_zones_pass(name: str) -> None:
    assert problem(name) is None


def test_the_plan_refuses_a_legacy_zone(minimal_plan: Path) -> None:
    import yaml

    data = yaml.safe_load((minimal_plan / "plan.yaml").read_text())
    data["timezone"] = "EST"
    with pytest.raises(ValidationError, match="use America/New_York"):
        Plan.model_validate(data)


def run_init(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ELECSAFE_TODAY": "2026-12-01", "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "elecsafe", "init", *args],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_init_refuses_est_and_writes_nothing(tmp_path: Path) -> None:
    done = run_init(tmp_path, "p", "--profile", "us-county", "--timezone", "EST")
    assert done.returncode == 2
    assert "'EST' is not a region/city time zone: use America/New_York" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_next_steps_quote_the_directory(tmp_path: Path) -> None:
    done = run_init(tmp_path, "Ynys Môn", "--profile", "uk-force", "--nation", "WLS")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stderr.splitlines() if "1. cd " in x)
    command = line.split("1. ", 1)[1].rstrip(" │")
    assert command == "cd 'Ynys Môn'"
    assert shlex.split(command) == ["cd", "Ynys Môn"]
