"""The rule registry: every code elecsafe can report, with its documentation.

Why a registry of plain records (as yamllint and ruff do): ``elecsafe rules``, ``elecsafe rule
CODE``, the SARIF ``tool.driver.rules``, ``--select``/``--ignore`` and ``docs/rules.md`` all read
the same records, so documentation and behaviour cannot drift. Each family module in
:mod:`elecsafe.lint.rules` lists its rules explicitly; :data:`RULES` joins them into one dict.
The records themselves are defined in the leaf :mod:`elecsafe.lint.rule`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from elecsafe.findings import Severity
from elecsafe.lint.rule import FAMILY_TITLES, CheckFn, Example, Origin, Rule, Scope, family_of
from elecsafe.lint.rules import RULES


def registry() -> dict[str, Rule]:
    """Every code, in documentation order: :data:`RULES`."""
    return RULES


def get(code_or_name: str) -> Rule | None:
    rules = registry()
    key = code_or_name.strip()
    if key.upper() in rules:
        return rules[key.upper()]
    for rule in rules.values():
        if rule.name == key.lower():
            return rule
    return None


def suggest(code_or_name: str) -> str | None:
    """A close code or name, for "did you mean"."""
    rules = registry()
    candidates = [*rules, *(r.name for r in rules.values())]
    key = code_or_name.strip()
    close = difflib.get_close_matches(key.upper(), list(rules), n=1, cutoff=0.5)
    if not close:
        close = difflib.get_close_matches(key.lower(), candidates, n=1, cutoff=0.5)
    return close[0] if close else None


def matches(code: str, selectors: Iterable[str]) -> bool:
    """ruff-style selection: ``MAA`` selects the family, ``MAA001`` one rule, ``ALL`` all."""
    return any(
        s == "ALL" or code == s or (code.startswith(s) and family_of(code) == family_of(s))
        for s in selectors
    )


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    codes = registry()
    families = {family_of(c) for c in codes}
    return [s for s in selectors if s != "ALL" and s not in codes and s not in families]


def level_of(severity: Severity) -> str:
    """SARIF / GitHub naming of a severity."""
    return {"error": "error", "warning": "warning", "info": "note"}[severity.value]


__all__ = [
    "FAMILY_TITLES",
    "RULES",
    "CheckFn",
    "Example",
    "Origin",
    "Rule",
    "Scope",
    "family_of",
    "get",
    "level_of",
    "matches",
    "registry",
    "suggest",
    "unknown_selectors",
]
