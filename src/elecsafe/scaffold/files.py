"""Write a set of files all-or-nothing, as far as a file system allows.

Each file is first written atomically (:mod:`elecsafe.writes`) under a temporary name beside
its target; only when every file is staged are they renamed into place. Any failure removes
what this run created (staged files, renamed files, new directories) and puts back the old
bytes of files ``--force`` was replacing, so a failed ``elecsafe init`` leaves the directory
as it found it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from elecsafe import writes


@dataclass(frozen=True)
class ScaffoldFile:
    """One file of a scaffold: its path relative to the plan directory, and its bytes."""

    path: PurePosixPath
    data: bytes


class WriteError(OSError):
    """Writing the scaffold failed; nothing of this run is left behind."""


def existing(root: Path, paths: Iterable[PurePosixPath]) -> list[PurePosixPath]:
    """Scaffold paths that already exist (file, directory or broken link) under ``root``."""
    return [path for path in paths if os.path.lexists(root / path)]


def check_target_directory(root: Path) -> None:
    """``root`` must be a directory or not exist yet; its nearest existing parent a directory."""
    if root.exists() and not root.is_dir():
        raise WriteError(f"{root} exists and is not a directory")
    parent = root
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise WriteError(f"{parent} is not a directory")


def _make_dirs(directory: Path, created: list[Path]) -> None:
    """``mkdir -p`` that remembers each directory it made (to remove them on failure)."""
    missing: list[Path] = []
    current = directory
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def write_all(root: Path, files: list[ScaffoldFile]) -> None:
    """Write every file under ``root`` or none of them (raises :class:`WriteError`)."""
    token = secrets.token_hex(4)
    created_dirs: list[Path] = []
    staged: list[tuple[Path, Path]] = []  # (temporary, target)
    placed: list[Path] = []
    previous: dict[Path, bytes] = {}
    current = root
    try:
        _make_dirs(root, created_dirs)
        for item in files:
            target = root / item.path
            current = target
            _make_dirs(target.parent, created_dirs)
            temporary = target.with_name(f".{target.name}.{token}.init-tmp")
            # Staged with the shared atomic writer, so a crash never leaves a torn file.
            writes.write_bytes_atomic(temporary, item.data)
            staged.append((temporary, target))
        for temporary, target in staged:
            current = target
            if target.is_file():
                previous[target] = target.read_bytes()
            os.replace(temporary, target)
            placed.append(target)
    except OSError as exc:
        _roll_back(staged, placed, previous, created_dirs)
        reason = exc.strerror or str(exc)
        raise WriteError(f"cannot write {current}: {reason}") from exc
    except BaseException:
        _roll_back(staged, placed, previous, created_dirs)
        raise


def _roll_back(
    staged: list[tuple[Path, Path]],
    placed: list[Path],
    previous: dict[Path, bytes],
    created_dirs: list[Path],
) -> None:
    for temporary, _ in staged:
        with contextlib.suppress(OSError):
            temporary.unlink()
    for target in placed:
        with contextlib.suppress(OSError):
            if target in previous:
                writes.write_bytes_atomic(target, previous[target])
            else:
                target.unlink()
    for directory in reversed(created_dirs):
        with contextlib.suppress(OSError):
            directory.rmdir()
