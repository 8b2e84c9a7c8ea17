"""The base plans the rule examples are written against, and a helper that writes one.

A rule's example is the content of ``example.yaml``; the base plan includes it, so positions in
the example are positions in that file. Used by the documentation and the test suite.
"""

from __future__ import annotations

from pathlib import Path

from elecsafe.lint.rule import Example, Rule

BASE_GB = """\
schema_version: "1.0"
id: example
title: Example plan
country: GB
uk_nation: ENG
timezone: Europe/London
handling:
  marking: OFFICIAL-SENSITIVE
owners: [alice]
version: "1"
last_reviewed: 2027-01-10
include: [example.yaml]
jurisdictions:
  - id: area
    name: Testshire
    kind: police_force_area
organisations:
  - id: office
    name: Testshire Electoral Services
    kind: electoral_services
    sector: election_administration
    jurisdictions: [area]
people:
  - id: alice
    display_name: Alice Example
    organisation: office
elections:
  - id: poll
    name: Local elections
    kind: local_england
    poll_date: 2027-05-06
    poll_hours: {open: "07:00", close: "22:00"}
    jurisdictions: [area]
"""

BASE_US = """\
schema_version: "1.0"
id: example
title: Example plan
country: US
us_state: US-WL
timezone: America/Chicago
handling:
  marking: Security plan - exempt from public disclosure
owners: [alice]
version: "1"
last_reviewed: 2028-01-10
include: [example.yaml]
jurisdictions:
  - id: area
    name: Test County
    kind: county
organisations:
  - id: office
    name: Test County Elections Office
    kind: election_office
    sector: election_administration
    jurisdictions: [area]
people:
  - id: alice
    display_name: Alice Example
    organisation: office
elections:
  - id: poll
    name: General election
    kind: federal_general
    poll_date: 2028-11-07
    poll_hours: {open: "06:30", close: "19:30"}
    jurisdictions: [area]
"""


def country_of(rule: Rule, example: Example) -> str:
    if example.country:
        return example.country
    return "US" if rule.scope == "US" else "GB"


def write_example(rule: Rule, example: Example, directory: Path) -> Path:
    """Write the base plan, ``example.yaml`` and the example's extra files; return the dir."""
    base = BASE_US if country_of(rule, example) == "US" else BASE_GB
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "plan.yaml").write_text(base, encoding="utf-8")
    (directory / "example.yaml").write_bytes(example.yaml.encode(example.encoding))
    for name, text in example.files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return directory
