"""The readiness summary: how far the plan meets each duty, as counts.

"mutual aid topics 9/9 · harms assessed 11/11 · sites assessed 142/142 · critical roles with
deputy 12/14 · meetings with a next meeting 6/7". Each measure counts what the matching rule
checks, so the summary and the findings agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from elecsafe.lint.context import Context


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    done: int
    total: int
    rule: str  # the rule that reports the gaps

    @property
    def complete(self) -> bool:
        return self.done >= self.total

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "label": self.label,
            "done": self.done,
            "total": self.total,
            "rule": self.rule,
        }


def measure(ctx: Context) -> list[Measure]:
    from elecsafe.lint.rules import rol

    out: list[Measure] = []
    done, total = rol.with_deputy(ctx)
    out.append(Measure("critical_roles_with_deputy", "critical roles with deputy", done, total,
                       "ROL011"))  # fmt: skip
    required, exchanged, _ = rol.exchange_pairs(ctx)
    out.append(Measure("mobiles_exchanged", "key contacts with mobiles exchanged", exchanged,
                       required, "ROL009"))  # fmt: skip
    return [m for m in out if m.total]


def line(measures: list[Measure]) -> str:
    return " · ".join(f"{m.label} {m.done}/{m.total}" for m in measures)
