"""The rule families, one module each, registered explicitly (no import-time discovery).

:data:`RULES` is THE registry: every code in documentation order (families in
:data:`~elecsafe.lint.rule.FAMILY_TITLES` order). Family modules import only the leaf
:mod:`elecsafe.lint.rule`, never :mod:`elecsafe.lint.registry` (which imports this package).
"""

from __future__ import annotations

from elecsafe.lint.rule import FAMILY_TITLES, Rule
from elecsafe.lint.rules import (
    cmd,
    com,
    dbf,
    doc,
    inc,
    loader,
    maa,
    meta,
    mtg,
    prv,
    ptn,
    ref,
    rol,
    site,
    thr,
    tt,
)

FAMILIES = (loader, ref, rol, cmd, mtg, tt, site, maa, thr, com, doc, prv, dbf, inc, ptn, meta)


def _registry() -> dict[str, Rule]:
    order = list(FAMILY_TITLES)
    rules = sorted(
        (rule for family in FAMILIES for rule in family.RULES),
        key=lambda r: (order.index(r.family) if r.family in order else 99, r.code),
    )
    out: dict[str, Rule] = {}
    for rule in rules:
        if rule.code in out:  # a programming error; caught by the test suite
            raise ValueError(f"rule code {rule.code} registered twice")
        out[rule.code] = rule
    return out


RULES: dict[str, Rule] = _registry()


def all_rules() -> list[Rule]:
    return list(RULES.values())


__all__ = ["FAMILIES", "RULES", "all_rules"]
