"""Each model part of issue #17 round-trips through ``elecsafe schema``: the JSON Schema an
editor validates with accepts what the loader accepts and rejects what it rejects."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from elecsafe.load.loader import load_plan
from tests.conftest import MINIMAL_PLAN
from tests.model.test_schema import errors

# (name, a valid fragment of an included file, (the same with one mistake, what the schema says))
PARTS: list[tuple[str, str, tuple[str, str]]] = [
    (
        "site address and access notes",
        """\
        sites:
          - id: warehouse
            name: Ballot warehouse
            kind: ballot_storage
            jurisdiction: pfa
            restricted_address: 14 Quarry Road, Testbury
            access_notes: Rear dock gate only
          - id: staging
            name: Staging area
            kind: staging_area
            jurisdiction: pfa
            partners_address: Lot C, Testbury
        """,
        ("restricted_address: 14 Quarry Road, Testbury", "restricted_adress: x"),
    ),
    (
        "police presence windows",
        """\
        sites:
          - id: plaza-box
            name: Plaza drop box
            kind: ballot_drop_box
            jurisdiction: pfa
            presence_windows:
              - id: pw-evenings
                from: 2027-04-22
                to: poll - 1 day
                start: "18:00"
                end: "23:00"
                level: occasional
                activity: checks
                agency: force
        """,
        ("level: occasional", "level: always"),
    ),
    (
        "concurrent event at a site",
        """\
        sites:
          - {id: stadium, name: Stadium, kind: campaign_event_venue, jurisdiction: pfa}
        elections:
          - id: by-election
            name: By-election
            kind: local_england
            poll_date: 2027-05-06
            poll_hours: {open: "07:00", close: "22:00"}
            jurisdictions: [pfa]
            concurrent_events:
              - {name: Cup final, date: 2027-05-01, kind: sporting_event, site: stadium}
              - {name: Fair, date: 2027-05-02, kind: other, venue: Harbour}
        """,
        ("venue: Harbour", "venue: [Harbour]"),
    ),
    (
        "recurring training",
        """\
        timetable:
          trainings:
            - id: refresher
              title: De-escalation refresher
              audience: poll_workers
              topics: [de_escalation]
              when: 2027-03-01
              recurrence: {frequency: monthly, count: 3}
        """,
        ("frequency: monthly", "frequency: hourly"),
    ),
    (
        "tribal lands and tribal police",
        """\
        jurisdictions:
          - {id: nation, name: Kettle Creek Nation Reservation, kind: tribal_land, parent: pfa}
        organisations:
          - id: tribal-pd
            name: Kettle Creek Tribal Police
            kind: tribal_police
            sector: law_enforcement
            jurisdictions: [nation]
        """,
        ("kind: tribal_police", "kind: tribal_polise"),
    ),
    (
        "cross-deputisation and the roles who carry a topic",
        """\
        mutual_aid:
          - id: maa
            title: Mutual aid
            agreement_type: local
            parties: [{org: force, role: both}]
            effective_date: 2027-01-01
            last_reviewed: 2027-01-01
            election_events_covered: {covered: true}
            cross_deputization:
              - deputizing_org: force
                deputized_org: force
                scope: polling places on tribal lands
                officers: 12
            topics:
              authorized_on_scene_commanders: {clause: "9", roles: [alice-role]}
        roles:
          - {id: alice-role, role: bronze_commander, organisation: force, holder: alice}
        """,
        ("officers: 12", "officers: 0"),
    ),
    (
        "observer rules and a canvass venue",
        """\
        elections:
          - id: by-election
            name: By-election
            kind: local_england
            poll_date: 2027-05-06
            poll_hours: {open: "07:00", close: "22:00"}
            jurisdictions: [pfa]
            observers:
              who: [Electoral Commission accredited observers]
              credential: Accreditation badge
              may_not: [photograph ballot papers]
        sites:
          - {id: board-room, name: Board room, kind: canvass_venue, jurisdiction: pfa}
        """,
        ("who: [Electoral Commission accredited observers]", "who: []"),
    ),
    (
        "ballot transport with its chain of custody and escort",
        """\
        sites:
          - {id: hall, name: Hall, kind: polling_place, jurisdiction: pfa}
          - {id: count, name: Count, kind: count_centre, jurisdiction: pfa}
        ballot_transport:
          - id: hall-to-count
            from_site: hall
            to_site: count
            what: ballot_boxes
            when: 2027-05-06
            time: "22:15"
            sealed: true
            escort: {agency: force, mode: follow}
        """,
        ("mode: follow", "mode: convoy"),
    ),
]


def _plan(tmp_path: Path, fragment: str) -> Path:
    tmp_path.mkdir()
    (tmp_path / "plan.yaml").write_text(MINIMAL_PLAN + "include: [part.yaml]\n", encoding="utf-8")
    (tmp_path / "part.yaml").write_text(textwrap.dedent(fragment), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("name", "fragment", "mistake"), PARTS, ids=[p[0] for p in PARTS])
def test_part_round_trips_through_the_schema(
    name: str, fragment: str, mistake: tuple[str, str], tmp_path: Path
) -> None:
    text = textwrap.dedent(fragment)
    assert errors("plan-part", text) == []
    loaded = load_plan(_plan(tmp_path / "good", fragment))
    schema_findings = [f for f in loaded.findings if f.code.startswith(("SCH", "REF00"))]
    assert loaded.plan is not None and not schema_findings, schema_findings
    old, new = mistake
    assert old in text
    bad = text.replace(old, new)
    assert errors("plan-part", bad) != []
    loaded = load_plan(_plan(tmp_path / "bad", bad))
    assert loaded.plan is None or any(f.code.startswith(("SCH", "REF00")) for f in loaded.findings)
