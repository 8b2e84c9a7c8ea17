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
    return {
        "assigned_sites": election_day["sites"],
        "presence": src.presence_windows(),
        "observers": _observers(src),
        "mutual_aid_restrictions": _restrictions(src),
        **election_day,
    }


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
