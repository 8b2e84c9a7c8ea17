"""`make` checks the Python version and rebuilds a .venv that another Python made.

A fake interpreter stands in for the Pythons we may not have: it answers `-c CODE` as the
version it pretends to be, and `-m venv DIR` / `-m pip ...` by recording what it was asked.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")

FAKE = """#!{python}
import os, sys
VERSION = {version!r}
log = os.path.join(os.path.dirname(os.path.abspath(__file__)), "calls.log")
with open(log, "a") as f:
    f.write(" ".join(sys.argv[1:3]) + "\\n")
if sys.argv[1] == "-c":
    sys.version_info = VERSION
    sys.version = ".".join(map(str, VERSION)) + " (fake)"
    exec(sys.argv[2])
elif sys.argv[1:3] == ["-m", "venv"]:
    os.makedirs(os.path.join(sys.argv[3], "bin"))
    me = open(os.path.abspath(__file__)).read()
    target = os.path.join(sys.argv[3], "bin", "python")
    with open(target, "w") as f:
        f.write(me)
    os.chmod(target, 0o755)
"""


def _fake(where: Path, version: tuple[int, int, int]) -> Path:
    where.mkdir(parents=True, exist_ok=True)
    path = where / "python"
    path.write_text(FAKE.format(python=sys.executable, version=version))
    path.chmod(0o755)
    return path


def _make(tmp: Path, python: Path, venv: Path) -> subprocess.CompletedProcess[str]:
    shutil.copy(REPO / "Makefile", tmp / "Makefile")
    version = subprocess.run(
        [str(python), "-c", 'import sys; print("%d.%d.%d" % sys.version_info[:3])'],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return subprocess.run(
        [
            "make",
            "-C",
            str(tmp),
            f"PYTHON={python}",
            f"VENV={venv}",
            f"{venv}/.made-by-python-{version}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_old_python_is_refused_with_the_way_out(tmp_path: Path) -> None:
    old = _fake(tmp_path / "py310", (3, 10, 13))
    done = _make(tmp_path, old, tmp_path / "venv")
    assert done.returncode != 0
    assert "needs Python 3.11 or later" in done.stderr
    assert "is Python 3.10.13" in done.stderr
    assert "PYTHON=python3.11" in done.stderr
    assert not (tmp_path / "venv").exists()


def test_a_venv_made_by_another_python_is_rebuilt(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _fake(tmp_path / "py310", (3, 10, 13))
    # what a failed `make demo` with Python 3.10 leaves behind
    subprocess.run([str(tmp_path / "py310" / "python"), "-m", "venv", str(venv)], check=True)
    (venv / ".installed").touch()
    new = _fake(tmp_path / "py312", (3, 12, 1))
    done = _make(tmp_path, new, venv)
    assert done.returncode == 0, done.stderr
    assert "(re)creating" in done.stdout
    assert not (venv / ".installed").exists()  # the install is redone into the new venv
    assert (venv / ".made-by-python-3.12.1").exists()
    assert "-m venv" in (tmp_path / "py312" / "calls.log").read_text()
    # and a second run with the same Python keeps it
    again = _make(tmp_path, new, venv)
    assert again.returncode == 0 and "(re)creating" not in again.stdout
