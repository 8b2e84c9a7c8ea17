"""Memorandum of understanding: its sections in order, the parties' roles for its area, and
what the plan already says about their joint working (meetings and their cadence, training and
exercises, the joint post-election review, the law it rests on)."""

from __future__ import annotations

from typing import Any

from elecsafe.model.agreements import MOU_SECTIONS
from elecsafe.render.documents.sources import Sources, items
from elecsafe.render.filters import humanize, label
from elecsafe.render.redact import Record, Withheld, is_withheld
from elecsafe.render.timeline import Due, Dues
from elecsafe.render.vocabulary import words

# Meetings that review the election after the poll (APP: "A joint meeting between the police and
# local authority should be held following the election"; the US roadmap's after-action review).
REVIEW_MEETINGS = ("joint_post_election_review",)


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
        "police_areas": _police_areas(src, mou) if isinstance(mou, Record) else [],
        **(_joint_working(src, mou) if isinstance(mou, Record) else _NO_JOINT_WORKING),
    }


_NO_JOINT_WORKING: dict[str, Any] = {
    "meetings": [],
    "trainings": [],
    "review_meeting": None,
    "legal_refs": [],
}


def _joint_working(src: Sources, mou: Record) -> dict[str, Any]:
    """The timetable entries that bring two or more of the parties together, and the laws the
    plan relies on in the parties' area: one source (the plan), so the memorandum never
    disagrees with the timetable."""
    parties = {p.org for p in items(mou.parties)}
    role_orgs = {r.id: r.organisation for r in items(src.view.roles) if isinstance(r, Record)}
    person_orgs = {
        p.id: p.organisation
        for p in items(src.view.people)
        if isinstance(p, Record) and not is_withheld(p.organisation)
    }

    def orgs_of(entry: Record) -> set[str]:
        refs = [
            *items(entry.participants),
            entry.owner,
            *items(getattr(entry, "participating_orgs", None)),
        ]
        refs.append(getattr(entry, "provider", None))
        out = set()
        for ref in refs:
            if ref is None or is_withheld(ref):
                continue
            out.add(role_orgs.get(ref) or person_orgs.get(ref) or ref)
        return out & parties

    visible, _ = src.timetable()
    joint = [e for e in visible if len(orgs_of(e)) >= 2]
    meetings, trainings = [], []
    review = None
    for entry, due in src.sorted_by_due(joint):
        if entry.status in ("cancelled", "dropped"):
            continue
        kind = getattr(entry, "meeting_type", None)
        row = {"title": entry.title, "due": due, "cadence": _cadence(src, entry)}
        if kind is not None:
            row["kind"] = label(kind, "meeting_type")
            row["next"] = _next_meeting(src, entry.next_meeting)
            meetings.append(row)
            if kind in REVIEW_MEETINGS and review is None:
                review = row
        elif getattr(entry, "exercise_type", None) is not None:
            row["kind"] = label(entry.exercise_type, "exercise_type")
            trainings.append(row)
        elif getattr(entry, "topics", None) is not None:
            row["kind"] = "Training"
            trainings.append(row)
    return {
        "meetings": meetings,
        "trainings": trainings,
        "review_meeting": review,
        "legal_refs": _legal_refs(src, mou),
    }


def _cadence(src: Sources, entry: Record) -> str:
    """ "fortnightly, 4 times", "weekly until 5 May 2027", or "" for a single meeting."""
    recurrence = getattr(entry, "recurrence", None)
    if not isinstance(recurrence, Record):
        return ""
    text = str(recurrence.frequency)
    if recurrence.count:
        text = f"{text}, {recurrence.count} times"
    else:
        until = Dues.written(recurrence.until)
        if until is not None and until.day is not None:
            text = f"{text} until {src.date(until.day)}"
    return words(text, src.plan.country)


def _next_meeting(src: Sources, ref: Any) -> str:
    """The next meeting as the reader needs it: its title and date."""
    if ref is None or is_withheld(ref):
        return ""
    title = src.timeline.title(str(ref))
    if title is None:
        return str(src.date(ref)) if not isinstance(ref, str) else ""
    due = src.timeline.due(str(ref))
    when = src.date(due.day) if isinstance(due, Due) and due.day else ""
    return f"{title} ({when})" if when else title


def _legal_refs(src: Sources, mou: Record) -> list[Record]:
    """The plan's laws that apply everywhere or in the area of one of the parties."""
    index = src.plan.index()
    area: set[str] = set()
    for party in items(mou.parties):
        org = src.lookups.org(party.org)
        if isinstance(org, Record):
            for jid in items(org.jurisdictions):
                area.update(index.jurisdiction_chain(jid))
    refs = [r for r in items(src.view.legal_refs) if isinstance(r, Record)]
    return [r for r in refs if not r.jurisdiction or r.jurisdiction in area]


def _poll_areas(src: Sources, election_ids: Any) -> set[str]:
    """The jurisdictions of the polls ``election_ids`` that this edition may see."""
    elections = src.lookups.elections
    if isinstance(elections, Withheld):
        return set()
    return {
        j
        for eid in election_ids
        if isinstance(elections.get(eid), Record)
        for j in elections[eid].jurisdictions
    }


def _covering(src: Sources, area: set[str]) -> set[str]:
    """The police areas covering the polls of ``area``, wholly or in part."""
    index = src.plan.index()
    return {a for j in area for a in index.cover(j, parts=True).areas}


def _police_areas(src: Sources, mou: Record) -> list[Any]:
    """Names of the police areas (BCUs) whose coverage the plan declares and that cover the
    agreement's polls, in plan order: whose commanders the contacts table lists."""
    covering = _covering(src, _poll_areas(src, items(mou.scope.elections)))
    return [
        src.lookups.jurisdiction_name(j.id)
        for j in src.plan.jurisdictions
        if j.covers and j.id in covering
    ]


def _party_roles(src: Sources, mou: Record) -> list[Record]:
    """The parties' roles for the agreement's area: force-wide roles, and roles scoped to that
    area or to a police area that covers it; never another area's commanders or contacts.

    A role's places are its scope's areas and, for a commander, the area it commands. It is
    left out when every place is another council's poll area, or a police area whose coverage
    the plan declares and which covers none of the agreement's polls (PlanIndex.cover, the one
    answer to who polices where). A police area whose coverage the plan does not say stays:
    the plan does not say which council it serves.
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

    area = _poll_areas(src, items(mou.scope.elections))
    if not area:
        return roles
    polls = _poll_areas(src, elections)
    electoral = polls | {j for j in parents if ancestors(j) & polls}
    related = area | {a for j in area for a in ancestors(j)}
    related |= {j for j in parents if ancestors(j) & area}
    covering = _covering(src, area)
    declared = {j.id for j in index.jurisdictions.values() if j.covers}
    commands = src.plan.command.commanded_areas() if src.plan.command else {}

    def elsewhere(role: Record) -> bool:
        scope = role.scope
        places = set(items(scope.jurisdictions)) if isinstance(scope, Record) else set()
        places |= commands.get(str(role.id), set())
        if not places or places & (related | covering):
            return False
        return all(j in electoral or j in declared for j in places)

    return [r for r in roles if not elsewhere(r)]
