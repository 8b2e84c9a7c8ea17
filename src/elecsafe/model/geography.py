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

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from elecsafe.model.org import Jurisdiction

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
