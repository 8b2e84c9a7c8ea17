"""elecsafe: plan the safety of an election together, as plain YAML in git.

The core is importable without the CLI::

    from elecsafe import load_plan
    loaded = load_plan("examples/us-county")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from elecsafe.load.loader import LoadedPlan, load_plan


def __getattr__(name: str) -> Any:
    # Lazy so that `elecsafe --help` does not import pydantic.
    if name in ("load_plan", "LoadedPlan"):
        from elecsafe.load import loader

        return getattr(loader, name)
    raise AttributeError(name)


__all__ = ["LoadedPlan", "__version__", "load_plan"]
