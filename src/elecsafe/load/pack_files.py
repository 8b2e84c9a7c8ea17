"""A plan's own statutory pack files: ``timetable_rules: packs/us-nv.yaml``.

Where no pack ships for a state (or a kind of election), the plan carries the law itself, as
a pack file beside plan.yaml. It is confined to the plan directory exactly like ``include:``
(same checks, same code YML007), read with the plan's YAML reader and limits, and validated
by the one pack model the built-in packs go through (:func:`elecsafe.dates.packs.pack_from_data`),
so its problems are findings at their line and column in the pack file. The packs read are
handed to the plan (:attr:`Plan.pack_files`), where the resolver finds them: its dates are
computed and protected (TT002, TT003, TT014) like a built-in pack's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from elecsafe.dates.packs import Pack, PackError, is_pack_file, pack_from_data
from elecsafe.findings import Finding, KeyPath, PlanError, Severity
from elecsafe.load.loader import (
    _read_file,
    display_path,
    in_private_layer,
    leads_outside,
    names_outside,
)
from elecsafe.load.schema_errors import error_to_finding
from elecsafe.load.sourcemap import SourceMap

if TYPE_CHECKING:
    from elecsafe.load.yaml_reader import Limits
    from elecsafe.model.plan import Plan

_HINT = "write the path of a pack file inside the plan directory, relative to plan.yaml"


def read_pack_files(
    plan: Plan, directory: Path, plan_file: str, source_map: SourceMap, limits: Limits
) -> list[Finding]:
    """Read every pack file the plan's elections name into ``plan.pack_files``; the findings
    (positioned) say why a file cannot be used."""
    findings: list[Finding] = []
    for index, election in enumerate(plan.elections):
        rules = election.timetable_rules
        if rules is None or not is_pack_file(rules) or rules in plan.pack_files:
            continue
        path: KeyPath = ("elections", index, "timetable_rules")
        pack, problems = _read(directory, rules, limits)
        plan.pack_files[rules] = pack
        for finding in problems:
            if not finding.line:  # about the name in plan.yaml, not the file's content
                where = source_map.locate(path)
                finding = finding.at(where.file, where.line, where.column)
            findings.append(finding)
    return findings


def _read(directory: Path, rules: str, limits: Limits) -> tuple[Pack | None, list[Finding]]:
    def refused(message: str, hint: str = _HINT) -> tuple[None, list[Finding]]:
        return None, [Finding("YML007", Severity.ERROR, message, hint)]

    if names_outside(rules):
        return refused(f"pack file '{rules}' must be inside the plan directory")
    file = directory / rules
    resolved = file.resolve()
    if leads_outside(directory, resolved):
        return refused(
            f"pack file '{rules}' leads outside the plan directory (symbolic link?)",
            "copy the file into the plan directory instead of linking it",
        )
    if in_private_layer(directory, resolved):
        return refused(f"pack file '{rules}' is in the private layer", "move it out of private/")
    if not resolved.is_file():
        return refused(
            f"pack file '{rules}' does not exist",
            "check the spelling; a pack file is a path relative to plan.yaml (docs/dates.md)",
        )
    shown = display_path(file)
    try:
        result = _read_file(file, shown, limits)[0]
    except PlanError as exc:
        return refused(str(exc))
    if not result.ok:
        return None, list(result.findings)
    source = SourceMap(result.pos, shown)
    try:
        pack = pack_from_data(result.data, rules)
    except PackError as exc:
        where = source.locate(("extends",))
        return None, [
            Finding("SCH003", Severity.ERROR, f"extends: {exc}", "e.g. extends: us_federal").at(
                where.file, where.line, where.column
            )
        ]
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False, include_context=True, include_input=True):
            finding, anchor = error_to_finding(error, result.data, Pack)
            where = source.locate(finding.path, anchor)
            problems.append(finding.at(where.file, where.line, where.column))
        return None, problems
    return pack, list(result.findings)
