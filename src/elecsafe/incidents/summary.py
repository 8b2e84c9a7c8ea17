"""Counts and patterns of the incident log: by harm, week, site and target; referrals
outstanding; the trend against the last election's debrief.

Why one module: ``elecsafe incidents``, the debrief's counts, the public threat summary and the
INC rules all count the same log; counted once here they cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from elecsafe.model.incidents import TARGET_LABELS, Incident
from elecsafe.model.plan import Plan
from elecsafe.model.threat import HARMS

# Published counts below this are shown as "fewer than 3" (statistical disclosure control:
# a count of one or two can identify the person it happened to).
SMALL_NUMBER = 3


def week_of(day: date) -> date:
    """The Monday starting the ISO week that holds ``day``."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Outstanding:
    """An open incident that nobody has referred yet, or a follow-up past its due date."""

    index: int  # position in plan.incidents (for key paths; ids are restricted)
    incident_id: str
    reason: str


@dataclass(frozen=True)
class Trend:
    harm: str
    previous: int
    current: int

    @property
    def change(self) -> int:
        return self.current - self.previous


@dataclass(frozen=True)
class IncidentSummary:
    total: int
    first: date | None
    last: date | None
    by_harm: dict[str, int]  # every harm of the assessment, in its order, zeros included
    by_week: dict[date, Counter[str]]  # Monday -> counts by harm, every week from first to last
    by_site: dict[str, int]  # site id -> count (sites only: most incidents have none)
    by_target: dict[str, int]  # every target kind, zeros included
    by_status: dict[str, int]
    outstanding: list[Outstanding] = field(default_factory=list)
    trend: list[Trend] = field(default_factory=list)  # empty without a previous count

    @property
    def open_count(self) -> int:
        return sum(n for s, n in self.by_status.items() if s not in ("closed", "no_further_action"))


def select(plan: Plan, since: date | None = None, until: date | None = None) -> list[Incident]:
    return [
        i
        for i in plan.incidents
        if (since is None or i.reported_on >= since) and (until is None or i.reported_on <= until)
    ]


def summarise(
    plan: Plan,
    *,
    today: date | None = None,
    since: date | None = None,
    previous: Mapping[str, int] | None = None,
) -> IncidentSummary:
    incidents = select(plan, since)
    days = sorted(i.reported_on for i in incidents)
    by_harm = {h: 0 for h in HARMS}
    by_target = {t: 0 for t in TARGET_LABELS}
    by_site: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    by_week: dict[date, Counter[str]] = {}
    if days:
        week = week_of(days[0])
        while week <= days[-1]:
            by_week[week] = Counter()
            week += timedelta(days=7)
    for incident in incidents:
        by_harm[incident.harm] += 1
        by_target[incident.target] += 1
        by_status[incident.status] += 1
        by_week[week_of(incident.reported_on)][incident.harm] += 1
        if incident.site:
            by_site[incident.site] += 1
    trend = (
        [Trend(h, previous.get(h, 0), by_harm[h]) for h in HARMS if previous.get(h) or by_harm[h]]
        if previous is not None
        else []
    )
    return IncidentSummary(
        total=len(incidents),
        first=days[0] if days else None,
        last=days[-1] if days else None,
        by_harm=by_harm,
        by_week=by_week,
        by_site=dict(by_site.most_common()),
        by_target=by_target,
        by_status=dict(by_status),
        outstanding=list(outstanding(plan, today)) if today is not None else [],
        trend=trend,
    )


def outstanding(plan: Plan, today: date) -> Iterable[Outstanding]:
    for index, incident in enumerate(plan.incidents):
        if not incident.is_open:
            continue
        if incident.referral is None:
            yield Outstanding(index, incident.id, "not referred")
        for action in incident.follow_up:
            if action.done_on is None and action.due is not None and action.due < today:
                yield Outstanding(index, incident.id, f"follow-up overdue since {action.due}")


def suppress_small(counts: Mapping[str, int]) -> dict[str, int | None]:
    """Counts fit to publish: 1 and 2 become ``None`` ("fewer than 3"), and when exactly one
    cell is hidden the next smallest is hidden too, so no hidden cell can be worked out from
    the total (complementary suppression)."""
    shown: dict[str, int | None] = {
        k: (None if 0 < n < SMALL_NUMBER else n) for k, n in counts.items()
    }
    hidden = [k for k, v in shown.items() if v is None]
    if len(hidden) == 1:
        visible = sorted((n, k) for k, n in counts.items() if shown[k] is not None and n > 0)
        if visible:
            shown[visible[0][1]] = None
    return shown


def previous_counts(previous: Plan) -> dict[str, int]:
    """The previous election's counts by harm: its debrief's, else its own log's."""
    debrief = previous.debrief
    if debrief is not None and debrief.aggregates is not None and debrief.aggregates.by_harm:
        return {str(k): v for k, v in debrief.aggregates.by_harm.items()}
    return dict(Counter(i.harm for i in previous.incidents))
