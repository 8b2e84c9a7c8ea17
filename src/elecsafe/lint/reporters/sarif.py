"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Every registered rule is described in ``tool.driver.rules`` (summary, rationale, help with
the fix and the guidance it comes from, default level, tags); results point at files relative
to the repository root through ``uriBaseId: %SRCROOT%``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any
from urllib.parse import quote

from elecsafe import __version__
from elecsafe.findings import Finding
from elecsafe.lint.registry import FAMILY_TITLES, Rule, level_of, registry
from elecsafe.lint.reporters.paths import relative, repo_root
from elecsafe.lint.runner import LintResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
# No informationUri / helpUri: elecsafe has no published home page, and each rule's whole help
# (summary, why, fix, failing example) is in the SARIF itself.


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def _help_markdown(rule: Rule) -> str:
    parts = [
        f"**{rule.code} {rule.name}** ({rule.severity.value}, scope {rule.scope})",
        "",
        rule.summary,
        "",
        f"**Why.** {rule.rationale}",
        "",
        f"**Fix.** {rule.fix}",
    ]
    if rule.citations:
        parts += ["", "**Guidance.**", ""]
        parts += [f"- {citation.text}" for citation in rule.citations]
    if rule.bad.yaml:
        parts += ["", "Fails:", "", "```yaml", rule.bad.yaml.rstrip(), "```"]
    return "\n".join(parts)


def describe(rule: Rule) -> dict[str, Any]:
    tags = [FAMILY_TITLES.get(rule.family, rule.family), *rule.tags_cited]
    tags.append("core" if rule.core else "extended")
    if rule.family == "PRV":
        tags.append("privacy")
    return {
        "id": rule.code,
        "name": _pascal(rule.name),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": f"{rule.summary} Fix: {rule.fix}", "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": level_of(rule.severity)},
        "properties": {"tags": tags, "scope": rule.scope, "origin": rule.origin},
    }


def _fingerprint(finding: Finding, uri: str) -> str:
    # Stable when lines move: code, file and key path, not the line number.
    text = f"{finding.code}|{uri}|{finding.dotted_path}|{finding.message}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def document(result: LintResult) -> dict[str, Any]:
    rules = list(registry().values())
    index = {rule.code: n for n, rule in enumerate(rules)}
    root = repo_root(result.loaded.directory.resolve())
    results = []
    for finding in result.findings:
        rel = relative(finding.file, root) if finding.file else None
        artifact: dict[str, Any]
        if rel is not None:
            artifact = {"uri": quote(rel), "uriBaseId": "%SRCROOT%"}
        else:
            artifact = {"uri": quote(finding.file or "plan.yaml")}
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if finding.line >= 1:
            physical["region"] = {
                "startLine": finding.line,
                "startColumn": max(finding.column, 1),
            }
        entry: dict[str, Any] = {
            "ruleId": finding.code,
            "level": level_of(finding.severity),
            "message": {"text": f"{finding.message}. {finding.hint}".rstrip(". ") + "."},
            "locations": [{"physicalLocation": physical}],
            "partialFingerprints": {"elecsafeFinding/v1": _fingerprint(finding, artifact["uri"])},
        }
        if finding.code in index:
            entry["ruleIndex"] = index[finding.code]
        results.append(entry)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "elecsafe",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [describe(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(result: LintResult, *, color: bool = False, width: int | None = None) -> str:
    """``color`` is for terminals: this format has none."""
    return json.dumps(document(result), indent=2, ensure_ascii=False) + "\n"
