"""MTG: meetings, training and exercises (domain.md §2.4; Roadmap §IV–VII, Public Safety & Elections, APP).

Dates come from the timetable resolver, so relative dates ("poll - 6 weeks") and recurring
meetings count exactly as the calendar export shows them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.common import listing, sides
from elecsafe.model.base import Status
from elecsafe.model.timetable import Meeting, TimetableItem

E, W = Severity.ERROR, Severity.WARNING
INACTIVE = frozenset({Status.CANCELLED, Status.NOT_REQUIRED})
# Meeting types that bring the election office and law enforcement together by definition.
JOINT_TYPES = frozenset(
    {"introductory", "joint_agency_working_group", "spoc_esm", "joint_post_election_review"}
)
INTRO_TOPICS = (
    "le_role_view_and_past_operations",
    "relevant_laws",
    "agency_resources",
    "continued_communication_plan",
    "threat_reporting",
)


def active(item: TimetableItem) -> bool:
    return item.status not in INACTIVE


def meeting(id_: str, kind: str, when: str, extra: str = "") -> str:
    return (
        f"    - id: {id_}\n      title: {kind.replace('_', ' ').capitalize()} meeting\n"
        f"      meeting_type: {kind}\n      when: {when}\n{extra}"
    )


# -- MTG001 -----------------------------------------------------------------------------------


def _mtg001(ctx: Context) -> Iterator[Finding]:
    dates = ctx.dates
    meetings = ctx.index.meetings
    for i, item in enumerate(ctx.plan.timetable.meetings):
        if item.final or not active(item):
            continue
        path = ("timetable", "meetings", i, "next_meeting")
        following = item.next_meeting
        if following is None:
            yield missing(ctx, path, f"meeting '{item.id}' has no next_meeting (and is not final)")
            continue
        this_day = dates.last(item.id)
        if isinstance(following, date):
            next_day: date | None = following
            label = following.isoformat()
        else:
            if following not in meetings:
                continue  # REF001 reports the unknown id
            next_day, label = dates.start(following), f"'{following}'"
        if this_day is not None and next_day is not None and next_day <= this_day:
            yield ctx.report(
                path,
                f"next meeting {label} ({next_day.isoformat()}) is not after meeting "
                f"'{item.id}' ({this_day.isoformat()})",
                hint="point next_meeting at a later meeting",
            )


def next_meeting_counts(ctx: Context) -> tuple[int, int]:
    meetings = [
        (i, m) for i, m in enumerate(ctx.plan.timetable.meetings) if active(m) and not m.final
    ]
    done = sum(
        1
        for i, m in meetings
        if m.next_meeting is not None and not ctx.draft(("timetable", "meetings", i))
    )
    return done, len(meetings)


MTG001 = Rule(
    code="MTG001",
    check=_mtg001,
    name="next-meeting",
    severity=E,
    scope="all",
    summary="Every meeting that is not marked final names its next meeting, which comes later.",
    rationale=(
        "Roadmap §VII: 'Avoid the \u201cone & done\u201d effect\u2014decide on your next meeting at "
        "the end of the first.' A meeting series with no next date is how a partnership "
        "quietly stops before polling day."
    ),
    fix="Set next_meeting to a later meeting id or date, or mark the last meeting `final: true`.",
    bad=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n",
        problems=((3, 7),),
    ),
    good=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n"
        "      next_meeting: review\n"
        "    - id: review\n"
        "      title: Joint post election review meeting\n"
        "      meeting_type: joint_post_election_review\n"
        "      when: 2027-05-20\n"
        "      final: true\n"
    ),
)


# -- MTG002 -----------------------------------------------------------------------------------


def is_joint(ctx: Context, item: Meeting) -> bool:
    if item.meeting_type in JOINT_TYPES:
        return True
    election, police = sides(ctx.index, item.participants)
    return election and police


def _mtg002(ctx: Context) -> Iterator[Finding]:
    poll, today, dates = ctx.poll, ctx.today, ctx.dates
    if poll is None or poll < today:
        return
    max_gap, final_gap = ctx.param("max_gap_days"), ctx.param("final_gap_days")
    window = poll - timedelta(days=ctx.param("final_window_days"))
    days: list[tuple[date, int]] = []
    for i, item in enumerate(ctx.plan.timetable.meetings):
        if active(item) and is_joint(ctx, item):
            days += [(d, i) for d in dates.occurrences(item.id) if d <= poll]
    if not days:
        yield ctx.report(
            ("timetable", "meetings"),
            "no joint election office / law enforcement meeting is scheduled before polling day",
            anchor="key",
        )
        return
    days.sort()
    ends = [d for d, _ in days[1:]] + [poll]
    for (start, i), end in zip(days, ends, strict=True):
        if end < today:
            continue
        gap = (end - start).days
        late = (end - max(start, window)).days if end > window else 0
        if gap > max_gap or late > final_gap:
            limit = max_gap if gap > max_gap else final_gap
            until = "polling day" if end == poll else end.isoformat()
            yield ctx.report(
                ("timetable", "meetings", i),
                f"no joint meeting from {start.isoformat()} to {until} ({gap} days; "
                f"keep gaps to {limit} days{' near polling day' if limit == final_gap else ''})",
            )


MTG002 = Rule(
    code="MTG002",
    check=_mtg002,
    name="regular-joint-meetings",
    severity=W,
    scope="all",
    params={"max_gap_days": 30, "final_gap_days": 14, "final_window_days": 45},
    summary="Joint election office / law enforcement meetings recur: no gap over max_gap_days "
    "(30) up to polling day, nor over final_gap_days (14) in the final_window_days (45) "
    "before it.",
    rationale=(
        "Roadmap §VII: 'Develop a routine schedule to meet'; Roadmap §VI: 'Maintaining regular "
        "communication between key representatives during the election season'. The gap "
        "lengths are elecsafe defaults; set them per plan with `lint.params`."
    ),
    fix="Schedule more joint meetings (a recurrence such as fortnightly until polling day "
    "is the simplest).",
    bad=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n"
        "      next_meeting: wg\n"
        "    - id: wg\n"
        "      title: Joint agency working group meeting\n"
        "      meeting_type: joint_agency_working_group\n"
        "      when: 2027-04-29\n"
        "      final: true\n",
        problems=((3, 7),),
    ),
    good=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n"
        "      next_meeting: wg\n"
        "    - id: wg\n"
        "      title: Joint agency working group meeting\n"
        "      meeting_type: joint_agency_working_group\n"
        "      when: 2027-02-10\n"
        "      recurrence: {frequency: fortnightly, until: 2027-05-05}\n"
        "      final: true\n"
    ),
)


# -- MTG003 -----------------------------------------------------------------------------------


def _mtg003(ctx: Context) -> Iterator[Finding]:
    best: tuple[int, list[str]] | None = None
    for i, item in enumerate(ctx.plan.timetable.meetings):
        if item.meeting_type != "introductory" or not active(item):
            continue
        covered = {a.topic for a in item.agenda}
        absent = [t for t in INTRO_TOPICS if t not in covered]
        if not absent:
            return
        if best is None or len(absent) < len(best[1]):
            best = (i, absent)
    if best is None:
        yield ctx.report(
            ("timetable", "meetings"),
            "no introductory meeting between the election office and law enforcement",
            anchor="key",
        )
        return
    i, absent = best
    item = ctx.plan.timetable.meetings[i]
    path = ("timetable", "meetings", i, "agenda")
    message = f"the agenda of introductory meeting '{item.id}' does not cover {listing(absent)}"
    yield ctx.report(path, message, anchor="key") if item.agenda else missing(ctx, path, message)


MTG003 = Rule(
    code="MTG003",
    check=_mtg003,
    name="introductory-agenda",
    severity=W,
    scope="all",
    summary="An introductory meeting exists whose agenda covers the LE agency's view of its "
    "role and past operations, relevant laws, resources, continued communication and threat "
    "reporting.",
    rationale=(
        "Roadmap §V 'Set an informed agenda for the initial meeting': understand 'how the LE agency "
        "views its role … and how it has operated in past elections', 'how relevant laws "
        "apply', 'the agency's available resources', and 'Make a plan to continue communication "
        "… and how to stay in touch about any threats'."
    ),
    fix="Add agenda items with those topics to the introductory meeting.",
    bad=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n"
        "      agenda:\n"
        "        - {topic: relevant_laws, text: election offences}\n",
        problems=((7, 7),),
    ),
    good=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n"
        "      agenda:\n"
        "        - {topic: le_role_view_and_past_operations, text: le role view and past operations}\n"
        "        - {topic: relevant_laws, text: relevant laws}\n"
        "        - {topic: agency_resources, text: agency resources}\n"
        "        - {topic: continued_communication_plan, text: continued communication plan}\n"
        "        - {topic: threat_reporting, text: threat reporting}\n"
    ),
)


# -- MTG007 -----------------------------------------------------------------------------------

LE_TRAINING_TOPICS = frozenset({"election_law", "powers_and_force_policy"})


def _mtg007(ctx: Context) -> Iterator[Finding]:
    poll, dates = ctx.poll, ctx.dates
    if poll is None:
        return
    latest = poll - timedelta(days=ctx.param("days"))
    staff = police = False
    for item in ctx.plan.timetable.trainings:
        day = dates.last(item.id)
        if not active(item) or day is None or day > latest:
            continue
        staff = staff or item.audience in ("election_staff", "poll_workers", "joint")
        police = police or (
            item.audience in ("le_officers", "joint")
            and bool(LE_TRAINING_TOPICS & set(item.topics))
        )
    absent = []
    if not staff:
        absent.append("election staff (e.g. de-escalation)")
    if not police:
        absent.append("law enforcement (election law, powers and policy)")
    if absent:
        yield ctx.report(
            ("timetable", "trainings"),
            f"no training for {' or '.join(absent)} is scheduled at least "
            f"{ctx.param('days')} days before polling day",
            anchor="key",
        )


def training(id_: str, audience: str, topics: str, when: str) -> str:
    return (
        f"    - id: {id_}\n      title: Training\n      audience: {audience}\n"
        f"      topics: [{topics}]\n      when: {when}\n"
    )


MTG007 = Rule(
    code="MTG007",
    check=_mtg007,
    name="training-before-poll",
    severity=W,
    scope="all",
    params={"days": 7},
    summary="At least `days` (7) before polling day, one training for election staff and one "
    "for law enforcement on election law / powers and policy are scheduled.",
    rationale=(
        "Roadmap §VI: 'Conducting trainings for elections office staff, e.g., on de-escalation' and "
        "'for law enforcement agency staff, e.g. on election laws'; APP Neighbourhood "
        "inspectors: staff 'receive necessary training prior to the election day'."
    ),
    fix="Schedule both trainings (or one joint training covering election law) before the cut-off.",
    bad=Example(
        "timetable:\n"
        "  trainings:\n"
        "    - id: t-staff\n"
        "      title: Training\n"
        "      audience: election_staff\n"
        "      topics: [de_escalation]\n"
        "      when: 2027-03-10\n",
        problems=((2, 3),),
    ),
    good=Example(
        "timetable:\n"
        "  trainings:\n"
        "    - id: t-staff\n"
        "      title: Training\n"
        "      audience: election_staff\n"
        "      topics: [de_escalation]\n"
        "      when: 2027-03-10\n"
        "    - id: t-police\n"
        "      title: Training\n"
        "      audience: le_officers\n"
        "      topics: [election_law]\n"
        "      when: 2027-04-01\n"
    ),
)


# -- MTG008 -----------------------------------------------------------------------------------


def _mtg008(ctx: Context) -> Iterator[Finding]:
    poll, dates, index = ctx.poll, ctx.dates, ctx.index
    if poll is None:
        return
    latest = poll - timedelta(days=ctx.param("days"))
    for item in ctx.plan.timetable.exercises:
        day = dates.last(item.id)
        if not active(item) or day is None or day > latest:
            continue
        election, police = sides(index, [*item.participating_orgs, *item.participants])
        if election and police:
            return
    yield ctx.report(
        ("timetable", "exercises"),
        f"no joint exercise (election side and law enforcement) is scheduled at least "
        f"{ctx.param('days')} days before polling day",
        anchor="key",
    )


def exercise(orgs: str, when: str) -> str:
    return (
        "timetable:\n  exercises:\n    - id: ttx\n      title: Polling day tabletop\n"
        f"      exercise_type: tabletop\n      participating_orgs: [{orgs}]\n      when: {when}\n"
    )


MTG008 = Rule(
    code="MTG008",
    check=_mtg008,
    name="joint-exercise",
    severity=W,
    scope="all",
    params={"days": 14},
    summary="A joint tabletop or scenario exercise with the election side and law enforcement "
    "takes place at least `days` (14) before polling day.",
    rationale=(
        "Roadmap §VI: 'Facilitating tabletop or other scenario-based planning exercises to prepare "
        "for the election'; Public Safety & Elections, Interdepartmental training and scenario planning: 'drills, simulations, informal tabletop sessions)."
    ),
    fix="Schedule an exercise with participating_orgs from both sides, early enough to act on "
    "what it finds.",
    bad=Example(
        "organisations:\n"
        "  - id: force\n"
        "    name: Testshire Police\n"
        "    kind: police_force\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "timetable:\n"
        "  exercises:\n"
        "    - id: ttx\n"
        "      title: Polling day tabletop\n"
        "      exercise_type: tabletop\n"
        "      participating_orgs: [office, force]\n"
        "      when: 2027-05-01\n",
        problems=((8, 3),),
    ),
    good=Example(
        "organisations:\n"
        "  - id: force\n"
        "    name: Testshire Police\n"
        "    kind: police_force\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "timetable:\n"
        "  exercises:\n"
        "    - id: ttx\n"
        "      title: Polling day tabletop\n"
        "      exercise_type: tabletop\n"
        "      participating_orgs: [office, force]\n"
        "      when: 2027-04-01\n"
    ),
)


# -- MTG011 -----------------------------------------------------------------------------------


def _post_election_types(ctx: Context) -> tuple[str, ...]:
    if ctx.country == "GB":
        return ("joint_post_election_review", "ec_debrief", "gold_debrief")
    return ("joint_post_election_review",)


def _mtg011(ctx: Context) -> Iterator[Finding]:
    poll, dates = ctx.poll, ctx.dates
    if poll is None:
        return
    held = set()
    for item in ctx.plan.timetable.meetings:
        day = dates.last(item.id)
        if active(item) and day is not None and day > poll:
            held.add(item.meeting_type)
    absent = [t for t in _post_election_types(ctx) if t not in held]
    if absent:
        yield ctx.report(
            ("timetable", "meetings"),
            f"no {listing(absent)} meeting is scheduled after polling day",
            anchor="key",
        )


MTG011 = Rule(
    code="MTG011",
    check=_mtg011,
    name="post-election-review",
    severity=W,
    scope="all",
    summary="A joint post-election review is scheduled after polling day (UK: also the "
    "Electoral Commission debrief and the gold group debrief).",
    rationale=(
        "APP Pre-election planning: 'A joint meeting between the police and local authority "
        "should be held following the election in order to review the event'; the APP May "
        "timetable lists the 'Electoral Commission debrief meeting' (June/July) and the 'Gold "
        "group debrief' (September)."
    ),
    fix="Add the review meeting(s) after polling day.",
    bad=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: review\n"
        "      title: Joint post election review meeting\n"
        "      meeting_type: joint_post_election_review\n"
        "      when: 2027-05-20\n"
        "      final: true\n",
        problems=((2, 3),),
    ),
    good=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: review\n"
        "      title: Joint post election review meeting\n"
        "      meeting_type: joint_post_election_review\n"
        "      when: 2027-05-20\n"
        "      next_meeting: ec\n"
        "    - id: ec\n"
        "      title: Ec debrief meeting\n"
        "      meeting_type: ec_debrief\n"
        "      when: 2027-06-15\n"
        "      next_meeting: gold\n"
        "    - id: gold\n"
        "      title: Gold debrief meeting\n"
        "      meeting_type: gold_debrief\n"
        "      when: 2027-09-15\n"
        "      final: true\n"
    ),
)


# -- extended ---------------------------------------------------------------------------------


def _mtg004(ctx: Context) -> Iterator[Finding]:
    for i, item in enumerate(ctx.plan.timetable.meetings):
        if item.meeting_type != "introductory" or not active(item):
            continue
        absent = [k for k in ("pre_reads", "post_materials") if not getattr(item, k)]
        if absent:
            yield ctx.report(
                ("timetable", "meetings", i),
                f"introductory meeting '{item.id}' has no {listing(absent)}",
            )


MTG004 = Rule(
    code="MTG004",
    check=_mtg004,
    name="introductory-materials",
    severity=W,
    scope="all",
    summary="The introductory meeting lists resources shared before it and after it.",
    rationale=(
        "Roadmap §IV: 'Share resources before the meeting with LE'; Roadmap §V: 'Share resources after "
        "the meeting to deepen mutual understanding of roles and responsibilities.'"
    ),
    fix="Add pre_reads and post_materials to the introductory meeting.",
    bad=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n",
        problems=((3, 7),),
    ),
    good=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n"
        "      pre_reads: [office scope of work]\n"
        "      post_materials: [contact sheet]\n"
    ),
)


def _mtg005(ctx: Context) -> Iterator[Finding]:
    poll, dates = ctx.poll, ctx.dates
    if poll is None:
        return
    held = {
        m.meeting_type
        for m in ctx.plan.timetable.meetings
        if active(m) and (dates.start(m.id) or poll) < poll
    }
    absent = [t for t in ("gold_group", "joint_agency_working_group") if t not in held]
    if absent:
        yield ctx.report(
            ("timetable", "meetings"),
            f"no {listing(absent)} meeting before polling day",
            anchor="key",
        )


MTG005 = Rule(
    code="MTG005",
    check=_mtg005,
    name="principal-planning-meetings",
    severity=W,
    scope="UK",
    summary="A gold command group meeting and a joint agency working group planning meeting "
    "take place before polling day.",
    rationale=(
        "APP Pre-election planning: 'The principal planning meetings are the gold command group "
        "meeting and the joint agency working group planning meeting.'"
    ),
    fix="Schedule both meetings before polling day.",
    bad=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: gold\n"
        "      title: Gold group meeting\n"
        "      meeting_type: gold_group\n"
        "      when: 2027-02-01\n",
        problems=((2, 3),),
    ),
    good=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: gold\n"
        "      title: Gold group meeting\n"
        "      meeting_type: gold_group\n"
        "      when: 2027-02-01\n"
        "    - id: jawg\n"
        "      title: Joint agency working group meeting\n"
        "      meeting_type: joint_agency_working_group\n"
        "      when: 2027-02-15\n"
    ),
)


def _mtg006(ctx: Context) -> Iterator[Finding]:
    for path, action in ctx.plan.timetable.all_actions():
        if action.status != "open":
            continue
        if not action.owner:
            yield missing(ctx, (*path, "owner"), f"action '{action.id}' has no owner")
        if action.due is None:
            yield missing(ctx, (*path, "due"), f"action '{action.id}' has no due date")
            continue
        due = ctx.dates.date_of(action.due, (*path, "due"))
        if due is not None and due < ctx.today:
            yield ctx.report(
                (*path, "due"), f"open action '{action.id}' was due on {due.isoformat()}"
            )


MTG006 = Rule(
    code="MTG006",
    check=_mtg006,
    name="actions-owned-and-current",
    severity=W,
    scope="all",
    summary="Every open action has an owner and a due date, and none is past due.",
    rationale=(
        "APP Pre-election planning: tasks allocated at the joint agency working group "
        "'should be recorded and managed by the force election SPOC'."
    ),
    fix="Give the action an owner and a due date; close it or move the date when it is late.",
    bad=Example(
        "timetable:\n  actions:\n    - id: a1\n      text: Share the polling place list\n"
        "      due: 2026-10-01\n",
        problems=((3, 7), (5, 12)),
    ),
    good=Example(
        "timetable:\n  actions:\n    - id: a1\n      text: Share the polling place list\n"
        "      owner: ra-poc\n      due: 2027-01-15\n"
        "roles:\n  - {id: ra-poc, role: electoral_services_manager, organisation: office}\n"
    ),
)


def _mtg009(ctx: Context) -> Iterator[Finding]:
    for i, item in enumerate(ctx.plan.timetable.exercises):
        day = ctx.dates.last(item.id)
        if not active(item) or day is None or day >= ctx.today:
            continue
        if not item.after_action_ref and not item.improvement_items:
            yield ctx.report(
                ("timetable", "exercises", i),
                f"exercise '{item.id}' took place but records no after-action "
                "report or improvement items",
            )


MTG009 = Rule(
    code="MTG009",
    check=_mtg009,
    name="exercise-follow-up",
    severity=W,
    scope="all",
    core=False,
    summary="Every exercise that has taken place records an after-action report or "
    "improvement items.",
    rationale=(
        "Public Safety & Elections, Interdepartmental training and scenario planning: exercises exist 'to ensure that officers know what actions will be appropriate'; "
        "what an exercise teaches is lost unless it is written down and acted on."
    ),
    fix="Add after_action_ref or improvement_items to the exercise.",
    bad=Example(
        "timetable:\n"
        "  exercises:\n"
        "    - id: ttx\n"
        "      title: Polling day tabletop\n"
        "      exercise_type: tabletop\n"
        "      participating_orgs: [office]\n"
        "      when: 2026-10-01\n",
        problems=((3, 7),),
    ),
    good=Example(
        "timetable:\n"
        "  exercises:\n"
        "    - id: ttx\n"
        "      title: Polling day tabletop\n"
        "      exercise_type: tabletop\n"
        "      participating_orgs: [office]\n"
        "      when: 2026-10-01\n"
        "      after_action_ref: docs/aar.md\n"
    ),
)


def _mtg010(ctx: Context) -> Iterator[Finding]:
    poll, dates = ctx.poll, ctx.dates
    if poll is None:
        return
    briefed = any(
        m.meeting_type == "candidates_agents_briefing"
        and active(m)
        and (dates.start(m.id) or poll) < poll
        and sides(ctx.index, m.participants)[1]
        for m in ctx.plan.timetable.meetings
    )
    if not briefed:
        yield ctx.report(
            ("timetable", "meetings"),
            "no candidates' and agents' briefing with police attendance before polling day",
            anchor="key",
        )
    comms = ctx.plan.communications
    letter = (
        comms.candidate_engagement.joint_letter if comms and comms.candidate_engagement else None
    )
    if letter is None:
        yield missing(
            ctx,
            ("communications", "candidate_engagement", "joint_letter"),
            "no joint police / local authority letter to candidates is planned",
        )


MTG010 = Rule(
    code="MTG010",
    check=_mtg010,
    name="candidate-briefing",
    severity=W,
    scope="UK",
    summary="A candidates' and agents' briefing with police attendance, and a joint police / "
    "local authority letter to candidates, are planned before polling day.",
    rationale=(
        "APP Candidates and campaigners: 'Police attendance at the briefing for candidates and "
        "agents … demonstrates the joint approach'; 'the returning officer and chief constable "
        "may send a joint letter to candidates, agents and campaigners'."
    ),
    fix="Schedule the briefing with a police participant and set "
    "communications.candidate_engagement.joint_letter.",
    bad=Example(
        "communications:\n  candidate_engagement: {products: [Joint Guidance]}\n",
        problems=((2, 25), ("plan.yaml", 1, 1)),
    ),
    good=Example(
        "organisations:\n"
        "  - id: force\n"
        "    name: Testshire Police\n"
        "    kind: police_force\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "timetable:\n"
        "  meetings:\n"
        "    - id: brief\n"
        "      title: Candidates agents briefing meeting\n"
        "      meeting_type: candidates_agents_briefing\n"
        "      when: 2027-04-08\n"
        "      participants: [force]\n"
        "  milestones:\n"
        "    - {id: letter, title: Joint letter, when: 2027-04-01}\n"
        "communications:\n"
        "  candidate_engagement: {joint_letter: letter}\n"
    ),
)


def _mtg012(ctx: Context) -> Iterator[Finding]:
    engagement = ctx.plan.timetable.engagement
    if engagement is None or not engagement.quick_win_goal:
        yield missing(
            ctx,
            ("timetable", "engagement", "quick_win_goal"),
            "no quick-win goal is recorded for the partnership",
        )


MTG012 = Rule(
    code="MTG012",
    check=_mtg012,
    name="quick-win-goal",
    severity=Severity.INFO,
    scope="all",
    core=False,
    summary="The partnership records an easily achievable first goal.",
    rationale=(
        "Roadmap §VI: 'Start with easily achievable goals. Even if small, a quick win will help lay "
        "the groundwork for the next goal.'"
    ),
    fix="Set timetable.engagement.quick_win_goal.",
    bad=Example("timetable:\n  engagement: {strategy: direct_outreach}\n", problems=((2, 15),)),
    good=Example(
        "timetable:\n  engagement:\n    strategy: direct_outreach\n"
        "    quick_win_goal: joint walk-through of the count centre\n"
    ),
)


def _mtg013(ctx: Context) -> Iterator[Finding]:
    poll, dates = ctx.poll, ctx.dates
    for item in ctx.plan.timetable.meetings:
        day = dates.start(item.id)
        if (
            active(item)
            and (poll is None or (day is not None and day < poll))
            and any(a.topic == "threat_reporting" for a in item.agenda)
        ):
            return
    yield ctx.report(
        ("timetable", "meetings"),
        "no meeting before polling day has threat_reporting on its agenda",
        anchor="key",
    )


MTG013 = Rule(
    code="MTG013",
    check=_mtg013,
    name="threat-channel-discussed",
    severity=W,
    scope="all",
    summary="A meeting before polling day discusses the threat reporting channel (agenda topic "
    "threat_reporting).",
    rationale=(
        "Roadmap §V: 'Make a plan … how to stay in touch about any threats or security needs'; "
        "Roadmap §VI: consider 'a dedicated channel with LE … where election officials and workers "
        "can send information concerning threats'."
    ),
    fix="Add an agenda item with topic threat_reporting to a meeting before polling day.",
    bad=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n",
        problems=((2, 3),),
    ),
    good=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n"
        "      agenda: [{topic: threat_reporting, text: the threat inbox}]\n"
    ),
)

# -- MTG014 -----------------------------------------------------------------------------------


def _mtg014(ctx: Context) -> Iterator[Finding]:
    poll, dates = ctx.poll, ctx.dates
    if poll is None:
        return
    if not any(
        m.meeting_type == "spoc_esm" and active(m) and (dates.start(m.id) or poll) < poll
        for m in ctx.plan.timetable.meetings
    ):
        yield ctx.report(
            ("timetable", "meetings"),
            "no meeting between the force election SPOC and the electoral services manager "
            "before polling day",
            anchor="key",
        )


MTG014 = Rule(
    code="MTG014",
    check=_mtg014,
    name="spoc-esm-meetings",
    severity=W,
    scope="UK",
    summary="The force election SPOC and the electoral services manager meet (a `spoc_esm` "
    "meeting) before polling day.",
    rationale=(
        "APP Electoral services manager: 'The SPOC and the ESM should work in "
        "conjunction with one another to properly plan, communicate and exchange information', "
        "with the SPOC–ESM checklist as the agenda; APP Partnership working: the SPOC and the ESM "
        "'should have a plan for dealing with electoral malpractice'."
    ),
    fix="Schedule a meeting with meeting_type spoc_esm before polling day.",
    bad=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: gold\n"
        "      title: Gold group meeting\n"
        "      meeting_type: gold_group\n"
        "      when: 2027-02-01\n",
        problems=((2, 3),),
    ),
    good=Example(
        "timetable:\n"
        "  meetings:\n"
        "    - id: spoc-esm\n"
        "      title: Spoc esm meeting\n"
        "      meeting_type: spoc_esm\n"
        "      when: 2027-02-01\n"
    ),
)


# -- MTG015 -----------------------------------------------------------------------------------

# The roadmap's first two steps as planning considerations (a key may carry a prefix, e.g.
# "roadmap-i-identify-le-stakeholders").
ROADMAP_FIRST_STEPS = {
    "identify-le-stakeholders": "identify law enforcement stakeholders (step I)",
    "identify-needs": "identify what the office needs from law enforcement (step II)",
}


def _mtg015(ctx: Context) -> Iterator[Finding]:
    considerations = ctx.plan.planning_considerations
    for suffix, label in ROADMAP_FIRST_STEPS.items():
        found = [
            (i, c)
            for i, c in enumerate(considerations)
            if c.key == suffix or c.key.endswith("-" + suffix)
        ]
        if not found:
            yield missing(
                ctx,
                ("planning_considerations",),
                f"the plan does not record the roadmap step: {label}",
            )
            continue
        i, item = found[0]
        if item.status == "open" or ctx.draft(("planning_considerations", i)):
            yield ctx.report(
                ("planning_considerations", i, "status"),
                f"roadmap step not taken yet: {label}",
                hint="record what was done (note) and set status to in_progress or done",
                anchor="parent" if "status" not in _raw_keys(ctx, i) else "value",
            )


def _raw_keys(ctx: Context, i: int) -> set[str]:
    items = ctx.raw.get("planning_considerations")
    if isinstance(items, list) and i < len(items) and isinstance(items[i], dict):
        return set(items[i])
    return set()


MTG015 = Rule(
    code="MTG015",
    check=_mtg015,
    name="roadmap-first-steps",
    severity=W,
    scope="US",
    summary="The plan records the roadmap's first steps as planning considerations in progress "
    "or done: identify law enforcement stakeholders, and identify what the office needs.",
    rationale=(
        "Roadmap §I and II: I, 'Identify relevant LE stakeholders in the community' (police "
        "chiefs and sheriffs, the state police, the FBI field office's Election Crimes "
        "Coordinator); II: "
        "'Identify what your office needs and can expect from LE' (security of staff, sites, "
        "ballots and equipment; public safety messaging; the kinds of support wanted). Every "
        "later step (meetings, agreements, training) builds on these two."
    ),
    fix="Add planning_considerations with keys identify-le-stakeholders and identify-needs, "
    "each with a note and status in_progress or done.",
    bad=Example(
        "planning_considerations:\n  - {key: identify-le-stakeholders, status: done}\n"
        "  - {key: identify-needs}\n",
        problems=((3, 5),),
    ),
    good=Example(
        "planning_considerations:\n  - {key: identify-le-stakeholders, status: done}\n"
        "  - {key: identify-needs, status: done, note: security assistance and training}\n"
    ),
)

RULES: tuple[Rule, ...] = (
    MTG001,
    MTG002,
    MTG003,
    MTG004,
    MTG005,
    MTG006,
    MTG007,
    MTG008,
    MTG009,
    MTG010,
    MTG011,
    MTG012,
    MTG013,
    MTG014,
    MTG015,
)
