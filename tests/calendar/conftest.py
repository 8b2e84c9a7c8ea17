"""A small UK plan exercising every calendar feature (fictional force and council)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from elecsafe.cli.app import app

CALENDAR_PLAN = """\
schema_version: "1.0"
id: severn-test
title: Testshire election safety plan
country: GB
uk_nation: ENG
timezone: Europe/London
handling:
  marking: OFFICIAL-SENSITIVE
owners: [alice]
version: "0.3"
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
  - id: council
    name: Testvale District Council
    kind: local_authority
    sector: election_administration
    jurisdictions: [pfa]
people:
  - id: alice
    display_name: Alice Example
    organisation: force
  - id: carol
    display_name: Carol Example
    organisation: council
roles:
  - id: spoc
    role: force_election_spoc
    holder: alice
    organisation: force
  - id: esm
    role: electoral_services_manager
    holder: carol
    organisation: council
  - id: gold
    role: gold_commander
    deputy: alice
    organisation: force
sites:
  - id: town-hall
    name: Testvale Town Hall
    kind: election_office
    jurisdiction: pfa
    address: 1 Market Square, Testvale
elections:
  - id: locals-2025
    name: District council elections
    kind: local_england
    poll_date: 2025-05-01
    poll_hours: {open: "07:00", close: "22:00"}
    timetable_rules: uk_local_eng
    jurisdictions: [pfa]
timetable:
  milestones:
    - id: noe
      title: Notice of election
      statutory: notice_of_election
      owner: esm
    - id: noms
      title: Nominations close
      statutory: nominations_close
      owner: esm
    - id: polling-day
      title: Polling day
      statutory: poll
      owner: esm
      participants: [spoc]
    - id: gold-window
      title: Gold group and strategy
      when: {window: {from: poll - 4 months, to: poll - 3 months}}
      owner: gold
    - id: secret-plan
      title: Internal only
      when: poll - 1 day
      owner: spoc
      export: {ics: false}
  meetings:
    - id: jawg
      title: "Joint agency working group; police, council\\nand Royal Mail"
      meeting_type: joint_agency_working_group
      when: 2025-03-13 10:00
      duration_minutes: 90
      recurrence: {frequency: fortnightly, until: poll}
      owner: spoc
      participants: [esm, council]
      location: town-hall
      notes: Bring the site list.
      final: true
      export: {alarm: -PT15M, class: PRIVATE}
  trainings:
    - id: officer-training
      title: Officer briefing on election law
      audience: le_officers
      topics: [election_law]
      when: poll - 2 weeks at 09:30
      owner: spoc
      location: virtual
"""


@pytest.fixture
def plan_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "plan"
    directory.mkdir()
    (directory / "plan.yaml").write_text(CALENDAR_PLAN, encoding="utf-8")
    return directory


runner = CliRunner()
ENV: dict[str, str | None] = {"SOURCE_DATE_EPOCH": None, "ELECSAFE_TODAY": "2025-01-20"}


def run(*args: str, env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    environment = dict(ENV)
    environment.update(env or {})
    result = runner.invoke(app, list(args), env=environment)
    return result.exit_code, result.stdout, result.stderr
