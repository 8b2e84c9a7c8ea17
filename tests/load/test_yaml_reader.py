from __future__ import annotations

from datetime import date, datetime

import pytest

from elecsafe.load.yaml_reader import Limits, MapPos, SeqPos, read_yaml, unpack


def codes(result):
    return [(f.code, f.line, f.column) for f in result.findings]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no", "no"),  # YAML 1.2: not a boolean
        ("yes", "yes"),
        ("true", True),
        ("012", 12),
        ("'012'", "012"),
        ("12:30", "12:30"),  # not sexagesimal
        ("1.5", 1.5),
        ("~", None),
        ("2026-05-07", date(2026, 5, 7)),
        ("2026-05-07T16:00", datetime(2026, 5, 7, 16, 0)),
        ("2026-02-31", "2026-02-31"),  # impossible dates stay text; the schema reports them
        ('"2026-05-07"', "2026-05-07"),
        ("0x1f", 31),
        ("poll - 25 working days", "poll - 25 working days"),
    ],
)
def test_yaml_12_scalars(text: str, value: object) -> None:
    assert read_yaml(f"k: {text}\n", "f.yaml").data == {"k": value}


def test_positions_are_one_based_and_point_at_keys_and_values() -> None:
    result = read_yaml("a: 1\nlist:\n  - x: 2\n    y: three\n", "f.yaml")
    pos = result.pos
    assert isinstance(pos, MapPos)
    key, value = pos.entries["list"]
    assert unpack(key) == (2, 1)
    assert isinstance(value, SeqPos)
    item = value.items[0]
    assert isinstance(item, MapPos)
    assert unpack(item.entries["y"][0]) == (4, 5)
    assert unpack(item.entries["y"][1]) == (4, 8)


def test_duplicate_key_is_a_finding_at_the_second_key_and_first_value_wins() -> None:
    result = read_yaml("a: 1\nb:\n  c: 2\n  c: 3\n", "f.yaml")
    assert codes(result) == [("YML002", 4, 3)]
    assert "line 3" in result.findings[0].message
    assert result.data == {"a": 1, "b": {"c": 2}}


def test_alias_is_refused_at_the_alias() -> None:
    result = read_yaml("a: &x [1, 2]\nb: *x\n", "f.yaml")
    assert codes(result) == [("YML003", 2, 4)]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    result = read_yaml("\n".join(lines) + "\n", "bomb.yaml")
    assert result.findings and all(f.code == "YML003" for f in result.findings)


def test_deep_nesting_is_refused_without_crashing() -> None:
    result = read_yaml("x: " + "[" * 200_000 + "]" * 200_000 + "\n", "deep.yaml")
    assert not result.ok
    [(code, line, _column)] = codes(result)
    # our walker stops at 1:67; libyaml >= 0.2.5 may stop first while scanning ahead
    assert (code, line) == ("YML004", 1)
    assert result.findings[0].message == "nesting deeper than 64 levels"


def test_depth_limit_is_configurable() -> None:
    text = "a:\n  b:\n    c: 1\n"
    assert read_yaml(text, "f.yaml", Limits(max_depth=2)).findings[0].code == "YML004"
    assert read_yaml(text, "f.yaml", Limits(max_depth=3)).ok


def test_tab_indentation_gets_a_clear_message() -> None:
    result = read_yaml("a:\n\tb: 1\n", "f.yaml")
    assert codes(result) == [("YML001", 2, 1)]
    assert "tab" in result.findings[0].message


def test_syntax_error_position() -> None:
    result = read_yaml("title: Polling: day\n", "f.yaml")
    assert codes(result) == [("YML001", 1, 15)]
    assert "quoted" in result.findings[0].hint


def test_non_utf8_and_nul_bytes() -> None:
    assert codes(read_yaml(b"a: b\nc: \xff\n", "f.yaml")) == [("YML005", 2, 4)]
    assert codes(read_yaml(b"a: b\x00c\n", "f.yaml"))[0][0] == "YML001"


def test_bom_is_accepted() -> None:
    assert read_yaml("\ufeffa: 1\n".encode(), "f.yaml").data == {"a": 1}


def test_size_limit() -> None:
    result = read_yaml(b"a: " + b"x" * 100, "f.yaml", Limits(max_file_bytes=50))
    assert not result.ok and result.findings[0].code == "YML004"


def test_foreign_tags_are_refused() -> None:
    result = read_yaml("a: !!python/object:os.system x\n", "f.yaml")
    assert [f.code for f in result.findings] == ["YML006"]


def test_second_document_is_refused() -> None:
    assert codes(read_yaml("a: 1\n---\nb: 2\n", "f.yaml")) == [("YML001", 2, 1)]
