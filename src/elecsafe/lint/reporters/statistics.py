"""``--statistics``: how many findings of each code, most frequent first (as ruff prints it)."""

from __future__ import annotations

from elecsafe.lint.context import SEVERITY_LETTER
from elecsafe.lint.registry import registry
from elecsafe.lint.runner import LintResult


def render(result: LintResult, *, color: bool = False, width: int | None = None) -> str:
    """``color`` is for terminals: this format has none."""
    rules = registry()
    counts = sorted(result.by_code().items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(n)) for _, n in counts), default=1)
    lines = []
    for code, count in counts:
        severities = {f.severity for f in result.findings if f.code == code}
        letter = "/".join(sorted(SEVERITY_LETTER[s] for s in severities))
        rule = rules.get(code)
        lines.append(f"{count:>{width}}  {code:<9} [{letter}] {rule.name if rule else ''}".rstrip())
    return "\n".join(lines) + ("\n" if lines else "")
