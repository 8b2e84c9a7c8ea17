"""THE adapter over the resolved timetable: what rules, documents and the readiness summary
ask of dates (the date of an item, its occurrences, an anchor, polling day, any date field).

The timetable resolver (:mod:`elecsafe.dates`) computes every date once, eagerly (relative
expressions, working days, statutory packs, recurrences, every other date field by key path);
this adapter gives the rest of elecsafe a small, stable surface over that immutable result and
reduces datetimes to their calendar day in the plan's time zone. ``check`` builds it once and
``render`` reuses the one of the check it runs first.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from elecsafe.dates.style import as_day
from elecsafe.findings import Finding, KeyPath

if TYPE_CHECKING:
    from elecsafe.dates import ResolvedItem, ResolvedTimetable
    from elecsafe.model.plan import Plan
    from elecsafe.model.timetable import Action


class Timeline:
    def __init__(self, plan: Plan, resolved: ResolvedTimetable | None) -> None:
        self.plan = plan
        self.resolved = resolved
        self.poll: date | None = plan.poll_date

    @property
    def findings(self) -> list[Finding]:
        """Every finding of the resolver (all of them: resolution is eager)."""
        return list(self.resolved.findings) if self.resolved is not None else []

    @classmethod
    def build(cls, plan: Plan, today: date) -> Timeline:
        from elecsafe.dates import resolve_plan

        return cls(plan, resolve_plan(plan, today=today))

    @property
    def poll_date(self) -> date | None:
        """Polling day: the earliest poll as the resolver sees it, else as written."""
        if self.resolved is not None and self.resolved.poll_date is not None:
            return self.resolved.poll_date
        return self.poll

    @cached_property
    def actions(self) -> dict[str, Action]:
        """Every action of the timetable by id (its own list, meetings', exercises')."""
        return self.plan.index().actions

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
        """Any date field written as a DateSpec (``review_due``, ``next_review``, ``due``),
        by the key path it is written at; None if it did not resolve (the resolver's finding
        says why) or ``spec`` is None."""
        if spec is None:
            return None
        direct = as_day(spec)
        if direct is not None:
            return direct
        if self.resolved is None:
            return None
        return self.resolved.date_at(path)
