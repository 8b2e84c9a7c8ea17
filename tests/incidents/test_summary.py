"""Counting the incident log: by harm, week, site and target; outstanding; trend; suppression."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from elecsafe.incidents.summary import previous_counts, summarise, suppress_small, week_of
from elecsafe.load.loader import load_plan
from elecsafe.model.plan import Plan
from tests.conftest import EXAMPLES, MINIMAL_PLAN, write_plan

LOG = """\
sites:
  - {id: hall, name: Testbury Village Hall, kind: polling_place, jurisdiction: pfa}
roles:
  - {id: esm, role: electoral_services_manager, organisation: force, holder: alice}
incidents:
  - {id: a, reported: 2026-10-05T09:00:00, harm: disorder, target: site, site: hall,
     summary: Crowd at the door, status: closed}
  - {id: b, reported: 2026-10-07, harm: disorder, target: voter, summary: Scuffle in the queue,
     status: closed}
  - {id: c, reported: 2026-10-20, harm: hate_crime, target: candidate_or_campaigner,
     summary: Abusive leaflets,
     follow_up: [{text: Tension assessment, owner: esm, due: 2026-10-27}]}
  - {id: d, reported: 2026-10-21, harm: cybercrime, target: system, summary: Phishing,
     status: referred, referral: {to: force, referred_on: 2026-10-21}}
"""


def _plan(tmp_path: Path, extra: str = LOG) -> Plan:
    write_plan(tmp_path, MINIMAL_PLAN + extra)
    loaded = load_plan(tmp_path)
    assert loaded.plan is not None, loaded.findings
    return loaded.plan


def test_counts_by_harm_target_site_and_status(tmp_path: Path) -> None:
    summary = summarise(_plan(tmp_path), today=date(2026, 11, 1))
    assert summary.total == 4
    assert (summary.first, summary.last) == (date(2026, 10, 5), date(2026, 10, 21))
    assert list(summary.by_harm)[:2] == ["physical_assault", "personal_harassment"]  # APP order
    assert summary.by_harm["disorder"] == 2 and summary.by_harm["hate_crime"] == 1
    assert sum(summary.by_harm.values()) == 4 and len(summary.by_harm) == 11
    assert summary.by_target == {
        "election_worker": 0,
        "voter": 1,
        "candidate_or_campaigner": 1,
        "site": 1,
        "system": 1,
    }
    assert summary.by_site == {"hall": 1}
    assert summary.by_status == {"closed": 2, "open": 1, "referred": 1}
    assert summary.open_count == 2


def test_every_week_from_first_to_last_is_listed(tmp_path: Path) -> None:
    summary = summarise(_plan(tmp_path), today=date(2026, 11, 1))
    assert list(summary.by_week) == [date(2026, 10, 5), date(2026, 10, 12), date(2026, 10, 19)]
    assert summary.by_week[date(2026, 10, 5)]["disorder"] == 2
    assert sum(summary.by_week[date(2026, 10, 12)].values()) == 0
    assert week_of(date(2026, 10, 11)) == date(2026, 10, 5)  # a Sunday belongs to its Monday


def test_outstanding_lists_unreferred_and_overdue(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    summary = summarise(plan, today=date(2026, 11, 1))
    assert [(o.incident_id, o.reason) for o in summary.outstanding] == [
        ("c", "not referred"),
        ("c", "follow-up overdue since 2026-10-27"),
    ]
    assert summarise(plan, today=date(2026, 10, 25)).outstanding[1:] == []


def test_since_limits_the_counts(tmp_path: Path) -> None:
    summary = summarise(_plan(tmp_path), today=date(2026, 11, 1), since=date(2026, 10, 20))
    assert summary.total == 2 and summary.by_harm["disorder"] == 0


def test_trend_against_previous_counts(tmp_path: Path) -> None:
    summary = summarise(
        _plan(tmp_path), today=date(2026, 11, 1), previous={"disorder": 5, "cybercrime": 1}
    )
    trend = {t.harm: (t.previous, t.current, t.change) for t in summary.trend}
    assert trend == {"disorder": (5, 2, -3), "hate_crime": (0, 1, 1), "cybercrime": (1, 1, 0)}


def test_previous_counts_prefer_the_debrief(tmp_path: Path) -> None:
    plan = _plan(tmp_path, LOG + "debrief:\n  aggregates:\n    by_harm: {disorder: 7}\n")
    assert previous_counts(plan) == {"disorder": 7}
    assert previous_counts(_plan(tmp_path / "other")) == {
        "disorder": 2,
        "hate_crime": 1,
        "cybercrime": 1,
    }


def test_small_numbers_are_suppressed_with_a_complement() -> None:
    assert suppress_small({"a": 0, "b": 5, "c": 12}) == {"a": 0, "b": 5, "c": 12}
    # One hidden cell could be worked out from the total: the next smallest is hidden too.
    assert suppress_small({"a": 1, "b": 5, "c": 12}) == {"a": None, "b": None, "c": 12}
    assert suppress_small({"a": 1, "b": 2, "c": 12}) == {"a": None, "b": None, "c": 12}


def test_examples_carry_a_realistic_log() -> None:
    for name in ("uk-force", "us-county"):
        loaded = load_plan(EXAMPLES / name)
        assert loaded.plan is not None
        summary = summarise(loaded.plan, today=date(2026, 11, 22))
        assert summary.total >= 12
        assert sum(1 for n in summary.by_harm.values() if n) >= 7, name
        assert all(i.id.startswith("inc-") for i in loaded.plan.incidents)
