"""THE clock: one precedence and one behaviour on bad input for every command."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from elecsafe.cli.app import app
from elecsafe.clock import ClockError, parse_day, source_epoch, today

EPOCH = "1800000000"  # 2027-01-15 08:00 UTC


def test_precedence_option_then_env_then_epoch() -> None:
    env = {"ELECSAFE_TODAY": "2026-11-22", "SOURCE_DATE_EPOCH": EPOCH}
    assert today("2027-05-06", environ=env) == date(2027, 5, 6)
    assert today(environ=env) == date(2026, 11, 22)
    assert today(environ={"SOURCE_DATE_EPOCH": EPOCH}) == date(2027, 1, 15)
    assert today(environ={"ELECSAFE_TODAY": " ", "SOURCE_DATE_EPOCH": ""}) == date.today()


def test_source_epoch_is_aware_utc() -> None:
    assert source_epoch({"SOURCE_DATE_EPOCH": EPOCH}) == datetime(2027, 1, 15, 8, 0, tzinfo=UTC)
    assert source_epoch({}) is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"option": "20270506"}, r"^--date: '20270506' is not a date; write YYYY-MM-DD"),
        ({"option": "2027-02-31", "option_name": "--today"}, r"^--today: 2027-02-31 is not a day"),
        ({"environ": {"ELECSAFE_TODAY": "tomorrow"}}, r"^ELECSAFE_TODAY: 'tomorrow' is not a date"),
        ({"environ": {"SOURCE_DATE_EPOCH": "-5"}}, r"^SOURCE_DATE_EPOCH: '-5' is not a Unix"),
        ({"environ": {"SOURCE_DATE_EPOCH": "9" * 30}}, r"^SOURCE_DATE_EPOCH: '9+' is not a Unix"),
    ],
)
def test_bad_input_is_one_error(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ClockError, match=message):
        today(**kwargs)  # type: ignore[arg-type]


def test_parse_day_is_strict_iso() -> None:
    assert parse_day(" 2027-05-06 ", "--poll-date") == date(2027, 5, 6)
    with pytest.raises(ClockError, match="'6 May 2027' is not a date"):
        parse_day("6 May 2027", "--poll-date")


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{plan}"],
        ["render", "briefing", "{plan}", "--out-dir", "{out}"],
        ["timetable", "{plan}"],
        ["calendar", "{plan}", "-o", "{out}/plan.ics"],
        ["init", "{out}/new", "--profile", "uk-force"],
    ],
    ids=lambda c: c[0],
)
@pytest.mark.parametrize(
    ("variable", "value"), [("ELECSAFE_TODAY", "2027-13-01"), ("SOURCE_DATE_EPOCH", "soon")]
)
def test_every_command_refuses_a_bad_clock_the_same_way(
    minimal_plan: Path, tmp_path: Path, command: list[str], variable: str, value: str
) -> None:
    args = [a.format(plan=minimal_plan, out=tmp_path / "out") for a in command]
    env = {"ELECSAFE_TODAY": None, "SOURCE_DATE_EPOCH": None, variable: value}
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert lines == [lines[0]] and lines[0].startswith(f"elecsafe: error: {variable}: "), lines
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "plan.ics").exists()


def test_only_the_clock_reads_the_variables() -> None:
    src = Path(__file__).resolve().parent.parent / "src" / "elecsafe"
    read = re.compile(r"(environ|getenv)[^\n]{0,12}(ELECSAFE_TODAY|SOURCE_DATE_EPOCH|_VARIABLE)")
    readers = sorted(
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        if read.search(path.read_text(encoding="utf-8"))
    )
    assert readers == ["clock.py"]
