"""Run the checks over a loaded plan and decide the exit code.

Schema findings come from the loader; guidance rules plug in through
:mod:`elecsafe.lint.registry` and report key paths, which are positioned here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from elecsafe.findings import Finding, Severity
from elecsafe.load.loader import LoadedPlan


@dataclass
class LintOptions:
    strict: bool = False  # warnings fail too


@dataclass
class LintResult:
    loaded: LoadedPlan
    findings: list[Finding] = field(default_factory=list)
    options: LintOptions = field(default_factory=LintOptions)

    @property
    def fail_level(self) -> Severity:
        return Severity.WARNING if self.options.strict else Severity.ERROR

    @property
    def failed(self) -> bool:
        return any(f.severity.rank >= self.fail_level.rank for f in self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


def run(loaded: LoadedPlan, options: LintOptions | None = None) -> LintResult:
    options = options or LintOptions()
    findings = [loaded.locate(f) for f in loaded.findings]
    findings.sort(key=Finding.sort_key)
    return LintResult(loaded, findings, options)
