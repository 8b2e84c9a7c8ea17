"""Codes about the checking itself: suppressions, waivers, configuration, internal errors."""

from __future__ import annotations

from elecsafe.findings import Severity
from elecsafe.lint.registry import Example, Rule

W, E = Severity.WARNING, Severity.ERROR

LINT001 = Rule(
    code="LINT001",
    name="unused-suppression",
    severity=W,
    scope="all",
    origin="runner",
    summary="Every `# elecsafe: ignore[CODE]` comment and every waiver suppresses a finding.",
    rationale=(
        "A suppression outlives the problem it excused; left in place it would silently hide "
        "the next, different problem on that line."
    ),
    fix="Remove the comment or waiver (or the code from it).",
    bad=Example(
        "jurisdictions:\n  - id: north  # elecsafe: ignore[REF001] legacy id\n"
        "    name: North\n    kind: ward\n",
        problems=((2, 16),),
    ),
    good=Example("jurisdictions:\n  - id: north\n    name: North\n    kind: ward\n"),
)

LINT002 = Rule(
    code="LINT002",
    name="expired-waiver",
    severity=W,
    scope="all",
    origin="runner",
    summary="Waivers in the `lint:` block (or .elecsafe.yaml) have not expired.",
    rationale=(
        "A waiver accepts a known gap for a while, with a reason; S001 Introduction: agencies "
        "'revisit and update' their arrangements, so an accepted gap must come back for review."
    ),
    fix="Fix the findings the waiver covered, or renew it with a new 'until' and reason.",
    bad=Example(
        "lint:\n  waivers:\n    - code: MTG011\n      reason: review meeting date not agreed\n"
        "      until: 2026-01-31\n",
        problems=((3, 7),),
    ),
    good=Example(
        "lint:\n  waivers:\n    - code: MTG011\n      reason: review meeting date not agreed\n"
        "      until: 2027-06-30\n"
    ),
)

LINT003 = Rule(
    code="LINT003",
    name="valid-lint-config",
    severity=W,
    scope="all",
    origin="runner",
    summary="Suppressions and the lint configuration name real rule codes and parameters, "
    "with a reason.",
    rationale="A misspelt code in a suppression or in `ignore` does nothing, which is worse "
    "than an error: the reader believes a decision was recorded.",
    fix="Use codes and parameter names from `elecsafe rules` / `elecsafe rule CODE`.",
    bad=Example("lint:\n  ignore: [MTG999]\n", problems=((2, 12),)),
    good=Example("lint:\n  ignore: [MTG012]\n"),
)

INTERNAL = Rule(
    code="INTERNAL",
    name="internal-error",
    severity=E,
    scope="all",
    origin="runner",
    summary="A rule stopped on data it did not expect; its checks did not run.",
    rationale="A check that did not run must not look like a check that passed, so the run "
    "fails and names the rule; the message never quotes plan values.",
    fix="Report it to the elecsafe developers with the rule code; the other rules ran normally.",
    bad=Example(""),
    good=Example(""),
)

RULES: tuple[Rule, ...] = (LINT001, LINT002, LINT003, INTERNAL)
