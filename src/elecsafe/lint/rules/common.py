"""Small lookups shared by the rule families (all linear in the size of the plan)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from elecsafe.model.org import Organisation

if TYPE_CHECKING:
    from elecsafe.model.plan import Plan, PlanIndex

ELECTION_SECTORS = frozenset({"election_administration"})
ELECTION_KINDS = frozenset(
    {"election_office", "local_authority", "electoral_services", "state_election_office"}
)
LOCAL_AUTHORITY_KINDS = frozenset({"local_authority"})


def is_election_side(org: Organisation) -> bool:
    return org.sector in ELECTION_SECTORS or org.kind in ELECTION_KINDS


def org_of_party(index: PlanIndex, ref: str) -> Organisation | None:
    """The organisation behind a participant reference (an org, a role or a person id)."""
    if ref in index.organisations:
        return index.organisations[ref]
    role = index.roles.get(ref)
    if role is not None:
        return index.organisations.get(role.organisation)
    person = index.people.get(ref)
    if person is not None:
        return index.organisations.get(person.organisation)
    return None


def sides(index: PlanIndex, refs: Iterable[str]) -> tuple[bool, bool]:
    """Whether ``refs`` include an election-side party and a law-enforcement party."""
    election = police = False
    for ref in refs:
        org = org_of_party(index, ref)
        if org is None:
            continue
        election = election or is_election_side(org)
        police = police or org.is_law_enforcement
    return election, police


def ancestors(index: PlanIndex, org_id: str) -> list[str]:
    """``org_id`` and its parents, nearest first (:meth:`PlanIndex.organisation_chain`)."""
    return index.organisation_chain(org_id)


class JurisdictionTree:
    """The geography tree: which jurisdictions contain which (cycle-safe, memoised)."""

    def __init__(self, plan: Plan) -> None:
        self.index = plan.index()
        self._down: dict[str, set[str]] = {}

    def up(self, jid: str) -> list[str]:
        return self.index.jurisdiction_chain(jid)

    def down(self, jid: str) -> set[str]:
        if jid not in self._down:
            self._down[jid] = self.index.jurisdictions_within(jid)
        return self._down[jid]

    def related(self, jids: Iterable[str]) -> set[str]:
        """The jurisdictions that contain, or lie within, any of ``jids``."""
        out: set[str] = set()
        for jid in jids:
            out.update(self.up(jid))
            out |= self.down(jid)
        return out


def jurisdictions_in_scope(plan: Plan) -> set[str]:
    """Jurisdictions where a poll in the plan is held, with everything inside them."""
    index = plan.index()
    polled = {j for election in plan.elections for j in election.jurisdictions}
    scope: set[str] = set()
    for jid in polled:
        scope |= index.jurisdictions_within(jid)
    return {j for j in scope if j not in index.jurisdictions or index.jurisdictions[j].holds_poll}


def local_authorities_in_scope(plan: Plan) -> list[tuple[int, Organisation]]:
    """UK councils whose area holds a poll in the plan, with their position in the list: the
    councils of every area inside a polled one, and the councils each polled area belongs to
    (a county division: its district and the county council; model/geography.py)."""
    from elecsafe.model.geography import councils_of

    scope = jurisdictions_in_scope(plan)
    jurisdictions = plan.index().jurisdictions
    for jid in {j for election in plan.elections for j in election.jurisdictions}:
        scope.update(councils_of(jurisdictions, jid))
    return [
        (i, org)
        for i, org in enumerate(plan.organisations)
        if org.kind in LOCAL_AUTHORITY_KINDS and scope.intersection(org.jurisdictions)
    ]


def months_before(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later`` (negative if ``earlier`` is later)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return months


def listing(items: Iterable[str]) -> str:
    return ", ".join(items)
