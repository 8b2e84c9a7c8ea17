"""The MoU's points of contact "for this agreement's area": the force-wide roles and those of the
police areas that cover the agreement's polls (Jurisdiction.covers), never another area's
commanders or contacts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.conftest import EXAMPLES
from tests.render.conftest import options

FORCE_WIDE = (
    "Gold commander, Operation Castlegate",
    "Bronze crime",
    "Bronze security (polling stations and counts)",
    "Force election SPOC",
    "Senior investigating officer (electoral malpractice)",
)


def contacts(loaded: LoadedPlan, mou_id: str, audience: str = "partners") -> str:
    text = Renderer(loaded, options(audience=audience)).render(DOCUMENTS["mou"], mou_id).markdown
    start = text.index(". Points of contact and deputies\n")
    return text[start : text.index("\n## ", start)]


def roles(section: str) -> list[str]:
    return re.findall(r"^\| ([^|]+?) \| Severnshire Constabulary \|", section, re.M)


def test_westmoor_lists_north_bcu_commanders_only() -> None:
    section = contacts(load_plan(EXAMPLES / "uk-force"), "mou-westmoor-2027")
    listed = roles(section)
    for role in (
        "Silver commander, North BCU",
        "Geographical bronze, North BCU",
        "BCU crime SPOC (North Severnshire BCU)",
        "Neighbourhood inspector (Westmoor)",
        *FORCE_WIDE,
    ):
        assert role in listed, role
    for other in ("South", "Port Ashby", "Highcross", "Eastvale"):
        assert not [r for r in listed if other in r], other
    assert "the force-wide roles and those of North Severnshire BCU, which covers it;" in section


def test_the_county_council_lists_the_bcus_of_its_by_elections() -> None:
    """The county's polls this year are the Kingsmere and Fallow division (Eastvale, South BCU)
    and Severnside East (Severnside, Port Ashby and Severnside BCU)."""
    section = contacts(load_plan(EXAMPLES / "uk-force"), "mou-scc-2027")
    listed = roles(section)
    assert "Silver commander, South BCU" in listed
    assert "Geographical bronze, Port Ashby and Severnside BCU" in listed
    assert not [r for r in listed if "North" in r]
    assert "those of South Severnshire BCU and Port Ashby and Severnside BCU, which cover it" in (
        section
    )


def test_without_declared_coverage_the_bcu_roles_stay(tmp_path: Path) -> None:
    plan = tmp_path / "uk"
    shutil.copytree(EXAMPLES / "uk-force", plan)
    text = (plan / "plan.yaml").read_text()
    (plan / "plan.yaml").write_text(re.sub(r", covers: \[[^]]*\]", "", text))
    section = contacts(load_plan(plan), "mou-westmoor-2027")
    listed = roles(section)
    assert "Silver commander, South BCU" in listed  # the plan does not say which BCU serves it
    assert "Neighbourhood inspector (Eastvale)" not in listed  # another council's poll area
    assert "which covers it" not in section


def test_the_public_edition_lists_no_commander() -> None:
    loaded = load_plan(EXAMPLES / "uk-force")
    text = Renderer(loaded, options(audience="public")).render(
        DOCUMENTS["mou"], "mou-westmoor-2027"
    )
    assert "Points of contact" not in text.markdown  # the memorandum is for partners
    for hidden in ("Claire Whitmore", "Rob Kerr", "North Severnshire BCU, which covers"):
        assert hidden not in text.markdown
