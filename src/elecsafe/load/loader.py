"""files -> (Plan, SourceMap, findings).

A plan is a directory with ``plan.yaml``; ``include:`` globs pull in more YAML files of the
same directory (lists are concatenated, mappings merged, a key defined twice is a finding).
``private/*.yaml`` holds contact details keyed by person id: merged when present, never
required, never part of the tracked plan.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from elecsafe.findings import Finding, KeyPath, PlanError, Severity
from elecsafe.load.schema_errors import error_to_finding, merge_union_errors
from elecsafe.load.sourcemap import (
    Anchor,
    FileOrigin,
    FileTrees,
    Location,
    MergedList,
    MergedMap,
    PlanSourceMap,
    SourceMap,
    resolve,
)
from elecsafe.load.yaml_reader import Limits, Pos, ReadResult, read_yaml
from elecsafe.model.org import PrivateContact
from elecsafe.model.placeholders import (
    Placeholders,
    find_placeholders,
    is_placeholder,
    placeholder_hint,
)
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
    # Values still to fill in (TODO ...), by plan key path: the plan is a draft while any remain.
    placeholders: Placeholders = field(default_factory=Placeholders)

    def locate(self, finding: Finding) -> Finding:
        """The finding with its position, quoting nothing it may not (:meth:`unquoted`)."""
        if not finding.line:
            where = self.source_map.locate(finding.path, finding.anchor)  # type: ignore[arg-type]
            finding = finding.at(where.file, where.line, where.column)
        return self.unquoted(finding)

    def locate_all(self, findings: list[Finding]) -> list[Finding]:
        """:meth:`locate` for a batch, in the same order. With a plan spread over files, the
        findings are placed file by file and each file's positions are released after its
        last finding: at 10,000 sites, findings in 20 site files held 20 position trees
        (~60 MB) until the end of the run."""
        source_map = self.source_map
        if not isinstance(source_map, PlanSourceMap):
            return [self.locate(f) for f in findings]
        out = [self.unquoted(f) if f.line else f for f in findings]
        by_file: dict[str, list[int]] = {}
        for i, finding in enumerate(findings):
            if not finding.line:
                file = source_map.file_of(finding.path, finding.anchor)  # type: ignore[arg-type]
                by_file.setdefault(file, []).append(i)
        for file, indexes in by_file.items():
            for i in indexes:
                out[i] = self.locate(findings[i])
            source_map.trees.release(file)  # grouping only decides when: never where
        return out

    def unquoted(self, finding: Finding) -> Finding:
        """Findings reach terminals, CI logs and SARIF: they never quote a value of a field
        above public (THE visibility decision), except the ids the plan defines, which are
        how findings name things. A quoted value is replaced by its key path."""
        if not finding.path:
            return finding
        from elecsafe.model import visibility

        if visibility.plan_path_quotable(finding.path):
            return finding
        value: Any = self.raw
        for key in finding.path:
            try:
                value = value[key]
            except (KeyError, IndexError, TypeError):
                return finding
        values = value if isinstance(value, list) else [value]
        known = visibility.named_ids(self.plan) if self.plan is not None else frozenset()
        secrets = [
            str(v)
            for v in values
            if isinstance(v, str | int | float) and str(v).strip() and str(v) not in known
        ]
        if not secrets:
            return finding
        message, hint = finding.message, finding.hint
        shown = f"<{finding.dotted_path}>"
        for secret in sorted(secrets, key=len, reverse=True):
            message, hint = message.replace(secret, shown), hint.replace(secret, shown)
        return replace(finding, message=message, hint=hint)

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


def names_outside(name: str) -> bool:
    """Whether a path or glob written in the plan (``include:``, a pack file) names a place
    outside the plan directory as written: absolute, through ``..``, or from a home ``~``."""
    return os.path.isabs(name) or ".." in Path(name).parts or name.startswith("~")


def leads_outside(directory: Path, resolved: Path) -> bool:
    """Whether a file found in the plan directory really lies outside it (a symbolic link
    out); ``resolved``: the file's resolved path, ``directory``: the resolved plan directory."""
    return not resolved.is_relative_to(directory)


MAX_GLOB_ENTRIES = 200_000  # directory entries one include pattern may look at


def plan_glob(directory: Path, pattern: str) -> tuple[list[Path], list[Path], bool]:
    """``(matches, links, capped)`` of an include pattern, found by walking the plan folder
    itself: a symbolic link to a directory is never entered (``links`` lists those the
    pattern would have entered; a committed link to ``/`` is reported, not walked), and the
    walk stops after :data:`MAX_GLOB_ENTRIES` entries (``capped``). Like ``Path.glob``:
    ``*`` matches dot files, ``**`` any depth, case-sensitive. Raises ``ValueError`` for a
    pattern ``Path.glob`` would refuse."""
    import fnmatch

    parts = [part for part in PurePosixPath(pattern).parts if part != "."]
    if not parts or any("**" in part and part != "**" for part in parts):
        raise ValueError(f"invalid pattern: {pattern}")
    matches: list[Path] = []
    links: list[Path] = []
    budget = [MAX_GLOB_ENTRIES]

    def entries(base: Path) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(base) as found:
                listed = []
                for entry in found:
                    budget[0] -= 1
                    if budget[0] < 0:
                        break
                    listed.append(entry)
                return sorted(listed, key=lambda e: e.name)
        except OSError:
            return []

    def enter(path: Path, index: int) -> None:
        if os.path.islink(path):
            links.append(path)
        elif path.is_dir():
            walk(path, index)

    def walk(base: Path, index: int) -> None:
        if budget[0] < 0:
            return
        if index == len(parts):
            matches.append(base)
            return
        part, last = parts[index], index == len(parts) - 1
        if part == "**":
            walk(base, index + 1)
            for entry in entries(base):
                if entry.is_symlink() and entry.is_dir():
                    links.append(Path(entry.path))
                elif entry.is_dir(follow_symlinks=False):
                    walk(Path(entry.path), index)
            return
        if not any(c in part for c in "*?["):
            child = base / part
            if last:
                if os.path.lexists(child):
                    matches.append(child)
            else:
                enter(child, index + 1)
            return
        for entry in entries(base):
            if not fnmatch.fnmatchcase(entry.name, part):
                continue
            if last:
                matches.append(Path(entry.path))
            else:
                enter(Path(entry.path), index + 1)

    walk(directory, 0)
    return sorted(set(matches)), sorted(set(links)), budget[0] < 0


def in_private_layer(directory: Path, resolved: Path) -> bool:
    """Whether a file of the plan directory is part of the private layer (never included)."""
    return resolved.relative_to(directory).parts[0] == PRIVATE_DIR


def _read_file(
    path: Path, shown: str, limits: Limits, *, positions: bool = True
) -> tuple[ReadResult, bool]:
    """The file read into values, and whether it mentions ``TODO`` at all (cheap pre-check
    that spares a walk over a 50k-site plan that has no placeholders)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # /dev/zero never ends; a FIFO blocks forever
            raise PlanError(f"{shown}: not a regular file")
        if info.st_size > limits.max_file_bytes:  # refuse before reading a 50 MB file
            return _too_big(shown, info.st_size, limits), False
        with path.open("rb") as handle:  # bounded: a file may grow, /proc files claim size 0
            raw = handle.read(limits.max_file_bytes + 1)
        if len(raw) > limits.max_file_bytes:
            return _too_big(shown, len(raw), limits), False
    except OSError as exc:
        raise PlanError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    return read_yaml(raw, shown, limits, positions=positions), b"TODO" in raw


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


class _Loader:
    def __init__(self, plan_file: Path, limits: Limits) -> None:
        self.plan_file = plan_file
        self.directory = plan_file.parent.resolve()
        self.limits = limits
        self.findings: list[Finding] = []
        self.files: list[Path] = []
        self.paths: dict[str, Path] = {}  # display name -> path, for reading positions later
        self.trees = FileTrees(self._positions)
        self.has_placeholders = False  # some file mentions TODO in a value
        self.unreadable: list[str] = []  # included files whose content could not be read

    def _positions(self, shown: str) -> Pos | None:
        path = self.paths.get(shown)
        if path is None:
            return None
        try:
            return _read_file(path, shown, self.limits)[0].pos
        except PlanError:  # gone since it was read: positions fall back to 1:1
            return None

    def read(self, path: Path, shown: str) -> ReadResult:
        self.paths[shown] = path
        self.files.append(path)
        result, has_todo = _read_file(path, shown, self.limits, positions=False)
        if has_todo and result.ok:
            self.has_placeholders = True
            from elecsafe.model.visibility import plan_path_quotable

            for where, value in find_placeholders(result.data):
                # the hint repeats the placeholder's text: only for a public field
                hint = placeholder_hint(value) if plan_path_quotable(where) else ""
                self.findings.append(
                    self.positioned(
                        Finding(
                            "TODO001",
                            Severity.WARNING,
                            "placeholder still to fill in",
                            hint or "replace the TODO with the real value",
                        ),
                        shown,
                        where,
                    )
                )
        return result

    def positioned(
        self, finding: Finding, file: str, path: KeyPath, anchor: Anchor = "value"
    ) -> Finding:
        where = self.trees.locate(file, path, anchor)
        return finding.at(where.file, where.line, where.column)

    def include_error(self, message: str, file: str, index: int, hint: str) -> None:
        self.findings.append(
            self.positioned(
                Finding("YML007", Severity.ERROR, message, hint), file, ("include", index)
            )
        )

    def expand(
        self, data: dict[str, Any], file: str, seen: set[Path]
    ) -> list[tuple[Path, str, ReadResult]]:
        """The files named by ``include:`` in one file, checked to stay inside the plan."""
        includes = data.get("include")
        if not isinstance(includes, list):
            return []  # absent, or the wrong type: the schema reports it
        results: list[tuple[Path, str, ReadResult]] = []
        if len(includes) > self.limits.max_include_files:  # before any pattern is looked at
            self.include_error(
                f"{len(includes):,} include entries: more than {self.limits.max_include_files}",
                file,
                self.limits.max_include_files,
                "merge small files, use globs such as 'sites/*.yaml', or raise "
                "ELECSAFE_MAX_INCLUDE_FILES",
            )
            return results
        for index, pattern in enumerate(includes):
            if not isinstance(pattern, str) or not pattern:
                continue
            if names_outside(pattern):
                self.include_error(
                    "include must name files inside the plan directory",
                    file,
                    index,
                    "use a path relative to plan.yaml, without '..'",
                )
                continue
            try:
                matches, links, capped = plan_glob(self.directory, pattern)
            except ValueError:  # e.g. "**x": not a pattern pathlib accepts
                self.include_error(
                    f"include '{pattern}' is not a valid file pattern",
                    file,
                    index,
                    "use a file name or a glob such as 'sites/*.yaml'",
                )
                continue
            if links or capped:
                self.include_error(
                    f"include '{pattern}' leads through a symbolic link to a folder"
                    if links
                    else f"include '{pattern}' looks at more than {MAX_GLOB_ENTRIES:,} entries",
                    file,
                    index,
                    "copy the files into the plan directory instead of linking a folder"
                    if links
                    else "name the folder: a pattern such as 'sites/*.yaml'",
                )
                continue
            if not matches:
                self.findings.append(
                    self.positioned(
                        Finding(
                            "YML007",
                            Severity.WARNING,
                            f"include '{pattern}' matches no file",
                            "check the spelling, or remove the entry",
                        ),
                        file,
                        ("include", index),
                    )
                )
            for match in matches:
                resolved = match.resolve()
                shown = display_path(match)
                if leads_outside(self.directory, resolved):
                    self.include_error(
                        f"include '{pattern}' leads outside the plan directory (symbolic link?)",
                        file,
                        index,
                        "copy the file into the plan directory instead of linking it",
                    )
                    continue
                if resolved.suffix not in (".yaml", ".yml") or not resolved.is_file():
                    continue
                if in_private_layer(self.directory, resolved):
                    self.include_error(
                        "the private layer is merged automatically and must not be included",
                        file,
                        index,
                        "remove this include",
                    )
                    continue
                if resolved in seen:
                    self.include_error(
                        f"include cycle: {shown} is already part of the plan",
                        file,
                        index,
                        "include each file once, from one place",
                    )
                    continue
                if len(seen) >= self.limits.max_include_files:
                    self.include_error(
                        f"more than {self.limits.max_include_files} included files",
                        file,
                        index,
                        "merge small files, or raise ELECSAFE_MAX_INCLUDE_FILES",
                    )
                    return results
                seen.add(resolved)
                results.append((match, shown, self.read(match, shown)))
        return results

    def merge(
        self,
        into: dict[str, Any],
        origin: MergedMap,
        extra: dict[str, Any],
        file: str,
        prefix: KeyPath,
    ) -> None:
        """Merge an included file's mapping into the plan: new keys are added, lists are
        concatenated, mappings merged recursively; anything else defined twice is YML002."""
        for key, value in extra.items():
            here = FileOrigin(file, (*prefix, key))
            if key not in into:
                into[key] = value
                origin.children[key] = here
                continue
            existing = into[key]
            current = origin.child(key)
            if isinstance(existing, list) and isinstance(value, list):
                if not isinstance(current, MergedList):
                    assert isinstance(current, FileOrigin)
                    current = MergedList(current, len(existing))
                current.extend(len(value), here)
                existing.extend(value)
                origin.children[key] = current
            elif isinstance(existing, dict) and isinstance(value, dict):
                if not isinstance(current, MergedMap):
                    assert isinstance(current, FileOrigin)
                    current = MergedMap(current)
                origin.children[key] = current
                self.merge(existing, current, value, file, (*prefix, key))
            else:
                owner_file, owner_path = resolve(current, ())
                first = self.trees.locate(owner_file, owner_path, "key")
                self.findings.append(
                    self.positioned(
                        Finding(
                            "YML002",
                            Severity.ERROR,
                            f"key '{key}' is already defined in {first.file}:{first.line}",
                            "define each key in one file; lists and mappings of the same key are merged",
                        ),
                        file,
                        (*prefix, key),
                        "key",
                    )
                )

    def load(self) -> tuple[dict[str, Any], MergedMap | None]:
        shown = display_path(self.plan_file)
        root = self.read(self.plan_file, shown)
        self.findings += root.findings
        if not root.ok:
            return {}, None
        if not isinstance(root.data, dict):
            self.findings.append(
                Finding(
                    "SCH003",
                    Severity.ERROR,
                    "plan.yaml must be a mapping of keys to values",
                    "start with 'schema_version: \"1.0\"'",
                ).at(shown, 1, 1)
            )
            return {}, None
        data: dict[str, Any] = root.data
        origin = MergedMap(FileOrigin(shown))
        seen = {self.plan_file.resolve()}
        queue = self.expand(data, shown, seen)
        while queue:
            _, file, result = queue.pop(0)
            self.findings += result.findings
            if not result.ok:
                self.unreadable.append(file)
                continue
            if not isinstance(result.data, dict):
                if result.data is not None:
                    self.findings.append(
                        Finding(
                            "SCH003",
                            Severity.ERROR,
                            "an included file must be a mapping of plan keys",
                            "e.g. 'sites:' followed by a list",
                        ).at(file, 1, 1)
                    )
                continue
            nested = self.expand(result.data, file, seen)
            result.data.pop("include", None)
            self.merge(data, origin, result.data, file, ())
            queue.extend(nested)
        return data, origin


def _validate(
    data: dict[str, Any], max_findings: int = Limits.max_findings
) -> tuple[Plan | None, list[tuple[Finding, Any]]]:
    try:
        return Plan.model_validate(data), []
    except ValidationError as exc:
        located: list[tuple[Finding, Anchor]] = []
        errors = exc.errors(include_url=False, include_context=True, include_input=True)
        for error in errors:
            value = error.get("input")
            if is_placeholder(value):
                continue  # reported once, as a placeholder
            if len(located) >= max_findings:  # 300,000 wrong items: say so once, not 300,000 times
                located.append(
                    (
                        Finding(
                            "SCH003",
                            Severity.ERROR,
                            f"{len(errors) - max_findings:,} more schema errors not shown",
                            "fix the errors above, or raise ELECSAFE_MAX_FINDINGS",
                        ),
                        "value",
                    )
                )
                break
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
        result = _read_file(path, shown, limits)[0]
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


def _private_unquoted(finding: Finding, known_people: set[str]) -> Finding:
    """A finding in ``private/`` quotes no value and no key of it: the entry's key is named
    only when it is a person id the plan defines; values are named by their key path."""
    message, hint = finding.message, finding.hint
    for key in finding.path:
        if isinstance(key, str) and key not in known_people and key not in _PRIVATE_FIELDS:
            message = message.replace(key, "<contacts entry>")
            hint = hint.replace(key, "<contacts entry>")
    for quoted in re.findall(r"'([^']*)'", message + "\n" + hint):
        if quoted not in known_people and quoted not in _PRIVATE_FIELDS:
            message = message.replace(f"'{quoted}'", "a private value")
            hint = hint.replace(f"'{quoted}'", "a private value")
    return replace(finding, message=message, hint=hint)


_PRIVATE_FIELDS = frozenset(
    {"contacts", "contact_methods", "availability", "preferred_method", "retain_until"}
    | {"kind", "value", "hours", "sensitivity", "public", "partners", "restricted"}
    | {"work_phone", "mobile", "email", "radio_callsign", "radio_talkgroup", "pager"}
    | {"secure_messaging", "in_person", "web_form"}
)  # the schema's own words: field names and allowed values, which findings may quote


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading builds millions of small acyclic objects (values, positions, models); the cyclic
    collector re-scans all of them again and again while they pile up, which made a 10k-site
    plan load 2.5x slower. Nothing here creates reference cycles worth collecting mid-load."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_count()[0] > _FREEZE_AFTER:
            # A state-sized plan: move what was loaded out of the collector's sight. Otherwise
            # the first collections after loading walk every object again, and each rule
            # that allocates pays for it (50k sites: +6 s). The plan lives until the command
            # ends; frozen objects are still freed by reference counting.
            gc.freeze()
        if was_enabled:
            gc.enable()


_FREEZE_AFTER = 500_000  # objects allocated while loading (a 10k-site plan makes ~2 million)


def load_plan(
    path: str | Path, *, limits: Limits | None = None, private: bool = True
) -> LoadedPlan:
    """Load and validate a plan. Raises :class:`PlanError` only when there is nothing to read."""
    with _gc_paused():
        return _load_plan(path, limits, private)


def _load_plan(path: str | Path, limits: Limits | None, private: bool) -> LoadedPlan:
    limits = limits or limits_from_env()
    plan_file = find_plan_file(Path(path))
    loader = _Loader(plan_file, limits)
    data, origin = loader.load()
    shown = display_path(plan_file)
    source_map = (
        SourceMap(None, shown) if origin is None else PlanSourceMap(origin, shown, loader.trees)
    )
    loaded = LoadedPlan(
        None, plan_file.parent, plan_file, source_map, loader.findings, loader.files, raw=data
    )
    if loader.has_placeholders:  # cheap pre-check: most ready plans skip the walk
        loaded.placeholders = Placeholders.of(data)
    if origin is None:
        return loaded
    plan, schema_findings = _validate(data, limits.max_findings)
    for finding, anchor in schema_findings:
        where = source_map.locate(finding.path, anchor)
        loaded.findings.append(finding.at(where.file, where.line, where.column))
    loaded.plan = plan
    from elecsafe.model import visibility

    if plan is not None:
        from elecsafe.load.renamed import renamed_key_findings

        loaded.findings += [loaded.locate(f) for f in renamed_key_findings(data, Plan)]
    # A file that could not be read (wrong encoding, broken YAML) defines nothing: reporting
    # every reference to the ids it defines would bury its one finding under hundreds.
    if plan is not None:
        from elecsafe.load.pack_files import read_pack_files

        loaded.findings += read_pack_files(plan, loader.directory, shown, source_map, limits)
    if plan is not None and not loader.unreadable:
        from elecsafe.model.refs import check_references

        loaded.findings += [loaded.locate(f) for f in check_references(plan)]
    if private:
        layer = load_private(plan_file.parent, limits)
        loaded.contacts = layer.contacts
        known_people = (
            {p for p in visibility.named_ids(plan) if p in plan.index().people}
            if plan is not None
            else set()
        )
        loaded.findings += [_private_unquoted(f, known_people) for f in layer.findings]
        loaded.private_files = layer.files
        if plan is not None:
            known = plan.index().people
            for person_id, where in layer.keys.items():
                if person_id not in known:
                    loaded.findings.append(
                        Finding(
                            "REF001",
                            Severity.WARNING,
                            # the key is private-layer text: not quoted (it may be a name)
                            "private contact details for a person id the plan does not define",
                            "remove the entry or add the person to the plan",
                        ).at(where.file, where.line, where.column)
                    )
    return loaded


LIMIT_VARIABLES = {
    "max_file_bytes": "ELECSAFE_MAX_FILE_BYTES",
    "max_depth": "ELECSAFE_MAX_DEPTH",
    "max_include_files": "ELECSAFE_MAX_INCLUDE_FILES",
    "max_findings": "ELECSAFE_MAX_FINDINGS",
}


def limits_from_env() -> Limits:
    """Limits can be raised for unusual plans through the ELECSAFE_MAX_* variables."""
    values: dict[str, int] = {}
    for name, variable in LIMIT_VARIABLES.items():
        text = os.environ.get(variable)
        if text is None:
            continue
        try:
            values[name] = int(text)
        except ValueError:
            values[name] = 0
        if values[name] < 1:
            raise PlanError(f"{variable} must be a whole number above 0, not {text!r}")
    return Limits(**values)
