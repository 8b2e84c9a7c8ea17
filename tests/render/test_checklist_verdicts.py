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
from tests.render.conftest import FIXTURES, GENERATED_ON, options, plan_copy

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


MOU_SIGNED = "MoU signed by every party: Wyvernshire Constabulary and Lowbridge District Council election MoU"
MAA_SIGNED = "Signed by every party: Wyvernshire and Marcher mutual aid for elections"
COUNCIL_UNSIGNED = "{org: lowbridge-dc, signatory: {person: p-ro, title: Returning Officer}}"
COUNCIL_SIGNED = "{org: lowbridge-dc, signatory: {person: p-ro, title: Returning Officer, signed_on: 2027-01-21}}"


def test_mou_signed_is_ticked_exactly_when_every_signatory_signed(tmp_path: Path) -> None:
    plan = plan_copy(tmp_path, "uk-mini")
    codes, boxes = _check_and_checklist(plan)
    assert "DOC006" in codes and _box(boxes, MOU_SIGNED) == "☐"  # the council has not signed
    _edit(plan, COUNCIL_UNSIGNED, COUNCIL_SIGNED)
    codes, boxes = _check_and_checklist(plan)
    assert "DOC006" not in codes and _box(boxes, MOU_SIGNED) == "☑"


def test_a_draft_or_carried_over_mou_is_not_signed(tmp_path: Path) -> None:
    """Signatures on a draft (DOC006 does not look at drafts) or on last plan's agreement
    (DOC008) are not this agreement signed."""
    plan = plan_copy(tmp_path, "uk-mini")
    _edit(plan, COUNCIL_UNSIGNED, COUNCIL_SIGNED)
    _edit(plan, "purpose: To cooperate", "purpose: TODO agree the purpose. To cooperate")
    codes, boxes = _check_and_checklist(plan)
    assert "DOC006" not in codes and "TODO001" in codes
    assert _box(boxes, MOU_SIGNED) == "☐"
    plan = plan_copy(tmp_path / "rolled", "uk-mini")
    _edit(plan, COUNCIL_UNSIGNED, COUNCIL_SIGNED)
    _edit(
        plan, "    review_due: 2028-01-20\n", "    review_due: 2028-01-20\n    resign_due: true\n"
    )
    codes, boxes = _check_and_checklist(plan)
    assert "DOC006" not in codes and "DOC008" in codes
    assert _box(boxes, MOU_SIGNED) == "☐"


def test_a_mutual_aid_agreement_is_signed_when_every_party_dated_its_signature(
    tmp_path: Path,
) -> None:
    plan = plan_copy(tmp_path, "uk-mini")
    _, boxes = _check_and_checklist(plan)
    assert _box(boxes, MAA_SIGNED) == "☑"
    _edit(plan, "title: Chief Inspector, signed_on: 2027-02-02}", "title: Chief Inspector}")
    codes, boxes = _check_and_checklist(plan)
    assert "MAA004" in codes and _box(boxes, MAA_SIGNED) == "☐"


def _rows(markdown: str, rule: str) -> list[list[str]]:
    return [
        [c.strip() for c in row.split("|")][1:-1]
        for row in markdown.splitlines()
        if row.startswith("| ") and f"| {rule} |" in row
    ]


def test_statutory_dates_are_the_election_offices_not_the_spocs() -> None:
    """The UK example gives its statutory dates to the force SPOC, who tracks them: the
    checklist names the returning or registration officers as owners and the SPOC as tracker."""
    from tests.conftest import EXAMPLES

    loaded = load_plan(EXAMPLES / "uk-force")
    markdown = (
        Renderer(loaded, options()).render(DOCUMENTS["checklist-pre-election"], None).markdown
    )
    rows = {row[1]: row for row in _rows(markdown, "TT002")}
    assert rows["Nominations close"][3] == "Returning officers (8)"
    assert rows["Registration deadline (midnight)"][3] == "Electoral registration officers (7)"
    assert rows["New postal vote and postal proxy applications close"][3].startswith(
        "Electoral registration officers"
    )
    assert rows["Nominations close"][5] == "tracked by Force election SPOC: Rachel Okafor"
    assert not [row for row in rows.values() if "SPOC" in row[3] or "commander" in row[3]]


def test_a_statutory_date_owned_by_its_office_keeps_its_owner(tmp_path: Path) -> None:
    """uk-mini's notice of election belongs to its returning officer: named, no tracker;
    US statutory dates stay with the election officials the plan names."""
    from tests.conftest import EXAMPLES

    markdown = (
        Renderer(load_plan(FIXTURES / "uk-mini"), options(audience="internal"))
        .render(DOCUMENTS["checklist-pre-election"], None)
        .markdown
    )
    (row,) = [r for r in _rows(markdown, "TT002") if r[1] == "Notice of election"]
    assert row[3].startswith("Returning officer") and row[5] == ""
    us = Renderer(load_plan(EXAMPLES / "us-county"), options()).render(
        DOCUMENTS["checklist-pre-election"], None
    )
    owners = {row[3] for row in _rows(us.markdown, "TT002")}
    assert "County Clerk & Recorder (chief election official): Dana Whitfield" in owners
    assert not [o for o in owners if "Sheriff" in o or "Police" in o or "tracked" in o]
