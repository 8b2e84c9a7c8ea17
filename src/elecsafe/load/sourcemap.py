"""Key path -> ``file:line:col`` for a plan that may span several files.

The loader merges the position trees of ``plan.yaml`` and its includes into one tree that
mirrors the merged data; a lookup walks it along the key path. Rules and reporters only ever
see key paths, never YAML nodes.
"""

from __future__ import annotations

from collections.abc import Callable
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


# -- a plan spread over several files, with positions read only when asked for ----------------
#
# Why: a position tree costs more memory than the data it describes (two ints and a tuple per
# key). A clean plan never asks for a position, so the loader reads every file without one and
# records only *where each part of the merged plan came from* (an origin tree that is as small
# as the number of include merges). ``locate`` translates a merged key path into a path inside
# one file, then reads that file's positions once.


@dataclass(frozen=True, slots=True)
class FileOrigin:
    """This part of the plan is written in ``file`` at the in-file key path ``prefix``."""

    file: str
    prefix: KeyPath = ()


class MergedMap:
    """A mapping whose keys come from several files; keys not listed come from ``home``."""

    __slots__ = ("children", "home")

    def __init__(self, home: FileOrigin) -> None:
        self.home = home
        self.children: dict[str, Origin] = {}

    def child(self, key: str) -> Origin:
        found = self.children.get(key)
        return found if found is not None else FileOrigin(self.home.file, (*self.home.prefix, key))


class MergedList:
    """A list concatenated from several files: ``(start index, length, origin)`` segments."""

    __slots__ = ("home", "segments")

    def __init__(self, home: FileOrigin, length: int) -> None:
        self.home = home
        self.segments: list[tuple[int, int, FileOrigin]] = [(0, length, home)]

    def extend(self, length: int, origin: FileOrigin) -> None:
        start, count, _ = self.segments[-1]
        self.segments.append((start + count, length, origin))

    def item(self, index: int) -> FileOrigin | None:
        start, count, _ = self.segments[-1]
        if index < 0:
            index += start + count
        for first, length, origin in self.segments:
            if first <= index < first + length:
                return FileOrigin(origin.file, (*origin.prefix, index - first))
        return None


Origin = FileOrigin | MergedMap | MergedList


def resolve(origin: Origin, path: KeyPath) -> tuple[str, KeyPath]:
    """(file, path inside that file) for a key path of the merged plan."""
    for index, part in enumerate(path):
        if isinstance(origin, FileOrigin):
            return origin.file, (*origin.prefix, *path[index:])
        if isinstance(origin, MergedMap) and isinstance(part, str):
            origin = origin.child(part)
        elif isinstance(origin, MergedList) and isinstance(part, int):
            found = origin.item(part)
            if found is None:
                return origin.home.file, origin.home.prefix  # past the end: point at the list
            origin = found
        else:
            return origin.home.file, origin.home.prefix
    if isinstance(origin, FileOrigin):
        return origin.file, origin.prefix
    return origin.home.file, origin.home.prefix


class FileTrees:
    """Position trees of single files, read on first use through ``read(file) -> Pos``."""

    def __init__(self, read: Callable[[str], Pos | None]) -> None:
        self._read = read
        self._maps: dict[str, SourceMap] = {}

    def map(self, file: str) -> SourceMap:
        found = self._maps.get(file)
        if found is None:
            found = self._maps[file] = SourceMap(self._read(file), file)
        return found

    def locate(self, file: str, path: KeyPath, anchor: Anchor = "value") -> Location:
        return self.map(file).locate(path, anchor)

    def release(self, file: str) -> None:
        """Forget a file's positions (read again if asked): a batch of findings located file by
        file keeps one tree in memory at a time, not one per file of a state-sized plan."""
        self._maps.pop(file, None)


class PlanSourceMap(SourceMap):
    """Key path of the merged plan -> ``file:line:col``, reading positions lazily."""

    def __init__(self, origin: Origin, root_file: str, trees: FileTrees) -> None:
        super().__init__(None, root_file)
        self.origin = origin
        self.trees = trees

    def locate(self, path: KeyPath, anchor: Anchor = "value") -> Location:
        if anchor == "parent" and path:
            path, anchor = path[:-1], "value"
        file, inner = resolve(self.origin, path)
        return self.trees.locate(file, inner, anchor)

    def file_of(self, path: KeyPath, anchor: Anchor = "value") -> str:
        """The file a key path of the merged plan is written in (as :meth:`locate` reads it)."""
        if anchor == "parent" and path:
            path = path[:-1]
        return resolve(self.origin, path)[0]
