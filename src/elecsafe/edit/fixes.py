"""``elecsafe fix``: the repairs that are safe and unambiguous (ruff's notion of a safe fix).

A fixer looks at one finding and either returns a :class:`Fix` (a description and the edit
that repairs it) or None when the repair would be a guess. What is *never* fixed here: anything
a person must decide or review (an expired review cycle, a missing deputy, a rating), because
a tool that silences such a finding hides the very thing the guidance asks people to do.

Each code in :data:`FIXERS` is marked ``fixable`` in the rule registry (a test keeps the two
in step), so ``elecsafe rules`` and ``elecsafe rule CODE`` say which findings ``fix`` repairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from elecsafe.findings import Finding, dotted
from elecsafe.model.plan import node_at

if TYPE_CHECKING:
    from elecsafe.edit.session import PlanEdit
    from elecsafe.load.loader import LoadedPlan


@dataclass(frozen=True)
class Fix:
    finding: Finding
    description: str
    apply: Callable[[PlanEdit], None]


Fixer = Callable[[Finding, "LoadedPlan"], "Fix | None"]


def rename_unknown_key(finding: Finding, loaded: LoadedPlan) -> Fix | None:
    """SCH001: an unknown key with exactly one close known key, which is not already there."""
    from elecsafe.load.schema_errors import key_candidates
    from elecsafe.model.plan import Plan

    path = finding.path
    if not path or not isinstance(path[-1], str):
        return None
    mapping = node_at(loaded.raw, path[:-1])
    if not isinstance(mapping, dict) or path[-1] not in mapping:
        return None
    candidates = key_candidates(Plan, path)
    if len(candidates) != 1 or candidates[0] in mapping:
        return None
    new = candidates[0]
    where = dotted(path[:-1]) or "plan"

    def apply(edit: PlanEdit) -> None:
        edit.rename_key(path, new)

    return Fix(finding, f"renamed '{path[-1]}' to '{new}' in {where}", apply)


def rename_renamed_key(finding: Finding, loaded: LoadedPlan) -> Fix | None:
    """SCH004: a key the schema has renamed (e.g. ``on`` -> ``submitted_on``), unless the
    mapping already holds the new name (then a person must choose which value stays)."""
    from elecsafe.load.renamed import renamed_keys
    from elecsafe.model.plan import Plan

    path = finding.path
    new = renamed_keys(loaded.raw, Plan).get(path)
    mapping = node_at(loaded.raw, path[:-1])
    if new is None or not isinstance(mapping, dict) or new in mapping:
        return None
    where = dotted(path[:-1]) or "plan"

    def apply(edit: PlanEdit) -> None:
        edit.rename_key(path, new)

    return Fix(finding, f"renamed '{path[-1]}' to '{new}' in {where}", apply)


FIXERS: dict[str, Fixer] = {
    "SCH001": rename_unknown_key,
    "SCH004": rename_renamed_key,
}


def plan_fixes(loaded: LoadedPlan, findings: Iterable[Finding]) -> list[Fix]:
    """The fixes for ``findings`` (those that have a safe repair), in finding order."""
    out: list[Fix] = []
    for finding in findings:
        fixer = FIXERS.get(finding.code)
        if fixer is not None:
            fix = fixer(finding, loaded)
            if fix is not None:
                out.append(fix)
    return out
