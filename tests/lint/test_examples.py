"""The bundled examples pass `elecsafe check` (warnings and info allowed, no errors)."""

from __future__ import annotations

import pytest

from elecsafe.findings import Severity
from elecsafe.lint.runner import LintOptions, run
from elecsafe.load.loader import load_plan
from tests.conftest import EXAMPLES
from tests.lint.conftest import TODAY


@pytest.mark.parametrize("name", ["us-county", "uk-force"])
def test_example_has_no_errors(name: str) -> None:
    directory = EXAMPLES / name
    result = run(load_plan(directory), LintOptions(today=TODAY))
    errors = [
        (f.file, f.line, f.column, f.code, f.message)
        for f in result.findings
        if f.severity is Severity.ERROR
    ]
    assert errors == []
    assert not result.failed
    assert result.readiness, "the readiness summary covers the example"


@pytest.mark.parametrize("name", ["us-county", "uk-force"])
def test_example_passes_the_ready_gate(name: str) -> None:
    """The shop windows are finished plans: no placeholder, no warning, every measure n/n."""
    result = run(load_plan(EXAMPLES / name), LintOptions(today=TODAY, ready=True))
    assert [
        (f.file, f.line, f.code, f.message) for f in result.findings if f.severity.rank >= 2
    ] == []
    assert result.placeholders == 0
    assert all(m.complete for m in result.readiness), result.readiness
    assert not result.failed
