"""Values written into the YAML templates read back exactly, whatever they contain."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
import yaml as pyyaml
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from elecsafe.load.yaml_reader import read_yaml
from elecsafe.scaffold.yamltext import RawYaml, flow_list, quote, yaml_scalar


def load_all_ways(text: str) -> list[Any]:
    """The document as read by our reader (YAML 1.2), ruamel (1.2) and PyYAML (1.1)."""
    ours = read_yaml(text.encode("utf-8"), "test.yaml")
    assert ours.ok, [f.message for f in ours.findings]
    ruamel = YAML(typ="rt").load(io.StringIO(text))
    return [ours.data, dict(ruamel), pyyaml.safe_load(text)]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Cedar River County", "Cedar River County"),
        ("America/Chicago", "America/Chicago"),
        ("v0.1.0", "v0.1.0"),
        ('St. Mary\'s: "North" #1', '"St. Mary\'s: \\"North\\" #1"'),
        ("yes", '"yes"'),
        ("Null", '"Null"'),
        ("2027-05-06", '"2027-05-06"'),
        ("1.0", '"1.0"'),
        ("- dash", '"- dash"'),
        ("trailing ", '"trailing "'),
        ("tab\there", '"tab\\there"'),
        ("nbsp\xa0x", '"nbsp\\_x"'),
        ("next\x85line", '"next\\Nline"'),
        ("bell\x07", '"bell\\a"'),
        ("bom\ufeff", '"bom\\ufeff"'),
        ("Ynys Môn", '"Ynys Môn"'),
        (date(2027, 5, 6), "2027-05-06"),
        (True, "true"),
        (False, "false"),
        (None, "null"),
        (90, "90"),
        (RawYaml("../"), "../"),
    ],
)
def test_yaml_scalar(value: Any, written: str) -> None:
    assert yaml_scalar(value) == written


@pytest.mark.parametrize(
    "value",
    ["St. Mary's: \"North\" #1", "a: b", "[x]", "{y}", "& anchor", "* alias", "! tag", "%", "@",
     "`", "|", ">", "'single'", '"double"', "back\\slash", "yes", "~", "-", "?", ":", "#"],
)  # fmt: skip
def test_awkward_values_round_trip(value: str) -> None:
    for loaded in load_all_ways(f"key: {yaml_scalar(value)}\n"):
        assert loaded == {"key": value}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_round_trips_through_three_parsers(value: str) -> None:
    document = (
        f"# {yaml_scalar(value)}\nkey: {yaml_scalar(value)}\nitems: {flow_list([value, 'x'])}\n"
    )
    for loaded in load_all_ways(document):
        assert loaded == {"key": value, "items": [value, "x"]}


def test_quote_is_always_one_line() -> None:
    assert "\n" not in quote("a\nb\r\nc\u2028d\u2029e")


def test_unsupported_types_are_refused() -> None:
    with pytest.raises(TypeError, match="cannot write list"):
        yaml_scalar(["a"])
