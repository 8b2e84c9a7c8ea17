"""files -> (Plan, SourceMap, findings).

A plan is a directory with ``plan.yaml``; ``include:`` globs pull in more YAML files of the
same directory (lists are concatenated, mappings merged, a key defined twice is a finding).
``private/*.yaml`` holds contact details keyed by person id: merged when present, never
required, never part of the tracked plan.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from elecsafe.findings import Finding, PlanError, Severity
from elecsafe.load.schema_errors import error_to_finding, merge_union_errors
from elecsafe.load.sourcemap import Location, SourceMap
from elecsafe.load.yaml_reader import (
    COL_BITS,
    COL_MASK,
    Limits,
    MapPos,
    Pos,
    ReadResult,
    ScalarPos,
    SeqPos,
    read_yaml,
)
from elecsafe.model.org import PrivateContact
from elecsafe.model.plan import Plan

PLAN_FILES = ("plan.yaml", "plan.yml")
PRIVATE_DIR = "private"


@dataclass
class LoadedPlan:
    """Everything a command needs: the validated plan (None if the schema rejected it), where
    each key was written, and every problem found on the way."""

    plan: Plan | None
    directory: Path
    plan_file: Path
    source_map: SourceMap
    findings: list[Finding] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    contacts: dict[str, PrivateContact] = field(default_factory=dict)
    private_files: list[Path] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)

    def locate(self, finding: Finding) -> Finding:
        if finding.line:
            return finding
        where = self.source_map.locate(finding.path, finding.anchor)  # type: ignore[arg-type]
        return finding.at(where.file, where.line, where.column)

    def display_path(self, path: Path) -> str:
        return display_path(path)


def display_path(path: Path) -> str:
    """Paths in findings: relative to the working directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return relative if not relative.startswith("..") else str(path)


def find_plan_file(path: Path) -> Path:
    if not path.exists():
        raise PlanError(f"{path}: no such file or directory")
    if path.is_dir():
        for name in PLAN_FILES:
            if (path / name).is_file():
                return path / name
        raise PlanError(
            f"{path}: no plan.yaml in this directory (run `elecsafe init` to create one)"
        )
    return path


def _read_file(path: Path, shown: str, limits: Limits) -> ReadResult:
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:  # refuse before reading a 50 MB file into memory
            return _too_big(shown, size, limits)
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    return read_yaml(raw, shown, limits)


def _too_big(shown: str, size: int, limits: Limits) -> ReadResult:
    return ReadResult(
        findings=[
            Finding(
                "YML004",
                Severity.ERROR,
                f"file is {size:,} bytes, above the limit of {limits.max_file_bytes:,}",
                "split the plan into included files, or raise ELECSAFE_MAX_FILE_BYTES",
            ).at(shown, 1, 1)
        ],
        ok=False,
    )


def _todo_findings(data: Any, pos: Pos | None, file: str) -> list[Finding]:
    """Placeholders (strings starting with ``TODO``) are warnings: a scaffold is fillable."""
    found: list[Finding] = []
    stack: list[tuple[Any, Pos | None, str]] = [(data, pos, file)]
    while stack:
        value, where, current = stack.pop()
        if isinstance(value, dict) and isinstance(where, MapPos):
            stack.extend(
                (v, where.entries[k][1], where.file) for k, v in value.items() if k in where.entries
            )
        elif isinstance(value, list) and isinstance(where, SeqPos):
            stack.extend((v, p, where.file) for v, p in zip(value, where.items, strict=False))
        elif isinstance(value, str) and value.startswith("TODO") and where is not None:
            packed = where.start if isinstance(where, ScalarPos) else where
            assert isinstance(packed, int)
            found.append(
                Finding(
                    "TODO001",
                    Severity.WARNING,
                    "placeholder still to fill in",
                    value[4:].lstrip(" :-") or "replace the TODO with the real value",
                ).at(current, packed >> COL_BITS, packed & COL_MASK)
            )
    return found


# -- includes ---------------------------------------------------------------------------------


def _scalar(pos: Pos, file: str) -> Pos:
    return ScalarPos(file, pos) if isinstance(pos, int) else pos


def _merge(
    into: dict[str, Any], into_pos: MapPos, extra: dict[str, Any], extra_pos: MapPos
) -> list[Finding]:
    """Merge an included file's top-level mapping into the plan (recursively for mappings)."""
    problems: list[Finding] = []
    for key, value in extra.items():
        key_pos, value_pos = extra_pos.entries[key]
        if key not in into:
            into[key] = value
            into_pos.entries[key] = (
                _scalar(key_pos, extra_pos.file),
                _scalar(value_pos, extra_pos.file),
            )  # type: ignore[assignment]
            continue
        existing = into[key]
        existing_key_pos, existing_pos = into_pos.entries[key]
        if isinstance(existing, list) and isinstance(value, list):
            assert isinstance(existing_pos, SeqPos) and isinstance(value_pos, SeqPos)
            combined = SeqPos(existing_pos.file, existing_pos.start)
            combined.items = [_scalar(p, existing_pos.file) for p in existing_pos.items]
            combined.items += [_scalar(p, value_pos.file) for p in value_pos.items]
            existing.extend(value)
            into_pos.entries[key] = (existing_key_pos, combined)
        elif isinstance(existing, dict) and isinstance(value, dict):
            assert isinstance(existing_pos, MapPos) and isinstance(value_pos, MapPos)
            problems += _merge(existing, existing_pos, value, value_pos)
        else:
            if isinstance(existing_key_pos, ScalarPos):
                where, owner = existing_key_pos.start, existing_key_pos.file
            else:
                where, owner = existing_key_pos, into_pos.file
            problems.append(
                Finding(
                    "YML002",
                    Severity.ERROR,
                    f"key '{key}' is already defined in {owner}:{where >> COL_BITS}",
                    "define each key in one file; lists and mappings of the same key are merged",
                ).at(extra_pos.file, key_pos >> COL_BITS, key_pos & COL_MASK)
            )
    return problems


class _Loader:
    def __init__(self, plan_file: Path, limits: Limits) -> None:
        self.plan_file = plan_file
        self.directory = plan_file.parent.resolve()
        self.limits = limits
        self.findings: list[Finding] = []
        self.files: list[Path] = []

    def include_error(self, message: str, file: str, pos: Any, hint: str) -> None:
        packed = pos if isinstance(pos, int) else getattr(pos, "start", 1 << COL_BITS | 1)
        self.findings.append(
            Finding("YML007", Severity.ERROR, message, hint).at(
                file, packed >> COL_BITS, packed & COL_MASK
            )
        )

    def expand(
        self, data: dict[str, Any], pos: MapPos, seen: set[Path]
    ) -> list[tuple[Path, ReadResult]]:
        """The files named by ``include:`` in one file, checked to stay inside the plan."""
        includes = data.get("include")
        if includes is None:
            return []
        if not isinstance(includes, list) or not isinstance(pos.entries["include"][1], SeqPos):
            return []  # the schema reports the wrong type
        results: list[tuple[Path, ReadResult]] = []
        item_positions = pos.entries["include"][1].items
        for pattern, item_pos in zip(includes, item_positions, strict=False):
            if not isinstance(pattern, str) or not pattern:
                continue
            if os.path.isabs(pattern) or ".." in Path(pattern).parts or pattern.startswith("~"):
                self.include_error(
                    "include must name files inside the plan directory",
                    pos.file,
                    item_pos,
                    "use a path relative to plan.yaml, without '..'",
                )
                continue
            matches = sorted(self.directory.glob(pattern))
            if not matches:
                self.findings.append(
                    Finding(
                        "YML007",
                        Severity.WARNING,
                        f"include '{pattern}' matches no file",
                        "check the spelling, or remove the entry",
                    ).at(pos.file, *_unpack(item_pos))
                )
            for match in matches:
                resolved = match.resolve()
                shown = display_path(match)
                if not resolved.is_relative_to(self.directory):
                    self.include_error(
                        f"include '{pattern}' leads outside the plan directory (symbolic link?)",
                        pos.file,
                        item_pos,
                        "copy the file into the plan directory instead of linking it",
                    )
                    continue
                if resolved.suffix not in (".yaml", ".yml") or not resolved.is_file():
                    continue
                if resolved.relative_to(self.directory).parts[0] == PRIVATE_DIR:
                    self.include_error(
                        "the private layer is merged automatically and must not be included",
                        pos.file,
                        item_pos,
                        "remove this include",
                    )
                    continue
                if resolved in seen:
                    self.include_error(
                        f"include cycle: {shown} is already part of the plan",
                        pos.file,
                        item_pos,
                        "include each file once, from one place",
                    )
                    continue
                if len(seen) >= self.limits.max_include_files:
                    self.include_error(
                        f"more than {self.limits.max_include_files} included files",
                        pos.file,
                        item_pos,
                        "merge small files",
                    )
                    return results
                seen.add(resolved)
                result = _read_file(match, shown, self.limits)
                self.files.append(match)
                results.append((match, result))
        return results

    def load(self) -> tuple[dict[str, Any], MapPos | None]:
        shown = display_path(self.plan_file)
        root = _read_file(self.plan_file, shown, self.limits)
        self.files.append(self.plan_file)
        self.findings += root.findings
        if not root.ok:
            return {}, None
        if not isinstance(root.data, dict) or root.map_pos is None:
            self.findings.append(
                Finding(
                    "SCH003",
                    Severity.ERROR,
                    "plan.yaml must be a mapping of keys to values",
                    "start with 'schema_version: \"1.0\"'",
                ).at(shown, 1, 1)
            )
            return {}, None
        data, pos = root.data, root.map_pos
        self.findings += _todo_findings(data, pos, shown)
        seen = {self.plan_file.resolve()}
        queue = self.expand(data, pos, seen)
        while queue:
            path, result = queue.pop(0)
            self.findings += result.findings
            if not result.ok:
                continue
            if not isinstance(result.data, dict) or result.map_pos is None:
                if result.data is not None:
                    self.findings.append(
                        Finding(
                            "SCH003",
                            Severity.ERROR,
                            "an included file must be a mapping of plan keys",
                            "e.g. 'sites:' followed by a list",
                        ).at(display_path(path), 1, 1)
                    )
                continue
            self.findings += _todo_findings(result.data, result.map_pos, result.map_pos.file)
            nested = self.expand(result.data, result.map_pos, seen)
            result.data.pop("include", None)
            result.map_pos.entries.pop("include", None)
            self.findings += _merge(data, pos, result.data, result.map_pos)
            queue.extend(nested)
        return data, pos


def _unpack(pos: Any) -> tuple[int, int]:
    packed = pos if isinstance(pos, int) else pos.start
    return packed >> COL_BITS, packed & COL_MASK


def _validate(data: dict[str, Any]) -> tuple[Plan | None, list[tuple[Finding, Any]]]:
    try:
        return Plan.model_validate(data), []
    except ValidationError as exc:
        located = []
        for error in exc.errors(include_url=False, include_context=True, include_input=True):
            value = error.get("input")
            if isinstance(value, str) and value.startswith("TODO"):
                continue  # reported once, as a placeholder
            located.append(error_to_finding(error, data, Plan))
        return None, merge_union_errors(located)


@dataclass
class PrivateLayerResult:
    contacts: dict[str, PrivateContact] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    keys: dict[str, Location] = field(default_factory=dict)  # person id -> where it is keyed


def load_private(directory: Path, limits: Limits) -> PrivateLayerResult:
    """Contact details from ``private/*.yaml`` (``contacts: {person-id: {...}}``)."""
    from elecsafe.model.org import PrivateLayer

    out = PrivateLayerResult()
    private = directory / PRIVATE_DIR
    if not private.is_dir():
        return out
    contacts, findings = out.contacts, out.findings
    out.files = sorted(
        p for p in private.glob("*.y*ml") if not p.name.endswith((".example.yaml", ".example.yml"))
    )
    for path in out.files:
        shown = display_path(path)
        result = _read_file(path, shown, limits)
        findings += result.findings
        if not result.ok or result.data is None:
            continue
        source_map = SourceMap(result.pos, shown)
        try:
            layer = PrivateLayer.model_validate(result.data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                finding, anchor = error_to_finding(error, result.data, PrivateLayer)
                where = source_map.locate(finding.path, anchor)
                findings.append(finding.at(where.file, where.line, where.column))
            continue
        for person_id, contact in layer.contacts.items():
            where = source_map.locate(("contacts", person_id), "key")
            if person_id in contacts:
                findings.append(
                    Finding(
                        "YML002",
                        Severity.ERROR,
                        f"contact details for '{person_id}' appear in two private files",
                        "keep one entry per person",
                    ).at(where.file, where.line, where.column)
                )
            contacts[person_id] = contact
            out.keys[person_id] = where
    return out


def load_plan(
    path: str | Path, *, limits: Limits | None = None, private: bool = True
) -> LoadedPlan:
    """Load and validate a plan. Raises :class:`PlanError` only when there is nothing to read."""
    limits = limits or limits_from_env()
    plan_file = find_plan_file(Path(path))
    loader = _Loader(plan_file, limits)
    data, pos = loader.load()
    shown = display_path(plan_file)
    source_map = SourceMap(pos, shown)
    loaded = LoadedPlan(
        None, plan_file.parent, plan_file, source_map, loader.findings, loader.files, raw=data
    )
    if pos is None:
        return loaded
    plan, schema_findings = _validate(data)
    for finding, anchor in schema_findings:
        where = source_map.locate(finding.path, anchor)
        loaded.findings.append(finding.at(where.file, where.line, where.column))
    loaded.plan = plan
    if plan is not None:
        from elecsafe.model.refs import check_references

        loaded.findings += [loaded.locate(f) for f in check_references(plan)]
    if private:
        layer = load_private(plan_file.parent, limits)
        loaded.contacts = layer.contacts
        loaded.findings += layer.findings
        loaded.private_files = layer.files
        if plan is not None:
            known = plan.index().people
            for person_id, where in layer.keys.items():
                if person_id not in known:
                    loaded.findings.append(
                        Finding(
                            "REF001",
                            Severity.WARNING,
                            f"private contact details for unknown person id '{person_id}'",
                            "remove the entry or add the person to the plan",
                        ).at(where.file, where.line, where.column)
                    )
    return loaded


def limits_from_env() -> Limits:
    """Limits can be raised for unusual plans: ELECSAFE_MAX_FILE_BYTES, ELECSAFE_MAX_DEPTH."""
    defaults = Limits()
    try:
        return Limits(
            max_file_bytes=int(os.environ.get("ELECSAFE_MAX_FILE_BYTES", defaults.max_file_bytes)),
            max_depth=int(os.environ.get("ELECSAFE_MAX_DEPTH", defaults.max_depth)),
            max_include_files=int(
                os.environ.get("ELECSAFE_MAX_INCLUDE_FILES", defaults.max_include_files)
            ),
        )
    except ValueError:
        raise PlanError("ELECSAFE_MAX_* limits must be whole numbers") from None
