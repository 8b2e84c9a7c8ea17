"""MTG and TT rules beyond their documented examples: resolved dates, recurrences, today."""

from __future__ import annotations

from pathlib import Path

from tests.lint.conftest import check


def meetings(*items: str) -> str:
    return "timetable:\n  meetings:\n" + "".join(items)


def meeting(id_: str, kind: str, when: str, extra: str = "") -> str:
    return (
        f"    - id: {id_}\n      title: {id_}\n      meeting_type: {kind}\n      when: {when}\n"
        + extra
    )


def test_mtg001_next_meeting_must_come_later(tmp_path: Path) -> None:
    text = meetings(
        meeting("a", "planning", "2027-03-01", "      next_meeting: b\n"),
        meeting("b", "planning", "2027-02-01", "      final: true\n"),
    )
    result = check(tmp_path, text, "MTG001", [(7, 21)])
    message = next(f.message for f in result.findings if f.code == "MTG001")
    assert message == "next meeting 'b' (2027-02-01) is not after meeting 'a' (2027-03-01)"


def test_mtg001_relative_dates_are_resolved(tmp_path: Path) -> None:
    text = meetings(
        meeting("a", "planning", "poll - 6 weeks", "      next_meeting: b\n"),
        meeting("b", "planning", "a + 2 weeks", "      final: true\n"),
    )
    check(tmp_path, text, "MTG001", [])


def test_mtg001_recurring_meeting_next_is_after_the_last_occurrence(tmp_path: Path) -> None:
    text = meetings(
        meeting(
            "series",
            "routine_checkin",
            "2027-02-01",
            "      recurrence: {frequency: weekly, count: 6}\n      next_meeting: 2027-03-01\n",
        ),
    )
    check(tmp_path, text, "MTG001", [(8, 21)])  # sixth occurrence: 2027-03-08


def test_mtg001_cancelled_and_final_meetings_need_no_next(tmp_path: Path) -> None:
    text = meetings(
        meeting("a", "planning", "2027-03-01", "      status: cancelled\n"),
        meeting("b", "planning", "2027-03-02", "      final: true\n"),
    )
    check(tmp_path, text, "MTG001", [])


def test_mtg002_gaps_in_the_past_are_not_reported(tmp_path: Path) -> None:
    # today is 2026-11-22: a gap that ended before today cannot be fixed any more
    text = meetings(
        meeting("old", "introductory", "2026-06-01", "      next_meeting: wg\n"),
        meeting(
            "wg",
            "joint_agency_working_group",
            "2026-10-01",
            "      recurrence: {frequency: fortnightly, until: 2027-05-05}\n      final: true\n",
        ),
    )
    check(tmp_path, text, "MTG002", [])


def test_mtg002_tight_gaps_near_polling_day(tmp_path: Path) -> None:
    text = meetings(
        meeting(
            "wg",
            "joint_agency_working_group",
            "2027-01-05",
            "      recurrence: {frequency: monthly, until: 2027-05-05}\n      final: true\n",
        ),
    )
    result = check(tmp_path, text, "MTG002", [(3, 7)] * 3)
    assert [f.message for f in result.findings if f.code == "MTG002"] == [
        "no joint meeting from 2027-01-05 to 2027-02-05 (31 days; keep gaps to 30 days)",
        "no joint meeting from 2027-03-05 to 2027-04-05 (31 days; keep gaps to 30 days)",
        "no joint meeting from 2027-04-05 to 2027-05-05 (30 days; keep gaps to 14 days near "
        "polling day)",
    ]


def test_mtg007_training_too_close_to_polling_day(tmp_path: Path) -> None:
    text = """\
timetable:
  trainings:
    - {id: staff, title: Staff, audience: election_staff, topics: [de_escalation], when: 2027-03-01}
    - {id: le, title: LE, audience: le_officers, topics: [election_law], when: 2027-05-01}
"""
    check(tmp_path, text, "MTG007", [(2, 3)])
    check(tmp_path, text.replace("2027-05-01", "2027-04-29"), "MTG007", [])


def test_mtg008_needs_both_sides(tmp_path: Path) -> None:
    text = """\
timetable:
  exercises:
    - {id: ttx, title: TTX, exercise_type: tabletop, participating_orgs: [office], when: 2027-03-01}
"""
    check(tmp_path, text, "MTG008", [(2, 3)])


def test_tt003_statutory_pack_dates_are_in_order(tmp_path: Path) -> None:
    text = """\
elections:
  - id: may
    name: County elections
    kind: local_england
    poll_date: 2027-05-06
    poll_hours: {open: "07:00", close: "22:00"}
    timetable_rules: uk_local_eng
    jurisdictions: [area]
timetable:
  milestones:
    - {id: noe, title: Notice, statutory: notice_of_election, election: may}
    - {id: noms, title: Nominations, statutory: nominations_close, election: may}
    - {id: reg, title: Registration, statutory: registration_deadline, election: may}
"""
    check(tmp_path, text, "TT003", [])
    overridden = text.replace(
        "statutory: registration_deadline, election: may}",
        "statutory: registration_deadline, election: may, when: 2027-03-01, "
        "override_reason: typed in a hurry}",
    )
    check(tmp_path, overridden, "TT003", [(13, 93)])


def test_tt004_the_federal_pack_date_passes(tmp_path: Path) -> None:
    text = """\
elections:
  - id: general
    name: General election
    kind: federal_general
    poll_date: 2028-11-07
    poll_hours: {open: "06:30", close: "19:30"}
    timetable_rules: us_federal
    jurisdictions: [area]
timetable:
  milestones:
    - {id: uocava, title: UOCAVA, statutory: uocava_transmission, election: general}
"""
    result = check(tmp_path, text, "TT004", [("plan.yaml", 28, 5)], country="US")
    # the base election 'poll' has no UOCAVA milestone; the one of 'general' is fine
    assert [f.message for f in result.findings if f.code == "TT004"] == [
        "federal election 'poll' has no UOCAVA ballot transmission milestone"
    ]


def test_resolver_findings_are_reported_with_positions(tmp_path: Path) -> None:
    text = "timetable:\n  milestones:\n    - {id: m, title: M, when: nowhere + 2 days}\n"
    result = check(tmp_path, text, "TT001", [(3, 7), (3, 31)])
    assert any("nowhere" in f.message for f in result.findings if f.code == "TT001")
