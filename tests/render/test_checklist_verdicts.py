"""Checklist lines are ticked from the settled findings of the same lint run as `check`.

The bugs this guards: the pre-election checklist used to decide its own ticks, so a critical
role with the same person as holder and deputy was ticked while `check` reported ROL011, and
`DOC002: {max_age_months: 18}` passed `check` while the checklist still showed the line open.
"""

from __future__ import annotations

from pathlib import Path

from elecsafe.lint.runner import LintOptions, run
from elecsafe.load.loader import load_plan
from elecsafe.render.documents import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.render.conftest import GENERATED_ON, options, plan_copy

CRITICAL = "Every critical role has a holder and a different deputy"
REVIEWED = "MoU reviewed within {months} months of Election Day: Pine Hollow County Elections"


def _edit(plan: Path, old: str, new: str) -> None:
    path = plan / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _check_and_checklist(plan: Path) -> tuple[set[str], dict[str, str]]:
    """The codes `check` reports, and the pre-election checklist's box per line text."""
    loaded = load_plan(plan)
    result = run(loaded, LintOptions(today=GENERATED_ON))
    renderer = Renderer(loaded, options(lint=result))
    markdown = renderer.render(DOCUMENTS["checklist-pre-election"], None).markdown
    boxes = {}
    for row in markdown.splitlines():
        cells = [c.strip() for c in row.split("|")]
        if len(cells) > 3 and cells[1] in ("☑", "☐", "–"):
            boxes[cells[2]] = cells[1]
    return {f.code for f in result.findings}, boxes


def _box(boxes: dict[str, str], start: str) -> str:
    found = [box for text, box in boxes.items() if text.startswith(start)]
    assert len(found) == 1, (start, sorted(boxes))
    return found[0]


def test_deputy_equal_to_holder_leaves_the_critical_role_line_open(tmp_path: Path) -> None:
    plan = plan_copy(tmp_path, "us-mini")
    _edit(
        plan, "holder: p-director, organisation", "holder: p-director, deputy: p-lt, organisation"
    )
    codes, boxes = _check_and_checklist(plan)
    assert "ROL011" not in codes and _box(boxes, CRITICAL) == "☑"

    _edit(plan, "holder: p-lt, deputy: p-sheriff", "holder: p-lt, deputy: p-lt")
    codes, boxes = _check_and_checklist(plan)
    assert "ROL011" in codes
    assert _box(boxes, CRITICAL) == "☐"


def test_the_review_limit_of_the_plan_configuration_ticks_the_line_as_check_does(
    tmp_path: Path,
) -> None:
    plan = plan_copy(tmp_path, "us-mini")
    _edit(
        plan,
        "    last_reviewed: 2028-06-01\n  - id: mou-sheriff-annex",
        "    last_reviewed: 2027-08-01\n  - id: mou-sheriff-annex",
    )
    codes, boxes = _check_and_checklist(plan)
    assert "DOC002" in codes
    assert _box(boxes, REVIEWED.format(months=12)) == "☐"

    _edit(plan, "lint:\n", "lint:\n  params: {DOC002: {max_age_months: 18}}\n")
    codes, boxes = _check_and_checklist(plan)
    assert "DOC002" not in codes
    assert _box(boxes, REVIEWED.format(months=18)) == "☑"


def test_a_rule_that_did_not_run_leaves_its_line_unknown(tmp_path: Path) -> None:
    plan = plan_copy(tmp_path, "us-mini")
    _edit(plan, "lint:\n", "lint:\n  ignore: [ROL011]\n")
    codes, boxes = _check_and_checklist(plan)
    assert "ROL011" not in codes
    assert _box(boxes, CRITICAL) == "–"
