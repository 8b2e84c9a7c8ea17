"""``elecsafe fix``: safe repairs only, idempotent, comments kept, --dry-run writes nothing."""

from __future__ import annotations

from pathlib import Path

from elecsafe.edit.fixes import FIXERS
from elecsafe.lint.registry import registry
from tests.edit.conftest import comment_lines, invoke, snapshot, trailing_comments


def _typo(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _break_keys(plan: Path) -> None:
    _typo(plan / "people.yaml", "    display_name:", "    dispaly_name:")  # block mapping
    _typo(plan / "plan.yaml", "\nlast_reviewed:", "\nlast_reviewd:")  # plan root
    _typo(plan / "timetable.yaml", "owner:", "ownr:")  # deep in an included file


def test_fix_repairs_typos_and_keeps_every_comment(example: Path) -> None:
    pristine = snapshot(example)
    _break_keys(example)
    comments, trailing = comment_lines(example), trailing_comments(example)
    assert invoke(["check", str(example)]).exit_code == 1
    concise = invoke(["check", str(example), "--format", "concise"]).output
    assert "3 finding(s) can be repaired by `elecsafe fix`" in concise

    result = invoke(["fix", str(example)])
    assert result.exit_code == 0, result.output
    assert "fixed 3 finding(s) in 3 file(s)" in result.output
    assert snapshot(example) == pristine  # each rename restores the file byte for byte
    assert comment_lines(example) == comments
    assert trailing_comments(example) == trailing
    assert invoke(["check", str(example)]).exit_code == 0


def test_fix_twice_equals_fix_once(example: Path) -> None:
    _break_keys(example)
    assert invoke(["fix", str(example)]).exit_code == 0
    once = snapshot(example)
    second = invoke(["fix", str(example)])
    assert second.exit_code == 0
    assert "nothing to fix" in second.output
    assert snapshot(example) == once


def test_dry_run_leaves_every_byte_and_prints_the_diff(example: Path) -> None:
    _break_keys(example)
    before = snapshot(example)
    result = invoke(["fix", str(example), "--dry-run"])
    assert result.exit_code == 0
    assert snapshot(example) == before
    assert "-    dispaly_name:" in result.stdout
    assert "+    display_name:" in result.stdout
    assert "+last_reviewed:" in result.stdout


def test_select_limits_the_fixes(example: Path) -> None:
    _break_keys(example)
    result = invoke(["fix", str(example), "--select", "MTG"])
    assert "nothing to fix" in result.output
    assert "dispaly_name" in (example / "people.yaml").read_text("utf-8")


def test_an_ambiguous_key_is_not_renamed(copy_example: object, tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text(
        (Path(__file__).parents[2] / "examples/us-county/plan.yaml").read_text("utf-8")
    )
    text = (plan / "plan.yaml").read_text("utf-8")
    # "previous_plans" is as close to previous_plan as to nothing else; "previous_" is
    # equally close to previous_plan and previous_debrief: a guess, so left alone.
    (plan / "plan.yaml").write_text(text.replace("\nid:", "\nprevious_:  x\nid:", 1))
    before = snapshot(plan)
    result = invoke(["fix", str(plan)])
    assert "nothing to fix" in result.output
    assert snapshot(plan) == before


def test_a_file_with_yaml_errors_is_refused(example: Path) -> None:
    _typo(example / "people.yaml", "    display_name:", "    display_name: [unclosed")
    _typo(example / "plan.yaml", "\nlast_reviewed:", "\nlast_reviewd:")
    before = snapshot(example)
    result = invoke(["fix", str(example)])
    assert result.exit_code == 2
    assert "people.yaml:" in result.output and "nothing was written" in result.output
    assert snapshot(example) == before


def test_fixable_rules_are_the_ones_with_a_fixer() -> None:
    assert {code for code, rule in registry().items() if rule.fixable} == set(FIXERS)
    shown = invoke(["rule", "SCH001"]).output
    assert "fixable by `elecsafe fix`" in shown
    assert "fixable by" not in invoke(["rule", "MTG001"]).output
