"""The wheel works on its own: built from this tree, installed into a bare virtual environment
(no editable install, no repository on the path) and run from outside the repository.

It proves that the init templates, document templates, timetable packs and holiday calendars
travel inside the wheel. Dependencies come from the package index through pip's cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

hatchling_build = pytest.importorskip("hatchling.build", reason="hatchling builds the wheel")


def run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
        check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    previous = Path.cwd()
    os.chdir(REPO)  # the PEP 517 hook builds the project in the current directory
    try:
        name = hatchling_build.build_wheel(str(out))
    finally:
        os.chdir(previous)
    return out / name


def test_the_wheel_carries_templates_packs_and_calendars(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "elecsafe/templates/init/common/pre-commit-config.yaml.j2",
        "elecsafe/templates/init/uk-force/plan.yaml.j2",
        "elecsafe/dates/packs/uk_local_eng.yaml",
        "elecsafe/dates/calendars/gb-england-and-wales.json",
    ):
        assert needed in names
    assert any(n.startswith("elecsafe/templates/documents/") for n in names)
    assert not any(n.startswith(("tests/", "examples/")) for n in names)


def test_the_wheel_runs_init_check_render_and_calendar(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False, clear=True)  # seconds faster; our pip installs into it
    python = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(ELECSAFE_TODAY="2026-11-22", GITHUB_ACTIONS="", NO_COLOR="1")
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    installed = run(*pip, "install", "--quiet", wheel, cwd=tmp_path, env=env)
    if installed.returncode != 0 and "No matching distribution" in installed.stderr:
        pytest.skip(f"the package index is not reachable: {installed.stderr.strip()[-200:]}")
    assert installed.returncode == 0, installed.stderr
    elecsafe = env_dir / "bin" / "elecsafe"
    where = run(python, "-c", "import elecsafe; print(elecsafe.__file__)", cwd=tmp_path, env=env)
    assert where.stdout.startswith(str(env_dir)), where.stdout  # not this checkout

    plan = tmp_path / "plan"
    init = run(elecsafe, "init", plan, "--profile", "uk-force", "--name", "Severnshire",
               cwd=tmp_path, env=env)  # fmt: skip
    assert init.returncode == 0, init.stderr
    # a wheel file on this machine: CI cannot install it, and init says so
    assert "FILL IN" in init.stderr
    check = run(elecsafe, "check", plan, cwd=tmp_path, env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "TODO001" in check.stdout
    render = run(elecsafe, "render", "all", plan, "--format", "docx", "--out-dir", tmp_path / "out",
                 cwd=tmp_path, env=env)  # fmt: skip
    assert render.returncode == 0, render.stdout + render.stderr
    documents = sorted((tmp_path / "out").glob("*.docx"))
    assert len(documents) >= 3 and all(zipfile.is_zipfile(d) for d in documents)
    ics = tmp_path / "plan.ics"
    calendar = run(elecsafe, "calendar", plan, "-o", ics, cwd=tmp_path, env=env)
    assert calendar.returncode == 0, calendar.stderr
    assert ics.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
