"""The briefing tells officers what the guidance asks them to be briefed on: what to do on an
electoral offence (who decides, the plan's tactics, evidence, the prosecutor route) and how to
report intelligence and community tension (APP Election-day considerations, Neighbourhood
policing teams, Communities; US: Roadmap §VI) — from the plan's data, in each country's words."""

from __future__ import annotations

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.conftest import EXAMPLES
from tests.render.conftest import options

OFFENCES = "## Electoral offences: arrest and evidence"
INTELLIGENCE = "## Intelligence and community tension"


def _briefing(loaded: LoadedPlan, audience: str = "partners") -> str:
    return Renderer(loaded, options(audience=audience)).render(DOCUMENTS["briefing"], None).markdown


def _section(text: str, heading: str) -> str:
    start = text.index(heading + "\n")
    return text[start : text.index("\n## ", start + 3)]


def test_uk_offences_from_the_plan() -> None:
    loaded = load_plan(EXAMPLES / "uk-force")
    assert loaded.plan is not None
    reporting = loaded.plan.threat_reporting
    assert reporting is not None and reporting.arrest_and_evidence is not None
    section = _section(_briefing(loaded), OFFENCES)
    assert "- **Who decides:** consult the Bronze crime before an arrest" in section
    assert (
        "- **Allegations** go first to the force election SPOC; procedure: Operation Castlegate"
        in section
    )
    assert "advice is sought only through the Force election SPOC, never directly" in section
    assert "under the Senior investigating officer (electoral malpractice)" in section
    # the plan's own tactics, in its order
    for number, step in enumerate(reporting.arrest_and_evidence.tactics, 1):
        assert f"{number}. {step}" in section
    assert "force evidence bags and continuity labels issued to every ESM" in section
    assert "There is no CCTV inside polling stations" in section
    assert "section “Election-day considerations”" in section


def test_uk_intelligence_and_community_tension() -> None:
    section = _section(_briefing(load_plan(EXAMPLES / "uk-force")), INTELLIGENCE)
    assert (
        "- Report intelligence to the Bronze intelligence, and community tension to the "
        "Bronze community" in section
    )
    assert "pass intelligence about suspicious activity to the Force election SPOC" in section
    assert (
        "triaged in this order: Force election SPOC, then Senior investigating officer" in section
    )
    assert (
        "| Port Ashby and Severnside BCU | Port Ashby and Severnside BCU community engagement "
        "strategy with community impact assessment (Old Town, Dockside, Abbeyfields) | yes |"
        in section
    )
    assert "sections “Neighbourhood policing teams” and “Communities”" in section


def test_us_briefing_in_us_words_and_guidance() -> None:
    text = _briefing(load_plan(EXAMPLES / "us-county"))
    assert OFFENCES not in text
    offences = _section(text, "## Election offenses: arrest and evidence")
    assert "election offense is alleged at or near a polling place" in offences
    assert "cases are prepared for the Election law adviser (Assistant County Attorney)" in offences
    assert "1. Stay outside the electioneering buffer" in offences
    intelligence = _section(text, INTELLIGENCE)
    assert "- Report intelligence to the Criminal Intelligence Analyst" in intelligence
    assert "Roadmap for Election Officials" in intelligence
    for british in (
        "Crown Prosecution",
        "CPS",
        "polling station",
        "College of Policing",
        "CCTV",
        "BCU",
    ):
        assert british not in offences + intelligence, british


def test_public_briefing_has_neither_section(uk_loaded: LoadedPlan) -> None:
    """Reporting arrangements are for partners: the public edition says nothing of them."""
    text = _briefing(uk_loaded, "public")
    assert OFFENCES not in text and INTELLIGENCE not in text


def test_a_plan_without_tactics_says_what_is_missing(uk_loaded: LoadedPlan) -> None:
    section = _section(_briefing(uk_loaded), OFFENCES)
    assert "**What officers do**" not in section and "Who decides" not in section
    assert "- No evidence handling procedure is agreed in the plan yet" in section
    intelligence = _section(_briefing(uk_loaded), INTELLIGENCE)
    assert "the plan names no intelligence role yet" in intelligence
