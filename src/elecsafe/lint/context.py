"""What a rule sees: the validated plan, its index, the resolved timetable, the private
layer, the plan directory, the rule's parameters and "today".

Rules never touch YAML: they report key paths through :meth:`Context.report`, and the runner
turns them into ``file:line:column`` with the plan's source map.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from elecsafe.findings import Finding, KeyPath, Severity

if TYPE_CHECKING:
    from elecsafe.lint.rule import Rule
    from elecsafe.lint.timeline import Timeline
    from elecsafe.load.loader import LoadedPlan
    from elecsafe.model.org import PrivateContact
    from elecsafe.model.plan import Plan, PlanIndex


@dataclass(frozen=True)
class Context:
    loaded: LoadedPlan
    today: date
    timeline: Timeline | None = None
    rule: Rule | None = None
    params: Mapping[str, Any] = field(default_factory=dict)

    # -- the plan ------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        """The validated plan (rules with ``needs_plan=False`` must use :attr:`raw`)."""
        plan = self.loaded.plan
        if plan is None:  # pragma: no cover - the runner never calls such rules then
            raise RuntimeError("rule needs a validated plan")
        return plan

    @property
    def index(self) -> PlanIndex:
        return self.plan.index()

    @property
    def raw(self) -> dict[str, Any]:
        """The merged raw data of the tracked files (plain dicts, lists and scalars)."""
        return self.loaded.raw

    def draft(self, *paths: KeyPath) -> bool:
        """True when a placeholder (TODO ...) is left at or below any of ``paths``: an entry
        that still holds one counts as not done in the readiness summary."""
        return self.loaded.placeholders.under(*paths)

    @property
    def contacts(self) -> dict[str, PrivateContact]:
        return self.loaded.contacts

    @property
    def has_private_layer(self) -> bool:
        return bool(self.loaded.private_files)

    @property
    def directory(self) -> Path:
        return self.loaded.directory

    @property
    def country(self) -> str:
        plan = self.loaded.plan
        if plan is not None:
            return plan.country
        value = self.loaded.raw.get("country")
        return value if isinstance(value, str) else ""

    @property
    def dates(self) -> Timeline:
        if self.timeline is None:  # pragma: no cover - the runner always provides one
            raise RuntimeError("no timeline")
        return self.timeline

    @property
    def poll(self) -> date | None:
        """Polling day: the earliest poll date of the plan ("before polling day")."""
        return self.plan.poll_date

    def for_rule(self, rule: Rule, params: Mapping[str, Any]) -> Context:
        return replace(self, rule=rule, params=params)

    def param(self, name: str) -> int:
        value = self.params.get(name)
        if isinstance(value, int):
            return value
        assert self.rule is not None
        return int(self.rule.params[name])

    # -- reporting ----------------------------------------------------------------------

    def report(
        self, path: KeyPath, message: str, *, hint: str | None = None, anchor: str = "value"
    ) -> Finding:
        """A finding of the current rule at ``path``.

        ``anchor``: ``value`` (the value at path), ``key`` (the key itself: use it for lists
        that lack an entry) or ``parent`` (the mapping that lacks the key at path)."""
        rule = self.rule
        assert rule is not None
        return Finding(
            rule.code,
            rule.severity,
            message,
            rule.fix if hint is None else hint,
            tuple(path),
            anchor=anchor,
        )


def missing(ctx: Context, path: KeyPath, message: str, hint: str | None = None) -> Finding:
    """A finding for a key that is absent: positioned at the mapping that should hold it."""
    return ctx.report(path, message, hint=hint, anchor="parent")


SEVERITY_LETTER = {Severity.ERROR: "E", Severity.WARNING: "W", Severity.INFO: "I"}
