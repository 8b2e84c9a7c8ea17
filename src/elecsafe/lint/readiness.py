"""The readiness summary: how far the plan meets each duty, as counts.

"mutual aid topics 9/9 · harms assessed 11/11 · sites assessed 142/142 · critical roles with
deputy 12/14 · meetings with a next meeting 6/7". Each measure counts what the matching rule
checks, so the summary and the findings agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from elecsafe.findings import Finding, Severity

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
    """Every duty with a count, in a fixed order; a duty with nothing to count is left out
    (no agreements, no sites), except harms and factors, which always count to 11 and 9."""
    from elecsafe.lint.rules import cmd, com, doc, maa, mtg, rol, site, thr

    uk = ctx.country == "GB"
    out: list[Measure] = []

    def add(key: str, label: str, counts: tuple[int, int], rule: str) -> None:
        out.append(Measure(key, label, counts[0], counts[1], rule))

    add("mutual_aid_topics", "mutual aid topics", maa.topic_counts(ctx), "MAA001")
    add("harms_assessed", "harms assessed", thr.harm_counts(ctx), "THR002")
    add("factors_considered", "factors considered", thr.factor_counts(ctx), "THR003")
    add("sites_assessed", "sites assessed", site.assessed_counts(ctx), "SITE001")
    add(
        "sites_with_presence",
        "sites with a police presence level",
        site.presence_counts(ctx),
        "SITE002",
    )
    add("critical_roles_with_deputy", "critical roles with deputy", rol.with_deputy(ctx), "ROL011")
    add(
        "meetings_with_next", "meetings with a next meeting", mtg.next_meeting_counts(ctx), "MTG001"
    )
    required, done, _ = rol.exchange_pairs(ctx)
    add("mobiles_exchanged", "key contacts with mobiles exchanged", (done, required), "ROL009")
    add(
        "threat_channels_complete", "threat channels complete", com.complete_channels(ctx), "COM001"
    )
    if uk:
        settled, absent = cmd.functional_bronzes(ctx, ready=True)
        add(
            "functional_bronzes",
            "functional bronzes decided",
            (len(settled), len(settled) + len(absent)),
            "CMD003",
        )
        councils, covered = doc.mou_pairs(ctx, ready=True)
        add(
            "mous_with_councils",
            "local authorities with an MoU",
            (sum(1 for _, c in councils if c in covered), len(councils)),
            "DOC001",
        )
    add("mous_signed", "MoUs signed by every party", doc.signed_counts(ctx), "DOC006")
    return [m for m in out if m.total]


SEPARATOR = " · "


def items(measures: list[Measure], placeholders: int = 0) -> list[str]:
    """The entries of the summary line; with placeholders left, "draft: N placeholders" last."""
    parts = [f"{m.label} {m.done}/{m.total}" for m in measures]
    if placeholders:
        parts.append(f"draft: {placeholders} placeholder{'s' if placeholders != 1 else ''}")
    return parts


def line(measures: list[Measure], placeholders: int = 0) -> str:
    """The summary line (the text report wraps it between entries, see ``items``)."""
    return SEPARATOR.join(items(measures, placeholders))


def incomplete(measures: list[Measure]) -> list[Finding]:
    """READY001 for each measure short of complete (``check --ready``), at the top of the plan:
    the rule named in the message reports where the gaps are."""
    return [
        Finding(
            "READY001",
            Severity.ERROR,
            f"not ready: {m.label} {m.done}/{m.total}",
            f"close the gaps {m.rule} reports (`elecsafe check --select {m.rule}`); "
            "an entry that still holds a TODO placeholder counts as not done",
            anchor="key",
        )
        for m in measures
        if not m.complete
    ]
