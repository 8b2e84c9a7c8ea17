"""PTN: partnerships beyond law enforcement (domain.md §2.12; Building Partnerships)."""

from __future__ import annotations

from collections.abc import Iterator

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.common import listing

W = Severity.WARNING


def _ptn001(ctx: Context) -> Iterator[Finding]:
    for i, partnership in enumerate(ctx.plan.partnerships):
        absent = [k for k in ("reciprocity_offers", "fit_check_on") if not getattr(partnership, k)]
        if absent:
            yield ctx.report(
                ("partnerships", i),
                f"partnership with '{partnership.org}' has no {listing(absent)}",
            )


PTN001 = Rule(
    code="PTN001",
    check=_ptn001,
    name="partnership-reciprocity",
    severity=W,
    scope="all",
    summary="Each partnership records what the office offers in return and when it was "
    "checked against the office's legal and operational procedures.",
    rationale=(
        "Building Partnerships, Building Partnerships: 'Establish reciprocity … make sure that it's a 360 degree relationship'; 'Before "
        "engaging with a new partner, it's important to make sure that the partnership fits "
        "within the legal and operational procedures of the office.'"
    ),
    fix="Add reciprocity_offers and fit_check_on to the partnership.",
    bad=Example(
        "organisations:\n"
        "  - {id: ema, name: County Emergency Management, kind: emergency_management, sector: emergency_management, jurisdictions: [area]}\n"
        "partnerships:\n"
        "  - {org: ema, type: intra_governmental}\n",
        problems=((4, 5),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: ema, name: County Emergency Management, kind: emergency_management, sector: emergency_management, jurisdictions: [area]}\n"
        "partnerships:\n"
        "  - {org: ema, type: intra_governmental, reciprocity_offers: [office tour], fit_check_on: 2027-01-05}\n"
    ),
)


def _ptn002(ctx: Context) -> Iterator[Finding]:
    index = ctx.index
    for partnership in ctx.plan.partnerships:
        org = index.organisations.get(partnership.org)
        if org is not None and org.kind == "emergency_management":
            return
    yield missing(
        ctx, ("partnerships",), "the emergency management office is not listed as a partner"
    )


PTN002 = Rule(
    code="PTN002",
    check=_ptn002,
    name="emergency-management-partner",
    severity=W,
    scope="all",
    summary="The emergency management office is a listed intra-governmental partner.",
    rationale=(
        "Building Partnerships, Types of Partnerships: election officials 'should be maintaining relationships "
        "with internal stakeholders, elected officials, emergency management offices, and more "
        "in preparation for the election.'"
    ),
    fix="Add the emergency management office under partnerships (type intra_governmental).",
    bad=Example(
        "organisations:\n"
        "  - {id: ema, name: County Emergency Management, kind: emergency_management, sector: emergency_management, jurisdictions: [area]}\n",
        problems=(("plan.yaml", 1, 1),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: ema, name: County Emergency Management, kind: emergency_management, sector: emergency_management, jurisdictions: [area]}\n"
        "partnerships:\n"
        "  - {org: ema, type: intra_governmental}\n"
    ),
)

RULES: tuple[Rule, ...] = (PTN001, PTN002)
