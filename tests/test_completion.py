"""Shell completion works through the installed ``elecsafe`` script (docs/install.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "elecsafe"


def complete(words: str, cword: int, instruction: str = "complete_bash") -> str:
    env = {**os.environ, "_ELECSAFE_COMPLETE": instruction, "COMP_WORDS": words,
           "COMP_CWORD": str(cword)}  # fmt: skip
    done = subprocess.run(
        [str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(not SCRIPT.exists(), reason="elecsafe is not installed as a script")
def test_bash_completes_commands_and_choices() -> None:
    assert complete("elecsafe ch", 1).split() == ["check"]
    assert complete("elecsafe timetable --format ", 3).split() == ["table", "json", "csv"]
    source = complete("", 0, "source_bash")
    assert "complete -o default -F _elecsafe_completion elecsafe" in source
