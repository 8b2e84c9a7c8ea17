"""THE clock: which day "today" is, for every command (check, render, timetable, calendar, init).

Precedence, the same everywhere:

1. the command's own option (``check --today``, ``render --date``), passed in as ``option``;
2. ``ELECSAFE_TODAY=YYYY-MM-DD`` (tests, demos, reproducible CI runs);
3. ``SOURCE_DATE_EPOCH`` (reproducible builds: seconds since 1970-01-01 UTC, its UTC day);
4. the system clock.

A value that is set but unusable is never skipped silently: :class:`ClockError` with one line
naming the source (the CLI prints it and exits 2). This is the only module that reads
``ELECSAFE_TODAY`` and ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime

TODAY_VARIABLE = "ELECSAFE_TODAY"
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class ClockError(ValueError):
    """A date the clock cannot use; the message is one line naming where it came from."""


def parse_day(text: str, what: str) -> date:
    """Strict ``YYYY-MM-DD`` (``date.fromisoformat`` would also take ``20270506``)."""
    match = _ISO_DAY.fullmatch(text.strip())
    if match is None:
        raise ClockError(f"{what}: '{text}' is not a date; write YYYY-MM-DD, e.g. 2027-05-06")
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ClockError(f"{what}: {text.strip()} is not a day of the calendar") from None


def epoch_seconds(environ: Mapping[str, str] | None = None) -> int | None:
    """``SOURCE_DATE_EPOCH`` as whole seconds; None when unset or empty."""
    raw = (os.environ if environ is None else environ).get(EPOCH_VARIABLE, "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise ClockError(_not_a_timestamp(raw))
    return int(raw)


def source_epoch(environ: Mapping[str, str] | None = None) -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as an aware UTC datetime; None when unset or empty."""
    seconds = epoch_seconds(environ)
    if seconds is None:
        return None
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise ClockError(_not_a_timestamp(str(seconds))) from None


def _not_a_timestamp(raw: str) -> str:
    return f"{EPOCH_VARIABLE}: '{raw}' is not a Unix timestamp (whole seconds since 1970)"


def today(
    option: str | None = None,
    *,
    option_name: str = "--date",
    environ: Mapping[str, str] | None = None,
) -> date:
    """The day every date calculation of this run counts from (precedence: module docstring)."""
    if option is not None:
        return parse_day(option, option_name)
    env = os.environ if environ is None else environ
    pinned = env.get(TODAY_VARIABLE, "").strip()
    if pinned:
        return parse_day(pinned, TODAY_VARIABLE)
    stamp = source_epoch(env)
    if stamp is not None:
        return stamp.date()
    return date.today()


__all__ = [
    "EPOCH_VARIABLE",
    "TODAY_VARIABLE",
    "ClockError",
    "epoch_seconds",
    "parse_day",
    "source_epoch",
    "today",
]
