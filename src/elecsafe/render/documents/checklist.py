"""The pieces every checklist is made of: lines, sections, and a line per timetable entry.

A line a rule verifies is a :class:`Check`: its text, the rule code(s) and the key path it is
about. It is ticked when the settled findings of the same lint run (``elecsafe check`` with
the plan's configuration, waivers and suppressions) hold no finding of those codes at or
under that path, open when they do, and unknown ("–") when none of its rules ran or the
audience may not see what it is about. Render never re-implements a rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from elecsafe.findings import Finding, KeyPath
from elecsafe.model.timetable import statutory_duty
from elecsafe.render.documents.sources import Sources
from elecsafe.render.markdown import MdSafe
from elecsafe.render.redact import Record, Withheld, is_withheld
from elecsafe.render.timeline import Due

if TYPE_CHECKING:
    from elecsafe.lint.runner import LintResult


@dataclass
class Line:
    """One checklist line: ``done`` is True/False, or None when unknown or withheld."""

    text: str
    done: bool | None = False
    due: Due | None = None
    owner: Any = None
    rule: str = ""
    note: Any = None

    @property
    def box(self) -> MdSafe:
        return MdSafe({True: "☑", False: "☐", None: "–"}[self.done])


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)
    intro: str = ""


@dataclass(frozen=True)
class Check:
    """A checklist line verified by rules: open while a finding of ``codes`` lies at or under
    ``scope``. ``about``: the part of the plan the audience must see for the line to show a
    tick (default: ``scope``)."""

    text: str
    codes: tuple[str, ...]
    scope: KeyPath = ()
    about: tuple[str | int, ...] | None = None


class Verdicts:
    """The settled findings of one lint run, by code, for ticking checklist lines."""

    def __init__(self, result: LintResult) -> None:
        self.result = result
        self.ran = set(result.rules_run)
        self.by_code: dict[str, list[Finding]] = {}
        for finding in result.findings:
            self.by_code.setdefault(finding.code, []).append(finding)

    def findings(self, check: Check) -> list[Finding]:
        size = len(check.scope)
        return [
            f
            for code in check.codes
            for f in self.by_code.get(code, ())
            if f.path[:size] == check.scope
        ]

    def done(self, check: Check) -> bool | None:
        if not self.ran.intersection(check.codes):
            return None  # not checked in this run (rule not enabled, or not for this country)
        return not self.findings(check)

    def line(self, src: Sources, check: Check, note: Any = None, **extra: Any) -> Line:
        hidden = withheld_at(src.view, check.scope if check.about is None else check.about)
        rule = ", ".join(check.codes)
        if hidden is not None:
            return Line(check.text, None, rule=rule, note=hidden, **extra)
        done = self.done(check)
        if done is None and note is None:
            note = f"not checked in this run: {rule} is not enabled"
        return Line(check.text, done, rule=rule, note=note, **extra)

    def entities(self, check: Check, group: str) -> list[int]:
        """Positions in ``group`` (``sites``, ``roles``) that the line's findings point at."""
        return sorted(
            {
                f.path[1]
                for f in self.findings(check)
                if len(f.path) > 1 and f.path[0] == group and isinstance(f.path[1], int)
            }
        )


def withheld_at(view: Any, path: Sequence[str | int]) -> Withheld | None:
    """The withheld marker on the way to ``path`` in the audience's view, if any. A ``"*"``
    step stands for every element of a list (``("people", "*", "mobile_exchanged_with")``)."""
    node: Any = view
    for step, part in enumerate(path):
        if isinstance(node, Withheld):
            return node
        if part == "*":
            elements = node if isinstance(node, list) else []
            rest = path[step + 1 :]
            return next(
                (m for m in (withheld_at(e, rest) for e in elements) if m is not None), None
            )
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            node = getattr(node, part, None) if isinstance(node, Record) else None
        if node is None:
            return None
    return node if isinstance(node, Withheld) else None


# Which lint rule verifies a timetable entry of each kind (domain.md §2.4-2.5).
MEETING_RULES = {
    "introductory": "MTG003",
    "gold_group": "MTG005",
    "joint_agency_working_group": "MTG005",
    "candidates_agents_briefing": "MTG010",
    "joint_post_election_review": "MTG011",
    "ec_debrief": "MTG011",
    "gold_debrief": "MTG011",
}
TRAINING_RULE, EXERCISE_RULE, STATUTORY_RULE = "MTG007", "MTG008", "TT002"


def item_line(src: Sources, item: Record, due: Due | None) -> Line:
    rule = ""
    if getattr(item, "statutory", None) or getattr(item, "kind", None) == "statutory_deadline":
        rule = STATUTORY_RULE
    elif hasattr(item, "meeting_type"):
        rule = MEETING_RULES.get(item.meeting_type, "MTG001")
    elif hasattr(item, "topics") and hasattr(item, "audience"):
        rule = TRAINING_RULE
    elif hasattr(item, "exercise_type"):
        rule = EXERCISE_RULE
    if rule == STATUTORY_RULE:
        owner, note = statutory_owner(src, item)
        return Line(str(item.title), status_done(item.status), due, owner, rule, note=note)
    return Line(str(item.title), status_done(item.status), due, src.owner(item.owner), rule)


def statutory_owner(src: Sources, item: Record) -> tuple[Any, Any]:
    """(owner, note) of a statutory date: the election office that holds the duty
    (:func:`~elecsafe.model.timetable.statutory_duty`), never the police. An entry the plan
    gives to another role keeps it as the one who tracks the date ("tracked by ...")."""
    from elecsafe.model.roles import ROLE_CATALOGUE

    if is_withheld(item.owner) or not item.owner:
        return src.owner(item.owner), None  # an edition that may not see owners sees none
    plan = src.plan
    key = item.statutory if isinstance(item.statutory, str) else ""
    duty = statutory_duty(plan.country, key or "poll")
    index = plan.index()
    assigned = index.roles.get(item.owner) if isinstance(item.owner, str) else None
    if assigned is not None:
        org = index.organisations.get(assigned.organisation or "")
        police = org is not None and org.is_law_enforcement
        if plan.country == "US" and not police:
            return src.owner(item.owner), None  # the plan's election official or state office
        if assigned.role in duty:
            return src.owner(item.owner), None
    if not duty:
        return src.owner(item.owner), None
    holders = [r.id for r in plan.roles if r.role in duty]
    if len(holders) == 1:
        owner: Any = src.owner(holders[0])
    else:
        label = ROLE_CATALOGUE[duty[0]].label
        owner = "Election officials" if plan.country == "US" else f"{label}s"
        if len(holders) > 1:
            owner += f" ({len(holders)})"
    tracker = src.owner(item.owner) if assigned is not None else None
    return owner, (f"tracked by {tracker}" if tracker and not is_withheld(tracker) else None)


def hidden_line(hidden: list[Withheld]) -> Line:
    for marker in hidden:  # each is named in the document's "withheld" box
        bool(marker)
    return Line("Further timetable entries (not in this edition)", None, note=hidden[0])


def status_done(status: Any) -> bool | None:
    if is_withheld(status):
        return None
    return status in ("done", "not_required")


__all__ = [
    "Check",
    "Line",
    "Section",
    "Verdicts",
    "hidden_line",
    "item_line",
    "status_done",
    "withheld_at",
]
