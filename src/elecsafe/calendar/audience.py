"""``--for ROLE|ORG|PERSON``: which timetable items concern one role, organisation or person.

Who a party stands for (:func:`~elecsafe.model.visibility.parties_for`) and who may see a
presence window by need to know (:func:`~elecsafe.model.visibility.staffs`) are decided in
the model's visibility module, for calendars and documents alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from elecsafe.model.sites import PresenceWindow
from elecsafe.model.visibility import UnknownParty, parties_for, staffs

if TYPE_CHECKING:
    from elecsafe.dates import ResolvedItem


def concerns(item: ResolvedItem, parties: frozenset[str]) -> bool:
    return item.owner in parties or any(p in parties for p in item.participants)


def on_duty(item: ResolvedItem, parties: frozenset[str] | None) -> bool:
    """A police presence window reaches a ``--for`` calendar whose party staffs it, as the
    site's name and the times only."""
    return (
        item.kind == "presence"
        and isinstance(item.item, PresenceWindow)
        and staffs(item.item, parties)
    )


__all__ = ["UnknownParty", "concerns", "on_duty", "parties_for"]
