"""ROL and CMD rules beyond their documented examples."""

from __future__ import annotations

from pathlib import Path

from tests.lint.conftest import check

SHERIFF = """\
organisations:
  - id: sheriff
    name: Sheriff's Office
    kind: sheriff_office
    sector: law_enforcement
    jurisdictions: [area]
    primary_contact: ra-liaison
people:
  - {id: sam, display_name: Sam Example, organisation: sheriff}
roles:
  - {id: ra-liaison, role: le_election_liaison, organisation: sheriff}
"""


def with_holder(text: str) -> str:
    return text.replace(
        "le_election_liaison, organisation: sheriff}",
        "le_election_liaison, organisation: sheriff, holder: sam}",
    )


def test_rol001_poc_must_sit_on_the_election_side(tmp_path: Path) -> None:
    # a sheriff's liaison is not the election office's point of contact: the office has none
    text = SHERIFF + "  - {id: ra-poc, role: le_liaison_poc, organisation: sheriff, holder: sam}\n"
    check(tmp_path, text, "ROL001", [("plan.yaml", 18, 9)], country="US")


SECOND_OFFICE = """\
organisations:
  - {id: recorder, name: Test County Recorder, kind: election_office, sector: election_administration, jurisdictions: [area]}
roles:
  - {id: ra-poc, role: le_liaison_poc, organisation: office, holder: alice}
"""


def test_rol001_every_election_office_needs_a_point_of_contact(tmp_path: Path) -> None:
    check(tmp_path, SECOND_OFFICE, "ROL001", [(2, 10)], country="US")


def test_rol001_one_point_of_contact_may_serve_two_offices(tmp_path: Path) -> None:
    shared = SECOND_OFFICE.replace("holder: alice}", "holder: alice, serves: [recorder]}")
    check(tmp_path, shared, "ROL001", [], country="US")


HANDOVER = """\
people:
  - {id: bob, display_name: Bob Example, organisation: office}
  - {id: carol, display_name: Carol Example, organisation: office}
roles:
  - id: ra-poc
    role: le_liaison_poc
    organisation: office
    holder: alice
    deputy: bob
    changes:
      - {from: 2028-09-01, holder: bob}
"""


def test_rol011_checks_the_holder_and_deputy_after_each_handover(tmp_path: Path) -> None:
    # from 1 September Bob holds the role and is still its deputy: nobody stands behind him
    check(tmp_path, HANDOVER, "ROL011", [(11, 36)], country="US")
    fixed = HANDOVER.replace("holder: bob}", "holder: bob, deputy: carol}")
    check(tmp_path, fixed, "ROL011", [], country="US")


def test_role_on_a_day_is_the_holder_after_the_last_handover_before_it() -> None:
    from datetime import date

    from elecsafe.model.roles import RoleAssignment

    role = RoleAssignment.model_validate(
        {
            "id": "ra-poc",
            "role": "le_liaison_poc",
            "organisation": "office",
            "holder": "alice",
            "deputy": "bob",
            "changes": [
                {"from": "2028-09-01", "holder": "carol"},
                {"from": "2028-10-15", "deputy": "dev"},
            ],
        }
    )
    assert role.on(date(2028, 8, 31))[2:4] == ("alice", "bob")
    assert role.on(date(2028, 9, 1))[2:4] == ("carol", "bob")
    assert role.on(date(2028, 11, 7))[2:4] == ("carol", "dev")
    assert [t.until for t in role.tenures()] == [date(2028, 9, 1), date(2028, 10, 15), None]


def test_rol002_primary_contact_without_holder_points_at_the_reference(tmp_path: Path) -> None:
    check(tmp_path, SHERIFF, "ROL002", [(7, 22)], country="US")


def test_rol002_holder_makes_it_pass(tmp_path: Path) -> None:
    check(tmp_path, with_holder(SHERIFF), "ROL002", [], country="US")


COUNTY = """\
jurisdictions:
  - {id: shire, name: Testshire County, kind: county_council, parent: area}
organisations:
  - id: county
    name: Testshire County Council
    kind: local_authority
    sector: election_administration
    jurisdictions: [shire]
roles:
  - {id: ra-ro, role: returning_officer, organisation: county, holder: alice}
  - {id: ra-esm, role: electoral_services_manager, organisation: county, holder: alice}
"""


def test_rol004_a_county_council_needs_no_ero(tmp_path: Path) -> None:
    check(tmp_path, COUNTY, "ROL004", [])


def test_rol004_registration_authority_flag_wins(tmp_path: Path) -> None:
    text = COUNTY.replace("parent: area}", "parent: area, registration_authority: true}")
    check(tmp_path, text, "ROL004", [(4, 5)])


def test_rol004_council_outside_the_polled_area_is_not_checked(tmp_path: Path) -> None:
    text = COUNTY.replace("parent: area}", "parent: area, holds_poll: false}")
    text = text.replace(
        "  - {id: ra-esm", "  - {id: ra-x, role: pio, organisation: county}\n  - {id: ra-esm"
    )
    check(tmp_path, text.replace("role: returning_officer", "role: pio"), "ROL004", [])


def test_rol009_both_directions_missing(tmp_path: Path) -> None:
    text = (
        with_holder(SHERIFF)
        + "  - {id: ra-poc, role: le_liaison_poc, organisation: office, holder: alice}\n"
    )
    check(tmp_path, text, "ROL009", [(9, 5), ("plan.yaml", 24, 5)], country="US")


def test_rol010_needs_the_private_layer(tmp_path: Path) -> None:
    text = "roles:\n  - {id: ra-poc, role: le_liaison_poc, organisation: office, holder: alice}\n"
    check(tmp_path, text, "ROL010", [])


def test_rol011_site_contact_of_a_red_site_is_critical(tmp_path: Path) -> None:
    text = """\
roles:
  - {id: ra-site, role: site_contact, organisation: office, holder: alice, deputy: alice}
sites:
  - id: hall
    name: Hall
    kind: polling_place
    jurisdiction: area
    site_contact: ra-site
    vulnerability: {rating: red, assessed_on: 2027-02-01, assessed_by: alice}
"""
    check(tmp_path, text, "ROL011", [(2, 84)])
    check(tmp_path, text.replace("rating: red", "rating: green"), "ROL011", [])


def test_rol014_cps_route_must_be_the_spoc(tmp_path: Path) -> None:
    text = """\
roles:
  - {id: ra-esm, role: electoral_services_manager, organisation: office}
threat_reporting:
  cps_advice_route: ra-esm
"""
    check(tmp_path, text, "ROL014", [(4, 21)])


def test_cmd003_not_required_counts_as_decided(tmp_path: Path) -> None:
    text = "command:\n  not_required:\n" + "".join(
        f"    - {{function: {f}, reason: handled by silver}}\n"
        for f in (
            "election_commander",
            "crime",
            "intelligence",
            "community",
            "media",
            "candidate_campaigner_safeguarding",
            "security",
        )
    )
    check(tmp_path, text, "CMD003", [])


def test_cmd003_us_plans_are_not_checked(tmp_path: Path) -> None:
    check(tmp_path, "command: {framework: ics}\n", "CMD003", [], country="US")


NEIGHBOUR = """\
jurisdictions:
  - {id: far, name: Farshire, kind: police_force_area}
organisations:
  - id: neighbour
    name: Farshire Police
    kind: police_force
    sector: law_enforcement
    jurisdictions: {where}
"""


def test_rol003_a_force_that_only_sends_aid_needs_no_spoc_in_this_plan(tmp_path: Path) -> None:
    """Its area holds none of the plan's polls: its SPOC belongs in its own plan."""
    check(tmp_path, NEIGHBOUR.replace("{where}", "[far]"), "ROL003", [])


def test_rol003_a_force_policing_a_poll_needs_its_spoc(tmp_path: Path) -> None:
    check(tmp_path, NEIGHBOUR.replace("{where}", "[far, area]"), "ROL003", [(4, 5)])
