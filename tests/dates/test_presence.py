"""Police presence windows resolve like every other date of the plan (issue #17)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from elecsafe.dates import resolve_plan
from tests.dates.conftest import US_HEAD, line_of, load_text, plan_text
from tests.dates.test_resolver import located

SITE = """\
sites:
  - id: plaza-box
    name: Plaza drop box
    kind: ballot_drop_box
    jurisdiction: county
    presence_windows:
      - {id: pw-evenings, from: poll - 14 days, to: poll - 1 day, start: "18:00", end: "23:00"}
      - {id: pw-night, from: poll, start: "22:00", end: "04:00"}
      - {id: pw-weekend, from: 2028-11-04, to: 2028-11-05}
      - {id: pw-backwards, from: poll, to: poll - 2 days}
"""


def test_daily_overnight_and_all_day_windows(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, US_HEAD, SITE)
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    evenings = resolved.item("pw-evenings")
    assert evenings is not None and evenings.kind == "presence"
    assert evenings.title == "Police presence: Plaza drop box"
    assert evenings.recurrence is not None and evenings.recurrence.freq == "DAILY"
    assert len(evenings.occurrences) == 14
    assert isinstance(evenings.start, datetime) and evenings.start.hour == 18
    assert evenings.last_day == date(2028, 11, 6) and evenings.offset_label == "E−14d"
    # US clocks go back on 5 Nov 2028: 18:00 stays 18:00 local
    assert {o.hour for o in evenings.occurrences if isinstance(o, datetime)} == {18}
    night = resolved.item("pw-night")
    assert night is not None and night.recurrence is None
    assert isinstance(night.end, datetime) and (night.end.day, night.end.hour) == (8, 4)
    weekend = resolved.item("pw-weekend")
    assert weekend is not None and weekend.all_day and weekend.window
    assert (weekend.day, weekend.last_day) == (date(2028, 11, 4), date(2028, 11, 5))


def test_a_window_that_ends_before_it_starts_is_positioned(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, US_HEAD, SITE)
    text = plan_text(US_HEAD, SITE)
    line = line_of(text, "pw-backwards")
    assert ("TT001", line, 44, "the presence window ends before it starts") in located(loaded)
