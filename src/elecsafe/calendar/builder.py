"""The resolved timetable as an RFC 5545 calendar that Outlook, Google and Thunderbird import.

Choices (DESIGN.md §7, domain.md §4.8, libs.md §1.2):

* ``UID = uuid5(UID_NAMESPACE, "<plan id>/<item id>")``: the same item keeps its UID on every
  export, so a re-import updates the event instead of duplicating it.
* ``DTSTAMP`` is deterministic: ``SOURCE_DATE_EPOCH`` when set, else the plan's
  ``last_reviewed`` at 00:00 UTC. Never "now", so re-exporting an unchanged plan is
  byte-identical (no noise in git, no spurious updates in clients).
* ``SEQUENCE``: ``export.sequence`` when the plan sets it; otherwise it is read from the file
  being replaced: the same UID with a different DTSTART, DTEND, SUMMARY, RRULE, LOCATION or
  STATUS gets the old SEQUENCE + 1, an unchanged event keeps it, a new event starts at 0.
* Timed events carry ``TZID`` and one Outlook-style VTIMEZONE (:mod:`.vtimezone`); all-day
  events are ``VALUE=DATE`` with the exclusive next-day ``DTEND`` and ``TRANSP:TRANSPARENT``;
  statutory deadlines are all-day with the time in the SUMMARY ("16:00 Nominations close").
* Recurring meetings are one event with an ``RRULE`` (``FREQ=WEEKLY;INTERVAL=2;UNTIL=...``)
  in local time, so 10:00 stays 10:00 across a DST change.
* One ``VALARM`` (DISPLAY, negative trigger) per event; ``CLASS:CONFIDENTIAL`` by default; no
  ORGANIZER or ATTENDEE (they turn events into meeting requests) and no e-mail addresses.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from elecsafe import __version__, clock
from elecsafe.calendar.describe import (
    KIND_LABELS,
    SUMMARY_LIMIT,
    clip,
    description,
    location,
    summary,
)
from elecsafe.dates import clockchange
from elecsafe.model import visibility
from elecsafe.model.base import Sensitivity

if TYPE_CHECKING:
    from icalendar import Calendar, Event

    from elecsafe.dates import ResolvedItem, ResolvedTimetable
    from elecsafe.model.plan import Plan

PRODID_PREFIX = "-//elecsafe//"
PRODID = f"{PRODID_PREFIX}elecsafe {__version__}//EN"
# A uuid5 in the URL namespace, fixed once; never change it: UIDs would
UID_NAMESPACE = uuid.UUID("b4bb623c-c481-5e80-859d-9c379ca7d953")  # change with it
DEFAULT_ALARM_ALL_DAY = timedelta(days=-1)
DEFAULT_ALARM_TIMED = timedelta(minutes=-30)
FINGERPRINT_PROPERTIES = ("DTSTART", "DTEND", "SUMMARY", "RRULE", "LOCATION", "STATUS")
_CANCELLED = {"cancelled", "not_required", "dropped"}
_CONFIRMED = {"confirmed", "done"}

Previous = dict[str, tuple[int, bytes]]  # UID -> (SEQUENCE, fingerprint)


def item_uid(plan_id: str, item_id: str) -> str:
    return str(uuid.uuid5(UID_NAMESPACE, f"{plan_id}/{item_id}"))


def dtstamp(plan: Plan) -> datetime:
    """``SOURCE_DATE_EPOCH`` (reproducible builds) else ``last_reviewed`` 00:00 UTC."""
    epoch = clock.source_epoch()
    if epoch is not None:
        return epoch
    reviewed = plan.last_reviewed
    return datetime(reviewed.year, reviewed.month, reviewed.day, tzinfo=UTC)


def fingerprint(event: Any) -> bytes:
    parts = []
    for name in FINGERPRINT_PROPERTIES:
        value = event.get(name)
        parts.append(name.encode() + b"=" + (value.to_ical() if value is not None else b""))
    return b"\n".join(parts)


def is_elecsafe_calendar(data: bytes) -> bool:
    """A file this command wrote before (so it may be replaced without ``--force``)."""
    return read_previous(data) is not None


def read_previous(data: bytes) -> Previous | None:
    """SEQUENCE and fingerprint per UID of an elecsafe calendar; None for any other file."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(data)
    except Exception:  # any parse problem: not ours
        return None
    if not isinstance(calendar, Calendar) or not str(calendar.get("PRODID", "")).startswith(
        PRODID_PREFIX
    ):
        return None
    previous: Previous = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", ""))
        try:
            sequence = int(event.get("SEQUENCE", 0))
        except (TypeError, ValueError):
            sequence = 0
        previous[uid] = (sequence, fingerprint(event))
    return previous


_DURATION = re.compile(r"(-?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?")


def parse_duration(text: str) -> timedelta:
    """The ISO 8601 durations the schema allows for ``export.alarm`` (``-P1D``, ``-PT30M``)."""
    match = _DURATION.fullmatch(text)
    if match is None:
        raise ValueError(text)
    weeks, days, hours, minutes = (int(g or 0) for g in match.groups()[1:])
    value = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes)
    return -value if match[1] else value


def _status(item: ResolvedItem) -> str | None:
    if item.status in _CANCELLED:
        return "CANCELLED"
    if item.status in _CONFIRMED and item.kind != "action":
        return "CONFIRMED"
    return None


def _recurrence(item: ResolvedItem) -> dict[str, Any] | None:
    info = item.recurrence
    if info is None:
        return None
    rule: dict[str, Any] = {"FREQ": info.freq}
    if info.count is not None:
        rule["COUNT"] = info.count
    else:
        last = item.occurrences[-1]
        # UNTIL is UTC for zoned DTSTARTs (RFC 5545 3.3.10), a DATE for all-day events
        rule["UNTIL"] = last.astimezone(UTC) if isinstance(last, datetime) else last
    if info.interval != 1:
        rule["INTERVAL"] = info.interval
    return rule


def clean_text(component: Any) -> None:
    """The one place plan text is made fit for an .ics: every TEXT property of
    ``component`` (not of its subcomponents) through :func:`elecsafe.sanitize.for_ics`
    (RFC 5545 forbids controls but HTAB in TEXT; NUL, SOH, VT or ESC break readers)."""
    from icalendar import vText

    from elecsafe.sanitize import for_ics

    for name, value in list(component.items()):
        if isinstance(value, str):  # vText, and vUnknown (NAME, X-WR-CALNAME)
            cleaned = for_ics(str(value))
            if cleaned != str(value):
                component[name] = type(value)(cleaned) if isinstance(value, vText) else cleaned


def build_event(
    plan: Plan,
    item: ResolvedItem,
    *,
    audience: Sensitivity,
    stamp: datetime,
    previous: Previous,
) -> Event:
    from icalendar import Alarm, Event, vRecur

    export = getattr(item.item, "export", None)
    uid = item_uid(plan.id, item.id)
    event = Event()
    title = summary(item, audience)
    event.add("SUMMARY", title)
    event.add("DTSTART", _unambiguous(item.start))
    if item.all_day:
        last = item.last_day if item.window else item.day
        event.add("DTEND", last + timedelta(days=1))
    else:
        event.add("DTEND", _unambiguous(item.end))
    event.add("DTSTAMP", stamp)
    event.add("UID", uid)
    rule = _recurrence(item)
    if rule is not None:
        event.add("RRULE", vRecur(rule))
    event.add("CLASS", visibility.ics_class(audience, export.class_ if export else None))
    event.add("CATEGORIES", [KIND_LABELS[item.kind]])
    where = location(plan, item, audience)
    if where:
        event.add("LOCATION", where)
    event.add("DESCRIPTION", description(plan, item, audience))
    status = _status(item) if visibility.field_visible(item.item, "status", audience) else None
    if status:
        event.add("STATUS", status)
    if item.all_day:
        event.add("TRANSP", "TRANSPARENT")
    clean_text(event)  # before the fingerprint: a re-export compares what was written
    if export is not None and export.sequence is not None:
        sequence = export.sequence
    elif uid in previous:
        old_sequence, old_print = previous[uid]
        sequence = old_sequence + (old_print != fingerprint(event))
    else:
        sequence = 0
    event.add("SEQUENCE", sequence)
    alarm = Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", event["SUMMARY"])
    if export is not None and export.alarm:
        trigger = parse_duration(export.alarm)
    else:
        trigger = DEFAULT_ALARM_ALL_DAY if item.all_day else DEFAULT_ALARM_TIMED
    alarm.add("TRIGGER", trigger)
    event.add_component(alarm)
    return event


def _unambiguous(moment: date | datetime) -> date | datetime:
    """A local time the clocks show twice is read as the first by every client (RFC 5545,
    3.3.5); the second one is written in UTC so the event keeps its real time and length."""
    if isinstance(moment, datetime) and moment.fold and clockchange.problem(moment) == "fold":
        return moment.astimezone(UTC)
    return moment


def _zone_years(items: list[ResolvedItem]) -> tuple[int, int] | None:
    years = [
        moment.year
        for item in items
        if not item.all_day
        for moment in (item.start, item.end, *item.occurrences)
        if isinstance(moment, datetime)
    ]
    return (min(years), max(years) + 1) if years else None


def build_calendar(
    plan: Plan,
    resolved: ResolvedTimetable,
    *,
    audience: Sensitivity = Sensitivity.PARTNERS,
    only: frozenset[str] | None = None,
    previous: Previous | None = None,
    calendar_name: str | None = None,
) -> Calendar:
    """The calendar of every exportable item (``export.ics`` not false), or of the items that
    concern ``only`` (see :mod:`.audience`). ``calendar_name=""`` leaves NAME and
    X-WR-CALNAME out (Outlook 2010 then adds events to the default calendar)."""
    from icalendar import Calendar

    from elecsafe.calendar.audience import concerns, on_duty
    from elecsafe.calendar.vtimezone import vtimezone

    items = [
        item
        for item in resolved.items
        if getattr(getattr(item.item, "export", None), "ics", True)
        and (
            (
                visibility.entry_visible(plan, item.item.id, audience)
                and (only is None or concerns(item, only))
            )
            or on_duty(item, only)
        )
    ]
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    name = clip(plan.title if calendar_name is None else calendar_name, SUMMARY_LIMIT)
    if name:
        calendar.add("NAME", name)
        calendar.add("X-WR-CALNAME", name)
        clean_text(calendar)
    years = _zone_years(items)
    if years is not None:
        calendar.add_component(vtimezone(plan.timezone, *years))
    stamp = dtstamp(plan)
    for item in items:
        calendar.add_component(
            build_event(plan, item, audience=audience, stamp=stamp, previous=previous or {})
        )
    return calendar


def export_ics(plan: Plan, resolved: ResolvedTimetable, **options: Any) -> bytes:
    """:func:`build_calendar` serialised: UTF-8 without BOM, CRLF, folded at 75 octets."""
    data: bytes = build_calendar(plan, resolved, **options).to_ical()
    return data


__all__ = [
    "PRODID",
    "UID_NAMESPACE",
    "build_calendar",
    "dtstamp",
    "export_ics",
    "is_elecsafe_calendar",
    "item_uid",
    "read_previous",
]
