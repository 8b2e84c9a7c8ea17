"""Date expressions: the short string form and the mapping form, normalised to one shape.

The short string grammar (case-insensitive keywords; documented in docs/dates.md)::

    expression := ISO-DATE [ ("T" | " " | " at ") HH:MM ]
                | ANCHOR [ SIGN N UNIT ] [ [","] "at" HH:MM ] [ [","] "roll" ROLL ]
    ANCHOR     := poll | an election id | announced_on | a statutory key | an item id
                | ISO-DATE
    SIGN       := "+" | "-" | "−"          (whitespace is required before the sign)
    UNIT       := d | day(s) | calendar day(s) | wd | working day(s) | bd | business day(s)
                | w | week(s) | mo | month(s)
    ROLL       := forward | backward | none

Examples: ``"poll - 25 working days"``, ``"poll + 2 weeks"``, ``"gold-group + 14 days"``,
``"poll - 19 wd at 16:00"``, ``"poll - 45 days, roll none"``, ``"2027-03-01"``,
``"2027-03-01 10:00"``, ``"2027-03-01 + 2 weeks"`` (an ISO date is an anchor too). Whitespace before the sign keeps ids with hyphens (``gold-group``)
unambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from datetime import time as dtime
from typing import Any, Literal

from elecsafe.dates.style import MONTHS

Unit = Literal["calendar_days", "working_days", "business_days", "weeks", "months"]
Roll = Literal["none", "forward", "backward"]

UNIT_NAMES: dict[str, Unit] = {
    "d": "calendar_days", "day": "calendar_days", "days": "calendar_days",
    "calendar day": "calendar_days", "calendar days": "calendar_days",
    "calendar_days": "calendar_days",
    "wd": "working_days", "working day": "working_days", "working days": "working_days",
    "working_days": "working_days",
    "bd": "business_days", "business day": "business_days", "business days": "business_days",
    "business_days": "business_days",
    "w": "weeks", "week": "weeks", "weeks": "weeks",
    "mo": "months", "month": "months", "months": "months",
}  # fmt: skip
UNIT_ABBREVIATIONS: dict[Unit, str] = {
    "calendar_days": "d",
    "working_days": "wd",
    "business_days": "bd",
    "weeks": "w",
    "months": "m",
}

_ISO_LIKE = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}")
_ISO = re.compile(
    r"\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:(?:T|\s+at\s+|\s+)(?P<hh>\d{2}):(?P<mm>\d{2})(?::00)?"
    # a UTC offset says which of two equal wall times is meant around a clock change
    r"\s*(?P<tz>Z|[+-]\d{2}:\d{2})?)?\s*\Z",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\s*(?P<anchor>[A-Za-z0-9][A-Za-z0-9._-]*)"
    r"(?:\s+(?P<sign>[-+−])\s*(?P<n>\d+)\s*(?P<unit>[A-Za-z_][A-Za-z_ ]*?))?"
    r"(?:\s*,?\s+at\s+(?P<time>\d{1,2}:\d{2}))?"
    r"(?:\s*,?\s+roll\s+(?P<roll>forward|backward|none))?"
    r"\s*\Z",
    re.IGNORECASE,
)


class ExpressionError(ValueError):
    """A date expression that cannot be read. ``code`` is TT001 (syntax) or REF002 (a date
    that does not exist, such as 31 February)."""

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


@dataclass(frozen=True)
class Absolute:
    day: date
    time: dtime | None = None
    tz: tzinfo | None = None  # set when the plan wrote an aware datetime


@dataclass(frozen=True)
class Relative:
    anchor: str
    offset: int = 0
    unit: Unit = "calendar_days"
    time: dtime | None = None
    roll: Roll | None = None
    # where the anchor is written, relative to the expression's own key path
    anchor_path: tuple[str, ...] = ()


Expression = Absolute | Relative


def parse_time(text: str) -> time:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ExpressionError("TT001", f"'{text}' is not a time of day", "use HH:MM, e.g. 16:00")
    return time(int(match[1]), int(match[2]))


def _impossible(y: int, m: int, d: int) -> ExpressionError:
    if 1 <= m <= 12:
        import calendar

        days = calendar.monthrange(y, m)[1]
        detail = f"{MONTHS[m - 1]} {y} has {days} days"
    else:
        detail = "months run from 01 to 12"
    return ExpressionError(
        "REF002", f"{y:04d}-{m:02d}-{d:02d} is not a date ({detail})", "fix the day or month"
    )


def parse_iso(text: str) -> Absolute:
    match = _ISO.fullmatch(text)
    if match is None:
        raise ExpressionError(
            "TT001",
            f"'{text.strip()}' is not an ISO date",
            "write dates as YYYY-MM-DD, optionally followed by HH:MM",
        )
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    try:
        day = date(y, m, d)
    except ValueError:
        raise _impossible(y, m, d) from None
    at = parse_time(f"{match['hh']}:{match['mm']}") if match["hh"] else None
    if at is not None and match["tz"]:
        return Absolute(day, at, _fixed_offset(match["tz"]))
    return Absolute(day, at)


def _fixed_offset(text: str) -> tzinfo:
    if text.upper() == "Z":
        return UTC
    hours, minutes = int(text[1:3]), int(text[4:6])
    if hours > 23 or minutes > 59:
        raise ExpressionError(
            "TT001", f"'{text}' is not a UTC offset", "write e.g. +01:00 or -05:00"
        )
    sign = 1 if text[0] == "+" else -1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_expression(text: str) -> Expression:
    """The short string form -> :class:`Absolute` or :class:`Relative`."""
    match = _RELATIVE.fullmatch(text)
    if _ISO_LIKE.match(text) and (match is None or not match["sign"]):
        return parse_iso(text)
    if match is not None and _ISO_LIKE.fullmatch(match["anchor"]):
        parse_iso(match["anchor"])  # "2027-03-01 + 2 weeks": the anchor must be a real date
    if match is None:
        raise ExpressionError(
            "TT001",
            f"cannot read the date expression '{text.strip()}'",
            "write e.g. 'poll - 25 working days', 'gold-group + 14 days' or '2027-03-01'",
        )
    offset, unit = 0, "calendar_days"
    if match["sign"]:
        name = " ".join(match["unit"].lower().split())
        if name not in UNIT_NAMES:
            raise ExpressionError(
                "TT001",
                f"unknown unit '{match['unit'].strip()}' in '{text.strip()}'",
                "units: days, working days, business days, weeks, months (or d, wd, bd, w, mo)",
            )
        unit = UNIT_NAMES[name]
        offset = int(match["n"]) * (1 if match["sign"] == "+" else -1)
    roll = match["roll"].lower() if match["roll"] else None
    return Relative(
        anchor=match["anchor"],
        offset=offset,
        unit=unit,  # type: ignore[arg-type]
        time=parse_time(match["time"]) if match["time"] else None,
        roll=roll,  # type: ignore[arg-type]
    )


def from_spec(spec: Any) -> Expression:
    """Any non-window ``DateSpec`` value of the model (date, datetime, RelativeDate, str)."""
    if isinstance(spec, datetime):
        at = time(spec.hour, spec.minute)
        return Absolute(spec.date(), at, spec.tzinfo) if spec.tzinfo else Absolute(spec.date(), at)
    if isinstance(spec, date):
        return Absolute(spec)
    if isinstance(spec, str):
        return parse_expression(spec)
    unit_name = getattr(spec, "unit", None)
    anchor = getattr(spec, "anchor", None)
    if isinstance(anchor, str) and isinstance(unit_name, str):
        spec_time = getattr(spec, "time", None)
        return Relative(
            anchor=anchor,
            offset=int(getattr(spec, "offset", 0)),
            unit=UNIT_NAMES[unit_name],
            time=parse_time(spec_time) if spec_time else None,
            roll=getattr(spec, "roll", None),
            anchor_path=("anchor",),
        )
    raise ExpressionError("TT001", "expected a date, a date expression or {anchor, offset, unit}")


def offset_label(offset: int, unit: Unit) -> str:
    """``-25, working_days`` -> ``E−25wd``; 0 -> ``E`` (the poll itself)."""
    if offset == 0:
        return "E"
    sign = "+" if offset > 0 else "−"
    return f"E{sign}{abs(offset)}{UNIT_ABBREVIATIONS[unit]}"
