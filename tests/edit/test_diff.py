"""``elecsafe diff``: changes by meaning between git revisions or two plan directories."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from elecsafe.load.loader import load_plan
from tests.edit.conftest import EXAMPLES, invoke, snapshot


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _repo(tmp_path: Path, name: str) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES / name, repo / "plan")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "plan")
    return repo / "plan"


def _gold_deputy(plan: Path) -> tuple[str, str, str]:
    """(roles file, the gold role's id, a person who is not its deputy)."""
    loaded = load_plan(plan)
    assert loaded.plan is not None and loaded.plan.command and loaded.plan.command.gold
    gold = loaded.plan.command.gold.assignment
    role = loaded.plan.index().roles[gold]
    other = next(p.id for p in loaded.plan.people if p.id not in (role.deputy, role.holder))
    return "roles.yaml", gold, other


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_diff_reports_a_changed_gold_deputy_by_role(tmp_path: Path) -> None:
    plan = _repo(tmp_path, "uk-force")
    file, gold, other = _gold_deputy(plan)
    loaded = load_plan(plan)
    assert loaded.plan is not None
    role = loaded.plan.index().roles[gold]
    deputy = role.deputy
    assert deputy is not None
    roles = plan / file
    text = roles.read_text("utf-8")
    block = text[text.index(f"id: {gold}") :]
    old_line = next(line for line in block.splitlines() if "deputy:" in line)
    roles.write_text(text.replace(old_line, old_line.replace(deputy, other), 1), "utf-8")
    people = loaded.plan.index().people

    result = invoke(["diff", str(plan)])
    assert result.exit_code == 0, result.output
    line = f"{role.label} ({role.organisation}): new deputy: "
    line += f"{people[deputy].display_name} → {people[other].display_name}"
    assert line in result.output
    data = json.loads(invoke(["diff", str(plan), "HEAD", "--format", "json"]).output)
    assert [c["subject"] for c in data["changes"]] == [gold]
    _git(plan.parent, "commit", "-qam", "new deputy")
    assert "new deputy" in invoke(["diff", str(plan), "HEAD~1", "HEAD"]).output
    assert "no changes" in invoke(["diff", str(plan)]).output


def test_two_directories_without_git(tmp_path: Path) -> None:
    old = tmp_path / "old"
    new = tmp_path / "new"
    shutil.copytree(EXAMPLES / "us-county", old)
    shutil.copytree(EXAMPLES / "us-county", new)
    before = snapshot(tmp_path)
    loaded = load_plan(new)
    assert loaded.plan is not None
    site = next(
        s for s in loaded.plan.sites if s.vulnerability and s.vulnerability.rating == "green"
    )
    meeting = loaded.plan.timetable.meetings[0]
    for path in new.rglob("*.yaml"):
        text = path.read_text("utf-8")
        if f"id: {site.id}" in text:
            start = text.index(f"id: {site.id}")
            at = text.index("rating: green", start)
            path.write_text(text[:at] + "rating: amber" + text[at + len("rating: green") :])
    result = invoke(["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert f"'{site.name}': rating: green → amber" in result.output
    notice = invoke(["diff", str(old), str(new), "--format", "md"])
    assert notice.exit_code == 0
    assert "# Change notice" in notice.output
    assert "rating" not in notice.output  # restricted: not in the partners' notice
    assert "1 change(s) are not shown in this partners edition" in notice.output
    assert meeting.id  # the timetable compares too (nothing moved here)
    assert snapshot(old) == {k[4:]: v for k, v in before.items() if k.startswith("old/")}


def test_diff_outside_git_is_a_clean_error(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "us-county", tmp_path / "plan")
    result = invoke(["diff", str(tmp_path / "plan")])
    assert result.exit_code == 2
    assert result.output.startswith("elecsafe: error: git")


@needs_git
def test_a_plan_at_the_root_of_its_repository(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(EXAMPLES / "us-county", plan)
    _git(plan, "init", "-q")
    _git(plan, "add", "-A")
    _git(plan, "commit", "-qm", "plan")
    people = plan / "people.yaml"
    text = people.read_text("utf-8")
    people.write_text(text.replace("    display_name: ", "    display_name: Dr ", 1), "utf-8")
    result = invoke(["diff", str(plan)])
    assert result.exit_code == 0, result.output
    assert ": display_name: " in result.output and " → Dr " in result.output
