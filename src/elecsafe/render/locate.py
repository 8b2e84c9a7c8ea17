"""Where the built-in templates live.

Why two places: the wheel force-includes the top-level ``templates/`` folder as
``elecsafe/templates`` (pyproject), while an editable/dev install runs from ``src/elecsafe``
and finds the folder at the repository root.
"""

from __future__ import annotations

from pathlib import Path

import elecsafe

PACKAGE_DIR = Path(elecsafe.__file__).resolve().parent


def builtin_templates_dir(package_dir: Path = PACKAGE_DIR) -> Path:
    """The built-in ``templates`` folder: inside the package (wheel) or at the repo root (dev).

    ``package_dir`` is the ``elecsafe`` package folder; a parameter so tests can check both
    layouts without building a wheel.
    """
    installed = package_dir / "templates"
    if (installed / "documents").is_dir():
        return installed
    source_tree = package_dir.parent.parent / "templates"  # src/elecsafe -> repo root
    if (source_tree / "documents").is_dir():
        return source_tree
    raise FileNotFoundError(
        f"built-in templates not found in {installed} or {source_tree}; reinstall elecsafe"
    )


def builtin_documents_dir(package_dir: Path = PACKAGE_DIR) -> Path:
    return builtin_templates_dir(package_dir) / "documents"
