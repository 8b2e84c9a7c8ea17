"""The incident summary as text (rich), JSON and CSV, for ``elecsafe incidents``.

The summary is for the plan's owners (it may list incident ids to follow up); the public gets
``render threat-summary``, which shows suppressed aggregates only.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from elecsafe.incidents.summary import IncidentSummary
from elecsafe.model.incidents import STATUS_LABELS, TARGET_LABELS
from elecsafe.model.plan import Plan
from elecsafe.model.threat import harm_labels
from elecsafe.sanitize import csv_cell, for_terminal


def to_json(plan: Plan, summary: IncidentSummary) -> str:
    document: dict[str, Any] = {
        "version": 1,
        "plan": plan.id,
        "total": summary.total,
        "first": summary.first.isoformat() if summary.first else None,
        "last": summary.last.isoformat() if summary.last else None,
        "by_harm": summary.by_harm,
        "by_target": summary.by_target,
        "by_site": summary.by_site,
        "by_status": summary.by_status,
        "by_week": [
            {"week": week.isoformat(), "total": sum(c.values()), "by_harm": dict(c)}
            for week, c in summary.by_week.items()
        ],
        "outstanding": [{"id": o.incident_id, "reason": o.reason} for o in summary.outstanding],
        "trend": [
            {"harm": t.harm, "previous": t.previous, "current": t.current, "change": t.change}
            for t in summary.trend
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_csv(plan: Plan, summary: IncidentSummary) -> str:
    """One row per count: ``dimension,key,label,count`` (weeks: ``week,YYYY-MM-DD,harm,n``)."""
    harms = harm_labels(plan.country)
    sites = plan.index().sites
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["dimension", "key", "label", "count"])
    for harm, n in summary.by_harm.items():
        writer.writerow(["harm", harm, harms[harm], n])
    for target, n in summary.by_target.items():
        writer.writerow(["target", target, TARGET_LABELS[target], n])
    for site, n in summary.by_site.items():
        writer.writerow(["site", site, csv_cell(sites[site].name if site in sites else site), n])
    for status, n in summary.by_status.items():
        writer.writerow(["status", status, STATUS_LABELS[status], n])
    for week, counts in summary.by_week.items():
        for harm, n in counts.items():
            writer.writerow(["week", week.isoformat(), harm, n])
    # A byte-order mark so that Excel reads UTF-8 (site names, dashes) correctly.
    return "\ufeff" + out.getvalue()


def _span(summary: IncidentSummary) -> str:
    if summary.first is None or summary.last is None:
        return "no incidents recorded"
    weeks = len(summary.by_week)
    return (
        f"{summary.total} incident{'s' * (summary.total != 1)}, "
        f"{summary.first.isoformat()} to {summary.last.isoformat()} "
        f"({weeks} week{'s' * (weeks != 1)})"
    )


def print_text(console: Console, plan: Plan, summary: IncidentSummary) -> None:
    harms = harm_labels(plan.country)
    console.print(
        f"[bold]Incident log[/bold]: {_span(summary)} · {summary.open_count} open · "
        f"{len(summary.outstanding)} outstanding"
    )
    if not summary.total:
        return
    previous = {t.harm: t for t in summary.trend}
    table = Table(title="By harm", title_justify="left", show_edge=False)
    table.add_column("Harm", overflow="fold")
    table.add_column("Count", justify="right")
    if previous:
        table.add_column("Last election", justify="right")
        table.add_column("Change", justify="right")
    for harm, n in summary.by_harm.items():
        row = [harms[harm], str(n)]
        if previous:
            t = previous.get(harm)
            row += [str(t.previous), f"{t.change:+d}"] if t else ["0", "+0"]
        table.add_row(*row)
    console.print(table)

    targets = Table(title="By target", title_justify="left", show_edge=False)
    targets.add_column("Target")
    targets.add_column("Count", justify="right")
    for target, n in summary.by_target.items():
        targets.add_row(TARGET_LABELS[target], str(n))
    console.print(targets)

    if summary.by_site:
        sites = plan.index().sites
        by_site = Table(title="By site", title_justify="left", show_edge=False)
        by_site.add_column("Site", overflow="fold")
        by_site.add_column("Count", justify="right")
        for site, n in summary.by_site.items():
            by_site.add_row(
                escape(for_terminal(sites[site].name if site in sites else site)), str(n)
            )
        console.print(by_site)

    weeks = Table(title="Per week (week starting)", title_justify="left", show_edge=False)
    weeks.add_column("Week")
    weeks.add_column("Count", justify="right")
    weeks.add_column("Harms", overflow="fold")
    for week, counts in summary.by_week.items():
        detail = ", ".join(f"{harms[h]} {n}" for h, n in counts.most_common())
        weeks.add_row(week.isoformat(), str(sum(counts.values())), detail)
    console.print(weeks)

    if summary.outstanding:
        console.print("[bold]Outstanding[/bold]")
        for item in summary.outstanding:
            console.print(f"  {item.incident_id}: {item.reason}", markup=False)
