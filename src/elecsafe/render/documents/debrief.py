"""Post-election debrief: the APP considerations, lessons with their actions, incident counts."""

from __future__ import annotations

from typing import Any

from elecsafe.model.learning import DEBRIEF_CONSIDERATIONS, US_DEBRIEF_TITLES
from elecsafe.render.documents.incidents import incident_counts
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
        **incident_counts(src),
    }
