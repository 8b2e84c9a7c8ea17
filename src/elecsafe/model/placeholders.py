"""Placeholders: the one place that decides what is still a draft.

`elecsafe init` scaffolds a plan whose undecided values start with ``TODO`` ("TODO: name of
the returning officer"). A value like that is a decision still to take with the partner
agency, so it must never count as done: the loader reports each one (TODO001), the readiness
summary counts the entry that holds it as not done, ``check --ready`` fails on it, and a
document whose part of the plan holds one is marked DRAFT.

Why one detector: the loader, the schema checks, the reference checks, the readiness summary
and the documents all asked "is this a placeholder?" in their own words; now they ask here.
Paths are plan key paths (``("mous", 0, "sections", "review")``), the same paths findings use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from elecsafe.findings import KeyPath

MARKER = "TODO"


def is_placeholder(value: object) -> bool:
    """A scalar the scaffold left for the user to replace: text starting with ``TODO``."""
    return isinstance(value, str) and value.startswith(MARKER)


def placeholder_hint(value: str) -> str:
    """What the placeholder asks for ("TODO: name of the council" -> "name of the council")."""
    return value[len(MARKER) :].lstrip(" :-")


def find_placeholders(data: Any, base: KeyPath = ()) -> list[tuple[KeyPath, str]]:
    """Every placeholder in plain data (dicts, lists, scalars) with its key path, in document
    order."""
    found: list[tuple[KeyPath, str]] = []
    stack: list[tuple[Any, KeyPath]] = [(data, base)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            stack.extend((v, (*path, k)) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((v, (*path, i)) for i, v in reversed(list(enumerate(value))))
        elif is_placeholder(value):
            found.append((path, value))
    return found


@dataclass(frozen=True)
class Placeholders:
    """The placeholders of one plan, answering "is anything under this path still a draft?"
    in constant time."""

    paths: tuple[KeyPath, ...] = ()
    _prefixes: frozenset[KeyPath] = field(default=frozenset(), repr=False, compare=False)

    @classmethod
    def of(cls, data: Any) -> Placeholders:
        paths = tuple(path for path, _ in find_placeholders(data))
        return cls(paths, frozenset(_all_prefixes(paths)))

    def __len__(self) -> int:
        return len(self.paths)

    def __bool__(self) -> bool:
        return bool(self.paths)

    def __iter__(self) -> Iterator[KeyPath]:
        return iter(self.paths)

    def under(self, *prefixes: KeyPath) -> bool:
        """True when a placeholder sits at or below any of ``prefixes``."""
        return any(tuple(p) in self._prefixes for p in prefixes)

    def within(self, prefix: KeyPath) -> list[KeyPath]:
        """The placeholders at or below ``prefix``."""
        n = len(prefix)
        return [p for p in self.paths if p[:n] == tuple(prefix)]


def _all_prefixes(paths: Iterable[KeyPath]) -> Iterator[KeyPath]:
    for path in paths:
        for n in range(len(path) + 1):
            yield path[:n]
