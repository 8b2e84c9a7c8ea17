"""Working-day calendars and the pure arithmetic on them.

UK statutory working days (domain.md §4.4; RPA 1983 s119 and the elections rules): a day is
excluded when it is a Saturday, Sunday, Christmas Eve, Christmas Day, Good Friday, a bank
holiday in the division of the electoral area, or a day appointed for public thanksgiving or
mourning (a plan's ``timetable.extra_excluded_days``). For a UK parliamentary general election
a bank holiday in *any* part of the UK counts (EC guidance, domain.md §4.3).

US business days: Saturdays, Sundays and US federal holidays (with their observed days), plus
the plan's extra days.

Bank and federal holidays come from tracked data files (``calendars/*.json``, generated from
the ``holidays`` package by :mod:`elecsafe.dates.generate_calendars`), so no run-time import of
``holidays`` is needed. A computation that reaches a year outside the data raises
:class:`OutsideSupportedYears`, which the resolver turns into a positioned REF002 finding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Literal

DATA_DIR = Path(__file__).resolve().parent / "calendars"
UK_DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")
Direction = Literal["forward", "backward"]
_ONE_DAY = timedelta(days=1)


class OutsideSupportedYears(ValueError):
    """A working-day computation needs a year the holiday data does not cover."""

    def __init__(self, day: date, first_year: int, last_year: int) -> None:
        self.day, self.first_year, self.last_year = day, first_year, last_year
        super().__init__(
            f"{day.isoformat()} is outside the supported holiday years {first_year}–{last_year}"
        )


@dataclass(frozen=True)
class HolidayData:
    days: dict[date, str]
    first_year: int
    last_year: int
    source: str


@cache
def load_holidays(stem: str) -> HolidayData:
    """One tracked data file, e.g. ``gb-england-and-wales`` or ``us-federal`` (cached)."""
    raw = json.loads((DATA_DIR / f"{stem}.json").read_text(encoding="utf-8"))
    days = {date.fromisoformat(k): str(v) for k, v in raw["days"].items()}
    return HolidayData(days, int(raw["first_year"]), int(raw["last_year"]), str(raw["source"]))


def easter_monday(year: int) -> date:
    """Easter Monday: three days after Good Friday."""
    return _good_friday(year) + timedelta(days=3)


@cache
def _good_friday(year: int) -> date:
    from dateutil.easter import easter

    return easter(year) - timedelta(days=2)


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days do not count as working days. Build with :func:`uk_calendar` or
    :func:`us_federal_calendar`."""

    name: str
    holidays: dict[date, str] = field(hash=False, compare=False, repr=False)
    first_year: int
    last_year: int
    uk_statutory: bool = False  # also Christmas Eve, Christmas Day, Good Friday every year
    extra: dict[date, str] = field(default_factory=dict, hash=False, compare=False, repr=False)

    def check_supported(self, day: date) -> None:
        if not self.first_year <= day.year <= self.last_year:
            raise OutsideSupportedYears(day, self.first_year, self.last_year)

    def excluded_reason(self, day: date) -> str | None:
        """Why ``day`` is not a working day, or None when it is one."""
        self.check_supported(day)
        if day.weekday() >= 5:
            return "a Saturday" if day.weekday() == 5 else "a Sunday"
        if day in self.extra:
            return f"a declared non-working day ({self.extra[day]})"
        if self.uk_statutory:
            if (day.month, day.day) == (12, 24):
                return "Christmas Eve"
            if (day.month, day.day) == (12, 25):
                return "Christmas Day"
            if day == _good_friday(day.year):
                return "Good Friday"
        if day in self.holidays:
            return f"a bank holiday ({self.holidays[day]})"
        return None

    def is_working_day(self, day: date) -> bool:
        return self.excluded_reason(day) is None


def uk_calendar(
    divisions: tuple[str, ...] = ("england-and-wales",), extra: dict[date, str] | None = None
) -> WorkingCalendar:
    """UK statutory working days; several divisions = a bank holiday in any of them counts."""
    holidays: dict[date, str] = {}
    first, last = 0, 9999
    for division in divisions:
        data = load_holidays(f"gb-{division}")
        for day, name in data.days.items():
            holidays.setdefault(day, name)
        first, last = max(first, data.first_year), min(last, data.last_year)
    name = "uk:" + ("all" if set(divisions) == set(UK_DIVISIONS) else "+".join(divisions))
    return WorkingCalendar(name, holidays, first, last, True, dict(extra or {}))


def us_federal_calendar(extra: dict[date, str] | None = None) -> WorkingCalendar:
    data = load_holidays("us-federal")
    return WorkingCalendar(
        "us:federal", data.days, data.first_year, data.last_year, False, dict(extra or {})
    )


def add_working_days(anchor: date, n: int, calendar: WorkingCalendar) -> date:
    """Step ``|n|`` working days from ``anchor`` (backwards when ``n < 0``), not counting the
    anchor itself: the statutory "N working days before polling day" (domain.md §4.4)."""
    step = _ONE_DAY if n > 0 else -_ONE_DAY
    day, left = anchor, abs(n)
    if not left:
        calendar.check_supported(anchor)
    while left:
        day += step
        if calendar.is_working_day(day):
            left -= 1
    return day


def working_days_before(anchor: date, n: int, calendar: WorkingCalendar) -> date:
    return add_working_days(anchor, -n, calendar)


def working_days_after(anchor: date, n: int, calendar: WorkingCalendar) -> date:
    return add_working_days(anchor, n, calendar)


def roll(day: date, direction: Direction, calendar: WorkingCalendar) -> date:
    """The day itself when it is a working day, else the next (``forward``, the RPA s119 rule
    for a last day that falls on an excluded day) or the previous (``backward``) working day."""
    step = _ONE_DAY if direction == "forward" else -_ONE_DAY
    while not calendar.is_working_day(day):
        day += step
    return day


def working_days_between(start: date, end: date, calendar: WorkingCalendar) -> int:
    """Working days in ``(start, end]``, or minus those in ``[end, start)`` when ``end`` is
    earlier: ``working_days_between(a, add_working_days(a, n, c), c) == n`` for ``n <= 0``,
    and for ``n > 0`` too when ``a`` is a working day."""
    if end == start:
        return 0
    sign = 1 if end > start else -1
    count, day = 0, start
    while day != end:
        day += _ONE_DAY * sign
        if calendar.is_working_day(day):
            count += 1
    return count * sign
