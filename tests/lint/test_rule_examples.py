"""Every registered code: its documented failing example reports at the documented
``line:column`` positions, and its passing example does not report it (yamllint style)."""

from __future__ import annotations

from pathlib import Path

import pytest

from elecsafe.lint.examples import write_example
from elecsafe.lint.registry import Rule, registry
from tests.lint.conftest import lint, positions

RULES = [r for r in registry().values() if r.code != "INTERNAL"]


def _gate(rule: Rule) -> bool:
    """The READY family is reported by `check --ready` only."""
    return rule.family == "READY"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_reports_at_documented_positions(rule: Rule, tmp_path: Path) -> None:
    assert rule.bad.problems, f"{rule.code} documents no position for its failing example"
    write_example(rule, rule.bad, tmp_path)
    result = lint(tmp_path, ready=_gate(rule))
    if rule.origin == "rule" and rule.needs_plan:
        assert result.loaded.plan is not None, "the failing example must pass the schema"
    assert positions(result, rule.code) == list(rule.bad.problems)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_passing_example_is_clean(rule: Rule, tmp_path: Path) -> None:
    write_example(rule, rule.good, tmp_path)
    result = lint(tmp_path, ready=_gate(rule))
    assert result.loaded.plan is not None, [(f.code, f.message) for f in result.findings]
    assert positions(result, rule.code) == []
