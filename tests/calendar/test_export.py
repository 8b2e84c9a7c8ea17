"""``elecsafe calendar``: RFC 5545 structure, Outlook rules, stability and refusals."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import recurring_ical_events
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from elecsafe.calendar.builder import UID_NAMESPACE, parse_duration
from elecsafe.cli.app import app
from tests.calendar.conftest import CALENDAR_PLAN, ENV, run, runner


def export(plan_dir: Path, target: Path, *extra: str, env: dict[str, str | None] | None = None):
    code, out, err = run("calendar", str(plan_dir), "-o", str(target), *extra, env=env)
    assert (code, err) == (0, ""), err
    assert out == f"wrote {target}\n"
    return Calendar.from_ical(target.read_bytes())


def events(calendar: Calendar) -> dict[str, object]:
    by_summary = {}
    for event in calendar.walk("VEVENT"):
        by_summary[str(event["SUMMARY"])] = event
    return by_summary


def test_calendar_header_and_every_event_rule(plan_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    calendar = export(plan_dir, target)
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//elecsafe//elecsafe ")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert (
        str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == "Testshire election safety plan"
    )
    assert b"ORGANIZER" not in raw and b"ATTENDEE" not in raw and b"@" not in raw
    assert not calendar.get_missing_tzids()  # every TZID has its VTIMEZONE
    [vtz] = calendar.walk("VTIMEZONE")
    assert [(c.name, c["RRULE"].to_ical()) for c in vtz.subcomponents] == [
        ("DAYLIGHT", b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"),
        ("STANDARD", b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"),
    ]
    found = calendar.walk("VEVENT")
    assert len(found) == 6  # 'secret-plan' has export.ics: false
    for event in found:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "CLASS", "SUMMARY"):
            assert name in event, name
        assert event["DTSTAMP"].dt == datetime(2025, 1, 10, tzinfo=UTC)
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt < timedelta(0)
        assert "RDATE" not in event
    assert "Internal only" not in events(calendar)


def test_all_day_statutory_deadline(plan_dir: Path, tmp_path: Path) -> None:
    by_summary = events(export(plan_dir, tmp_path / "plan.ics"))
    noms = by_summary["16:00 Nominations close"]
    assert noms["DTSTART"].to_ical() == b"20250402"
    assert noms["DTSTART"].params["VALUE"] == "DATE"
    assert noms["DTEND"].dt == date(2025, 4, 3)  # exclusive next day
    assert str(noms["TRANSP"]) == "TRANSPARENT"
    assert str(noms["CLASS"]) == "CONFIDENTIAL"
    assert noms.walk("VALARM")[0]["TRIGGER"].dt == timedelta(days=-1)
    assert str(noms["DESCRIPTION"]) == (
        "Milestone · E−19wd\n"
        "Statutory date: nominations_close — not later than 16:00\n"
        "Owner: Electoral services manager (esm)\n"
        "Status: planned\n"
        "\n"
        "OFFICIAL-SENSITIVE · elecsafe plan severn-test v0.3"
    )
    window = by_summary["Gold group and strategy"]
    assert (window["DTSTART"].dt, window["DTEND"].dt) == (date(2025, 1, 1), date(2025, 2, 2))


def test_fortnightly_meeting_keeps_ten_o_clock_across_dst(plan_dir: Path, tmp_path: Path) -> None:
    calendar = export(plan_dir, tmp_path / "plan.ics")
    title = "Joint agency working group; police, council\nand Royal Mail"
    meeting = events(calendar)[title]
    assert meeting["RRULE"].to_ical() == b"FREQ=WEEKLY;UNTIL=20250424T090000Z;INTERVAL=2"
    assert meeting["DTSTART"].params["TZID"] == "Europe/London"
    assert str(meeting["CLASS"]) == "PRIVATE"
    assert meeting.walk("VALARM")[0]["TRIGGER"].dt == timedelta(minutes=-15)
    assert str(meeting["LOCATION"]) == "Testvale Town Hall, 1 Market Square, Testvale"
    occurrences = [
        o
        for o in recurring_ical_events.of(calendar).between(date(2025, 1, 1), date(2025, 6, 1))
        if str(o["SUMMARY"]) == title
    ]
    starts = [o.start for o in occurrences]
    assert [s.strftime("%Y-%m-%d %H:%M") for s in starts] == [
        "2025-03-13 10:00",
        "2025-03-27 10:00",
        "2025-04-10 10:00",
        "2025-04-24 10:00",
    ]
    assert [s.astimezone(UTC).hour for s in starts] == [10, 10, 9, 9]
    assert all(o.end - o.start == timedelta(minutes=90) for o in occurrences)


def test_strict_second_parser_agrees(plan_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    export(plan_dir, target)
    parsed = IcsCalendarStream.calendar_from_ics(target.read_text(encoding="utf-8"))
    assert len(parsed.events) == 6
    timeline = parsed.timeline_tz(UTC)
    starts = [
        (e.summary, str(e.start)) for e in timeline.overlapping(date(2025, 4, 1), date(2025, 4, 30))
    ]
    assert starts == [
        ("16:00 Nominations close", "2025-04-02"),
        (
            "Joint agency working group; police, council\nand Royal Mail",
            "2025-04-10 10:00:00+01:00",
        ),
        ("Officer briefing on election law", "2025-04-17 09:30:00+01:00"),
        (
            "Joint agency working group; police, council\nand Royal Mail",
            "2025-04-24 10:00:00+01:00",
        ),
    ]


def test_titles_are_escaped(plan_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    export(plan_dir, target)
    unfolded = target.read_bytes().replace(b"\r\n ", b"")
    assert (
        b"SUMMARY:Joint agency working group\\; police\\, council\\nand Royal Mail\r\n" in unfolded
    )


def test_overlong_text_is_clipped_for_calendar_clients(plan_dir: Path, tmp_path: Path) -> None:
    """A pasted megabyte would take seconds to fold and arrive mangled: clip, visibly."""
    plan = plan_dir / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("title: Testshire election safety plan", "title: " + "T" * 300_000)
    text = text.replace("Royal Mail", "Royal Mail " + "m" * 5_000)
    text = text.replace("notes: Bring the site list.", "notes: " + "n" * 20_000)
    plan.write_text(text, encoding="utf-8")
    calendar = export(plan_dir, tmp_path / "plan.ics")
    assert str(calendar["X-WR-CALNAME"]) == "T" * 254 + "…"
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert max(len(s) for s in summaries) == 255
    assert any(s.startswith("Joint agency working group") and s.endswith("m…") for s in summaries)
    descriptions = [str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")]
    longest = max(descriptions, key=len)
    assert len(longest) == 8000 and "n…\n\n" in longest
    assert longest.endswith("\n\nOFFICIAL-SENSITIVE · elecsafe plan severn-test v0.3")


def test_uids_are_stable_and_reexport_is_byte_identical(plan_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    export(plan_dir, first)
    export(plan_dir, second)
    assert first.read_bytes() == second.read_bytes()
    uids = {
        str(e["SUMMARY"]): str(e["UID"])
        for e in Calendar.from_ical(first.read_bytes()).walk("VEVENT")
    }
    assert uids["Notice of election"] == str(uuid.uuid5(UID_NAMESPACE, "severn-test/noe"))
    export(plan_dir, first)  # replacing its own output: same bytes again
    assert first.read_bytes() == second.read_bytes()


def test_sequence_grows_when_an_item_changes(plan_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    export(plan_dir, target)
    moved = CALENDAR_PLAN.replace("when: poll - 2 weeks at 09:30", "when: poll - 2 weeks at 11:00")
    (plan_dir / "plan.yaml").write_text(moved, encoding="utf-8")
    sequences = {str(e["SUMMARY"]): e["SEQUENCE"] for e in export(plan_dir, target).walk("VEVENT")}
    assert sequences["Officer briefing on election law"] == 1
    assert sequences["Notice of election"] == 0
    again = {str(e["SUMMARY"]): e["SEQUENCE"] for e in export(plan_dir, target).walk("VEVENT")}
    assert again == sequences  # no further change, no further bump


def test_export_sequence_overrides(plan_dir: Path, tmp_path: Path) -> None:
    pinned = CALENDAR_PLAN.replace(
        "      owner: gold\n", "      owner: gold\n      export: {sequence: 7}\n", 1
    )
    (plan_dir / "plan.yaml").write_text(pinned, encoding="utf-8")
    event = events(export(plan_dir, tmp_path / "plan.ics"))["Gold group and strategy"]
    assert event["SEQUENCE"] == 7


def test_dtstamp_follows_source_date_epoch(plan_dir: Path, tmp_path: Path) -> None:
    calendar = export(plan_dir, tmp_path / "plan.ics", env={"SOURCE_DATE_EPOCH": "1800000000"})
    stamps = {e["DTSTAMP"].dt for e in calendar.walk("VEVENT")}
    assert stamps == {datetime(2027, 1, 15, 8, 0, tzinfo=UTC)}


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("spoc", {"Polling day", "Joint agency working group", "Officer briefing on election law"}),
        ("esm", {"Notice of election", "16:00 Nominations close", "Polling day", "Joint agency working group"}),
        ("council", {"Notice of election", "16:00 Nominations close", "Polling day", "Joint agency working group"}),
        ("carol", {"Notice of election", "16:00 Nominations close", "Polling day", "Joint agency working group"}),
        ("alice", {"Polling day", "Joint agency working group", "Officer briefing on election law", "Gold group and strategy"}),
        ("gold", {"Gold group and strategy"}),
    ],
)  # fmt: skip
def test_for_filters_by_role_org_or_person(
    plan_dir: Path, tmp_path: Path, target: str, expected: set[str]
) -> None:
    calendar = export(plan_dir, tmp_path / "plan.ics", "--for", target)
    titles = {str(e["SUMMARY"]).split(";")[0] for e in calendar.walk("VEVENT")}
    assert titles == expected
    assert str(calendar["X-WR-CALNAME"]) == f"Testshire election safety plan — {target}"


def test_for_unknown_id_is_exit_2(plan_dir: Path, tmp_path: Path) -> None:
    code, out, err = run(
        "calendar", str(plan_dir), "-o", str(tmp_path / "x.ics"), "--for", "nobody"
    )
    assert (code, out) == (2, "")
    assert err == (
        "elecsafe: error: --for nobody: no role, organisation or person with this id in the plan\n"
    )
    assert not (tmp_path / "x.ics").exists()


def test_public_calendar_holds_only_public_items(plan_dir: Path, tmp_path: Path) -> None:
    """Meetings, trainings and planning milestones are for partners as a whole, even though
    their titles and dates are public fields: a public calendar holds the statutory dates."""
    public = export(plan_dir, tmp_path / "public.ics", "--audience", "public")
    assert sorted(events(public)) == [
        "16:00 Nominations close",
        "Notice of election",
        "Polling day",
    ]
    partners = export(plan_dir, tmp_path / "partners.ics")
    assert "Gold group and strategy" in events(partners)
    assert "Officer briefing on election law" in events(partners)
    plan = plan_dir / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("      owner: gold\n", "      owner: gold\n      sensitivity: public\n"),
        encoding="utf-8",
    )
    public = export(plan_dir, tmp_path / "public-2.ics", "--audience", "public")
    assert "Gold group and strategy" in events(public)  # the milestone's own marking decides


def test_public_audience_drops_partner_fields(plan_dir: Path, tmp_path: Path) -> None:
    calendar = export(plan_dir, tmp_path / "plan.ics", "--audience", "public")
    text = "".join(str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT"))
    assert "Bring the site list." not in text  # notes are partners-only
    assert "Owner:" not in text  # so is the owner
    partners = export(plan_dir, tmp_path / "partners.ics")
    assert "Bring the site list." in "".join(str(e["DESCRIPTION"]) for e in partners.walk("VEVENT"))


def test_restricted_fields_never_reach_the_description(
    plan_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from elecsafe.model import visibility
    from elecsafe.model.base import Sensitivity, field_sensitivity

    def marked(model: type, name: str) -> Sensitivity:
        if name in ("notes", "address"):
            return Sensitivity.RESTRICTED
        return field_sensitivity(model, name)  # type: ignore[arg-type]

    monkeypatch.setattr(visibility, "field_sensitivity", marked)
    target = tmp_path / "plan.ics"
    export(plan_dir, target)
    raw = target.read_bytes().replace(b"\r\n ", b"")
    assert b"Bring the site list." not in raw
    assert b"Market Square" not in raw
    assert b"LOCATION:Testvale Town Hall\r\n" in raw


def test_refuses_to_replace_a_foreign_file(plan_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.ics"
    target.write_text("my own notes\n")
    code, out, err = run("calendar", str(plan_dir), "-o", str(target))
    assert (code, out) == (2, "")
    assert err == (
        f"elecsafe: error: {target}: exists and is not a file elecsafe wrote "
        "(or was edited since); use --force to replace it\n"
    )
    assert target.read_text() == "my own notes\n"
    code, _, _ = run("calendar", str(plan_dir), "-o", str(target), "--force")
    assert code == 0 and target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_no_calendar_name_and_stdout(plan_dir: Path) -> None:
    result = runner.invoke(
        app, ["calendar", str(plan_dir), "-o", "-", "--no-calendar-name"], env=ENV
    )
    assert (result.exit_code, result.stderr) == (0, "")
    out = result.stdout_bytes
    assert out.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"X-WR-CALNAME" not in out and b"\r\nNAME:" not in out


def test_missing_plan_and_missing_output(tmp_path: Path) -> None:
    code, out, err = run("calendar", str(tmp_path / "nope"), "-o", str(tmp_path / "x.ics"))
    assert (code, out) == (2, "")
    assert err == f"elecsafe: error: {tmp_path / 'nope'}: no such file or directory\n"
    code, _, err = run("calendar", str(tmp_path))
    assert code == 2 and err == "elecsafe: error: missing option -o/--output FILE.ics\n"


def test_plan_errors_write_no_file(plan_dir: Path, tmp_path: Path) -> None:
    broken = CALENDAR_PLAN.replace("timezone: Europe/London", "timezone: Europe/Londno")
    (plan_dir / "plan.yaml").write_text(broken, encoding="utf-8")
    target = tmp_path / "plan.ics"
    code, out, err = run("calendar", str(plan_dir), "-o", str(target))
    assert (code, out) == (1, "")
    assert err.startswith(f"{plan_dir / 'plan.yaml'}:6:11: ")
    assert not target.exists()
    bad_date = CALENDAR_PLAN.replace("when: poll - 1 day", "when: pol - 1 day")
    (plan_dir / "plan.yaml").write_text(bad_date, encoding="utf-8")
    code, out, err = run("calendar", str(plan_dir), "-o", str(target))
    assert (code, out) == (1, "")
    line = CALENDAR_PLAN.splitlines().index("      when: poll - 1 day") + 1
    assert err == f"{plan_dir / 'plan.yaml'}:{line}:13: TT001 unknown anchor 'pol'\n"
    assert not target.exists()


def test_parse_duration() -> None:
    assert parse_duration("-P1D") == timedelta(days=-1)
    assert parse_duration("-PT30M") == timedelta(minutes=-30)
    assert parse_duration("-P1DT2H") == timedelta(days=-1, hours=-2)
    assert parse_duration("P2W") == timedelta(weeks=2)
    with pytest.raises(ValueError):
        parse_duration("1 day")


def test_loader_errors_of_a_valid_plan_block_the_export(plan_dir: Path, tmp_path: Path) -> None:
    """A duplicate key (the loader keeps the first value) or a broken reference still leaves
    a schema-valid plan; the export must not paper over it."""
    duplicated = CALENDAR_PLAN.replace('version: "0.3"\n', 'version: "0.3"\nversion: "0.4"\n')
    (plan_dir / "plan.yaml").write_text(duplicated, encoding="utf-8")
    target = tmp_path / "plan.ics"
    code, out, err = run("calendar", str(plan_dir), "-o", str(target))
    assert (code, out) == (1, "")
    line = duplicated.splitlines().index('version: "0.4"') + 1
    assert err.startswith(f"{plan_dir / 'plan.yaml'}:{line}:1: YML002 duplicate key 'version'")
    assert not target.exists()
    code, out, err = run("timetable", str(plan_dir), "--format", "csv")
    assert code == 1 and out.count('\n"2025-') == 7  # the table is still shown, with the error
    assert "YML002" in err

    dangling = CALENDAR_PLAN.replace("      owner: gold\n", "      owner: gold-typo\n")
    (plan_dir / "plan.yaml").write_text(dangling, encoding="utf-8")
    code, out, err = run("calendar", str(plan_dir), "-o", str(target))
    assert (code, out) == (1, "")
    assert "REF001" in err and "timetable.milestones[3].owner" in err  # never quoted
    assert not target.exists()
