"""THE date styles: how a day is written, one formatter per style and country.

English names, never the process locale (a Turkish or German locale must not change a
document or a timetable). Documents write dates as each country does (``long``, ``short``);
tables, calendars and findings use the compact ``Thu 06 May 2027`` (``compact``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")


def as_day(value: Any) -> date | None:
    """A date, the day of a datetime or of an ISO date string ("2027-05-06", "2027-05-06
    10:00"); else None (an expression such as "poll - 25 working days" is not a day)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def long(value: Any, country: str) -> Any:
    """GB "Thursday 6 May 2027"; US "Tuesday, November 7, 2028" (other values unchanged)."""
    day = as_day(value)
    if day is None:
        return value
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    if country == "US":
        return f"{weekday}, {month} {day.day}, {day.year}"
    return f"{weekday} {day.day} {month} {day.year}"


def short(value: Any, country: str) -> Any:
    """GB "6 May 2027"; US "Nov 7, 2028" (other values unchanged)."""
    day = as_day(value)
    if day is None:
        return value
    if country == "US":
        return f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year}"
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def day_month(day: date, country: str) -> str:
    """GB "5 Oct"; US "Oct 5": a label under a chart's bar (the caption says the year)."""
    month = MONTHS[day.month - 1][:3]
    return f"{month} {day.day}" if country == "US" else f"{day.day} {month}"


def compact(day: date, *, year: bool = True, weekday: bool = True) -> str:
    """ "Thu 06 May 2027" (``year=False``: "Thu 06 May"; ``weekday=False``: "06 May 2027"),
    for tables, calendars, findings."""
    text = f"{day.day:02d} {MONTHS[day.month - 1][:3]}"
    if weekday:
        text = f"{WEEKDAYS[day.weekday()][:3]} {text}"
    return f"{text} {day.year}" if year else text


__all__ = ["MONTHS", "WEEKDAYS", "as_day", "compact", "day_month", "long", "short"]
