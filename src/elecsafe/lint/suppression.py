"""Inline suppressions: ``# elecsafe: ignore[CODE] reason``.

The comment suppresses findings of ``CODE`` (several: ``ignore[MTG001, MTG002]``) reported on
its own line (a trailing comment) or, written on a line of its own, on the next line that is
not a comment. A suppression that suppresses nothing is itself a finding (LINT001), so stale
suppressions do not pile up; one without a reason is LINT003.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from elecsafe.findings import Finding, Severity
from elecsafe.lint.config import is_unsuppressible
from elecsafe.lint.registry import registry

_COMMENT = re.compile(r"#\s*elecsafe\s*:\s*ignore\[([^\]]*)\]([^\n]*)")
_CODE = re.compile(r"^[A-Z]{2,8}[0-9]{0,3}$")


@dataclass
class Suppression:
    file: str
    line: int  # where the comment is
    column: int
    target: int  # the line it applies to
    codes: tuple[str, ...]
    reason: str
    used: set[str] = field(default_factory=set)


def parse_suppressions(shown: str, text: str) -> list[Suppression]:
    found: list[Suppression] = []
    pending: list[Suppression] = []  # full-line comments waiting for the next content line
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            match = _COMMENT.search(line) if stripped else None
            if match:
                pending.append(_make(shown, number, match, target=0))
            continue
        for suppression in pending:
            suppression.target = number
        found += pending
        pending = []
        match = _COMMENT.search(line)
        if match and _outside_quotes(line, match.start()):
            found.append(_make(shown, number, match, target=number))
    for suppression in pending:  # a comment at the end of the file applies to nothing
        suppression.target = -1
    return found + pending


def _make(shown: str, number: int, match: re.Match[str], target: int) -> Suppression:
    codes = tuple(c.strip().upper() for c in match.group(1).split(",") if c.strip())
    return Suppression(shown, number, match.start() + 1, target, codes, match.group(2).strip())


def _outside_quotes(line: str, index: int) -> bool:
    """A ``#`` inside a quoted scalar is text, not a comment."""
    before = line[:index]
    return before.count('"') % 2 == 0 and before.count("'") % 2 == 0


def read_suppressions(files: Iterable[tuple[str, Path]]) -> list[Suppression]:
    found: list[Suppression] = []
    for shown, path in files:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # the loader has already reported an unreadable file
        if "elecsafe" in text:
            found += parse_suppressions(shown, text)
    return found


def apply_suppressions(
    findings: list[Finding], suppressions: list[Suppression], active: Callable[[str], bool]
) -> list[Finding]:
    """Drop suppressed findings; add LINT001/LINT003 for suppressions that need attention.

    ``active(code)`` says whether the code was checked in this run: a suppression of a rule
    that did not run (another country, not selected) is not reported as unused."""
    by_line: dict[tuple[str, int], list[Suppression]] = {}
    for suppression in suppressions:
        by_line.setdefault((suppression.file, suppression.target), []).append(suppression)
    kept: list[Finding] = []
    for finding in findings:
        hit = None
        for suppression in by_line.get((finding.file, finding.line), ()):
            if (
                finding.code in suppression.codes
                and finding.code != "INTERNAL"
                and not is_unsuppressible(finding.code)
            ):
                hit = suppression
                break
        if hit is None:
            kept.append(finding)
        else:
            hit.used.add(finding.code)
    rules = registry()
    for suppression in suppressions:
        where = (suppression.file, suppression.line, suppression.column)
        if not suppression.codes:
            kept.append(_finding("LINT003", "suppression names no rule code", *where))
            continue
        for code in suppression.codes:
            if is_unsuppressible(code):
                kept.append(
                    _finding(
                        "LINT003",
                        f"{code} cannot be suppressed: privacy rules are not suppressible",
                        *where,
                        hint=f"remove the suppression and fix what {code} reports",
                    )
                )
                continue
            if not _CODE.match(code) or code not in rules:
                kept.append(
                    _finding("LINT003", f"suppression names unknown rule code '{code}'", *where)
                )
            elif code not in suppression.used and active(code):
                kept.append(
                    Finding(
                        "LINT001",
                        Severity.WARNING,
                        f"suppression of {code} suppresses nothing",
                        "remove the comment (or the code from it): the finding is gone",
                    ).at(*where)
                )
        if not suppression.reason:
            kept.append(
                _finding(
                    "LINT003",
                    "suppression without a reason",
                    *where,
                    hint="say why after the bracket: # elecsafe: ignore[CODE] reason",
                )
            )
    return kept


def _finding(
    code: str,
    message: str,
    file: str,
    line: int,
    column: int,
    hint: str = "write # elecsafe: ignore[CODE] reason with codes from `elecsafe rules`",
) -> Finding:
    return Finding(code, Severity.WARNING, message, hint).at(file, line, column)
