"""Due dates for documents, from the timetable resolver when it is available.

``elecsafe.dates.resolve_plan`` computes every date of the plan (working days, statutory
packs). Until a plan's dates resolve, documents still render: an absolute date is shown as
written and a relative one as its expression ("poll - 25 working days").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from elecsafe.model import visibility
from elecsafe.model.base import DateWindow, RelativeDate
from elecsafe.model.plan import Plan


@dataclass(frozen=True)
class Due:
    day: date | None  # None: not resolvable here, show ``text``
    text: str  # the expression as written, when ``day`` is None
    offset_label: str = ""  # "E−25wd" when the resolver knows it
    end: date | None = None  # the last day of a window ("1–26 Feb 2027")
    time: str = ""  # "22:30" for a timed item


def spec_text(spec: Any) -> str:
    """A date spec as a reader would write it."""
    if isinstance(spec, datetime | date):
        return spec.isoformat()
    if isinstance(spec, RelativeDate):
        unit = spec.unit.replace("_", " ")
        sign = "-" if spec.offset < 0 else "+"
        text = f"{spec.anchor} {sign} {abs(spec.offset)} {unit}" if spec.offset else spec.anchor
        return f"{text} {spec.time}" if spec.time else text
    if isinstance(spec, DateWindow):
        return f"{spec_text(spec.window.from_)} to {spec_text(spec.window.to)}"
    return str(spec)


def _as_day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


class Timeline:
    """Dates of the plan's entries; with an ``audience``, only of the entries it may see
    (:mod:`elecsafe.model.visibility`): a template's ``due('<restricted id>')`` gets nothing."""

    def __init__(self, plan: Plan, audience: str | None = None) -> None:
        self.plan = plan
        self.audience = audience
        self.items = plan.index().items
        timetable = plan.timetable
        actions = [*timetable.actions]
        for meeting in timetable.meetings:
            actions += meeting.actions
        for exercise in timetable.exercises:
            actions += exercise.improvement_items
        self.actions = {action.id: action for action in actions}
        self.resolved: Any = None
        try:
            from elecsafe.dates import resolve_plan  # type: ignore[attr-defined,unused-ignore]
        except ImportError:
            return
        try:
            self.resolved = resolve_plan(plan)
        except Exception:
            self.resolved = None

    @property
    def poll_date(self) -> date | None:
        if self.resolved is not None:
            return _as_day(getattr(self.resolved, "poll_date", None)) or self.plan.poll_date
        return self.plan.poll_date

    def due(self, item_id: str) -> Due | None:
        """The date of a timetable item or action (None: no such id, or not for this audience)."""
        if self.audience is not None and not visibility.entry_visible(
            self.plan, item_id, self.audience
        ):
            return None
        if self.resolved is not None:
            try:
                found = self.resolved.item(item_id)
            except (KeyError, LookupError, ValueError):
                found = None
            day = _as_day(getattr(found, "start", None))
            if day is not None:
                end = _as_day(getattr(found, "last_day", None)) if found.window else None
                label = str(getattr(found, "offset_label", "") or "")
                start = getattr(found, "start", None)
                # a timed item's start, or the deadline time of an all-day statutory date
                time = start.strftime("%H:%M") if isinstance(start, datetime) else ""
                time = time or str(getattr(found, "time", "") or "")
                return Due(day, "", label, end if end != day else None, time)
        if item_id in self.actions:
            return self.date_of(self.actions[item_id].due)
        item = self.items.get(item_id)
        if item is None:
            return None
        if item.when is None:
            return Due(None, f"statutory: {item.statutory}")
        day = _as_day(item.when)
        return Due(day, "" if day else spec_text(item.when))

    def title(self, entry_id: str) -> str | None:
        """An entry's title (an action's text) if this audience may see it, else None."""
        return visibility.entry_title(self.plan, entry_id, self.audience or "internal")

    def date_of(self, spec: Any, path: tuple[str | int, ...] = ()) -> Due | None:
        if spec is None:
            return None
        day = _as_day(spec)
        if day is not None:
            return Due(day, "")
        if self.resolved is not None:
            try:
                resolved = _as_day(self.resolved.date_of(spec, path))
            except Exception:
                resolved = None
            if resolved is not None:
                return Due(resolved, "")
        return Due(None, spec_text(spec))
