"""``elecsafe init``: a commented plan scaffold for a US county or a UK force area.

Core API (no Typer)::

    from elecsafe.scaffold import PROFILES, ScaffoldOptions, build, write_all
    files = build(ScaffoldOptions(PROFILES["uk-force"], "Severnshire", poll, "Europe/London",
                                  "ENG", today))
    write_all(Path("plan-dir"), files)
"""

from __future__ import annotations

from elecsafe.scaffold.build import ScaffoldOptions, build, templates_dir
from elecsafe.scaffold.files import ScaffoldFile, WriteError, existing, write_all
from elecsafe.scaffold.profiles import PROFILES, Profile, get_profile
from elecsafe.scaffold.values import ScaffoldError

__all__ = [
    "PROFILES",
    "Profile",
    "ScaffoldError",
    "ScaffoldFile",
    "ScaffoldOptions",
    "WriteError",
    "build",
    "existing",
    "get_profile",
    "templates_dir",
    "write_all",
]
