"""Post-election debrief: the APP considerations, lessons with their actions, incident counts."""

from __future__ import annotations

from typing import Any

from elecsafe.model.learning import DEBRIEF_CONSIDERATIONS, US_DEBRIEF_TITLES
from elecsafe.render.documents.checklist import status_done
from elecsafe.render.documents.incidents import incident_counts
from elecsafe.render.documents.post_poll import after_poll, programme
from elecsafe.render.documents.sources import Sources, items
from elecsafe.render.redact import Record
from elecsafe.render.vocabulary import words


def build(src: Sources, _: None = None) -> dict[str, Any]:
    debrief = src.view.debrief
    written = debrief.considerations if isinstance(debrief, Record) else {}
    # the APP wording; a US plan gets it in the words of a US election office
    titles = DEBRIEF_CONSIDERATIONS | (US_DEBRIEF_TITLES if src.plan.country == "US" else {})
    considerations = [
        {
            "key": key,
            "title": words(titles[key], src.plan.country),
            "text": written.get(key) if isinstance(written, dict) else written,
        }
        for key in DEBRIEF_CONSIDERATIONS
    ]
    lessons = []
    if isinstance(debrief, Record):
        for lesson in items(debrief.lessons):
            action = lesson.action
            title = src.timeline.title(action) if action else None
            lessons.append(
                {
                    "text": lesson.text,
                    # an entry this audience may not see is neither named nor dated
                    "action": title,
                    "due": src.timeline.due(action) if title else None,
                }
            )
    return {
        "debrief": debrief,
        "considerations": considerations,
        "lessons": lessons,
        "programme": _programme(src),
        **incident_counts(src),
    }


def _programme(src: Sources) -> list[Record]:
    """The post-poll programme (the Electoral Commission and gold debriefs; the US after-action
    review) with the timetable entry that holds each step: its title, date, owner and whether
    it is done. The same steps as the pre-election checklist's "After polling day"."""
    after, hidden = after_poll(src)
    rows = []
    for held in programme(src, after):
        item = held.item
        rows.append(
            Record(
                {
                    "step": held.step.text,
                    "entry": item.title if item is not None else None,
                    "due": held.due,
                    "owner": src.owner(item.owner) if item is not None else None,
                    "done": status_done(item.status) if item is not None else None,
                    # no entry: missing from the plan, or only from this edition
                    "missing": "not in this edition's timetable"
                    if hidden
                    else "not in the plan's timetable yet",
                }
            )
        )
    return rows
