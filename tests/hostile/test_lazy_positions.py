"""The loader reads files without positions and finds them again on demand: every value of a
plan spread over many files must still point at the exact file, line and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from bench.generate import generate

from elecsafe.findings import KeyPath
from elecsafe.load.loader import load_plan
from tests.conftest import MINIMAL_PLAN, write_plan


def _leaves(value: Any, path: KeyPath = ()) -> list[tuple[KeyPath, Any]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in _leaves(v, (*path, i))]
    return [(path, value)]


def test_every_value_of_a_multi_file_plan_is_located_exactly(tmp_path: Path) -> None:
    # 450 sites in files of 40, people and roles in files of 25: lists concatenated from
    # up to a dozen files each, and the root file contributes to `elections` only.
    generate(tmp_path, 450, sites_per_file=40, people_per_file=25)
    loaded = load_plan(tmp_path)
    assert loaded.findings == []
    lines: dict[str, list[str]] = {}
    checked = files = 0
    for path, value in _leaves(loaded.raw):
        where = loaded.source_map.locate(path)
        if where.file not in lines:
            lines[where.file] = Path(where.file).read_text(encoding="utf-8").splitlines()
            files += 1
        text = lines[where.file][where.line - 1][where.column - 1 :]
        expected = (value.isoformat() if isinstance(value, date) else str(value)).lower()
        assert text.lstrip("'\"").lower().startswith(expected), (path, where, text)
        key = loaded.source_map.locate(path, "key")
        if isinstance(path[-1], str):
            key_text = lines[key.file][key.line - 1][key.column - 1 :]
            assert key_text.startswith(f"{path[-1]}:"), (path, key)
        checked += 1
    assert files == len(loaded.files) and checked > 10_000


def test_merged_list_items_point_into_their_own_file(tmp_path: Path) -> None:
    write_plan(tmp_path, MINIMAL_PLAN + "include: [more/*.yaml]\n")
    person = "  - id: p{n}\n    display_name: P\n    organisation: force\n"
    write_plan(tmp_path / "more", "people:\n" + person.format(n=1), "a.yaml")
    write_plan(tmp_path / "more", "# two\npeople:\n" + person.format(n=2), "b.yaml")
    loaded = load_plan(tmp_path)
    locate = loaded.source_map.locate
    assert str(locate(("people", 0, "id"))).endswith("plan.yaml:23:9")
    assert str(locate(("people", 1, "id"))).endswith("more/a.yaml:2:9")
    assert str(locate(("people", 2, "organisation"))).endswith("more/b.yaml:5:19")
    assert str(locate(("people", 2, "title"), "parent")).endswith("more/b.yaml:3:5")
    assert str(locate(("people", 9))).endswith("plan.yaml:23:3")  # past the end: the list
    assert str(locate(("people",), "key")).endswith("plan.yaml:22:1")


def test_a_key_defined_in_two_files_names_the_first(tmp_path: Path) -> None:
    write_plan(tmp_path, MINIMAL_PLAN + "include: [extra.yaml]\n")
    write_plan(tmp_path, "\ntitle: Again\n", "extra.yaml")
    loaded = load_plan(tmp_path)
    [finding] = [f for f in loaded.findings if f.code == "YML002"]
    assert (Path(finding.file).name, finding.line, finding.column) == ("extra.yaml", 2, 1)
    assert finding.message.startswith("key 'title' is already defined in ")
    assert finding.message.endswith("plan.yaml:3")


def test_nested_mappings_merge_and_keep_positions(tmp_path: Path) -> None:
    write_plan(tmp_path, MINIMAL_PLAN + "include: [tt.yaml]\ntimetable:\n  milestones: []\n")
    write_plan(
        tmp_path,
        "timetable:\n  meetings: []\n  milestones:\n    - id: m1\n      title: T\n"
        "      when: 2027-04-01\n",
        "tt.yaml",
    )
    loaded = load_plan(tmp_path)
    assert loaded.plan is not None and [m.id for m in loaded.plan.timetable.milestones] == ["m1"]
    where = loaded.source_map.locate(("timetable", "milestones", 0, "when"))
    assert (Path(where.file).name, where.line, where.column) == ("tt.yaml", 6, 13)
    where = loaded.source_map.locate(("timetable", "meetings"), "key")
    assert (Path(where.file).name, where.line, where.column) == ("tt.yaml", 2, 3)
