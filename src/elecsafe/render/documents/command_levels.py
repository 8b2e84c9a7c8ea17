"""The election day by command level: gold, each silver with its area, the force-wide functional
bronzes and each geographical bronze with the sites it covers (UK), or the ICS blocks (US).

Which silver and bronze cover a site comes from the model (:meth:`PlanIndex.site_cover`), one
answer for every document; what the audience may read comes from the redacted view. An
edition that may not see the command structure gets none of it (the box names it withheld),
and its sites are listed by area alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from elecsafe.model.roles import BRONZE_FUNCTION_LABELS, ICS_LEVELS, ICS_POSITION_LABELS
from elecsafe.render.documents.sources import Sources, items
from elecsafe.render.redact import Record, Withheld, is_withheld

# ICS blocks in the order of an ICS 207 chart.
ICS_BLOCKS = (
    "Command",
    "Command staff",
    "General staff",
    "Operations section",
    "Logistics section",
)


def _lines(src: Sources, role_id: Any) -> list[Any]:
    """The role's responsibilities in the plan: the commander's own checklist lines."""
    role = src.lookups.role(role_id)
    if role is None or isinstance(role, Withheld):
        return []
    return items(role.responsibilities)


def _names(src: Sources, jids: list[str]) -> list[Any]:
    return [src.lookups.jurisdiction_name(j) for j in jids]


def gsb(
    src: Sources,
    sites: list[Record],
    site_row: Callable[[Record], Record],
    area_of: Callable[[Any], Any],
) -> Any:
    """Gold, silvers, bronzes and the ``sites`` of each geographical bronze; ``site_row`` makes
    a site's table row, ``area_of`` the area (council) a site is listed under. None when the
    plan has no gold/silver/bronze; the withheld marker when this edition may not see it."""
    model = src.plan.command
    if model is None or not (model.gold or model.silver or model.bronze):
        return None  # nothing to withhold either (the transport table's rule)
    command = src.view.command
    if is_withheld(command):
        return command
    index = src.plan.index()
    jurisdictions = index.jurisdictions
    covers = {j.id: list(j.covers) for j in jurisdictions.values()}
    communications = src.view.communications
    engagement: dict[Any, Any] = {}
    calls: dict[Any, list[Any]] = {}
    if isinstance(communications, Record):
        for row in items(communications.community_engagement):
            engagement.setdefault(row.area, row.strategy_doc)
        for edge in items(communications.call_tree):
            calls.setdefault(edge.from_, []).extend(items(edge.to))

    gold = None
    if isinstance(command.gold, Record):
        gold = Record(
            {
                "role": command.gold.assignment,
                "strategy": command.gold.strategy_doc,
                "decision_model": command.decision_model,
                "separation": command.investigation_separation,
                "lines": _lines(src, command.gold.assignment),
            }
        )
    silvers = [
        Record(
            {
                "role": s.assignment,
                "area": src.lookups.jurisdiction_name(s.area) if s.area else None,
                "covers": _names(src, covers.get(s.area, [])) if s.area else [],
                "engagement": engagement.get(s.area) if s.area else None,
                "calls": calls.get(s.assignment, []),
                "lines": _lines(src, s.assignment),
            }
        )
        for s in items(command.silver)
    ]
    functional = [
        Record(
            {
                "role": b.assignment,
                "function": b.function_other
                if b.function == "other" and b.function_other
                else BRONZE_FUNCTION_LABELS.get(b.function, b.function),
                "lines": _lines(src, b.assignment),
            }
        )
        for b in items(command.bronze)
        if b.type == "functional"
    ]
    geographical = [b for b in items(command.bronze) if b.type == "geographical"]

    # every site under its geographical bronze, or under the heading of those without one
    by_bronze: dict[Any, dict[str, list[Record]]] = {b.assignment: {} for b in geographical}
    unlinked: dict[tuple[str, str], list[Record]] = {}
    for site in sites:
        cover = index.site_cover(site.id)
        bronze = cover.the_bronze if cover is not None else None
        area = str(src.lookups.jurisdiction_name(area_of(site.jurisdiction)))
        if bronze in by_bronze:
            by_bronze[bronze].setdefault(area, []).append(site_row(site))
            continue
        in_parts = index.cover(site.jurisdiction, parts=True).bronze
        key = (area, _why_unlinked(src, cover.bronze if cover and cover.bronze else in_parts))
        unlinked.setdefault(key, []).append(site_row(site))
    bronzes = [
        Record(
            {
                "role": b.assignment,
                "area": src.lookups.jurisdiction_name(b.area) if b.area else None,
                "covers": _names(src, covers.get(b.area, [])) if b.area else [],
                "lines": _lines(src, b.assignment),
                "groups": [
                    Record({"name": name, "sites": rows})
                    for name, rows in sorted(by_bronze[b.assignment].items())
                ],
            }
        )
        for b in geographical
    ]
    return Record(
        {
            "gold": gold,
            "silvers": silvers,
            "functional": functional,
            "not_required": items(command.not_required),
            "representatives": items(command.agency_representatives)
            if command.framework == "gsb" and not items(command.ics)
            else [],
            "bronzes": bronzes,
            "has_geographical": bool(geographical),
            "unlinked": [
                Record({"name": name, "why": why, "sites": rows})
                for (name, why), rows in sorted(unlinked.items())
            ],
        }
    )


def _why_unlinked(src: Sources, bronzes: tuple[str, ...]) -> str:
    if not bronzes:
        return "No police area with a geographical bronze covers it"
    names = [str(src.lookups.role_name(b)) for b in bronzes]
    return "Covered in parts by " + "; ".join(names) + ": the plan does not say which"


def ics(src: Sources) -> Any:
    """The ICS positions by block (command, command staff, general staff, units), each with
    its responsibilities in the plan, and the agency representatives."""
    model = src.plan.command
    if model is None or not (model.ics or model.agency_representatives):
        return None
    if model.framework == "gsb" and not model.ics:
        return None  # gold/silver/bronze lists its agency representatives itself
    command = src.view.command
    if is_withheld(command):
        return command
    positions = [p for p in items(command.ics) if isinstance(p, Record)]
    reps = [r for r in items(command.agency_representatives) if isinstance(r, str)]
    if not positions and not reps:
        return None
    blocks: dict[str, list[Record]] = {}
    for p in positions:
        if ICS_LEVELS.get(p.position) not in ICS_BLOCKS:
            continue
        blocks.setdefault(ICS_LEVELS.get(p.position, "Command"), []).append(
            Record(
                {
                    "position": ICS_POSITION_LABELS.get(p.position, p.position),
                    "role": p.assignment,
                    "lines": _lines(src, p.assignment),
                }
            )
        )
    # agency representatives: the ICS seats, then the agencies' own (one table, each once)
    seats = [p.assignment for p in positions if ICS_LEVELS.get(p.position) not in ICS_BLOCKS]
    seated = {p.assignment for p in positions} - set(seats)
    return Record(
        {
            "blocks": [
                Record({"name": name, "positions": blocks[name]})
                for name in ICS_BLOCKS
                if name in blocks
            ],
            "representatives": [r for r in dict.fromkeys(seats + reps) if r not in seated],
        }
    )
