"""Output formats for findings: THE registry of reporters, name -> module.

Each reporter module has ``render(result, *, color=False, width=None) -> str`` (``width``:
the terminal's columns, for the formats that wrap). The CLI reads the names
and help from :data:`REPORTERS` without importing the modules; :func:`render` imports the
one chosen. ``--statistics`` replaces the human-readable formats (``counts``) with the number
of findings per code.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from elecsafe.lint.runner import LintResult


class Render(Protocol):
    def __call__(
        self, result: LintResult, *, color: bool = False, width: int | None = None
    ) -> str: ...


@dataclass(frozen=True)
class Reporter:
    module: str  # in this package
    help: str
    counts: bool = False  # --statistics shows the counts per code instead
    terminal: bool = True  # read on a terminal or in a CI log: plan text sanitised for it


REPORTERS: dict[str, Reporter] = {
    "text": Reporter("text", "grouped, with hints and the readiness summary", counts=True),
    "concise": Reporter("concise", "path:line:col: CODE message", counts=True),
    "json": Reporter(
        "json_report", "a versioned document, described in docs/rules.md", terminal=False
    ),
    "sarif": Reporter("sarif", "SARIF 2.1.0, for GitHub code scanning", terminal=False),
    "github": Reporter("github", "workflow annotations; the default when GITHUB_ACTIONS=true"),
}
STATISTICS = "statistics"


def render(
    name: str,
    result: LintResult,
    *,
    color: bool = False,
    width: int | None = None,
    statistics: bool = False,
) -> str:
    """The report of ``result`` in format ``name`` (a key of :data:`REPORTERS`)."""
    reporter = REPORTERS[name]
    module = STATISTICS if statistics and reporter.counts else reporter.module
    function: Render = importlib.import_module(f"{__name__}.{module}").render
    if reporter.terminal:
        result = for_terminal(result)
    return function(result, color=color, width=width)


def for_terminal(result: LintResult) -> LintResult:
    """``result`` with the plan text of its findings (file name, message, hint) fit for a
    terminal or a CI log (:func:`elecsafe.sanitize.for_terminal`: an ESC or OSC sequence in
    a site name is shown, not run; a newline cannot forge a finding line). JSON and SARIF
    escape control characters themselves."""
    from dataclasses import replace

    from elecsafe.sanitize import for_terminal as clean

    findings = [
        replace(f, file=clean(f.file), message=clean(f.message), hint=clean(f.hint))
        for f in result.findings
    ]
    return replace(result, findings=findings)


__all__ = ["REPORTERS", "STATISTICS", "Render", "Reporter", "render"]
