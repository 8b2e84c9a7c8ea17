"""DOC: MoUs and handling markings (domain.md §2.10; APP Memorandum of understanding)."""

from __future__ import annotations

from collections.abc import Iterator

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.common import ancestors, listing, local_authorities_in_scope, months_before
from elecsafe.model.agreements import MOU_SECTIONS, MoU, agreements_of, terms_digest

E, W = Severity.ERROR, Severity.WARNING

COUNCILS = (
    "jurisdictions:\n  - {id: north, name: North District, kind: district_council, parent: area}\n"
    "organisations:\n"
    "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, "
    "jurisdictions: [area]}\n"
    "  - {id: north-council, name: North District Council, kind: local_authority, "
    "sector: election_administration, jurisdictions: [north]}\n"
)


def mou(id_: str, a: str, b: str, extra: str = "") -> str:
    return (
        f"  - id: {id_}\n    title: Elections MoU\n    parties: [{{org: {a}}}, {{org: {b}}}]\n"
        "    purpose: fair and lawful elections\n    scope: {period: May 2027}\n"
        f"    last_reviewed: 2027-01-10\n    handling: {{marking: OFFICIAL}}\n    sections: {{}}\n"
        f"{extra}"
    )


def mou_pairs(ctx: Context, *, ready: bool = False) -> tuple[list[tuple[int, str]], set[str]]:
    """(councils in scope as (position, id), councils with an MoU with a police force);
    ``ready``: an MoU that still holds a placeholder covers nobody (the readiness summary)."""
    plan, index = ctx.plan, ctx.index
    councils = [(i, org.id) for i, org in local_authorities_in_scope(plan)]
    wanted = {org_id for _, org_id in councils}
    forces = {o.id for o in plan.organisations if o.kind == "police_force"}
    covered: set[str] = set()
    for n, agreement in enumerate(plan.mous):
        if ready and ctx.draft(("mous", n)):
            continue
        chains = [ancestors(index, p.org) for p in agreement.parties]
        has_force = any(forces.intersection(chain) for chain in chains)
        if has_force:
            for chain in chains:
                covered |= wanted.intersection(chain)
    return councils, covered


def _doc001(ctx: Context) -> Iterator[Finding]:
    councils, covered = mou_pairs(ctx)
    for i, org_id in councils:
        if org_id not in covered:
            yield ctx.report(
                ("organisations", i),
                f"no MoU between the police force and local authority '{org_id}'",
            )


DOC001 = Rule(
    code="DOC001",
    check=_doc001,
    name="mou-per-local-authority",
    severity=E,
    scope="UK",
    summary="An MoU exists between the police force and each local authority in the force area "
    "that holds a poll.",
    rationale=(
        "APP Memorandum of understanding: 'Forces should enter into an MoU with each local "
        "authority in the force area. This should set out an agreed understanding of how they "
        "may cooperate to ensure that elections and referendums are conducted in a fair and "
        "inclusive manner and in accordance with the law.'"
    ),
    fix="Add an MoU under mous: with the force and the council as parties.",
    bad=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n",
        problems=((5, 5),),
    ),
    good=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties: [{org: force}, {org: north-council}]\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n"
    ),
)


def _doc002(ctx: Context) -> Iterator[Finding]:
    poll = ctx.poll
    if poll is None:
        return
    limit = ctx.param("max_age_months")
    for i, agreement in enumerate(ctx.plan.mous):
        age = months_before(agreement.last_reviewed, poll)
        if age > limit:
            yield ctx.report(
                ("mous", i, "last_reviewed"),
                f"MoU '{agreement.id}' will be {age} months past its last review at "
                f"polling day (limit {limit})",
            )


DOC002 = Rule(
    code="DOC002",
    check=_doc002,
    name="mou-reviewed",
    severity=W,
    scope="all",
    params={"max_age_months": 12},
    summary="Each MoU was reviewed at most max_age_months (12) before polling day.",
    rationale=(
        "APP Chief officers: 'When an election or referendum is announced, a chief officer "
        "should be appointed to review their force's existing election policing plans'; an MoU "
        "agreed for an earlier election may no longer match the people and the law."
    ),
    fix="Review the MoU with the other party and update last_reviewed.",
    bad=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties: [{org: force}, {org: north-council}]\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2025-11-01\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n",
        problems=((12, 20),),
    ),
    good=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties: [{org: force}, {org: north-council}]\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n"
    ),
)


def _doc005(ctx: Context) -> Iterator[Finding]:
    marked: list[tuple[str, int, str, bool]] = [
        ("mutual_aid", i, a.id, a.handling is not None) for i, a in enumerate(ctx.plan.mutual_aid)
    ]
    marked += [("mous", i, m.id, m.handling is not None) for i, m in enumerate(ctx.plan.mous)]
    for kind, i, agreement_id, has_marking in marked:
        if not has_marking:
            yield missing(
                ctx, (kind, i, "handling"), f"agreement '{agreement_id}' has no handling marking"
            )


DOC005 = Rule(
    code="DOC005",
    check=_doc005,
    name="handling-marking",
    severity=E,
    scope="all",
    summary="The plan and every agreement carry a handling marking (e.g. OFFICIAL-SENSITIVE, "
    "or a state exemption note).",
    rationale=(
        "Public Safety & Elections (Sun Prairie PD): partners must agree 'security protocols, especially when it "
        "comes to anything that could be subject to an open records request'. The marking "
        "printed on every page is how a reader knows the rules of handling."
    ),
    fix="Add handling: {marking: ...} to the agreement.",
    bad=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties: [{org: force}, {org: north-council}]\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    sections: {}\n",
        problems=((7, 5),),
    ),
    good=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties: [{org: force}, {org: north-council}]\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n"
    ),
)


# -- extended ---------------------------------------------------------------------------------


def _doc003(ctx: Context) -> Iterator[Finding]:
    for i, agreement in enumerate(ctx.plan.mous):
        absent = [k for k in MOU_SECTIONS if not agreement.sections.get(k)]
        if absent:
            yield ctx.report(
                ("mous", i, "sections"), f"MoU '{agreement.id}' has no section {listing(absent)}"
            )


DOC003 = Rule(
    code="DOC003",
    check=_doc003,
    name="mou-sections",
    severity=W,
    scope="all",
    summary="Each MoU covers purpose and scope, roles, contacts, information sharing, "
    "allegation referral, evidence handling, intervention policy, communications and media, "
    "and review.",
    rationale=(
        "APP Pre-election planning: an MoU 'will provide a clear understanding and agreement "
        "regarding the roles, responsibilities and cooperation required'; APP Command and "
        "planning considerations: an 'intervention policy, namely, documented and agreed with "
        "the local authority'."
    ),
    fix="Add the missing keys under sections:.",
    bad=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties: [{org: force}, {org: north-council}]\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n",
        problems=((14, 15),),
    ),
    good=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties: [{org: force}, {org: north-council}]\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections:\n"
        "      purpose_and_scope: agreed\n"
        "      roles_and_responsibilities: agreed\n"
        "      contacts: agreed\n"
        "      information_sharing: agreed\n"
        "      allegation_referral: agreed\n"
        "      evidence_handling: agreed\n"
        "      intervention_policy: agreed\n"
        "      communications_and_media: agreed\n"
        "      review: agreed\n"
    ),
)


def _doc004(ctx: Context) -> Iterator[Finding]:
    plan, index = ctx.plan, ctx.index
    primary = {"sheriff_office", "police_department", "tribal_police"}
    office = {o.id for o in plan.organisations if o.kind == "election_office"}
    agreed: set[str] = set()
    for agreement in plan.mous:
        chains = [ancestors(index, p.org) for p in agreement.parties]
        if any(office.intersection(chain) for chain in chains):
            agreed |= {org for chain in chains for org in chain}
    for i, org in enumerate(plan.organisations):
        if org.kind in primary and org.id not in agreed:
            yield ctx.report(
                ("organisations", i),
                f"no written cooperation agreement between the election office and '{org.id}'",
            )


DOC004 = Rule(
    code="DOC004",
    check=_doc004,
    name="us-cooperation-agreement",
    severity=W,
    scope="US",
    core=False,
    summary="A written cooperation agreement exists between the election office and each "
    "sheriff's office, police department and tribal police department (or a waiver says why "
    "not).",
    rationale=(
        "Roadmap §IV: 'Set shared expectations and goals'; Public Safety & Elections, Draft and update mutual aid agreements: 'All agreements regarding "
        "support during emergencies are reflected in written' agreements."
    ),
    fix="Add an MoU with the agency, or a waiver in lint.waivers with the reason.",
    bad=Example(
        "organisations:\n  - {id: sheriff, name: Sheriff, kind: sheriff_office, "
        "sector: law_enforcement, jurisdictions: [area]}\n",
        problems=((2, 5),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: sheriff, name: Sheriff, kind: sheriff_office, sector: law_enforcement, jurisdictions: [area]}\n"
        "mous:\n"
        "  - id: mou\n"
        "    title: Elections MoU\n"
        "    parties: [{org: office}, {org: sheriff}]\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n"
    ),
)

# -- DOC006 -----------------------------------------------------------------------------------


def unsigned_parties(agreement: MoU) -> list[tuple[int, str]]:
    """(party position, the key that is missing) for each party that has not signed."""
    out: list[tuple[int, str]] = []
    for j, party in enumerate(agreement.parties):
        if not party.has_signed:
            out.append((j, "signatory" if party.signatory is None else "signed_on"))
    return out


def _doc006(ctx: Context) -> Iterator[Finding]:
    for i, agreement in enumerate(ctx.plan.mous):
        if ctx.draft(("mous", i)):
            continue  # still a draft: TODO001 names what is left; it is signed once agreed
        for j, key in unsigned_parties(agreement):
            party = agreement.parties[j]
            path: tuple[str | int, ...] = ("mous", i, "parties", j, "signatory")
            if key == "signed_on":
                path = (*path, "signed_on")
            yield missing(
                ctx,
                path,
                f"party '{party.org}' has not signed MoU '{agreement.id}' "
                f"(no {'signatory' if key == 'signatory' else 'signed_on date'})",
            )


def signed_counts(ctx: Context) -> tuple[int, int]:
    """(MoUs signed by every party, MoUs); a draft counts as unsigned."""
    mous = ctx.plan.mous
    done = sum(
        1 for i, m in enumerate(mous) if not unsigned_parties(m) and not ctx.draft(("mous", i))
    )
    return done, len(mous)


def _doc007(ctx: Context) -> Iterator[Finding]:
    for at, agreement in agreements_of(ctx.plan):
        if agreement.resign_due:
            continue  # signatures of the previous plan: DOC008 asks for new ones
        current: str | None = None
        for j, party in enumerate(agreement.parties):
            signed = party.signatory
            if signed is None or signed.terms_digest is None:
                continue
            current = current or terms_digest(agreement)
            if signed.terms_digest != current:
                when = f" on {signed.signed_on.isoformat()}" if signed.signed_on else ""
                yield ctx.report(
                    (*at, "parties", j, "signatory", "terms_digest"),
                    f"the terms of '{agreement.id}' changed since signed by '{signed.person}' "
                    f"for '{party.org}'{when}",
                )


DOC006 = Rule(
    code="DOC006",
    check=_doc006,
    name="mou-signed",
    severity=W,
    scope="all",
    summary="Every party to an MoU has signed it: a signatory (person, title) with a "
    "signed_on date. An MoU that still holds a placeholder is a draft and is not checked yet.",
    rationale=(
        "APP Memorandum of understanding: 'Forces should "
        "enter into an MoU with each local authority in the force area', setting out 'an agreed "
        "understanding of how they may cooperate'. An agreement is entered into when each party "
        "signs it; an MoU without signatures records a proposal, not an agreement, and the "
        "checklist line 'MoU signed' would otherwise be ticked for a text nobody signed. A "
        "warning, as the APP's 'should' reads, so that the agreed text can still be rendered "
        "for signature; `check --ready` fails until every party has signed."
    ),
    fix="Record each party's signatory with person, title and signed_on (`elecsafe sign` does "
    "it with a digest of the terms).",
    bad=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties:\n"
        "      - org: force\n"
        "        signatory: {person: alice, title: ACC, signed_on: 2027-01-12}\n"
        "      - org: north-council\n"
        "        signatory: {person: alice, title: RO}\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n",
        problems=((13, 20),),
    ),
    good=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties:\n"
        "      - org: force\n"
        "        signatory: {person: alice, title: ACC, signed_on: 2027-01-12}\n"
        "      - org: north-council\n"
        "        signatory: {person: alice, title: RO, signed_on: 2027-01-14}\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n"
    ),
)

DOC007 = Rule(
    code="DOC007",
    check=_doc007,
    name="terms-changed-since-signed",
    severity=E,
    scope="all",
    summary="The terms of a signed MoU or mutual aid agreement are the terms its parties "
    "signed (the digest recorded by `elecsafe sign` still matches).",
    rationale=(
        "National Policing Institute et al., Public Safety & Elections: A Guide for Law "
        "Enforcement, Section 2 (Draft and update mutual aid agreements): agencies 'discuss and "
        "resolve in advance' what an agreement settles; College of Policing APP Policing "
        "elections, Memorandum of understanding: an MoU gives 'a clear understanding and "
        "agreement'. Terms edited after a party signed are terms that party "
        "never saw; nobody should work to them until every party has signed again."
    ),
    fix=(
        "Have every party review the changed terms and sign again (`elecsafe sign PLAN "
        "AGREEMENT --party ORG --by PERSON`), or undo the change."
    ),
    bad=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU (changed after signing)\n"
        "    parties:\n"
        "      - org: force\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2027-01-10, terms_digest: sha256:401c8165ba0232227b82af9a2beb8db4f669d033d184294d9b6c41a1f334be97}\n"
        "      - org: north-council\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n",
        problems=((11, 97),),
    ),
    good=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties:\n"
        "      - org: force\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2027-01-10, terms_digest: sha256:401c8165ba0232227b82af9a2beb8db4f669d033d184294d9b6c41a1f334be97}\n"
        "      - org: north-council\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n"
    ),
)


def _doc008(ctx: Context) -> Iterator[Finding]:
    for at, agreement in agreements_of(ctx.plan):
        if agreement.resign_due:
            yield ctx.report(
                (*at, "resign_due"),
                f"'{agreement.id}' was carried over from the previous plan: every party signs "
                "it again",
            )


DOC008 = Rule(
    code="DOC008",
    check=_doc008,
    name="resign-carried-agreement",
    severity=W,
    scope="all",
    summary="An agreement carried into a new plan by `elecsafe roll` is signed again by every "
    "party.",
    rationale=(
        "CISA, Building and Maintaining Relationships with Law Enforcement: A Roadmap for "
        "Election Officials, step VII: keep the relationship relevant by adapting it for the "
        "next election; Public Safety & Elections: A Guide for Law Enforcement, Section 2 (Draft "
        "and update mutual aid agreements): agreements are reviewed and updated. "
        "Last year's signatures are history, not consent to this year's terms."
    ),
    fix=(
        "Review the terms with the parties, then `elecsafe sign` for each party; sign removes "
        "resign_due once every party has signed the current terms."
    ),
    bad=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties: [{org: force}, {org: north-council}]\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n"
        "    resign_due: true\n",
        problems=((15, 17),),
    ),
    good=Example(
        "jurisdictions:\n"
        "  - {id: north, name: North District, kind: district_council, parent: area}\n"
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: north-council, name: North District Council, kind: local_authority, sector: election_administration, jurisdictions: [north]}\n"
        "mous:\n"
        "  - id: mou-north\n"
        "    title: Elections MoU\n"
        "    parties: [{org: force}, {org: north-council}]\n"
        "    purpose: fair and lawful elections\n"
        "    scope: {period: May 2027}\n"
        "    last_reviewed: 2027-01-10\n"
        "    handling: {marking: OFFICIAL}\n"
        "    sections: {}\n"
    ),
)

RULES: tuple[Rule, ...] = (DOC001, DOC002, DOC003, DOC004, DOC005, DOC006, DOC007, DOC008)
