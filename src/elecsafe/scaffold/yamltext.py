"""Values written into YAML templates as scalars that read back exactly.

Why a hand-written emitter: the scaffold templates are Jinja text (so every comment and blank
line survives verbatim), and every ``{{ value }}`` in a ``.yaml`` template passes through
:func:`yaml_scalar` (the Jinja ``finalize`` hook), the way HTML autoescaping works. A name
such as ``St. Mary's: "North" #1`` must still produce valid YAML that loads as that exact
string under YAML 1.2 (our reader, ruamel) and YAML 1.1 (PyYAML, some editors).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

# Plain (unquoted) only for boring text: starts with a letter, then letters, digits, spaces
# and a few safe punctuation marks; no ': ', ' #', quotes, brackets or trailing space.
_PLAIN = re.compile(r"[A-Za-z](?:[A-Za-z0-9_./ -]*[A-Za-z0-9_./-])?")
# Words some YAML parser reads as booleans or null (YAML 1.1 included).
_RESERVED = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"])

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\0": "\\0",
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\xa0": "\\_",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


class RawYaml(str):
    """Text already in YAML syntax (a flow sequence we built ourselves): inserted as is."""


def _printable(char: str) -> bool:
    """YAML 1.2 'c-printable', minus the characters some readers treat as line breaks."""
    code = ord(char)
    return (
        0x20 <= code <= 0x7E
        or 0xA0 < code <= 0xD7FF
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or 0x10000 <= code <= 0x10FFFF
    )


def quote(text: str) -> str:
    """A double-quoted YAML scalar; anything unprintable becomes an escape sequence."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _printable(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def yaml_scalar(value: Any) -> str:
    """One value as a YAML scalar (plain where unambiguous, else double-quoted)."""
    if isinstance(value, RawYaml):
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        raise TypeError("datetimes are not used in scaffolds; pass a date")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED:
            return value
        return quote(value)
    raise TypeError(f"cannot write {type(value).__name__} into a YAML template")


def flow_list(values: list[str]) -> RawYaml:
    """``[a, "b c"]``: a short list written on one line."""
    return RawYaml("[" + ", ".join(yaml_scalar(v) for v in values) + "]")
