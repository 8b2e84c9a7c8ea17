"""Which councils a polling area belongs to (UK two-tier areas).

In a two-tier English area a county electoral division lies inside a district: the district's
staff run the poll, and the county council holds the election. So a poll in a county division
belongs to both councils — the district (the first council above it) and the county council
above that — and each of them needs its returning officer and its MoU with the force. A ward
of a district, or of a unitary authority, belongs to that council only.

Why here, in the model: "which councils does this poll involve" is a fact about the plan's
geography, asked by several rules (ROL004 statutory officers, DOC001 MoUs), the readiness
summary and the documents; answered once, it cannot disagree between them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from elecsafe.model.org import Jurisdiction
    from elecsafe.model.roles import CommandStructure

# Jurisdiction kinds that are the area of a council (a local authority holding polls).
COUNCIL_KINDS = frozenset(
    {
        "local_authority", "county_council", "district_council", "unitary_authority",
        "metropolitan_borough", "london_borough",
    }
)  # fmt: skip


def councils_of(jurisdictions: dict[str, Jurisdiction], jid: str) -> list[str]:
    """The council areas a poll held in ``jid`` belongs to, nearest first.

    Walk up ``parent`` to the first council area (``jid`` itself if it is one). A
    ``county_division`` belongs also to the county council above that first council (its
    district). Bounded: a parent cycle cannot hang the walk."""
    start = jurisdictions.get(jid)
    if start is None:
        return []
    two_tier = start.kind == "county_division"
    found: list[str] = []

    def parent(j: str) -> str | None:
        current = jurisdictions.get(j)
        return current.parent if current is not None and current.parent else None

    for link in parent_chain(jid, parent):
        current = jurisdictions.get(link)
        if current is None or current.kind not in COUNCIL_KINDS:
            continue
        if not found:
            found.append(current.id)
            if not two_tier or current.kind == "county_council":
                break
        elif current.kind == "county_council":
            found.append(current.id)
            break
    return found


MAX_DEPTH = 64  # parent chains longer than this are cut (a plan has a handful of levels)


def parent_chain(start: str, parent_of: Callable[[str], str | None]) -> list[str]:
    """THE parent walk (jurisdictions, organisations): ``start`` and its parents, nearest
    first; stops at the top, at a cycle, or at :data:`MAX_DEPTH`."""
    chain = [start]
    current = parent_of(start)
    while current is not None and current not in chain and len(chain) < MAX_DEPTH:
        chain.append(current)
        current = parent_of(current)
    return chain


# -- which police area, silver and bronze cover a place --------------------------------------
#
# Police areas (BCUs) and councils do not nest: a BCU is a child of the force area, a district
# a child of its county council. A police area says which councils, or parts of them, it polices
# (``Jurisdiction.covers``); the silver and the geographical bronze whose ``area`` is that police
# area command there. Functional bronzes (crime, intelligence, ...) work force-wide. Answered
# here once, for the checklists, the MoUs and the briefing alike.

# Jurisdiction kinds that are police areas even when they declare no coverage.
POLICE_AREA_KINDS = frozenset({"bcu", "police_force_area"})


class Cover(NamedTuple):
    """Who polices a place (:meth:`Coverage.of`)."""

    areas: tuple[str, ...]
    """The police areas covering the place, nearest first (a BCU, then its force area)."""
    silver: tuple[str, ...]
    """Role assignment ids of the silvers of the most specific of those areas."""
    bronze: tuple[str, ...]
    """Role assignment ids of the geographical bronzes of the most specific of those areas."""
    functional: tuple[str, ...]
    """Role assignment ids of the functional bronzes: they work force-wide."""

    @property
    def the_bronze(self) -> str | None:
        """The one geographical bronze of the place; None when there is none, or several (a
        place split between police areas, or a plan that does not say)."""
        return self.bronze[0] if len(self.bronze) == 1 else None


class Coverage:
    """Which police areas, silvers and bronzes cover each jurisdiction of a plan.

    ``chain(jid)``: ``jid`` and its parents, nearest first; ``within(jid)``: ``jid`` and every
    jurisdiction inside it (the plan index's cycle-safe walks)."""

    def __init__(
        self,
        jurisdictions: dict[str, Jurisdiction],
        command: CommandStructure | None,
        chain: Callable[[str], list[str]],
        within: Callable[[str], set[str]],
    ) -> None:
        self._chain = chain
        self._within = within
        self._order = {jid: i for i, jid in enumerate(jurisdictions)}
        self.covered_by: dict[str, list[str]] = {}
        for area in jurisdictions.values():
            for jid in dict.fromkeys(area.covers):
                self.covered_by.setdefault(jid, []).append(area.id)
        self.declared = bool(self.covered_by)
        """Whether the plan says, for any police area, what it covers."""
        silver = command.silver if command is not None else []
        bronze = command.bronze if command is not None else []
        self._silver = [(s.area, s.assignment) for s in silver]
        self._bronze = [(b.area, b.assignment) for b in bronze if b.type == "geographical"]
        self._functional = tuple(b.assignment for b in bronze if b.type == "functional")
        commanded = {a for a, _ in self._silver + self._bronze if a is not None}
        self._police = {
            j.id for j in jurisdictions.values() if j.kind in POLICE_AREA_KINDS or j.covers
        } | commanded

    def areas(self, jid: str, *, parts: bool = False) -> list[str]:
        """The police areas covering ``jid``, nearest first: a police area on its parent chain,
        one that covers a link of that chain, and the police areas above those. ``parts``: also
        those covering only a part of it (a county council split between BCUs)."""
        found: dict[str, None] = {}

        def add(area: str) -> None:
            found[area] = None
            for up in self._chain(area)[1:]:
                if up in self._police:
                    found[up] = None

        for link in self._chain(jid):
            if link in self._police:
                found[link] = None
            for area in self.covered_by.get(link, ()):
                add(area)
        if parts:
            inside = sorted(self._within(jid) - {jid}, key=lambda j: self._order.get(j, -1))
            for part in inside:
                for area in self.covered_by.get(part, ()):
                    add(area)
        return list(found)

    def of(self, jid: str, *, parts: bool = False) -> Cover:
        """Who polices ``jid`` (``parts``: also where it is covered only in part)."""
        areas = self.areas(jid, parts=parts)
        return Cover(
            tuple(areas),
            self._commanders(self._silver, areas),
            self._commanders(self._bronze, areas),
            self._functional,
        )

    def _commanders(
        self, commands: Iterable[tuple[str | None, str]], areas: list[str]
    ) -> tuple[str, ...]:
        """The commanders of the most specific covering areas: one whose area lies above
        another candidate's (a force-wide silver above the BCU silver) gives way; one without an
        area commands force-wide, when no area has its own."""
        commands = list(commands)
        candidates = [(a, r) for a, r in commands if a is not None and a in areas]
        above = {up for a, _ in candidates for up in self._chain(a)[1:]}
        chosen = [r for a, r in candidates if a not in above]
        if not chosen:
            chosen = [r for a, r in commands if a is None]
        return tuple(dict.fromkeys(chosen))
