"""Human output: findings grouped by file, each with its fix hint, then the readiness summary
and a count line.

Laid out for a WIDTH (the terminal's, see :mod:`elecsafe.terminal`; None for no limit):
messages and hints wrap at word boundaries with a hanging indent under the message column
(under 60 columns the message starts on the next line, indented), and the readiness summary
wraps between its entries, inside one only when it is longer than a line.
"""

from __future__ import annotations

import textwrap

from rich.console import Console
from rich.text import Text

from elecsafe.findings import Severity
from elecsafe.lint.readiness import SEPARATOR
from elecsafe.lint.readiness import items as readiness_items
from elecsafe.lint.runner import LintResult

MESSAGE_COLUMN = 28  # "  12:5     warning TT001    " then the message
NARROW_BELOW = 60  # columns: the message goes under the position, so it keeps the room
NARROW_INDENT = 4
HINT = "hint: "
READINESS = "readiness: "


def _wrap(text: str, width: int | None, indent: int, hang: int = 0) -> str:
    """TEXT wrapped at word boundaries for a line starting at column INDENT, continuation lines
    indented by INDENT + HANG; words longer than a line stay whole."""
    if width is None:
        return text
    lines = textwrap.wrap(
        text,
        width=max(width, indent + hang + 20),
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + hang),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return "\n".join(lines)[indent:] if lines else ""


def _pack(parts: list[str], width: int | None, indent: int) -> str:
    """PARTS joined by the readiness separator, a new line (indented) only between parts."""
    if width is None:
        return SEPARATOR.join(parts)
    lines: list[str] = []
    current = ""
    for part in parts:
        last = part is parts[-1]
        mark = 0 if last else len(SEPARATOR.rstrip())
        if indent + len(part) + mark > width:  # longer than a line: wrapped between words
            part = _wrap(part, width - mark, indent, 2)
        candidate = f"{current}{SEPARATOR}{part}" if current else part
        if current and indent + len(candidate) + (0 if last else len(SEPARATOR.rstrip())) > width:
            lines.append(current + SEPARATOR.rstrip())
            current = part
        else:
            current = candidate
    lines.append(current)
    return ("\n" + " " * indent).join(lines)


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_text(result: LintResult, console: Console, width: int | None = None) -> None:
    current_file = None
    for finding in result.findings:
        if finding.file != current_file:
            current_file = finding.file
            console.print(Text(finding.file, style="bold underline"))
        line = Text("  ")
        line.append(f"{finding.line}:{finding.column} ".ljust(9))
        line.append(f"{finding.severity.value:<8}", style=_STYLE[finding.severity])
        line.append(f"{finding.code} ".ljust(9), style="bold")
        column = MESSAGE_COLUMN
        if width is not None and width < NARROW_BELOW:  # 28 columns would leave too little
            column = NARROW_INDENT
            line.rstrip()  # in place: no padding after the code
            console.print(line)
            line = Text(" " * column)
        line.append(_wrap(finding.message, width, column))
        console.print(line)
        if finding.hint:
            hint = _wrap(HINT + finding.hint, width, column, len(HINT))
            console.print(Text(" " * column + hint, style="dim"))
    if result.readiness or result.placeholders:
        if result.findings:
            console.print()
        summary = Text(READINESS, style="bold")
        parts = readiness_items(result.readiness, result.placeholders)
        summary.append(_pack(parts, width, len(READINESS)))
        console.print(summary)
    errors, warnings, infos = (result.count(s) for s in Severity)
    plan = result.loaded.plan
    name = plan.id if plan else str(result.loaded.display_path(result.loaded.plan_file))
    if not result.findings:
        console.print(Text(f"✓ {name}: no problems found", style="bold green"))
        return
    counts = Text()
    counts.append(f"{errors} error(s)", style=_STYLE[Severity.ERROR] if errors else "")
    counts.append(f", {warnings} warning(s), {infos} info")
    if result.failed:
        counts.append(" — check failed", style="bold")
        if result.options.ready and not errors:
            counts.append(" (--ready: warnings fail)")
        elif result.options.strict and not errors:
            counts.append(" (--strict: warnings fail)")
    fits = width is None or len(name) + 2 + len(counts) <= width
    console.print(Text(f"{name}:" + (" " if fits else "\n  ")) + counts)


def render(result: LintResult, *, color: bool = False, width: int | None = None) -> str:
    """The report as text, wrapped for WIDTH columns (None: no wrapping, as in a pipe)."""
    console = Console(
        record=True,
        width=10_000,  # the lines are wrapped above; rich must not fold them again
        highlight=False,
        soft_wrap=True,
        force_terminal=color,
        color_system="standard" if color else None,
    )
    with console.capture() as capture:
        print_text(result, console, width)
    return capture.get()
