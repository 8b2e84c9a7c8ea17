"""Key path -> ``file:line:col`` for a plan that may span several files.

The loader merges the position trees of ``plan.yaml`` and its includes into one tree that
mirrors the merged data; a lookup walks it along the key path. Rules and reporters only ever
see key paths, never YAML nodes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from elecsafe.findings import KeyPath
from elecsafe.load.yaml_reader import COL_BITS, COL_MASK, MapPos, Pos, ScalarPos, SeqPos

Anchor = Literal["key", "value", "parent"]


@dataclass(frozen=True, slots=True)
class Location:
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def _loc(pos: Pos | int, file: str) -> Location:
    if isinstance(pos, ScalarPos | MapPos | SeqPos):
        file, packed = pos.file, pos.start
    else:
        packed = pos
    return Location(file, packed >> COL_BITS, packed & COL_MASK)


class SourceMap:
    def __init__(self, root: Pos | None, root_file: str) -> None:
        self.root = root
        self.root_file = root_file

    def locate(self, path: KeyPath, anchor: Anchor = "value") -> Location:
        """Where ``path`` is written. ``key`` points at the key itself (unknown keys);
        ``parent`` at the enclosing mapping (missing keys). A path that goes deeper than the
        data (an optional block left out) resolves to the deepest part that exists."""
        if self.root is None:
            return Location(self.root_file, 1, 1)
        node: Pos = self.root
        file = self.root_file
        if anchor == "parent" and path:
            path = path[:-1]
        for index, part in enumerate(path):
            last = index == len(path) - 1
            if isinstance(node, MapPos) and isinstance(part, str) and part in node.entries:
                file = node.file
                key_pos, value_pos = node.entries[part]
                if last and anchor == "key":
                    return _loc(key_pos, file)
                node = value_pos
            elif (
                isinstance(node, SeqPos)
                and isinstance(part, int)
                and -len(node.items) <= part < len(node.items)
            ):
                file = node.file
                node = node.items[part]
            else:
                break
            if isinstance(node, MapPos | SeqPos):
                file = node.file
        return _loc(node, file)
