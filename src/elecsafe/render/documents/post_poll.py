"""The post-poll programme: THE list the pre-election checklist and the debrief both use.

UK: the APP recommended timetable's post-poll events ("Electoral Commission debrief meeting,
June/July; archive enquiry information and complete intelligence dissemination, August; gold
group debrief, September"), with the joint police and local authority review APP asks for after
every election. US: the joint after-action review with law enforcement. Each step is held by a
timetable entry after polling day, found by its meeting kind or by a word of its title; a step
no entry holds is reported as missing (or unknown, in an edition that does not see every entry).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from elecsafe.render.documents.sources import Sources
from elecsafe.render.redact import Record


@dataclass(frozen=True)
class Step:
    text: str  # what the guidance asks for, with its month where it gives one
    meeting_type: str = ""  # the meeting kind that holds the step ("": found by ``word``)
    word: str = ""  # a word of the title of the entry that holds it (lower case)

    @property
    def rule(self) -> str:
        """The rule that verifies the meeting (MTG011), none for a step found by its title."""
        return "MTG011" if self.meeting_type else ""

    def held_by(self, item: Record) -> bool:
        if self.meeting_type:
            return getattr(item, "meeting_type", None) == self.meeting_type
        return self.word in str(item.title).lower()


PROGRAMME: dict[str, tuple[Step, ...]] = {
    "GB": (
        Step("Joint police and local authority post-election review", "joint_post_election_review"),
        Step("Electoral Commission debrief meeting (June/July)", "ec_debrief"),
        Step("Archive enquiry information and complete intelligence dissemination (August)", word="archive"),
        Step("Gold group debrief (September)", "gold_debrief"),
    ),
    "US": (Step("Joint after-action review with law enforcement", "joint_post_election_review"),),
}  # fmt: skip


@dataclass(frozen=True)
class Held:
    """A step of the programme and the timetable entry that holds it, with its due (None: no
    entry)."""

    step: Step
    item: Record | None
    due: Any = None


def after_poll(src: Sources) -> tuple[list[tuple[Record, Any]], bool]:
    """Timetable entries this edition sees dated after polling day, with their dues, in date
    order; and whether the edition misses some entries (then a step may be held unseen)."""
    visible, hidden = src.timetable()
    poll: date | None = src.timeline.poll_date
    after = [
        (item, due)
        for item, due in src.sorted_by_due(visible)
        if poll and due and due.day and due.day > poll
    ]
    return after, bool(hidden)


def programme(src: Sources, after: list[tuple[Record, Any]] | None = None) -> list[Held]:
    """Each step of the plan's country's programme with the entry after polling day that
    holds it (the first, in date order)."""
    entries = after if after is not None else after_poll(src)[0]
    return [
        Held(
            step, *next(((item, due) for item, due in entries if step.held_by(item)), (None, None))
        )
        for step in PROGRAMME["US" if src.plan.country == "US" else "GB"]
    ]


__all__ = ["PROGRAMME", "Held", "Step", "after_poll", "programme"]
