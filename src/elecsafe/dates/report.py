"""The resolved timetable as rows: for ``elecsafe timetable`` (table, JSON, CSV)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from elecsafe.dates import clockchange
from elecsafe.dates.resolver import ResolvedItem, ResolvedTimetable
from elecsafe.findings import Finding

if TYPE_CHECKING:
    from rich.console import Console

    from elecsafe.model.plan import Plan

CSV_COLUMNS = (
    "date",
    "end",
    "time",
    "offset",
    "id",
    "kind",
    "title",
    "owner",
    "status",
    "statutory",
    "election",
    "occurrences",
)
_FREQUENCY = {
    ("DAILY", 1): "daily",
    ("WEEKLY", 1): "weekly",
    ("WEEKLY", 2): "fortnightly",
    ("MONTHLY", 1): "monthly",
}


def _iso(value: date | datetime) -> str:
    return value.isoformat()


def time_text(item: ResolvedItem) -> str:
    """``16:00`` for a deadline, ``10:00–11:00`` for a timed item, empty for all-day."""
    if isinstance(item.start, datetime) and isinstance(item.end, datetime):
        start, end = item.start, item.end
        if (
            start.utcoffset() != end.utcoffset()
            or clockchange.problem(start)
            or clockchange.problem(end)
        ):  # across a clock change: the zone names keep the duration honest (00:30 BST–01:30 GMT)
            return f"{start:%H:%M} {start:%Z}–{end:%H:%M} {end:%Z}"
        return f"{start:%H:%M}–{end:%H:%M}"
    return item.time or ""


def date_text(item: ResolvedItem) -> str:
    text = f"{item.day:%a %d %b %Y}"
    if item.window:
        text += f" – {item.last_day:%a %d %b %Y}"
    return text


def repeat_text(item: ResolvedItem) -> str:
    if item.recurrence is None:
        return ""
    every = _FREQUENCY.get((item.recurrence.freq, item.recurrence.interval), "repeating")
    return f"{every}, {len(item.occurrences)}× until {item.last_day:%a %d %b}"


def item_record(item: ResolvedItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "start": _iso(item.start),
        "end": _iso(item.end),
        "all_day": item.all_day,
        "time": item.time,
        "offset": item.offset_label,
        "owner": item.owner,
        "participants": list(item.participants),
        "status": item.status,
        "statutory": item.statutory_key,
        "election": item.election,
        "window": item.window,
        "occurrences": [_iso(o) for o in item.occurrences],
    }


def finding_record(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "hint": finding.hint,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "path": finding.dotted_path,
    }


def to_json(plan: Plan, resolved: ResolvedTimetable, findings: list[Finding]) -> str:
    document = {
        "plan": plan.id,
        "timezone": plan.timezone,
        "poll_date": resolved.poll_date.isoformat() if resolved.poll_date else None,
        "items": [item_record(i) for i in resolved.items],
        "findings": [finding_record(f) for f in findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# A UTF-8 byte-order mark: without it Excel reads the file as a legacy code page and shows
# "10:00â€“13:00" for "10:00–13:00". Read the file back with encoding="utf-8-sig".
CSV_BOM = "\ufeff"
# OWASP "CSV Injection": a spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """One CSV cell as text a spreadsheet shows and never executes: a leading single quote
    before a formula character (OWASP); the writer quotes every cell."""
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def to_csv(resolved: ResolvedTimetable) -> str:
    """The timetable as CSV for spreadsheets: BOM, a header row, every cell quoted and
    neutralised (:func:`csv_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for item in resolved.items:
        row = [
            item.day.isoformat(),
            item.last_day.isoformat() if item.window else "",
            time_text(item),
            item.offset_label,
            item.id,
            item.kind,
            item.title,
            item.owner or "",
            item.status,
            item.statutory_key or "",
            item.election or "",
            len(item.occurrences),
        ]
        writer.writerow([csv_cell(cell) for cell in row])
    return CSV_BOM + out.getvalue()


def print_table(console: Console, plan: Plan, resolved: ResolvedTimetable) -> None:
    """A rich table sorted by date; items already past ``resolved.today`` are dimmed."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"{plan.title} — timetable ({plan.timezone})"), title_justify="left")
    for column in ("Date", "Time", "Offset", "Item", "Owner", "Status"):
        table.add_column(column, no_wrap=column in ("Date", "Time", "Offset"))
    for item in resolved.items:
        title = Text(item.title)
        extra = repeat_text(item)
        if extra:
            title.append(f" ({extra})", style="italic")
        past = item.last_day < resolved.today
        table.add_row(
            Text(date_text(item)),
            Text(time_text(item)),
            Text(item.offset_label),
            title,
            Text(item.owner or "—"),
            Text(item.status),
            style="dim" if past else None,
        )
    console.print(table)
    if not resolved.items:
        console.print("no dated items in the timetable")
