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
