"""``elecsafe timetable`` through the CLI: formats, positioned findings, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from elecsafe.cli.app import app
from tests.dates.conftest import GB_HEAD, LOCALS_2025, line_of, plan_text

runner = CliRunner()
BODY = """\
timetable:
  milestones:
    - id: noe
      title: Notice of election
      statutory: notice_of_election
      owner: spoc
    - id: noms
      title: Nominations close
      statutory: nominations_close
      owner: spoc
  meetings:
    - id: jawg
      title: Joint agency working group
      meeting_type: joint_agency_working_group
      when: 2025-03-13 10:00
      recurrence: {frequency: fortnightly, until: poll}
      owner: spoc
      status: confirmed
      final: true
"""


def write(tmp_path: Path, *parts: str) -> Path:
    (tmp_path / "plan.yaml").write_text(plan_text(*parts), encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"ELECSAFE_TODAY": "2025-03-20"})
    return result.exit_code, result.stdout, result.stderr


def test_table(tmp_path: Path) -> None:
    code, out, err = run("timetable", str(write(tmp_path, GB_HEAD, LOCALS_2025, BODY)))
    assert (code, err) == (0, "")
    rows = [line for line in out.splitlines() if line.startswith("│")]
    cells = [[c.strip() for c in row.strip("│").split("│")] for row in rows]
    assert cells == [
        [
            "Thu 13 Mar 2025",
            "10:00–11:00",
            "E−49d",
            "Joint agency working group (fortnightly, 4× until Thu 24 Apr)",
            "spoc",
            "confirmed",
        ],
        ["Tue 25 Mar 2025", "", "E−25wd", "Notice of election", "spoc", "planned"],
        ["Wed 02 Apr 2025", "16:00", "E−19wd", "Nominations close", "spoc", "planned"],
    ]
    assert "Testshire election safety plan — timetable (Europe/London)" in out


def test_json(tmp_path: Path) -> None:
    code, out, err = run(
        "timetable", str(write(tmp_path, GB_HEAD, LOCALS_2025, BODY)), "--format", "json"
    )
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["plan"] == "testshire"
    assert document["poll_date"] == "2025-05-01"
    assert document["findings"] == []
    noms = document["items"][2]
    assert noms == {
        "id": "noms",
        "kind": "milestone",
        "title": "Nominations close",
        "start": "2025-04-02",
        "end": "2025-04-02",
        "all_day": True,
        "time": "16:00",
        "offset": "E−19wd",
        "owner": "spoc",
        "participants": [],
        "status": "planned",
        "statutory": "nominations_close",
        "election": "locals-2025",
        "window": False,
        "occurrences": ["2025-04-02"],
    }
    assert document["items"][0]["occurrences"][2] == "2025-04-10T10:00:00+01:00"


def test_csv(tmp_path: Path) -> None:
    code, out, _ = run(
        "timetable", str(write(tmp_path, GB_HEAD, LOCALS_2025, BODY)), "--format", "csv"
    )
    assert code == 0
    assert out.startswith('\ufeff"date","end",')  # a BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [(r["date"], r["time"], r["offset"], r["id"], r["occurrences"]) for r in rows] == [
        ("2025-03-13", "10:00–11:00", "E−49d", "jawg", "4"),
        ("2025-03-25", "", "E−25wd", "noe", "1"),
        ("2025-04-02", "16:00", "E−19wd", "noms", "1"),
    ]


def test_date_problems_are_positioned_and_exit_1(tmp_path: Path) -> None:
    body = """\
        timetable:
          milestones:
            - id: typo
              title: Typo
              when: notice_of_elections - 1 day
            - id: loop-a
              title: A
              when: loop-b + 1 day
            - id: loop-b
              title: B
              when: loop-a + 1 day
            - id: feb
              title: Feb
              when: 2027-02-31
        """
    text = plan_text(GB_HEAD, LOCALS_2025, body)
    plan = write(tmp_path, GB_HEAD, LOCALS_2025, body)
    code, out, err = run("timetable", str(plan), "--format", "csv")
    assert code == 1
    assert out == (
        '\ufeff"date","end","time","offset","id","kind","title","owner","status","statutory",'
        '"election","occurrences"\n'
    )
    file = plan / "plan.yaml"
    assert err.splitlines() == [
        f"{file}:{line_of(text, 'notice_of_elections')}:13: TT001 unknown anchor "
        "'notice_of_elections'",
        f"{file}:{line_of(text, 'loop-b + 1')}:13: TT001 cycle: loop-a → loop-b → loop-a",
        f"{file}:{line_of(text, 'loop-a + 1')}:13: TT001 cycle: loop-a → loop-b → loop-a",
        f"{file}:{line_of(text, '2027-02-31')}:13: REF002 2027-02-31 is not a date "
        "(February 2027 has 28 days)",
    ]


def test_warnings_do_not_fail(tmp_path: Path) -> None:
    body = """\
        timetable:
          milestones:
            - id: sunday
              title: Sunday
              when: 2025-04-20 + 0 wd
        """
    code, out, err = run("timetable", str(write(tmp_path, GB_HEAD, LOCALS_2025, body)))
    assert code == 0 and "Sun 20 Apr 2025" in out
    assert err.endswith("TT011 Sun 20 Apr 2025 is a Sunday, not a working day\n")


def test_findings_settled_for_check_are_settled_here(tmp_path: Path) -> None:
    """An inline suppression or the plan's lint ignore list applies to timetable and calendar
    as it does to check: one finding, settled once."""
    body = """\
        timetable:
          milestones:
            - id: sunday
              title: Sunday
              when: 2025-04-20 + 0 wd  # elecsafe: ignore[TT011] the hall is booked that Sunday
        """
    plan = write(tmp_path, GB_HEAD, LOCALS_2025, body)
    for command in (["timetable"], ["calendar", "-o", str(tmp_path / "out.ics")]):
        code, out, err = run(*command, str(plan))
        assert code == 0 and "TT011" not in err, (command, err)
    ignored = body.replace("  # elecsafe: ignore[TT011] the hall is booked that Sunday", "")
    ignored = ignored.rstrip(" ") + "        lint:\n          ignore: [TT011]\n"
    code, out, err = run("timetable", str(write(tmp_path, GB_HEAD, LOCALS_2025, ignored)))
    assert code == 0 and "Sun 20 Apr 2025" in out and "TT011" not in err


def test_non_iana_timezone_is_a_schema_finding(tmp_path: Path) -> None:
    head = GB_HEAD.replace("timezone: Europe/London", "timezone: GMT Standard Time")
    plan = write(tmp_path, head, LOCALS_2025, BODY)
    code, out, err = run("timetable", str(plan))
    assert (code, out) == (1, "")
    assert err.startswith(f"{plan / 'plan.yaml'}:{line_of(head, 'timezone:')}:11: ")
    assert "is not an IANA time zone" in err


def test_missing_plan_is_exit_2(tmp_path: Path) -> None:
    code, out, err = run("timetable", str(tmp_path / "missing"))
    assert (code, out) == (2, "")
    assert err == f"elecsafe: error: {tmp_path / 'missing'}: no such file or directory\n"


FORMULAS = """\
timetable:
  milestones:
    - {id: a, title: "=HYPERLINK(\\"https://evil.invalid\\",\\"x\\")", when: 2025-03-01}
    - {id: b, title: "+1+1", when: 2025-03-02}
    - {id: b2, title: "@SUM(A1)", when: 2025-03-02}
    - {id: c, title: "-2", when: 2025-03-03}
    - {id: d, title: "\\tTab", when: 2025-03-04}
    - {id: e, title: "\\rReturn", when: 2025-03-05}
    - {id: f, title: "Safe, \\"quoted\\" = fine", when: 2025-03-06}
"""


def test_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    """OWASP CSV injection: a cell starting with = + - @ TAB or CR gets a leading quote."""
    code, out, err = run("timetable", str(write(tmp_path, GB_HEAD, LOCALS_2025, FORMULAS)),
                         "--format", "csv")  # fmt: skip
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [r["title"] for r in rows[:7]] == [
        '\'=HYPERLINK("https://evil.invalid","x")',
        "'+1+1",
        "'@SUM(A1)",
        "'-2",
        "'\tTab",
        "'\rReturn",
        'Safe, "quoted" = fine',
    ]
    assert '"Safe, ""quoted"" = fine"' in out  # quoted as RFC 4180 says


def test_output_file_csv_and_json(tmp_path: Path) -> None:
    plan = write(tmp_path, GB_HEAD, LOCALS_2025, BODY)
    target = tmp_path / "out" / "timetable.csv"
    code, out, err = run("timetable", str(plan), "--format", "csv", "-o", str(target))
    assert (code, out, err) == (0, "", f"wrote {target}\n")
    data = target.read_bytes()
    assert data.startswith(b'\xef\xbb\xbf"date",')
    assert data.decode("utf-8") == run("timetable", str(plan), "--format", "csv")[1]
    # a CSV carries no seal (a marker row would change what the reader gets): replacing one
    # needs --force; a JSON export is sealed and refreshed without it
    code, _, err = run("timetable", str(plan), "--format", "csv", "-o", str(target))
    assert (code, err) == (2, f"elecsafe: error: {target}: exists; use --force to replace it\n")
    assert run("timetable", str(plan), "--format", "csv", "-o", str(target), "--force")[0] == 0
    sealed = target.with_suffix(".json")
    assert run("timetable", str(plan), "--format", "json", "-o", str(sealed))[0] == 0
    code, _, err = run("timetable", str(plan), "--format", "json", "-o", str(sealed))
    assert code == 0, err
    assert json.loads(sealed.read_text(encoding="utf-8"))["items"][0]["id"] == "jawg"


def test_output_file_never_replaces_a_foreign_file_unasked(tmp_path: Path) -> None:
    plan = write(tmp_path, GB_HEAD, LOCALS_2025, BODY)
    notes = tmp_path / "notes.csv"
    notes.write_text("my own notes\n", encoding="utf-8")
    code, _, err = run("timetable", str(plan), "--format", "csv", "-o", str(notes))
    assert code == 2
    assert err == f"elecsafe: error: {notes}: exists; use --force to replace it\n"
    assert notes.read_text(encoding="utf-8") == "my own notes\n"
    assert run("timetable", str(plan), "--format", "csv", "-o", str(notes), "--force")[0] == 0
    assert notes.read_text(encoding="utf-8-sig").startswith('"date"')
    plan_file = plan / "plan.yaml"
    before = plan_file.read_bytes()
    code, _, err = run("timetable", str(plan), "--format", "json", "-o", str(plan_file), "--force")
    assert code == 2 and "refusing to write over a file of the plan" in err
    assert plan_file.read_bytes() == before
    code, _, err = run("timetable", str(plan), "-o", str(tmp_path / "t.txt"))
    assert code == 2 and "-o writes --format json or csv" in err
