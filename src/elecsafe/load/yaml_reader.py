"""Read one YAML file into plain Python values plus a tree of source positions.

Why not ruamel round-trip or ``yaml.safe_load``: round-trip reads ~170 KB/s and a state-sized
plan is megabytes; ``safe_load`` resolves YAML 1.1 (``no`` -> False, ``012`` -> 10), silently
keeps the last of two duplicate keys, expands aliases, and its C composer recurses, so a
100,000-deep file crashes the interpreter. Instead we walk libyaml's *event stream*
(iterative, with exact marks) and build values and positions in one pass:

* YAML 1.2 core schema for plain scalars, plus ISO dates/datetimes (as ruamel does);
  quoted and block scalars are always strings; mapping keys are always strings.
* Duplicate keys, aliases (and so "billion laughs"), foreign tags, multiple documents and
  nesting beyond ``Limits.max_depth`` are findings with a position, never exceptions.
* Positions are 1-based and packed into ints (``line << 20 | column``) to keep the source
  map small at 50k sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from sys import intern as _intern
from typing import Any

import yaml

from elecsafe.findings import Finding, Severity

try:  # libyaml is bundled in PyYAML's wheels; the pure parser is a slow but correct fallback.
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

COL_BITS = 20
COL_MASK = (1 << COL_BITS) - 1


def pack(line: int, column: int) -> int:
    return (line << COL_BITS) | min(column, COL_MASK)


def unpack(packed: int) -> tuple[int, int]:
    return packed >> COL_BITS, packed & COL_MASK


class MapPos:
    """Positions of a mapping: its start and, per key, (key position, value position)."""

    __slots__ = ("entries", "file", "start")

    def __init__(self, file: str, start: int) -> None:
        self.file = file
        self.start = start
        self.entries: dict[str, tuple[int, Pos]] = {}


class SeqPos:
    __slots__ = ("file", "items", "start")

    def __init__(self, file: str, start: int) -> None:
        self.file = file
        self.start = start
        self.items: list[Pos] = []


@dataclass(slots=True)
class ScalarPos:
    """A scalar position that carries its own file (only needed where files are merged)."""

    file: str
    start: int


Pos = int | MapPos | SeqPos | ScalarPos


@dataclass(frozen=True)
class Limits:
    """Bounds applied before anything walks user data. Configurable per run (see docs/limits.md)."""

    # 16 MiB of YAML reads in ~3 s; a 50 MB file is refused before it is read.
    max_file_bytes: int = 16 * 1024 * 1024
    max_depth: int = 64
    max_include_files: int = 500
    # A file of 300,000 aliases or duplicate keys stops here instead of printing for a minute.
    max_findings: int = 1000


@dataclass
class ReadResult:
    data: Any = None
    pos: Pos | None = None
    findings: list[Finding] = field(default_factory=list)
    ok: bool = True  # False when the file could not be read into data at all

    @property
    def map_pos(self) -> MapPos | None:
        return self.pos if isinstance(self.pos, MapPos) else None


def yaml_finding(
    code: str, message: str, file: str, line: int, column: int, hint: str = ""
) -> Finding:
    return Finding(code, Severity.ERROR, message, hint).at(file, line, column)


# -- scalar resolution (YAML 1.2 core schema + ISO timestamps) --------------------------------

_SPECIAL = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
    "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}  # fmt: skip
_MAYBE_TYPED = frozenset("-+.0123456789~nNtTfF")
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
    r"(?:[Zz]|[-+][0-9]{2}(?::?[0-9]{2})?)?\Z"
)
_CORE_TAGS = frozenset(
    {"!"}
    | {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")}
)


_MAX_TYPED = 64  # longer numbers stay text: int("1" * 5000) raises instead of converting
_MAX_SHARED = 40  # ids and enum values repeat thousands of times: keep one copy of each


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar. Impossible dates stay strings so the schema
    reports them at their position with the field's own message."""
    if not text or text[0] not in _MAYBE_TYPED or len(text) > _MAX_TYPED:
        return _intern(text) if len(text) <= _MAX_SHARED else text
    if text in _SPECIAL:
        return _SPECIAL[text]
    if _INT.match(text):
        return int(text)
    if text.startswith(("0o", "0x")):
        try:
            return int(text[2:], 8 if text[1] == "o" else 16)
        except ValueError:
            return text
    if _FLOAT.match(text):
        return float(text)
    if _DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text
    if _DATETIME.match(text):
        try:
            return datetime.fromisoformat(text.replace(" ", "T", 1).replace("z", "Z"))
        except ValueError:
            return text
    return text


# -- the event walker --------------------------------------------------------------------------


class _Frame:
    __slots__ = (
        "container",
        "flow",
        "is_map",
        "key_end",
        "key_mark",
        "pair_start",
        "pending_key",
        "pending_kpos",
        "pos",
        "skip_next",
    )

    def __init__(
        self, container: Any, pos: MapPos | SeqPos | None, flow: bool = False, pair_start: int = -1
    ) -> None:
        self.container = container
        self.pos = pos
        self.is_map = isinstance(container, dict)
        self.flow = flow  # written inline: {a: b} or [a, b]
        self.pair_start = pair_start  # a "key: value" pair inside [...]: its start index
        self.pending_key: str | None = None
        self.pending_kpos = 0
        self.key_end = -1  # where the pending key's text ends (flow mappings)
        self.key_mark: Any = None  # and where it starts
        self.skip_next = False  # the value after a duplicate key is read but dropped


# YML008: the YAML slips of inline collections that read as something else (issue #17).
_COMMA_SLIP = (
    "an unquoted ',' inside {...} split a value: the text after the comma became a key "
    "without a value",
    'quote the whole value (name: "first part, second part"), or write the mapping one '
    "key per line",
)
_PAIR_SLIP = (
    "an unquoted ': ' inside [...] turned this item into a mapping",
    "quote the item (\"text: more text\"), or write the list one '- item' per line",
)
_COLON_SLIP = {
    "}": (
        "YAML syntax error: an unquoted ': ' inside {...} ends the value before it",
        'quote the value (title: "text: more text"), or write the mapping one key per line',
    ),
    "]": (
        "YAML syntax error: an unquoted ': ' inside [...] ends the item before it",
        "quote the item (\"text: more text\"), or write the list one '- item' per line",
    ),
}


_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
    (b"\xff\xfe", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "UTF-16 (big-endian)"),
)
_SAVE_AS = (
    "save the file as UTF-8 (e.g. Notepad: Save As, Encoding: UTF-8; VS Code: Save with "
    "Encoding); until then, references to what it defines are not checked"
)
# Bytes 0x80-0x9f are printable in Windows-1252 (curly quotes, dashes, the euro sign) and
# control characters in ISO 8859-1, which no YAML file contains.
_CP1252_ONLY = frozenset(range(0x80, 0xA0)) - {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def guess_encoding(raw: bytes) -> str | None:
    """The encoding a file that is not UTF-8 was probably saved in: by its byte-order mark
    (UTF-16, UTF-32), by its NUL bytes (UTF-16 without a mark), else Windows-1252 or ISO 8859-1
    when every byte decodes (the usual case for a file saved by an older Windows editor)."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    sample = raw[:4096]
    if sample and sample.count(0) * 4 >= len(sample):
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        return (
            "UTF-16 (big-endian, no byte-order mark)"
            if even > odd
            else ("UTF-16 (little-endian, no byte-order mark)")
        )
    high = {b for b in raw if b >= 0x80}
    if (high & set(range(0x80, 0xA0))) - _CP1252_ONLY:
        return None  # control bytes in either: not a text encoding we can name
    if high & _CP1252_ONLY:
        try:
            raw.decode("cp1252")
        except UnicodeDecodeError:
            return None
        return "Windows-1252"
    if high:
        return "ISO 8859-1 (Latin-1) or Windows-1252"
    return None


def _decode(raw: bytes, file: str) -> tuple[str | None, Finding | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        seen = guess_encoding(raw)
        if seen is not None and seen.startswith("UTF-"):
            return None, yaml_finding("YML005", f"file is {seen}, not UTF-8", file, 1, 1, _SAVE_AS)
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})"
        if seen is not None:
            message += f": it looks like {seen}"
        return None, yaml_finding("YML005", message, file, line, column, _SAVE_AS)


def read_yaml(
    raw: bytes | str, file: str, limits: Limits | None = None, *, positions: bool = True
) -> ReadResult:
    """Parse one YAML document. Never raises for bad input: problems come back as findings.

    ``positions=False`` builds the values only (``pos`` is None): the plan loader reads every
    file that way and re-reads a file with positions only when a finding needs a line number,
    so a clean 50k-site plan never pays for a position tree bigger than its data."""
    limits = limits or Limits()
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > limits.max_file_bytes:
        return ReadResult(
            findings=[
                yaml_finding(
                    "YML004",
                    f"file is {size:,} bytes, above the limit of {limits.max_file_bytes:,}",
                    file,
                    1,
                    1,
                    "split the plan into included files, or raise ELECSAFE_MAX_FILE_BYTES",
                )
            ],
            ok=False,
        )
    if isinstance(raw, bytes):
        text, problem = _decode(raw, file)
        if text is None:
            return ReadResult(findings=[problem] if problem else [], ok=False)
    else:
        text = raw.removeprefix("\ufeff")
    if not positions:
        try:
            return _Walker(text, file, limits, positions=False).run()
        except _NeedPositions:
            pass  # a duplicate key: its message names the line of the first one
    return _Walker(text, file, limits).run()


_DEEP_HINT = "a plan never needs this depth; check for runaway brackets"


class _NeedPositions(Exception):
    """Raised by a walker without positions when a finding needs them."""


class _TooManyProblems(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


class _Walker:
    def __init__(self, text: str, file: str, limits: Limits, *, positions: bool = True) -> None:
        self.positions = positions
        self.text = text
        self.file = file
        self.limits = limits
        self.findings: list[Finding] = []
        self.root: Any = None
        self.root_pos: Pos | None = None
        self.documents = 0

    def error(self, code: str, message: str, mark: Any, hint: str = "") -> None:
        self.findings.append(
            yaml_finding(code, message, self.file, mark.line + 1, mark.column + 1, hint)
        )
        if len(self.findings) >= self.limits.max_findings:
            raise _TooManyProblems(mark)

    def run(self) -> ReadResult:
        parser = _Parser(self.text)
        try:
            ok = self._walk(parser)
        except _TooManyProblems as stop:
            self.findings.append(
                yaml_finding(
                    "YML004",
                    f"more than {self.limits.max_findings} problems in this file; stopped reading",
                    self.file,
                    stop.mark.line + 1,
                    stop.mark.column + 1,
                    "fix the problems above, or raise ELECSAFE_MAX_FINDINGS",
                )
            )
            ok = False
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or str(exc)
            if exc.context and exc.context not in problem:
                problem = f"{problem} ({exc.context})"
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            at = mark.index if mark else 0
            code = "YML001"
            if "maximum nesting depth" in problem:
                # libyaml >= 0.2.5 (PyYAML 6.0.4 wheels) stops runaway flow brackets itself
                # while scanning ahead, before our own depth check sees the events
                code, hint = "YML004", _DEEP_HINT
                problem = f"nesting deeper than {self.limits.max_depth} levels"
            elif (closing := _colon_slip(self.text, at, problem)) is not None:
                code = "YML008"
                problem, hint = _COLON_SLIP[closing]
            elif self.text[at : at + 1] == "\t":
                problem, hint = "a tab character cannot be used for indentation", _TAB_HINT
                problem = f"YAML syntax error: {problem}"
            else:
                hint = _hint(problem)
                problem = f"YAML syntax error: {problem}"
            self.findings.append(yaml_finding(code, problem, self.file, line, column, hint))
            ok = False
        except yaml.YAMLError as exc:  # ReaderError: control characters, NUL bytes
            position = getattr(exc, "position", 0) or 0
            line = self.text.count("\n", 0, position) + 1
            column = position - (self.text.rfind("\n", 0, position) + 1) + 1
            reason = getattr(exc, "reason", "unreadable character")
            character = getattr(exc, "character", None)
            detail = f" {character!r}" if isinstance(character, str) else ""
            self.findings.append(
                yaml_finding(
                    "YML001",
                    f"YAML syntax error: {reason}{detail}",
                    self.file,
                    line,
                    column,
                    "remove control characters (NUL, binary data) from the file",
                )
            )
            ok = False
        finally:
            parser.dispose()
        return ReadResult(self.root, self.root_pos, self.findings, ok)

    def _walk(self, parser: Any) -> bool:
        get_event = parser.get_event
        stack: list[_Frame] = []
        max_depth = self.limits.max_depth
        file = self.file
        positions = self.positions
        packed = 0
        while True:
            event = get_event()
            if event is None:
                return True
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if positions:
                    mark = event.start_mark
                    packed = ((mark.line + 1) << COL_BITS) | min(mark.column + 1, COL_MASK)
                if event.tag is not None and event.tag not in _CORE_TAGS:
                    self.error(
                        "YML006",
                        f"YAML tag {event.tag} is not supported",
                        event.start_mark,
                        "remove the tag",
                    )
                if stack and stack[-1].is_map and stack[-1].pending_key is None:
                    self._key(stack[-1], event, packed)
                    continue
                if (
                    stack
                    and stack[-1].flow
                    and stack[-1].is_map
                    and not event.value
                    and event.start_mark.index == stack[-1].key_end
                ):
                    # "{name: A, B}": 'B' is a key with no ':' and no value
                    self.error("YML008", _COMMA_SLIP[0], stack[-1].key_mark, _COMMA_SLIP[1])
                    stack[-1].pending_key = None
                    continue
                # plain style without an explicit tag: resolve as YAML 1.2 core (+ dates)
                value = resolve_plain(event.value) if event.implicit[0] else event.value
                self._add(stack, value, packed)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                mark = event.start_mark
                if stack and stack[-1].is_map and stack[-1].pending_key is None:
                    self.error(
                        "YML001",
                        "YAML syntax error: a mapping key must be a plain value, not a collection",
                        mark,
                    )
                    return False
                if len(stack) >= max_depth:
                    self.error(
                        "YML004", f"nesting deeper than {max_depth} levels", mark, _DEEP_HINT
                    )
                    return False
                if event.tag is not None and event.tag not in _CORE_TAGS:
                    self.error(
                        "YML006", f"YAML tag {event.tag} is not supported", mark, "remove the tag"
                    )
                is_map = kind is yaml.MappingStartEvent
                container: dict[str, Any] | list[Any] = {} if is_map else []
                node: MapPos | SeqPos | None = None
                if positions:
                    packed = ((mark.line + 1) << COL_BITS) | min(mark.column + 1, COL_MASK)
                    node = MapPos(file, packed) if is_map else SeqPos(file, packed)
                flow = bool(event.flow_style)
                pair = (
                    mark.index
                    if flow and is_map and event.end_mark.index == mark.index
                    else -1  # "[a: b]": a mapping without '{', zero width
                )
                if pair >= 0:
                    self.error("YML008", _PAIR_SLIP[0], mark, _PAIR_SLIP[1])
                frame = _Frame(container, node, flow, pair)
                self._add(stack, container, node)
                stack.append(frame)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                done = stack.pop()
                if done.pair_start >= 0 and stack and not stack[-1].is_map:
                    # keep the item as the text it was meant to be; YML008 says why
                    stack[-1].container[-1] = self.text[done.pair_start : event.end_mark.index]
            elif kind is yaml.AliasEvent:
                self.error(
                    "YML003",
                    f"YAML aliases (*{event.anchor}) are not allowed in a plan",
                    event.start_mark,
                    "write the value out in full; anchors and aliases hide what a reviewer sees",
                )
                if stack and stack[-1].is_map and stack[-1].pending_key is None:
                    return False  # an alias used as a key: nothing sensible to build
                mark = event.start_mark
                self._add(stack, None, ((mark.line + 1) << COL_BITS) | (mark.column + 1))
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.error(
                        "YML001",
                        "a plan file holds one YAML document; found a second '---'",
                        event.start_mark,
                        "move the second document into its own file and include it",
                    )
                    return False

    def _key(self, frame: _Frame, event: Any, packed: int) -> None:
        key = _intern(event.value)  # 400,000 copies of "id" and "name" would cost 20 MB
        if key in frame.container:
            if frame.pos is None:
                raise _NeedPositions
            first = frame.pos.entries[key][0] >> COL_BITS  # type: ignore[union-attr]
            self.error(
                "YML002",
                f"duplicate key '{key}' (first defined on line {first})",
                event.start_mark,
                "remove one of the two; YAML keeps only one and reviewers cannot tell which",
            )
            frame.skip_next = True
        frame.pending_key = key
        frame.pending_kpos = packed
        if frame.flow:
            frame.key_end, frame.key_mark = event.end_mark.index, event.start_mark

    def _add(self, stack: list[_Frame], value: Any, pos: Pos | None) -> None:
        if not stack:
            self.root, self.root_pos = value, pos
            return
        frame = stack[-1]
        if frame.is_map:
            key = frame.pending_key
            frame.pending_key = None
            if frame.skip_next:
                frame.skip_next = False
                return
            assert key is not None
            frame.container[key] = value
            if frame.pos is not None:
                frame.pos.entries[key] = (frame.pending_kpos, pos)  # type: ignore[union-attr,assignment]
        else:
            frame.container.append(value)
            if frame.pos is not None:
                frame.pos.items.append(pos)  # type: ignore[union-attr,arg-type]


_TAB_HINT = "YAML indentation must use spaces, not tabs"


def _colon_slip(text: str, at: int, problem: str) -> str | None:
    """``}`` or ``]`` when libyaml stopped at a ': ' inside an inline mapping or list that
    closes on the same line (``{title: a: b}``); an unclosed bracket is not a slip."""
    if text[at : at + 1] != ":":
        return None
    closing = None
    if "did not find expected ',' or '}'" in problem:
        closing = "}"
    elif "did not find expected ',' or ']'" in problem:
        closing = "]"
    end = text.find("\n", at)
    if closing is None or closing not in text[at : end if end >= 0 else len(text)]:
        return None
    return closing


def _hint(problem: str) -> str:
    if "\\t" in problem:
        return _TAB_HINT
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted"
    if "could not find expected ':'" in problem:
        return "check the indentation of this line and the one above"
    return "check the indentation and quoting around this position"
