"""Election-day checklist by command level: gold, each silver with its area, the force-wide
functional bronzes and each geographical bronze with the sites its police area covers (UK); the
ICS blocks (US). A site whose bronze the plan does not settle is listed under its own heading."""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.model.sites import ASSESSED_KINDS
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.conftest import EXAMPLES
from tests.render.conftest import options


def render(loaded: LoadedPlan, audience: str = "partners") -> str:
    doc = DOCUMENTS["checklist-election-day"]
    return Renderer(loaded, options(audience=audience)).render(doc, None).markdown


@cache
def uk(audience: str = "partners") -> str:
    return render(load_plan(EXAMPLES / "uk-force"), audience)


def sections(text: str, level: str = "## ") -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in text.split(f"\n{level}")[1:]:
        title, _, body = chunk.partition("\n")
        out[title] = body
    return out


def site_rows(text: str) -> list[str]:
    """The first cell of every site table row."""
    kinds = "Polling place|Polling station|Count centre"
    return re.findall(rf"^\| ([^|]+?) \| (?:{kinds}) \|", text, re.M)


def test_a_section_per_command_level_in_order() -> None:
    titles = list(sections(uk()))
    levels = [t for t in titles if t.startswith(("Gold", "Silver", "Bronze", "Sites"))]
    assert levels == [
        "Gold: strategic",
        "Silver: tactical",
        "Bronze: functional (force-wide)",
        "Bronze: North Severnshire BCU",
        "Bronze: South Severnshire BCU",
        "Bronze: Port Ashby and Severnside BCU",
        "Sites without a geographical bronze",
    ]
    gold = sections(uk())["Gold: strategic"]
    assert "**Gold commander, Operation Castlegate**: Helen Marsh (deputy: Paul Adeyemi)" in gold
    assert "| ☐ | Gold strategy in force and known to every silver: Operation Castlegate" in gold
    assert "| ☐ | Responsible for the media strategy (APP Media) |" in gold


def test_each_silver_with_its_area_councils_and_calls() -> None:
    silvers = sections(sections(uk())["Silver: tactical"], "### ")
    assert list(silvers) == [
        "North Severnshire BCU",
        "South Severnshire BCU",
        "Port Ashby and Severnside BCU",
    ]
    assert "Covers: Port Ashby; Severnside." in silvers["Port Ashby and Severnside BCU"]
    assert "Covers: North Severnshire; Westmoor; Highcross." in silvers["North Severnshire BCU"]
    assert (
        "| ☐ | On an incident, calls: Geographical bronze, South BCU; BCU crime SPOC (South "
        "Severnshire BCU) |" in silvers["South Severnshire BCU"]
    )


def test_functional_bronzes_work_force_wide_with_their_functions() -> None:
    functional = sections(uk())["Bronze: functional (force-wide)"]
    assert "| Crime | Bronze crime | Sarah Pike | Tom Reddy |" in functional
    assert (
        "| Security | Bronze security (polling stations and counts) | Gavin Hurst |" in functional
    )
    assert "- Media: not appointed." in functional


def test_other_agencies_in_a_gold_silver_bronze_structure_without_ics_words() -> None:
    text = uk()
    reps = sections(text)["Other agencies' representatives"]
    assert "| PSU commander, Brackenshire serials | Brackenshire Constabulary | Callum Reeve |" in (
        reps
    )
    assert "Incident command" not in text


def test_each_site_is_listed_once_under_the_bronze_of_its_council() -> None:
    text = uk()
    north = sections(text)["Bronze: North Severnshire BCU"]
    groups = sections(north, "### ")
    assert list(groups) == [
        "Highcross (Geographical bronze, North BCU: Rob Kerr)",
        "North Severnshire (Geographical bronze, North BCU: Rob Kerr)",
        "Westmoor (Geographical bronze, North BCU: Rob Kerr)",
    ]
    kelby = "Kelby Mobile Polling Station (portable cabin, village car park)"
    assert kelby in site_rows(groups["Westmoor (Geographical bronze, North BCU: Rob Kerr)"])
    # a ward's and a county division's sites go with their council's bronze
    port = sections(sections(text)["Bronze: Port Ashby and Severnside BCU"], "### ")
    assert "Dockside Community Centre – polling station PA01/A" in site_rows(
        port["Port Ashby (Geographical bronze, Port Ashby and Severnside BCU: Tariq Malik)"]
    )
    rows = site_rows(text)
    assert rows.count(kelby) == 1
    sites = load_plan(EXAMPLES / "uk-force").plan.sites
    assert len(rows) == len([s for s in sites if s.kind in ASSESSED_KINDS])  # each site once


def test_a_site_no_single_bronze_covers_is_listed_honestly() -> None:
    unlinked = sections(uk())["Sites without a geographical bronze"]
    county = sections(unlinked, "### ")["Severnshire County Council area"]
    assert "*Covered in parts by Geographical bronze, North BCU; Geographical bronze, South " in (
        county
    )
    assert site_rows(county) == [
        "County council by-election count – County Hall, Severnside (Council Chamber)"
    ]


def test_without_coverage_every_site_is_without_a_bronze(tmp_path: Path) -> None:
    plan = tmp_path / "uk"
    shutil.copytree(EXAMPLES / "uk-force", plan)
    text = (plan / "plan.yaml").read_text()
    (plan / "plan.yaml").write_text(re.sub(r", covers: \[[^]]*\]", "", text))
    out = render(load_plan(plan))
    assert "## Bronze: North Severnshire BCU" in out
    assert "No site of the plan lies in the area this bronze covers." in out
    unlinked = sections(sections(out)["Sites without a geographical bronze"], "### ")
    assert "*No police area with a geographical bronze covers it.*" in unlinked["Westmoor"]
    assert len(site_rows(out)) == len(site_rows(uk()))


def test_editions_that_may_not_see_the_command_get_none_of_it() -> None:
    public = uk("public")
    assert "The command structure is *withheld* from this edition." in public
    assert "> - command" in public
    for hidden in ("Gold: strategic", "Rob Kerr", "Helen Marsh", "Bronze crime", "Covers:"):
        assert hidden not in public
    assert "## Sites\n" in public  # listed by council, as before
    internal = uk("internal")
    assert "## Bronze: North Severnshire BCU" in internal


def test_us_plans_get_the_ics_blocks_and_no_uk_command_words() -> None:
    text = render(load_plan(EXAMPLES / "us-county"))
    titles = list(sections(text))
    assert "Incident command" in titles and "Sites" in titles
    blocks = sections(sections(text)["Incident command"], "### ")
    assert list(blocks) == [
        "Command",
        "Command staff",
        "General staff",
        "Logistics section",
        "Agency representatives",
    ]
    assert (
        "| ☐ | Unified command | Unified command – Sheriff's Office: Karen Lindqvist |"
        in (blocks["Command"])
    )
    assert (
        "| Chief of Police | Oak Bluff Police Department | Helen Dorsey |"
        in (blocks["Agency representatives"])
    )
    for word in ("Gold", "Silver", "Bronze", "BCU", "organisation", "polling station"):
        assert word not in text


def briefing(example: str, audience: str = "partners") -> str:
    doc = DOCUMENTS["briefing"]
    return (
        Renderer(load_plan(EXAMPLES / example), options(audience=audience))
        .render(doc, None)
        .markdown
    )


def test_the_briefing_gives_officers_their_command_chain() -> None:
    text = briefing("uk-force")
    chain = sections(text)["Command chain"]
    levels = re.findall(r"^\| (Gold|Silver|Bronze) \(([a-z]+)\) \|", chain, re.M)
    assert levels[0] == ("Gold", "strategic")
    assert levels.count(("Silver", "tactical")) == 3
    assert levels.count(("Bronze", "geographical")) == 3
    assert ("Bronze", "functional") in levels
    assert "| Silver commander, North BCU | Claire Whitmore | Daniel Forde |" in chain
    # each council's assignments name the bronze whose police area covers it
    assert "### Westmoor (Geographical bronze, North BCU: Rob Kerr)" in text
    assert (
        "### Port Ashby (Geographical bronze, Port Ashby and Severnside BCU: Tariq Malik)" in text
    )
    # the county-wide count has no single bronze: its heading names none
    assert "\n### Severnshire County Council area\n" in text


def test_the_us_briefing_chain_is_the_incident_command_system() -> None:
    chain = sections(briefing("us-county"))["Command chain"]
    assert "| Command | Unified command |" in chain
    assert "| General staff | Operations section chief |" in chain
    assert not re.search(r"\b(Gold|Silver|Bronze)\b", chain)


def test_a_public_briefing_withholds_the_command_chain() -> None:
    text = briefing("uk-force", "public")
    chain = sections(text)["Command chain"]
    assert "withheld" in chain and "Claire Whitmore" not in text
    assert "Rob Kerr" not in text
