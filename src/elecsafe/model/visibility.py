"""THE visibility decision: what an audience may see of a plan, in one place.

Every output asks here — the redacted view templates get (render), calendar events and their
descriptions, the date helpers templates call (``due()``), the debrief and agreement builders
that name timetable entries, the findings (:func:`quotable`). Nothing else compares
sensitivities.

Audiences, lowest first: ``public`` < ``partners`` < ``internal``. An audience may see a field
whose sensitivity rank is at most its own (``restricted`` is internal only), read from the
model's metadata (:func:`elecsafe.model.base.field_sensitivity`). On top of the field metadata:

* an entity with its own marking (a contact method's ``sensitivity``, a milestone's or a
  site's ``marking``) is hidden whole above it;
* a timetable entry is visible when the lists that hold it are (``Plan.timetable``,
  ``Timetable.meetings``, ``Meeting.actions``...) and its own marking allows it
  (:func:`~elecsafe.model.timetable.item_marking`); an id that is not visible is not
  quoted, dated or titled either;
* a person in an address-confidentiality programme is named (by name *or* by id) only to the
  internal audience (domain.md §1.5, PRV004).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from elecsafe.model.base import AUDIENCE_RANK, ContactMethod, Sensitivity, field_sensitivity

if TYPE_CHECKING:
    from elecsafe.model.plan import Plan
    from elecsafe.model.sites import PresenceWindow

Audience = str | Sensitivity  # "public" | "partners" | "internal", or a Sensitivity level

PUBLIC, PARTNERS, INTERNAL = "public", "partners", "internal"


def rank(audience: Audience) -> int:
    """0 public, 1 partners, 2 internal (a ``Sensitivity`` counts as the audience of its rank)."""
    if isinstance(audience, Sensitivity):
        return audience.rank
    try:
        return AUDIENCE_RANK[audience]
    except KeyError:
        raise ValueError(f"unknown audience {audience!r}") from None


def field_visible(model: BaseModel | type[BaseModel], name: str, audience: Audience) -> bool:
    """May ``audience`` see field ``name`` of ``model`` (a model or a model class)?"""
    cls = model if isinstance(model, type) else type(model)
    if name not in cls.model_fields:
        return False
    return field_sensitivity(cls, name).rank <= rank(audience)


def quotable(model: BaseModel | type[BaseModel], name: str) -> bool:
    """May a finding quote the value of this field (findings reach CI logs and SARIF: public)?"""
    return field_visible(model, name, PUBLIC)


def own_marking(model: BaseModel) -> Sensitivity | None:
    """The sensitivity an entity gives itself (None: only its fields' metadata applies)."""
    from elecsafe.model.sites import Site
    from elecsafe.model.timetable import Milestone

    if isinstance(model, ContactMethod):
        return model.sensitivity
    if isinstance(model, Milestone | Site):
        return model.marking
    return None


def entity_visible(model: BaseModel, audience: Audience) -> bool:
    """Is the entity as a whole shown to ``audience`` (its own marking, if any)?"""
    marking = own_marking(model)
    return marking is None or marking.rank <= rank(audience)


def name_visible(person: BaseModel, audience: Audience) -> bool:
    """May ``audience`` learn who this person is (name or id)? Not below internal for a person
    in an address-confidentiality programme."""
    return not getattr(person, "address_confidentiality", False) or rank(audience) >= 2


class UnknownParty(ValueError):
    pass


def parties_for(plan: Plan, target: str) -> frozenset[str]:
    """The ids that stand for ``target`` when a copy is made for it (``calendar --for``,
    ``render briefing --for``):

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


def staffs(window: PresenceWindow, parties: frozenset[str] | None) -> bool:
    """Need to know: a police presence window is restricted, but the people who staff it (a
    ``staffed_by`` role, or the window's agency) get it in their own copy (``calendar --for``,
    ``render briefing --for``): the site's name and the window, nothing else of the site."""
    if not parties:
        return False
    return bool(parties.intersection(window.staffed_by)) or window.agency in parties


Chain = tuple[list[tuple[BaseModel, str]], Any]
_ENTRIES: list[tuple[Plan, dict[str, Chain]]] = []  # the last few plans asked about


def _entries(plan: Plan) -> dict[str, Chain]:
    """Every timetable item and action id -> ``([(holder, list field), ...], entry)``."""
    for known, table in _ENTRIES:
        if known is plan:
            return table
    timetable = plan.timetable
    top: list[tuple[BaseModel, str]] = [(plan, "timetable")]
    found: dict[str, Chain] = {}
    for group in ("milestones", "meetings", "trainings", "exercises", "actions"):
        for item in getattr(timetable, group):
            found.setdefault(item.id, ([*top, (timetable, group)], item))
    for group, nested in (("meetings", "actions"), ("exercises", "improvement_items")):
        for holder in getattr(timetable, group):
            for action in getattr(holder, nested):
                chain = [*top, (timetable, group), (holder, nested)]
                found.setdefault(action.id, (chain, action))
    _ENTRIES.insert(0, (plan, found))
    del _ENTRIES[4:]
    return found


def _entry_chain(plan: Plan, entry_id: str) -> Chain | None:
    return _entries(plan).get(entry_id)


def entry_visible(plan: Plan, entry_id: str, audience: Audience) -> bool:
    """Is the timetable item or action ``entry_id`` shown to ``audience``? (False: no such id.)"""
    from elecsafe.model.timetable import item_marking

    found = _entry_chain(plan, entry_id)
    if found is None:
        return False
    chain, entry = found
    if not all(field_visible(holder, name, audience) for holder, name in chain):
        return False
    for holder, _ in chain[2:]:  # the meeting or exercise that holds an action
        if item_marking(holder).rank > rank(audience):  # type: ignore[arg-type]
            return False
    return item_marking(entry).rank <= rank(audience)


def entry_title(plan: Plan, entry_id: str, audience: Audience) -> str | None:
    """An entry's title (an action's text) when ``audience`` may see it, else None."""
    found = _entry_chain(plan, entry_id)
    if found is None or not entry_visible(plan, entry_id, audience):
        return None
    entry = found[1]
    name = "title" if "title" in type(entry).model_fields else "text"
    return str(getattr(entry, name)) if field_visible(entry, name, audience) else None


def party_label(plan: Plan, party_id: str, audience: Audience) -> str | None:
    """How an output names a participant id (role, organisation or person): the id, unless
    it is a person ``audience`` may not identify (None: leave them out)."""
    person = plan.index().people.get(party_id)
    if person is not None and not name_visible(person, audience):
        return None
    return party_id


def ics_class(audience: Audience, explicit: str | None) -> str:
    """The CLASS of a calendar event: PUBLIC on a public calendar, else the item's own
    choice, CONFIDENTIAL by default."""
    if rank(audience) == 0:
        return "PUBLIC"
    return explicit or "CONFIDENTIAL"


__all__ = [
    "UnknownParty",
    "entity_visible",
    "entry_title",
    "entry_visible",
    "field_visible",
    "ics_class",
    "name_visible",
    "named_ids",
    "own_marking",
    "parties_for",
    "party_label",
    "path_sensitivity",
    "plan_path_quotable",
    "quotable",
    "rank",
    "staffs",
]


# -- what findings may quote --------------------------------------------------------------------


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation may hold (through Optional, list, dict, Annotated)."""
    import typing

    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if origin is dict:
        args = typing.get_args(annotation)
        return _unwrap(args[1]) if len(args) == 2 else []
    out: list[Any] = []
    for arg in typing.get_args(annotation):
        out += _unwrap(arg)
    return out


def path_sensitivity(root: type[BaseModel], path: tuple[str | int, ...]) -> Sensitivity:
    """The sensitivity of the value at ``path`` under a ``root`` model: the highest marking of
    the fields on the way (a withheld field hides its whole subtree). Unknown keys keep the
    level reached so far."""
    level = Sensitivity.PUBLIC
    classes: list[type[BaseModel]] = [root]
    for key in path:
        if isinstance(key, int) or not classes:
            continue
        following: list[type[BaseModel]] = []
        matched = False
        for cls in classes:
            name = next(
                (n for n, f in cls.model_fields.items() if key in (n, f.alias)),
                None,
            )
            if name is None:
                continue
            matched = True
            marked = field_sensitivity(cls, name)
            if marked.rank > level.rank:
                level = marked
            following += _unwrap(cls.model_fields[name].annotation)
        # not a field anywhere: a key of a mapping (models refuse unknown keys), same classes
        classes = following if matched else classes
    return level


def named_ids(plan: Plan) -> frozenset[str]:
    """The ids the plan defines, which findings may quote to name things — less the persons in
    an address-confidentiality programme."""
    index = plan.index()
    ids: set[str] = set()
    for table in (
        index.organisations,
        index.roles,
        index.sites,
        index.jurisdictions,
        index.elections,
        index.items,
    ):
        ids.update(table)
    ids.update(pid for pid, person in index.people.items() if name_visible(person, PUBLIC))
    return frozenset(ids)


def plan_path_quotable(path: tuple[str | int, ...]) -> bool:
    """May a finding quote the value at this plan key path? Only a public one: findings reach
    terminals, CI logs and SARIF uploads."""
    from elecsafe.model.plan import Plan

    return path_sensitivity(Plan, path) is Sensitivity.PUBLIC
