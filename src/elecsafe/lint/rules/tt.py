"""TT: the timetable (domain.md §2.5).

The resolver (:mod:`elecsafe.dates`) reports what it meets while computing dates (TT001
unresolvable dates, TT002 statutory dates that differ from the pack, TT011 excluded days);
the rules here check what the computed timetable says.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.mtg import INACTIVE

if TYPE_CHECKING:
    from elecsafe.dates import ResolvedItem

E, W = Severity.ERROR, Severity.WARNING
FEDERAL_KINDS = frozenset({"federal_general", "federal_midterm"})

# Statutory keys in legal order; keys in one tuple may fall on the same day.
UK_ORDER: tuple[tuple[str, ...], ...] = (
    ("notice_of_election",),
    ("nominations_close", "statement_of_persons_nominated"),
    ("registration_deadline",),
    ("postal_vote_deadline",),
    ("proxy_deadline", "vac_deadline"),
    ("poll",),
)
US_ORDER: tuple[tuple[str, ...], ...] = (
    ("uocava_transmission",),
    ("registration_deadline",),
    ("poll",),
    ("canvass",),
    ("certification",),
)


def key_of(item: ResolvedItem) -> str:
    """The statutory key of an item, or the key its id or kind stands for."""
    if item.statutory_key:
        return item.statutory_key
    kind = getattr(item.item, "kind", None)
    if kind in ("poll", "canvass", "certification"):
        return str(kind)
    return item.id.replace("-", "_")


def _section(plan_items: str) -> str:
    return "timetable:\n  milestones:\n" + plan_items


def milestone(id_: str, when: str, extra: str = "") -> str:
    return f"    - id: {id_}\n      title: {id_.replace('-', ' ')}\n      when: {when}\n{extra}"


# -- TT001 (owners; the resolver reports dates that do not resolve) --------------------------


def _tt001(ctx: Context) -> Iterator[Finding]:
    timetable = ctx.plan.timetable
    groups = (
        ("milestones", timetable.milestones),
        ("meetings", timetable.meetings),
        ("trainings", timetable.trainings),
        ("exercises", timetable.exercises),
    )
    for name, items in groups:
        for i, item in enumerate(items):
            if item.owner is None and item.status not in INACTIVE:
                yield missing(
                    ctx,
                    ("timetable", name, i, "owner"),
                    f"{name[:-1]} '{item.id}' has no owner",
                    hint="set owner to the role assignment responsible for it",
                )


TT001 = Rule(
    code="TT001",
    check=_tt001,
    name="timetable-resolves",
    severity=E,
    scope="all",
    summary="Every timetable date resolves (anchors exist, statutory keys are known, no "
    "cycles) and every item has an owner.",
    rationale=(
        "APP Recommended timetable of events for a May election: it gives every event a "
        "'Responsibility'; an item nobody owns, or a date that cannot be computed, does not "
        "happen."
    ),
    fix="Anchor the date on poll, a date or another item; set owner to a role assignment.",
    bad=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: letter\n"
        "      title: letter\n"
        "      when: notice_of_nomination + 2 days\n",
        problems=((3, 7), (5, 13)),
    ),
    good=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: letter\n"
        "      title: letter\n"
        "      when: poll - 4 weeks\n"
        "      owner: ra-spoc\n"
        "roles:\n"
        "  - {id: ra-spoc, role: force_election_spoc, organisation: office}\n"
    ),
)

TT002 = Rule(
    code="TT002",
    name="statutory-dates",
    severity=E,
    scope="all",
    origin="resolver",
    summary="Statutory dates written in the plan equal the dates the statutory pack computes, "
    "unless an override_reason is given.",
    rationale=(
        "APP Pre-election planning: police activity hangs on statutory stages ('Certain stages in the "
        "electoral timetable could trigger particular types of malpractice activity'); a "
        "mistyped deadline moves the police plan with it. Every shipped pack is checked (UK "
        "and US), hence scope all."
    ),
    fix="Remove 'when' to use the computed date, or keep it and give override_reason.",
    bad=Example(
        "elections:\n"
        "  - id: may\n"
        "    name: County elections\n"
        "    kind: local_england\n"
        "    poll_date: 2027-05-06\n"
        '    poll_hours: {open: "07:00", close: "22:00"}\n'
        "    timetable_rules: uk_local_eng\n"
        "    jurisdictions: [area]\n"
        "timetable:\n"
        "  milestones:\n"
        "    - id: noe\n"
        "      title: noe\n"
        "      when: 2027-03-30\n"
        "      statutory: notice_of_election\n"
        "      election: may\n",
        problems=((13, 13),),
    ),
    good=Example(
        "elections:\n  - id: may\n    name: County elections\n    kind: local_england\n"
        '    poll_date: 2027-05-06\n    poll_hours: {open: "07:00", close: "22:00"}\n'
        "    timetable_rules: uk_local_eng\n    jurisdictions: [area]\n"
        "timetable:\n  milestones:\n    - id: noe\n      title: Notice of election\n"
        "      statutory: notice_of_election\n      election: may\n"
    ),
)

TT011 = Rule(
    code="TT011",
    name="working-days",
    severity=W,
    scope="all",
    origin="resolver",
    summary="Dates counted in working days do not fall on excluded days (weekends, bank "
    "holidays of the right division, Christmas Eve and Day, Good Friday).",
    rationale=(
        "UK statutory deadlines are counted in working days back from polling day (domain.md "
        "§4.4); APP Recommended timetable of events: it inherits those dates, so a working-day date that lands on an "
        "excluded day means the plan and the statutory timetable disagree."
    ),
    fix="Count from a working day, or add 'roll: forward' to move to the next working day.",
    bad=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: bank-holiday-briefing\n"
        "      title: bank holiday briefing\n"
        "      when: 2027-05-03\n"
        "    - id: follow-up\n"
        "      title: follow up\n"
        "      when: bank-holiday-briefing + 0 working days\n",
        problems=((8, 13),),
    ),
    good=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: bank-holiday-briefing\n"
        "      title: bank holiday briefing\n"
        "      when: 2027-05-03\n"
        "    - id: follow-up\n"
        "      title: follow up\n"
        "      when: bank-holiday-briefing + 1 working day\n",
    ),
)

TT012 = Rule(
    code="TT012",
    name="clock-change-times",
    severity=E,
    scope="all",
    origin="resolver",
    summary="No timed item starts at a local time that the clock change skips (it does not "
    "exist) or repeats (it happens twice) in the plan's timezone.",
    rationale=(
        "A meeting at 01:30 on the night the clocks go forward has no time at all: calendars "
        "read it as 02:30 (RFC 5545, 3.3.5), so partners arrive an hour apart; on the night "
        "they go back, 01:30 happens twice. The plan should say a time everyone reads alike. "
        "Durations are counted in elapsed minutes either way."
    ),
    fix="Move the item out of the skipped or repeated hour, or, for a repeated time, write "
    "the date with its UTC offset ('2027-10-31 01:30+01:00').",
    bad=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: night-patrol-briefing\n"
        "      title: night patrol briefing\n"
        '      when: "2027-03-28 01:30"\n',
        problems=((5, 13),),
    ),
    good=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: night-patrol-briefing\n"
        "      title: night patrol briefing\n"
        '      when: "2027-10-31 01:30+00:00"\n'
    ),
)


# -- TT003 ------------------------------------------------------------------------------------


def _tt003(ctx: Context) -> Iterator[Finding]:
    order = UK_ORDER if ctx.country == "GB" else US_ORDER
    rank = {key: n for n, group in enumerate(order) for key in group}
    by_election: dict[str | None, list[tuple[int, date, ResolvedItem]]] = {}
    for item in ctx.dates.items():
        if item.kind != "milestone":
            continue
        position = rank.get(key_of(item))
        if position is not None:
            by_election.setdefault(item.election, []).append((position, item.day, item))
    for entries in by_election.values():
        entries.sort(key=lambda e: (e[0], e[1]))
        latest: tuple[int, date, ResolvedItem] | None = None
        for entry in entries:
            if latest is not None and entry[0] > latest[0] and entry[1] <= latest[1]:
                _, day, item = entry
                yield ctx.report(
                    (*item.path, "when"),
                    f"'{item.id}' ({day.isoformat()}) is not after '{latest[2].id}' "
                    f"({latest[1].isoformat()}), which comes first in law",
                )
            elif latest is None or entry[1] > latest[1]:
                latest = entry


TT003 = Rule(
    code="TT003",
    check=_tt003,
    name="statutory-order",
    severity=E,
    scope="all",
    summary="Statutory milestones are in legal order (UK: notice of election, nominations, "
    "registration, postal, proxy, poll; US: UOCAVA, registration, poll, canvass, "
    "certification).",
    rationale=(
        "APP Recommended timetable of events: it follows the statutory stages; a plan whose stages are out "
        "of order has a typing mistake that moves police activity to the wrong week."
    ),
    fix="Correct the dates (or let the statutory pack compute them).",
    bad=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: registration_deadline\n"
        "      title: registration_deadline\n"
        "      when: 2027-04-20\n"
        "    - id: postal_vote_deadline\n"
        "      title: postal_vote_deadline\n"
        "      when: 2027-04-14\n",
        problems=((8, 13),),
    ),
    good=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: registration_deadline\n"
        "      title: registration_deadline\n"
        "      when: 2027-04-14\n"
        "    - id: postal_vote_deadline\n"
        "      title: postal_vote_deadline\n"
        "      when: 2027-04-15\n",
    ),
)


# -- TT004, TT005, TT006 (US federal anchors) -------------------------------------------------


def _federal(ctx: Context) -> list[tuple[int, str, date]]:
    """Federal elections whose statutory dates could resolve (not those on a pack file of the
    plan that cannot be used: its finding says why their milestones are missing)."""
    from elecsafe.dates.packs import unusable_pack_file

    return [
        (i, e.id, e.poll_date)
        for i, e in enumerate(ctx.plan.elections)
        if (e.kind in FEDERAL_KINDS or e.timetable_rules == "us_federal")
        and not unusable_pack_file(ctx.plan, e.timetable_rules)
    ]


def _items_for(ctx: Context, election: str, keys: set[str]) -> list[ResolvedItem]:
    only = len(ctx.plan.elections) == 1
    return [
        item
        for item in ctx.dates.items()
        if item.kind == "milestone"
        and item.status not in ("cancelled", "not_required")
        and (item.election == election or (only and item.election is None))
        and (key_of(item) in keys or any(k in key_of(item) for k in keys))
    ]


def _tt004(ctx: Context) -> Iterator[Finding]:
    for i, election, poll in _federal(ctx):
        items = _items_for(ctx, election, {"uocava"})
        if not items:
            yield ctx.report(
                ("elections", i),
                f"federal election '{election}' has no UOCAVA ballot transmission milestone",
            )
            continue
        latest = poll - timedelta(days=45)
        for item in items:
            if item.day > latest:
                yield ctx.report(
                    (*item.path, "when"),
                    f"UOCAVA ballots are sent {item.day.isoformat()}, later than 45 days before "
                    f"Election Day ({latest.isoformat()})",
                )


TT004 = Rule(
    code="TT004",
    check=_tt004,
    name="uocava-45-days",
    severity=E,
    scope="US",
    summary="A federal election has a UOCAVA ballot transmission milestone at least 45 days "
    "before Election Day (no roll-forward).",
    rationale=(
        "The MOVE Act requires ballots for military and overseas voters to be sent 45 days "
        "before a federal election (domain.md §4.6). Public Safety & Elections, Introduction: such milestones are among the "
        "'election season events' law enforcement plans around."
    ),
    fix="Add a milestone with `statutory: uocava_transmission` (computed) or an earlier date.",
    bad=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: uocava\n"
        "      title: uocava\n"
        "      when: 2028-09-25\n",
        problems=((5, 13),),
    ),
    good=Example(
        "timetable:\n  milestones:\n    - id: uocava\n      title: uocava\n      when: 2028-09-23\n"
    ),
)


def _tt005(ctx: Context) -> Iterator[Finding]:
    for _, election, poll in _federal(ctx):
        if ctx.index.elections[election].same_day_registration:
            continue
        earliest = poll - timedelta(days=30)
        for item in _items_for(ctx, election, {"registration_deadline"}):
            if key_of(item).endswith("outer_bound"):
                continue
            if item.day < earliest:
                yield ctx.report(
                    (*item.path, "when"),
                    f"the registration deadline ({item.day.isoformat()}) is more than 30 days "
                    "before Election Day",
                )


TT005 = Rule(
    code="TT005",
    check=_tt005,
    name="nvra-30-days",
    severity=W,
    scope="US",
    summary="The voter registration deadline is not more than 30 days before a federal "
    "election (unless same_day_registration).",
    rationale=(
        "Roadmap §V: 'understand how relevant laws apply to LE work during election season'. The "
        "NVRA bounds registration deadlines to 30 days before a federal election (domain.md "
        "§4.6); a deadline outside it is almost always a typing mistake in the plan."
    ),
    fix="Correct the registration deadline date.",
    bad=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: registration-deadline\n"
        "      title: registration deadline\n"
        "      when: 2028-10-02\n",
        problems=((5, 13),),
    ),
    good=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: registration-deadline\n"
        "      title: registration deadline\n"
        "      when: 2028-10-23\n"
    ),
)


def electors_meet(year: int) -> date:
    """The first Tuesday after the second Wednesday in December (3 U.S.C. 7)."""
    first = date(year, 12, 1)
    second_wednesday = first + timedelta(days=(2 - first.weekday()) % 7 + 7)
    return second_wednesday + timedelta(days=6)


def _tt006(ctx: Context) -> Iterator[Finding]:
    from elecsafe.dates.packs import unusable_pack_file

    for i, election in enumerate(ctx.plan.elections):
        if not election.is_presidential or unusable_pack_file(ctx.plan, election.timetable_rules):
            continue
        meet = electors_meet(election.poll_date.year)
        for item in _items_for(ctx, election.id, {"electors_meet"}):
            if item.day != meet:
                yield ctx.report(
                    (*item.path, "when"),
                    f"presidential electors meet on {meet.isoformat()}, not {item.day.isoformat()}",
                )
        certificates = _items_for(ctx, election.id, {"certificate_of_ascertainment"})
        if not certificates:
            yield ctx.report(
                ("elections", i),
                f"presidential election '{election.id}' has no certificate of ascertainment "
                "milestone",
            )
        for item in certificates:
            if item.day > meet - timedelta(days=6):
                yield ctx.report(
                    (*item.path, "when"),
                    "the certificate of ascertainment is later than 6 days before the electors "
                    f"meet ({meet.isoformat()})",
                )


TT006 = Rule(
    code="TT006",
    check=_tt006,
    name="ecra-dates",
    severity=W,
    scope="US",
    summary="A presidential election has a certificate of ascertainment at least 6 days before "
    "the electors meet, on the first Tuesday after the second Wednesday in December.",
    rationale=(
        "ECRA and 3 U.S.C. 5 and 7 fix these dates (domain.md §4.6); Public Safety & Elections, Introduction: it names 'a key moment "
        "for certifying the election' among the events that may need law enforcement."
    ),
    fix="Use `statutory: certificate_of_ascertainment` and `statutory: electors_meet`.",
    bad=Example(
        "elections:\n"
        "  - id: president\n"
        "    name: Presidential election\n"
        "    kind: federal_general\n"
        "    poll_date: 2028-11-07\n"
        '    poll_hours: {open: "06:30", close: "19:30"}\n'
        "    timetable_rules: us_federal\n"
        "    is_presidential: true\n"
        "    jurisdictions: [area]\n"
        "timetable:\n"
        "  milestones:\n"
        "    - id: certificate-of-ascertainment\n"
        "      title: certificate of ascertainment\n"
        "      when: 2028-12-16\n"
        "      election: president\n"
        "    - id: electors-meet\n"
        "      title: electors meet\n"
        "      when: 2028-12-18\n"
        "      election: president\n",
        problems=((14, 13), (18, 13)),
    ),
    good=Example(
        "elections:\n"
        "  - id: president\n"
        "    name: Presidential election\n"
        "    kind: federal_general\n"
        "    poll_date: 2028-11-07\n"
        '    poll_hours: {open: "06:30", close: "19:30"}\n'
        "    timetable_rules: us_federal\n"
        "    is_presidential: true\n"
        "    jurisdictions: [area]\n"
        "timetable:\n"
        "  milestones:\n"
        "    - id: certificate\n"
        "      title: Certificate\n"
        "      statutory: certificate_of_ascertainment\n"
        "      election: president\n"
        "    - id: electors-meet\n"
        "      title: Electors meet\n"
        "      statutory: electors_meet\n"
        "      election: president\n"
    ),
)


# -- TT007 ------------------------------------------------------------------------------------

AFTER_POLL_KINDS = frozenset({"count", "canvass", "certification"})


def _tt007(ctx: Context) -> Iterator[Finding]:
    poll = ctx.poll
    if poll is None:
        return
    for item in ctx.dates.items():
        if item.kind != "milestone" or item.status in ("cancelled", "not_required"):
            continue
        kind = getattr(item.item, "kind", None)
        after = item.day >= poll if kind == "count" else item.day > poll
        if after and (kind in AFTER_POLL_KINDS or item.statutory_key):
            return
    yield ctx.report(
        ("timetable", "milestones"),
        "no count, canvass or certification milestone after polling day",
        anchor="key",
    )


TT007 = Rule(
    code="TT007",
    check=_tt007,
    name="season-after-poll",
    severity=W,
    scope="all",
    summary="The timetable covers the season after polling day: at least one count, canvass or "
    "certification milestone.",
    rationale=(
        "Public Safety & Elections, Introduction: election season events that may need law enforcement include 'a key moment for "
        "certifying the election'; APP Command and planning considerations: police at 'election counts'."
    ),
    fix="Add the count (UK) or canvass/certification (US) milestones with kind set.",
    bad=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: poll-day\n"
        "      title: poll day\n"
        "      when: 2027-05-06\n"
        "      kind: poll\n",
        problems=((2, 3),),
    ),
    good=Example(
        "timetable:\n"
        "  milestones:\n"
        "    - id: count\n"
        "      title: count\n"
        "      when: 2027-05-07\n"
        "      kind: count\n"
    ),
)


# -- extended ---------------------------------------------------------------------------------


def _tt009(ctx: Context) -> Iterator[Finding]:
    poll = ctx.poll
    if poll is None:
        return
    for i, item in enumerate(ctx.plan.timetable.trainings):
        day = ctx.dates.last(item.id)
        if item.status not in INACTIVE and day is not None and day >= poll:
            yield ctx.report(
                ("timetable", "trainings", i, "when"),
                f"training '{item.id}' ends on or after polling day",
            )


TT009 = Rule(
    code="TT009",
    check=_tt009,
    name="training-before-deployment",
    severity=W,
    scope="all",
    summary="Trainings for deployed staff end before polling day.",
    rationale=(
        "APP Neighbourhood inspectors: staff 'receive necessary training prior to the election "
        "day'; Public Safety & Elections, Interdepartmental training and scenario planning: agencies should 'train together' before they deploy."
    ),
    fix="Move the training before polling day.",
    bad=Example(
        "timetable:\n  trainings:\n    - {id: t1, title: Briefing, audience: le_officers, "
        "topics: [election_law], when: 2027-05-06}\n",
        problems=((3, 86),),
    ),
    good=Example(
        "timetable:\n  trainings:\n    - {id: t1, title: Briefing, audience: le_officers, "
        "topics: [election_law], when: 2027-05-04}\n"
    ),
)


def _tt010(ctx: Context) -> Iterator[Finding]:
    comms = ctx.plan.communications
    impartiality = comms.impartiality if comms else None
    if impartiality is None or impartiality.pre_election_period_start is None:
        return
    path = ("communications", "impartiality", "pre_election_period_start")
    start = ctx.dates.date_of(impartiality.pre_election_period_start, path)
    notice = ctx.dates.anchor("notice_of_election")
    if start is not None and notice is not None and start != notice:
        yield ctx.report(
            path,
            f"the pre-election period starts with the notice of election "
            f"({notice.isoformat()}), not {start.isoformat()}",
        )


TT010 = Rule(
    code="TT010",
    check=_tt010,
    name="pre-election-period",
    severity=Severity.INFO,
    scope="UK",
    core=False,
    summary="The pre-election period starts on the notice of election date.",
    rationale=(
        "APP Impartiality: the pre-election period 'commences with the Notice of Election (the "
        "formal start of the election timetable)'."
    ),
    fix="Write pre_election_period_start: notice_of_election.",
    bad=Example(
        "elections:\n"
        "  - id: may\n"
        "    name: County elections\n"
        "    kind: local_england\n"
        "    poll_date: 2027-05-06\n"
        '    poll_hours: {open: "07:00", close: "22:00"}\n'
        "    timetable_rules: uk_local_eng\n"
        "    jurisdictions: [area]\n"
        "communications:\n"
        "  impartiality: {pre_election_period_start: 2027-03-01}\n",
        problems=((10, 45),),
    ),
    good=Example(
        "elections:\n"
        "  - id: may\n"
        "    name: County elections\n"
        "    kind: local_england\n"
        "    poll_date: 2027-05-06\n"
        '    poll_hours: {open: "07:00", close: "22:00"}\n'
        "    timetable_rules: uk_local_eng\n"
        "    jurisdictions: [area]\n"
        "communications:\n"
        "  impartiality: {pre_election_period_start: notice_of_election}\n"
    ),
)

# -- TT013 ------------------------------------------------------------------------------------

_DIVISION = {"ENG": "england-and-wales", "WLS": "england-and-wales", "SCT": "scotland",
             "NIR": "northern-ireland"}  # fmt: skip


def public_holiday(ctx: Context, day: date) -> str | None:
    """The public holiday ``day`` is, if any: Christmas Day and New Year's Day everywhere, and
    in the UK the bank holidays of the plan's nation (the project's holiday data). US federal
    holidays other than those two are left alone: election offices work the canvass through
    Veterans Day."""
    from elecsafe.dates.workdays import load_holidays

    if (day.month, day.day) == (12, 25):
        return "Christmas Day"
    if (day.month, day.day) == (1, 1):
        return "New Year's Day"
    plan = ctx.plan
    if plan.country != "GB":
        return None
    division = _DIVISION.get(plan.uk_nation or "ENG", "england-and-wales")
    name = load_holidays("gb-" + division).days.get(day)
    return f"a bank holiday ({name})" if name else None


def _tt013(ctx: Context) -> Iterator[Finding]:
    for item in ctx.dates.items():
        if item.statutory_key or item.status in INACTIVE or item.kind == "action":
            continue  # statutory dates come from the law and its own holiday rules
        for day in ctx.dates.occurrences(item.id) or [item.day]:
            name = public_holiday(ctx, day)
            if name is not None:
                yield ctx.report(
                    (*item.path, "when"),
                    f"{item.kind} '{item.id}' falls on {day.isoformat()}, {name}",
                )
                break


TT013 = Rule(
    code="TT013",
    check=_tt013,
    name="no-holiday-items",
    severity=W,
    scope="all",
    summary="No meeting, training, exercise or milestone of the plan falls on Christmas Day, "
    "New Year's Day or (UK) a bank holiday of the plan's nation.",
    rationale=(
        "A meeting set on 25 December or a deadline on 1 January is almost always a date "
        "computed from an offset that nobody looked at. Roadmap §VII asks for 'a routine "
        "schedule to meet'; a meeting on a public holiday is one that partners will not attend."
    ),
    fix="Move the item to a working day (or add `roll: forward` to a working-day date).",
    bad=Example(
        "timetable:\n  milestones:\n    - id: brief\n      title: brief\n      when: 2026-12-25\n",
        problems=((5, 13),),
    ),
    good=Example(
        "timetable:\n  milestones:\n    - id: brief\n      title: brief\n      when: 2026-12-23\n"
    ),
)

# -- TT014 (reported by the resolver) ----------------------------------------------------------


TT014 = Rule(
    code="TT014",
    name="pack-fits-election",
    severity=E,
    scope="all",
    origin="resolver",
    summary="An election's statutory pack (timetable_rules) is the law for its kind of "
    "election: no English local timetable for a Senedd poll.",
    rationale=(
        "Each part of the UK, and each kind of election, has its own timetable rules: the "
        "Senedd, the Scottish Parliament and Scottish councils count other days and set other "
        "deadlines, and there is no Voter Authority Certificate at devolved Welsh and Scottish "
        "polls. A pack for another kind of election computes deadlines the law does not set, "
        "and the police plan (APP Pre-election "
        "planning: 'Certain stages in the electoral timetable could trigger particular types "
        "of malpractice activity') would follow them."
    ),
    fix="Use the pack for the election's kind (`elecsafe rule TT014` lists them), or remove "
    "timetable_rules and date the statutory items yourself.",
    bad=Example(
        "elections:\n"
        "  - id: senedd-2026\n"
        "    name: Senedd election\n"
        "    kind: senedd\n"
        "    poll_date: 2026-05-07\n"
        '    poll_hours: {open: "07:00", close: "22:00"}\n'
        "    timetable_rules: uk_local_eng\n"
        "    jurisdictions: [area]\n",
        problems=((7, 22),),
        country="GB",
    ),
    good=Example(
        "elections:\n"
        "  - id: senedd-2026\n"
        "    name: Senedd election\n"
        "    kind: senedd\n"
        "    poll_date: 2026-05-07\n"
        '    poll_hours: {open: "07:00", close: "22:00"}\n'
        "    timetable_rules: senedd\n"
        "    jurisdictions: [area]\n",
        country="GB",
    ),
)

RULES: tuple[Rule, ...] = (
    TT001,
    TT002,
    TT003,
    TT004,
    TT005,
    TT006,
    TT007,
    TT009,
    TT010,
    TT011,
    TT012,
    TT013,
    TT014,
)
