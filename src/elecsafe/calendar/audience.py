"""``--for ROLE|ORG|PERSON``: which timetable items concern one role, organisation or person."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from elecsafe.dates import ResolvedItem
    from elecsafe.model.plan import Plan


class UnknownParty(ValueError):
    pass


def parties_for(plan: Plan, target: str) -> frozenset[str]:
    """The ids an item must name (as owner or participant) to concern ``target``:

    * a role: that role;
    * an organisation: the organisation and every role it staffs;
    * a person: the person and every role they hold or deputise.
    """
    index = plan.index()
    if target in index.roles:
        return frozenset({target})
    if target in index.organisations:
        return frozenset(
            {target, *(r.id for r in index.roles.values() if r.organisation == target)}
        )
    if target in index.people:
        # every role they hold or deputise at any time of the plan (handovers included)
        held = (
            r.id
            for r in index.roles.values()
            if any(target in (t.holder, t.deputy) for t in r.tenures())
        )
        return frozenset({target, *held})
    raise UnknownParty(target)


def concerns(item: ResolvedItem, parties: frozenset[str]) -> bool:
    return item.owner in parties or any(p in parties for p in item.participants)


def on_duty(item: ResolvedItem, parties: frozenset[str] | None) -> bool:
    """A police presence window is restricted, but the people who staff it need it in their
    own calendar: it reaches a ``--for`` calendar whose party staffs it (a ``staffed_by``
    role, or the window's agency), as the site's name and the times only."""
    return parties is not None and item.kind == "presence" and concerns(item, parties)
