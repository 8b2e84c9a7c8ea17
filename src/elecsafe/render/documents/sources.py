"""What every document is built from, and the small helpers the builders share.

Everything here reads the *redacted* view (records and withheld markers), except dates, which
come from the timeline of the unredacted plan (dates of public timetable entries; items the
audience may not see are never listed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from elecsafe.model.placeholders import Placeholders
from elecsafe.model.plan import Plan
from elecsafe.model.sites import PresenceWindow
from elecsafe.model.visibility import staffs
from elecsafe.render.filters import Lookups, short_date
from elecsafe.render.redact import Record, Withheld, WithheldLog, is_withheld, redact
from elecsafe.render.timeline import Due, Dues

if TYPE_CHECKING:
    from elecsafe.lint.runner import LintResult
    from elecsafe.render.documents.checklist import Verdicts

TIMETABLE_GROUPS = ("milestones", "meetings", "trainings", "exercises")


class Sources:
    """One plan seen by one audience: the view, its lookups, the dates, the private contacts,
    and (for the checklists) the verdicts of the lint run the documents are rendered with."""

    def __init__(
        self,
        plan: Plan,
        view: Record,
        lookups: Lookups,
        timeline: Dues,
        contacts: Any,
        *,
        audience: str,
        lint: Callable[[], LintResult],
        on_duty: frozenset[str] | None = None,
        log: WithheldLog | None = None,
        placeholders: Placeholders | None = None,
    ) -> None:
        self.plan = plan
        self.view = view
        self.lookups = lookups
        self.timeline = timeline
        self.contacts = contacts
        self.audience = audience
        self._lint = lint
        self._verdicts: Verdicts | None = None
        self.on_duty = on_duty  # a need-to-know copy: the ids of the person it is made for
        self.log = log
        self.placeholders = placeholders

    def draft(self, prefix: tuple[str | int, ...]) -> bool:
        """Does this part of the plan still hold a placeholder (a value starting with TODO)?"""
        return self.placeholders is not None and self.placeholders.under(prefix)

    @property
    def verdicts(self) -> Verdicts:
        """The settled findings of the run's check (run on first use when render was not
        given one)."""
        if self._verdicts is None:
            from elecsafe.render.documents.checklist import Verdicts

            self._verdicts = Verdicts(self._lint())
        return self._verdicts

    @property
    def day_name(self) -> str:
        """ "polling day" (UK) or "Election Day" (US), as each side writes it."""
        return "Election Day" if self.plan.country == "US" else "polling day"

    def date(self, value: Any) -> Any:
        return short_date(value, self.plan.country) if value else value

    def owner(self, role_id: Any) -> Any:
        """ "Role: holder" when the audience may see both, else the role's label."""
        if not role_id:
            return role_id
        name = self.lookups.role_label(role_id)
        holder = self.lookups.role_holder(role_id)
        if holder and not is_withheld(holder) and not is_withheld(name):
            return f"{name}: {holder}"
        return name

    def timetable(self) -> tuple[list[Record], list[Withheld]]:
        """Timetable entries this audience may see, and the markers of those it may not."""
        table = self.view.timetable
        if is_withheld(table):
            return [], [table]
        visible: list[Record] = []
        hidden: list[Withheld] = []
        for group in TIMETABLE_GROUPS:
            entries = getattr(table, group)
            if is_withheld(entries):
                hidden.append(entries)
                continue
            for item in entries:
                if isinstance(item, Record):
                    visible.append(item)
                elif is_withheld(item):
                    hidden.append(item)
        return visible, hidden

    def sorted_by_due(self, entries: list[Record]) -> list[tuple[Record, Due | None]]:
        dated = [(item, self.timeline.due(item.id)) for item in entries]
        return sorted(dated, key=lambda pair: _due_key(pair[1]))

    def poll_days(self) -> list[Record]:
        """The elections grouped by polling day and hours (nine polls on one day: one line)."""
        groups: dict[tuple[Any, Any, Any], list[Any]] = {}
        for election in items(self.view.elections):
            hours = election.poll_hours
            key = (election.poll_date, getattr(hours, "open", None), getattr(hours, "close", None))
            groups.setdefault(key, []).append(election.name)
        return [
            Record({"day": day, "open": opens, "close": closes, "elections": names})
            for (day, opens, closes), names in sorted(groups.items(), key=lambda g: str(g[0]))
        ]

    def presence_windows(self) -> list[Record]:
        """Police presence by date and time, one row per window, for editions that may see
        it (restricted). A need-to-know copy (``on_duty``) adds the windows its person staffs
        (:func:`~elecsafe.model.visibility.staffs`) with the site's name and nothing else of
        the site; every other window stays withheld and is named in the "withheld" box."""
        rows: list[Record] = []
        sites = items(self.view.sites)
        for index, raw in enumerate(self.plan.sites):
            if not raw.presence_windows:
                continue
            site = sites[index] if index < len(sites) else None
            windows = site.presence_windows if isinstance(site, Record) else None
            if isinstance(windows, list):  # the edition sees them
                assert isinstance(site, Record)
                shown = list(zip(raw.presence_windows, windows, strict=False))
                place: Record = site
            else:
                shown = [
                    (model, self._on_duty_view(model))
                    for model in raw.presence_windows
                    if staffs(model, self.on_duty)
                ]
                if len(shown) < len(raw.presence_windows):
                    self._withheld(windows)
                place = Record({"id": raw.id, "name": raw.name})
            for model, window in shown:
                rows.append(self._presence_row(place, model, window))
        rows.sort(key=lambda r: (_presence_key(self.timeline, r), str(r.site.name)))
        return rows

    def _on_duty_view(self, model: PresenceWindow) -> Record:
        """A window its own staff may read whole (it is theirs), seen as the restricted
        edition sees it."""
        view = redact(model, "internal", WithheldLog())
        assert isinstance(view, Record)
        return view

    def _withheld(self, marker: Any) -> None:
        """Name the windows a copy leaves out in its "withheld" box."""
        if self.on_duty is None:
            if is_withheld(marker):
                bool(marker)  # the marker names itself
        elif self.log is not None:
            self.log.add(ON_DUTY_WITHHELD)

    def _presence_row(self, site: Record, model: PresenceWindow, window: Record) -> Record:
        item = self.timeline.timeline.item(model.id)
        days = "—"
        if item is not None:
            first = short_date(item.day, self.plan.country)
            last = short_date(item.last_day, self.plan.country)
            days = str(first) if item.day == item.last_day else f"{first} – {last}"
        hours = f"{model.start}–{model.end}" if model.start and model.end else "all day"
        return Record(
            {
                "site": site,
                "window": window,
                "days": days,
                "daily": item is not None and item.recurrence is not None,
                "hours": hours,
            }
        )


# What a need-to-know copy's "withheld" box says of the presence it leaves out.
ON_DUTY_WITHHELD = "police presence at sites and times this copy's holder does not staff"


def items(value: Any) -> list[Any]:
    """A list of the view as a list: empty when absent or withheld."""
    return [] if is_withheld(value) or value is None else list(value)


def plain(value: Any) -> str:
    if value is None:
        return "not assigned"
    return "withheld" if is_withheld(value) else str(value)


def mermaid_text(value: Any) -> str:
    """Mermaid label text: no quotes, brackets or markup that would end the label."""
    text = plain(value)
    return re.sub(r'["`<>{}\[\]|#;]', " ", " ".join(text.split())).strip()


def _presence_key(timeline: Dues, row: Record) -> tuple[date, str]:
    item = timeline.timeline.item(row.window.id)
    if item is None:
        return (date.max, "")
    start = item.start
    return (item.day, start.strftime("%H:%M") if isinstance(start, datetime) else "")


def _due_key(due: Due | None) -> tuple[int, date, str]:
    if due is None:
        return (2, date.max, "")
    if due.day is None:
        return (1, date.max, due.text)
    return (0, due.day, "")


__all__ = ["Sources", "items", "mermaid_text", "plain"]
