"""Human output: findings grouped by file, each with its fix hint, then a summary line."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from elecsafe.findings import Severity
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
        line.append(f"{finding.code:<8}", style="bold")
        line.append(finding.message)
        console.print(line)
        if finding.hint:
            console.print(Text(f"{'':<27}hint: {finding.hint}", style="dim"))
    errors, warnings, infos = (result.count(s) for s in Severity)
    plan = result.loaded.plan
    name = plan.id if plan else str(result.loaded.plan_file)
    if not result.findings:
        console.print(Text(f"✓ {name}: no problems found", style="bold green"))
        return
    summary = Text()
    summary.append(f"{name}: ")
    summary.append(f"{errors} error(s)", style=_STYLE[Severity.ERROR] if errors else "")
    summary.append(f", {warnings} warning(s), {infos} info")
    console.print(summary)
