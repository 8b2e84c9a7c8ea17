"""The rule families, one module each, registered explicitly (no import-time discovery)."""

from __future__ import annotations

from elecsafe.lint.registry import Rule


def all_rules() -> list[Rule]:
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

    families = (loader, ref, rol, cmd, mtg, tt, site, maa, thr, com, doc, prv, dbf, inc, ptn, meta)
    return [rule for family in families for rule in family.RULES]
