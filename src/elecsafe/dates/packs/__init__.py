"""Statutory timetable packs: data files shipped inside the package.

A pack (``<id>.yaml`` beside this module) lists the statutory dates of one kind of election,
each as a date expression relative to ``poll`` or to another key of the same pack
(``poll - 25 working days``, ``electors_meet - 6 days``), or as a ``yearly`` rule for dates
fixed in the calendar (``{month: 1, day: 6, year_offset: 1}``, or ``nth_weekday: 2WE`` plus
``add_days``). Election law changes by editing data, not code (domain.md §4.1).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from datetime import time as dtime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from elecsafe.dates.expressions import (
    Absolute,
    ExpressionError,
    Relative,
    parse_expression,
    parse_time,
)
from elecsafe.us_states import US_STATES

if TYPE_CHECKING:
    from elecsafe.model.plan import Plan

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
# A plan's own pack file (timetable_rules: packs/us-nv.yaml), beside its plan.yaml.
PACK_FILE_SUFFIXES = (".yaml", ".yml")
# Days an item's own election rules leave out on top of the working-day calendar (Scottish
# election rules: Easter Monday, which is not a Scottish bank holiday).
Disregardable = Literal["easter_monday"]
WorkingDays = Literal["division", "uk_all", "us_federal"]
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class PackError(ValueError):
    """A pack file that does not follow the format (a bug in the shipped data)."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Yearly(_Data):
    """A date fixed in the calendar of the poll's year (+ ``year_offset``)."""

    month: int = Field(ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    # "2WE" in the file: (n, weekday 0=Monday) -> (2, 2)
    nth_weekday: tuple[int, int] | None = None
    add_days: int = 0
    year_offset: int = 0

    @field_validator("nth_weekday", mode="before")
    @classmethod
    def _nth(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        match = re.fullmatch(r"([1-5])(MO|TU|WE|TH|FR|SA|SU)", value)
        if match is None:
            raise ValueError("nth_weekday must look like 2WE (the second Wednesday)")
        return (int(match[1]), _WEEKDAYS.index(match[2]))

    def on(self, year: int) -> date:
        year += self.year_offset
        if self.nth_weekday is not None:
            n, weekday = self.nth_weekday
            first = date(year, self.month, 1)
            day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        else:
            day = date(year, self.month, self.day or 1)
        return day + timedelta(days=self.add_days)


class PackItem(_Data):
    """One statutory date: ``when`` (an expression, in the file a string) or ``yearly``."""

    key: str
    title: str = Field(min_length=1)
    when: Absolute | Relative | Yearly
    time: dtime | None = None
    deadline_semantics: Literal["on", "not_later_than", "not_earlier_than", "window"] | None = None
    presidential_only: bool = False
    source: str | None = None
    # days the item's own election rules leave out on top of the working-day calendar
    disregard: tuple[Disregardable, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _when_or_yearly(cls, raw: Any) -> Any:
        if not isinstance(raw, dict):
            return raw
        raw = dict(raw)
        if ("when" in raw) == ("yearly" in raw):
            raise ValueError("needs exactly one of 'when' (an expression) or 'yearly'")
        if "yearly" in raw:
            raw["when"] = Yearly.model_validate(raw.pop("yearly"))
        return raw

    # parsed field by field, so that a mistake is reported at its key (items.canvass.when)
    @field_validator("when", mode="before")
    @classmethod
    def _expression(cls, value: Any) -> Any:
        return _parsed(parse_expression, value) if isinstance(value, str) else value

    @field_validator("time", mode="before")
    @classmethod
    def _time(cls, value: Any) -> Any:
        return _parsed(parse_time, value) if isinstance(value, str) else value


class Pack(_Data):
    """A statutory pack file, validated whole when it is loaded."""

    id: str
    title: str
    country: Literal["GB", "US"]
    working_days: WorkingDays
    source: str = ""
    items: dict[str, PackItem]
    extends: str | None = None  # a state pack adds its law to the federal anchors
    # Election kinds the pack is the law for (empty: any); another kind is a TT014 error.
    election_kinds: tuple[str, ...] = ()
    state: str | None = None  # US state packs: the ISO code (US-AZ), for `init --state`
    poll_hours: tuple[str, str] | None = None  # polls open and close under the state's law

    @field_validator("state")
    @classmethod
    def _state(cls, value: str | None) -> str | None:
        if value is not None and value not in US_STATES:
            raise ValueError(f"{value} is not in elecsafe.us_states")
        return value

    @field_validator("poll_hours", mode="before")
    @classmethod
    def _hours(cls, value: Any) -> Any:
        if value is None:
            return value
        if not isinstance(value, dict) or set(value) != {"open", "close"}:
            raise ValueError("poll_hours needs open and close (and nothing else)")
        for moment in value.values():
            _parsed(parse_time, str(moment))
        return (str(value["open"]), str(value["close"]))

    @model_validator(mode="before")
    @classmethod
    def _keys(cls, raw: Any) -> Any:
        """Each item knows its key (the mapping key in the file)."""
        if isinstance(raw, dict) and isinstance(raw.get("items"), dict):
            items = {
                str(k): {**v, "key": str(k)} if isinstance(v, dict) else v
                for k, v in raw["items"].items()
            }
            raw = {**raw, "items": items}
        return raw

    @model_validator(mode="after")
    def _anchors(self) -> Pack:
        for item in self.items.values():
            if isinstance(item.when, Relative) and item.when.anchor not in ("poll", *self.items):
                raise ValueError(f"item {item.key}: unknown anchor {item.when.anchor}")
        return self

    def keys_for(self, presidential: bool) -> list[str]:
        return [k for k, i in self.items.items() if presidential or not i.presidential_only]


def _parsed(parse: Any, text: str) -> Any:
    try:
        return parse(text)
    except ExpressionError as exc:
        raise ValueError(exc.message) from None


@cache
def load_pack(pack_id: str) -> Pack:
    """The statutory pack ``pack_id`` (one of :data:`PACK_IDS`); KeyError if unknown,
    :class:`PackError` naming the first problem if the file does not follow the format."""
    if pack_id not in PACK_IDS:
        raise KeyError(pack_id)
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load((PACK_DIR / f"{pack_id}.yaml").read_text(encoding="utf-8"), Loader=loader)
    try:
        pack = pack_from_data(raw, pack_id)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "the file"
        raise PackError(f"pack {pack_id}, {where}: {error['msg']}") from None
    except PackError as exc:
        raise PackError(f"pack {pack_id}, extends: {exc}") from None
    if pack.id != pack_id:
        raise PackError(f"pack {pack_id}: the file says id: {pack.id}")
    return pack


def pack_from_data(raw: Any, name: str) -> Pack:
    """A pack from the values of its file (built in, or a plan's own file ``name``): the one
    validation every pack goes through. Raises ValidationError, or :class:`PackError` (the
    message says what ``extends`` must be) when it names no built-in pack."""
    if isinstance(raw, dict) and raw.get("extends") is not None:
        raw = _extended(name, raw)
    return Pack.model_validate(raw)


def is_pack_file(rules: str) -> bool:
    """Whether ``timetable_rules`` names a pack file of the plan rather than a built-in pack."""
    return rules.endswith(PACK_FILE_SUFFIXES)


def plan_pack(plan: Plan, rules: str) -> Pack | None:
    """The pack ``timetable_rules: rules`` names in ``plan``: a built-in pack, or the plan's
    own pack file as the loader read it; None if there is no such pack, or the file was not
    usable (the loader said why, at its position)."""
    if is_pack_file(rules):
        return plan.pack_files.get(rules)
    return load_pack(rules) if rules in PACK_IDS else None


def unusable_pack_file(plan: Plan, rules: str | None) -> bool:
    """Whether ``rules`` names a pack file of the plan that the loader could not use (it said
    why, at the file's position): the dates that hang on it are not reported once more."""
    return rules is not None and rules in plan.pack_files and plan.pack_files[rules] is None


def _extended(pack_id: str, raw: dict[str, Any]) -> dict[str, Any]:
    """A pack that ``extends`` a built-in one: the other's items, working days and election
    kinds under its own (its own items win)."""
    name = raw["extends"]
    if name not in PACK_IDS or name == pack_id:
        raise PackError(f"must name another pack (built in: {', '.join(PACK_IDS)})")
    base = load_pack(str(name))
    own = raw.get("items")
    return {
        "working_days": base.working_days,
        "election_kinds": base.election_kinds,
        **raw,
        "items": {**base.items, **(own if isinstance(own, dict) else {})},
    }


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
    "PACK_FILE_SUFFIXES",
    "PACK_IDS",
    "Pack",
    "PackError",
    "PackItem",
    "PackTimetable",
    "Yearly",
    "is_pack_file",
    "load_pack",
    "pack_dates",
    "pack_from_data",
    "pack_offset",
    "plan_pack",
    "state_pack",
    "unusable_pack_file",
]
