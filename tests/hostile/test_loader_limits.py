"""Loader limits and the lazily read source map (the fixes made while building the corpus)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from elecsafe.findings import PlanError
from elecsafe.load.loader import limits_from_env, load_plan
from elecsafe.load.yaml_reader import Limits, read_yaml
from tests.conftest import MINIMAL_PLAN, write_plan


def positioned(findings) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in findings]


@pytest.mark.parametrize("text", ["1" * 5000, "-" + "9" * 70, "0x" + "f" * 5000, "0o" + "7" * 99])
def test_numbers_too_long_to_convert_stay_text(text: str) -> None:
    # int("1" * 5000) raises ValueError (Python's 4300-digit guard): it used to escape as a
    # traceback. Such a number is never a plan value; the schema reports it where it stands.
    assert read_yaml(f"k: {text}\n", "f.yaml").data == {"k": text}


def test_a_flood_of_problems_stops_at_the_findings_limit() -> None:
    text = "a: x\nb: [" + ", ".join(["*a"] * 5000) + "]\n"
    result = read_yaml(text, "f.yaml", Limits(max_findings=50))
    assert not result.ok
    assert [f.code for f in result.findings] == ["YML003"] * 50 + ["YML004"]
    assert "more than 50 problems" in result.findings[-1].message
    assert positioned(result.findings)[-1] == ("YML004", 2, 5 + 4 * 49)  # at the 50th alias


def test_schema_errors_stop_at_the_findings_limit(tmp_path: Path) -> None:
    write_plan(tmp_path, MINIMAL_PLAN + "sites: [" + ", ".join(["1"] * 3000) + "]\n")
    loaded = load_plan(tmp_path, limits=Limits(max_findings=100))
    sites = [f for f in loaded.findings if f.path[:1] == ("sites",)]
    assert len(sites) == 100
    summary = [f for f in loaded.findings if "more schema errors not shown" in f.message]
    assert [f.message for f in summary] == ["2,900 more schema errors not shown"]


def test_a_tag_on_a_key_is_refused_like_a_tag_on_a_value() -> None:
    assert positioned(read_yaml("!secret k: v\n", "f.yaml").findings) == [("YML006", 1, 1)]


def test_duplicate_key_message_names_the_first_line_without_a_position_tree() -> None:
    result = read_yaml("a: 1\nb: 2\na: 3\n", "f.yaml", positions=False)
    assert positioned(result.findings) == [("YML002", 3, 1)]
    assert "first defined on line 1" in result.findings[0].message
    assert result.data == {"a": 1, "b": 2}


def test_values_read_without_positions_equal_values_read_with_them() -> None:
    text = "a: [1, {b: 2026-05-07, c: 'x'}]\nd: {e: null, f: [yes, 0x10]}\n"
    assert read_yaml(text, "f", positions=False).data == read_yaml(text, "f").data
    assert read_yaml(text, "f", positions=False).pos is None


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_plan_path_that_is_not_a_regular_file_is_refused(tmp_path: Path, special: str) -> None:
    if special == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this platform")
        os.mkfifo(tmp_path / "plan.yaml")
        target = tmp_path / "plan.yaml"
    else:
        target = Path(special)
        if not target.exists():
            pytest.skip(f"{special} does not exist here")
    with pytest.raises(PlanError, match="not a regular file"):
        load_plan(target)


def test_an_invalid_include_pattern_is_a_finding(tmp_path: Path) -> None:
    # Path.glob("**x") raises ValueError: it used to escape as a traceback.
    write_plan(tmp_path, MINIMAL_PLAN + "include: ['**x']\n")
    loaded = load_plan(tmp_path)
    assert positioned(loaded.findings) == [("YML007", 26, 11)]
    assert "not a valid file pattern" in loaded.findings[0].message


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("ELECSAFE_MAX_DEPTH", "ten"),
        ("ELECSAFE_MAX_FILE_BYTES", "0"),
        ("ELECSAFE_MAX_FINDINGS", "-1"),
    ],
)
def test_bad_limit_variables_are_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(PlanError, match=f"{variable} must be a whole number above 0"):
        limits_from_env()


def test_limit_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable, value in (
        ("ELECSAFE_MAX_FILE_BYTES", "1000"),
        ("ELECSAFE_MAX_DEPTH", "7"),
        ("ELECSAFE_MAX_INCLUDE_FILES", "3"),
        ("ELECSAFE_MAX_FINDINGS", "9"),
    ):
        monkeypatch.setenv(variable, value)
    assert limits_from_env() == Limits(1000, 7, 3, 9)


def test_default_limits() -> None:
    assert Limits() == Limits(16 * 1024 * 1024, 64, 500, 1000)


def test_a_big_load_is_frozen_out_of_the_collector_and_a_small_one_is_not(
    minimal_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    import elecsafe.load.loader as loader

    gc.unfreeze()
    assert gc.isenabled()
    load_plan(minimal_plan)
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    monkeypatch.setattr(loader, "_FREEZE_AFTER", 0)
    try:
        load_plan(minimal_plan)
        assert gc.get_freeze_count() > 0 and gc.isenabled()
    finally:
        gc.unfreeze()
