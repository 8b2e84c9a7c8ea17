"""Rule documentation from the registry: the ``rules`` table, ``rule CODE`` text, the json
listing and ``docs/rules.md`` (generated; a test keeps the file in sync)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from elecsafe.guidance import PUBLICATIONS
from elecsafe.lint.examples import BASE_GB, BASE_US, country_of
from elecsafe.lint.rule import FAMILY_TITLES, Example, Rule

JSON_SHAPE = """\
```json
{
  "version": 1,
  "tool": {"name": "elecsafe", "version": "0.1.0"},
  "plan": {"id": "cedar-river-2028-general", "title": "...", "country": "US", "file": "plan.yaml"},
  "today": "2026-11-22",
  "findings": [
    {"code": "MTG001", "name": "next-meeting", "severity": "error",
     "message": "meeting 'intro' has no next_meeting (and is not final)",
     "hint": "Set next_meeting to a later meeting id or date, ...",
     "file": "timetable.yaml", "line": 12, "column": 7, "end_line": 12, "end_column": 7,
     "path": "timetable.meetings[0].next_meeting"}
  ],
  "summary": {"errors": 1, "warnings": 0, "infos": 0, "total": 1, "failed": true,
              "fail_level": "error", "by_code": {"MTG001": 1}, "ready": false},
  "readiness": [{"key": "meetings_with_next", "label": "meetings with a next meeting",
                 "done": 6, "total": 7, "rule": "MTG001"}],
  "draft": {"placeholders": 0}
}
```

Findings are sorted by file, line, column and code; messages name ids and keys, never the
value of a field. `summary.fail_level` is `warning` under `--strict` and `--ready`;
`summary.ready` is true for a `check --ready` run; `draft.placeholders` counts the TODO values
still in the plan. `plan.title` and `plan.country` are null when the plan does not load.

"""

ORIGIN_NOTE = {
    "loader": "reported while reading the plan",
    "resolver": "reported by the timetable resolver",
    "runner": "reported by the checker itself",
    "rule": "",
}


def _example(rule: Rule, example: Example) -> dict[str, Any]:
    return {
        "country": country_of(rule, example),
        "yaml": example.yaml,
        "files": dict(example.files),
        "problems": [list(p) for p in example.problems],
    }


def rule_dict(rule: Rule) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "family": rule.family,
        "severity": rule.severity.value,
        "scope": rule.scope,
        "core": rule.core,
        "fixable": rule.fixable,
        "origin": rule.origin,
        "summary": rule.summary,
        "rationale": rule.rationale,
        "sources": rule.sources,
        "guidance": [
            {
                "publication": c.publication.key,
                "section": c.section,
                "reference": c.text,
            }
            for c in rule.citations
        ],
        "fix": rule.fix,
        "params": dict(rule.params),
        "examples": {"failing": _example(rule, rule.bad), "passing": _example(rule, rule.good)},
    }


def rules_json(rules: Iterable[Rule]) -> str:
    return (
        json.dumps(
            {"version": 1, "rules": [rule_dict(r) for r in rules]}, indent=2, ensure_ascii=False
        )
        + "\n"
    )


def print_table(rules: Iterable[Rule]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for column in ("Code", "Name", "Sev", "Scope", "Set", "Fix"):
        table.add_column(column, no_wrap=True)
    table.add_column("Checks", overflow="fold", min_width=30)
    for rule in rules:
        table.add_row(
            rule.code,
            rule.name,
            rule.severity.value,
            rule.scope,
            "core" if rule.core else "extended",
            "fix" if rule.fixable else "",
            rule.summary,
        )
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = 160
    console.print(table)


def _indent(text: str, prefix: str = "    ") -> str:
    return "".join(prefix + line + "\n" for line in text.rstrip("\n").splitlines())


def _example_text(example: Example) -> str:
    out = _indent(example.yaml) if example.yaml else "    (no YAML: see the description)\n"
    for name, text in example.files.items():
        out += f"  with {name}:\n" + _indent(text)
    return out


def explain(rule: Rule) -> str:
    head = f"{rule.code}  {rule.name}  ({rule.severity.value} · scope {rule.scope} · "
    head += "core set" if rule.core else "extended: enable with `lint: {extended: true}`"
    head += " · fixable by `elecsafe fix`" if rule.fixable else ""
    head += ")\n"
    parts = [head, "What\n", _indent(rule.summary), "Why\n", _indent(rule.rationale)]
    if rule.citations:
        parts += ["Guidance\n", _indent("\n".join(c.text for c in rule.citations))]
    if ORIGIN_NOTE[rule.origin]:
        parts += ["Reported\n", _indent(ORIGIN_NOTE[rule.origin])]
    if rule.bad.yaml or rule.bad.files:
        where = ", ".join(
            f"{p[0]}:{p[1]}:{p[2]}" if len(p) == 3 else f"example.yaml:{p[0]}:{p[1]}"
            for p in rule.bad.problems
        )
        parts += [f"Fails{' at ' + where if where else ''}\n", _example_text(rule.bad)]
        parts += ["Passes\n", _example_text(rule.good)]
    parts += ["Fix\n", _indent(rule.fix)]
    if rule.params:
        settings = ", ".join(f"{k} = {v}" for k, v in rule.params.items())
        parts += ["Parameters\n", _indent(f"{settings}  (lint: params: {rule.code}: {{...}})")]
    parts += ["Suppress\n", _indent(f"# elecsafe: ignore[{rule.code}] reason")]
    return "".join(parts)


def _md_example(title: str, example: Example) -> str:
    out = f"{title}:\n\n```yaml\n{example.yaml.rstrip()}\n```\n"
    for name, text in example.files.items():
        out += f"\nwith `{name}`:\n\n```\n{text.rstrip()}\n```\n"
    return out


def rules_markdown(rules: Iterable[Rule]) -> str:
    chosen = list(rules)
    out = [
        "# elecsafe rules\n\n",
        "<!-- Generated by `elecsafe rules --format markdown > docs/rules.md`; "
        "tests/lint/test_rules_cli.py keeps it in sync. Do not edit by hand. -->\n\n",
        "Every code `elecsafe check` can report. Severity `error` fails the check; `warning` "
        "fails it with `--strict`; `info` never fails it. Scope `UK` rules run for plans with "
        "`country: GB`, `US` rules for `country: US`. Rules marked *extended* run when the "
        "plan's `lint:` block says `extended: true` (or `--extended`, or when selected by "
        "their exact code).\n\n",
        "Suppress one finding with `# elecsafe: ignore[CODE] reason` on its line or the line "
        "above; configure rules in the plan's `lint:` block or `.elecsafe.yaml` (`select`, "
        "`ignore`, `extended`, `severity`, `params`, `waivers` with `code`, `path`, `reason`, "
        "`until`).\n\n",
        "## Output formats\n\n",
        "`elecsafe check --format text|concise|json|sarif|github` (github is the default under "
        "GitHub Actions). `concise` prints `path:line:column: CODE message`; `github` prints "
        "workflow annotations (`::error file=…,line=…,col=…,title=CODE::message`); `sarif` is "
        "SARIF 2.1.0 with every rule described and paths relative to the repository root "
        "(`uriBaseId: %SRCROOT%`). The `json` document is versioned; keys are only ever "
        "added:\n\n",
        JSON_SHAPE,
        "Exit codes: 0 no finding at the failing severity (errors; warnings too with "
        "`--strict`), 1 findings at or above it, 2 the check could not run.\n\n",
        "## Guidance\n\n",
        "Rules cite the published guidance by a short name and section (`elecsafe guidance` "
        "lists each section with the rules and documents that implement it):\n\n",
        *(
            f"- **{p.short}**: {p.full}" + (f", {p.address}" if p.address else "") + "\n"
            for p in PUBLICATIONS
        ),
        "\n",
        "## How to read the examples\n\n",
        "Each example is the content of `example.yaml`, included by a small base plan; the "
        "positions (`line:column`) are in that file. The UK base plan:\n\n",
        f"```yaml\n{BASE_GB.rstrip()}\n```\n\n",
        "The US base plan differs in `country: US`, `us_state: US-WL`, "
        "`timezone: America/Chicago`, an `election_office` and a federal general election on "
        "2028-11-07:\n\n",
        f"```yaml\n{BASE_US.rstrip()}\n```\n\n",
        "## Index\n\n",
        "| Code | Name | Severity | Scope | Set | Checks |\n|---|---|---|---|---|---|\n",
    ]
    for rule in chosen:
        summary = rule.summary.replace("|", "\\|")
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | {rule.name} | "
            f"{rule.severity.value} | {rule.scope} | {'core' if rule.core else 'extended'} | "
            f"{summary} |\n"
        )
    family = None
    for rule in chosen:
        if rule.family != family:
            family = rule.family
            out.append(f"\n## {FAMILY_TITLES.get(family, family)} ({family})\n")
        out.append(f"\n### {rule.code} {rule.name}\n\n")
        meta = f"*{rule.severity.value} · scope {rule.scope} · "
        meta += "core" if rule.core else "extended"
        if rule.fixable:
            meta += " · fixable by `elecsafe fix`"
        if ORIGIN_NOTE[rule.origin]:
            meta += f" · {ORIGIN_NOTE[rule.origin]}"
        out.append(meta + "*\n\n")
        out.append(f"{rule.summary}\n\n**Why.** {rule.rationale}\n\n")
        if rule.citations:
            out.append("**Guidance.**\n\n" + "".join(f"- {c.text}\n" for c in rule.citations))
            out.append("\n")
        out.append(f"**Fix.** {rule.fix}\n\n")
        if rule.params:
            settings = ", ".join(f"`{k}` = {v}" for k, v in rule.params.items())
            out.append(
                f"**Parameters.** {settings} (`lint: {{params: {{{rule.code}: ...}}}}`).\n\n"
            )
        if rule.bad.yaml or rule.bad.files:
            where = ", ".join(
                f"`{p[0]}:{p[1]}:{p[2]}`" if len(p) == 3 else f"`{p[0]}:{p[1]}`"
                for p in rule.bad.problems
            )
            title = f"Fails (at {where})" if where else "Fails"
            out.append(_md_example(title, rule.bad) + "\n")
            out.append(_md_example("Passes", rule.good))
    return "".join(out)
