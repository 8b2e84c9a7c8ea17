"""iCalendar export of the resolved timetable (RFC 5545, Outlook-safe; DESIGN.md §7)."""

from elecsafe.calendar.builder import (
    PRODID,
    UID_NAMESPACE,
    build_calendar,
    export_ics,
    is_elecsafe_calendar,
    item_uid,
    read_previous,
)

__all__ = [
    "PRODID",
    "UID_NAMESPACE",
    "build_calendar",
    "export_ics",
    "is_elecsafe_calendar",
    "item_uid",
    "read_previous",
]
