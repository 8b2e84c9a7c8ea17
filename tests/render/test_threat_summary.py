"""The threat summary and the debrief's counts: aggregates from the incident log only.

The public edition must carry no summary text, no site name and no date finer than a week;
counts of one or two read "fewer than 3"."""

from __future__ import annotations

import re
from datetime import date

import pytest

from elecsafe.incidents.summary import summarise
from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.render.conftest import REPO, options


@pytest.fixture(scope="module")
def uk_example() -> LoadedPlan:
    return load_plan(REPO / "examples" / "uk-force")


@pytest.fixture(scope="module")
def us_example() -> LoadedPlan:
    return load_plan(REPO / "examples" / "us-county")


ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _render(loaded: LoadedPlan, name: str, audience: str, fmt: str = "md") -> str:
    renderer = Renderer(loaded, options(audience=audience, fmt=fmt))
    return renderer.render(DOCUMENTS[name], None).data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("which", ["uk", "us"])
def test_public_summary_leaks_no_detail(
    which: str, fmt: str, uk_example: LoadedPlan, us_example: LoadedPlan
) -> None:
    loaded = uk_example if which == "uk" else us_example
    plan = loaded.plan
    assert plan is not None and len(plan.incidents) >= 12
    text = _render(loaded, "threat-summary", "public", fmt)
    sites = plan.index().sites
    for incident in plan.incidents:
        assert incident.summary not in text
        assert incident.summary[:25] not in text
        if incident.site:
            assert sites[incident.site].name not in text
        if incident.referral and incident.referral.reference:
            assert incident.referral.reference not in text
        assert incident.id not in text
    assert ISO_DAY.findall(text) == []
    # no day other than the Monday starting a week: every date shown is a week start
    assert "fewer than 3" in text
    assert "Referral and status" not in text  # partners and internal editions only


def test_public_counts_are_suppressed_and_partners_add_status(uk_example: LoadedPlan) -> None:
    public = _render(uk_example, "threat-summary", "public")
    assert "| Personal harassment, threats or intimidation | 3 |" in public
    assert "| Hate crime | fewer than 3 |" in public
    assert "| Physical assault or attack against individuals | 0 |" in public
    assert "**Incidents recorded:** 12" in public
    partners = _render(uk_example, "threat-summary", "partners")
    assert "## Referral and status" in partners
    assert "| Under investigation | 3 |" in partners


def test_debrief_counts_by_harm_come_from_the_log(uk_example: LoadedPlan) -> None:
    plan = uk_example.plan
    assert plan is not None
    counts = summarise(plan, today=date(2026, 11, 22)).by_harm
    internal = _render(uk_example, "debrief", "internal")
    assert "## Incidents recorded, by harm" in internal
    assert f"| Criminal damage to property and premises | {counts['criminal_damage']} |" in internal
    partners = _render(uk_example, "debrief", "partners")
    assert "| Criminal damage to property and premises | fewer than 3 |" in partners


def test_a_plan_without_a_log_says_so(uk_example: LoadedPlan) -> None:
    plan = uk_example.plan
    assert plan is not None
    empty = LoadedPlan.__new__(LoadedPlan)
    empty.__dict__.update(uk_example.__dict__)
    empty.plan = plan.model_copy(update={"incidents": []})
    text = _render(empty, "threat-summary", "public")
    assert "No incidents or threats have been recorded" in text


def test_incidents_never_reach_a_calendar(uk_example: LoadedPlan) -> None:
    from elecsafe.calendar.builder import export_ics
    from elecsafe.dates import resolve_plan
    from elecsafe.model.base import Sensitivity

    plan = uk_example.plan
    assert plan is not None
    ics = export_ics(plan, resolve_plan(plan), audience=Sensitivity.PARTNERS).decode("utf-8")
    for incident in plan.incidents:
        assert incident.summary[:20] not in ics.replace("\r\n ", "")
        if incident.referral and incident.referral.reference:
            assert incident.referral.reference not in ics
