"""A .docx is byte-identical for the same plan and SOURCE_DATE_EPOCH, whenever it is made."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from elecsafe.cli.app import app
from elecsafe.render import ziparchive
from tests.conftest import EXAMPLES


def render(out: Path) -> bytes:
    result = CliRunner().invoke(
        app,
        [
            "render",
            "mou",
            str(EXAMPLES / "uk-force"),
            "--id",
            "mou-port-ashby-2027",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_docx_is_byte_identical_a_day_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    first = render(tmp_path / "a.docx")
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 86_400 + 7)  # the zip's clock
    second = render(tmp_path / "b.docx")
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.docx") as archive:
        assert archive.testzip() is None
        stamps = {info.date_time for info in archive.infolist()}
    assert stamps == {(2027, 1, 15, 8, 0, 0)}  # 1800000000 = 2027-01-15 08:00:00 UTC


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ziparchive.ZIP_EPOCH),
        ("not a number", ziparchive.ZIP_EPOCH),
        ("0", ziparchive.ZIP_EPOCH),  # 1970: before the zip era, clamped
        ("1800000000", (2027, 1, 15, 8, 0, 0)),
        ("99999999999999", (2107, 12, 31, 23, 59, 58)),
    ],
)
def test_timestamp(monkeypatch: pytest.MonkeyPatch, value: str, expected: tuple[int, ...]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert ziparchive.timestamp() == expected
