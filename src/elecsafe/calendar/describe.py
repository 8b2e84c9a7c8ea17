"""What an event may say about its item: DESCRIPTION, LOCATION and SUMMARY text.

Every model field read here passes :func:`allowed` first, so a field the schema marks
``restricted`` (or above the calendar's audience) never reaches the .ics file, even if the
lead later re-marks a field (domain.md §5.5: calendars leave the building).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from elecsafe.dates.style import compact
from elecsafe.model import visibility
from elecsafe.model.base import Sensitivity

if TYPE_CHECKING:
    from elecsafe.dates import ResolvedItem
    from elecsafe.model.plan import Plan

KIND_LABELS = {
    "milestone": "Milestone",
    "meeting": "Meeting",
    "training": "Training",
    "exercise": "Exercise",
    "action": "Action",
    "presence": "Police presence",
}
SEMANTICS = {
    "on": "on",
    "not_later_than": "not later than",
    "not_earlier_than": "not earlier than",
    "window": "within the window",
}


def allowed(model: Any, name: str, audience: Sensitivity) -> bool:
    """True when ``model.name`` may be shown to ``audience`` (THE visibility decision)."""
    return isinstance(model, BaseModel) and visibility.field_visible(model, name, audience)


def field(model: Any, name: str, audience: Sensitivity) -> Any:
    return getattr(model, name, None) if allowed(model, name, audience) else None


# Calendar clients cut or refuse long fields (Outlook keeps 255 characters of a subject, Google
# Calendar 8,192 of a description), and icalendar folds lines character by character: a pasted
# megabyte would take seconds to export and arrive mangled. Clip with a visible ellipsis instead.
SUMMARY_LIMIT = 255
DESCRIPTION_LIMIT = 8000


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def summary(item: ResolvedItem, audience: Sensitivity) -> str:
    return clip(_summary(item, audience), SUMMARY_LIMIT)


def _summary(item: ResolvedItem, audience: Sensitivity) -> str:
    """The title, with the deadline time first for all-day deadlines ("16:00 Nominations
    close"): domain.md §4.8 keeps statutory deadlines all-day so they never block a diary."""
    if item.kind == "presence":  # "Police presence: <site name>", built from public fields
        return item.title
    name = "text" if item.kind == "action" else "title"
    title = field(item.item, name, audience) or item.id
    if item.kind == "action":
        title = f"Action: {title}"
    if item.all_day and item.time:
        return f"{item.time} {title}"
    return str(title)


def role_label(plan: Plan, role_id: str, audience: Sensitivity) -> str:
    role = plan.index().roles.get(role_id)
    if role is None:
        return role_id
    title = field(role, "title", audience)
    from elecsafe.model.roles import ROLE_CATALOGUE

    label = title or ROLE_CATALOGUE.get(role.role, ROLE_CATALOGUE["other"]).label
    return f"{label} ({role_id})"


def location(plan: Plan, item: ResolvedItem, audience: Sensitivity) -> str | None:
    if item.kind == "presence":  # the site it is at: ("sites", index, ...)
        index = item.path[1]
        site = plan.sites[index] if isinstance(index, int) and index < len(plan.sites) else None
        parts = [field(site, "name", audience), field(site, "address", audience)]
        return ", ".join(str(p) for p in parts if p) or None
    where = field(item.item, "location", audience)
    if where is None:
        return None
    if where == "virtual":
        return "Virtual"
    site = plan.index().sites.get(where)
    if site is None:
        return None
    parts = [field(site, "name", audience), field(site, "address", audience)]
    text = ", ".join(str(p) for p in parts if p)
    return text or None


def _pack_semantics(plan: Plan, item: ResolvedItem) -> str | None:
    from elecsafe.dates.packs import plan_pack

    election = plan.index().elections.get(item.election or "")
    rules = election.timetable_rules if election else None
    pack = plan_pack(plan, rules) if rules else None
    if pack is None or item.statutory_key is None:
        return None
    pack_item = pack.items.get(item.statutory_key)
    return pack_item.deadline_semantics if pack_item else None


def description(plan: Plan, item: ResolvedItem, audience: Sensitivity) -> str:
    text = _description(plan, item, audience)
    if len(text) <= DESCRIPTION_LIMIT:
        return text
    footer = text[text.rindex("\n\n") :]  # the marking line always survives
    return clip(text[: -len(footer)], DESCRIPTION_LIMIT - len(footer)) + footer


def _description(plan: Plan, item: ResolvedItem, audience: Sensitivity) -> str:
    model = item.item
    lines = [f"{KIND_LABELS[item.kind]}" + (f" · {item.offset_label}" if item.offset_label else "")]
    if item.statutory_key:
        semantics = field(model, "deadline_semantics", audience) or _pack_semantics(plan, item)
        deadline = SEMANTICS.get(semantics or "", "")
        at = f" {item.time}" if item.time else ""
        lines.append(
            f"Statutory date: {item.statutory_key}{(' — ' + deadline) if deadline else ''}{at}"
        )
    if item.window:
        lines.append(f"Window: {compact(item.day)} – {compact(item.last_day)}")
    owner = field(model, "owner", audience)
    if owner:
        lines.append(f"Owner: {role_label(plan, owner, audience)}")
    participants = field(model, "participants", audience) or []
    named = [p for p in participants if visibility.party_label(plan, p, audience) is not None]
    unnamed = len(participants) - len(named)
    if unnamed:  # people in an address-confidentiality programme are not named, not even by id
        named.append(f"{unnamed} more" if named else f"{unnamed} participant(s)")
    if named:
        lines.append("Participants: " + ", ".join(named))
    agenda = field(model, "agenda", audience) or []
    topics = [a for a in agenda if allowed(a, "text", audience)]
    if topics:
        lines.append("Agenda:")
        lines += [f"- {a.text}" for a in topics]
    source = field(model, "source", audience)
    if source is not None and allowed(source, "ref", audience):
        lines.append(f"Source: {source.ref}")
    notes = field(model, "notes", audience)
    if notes:
        lines.append(str(notes))
    if allowed(model, "status", audience):
        lines.append(f"Status: {item.status}")
    marking = field(plan.handling, "marking", audience)
    footer = f"elecsafe plan {plan.id} v{plan.version}"
    lines += ["", f"{marking} · {footer}" if marking else footer]
    return "\n".join(lines)
