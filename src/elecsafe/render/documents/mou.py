"""Memorandum of understanding: its sections in order, and the parties' roles for its area."""

from __future__ import annotations

from typing import Any

from elecsafe.model.agreements import MOU_SECTIONS
from elecsafe.render.documents.sources import Sources, items
from elecsafe.render.filters import humanize
from elecsafe.render.redact import Record, Withheld


def build(src: Sources, mou: Any) -> dict[str, Any]:
    sections: list[dict[str, Any]] = []
    written = mou.sections if isinstance(mou, Record) else {}
    keys = [k for k in MOU_SECTIONS if k in written] + [k for k in written if k not in MOU_SECTIONS]
    for key in keys:
        sections.append(
            {"key": key, "title": MOU_SECTIONS.get(key) or humanize(key), "text": written[key]}
        )
    missing = [title for key, title in MOU_SECTIONS.items() if key not in written]
    return {
        "mou": mou,
        "sections": sections,
        "missing_sections": missing if isinstance(mou, Record) else [],
        "party_roles": _party_roles(src, mou) if isinstance(mou, Record) else [],
    }


def _party_roles(src: Sources, mou: Record) -> list[Record]:
    """The parties' roles, less those scoped only to another area's polls.

    A neighbourhood inspector or delegated SPOC for another council does not belong in this
    council's MoU. Roles without an area, or scoped to an area that holds no poll (a BCU),
    stay: the plan does not say which council they serve.
    """
    party_orgs = {p.org for p in items(mou.parties)}
    roles = [
        r for r in items(src.view.roles) if isinstance(r, Record) and r.organisation in party_orgs
    ]
    parents = {j.id: j.parent for j in items(src.view.jurisdictions) if isinstance(j, Record)}
    elections = src.lookups.elections
    if isinstance(elections, Withheld):
        return roles
    index = src.plan.index()

    def ancestors(jid: str) -> set[str]:
        return set(index.jurisdiction_chain(jid)[1:])

    def area_of(election_ids: Any) -> set[str]:
        return {
            j
            for eid in election_ids
            if isinstance(elections.get(eid), Record)
            for j in elections[eid].jurisdictions
        }

    area = area_of(items(mou.scope.elections))
    if not area:
        return roles
    polls = area_of(elections)
    electoral = polls | {j for j in parents if ancestors(j) & polls}
    related = area | {a for j in area for a in ancestors(j)}
    related |= {j for j in parents if ancestors(j) & area}

    def elsewhere(role: Record) -> bool:
        scope = role.scope
        places = items(scope.jurisdictions) if isinstance(scope, Record) else []
        return bool(places) and all(j in electoral and j not in related for j in places)

    return [r for r in roles if not elsewhere(r)]
