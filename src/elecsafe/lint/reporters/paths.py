"""File paths as CI systems want them: relative to the repository root.

GitHub resolves annotation and SARIF paths against the checkout; the root is the git top
level of the plan directory when there is one, else the working directory when the plan is
inside it, else the plan directory itself.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def repo_root(directory: Path) -> Path:
    try:
        done = subprocess.run(
            ["git", "-C", str(directory), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        done = None
    if done is not None and done.returncode == 0 and done.stdout.strip():
        return Path(done.stdout.strip()).resolve()
    cwd = Path.cwd().resolve()
    return cwd if directory.resolve().is_relative_to(cwd) else directory.resolve()


def relative(file: str, root: Path) -> str | None:
    """``file`` (as shown in findings) relative to ``root`` with '/' separators, or None
    when it lies outside."""
    path = Path(file)
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        return Path(os.path.normpath(absolute.resolve())).relative_to(root).as_posix()
    except ValueError:
        return None
