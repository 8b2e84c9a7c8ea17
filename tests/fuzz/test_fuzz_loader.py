"""Fuzzing the reader, the loader and the check runner: whatever the text, the only outcomes
are findings or a clean result, never an exception (DESIGN.md §8).

The example counts are modest so ``make test`` stays fast and the runs are derandomised so CI
is reproducible. For a deeper search::

    ELECSAFE_FUZZ_EXAMPLES=5000 ELECSAFE_FUZZ_RANDOM=1 pytest tests/fuzz
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elecsafe.findings import Finding
from elecsafe.lint.runner import LintOptions, run
from elecsafe.load.loader import load_plan
from elecsafe.load.yaml_reader import Limits, read_yaml
from tests.conftest import MINIMAL_PLAN
from tests.hostile.cases import BASE

EXAMPLES = int(os.environ.get("ELECSAFE_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("ELECSAFE_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Pieces that mean something to a YAML parser, plus the ones that broke parsers before.
TOKENS = [
    ":", ": ", " ", "  ", "\n", "\n  ", "\n- ", "- ", "[", "]", "{", "}", ",", "? ", "&a ",
    "*a", "!tag ", "!!str ", "!!python/object ", "# c", "'", '"', "\\", "\t", "|", ">-", "---",
    "...", "%YAML 1.2\n", "\x00", "\ufeff", "\x85", "\u2028", "é", "💥", "key", "id", "sites",
    "include", "1", "-1", "0x1f", "0o17", "1e9", "9" * 80, ".inf", "~", "null", "yes",
    "2026-05-07", "2026-02-31", "2026-05-07T16:00+01:00", "TODO", "poll - 25 working days",
    "{anchor: a}", "[[[[", "]]]]",
]  # fmt: skip
yaml_like = st.lists(st.sampled_from(TOKENS) | st.text(max_size=6), max_size=60).map("".join)
SMALL = Limits(max_file_bytes=64 * 1024, max_depth=16, max_findings=50)


def _check_finding(finding: Finding) -> None:
    assert finding.code and finding.message
    assert finding.line >= 1 and finding.column >= 1, finding


@FUZZ
@given(text=yaml_like)
def test_read_yaml_never_raises_on_yaml_like_text(text: str) -> None:
    for positions in (True, False):
        result = read_yaml(text, "f.yaml", SMALL, positions=positions)
        for finding in result.findings:
            _check_finding(finding)
        assert result.ok or result.findings


@FUZZ
@given(raw=st.binary(max_size=400))
def test_read_yaml_never_raises_on_bytes(raw: bytes) -> None:
    result = read_yaml(raw, "f.yaml", SMALL, positions=False)
    for finding in result.findings:
        _check_finding(finding)


# -- mutated plans through load_plan and the check runner ----------------------------------

SEEDS = [MINIMAL_PLAN, BASE]


@st.composite
def mutated_plan(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(SEEDS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "swap", "insert", "indent", "value"]))
        line = lines[index]
        if action == "drop" and len(lines) > 1:
            del lines[index]
        elif action == "repeat":
            lines.insert(index, line)
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], line
        elif action == "insert":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(yaml_like) + line[at:]
        elif action == "indent":
            lines[index] = draw(st.sampled_from(["", " ", "  ", "    ", "\t"])) + line.lstrip()
        elif ":" in line:
            key = line.split(":", 1)[0]
            lines[index] = f"{key}: {draw(st.sampled_from(TOKENS))}\n"
    return "".join(lines)


@FUZZ
@given(text=mutated_plan())
def test_mutated_plans_give_findings_not_exceptions(tmp_path: Path, text: str) -> None:
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    loaded = load_plan(tmp_path, limits=SMALL)
    result = run(loaded, LintOptions())
    lines = text.count("\n") + 2
    for finding in result.findings:
        _check_finding(finding)
        assert finding.code != "INTERNAL", finding  # a rule crashed: the runner caught it
        if finding.file.endswith("plan.yaml"):
            assert finding.line <= lines, finding


@FUZZ
@given(text=mutated_plan(), extra=yaml_like)
def test_mutated_includes_give_findings_not_exceptions(
    tmp_path: Path, text: str, extra: str
) -> None:
    (tmp_path / "plan.yaml").write_text(
        text + "\ninclude: [part.yaml, '*.yaml']\n", encoding="utf-8"
    )
    (tmp_path / "part.yaml").write_text(extra, encoding="utf-8")
    loaded = load_plan(tmp_path, limits=SMALL)
    for finding in run(loaded, LintOptions()).findings:
        _check_finding(finding)
        assert finding.code != "INTERNAL", finding


EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "us-county"


@st.composite
def mutated_example(draw: st.DrawFn) -> tuple[str, str]:
    """(relative file, mutated text) for one file of the bundled US example."""
    files = sorted(p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*.yaml"))
    name = draw(st.sampled_from(files))
    lines = (EXAMPLE / name).read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        if draw(st.booleans()) and ":" in line:
            key = line.split(":", 1)[0]
            lines[index] = f"{key}: {draw(st.sampled_from(TOKENS))}\n"
        else:
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(yaml_like) + line[at:]
    return name, "".join(lines)


@settings(FUZZ, max_examples=max(10, EXAMPLES // 4))
@given(mutation=mutated_example())
def test_mutated_example_plan_gives_findings_not_exceptions(
    tmp_path_factory: pytest.TempPathFactory, mutation: tuple[str, str]
) -> None:
    directory = tmp_path_factory.mktemp("example")
    shutil.copytree(EXAMPLE, directory, dirs_exist_ok=True)
    name, text = mutation
    (directory / name).write_text(text, encoding="utf-8")
    for finding in run(load_plan(directory, limits=SMALL), LintOptions()).findings:
        _check_finding(finding)
        assert finding.code != "INTERNAL", finding
