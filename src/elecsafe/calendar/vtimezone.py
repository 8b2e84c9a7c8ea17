"""A VTIMEZONE that Outlook desktop maps correctly: one STANDARD and one DAYLIGHT block, each
anchored in 1970 with ``RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=nWD``.

Why our own: icalendar's ``Timezone.from_tzid`` writes RDATE lists and several STANDARD
blocks, which Outlook desktop mis-maps to another Windows zone so events inside DST shift by
an hour (libs.md §1.2–1.3; iCalcreator#86, keeper.sh#423). MS-OXCICAL wants FREQ=YEARLY with
BYMONTH and a single BYDAY occurrence. The rule is checked against ``zoneinfo`` for every year
the calendar covers; a zone whose rules cannot be written that way (Casablanca, Santiago...)
falls back to icalendar's RDATE form, which is correct everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Transition:
    local: datetime  # wall-clock time of the change, in the offset before it (naive)
    before: timedelta
    after: timedelta
    name: str  # abbreviation in force after the change (BST, GMT, EDT...)


def _offset(zone: ZoneInfo, moment: datetime) -> timedelta:
    offset = moment.astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def transitions(zone: ZoneInfo, year: int) -> list[Transition]:
    """UTC-offset changes of ``zone`` during ``year``, found day by day, then to the minute."""
    found: list[Transition] = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    previous = _offset(zone, moment)
    while moment < end:
        following = moment + timedelta(days=1)
        offset = _offset(zone, following)
        if offset != previous:
            # first whole minute of the day with the new offset (changes happen on minutes)
            low, high = 0, 24 * 60
            while high - low > 1:
                middle = (low + high) // 2
                if _offset(zone, moment + middle * _MINUTE) == previous:
                    low = middle
                else:
                    high = middle
            change = moment + high * _MINUTE
            after = change.astimezone(zone)
            local = (change + previous).replace(tzinfo=None)
            found.append(Transition(local, previous, offset, after.tzname() or ""))
            previous = offset
        moment = following
    return found


def _byday_forms(day: date) -> list[str]:
    """The BYDAY values naming ``day`` within its month: ``2SU`` and, in the last week, ``-1SU``."""
    weekday = _WEEKDAYS[day.weekday()]
    forms = [f"{(day.day - 1) // 7 + 1}{weekday}"]
    if (day + timedelta(days=7)).month != day.month:
        forms.insert(0, f"-1{weekday}")
    return forms


def _matches(rule_day: str, day: date) -> bool:
    return rule_day in _byday_forms(day)


def _first_in_1970(month: int, byday: str, hour: int, minute: int) -> datetime:
    start = datetime(1970, month, 1, hour, minute)
    for offset in range(31):
        candidate = start + timedelta(days=offset)
        if candidate.month == month and _matches(byday, candidate.date()):
            return candidate
    raise ValueError(byday)  # pragma: no cover - every BYDAY form occurs in every month


def rrule_vtimezone(tzid: str, first_year: int, last_year: int) -> Any | None:
    """The Outlook-style VTIMEZONE valid from ``first_year`` to ``last_year``, or None when the
    zone's rules cannot be written as one yearly STANDARD/DAYLIGHT pair."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

    zone = ZoneInfo(tzid)
    years = range(first_year, last_year + 1)
    per_year = [transitions(zone, year) for year in years]
    vtz = Timezone()
    vtz.add("TZID", tzid)
    if all(not found for found in per_year):
        offsets = {_offset(zone, datetime(y, 1, 1, tzinfo=UTC)) for y in years}
        if len(offsets) != 1:
            return None
        offset = offsets.pop()
        standard = TimezoneStandard()
        standard.add("DTSTART", datetime(1970, 1, 1))
        standard.add("TZNAME", datetime(first_year, 1, 1, tzinfo=zone).tzname() or tzid)
        standard.add("TZOFFSETFROM", offset)
        standard.add("TZOFFSETTO", offset)
        vtz.add_component(standard)
        return vtz
    if any(len(found) != 2 for found in per_year):
        return None
    blocks = []
    for index in (0, 1):
        first = per_year[0][index]
        for byday in _byday_forms(first.local.date()):
            if all(
                y[index].local.month == first.local.month
                and y[index].local.time() == first.local.time()
                and (y[index].before, y[index].after) == (first.before, first.after)
                and _matches(byday, y[index].local.date())
                for y in per_year
            ):
                blocks.append((first, byday))
                break
        else:
            return None
    # DAYLIGHT/STANDARD order follows the calendar year, as Outlook and Google write it
    for change, byday in blocks:
        component = TimezoneDaylight() if change.after > change.before else TimezoneStandard()
        component.add(
            "DTSTART",
            _first_in_1970(change.local.month, byday, change.local.hour, change.local.minute),
        )
        component.add(
            "RRULE", vRecur({"FREQ": "YEARLY", "BYMONTH": change.local.month, "BYDAY": byday})
        )
        component.add("TZNAME", change.name)
        component.add("TZOFFSETFROM", change.before)
        component.add("TZOFFSETTO", change.after)
        vtz.add_component(component)
    return vtz


def vtimezone(tzid: str, first_year: int, last_year: int) -> Any:
    """RRULE form when possible, else icalendar's RDATE form covering the same years."""
    built = rrule_vtimezone(tzid, first_year, last_year)
    if built is not None:
        return built
    from icalendar import Timezone

    return Timezone.from_tzid(
        tzid, first_date=date(first_year, 1, 1), last_date=date(last_year + 1, 1, 1)
    )
