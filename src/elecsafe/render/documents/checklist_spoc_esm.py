"""SPOC–ESM checklist (UK): the topics for the force election SPOC and the ESM."""

from __future__ import annotations

from typing import Any

from elecsafe.model.timetable import SPOC_ESM_TOPICS
from elecsafe.render.documents.checklist import Line
from elecsafe.render.documents.sources import Sources, items
from elecsafe.render.redact import Record


def build(src: Sources, _: None = None) -> dict[str, Any]:
    meetings = [
        m
        for m in items(src.view.timetable.meetings)
        if isinstance(m, Record) and m.meeting_type == "spoc_esm"
    ]
    due = src.timeline.due(meetings[0].id) if meetings else None
    owner = "Force election SPOC and ESM"
    lines = [Line(text, False, due, owner, rule) for text, rule in SPOC_ESM_TOPICS]
    return {"lines": lines, "meetings": meetings}
