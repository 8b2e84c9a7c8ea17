"""A file saved in another encoding: YML005 names the encoding seen, and it is the only finding
(references to the ids the unreadable file defines are not reported as unknown)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from elecsafe.load.loader import load_plan
from elecsafe.load.yaml_reader import guess_encoding, read_yaml
from tests.conftest import EXAMPLES

TEXT = "notes: “Director’s” café – 5 €\n"


@pytest.mark.parametrize(
    ("data", "seen"),
    [
        (TEXT.encode("utf-16"), "UTF-16 (little-endian)"),
        (TEXT.encode("utf-16-be"), "UTF-16 (big-endian, no byte-order mark)"),
        (TEXT.encode("utf-16-le"), "UTF-16 (little-endian, no byte-order mark)"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "UTF-16 (big-endian)"),
        (TEXT.encode("utf-32"), "UTF-32 (little-endian)"),
        (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), "UTF-32 (big-endian)"),
        (TEXT.encode("cp1252"), "Windows-1252"),
        ("notes: café\n".encode("latin-1"), "ISO 8859-1 (Latin-1) or Windows-1252"),
        (b"notes: \x81\x8d\xff\xfe-ish\n", None),  # 0x81 is undefined in Windows-1252
    ],
)
def test_guess_encoding(data: bytes, seen: str | None) -> None:
    assert guess_encoding(data) == seen


def test_the_finding_names_the_encoding() -> None:
    (finding,) = read_yaml(TEXT.encode("utf-16"), "people.yaml").findings
    assert (finding.code, finding.line, finding.column) == ("YML005", 1, 1)
    assert finding.message == "file is UTF-16 (little-endian), not UTF-8"
    assert finding.hint.startswith("save the file as UTF-8")
    (finding,) = read_yaml(TEXT.encode("cp1252"), "people.yaml").findings
    assert (finding.line, finding.column) == (1, 8)
    assert finding.message == "file is not valid UTF-8 (byte 0x93): it looks like Windows-1252"


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_one_unreadable_file_is_one_finding(tmp_path: Path, encoding: str) -> None:
    plan = tmp_path / "us-county"
    shutil.copytree(EXAMPLES / "us-county", plan)
    people = plan / "people.yaml"
    text = people.read_text(encoding="utf-8").replace("Director", "Director’s", 1)
    people.write_bytes(text.encode(encoding))
    loaded = load_plan(plan, private=False)
    assert [f.code for f in loaded.findings] == ["YML005"]
    assert loaded.findings[0].file.endswith("people.yaml")
