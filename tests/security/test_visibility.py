"""THE visibility decision (issue 11): what an audience may see is decided in one place and
every output asks it — the debrief, calendars, template helpers."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.cases import BASE
from tests.security.conftest import Run

SECRET_TITLE = "Covert deployment Zulu at the count"
RESTRICTED_MILESTONE = f"""
    - id: covert-deploy
      title: {SECRET_TITLE}
      kind: planning_milestone
      sensitivity: restricted
      when: 2027-05-05
"""
CONFIDENTIAL_PERSON = """
  - id: carol-hidden-voter
    display_name: Carol Hidden
    organisation: council
    address_confidentiality: true
"""
MEETING = """
  meetings:
    - id: jawg
      title: Joint agency working group
      meeting_type: joint_agency_working_group
      when: 2027-03-01
      time: "10:00"
      status: confirmed
      participants: [force, carol-hidden-voter]
      final: true
"""


def _plan(tmp_path: Path, *, debrief: bool = False, meeting: bool = False) -> Path:
    text = BASE.replace(
        "      when: poll - 14 days\n",
        "      when: poll - 14 days\n" + RESTRICTED_MILESTONE.lstrip("\n"),
    )
    text = text.replace(
        "    organisation: council\n",
        "    organisation: council\n" + CONFIDENTIAL_PERSON.lstrip("\n"),
        1,
    )
    if meeting:
        text = text.replace("timetable:\n", "timetable:\n" + MEETING.lstrip("\n"), 1)
    if debrief:
        text += (
            "debrief:\n  lessons:\n    - text: Deployments need earlier sign-off.\n"
            "      action: covert-deploy\n"
        )
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text(text, encoding="utf-8")
    return plan


def test_a_restricted_milestone_never_reaches_the_partners_debrief(
    tmp_path: Path, run: Run
) -> None:
    plan = _plan(tmp_path, debrief=True)
    out = tmp_path / "debrief.md"
    result = run(
        "render", "debrief", str(plan), "-o", str(out), "--audience", "partners", "--force"
    )
    assert result.code == 0, result
    text = out.read_text()
    assert "Deployments need earlier sign-off." in text
    assert SECRET_TITLE not in text and "covert-deploy" not in text
    assert "4 May 2027" not in text and "5 May 2027" not in text
    internal = tmp_path / "debrief-internal.md"
    result = run(
        "render", "debrief", str(plan), "-o", str(internal), "--audience", "internal", "--force"
    )
    assert result.code == 0, result
    assert SECRET_TITLE in internal.read_text()  # the internal edition still has it


def test_a_custom_template_cannot_date_a_restricted_item(tmp_path: Path, run: Run) -> None:
    plan = _plan(tmp_path)
    (plan / "templates").mkdir()
    (plan / "templates" / "briefing.md.j2").write_text(
        "covert: [{{ due('covert-deploy') }}] poll: [{{ due('polling-day') }}]\n"
    )
    out = tmp_path / "briefing.md"
    result = run(
        "render", "briefing", str(plan), "-o", str(out), "--audience", "partners", "--force"
    )
    assert result.code == 0, result
    text = out.read_text()
    assert "covert: []" in text
    assert "poll: [6 May 2027" in text


def _calendar(plan: Path, tmp_path: Path, run: Run, audience: str) -> str:
    out = tmp_path / f"{audience}.ics"
    result = run("calendar", str(plan), "-o", str(out), "--audience", audience)
    assert result.code == 0, result
    return out.read_bytes().replace(b"\r\n ", b"").decode("utf-8")


def test_the_partners_calendar_does_not_name_a_confidential_participant(
    tmp_path: Path, run: Run
) -> None:
    plan = _plan(tmp_path, meeting=True)
    text = _calendar(plan, tmp_path, run, "partners")
    assert "Participants: force\\, 1 more" in text  # iCalendar escapes the comma
    assert "carol" not in text.lower()


def test_the_public_calendar_carries_no_partners_field_and_is_public(
    tmp_path: Path, run: Run
) -> None:
    plan = _plan(tmp_path, meeting=True)
    text = _calendar(plan, tmp_path, run, "public")
    assert "Status:" not in text and "\nSTATUS:" not in text
    assert "CLASS:CONFIDENTIAL" not in text
    assert text.count("BEGIN:VEVENT") == text.count("CLASS:PUBLIC") >= 1
    assert SECRET_TITLE not in text and "Joint agency working group" not in text
    partners = _calendar(plan, tmp_path, run, "partners")
    assert "STATUS:CONFIRMED" in partners and "Status: confirmed" in partners
