"""init and the plan take IANA region/city zones only; init's next steps are shell-quoted."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import shlex
import subprocess
import sys
from datetime import date
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


def test_init_refuses_a_state_that_does_not_exist_and_writes_nothing(tmp_path: Path) -> None:
    done = run_init(tmp_path, "p", "--profile", "us-county", "--state", "US-ZZ")
    assert done.returncode == 2
    assert "--state: 'US-ZZ' is not a US state, DC or territory code" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_next_steps_quote_the_directory(tmp_path: Path) -> None:
    done = run_init(tmp_path, "Ynys Môn", "--profile", "uk-force", "--nation", "WLS")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stderr.splitlines() if "1. cd " in x)
    command = line.split("1. ", 1)[1].rstrip(" │")
    assert command == "cd 'Ynys Môn'"
    assert shlex.split(command) == ["cd", "Ynys Môn"]


def test_interactive_init_into_an_existing_plan_refuses_before_the_first_question(
    tmp_path: Path,
) -> None:
    assert run_init(tmp_path, "p", "--profile", "uk-force").returncode == 0
    before = sorted(p.read_bytes() for p in (tmp_path / "p").rglob("*") if p.is_file())
    master, slave = pty.openpty()  # a terminal: init would ask for everything not given
    env = {**os.environ, "ELECSAFE_TODAY": "2026-12-01", "TERM": "dumb"}
    process = subprocess.Popen(
        [sys.executable, "-m", "elecsafe", "init", "p"],
        stdin=slave, stdout=slave, stderr=slave, env=env, cwd=tmp_path,
    )  # fmt: skip
    os.close(slave)
    try:
        code = process.wait(timeout=120)  # no answer is ever typed: a question would hang here
    finally:
        if process.poll() is None:
            process.kill()
    seen = b""
    with contextlib.suppress(OSError):
        while select.select([master], [], [], 1)[0] and (chunk := os.read(master, 4096)):
            seen += chunk
    os.close(master)
    text = seen.decode("utf-8", "replace")
    assert code == 2, text
    assert "p already has 15 of the scaffold's files; nothing written" in text
    assert "Profile" not in text and "?" not in text.split("nothing written")[0]
    assert sorted(p.read_bytes() for p in (tmp_path / "p").rglob("*") if p.is_file()) == before


def test_the_scaffold_writes_the_paths_init_checks_first(tmp_path: Path) -> None:
    from elecsafe.scaffold import PROFILES, ScaffoldOptions, build
    from elecsafe.scaffold.profiles import SCAFFOLD_PATHS

    for profile in PROFILES.values():
        options = ScaffoldOptions(
            profile, "X", date(2027, 5, 6), profile.default_timezone,
            "US-OH" if profile.country == "US" else "ENG", date(2026, 12, 1), None,
        )  # fmt: skip
        assert [f.path for f in build(options)] == list(SCAFFOLD_PATHS)


def test_init_in_the_c_locale_names_the_plan_after_a_utf8_directory(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))}
    env.update(LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", ELECSAFE_TODAY="2026-12-01")
    done = subprocess.run(
        [sys.executable, "-m", "elecsafe", "init", "Ynys Môn", "--profile", "uk-force"],
        capture_output=True, cwd=tmp_path, env=env, timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert b"Created 15 files for Ynys Mon" in done.stderr  # the terminal gets ASCII
    plan = (tmp_path / "Ynys Môn" / "plan.yaml").read_text(encoding="utf-8")
    assert 'title: "Ynys Môn election safety plan"' in plan  # the file keeps the name
