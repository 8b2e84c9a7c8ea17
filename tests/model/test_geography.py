"""Two-tier UK areas: a county division belongs to its district and to the county council."""

from __future__ import annotations

import shutil
from pathlib import Path

from elecsafe.lint.runner import LintOptions, run
from elecsafe.load.loader import load_plan
from elecsafe.model.geography import MAX_DEPTH, councils_of, parent_chain
from elecsafe.model.org import Jurisdiction
from elecsafe.model.plan import node_at, nodes_along
from tests.conftest import EXAMPLES
from tests.lint.conftest import TODAY


def area(id_: str, kind: str, parent: str | None = None) -> Jurisdiction:
    return Jurisdiction(id=id_, name=id_, kind=kind, parent=parent)  # type: ignore[arg-type]


TREE = {
    j.id: j
    for j in (
        area("force", "police_force_area"),
        area("county", "county_council", "force"),
        area("district", "district_council", "county"),
        area("unitary", "unitary_authority", "force"),
        area("division", "county_division", "district"),
        area("district-ward", "ward", "district"),
        area("unitary-ward", "ward", "unitary"),
        area("loop-a", "county_division", "loop-b"),
        area("loop-b", "ward", "loop-a"),
    )
}


def test_a_county_division_belongs_to_the_district_and_the_county() -> None:
    assert councils_of(TREE, "division") == ["district", "county"]


def test_a_ward_belongs_to_its_own_council_only() -> None:
    assert councils_of(TREE, "district-ward") == ["district"]
    assert councils_of(TREE, "unitary-ward") == ["unitary"]
    assert councils_of(TREE, "district") == ["district"]


def test_unknown_areas_and_cycles() -> None:
    assert councils_of(TREE, "nowhere") == []
    assert councils_of(TREE, "loop-a") == []
    assert councils_of(TREE, "force") == []


def test_the_example_needs_the_county_council_mou_and_returning_officer(tmp_path: Path) -> None:
    plan = tmp_path / "uk"
    shutil.copytree(EXAMPLES / "uk-force", plan)
    (plan / "agreements" / "mou-severnshire-cc.yaml").unlink()
    result = run(load_plan(plan), LintOptions(today=TODAY))
    assert [f.message for f in result.findings if f.code == "DOC001"] == [
        "no MoU between the police force and local authority 'la-severnshire-cc'"
    ]
    mous = {m.key: m for m in result.readiness}["mous_with_councils"]
    assert (mous.done, mous.total) == (7, 8)
    roles = plan / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    marker = "  - id: ra-ro-scc\n    role: returning_officer\n"
    assert marker in text
    roles.write_text(text.replace(marker, "  - id: ra-ro-scc\n    role: monitoring_officer\n"))
    result = run(load_plan(plan), LintOptions(today=TODAY))
    assert any(f.code == "ROL004" and "'la-severnshire-cc'" in f.message for f in result.findings)
    assert result.failed


def test_the_parent_walk_stops_at_the_top_at_a_cycle_and_at_the_depth_bound() -> None:
    parents = {f"j{i}": f"j{i + 1}" for i in range(200)}

    def parent(j: str) -> str | None:
        found = TREE.get(j)
        return found.parent if found is not None else None

    assert parent_chain("division", parent) == ["division", "district", "county", "force"]
    assert parent_chain("loop-a", parent) == ["loop-a", "loop-b"]
    assert len(parent_chain("j0", parents.get)) == MAX_DEPTH


def test_the_raw_key_path_walk() -> None:
    raw = {"sites": [{"id": "hall", "contacts": [{"id": "c1"}]}]}
    assert [n.get("id") for n in nodes_along(raw, ("sites", 0, "contacts", 0))[1:2]] == ["hall"]
    assert node_at(raw, ("sites", 0, "contacts", 0, "id")) == "c1"
    assert node_at(raw, ("sites", 3)) is None
    assert node_at(raw, ("sites", "x")) is None
    assert node_at(raw, ()) is raw
