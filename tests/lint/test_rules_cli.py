"""``elecsafe rules``, ``elecsafe rule CODE``, docs/rules.md and the pre-commit hook."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from typer.testing import CliRunner

from elecsafe.cli.app import app
from elecsafe.lint.docs import rules_markdown
from elecsafe.lint.registry import registry
from tests.conftest import EXAMPLES, REPO
from tests.lint.conftest import write

runner = CliRunner()


def test_rules_table_lists_every_code() -> None:
    result = runner.invoke(app, ["rules"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for code in registry():
        assert code in result.stdout


def test_rules_json_is_versioned_and_complete() -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    document = json.loads(result.stdout)
    assert document["version"] == 1
    by_code = {r["code"]: r for r in document["rules"]}
    assert list(by_code) == list(registry())
    mtg001 = by_code["MTG001"]
    assert (mtg001["name"], mtg001["severity"], mtg001["scope"], mtg001["core"]) == (
        "next-meeting",
        "error",
        "all",
        True,
    )
    assert mtg001["sources"] == ["Roadmap §VII"]
    assert mtg001["guidance"][0]["publication"] == "roadmap"
    assert mtg001["guidance"][0]["reference"].startswith(
        "Building and Maintaining Relationships with Law Enforcement"
    )
    assert mtg001["examples"]["failing"]["problems"] == [[3, 7]]


def test_rules_family_filter() -> None:
    result = runner.invoke(app, ["rules", "--format", "json", "--family", "maa"])
    codes = [r["code"] for r in json.loads(result.stdout)["rules"]]
    assert codes == [f"MAA{n:03d}" for n in range(1, 15)]
    assert runner.invoke(app, ["rules", "--family", "XYZ"]).exit_code == 2


def test_rule_explains_what_why_source_examples_and_fix() -> None:
    result = runner.invoke(app, ["rule", "maa001"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("MAA001  nine-topics  (error · scope all · core set)\n")
    for heading in ("What\n", "Why\n", "Guidance\n", "Fails at example.yaml:", "Passes\n", "Fix\n"):
        assert heading in out
    assert "Public Safety & Elections, Draft and update mutual aid agreements" in out
    assert (
        "National Policing Institute, States United Democracy Center and 21st Century Policing "
        "Solutions, Public Safety & Elections: A Guide for Law Enforcement, Section 2"
    ) in out
    assert "guidance folder" not in out


def test_rule_by_name_and_parameters() -> None:
    result = runner.invoke(app, ["rule", "regular-joint-meetings"])
    assert result.exit_code == 0
    assert "max_gap_days = 30" in result.stdout


def test_unknown_rule_exits_2_with_a_suggestion() -> None:
    result = runner.invoke(app, ["rule", "MAA01"])
    assert result.exit_code == 2
    assert result.stderr.startswith("elecsafe: error: unknown rule 'MAA01' (did you mean MAA0")


def test_docs_rules_md_is_in_sync() -> None:
    expected = rules_markdown(registry().values())
    actual = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "run: elecsafe rules --format markdown > docs/rules.md"


def test_pre_commit_hook_entry_runs(tmp_path: Path) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    [hook] = [h for h in hooks if h["id"] == "elecsafe-check"]
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert hook["entry"] == "elecsafe check"
    import re

    assert re.search(hook["files"], "sites/polling.yaml") and not re.search(hook["files"], "a.md")
    command = shlex.split(hook["entry"])
    executable = shutil.which(command[0]) or str(Path(sys.executable).parent / command[0])
    env = {**os.environ, "ELECSAFE_TODAY": "2026-11-22", "GITHUB_ACTIONS": ""}
    bad = write(
        tmp_path / "bad",
        "timetable:\n  meetings:\n    - {id: m, title: M, meeting_type: planning, when: 2027-01-20}\n",
    )
    done = subprocess.run(
        [executable, *command[1:], "--select", "MTG001"],
        cwd=bad,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "MTG001" in done.stdout
    example = EXAMPLES / "us-county"
    if (example / "plan.yaml").is_file():
        done = subprocess.run(
            [executable, *command[1:]],
            cwd=example,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
