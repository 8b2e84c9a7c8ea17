"""Plan text made safe for each output format: ONE place per format.

A plan is data typed by people (and pasted from e-mails): YAML's double-quoted escapes let it
hold any character, ``"\\e"`` (ESC), ``"\\x01"``, ``"\\u2028"`` included. Each output has
characters that are not text to it:

* **Word (.docx)** and other XML: XML 1.0 forbids C0 controls other than TAB, LF and CR
  (lxml refuses the whole document); they are removed, with DEL and the C1 controls.
* **iCalendar (.ics)**: RFC 5545 forbids every control but HTAB in a TEXT value (a newline is
  written as ``\\n`` by the library); controls are removed, CR and CRLF become LF.
* **Terminal** (``check`` text/concise/github, the ``timetable`` table): ESC starts colour,
  cursor and OSC sequences (window titles, hyperlinks, clipboard writes); a CR or a newline
  forges a line. Every control character is shown as a visible escape (``\\x1b``), never
  sent. Text printed through rich is passed as ``Text`` (never parsed as markup).
* **Markdown**: a value meant for one line must not break it: every line boundary
  ``str.splitlines`` knows (LF, CR, VT, FF, FS, GS, RS, NEL, U+2028, U+2029) is a line break
  to the tidy step, so the inline escaper joins on all of them, not only CR/LF.
* **CSV**: a cell starting ``=``, ``+``, ``-``, ``@``, TAB or CR is a formula to a
  spreadsheet; it gets a leading ``'`` (OWASP's advice), and the writer quotes every cell.
"""

from __future__ import annotations

import re

# Every line boundary of str.splitlines(): what the Markdown tidy step and readers split on.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
LINE_BREAK = re.compile(f"[{LINE_BREAKS}]+")

_C0_BUT_TAB_LF_CR = "\x00-\x08\x0b\x0c\x0e-\x1f"
_DEL_C1 = "\x7f-\x9f"
_XML_FORBIDDEN = re.compile(f"[{_C0_BUT_TAB_LF_CR}{_DEL_C1}\ud800-\udfff\ufffe\uffff]")
_ICS_FORBIDDEN = re.compile(f"[{_C0_BUT_TAB_LF_CR}{_DEL_C1}]")
_TERMINAL_CONTROL = re.compile(f"[\x00-\x08\x0a-\x1f{_DEL_C1}\u2028\u2029]")
_TERMINAL_CONTROL_KEEP_LF = re.compile(f"[\x00-\x08\x0b-\x1f{_DEL_C1}\u2028\u2029]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def for_xml(text: str) -> str:
    """Text an XML 1.0 document (a .docx part) may hold: forbidden characters removed."""
    return _XML_FORBIDDEN.sub("", text)


def for_ics(text: str) -> str:
    """An iCalendar TEXT value: controls removed, line ends as LF (RFC 5545 3.3.11)."""
    return _ICS_FORBIDDEN.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str, *, multiline: bool = False) -> str:
    """Text for a terminal or a CI log: every control character (ESC, CR, BEL, C1...) shown
    as a visible escape. One line unless ``multiline`` (then LF stays a line break)."""
    pattern = _TERMINAL_CONTROL_KEEP_LF if multiline else _TERMINAL_CONTROL
    return pattern.sub(_visible, text)


def one_line(text: str) -> str:
    """Markdown for one line (a table cell, a list item, a heading): every line boundary
    becomes one space, with the spaces around it."""
    lines = LINE_BREAK.split(text)
    if len(lines) > 1:
        inner = [line.strip() for line in lines[1:-1]]
        lines = [lines[0].rstrip(), *(line for line in inner if line), lines[-1].lstrip()]
    return " ".join(lines)


def csv_cell(value: object) -> str:
    """One CSV cell as text a spreadsheet shows and never executes: a leading single quote
    before a formula character (OWASP); the writer quotes every cell."""
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


__all__ = ["LINE_BREAKS", "csv_cell", "for_ics", "for_terminal", "for_xml", "one_line"]
