"""Clock changes: missing and repeated local times are TT012; durations stay what the plan says.

Europe/London 2027: clocks go forward 01:00 GMT → 02:00 BST on Sunday 28 March and back
02:00 BST → 01:00 GMT on Sunday 31 October. America/Chicago 2028: forward 02:00 → 03:00 on
12 March, back 02:00 → 01:00 on 5 November.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from elecsafe.cli.app import app
from elecsafe.dates import clockchange, resolve_plan
from elecsafe.dates.report import time_text
from tests.dates.conftest import GB_HEAD, US_HEAD, line_of, load_text, plan_text

LONDON = ZoneInfo("Europe/London")
CHICAGO = ZoneInfo("America/Chicago")


def meetings(*rows: tuple[str, str, int]) -> str:
    out = "timetable:\n  meetings:\n"
    for id_, when, minutes in rows:
        out += (
            f"    - id: {id_}\n      title: {id_.replace('-', ' ').capitalize()}\n"
            f"      meeting_type: other\n      when: {when}\n"
            f"      duration_minutes: {minutes}\n      owner: spoc\n      final: true\n"
        )
    return out


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2027, 3, 28, 1, 30, tzinfo=LONDON), "gap"),
        (datetime(2027, 3, 28, 0, 59, tzinfo=LONDON), None),
        (datetime(2027, 3, 28, 2, 0, tzinfo=LONDON), None),
        (datetime(2027, 10, 31, 1, 0, tzinfo=LONDON), "fold"),
        (datetime(2027, 10, 31, 1, 59, fold=1, tzinfo=LONDON), "fold"),
        (datetime(2027, 10, 31, 2, 0, tzinfo=LONDON), None),
        (datetime(2028, 3, 12, 2, 30, tzinfo=CHICAGO), "gap"),
        (datetime(2028, 11, 5, 1, 30, tzinfo=CHICAGO), "fold"),
        (datetime(2027, 6, 1, 1, 30, tzinfo=LONDON), None),
    ],
)
def test_problem(moment: datetime, expected: str | None) -> None:
    assert clockchange.problem(moment) == expected


def test_the_fix_names_the_hour_to_choose() -> None:
    message, hint = clockchange.explain(
        datetime(2028, 3, 12, 2, 30, tzinfo=CHICAGO), "America/Chicago"
    ) or ("", "")
    assert message == (
        "02:30 on Sun 12 Mar 2028 does not exist in America/Chicago: the clocks go forward "
        "from 02:00 CST to 03:00 CDT; calendars would show it at 03:30"
    )
    assert hint == "choose 03:00 or later, or a time before 02:00"
    message, hint = clockchange.explain(
        datetime(2027, 10, 31, 1, 30, tzinfo=LONDON), "Europe/London"
    ) or ("", "")
    assert (
        "happens twice in Europe/London: the clocks go back from 02:00 BST to 01:00 GMT" in message
    )
    assert hint.startswith(
        "say which 01:30: write the date with its UTC offset ('2027-10-31 01:30+01:00' is BST"
    )


def test_elapsed_minutes() -> None:
    start = datetime(2027, 10, 31, 0, 30, tzinfo=LONDON)  # BST
    end = clockchange.after(start, 120)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(minutes=120)
    assert (end.hour, end.minute, end.tzname()) == (1, 30, "GMT")


def test_missing_time_is_tt012_and_keeps_its_length(tmp_path: Path) -> None:
    text = plan_text(GB_HEAD, meetings(("night-briefing", '"2027-03-28 01:30"', 60)))
    loaded = load_text(tmp_path, text)
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    (finding,) = [loaded.locate(f) for f in resolved.findings if f.code == "TT012"]
    assert (finding.line, finding.column) == (line_of(text, "2027-03-28 01:30"), 13)
    assert finding.severity.value == "error"
    assert "does not exist in Europe/London" in finding.message
    assert finding.hint == "choose 02:00 or later, or a time before 01:00"
    item = resolved.item("night-briefing")
    assert item is not None
    assert isinstance(item.start, datetime) and isinstance(item.end, datetime)
    assert item.end - item.start == timedelta(minutes=60)  # was 0 minutes
    assert time_text(item) == "02:30–03:30"  # what calendars show, said out loud


def test_repeated_time_is_tt012_unless_the_offset_says_which(tmp_path: Path) -> None:
    text = plan_text(
        GB_HEAD,
        meetings(
            ("ambiguous", '"2027-10-31 01:30"', 60),
            ("second-one-thirty", '"2027-10-31 01:30+00:00"', 60),
            ("across-the-change", '"2027-10-31 00:30"', 120),
        ),
    )
    loaded = load_text(tmp_path, text)
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    found = [loaded.locate(f) for f in resolved.findings if f.code == "TT012"]
    assert [(f.line, f.column) for f in found] == [(line_of(text, '"2027-10-31 01:30"'), 13)]
    for id_, minutes, shown in (
        ("ambiguous", 60, "01:30 BST–01:30 GMT"),
        ("second-one-thirty", 60, "01:30 GMT–02:30 GMT"),
        ("across-the-change", 120, "00:30 BST–01:30 GMT"),
    ):
        item = resolved.item(id_)
        assert item is not None
        assert isinstance(item.start, datetime) and isinstance(item.end, datetime)
        assert item.end.astimezone(UTC) - item.start.astimezone(UTC) == timedelta(minutes=minutes)
        assert time_text(item) == shown


def test_a_weekly_series_through_the_gap(tmp_path: Path) -> None:
    text = plan_text(
        US_HEAD,
        "timetable:\n  meetings:\n"
        "    - id: overnight-check\n      title: Overnight drop box check call\n"
        '      meeting_type: other\n      when: "2028-02-27 02:30"\n      owner: office\n'
        "      recurrence: {frequency: weekly, count: 4}\n      final: true\n",
    )
    loaded = load_text(tmp_path, text)
    assert loaded.plan is not None
    found = [loaded.locate(f) for f in resolve_plan(loaded.plan).findings if f.code == "TT012"]
    assert len(found) == 1
    assert found[0].message.startswith("the series meets again on Sun 12 Mar 2028, and 02:30")
    assert found[0].line == line_of(text, "recurrence:")


def test_the_calendar_keeps_every_duration(tmp_path: Path) -> None:
    text = plan_text(
        GB_HEAD,
        meetings(
            ("missing", '"2027-03-28 01:30"', 60),
            ("second-one-thirty", '"2027-10-31 01:30+00:00"', 60),
            ("across-the-change", '"2027-10-31 00:30"', 120),
        ),
    )
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "plan.ics"
    result = CliRunner().invoke(app, ["calendar", str(tmp_path), "-o", str(out), "--force"])
    assert "TT012" in result.output  # the missing 01:30 is an error: no file
    assert result.exit_code == 1 and not out.exists()
    text = text.replace('"2027-03-28 01:30"', '"2027-03-28 02:30"')
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["calendar", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    events = {
        str(e["SUMMARY"]): (e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    }
    lengths = {
        k: (end.astimezone(UTC) - start.astimezone(UTC)) for k, (start, end) in events.items()
    }
    assert lengths == {
        "Missing": timedelta(minutes=60),
        "Second one thirty": timedelta(minutes=60),
        "Across the change": timedelta(minutes=120),
    }
    start, _ = events["Second one thirty"]
    assert start == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)  # written in UTC: not the first 01:30
    raw = out.read_text()
    assert "DTSTART:20271031T013000Z" in raw
    assert "DTEND;TZID=Europe/London:20271031T023000" in raw
