"""YAML slips in inline collections are reported as what they are, at their position, with the
fix (issue #17): never as an unknown key or a wrong type."""

from __future__ import annotations

from pathlib import Path

import pytest

from elecsafe.load.loader import load_plan
from elecsafe.load.yaml_reader import read_yaml
from tests.conftest import MINIMAL_PLAN


def _codes(text: str) -> list[tuple[str, int, int, str, str]]:
    result = read_yaml(text, "f.yaml")
    return [(f.code, f.line, f.column, f.message, f.hint) for f in result.findings]


def test_an_unquoted_comma_in_a_flow_mapping() -> None:
    text = "x:\n  - {name: Arizona Secretary of State, State Elections Division, kind: state}\n"
    result = read_yaml(text, "f.yaml")
    assert result.ok and result.data == {
        "x": [{"name": "Arizona Secretary of State", "kind": "state"}]
    }
    ((code, line, column, message, hint),) = _codes(text)
    assert (code, line, column) == ("YML008", 2, 40)
    assert "unquoted ','" in message and "State Elections" not in message
    assert hint.startswith('quote the whole value (name: "first part, second part")')


def test_an_unquoted_colon_in_a_flow_sequence_keeps_the_item_as_text() -> None:
    text = "participants: [ra-spoc, Chief Inspector: lead, ra-esm]\n"
    result = read_yaml(text, "f.yaml")
    assert result.data == {"participants": ["ra-spoc", "Chief Inspector: lead", "ra-esm"]}
    ((code, line, column, message, _),) = _codes(text)
    assert (code, line, column) == ("YML008", 1, 25)
    assert message == "an unquoted ': ' inside [...] turned this item into a mapping"


@pytest.mark.parametrize(
    ("text", "position", "inside"),
    [
        ("notes: {title: Meeting: planning, kind: a}\n", (1, 23), "{...}"),
        ("notes: [a, Meeting: planning: b]\n", (1, 29), "[...]"),
    ],
)
def test_an_unquoted_colon_that_breaks_the_syntax(
    text: str, position: tuple[int, int], inside: str
) -> None:
    result = read_yaml(text, "f.yaml")
    assert not result.ok
    (code, line, column, message, hint) = _codes(text)[-1]
    assert (code, (line, column)) == ("YML008", position)
    assert message.startswith(f"YAML syntax error: an unquoted ': ' inside {inside}")
    assert hint.startswith("quote the ")


@pytest.mark.parametrize(
    "text", ["x: {a: b, c: [1, 2]}\n", "x: [a, {b: c}, d]\n", "x: {time: 10:00}\n", "x: {a: }\n"]
)
def test_well_formed_inline_collections_are_quiet(text: str) -> None:
    assert _codes(text) == []


def test_the_plan_reports_the_slip_and_no_unknown_key(tmp_path: Path) -> None:
    text = MINIMAL_PLAN.replace(
        "  - id: pfa\n    name: Testshire\n",
        "  - {id: pfa, name: Testshire, Wyvern and Marches, kind: police_force_area}\n  - id: x\n    name: X\n",
    )
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    loaded = load_plan(tmp_path)
    codes = [(f.code, f.line) for f in loaded.findings]
    assert ("YML008", 19) in codes
    assert not [c for c in codes if c[0] == "SCH001"], codes
