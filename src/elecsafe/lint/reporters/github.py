"""GitHub Actions workflow commands: one annotation per finding.

``::error file=plan.yaml,line=12,col=7,title=MTG001::message``; warnings use ``::warning``
and info ``::notice``. Paths are relative to the repository root, as GitHub expects.
"""

from __future__ import annotations

from elecsafe.findings import Severity
from elecsafe.lint.reporters.paths import relative, repo_root
from elecsafe.lint.runner import LintResult

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: LintResult, *, color: bool = False, width: int | None = None) -> str:
    """``color`` is for terminals: this format has none."""
    root = repo_root(result.loaded.directory.resolve())
    lines = []
    for f in result.findings:
        file = relative(f.file, root) or f.file
        props = [f"file={_property(file)}"]
        if f.line >= 1:
            props += [f"line={f.line}", f"col={max(f.column, 1)}"]
        props.append(f"title={_property(f.code)}")
        message = f"{f.message} ({f.hint})" if f.hint else f.message
        lines.append(f"::{_COMMAND[f.severity]} {','.join(props)}::{_data(message)}\n")
    return "".join(lines)
