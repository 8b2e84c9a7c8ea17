"""The terminal, decided in one place for every command: width, colour, encoding, pipes.

* **Width**: ``COLUMNS`` when set (a script or a test asking for a width), else the real
  terminal's width, else none at all: a pipe or a file gets whole lines and whole tables.
* **Colour**: only on a terminal, and never with ``NO_COLOR`` (any value) or ``TERM=dumb``.
* **Encoding**: in a locale that cannot encode what elecsafe prints (``LC_ALL=C`` on an old
  system, ``PYTHONIOENCODING=latin-1``), characters degrade to ASCII (``✓`` → ``OK``, ``—`` →
  ``-``, box drawing → ``+-|``, ``ô`` → ``o``) instead of ending in a ``UnicodeEncodeError``.
  Files elecsafe writes are always UTF-8; only what reaches the terminal degrades.
* **Pipes**: when the reader of stdout goes away (``elecsafe render all | head -1``), the rest
  of the output is dropped and the command finishes its work and exits with its own code.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import shutil
import sys
import unicodedata
from typing import IO, TYPE_CHECKING, Any, TextIO, cast

if TYPE_CHECKING:
    from rich.console import Console

ERROR_HANDLER = "elecsafe-ascii"
UNLIMITED = 10_000  # "no width": wide enough for any table elecsafe prints

_ASCII = {
    "✓": "OK",
    "✗": "x",
    "—": "-",
    "–": "-",
    "−": "-",
    "‐": "-",
    "…": "...",
    "·": "|",
    "•": "*",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "→": "->",
    "←": "<-",
    "×": "x",
    "≥": ">=",
    "≤": "<=",
    "€": "EUR",
    "£": "GBP",
    "§": "s.",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
}


def _ascii(char: str) -> str:
    if char in _ASCII:
        return _ASCII[char]
    code = ord(char)
    if 0x2500 <= code <= 0x257F:  # box drawing: light and heavy lines, corners, crossings
        name = unicodedata.name(char, "")
        if "HORIZONTAL" in name and "VERTICAL" not in name:
            return "=" if "DOUBLE" in name or "HEAVY" in name else "-"
        if "VERTICAL" in name and "HORIZONTAL" not in name:
            return "|"
        return "+"
    plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return plain if plain and plain.isascii() else "?"


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(_ascii(c) for c in text), error.end


codecs.register_error(ERROR_HANDLER, _fallback)

# An ASCII stream is re-declared as this codec (ASCII under another name): click treats a
# stream named "ascii" as misconfigured and writes UTF-8 to it anyway, which a real ASCII
# terminal shows as mojibake; under this name it writes through the fallback above.
ASCII_CODEC = "elecsafe-ascii"


def _search(name: str) -> codecs.CodecInfo | None:
    if name.replace("_", "-") != ASCII_CODEC:
        return None
    base = codecs.lookup("ascii")
    return codecs.CodecInfo(
        base.encode,
        base.decode,
        name=ASCII_CODEC,
        incrementalencoder=base.incrementalencoder,
        incrementaldecoder=base.incrementaldecoder,
        streamwriter=base.streamwriter,
        streamreader=base.streamreader,
    )


codecs.register(_search)


def to_ascii(text: str) -> str:
    """TEXT as the ASCII fallback would print it (for tests and messages)."""
    return text.encode("ascii", ERROR_HANDLER).decode("ascii")


def is_utf(stream: IO[Any] | Any) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def is_terminal(stream: IO[Any] | Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def colour(stream: IO[Any] | Any = None) -> bool:
    """Whether to colour output to STREAM (default stdout)."""
    stream = sys.stdout if stream is None else stream
    if "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    return is_terminal(stream)


def columns_from_environment() -> int | None:
    value = os.environ.get("COLUMNS", "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    return None


def width(stream: IO[Any] | Any = None) -> int | None:
    """The width to lay out for on STREAM: COLUMNS, else the terminal's, else None (a pipe or a
    file: no limit)."""
    stream = sys.stdout if stream is None else stream
    explicit = columns_from_environment()
    if explicit is not None:
        return explicit
    if is_terminal(stream):
        return shutil.get_terminal_size((80, 24)).columns
    return None


def console(*, stderr: bool = False, wide: bool = False) -> Console:
    """A rich Console for stdout (or stderr) that follows the rules above."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    lay_out = None if wide else width(stream)
    return Console(
        stderr=stderr,
        width=lay_out or UNLIMITED,
        highlight=False,
        emoji=False,
        no_color=not colour(stream),
        color_system="auto" if colour(stream) else None,
        force_terminal=colour(stream),
        legacy_windows=False,
        soft_wrap=False,
    )


class _PipeGuard:
    """A standard stream that outlives its reader: on EPIPE the file descriptor is pointed at
    the null device, so later writes (and the interpreter's last flush) succeed silently."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._buffer: _PipeGuard | None = None
        self.reader_gone = False

    def _divert(self) -> None:
        self.reader_gone = True
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)
        except (OSError, ValueError):
            pass

    def write(self, data: Any) -> int:
        try:
            return int(self._stream.write(data))
        except BrokenPipeError:
            self._divert()
            return len(data)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._divert()
            with contextlib.suppress(OSError):
                self._stream.flush()

    @property
    def buffer(self) -> Any:
        """The binary stream under a text one, guarded the same way (click writes bytes there)."""
        if self._buffer is None:
            self._buffer = _PipeGuard(self._stream.buffer)
        return self._buffer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def prepare_streams() -> None:
    """Once, before a command runs: ASCII fallback where the locale needs it, and stdout and
    stderr that survive a closed pipe."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None or isinstance(stream, _PipeGuard):
            continue
        if not is_utf(stream) and hasattr(stream, "reconfigure"):
            ascii_only = codecs.lookup(stream.encoding or "ascii").name == "ascii"
            if ascii_only:
                stream.reconfigure(encoding=ASCII_CODEC, errors=ERROR_HANDLER)
            else:
                stream.reconfigure(errors=ERROR_HANDLER)
        setattr(sys, name, cast(TextIO, _PipeGuard(stream)))
