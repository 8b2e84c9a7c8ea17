"""DBF: the post-election debrief and organisational learning (domain.md §2.12; APP Post
election)."""

from __future__ import annotations

from collections.abc import Iterator

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.common import listing
from elecsafe.model.learning import DEBRIEF_CONSIDERATIONS

W = Severity.WARNING
DEBRIEF_COUNTS = ("allegations", "threats_reported")


def _dbf001(ctx: Context) -> Iterator[Finding]:
    poll = ctx.poll
    if poll is None or ctx.today <= poll:
        return
    debrief = ctx.plan.debrief
    if debrief is None:
        yield missing(ctx, ("debrief",), "polling day has passed and there is no debrief")
        return
    written = {str(k): v for k, v in debrief.considerations.items()}
    absent = [
        k
        for k in DEBRIEF_CONSIDERATIONS
        if not (written.get(k) or "").strip() or ctx.draft(("debrief", "considerations", k))
    ]
    if absent:
        yield missing(
            ctx, ("debrief", "considerations"), f"the debrief does not cover {listing(absent)}"
        )
    if (ctx.today - poll).days <= ctx.param("days"):
        return  # the debrief meeting and the counts may still be weeks away
    if debrief.held_on is None:
        yield missing(
            ctx,
            ("debrief", "held_on"),
            f"polling day was more than {ctx.param('days')} days ago and the debrief has no "
            "held_on date",
        )
    counts = debrief.aggregates
    empty = [k for k in DEBRIEF_COUNTS if counts is None or getattr(counts, k) is None]
    if empty:
        yield missing(
            ctx,
            ("debrief", "aggregates"),
            f"the debrief records no count of {listing(empty)} (0 is a count)",
        )


DBF001 = Rule(
    code="DBF001",
    check=_dbf001,
    name="debrief-after-poll",
    severity=W,
    scope="all",
    params={"days": 42},
    summary="After polling day, a debrief covers the eight APP considerations; `days` (42) "
    "after it, the debrief has been held (held_on) and records the counts of allegations and "
    "threats reported (0 is a count).",
    rationale=(
        "APP Post-election debrief: 'The following should be considered when debriefing': "
        "planning and preparation; polling day; number of allegations; significant events; "
        "status of investigations; partner feedback; media interest; new legislation or "
        "organisational learning."
    ),
    fix="Fill debrief.considerations, held_on and aggregates (allegations, threats_reported).",
    bad=Example(
        "elections:\n  - {id: by, name: By-election, kind: local_england, poll_date: 2026-10-01, "
        'poll_hours: {open: "07:00", close: "22:00"}, jurisdictions: [area]}\n',
        problems=(("plan.yaml", 1, 1),),
    ),
    good=Example(
        "elections:\n"
        '  - {id: by, name: By-election, kind: local_england, poll_date: 2026-10-01, poll_hours: {open: "07:00", close: "22:00"}, jurisdictions: [area]}\n'
        "debrief:\n"
        "  held_on: 2026-10-20\n"
        "  aggregates: {allegations: 0, threats_reported: 2}\n"
        "  considerations:\n"
        "    planning_and_preparation: reviewed\n"
        "    polling_day: reviewed\n"
        "    allegations: reviewed\n"
        "    significant_events: reviewed\n"
        "    investigations_status: reviewed\n"
        "    partner_feedback: reviewed\n"
        "    media_interest: reviewed\n"
        "    organisational_learning: reviewed\n"
    ),
)


def _dbf002(ctx: Context) -> Iterator[Finding]:
    debrief = ctx.plan.debrief
    if debrief is None:
        return
    for i, lesson in enumerate(debrief.lessons):
        if lesson.action is None:
            yield missing(
                ctx,
                ("debrief", "lessons", i, "action"),
                "a lesson is not linked to an action in the plan",
            )


DBF002 = Rule(
    code="DBF002",
    check=_dbf002,
    name="lessons-to-actions",
    severity=W,
    scope="all",
    summary="Every lesson of the debrief is linked to an action or milestone of the plan.",
    rationale=(
        "APP Organisational learning: 'Information gained from debriefs should be included in "
        "subsequent election planning and form part of any force operation order.'"
    ),
    fix="Set action on the lesson to a timetable item id.",
    bad=Example(
        "debrief:\n  lessons:\n    - text: brief presiding officers earlier\n", problems=((3, 7),)
    ),
    good=Example(
        "debrief:\n  lessons:\n    - {text: brief presiding officers earlier, action: po-brief}\n"
        "timetable:\n  milestones:\n    - {id: po-brief, title: PO briefing, when: 2027-04-20}\n"
    ),
)


def _dbf003(ctx: Context) -> Iterator[Finding]:
    meetings = {m.meeting_type for m in ctx.plan.timetable.meetings}
    debrief = ctx.plan.debrief
    submitted = {s.to for s in debrief.submissions} if debrief else set()
    if "ec_debrief" not in meetings and "electoral_commission" not in submitted:
        yield ctx.report(("timetable",), "no Electoral Commission debrief is planned", anchor="key")
    if "npwg" not in submitted:
        yield missing(
            ctx,
            ("debrief", "submissions"),
            "no submission to the National Police Working Group is planned",
        )


DBF003 = Rule(
    code="DBF003",
    check=_dbf003,
    name="uk-debrief-submissions",
    severity=W,
    scope="UK",
    summary="The Electoral Commission debrief and the NPWG data submission are planned.",
    rationale=(
        "APP Post-election debrief: the Electoral Commission 'receives information via the "
        "submissions that the police submit to the National Police Working Group for Electoral "
        "Malpractice'; APP Recommended timetable of events: it lists the 'Electoral Commission debrief meeting'."
    ),
    fix="Add an ec_debrief meeting and debrief.submissions to npwg.",
    bad=Example(
        "timetable:\n  milestones: []\ndebrief:\n  held_on: 2027-05-20\n", problems=((1, 1), (4, 3))
    ),
    good=Example("debrief:\n  submissions:\n    - {to: electoral_commission}\n    - {to: npwg}\n"),
)

RULES: tuple[Rule, ...] = (DBF001, DBF002, DBF003)
