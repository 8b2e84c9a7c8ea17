"""``elecsafe --help`` stays light: the heavy libraries load only inside the commands that use
them (libs.md §5: typer alone is ~90 ms; pydantic, jinja2 and icalendar add ~250 ms)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("pydantic", "ruamel", "jinja2", "icalendar", "yaml", "rich.console", "dateutil", "docx")

_PROBE = """
import json, runpy, sys
sys.argv = {argv!r}
try:
    runpy.run_module("elecsafe", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
heavy = {heavy!r}
loaded = sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy)
sys.stderr.write("\\nLOADED " + json.dumps(loaded) + "\\n")
"""


def _loaded_after(argv: list[str]) -> list[str]:
    code = _PROBE.format(argv=["elecsafe", *argv], heavy=HEAVY)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    marker = [line for line in result.stderr.splitlines() if line.startswith("LOADED ")]
    assert marker, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return list(json.loads(marker[-1][len("LOADED ") :]))


@pytest.mark.parametrize("argv", [["--help"], [], ["--version"]], ids=["help", "bare", "version"])
def test_top_level_help_imports_no_heavy_library(argv: list[str]) -> None:
    assert _loaded_after(argv) == []


def test_the_probe_sees_heavy_imports_when_they_happen() -> None:
    # Guards the guard: `schema` builds the plan model, so pydantic must show up here.
    assert "pydantic" in _loaded_after(["schema"])
