"""The ``json`` format: a stable, versioned document for scripts and dashboards.

Shape (version 1; new keys may be added, existing keys keep their meaning)::

    {
      "version": 1,
      "tool": {"name": "elecsafe", "version": "0.1.0"},
      "plan": {"id": "...", "title": "...", "country": "GB", "file": "plan.yaml"} | null-ish,
      "today": "2026-11-22",
      "findings": [
        {"code": "MTG001", "name": "next-meeting", "severity": "error",
         "message": "...", "hint": "...", "file": "plan.yaml", "line": 12, "column": 7,
         "end_line": 12, "end_column": 7, "path": "timetable.meetings[0].next_meeting"}
      ],
      "summary": {"errors": 1, "warnings": 0, "infos": 0, "total": 1, "failed": true,
                  "fail_level": "error", "by_code": {"MTG001": 1}},
      "readiness": [{"key": "...", "label": "...", "done": 6, "total": 7, "rule": "MTG001"}],
      "draft": {"placeholders": 0}
    }

``summary.fail_level`` is ``warning`` under ``--strict`` and ``--ready``; ``summary.ready`` says
whether the run was the ``--ready`` gate. ``draft.placeholders`` counts the TODO values left.

Findings are sorted by file, line, column and code. Messages hold ids and positions only.
"""

from __future__ import annotations

import json
from typing import Any

from elecsafe import __version__
from elecsafe.findings import Severity
from elecsafe.lint.registry import registry
from elecsafe.lint.runner import LintResult

FORMAT_VERSION = 1


def document(result: LintResult) -> dict[str, Any]:
    rules = registry()
    plan = result.loaded.plan
    raw = result.loaded.raw
    findings = []
    for f in result.findings:
        rule = rules.get(f.code)
        findings.append(
            {
                "code": f.code,
                "name": rule.name if rule else "",
                "severity": f.severity.value,
                "message": f.message,
                "hint": f.hint,
                "file": f.file,
                "line": f.line,
                "column": f.column,
                "end_line": f.end_line or f.line,
                "end_column": f.end_column or f.column,
                "path": f.dotted_path,
            }
        )
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "elecsafe", "version": __version__},
        "plan": {
            "id": plan.id if plan else raw.get("id") if isinstance(raw.get("id"), str) else None,
            "title": plan.title if plan else None,
            "country": plan.country if plan else None,
            "file": result.loaded.display_path(result.loaded.plan_file),
        },
        "today": result.today.isoformat(),
        "findings": findings,
        "summary": {
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
            "total": len(result.findings),
            "failed": result.failed,
            "fail_level": result.fail_level.value,
            "by_code": result.by_code(),
            "ready": result.options.ready,
        },
        "readiness": [m.as_dict() for m in result.readiness],
        "draft": {"placeholders": result.placeholders},
    }


def render(result: LintResult, *, color: bool = False, width: int | None = None) -> str:
    """``color`` is for terminals: this format has none."""
    return json.dumps(document(result), indent=2, ensure_ascii=False) + "\n"
