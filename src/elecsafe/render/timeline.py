"""Due dates for documents, from the one resolved timeline of the run.

The resolver computes every date of the plan once (working days, statutory packs); where a
date did not resolve (its finding says why), documents still render: an absolute date is
shown as written and a relative one as its expression ("poll - 25 working days").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from elecsafe.dates.style import as_day
from elecsafe.findings import KeyPath
from elecsafe.lint.timeline import Timeline
from elecsafe.model import visibility
from elecsafe.model.base import DateWindow, RelativeDate


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


class Dues:
    """Due dates as documents show them, read from THE timeline (:mod:`elecsafe.lint.timeline`):
    the resolved date when there is one, else the expression as written. With an
    ``audience``, only of the entries it may see (:mod:`elecsafe.model.visibility`): a
    template's ``due('<restricted id>')`` gets nothing."""

    def __init__(self, timeline: Timeline, audience: str | None = None) -> None:
        self.timeline = timeline
        self.audience = audience
        self.plan = timeline.plan
        self.items = timeline.plan.index().items
        self.actions = timeline.actions

    @property
    def poll_date(self) -> date | None:
        return self.timeline.poll_date

    def due(self, item_id: str) -> Due | None:
        """The date of a timetable item or action (None: no such id, or not for this audience)."""
        if self.audience is not None and not visibility.entry_visible(
            self.plan, item_id, self.audience
        ):
            return None
        found = self.timeline.item(item_id)
        if found is not None:
            end = found.last_day if found.window else None
            # a timed item's start, or the deadline time of an all-day statutory date
            start = found.start
            time = start.strftime("%H:%M") if isinstance(start, datetime) else (found.time or "")
            return Due(found.day, "", found.offset_label, end if end != found.day else None, time)
        action = self.actions.get(item_id)
        if action is not None:
            return self.written(action.due)
        item = self.items.get(item_id)
        if item is None:
            return None
        if item.when is None:
            return Due(None, f"statutory: {item.statutory}")
        return self.written(item.when)

    def title(self, entry_id: str) -> str | None:
        """An entry's title (an action's text) if this audience may see it, else None."""
        return visibility.entry_title(self.plan, entry_id, self.audience or "internal")

    def date_of(self, spec: Any, path: KeyPath) -> Due | None:
        """A date field by its key path: resolved, else as written."""
        if spec is None:
            return None
        day = self.timeline.date_of(spec, path)
        return Due(day, "") if day is not None else Due(None, spec_text(spec))

    @staticmethod
    def written(spec: Any) -> Due | None:
        """A date as written in the plan: resolved when it is a date, else its text."""
        if spec is None:
            return None
        day = as_day(spec)
        return Due(day, "" if day else spec_text(spec))
