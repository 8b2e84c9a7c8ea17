"""Dates as the rules need them: the date of a timetable item, its occurrences, polling day.

The timetable resolver (:mod:`elecsafe.dates`) computes every date (relative expressions,
working days, statutory packs, recurrences); this adapter gives the rules a small, stable
surface over it and reduces datetimes to their calendar day in the plan's time zone.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from elecsafe.findings import Finding, KeyPath

if TYPE_CHECKING:
    from elecsafe.dates import ResolvedItem, ResolvedTimetable
    from elecsafe.model.plan import Plan


def as_day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


class Timeline:
    def __init__(self, plan: Plan, resolved: ResolvedTimetable | None) -> None:
        self.plan = plan
        self.resolved = resolved
        self.poll: date | None = plan.poll_date

    @property
    def findings(self) -> list[Finding]:
        """The resolver's findings, including those found while rules asked for dates."""
        return list(self.resolved.findings) if self.resolved is not None else []

    @classmethod
    def build(cls, plan: Plan, today: date) -> Timeline:
        from elecsafe.dates import resolve_plan

        return cls(plan, resolve_plan(plan, today=today))

    def item(self, item_id: str) -> ResolvedItem | None:
        if self.resolved is None:
            return None
        return self.resolved.item(item_id)

    def items(self) -> list[ResolvedItem]:
        return list(self.resolved.items) if self.resolved is not None else []

    def start(self, item_id: str) -> date | None:
        """The (first) day of a timetable item, or None if it does not resolve."""
        item = self.item(item_id)
        return item.day if item is not None else None

    def occurrences(self, item_id: str) -> list[date]:
        """Every day a (possibly recurring) item happens on, in order."""
        item = self.item(item_id)
        if item is None:
            return []
        days = [d for d in (as_day(o) for o in item.occurrences) if d is not None]
        return sorted(days) or [item.day]

    def last(self, item_id: str) -> date | None:
        item = self.item(item_id)
        return item.last_day if item is not None else None

    def anchor(self, name: str) -> date | None:
        """A named anchor of the timetable (poll, statutory keys such as electors_meet)."""
        if self.resolved is None:
            return None
        return self.resolved.anchors.get(name)

    def date_of(self, spec: Any, path: KeyPath) -> date | None:
        """Any date field written as a DateSpec (``review_due``, ``next_review``, ``due``)."""
        if spec is None:
            return None
        direct = as_day(spec)
        if direct is not None:
            return direct
        if self.resolved is None:
            return None
        return as_day(self.resolved.date_of(spec, path))
