from __future__ import annotations

import os
from pathlib import Path

import pytest

from elecsafe.findings import PlanError
from elecsafe.load.loader import load_plan
from tests.conftest import MINIMAL_PLAN, write_plan


def located(loaded) -> list[tuple[str, int, int]]:
    return sorted((f.code, f.line, f.column) for f in (loaded.locate(x) for x in loaded.findings))


def test_minimal_plan_is_clean(minimal_plan: Path) -> None:
    loaded = load_plan(minimal_plan)
    assert loaded.findings == []
    assert loaded.plan is not None and loaded.plan.id == "test-plan"


def test_plan_yaml_path_works_as_well_as_its_directory(minimal_plan: Path) -> None:
    assert load_plan(minimal_plan / "plan.yaml").plan is not None


def test_missing_path_and_missing_plan_yaml_raise(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="no such file"):
        load_plan(tmp_path / "nope")
    with pytest.raises(PlanError, match=r"no plan\.yaml"):
        load_plan(tmp_path)


def test_unknown_key_points_at_the_key_with_a_suggestion(tmp_path: Path) -> None:
    write_plan(
        tmp_path,
        MINIMAL_PLAN.replace(
            "    display_name: Alice Example\n", "    display_name: A\n    titel: Inspector\n"
        ),
    )
    loaded = load_plan(tmp_path)
    finding = next(loaded.locate(f) for f in loaded.findings)
    assert (finding.code, finding.line, finding.column) == ("SCH001", 25, 5)
    assert finding.hint == "did you mean 'title'?"


def test_missing_key_points_at_the_parent_mapping(tmp_path: Path) -> None:
    write_plan(tmp_path, MINIMAL_PLAN.replace("    kind: police_force_area\n", ""))
    assert located(load_plan(tmp_path)) == [("SCH002", 19, 5)]


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    text = (
        MINIMAL_PLAN.replace("timezone: Europe/London", "timezone: Europe/Lndon")
        .replace("last_reviewed: 2027-01-10", "last_reviewed: 2027-02-31")
        .replace("kind: police_force\n", "kind: police_farce\n")
    )
    write_plan(tmp_path, text)
    assert located(load_plan(tmp_path)) == [
        ("REF002", 6, 11),
        ("REF002", 11, 16),
        ("REF003", 15, 11),
    ]


def test_unknown_reference_is_a_finding_at_the_value(tmp_path: Path) -> None:
    write_plan(tmp_path, MINIMAL_PLAN.replace("owners: [alice]", "owners: [alicia]"))
    loaded = load_plan(tmp_path)
    assert located(loaded) == [("REF001", 9, 10)]
    assert "did you mean 'alice'" in loaded.findings[0].hint


def test_duplicate_ids_across_kinds(tmp_path: Path) -> None:
    write_plan(
        tmp_path,
        MINIMAL_PLAN.replace("  - id: pfa\n", "  - id: force\n").replace("[pfa]", "[force]"),
    )
    loaded = load_plan(tmp_path)
    codes = {f.code for f in loaded.findings}
    assert "REF001" in codes


def test_includes_merge_lists_and_keep_positions(tmp_path: Path) -> None:
    write_plan(tmp_path, MINIMAL_PLAN + "include: [sites/*.yaml]\n")
    write_plan(
        tmp_path,
        "sites:\n  - id: hall\n    name: Hall\n    kind: polling_place\n    jurisdiction: nowhere\n",
        "sites/a.yaml",
    )
    loaded = load_plan(tmp_path)
    finding = loaded.locate(loaded.findings[0])
    assert (
        finding.code,
        finding.file.endswith(os.path.join("sites", "a.yaml")),
        finding.line,
        finding.column,
    ) == (
        "REF001",
        True,
        5,
        19,
    )
    assert loaded.plan is not None and loaded.plan.sites[0].id == "hall"


@pytest.mark.parametrize("pattern", ["../outside.yaml", "/etc/passwd", "~/x.yaml"])
def test_includes_cannot_escape_the_plan(tmp_path: Path, pattern: str) -> None:
    plan_dir = tmp_path / "plan"
    write_plan(plan_dir, MINIMAL_PLAN + f"include: ['{pattern}']\n")
    (tmp_path / "outside.yaml").write_text("sites: []\n")
    assert [f.code for f in load_plan(plan_dir).findings] == ["YML007"]


def test_symlinked_include_outside_is_refused(tmp_path: Path) -> None:
    plan_dir = tmp_path / "plan"
    write_plan(plan_dir, MINIMAL_PLAN + "include: [linked.yaml]\n")
    (tmp_path / "outside.yaml").write_text("sites: []\n")
    (plan_dir / "linked.yaml").symlink_to(tmp_path / "outside.yaml")
    findings = load_plan(plan_dir).findings
    assert [f.code for f in findings] == ["YML007"] and "outside" in findings[0].message


def test_include_cycle_is_reported(tmp_path: Path) -> None:
    write_plan(tmp_path, MINIMAL_PLAN + "include: [a.yaml]\n")
    write_plan(tmp_path, "include: [b.yaml]\nsites: []\n", "a.yaml")
    write_plan(tmp_path, "include: [a.yaml]\nmous: []\n", "b.yaml")
    findings = load_plan(tmp_path).findings
    assert [f.code for f in findings] == ["YML007"] and "cycle" in findings[0].message


def test_key_defined_in_two_files(tmp_path: Path) -> None:
    write_plan(tmp_path, MINIMAL_PLAN + "include: [a.yaml]\n")
    write_plan(tmp_path, "title: Again\n", "a.yaml")
    findings = load_plan(tmp_path).findings
    assert [(f.code, f.line, f.column) for f in findings] == [("YML002", 1, 1)]


def test_private_layer_is_merged_and_optional(tmp_path: Path) -> None:
    write_plan(tmp_path, MINIMAL_PLAN)
    assert load_plan(tmp_path).contacts == {}
    write_plan(
        tmp_path,
        "contacts:\n  alice:\n    contact_methods:\n      - kind: mobile\n        value: '07700 900123'\n",
        "private/contacts.yaml",
    )
    write_plan(tmp_path, "contacts:\n  nobody: {}\n", "private/contacts.example.yaml")
    loaded = load_plan(tmp_path)
    assert loaded.findings == []
    assert loaded.contacts["alice"].contact_methods[0].value == "07700 900123"
    assert load_plan(tmp_path, private=False).contacts == {}


def test_private_entry_for_unknown_person(tmp_path: Path) -> None:
    write_plan(tmp_path, MINIMAL_PLAN)
    write_plan(tmp_path, "contacts:\n  bob: {}\n", "private/contacts.yaml")
    findings = load_plan(tmp_path).findings
    assert [(f.code, f.line, f.column) for f in findings] == [("REF001", 2, 3)]


def test_todo_placeholders_are_warnings_not_errors(tmp_path: Path) -> None:
    write_plan(
        tmp_path,
        MINIMAL_PLAN.replace("title: Test plan", "title: 'TODO: name the plan'").replace(
            "owners: [alice]", "owners: [TODO]"
        ),
    )
    loaded = load_plan(tmp_path)
    assert {(f.code, f.severity.value) for f in loaded.findings} == {("TODO001", "warning")}
    assert loaded.plan is not None


def test_wrong_root_type(tmp_path: Path) -> None:
    write_plan(tmp_path, "- a\n- b\n")
    loaded = load_plan(tmp_path)
    assert [(f.code, f.line) for f in loaded.findings] == [("SCH003", 1)]
    assert loaded.plan is None
