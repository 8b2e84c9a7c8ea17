"""Counts of the incident log for the debrief and the threat summary (aggregates only)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from elecsafe.dates.style import day_month
from elecsafe.model.incidents import STATUS_LABELS, TARGET_LABELS
from elecsafe.render.documents.sources import Sources

if TYPE_CHECKING:
    from elecsafe.incidents.summary import IncidentSummary


def incident_counts(src: Sources) -> dict[str, Any]:
    """Counts by harm and week from the incident log (aggregates only: the log itself is
    restricted). Below the internal edition small numbers are suppressed."""
    from elecsafe.incidents.summary import summarise, suppress_small
    from elecsafe.model.threat import harm_labels

    summary = summarise(src.plan)
    public = src.audience != "internal"
    harms = harm_labels(src.plan.country)
    by_harm = suppress_small(summary.by_harm) if public else dict(summary.by_harm)
    weeks = {w.isoformat(): sum(c.values()) for w, c in summary.by_week.items()}
    shown_weeks: dict[str, int | None] = suppress_small(weeks) if public else dict(weeks)
    return {
        **_incident_weeks(src, summary, shown_weeks, harms),
        "incident_total": summary.total,
        "incidents_by_harm": [{"harm": harms[h], "count": n} for h, n in by_harm.items()],
        "incidents_by_week": [
            {"week": src.date(date.fromisoformat(w)), "count": n} for w, n in shown_weeks.items()
        ],
        "incidents_by_target": (
            [
                {"target": TARGET_LABELS[t], "count": n}
                for t, n in (
                    suppress_small(summary.by_target) if public else summary.by_target
                ).items()
            ]
        ),
        "incidents_by_status": (
            []
            if src.audience == "public"
            else [
                {"status": STATUS_LABELS[k], "count": n}
                for k, n in sorted(summary.by_status.items(), key=lambda kv: -kv[1])
            ]
        ),
    }


def _incident_weeks(
    src: Sources,
    summary: IncidentSummary,
    shown_weeks: dict[str, int | None],
    harms: dict[str, str],
) -> dict[str, Any]:
    """Incidents per week: by harm in the internal edition (a table and stacked bars); in
    the others the weekly totals as published (small numbers withheld), never split by
    harm, since a split next to the totals would let a withheld count be worked out."""
    from elecsafe.render.barchart import Series, WeeklyChart

    if not shown_weeks:
        return {"incidents_by_week_harm": [], "figures": []}
    if src.audience == "internal":
        present = [h for h in harms if any(c[h] for c in summary.by_week.values())]
        rows = [
            {
                "week": src.date(week),
                "total": sum(counts.values()),
                "harms": "; ".join(f"{harms[h]}: {counts[h]}" for h in present if counts[h]),
            }
            for week, counts in summary.by_week.items()
        ]
        series = tuple(
            Series(harms[h], tuple(c[h] for c in summary.by_week.values())) for h in present
        )
        what = "by harm"
    else:
        present, rows = [], []
        series = (Series("Incidents", tuple(shown_weeks.values())),)
        what = "in total"
    labels = tuple(day_month(date.fromisoformat(w), src.plan.country) for w in shown_weeks)
    first, last = next(iter(shown_weeks)), list(shown_weeks)[-1]
    description = (
        f"Bar chart: incidents recorded per week {what}, {len(shown_weeks)} weeks from the "
        f"week starting {src.date(date.fromisoformat(first))} to the week starting "
        f"{src.date(date.fromisoformat(last))}."
    )
    return {
        "incidents_by_week_harm": rows,
        "figures": [WeeklyChart(labels, series, description)],
    }
