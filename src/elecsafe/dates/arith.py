"""Apply an offset in one of the plan's units to a date."""

from __future__ import annotations

from datetime import date, timedelta

from elecsafe.dates.expressions import Relative, Unit
from elecsafe.dates.workdays import WorkingCalendar, add_working_days, roll


def shift(base: date, offset: int, unit: Unit, calendar: WorkingCalendar) -> date:
    """``base`` moved by ``offset`` units. Raises OverflowError beyond year 1..9999 and
    OutsideSupportedYears when working days leave the holiday data."""
    if unit == "calendar_days":
        return base + timedelta(days=offset)
    if unit == "weeks":
        return base + timedelta(weeks=offset)
    if unit == "months":
        from dateutil.relativedelta import relativedelta

        try:
            moved: date = base + relativedelta(months=offset)
        except ValueError as exc:  # year out of range
            raise OverflowError(str(exc)) from None
        return moved
    return add_working_days(base, offset, calendar)


def apply(relative: Relative, base: date, calendar: WorkingCalendar) -> date:
    """The date a relative expression names once its anchor is known, roll rule included."""
    day = shift(base, relative.offset, relative.unit, calendar)
    if relative.roll in ("forward", "backward"):
        day = roll(day, relative.roll, calendar)
    return day
