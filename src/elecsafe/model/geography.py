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
    seen: set[str] = set()
    current: Jurisdiction | None = start
    while current is not None and current.id not in seen:
        seen.add(current.id)
        if current.kind in COUNCIL_KINDS:
            if not found:
                found.append(current.id)
                if not two_tier or current.kind == "county_council":
                    break
            elif current.kind == "county_council":
                found.append(current.id)
                break
        current = jurisdictions.get(current.parent) if current.parent else None
    return found
