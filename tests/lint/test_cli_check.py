"""``elecsafe check`` through the CLI: formats, exit codes 0/1/2, options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from elecsafe.cli.app import app
from tests.lint.conftest import write

runner = CliRunner()
ENV = {"ELECSAFE_TODAY": "2026-11-22", "GITHUB_ACTIONS": ""}
NO_NEXT = """\
timetable:
  meetings:
    - id: intro
      title: Introductions
      meeting_type: introductory
      when: 2027-01-20
"""


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", *args], env={**ENV, **(env or {})})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def plan(in_tmp: Path) -> Path:
    write(in_tmp, NO_NEXT)
    return in_tmp


def test_exit_0_when_nothing_at_the_failing_level(plan: Path) -> None:
    code, out, err = run(".", "--select", "REF,SCH")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "✓ example: no problems found"


def test_exit_1_and_concise_lines(plan: Path) -> None:
    code, out, _ = run(".", "--select", "MTG001", "--format", "concise")
    assert code == 1
    assert (
        out == "example.yaml:3:7: MTG001 meeting 'intro' has no next_meeting (and is not final)\n"
    )


def test_text_format_groups_by_file_with_hints_and_readiness(plan: Path) -> None:
    code, out, _ = run(".", "--select", "MTG001,MTG003")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "example.yaml"
    assert lines[1].split() == [
        "3:7",
        "error",
        "MTG001",
        "meeting",
        "'intro'",
        "has",
        "no",
        "next_meeting",
        "(and",
        "is",
        "not",
        "final)",
    ]
    assert lines[2].strip().startswith("hint: Set next_meeting to a later meeting id")
    assert any(
        line.startswith("readiness: ") and "meetings with a next meeting 0/1" in line
        for line in lines
    )
    assert lines[-1] == "example: 1 error(s), 1 warning(s), 0 info — check failed"


def test_strict_makes_warnings_fail(plan: Path) -> None:
    assert run(".", "--select", "MTG003", "--format", "concise")[0] == 0
    assert run(".", "--select", "MTG003", "--format", "concise", "--strict")[0] == 1


def test_ignore_on_the_command_line(plan: Path) -> None:
    code, out, _ = run(".", "--select", "MTG", "--ignore", "MTG001,MTG002", "--format", "concise")
    assert "MTG001" not in out and "MTG002" not in out
    assert code == 0


def test_statistics(plan: Path) -> None:
    code, out, _ = run(".", "--select", "MTG001,MTG003,ROL001", "--statistics")
    assert code == 1
    assert out == (
        "1  MTG001    [E] next-meeting\n"
        "1  MTG003    [W] introductory-agenda\n"
        "1  ROL001    [E] election-point-of-contact\n"
    )


def test_output_file(plan: Path) -> None:
    code, out, _ = run(".", "--select", "MTG001", "--format", "json", "-o", "report.json")
    assert (code, out) == (1, "")
    document = json.loads((plan / "report.json").read_text())
    assert document["summary"]["by_code"] == {"MTG001": 1}


def test_github_format_is_chosen_under_github_actions(plan: Path) -> None:
    code, out, _ = run(".", "--select", "MTG001,MTG003", env={"GITHUB_ACTIONS": "true"})
    assert code == 1
    assert out.splitlines() == [
        "::error file=example.yaml,line=3,col=7,title=MTG001::meeting 'intro' has no "
        "next_meeting (and is not final) (Set next_meeting to a later meeting id or date, or "
        "mark the last meeting `final: true`.)",
        "::warning file=example.yaml,line=3,col=7,title=MTG003::no introductory meeting "
        "between the election office and law enforcement (Add agenda items with those topics "
        "to the introductory meeting.)".replace(
            "no introductory meeting between the election office and law enforcement",
            "the agenda of introductory meeting 'intro' does not cover "
            "le_role_view_and_past_operations, relevant_laws, agency_resources, "
            "continued_communication_plan, threat_reporting",
        ),
    ]


def test_explicit_format_wins_over_github_actions(plan: Path) -> None:
    _, out, _ = run(
        ".", "--select", "MTG001", "--format", "concise", env={"GITHUB_ACTIONS": "true"}
    )
    assert out.startswith("example.yaml:3:7: MTG001")


def test_today_option_and_environment(plan: Path) -> None:
    _, out, _ = run(".", "--select", "MTG001", "--format", "json", "--today", "2027-02-01")
    assert json.loads(out)["today"] == "2027-02-01"
    _, out, _ = run(".", "--select", "MTG001", "--format", "json")
    assert json.loads(out)["today"] == "2026-11-22"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere"], "elecsafe: error: nowhere: no such file or directory\n"),
        ([".", "--select", "MTG01"], "elecsafe: error: unknown rule code 'MTG01' (did you mean "),
        (
            [".", "--today", "tomorrow"],
            "elecsafe: error: --today: 'tomorrow' is not a date; write YYYY-MM-DD",
        ),
    ],
)
def test_exit_2_when_the_check_cannot_run(plan: Path, args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.startswith(message)


def test_help_documents_exit_codes_and_formats() -> None:
    result = runner.invoke(app, ["check", "--help"], env={"COLUMNS": "200", **ENV})
    text = " ".join(result.stdout.split())
    assert "Exit codes: 0 no finding at the failing severity" in text
    assert "1 findings at or above it; 2 the check could not run" in text
    for name in ("text", "concise", "json", "sarif", "github"):
        assert name in text


DRAFT_CHANNEL = """\
timetable:
  meetings:
    - id: intro
      title: Introductions
      meeting_type: introductory
      when: 2027-01-20
      final: true
      notes: "TODO: notes of the meeting"
"""


def test_ready_makes_placeholders_errors_and_names_them(in_tmp: Path) -> None:
    write(in_tmp, DRAFT_CHANNEL)
    code, out, _ = run(".", "--select", "TODO", "--format", "concise")
    assert (code, out) == (0, "example.yaml:8:14: TODO001 placeholder still to fill in\n")
    code, out, _ = run(".", "--select", "TODO", "--format", "concise", "--ready")
    assert code == 1
    assert "example.yaml:8:14: TODO001 placeholder still to fill in\n" in out


def test_ready_counts_the_draft_in_the_summary(in_tmp: Path) -> None:
    write(in_tmp, DRAFT_CHANNEL)
    code, out, _ = run(".", "--select", "TODO")
    assert code == 0
    assert "draft: 1 placeholder" in out.splitlines()[-2]
    data = json.loads(run(".", "--format", "json", "--ready")[1])
    assert data["draft"] == {"placeholders": 1}
    assert data["summary"]["ready"] is True
    assert data["summary"]["fail_level"] == "warning"


def test_ready_fails_on_warnings_and_incomplete_readiness(plan: Path) -> None:
    """MTG001 ignored by the configuration: the plain check passes, the gate does not."""
    code, _, _ = run(".", "--select", "MTG003")
    assert code == 0  # MTG003 is a warning
    code, out, _ = run(".", "--select", "MTG003", "--ready")
    assert code == 1
    assert out.splitlines()[-1].endswith("— check failed")
    code, out, _ = run(".", "--select", "MTG003", "--ready", "--format", "concise")
    assert "plan.yaml:1:1: READY001 not ready: meetings with a next meeting 0/1" in out
