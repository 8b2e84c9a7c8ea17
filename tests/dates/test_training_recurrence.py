"""Trainings that recur (issue #17): resolved like recurring meetings, one RRULE in calendars."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from elecsafe.dates import resolve_plan
from tests.dates.conftest import US_HEAD, load_text

TRAINING = """\
timetable:
  trainings:
    - id: refresher
      title: Poll worker de-escalation refresher
      audience: poll_workers
      topics: [de_escalation]
      when: 2028-09-11 18:00
      duration_minutes: 120
      recurrence: {frequency: fortnightly, until: poll - 2 weeks}
"""


def test_a_training_recurs_until_its_end(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, US_HEAD, TRAINING)
    assert loaded.plan is not None
    item = resolve_plan(loaded.plan).item("refresher")
    assert item is not None and item.recurrence is not None
    assert (item.recurrence.freq, item.recurrence.interval) == ("WEEKLY", 2)
    days = [o.date().isoformat() for o in item.occurrences if isinstance(o, datetime)]
    assert days == ["2028-09-11", "2028-09-25", "2028-10-09", "2028-10-23"]


def test_the_us_example_calendar_repeats_its_poll_worker_training(tmp_path: Path) -> None:
    from icalendar import Calendar

    from tests.calendar.conftest import run
    from tests.conftest import EXAMPLES

    target = tmp_path / "us.ics"
    code, _, err = run("calendar", str(EXAMPLES / "us-county"), "-o", str(target))
    assert code == 0, err
    calendar = Calendar.from_ical(target.read_bytes())
    (event,) = [e for e in calendar.walk("VEVENT") if "security module" in str(e["SUMMARY"])]
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["COUNT"] == [7]
