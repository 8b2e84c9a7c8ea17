"""SPOC–ESM checklist (UK): the topics the force election SPOC and each local authority's
electoral services manager settle together, one list per local authority with its own dates.

APP: "The force election SPOC and the ESM should have a plan for dealing with electoral
malpractice" — with each council, as the MoU is. A topic's date is that council's own meeting
where the plan has one (its candidates' briefing, its post-election review), else its first
SPOC–ESM meeting. A topic verified by a rule is ticked only when the run's check reports no
finding of that rule about this council (or about the plan as a whole).
"""

from __future__ import annotations

from typing import Any

from elecsafe.model.timetable import SPOC_ESM_TOPICS
from elecsafe.render.documents.checklist import Check, Line, Section
from elecsafe.render.documents.sources import Sources, items
from elecsafe.render.redact import Record, is_withheld

# A topic settled at a meeting of its own kind, when the council has one.
TOPIC_MEETINGS = {
    "MTG010": ("candidates_agents_briefing",),
    "MTG011": ("joint_post_election_review",),
}
FIRST_MEETINGS = ("spoc_esm", "introductory", "joint_agency_working_group")


def build(src: Sources, _: None = None) -> dict[str, Any]:
    meetings = [
        m
        for m in items(src.view.timetable.meetings)
        if isinstance(m, Record) and m.meeting_type == "spoc_esm"
    ]
    sections = [_council(src, esm) for esm in _managers(src)]
    if not sections:  # no ESM in this edition: one list for the force, as before
        due = src.timeline.due(meetings[0].id) if meetings else None
        owner = "Force election SPOC and ESM"
        lines = [Line(text, False, due, owner, rule) for text, rule in SPOC_ESM_TOPICS]
        sections = [Section("All local authorities", lines)]
    return {"sections": sections, "meetings": meetings}


def _managers(src: Sources) -> list[Record]:
    return [
        r
        for r in items(src.view.roles)
        if isinstance(r, Record) and r.role == "electoral_services_manager" and r.organisation
    ]


def _council(src: Sources, esm: Record) -> Section:
    org = src.lookups.org(esm.organisation)
    area: set[str] = set()
    if isinstance(org, Record):
        area = {str(j) for j in items(org.jurisdictions)}
    spoc = _spoc_for(src, area)
    owner = f"{src.lookups.role_label(spoc)} and {src.lookups.role_label(esm.id)}"
    holder = src.lookups.role_holder(esm.id)
    if holder and not is_withheld(holder):
        owner += f" ({holder})"
    dated = src.sorted_by_due(
        [
            m
            for m in items(src.view.timetable.meetings)
            if isinstance(m, Record) and esm.id in items(m.participants)
        ]
    )
    first = next((due for m, due in dated if m.meeting_type in FIRST_MEETINGS), None)
    lines = []
    for text, rule in SPOC_ESM_TOPICS:
        kinds = TOPIC_MEETINGS.get(rule, ())
        due = next((d for m, d in dated if m.meeting_type in kinds), None) or first
        done: bool | None = False
        note = None
        if rule:
            done = _verdict(src, rule, esm.organisation, area)
            if done is None:
                note = f"not checked in this run: {rule} is not enabled"
        lines.append(Line(text, done, due, owner, rule, note))
    name = src.lookups.org_name(esm.organisation)
    return Section(str(name), lines)


def _spoc_for(src: Sources, area: set[str]) -> str:
    """The delegated SPOC for the council's area if there is one, else the force SPOC."""
    roles = [r for r in items(src.view.roles) if isinstance(r, Record)]
    for role in roles:
        scope = role.scope
        places = set(items(scope.jurisdictions)) if isinstance(scope, Record) else set()
        if role.role == "delegated_la_spoc" and places & area:
            return str(role.id)
    force = next((r for r in roles if r.role == "force_election_spoc"), None)
    return str(force.id) if force is not None else "Force election SPOC"


def _verdict(src: Sources, rule: str, org: str, area: set[str]) -> bool | None:
    """Open while a finding of ``rule`` is about this council's sites or roles, or about no
    site or role in particular; findings about another council do not hold it open."""
    verdicts = src.verdicts
    check = Check(rule, (rule,))
    if verdicts.done(check) is None:
        return None
    index = src.plan.index()
    for finding in verdicts.findings(check):
        path = finding.path
        if len(path) > 1 and path[0] == "sites" and isinstance(path[1], int):
            site = src.plan.sites[path[1]] if path[1] < len(src.plan.sites) else None
            chain = set(index.jurisdiction_chain(site.jurisdiction)) if site else set()
            if site is not None and not chain & area:
                continue
        elif len(path) > 1 and path[0] == "roles" and isinstance(path[1], int):
            role = src.plan.roles[path[1]] if path[1] < len(src.plan.roles) else None
            if role is not None and role.organisation != org:
                continue
        return False
    return True
