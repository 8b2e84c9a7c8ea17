"""``elecsafe roll``: next year's plan, every comment kept, statutory dates from the pack."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from elecsafe.dates.packs import load_pack, pack_dates
from elecsafe.dates.resolver import resolve_plan
from elecsafe.dates.workdays import uk_calendar
from elecsafe.load.loader import load_plan
from tests.edit.conftest import comment_lines, invoke, snapshot, trailing_comments

NEW_POLL = {"uk-force": "2028-05-04", "us-county": "2030-11-05"}
AFTER = {"uk-force": "2027-09-01", "us-county": "2028-12-20"}


def _roll(plan: Path, *extra: str) -> object:
    name = plan.name
    return invoke(["roll", str(plan), "--poll-date", NEW_POLL[name], *extra], today=AFTER[name])


def test_roll_keeps_every_comment_and_the_private_layer(example: Path) -> None:
    comments, trailing = comment_lines(example), trailing_comments(example)
    private = {k: v for k, v in snapshot(example).items() if k.startswith("private/")}
    result = _roll(example)
    assert result.exit_code == 0, result.output
    assert comment_lines(example) == comments
    assert trailing_comments(example) == trailing
    assert {k: v for k, v in snapshot(example).items() if k.startswith("private/")} == private
    assert "needs a person:" in result.output


def test_rolled_plan_passes_check(example: Path) -> None:
    assert _roll(example).exit_code == 0
    check = invoke(["check", str(example)], today=AFTER[example.name])
    assert check.exit_code == 0, check.output
    assert "DOC008" in invoke(["check", str(example), "--format", "concise"]).output


def test_rolled_plan_moves_what_the_issue_lists(example: Path) -> None:
    before = load_plan(example).plan
    assert before is not None
    assert _roll(example).exit_code == 0
    after = load_plan(example).plan
    assert after is not None
    new_poll = date.fromisoformat(NEW_POLL[example.name])
    assert after.poll_date == new_poll
    assert after.version != before.version
    assert after.previous_plan == f"{before.id} version {before.version}"
    assert str(new_poll.year) in after.id
    # meetings with absolute dates moved by whole weeks: same weekday
    old_meetings = {m.id: m.when for m in before.timetable.meetings}
    for meeting in after.timetable.meetings:
        old = old_meetings[meeting.id]
        if isinstance(old, date) and isinstance(meeting.when, date):
            assert meeting.when.weekday() == old.weekday()
            assert (meeting.when - old).days % 7 == 0 and meeting.when > old
    items = [*after.timetable.meetings, *after.timetable.trainings, *after.timetable.milestones]
    assert all(i.status.value == "planned" for i in items)
    signed = [a for a in (*after.mous, *after.mutual_aid) if a.signature_history]
    assert signed and all(a.resign_due for a in signed)
    assert after.debrief is not None and after.debrief.lessons == []
    assert before.debrief is not None
    lessons = {lesson.text for lesson in before.debrief.lessons}
    actions = {a.text: a for a in after.timetable.actions}
    assert lessons <= set(actions)
    assert all(actions[text].owner for text in lessons)


def test_rolled_uk_statutory_dates_match_the_pack(copy_example: object) -> None:
    from collections.abc import Callable

    assert callable(copy_example)
    make: Callable[[str], Path] = copy_example
    plan = make("uk-force")
    assert _roll(plan).exit_code == 0
    loaded = load_plan(plan)
    assert loaded.plan is not None
    resolved = resolve_plan(loaded.plan, date(2027, 9, 1))
    expected = pack_dates(load_pack("uk_local_eng"), date(2028, 5, 4), uk_calendar())
    statutory = [i for i in resolved.items if i.statutory_key]
    assert statutory
    for item in statutory:
        assert item.day == expected[item.statutory_key], item.id


def test_roll_dry_run_leaves_every_byte(example: Path) -> None:
    before = snapshot(example)
    result = _roll(example, "--dry-run")
    assert result.exit_code == 0
    assert "+    resign_due: true" in result.stdout
    assert snapshot(example) == before


def test_roll_refuses_a_date_before_the_current_poll(example: Path) -> None:
    before = snapshot(example)
    result = invoke(["roll", str(example), "--poll-date", "2020-01-02"])
    assert result.exit_code == 2
    assert "is not after the current one" in result.output
    assert snapshot(example) == before
