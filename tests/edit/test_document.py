"""The editing machinery: splices that keep every other byte, refusals, line endings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from elecsafe.edit.document import EditError, YamlDocument
from elecsafe.load.yaml_reader import read_yaml

SOURCE = """\
# a comment at the top
meta:
  version: "3.4"   # quoted on purpose
  owner: 'alice'
  reviewed: 2027-04-14
  tags: [a, b]

  # a comment before the list
  items:
    - {id: one, k: 1}
    - {id: two, k: 2}
people:
- id: alice
  name: Alice Example   # trailing

- id: bob
  name: Bob Example
notes: |
  keep
  this

lessons: []
"""


def doc(text: str = SOURCE) -> YamlDocument:
    return YamlDocument(Path("x.yaml"), "x.yaml", text.encode("utf-8"))


def changed_lines(before: str, after: str) -> list[str]:
    import difflib

    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_scalar_keeps_quoting_and_trailing_comment() -> None:
    d = doc()
    d.set(("meta", "version"), "3.5")
    d.set(("meta", "owner"), "bob")
    d.set(("meta", "reviewed"), date(2028, 4, 12))
    assert changed_lines(SOURCE, d.text()) == [
        '-  version: "3.4"   # quoted on purpose',
        "-  owner: 'alice'",
        "-  reviewed: 2027-04-14",
        '+  version: "3.5"   # quoted on purpose',
        "+  owner: 'bob'",
        "+  reviewed: 2028-04-12",
    ]


def test_setting_the_same_value_changes_nothing() -> None:
    d = doc()
    assert d.set(("meta", "version"), "3.4") is False
    assert d.set(("meta", "reviewed"), date(2027, 4, 14)) is False
    assert not d.changed


def test_append_keeps_the_style_of_the_list() -> None:
    d = doc()
    d.append(("meta", "items"), {"id": "three", "k": 3})
    d.append(("people",), {"id": "carol", "name": "Carol Example"})
    d.append(("meta", "tags"), "c")
    after = d.text()
    assert changed_lines(SOURCE, after) == [
        "-  tags: [a, b]",
        "+  tags: [a, b, c]",
        "+    - {id: three, k: 3}",
        "+- id: carol",
        "+  name: Carol Example",
    ]
    data = read_yaml(after, "x.yaml").data
    assert data["people"][-1] == {"id": "carol", "name": "Carol Example"}
    assert data["meta"]["items"][-1] == {"id": "three", "k": 3}


def test_empty_flow_list_under_a_block_key_becomes_a_block_list() -> None:
    d = doc()
    d.append(("lessons",), {"text": "no", "action": "act-1"})
    data = read_yaml(d.text(), "x.yaml").data
    assert data["lessons"] == [{"text": "no", "action": "act-1"}]  # "no" stays a string


def test_insert_rename_delete() -> None:
    d = doc()
    d.insert(("meta",), "previous_plan", "v3.4: the plan for 2027")
    d.rename_key(("people", 1, "name"), "full_name")
    d.delete(("notes",))
    after = d.text()
    data = read_yaml(after, "x.yaml").data
    assert data["meta"]["previous_plan"] == "v3.4: the plan for 2027"
    assert data["people"][1] == {"id": "bob", "full_name": "Bob Example"}
    assert "notes" not in data
    assert after.count("#") == SOURCE.count("#")


def test_missing_key_is_added_by_set() -> None:
    d = doc()
    d.set(("meta", "status"), "planned")
    assert read_yaml(d.text(), "x.yaml").data["meta"]["status"] == "planned"


def test_no_edit_is_byte_identical_and_crlf_bom_survive() -> None:
    raw = ("\ufeff" + SOURCE.replace("\n", "\r\n")).encode("utf-8")
    d = YamlDocument(Path("x.yaml"), "x.yaml", raw)
    assert not d.changed
    d.set(("meta", "owner"), "bob")
    out = d.new_bytes()
    assert out.startswith(b"\xef\xbb\xbf")
    assert out.replace(b"'bob'", b"'alice'") == raw
    assert b"\n" not in out.replace(b"\r\n", b"")


def test_no_final_newline_is_kept() -> None:
    d = doc("a:\n  - x")  # no newline at the end
    d.append(("a",), "z")
    assert d.text() == "a:\n  - x\n  - z"


def test_yaml_errors_are_refused_with_a_position() -> None:
    with pytest.raises(EditError, match=r"^x.yaml:2:\d+: .*nothing was written"):
        doc("a: 1\n b: [\n")
    with pytest.raises(EditError, match="duplicate key"):
        doc("a: 1\na: 2\n")


def test_missing_path_is_an_error() -> None:
    with pytest.raises(EditError, match=r"no 'meta\.nope'"):
        doc().rename_key(("meta", "nope"), "x")


def test_overlapping_edits_are_refused() -> None:
    d = doc()
    d.set(("meta", "owner"), "bob")
    with pytest.raises(EditError, match="overlap"):
        d.set(("meta", "owner"), "carol")


def test_renaming_back_restores_the_bytes() -> None:
    once = doc()
    once.rename_key(("people", 0, "name"), "nom")
    back = doc(once.text())
    back.rename_key(("people", 0, "nom"), "name")
    assert back.text() == SOURCE


@pytest.mark.parametrize("value", ["yes", "on", "007", "a: b", "#x", "2027-01-01", "", "x'y"])
def test_ambiguous_strings_read_back_as_strings(value: str) -> None:
    d = doc()
    d.set(("meta", "version"), value)
    d.set(("people", 0, "name"), value)
    data = read_yaml(d.text(), "x.yaml").data
    assert data["meta"]["version"] == value
    assert data["people"][0]["name"] == value


def test_plan_edit_finds_the_included_file(tmp_path: Path) -> None:
    import shutil

    from elecsafe.edit.session import PlanEdit
    from elecsafe.load.loader import load_plan

    plan = tmp_path / "uk"
    shutil.copytree(Path(__file__).parents[2] / "examples" / "uk-force", plan)
    before = {p: p.read_bytes() for p in plan.rglob("*.yaml")}
    loaded = load_plan(plan)
    assert loaded.plan is not None
    edit = PlanEdit(loaded)
    index = next(i for i, m in enumerate(loaded.plan.mutual_aid) if m.id == "maa-brackenshire-2027")
    edit.set(("mutual_aid", index, "last_reviewed"), date(2027, 4, 9))
    diff = edit.diff()
    assert "agreements/maa-brackenshire.yaml" in diff
    assert "-    last_reviewed: 2027-04-08   # after" in diff
    assert "+    last_reviewed: 2027-04-09   # after" in diff
    assert {p: p.read_bytes() for p in plan.rglob("*.yaml")} == before  # diff writes nothing
    [change] = edit.write()
    assert change.path.name == "maa-brackenshire.yaml"
    after = {p: p.read_bytes() for p in plan.rglob("*.yaml")}
    assert [p for p in after if after[p] != before[p]] == [change.path]


def test_datetimes_are_written_plain() -> None:
    from datetime import datetime

    d = doc("when: 2027-03-25T09:30:00\n")
    d.set(("when",), datetime(2028, 3, 23, 9, 30))
    assert d.text() == "when: 2028-03-23T09:30:00\n"
    assert read_yaml(d.text(), "x.yaml").data["when"] == datetime(2028, 3, 23, 9, 30)
