"""Police presence windows in calendars: restricted, except in the ``--for`` calendar of the
people who staff them (issue #17), where they are the site's name and the times only."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import recurring_ical_events
from icalendar import Calendar

from tests.calendar.conftest import CALENDAR_PLAN, run

LONDON = ZoneInfo("Europe/London")
WINDOWS = """\
    police_presence: occasional
    presence_windows:
      - id: pw-evenings
        from: 2025-03-25
        to: 2025-04-03
        start: "18:00"
        end: "23:00"
        staffed_by: [spoc]
        notes: Unmarked car opposite the main door
      - id: pw-count-night
        from: poll
        start: "22:00"
        end: "04:00"
        level: permanent
        agency: council
"""


def _plan(tmp_path: Path) -> Path:
    directory = tmp_path / "plan"
    directory.mkdir()
    text = CALENDAR_PLAN.replace(
        "    address: 1 Market Square, Testvale\n",
        "    address: 1 Market Square, Testvale\n" + WINDOWS,
    )
    (directory / "plan.yaml").write_text(text, encoding="utf-8")
    return directory


def _calendar(tmp_path: Path, *args: str) -> tuple[Calendar, str]:
    out = tmp_path / f"out{len(list(tmp_path.glob('*.ics')))}.ics"
    code, stdout, stderr = run("calendar", str(_plan_dir(tmp_path)), "-o", str(out), *args)
    assert code == 0, stdout + stderr
    text = out.read_text(encoding="utf-8")
    return Calendar.from_ical(text), text


def _plan_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "plan"
    return directory if directory.is_dir() else _plan(tmp_path)


def _presence(calendar: Calendar) -> list[object]:
    return [e for e in calendar.walk("VEVENT") if str(e["CATEGORIES"].cats[0]) == "Police presence"]


def test_the_officer_who_staffs_a_window_gets_it_daily_at_local_time(tmp_path: Path) -> None:
    calendar, text = _calendar(tmp_path, "--for", "alice")
    (event,) = _presence(calendar)
    assert str(event["SUMMARY"]) == "Police presence: Testvale Town Hall"
    assert "FREQ=DAILY" in text
    # ten evenings at 18:00 London time, across the change to summer time on 30 March
    days = recurring_ical_events.of(calendar).between(datetime(2025, 3, 1), datetime(2025, 4, 30))
    evenings = [e for e in days if str(e["SUMMARY"]).startswith("Police presence")]
    starts = [e["DTSTART"].dt.astimezone(LONDON) for e in evenings]
    assert len(starts) == 10
    assert {(s.hour, s.minute) for s in starts} == {(18, 0)}
    assert starts[0].date().isoformat() == "2025-03-25" and starts[-1].day == 3
    # the restricted details stay out: level, notes
    assert "Unmarked" not in text and "ccasional" not in text


def test_an_agency_gets_its_overnight_window(tmp_path: Path) -> None:
    calendar, _ = _calendar(tmp_path, "--for", "council")
    (event,) = _presence(calendar)
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    assert (start.hour, end.hour, (end.date() - start.date()).days) == (22, 4, 1)
    assert "RRULE" not in event


def test_presence_windows_stay_out_of_every_other_calendar(tmp_path: Path) -> None:
    for args in ((), ("--for", "carol"), ("--audience", "public")):
        calendar, text = _calendar(tmp_path, *args)
        if args == ("--for", "carol"):
            # carol's role (esm) staffs nothing; her organisation's window is not hers
            assert _presence(calendar) == []
        else:
            assert _presence(calendar) == [] and "Police presence" not in text
