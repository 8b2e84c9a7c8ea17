"""No placeholder web address in what a user installs or receives (package metadata, code,
templates, schemas, the published hook): a placeholder looks like a link, and whoever
registers the name receives the clicks, or the pip installs."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHIPPED = ["pyproject.toml", ".pre-commit-hooks.yaml", "src", "templates", "schemas"]
URL = re.compile(r"""\b(?:https?|git|ssh)(?:\+\w+)?://(?:[^\s/@"'<>]*@)?([^\s/:"'<>`)\]]+)""")
PLACEHOLDER_HOST = re.compile(
    r"(?:^|\.)(?:example\.(?:org|com|net)|localhost|host|invalid|test|example)$"
    r"|^your|^my-?(?:org|host|server)",
    re.IGNORECASE,
)


def shipped_files() -> list[Path]:
    files: list[Path] = []
    for name in SHIPPED:
        path = REPO / name
        files += [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return [p for p in files if "__pycache__" not in p.parts]


def placeholder_addresses(text: str) -> list[str]:
    return [m.group(0) for m in URL.finditer(text) if PLACEHOLDER_HOST.search(m.group(1))]


def test_the_scan_finds_placeholders() -> None:
    text = "see https://example.org/elecsafe and git+https://git.example.net/x.git@abc\n"
    assert placeholder_addresses(text) == [
        "https://example.org",
        "git+https://git.example.net",
    ]
    fictional_mail = "threats@cedarriver.example.org, https://pre-commit.com"
    assert placeholder_addresses(fictional_mail) == []


def test_no_placeholder_address_is_shipped() -> None:
    found = {
        str(path.relative_to(REPO)): hits
        for path in shipped_files()
        if (hits := placeholder_addresses(path.read_bytes().decode("utf-8", errors="replace")))
    }
    assert len(shipped_files()) > 100  # src, templates and schemas were all scanned
    assert found == {}
