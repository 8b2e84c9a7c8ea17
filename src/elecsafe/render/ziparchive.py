"""Byte-identical zip packages (.docx): the same document gives the same bytes.

A zip entry records when it was written, so two renders of the same plan differed in every
entry's timestamp. The entries are written again in their order with one timestamp:
``SOURCE_DATE_EPOCH`` when set (reproducible builds; clamped to the zip era, 1980–2107), else
1980-01-01 00:00, with fixed permissions and compression, so the archive depends on its
contents alone.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from elecsafe import clock

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_LAST = (2107, 12, 31, 23, 59, 58)


def timestamp() -> tuple[int, int, int, int, int, int]:
    """The timestamp every entry gets (a zip stores local date and time, 2-second steps)."""
    try:
        seconds = clock.epoch_seconds()
    except clock.ClockError:
        seconds = None
    if seconds is None:
        return ZIP_EPOCH
    try:
        moment = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return _LAST
    stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return max(ZIP_EPOCH, min(stamp, _LAST))


def normalise(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """DATA (a zip archive) with every entry's timestamp, permissions and compression fixed;
    the entries named in ``replace`` get the contents given there."""
    replace = replace or {}
    when = timestamp()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the machine
            info.external_attr = 0o644 << 16
            content = replace.get(entry.filename)
            target.writestr(info, content or source.read(entry), compresslevel=9)
    return out.getvalue()
