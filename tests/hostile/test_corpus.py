"""Every hostile input, through every command, in a child process of its own.

The bar (issue 7, DESIGN.md §8): exit 1 or 2, a positioned message (``file:line:col: CODE``)
where the input has a position, never a traceback, under a second of CPU and 200 MB of memory,
and no partial or temporary file left behind.

The second is counted on top of what the same command costs on the benign base plan, measured
in the same session: on our 2-core CI machines ``render all --force`` of the small base plan
alone takes about 1 s of CPU (start-up and imports are most of it), so an absolute bar would
measure the machine, not the input. What the bar must catch (an alias bomb, quadratic
backtracking, a megabyte escaped three hundred times) costs seconds to days, far above it.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.hostile.cases import BASE, CASES, COMMANDS, ICS_TITLE, JINJA_TEXT, Case
from tests.hostile.harness import CPU_BUDGET_SECONDS, MEMORY_BUDGET_MB, Run, run_elecsafe

pytestmark = pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs os.wait4 (POSIX)")

ARGS = {
    "check": ["check", ".", "--format", "concise"],
    # --force: the base plan is a deliberately unfinished one (check errors), and the corpus is
    # about what rendering does with hostile content; a plan that does not load is still refused
    "render": ["render", "all", ".", "--out-dir", "out", "--force"],
    "calendar": ["calendar", ".", "-o", "plan.ics"],
}


def _command_exists(command: str) -> bool:
    return importlib.util.find_spec(f"elecsafe.cli.{command}") is not None


def _params() -> Iterator[object]:
    for case in CASES:
        for command in COMMANDS:
            marks: list[pytest.MarkDecorator] = []
            if not _command_exists(command):
                marks.append(pytest.mark.skip(reason=f"elecsafe {command} is not built yet"))
            elif command in case.gaps:
                marks.append(
                    pytest.mark.xfail(reason=case.gaps[command], run=command not in case.hangs)
                )
            yield pytest.param(case, command, id=f"{case.name}-{command}", marks=marks)


_RUNS: dict[str, tuple[Path, dict[str, Run]]] = {}


@pytest.fixture(scope="module")
def baseline_cpu(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    """CPU seconds of each command on the benign base plan (the cheaper of two runs)."""
    directory = tmp_path_factory.mktemp("baseline") / "plan"
    directory.mkdir()
    (directory / "plan.yaml").write_text(BASE, encoding="utf-8")
    return {
        c: min(run_elecsafe(ARGS[c], directory).cpu_seconds for _ in range(2))
        for c in COMMANDS
        if _command_exists(c)
    }


@pytest.fixture
def runs(case: Case, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Run]]:
    """The case built once and its three commands run side by side (one child each)."""
    if case.name not in _RUNS:
        directory = tmp_path_factory.mktemp(case.name) / "plan"
        directory.mkdir()
        case.build(directory)
        commands = [c for c in COMMANDS if _command_exists(c) and c not in case.hangs]
        with ThreadPoolExecutor(max_workers=len(commands)) as pool:
            futures = {c: pool.submit(run_elecsafe, ARGS[c], directory) for c in commands}
        _RUNS[case.name] = (directory, {c: f.result() for c, f in futures.items()})
    return _RUNS[case.name]


@pytest.mark.parametrize(("case", "command"), list(_params()))
def test_hostile_input(
    case: Case, command: str, runs: tuple[Path, dict[str, Run]], baseline_cpu: dict[str, float]
) -> None:
    directory, by_command = runs
    run = by_command[command]
    expect = case.expect[command]
    report = run.describe()
    assert not run.timed_out, report
    assert "Traceback" not in run.output, report
    assert run.returncode in expect.exits, report
    if expect.message is not None:
        assert expect.message in run.output, report
    budget = baseline_cpu[command] + CPU_BUDGET_SECONDS
    cpu = run.cpu_seconds
    if cpu >= budget:
        # the three commands ran side by side on a small machine; the baseline is the cheaper
        # of two runs alone, so an over-budget figure is measured the same way before failing
        cpu = min(cpu, run_elecsafe(ARGS[command], directory).cpu_seconds)
    assert cpu < budget, f"{report}\nalone: {cpu:.2f} s CPU, budget {budget:.2f} s"
    assert run.max_rss_mb < MEMORY_BUDGET_MB, report
    leftovers = [p.name for p in directory.rglob("*.tmp")]
    assert leftovers == [], leftovers
    if run.returncode != 0:  # nothing written, not even part of a pack
        if command == "render":
            assert not any((directory / "out").glob("*")), report
        if command == "calendar":
            assert not (directory / "plan.ics").exists(), report


# -- what the successful runs wrote ---------------------------------------------------------


def _case(name: str) -> Case:
    return next(c for c in CASES if c.name == name)


@pytest.mark.parametrize("case", [_case("jinja-in-plan-text")], ids=["jinja-in-plan-text"])
def test_plan_text_that_looks_like_jinja_prints_literally(
    case: Case, runs: tuple[Path, dict[str, Run]]
) -> None:
    directory, by_command = runs
    assert by_command["render"].returncode == 0, by_command["render"].describe()
    mou = (directory / "out" / "mou-borough.md").read_text(encoding="utf-8")
    # Markdown-escaped, but every character of the plan's text is there and nothing ran.
    assert (
        JINJA_TEXT.replace("_", "\\_").replace("[", "\\[").replace("]", "\\]").replace("*", "\\*")
        in mou
    )
    assert "<class" not in mou and "xxxxxxxx" not in mou
    calendar = (directory / "plan.ics").read_text(encoding="utf-8")
    assert "SUMMARY:{{ 7*7 }} {{ config }}" in calendar
    assert "49" not in calendar.replace("\r\n ", "")


@pytest.mark.parametrize(
    "case", [_case("ics-injection-in-titles")], ids=["ics-injection-in-titles"]
)
def test_newlines_and_semicolons_in_titles_stay_inside_their_event(
    case: Case, runs: tuple[Path, dict[str, Run]]
) -> None:
    icalendar = pytest.importorskip("icalendar")
    directory, by_command = runs
    assert by_command["calendar"].returncode == 0, by_command["calendar"].describe()
    raw = (directory / "plan.ics").read_bytes()
    lines = raw.decode("utf-8").split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 2
    assert not any(line.startswith("SUMMARY:Injected") for line in lines)
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == sorted(
        ["A; B, C \\ D", ICS_TITLE.replace("\\n", "\n")]
    )
