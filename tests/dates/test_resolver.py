"""resolve_plan: items, statutory dates, anchors and positioned findings."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elecsafe.dates import ResolvedItem, resolve_plan
from elecsafe.dates.resolver import FIRST_YEAR, LAST_YEAR
from elecsafe.findings import Finding, Severity
from elecsafe.load.loader import LoadedPlan
from tests.dates.conftest import GB_HEAD, LOCALS_2025, US_HEAD, line_of, load_text, plan_text

LONDON = ZoneInfo("Europe/London")


def located(loaded: LoadedPlan) -> list[tuple[str, int, int, str]]:
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    out = []
    for finding in resolved.findings:
        where: Finding = loaded.locate(finding)
        out.append((where.code, where.line, where.column, where.message))
    return sorted(out, key=lambda t: (t[1], t[2]))


def test_statutory_items_take_their_dates_from_the_pack(tmp_path: Path) -> None:
    loaded = load_text(
        tmp_path,
        GB_HEAD,
        LOCALS_2025,
        """\
        timetable:
          milestones:
            - id: noe
              title: Notice of election
              statutory: notice_of_election
              owner: spoc
            - id: noms
              title: Nominations close
              statutory: nominations_close
            - id: polling-day
              title: Polling day
              statutory: poll
        """,
    )
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan, today=date(2025, 1, 1))
    assert resolved.findings == ()
    assert [i.id for i in resolved.items] == ["noe", "noms", "polling-day"]
    noe = resolved.item("noe")
    assert noe == ResolvedItem(
        id="noe",
        kind="milestone",
        title="Notice of election",
        start=date(2025, 3, 25),
        end=date(2025, 3, 25),
        all_day=True,
        owner="spoc",
        path=("timetable", "milestones", 0),
        offset_label="E−25wd",
        occurrences=[date(2025, 3, 25)],
        statutory_key="notice_of_election",
        item=loaded.plan.timetable.milestones[0],
        time=None,
        election="locals-2025",
        participants=(),
        status="planned",
    )
    noms = resolved.item("noms")
    assert noms is not None
    assert (noms.start, noms.all_day, noms.time, noms.offset_label) == (
        date(2025, 4, 2),
        True,
        "16:00",
        "E−19wd",
    )
    assert resolved.poll_date == date(2025, 5, 1)
    assert resolved.anchors["poll"] == date(2025, 5, 1)
    assert resolved.anchors["locals-2025"] == date(2025, 5, 1)
    assert resolved.anchors["proxy_deadline"] == date(2025, 4, 23)
    assert resolved.anchors["locals-2025.vac_deadline"] == date(2025, 4, 23)
    assert resolved.item("nothing") is None


def test_relative_anchors_items_and_labels(tmp_path: Path) -> None:
    loaded = load_text(
        tmp_path,
        GB_HEAD,
        LOCALS_2025,
        """\
        timetable:
          milestones:
            - id: gold-group
              title: Gold group established
              when: {window: {from: poll - 4 months, to: poll - 3 months}}
            - id: after-noe
              title: Letter to candidates
              when: notice_of_election + 3 days
            - id: brief
              title: Officer briefing
              when: {anchor: poll, offset: -2, unit: weeks, time: "09:30"}
              duration_minutes: 45
            - id: debrief-prep
              title: Debrief preparation
              when: 2025-05-20
          meetings:
            - id: gold-2
              title: Second gold meeting
              meeting_type: gold_group
              when: gold-group + 14 days
              final: true
        """,
    )
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    assert resolved.findings == ()
    gold = resolved.item("gold-group")
    assert gold is not None and gold.window
    assert (gold.start, gold.end, gold.offset_label) == (
        date(2025, 1, 1),
        date(2025, 2, 1),
        "E−4m…E−3m",
    )
    after = resolved.item("after-noe")
    assert after is not None and (after.start, after.offset_label) == (date(2025, 3, 28), "E−34d")
    brief = resolved.item("brief")
    assert brief is not None
    assert brief.start == datetime(2025, 4, 17, 9, 30, tzinfo=LONDON)
    assert brief.end == brief.start + timedelta(minutes=45)
    assert brief.all_day is False and brief.offset_label == "E−2w"
    meeting = resolved.item("gold-2")
    assert meeting is not None and meeting.kind == "meeting"
    assert (meeting.start, meeting.offset_label) == (date(2025, 1, 15), "E−106d")
    debrief = resolved.item("debrief-prep")
    assert debrief is not None and debrief.offset_label == "E+19d"
    assert [i.id for i in resolved.items] == [
        "gold-group",
        "gold-2",
        "after-noe",
        "brief",
        "debrief-prep",
    ]


def test_bad_expressions_are_positioned_findings(tmp_path: Path) -> None:
    body = """\
        timetable:
          milestones:
            - id: typo
              title: Typo
              when: pol - 3 days
            - id: cyc-a
              title: A
              when: cyc-b + 1 day
            - id: cyc-b
              title: B
              when: {anchor: cyc-a, offset: 2, unit: days}
            - id: feb
              title: Feb
              when: 2027-02-31
            - id: far
              title: Far
              when: poll + 40 years
            - id: too-far
              title: Too far
              when: poll + 30000 working days
            - id: after-typo
              title: Depends on a broken item
              when: typo + 1 day
        """
    loaded = load_text(tmp_path, GB_HEAD, LOCALS_2025, body)
    text = plan_text(GB_HEAD, LOCALS_2025, body)
    cycle = "cycle: cyc-a → cyc-b → cyc-a"
    assert located(loaded) == [
        ("TT001", line_of(text, "pol - 3"), 13, "unknown anchor 'pol'"),
        ("TT001", line_of(text, "cyc-b + 1"), 13, cycle),
        ("TT001", line_of(text, "anchor: cyc-a"), 22, cycle),
        (
            "REF002",
            line_of(text, "2027-02-31"),
            13,
            "2027-02-31 is not a date (February 2027 has 28 days)",
        ),
        ("TT001", line_of(text, "40 years"), 13, "unknown unit 'years' in 'poll + 40 years'"),
        (
            "REF002",
            line_of(text, "30000"),
            13,
            "this date cannot be computed: 2046-01-01 is outside the supported holiday years "
            "2010–2045",
        ),
        (
            "TT001",
            line_of(text, "typo + 1"),
            13,
            "anchor 'typo' has no date (see the finding on 'typo')",
        ),
    ]
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    assert resolved.items == ()
    typo = next(f for f in resolved.findings if f.message == "unknown anchor 'pol'")
    assert typo.hint == "did you mean 'poll'?"
    assert typo.path == ("timetable", "milestones", 0, "when")
    assert typo.severity is Severity.ERROR


def test_statutory_mismatch_and_override(tmp_path: Path) -> None:
    body = """\
        timetable:
          milestones:
            - id: noms
              title: Nominations close
              statutory: nominations_close
              when: 2025-04-03
            - id: noe
              title: Notice of election
              statutory: notice_of_election
              when: 2025-03-24
              override_reason: published early by agreement with the RO
            - id: proxy
              title: Proxy deadline
              statutory: proxy_deadline
              when: poll - 6 working days
            - id: good-friday
              title: Postal deadline
              statutory: postal_vote_deadline
              when: 2025-04-18
              override_reason: fictional test of an excluded day
        """
    loaded = load_text(tmp_path, GB_HEAD, LOCALS_2025, body)
    text = plan_text(GB_HEAD, LOCALS_2025, body)
    assert located(loaded) == [
        (
            "TT002",
            line_of(text, "2025-04-03"),
            13,
            "statutory date 'nominations_close' (uk_local_eng) is Wed 02 Apr 2025; "
            "the plan says Thu 03 Apr 2025",
        ),
        (
            "TT011",
            line_of(text, "2025-04-18"),
            13,
            "the statutory date Fri 18 Apr 2025 is Good Friday, not a working day",
        ),
    ]
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    noms, noe, proxy = (resolved.item(i) for i in ("noms", "noe", "proxy"))
    assert noms is not None and noms.start == date(2025, 4, 2)  # the law wins without a reason
    assert noe is not None and noe.start == date(2025, 3, 24)  # the override wins with one
    assert proxy is not None and proxy.start == date(2025, 4, 23)


def test_statutory_key_problems(tmp_path: Path) -> None:
    body = """\
        timetable:
          milestones:
            - id: typo
              title: Typo
              statutory: nomination_close
            - id: electors
              title: Electors meet
              statutory: electors_meet
        """
    loaded = load_text(tmp_path, GB_HEAD, LOCALS_2025, body)
    text = plan_text(GB_HEAD, LOCALS_2025, body)
    found = located(loaded)
    assert found == [
        (
            "TT001",
            line_of(text, "nomination_close"),
            18,
            "unknown statutory key 'nomination_close' in pack 'uk_local_eng'",
        ),
        (
            "TT001",
            line_of(text, "electors_meet"),
            18,
            "unknown statutory key 'electors_meet' in pack 'uk_local_eng'",
        ),
    ]


def test_unknown_pack_and_missing_rules(tmp_path: Path) -> None:
    elections = LOCALS_2025.replace("uk_local_eng", "uk_local_england")
    body = """\
        timetable:
          milestones:
            - id: noe
              title: Notice of election
              statutory: notice_of_election
        """
    loaded = load_text(tmp_path, GB_HEAD, elections, body)
    text = plan_text(GB_HEAD, elections, body)
    assert located(loaded) == [
        (
            "TT001",
            line_of(text, "uk_local_england"),
            22,
            "unknown timetable rules 'uk_local_england' for election 'locals-2025'",
        ),
        (
            "TT001",
            line_of(text, "statutory: notice"),
            18,
            "statutory 'notice_of_election': election 'locals-2025' has no known timetable_rules",
        ),
    ]


def test_working_day_offset_zero_on_a_weekend_is_tt011(tmp_path: Path) -> None:
    body = """\
        timetable:
          milestones:
            - id: saturday
              title: Saturday
              when: 2025-04-19
            - id: same-day
              title: Same working day
              when: saturday + 0 working days
            - id: rolled
              title: Rolled
              when: saturday + 0 days, roll forward
        """
    loaded = load_text(tmp_path, GB_HEAD, LOCALS_2025, body)
    text = plan_text(GB_HEAD, LOCALS_2025, body)
    assert located(loaded) == [
        (
            "TT011",
            line_of(text, "saturday + 0 working"),
            13,
            "Sat 19 Apr 2025 is a Saturday, not a working day",
        )
    ]
    assert loaded.plan is not None
    rolled = resolve_plan(loaded.plan).item("rolled")
    assert rolled is not None and rolled.start == date(2025, 4, 22)  # past Easter Monday


def test_fortnightly_meeting_keeps_local_time_across_dst(tmp_path: Path) -> None:
    loaded = load_text(
        tmp_path,
        GB_HEAD,
        LOCALS_2025,
        """\
        timetable:
          meetings:
            - id: jawg
              title: Joint agency working group
              meeting_type: joint_agency_working_group
              when: 2025-03-13 10:00
              recurrence: {frequency: fortnightly, until: poll}
              final: true
        """,
    )
    assert loaded.plan is not None
    item = resolve_plan(loaded.plan).item("jawg")
    assert item is not None and item.recurrence is not None
    assert (item.recurrence.freq, item.recurrence.interval) == ("WEEKLY", 2)
    assert item.recurrence.until == date(2025, 5, 1)
    starts = [o.isoformat() for o in item.occurrences]
    assert starts == [
        "2025-03-13T10:00:00+00:00",
        "2025-03-27T10:00:00+00:00",
        "2025-04-10T10:00:00+01:00",  # BST from 30 March: still 10:00 on the wall clock
        "2025-04-24T10:00:00+01:00",
    ]
    assert item.last_day == date(2025, 4, 24)


def test_us_plan_business_days_and_presidential_anchors(tmp_path: Path) -> None:
    loaded = load_text(
        tmp_path,
        US_HEAD,
        """\
        timetable:
          milestones:
            - id: uocava
              title: UOCAVA ballots out
              statutory: uocava_transmission
            - id: electors
              title: Electors meet
              statutory: electors_meet
            - id: canvass-brief
              title: Canvass briefing
              when: poll + 3 business days
            - id: cert-check
              title: Certificate check
              when: certificate_of_ascertainment - 1 day
        """,
    )
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    assert resolved.findings == ()
    starts = {i.id: (i.start, i.offset_label) for i in resolved.items}
    assert starts == {
        "uocava": (date(2028, 9, 23), "E−45d"),
        "canvass-brief": (date(2028, 11, 13), "E+3bd"),  # skips Veterans Day (observed)
        "cert-check": (date(2028, 12, 12), "E+35d"),
        "electors": (date(2028, 12, 19), "E+42d"),
    }
    assert resolved.anchors["inauguration"] == date(2029, 1, 20)
    calendar = resolved.working_calendar()
    assert calendar is not None and calendar.name == "us:federal"


def test_ukpge_uses_every_uk_division(tmp_path: Path) -> None:
    elections = """\
        elections:
          - id: ge-2019
            name: General election
            kind: uk_parliamentary_general
            poll_date: 2019-12-12
            poll_hours: {open: "07:00", close: "22:00"}
            timetable_rules: ukpge
            jurisdictions: [pfa]
        """
    body = """\
        timetable:
          milestones:
            - id: noms
              title: Nominations close
              statutory: nominations_close
        """
    loaded = load_text(tmp_path, GB_HEAD, elections, body)
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    noms = resolved.item("noms")
    assert noms is not None and noms.start == date(2019, 11, 14)
    calendar = resolved.working_calendar("ge-2019")
    assert calendar is not None and calendar.name == "uk:all"


def test_division_comes_from_the_jurisdiction_or_nation(tmp_path: Path) -> None:
    head = GB_HEAD.replace("    bank_holiday_division: england-and-wales\n", "")
    head = head.replace("uk_nation: ENG", "uk_nation: SCT")
    loaded = load_text(tmp_path, head, LOCALS_2025)
    assert loaded.plan is not None
    calendar = resolve_plan(loaded.plan).working_calendar()
    assert calendar is not None and calendar.name == "uk:scotland"


def test_declared_days_and_every_other_date_field_resolved_eagerly(tmp_path: Path) -> None:
    body = """\
        timetable:
          extra_excluded_days:
            - {date: 2025-04-22, reason: Fictional day of mourning}
          milestones:
            - id: postal
              title: Postal deadline (as if)
              when: poll - 11 working days
        sites:
          - id: hall
            name: Chapel Hall
            kind: polling_station
            jurisdiction: pfa
            operating_windows:
              - {from: poll + 1 month, to: nope - 1 day}
        """
    loaded = load_text(tmp_path, GB_HEAD, LOCALS_2025, body)
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    postal = resolved.item("postal")
    assert postal is not None and postal.start == date(2025, 4, 11)  # 14 Apr without the day
    window: tuple[str | int, ...] = ("sites", 0, "operating_windows", 0)
    assert resolved.date_at((*window, "from")) == date(2025, 6, 1)
    assert resolved.date_at((*window, "to")) is None
    # the finding is there before anyone asks, once
    assert [(f.code, f.path) for f in resolved.findings] == [("TT001", (*window, "to"))]


def test_plan_without_elections(tmp_path: Path) -> None:
    loaded = load_text(
        tmp_path,
        GB_HEAD,
        """\
        timetable:
          milestones:
            - id: fixed
              title: Fixed
              when: 2027-01-04
            - id: rel
              title: Relative
              when: poll - 2 days
        """,
    )
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    assert resolved.poll_date is None
    fixed = resolved.item("fixed")
    assert fixed is not None and fixed.offset_label == ""
    assert [f.message for f in resolved.findings] == [
        "anchor 'poll' needs an election with a poll_date"
    ]


@given(
    when=st.one_of(
        st.text(max_size=40),
        st.from_regex(
            r"(poll|noe|x|2025-0[1-9]-[0-3][0-9]) [-+] [0-9]{1,12} (days|wd|bd|weeks|months)"
            r"( at [0-2][0-9]:[0-5][0-9])?",
            fullmatch=True,
        ),
        st.dates(),
    ),
    offset=st.integers(min_value=-(10**12), max_value=10**12),
    unit=st.sampled_from(["calendar_days", "working_days", "business_days", "weeks", "months"]),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_resolve_plan_never_raises(when: object, offset: int, unit: str) -> None:
    from elecsafe.model.plan import Plan

    data = yaml.safe_load(plan_text(GB_HEAD, LOCALS_2025))
    data["timetable"] = {
        "milestones": [
            {"id": "noe", "title": "NoE", "statutory": "notice_of_election"},
            {"id": "a", "title": "A", "when": when, "time": "23:30", "duration_minutes": 1440},
            {"id": "b", "title": "B", "when": {"anchor": "a", "offset": offset, "unit": unit}},
        ],
        "meetings": [
            {
                "id": "m",
                "title": "M",
                "meeting_type": "planning",
                "when": "b + 1 day at 10:00",
                "recurrence": {"frequency": "weekly", "until": "b + 5 weeks"},
                "final": True,
            }
        ],
    }
    plan = Plan.model_validate(data)
    resolved = resolve_plan(plan)
    for item in resolved.items:
        assert FIRST_YEAR <= item.day.year <= LAST_YEAR
    for finding in resolved.findings:
        assert finding.path[:2] == ("timetable", "milestones") or finding.path[1] == "meetings"
    from elecsafe.calendar import export_ics

    assert export_ics(plan, resolved).startswith(b"BEGIN:VCALENDAR\r\n")


def test_same_day_items_sort_all_day_by_deadline_then_timed(tmp_path: Path) -> None:
    loaded = load_text(
        tmp_path,
        GB_HEAD,
        LOCALS_2025,
        """\
        timetable:
          milestones:
            - id: a-emergency
              title: Emergency proxy deadline
              statutory: emergency_proxy_deadline
            - id: b-poll
              title: Polling day
              statutory: poll
            - id: c-count
              title: Count starts
              when: poll at 22:30
        """,
    )
    assert loaded.plan is not None
    assert [i.id for i in resolve_plan(loaded.plan).items] == ["b-poll", "a-emergency", "c-count"]


def test_label_of_a_rolled_date_is_its_real_distance_from_the_poll(tmp_path: Path) -> None:
    """Easter Monday 2025 is E−10d: rolled forward, the briefing is on E−9d and says so."""
    loaded = load_text(
        tmp_path,
        GB_HEAD,
        LOCALS_2025,
        """\
        timetable:
          milestones:
            - id: rolled
              title: Briefing
              when: {anchor: poll, offset: -10, unit: days, roll: forward}
            - id: kept
              title: Briefing
              when: {anchor: poll, offset: -14, unit: days, roll: forward}
        """,
    )
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan)
    rolled, kept = resolved.item("rolled"), resolved.item("kept")
    assert rolled is not None and kept is not None
    assert (rolled.start, rolled.offset_label) == (date(2025, 4, 22), "E−9d")
    assert (kept.start, kept.offset_label) == (date(2025, 4, 17), "E−14d")


def test_every_date_field_of_the_model_is_resolved_eagerly() -> None:
    """A new DateSpec field must be a timetable item's date or listed in other_date_fields
    (else rules asking for it would get None, and its bad expressions no finding)."""
    from pydantic import BaseModel

    from elecsafe.model.plan import Plan

    found: set[tuple[str, str]] = set()
    seen: set[type] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            if "DateSpec" in str(info.annotation) or "RelativeDate" in str(info.annotation):
                found.add((model.__name__, name))
            for sub in _models_in(info.annotation):
                walk(sub)
        for sub in model.__subclasses__():
            walk(sub)

    walk(Plan)
    items = {(n, "when") for n in ("TimetableItem", "Milestone", "Meeting", "Training", "Exercise")}
    # actions and recurrences are resolved as items; a window's bounds with its DateSpec
    parts = {("Action", "due"), ("Recurrence", "until")}
    parts |= {("DateWindowBounds", "from_"), ("DateWindowBounds", "to")}
    parts |= {("PresenceWindow", "from_"), ("PresenceWindow", "to")}  # items of kind presence
    resolved_elsewhere = parts | items
    listed = {
        ("ThreatAssessment", "review_due"),
        ("VulnerabilityAssessment", "next_review"),
        ("OperatingWindow", "from_"),
        ("OperatingWindow", "to"),
        ("Impartiality", "pre_election_period_start"),
        ("BallotTransport", "when"),
    }
    assert found - resolved_elsewhere == listed


def _models_in(annotation: object) -> list[type]:
    from typing import get_args

    from pydantic import BaseModel

    out: list[type] = []
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            out.append(current)
        stack.extend(get_args(current))
    return out
