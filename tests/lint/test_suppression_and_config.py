"""Inline suppressions, the lint: block, .elecsafe.yaml, waivers and the run's options."""

from __future__ import annotations

from pathlib import Path

import pytest

from elecsafe.findings import Severity
from elecsafe.lint.registry import registry
from elecsafe.lint.runner import run
from tests.lint.conftest import TODAY, lint, positions, write

INTRO = """\
timetable:
  meetings:
    - id: intro{comment}
      title: Introductions
      meeting_type: introductory
      when: 2027-01-20
"""


def intro(comment: str = "") -> str:
    return INTRO.format(comment=comment)


def test_unsuppressed_finding(tmp_path: Path) -> None:
    write(tmp_path, intro())
    assert positions(lint(tmp_path), "MTG001") == [(3, 7)]


def test_trailing_comment_suppresses(tmp_path: Path) -> None:
    write(tmp_path, intro("  # elecsafe: ignore[MTG001] series ends here, agreed 2027-01-20"))
    result = lint(tmp_path)
    assert positions(result, "MTG001") == []
    assert positions(result, "LINT001") == []


def test_comment_on_the_line_above_suppresses(tmp_path: Path) -> None:
    text = intro().replace(
        "    - id: intro",
        "    # elecsafe: ignore[MTG001, MTG004] one-off briefing\n    - id: intro",
    )
    write(tmp_path, text)
    result = lint(tmp_path)
    assert positions(result, "MTG001") == []
    assert positions(result, "MTG004") == []
    assert positions(result, "LINT001") == []


def test_unused_suppression_is_a_finding(tmp_path: Path) -> None:
    write(tmp_path, intro("  # elecsafe: ignore[MTG001] reason") + "      final: true\n")
    result = lint(tmp_path)
    assert positions(result, "LINT001") == [(3, 18)]
    [finding] = [f for f in result.findings if f.code == "LINT001"]
    assert finding.message == "suppression of MTG001 suppresses nothing"


def test_suppression_of_a_rule_that_did_not_run_is_not_unused(tmp_path: Path) -> None:
    # SITE009 is a UK rule: in a US plan it does not run, so the comment is not "unused"
    write(tmp_path, "notes: x  # elecsafe: ignore[SITE009] cameras covered\n", country="US")
    assert positions(lint(tmp_path), "LINT001") == []


def test_unknown_code_and_missing_reason(tmp_path: Path) -> None:
    write(tmp_path, intro("  # elecsafe: ignore[MTG999]"))
    result = lint(tmp_path)
    assert positions(result, "LINT003") == [(3, 18), (3, 18)]
    assert positions(result, "MTG001") == [(3, 7)]


def test_hash_inside_quotes_is_not_a_comment(tmp_path: Path) -> None:
    write(
        tmp_path, intro().replace("title: Introductions", 'title: "# elecsafe: ignore[MTG001] x"')
    )
    assert positions(lint(tmp_path), "MTG001") == [(3, 7)]


# -- configuration -----------------------------------------------------------------------------


def test_lint_block_ignore_and_severity(tmp_path: Path) -> None:
    write(tmp_path, intro() + "lint:\n  ignore: [MTG003]\n  severity: {MTG001: warning}\n")
    result = lint(tmp_path)
    assert positions(result, "MTG003") == []
    [finding] = [f for f in result.findings if f.code == "MTG001"]
    assert finding.severity is Severity.WARNING


def test_select_family_and_exact_code(tmp_path: Path) -> None:
    write(tmp_path, intro() + "lint:\n  select: [MTG, ROL001]\n  extended: false\n")
    result = lint(tmp_path, extended=False)
    codes = {f.code for f in result.findings}
    core_mtg = {"MTG001", "MTG002", "MTG003", "MTG004", "MTG005", "MTG007", "MTG008", "MTG010"}
    assert codes == core_mtg | {"MTG011", "MTG013", "MTG014", "ROL001"}


def test_extended_rule_runs_when_selected_by_exact_code(tmp_path: Path) -> None:
    write(tmp_path, intro())
    result = lint(tmp_path, extended=False, select=["MTG012"])
    assert {f.code for f in result.findings} == {"MTG012"}
    result = lint(tmp_path, extended=False, select=["MTG"])
    assert "MTG012" not in {f.code for f in result.findings}


def test_schema_findings_cannot_be_selected_away(tmp_path: Path) -> None:
    write(tmp_path, "notez: x\n")
    result = lint(tmp_path, select=["MAA"], ignore=["SCH"])
    assert [f.code for f in result.findings] == ["SCH001"]


def test_params_change_a_threshold(tmp_path: Path) -> None:
    training = (
        "timetable:\n  trainings:\n"
        "    - {id: s, title: S, audience: joint, topics: [election_law], when: 2027-05-05}\n"
    )
    write(tmp_path, training + "lint:\n  params: {MTG007: {days: 1}}\n")
    assert positions(lint(tmp_path), "MTG007") == []
    write(tmp_path, training + "lint:\n  params: {MTG007: {days: 2}}\n")
    assert positions(lint(tmp_path), "MTG007") == [(2, 3)]


@pytest.mark.parametrize(
    ("block", "where"),
    [
        ("lint:\n  select: [NOPE1]\n", (2, 12)),
        ("lint:\n  params: {MTG007: {dayz: 3}}\n", (2, 21)),
        ("lint:\n  params: {MTG007: {days: -3}}\n", (2, 27)),
        ("lint:\n  severity: {XYZ001: error}\n", (2, 14)),
    ],
)
def test_config_mistakes_are_lint003(tmp_path: Path, block: str, where: tuple[int, int]) -> None:
    write(tmp_path, block)
    assert positions(lint(tmp_path), "LINT003") == [where]


def test_config_file_beside_the_plan(tmp_path: Path) -> None:
    write(tmp_path, intro())
    (tmp_path / ".elecsafe.yaml").write_text("ignore: [MTG001]\nseverity: {MTG003: info}\n")
    result = lint(tmp_path)
    assert positions(result, "MTG001") == []
    assert {f.severity for f in result.findings if f.code == "MTG003"} == {Severity.INFO}


def test_config_file_errors_are_positioned(tmp_path: Path) -> None:
    write(tmp_path, intro())
    (tmp_path / ".elecsafe.yaml").write_text("ignore: [MTG001]\nignor: [MTG003]\n")
    result = lint(tmp_path)
    assert positions(result, "SCH001") == [(".elecsafe.yaml", 2, 1)]


# -- waivers -----------------------------------------------------------------------------------


def waiver(code: str, until: str, path: str | None = None) -> str:
    where = f"      path: {path}\n" if path else ""
    return (
        f"lint:\n  waivers:\n    - code: {code}\n{where}      reason: agreed with the partner\n"
        f"      until: {until}\n"
    )


def test_waiver_hides_a_finding(tmp_path: Path) -> None:
    write(tmp_path, intro() + waiver("MTG001", "2027-01-31", "timetable.meetings[0]"))
    result = lint(tmp_path)
    assert positions(result, "MTG001") == []
    assert positions(result, "LINT001") == []


def test_waiver_may_name_an_entity_id(tmp_path: Path) -> None:
    write(tmp_path, intro() + waiver("MTG001", "2027-01-31", "intro"))
    assert positions(lint(tmp_path), "MTG001") == []


def test_waiver_for_another_path_does_not_apply(tmp_path: Path) -> None:
    write(tmp_path, intro() + waiver("MTG001", "2027-01-31", "timetable.meetings[1]"))
    result = lint(tmp_path)
    assert positions(result, "MTG001") == [(3, 7)]
    assert positions(result, "LINT001") == [(9, 7)]


def test_expired_waiver_is_a_finding_and_stops_applying(tmp_path: Path) -> None:
    write(tmp_path, intro() + waiver("MTG001", "2026-11-21"))
    result = lint(tmp_path)
    assert positions(result, "MTG001") == [(3, 7)]
    assert positions(result, "LINT002") == [(9, 7)]
    [finding] = [f for f in result.findings if f.code == "LINT002"]
    assert finding.message == "waiver for MTG001 expired on 2026-11-21"


def test_waiver_valid_on_its_last_day(tmp_path: Path) -> None:
    write(tmp_path, intro() + waiver("MTG001", TODAY.isoformat()))
    assert positions(lint(tmp_path), "MTG001") == []


# -- internal errors ---------------------------------------------------------------------------


def test_a_failing_rule_becomes_an_internal_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from elecsafe.lint import registry as registry_module

    def explode(ctx: object) -> list[object]:
        raise KeyError("07700 900123")

    rules = dict(registry())
    rules["MTG001"] = replace(rules["MTG001"], check=explode)
    monkeypatch.setattr(registry_module, "registry", lambda: rules)
    monkeypatch.setattr("elecsafe.lint.runner.registry", lambda: rules)
    write(tmp_path, intro())
    result = lint(tmp_path)
    [finding] = [f for f in result.findings if f.code == "INTERNAL"]
    assert finding.message == "rule MTG001 stopped with KeyError; its checks did not run"
    assert "07700" not in finding.message + finding.hint
    assert result.failed
    assert positions(result, "MTG003") == [(3, 7)]  # the other rules ran


def test_run_without_today_uses_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from elecsafe.load.loader import load_plan

    monkeypatch.setenv("ELECSAFE_TODAY", "2027-02-01")
    write(tmp_path, intro())
    assert run(load_plan(tmp_path)).today.isoformat() == "2027-02-01"
