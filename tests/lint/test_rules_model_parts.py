"""Rules over the model parts of issue #17: site locations, presence windows, tribal police,
escorts, observers, role dates, ... (beyond their documented examples)."""

from __future__ import annotations

from pathlib import Path

from tests.lint.conftest import check, lint

WAREHOUSE = """\
sites:
  - id: warehouse
    name: Ballot warehouse
    kind: ballot_storage
    jurisdiction: area
    {field}: 14 Quarry Road, Lowbridge LB1 2QR
"""


def test_prv005_a_back_office_public_address_says_where_it_belongs(tmp_path: Path) -> None:
    result = check(tmp_path, WAREHOUSE.format(field="address"), "PRV005", [(6, 14)])
    (finding,) = [f for f in result.findings if f.code == "PRV005"]
    assert "restricted_address" in finding.hint and "partners_address" in finding.hint
    assert "Quarry" not in finding.message + finding.hint  # never echoes the value


def test_prv005_accepts_a_partners_or_restricted_address_of_any_site(tmp_path: Path) -> None:
    check(tmp_path / "r", WAREHOUSE.format(field="restricted_address"), "PRV005", [])
    check(tmp_path / "p", WAREHOUSE.format(field="partners_address"), "PRV005", [])


def test_prv005_still_scans_access_notes(tmp_path: Path) -> None:
    text = WAREHOUSE.format(field="restricted_address") + "    access_notes: call 07700 900123\n"
    check(tmp_path, text, "PRV005", [(7, 19)])


def test_prv002_a_home_stays_out_even_as_a_restricted_address(tmp_path: Path) -> None:
    text = (
        "sites:\n  - id: candidate-home\n    name: Candidate home\n    kind: constituency_office\n"
        "    jurisdiction: area\n    restricted_address: Orchard Lane, Westmoor\n"
    )
    check(tmp_path, text, "PRV002", [(6, 25)])


def test_a_site_with_two_addresses_is_a_schema_error(tmp_path: Path) -> None:
    text = WAREHOUSE.format(field="partners_address") + "    restricted_address: elsewhere\n"
    result = lint(_write(tmp_path, text))
    (finding,) = [f for f in result.findings if f.code == "SCH003"]
    assert "one address" in finding.message and (finding.line, finding.column) == (2, 5)


def _write(directory: Path, text: str) -> Path:
    from tests.lint.conftest import write

    return write(directory, text)


# -- clear errors (issue #17, Deliver 4) ---------------------------------------------------------

ORG = """\
organisations:
  - id: sos
    name: State Elections Division
    kind: state_election_office
    sector: election_administration
    jurisdictions: [area]
"""


def test_a_mapping_shaped_public_contact_is_one_shape_error_not_a_privacy_alarm(
    tmp_path: Path,
) -> None:
    text = ORG + '    public_contact: {phone: "(520) 555-0100", email: elections@example.org}\n'
    result = check(tmp_path, text, "PRV001", [], valid=False)
    (shape,) = [f for f in result.findings if f.code == "SCH003"]
    assert (shape.line, shape.column) == (7, 21)
    assert shape.message == "organisations[1].public_contact: expected a list, found a mapping"
    assert shape.hint == (
        "write a list with one '- ' per entry, each a mapping: - {kind: ..., value: ...}"
    )
    assert {f.code for f in result.findings} == {"SCH003"}


def test_a_mobile_in_a_mapping_shaped_public_contact_is_still_an_alarm(tmp_path: Path) -> None:
    text = ORG + "    public_contact: {mobile: 07700 900123, home_phone: x}\n"
    check(tmp_path, text, "PRV001", [(7, 22), (7, 44)], valid=False)


def test_enum_error_lists_every_value_when_there_are_few(tmp_path: Path) -> None:
    text = "jurisdictions:\n  - {id: reservation, name: Reservation, kind: tribal_lands}\n"
    result = check(tmp_path, text, "REF003", [(2, 48)], valid=False)
    (finding,) = [f for f in result.findings if f.code == "REF003"]
    assert finding.message.startswith(
        "jurisdictions[1].kind: not an allowed value (one of: state, "
    )
    assert "combined_authority" in finding.message


def test_enum_error_names_the_closest_five_of_many_and_where_the_rest_are(
    tmp_path: Path,
) -> None:
    text = ORG.replace("kind: state_election_office", "kind: polise_force")
    result = check(tmp_path, text, "REF003", [(4, 11)], valid=False)
    (finding,) = [f for f in result.findings if f.code == "REF003"]
    closest = finding.message.split("allowed: ", 1)[1].split(", ")
    assert len(closest) == 5 and closest[0] == "police_force"
    assert finding.hint.startswith("did you mean 'police_force'? all ")
    assert "listed under 'kind' in `elecsafe schema`" in finding.hint


# -- ConcurrentEvent.site -------------------------------------------------------------------------

EVENTS = """\
sites:
  - {id: stadium, name: Town stadium, kind: campaign_event_venue, jurisdiction: area}
elections:
  - id: by-election
    name: By-election
    kind: local_england
    poll_date: 2027-05-06
    poll_hours: {open: "07:00", close: "22:00"}
    jurisdictions: [area]
    concurrent_events:
      - {name: Cup final, date: 2027-05-01, kind: sporting_event, site: stadium}
      - {name: Festival, date: 2027-05-02, kind: other, venue: Harbour and Old Town}
      - {name: Parade, date: 2027-05-03, kind: other, site: Harbour Road Lowbridge}
      - {name: Match, date: 2027-05-04, kind: sporting_event, site: stadum}
"""


def test_a_concurrent_event_names_a_site_by_id(tmp_path: Path) -> None:
    result = check(tmp_path, EVENTS, "REF001", [(13, 61), (14, 69)])
    unknown, typo = [f for f in result.findings if f.code == "REF001"]
    # concurrent events are partners-level: the finding names the key path, not the value
    assert unknown.message == "unknown site id '<elections[1].concurrent_events[2].site>'"
    assert unknown.hint == (
        "name a site id here, or write a place that is not one of the plan's sites as 'venue:'"
    )
    assert typo.hint == "did you mean 'stadium'?"


# -- tribal lands and tribal police ---------------------------------------------------------------

TRIBAL = """\
jurisdictions:
  - {id: nation, name: Kettle Creek Nation Reservation, kind: tribal_land, parent: area}
organisations:
  - {id: tribal-pd, name: Kettle Creek Tribal Police, kind: tribal_police, sector: law_enforcement, jurisdictions: [nation], primary_contact: ra-chief}
roles:
  - {id: ra-chief, role: police_chief, organisation: tribal-pd, holder: alice}
sites:
  - {id: nation-box, name: Community center drop box, kind: ballot_drop_box, jurisdiction: nation}
"""


def test_tribal_police_cover_sites_on_tribal_lands(tmp_path: Path) -> None:
    check(tmp_path, TRIBAL, "SITE010", [], country="US")


def test_tribal_police_need_a_written_agreement_and_a_chief(tmp_path: Path) -> None:
    check(tmp_path / "doc", TRIBAL, "DOC004", [(4, 5)], country="US")
    no_chief = TRIBAL.replace("role: police_chief", "role: le_election_liaison")
    result = check(
        tmp_path / "rol", no_chief, "ROL007", [(4, 5), ("plan.yaml", 17, 1)], country="US"
    )
    rol007 = [f.message for f in result.findings if f.code == "ROL007"]
    assert rol007[0] == "tribal police 'tribal-pd' has no 'police_chief' role assignment"


def test_a_canvass_venue_is_assessed_and_carries_its_public_address(tmp_path: Path) -> None:
    text = (
        "sites:\n  - id: board-room\n    name: Board room (certification)\n"
        "    kind: canvass_venue\n    jurisdiction: area\n"
    )
    check(tmp_path / "a", text, "SITE001", [(2, 5)], country="US")
    check(tmp_path / "b", text, "SITE012", [(2, 5)], country="US")
    check(
        tmp_path / "c", text + "    address: 200 W Court St, Marlow\n", "PRV005", [], country="US"
    )


def test_ballot_transport_sites_are_references(tmp_path: Path) -> None:
    text = (
        "ballot_transport:\n  - {id: move, from_site: hall, to_site: nowhere, what: supplies}\n"
        "sites:\n  - {id: hall, name: Hall, kind: polling_place, jurisdiction: area}\n"
    )
    result = check(tmp_path, text, "REF001", [(2, 42)])
    assert [f.message for f in result.findings if f.code == "REF001"] == [
        "unknown site id '<ballot_transport[0].to_site>'"  # above public: the key path
    ]
    check(tmp_path / "b", text, "SITE013", [])  # supplies need no chain of custody
