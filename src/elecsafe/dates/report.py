"""The resolved timetable as rows: for ``elecsafe timetable`` (table, JSON, CSV)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from elecsafe.dates import clockchange
from elecsafe.dates.resolver import ResolvedItem, ResolvedTimetable
from elecsafe.dates.style import compact
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
    text = compact(item.day)
    if item.window:
        text += f" – {compact(item.last_day)}"
    return text


def repeat_text(item: ResolvedItem) -> str:
    if item.recurrence is None:
        return ""
    every = _FREQUENCY.get((item.recurrence.freq, item.recurrence.interval), "repeating")
    return f"{every}, {len(item.occurrences)}× until {compact(item.last_day, year=False)}"


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


def to_csv(resolved: ResolvedTimetable) -> str:
    """The timetable as CSV for spreadsheets: BOM, a header row, every cell quoted and
    neutralised (:func:`elecsafe.sanitize.csv_cell`)."""
    from elecsafe.sanitize import csv_cell

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


COMPACT_BELOW = 120  # columns: narrower terminals get the compact layout
NARROW_BELOW = 72  # columns: too narrow for four columns; owner and status go under the title
MIN_COLUMN = 10
OWNER_WIDTH = 16


def compact_date_text(item: ResolvedItem) -> str:
    """``31 Mar 2027``; a window on two lines (``31 Mar 2027`` / ``–02 Apr 2027``)."""
    text = compact(item.day, weekday=False)
    if item.window:
        text += f"\n–{compact(item.last_day, weekday=False)}"
    return text


def wrap_id(text: str, width: int) -> str:
    """An id wrapped after its hyphens (``electoral-services-`` / ``manager``), never inside a
    word, so a narrow column does not cut it at an arbitrary letter."""
    lines: list[str] = []
    current = ""
    for piece in text.replace("-", "-\0").split("\0"):
        if current and len(current) + len(piece) > width:
            lines.append(current)
            current = piece
        else:
            current += piece
    lines.append(current)
    return "\n".join(lines)


def print_table(
    console: Console, plan: Plan, resolved: ResolvedTimetable, *, compact: bool = False
) -> None:
    """A rich table sorted by date; items already past ``resolved.today`` are dimmed.

    The full layout has a column each for date, time and offset; the COMPACT one (for
    terminals under 120 columns) stacks them in one "When" cell (``08 Apr 2027`` / ``16:00`` /
    ``E−19wd``) and drops the frame, so titles keep the room: at 80 columns no column is
    narrower than 10 characters, and titles wrap between words."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from elecsafe.sanitize import for_terminal  # plan text: an ESC in a title is shown, not run

    title = Text(f"{for_terminal(plan.title)} — timetable ({plan.timezone})")
    # under NARROW_BELOW, four columns would not fit and rich would drop the titles' column:
    # two columns, the status under the date and the owner under the title
    narrow = compact and console.width < NARROW_BELOW
    if compact:
        table = Table(
            title=title,
            title_justify="left",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            leading=1,  # a blank line between items: their cells run over several lines
        )
        table.add_column("When", no_wrap=True, min_width=12)
        table.add_column("Item", min_width=MIN_COLUMN, ratio=1)
        if not narrow:
            table.add_column("Owner", no_wrap=True, min_width=MIN_COLUMN)
            table.add_column("Status", no_wrap=True, min_width=MIN_COLUMN)
    else:
        table = Table(title=title, title_justify="left")
        for column in ("Date", "Time", "Offset", "Item", "Owner", "Status"):
            table.add_column(column, no_wrap=column in ("Date", "Time", "Offset"))
    for item in resolved.items:
        name = Text(for_terminal(item.title))
        extra = repeat_text(item)
        if extra:
            name.append(f" ({extra})", style="italic")
        style = "dim" if item.last_day < resolved.today else None
        owner = for_terminal(item.owner or "—")
        if compact:
            when = "\n".join(
                part
                for part in (
                    compact_date_text(item),
                    time_text(item),
                    item.offset_label,
                    item.status if narrow else "",
                )
                if part
            )
            if narrow:
                item_width = console.width - 16  # the When column and the padding
                name.append("\n" + wrap_id(owner, max(MIN_COLUMN, item_width)), style="italic")
                cells = [Text(when), name]
            else:
                cells = [Text(when), name, Text(wrap_id(owner, OWNER_WIDTH)), Text(item.status)]
        else:
            cells = [
                Text(date_text(item)),
                Text(time_text(item)),
                Text(item.offset_label),
                name,
                Text(owner),
                Text(item.status),
            ]
        table.add_row(*cells, style=style)
    console.print(table)
    if not resolved.items:
        console.print("no dated items in the timetable")
