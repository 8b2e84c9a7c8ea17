"""Dates: expressions, working-day calendars, statutory packs and the plan resolver.

The public API (other parts of elecsafe code against exactly this)::

    from elecsafe.dates import resolve_plan, ResolvedTimetable, ResolvedItem
    resolved = resolve_plan(plan, today=None)   # never raises on bad plan input
    resolved.findings, resolved.items, resolved.item(id), resolved.date_at(key_path)
    resolved.anchors, resolved.poll_date, resolved.working_calendar(election_id=None)
"""

from elecsafe.dates.resolver import RecurrenceInfo, ResolvedItem, ResolvedTimetable, resolve_plan

__all__ = ["RecurrenceInfo", "ResolvedItem", "ResolvedTimetable", "resolve_plan"]
