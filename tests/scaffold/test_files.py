"""All-or-nothing writing of the scaffold's files."""

from __future__ import annotations

import errno
import os
from pathlib import Path, PurePosixPath

import pytest

from elecsafe import writes
from elecsafe.scaffold import files as scaffold_files
from elecsafe.scaffold.files import (
    ScaffoldFile,
    WriteError,
    check_target_directory,
    existing,
    write_all,
)

FILES = [
    ScaffoldFile(PurePosixPath("plan.yaml"), b"plan\n"),
    ScaffoldFile(PurePosixPath("people.yaml"), b"people\n"),
    ScaffoldFile(PurePosixPath("private/contacts.example.yaml"), b"contacts\n"),
    ScaffoldFile(PurePosixPath(".github/workflows/elecsafe.yml"), b"ci\n"),
]


def tree(directory: Path) -> list[str]:
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*"))


def fail_on_call(monkeypatch: pytest.MonkeyPatch, n: int, exc: BaseException) -> list[Path]:
    """Make the shared atomic writer raise on its n-th call; returns the paths it was given."""
    real = writes.write_bytes_atomic
    calls: list[Path] = []

    def writer(path: Path, data: bytes, *, mode: int = 0o644) -> None:
        calls.append(path)
        if len(calls) == n:
            raise exc
        real(path, data, mode=mode)

    monkeypatch.setattr(writes, "write_bytes_atomic", writer)
    return calls


def test_writes_every_file_and_its_folders(tmp_path: Path) -> None:
    root = tmp_path / "new" / "plan"
    write_all(root, FILES)
    assert (root / "private/contacts.example.yaml").read_bytes() == b"contacts\n"
    assert tree(root) == [
        ".github", ".github/workflows", ".github/workflows/elecsafe.yml", "people.yaml",
        "plan.yaml", "private", "private/contacts.example.yaml",
    ]  # fmt: skip


def test_failure_on_the_third_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "plan"
    calls = fail_on_call(monkeypatch, 3, OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(WriteError, match=r"cannot write .*contacts\.example\.yaml: No space left"):
        write_all(root, FILES)
    assert len(calls) == 3
    assert not root.exists()  # the directory it created is gone too
    assert tree(tmp_path) == []


def test_failure_keeps_what_was_there_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "contacts.yaml").write_text("secret")
    fail_on_call(monkeypatch, 4, OSError(errno.EIO, "Input/output error"))
    with pytest.raises(WriteError):
        write_all(tmp_path, FILES)
    assert tree(tmp_path) == ["notes.txt", "private", "private/contacts.yaml"]


def test_interrupt_while_staging_rolls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on_call(monkeypatch, 2, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        write_all(tmp_path / "plan", FILES)
    assert tree(tmp_path) == []


def test_failure_while_renaming_restores_replaced_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "plan.yaml").write_bytes(b"old plan\n")
    real_replace = os.replace
    renamed: list[str] = []

    def replace(src: str | Path, dst: str | Path) -> None:
        if str(src).endswith(".init-tmp"):  # a staged file moving into place
            renamed.append(str(Path(dst).relative_to(tmp_path)))
            if len(renamed) == 3:
                raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(src, dst)

    monkeypatch.setattr(scaffold_files.os, "replace", replace)
    with pytest.raises(WriteError, match="Invalid cross-device link"):
        write_all(tmp_path, FILES)
    assert renamed == ["plan.yaml", "people.yaml", "private/contacts.example.yaml"]
    assert (tmp_path / "plan.yaml").read_bytes() == b"old plan\n"
    assert tree(tmp_path) == ["plan.yaml"]


def test_existing_lists_conflicts_only(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("x")
    (tmp_path / "private").mkdir()
    assert existing(tmp_path, [f.path for f in FILES]) == [PurePosixPath("plan.yaml")]


def test_target_must_be_a_directory(tmp_path: Path) -> None:
    a_file = tmp_path / "plan.yaml"
    a_file.write_text("x")
    with pytest.raises(WriteError, match=r"plan\.yaml exists and is not a directory"):
        check_target_directory(a_file)
    with pytest.raises(WriteError, match=r"plan\.yaml is not a directory"):
        check_target_directory(a_file / "sub" / "dir")
    check_target_directory(tmp_path / "new" / "dir")  # fine: created on write
