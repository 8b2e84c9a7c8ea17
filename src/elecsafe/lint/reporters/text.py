"""Human output: findings grouped by file, each with its fix hint, then the readiness summary
and a count line.

Laid out for a WIDTH (the terminal's, see :mod:`elecsafe.terminal`; None for no limit):
messages and hints wrap at word boundaries with a hanging indent under the message column,
and the readiness summary wraps between its entries, never inside one.
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
        candidate = f"{current}{SEPARATOR}{part}" if current else part
        last = part is parts[-1]
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
        line.append(_wrap(finding.message, width, MESSAGE_COLUMN))
        console.print(line)
        if finding.hint:
            hint = _wrap(HINT + finding.hint, width, MESSAGE_COLUMN, len(HINT))
            console.print(Text(" " * MESSAGE_COLUMN + hint, style="dim"))
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
    summary = Text()
    summary.append(f"{name}: ")
    summary.append(f"{errors} error(s)", style=_STYLE[Severity.ERROR] if errors else "")
    summary.append(f", {warnings} warning(s), {infos} info")
    if result.failed:
        summary.append(" — check failed", style="bold")
        if result.options.ready and not errors:
            summary.append(" (--ready: warnings fail)")
        elif result.options.strict and not errors:
            summary.append(" (--strict: warnings fail)")
    console.print(summary)


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
