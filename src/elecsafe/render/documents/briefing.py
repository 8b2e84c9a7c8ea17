"""Officer and staff briefing pack: the election-day picture, assignments, observer rules."""

from __future__ import annotations

from typing import Any

from elecsafe.model.agreements import MAA_TOPICS
from elecsafe.render.documents import checklist_election_day
from elecsafe.render.documents.sources import Sources, items
from elecsafe.render.redact import Record
from elecsafe.render.vocabulary import words


def build(src: Sources, _: None = None) -> dict[str, Any]:
    election_day = checklist_election_day.build(src)
    presence = src.presence_windows()
    return {
        "assigned_sites": election_day["sites"],
        "presence": presence,
        # a copy's own sites: their assignments row points to the presence it staffs
        "staffed_sites": {row.site.id for row in presence},
        "observers": _observers(src),
        "mutual_aid_restrictions": _restrictions(src),
        "intelligence": _intelligence(src),
        "bronze_of": _bronze_of(election_day["gsb"]),
        **election_day,
    }


def _bronze_of(gsb: Any) -> dict[str, Any]:
    """Each council's geographical bronze (the heading of its assignments), as the election-day
    checklist groups the sites: one answer, from the model's police-area coverage."""
    if not isinstance(gsb, Record):
        return {}
    return {group.name: bronze.role for bronze in gsb.bronzes for group in items(bronze.groups)}


def _intelligence(src: Sources) -> Record | None:
    """Who officers and staff tell about intelligence and community tension: the functional
    bronzes for intelligence and community (APP), else the plan's intelligence officers; the
    force election SPOC, who analyses and disseminates it; the community engagement
    strategies by area. None when the edition may not see the reporting arrangements."""
    reporting = src.view.threat_reporting
    if not isinstance(reporting, Record):
        return None
    command = src.view.command
    bronzes = items(command.bronze) if isinstance(command, Record) else []
    to = [b.assignment for b in bronzes if b.function == "intelligence"]
    community = [b.assignment for b in bronzes if b.function == "community"]
    roles = [r for r in items(src.view.roles) if isinstance(r, Record)]
    if not to:
        to = [r.id for r in roles if r.role == "intelligence_officer"]
    spoc = next((r.id for r in roles if r.role == "force_election_spoc"), None)
    comms = src.view.communications
    strategies = []
    if isinstance(comms, Record):
        for engagement in items(comms.community_engagement):
            strategies.append(
                Record(
                    {
                        "area": src.lookups.jurisdiction_name(engagement.area),
                        "strategy": engagement.strategy_doc,
                        "impact_assessment": engagement.community_impact_assessment,
                    }
                )
            )
    return Record(
        {
            "to": to,
            "community": community,
            "spoc": spoc,
            "triage": list(items(reporting.triage_path)),
            "strategies": strategies,
        }
    )


def _restrictions(src: Sources) -> list[Record]:
    """Each mutual aid agreement's key restrictions, topic by topic, for the editions that may
    read the agreement (partners and up)."""
    out = []
    for maa in items(src.view.mutual_aid):
        if not isinstance(maa, Record) or not isinstance(maa.topics, Record):
            continue
        topics = []
        for key, title in MAA_TOPICS.items():
            topic = getattr(maa.topics, key)
            if isinstance(topic, Record) and topic.key_restriction:
                topics.append(
                    Record(
                        {
                            "title": words(title, src.plan.country),
                            "restriction": topic.key_restriction,
                        }
                    )
                )
        if topics:
            out.append(Record({"title": maa.title, "topics": topics}))
    return out


def _observers(src: Sources) -> list[Record]:
    """Observer rules, once per distinct set, with the elections they apply to."""
    groups: list[tuple[Any, Any, list[Any]]] = []  # (model, view, election names)
    for raw, election in zip(src.plan.elections, items(src.view.elections), strict=False):
        if raw.observers is None or not isinstance(election.observers, Record):
            continue
        same = next((g for g in groups if g[0] == raw.observers), None)
        if same is None:
            groups.append((raw.observers, election.observers, [election.name]))
        else:
            same[2].append(election.name)
    return [Record({"rules": view, "elections": names}) for _, view, names in groups]
