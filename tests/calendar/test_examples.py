"""The bundled examples export calendars that three parsers read the same way."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import recurring_ical_events
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from elecsafe.calendar.builder import item_uid
from elecsafe.dates import resolve_plan
from elecsafe.load.loader import load_plan
from tests.calendar.conftest import run
from tests.conftest import EXAMPLES

NAMES = ["us-county", "uk-force"]


def example(name: str) -> Path:
    path = EXAMPLES / name
    assert (path / "plan.yaml").is_file(), path
    return path


def _key(moment: date | datetime) -> str:
    if isinstance(moment, datetime):
        return moment.astimezone(UTC).isoformat()
    return moment.isoformat()


@pytest.mark.parametrize("name", NAMES)
def test_example_timetable_has_no_date_errors(name: str) -> None:
    code, out, err = run("timetable", str(example(name)), "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert [f for f in document["findings"] if f["severity"] == "error"] == []
    assert document["items"]


@pytest.mark.parametrize("name", NAMES)
def test_example_calendar_expands_to_the_resolved_occurrences(name: str, tmp_path: Path) -> None:
    path = example(name)
    target = tmp_path / f"{name}.ics"
    code, _, err = run("calendar", str(path), "-o", str(target))
    assert code == 0, err
    raw = target.read_bytes()
    calendar = Calendar.from_ical(raw)
    assert not calendar.get_missing_tzids()
    assert calendar.to_ical() == raw  # icalendar re-serialises it byte for byte

    loaded = load_plan(path)
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    exported = [  # police presence windows are restricted: only in their staff's calendars
        i
        for i in resolved.items
        if (getattr(i.item, "export", None) is None or i.item.export.ics) and i.kind != "presence"
    ]
    expected = sorted(
        (item_uid(loaded.plan.id, i.id), _key(o)) for i in exported for o in i.occurrences
    )
    first = min(i.day for i in exported) - timedelta(days=1)
    last = max(i.last_day for i in exported) + timedelta(days=2)
    expanded = recurring_ical_events.of(calendar).between(first, last)
    assert sorted((str(e["UID"]), _key(e.start)) for e in expanded) == expected

    strict = IcsCalendarStream.calendar_from_ics(raw.decode("utf-8"))
    timeline = list(strict.timeline_tz(UTC).overlapping(first, last))
    assert sorted((e.uid, _key(e.start)) for e in timeline) == expected

    # recurring meetings keep their wall-clock time across DST changes
    for item in exported:
        if item.recurrence is not None and isinstance(item.start, datetime):
            times = {
                (e.start.hour, e.start.minute)
                for e in expanded
                if str(e["UID"]) == item_uid(loaded.plan.id, item.id)
            }
            assert times == {(item.start.hour, item.start.minute)}
