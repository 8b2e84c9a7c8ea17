"""US early voting: the weeks before Election Day have their own section in the election-day
checklist and the briefing, and an early voting site is never shown as merely "closed"."""

from __future__ import annotations

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.conftest import EXAMPLES
from tests.render.conftest import options


def _markdown(loaded: LoadedPlan, name: str, audience: str = "partners") -> str:
    return Renderer(loaded, options(audience=audience)).render(DOCUMENTS[name], None).markdown


def test_early_voting_period_in_the_checklist_and_the_briefing() -> None:
    us = load_plan(EXAMPLES / "us-county")
    checklist = _markdown(us, "checklist-election-day")
    period = checklist[checklist.index("## Early voting period") : checklist.index("## Sites")]
    assert (
        "| ☐ | Early voting – Fenwick City Hall Annex | Early voting site | Oct 10, 2028 – "
        "Nov 6, 2028: Mon–Fri 08:00–18:00; Sat 28 Oct and 4 Nov 09:00–15:00 | "
        "Fenwick Police Department |"
    ) in period
    assert (
        "| ☐ | Drop box – WSU Student Union plaza | Ballot drop box | Oct 10, 2028 – Nov 7, 2028:"
        in period
    )
    assert "Polling place" not in period  # open on Election Day only
    # in the sites table, an early voting site shows its days, not "closed on Election Day"
    assert "closed on Election Day" not in checklist
    assert (
        "| Early voting – Fenwick City Hall Annex | Early voting site | Oct 10, 2028 – Nov 6, 2028: "
        "Mon–Fri 08:00–18:00; Sat 28 Oct and 4 Nov 09:00–15:00; not open on Election Day |"
    ) in checklist
    briefing = _markdown(us, "briefing")
    assert "## Early voting period" in briefing
    assert "| Early voting – Fenwick City Hall Annex | Early voting site | Oct 10, 2028" in briefing


def test_no_early_voting_section_without_early_voting(uk_loaded: LoadedPlan) -> None:
    assert "Early voting" not in _markdown(uk_loaded, "checklist-election-day")
    assert "Early voting" not in _markdown(load_plan(EXAMPLES / "uk-force"), "briefing")


def test_the_briefing_carries_escalation_and_mutual_aid_restrictions_to_partners_only() -> None:
    uk = load_plan(EXAMPLES / "uk-force")
    partners = _markdown(uk, "briefing")
    assert "## Escalation: who to call" in partners
    assert (
        "| Candidate or campaigner reports harassment, intimidation or threats | Force Elected-Officials Adviser (Operation Ford) |"
        in partners
    )
    assert "## Key restrictions for mutual aid officers" in partners
    assert "- Body camera policy: Camera on for every use of force" in partners
    public = _markdown(uk, "briefing", "public")
    assert "Key restrictions for mutual aid officers" not in public and "Taser" not in public
