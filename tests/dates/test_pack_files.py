"""A plan's own statutory pack file (``timetable_rules: packs/us-nv.yaml``) for a state with
no built-in pack: validated like the built-in packs, its dates computed and protected, its
mistakes findings at their position, and confined to the plan directory like includes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from elecsafe.dates import resolve_plan
from elecsafe.dates.packs import state_pack
from elecsafe.lint.runner import LintOptions, run
from elecsafe.load.loader import load_plan
from tests.lint.conftest import TODAY, positions, write

NEVADA = """\
# Nevada: the federal anchors plus state law (NRS Title 24)
id: us_nv
title: General election in Nevada
country: US
state: US-NV
extends: us_federal
poll_hours: {open: "07:00", close: "19:00"}
source: "Nevada Revised Statutes, Title 24 (Elections)"
items:
  registration_deadline:
    title: Registration by mail closes (28 days before)
    when: poll - 28 days, roll none
    deadline_semantics: not_later_than
    source: "NRS 293.560(1)(a)"
  early_voting_start:
    title: Early voting begins (third Saturday before)
    when: poll - 17 days, roll none
    deadline_semantics: not_earlier_than
    source: "NRS 293.3568(1)"
  canvass:
    title: County canvass (on or before the 10th day after)
    when: poll + 10 days, roll none
    deadline_semantics: not_later_than
    source: "NRS 293.387(1)"
"""


def election(rules: str) -> str:
    return (
        "elections:\n  - id: gen\n    name: General election\n    kind: federal_general\n"
        '    poll_date: 2028-11-07\n    poll_hours: {open: "07:00", close: "19:00"}\n'
        f"    timetable_rules: {rules}\n    is_presidential: true\n    jurisdictions: [area]\n"
    )


MILESTONES = (
    "timetable:\n  milestones:\n"
    "    - {id: ev, title: Early voting, statutory: early_voting_start, election: gen}\n"
    "    - {id: canvass, title: Canvass, statutory: canvass, election: gen}\n"
)


def findings(tmp_path: Path, code: str) -> list[tuple[str, int, int] | tuple[int, int]]:
    return positions(run(load_plan(tmp_path), LintOptions(today=TODAY)), code)


def test_nevada_has_no_built_in_pack() -> None:
    assert state_pack("US-NV") is None


def test_a_local_pack_resolves_the_states_dates(tmp_path: Path) -> None:
    write(
        tmp_path,
        election("packs/us-nv.yaml") + MILESTONES,
        country="US",
        files={"packs/us-nv.yaml": NEVADA},
    )
    loaded = load_plan(tmp_path)
    assert loaded.plan is not None
    assert [f for f in loaded.findings if f.severity.value == "error"] == []
    resolved = resolve_plan(loaded.plan)
    early, canvass = resolved.item("ev"), resolved.item("canvass")
    assert early is not None and early.day == date(2028, 10, 21)  # a Saturday, 17 days out
    assert canvass is not None and canvass.day == date(2028, 11, 17)
    assert resolved.anchors["registration_deadline"] == date(2028, 10, 10)
    assert resolved.anchors["uocava_transmission"] == date(2028, 9, 23)  # federal, extended


def test_a_state_date_written_by_hand_is_protected_like_a_built_in_one(tmp_path: Path) -> None:
    """TT002: a hand-written date that differs from the local pack is an error; TT003: a
    date moved with an override_reason must still keep the legal order (registration closes
    after the UOCAVA ballots go out, 2028-09-23 by the federal anchors the pack extends)."""
    text = election("packs/us-nv.yaml") + (
        "timetable:\n  milestones:\n"
        "    - id: ev\n      title: Early voting\n"
        "      statutory: early_voting_start\n      when: 2028-10-22\n"
        "    - id: reg\n      title: Registration closes\n"
        "      statutory: registration_deadline\n      when: 2028-09-20\n"
        "      override_reason: court order\n"
        "    - {id: uocava, title: UOCAVA ballots out, statutory: uocava_transmission}\n"
    )
    write(tmp_path, text, country="US", files={"packs/us-nv.yaml": NEVADA})
    assert findings(tmp_path, "TT002") == [(15, 13)]
    assert findings(tmp_path, "TT003") == [(19, 13)]


def test_a_mistake_in_the_pack_file_is_a_finding_at_its_position(tmp_path: Path) -> None:
    broken = NEVADA.replace("poll + 10 days", "poll + 10 dayz").replace(
        "    title: Early voting begins (third Saturday before)\n", ""
    )
    write(
        tmp_path,
        election("packs/us-nv.yaml") + MILESTONES,
        country="US",
        files={"packs/us-nv.yaml": broken},
    )
    result = run(load_plan(tmp_path), LintOptions(today=TODAY))
    got = sorted(
        (f.code, Path(f.file).name, f.line, f.column)
        for f in result.findings
        if f.file.endswith("us-nv.yaml")
    )
    assert got == [("SCH002", "us-nv.yaml", 16, 5), ("SCH003", "us-nv.yaml", 21, 11)]
    assert result.failed


def test_broken_yaml_in_the_pack_file_is_positioned_too(tmp_path: Path) -> None:
    write(
        tmp_path,
        election("packs/us-nv.yaml"),
        country="US",
        files={"packs/us-nv.yaml": NEVADA.replace("items:\n", "items: [\n")},
    )
    loaded = load_plan(tmp_path)
    yml = [(Path(f.file).name, f.line) for f in loaded.findings if f.code.startswith("YML")]
    assert yml and yml[0][0] == "us-nv.yaml"


def test_a_path_outside_the_plan_is_refused(tmp_path: Path) -> None:
    (tmp_path / "us-nv.yaml").write_text(NEVADA)
    plan = tmp_path / "plan"
    write(plan, election("../us-nv.yaml") + MILESTONES, country="US")
    result = run(load_plan(plan), LintOptions(today=TODAY))
    assert positions(result, "YML007") == [(7, 22)]
    # one finding, not one more per statutory date that hangs on the file
    cascade = [f.message for f in result.findings if f.code in ("TT001", "TT004", "TT006")]
    assert not [m for m in cascade if "statutory" in m or "'gen'" in m], cascade
    loaded = load_plan(plan)
    assert loaded.plan is not None and loaded.plan.pack_files == {"../us-nv.yaml": None}


def test_a_symbolic_link_out_of_the_plan_is_refused(tmp_path: Path) -> None:
    (tmp_path / "us-nv.yaml").write_text(NEVADA)
    plan = tmp_path / "plan"
    write(plan, election("packs/us-nv.yaml") + MILESTONES, country="US")
    (plan / "packs").mkdir()
    (plan / "packs" / "us-nv.yaml").symlink_to(tmp_path / "us-nv.yaml")
    result = run(load_plan(plan), LintOptions(today=TODAY))
    yml007 = [f for f in result.findings if f.code == "YML007"]
    assert [(f.line, f.column) for f in yml007] == [(7, 22)]
    assert "symbolic link" in yml007[0].message


def test_a_missing_pack_file_is_an_error_at_the_name(tmp_path: Path) -> None:
    write(tmp_path, election("packs/us-nv.yaml") + MILESTONES, country="US")
    result = run(load_plan(tmp_path), LintOptions(today=TODAY))
    yml007 = [f for f in result.findings if f.code == "YML007"]
    assert [(f.line, f.column) for f in yml007] == [(7, 22)]
    assert "does not exist" in yml007[0].message
    assert result.failed
