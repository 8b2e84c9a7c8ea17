"""Edits to a plan that spans several files: key paths of the merged plan -> the file that
writes them, one :class:`YamlDocument` per touched file, a unified diff, atomic writes.

Only the files an edit touches are composed with ruamel (its round trip is several times
slower than the C reader that loads the plan for analysis), so fixing one key of a 10k-site
plan costs one small file's round trip on top of the ordinary load.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from elecsafe.edit.document import EditError, YamlDocument
from elecsafe.findings import KeyPath
from elecsafe.load.loader import display_path
from elecsafe.load.sourcemap import PlanSourceMap, resolve

if TYPE_CHECKING:
    from elecsafe.load.loader import LoadedPlan


@dataclass(frozen=True)
class Change:
    path: Path
    shown: str
    before: bytes
    after: bytes

    def diff(self) -> str:
        """A unified diff as ``git diff`` shows it (line endings made visible as text)."""
        old = self.before.decode("utf-8-sig").splitlines(keepends=True)
        new = self.after.decode("utf-8-sig").splitlines(keepends=True)
        absolute = Path(self.shown).is_absolute()
        before, after = (self.shown,) * 2 if absolute else (f"a/{self.shown}", f"b/{self.shown}")
        lines = difflib.unified_diff(old, new, before, after)
        return "".join(
            line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            for line in lines
        )


def write_changes(changes: list[Change], plan_dir: Path, *, new: Path | None = None) -> None:
    """The one place edits reach the disk, through the write guard
    (:func:`elecsafe.writes.check_plan_edit`: only the plan's own YAML files, never through a
    symlink, never in private/; ``new`` must not exist yet). Every target is checked before
    the first is replaced; each is written atomically. A refusal is an :class:`EditError`."""
    from elecsafe.writes import WriteRefused, check_plan_edit, write_bytes_atomic

    try:
        for change in changes:
            check_plan_edit(change.path, plan_dir, new=change.path == new)
    except WriteRefused as exc:
        raise EditError(str(exc)) from None
    for change in changes:
        write_bytes_atomic(change.path, change.after)


class PlanEdit:
    """A set of edits to one plan, applied all together or not at all."""

    def __init__(self, loaded: LoadedPlan) -> None:
        self.loaded = loaded
        self._files = {display_path(p): p for p in loaded.files}
        self._docs: dict[str, YamlDocument] = {}

    def locate(self, path: KeyPath) -> tuple[YamlDocument, KeyPath]:
        """The document and in-file key path that write ``path`` of the merged plan."""
        source_map = self.loaded.source_map
        if isinstance(source_map, PlanSourceMap):
            shown, inner = resolve(source_map.origin, path)
        else:
            shown, inner = source_map.root_file, path
        return self.document(shown), inner

    def document(self, shown: str) -> YamlDocument:
        doc = self._docs.get(shown)
        if doc is None:
            file = self._files.get(shown)
            if file is None:
                raise EditError(f"{shown}: not a file of this plan")
            doc = self._docs[shown] = YamlDocument.open(file, shown)
        return doc

    # conveniences on merged key paths
    def set(self, path: KeyPath, value: Any) -> bool:
        doc, inner = self.locate(path)
        return doc.set(inner, value)

    def rename_key(self, path: KeyPath, new_key: str) -> None:
        doc, inner = self.locate(path)
        doc.rename_key(inner, new_key)

    def insert(self, path: KeyPath, key: str, value: Any) -> None:
        doc, inner = self.locate((*path, key))
        doc.insert(inner[:-1], key, value)

    def append(self, path: KeyPath, item: Any, *, flow: bool | None = None) -> None:
        doc, inner = self.locate(path)
        doc.append(inner, item, flow=flow)

    def delete(self, path: KeyPath) -> None:
        doc, inner = self.locate(path)
        doc.delete(inner)

    def changes(self) -> list[Change]:
        out: list[Change] = []
        for shown, doc in sorted(self._docs.items()):
            if doc.changed:
                out.append(Change(doc.path, shown, doc.original, doc.new_bytes()))
        return out

    def diff(self) -> str:
        return "".join(change.diff() for change in self.changes())

    def write(self) -> list[Change]:
        """Write every changed file. All new contents are built (and checked to read back)
        before the first file is replaced."""
        changes = self.changes()
        write_changes(changes, self.loaded.directory)
        return changes
