"""Local times around a clock change: the ones that do not exist, the ones that happen twice.

When the clocks go forward (Europe/London: 01:00 → 02:00 on the last Sunday of March) a
meeting "at 01:30" names no instant; when they go back (02:00 → 01:00 in October) it names two.
RFC 5545 (3.3.5) reads a missing time with the offset from before the gap (01:30 GMT, i.e.
02:30 BST) and a repeated one as the first; Python's ``zoneinfo`` does the same with
``fold=0``. elecsafe follows that reading, says so as a finding (TT012) so nobody turns up an
hour early, and counts durations in elapsed time, so a 60-minute meeting lasts 60 minutes
whatever the clocks do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Literal

from elecsafe.dates.style import compact

ClockProblem = Literal["gap", "fold"]


@dataclass(frozen=True)
class Transition:
    """The clock change next to a local time: wall times ``before`` → ``after``, e.g. 01:00 →
    02:00 going forward (the gap is before ≤ t < after), 02:00 → 01:00 going back (the repeated
    hour is after ≤ t < before)."""

    kind: ClockProblem
    before: datetime  # the wall time just as the clocks change, old offset
    after: datetime  # the wall time the clocks show right after, new offset
    name_before: str  # e.g. GMT
    name_after: str  # e.g. BST


def problem(moment: datetime) -> ClockProblem | None:
    """``gap`` if the local wall time of MOMENT does not exist in its zone, ``fold`` if it
    happens twice, else None. MOMENT must be aware."""
    zone = moment.tzinfo
    if zone is None:
        return None
    wall = moment.replace(tzinfo=None)
    if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None, fold=0) != wall.replace(fold=0):
        return "gap"
    if moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset():
        return "fold"
    return None


def real(moment: datetime) -> datetime:
    """The instant MOMENT stands for, shown as the wall time the clocks really show
    (01:30 in the spring gap → 02:30 after the change); other times unchanged."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).astimezone(moment.tzinfo)


def after(start: datetime, minutes: int) -> datetime:
    """START plus MINUTES of elapsed time (not wall-clock time), in START's zone."""
    if start.tzinfo is None:
        return start + timedelta(minutes=minutes)
    return (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(start.tzinfo)


def transition(moment: datetime) -> Transition | None:
    """The clock change that makes MOMENT's wall time missing or repeated."""
    kind = problem(moment)
    zone = moment.tzinfo
    if kind is None or zone is None:
        return None
    # The change happens between the two readings of the wall time (fold 0 and fold 1).
    wall = moment.replace(tzinfo=None, fold=0)
    first = moment.replace(fold=0).utcoffset()
    second = moment.replace(fold=1).utcoffset()
    assert first is not None and second is not None
    low, high = wall - max(first, second), wall - min(first, second)
    while high - low > timedelta(minutes=1):  # the instant of the change, to the minute
        middle = low + (high - low) / 2
        if _offset(middle, zone) == _offset(low, zone):
            low = middle
        else:
            high = middle
    change = high.replace(second=0, microsecond=0)
    old = change - timedelta(minutes=1)
    old_offset, new_offset = _offset(old, zone), _offset(change, zone)
    before = (change + old_offset).replace(tzinfo=None)
    now = change.replace(tzinfo=UTC).astimezone(zone)
    return Transition(
        kind,
        before,
        (change + new_offset).replace(tzinfo=None),
        old.replace(tzinfo=UTC).astimezone(zone).tzname() or str(old_offset),
        now.tzname() or str(new_offset),
    )


def _offset(utc: datetime, zone: tzinfo) -> timedelta:
    offset = utc.replace(tzinfo=UTC).astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def explain(moment: datetime, zone_name: str) -> tuple[str, str] | None:
    """TT012's message and hint for a local time that is missing or repeated, else None."""
    change = transition(moment)
    if change is None:
        return None
    at, day = f"{moment:%H:%M}", compact(moment.date())
    if change.kind == "gap":
        read_as = real(moment.replace(fold=0))
        return (
            f"{at} on {day} does not exist in {zone_name}: the clocks go forward from "
            f"{change.before:%H:%M} {change.name_before} to {change.after:%H:%M} "
            f"{change.name_after}; calendars would show it at {read_as:%H:%M}",
            f"choose {change.after:%H:%M} or later, or a time before {change.before:%H:%M}",
        )
    return (
        f"{at} on {day} happens twice in {zone_name}: the clocks go back from "
        f"{change.before:%H:%M} {change.name_before} to {change.after:%H:%M} "
        f"{change.name_after}; calendars would take the first",
        f"say which {at}: write the date with its UTC offset "
        f"('{moment:%Y-%m-%d} {at}{_offset_text(moment, 0)}' is {change.name_before}, "
        f"'{moment:%Y-%m-%d} {at}{_offset_text(moment, 1)}' is {change.name_after}), or choose "
        f"a time before {change.after:%H:%M} or from {change.before:%H:%M}",
    )


def _offset_text(moment: datetime, fold: int) -> str:
    offset = moment.replace(fold=fold).utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
