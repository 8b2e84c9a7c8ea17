"""Statutory timetable packs: data files shipped inside the package.

A pack (``<id>.yaml`` beside this module) lists the statutory dates of one kind of election,
each as a date expression relative to ``poll`` or to another key of the same pack
(``poll - 25 working days``, ``electors_meet - 6 days``), or as a ``yearly`` rule for dates
fixed in the calendar (``{month: 1, day: 6, year_offset: 1}``, or ``nth_weekday: 2WE`` plus
``add_days``). Election law changes by editing data, not code (domain.md §4.1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

from elecsafe.dates.expressions import (
    Absolute,
    Expression,
    ExpressionError,
    Relative,
    parse_expression,
    parse_time,
)

PACK_DIR = Path(__file__).resolve().parent
PACK_IDS: tuple[str, ...] = (
    "uk_local_eng",
    "ukpge",
    "local_wales",
    "senedd",
    "local_scotland",
    "scottish_parliament",
    "us_federal",
    "us_az",
    "us_mn",
    "us_tx",
)
# Days an item's own election rules leave out on top of the working-day calendar (Scottish
# election rules: Easter Monday, which is not a Scottish bank holiday).
DISREGARDABLE = ("easter_monday",)
WorkingDays = Literal["division", "uk_all", "us_federal"]
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class PackError(ValueError):
    """A pack file that does not follow the format (a bug in the shipped data)."""


@dataclass(frozen=True)
class Yearly:
    """A date fixed in the calendar of the poll's year (+ ``year_offset``)."""

    month: int
    day: int | None = None
    nth_weekday: tuple[int, int] | None = None  # (n, weekday 0=Monday): 2WE -> (2, 2)
    add_days: int = 0
    year_offset: int = 0

    def on(self, year: int) -> date:
        year += self.year_offset
        if self.nth_weekday is not None:
            n, weekday = self.nth_weekday
            first = date(year, self.month, 1)
            day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        else:
            day = date(year, self.month, self.day or 1)
        return day + timedelta(days=self.add_days)


@dataclass(frozen=True)
class PackItem:
    key: str
    title: str
    when: Expression | Yearly
    time: time | None = None
    deadline_semantics: str | None = None
    presidential_only: bool = False
    source: str | None = None
    disregard: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    country: str
    working_days: WorkingDays
    source: str
    items: dict[str, PackItem] = field(hash=False)
    # Election kinds the pack is the law for (empty: any); another kind is a TT014 error.
    election_kinds: tuple[str, ...] = ()
    state: str | None = None  # US state packs: the ISO code (US-AZ), for `init --state`
    poll_hours: tuple[str, str] | None = None  # polls open and close under the state's law

    def keys_for(self, presidential: bool) -> list[str]:
        return [k for k, i in self.items.items() if presidential or not i.presidential_only]


def _yearly(raw: dict[str, Any], where: str) -> Yearly:
    unknown = set(raw) - {"month", "day", "nth_weekday", "add_days", "year_offset"}
    if unknown or "month" not in raw:
        raise PackError(f"{where}: yearly needs 'month' and allows day, nth_weekday, add_days")
    nth = None
    if "nth_weekday" in raw:
        match = re.fullmatch(r"([1-5])(MO|TU|WE|TH|FR|SA|SU)", str(raw["nth_weekday"]))
        if match is None:
            raise PackError(f"{where}: nth_weekday must look like 2WE")
        nth = (int(match[1]), _WEEKDAYS.index(match[2]))
    return Yearly(
        int(raw["month"]),
        int(raw["day"]) if "day" in raw else None,
        nth,
        int(raw.get("add_days", 0)),
        int(raw.get("year_offset", 0)),
    )


def _item(key: str, raw: Any, pack_id: str) -> PackItem:
    where = f"pack {pack_id}, item {key}"
    if not isinstance(raw, dict) or not isinstance(raw.get("title"), str):
        raise PackError(f"{where}: needs a title")
    allowed = {
        "title", "when", "yearly", "time", "deadline_semantics", "presidential_only", "disregard"
    }  # fmt: skip
    if set(raw) - allowed - {"source"}:
        raise PackError(f"{where}: unknown keys {sorted(set(raw) - allowed - {'source'})}")
    when: Expression | Yearly
    try:
        if "yearly" in raw:
            when = _yearly(raw["yearly"], where)
        elif isinstance(raw.get("when"), str):
            when = parse_expression(raw["when"])
        else:
            raise PackError(f"{where}: needs 'when' or 'yearly'")
        at = parse_time(raw["time"]) if raw.get("time") is not None else None
    except ExpressionError as exc:
        raise PackError(f"{where}: {exc.message}") from None
    disregard = raw.get("disregard") or []
    if not isinstance(disregard, list) or any(d not in DISREGARDABLE for d in disregard):
        raise PackError(f"{where}: disregard lists days among {', '.join(DISREGARDABLE)}")
    return PackItem(
        key,
        raw["title"],
        when,
        at,
        raw.get("deadline_semantics"),
        bool(raw.get("presidential_only", False)),
        raw.get("source"),
        tuple(str(d) for d in disregard),
    )


@cache
def load_pack(pack_id: str) -> Pack:
    """The statutory pack ``pack_id`` (one of :data:`PACK_IDS`); KeyError if unknown."""
    if pack_id not in PACK_IDS:
        raise KeyError(pack_id)
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load((PACK_DIR / f"{pack_id}.yaml").read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(raw, dict) or raw.get("id") != pack_id:
        raise PackError(f"pack {pack_id}: the file must be a mapping with id: {pack_id}")
    base: Pack | None = None
    if raw.get("extends") is not None:  # a state pack adds its law to the federal anchors
        if raw["extends"] not in PACK_IDS or raw["extends"] == pack_id:
            raise PackError(f"pack {pack_id}: extends must name another pack")
        base = load_pack(str(raw["extends"]))
        raw.setdefault("working_days", base.working_days)
    if raw.get("working_days") not in ("division", "uk_all", "us_federal"):
        raise PackError(f"pack {pack_id}: working_days must be division, uk_all or us_federal")
    items = dict(base.items) if base is not None else {}
    items.update({str(k): _item(str(k), v, pack_id) for k, v in (raw.get("items") or {}).items()})
    hours = raw.get("poll_hours")
    if hours is not None and not (
        isinstance(hours, dict) and {"open", "close"} <= set(hours) and len(hours) == 2
    ):
        raise PackError(f"pack {pack_id}: poll_hours needs open and close")
    for item in items.values():
        if isinstance(item.when, Relative) and item.when.anchor not in ("poll", *items):
            raise PackError(f"pack {pack_id}, item {item.key}: unknown anchor {item.when.anchor}")
    return Pack(
        pack_id,
        str(raw.get("title", pack_id)),
        str(raw.get("country", "")),
        raw["working_days"],
        str(raw.get("source", "")),
        items,
        tuple(str(k) for k in raw.get("election_kinds") or (base.election_kinds if base else ())),
        str(raw["state"]) if raw.get("state") else None,
        (str(hours["open"]), str(hours["close"])) if hours else None,
    )


def state_pack(state: str) -> str | None:
    """The built-in pack of a US state (``US-AZ`` -> ``us_az``), or None when none ships."""
    return next((p for p in PACK_IDS if load_pack(p).state == state), None)


def pack_offset(item: PackItem) -> Relative | None:
    """The item's offset from the poll when it is written that way (for "E−25wd" labels)."""
    if isinstance(item.when, Relative) and item.when.anchor == "poll":
        return item.when
    return None


class PackTimetable:
    """The dates of one pack for one poll, computed key by key on demand (cached), so that
    a key that cannot be computed (outside the holiday data) does not hide the others."""

    def __init__(self, pack: Pack, poll: date, calendar: Any, *, presidential: bool) -> None:
        self.pack, self.poll, self.calendar, self.presidential = pack, poll, calendar, presidential
        self._dates: dict[str, date] = {}
        self._calendars: dict[tuple[str, ...], Any] = {}

    def _calendar_for(self, item: PackItem) -> Any:
        if item.disregard not in self._calendars:
            self._calendars[item.disregard] = _with_disregarded(self.calendar, item)
        return self._calendars[item.disregard]

    def keys_list(self) -> list[str]:
        return self.pack.keys_for(self.presidential)

    def day_of(self, key: str, _seen: tuple[str, ...] = ()) -> date:
        """Raises KeyError (no such key), OutsideSupportedYears or OverflowError."""
        from elecsafe.dates.arith import apply

        if key == "poll" and key not in self.pack.items:
            return self.poll
        if key in self._dates:
            return self._dates[key]
        if key not in self.keys_list():
            raise KeyError(key)
        if key in _seen:
            raise PackError(f"pack {self.pack.id}: cycle {' -> '.join((*_seen, key))}")
        when = self.pack.items[key].when
        if isinstance(when, Yearly):
            day = when.on(self.poll.year)
        elif isinstance(when, Absolute):
            day = when.day
        else:
            base = self.poll if when.anchor == "poll" else self.day_of(when.anchor, (*_seen, key))
            day = apply(when, base, self._calendar_for(self.pack.items[key]))
        self._dates[key] = day
        return day


def _with_disregarded(calendar: Any, item: PackItem) -> Any:
    """The calendar, with the item's extra disregarded days declared (Easter Monday in the
    Scottish election rules) for the years around the poll."""
    if not item.disregard or calendar is None:
        return calendar
    from dataclasses import replace

    from elecsafe.dates.workdays import easter_monday

    extra = dict(calendar.extra)
    for year in range(calendar.first_year, calendar.last_year + 1):
        extra.setdefault(easter_monday(year), "Easter Monday (election rules)")
    return replace(calendar, extra=extra)


def pack_dates(
    pack: Pack, poll: date, calendar: Any, *, presidential: bool = False
) -> dict[str, date]:
    """Every date of ``pack`` for a poll on ``poll`` (``calendar``: a WorkingCalendar)."""
    timetable = PackTimetable(pack, poll, calendar, presidential=presidential)
    return {key: timetable.day_of(key) for key in timetable.keys_list()}


__all__ = [
    "PACK_IDS",
    "Pack",
    "PackError",
    "PackItem",
    "PackTimetable",
    "Yearly",
    "load_pack",
    "pack_dates",
    "pack_offset",
    "state_pack",
]
