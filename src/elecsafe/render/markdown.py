"""Escaping plan text for Markdown.

Plan values are *data*: a title such as ``*urgent* | <b>`` must print as written, not turn
into emphasis, split a table row or inject HTML. Every value reaching a Markdown template is
escaped (the environment's finalize hook); text the templates build themselves is marked
:class:`MdSafe` so it passes through unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from elecsafe.sanitize import LINE_BREAK, for_xml, one_line

# Characters with inline meaning in CommonMark/GFM tables. Backslash-escaping ASCII
# punctuation is always valid CommonMark, so over-escaping never changes the text shown.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Block markers that only matter at the start of a line.
# A leading '-' is always escaped: '- ' starts a list item, and '---' under a line of text
# makes it a (setext) heading.
_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|\+(?=\s|$)|-|\d{1,9}[.)](?=\s|$)|=+(?=\s*$))")


class MdSafe(str):
    """Markdown produced by elecsafe itself: not escaped again."""

    __slots__ = ()


def _escape_line(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _LINE_START.sub(lambda m: m.group(1) + _escape_start(m.group(2)), text)


def _escape_start(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def md_inline(value: object) -> MdSafe:
    """One line of text: newlines become spaces (a table cell or list item stays one line)."""
    if isinstance(value, MdSafe):
        return value
    return _inline(str(value))


@lru_cache(maxsize=4096)
def _inline(text: str) -> MdSafe:
    # Cached: a pack prints the same titles and names hundreds of times (a 1 MB title took
    # 30 ms per use). One line by every line boundary the tidy step knows (sanitize).
    return MdSafe(_escape_line(for_xml(one_line(text))))


def _as_newlines(match: re.Match[str]) -> str:
    """Every line boundary as the LF it means (CRLF is one)."""
    return "\n" * max(1, len(match.group().replace("\r\n", "\n")))


def md_block(value: object) -> MdSafe:
    """Paragraph text: blank lines separate paragraphs, single newlines stay soft breaks."""
    if isinstance(value, MdSafe):
        return value
    text = for_xml(LINE_BREAK.sub(_as_newlines, str(value)))
    paragraphs = re.split(r"\n\s*\n", text.strip())
    out = []
    for paragraph in paragraphs:
        lines = [_escape_line(line.strip()) for line in paragraph.splitlines() if line.strip()]
        out.append("\n".join(lines))
    return MdSafe("\n\n".join(p for p in out if p))
