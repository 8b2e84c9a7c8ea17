"""PRV, THR008 and SITE rules beyond their documented examples."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.lint.conftest import check, lint, positions, write

CONTACTS = "contacts:\n  alice:\n    contact_methods: [{kind: mobile, value: 07700 900123}]\n"


def git(directory: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(directory), *args], check=True, capture_output=True)


def test_prv001_runs_when_the_schema_rejects_the_plan(tmp_path: Path) -> None:
    text = "people:\n  - id: bob\n    display_name: Bob\n    organisation: office\n    mobile: x\n"
    result = check(tmp_path, text, "PRV001", [(5, 5)], valid=False)
    assert {f.code for f in result.findings} >= {"SCH001", "PRV001"}


@pytest.mark.parametrize("key", ["mobileNumber", "home_address", "Email", "date_of_birth", "dob"])
def test_prv001_personal_keys_in_free_form_sections(tmp_path: Path, key: str) -> None:
    text = f"mutual_aid: []\nlint:\n  params:\n    MTG002: {{{key}: 1}}\n"
    check(tmp_path, text, "PRV001", [(4, 14)], valid=False)


def test_prv001_schema_keys_that_mention_mobile_are_fine(tmp_path: Path) -> None:
    text = "people:\n  - {id: bob, display_name: Bob, organisation: office, mobile_exchanged_with: [alice]}\n"
    check(tmp_path, text, "PRV001", [])


def test_prv001_a_public_contact_is_never_a_mobile(tmp_path: Path) -> None:
    text = """\
organisations:
  - id: council
    name: Council
    kind: local_authority
    sector: election_administration
    jurisdictions: [area]
    public_contact:
      - {kind: mobile, value: 07700 900123, sensitivity: public}
"""
    check(tmp_path, text, "PRV001", [(8, 16)])
    check(tmp_path, text, "PRV005", [])  # a public contact field: the scanner stays quiet


def test_prv003_tracked_private_file_in_git(tmp_path: Path) -> None:
    write(tmp_path, "notes: x\n", files={"private/contacts.yaml": CONTACTS})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "private/contacts.yaml")
    assert positions(lint(tmp_path), "PRV003") == [("private/contacts.yaml", 1, 1)]


def test_prv003_ignored_private_file_in_git(tmp_path: Path) -> None:
    write(
        tmp_path,
        "notes: x\n",
        files={"private/contacts.yaml": CONTACTS, ".gitignore": "private/*\n"},
    )
    git(tmp_path, "init", "-q")
    assert positions(lint(tmp_path), "PRV003") == []


def test_prv003_not_ignored_private_file_in_git(tmp_path: Path) -> None:
    write(tmp_path, "notes: x\n", files={"private/contacts.yaml": CONTACTS})
    git(tmp_path, "init", "-q")
    result = lint(tmp_path)
    assert positions(result, "PRV003") == [("private/contacts.yaml", 1, 1)]
    assert "not git-ignored" in next(f.message for f in result.findings if f.code == "PRV003")


def test_prv003_encrypted_private_file_may_be_tracked(tmp_path: Path) -> None:
    enc = "ENC[AES256_GCM,data:YWJj,iv:aXY=,tag:dGFn,type:str]"  # SOPS's own structure
    sops = (
        f"contacts:\n  alice:\n    availability: {enc}\n"
        f"sops:\n  mac: {enc}\n  lastmodified: '2027-01-10T10:00:00Z'\n  version: 3.8.1\n"
    )
    write(tmp_path, "notes: x\n", files={"private/contacts.yaml": sops})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "private/contacts.yaml")
    assert positions(lint(tmp_path), "PRV003") == []


def test_prv003_repository_without_private_layer_must_still_ignore_it(tmp_path: Path) -> None:
    write(tmp_path, "notes: x\n")
    git(tmp_path, "init", "-q")
    assert positions(lint(tmp_path), "PRV003") == [("plan.yaml", 12, 1)]


PUBLIC_TEXT = """\
sites:
  - {id: hall, name: Hall, kind: polling_place, jurisdiction: area, address: "12 Acacia Avenue, SV1 2AB"}
  - {id: post, name: Post, kind: command_post, jurisdiction: area, address: 12 Acacia Avenue}
threat_reporting:
  channels:
    - {id: inbox, kind: email_inbox, name: Inbox, address: threats@example.org}
    - {id: officer, kind: designated_officer, name: Officer, address: pc.smith@example.org}
"""


def test_prv005_allows_public_contact_fields_only(tmp_path: Path) -> None:
    result = check(tmp_path, PUBLIC_TEXT, "PRV005", [(3, 77), (7, 71)])
    messages = [f.message for f in result.findings if f.code == "PRV005"]
    assert messages == [
        "free text seems to contain a street address",
        "free text seems to contain an e-mail address",
    ]


def test_prv005_never_prints_what_it_found(tmp_path: Path) -> None:
    text = "notes: call 07700 900123 or a.b@example.org at SV1 2AB\n"
    result = check(tmp_path, text, "PRV005", [(1, 8)])
    [finding] = [f for f in result.findings if f.code == "PRV005"]
    assert finding.message == (
        "free text seems to contain an e-mail address and a phone number and a postcode"
    )
    for leak in ("07700", "example.org", "SV1"):
        assert leak not in finding.message + finding.hint


def test_thr008_scans_the_assessment_with_names(tmp_path: Path) -> None:
    text = """\
threat_assessment:
  id: ta
  prepared_on: 2027-04-10
  prepared_by: alice
  version: '1'
  scope: threats to peaceful voting
  targets: {roles: []}
  factors:
    premises: {narrative: reports to 0117 496 0123}
    participants: {narrative: alice example was followed}
"""
    result = check(tmp_path, text, "THR008", [(9, 27), (10, 31)])
    assert "person 'alice'" in [f.message for f in result.findings if f.code == "THR008"][1]
    check(tmp_path, text, "PRV005", [])  # the assessment is THR008's, not reported twice


def test_site001_polling_station_shares_its_place_assessment(tmp_path: Path) -> None:
    text = """\
sites:
  - id: school
    name: School
    kind: polling_place
    jurisdiction: area
    vulnerability: {rating: green, assessed_on: 2027-02-01, assessed_by: alice}
    police_presence: none
  - {id: school-a, name: Station A, kind: polling_station, jurisdiction: area, parent_site: school}
  - {id: lone, name: Station B, kind: polling_station, jurisdiction: area}
"""
    check(tmp_path, text, "SITE001", [(9, 5)])
    check(tmp_path, text, "SITE002", [(9, 5)])


def test_site009_applies_to_uk_plans_only(tmp_path: Path) -> None:
    text = "sites:\n  - {id: hall, name: Hall, kind: polling_place, jurisdiction: area, cctv: {internal: true}}\n"
    check(tmp_path, text, "SITE009", [(2, 86)])
    check(tmp_path, text, "SITE009", [], country="US")
