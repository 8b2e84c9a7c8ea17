"""Turn pydantic validation errors into positioned findings.

* unknown key -> SCH001 at the key, with a "did you mean" hint from the model's own fields;
* missing key -> SCH002 at the enclosing mapping;
* bad enum value -> REF003, bad date or time zone -> REF002, anything else -> SCH003, at the value.

Messages never echo the input value: a restricted field must not leak into CI logs.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from elecsafe.findings import Finding, KeyPath, Severity, dotted
from elecsafe.load.sourcemap import Anchor

_DATE_TYPES = {
    "date_parsing", "date_type", "date_from_datetime_parsing", "date_from_datetime_inexact",
    "datetime_parsing", "datetime_type", "datetime_from_date_parsing", "date_spec",
    "time_parsing", "timezone_aware", "timezone_naive",
}  # fmt: skip
_ENUM_TYPES = {"literal_error", "enum"}


def clean_path(data: Any, loc: tuple[str | int, ...]) -> tuple[KeyPath, bool, bool]:
    """Walk ``loc`` through the raw data, dropping union-branch tags pydantic inserts.

    Returns the path as written in the file, whether the last part is absent from the data
    (a missing key), and whether any union tags were dropped."""
    path: list[str | int] = []
    node = data
    dropped = False
    for index, part in enumerate(loc):
        remaining = index < len(loc) - 1
        if isinstance(node, dict) and isinstance(part, str) and part in node:  # noqa: SIM114 (split so mypy narrows each index type)
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and not remaining:
            path.append(part)
            return tuple(path), True, dropped
        else:
            dropped = True  # a union tag such as 'relative' or "literal['virtual']"
            if not isinstance(node, dict | list):
                break
    return tuple(path), False, dropped


def _unwrap_models(annotation: Any) -> list[type[BaseModel]]:
    """Model classes reachable from an annotation (through Optional, list, dict, Annotated)."""
    found: list[type[BaseModel]] = []
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            found.append(current)
            continue
        origin = typing.get_origin(current)
        if origin is typing.Annotated:
            stack.append(typing.get_args(current)[0])
        elif origin in (list, dict, typing.Union, types.UnionType) or origin is not None:
            stack.extend(typing.get_args(current))
    return found


def _models_at(root: type[BaseModel], path: KeyPath, *, lenient: bool) -> list[type[BaseModel]]:
    """The model(s) the value at ``path`` must be. At a key no model declares, ``lenient``
    keeps the current models (a dict keyed by ids, e.g. harms, holds the same models one
    level down); otherwise there are none."""
    models: list[type[BaseModel]] = [root]
    for part in path:
        if isinstance(part, int):
            continue
        following: list[type[BaseModel]] = []
        for model in models:
            for name, info in model.model_fields.items():
                if part in (name, info.alias):
                    following.extend(_unwrap_models(info.annotation))
        if following:
            models = following
        elif not lenient:
            return []
    return models


def fields_at(root: type[BaseModel], path: KeyPath) -> set[str]:
    """Allowed keys of the mapping at ``path`` (for "did you mean")."""
    models = _models_at(root, path, lenient=True)
    names: set[str] = set()
    for model in models:
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
    return names


def key_candidates(root: type[BaseModel], path: KeyPath) -> list[str]:
    """Known keys close to the unknown last key of ``path``, best first (at most two: one
    candidate is a safe rename for ``elecsafe fix``, two are a guess)."""
    allowed = fields_at(root, path[:-1])
    return difflib.get_close_matches(str(path[-1]), sorted(allowed), n=2, cutoff=0.6)


# An enum error lists every allowed value up to this many, else the closest few.
MAX_LISTED = 20
CLOSEST = 5


def _options(error: ErrorDetails) -> list[str]:
    expected = (error.get("ctx") or {}).get("expected", "")
    return [
        o.strip().strip("'") for o in str(expected).replace(" or ", ",").split(",") if o.strip()
    ]


def _enum_finding(error: ErrorDetails, path: KeyPath, where: str) -> Finding:
    """REF003 listing the allowed values: all of them when there are few, else the five
    closest to what was written and where to find the rest. Never the value itself."""
    options = _options(error)
    value = error.get("input")
    written = str(value) if isinstance(value, str | int | float | bool) else ""
    close = difflib.get_close_matches(written, options, n=1) if written else []
    name = next((p for p in reversed(path) if isinstance(p, str)), "value")
    if len(options) <= MAX_LISTED:
        message = f"{where}: not an allowed value (one of: {', '.join(options)})"
        hint = f"did you mean '{close[0]}'?" if close else f"use one of the {len(options)} values"
    else:
        ranked = difflib.get_close_matches(written, options, n=CLOSEST, cutoff=0.0)
        ranked = ranked or options[:CLOSEST]
        message = (
            f"{where}: not an allowed value; the closest of the {len(options)} allowed: "
            f"{', '.join(ranked)}"
        )
        rest = f"all {len(options)} are listed under '{name}' in `elecsafe schema`"
        hint = f"did you mean '{close[0]}'? {rest}" if close else rest
    return Finding("REF003", Severity.ERROR, message, hint, path)


def error_to_finding(
    error: ErrorDetails, data: Any, root: type[BaseModel]
) -> tuple[Finding, Anchor]:
    path, missing, _ = clean_path(data, tuple(error["loc"]))
    kind = error["type"]
    where = dotted(path) or "plan"
    last = path[-1] if path else ""
    if kind == "extra_forbidden":
        close = key_candidates(root, path)
        hint = f"did you mean '{close[0]}'?" if close else "remove it, or check its indentation"
        return Finding(
            "SCH001",
            Severity.ERROR,
            f"unknown key '{last}' in {dotted(path[:-1]) or 'plan'}",
            hint,
            path,
        ), "key"
    if kind == "missing" or missing:
        return (
            Finding(
                "SCH002",
                Severity.ERROR,
                f"missing required key '{last}' in {dotted(path[:-1]) or 'plan'}",
                f"add '{last}:'",
                path,
            ),
            "parent",
        )
    if kind in _ENUM_TYPES:
        return _enum_finding(error, path, where), "value"
    message = error["msg"]
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    if kind == "value_error" and last == "timezone":
        hint = "use an IANA name such as Europe/London or America/Chicago"
        return Finding("REF002", Severity.ERROR, f"{where}: {message}", hint, path), "value"
    if kind in _DATE_TYPES:
        hint = "write dates as YYYY-MM-DD (or a date expression such as 'poll - 25 working days')"
        return Finding("REF002", Severity.ERROR, f"{where}: {message}", hint, path), "value"
    if kind == "string_pattern_mismatch" and isinstance(last, str) and _is_id_field(path):
        message = "ids are lowercase slugs: a-z, 0-9, '.', '_' and '-', at most 64 characters"
    if kind in _SHAPE_MESSAGES:
        message = _SHAPE_MESSAGES[kind] + _found(error.get("input"))
        return Finding(
            "SCH003", Severity.ERROR, f"{where}: {message}", _shape_hint(kind, root, path), path
        ), "value"
    return Finding("SCH003", Severity.ERROR, f"{where}: {message}", _type_hint(kind), path), "value"


# Wrong shapes: say what was expected and what was found (never the value itself).
_SHAPE_MESSAGES = {
    "list_type": "expected a list",
    "dict_type": "expected a mapping (key: value lines)",
    "model_type": "expected a mapping (key: value lines)",
    "model_attributes_type": "expected a mapping (key: value lines)",
}


def _found(value: Any) -> str:
    if isinstance(value, dict):
        return ", found a mapping"
    if isinstance(value, list):
        return ", found a list"
    if isinstance(value, str):
        return ", found text"
    if isinstance(value, bool):
        return ", found true/false"
    if isinstance(value, int | float):
        return ", found a number"
    return ""


def _shape_hint(kind: str, root: type[BaseModel], path: KeyPath) -> str:
    """The shape to write, with the keys of the items when they are mappings."""
    keys = sorted(_required_at(root, path))
    if kind == "list_type":
        if keys:
            example = ", ".join(f"{k}: ..." for k in keys)
            return f"write a list with one '- ' per entry, each a mapping: - {{{example}}}"
        return "write a list (one '- item' per line, or [a, b])"
    if keys:
        return f"write a mapping with {', '.join(keys)}"
    return "write a mapping (key: value lines)"


def _required_at(root: type[BaseModel], path: KeyPath) -> set[str]:
    """Required keys of the model(s) a value at ``path`` (or each item of it) must be."""
    models = _models_at(root, path, lenient=False)
    if len(models) != 1 or models[0] is root:
        return set()
    return {
        info.alias or name for name, info in models[0].model_fields.items() if info.is_required()
    }


def _is_id_field(path: KeyPath) -> bool:
    """An id or a reference to one (a value inside a list of ids counts too)."""
    names = [p for p in path if isinstance(p, str)]
    return bool(names) and (names[-1] == "id" or names[-1] in ("owners",))


def _type_hint(kind: str) -> str:
    if kind == "string_type":
        return "quote the value so YAML reads it as text"
    if kind in ("int_type", "int_parsing"):
        return "write a whole number"
    if kind == "bool_type" or kind == "bool_parsing":
        return "write true or false"
    if kind in ("list_type",):
        return "write a list (one '- item' per line)"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "write a mapping (key: value lines)"
    return "see `elecsafe schema` for the expected shape"


def merge_union_errors(findings: list[tuple[Finding, Anchor]]) -> list[tuple[Finding, Anchor]]:
    """Several union branches failing at one value become one finding."""
    merged: dict[tuple[KeyPath, str], tuple[Finding, Anchor]] = {}
    for finding, anchor in findings:
        key = (finding.path, anchor)
        if key in merged:
            first, _ = merged[key]
            if first.code == "SCH003" and finding.code == "SCH003":
                extra = finding.message.split(": ", 1)[-1].removeprefix("Input should be ")
                if extra not in first.message:
                    first = Finding(
                        first.code,
                        first.severity,
                        f"{first.message}, or {extra}",
                        first.hint,
                        first.path,
                    )
                merged[key] = (first, anchor)
            continue
        merged[key] = (finding, anchor)
    return list(merged.values())
