"""REF: structure and references (domain.md §2.1).

REF001 (ids and references, :mod:`elecsafe.model.refs`), REF002 (dates, time zone) and REF003
(enumerated values) are reported while the plan is read; REF004 is a rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context
from elecsafe.lint.rule import Example, Rule
from elecsafe.model.roles import ROLE_CATALOGUE

E, W = Severity.ERROR, Severity.WARNING

REF001 = Rule(
    code="REF001",
    name="ids-and-references",
    severity=E,
    scope="all",
    origin="loader",
    summary="Ids are unique across the plan and every reference names an entity of the right kind.",
    rationale=(
        "The plan links people, roles, sites and meetings by id; a dangling reference is a role "
        "with nobody behind it. Roadmap §IV asks to 'designate one or more points of contact': the "
        "designation only counts if it resolves to a real person."
    ),
    fix="Define the missing entity, or correct the id (the hint suggests a close one).",
    bad=Example(
        "roles:\n  - id: ra-poc\n    role: le_liaison_poc\n    organisation: office\n"
        "    holder: alicia\n",
        problems=((5, 13),),
    ),
    good=Example(
        "roles:\n  - id: ra-poc\n    role: le_liaison_poc\n    organisation: office\n"
        "    holder: alice\n"
    ),
)

REF002 = Rule(
    code="REF002",
    name="valid-dates",
    severity=E,
    scope="all",
    origin="loader",
    summary="Dates are real dates, date expressions resolve, the time zone is an IANA name.",
    rationale=(
        "Calendars exported to Outlook and Google need unambiguous dates and zones; a 31 "
        "February or an unknown zone would silently shift a meeting."
    ),
    fix="Write dates as YYYY-MM-DD (or an expression such as 'poll - 25 working days').",
    bad=Example(
        "timetable:\n  milestones:\n    - id: m1\n      title: Review\n      when: 2027-02-31\n",
        problems=((5, 13),),
    ),
    good=Example(
        "timetable:\n  milestones:\n    - id: m1\n      title: Review\n      when: 2027-02-28\n"
    ),
)

REF003 = Rule(
    code="REF003",
    name="allowed-values",
    severity=E,
    scope="all",
    origin="loader",
    summary="Enumerated values are allowed ones; opt-outs (not_applicable, not_required) give a reason.",
    rationale=(
        "Site kinds, role kinds, presence levels (APP Election-day considerations: "
        "'permanent, occasional or no police presence') and ratings drive the rules; a value "
        "outside the list would let a site escape them."
    ),
    fix="Use one of the values listed in the message (the hint suggests the closest).",
    bad=Example(
        "jurisdictions:\n  - id: north\n    name: North\n    kind: wrad\n", problems=((4, 11),)
    ),
    good=Example("jurisdictions:\n  - id: north\n    name: North\n    kind: ward\n"),
)


def _ref004(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    if plan.allow_foreign_roles:
        return
    for i, role in enumerate(plan.roles):
        country = ROLE_CATALOGUE[role.role].country
        if country not in ("*", plan.country):
            yield ctx.report(
                ("roles", i, "role"),
                f"role '{role.id}' is a {'UK' if country == 'GB' else 'US'} role in a "
                f"{'UK' if plan.country == 'GB' else 'US'} plan",
            )


REF004 = Rule(
    code="REF004",
    check=_ref004,
    name="country-roles",
    severity=W,
    scope="all",
    core=False,
    summary="Roles belong to the plan's country (a force election SPOC in a US plan is usually "
    "a copy-paste slip), unless allow_foreign_roles is set.",
    rationale=(
        "APP Key roles are the roles of policing in England and Wales; Roadmap §I names the US "
        "ones (police chiefs, sheriffs, the FBI election crimes coordinator). A plan that mixes "
        "them was usually copied from the wrong template."
    ),
    fix="Use the role of the plan's country, or set allow_foreign_roles: true.",
    bad=Example(
        "roles:\n  - {id: ra-spoc, role: force_election_spoc, organisation: office}\n",
        problems=((2, 25),),
        country="US",
    ),
    good=Example(
        "roles:\n  - {id: ra-poc, role: le_liaison_poc, organisation: office}\n", country="US"
    ),
)

RULES: tuple[Rule, ...] = (REF001, REF002, REF003, REF004)
