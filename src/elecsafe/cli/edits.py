"""What every editing command (fix, roll, sign) shares: refuse a plan whose YAML is broken,
show a unified diff with ``--dry-run``, otherwise write the changed files atomically."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from elecsafe.cli.common import fail

if TYPE_CHECKING:
    from elecsafe.edit.session import Change, PlanEdit
    from elecsafe.load.loader import LoadedPlan

YAML_ERRORS = ("YML001", "YML002", "YML003", "YML004", "YML005", "YML006")


def refuse_broken(loaded: LoadedPlan) -> None:
    """Exit 2 (nothing written) when a plan file has YAML errors: an edit could not know
    what the file means."""
    for finding in loaded.findings:
        if finding.code in YAML_ERRORS:
            fail(
                f"{finding.file}:{finding.line}:{finding.column}: {finding.message}; "
                "fix the YAML first (nothing was written)"
            )


def apply(edit: PlanEdit, *, dry_run: bool) -> list[Change]:
    """``--dry-run``: the unified diff on stdout, nothing written. Otherwise every changed
    file is built and checked first, then written atomically."""
    from elecsafe.edit.document import EditError

    try:
        if dry_run:
            changes = edit.changes()
            typer.echo("".join(c.diff() for c in changes), nl=False)
            return changes
        return edit.write()
    except EditError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{getattr(exc, 'filename', None) or 'plan'}: cannot write ({exc.strerror or exc})")
