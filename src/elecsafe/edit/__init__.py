"""Editing plan files in place: ruamel round-trip composition, byte-exact splices, atomic
writes, unified diffs (:mod:`elecsafe.edit.document`, :mod:`elecsafe.edit.session`); the
safe repairs of ``elecsafe fix`` (:mod:`elecsafe.edit.fixes`).

The names below are loaded on first use, so ``check`` can count fixable findings through
:mod:`elecsafe.edit.fixes` without importing ruamel."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from elecsafe.edit.document import EditError, YamlDocument
    from elecsafe.edit.session import Change, PlanEdit, write_changes

_WHERE = {
    "EditError": "elecsafe.edit.document",
    "YamlDocument": "elecsafe.edit.document",
    "Change": "elecsafe.edit.session",
    "PlanEdit": "elecsafe.edit.session",
    "write_changes": "elecsafe.edit.session",
}

__all__ = ["Change", "EditError", "PlanEdit", "YamlDocument", "write_changes"]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'elecsafe.edit' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
