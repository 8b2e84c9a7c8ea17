"""The template bytecode cache holds code: it is used only from a folder the user owns and
nobody else may write (issue 11)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.security.conftest import Run


def _render(run: Run, uk: Path, tmp_path: Path, cache: Path) -> None:
    out = tmp_path / "debrief.md"
    result = run(
        "render", "debrief", str(uk), "-o", str(out), "--force",
        env={"ELECSAFE_CACHE_DIR": str(cache)},
    )  # fmt: skip
    assert result.code == 0, result


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o777, 0o775, 0o1777])
def test_a_group_or_world_writable_cache_is_not_used(
    uk: Path, run: Run, tmp_path: Path, mode: int
) -> None:
    cache = tmp_path / "shared-cache"
    cache.mkdir()
    cache.chmod(mode)
    _render(run, uk, tmp_path, cache)
    assert [p for p in cache.rglob("*") if p.is_file()] == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_private_cache_is_used(uk: Path, run: Run, tmp_path: Path) -> None:
    cache = tmp_path / "own-cache"
    cache.mkdir(mode=0o700)
    _render(run, uk, tmp_path, cache)
    assert [p for p in cache.rglob("*") if p.is_file()] != []
