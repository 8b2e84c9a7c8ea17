"""Reporters: the json document is stable, SARIF paths are relative to the repository root,
GitHub annotations are escaped, and no format ever prints a restricted value."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from elecsafe.lint.reporters import concise, github, json_report, sarif, statistics, text
from tests.lint.conftest import DATA, lint, write

NO_NEXT = """\
timetable:
  meetings:
    - id: intro
      title: Introductions
      meeting_type: introductory
      when: 2027-01-20
"""


def test_json_document_shape(in_tmp: Path) -> None:
    write(in_tmp, NO_NEXT)
    document = json.loads(json_report.render(lint(in_tmp, select=["MTG001"])))
    assert list(document) == [
        "version",
        "tool",
        "plan",
        "today",
        "findings",
        "summary",
        "readiness",
        "draft",
    ]
    assert document["version"] == 1
    assert document["plan"] == {
        "id": "example",
        "title": "Example plan",
        "country": "GB",
        "file": "plan.yaml",
    }
    assert document["findings"] == [
        {
            "code": "MTG001",
            "name": "next-meeting",
            "severity": "error",
            "message": "meeting 'intro' has no next_meeting (and is not final)",
            "hint": "Set next_meeting to a later meeting id or date, or mark the last meeting "
            "`final: true`.",
            "file": "example.yaml",
            "line": 3,
            "column": 7,
            "end_line": 3,
            "end_column": 7,
            "path": "timetable.meetings[0].next_meeting",
        }
    ]
    assert document["summary"] == {
        "errors": 1,
        "warnings": 0,
        "infos": 0,
        "total": 1,
        "failed": True,
        "fail_level": "error",
        "by_code": {"MTG001": 1},
        "ready": False,
    }
    assert document["draft"] == {"placeholders": 0}
    assert {
        "key": "meetings_with_next",
        "label": "meetings with a next meeting",
        "done": 0,
        "total": 1,
        "rule": "MTG001",
    } in document["readiness"]


def test_json_for_a_plan_that_does_not_load(in_tmp: Path) -> None:
    write(in_tmp, "notez: 1\n")
    document = json.loads(json_report.render(lint(in_tmp)))
    assert document["plan"]["id"] == "example" and document["plan"]["title"] is None
    assert document["readiness"] == []


def test_sarif_uses_paths_relative_to_the_git_root(in_tmp: Path) -> None:
    plan_dir = in_tmp / "plans" / "county"
    write(plan_dir, NO_NEXT)
    subprocess.run(["git", "-C", str(in_tmp), "init", "-q"], check=True)
    document = sarif.document(lint(plan_dir, select=["MTG001"]))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(document, schema)
    [result] = document["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "plans/county/example.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 3, "startColumn": 7}
    assert (
        document["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        == in_tmp.resolve().as_uri() + "/"
    )
    rule = document["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["id"] == "MTG001"
    assert rule["defaultConfiguration"] == {"level": "error"}
    assert rule["shortDescription"]["text"].startswith("Every meeting that is not marked final")
    assert "Roadmap §VII" in rule["fullDescription"]["text"]
    assert {"roadmap", "core"} <= set(rule["properties"]["tags"])
    assert "A Roadmap for Election Officials" in rule["help"]["markdown"]
    assert "**Fix.**" in rule["help"]["markdown"]


def test_github_annotations_escape_properties_and_data(in_tmp: Path) -> None:
    write(in_tmp, NO_NEXT)
    (in_tmp / "odd, name.yaml").write_text(NO_NEXT.replace("id: intro", "id: intro2"))
    (in_tmp / "plan.yaml").write_text(
        (in_tmp / "plan.yaml").read_text().replace("[example.yaml]", '["odd, name.yaml"]')
    )
    out = github.render(lint(in_tmp, select=["MTG001"]))
    assert out.startswith("::error file=odd%2C name.yaml,line=3,col=7,title=MTG001::meeting")


def test_concise_and_statistics(in_tmp: Path) -> None:
    write(in_tmp, NO_NEXT)
    result = lint(in_tmp, select=["MTG001", "MTG003"])
    assert concise.render(result).splitlines()[0].startswith("example.yaml:3:7: MTG001 ")
    assert (
        statistics.render(result)
        == "1  MTG001    [E] next-meeting\n1  MTG003    [W] introductory-agenda\n"
    )


# -- privacy: restricted values never reach any output ---------------------------------------

SECRETS = (
    "07700 900555",
    "07700 900556",
    "07700 900557",
    "zq.private@example.org",
    "ZZMITIGATIONTEXT",
    "ZZRATIONALETEXT",
    "ZZNARRATIVETEXT",
    "Quentin Zebedee",
    "Quince Mews",
    "SV9 9ZZ",
)
RESTRICTED_PLAN = """\
people:
  - {id: qz, display_name: Quentin Zebedee, organisation: office, mobile: 07700 900557}
sites:
  - id: hall
    name: Hall
    kind: polling_place
    jurisdiction: area
    police_presence: none
    presence_rationale: ZZRATIONALETEXT
    notes: keyholder on 07700 900555, zq.private@example.org
    vulnerability:
      rating: red
      assessed_on: 2026-01-01
      assessed_by: qz
      mitigations: [{text: ZZMITIGATIONTEXT}]
  - {id: home, name: Candidate home, kind: constituency_office, jurisdiction: area, address: "Quince Mews, SV9 9ZZ"}
threat_assessment:
  id: ta
  prepared_on: 2026-01-01
  prepared_by: qz
  version: '1'
  scope: ZZNARRATIVETEXT
  factors:
    premises: {narrative: ZZNARRATIVETEXT Quentin Zebedee on 07700 900556}
    candidate_homes_and_locations: {narrative: "lives at 4 Quince Mews, SV9 9ZZ"}
"""


@pytest.mark.parametrize("valid", [True, False], ids=["valid", "schema-error"])
def test_no_format_prints_a_restricted_value(in_tmp: Path, valid: bool) -> None:
    text_ = RESTRICTED_PLAN if not valid else RESTRICTED_PLAN.replace(", mobile: 07700 900557", "")
    write(
        in_tmp,
        text_,
        files={
            "private/contacts.yaml": "contacts:\n  qz:\n    contact_methods:\n"
            "      - {kind: mobile, value: 07700 900557}\n"
        },
    )
    result = lint(in_tmp)
    assert len(result.findings) > (20 if valid else 3)
    outputs = [
        text.render(result),
        concise.render(result),
        json_report.render(result),
        sarif.render(result),
        github.render(result),
        statistics.render(result),
    ]
    for output in outputs:
        for secret in SECRETS:
            assert secret not in output
