"""ROL: roles and contacts (domain.md §2.2).

Who the points of contact are, that they can reach each other, and that every critical role
has somebody behind it and a deputy (Roadmap §IV, VII; APP Key roles, "command resilience").
"""

from __future__ import annotations

from collections.abc import Iterator

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.common import (
    JurisdictionTree,
    ancestors,
    is_election_side,
    listing,
    local_authorities_in_scope,
)
from elecsafe.model.roles import RoleAssignment

E, W = Severity.ERROR, Severity.WARNING

ROLE_HEADER = "roles:\n"


def _role(
    id_: str,
    role: str,
    org: str,
    holder: str | None = None,
    deputy: str | None = None,
    extra: str = "",
) -> str:
    text = f"  - id: {id_}\n    role: {role}\n    organisation: {org}\n"
    if holder:
        text += f"    holder: {holder}\n"
    if deputy:
        text += f"    deputy: {deputy}\n"
    return text + extra


# -- ROL001 -----------------------------------------------------------------------------------


def election_poc_kind(country: str) -> str:
    return "electoral_services_manager" if country == "GB" else "le_liaison_poc"


# Organisations that run elections themselves: each needs its own point of contact, or one it
# shares with another office (a role's ``serves``).
OFFICE_KINDS = frozenset({"election_office", "electoral_services"})


def _rol001(ctx: Context) -> Iterator[Finding]:
    kind = election_poc_kind(ctx.country)
    index = ctx.index
    pocs = [r for r in ctx.plan.roles if r.role == kind and r.holder]
    offices = [(i, o) for i, o in enumerate(ctx.plan.organisations) if o.kind in OFFICE_KINDS]
    if offices:
        for i, office in offices:
            if not any(r.serves_org(office.id) for r in pocs):
                yield ctx.report(
                    ("organisations", i, "id"),
                    f"election office '{office.id}' has no {kind} with a holder (its own, or "
                    "one that serves it)",
                )
        return
    for role in pocs:
        org = index.organisations.get(role.organisation)
        if org is None or is_election_side(org):
            return
    yield ctx.report(
        ("roles",),
        f"no {kind} with a holder is assigned on the election side",
        anchor="key",
    )


ROL001 = Rule(
    code="ROL001",
    check=_rol001,
    name="election-point-of-contact",
    severity=E,
    scope="all",
    summary="Every election office has a designated point of contact for law enforcement "
    "(US: le_liaison_poc; UK: electoral_services_manager) with a holder: its own, or one "
    "that `serves` it too (one liaison for two offices).",
    rationale=(
        "Roadmap §IV: 'Designate one or more points of contact in your organization to manage LE "
        "relationships.' APP Electoral services manager: in the UK the ESM is 'the person that "
        "the force election SPOC should make contact with'."
    ),
    fix="Add a role assignment of that kind, held by a person of the election office, or list "
    "the office under `serves:` of the point of contact it shares with another office.",
    bad=Example(
        "organisations:\n"
        "  - id: recorder\n"
        "    name: Test County Recorder\n"
        "    kind: election_office\n"
        "    sector: election_administration\n"
        "    jurisdictions: [area]\n"
        "roles:\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n",
        problems=((2, 9),),
        country="US",
    ),
    good=Example(
        "organisations:\n"
        "  - id: recorder\n"
        "    name: Test County Recorder\n"
        "    kind: election_office\n"
        "    sector: election_administration\n"
        "    jurisdictions: [area]\n"
        "roles:\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "    serves: [recorder]\n",
        country="US",
    ),
)


# -- ROL002 -----------------------------------------------------------------------------------


def _rol002(ctx: Context) -> Iterator[Finding]:
    roles = ctx.index.roles
    for i, org in enumerate(ctx.plan.organisations):
        if not org.is_law_enforcement:
            continue
        if org.primary_contact is None:
            yield missing(
                ctx,
                ("organisations", i, "primary_contact"),
                f"law enforcement organisation '{org.id}' has no primary_contact",
            )
            continue
        role = roles.get(org.primary_contact)
        if role is not None and not role.holder:
            yield ctx.report(
                ("organisations", i, "primary_contact"),
                f"primary contact role '{role.id}' of '{org.id}' has no holder",
            )


LE_ORG = (
    "organisations:\n  - id: sheriff\n    name: Test County Sheriff's Office\n"
    "    kind: sheriff_office\n    sector: law_enforcement\n    jurisdictions: [area]\n"
)

ROL002 = Rule(
    code="ROL002",
    check=_rol002,
    name="le-primary-contact",
    severity=E,
    scope="all",
    summary="Every law enforcement organisation names a primary contact role that has a holder.",
    rationale=(
        "Roadmap §I: identify 'police chiefs and sheriffs covering your jurisdiction, the state "
        "police, and the Election Crimes Coordinator'; Roadmap §IV: each relationship needs a named "
        "point of contact on both sides."
    ),
    fix="Set primary_contact to a role assignment of that agency and give the role a holder.",
    bad=Example(
        "organisations:\n"
        "  - id: sheriff\n"
        "    name: Test County Sheriff's Office\n"
        "    kind: sheriff_office\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n",
        problems=((2, 5),),
        country="US",
    ),
    good=Example(
        "organisations:\n"
        "  - id: sheriff\n"
        "    name: Test County Sheriff's Office\n"
        "    kind: sheriff_office\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "    primary_contact: ra-liaison\n"
        "people:\n"
        "  - id: sam\n"
        "    display_name: Sam Example\n"
        "    organisation: sheriff\n"
        "roles:\n"
        "  - id: ra-liaison\n"
        "    role: le_election_liaison\n"
        "    organisation: sheriff\n"
        "    holder: sam\n",
        country="US",
    ),
)


# -- ROL003 -----------------------------------------------------------------------------------


def _rol003(ctx: Context) -> Iterator[Finding]:
    plan, index = ctx.plan, ctx.index
    polled = {j for election in plan.elections for j in election.jurisdictions}
    policing = JurisdictionTree(plan).related(polled)
    # A force whose area holds none of the plan's polls (a neighbour that only sends aid) has
    # its SPOC in its own plan; without elections or jurisdictions, every force needs one.
    forces = {
        o.id: i
        for i, o in enumerate(plan.organisations)
        if o.kind == "police_force"
        and (not polled or not o.jurisdictions or policing.intersection(o.jurisdictions))
    }
    spocs: dict[str, list[int]] = {}
    for i, role in enumerate(plan.roles):
        if role.role != "force_election_spoc":
            continue
        force = next((a for a in ancestors(index, role.organisation) if a in forces), None)
        if force is not None:
            spocs.setdefault(force, []).append(i)
    for force, position in forces.items():
        found = spocs.get(force, [])
        if not found:
            yield ctx.report(
                ("organisations", position),
                f"police force '{force}' has no force_election_spoc",
                hint="add a role assignment 'force_election_spoc' for this force",
            )
        for extra in found[1:]:
            yield ctx.report(
                ("roles", extra, "role"),
                f"police force '{force}' has more than one force_election_spoc",
                hint="keep one force SPOC; use delegated_la_spoc for local authority areas",
            )
    for i, role in enumerate(plan.roles):
        if role.role != "delegated_la_spoc":
            continue
        if role.accountable_to is None:
            yield missing(
                ctx,
                ("roles", i, "accountable_to"),
                f"delegated SPOC '{role.id}' does not name the force SPOC it is accountable to",
            )
            continue
        target = index.roles.get(role.accountable_to)
        if target is not None and target.role != "force_election_spoc":
            yield ctx.report(
                ("roles", i, "accountable_to"),
                f"delegated SPOC '{role.id}' is accountable to '{target.id}', "
                "which is not the force election SPOC",
            )


ROL003 = Rule(
    code="ROL003",
    check=_rol003,
    name="one-force-spoc",
    severity=E,
    scope="UK",
    summary="Each police force whose area holds a poll of the plan has exactly one force "
    "election SPOC; delegated SPOCs are accountable to it.",
    rationale=(
        "APP Force election single point of contact: 'Every force has a nominated election "
        "single point of contact' who 'may delegate some of their activities … however, they "
        "remain responsible'."
    ),
    fix="Assign one force_election_spoc per force; set accountable_to on each delegated_la_spoc.",
    bad=Example(
        "organisations:\n"
        "  - id: force\n"
        "    name: Testshire Police\n"
        "    kind: police_force\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "    primary_contact: ra-spoc\n"
        "roles:\n"
        "  - id: ra-spoc\n"
        "    role: force_election_spoc\n"
        "    organisation: force\n"
        "    holder: alice\n"
        "  - id: ra-spoc-2\n"
        "    role: force_election_spoc\n"
        "    organisation: force\n"
        "    holder: alice\n"
        "  - id: ra-la-spoc\n"
        "    role: delegated_la_spoc\n"
        "    organisation: force\n"
        "    holder: alice\n",
        problems=((14, 11), (17, 5)),
    ),
    good=Example(
        "organisations:\n"
        "  - id: force\n"
        "    name: Testshire Police\n"
        "    kind: police_force\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "    primary_contact: ra-spoc\n"
        "roles:\n"
        "  - id: ra-spoc\n"
        "    role: force_election_spoc\n"
        "    organisation: force\n"
        "    holder: alice\n"
        "  - id: ra-la-spoc\n"
        "    role: delegated_la_spoc\n"
        "    organisation: force\n"
        "    holder: alice\n"
        "    accountable_to: ra-spoc\n"
    ),
)


# -- ROL004 -----------------------------------------------------------------------------------

RETURNING = frozenset({"returning_officer", "acting_returning_officer", "counting_officer"})


def _is_registration_authority(ctx: Context, jurisdiction_ids: list[str]) -> bool:
    jurisdictions = ctx.index.jurisdictions
    for jid in jurisdiction_ids:
        j = jurisdictions.get(jid)
        if j is None:
            continue
        if j.registration_authority or (
            j.registration_authority is None and j.kind != "county_council"
        ):
            return True
    return False


def _rol004(ctx: Context) -> Iterator[Finding]:
    plan, index = ctx.plan, ctx.index
    councils = local_authorities_in_scope(plan)
    if not councils:
        return
    wanted = {org.id for _, org in councils}
    held: dict[str, set[str]] = {}
    for role in plan.roles:
        for org_id in ancestors(index, role.organisation):
            if org_id in wanted:
                held.setdefault(org_id, set()).add(role.role)
    for i, org in councils:
        kinds = held.get(org.id, set())
        absent = []
        if not kinds & RETURNING:
            absent.append("returning_officer (or acting_returning_officer/counting_officer)")
        if "electoral_services_manager" not in kinds:
            absent.append("electoral_services_manager")
        if "electoral_registration_officer" not in kinds and _is_registration_authority(
            ctx, org.jurisdictions
        ):
            absent.append("electoral_registration_officer")
        if absent:
            yield ctx.report(
                ("organisations", i),
                f"local authority '{org.id}' holds a poll but has no {listing(absent)}",
            )


ROL004 = Rule(
    code="ROL004",
    check=_rol004,
    name="statutory-officers",
    severity=E,
    scope="UK",
    summary="Each local authority holding a poll has a returning officer and an ESM (or local "
    "equivalent); each registration authority has an ERO.",
    rationale=(
        "APP Key roles: the returning officer 'is responsible for ensuring that elections are "
        "conducted in accordance with the law'; 'Every council is legally required to appoint "
        "… [an] electoral registration officer'; the ESM 'or local equivalent' is the SPOC's "
        "counterpart. In two-tier areas county councils are not registration authorities, so the "
        "ERO check follows `registration_authority` (default: every council but a county council)."
    ),
    fix="Add role assignments for the missing statutory officers, with organisation set to the "
    "council (or its electoral services team).",
    bad=Example(
        "jurisdictions:\n"
        "  - id: north-district\n"
        "    name: North District\n"
        "    kind: district_council\n"
        "    parent: area\n"
        "organisations:\n"
        "  - id: north-council\n"
        "    name: North District Council\n"
        "    kind: local_authority\n"
        "    sector: election_administration\n"
        "    jurisdictions: [north-district]\n"
        "roles:\n"
        "  - id: ra-north-ro\n"
        "    role: returning_officer\n"
        "    organisation: north-council\n"
        "    holder: alice\n",
        problems=((7, 5),),
    ),
    good=Example(
        "jurisdictions:\n"
        "  - id: north-district\n"
        "    name: North District\n"
        "    kind: district_council\n"
        "    parent: area\n"
        "organisations:\n"
        "  - id: north-council\n"
        "    name: North District Council\n"
        "    kind: local_authority\n"
        "    sector: election_administration\n"
        "    jurisdictions: [north-district]\n"
        "roles:\n"
        "  - id: ra-north-ro\n"
        "    role: returning_officer\n"
        "    organisation: north-council\n"
        "    holder: alice\n"
        "  - id: ra-north-ero\n"
        "    role: electoral_registration_officer\n"
        "    organisation: north-council\n"
        "    holder: alice\n"
        "  - id: ra-north-esm\n"
        "    role: electoral_services_manager\n"
        "    organisation: north-council\n"
        "    holder: alice\n"
    ),
)


# -- ROL007 -----------------------------------------------------------------------------------


def _rol007(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    by_org: dict[str, set[str]] = {}
    kinds: set[str] = set()
    for role in plan.roles:
        by_org.setdefault(role.organisation, set()).add(role.role)
        kinds.add(role.role)
    head = {
        "sheriff_office": "sheriff",
        "police_department": "police_chief",
        "tribal_police": "police_chief",
    }
    seen_kinds = {o.kind for o in plan.organisations}
    for i, org in enumerate(plan.organisations):
        wanted = head.get(org.kind)
        if wanted and wanted not in by_org.get(org.id, set()):
            yield ctx.report(
                ("organisations", i),
                f"{org.kind.replace('_', ' ')} '{org.id}' has no '{wanted}' role assignment",
            )
    absent = []
    if "sheriff_office" not in seen_kinds:
        absent.append("a sheriff's office")
    if "state_police_contact" not in kinds:
        absent.append("a state_police_contact role")
    if "fbi_ecc" not in kinds:
        absent.append("the FBI field office election crimes coordinator (fbi_ecc)")
    if absent:
        yield ctx.report(
            ("organisations",),
            f"the plan does not list {listing(absent)}",
            anchor="key",
        )


ROL007 = Rule(
    code="ROL007",
    check=_rol007,
    name="us-le-stakeholders",
    severity=W,
    scope="US",
    summary="A US plan lists the sheriff, the police chiefs of the agencies covering the "
    "jurisdiction, a state police contact and the FBI election crimes coordinator.",
    rationale=(
        "Roadmap §I: 'This list could include police chiefs and sheriffs covering your jurisdiction, "
        "the state police, and the Election Crimes Coordinator (ECC) at your nearest FBI field "
        "office.'"
    ),
    fix="Add the agencies and a role assignment for each (sheriff, police_chief, "
    "state_police_contact, fbi_ecc).",
    bad=Example(
        "organisations:\n"
        "  - id: sheriff\n"
        "    name: Test County Sheriff's Office\n"
        "    kind: sheriff_office\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "  - id: fbi\n"
        "    name: FBI Field Office\n"
        "    kind: fbi_field_office\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "  - id: patrol\n"
        "    name: State Highway Patrol\n"
        "    kind: state_police\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "roles:\n"
        "  - id: ra-ecc\n"
        "    role: fbi_ecc\n"
        "    organisation: fbi\n",
        problems=((2, 5), ("plan.yaml", 17, 1)),
        country="US",
    ),
    good=Example(
        "organisations:\n"
        "  - id: sheriff\n"
        "    name: Test County Sheriff's Office\n"
        "    kind: sheriff_office\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "  - id: fbi\n"
        "    name: FBI Field Office\n"
        "    kind: fbi_field_office\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "  - id: patrol\n"
        "    name: State Highway Patrol\n"
        "    kind: state_police\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "roles:\n"
        "  - id: ra-ecc\n"
        "    role: fbi_ecc\n"
        "    organisation: fbi\n"
        "  - id: ra-sheriff\n"
        "    role: sheriff\n"
        "    organisation: sheriff\n"
        "  - id: ra-trooper\n"
        "    role: state_police_contact\n"
        "    organisation: patrol\n",
        country="US",
    ),
)


# -- ROL009 -----------------------------------------------------------------------------------


def key_contacts(ctx: Context) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Election-side points of contact and law enforcement primary contacts, each as
    person id -> the jurisdictions of their organisation."""
    plan, index = ctx.plan, ctx.index
    election: dict[str, set[str]] = {}
    for role in plan.roles:
        if role.role in ("le_liaison_poc", "electoral_services_manager") and role.holder:
            org = index.organisations.get(role.organisation)
            if org is not None and is_election_side(org):
                election.setdefault(role.holder, set()).update(org.jurisdictions)
    police: dict[str, set[str]] = {}
    for org in plan.organisations:
        if org.is_law_enforcement and org.primary_contact:
            contact = index.roles.get(org.primary_contact)
            if contact is not None and contact.holder:
                police.setdefault(contact.holder, set()).update(org.jurisdictions)
    return election, police


def exchange_pairs(ctx: Context) -> tuple[int, int, list[tuple[str, str]]]:
    """(pairs required, pairs done, missing directions (person, other)).

    A pair is an election point of contact and the primary contact of an agency covering the
    same area (their jurisdictions contain one another): a county office pairs with its
    sheriff, the city police and the state police, not with another county's sheriff."""
    election, police = key_contacts(ctx)
    people = ctx.index.people
    tree = JurisdictionTree(ctx.plan)
    by_area: dict[str, list[str]] = {}
    for person, areas in police.items():
        for area in areas:
            by_area.setdefault(area, []).append(person)
    exchanged = {
        p.id: set(p.mobile_exchanged_with) for p in ctx.plan.people if p.mobile_exchanged_with
    }
    drafts = person_drafts(ctx)
    required = done = 0
    absent: list[tuple[str, str]] = []
    for a, areas in election.items():
        partners = dict.fromkeys(b for area in tree.related(areas) for b in by_area.get(area, ()))
        for b in partners:
            if a == b or a not in people or b not in people:
                continue
            required += 1
            gaps = [(x, y) for x, y in ((a, b), (b, a)) if y not in exchanged.get(x, ())]
            absent += gaps
            done += not gaps and a not in drafts and b not in drafts
    return required, done, absent


def _rol009(ctx: Context) -> Iterator[Finding]:
    _, _, absent = exchange_pairs(ctx)
    position = {p.id: i for i, p in enumerate(ctx.plan.people)}
    for person, other in absent:
        path = ("people", position[person], "mobile_exchanged_with")
        message = f"'{person}' has not recorded exchanging mobile numbers with '{other}'"
        if ctx.index.people[person].mobile_exchanged_with:
            yield ctx.report(path, message)
        else:
            yield missing(ctx, path, message)


ROL009 = Rule(
    code="ROL009",
    check=_rol009,
    name="mobiles-exchanged",
    severity=W,
    scope="all",
    summary="The election point(s) of contact and the primary contact of each law enforcement "
    "agency covering the same area have recorded exchanging mobile numbers (both ways; the "
    "numbers stay private).",
    rationale=(
        "Roadmap §VII: 'ensure you've exchanged cell phone numbers among key points of contact on "
        "your team and with LE.' The plan records that the exchange happened "
        "(`mobile_exchanged_with`), never the numbers."
    ),
    fix="Add each other's person id to mobile_exchanged_with on both people.",
    bad=Example(
        "organisations:\n"
        "  - id: sheriff\n"
        "    name: Test County Sheriff's Office\n"
        "    kind: sheriff_office\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "    primary_contact: ra-liaison\n"
        "roles:\n"
        "  - id: ra-liaison\n"
        "    role: le_election_liaison\n"
        "    organisation: sheriff\n"
        "    holder: sam\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: bob\n"
        "people:\n"
        "  - id: bob\n"
        "    display_name: Bob Example\n"
        "    organisation: office\n"
        "    mobile_exchanged_with: [sam]\n"
        "  - id: sam\n"
        "    display_name: Sam Example\n"
        "    organisation: sheriff\n",
        problems=((22, 5),),
        country="US",
    ),
    good=Example(
        "organisations:\n"
        "  - id: sheriff\n"
        "    name: Test County Sheriff's Office\n"
        "    kind: sheriff_office\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "    primary_contact: ra-liaison\n"
        "roles:\n"
        "  - id: ra-liaison\n"
        "    role: le_election_liaison\n"
        "    organisation: sheriff\n"
        "    holder: sam\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: bob\n"
        "people:\n"
        "  - id: bob\n"
        "    display_name: Bob Example\n"
        "    organisation: office\n"
        "    mobile_exchanged_with: [sam]\n"
        "  - id: sam\n"
        "    display_name: Sam Example\n"
        "    organisation: sheriff\n"
        "    mobile_exchanged_with: [bob]\n",
        country="US",
    ),
)


# -- ROL010 -----------------------------------------------------------------------------------


def _rol010(ctx: Context) -> Iterator[Finding]:
    if not ctx.has_private_layer:
        return  # checked where the private layer is present (not in CI; see docs)
    contacts = ctx.contacts
    for i, role in enumerate(ctx.plan.roles):
        if not role.is_critical:
            continue
        # everyone who holds it during the plan: a handover's new holder must be reachable too
        for tenure in role.tenures():
            if not tenure.holder or (
                tenure.change is not None and role.changes[tenure.change].holder is None
            ):
                continue
            entry = contacts.get(tenure.holder)
            if entry is None or not entry.contact_methods:
                at = (
                    ("roles", i)
                    if tenure.change is None
                    else ("roles", i, "changes", tenure.change)
                )
                yield ctx.report(
                    (*at, "holder"),
                    f"holder '{tenure.holder}' of critical role '{role.id}' has no contact "
                    "method in the private layer",
                )


PRIVATE_OK = (
    "contacts:\n  alice:\n    contact_methods:\n      - kind: mobile\n"
    "        value: 07700 900123\n        sensitivity: restricted\n"
)
PRIVATE_EMPTY = "contacts:\n  alice:\n    availability: office hours\n"

ROL010 = Rule(
    code="ROL010",
    check=_rol010,
    name="critical-holders-reachable",
    severity=E,
    scope="all",
    summary="Every holder of a critical role has at least one contact method in the private "
    "layer (checked where private/ is present).",
    rationale=(
        "Roadmap §VII asks key contacts to stay reachable ('Use technology to keep connected'); a "
        "critical role whose holder cannot be reached fails exactly when it is needed. The "
        "contact details live only in the git-ignored private layer (CSSE Our Principles: protect the privacy "
        "of election workers)."
    ),
    fix="Add contact_methods for the person in private/contacts.yaml.",
    bad=Example(
        "roles:\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n",
        files={"private/contacts.yaml": PRIVATE_EMPTY},
        problems=((5, 13),),
    ),
    good=Example(
        "roles:\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n",
        files={"private/contacts.yaml": PRIVATE_OK},
    ),
)


# -- ROL011 -----------------------------------------------------------------------------------


def critical_role_ids(ctx: Context) -> set[str]:
    """Critical by the catalogue (or `critical: true`), plus the site contacts of red sites."""
    ids = {r.id for r in ctx.plan.roles if r.is_critical}
    for site in ctx.plan.sites:
        if site.site_contact and site.vulnerability and site.vulnerability.rating == "red":
            ids.add(site.site_contact)
    return ids


def _rol011(ctx: Context) -> Iterator[Finding]:
    critical = critical_role_ids(ctx)
    for i, role in enumerate(ctx.plan.roles):
        if role.id not in critical:
            continue
        # every period between handovers: the holder on the day in question must have a deputy
        for tenure in role.tenures():
            at: tuple[str | int, ...] = ("roles", i)
            when = ""
            if tenure.change is not None:
                at = ("roles", i, "changes", tenure.change)
                when = f" from {tenure.start}"
            if not tenure.holder:
                yield missing(
                    ctx, (*at, "holder"), f"critical role '{role.id}' has no holder{when}"
                )
            if not tenure.deputy:
                yield missing(
                    ctx, (*at, "deputy"), f"critical role '{role.id}' has no deputy{when}"
                )
            elif tenure.deputy == tenure.holder:
                yield ctx.report(
                    (*at, "deputy")
                    if tenure.change is None or role.changes[tenure.change].deputy
                    else (*at, "holder"),
                    f"critical role '{role.id}' has the same person as holder and deputy{when}",
                )


def person_drafts(ctx: Context) -> set[str]:
    """Ids of people whose entry still holds a placeholder (a scaffolded "TODO: name of ...")."""
    if not ctx.loaded.placeholders:
        return set()
    return {p.id for i, p in enumerate(ctx.plan.people) if ctx.draft(("people", i))}


def with_deputy(ctx: Context) -> tuple[int, int]:
    critical = critical_role_ids(ctx)
    drafts = person_drafts(ctx)
    roles = [(i, r) for i, r in enumerate(ctx.plan.roles) if r.id in critical]
    ok = sum(
        1
        for i, r in roles
        if r.holder
        and r.deputy
        and r.holder != r.deputy
        and not drafts.intersection((r.holder, r.deputy))
        and not ctx.draft(("roles", i))
    )
    return ok, len(roles)


BOB = "people:\n  - id: bob\n    display_name: Bob Example\n    organisation: office\n"

ROL011 = Rule(
    code="ROL011",
    check=_rol011,
    name="critical-role-deputy",
    severity=W,
    scope="all",
    summary="Every critical role (gold, silver, bronze, SPOC, SIO, RO, ESM, LE liaison, "
    "threat channel owner, site contacts of red sites) has a holder and a different deputy.",
    rationale=(
        "APP Command and planning considerations: 'command resilience' and 'appointment "
        "of key roles'; a role held by one person with no deputy stops when that person is ill, "
        "on leave or unreachable on polling day."
    ),
    fix="Set holder and deputy to two different people.",
    bad=Example(
        "roles:\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n",
        problems=((2, 5),),
    ),
    good=Example(
        "people:\n"
        "  - id: bob\n"
        "    display_name: Bob Example\n"
        "    organisation: office\n"
        "roles:\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "    deputy: bob\n"
    ),
)


# -- ROL013 -----------------------------------------------------------------------------------


def _rol013(ctx: Context) -> Iterator[Finding]:
    comms = ctx.plan.communications
    if comms and comms.candidate_engagement and comms.candidate_engagement.named_contact:
        return
    reporting = ctx.plan.threat_reporting
    if reporting and any(
        "candidates_campaigners" in c.audience and c.owner for c in reporting.channels
    ):
        return
    yield missing(
        ctx,
        ("communications", "candidate_engagement", "named_contact"),
        "no named individual or department for candidates and campaigners to raise "
        "harassment, intimidation or threats",
    )


ROL013 = Rule(
    code="ROL013",
    check=_rol013,
    name="candidate-named-contact",
    severity=W,
    scope="UK",
    summary="Candidates and campaigners have a named individual or department to contact about "
    "harassment, intimidation or threatening behaviour.",
    rationale=(
        "APP Command and planning considerations: 'identifying a named individual or department "
        "that candidates/campaigners can contact'; APP Candidates and campaigners: 'Forces are "
        "encouraged to ensure that candidates/campaigners can contact a named individual and/or "
        "dedicated department'."
    ),
    fix="Set communications.candidate_engagement.named_contact to a role, or give a threat "
    "reporting channel the audience candidates_campaigners and an owner.",
    bad=Example(
        "communications:\n  candidate_engagement:\n    products: [Joint Guidance for Candidates]\n",
        problems=((3, 5),),
    ),
    good=Example(
        "communications:\n"
        "  candidate_engagement:\n"
        "    products: [Joint Guidance for Candidates]\n"
        "    named_contact: ra-feoa\n"
        "roles:\n"
        "  - id: ra-feoa\n"
        "    role: feoa\n"
        "    organisation: office\n"
        "    holder: alice\n"
    ),
)


# -- ROL014 -----------------------------------------------------------------------------------

CPS_ROUTE_KINDS = frozenset({"force_election_spoc", "sio"})


def _rol014(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    for i, role in enumerate(plan.roles):
        if role.cps_liaison and role.role not in CPS_ROUTE_KINDS:
            yield ctx.report(
                ("roles", i, "cps_liaison"),
                f"role '{role.id}' is marked as CPS liaison but is not the force election SPOC",
            )
    reporting = plan.threat_reporting
    if reporting and reporting.cps_advice_route:
        target: RoleAssignment | None = ctx.index.roles.get(reporting.cps_advice_route)
        if target is not None and target.role not in CPS_ROUTE_KINDS:
            yield ctx.report(
                ("threat_reporting", "cps_advice_route"),
                f"CPS advice is routed through '{target.id}', not the force election SPOC",
            )


ROL014 = Rule(
    code="ROL014",
    check=_rol014,
    name="cps-via-spoc",
    severity=E,
    scope="UK",
    summary="Contact with the CPS goes through the force election SPOC (or the SIO via the SPOC).",
    rationale=(
        "APP Crown Prosecution Service: 'Contact with the CPS should only be instigated with "
        "the approval of the force election SPOC'; any positive disposal 'must go to the CPS via "
        "the force election SPOC'."
    ),
    fix="Mark only the force SPOC (or SIO) role as cps_liaison, and route cps_advice_route "
    "through it.",
    bad=Example(
        "roles:\n"
        "  - id: ra-inspector\n"
        "    role: neighbourhood_inspector\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "    cps_liaison: true\n",
        problems=((6, 18),),
    ),
    good=Example(
        "roles:\n"
        "  - id: ra-spoc\n"
        "    role: force_election_spoc\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "    cps_liaison: true\n"
    ),
)


# -- extended rules ---------------------------------------------------------------------------


def _rol005(ctx: Context) -> Iterator[Finding]:
    kinds = {r.role for r in ctx.plan.roles}
    absent = [k for k in ("sio", "bcu_crime_spoc") if k not in kinds]
    if absent:
        yield ctx.report(("roles",), f"no {listing(absent)} is assigned", anchor="key")


ROL005 = Rule(
    code="ROL005",
    check=_rol005,
    name="sio-and-crime-spocs",
    severity=W,
    scope="UK",
    summary="A senior investigating officer and at least one BCU crime SPOC are assigned.",
    rationale=(
        "APP Senior investigating officer: the SIO 'oversees/manages investigations'; APP "
        "Recommended timetable of events: it identifies crime SPOCs in January/February."
    ),
    fix="Add role assignments 'sio' and 'bcu_crime_spoc'.",
    bad=Example(
        "roles:\n  - id: ra-sio\n    role: sio\n    organisation: office\n    holder: alice\n",
        problems=((1, 1),),
    ),
    good=Example(
        "roles:\n"
        "  - id: ra-sio\n"
        "    role: sio\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "  - id: ra-crime\n"
        "    role: bcu_crime_spoc\n"
        "    organisation: office\n"
        "    holder: alice\n"
    ),
)


def _rol006(ctx: Context) -> Iterator[Finding]:
    feoas = [r.id for r in ctx.plan.roles if r.role == "feoa"]
    if not feoas:
        yield ctx.report(
            ("roles",), "no force elected-official adviser (feoa) is assigned", anchor="key"
        )
        return
    comms = ctx.plan.communications
    matrix = comms.escalation_matrix if comms else []
    named = {r for e in matrix for r in (e.first_call, *e.then)}
    if not named.intersection(feoas):
        yield missing(
            ctx,
            ("communications", "escalation_matrix"),
            "the escalation matrix does not route any concern to the feoa",
        )


ROL006 = Rule(
    code="ROL006",
    check=_rol006,
    name="feoa-in-escalation",
    severity=W,
    scope="UK",
    core=False,
    summary="A force elected-official adviser is assigned and appears in the escalation matrix.",
    rationale=(
        "APP Candidates and campaigners: forces should ensure candidates can contact 'a named "
        "individual and/or dedicated department'; the FEOA is that contact for elected officials and candidates."
    ),
    fix="Assign a 'feoa' role and name it in communications.escalation_matrix.",
    bad=Example(
        "roles:\n"
        "  - id: ra-spoc\n"
        "    role: force_election_spoc\n"
        "    organisation: office\n"
        "    holder: alice\n",
        problems=((1, 1),),
    ),
    good=Example(
        "roles:\n"
        "  - id: ra-feoa\n"
        "    role: feoa\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "communications:\n"
        "  escalation_matrix:\n"
        "    - situation: threat to a candidate\n"
        "      first_call: ra-feoa\n"
    ),
)


def _rol008(ctx: Context) -> Iterator[Finding]:
    kinds = {r.role for r in ctx.plan.roles}
    absent = [k for k in ("doj_deo", "cisa_psa") if k not in kinds]
    if absent:
        yield ctx.report(("roles",), f"no {listing(absent)} is listed", anchor="key")


ROL008 = Rule(
    code="ROL008",
    check=_rol008,
    name="federal-partners",
    severity=Severity.INFO,
    scope="US",
    core=False,
    summary="The DOJ District Election Officer and the CISA Protective Security Advisor are listed.",
    rationale=(
        "Roadmap §I asks election officials to identify federal as well as local and state "
        "partners ('at the local, state, and federal levels')."
    ),
    fix="Add role assignments 'doj_deo' and 'cisa_psa'.",
    bad=Example(
        "roles:\n  - id: ra-deo\n    role: doj_deo\n    organisation: office\n",
        problems=((1, 1),),
        country="US",
    ),
    good=Example(
        "roles:\n"
        "  - id: ra-deo\n"
        "    role: doj_deo\n"
        "    organisation: office\n"
        "  - id: ra-psa\n"
        "    role: cisa_psa\n"
        "    organisation: office\n",
        country="US",
    ),
)


def _rol012(ctx: Context) -> Iterator[Finding]:
    limit = ctx.param("max_critical_roles")
    critical = critical_role_ids(ctx)
    held: dict[str, list[int]] = {}
    for i, role in enumerate(ctx.plan.roles):
        if role.id in critical and role.holder:
            held.setdefault(role.holder, []).append(i)
    for person, positions in held.items():
        for i in positions[limit:]:
            yield ctx.report(
                ("roles", i, "holder"),
                f"'{person}' holds {len(positions)} critical roles (more than {limit})",
            )


ROL012 = Rule(
    code="ROL012",
    check=_rol012,
    name="critical-role-load",
    severity=W,
    scope="all",
    core=False,
    params={"max_critical_roles": 2},
    summary="Nobody holds more than max_critical_roles (default 2) critical roles.",
    rationale=(
        "APP Command and planning considerations: 'command resilience'; one person holding many critical roles is a single point of "
        "failure."
    ),
    fix="Spread the roles across more people, or raise max_critical_roles with a reason.",
    bad=Example(
        "roles:\n"
        "  - id: ra-a\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "  - id: ra-b\n"
        "    role: threat_channel_owner\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "  - id: ra-c\n"
        "    role: local_election_official\n"
        "    organisation: office\n"
        "    holder: alice\n",
        problems=((13, 13),),
        country="US",
    ),
    good=Example(
        "people:\n"
        "  - id: bob\n"
        "    display_name: Bob Example\n"
        "    organisation: office\n"
        "roles:\n"
        "  - id: ra-a\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "  - id: ra-b\n"
        "    role: threat_channel_owner\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "  - id: ra-c\n"
        "    role: local_election_official\n"
        "    organisation: office\n"
        "    holder: bob\n",
        country="US",
    ),
)

# -- ROL015 -----------------------------------------------------------------------------------

APP_PARTNERS = {
    "electoral_commission": "the Electoral Commission",
    "royal_mail": "Royal Mail Group",
    "cps_scctd": "the CPS Special Crime and Counter-Terrorism Division",
}


def _rol015(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    if not plan.elections:
        return
    by_kind: dict[str, list[str]] = {}
    for org in plan.organisations:
        by_kind.setdefault(org.kind, []).append(org.id)
    contacts = {r.organisation for r in plan.roles if r.holder}
    for kind, label in APP_PARTNERS.items():
        orgs = by_kind.get(kind, [])
        if not orgs:
            yield missing(ctx, ("organisations",), f"{label} is not listed as a partner")
        elif not any(o in contacts or _primary(ctx, o) for o in orgs):
            yield missing(ctx, ("roles",), f"no contact is named at {label}")


def _primary(ctx: Context, org_id: str) -> bool:
    org = ctx.index.organisations.get(org_id)
    return org is not None and org.primary_contact is not None


ROL015 = Rule(
    code="ROL015",
    check=_rol015,
    name="app-partner-contacts",
    severity=W,
    scope="UK",
    summary="The Electoral Commission, Royal Mail Group and the CPS (Special Crime and "
    "Counter-Terrorism Division) are listed, each with a named contact role.",
    rationale=(
        "APP Partners: 'the police need to engage with a number of "
        "partners, including: local authority; Electoral Commission; Royal Mail Group Ltd; "
        "CPS; political parties'; APP Crown Prosecution Service: electoral malpractice is dealt with "
        "by its Special Crime and Counter-Terrorism Division, contacted through the force "
        "election SPOC."
    ),
    fix="Add the organisation and a role (with a holder) for the contact there.",
    bad=Example(
        "organisations:\n"
        "  - {id: ec, name: Electoral Commission, kind: electoral_commission, sector: regulator, jurisdictions: [area]}\n"
        "  - {id: cps, name: CPS SCCTD, kind: cps_scctd, sector: prosecution, jurisdictions: [area]}\n",
        problems=(("plan.yaml", 1, 1), ("plan.yaml", 1, 1), ("plan.yaml", 1, 1)),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: ec, name: Electoral Commission, kind: electoral_commission, sector: regulator, jurisdictions: [area]}\n"
        "  - {id: rm, name: Royal Mail, kind: royal_mail, sector: postal, jurisdictions: [area]}\n"
        "  - {id: cps, name: CPS SCCTD, kind: cps_scctd, sector: prosecution, jurisdictions: [area]}\n"
        "roles:\n"
        "  - {id: ra-ec, role: other, title: EC regional manager, organisation: ec, holder: alice}\n"
        "  - {id: ra-rm, role: other, title: Security adviser, organisation: rm, holder: alice}\n"
        "  - {id: ra-cps, role: other, title: SCCTD lawyer, organisation: cps, holder: alice}\n"
    ),
)


# -- ROL016 -----------------------------------------------------------------------------------


def _rol016(ctx: Context) -> Iterator[Finding]:
    if not ctx.has_private_layer:
        return  # checked where the private layer is present, like ROL010
    election, police = key_contacts(ctx)
    contacts = ctx.contacts
    for j, person in enumerate(ctx.plan.people):
        if person.id not in election and person.id not in police:
            continue
        entry = contacts.get(person.id)
        if entry is None or not (entry.availability or "").strip():
            yield ctx.report(
                ("people", j),
                f"key contact '{person.id}' has no availability (out of hours, polling day "
                "and count night) in the private layer",
            )


ROL016 = Rule(
    code="ROL016",
    check=_rol016,
    name="key-contacts-out-of-hours",
    severity=W,
    scope="all",
    summary="Each key contact (the election point of contact, each agency's primary contact) "
    "records in the private layer when they can be reached out of hours (checked where "
    "private/ is present).",
    rationale=(
        "Roadmap §VII: 'Use technology to keep connected, e.g., ensure you've exchanged cell "
        "phone numbers among key points of contact on your team and with LE'; a number that is "
        "not answered at night is no contact on count night. APP Recommended timetable of "
        "events: polling day and the count run from 7am to the declaration, often overnight."
    ),
    fix="Add availability for the person in private/contacts.yaml (e.g. 'on call 24/7 from the "
    "notice of election to the declaration').",
    bad=Example(
        "roles:\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n",
        files={"private/contacts.yaml": PRIVATE_OK},
        problems=(("plan.yaml", 24, 5),),
        country="US",
    ),
    good=Example(
        "roles:\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n",
        files={
            "private/contacts.yaml": PRIVATE_OK + "    availability: on call 24/7 in polling week\n"
        },
        country="US",
    ),
)

# -- ROL017 -----------------------------------------------------------------------------------


def _rol017(ctx: Context) -> Iterator[Finding]:
    for i, role in enumerate(ctx.plan.roles):
        tenures = role.tenures()
        for k, change in enumerate(role.changes):
            at = ("roles", i, "changes", k)
            if k and change.from_ <= role.changes[k - 1].from_:
                yield ctx.report(
                    (*at, "from"),
                    f"handover {k + 1} of role '{role.id}' ({change.from_}) is not after the one "
                    f"before it ({role.changes[k - 1].from_})",
                )
            before, after = tenures[k], tenures[k + 1]
            if (before.holder, before.deputy) == (after.holder, after.deputy):
                yield ctx.report(
                    at,
                    f"handover {k + 1} of role '{role.id}' changes neither holder nor deputy",
                )


ROL017 = Rule(
    code="ROL017",
    check=_rol017,
    name="role-handovers-in-order",
    severity=E,
    scope="all",
    summary="A role's handovers (changes) are in date order and each names a new holder or deputy.",
    rationale=(
        "Rules and documents use the holder on the date in question (a critical role's deputy "
        "on polling day, the contact list for the count); handovers out of order, or that "
        "change nobody, make that person ambiguous. Roadmap §IV asks for designated points of "
        "contact and §VII for keeping connected through the season: when a point of contact "
        "changes jobs, the plan must say who takes over and from when."
    ),
    fix="Write the handovers oldest first, each with the person who takes over.",
    bad=Example(
        "people:\n"
        "  - id: bob\n"
        "    display_name: Bob Example\n"
        "    organisation: office\n"
        "  - id: carol\n"
        "    display_name: Carol Example\n"
        "    organisation: office\n"
        "roles:\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "    deputy: bob\n"
        "    changes:\n"
        "      - {from: 2028-09-01, holder: carol}\n"
        "      - {from: 2028-08-01, holder: alice}\n",
        problems=((16, 16),),
    ),
    good=Example(
        "people:\n"
        "  - id: bob\n"
        "    display_name: Bob Example\n"
        "    organisation: office\n"
        "  - id: carol\n"
        "    display_name: Carol Example\n"
        "    organisation: office\n"
        "roles:\n"
        "  - id: ra-poc\n"
        "    role: le_liaison_poc\n"
        "    organisation: office\n"
        "    holder: alice\n"
        "    deputy: bob\n"
        "    changes:\n"
        "      - {from: 2028-09-01, holder: carol}\n"
    ),
)


RULES: tuple[Rule, ...] = (
    ROL001,
    ROL002,
    ROL003,
    ROL004,
    ROL005,
    ROL006,
    ROL007,
    ROL008,
    ROL009,
    ROL010,
    ROL011,
    ROL012,
    ROL013,
    ROL014,
    ROL015,
    ROL016,
    ROL017,
)
