"""What a rule is: its record (:class:`Rule`) and its documented examples (:class:`Example`).

A leaf module: it imports nothing from the rest of lint, so each family module in
:mod:`elecsafe.lint.rules` can import it and :mod:`elecsafe.lint.registry` can import the
families (no cycle).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from elecsafe.findings import Finding, Severity

if TYPE_CHECKING:
    from elecsafe.guidance import Citation
    from elecsafe.lint.context import Context

Scope = Literal["UK", "US", "all"]
# Where a code comes from: a rule function here, or a part of the pipeline that reports it.
Origin = Literal["rule", "loader", "resolver", "runner"]
CheckFn = Callable[["Context"], Iterable[Finding]]

FAMILY_TITLES: dict[str, str] = {
    "YML": "YAML files",
    "SCH": "Schema",
    "TODO": "Placeholders",
    "READY": "Readiness gate (check --ready)",
    "REF": "Structure and references",
    "ROL": "Roles and contacts",
    "CMD": "Command structure",
    "MTG": "Meetings, training and exercises",
    "TT": "Timetable",
    "SITE": "Sites",
    "MAA": "Mutual aid agreements",
    "THR": "Threat assessment",
    "COM": "Communications and reporting",
    "DOC": "Agreements and documents",
    "PRV": "Privacy",
    "DBF": "Debrief and learning",
    "INC": "Incident and threat log",
    "PTN": "Partnerships",
    "LINT": "Suppressions and configuration",
    "INTERNAL": "Internal errors",
}


@dataclass(frozen=True)
class Example:
    """A plan fragment for the documentation and the tests.

    ``yaml`` is the content of ``example.yaml``, a file included by a small base plan (see
    ``docs/rules.md``: jurisdiction ``area``, election office ``office``, person ``alice``,
    election ``poll``). ``problems`` are the ``(line, column)`` positions in ``example.yaml``
    where the rule reports (or ``(file, line, column)`` for another file); ``files`` are extra
    files written beside ``plan.yaml`` (a private layer, a ``.gitignore``)."""

    yaml: str
    problems: tuple[tuple[int, int] | tuple[str, int, int], ...] = ()
    files: Mapping[str, str] = field(default_factory=dict)
    country: Literal["GB", "US"] | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str  # kebab-case, stable
    severity: Severity
    scope: Scope
    summary: str  # one line: what the rule checks
    rationale: str  # why, citing the guidance by tag and section
    fix: str  # how to make the finding go away (the default hint)
    bad: Example
    good: Example
    check: CheckFn | None = None
    core: bool = True  # part of the default set; others need `lint: {extended: true}`
    origin: Origin = "rule"
    params: Mapping[str, int] = field(default_factory=dict)
    needs_plan: bool = True  # False: runs on the raw data even when the schema failed
    fixable: bool = False  # `elecsafe fix` repairs (some of) its findings: elecsafe.edit.fixes

    @property
    def family(self) -> str:
        return family_of(self.code)

    @property
    def citations(self) -> list[Citation]:
        """The publications (and sections) the rationale cites, from the guidance registry."""
        from elecsafe.guidance import citations

        return citations(self.rationale)

    @property
    def tags_cited(self) -> list[str]:
        """Keys of the publications cited, for SARIF tags ("app", "roadmap", ...)."""
        return sorted({c.publication.key for c in self.citations})

    @property
    def sources(self) -> list[str]:
        """Citations as prose names them ("Roadmap §VII", "APP, Threat assessment")."""
        return [c.short for c in self.citations]

    def applies_to(self, country: str) -> bool:
        return self.scope == "all" or (self.scope == "UK") == (country == "GB")


def family_of(code: str) -> str:
    return code.rstrip("0123456789")


__all__ = ["FAMILY_TITLES", "CheckFn", "Example", "Origin", "Rule", "Scope", "family_of"]
