"""`elecsafe init` end to end: scaffold, check, refuse, force, dry run, prompts, bad input."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from elecsafe import __version__, writes
from elecsafe.dates.packs import load_pack
from elecsafe.findings import Severity
from elecsafe.lint.runner import LintOptions, run
from elecsafe.load.loader import load_plan
from elecsafe.scaffold import PROFILES
from tests.scaffold.conftest import PROFILE_ARGS, Result, snapshot

Invoke = Callable[..., Result]
EXPECTED_FILES = [
    ".elecsafe/contacts.schema.json",
    ".elecsafe/plan-part.schema.json",
    ".elecsafe/plan.schema.json",
    ".github/workflows/elecsafe.yml",
    ".gitignore",
    ".pre-commit-config.yaml",
    "README.md",
    "agreements.yaml",
    "comms.yaml",
    "people.yaml",
    "plan.yaml",
    "private/contacts.example.yaml",
    "restricted.yaml",
    "sites.yaml",
    "timetable.yaml",
]


def lint(directory: Path, *, extended: bool = False) -> list:
    result = run(load_plan(directory), LintOptions(today=date(2026, 11, 22), extended=extended))
    return result.findings


def assert_only_todos_and_warnings(directory: Path, *, extended: bool = False) -> None:
    findings = lint(directory, extended=extended)
    errors = [
        f"{f.file}:{f.line}: {f.code} {f.message}" for f in findings if f.severity is Severity.ERROR
    ]
    assert errors == []
    todos = [f for f in findings if f.code == "TODO001"]
    assert todos, "a scaffold has placeholders to fill in"
    for finding in todos:  # each TODO001 points at the placeholder itself
        line = Path(finding.file).read_text(encoding="utf-8").splitlines()[finding.line - 1]
        assert line[finding.column - 1 :].lstrip('"').startswith("TODO"), (finding, line)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_scaffold_passes_check(
    profile: str, scaffold: Callable[[str], Path], invoke: Invoke
) -> None:
    plan = scaffold(profile)
    assert sorted(snapshot(plan)) == EXPECTED_FILES
    result = invoke("check", str(plan))
    assert result.exit_code == 0, result.stdout
    assert_only_todos_and_warnings(plan)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_scaffold_is_a_draft_that_fails_the_ready_gate(
    profile: str, scaffold: Callable[[str], Path], invoke: Invoke
) -> None:
    """People draft in CI (check passes), but a scaffold is not ready to sign or brief from:
    --ready names every placeholder, and readiness counts them as not done."""
    plan = scaffold(profile)
    result = invoke("check", str(plan), "--ready", "--format", "concise")
    assert result.exit_code == 1
    named = [line for line in result.stdout.splitlines() if " TODO001 " in line]
    loaded = run(load_plan(plan), LintOptions(today=date(2026, 11, 22), ready=True))
    assert len(named) == loaded.placeholders > 10
    todos = [f for f in loaded.findings if f.code == "TODO001"]
    assert {f.severity for f in todos} == {Severity.ERROR}
    assert not all(m.complete for m in loaded.readiness)
    summary = invoke("check", str(plan)).stdout
    assert f"draft: {loaded.placeholders} placeholders" in summary


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_scaffold_has_no_errors_with_extended_rules(
    profile: str, scaffold: Callable[[str], Path]
) -> None:
    assert_only_todos_and_warnings(scaffold(profile), extended=True)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_copying_the_contacts_example_as_told_still_passes(
    profile: str, scaffold: Callable[[str], Path]
) -> None:
    """The next-steps panel says to copy the example to private/contacts.yaml: once the private
    layer exists ROL010 wants every critical role holder in it, so the example lists them all."""
    plan = scaffold(profile)
    example = plan / "private" / "contacts.example.yaml"
    (plan / "private" / "contacts.yaml").write_text(example.read_text(encoding="utf-8"))
    assert [f.code for f in lint(plan) if f.code == "ROL010"] == []
    assert_only_todos_and_warnings(plan)


@pytest.mark.parametrize(
    ("profile", "extra"),
    [
        ("uk-force", ["--nation", "WLS"]),
        ("uk-force", ["--nation", "SCT"]),
        ("uk-force", ["--nation", "NIR", "--poll-date", "2027-05-06"]),
        ("us-county", ["--poll-date", "2026-11-03"]),  # midterm: no presidential dates
        ("us-county", ["--poll-date", "2027-11-02"]),  # not a federal election day
    ],
)
def test_variants_pass_check(
    profile: str, extra: list[str], tmp_path: Path, invoke: Invoke
) -> None:
    args = [a for a in PROFILE_ARGS[profile] if a not in ("--nation", "ENG")]
    result = invoke("init", str(tmp_path / "p"), *args, *extra)
    assert result.exit_code == 0, result.stderr
    assert_only_todos_and_warnings(tmp_path / "p")


def test_scaffold_values_are_filled_in(scaffold: Callable[[str], Path]) -> None:
    loaded = load_plan(scaffold("us-county"))
    plan = loaded.plan
    assert plan is not None
    assert (plan.id, plan.title) == (
        "cedar-river-county",
        "Cedar River County election safety plan",
    )
    assert (plan.country, plan.us_state, plan.timezone) == ("US", "US-IA", "America/Chicago")
    election = plan.elections[0]
    assert (election.id, election.kind, election.poll_date) == (
        "general-2028",
        "federal_general",
        date(2028, 11, 7),
    )
    assert election.is_presidential and election.timetable_rules == "us_federal"
    statutory = {m.statutory for m in plan.timetable.milestones if m.statutory}
    assert statutory == {
        "uocava_transmission", "registration_deadline_outer_bound", "poll",
        "certificate_of_ascertainment", "electors_meet", "congress_counts", "inauguration",
    }  # fmt: skip


def test_uk_scaffold_prefills_the_statutory_timetable(scaffold: Callable[[str], Path]) -> None:
    plan = load_plan(scaffold("uk-force")).plan
    assert plan is not None
    assert (plan.uk_nation, plan.jurisdictions[0].bank_holiday_division) == (
        "ENG",
        "england-and-wales",
    )
    assert [m.statutory for m in plan.timetable.milestones if m.statutory] == [
        "notice_of_election", "nominations_close", "withdrawals_close",
        "statement_of_persons_nominated", "registration_deadline", "postal_vote_deadline",
        "proxy_deadline", "vac_deadline", "polling_agents_appointment",
        "replacement_postal_ballots_from", "poll", "emergency_proxy_deadline",
    ]  # fmt: skip
    maa = plan.mutual_aid[0]
    assert all(getattr(maa.topics, key) is not None for key in type(maa.topics).model_fields)


def test_second_init_refuses_and_changes_nothing(
    scaffold: Callable[[str], Path], invoke: Invoke
) -> None:
    plan = scaffold("uk-force")
    before = snapshot(plan)
    result = invoke("init", str(plan), *PROFILE_ARGS["uk-force"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1  # one line
    assert "already has 15 of the scaffold's files; nothing written (use --force" in result.stderr
    assert "plan.yaml, people.yaml" in result.stderr
    assert snapshot(plan) == before


def test_one_conflicting_file_blocks_every_file(tmp_path: Path, invoke: Invoke) -> None:
    (tmp_path / "README.md").write_text("our own readme\n")
    result = invoke("init", str(tmp_path), *PROFILE_ARGS["us-county"])
    assert result.exit_code == 2
    assert result.stderr.endswith(": README.md\n")
    assert snapshot(tmp_path) == {"README.md": b"our own readme\n"}


def test_force_rewrites(scaffold: Callable[[str], Path], invoke: Invoke, tmp_path: Path) -> None:
    plan = scaffold("us-county")
    fresh = snapshot(plan)
    (plan / "plan.yaml").write_text("edited: true\n")
    (plan / "private" / "contacts.yaml").write_text("contacts: {}\n")  # not a scaffold file
    (plan / "README.md").write_text("edited\n")
    (plan / "private" / "contacts.example.yaml").write_text("mine: {}\n")
    result = invoke("init", str(plan), *PROFILE_ARGS["us-county"], "--force")
    assert result.exit_code == 0, result.stderr
    assert "kept 8 files of the plan" in result.stderr
    after = snapshot(plan)
    assert after.pop("private/contacts.yaml") == b"contacts: {}\n"
    # --force refreshes the scaffold around the plan; the plan and private/ are never replaced
    assert after.pop("plan.yaml") == b"edited: true\n"
    assert after.pop("private/contacts.example.yaml") == b"mine: {}\n"
    fresh.pop("plan.yaml"), fresh.pop("private/contacts.example.yaml")
    assert after == fresh


def test_dry_run_lists_and_writes_nothing(tmp_path: Path, invoke: Invoke) -> None:
    target = tmp_path / "new-plan"
    result = invoke("init", str(target), *PROFILE_ARGS["uk-force"], "--dry-run")
    assert result.exit_code == 0, result.stderr
    listed = result.stdout.splitlines()
    assert sorted(listed) == sorted(str(target / name) for name in EXPECTED_FILES)
    assert listed[0] == str(target / "plan.yaml")
    assert not target.exists()


def test_dry_run_reports_conflicts_like_a_real_run(
    scaffold: Callable[[str], Path], invoke: Invoke
) -> None:
    plan = scaffold("uk-force")
    before = snapshot(plan)
    refused = invoke("init", str(plan), *PROFILE_ARGS["uk-force"], "--dry-run")
    assert refused.exit_code == 2 and refused.stdout == ""
    forced = invoke("init", str(plan), *PROFILE_ARGS["uk-force"], "--dry-run", "--force")
    assert forced.exit_code == 0
    assert "would overwrite 7 files" in forced.stderr
    assert "kept 8 files of the plan" in forced.stderr
    assert snapshot(plan) == before


def test_next_steps_panel_goes_to_stderr(tmp_path: Path, invoke: Invoke) -> None:
    result = invoke("init", str(tmp_path / "p"), *PROFILE_ARGS["us-county"])
    assert result.stdout == ""
    assert "Created 15 files for Cedar River County" in result.stderr
    assert "Next steps" in result.stderr and "elecsafe check" in result.stderr


@pytest.mark.parametrize(
    "name",
    [
        'St. Mary\'s: "North" #1',
        "O'Brien County",
        "Ynys Môn",
        "Zürich [test] {x}",
        "A & B <C> | D > E",
        "- leading dash",
        "yes",
        "null",
        "#hash %percent @at `tick`",
        "Back\\slash",
    ],
)
def test_special_characters_in_name(name: str, tmp_path: Path, invoke: Invoke) -> None:
    target = tmp_path / "p"
    result = invoke("init", str(target), "--profile", "us-county", "--name", name)
    assert result.exit_code == 0, result.stderr
    assert invoke("check", str(target)).exit_code == 0
    plan = load_plan(target).plan
    assert plan is not None
    assert plan.title == f"{name} election safety plan"
    assert plan.jurisdictions[1].name == name
    assert plan.organisations[0].name == f"{name} Election Office"


def test_no_prompt_without_a_terminal(tmp_path: Path, invoke: Invoke) -> None:
    # CliRunner's stdin is not a terminal: the input is never read.
    result = invoke("init", str(tmp_path / "p"), input="uk-force\nNope\n")
    assert result.exit_code == 2
    assert result.stderr == "elecsafe: error: --profile is required: us-county or uk-force\n"
    assert not (tmp_path / "p").exists()


def test_defaults_without_a_terminal(tmp_path: Path, invoke: Invoke) -> None:
    us = tmp_path / "cedar-river"
    assert invoke("init", str(us), "--profile", "us-county").exit_code == 0
    plan = load_plan(us).plan
    assert plan is not None
    assert (plan.title, plan.timezone, plan.us_state) == (
        "Cedar River election safety plan",
        "America/Chicago",
        "US-XX",
    )
    assert plan.elections[0].poll_date == date(2028, 11, 7)
    uk = tmp_path / "severnshire"
    assert invoke("init", str(uk), "--profile", "uk-force").exit_code == 0
    uk_plan = load_plan(uk).plan
    assert uk_plan is not None
    assert (uk_plan.timezone, uk_plan.uk_nation) == ("Europe/London", "ENG")
    assert uk_plan.elections[0].poll_date == date(2027, 5, 6)


def test_prompts_at_a_terminal(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("elecsafe.cli.init._stdin_is_terminal", lambda: True)
    answers = "bogus\nuk-force\nSevern: Vale\n2027-02-31\n2028-05-04\n\nWLS\n"
    result = invoke("init", str(tmp_path / "p"), input=answers)
    assert result.exit_code == 0, result.stderr
    assert "unknown profile 'bogus'" in result.stderr  # asked again
    assert "2027-02-31 is not a day of the calendar" in result.stderr
    plan = load_plan(tmp_path / "p").plan
    assert plan is not None
    assert (plan.title, plan.uk_nation, plan.timezone) == (
        "Severn: Vale election safety plan",
        "WLS",
        "Europe/London",
    )
    assert plan.elections[0].poll_date == date(2028, 5, 4)


def test_flags_are_not_asked_again_at_a_terminal(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("elecsafe.cli.init._stdin_is_terminal", lambda: True)
    args = [*PROFILE_ARGS["us-county"], "--poll-date", "2028-11-07", "--timezone", "America/Denver"]
    result = invoke("init", str(tmp_path / "p"), *args, input="")
    assert result.exit_code == 0, result.stderr
    assert "Polling day" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--profile", "county"], "--profile: unknown profile 'county'; choose one of us-county, uk-force"),
        (["--profile", "uk-force", "--poll-date", "2027-02-31"], "--poll-date: 2027-02-31 is not a day of the calendar"),
        (["--profile", "uk-force", "--poll-date", "6/5/2027"], "--poll-date: '6/5/2027' is not a date; write YYYY-MM-DD, e.g. 2027-05-06"),
        (["--profile", "uk-force", "--timezone", "Central Time"], "--timezone: 'Central Time' is not an IANA time zone; e.g. America/Chicago or Europe/London"),
        (["--profile", "us-county", "--state", "US-ZZ"], "--state: 'US-ZZ' is not a US state, DC or territory code: e.g. US-OH for Ohio"),
        (["--profile", "us-county", "--state", "Ohoi"], "--state: 'Ohoi' is not a US state, DC or territory code: did you mean US-OH (Ohio)?"),
        (["--profile", "uk-force", "--nation", "GB"], "--nation: 'GB' is not one of ENG, WLS, SCT, NIR"),
        (["--profile", "uk-force", "--state", "US-OH"], "--state is for the us-county profile; use --nation ENG|WLS|SCT|NIR"),
        (["--profile", "us-county", "--nation", "ENG"], "--nation is for the uk-force profile; use --state US-XX"),
        (["--profile", "us-county", "--name", "Bad\x1bName"], "--name contains a control or unprintable character (U+001B)"),
    ],
)  # fmt: skip
def test_bad_input(args: list[str], message: str, tmp_path: Path, invoke: Invoke) -> None:
    result = invoke("init", str(tmp_path / "p"), *args)
    assert result.exit_code == 2
    assert result.stderr == f"elecsafe: error: {message}\n"
    assert not (tmp_path / "p").exists()


def test_directory_that_is_a_file(tmp_path: Path, invoke: Invoke) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("x")
    result = invoke("init", str(target), *PROFILE_ARGS["uk-force"])
    assert result.exit_code == 2
    assert result.stderr == f"elecsafe: error: {target} exists and is not a directory\n"


def test_unwritable_directory_leaves_nothing(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []

    def refuse(path: Path, data: bytes, *, mode: int = 0o644) -> None:
        calls.append(path)
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writes, "write_bytes_atomic", refuse)
    result = invoke("init", str(tmp_path / "p"), *PROFILE_ARGS["us-county"])
    assert result.exit_code == 2
    assert result.stderr.startswith("elecsafe: error: cannot write ")
    assert result.stderr.endswith("plan.yaml: Permission denied; nothing written\n")
    assert len(calls) == 1 and not (tmp_path / "p").exists()


def test_failure_on_the_third_file_leaves_no_partial_scaffold(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = writes.write_bytes_atomic
    calls: list[Path] = []

    def flaky(path: Path, data: bytes, *, mode: int = 0o644) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data, mode=mode)

    monkeypatch.setattr(writes, "write_bytes_atomic", flaky)
    (tmp_path / "keep.txt").write_text("x")
    result = invoke("init", str(tmp_path), *PROFILE_ARGS["uk-force"])
    assert result.exit_code == 2
    assert "No space left on device; nothing written" in result.stderr
    assert snapshot(tmp_path) == {"keep.txt": b"x"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only directory")
def test_read_only_directory(tmp_path: Path, invoke: Invoke) -> None:  # pragma: no cover
    target = tmp_path / "ro"
    target.mkdir()
    target.chmod(0o555)
    try:
        result = invoke("init", str(target), *PROFILE_ARGS["uk-force"])
        assert result.exit_code == 2
        assert "Permission denied; nothing written" in result.stderr
        assert list(target.iterdir()) == []
    finally:
        target.chmod(0o755)


def test_help_lists_every_profile(invoke: Invoke) -> None:
    from elecsafe.cli.init import PROFILE_HELP

    assert [p for p in PROFILES if p in PROFILE_HELP] == list(PROFILES)
    result = invoke("init", "--help")
    assert result.exit_code == 0
    for option in ("--profile", "--name", "--poll-date", "--timezone", "--state", "--nation",
                   "--force", "--dry-run"):  # fmt: skip
        assert option in result.stdout


def test_title_comment_is_written_as_is(tmp_path: Path, invoke: Invoke) -> None:
    name = 'St. Mary\'s: "North" #1'
    assert invoke("init", str(tmp_path), "--profile", "uk-force", "--name", name).exit_code == 0
    lines = (tmp_path / "plan.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[2] == f"# {name} election safety plan"
    assert lines[3].endswith(f"(elecsafe {__version__}).")


def test_command_module_imports_nothing_heavy() -> None:
    code = (
        "import sys, elecsafe.cli.init\n"
        "heavy = ('pydantic', 'jinja2', 'ruamel', 'icalendar', 'rich', 'elecsafe.scaffold')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy "
        "or m.startswith('elecsafe.scaffold')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("nation", "pack", "kind"),
    [("WLS", "local_wales", "local_wales"), ("SCT", "local_scotland", "local_scotland")],
)
def test_nation_picks_its_own_statutory_pack(
    nation: str, pack: str, kind: str, tmp_path: Path, invoke: Invoke
) -> None:
    result = invoke("init", str(tmp_path / "p"), "--profile", "uk-force", "--nation", nation)
    assert result.exit_code == 0, result.stderr
    assert "no statutory timetable pack" not in result.stderr
    loaded = load_plan(tmp_path / "p")
    assert loaded.plan is not None
    (election,) = loaded.plan.elections
    assert (election.timetable_rules, election.kind) == (pack, kind)
    statutory = {m.statutory for m in loaded.plan.timetable.milestones if m.statutory}
    assert "vac_deadline" not in statutory  # no voter photo ID at devolved polls
    assert statutory <= set(load_pack(pack).items)
    assert_only_todos_and_warnings(tmp_path / "p")


def test_state_with_a_pack_gets_its_deadlines_and_polling_hours(
    tmp_path: Path, invoke: Invoke
) -> None:
    result = invoke(
        "init", str(tmp_path / "p"), "--profile", "us-county", "--state", "US-AZ",
        "--poll-date", "2028-11-07",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "no statutory pack" not in result.stderr
    loaded = load_plan(tmp_path / "p")
    assert loaded.plan is not None
    (election,) = loaded.plan.elections
    assert election.timetable_rules == "us_az"
    assert (election.poll_hours.open, election.poll_hours.close) == ("06:00", "19:00")
    statutory = {m.statutory for m in loaded.plan.timetable.milestones if m.statutory}
    assert {"early_voting_start", "registration_deadline", "canvass"} <= statutory
    assert_only_todos_and_warnings(tmp_path / "p")


def test_state_without_a_pack_is_told_so(tmp_path: Path, invoke: Invoke) -> None:
    result = invoke(
        "init", str(tmp_path / "p"), "--profile", "us-county", "--state", "US-OH",
        "--poll-date", "2028-11-07",
    )  # fmt: skip
    assert result.exit_code == 0
    assert "no statutory pack for US-OH yet" in result.stderr
    (note,) = [line for line in result.stderr.splitlines() if "no statutory pack" in line]
    assert "timetable_rules: packs/us-oh.yaml (docs/dates.md)" in note  # how to write one
    loaded = load_plan(tmp_path / "p")
    assert loaded.plan is not None and loaded.plan.elections[0].timetable_rules == "us_federal"


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_a_presence_level_with_a_todo_rationale_is_not_decided(
    profile: str, scaffold: Callable[[str], Path]
) -> None:
    """The scaffold's presence levels are defaults until their rationale is written: the
    readiness line counts them as not done (it said 2/2 on a fresh scaffold)."""
    plan = scaffold(profile)
    result = run(load_plan(plan), LintOptions(today=date(2026, 11, 22)))
    (presence,) = [m for m in result.readiness if m.key == "sites_with_presence"]
    assert (presence.done, presence.total) == (0, 2)
    sites = plan / "sites.yaml"
    text = sites.read_text(encoding="utf-8")
    assert text.count('presence_rationale: "TODO') >= 2
    sites.write_text(
        text.replace('presence_rationale: "TODO: why', 'presence_rationale: "Decided:', 1),
        encoding="utf-8",
    )
    result = run(load_plan(plan), LintOptions(today=date(2026, 11, 22)))
    (presence,) = [m for m in result.readiness if m.key == "sites_with_presence"]
    assert (presence.done, presence.total) == (1, 2)
