"""The rule families, one module each, registered explicitly (no import-time discovery)."""

from __future__ import annotations

from elecsafe.lint.registry import Rule


def all_rules() -> list[Rule]:
    from elecsafe.lint.rules import cmd, loader, meta, mtg, rol, site, tt

    families = (loader, rol, cmd, mtg, tt, site, meta)
    return [rule for family in families for rule in family.RULES]
