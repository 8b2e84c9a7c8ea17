"""Human output: findings grouped by file, each with its fix hint, then the readiness summary
and a count line."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from elecsafe.findings import Severity
from elecsafe.lint.readiness import line as readiness_line
from elecsafe.lint.runner import LintResult

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_text(result: LintResult, console: Console) -> None:
    current_file = None
    for finding in result.findings:
        if finding.file != current_file:
            current_file = finding.file
            console.print(Text(finding.file, style="bold underline"))
        line = Text("  ")
        line.append(f"{finding.line}:{finding.column}".ljust(9))
        line.append(f"{finding.severity.value:<8}", style=_STYLE[finding.severity])
        line.append(f"{finding.code:<9}", style="bold")
        line.append(finding.message)
        console.print(line)
        if finding.hint:
            console.print(Text(f"{'':<28}hint: {finding.hint}", style="dim"))
    if result.readiness or result.placeholders:
        if result.findings:
            console.print()
        summary = Text("readiness: ", style="bold")
        summary.append(readiness_line(result.readiness, result.placeholders))
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


def render(result: LintResult, *, color: bool = False) -> str:
    console = Console(
        record=True,
        width=120,
        highlight=False,
        soft_wrap=True,
        force_terminal=color,
        color_system="standard" if color else None,
    )
    with console.capture() as capture:
        print_text(result, console)
    return capture.get()
