"""``path:L:C: CODE message`` — one line per finding, for editors and grep."""

from __future__ import annotations

from elecsafe.lint.runner import LintResult


def render(result: LintResult, *, color: bool = False, width: int | None = None) -> str:
    """``color`` is for terminals: this format has none."""
    return "".join(f"{f.file}:{f.line}:{f.column}: {f.code} {f.message}\n" for f in result.findings)
