"""Which time zone names a plan may use: IANA region/city names (and UTC), nothing else.

``EST``, ``CST6CDT``, ``GB`` or ``localtime`` load in ``zoneinfo`` but are not what a plan
means: ``EST`` has no daylight saving time (New York has), and ``localtime`` is the zone of
whatever machine runs elecsafe. They are refused with the city zone people usually mean.
"""

from __future__ import annotations

_CITY = {
    "EST": "America/New_York",
    "EST5EDT": "America/New_York",
    "EDT": "America/New_York",
    "CST": "America/Chicago",
    "CST6CDT": "America/Chicago",
    "CDT": "America/Chicago",
    "MST": "America/Denver",
    "MST7MDT": "America/Denver",
    "MDT": "America/Denver",
    "PST": "America/Los_Angeles",
    "PST8PDT": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "HST": "Pacific/Honolulu",
    "AKST": "America/Anchorage",
    "GB": "Europe/London",
    "GB-EIRE": "Europe/London",
    "GMT": "Europe/London",
    "BST": "Europe/London",
    "WET": "Europe/Lisbon",
    "CET": "Europe/Paris",
    "EET": "Europe/Athens",
    "EIRE": "Europe/Dublin",
}
_ALLOWED_PLAIN = frozenset({"UTC"})


def _machine_zone() -> str | None:
    """The IANA name /etc/localtime points at, if it is a link into the zone database."""
    import os

    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        return None
    marker = "zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else None


def problem(name: str) -> str | None:
    """Why NAME is not a plan's timezone (with the zone to use), or None when it is fine."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    zone = name.strip()
    if zone in _ALLOWED_PLAIN:
        return None
    legacy = zone.upper()
    if legacy == "LOCALTIME":
        here = _machine_zone()
        use = f"use this machine's zone by name, e.g. {here}" if here else "name the zone"
        return f"'{zone}' is whatever machine runs elecsafe, not a time zone: {use}"
    if "/" not in zone or legacy.startswith(("SYSTEMV/", "POSIX/", "RIGHT/")):
        city = _CITY.get(legacy)
        advice = f"use {city}" if city else "use a region/city name, e.g. America/Chicago"
        return f"'{zone}' is not a region/city time zone: {advice}"
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return f"'{zone}' is not an IANA time zone (e.g. Europe/London)"
    return None
