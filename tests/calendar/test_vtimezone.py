"""The Outlook-style VTIMEZONE agrees with zoneinfo, or falls back to icalendar's form."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.tz import tzical

from elecsafe.calendar.vtimezone import rrule_vtimezone, transitions, vtimezone


def mismatches(tzid: str, vtz: object, first: int, last: int) -> int:
    """Offsets that differ between the VTIMEZONE (read by dateutil) and zoneinfo: every six
    hours, and a minute either side of every real transition."""
    text = b"BEGIN:VCALENDAR\r\n" + vtz.to_ical() + b"END:VCALENDAR\r\n"  # type: ignore[attr-defined]
    parsed = tzical(io.StringIO(text.decode())).get(tzid)
    zone = ZoneInfo(tzid)
    moments = []
    moment = datetime(first, 1, 1, tzinfo=UTC)
    while moment < datetime(last + 1, 1, 1, tzinfo=UTC):
        moments.append(moment)
        moment += timedelta(hours=6)
    for year in range(first, last + 1):
        for change in transitions(zone, year):
            at = (change.local - change.before).replace(tzinfo=UTC)
            moments += [at + timedelta(minutes=m) for m in (-61, -1, 0, 1, 59)]
    return sum(m.astimezone(parsed).utcoffset() != m.astimezone(zone).utcoffset() for m in moments)


@pytest.mark.parametrize(
    ("tzid", "rules"),
    [
        ("Europe/London", ["-1SU/3", "-1SU/10"]),
        ("America/Chicago", ["2SU/3", "1SU/11"]),
        ("America/New_York", ["2SU/3", "1SU/11"]),
        ("Australia/Sydney", ["1SU/4", "1SU/10"]),
        ("Europe/Dublin", ["-1SU/3", "-1SU/10"]),
        ("Pacific/Chatham", ["1SU/4", "-1SU/9"]),
        ("Asia/Kolkata", []),
        ("America/Phoenix", []),
    ],
)
def test_rrule_form_matches_zoneinfo(tzid: str, rules: list[str]) -> None:
    vtz = rrule_vtimezone(tzid, 2026, 2031)
    assert vtz is not None
    found = [
        f"{c['RRULE']['BYDAY']}/{c['RRULE']['BYMONTH']}" for c in vtz.subcomponents if "RRULE" in c
    ]
    assert found == rules
    assert all(c["DTSTART"].dt.year == 1970 for c in vtz.subcomponents)
    assert mismatches(tzid, vtz, 2026, 2031) == 0


def test_london_block_is_what_outlook_and_google_write() -> None:
    vtz = rrule_vtimezone("Europe/London", 2025, 2026)
    assert vtz is not None
    assert vtz.to_ical().decode().split("\r\n") == [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/London",
        "BEGIN:DAYLIGHT",
        "DTSTART:19700329T010000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "TZNAME:BST",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:19701025T020000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
        "TZNAME:GMT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "END:STANDARD",
        "END:VTIMEZONE",
        "",
    ]


@pytest.mark.parametrize("tzid", ["Africa/Casablanca", "America/Santiago"])
def test_irregular_zones_fall_back_to_rdate_form(tzid: str) -> None:
    """Casablanca (Ramadan) and Santiago cannot be one yearly pair: icalendar's RDATE form,
    generated for exactly the calendar's years, is used instead."""
    assert rrule_vtimezone(tzid, 2026, 2031) is None
    vtz = vtimezone(tzid, 2026, 2031)
    assert str(vtz["TZID"]) == tzid
    text = vtz.to_ical().decode()
    assert "RDATE" in text and "RRULE" not in text
    assert "2026-01-01 to 2032-01-01" in text.replace("\r\n ", "")


def test_transitions_of_a_year() -> None:
    found = transitions(ZoneInfo("Europe/London"), 2025)
    assert [(t.local.isoformat(), t.name) for t in found] == [
        ("2025-03-30T01:00:00", "BST"),
        ("2025-10-26T02:00:00", "GMT"),
    ]
