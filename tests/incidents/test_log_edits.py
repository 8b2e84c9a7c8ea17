"""``elecsafe incident add|update``: validated before writing, appended through the editing
machinery with every comment kept, refused with nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from elecsafe.cli.app import app
from elecsafe.load.loader import load_plan
from tests.conftest import EXAMPLES, MINIMAL_PLAN, write_plan

runner = CliRunner()
ADD = ["--date", "2026-11-21", "--time", "19:05", "--harm", "personal_harassment"]
ADD += ["--target", "election_worker", "--summary", "Presiding officer abused in the car park"]


@pytest.fixture
def uk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the UK example, as the working directory (messages show relative paths)."""
    target = tmp_path / "uk-force"
    shutil.copytree(EXAMPLES / "uk-force", target)
    monkeypatch.chdir(target)
    return target


def _snapshot(plan: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(plan)): p.read_bytes() for p in sorted(plan.rglob("*")) if p.is_file()
    }


def _comments(path: Path) -> list[str]:
    return [line for line in path.read_text().splitlines() if line.lstrip().startswith("#")]


def test_add_appends_to_the_years_file_with_the_next_id(uk: Path) -> None:
    log = uk / "incidents" / "2026.yaml"
    before, comments = log.read_text(), _comments(log)
    result = runner.invoke(
        app, ["incident", "add", str(uk), *ADD, "--referred-to", "severnshire-police"]
    )
    assert result.exit_code == 0, result.output
    assert "added inc-2026-013 in incidents/2026.yaml" in result.stderr
    after = log.read_text()
    assert after.startswith(before)  # only appended: every byte before stays
    assert _comments(log) == comments
    assert after[len(before) :] == (
        "  - id: inc-2026-013\n"
        "    reported: 2026-11-21T19:05:00\n"
        "    harm: personal_harassment\n"
        "    target: election_worker\n"
        "    summary: Presiding officer abused in the car park\n"
        "    referral:\n"
        "      to: severnshire-police\n"
        "      referred_on: 2026-11-21T19:05:00\n"
        "    status: referred\n"
    )
    loaded = load_plan(uk)
    assert loaded.plan is not None and loaded.plan.incidents[-1].id == "inc-2026-013"


def test_a_new_year_gets_its_own_file_and_the_plan_includes_it(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "# my plan\n" + MINIMAL_PLAN)
    result = runner.invoke(
        app,
        [
            "incident",
            "add",
            str(plan),
            "--date",
            "2027-01-04",
            "--harm",
            "disorder",
            "--target",
            "voter",
            "--summary",
            "Scuffle in the queue",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "the plan now includes incidents/*.yaml" in result.stderr
    assert (plan / "plan.yaml").read_text().startswith("# my plan\n")
    assert (plan / "plan.yaml").read_text().endswith('include:\n  - "incidents/*.yaml"\n')
    assert (
        (plan / "incidents" / "2027.yaml")
        .read_text()
        .endswith(
            "incidents:\n  - id: inc-2027-001\n    reported: 2027-01-04\n    harm: disorder\n"
            "    target: voter\n    summary: Scuffle in the queue\n"
        )
    )
    loaded = load_plan(plan)
    assert loaded.plan is not None and [i.id for i in loaded.plan.incidents] == ["inc-2027-001"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--harm", "riot"], "unknown harm 'riot'"),
        (["--site", "pp-nowhere"], "no site with id 'pp-nowhere' in the plan"),
        (["--referred-to", "severnshire-polce"], "(did you mean severnshire-police?)"),
        (["--date", "21/11/2026"], "--date must be a date YYYY-MM-DD"),
        (["--summary", "Clerk on 07700 900123 threatened"], "seems to contain a phone number"),
    ],
)
def test_refused_input_writes_nothing(uk: Path, options: list[str], message: str) -> None:
    before = _snapshot(uk)
    args = list(ADD)
    for i in range(0, len(options), 2):
        if options[i] in args:
            args[args.index(options[i]) + 1] = options[i + 1]
        else:
            args += options[i : i + 2]
    result = runner.invoke(app, ["incident", "add", str(uk), *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _snapshot(uk) == before


def test_missing_options_are_an_error_without_a_terminal(uk: Path) -> None:
    result = runner.invoke(app, ["incident", "add", str(uk), "--date", "2026-11-21"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "elecsafe: error: missing option --harm"


def test_dry_run_shows_the_diff_and_leaves_every_byte(uk: Path) -> None:
    before = _snapshot(uk)
    result = runner.invoke(app, ["incident", "add", str(uk), *ADD, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("--- a/incidents/2026.yaml\n+++ b/incidents/2026.yaml\n")
    assert "+  - id: inc-2026-013\n" in result.stdout
    assert _snapshot(uk) == before


def test_update_sets_status_outcome_and_a_follow_up(uk: Path) -> None:
    log = uk / "incidents" / "2026.yaml"
    comments = _comments(log)
    result = runner.invoke(
        app,
        [
            "incident",
            "update",
            "inc-2026-012",
            str(uk),
            "--status",
            "closed",
            "--outcome",
            "Both men cautioned",
            "--follow-up",
            "Surgery moved indoors",
            "--owner",
            "ra-ni-port-ashby",
            "--due",
            "2026-12-01",
        ],
        env={"ELECSAFE_TODAY": "2026-11-25"},
    )
    assert result.exit_code == 0, result.output
    assert _comments(log) == comments
    loaded = load_plan(uk)
    assert loaded.plan is not None
    incident = {i.id: i for i in loaded.plan.incidents}["inc-2026-012"]
    assert (incident.status, incident.outcome) == ("closed", "Both men cautioned")
    assert str(incident.updated) == "2026-11-25"
    assert [(a.text, a.owner, str(a.due)) for a in incident.follow_up] == [
        ("Surgery moved indoors", "ra-ni-port-ashby", "2026-12-01")
    ]
    # A follow-up added to an incident that has some is appended to them.
    again = runner.invoke(
        app,
        [
            "incident",
            "update",
            "inc-2026-012",
            str(uk),
            "--follow-up",
            "Review in a month",
            "--owner",
            "ra-ni-port-ashby",
        ],
    )
    assert again.exit_code == 0, again.output
    loaded = load_plan(uk)
    assert loaded.plan is not None
    assert len({i.id: i for i in loaded.plan.incidents}["inc-2026-012"].follow_up) == 2


def test_update_of_an_unknown_incident_or_status_writes_nothing(uk: Path) -> None:
    before = _snapshot(uk)
    unknown = runner.invoke(
        app, ["incident", "update", "inc-2026-099", str(uk), "--status", "closed"]
    )
    assert unknown.exit_code == 2
    assert "no incident with id 'inc-2026-099'" in unknown.stderr
    bad = runner.invoke(app, ["incident", "update", "inc-2026-012", str(uk), "--status", "done"])
    assert bad.exit_code == 2
    assert "unknown status 'done'" in bad.stderr
    assert _snapshot(uk) == before


def test_a_plan_with_errors_is_not_edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = write_plan(tmp_path, MINIMAL_PLAN + "sites: [{id: x}]\n")
    monkeypatch.chdir(plan)
    before = _snapshot(plan)
    result = runner.invoke(app, ["incident", "add", str(plan), *ADD])
    assert result.exit_code == 2
    assert "the plan has errors (plan.yaml:" in result.stderr
    assert _snapshot(plan) == before
