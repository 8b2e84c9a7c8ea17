"""``elecsafe fix`` migrates keys the schema renamed (SCH004), keeping every other byte."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from elecsafe.cli.app import app
from elecsafe.lint.registry import registry
from tests.conftest import EXAMPLES

runner = CliRunner()


def test_a_renamed_key_is_migrated_once(tmp_path: Path) -> None:
    plan = tmp_path / "uk"
    shutil.copytree(EXAMPLES / "uk-force", plan)
    debrief = plan / "debrief.yaml"
    original = debrief.read_text()
    debrief.write_text(original.replace("submitted_on:", "on:", 1))
    before_check = runner.invoke(app, ["check", str(plan), "--format", "concise"])
    assert "SCH004 key 'on' is now 'submitted_on'" in before_check.stdout
    result = runner.invoke(app, ["fix", str(plan)])
    assert result.exit_code == 0, result.output
    assert debrief.read_text() == original  # back to the new name, nothing else touched
    again = runner.invoke(app, ["fix", str(plan)])
    assert again.exit_code == 0
    assert debrief.read_text() == original


def test_not_fixed_when_the_new_key_is_already_there(tmp_path: Path) -> None:
    plan = tmp_path / "uk"
    shutil.copytree(EXAMPLES / "uk-force", plan)
    debrief = plan / "debrief.yaml"
    text = debrief.read_text().replace(
        "      submitted_on: 2027-07-01\n",
        "      submitted_on: 2027-07-01\n      on: 2027-07-02\n",
        1,
    )
    debrief.write_text(text)
    runner.invoke(app, ["fix", str(plan)])
    assert debrief.read_text() == text  # which date is right is a person's call


def test_sch004_is_marked_fixable() -> None:
    assert registry()["SCH004"].fixable
