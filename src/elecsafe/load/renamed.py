"""Keys the model renamed, still read for one schema version, each reported once (SCH004).

A model lists them in ``renamed_keys`` (old name -> new name) and maps the old key onto the
new one before validation; this walk finds every old key in the plan's data, so the user sees
where and what to write instead. Only the branches of the model that can hold a model with
renamed keys are walked.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel

from elecsafe.findings import Finding, KeyPath, Severity
from elecsafe.load.schema_errors import _unwrap_models


def _renamed(model: type[BaseModel]) -> dict[str, str]:
    value = getattr(model, "renamed_keys", None)
    return value if isinstance(value, dict) else {}


@cache
def _children(model: type[BaseModel]) -> dict[str, tuple[type[BaseModel], ...]]:
    """Field name (and alias) -> the models its value may hold."""
    out: dict[str, tuple[type[BaseModel], ...]] = {}
    for name, info in model.model_fields.items():
        models = tuple(_unwrap_models(info.annotation))
        if models:
            out[name] = models
            if info.alias:
                out[info.alias] = models
    return out


@cache
def _reaches(model: type[BaseModel]) -> bool:
    """Whether ``model`` or a model below it has renamed keys."""
    seen: set[type[BaseModel]] = set()
    stack = [model]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        if _renamed(current):
            return True
        for models in _children(current).values():
            stack.extend(models)
    return False


def renamed_keys(data: Any, root: type[BaseModel]) -> dict[KeyPath, str]:
    """Every old key in ``data``: its key path -> the name the model uses now."""
    found: dict[KeyPath, str] = {}
    stack: list[tuple[Any, tuple[type[BaseModel], ...], KeyPath]] = [(data, (root,), ())]
    while stack:
        node, models, path = stack.pop()
        if isinstance(node, list):
            stack.extend((item, models, (*path, i)) for i, item in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            for model in models:
                new = _renamed(model).get(str(key))
                if new is not None:
                    found[(*path, key)] = new
            below = tuple(
                m for model in models for m in _children(model).get(str(key), ()) if _reaches(m)
            )
            if below:
                stack.append((value, below, (*path, key)))
    return found


def renamed_key_findings(data: Any, root: type[BaseModel]) -> list[Finding]:
    findings = [
        Finding(
            "SCH004",
            Severity.WARNING,
            f"key '{path[-1]}' is now '{new}'; '{path[-1]}' is still read in schema version 1 only",
            f"rename it to '{new}'",
            path,
            anchor="key",
        )
        for path, new in renamed_keys(data, root).items()
    ]
    return sorted(findings, key=lambda f: [str(p) for p in f.path])
