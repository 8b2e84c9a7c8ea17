"""Which police area, silver and bronze cover a place: BCUs and councils do not nest, so a police
area says what it covers (``Jurisdiction.covers``) and one place in the model answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from elecsafe.load.loader import load_plan
from elecsafe.model.geography import Cover
from elecsafe.model.plan import PlanIndex
from elecsafe.model.roles import CommandStructure
from tests.conftest import EXAMPLES
from tests.lint.conftest import check


@pytest.fixture(scope="module")
def uk() -> PlanIndex:
    return load_plan(EXAMPLES / "uk-force").plan.index()


FUNCTIONAL = (
    "ra-bronze-crime",
    "ra-bronze-intelligence",
    "ra-bronze-community",
    "ra-bronze-safeguarding",
    "ra-bronze-security",
)


def test_a_council_is_covered_by_its_bcu_and_the_force_area(uk: PlanIndex) -> None:
    assert uk.cover("westmoor") == Cover(
        ("bcu-north", "severnshire"), ("ra-silver-north",), ("ra-bronze-geo-north",), FUNCTIONAL
    )
    assert uk.cover("westmoor").the_bronze == "ra-bronze-geo-north"


def test_wards_and_county_divisions_take_their_councils_bcu(uk: PlanIndex) -> None:
    assert uk.cover("dockside-ward").bronze == ("ra-bronze-geo-port",)
    assert uk.cover("abbeyfields-ward").silver == ("ra-silver-port",)
    assert uk.cover("kingsmere-fallow-division").silver == ("ra-silver-south",)


def test_a_site_is_covered_through_its_jurisdiction(uk: PlanIndex) -> None:
    site = next(s for s in uk.sites.values() if s.jurisdiction == "westmoor")
    cover = uk.site_cover(site.id)
    assert cover is not None and cover.the_bronze == "ra-bronze-geo-north"
    assert uk.site_cover("no-such-site") is None


def test_a_county_council_spans_every_bcu_only_in_parts(uk: PlanIndex) -> None:
    whole = uk.cover("severnshire-cc")
    assert whole.areas == ("severnshire",) and whole.bronze == () and whole.the_bronze is None
    parts = uk.cover("severnshire-cc", parts=True)
    assert parts.silver == ("ra-silver-north", "ra-silver-south", "ra-silver-port")
    assert parts.the_bronze is None  # three bronzes: a site there is not one bronze's


def test_a_neighbouring_force_has_none_of_our_area_commanders(uk: PlanIndex) -> None:
    assert uk.cover("brackenshire").silver == () and uk.cover("brackenshire").bronze == ()


def index(jurisdictions: str, command: str = "") -> PlanIndex:
    """A plan index from jurisdiction rows ``id kind parent covers,covers`` and silver rows."""
    from elecsafe.model.org import Jurisdiction
    from elecsafe.model.plan import Plan

    rows = [line.split() for line in jurisdictions.strip().splitlines()]
    plan = Plan.model_construct(
        jurisdictions=[
            Jurisdiction(
                id=r[0],
                name=r[0],
                kind=r[1],  # type: ignore[arg-type]
                parent=None if r[2] == "-" else r[2],
                covers=r[3].split(",") if len(r) > 3 else [],
            )
            for r in rows
        ],
        command=CommandStructure.model_validate_json(command) if command else None,
        people=[],
        organisations=[],
        roles=[],
        sites=[],
        elections=[],
    )
    from elecsafe.model.timetable import Timetable

    plan.timetable = Timetable()
    plan.threat_reporting = None
    return PlanIndex(plan)


TREE = """
force police_force_area -
north bcu force district-a,ward-b1
south bcu force district-b
county county_council force
district-a district_council county
district-b district_council county
ward-b1 ward district-b
"""
SILVERS = (
    '{"silver": [{"assignment": "s-force", "area": "force"}, {"assignment": "s-north", '
    '"area": "north"}, {"assignment": "s-south", "area": "south"}], "bronze": ['
    '{"assignment": "b-north", "type": "geographical", "area": "north"}, '
    '{"assignment": "b-crime", "type": "functional", "function": "crime"}]}'
)


def test_the_nearest_cover_wins_a_ward_policed_by_another_bcu() -> None:
    ix = index(TREE, SILVERS)
    assert ix.cover("ward-b1").areas == ("north", "force", "south")
    assert ix.cover("ward-b1").silver == ("s-north", "s-south")
    assert ix.cover("district-b").silver == ("s-south",)


def test_a_force_wide_silver_gives_way_to_the_bcu_silver_where_one_commands() -> None:
    ix = index(TREE, SILVERS)
    assert ix.cover("district-a").silver == ("s-north",)
    assert ix.cover("county").silver == ("s-force",)  # only the force area covers it whole
    assert ix.cover("district-a").functional == ("b-crime",)
    assert ix.cover("district-b").bronze == ()  # South has no geographical bronze


def test_a_silver_without_an_area_commands_where_no_area_has_one() -> None:
    ix = index(TREE, '{"silver": [{"assignment": "s-all"}]}')
    assert ix.cover("district-a").silver == ("s-all",)


def test_a_plan_that_declares_no_coverage_links_no_council_to_a_bcu() -> None:
    ix = index("\n".join(r for r in TREE.splitlines() if " bcu " not in r), SILVERS)
    assert not ix.coverage.declared
    assert ix.cover("district-a").silver == ("s-force",)
    assert ix.cover("district-a").bronze == ()


def test_cycles_in_parents_or_covers_do_not_hang() -> None:
    ix = index("a bcu b b,c\nb ward a\nc ward c")
    assert ix.cover("c").areas == ("a",)
    assert set(ix.cover("b", parts=True).areas) == {"a"}


def test_covers_names_jurisdictions(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        "jurisdictions:\n  - {id: north, name: North BCU, kind: bcu, covers: [westmor]}\n",
        "REF001",
        [(2, 54)],
    )
    assert [f.message for f in result.findings if f.code == "REF001"] == [
        "unknown jurisdiction id 'westmor'"
    ]
