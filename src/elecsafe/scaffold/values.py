"""The values a scaffold is filled with: checked, normalised, or defaulted.

Every check raises :class:`ScaffoldError` with one line a user can act on; the CLI turns it
into exit code 2. Defaults never depend on the clock directly: ``today`` is passed in
(:mod:`elecsafe.clock` in the CLI) so tests and CI are deterministic.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date, timedelta

from elecsafe import clock
from elecsafe.us_states import US_STATES, state_code

MAX_NAME_LENGTH = 120
NATIONS = ("ENG", "WLS", "SCT", "NIR")
NATION_NAMES = {
    "ENG": "England",
    "WLS": "Wales",
    "SCT": "Scotland",
    "NIR": "Northern Ireland",
}
# Working-day calendar of each nation (domain.md §4.4: bank holidays are per division).
BANK_HOLIDAY_DIVISION = {
    "ENG": "england-and-wales",
    "WLS": "england-and-wales",
    "SCT": "scotland",
    "NIR": "northern-ireland",
}
_ID_MAX = 64
# The us_state of a US scaffold whose state is not given yet (init says so; check accepts it).
STATE_PLACEHOLDER = "US-XX"


class ScaffoldError(ValueError):
    """A value ``elecsafe init`` cannot use; the message is one line."""


def parse_day(text: str, what: str) -> date:
    """Strict ``YYYY-MM-DD`` (:func:`elecsafe.clock.parse_day`), as a :class:`ScaffoldError`."""
    try:
        return clock.parse_day(text, what)
    except clock.ClockError as exc:
        raise ScaffoldError(str(exc)) from None


def us_general_election_day(year: int) -> date:
    """The Tuesday after the first Monday in November (2 U.S.C. 7)."""
    first = date(year, 11, 1)
    first_monday = first + timedelta(days=(0 - first.weekday()) % 7)
    return first_monday + timedelta(days=1)


def is_us_federal_election_day(day: date) -> bool:
    return day.year % 2 == 0 and day == us_general_election_day(day.year)


def next_us_general_election(today: date) -> date:
    """The next federal general election after ``today`` (federal elections are in even years)."""
    year = today.year + (today.year % 2)
    while us_general_election_day(year) <= today:
        year += 2
    return us_general_election_day(year)


def first_thursday_in_may(year: int) -> date:
    first = date(year, 5, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7)


def next_uk_may_poll(today: date) -> date:
    """The next first Thursday in May after ``today``: the usual day of English local polls."""
    poll = first_thursday_in_may(today.year)
    return poll if poll > today else first_thursday_in_may(today.year + 1)


def check_name(text: str) -> str:
    """A plan name goes into titles and comments: one line, printable, not too long."""
    name = " ".join(text.split())
    if not name:
        raise ScaffoldError("--name is empty; give the county or force area, e.g. 'Cedar River'")
    if len(name) > MAX_NAME_LENGTH:
        raise ScaffoldError(f"--name is longer than {MAX_NAME_LENGTH} characters")
    for char in name:
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Co", "Cn") or char in "\u2028\u2029\ufeff":
            raise ScaffoldError(
                f"--name contains a control or unprintable character (U+{ord(char):04X})"
            )
    return name


def slugify(text: str, fallback: str = "election-safety-plan") -> str:
    """A plan id from a name: lowercase ASCII, digits and hyphens, at most 64 characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:_ID_MAX].rstrip("-")
    return slug or fallback


def name_from_directory(directory: str) -> str:
    """Like ``cargo init``: a directory called ``cedar-river`` names the plan "Cedar River"."""
    base = os.path.basename(os.path.abspath(directory))
    try:  # where the locale is not UTF-8, Python hands over a UTF-8 name as escaped bytes
        base = os.fsencode(base).decode("utf-8")
    except UnicodeDecodeError:  # not UTF-8 at all: no name from it (the profile's default)
        return ""
    words = re.split(r"[-_\s.]+", base)
    return " ".join(w[:1].upper() + w[1:] for w in words if w).strip()


def check_timezone(text: str) -> str:
    """An IANA zone name as the plan's ``timezone`` (calendar exports need it exact)."""
    import zoneinfo

    from elecsafe.zones import problem

    zone = text.strip()
    refused = problem(zone) if zone in _available_zones() else None
    if refused is not None:
        raise ScaffoldError(f"--timezone: {refused}")
    if zone not in _available_zones():
        hint = _zone_hint(zone)
        advice = f"did you mean {hint}?" if hint else "e.g. America/Chicago or Europe/London"
        raise ScaffoldError(f"--timezone: '{text}' is not an IANA time zone; {advice}")
    zoneinfo.ZoneInfo(zone)  # present in the list, so this loads
    return zone


def _available_zones() -> set[str]:
    import zoneinfo

    return zoneinfo.available_timezones()


def _zone_hint(zone: str) -> str | None:
    import difflib

    lowered = {z.lower(): z for z in _available_zones()}
    if zone.lower() in lowered:
        return lowered[zone.lower()]
    close = difflib.get_close_matches(zone, sorted(_available_zones()), n=1, cutoff=0.8)
    return close[0] if close else None


def check_state(text: str) -> str:
    """A real state, DC or territory (``US-OH``; ``OH`` and ``Ohio`` are read as ``US-OH``)."""
    import difflib

    code = state_code(text)
    if code is not None:
        return code
    if text.strip().upper() == STATE_PLACEHOLDER:
        return STATE_PLACEHOLDER
    shown = text.strip()
    names = {name: code for code, name in US_STATES.items()}
    close = difflib.get_close_matches(shown.title(), list(names), n=1, cutoff=0.75)
    hint = f"did you mean {names[close[0]]} ({close[0]})?" if close else "e.g. US-OH for Ohio"
    raise ScaffoldError(f"--state: '{shown}' is not a US state, DC or territory code: {hint}")


def state_name(code: str) -> str | None:
    return US_STATES.get(code)


def check_nation(text: str) -> str:
    code = text.strip().upper()
    if code not in NATIONS:
        raise ScaffoldError(f"--nation: '{text}' is not one of {', '.join(NATIONS)}")
    return code
