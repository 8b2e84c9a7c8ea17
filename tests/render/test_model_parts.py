"""Documents built from the model parts of issue #17 (site locations, presence windows,
escorts, observer rules, ...), edition by edition."""

from __future__ import annotations

from elecsafe.load.loader import LoadedPlan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.render.conftest import options


def _markdown(loaded: LoadedPlan, name: str, audience: str) -> str:
    renderer = Renderer(loaded, options(audience=audience))
    return renderer.render(DOCUMENTS[name], None).markdown


def test_site_register_locates_back_office_sites_by_edition(us_loaded: LoadedPlan) -> None:
    internal = _markdown(us_loaded, "site-register", "internal")
    assert (
        "| Ballot warehouse | Ballot storage | Pine Hollow County | 14 Quarry Road, Pine Hollow |"
        in internal
    )
    assert "## Access\n\n- **Ballot warehouse**: Rear dock gate only;" in internal
    partners = _markdown(us_loaded, "site-register", "partners")
    assert "| Ballot warehouse | Ballot storage | Pine Hollow County | *withheld* |" in partners
    assert "Fairgrounds east lot, 900 Fair Road" in partners
    assert "Quarry" not in partners and "## Access" not in partners
    assert "> - site: restricted address\n> - site: access notes\n" in partners
    public = _markdown(us_loaded, "site-register", "public")
    assert "Fairgrounds east lot" not in public
    assert "Mutual aid staging area" not in public  # a back-office site: partners and up


def test_presence_windows_in_the_internal_site_register_and_briefing(uk_loaded: LoadedPlan) -> None:
    row = "| Lowbridge Leisure Centre | 6 May 2027 | 21:45–04:15 | Permanent | Patrol | "
    for name in ("site-register", "briefing"):
        internal = _markdown(uk_loaded, name, "internal")
        assert "## Police presence by date and time" in internal, name
        assert row in internal, name
        partners = _markdown(uk_loaded, name, "partners")
        assert (
            "## Police presence by date and time" not in partners and "21:45–04:15" not in partners
        )
        assert "> - site: presence windows\n" in partners, name


def test_the_maa_states_cross_deputisation_and_who_carries_a_topic() -> None:
    from elecsafe.load.loader import load_plan
    from tests.conftest import EXAMPLES

    loaded = load_plan(EXAMPLES / "us-county")
    renderer = Renderer(loaded, options(audience="partners"))
    text = renderer.render(DOCUMENTS["maa"], "maa-countywide-2028").markdown
    assert (
        "## Cross-deputization\n\n- Cedar River County Sheriff's Office commissions 12 officers of "
        "Kettle Creek Nation Tribal Police Department as its deputies: Election offences"
    ) in text
    assert (
        "(Westlake Code § 11-204 (special deputy commissions)); until Saturday, June 30, 2029."
        in text
    )
    assert "Carried by: Unified command – Sheriff's Office; Unified command – Marlow PD." in text


def test_the_maa_has_a_key_restrictions_sheet_per_host_jurisdiction() -> None:
    """Public Safety & Elections: point out "any key restrictions for a given jurisdiction" —
    one sheet per party that may host aid, naming only that host's commanders for topic 9."""
    from elecsafe.load.loader import load_plan
    from tests.conftest import EXAMPLES

    loaded = load_plan(EXAMPLES / "us-county")
    renderer = Renderer(loaded, options(audience="partners"))
    text = renderer.render(DOCUMENTS["maa"], "maa-countywide-2028").markdown
    sheets = text.split("## Key restrictions for incoming officers: ")[1:]
    hosts = [sheet.split("\n", 1)[0] for sheet in sheets]
    assert hosts[:2] == [
        "Cedar River County Sheriff's Office, Cedar River County",
        "Marlow Police Department, City of Marlow (county seat)",
    ]
    assert len(hosts) == 6 and not any("Prairie Grove" in h for h in hosts)  # aid only
    sheriff, marlow = sheets[0], sheets[1]
    commanders = "Tactics and equipment are directed by: "
    assert commanders + "Unified command – Sheriff's Office." in sheriff
    assert commanders + "Unified command – Marlow PD." in marlow
    assert "9. **On-scene commanders authorized" in marlow  # numbered as its article
    assert "## Article 1. Command, control and reporting structures" in text
    assert "- Prairie Grove Police Department: Friday, October 6, 2028" in text


def test_the_briefing_states_the_observer_rules() -> None:
    from elecsafe.load.loader import load_plan
    from tests.conftest import EXAMPLES

    loaded = load_plan(EXAMPLES / "us-county")
    for audience, who in (
        ("public", "the election official in charge"),
        ("partners", "the Elections Director"),
    ):
        text = (
            Renderer(loaded, options(audience=audience))
            .render(DOCUMENTS["briefing"], None)
            .markdown
        )
        assert "## Observers\n\n- Who may observe: Poll watchers appointed in writing" in text
        assert "- They may not: speak to voters or handle ballots" in text
        assert "- Law: Westlake Election Code § 3-520 (poll watchers)" in text
        assert f"- A dispute with an observer goes to {who}; officers keep the peace" in text


def test_ballot_transport_in_the_internal_checklist_and_briefing(uk_loaded: LoadedPlan) -> None:
    row = "| St Mary's Church Hall | Lowbridge Leisure Centre | Ballot boxes | 6 May 2027 22:15 | "
    for name in ("checklist-election-day", "briefing"):
        internal = _markdown(uk_loaded, name, "internal")
        assert "## Ballot transport and chain of custody" in internal, name
        assert row in internal, name
        assert (
            "| yes | Ballot box receipt BR-2 | Wyvernshire Constabulary (Follow) |" in internal
        ), name
        partners = _markdown(uk_loaded, name, "partners")
        assert "Ballot transport" not in partners and "BR-2" not in partners
        assert "> - ballot transport\n" in partners, name
