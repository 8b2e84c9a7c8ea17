"""Small self-contained plans for the date tests (fictional places and people)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from elecsafe.load.loader import LoadedPlan, load_plan

GB_HEAD = """\
schema_version: "1.0"
id: testshire
title: Testshire election safety plan
country: GB
uk_nation: ENG
timezone: Europe/London
handling:
  marking: OFFICIAL-SENSITIVE
owners: [alice]
version: "0.1"
last_reviewed: 2025-01-10
jurisdictions:
  - id: pfa
    name: Testshire
    kind: police_force_area
    bank_holiday_division: england-and-wales
organisations:
  - id: force
    name: Testshire Police
    kind: police_force
    sector: law_enforcement
    jurisdictions: [pfa]
people:
  - id: alice
    display_name: Alice Example
    organisation: force
roles:
  - id: spoc
    role: force_election_spoc
    holder: alice
    organisation: force
"""

LOCALS_2025 = """\
elections:
  - id: locals-2025
    name: County council elections
    kind: local_england
    poll_date: 2025-05-01
    poll_hours: {open: "07:00", close: "22:00"}
    timetable_rules: uk_local_eng
    jurisdictions: [pfa]
"""

US_HEAD = """\
schema_version: "1.0"
id: cedar-test
title: Test county plan
country: US
us_state: US-WL
timezone: America/Chicago
handling:
  marking: Security plan - exempt from disclosure
owners: [bob]
version: "0.1"
last_reviewed: 2026-01-10
jurisdictions:
  - id: county
    name: Test County
    kind: county
organisations:
  - id: office
    name: Test County Elections
    kind: election_office
    sector: election_administration
    jurisdictions: [county]
people:
  - id: bob
    display_name: Bob Example
    organisation: office
elections:
  - id: general-2028
    name: General election
    kind: federal_general
    poll_date: 2028-11-07
    poll_hours: {open: "07:00", close: "19:00"}
    timetable_rules: us_federal
    jurisdictions: [county]
    is_presidential: true
"""


def plan_text(*parts: str) -> str:
    return "".join(textwrap.dedent(p) for p in parts)


def load_text(tmp_path: Path, *parts: str) -> LoadedPlan:
    (tmp_path / "plan.yaml").write_text(plan_text(*parts), encoding="utf-8")
    loaded = load_plan(tmp_path)
    assert loaded.plan is not None, [str(f) for f in loaded.findings]
    return loaded


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in plan")
