"""One YAML file opened for editing: change nodes by key path, keep every other byte.

Why splice instead of dumping the whole file: ruamel's round trip keeps comments in principle,
yet a whole-file dump of hand-written YAML still re-indents end-of-block comments, drops blank
lines after flow values and reflows long scalars (the ansible-lint ``--fix`` record). So the
file is *composed* with ruamel's round-trip composer, which gives every key and value its exact
character span, and each edit replaces exactly those characters (a renamed key, a new scalar)
or inserts a fragment at the indentation of its siblings. Comments, key order, quoting, flow
style and blank lines outside the edited nodes are the original bytes; so are the file's line
endings, its byte-order mark and whether it ends in a newline.

Edits are collected against the composed text and applied together (:meth:`YamlDocument.text`);
the result is read back with the plan reader before anything may be written, so an edit can
never leave a file that does not parse.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.timestamp import TimeStamp

from elecsafe.findings import KeyPath, dotted
from elecsafe.load.yaml_reader import Limits, read_yaml, resolve_plain
from elecsafe.scaffold.yamltext import quote, yaml_scalar


class EditError(Exception):
    """The edit cannot be made (YAML errors in the file, a path that is not there). The
    message is one line, starting with ``file:line:col`` where there is a position."""


@dataclass(frozen=True, slots=True)
class _Splice:
    start: int
    end: int
    text: str
    order: int


def _rt() -> YAML:
    yaml = YAML()  # round trip
    yaml.width = 4096  # never re-wrap a long scalar
    yaml.indent(mapping=2, sequence=4, offset=2)  # "key:\n  - item" (the examples' style)
    return yaml


class YamlDocument:
    """A YAML file composed with ruamel's round-trip composer, edited by splicing."""

    def __init__(self, path: Path, shown: str, raw: bytes, limits: Limits | None = None) -> None:
        self.path = path
        self.shown = shown
        self.original = raw
        self.limits = limits or Limits()
        self.bom = raw.startswith(b"\xef\xbb\xbf")
        checked = read_yaml(raw, shown, self.limits)
        errors = [f for f in checked.findings if f.code.startswith("YML")]
        if errors or not checked.ok:
            first = errors[0] if errors else None
            where = f"{first.file}:{first.line}:{first.column}: " if first else f"{shown}: "
            reason = first.message if first else "cannot be read"
            raise EditError(f"{where}{reason}; fix the YAML first (nothing was written)")
        text = raw.decode("utf-8-sig")
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.base = text.replace("\r\n", "\n") if self.newline == "\r\n" else text
        self.root: Node | None = _rt().compose(self.base)
        self._splices: list[_Splice] = []

    @classmethod
    def open(
        cls, path: Path, shown: str | None = None, limits: Limits | None = None
    ) -> YamlDocument:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise EditError(f"{shown or path}: cannot read ({exc.strerror or exc})") from None
        return cls(path, shown or str(path), raw, limits)

    # -- finding nodes ----------------------------------------------------------------------

    def node(self, path: KeyPath) -> Node | None:
        found = self._walk(path)
        return found[1] if found else None

    def value(self, path: KeyPath) -> str | None:
        """The text of the scalar at ``path`` as written (without quotes), or None."""
        node = self.node(path)
        return node.value if isinstance(node, ScalarNode) else None

    def has(self, path: KeyPath) -> bool:
        return self._walk(path) is not None

    def _walk(self, path: KeyPath) -> tuple[ScalarNode | None, Node] | None:
        """(key node or None, value node) at ``path``."""
        node = self.root
        key: ScalarNode | None = None
        if node is None:
            return None
        for part in path:
            if isinstance(node, MappingNode) and isinstance(part, str):
                for k, v in node.value:
                    if isinstance(k, ScalarNode) and k.value == part:
                        key, node = k, v
                        break
                else:
                    return None
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not -len(node.value) <= part < len(node.value):
                    return None
                key, node = None, node.value[part]
            else:
                return None
        assert node is not None
        return key, node

    def _need(self, path: KeyPath) -> tuple[ScalarNode | None, Node]:
        found = self._walk(path)
        if found is None:
            raise EditError(f"{self.shown}: no '{dotted(path)}' in this file")
        return found

    def where(self, node: Node) -> str:
        return f"{self.shown}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"

    # -- edits ------------------------------------------------------------------------------

    def _splice(self, start: int, end: int, text: str) -> None:
        for other in self._splices:
            if other.start < end and start < other.end:
                raise EditError(f"{self.shown}: two edits overlap at offset {start}")
        self._splices.append(_Splice(start, end, text, len(self._splices)))

    def set(self, path: KeyPath, value: Any) -> bool:
        """Set the value at ``path``: a scalar keeps its quoting style where it can; a missing
        last key is added to its mapping. Returns whether anything changed."""
        found = self._walk(path)
        if found is None:
            if not path or not isinstance(path[-1], str):
                raise EditError(f"{self.shown}: no '{dotted(path)}' in this file")
            self.insert(path[:-1], path[-1], value)
            return True
        _, node = found
        if isinstance(node, ScalarNode):
            new = scalar_text(value, node.style)
            old = self.base[node.start_mark.index : node.end_mark.index]
            if _same_scalar(node, value):
                return False
            if node.style in ("|", ">"):
                raise EditError(f"{self.where(node)}: cannot replace a block scalar in place")
            self._splice(node.start_mark.index, node.start_mark.index + len(old.rstrip()), new)
            return True
        if getattr(node, "flow_style", False):
            new = flow_text(value)
            self._splice(node.start_mark.index, node.end_mark.index, new)
            return True
        # a block collection replaced by another value: from the end of its key to its last line
        key, _ = found
        if key is None:
            raise EditError(f"{self.where(node)}: cannot replace a block list item in place")
        start = key.end_mark.index
        colon = self.base.index(":", start)
        end = self._content_end(node)
        if isinstance(value, dict | list) and value:
            block = block_text(value, key.start_mark.column + 2)
            self._splice(colon + 1, end, "\n" + block.rstrip("\n"))
        else:
            self._splice(colon + 1, end, " " + flow_text(value))
        return True

    def rename_key(self, path: KeyPath, new_key: str) -> None:
        key, _ = self._need(path)
        if key is None:
            raise EditError(f"{self.shown}: '{dotted(path)}' is a list item, not a key")
        self._splice(key.start_mark.index, key.end_mark.index, scalar_text(new_key, key.style))

    def insert(self, path: KeyPath, key: str, value: Any) -> None:
        """Add ``key: value`` as the last entry of the mapping at ``path``."""
        _, mapping = self._need(path)
        if not isinstance(mapping, MappingNode):
            raise EditError(f"{self.where(mapping)}: '{dotted(path)}' is not a mapping")
        if mapping.flow_style or not mapping.value:
            entry = f"{scalar_text(key)}: {flow_text(value)}"
            close = self._flow_close(mapping)
            sep = ", " if mapping.value else ""
            self._splice(close, close, sep + entry)
            return
        column = mapping.value[0][0].start_mark.column
        fragment = block_text({key: value}, column)
        self._insert_after(mapping, fragment)

    def append(self, path: KeyPath, item: Any, *, flow: bool | None = None) -> None:
        """Add ``item`` as the last element of the list at ``path``. A flow list gets a flow
        item; a block list gets a block item unless its last item is a flow mapping (or
        ``flow`` says otherwise). An empty ``[]`` under a block key becomes a block list."""
        key, seq = self._need(path)
        if isinstance(seq, ScalarNode) and seq.value == "" and key is not None:
            # ``lessons:`` with nothing after it
            colon = self.base.index(":", key.end_mark.index)
            self._insert_at(self._line_end(colon), block_text([item], key.start_mark.column + 2))
            return
        if not isinstance(seq, SequenceNode):
            raise EditError(f"{self.where(seq)}: '{dotted(path)}' is not a list")
        if seq.flow_style:
            parent = self.node(path[:-1])
            under_block_key = (
                key is not None and isinstance(parent, MappingNode) and not parent.flow_style
            )
            if not seq.value and under_block_key and isinstance(item, dict) and item:
                # ``lessons: []`` under a block mapping: becomes a block list
                assert key is not None
                colon = self.base.index(":", key.end_mark.index)
                self._splice(colon + 1, seq.end_mark.index, "")
                at = self._line_end(seq.end_mark.index)
                self._insert_at(at, block_text([item], key.start_mark.column + 2))
                return
            close = self._flow_close(seq)
            self._splice(close, close, (", " if seq.value else "") + flow_text(item))
            return
        first = seq.value[0]
        line_start = self.base.rfind("\n", 0, first.start_mark.index) + 1
        dash = self.base.index("-", line_start)
        column = dash - line_start
        last = seq.value[-1]
        use_flow = flow if flow is not None else bool(getattr(last, "flow_style", False))
        if use_flow:
            fragment = " " * column + "- " + flow_text(item) + "\n"
        else:
            fragment = block_text([item], column)
        self._insert_after(seq, fragment)

    def delete(self, path: KeyPath) -> None:
        """Remove a key (and its value) or a list item, with the lines they occupy."""
        key, node = self._need(path)
        parent = self.node(path[:-1])
        if getattr(parent, "flow_style", False):
            raise EditError(f"{self.where(node)}: cannot delete inside a flow collection")
        first = key if key is not None else node
        start = self.base.rfind("\n", 0, first.start_mark.index) + 1
        end = self._line_end(self._content_end(node))
        self._splice(start, end, "")

    # -- positions --------------------------------------------------------------------------

    def _flow_close(self, node: Node) -> int:
        """Offset of the closing bracket of a flow collection."""
        end = node.end_mark.index
        return self.base.rindex("}" if isinstance(node, MappingNode) else "]", 0, end)

    def _content_end(self, node: Node) -> int:
        """Offset just after the last character of ``node``'s own content (trailing blank
        lines and comments of a block collection are not its content)."""
        while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
            last = node.value[-1]
            node = last[1] if isinstance(last, tuple) else last
        start: int = node.start_mark.index
        text = self.base[start : node.end_mark.index]
        return start + len(text.rstrip())

    def _line_end(self, offset: int) -> int:
        """Start of the line after ``offset`` (or the end of the text)."""
        newline = self.base.find("\n", offset)
        return len(self.base) if newline < 0 else newline + 1

    def _insert_after(self, collection: Node, fragment: str) -> None:
        self._insert_at(self._line_end(self._content_end(collection)), fragment)

    def _insert_at(self, at: int, fragment: str) -> None:
        if at == len(self.base) and not self.base.endswith("\n"):
            fragment = "\n" + fragment.rstrip("\n")
        self._splice(at, at, fragment)

    # -- the result -------------------------------------------------------------------------

    @property
    def changed(self) -> bool:
        return self.text() != self.base

    def text(self) -> str:
        out = self.base
        for splice in sorted(self._splices, key=lambda s: (s.start, s.order), reverse=True):
            out = out[: splice.start] + splice.text + out[splice.end :]
        return out

    def new_bytes(self) -> bytes:
        """The edited file in its own encoding conventions, checked to read back cleanly."""
        text = self.text()
        if self.newline == "\r\n":
            text = text.replace("\n", "\r\n")
        data = (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")
        checked = read_yaml(data, self.shown, self.limits)
        problems = [f for f in checked.findings if f.code.startswith("YML")]
        if problems or not checked.ok:
            detail = problems[0].message if problems else "unreadable"
            raise EditError(
                f"{self.shown}: the edit would break the file ({detail}); nothing written"
            )
        return data


# -- rendering values ------------------------------------------------------------------------


def _same_scalar(node: ScalarNode, value: Any) -> bool:
    if isinstance(value, str):
        # a plain scalar already written as this text stays as written (``A & B``)
        return bool(node.value == value and (node.style or resolve_plain(node.value) == value))
    if isinstance(value, datetime) and not node.style:
        return bool(node.value.replace(" ", "T") == scalar_text(value))
    if isinstance(value, date) and not node.style:
        return bool(node.value == value.isoformat())
    return not node.style and node.value == yaml_scalar(value)


def scalar_text(value: Any, style: str | None = None) -> str:
    """A scalar written the way the file wrote the one it replaces: single- or double-quoted
    text stays so; plain text stays plain when that reads back as the same string in YAML
    1.1 and 1.2; anything ambiguous is double-quoted."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, microsecond=0).isoformat()
    if isinstance(value, str):
        if style == "'" and value.isprintable():
            return "'" + value.replace("'", "''") + "'"
        if style == '"':
            return quote(value)
    return yaml_scalar(value)


def flow_text(value: Any) -> str:
    """A value on one line: scalars as :func:`scalar_text`, collections in flow style."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar_text(k)}: {flow_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow_text(v) for v in value) + "]"
    return scalar_text(value)


def _for_ruamel(value: Any) -> Any:
    """Strings that would read back as something else are double-quoted for ruamel."""
    if isinstance(value, dict):
        return {str(k): _for_ruamel(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_for_ruamel(v) for v in value]
    if isinstance(value, str) and yaml_scalar(value) != value:
        return DoubleQuotedScalarString(value)
    if isinstance(value, datetime):  # ISO 8601 with a "T", as people write it in the plan
        stamp = TimeStamp(*value.timetuple()[:6])
        stamp._yaml["t"] = True
        return stamp
    return value


def block_text(value: dict[str, Any] | list[Any], column: int) -> str:
    """A block mapping or list dumped by ruamel on its own, indented to ``column``."""
    buffer = io.StringIO()
    _rt().dump(_for_ruamel(value), buffer)
    pad = " " * column
    text = textwrap.dedent(buffer.getvalue())  # a top-level list comes out indented by 2
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))
