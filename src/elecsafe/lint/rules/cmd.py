"""CMD: the gold/silver/bronze command structure (domain.md §2.3, APP Commanders)."""

from __future__ import annotations

from collections.abc import Iterator

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.common import listing
from elecsafe.model.roles import APP_FUNCTIONAL_BRONZES

E, W = Severity.ERROR, Severity.WARNING


def _cmd001(ctx: Context) -> Iterator[Finding]:
    command = ctx.plan.command
    if command is None:
        yield missing(ctx, ("command",), "no command structure (gold, silver, bronze) is defined")
        return
    absent = []
    if command.gold is None:
        absent.append("gold")
    if not command.silver:
        absent.append("silver")
    if not command.bronze:
        absent.append("bronze")
    if absent:
        yield ctx.report(
            ("command",), f"the command structure has no {listing(absent)}", anchor="key"
        )


CMD001 = Rule(
    code="CMD001",
    check=_cmd001,
    name="gold-silver-bronze",
    severity=E,
    scope="UK",
    summary="A gold commander, at least one silver and at least one bronze are defined.",
    rationale=(
        "APP Commanders: 'A suitable command structure is required to ensure the effective "
        "policing of an election. This will be based on the gold, silver and bronze command "
        "roles.'"
    ),
    fix="Add command.gold, command.silver and command.bronze pointing at role assignments.",
    bad=Example(
        "roles:\n"
        "  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: office, holder: alice}\n"
        "command:\n"
        "  gold: {assignment: ra-gold}\n"
        "  silver: [{assignment: ra-silver}]\n",
        problems=((5, 1),),
    ),
    good=Example(
        "roles:\n"
        "  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: office, holder: alice}\n"
        "command:\n"
        "  gold: {assignment: ra-gold}\n"
        "  silver: [{assignment: ra-silver}]\n"
        "  bronze:\n"
        "    - {assignment: ra-bronze, type: geographical, area: area}\n"
    ),
)


def _cmd002(ctx: Context) -> Iterator[Finding]:
    command = ctx.plan.command
    if command is None:
        return
    for i, bronze in enumerate(command.bronze):
        path = ("command", "bronze", i)
        if bronze.type == "functional" and bronze.function is None:
            yield missing(
                ctx, (*path, "function"), f"functional bronze '{bronze.assignment}' has no function"
            )
        elif (
            bronze.type == "functional" and bronze.function == "other" and not bronze.function_other
        ):
            yield missing(
                ctx,
                (*path, "function_other"),
                f"bronze '{bronze.assignment}' has function 'other' but no function_other",
            )
        elif bronze.type == "geographical" and bronze.area is None:
            yield missing(
                ctx, (*path, "area"), f"geographical bronze '{bronze.assignment}' has no area"
            )


CMD002 = Rule(
    code="CMD002",
    check=_cmd002,
    name="bronze-type",
    severity=E,
    scope="all",
    summary="Every bronze is functional with a function, or geographical with an area.",
    rationale=(
        "APP Commanders: bronze commanders carry out 'functional (for example, bronze crime, "
        "bronze candidate/campaigner safeguarding, bronze security) or geographical "
        "responsibilities related to the tactical plan'."
    ),
    fix="Give the bronze a function (functional) or an area (geographical).",
    bad=Example(
        "roles:\n"
        "  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: office, holder: alice}\n"
        "command:\n"
        "  bronze:\n"
        "    - assignment: ra-bronze\n"
        "      type: functional\n",
        problems=((7, 7),),
    ),
    good=Example(
        "roles:\n"
        "  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: office, holder: alice}\n"
        "command:\n"
        "  bronze:\n"
        "    - assignment: ra-bronze\n"
        "      type: functional\n"
        "      function: crime\n"
    ),
)


def functional_bronzes(ctx: Context, *, ready: bool = False) -> tuple[list[str], list[str]]:
    """(settled APP functions, missing APP functions); ``ready``: an entry that still holds a
    placeholder settles nothing (the readiness summary)."""
    command = ctx.plan.command
    settled: set[str] = set()
    if command is not None:
        settled |= {
            b.function
            for i, b in enumerate(command.bronze)
            if b.type == "functional"
            and b.function
            and not (ready and ctx.draft(("command", "bronze", i)))
        }
        settled |= {
            n.function
            for i, n in enumerate(command.not_required)
            if not (ready and ctx.draft(("command", "not_required", i)))
        }
    done = [f for f in APP_FUNCTIONAL_BRONZES if f in settled]
    return done, [f for f in APP_FUNCTIONAL_BRONZES if f not in settled]


def _cmd003(ctx: Context) -> Iterator[Finding]:
    _, absent = functional_bronzes(ctx)
    if not absent:
        return
    message = f"functional bronze roles neither assigned nor marked not_required: {listing(absent)}"
    command = ctx.plan.command
    if command is None:
        yield missing(ctx, ("command",), message)
    elif command.bronze:
        yield ctx.report(("command", "bronze"), message, anchor="key")
    else:
        yield ctx.report(("command",), message, anchor="key")


CMD003 = Rule(
    code="CMD003",
    check=_cmd003,
    name="functional-bronzes",
    severity=W,
    scope="UK",
    summary="Each APP functional bronze (election commander, crime, intelligence, community, "
    "media, candidate/campaigner safeguarding, security) is assigned or marked not_required "
    "with a reason.",
    rationale=(
        "APP Command and planning considerations: 'requirement for dedicated functional bronze "
        "command roles, for example, election commander, bronze crime, bronze intelligence, "
        "bronze community, bronze media, bronze candidate/campaigner safeguarding, bronze "
        "security'. Deciding against one is fine; not deciding is the gap."
    ),
    fix="Add a functional bronze for each function, or list it in command.not_required with a "
    "reason.",
    bad=Example(
        "roles:\n"
        "  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: office, holder: alice}\n"
        "command:\n"
        "  bronze:\n"
        "    - {assignment: ra-bronze, type: functional, function: crime}\n",
        problems=((6, 3),),
    ),
    good=Example(
        "roles:\n"
        "  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: office, holder: alice}\n"
        "command:\n"
        "  bronze:\n"
        "    - {assignment: ra-bronze, type: functional, function: crime}\n"
        "  not_required:\n"
        "    - {function: election_commander, reason: covered by the crime bronze}\n"
        "    - {function: intelligence, reason: covered by the crime bronze}\n"
        "    - {function: community, reason: covered by the crime bronze}\n"
        "    - {function: media, reason: covered by the crime bronze}\n"
        "    - {function: candidate_campaigner_safeguarding, reason: covered by the crime bronze}\n"
        "    - {function: security, reason: covered by the crime bronze}\n"
    ),
)


def _cmd005(ctx: Context) -> Iterator[Finding]:
    command = ctx.plan.command
    separation = command.investigation_separation if command else None
    if separation is None:
        yield missing(
            ctx,
            ("command", "investigation_separation"),
            "no protocol separates harassment/intimidation investigations from electoral "
            "malpractice investigations",
        )
        return
    if separation.protocol:
        return
    path = ("command", "investigation_separation")
    if not separation.hit_lead or not separation.malpractice_lead:
        yield ctx.report(
            path,
            "investigation_separation needs hit_lead and malpractice_lead (or a protocol document)",
            anchor="key",
        )
    elif separation.hit_lead == separation.malpractice_lead:
        yield ctx.report(
            (*path, "malpractice_lead"), "the same role leads both kinds of investigation"
        )


CMD005 = Rule(
    code="CMD005",
    check=_cmd005,
    name="investigation-separation",
    severity=W,
    scope="UK",
    summary="Harassment, intimidation and threats (HIT) investigations are separated from "
    "electoral malpractice investigations: different leads, or a protocol document.",
    rationale=(
        "APP Command and planning considerations: 'establishing clear protocols … for example, "
        "separating the investigation of harassment, intimidation and threatening behaviour "
        "relating to candidates/campaigners from the investigation of electoral malpractice'."
    ),
    fix="Fill command.investigation_separation with two different leads or a protocol.",
    bad=Example(
        "roles:\n"
        "  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: office, holder: alice}\n"
        "command:\n"
        "  investigation_separation:\n"
        "    hit_lead: ra-bronze\n"
        "    malpractice_lead: ra-bronze\n",
        problems=((8, 23),),
    ),
    good=Example(
        "roles:\n"
        "  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: office, holder: alice}\n"
        "command:\n"
        "  investigation_separation:\n"
        "    hit_lead: ra-bronze\n"
        "    malpractice_lead: ra-silver\n"
    ),
)


# -- extended ---------------------------------------------------------------------------------


def _cmd004(ctx: Context) -> Iterator[Finding]:
    command = ctx.plan.command
    if command is None or command.gold is None:
        return
    roles = ctx.index.roles
    gold = roles.get(command.gold.assignment)
    if gold is None or not gold.holder:
        return
    for i, silver in enumerate(command.silver):
        role = roles.get(silver.assignment)
        if role is not None and role.holder == gold.holder:
            yield ctx.report(
                ("command", "silver", i, "assignment"),
                f"'{gold.holder}' holds both gold and silver ('{silver.assignment}')",
            )


CMD004 = Rule(
    code="CMD004",
    check=_cmd004,
    name="distinct-command-levels",
    severity=W,
    scope="all",
    core=False,
    summary="The gold commander does not also hold a silver role.",
    rationale=(
        "APP Commanders: gold keeps 'strategic oversight', silver implements 'the tactical "
        "response'; one person in both loses the oversight gold is for."
    ),
    fix="Give gold and silver to different people.",
    bad=Example(
        "roles:\n"
        "  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: office, holder: alice}\n"
        "command:\n"
        "  gold: {assignment: ra-gold}\n"
        "  silver: [{assignment: ra-silver}]\n",
        problems=((7, 25),),
    ),
    good=Example(
        "people:\n  - {id: bob, display_name: Bob Example, organisation: office}\n"
        "roles:\n  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: bob}\n"
        "command:\n  gold: {assignment: ra-gold}\n  silver: [{assignment: ra-silver}]\n"
    ),
)


def _cmd007(ctx: Context) -> Iterator[Finding]:
    command = ctx.plan.command
    if command is None or command.framework == "gsb":
        return
    positions = {p.position for p in command.ics}
    absent = [
        p
        for p in ("incident_commander", "liaison_officer", "public_information_officer")
        if p not in positions and not (p == "incident_commander" and "unified_command" in positions)
    ]
    if not positions & {"agency_representative"} and not command.agency_representatives:
        absent.append("an election-office agency_representative")
    if absent:
        yield ctx.report(
            ("command", "ics"), f"ICS positions missing: {listing(absent)}", anchor="key"
        )


CMD007 = Rule(
    code="CMD007",
    check=_cmd007,
    name="ics-command-staff",
    severity=W,
    scope="US",
    core=False,
    summary="An ICS structure names an incident commander (or unified command), a liaison "
    "officer, a PIO and an election-office agency representative.",
    rationale=(
        "Roadmap §IV: each side designates who manages the relationship; in ICS terms the election "
        "office needs a seat (agency representative) next to the command staff."
    ),
    fix="Add the missing positions to command.ics.",
    bad=Example(
        "roles:\n  - {id: ra-ic, role: incident_commander, organisation: office}\n"
        "command:\n  framework: ics\n  ics:\n    - {position: incident_commander, "
        "assignment: ra-ic}\n",
        problems=((5, 3),),
    ),
    good=Example(
        "roles:\n  - {id: ra-ic, role: incident_commander, organisation: office}\n"
        "command:\n  framework: ics\n  ics:\n    - {position: incident_commander, "
        "assignment: ra-ic}\n    - {position: liaison_officer, assignment: ra-ic}\n"
        "    - {position: public_information_officer, assignment: ra-ic}\n"
        "    - {position: agency_representative, assignment: ra-ic}\n"
    ),
)


def _cmd008(ctx: Context) -> Iterator[Finding]:
    from elecsafe.lint.rules.common import ancestors

    plan, index = ctx.plan, ctx.index
    command = plan.command
    refs: list[str] = []
    if command is not None:
        refs = [*command.assignments(), *(p.assignment for p in command.ics)]
        refs += command.agency_representatives
    seated: set[str] = set()
    for ref in refs:
        role = index.roles.get(ref)
        if role is not None:
            seated.update(ancestors(index, role.organisation))
    for i, agreement in enumerate(plan.mutual_aid):
        for j, party in enumerate(agreement.parties):
            if party.org not in seated:
                yield ctx.report(
                    ("mutual_aid", i, "parties", j, "org"),
                    f"mutual aid party '{party.org}' has no place in the command structure",
                )


CMD008 = Rule(
    code="CMD008",
    check=_cmd008,
    name="mutual-aid-in-command",
    severity=W,
    scope="all",
    summary="Every mutual aid party has a place in the command structure (a command role or an "
    "agency representative).",
    rationale=(
        "Public Safety & Elections, Draft and update mutual aid agreements: agreements make sure 'that any agency "
        "providing aid to another is clear about the chain of command'."
    ),
    fix="Add a role of the agency to command (or command.agency_representatives).",
    bad=Example(
        "organisations:\n  - {id: force, name: Police, kind: police_force, "
        "sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n  - id: maa\n    title: Mutual aid\n    agreement_type: local\n"
        "    parties: [{org: force, role: aid_providing}]\n    effective_date: 2026-01-01\n"
        "    last_reviewed: 2026-09-01\n    election_events_covered: {covered: true}\n"
        "    topics: {}\n",
        problems=((7, 21),),
    ),
    good=Example(
        "organisations:\n  - {id: force, name: Police, kind: police_force, "
        "sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n  - id: maa\n    title: Mutual aid\n    agreement_type: local\n"
        "    parties: [{org: force, role: aid_providing}]\n    effective_date: 2026-01-01\n"
        "    last_reviewed: 2026-09-01\n    election_events_covered: {covered: true}\n"
        "    topics: {}\n"
        "roles:\n  - {id: ra-rep, role: agency_representative, organisation: force}\n"
        "command:\n  agency_representatives: [ra-rep]\n"
    ),
)

# -- CMD006 -----------------------------------------------------------------------------------


def _cmd006(ctx: Context) -> Iterator[Finding]:
    if not ctx.plan.elections:
        return
    if not any(r.role == "chief_officer_reviewer" and r.holder for r in ctx.plan.roles):
        yield missing(
            ctx,
            ("roles",),
            "no chief officer is appointed to review the force's election policing plans",
        )


CMD006 = Rule(
    code="CMD006",
    check=_cmd006,
    name="chief-officer-review",
    severity=W,
    scope="UK",
    summary="A chief officer is appointed (role chief_officer_reviewer, with a holder) to review "
    "the force's election policing plans.",
    rationale=(
        "APP Chief officers: 'When an election or referendum is announced, a chief "
        "officer should be appointed to review their force's existing election policing plans. "
        "This review will help inform command and planning considerations'."
    ),
    fix="Add a role chief_officer_reviewer with the chief officer as holder.",
    bad=Example(
        "roles:\n"
        "  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: office, holder: alice}\n",
        problems=(("plan.yaml", 1, 1),),
    ),
    good=Example(
        "roles:\n"
        "  - {id: ra-gold, role: gold_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: office, holder: alice}\n"
        "  - {id: ra-review, role: chief_officer_reviewer, organisation: office, holder: alice}\n"
    ),
)

# -- CMD009 -----------------------------------------------------------------------------------


def _cmd009(ctx: Context) -> Iterator[Finding]:
    coverage = ctx.index.coverage
    if not coverage.declared:
        return  # the plan says for no police area what it covers: nothing to check against
    declaring = {j.id for j in ctx.plan.jurisdictions if j.covers}
    for i, election in enumerate(ctx.plan.elections):
        for k, jid in enumerate(election.jurisdictions):
            if jid not in ctx.index.jurisdictions or declaring & set(
                coverage.areas(jid, parts=True)
            ):
                continue
            yield ctx.report(
                ("elections", i, "jurisdictions", k),
                f"no police area covers '{jid}', where poll '{election.id}' is held: its sites "
                "and its MoU have no silver or geographical bronze",
                hint=f"add '{jid}' (or the council it lies in) to the covers of the police area "
                "(BCU) that polices it",
            )


CMD009 = Rule(
    code="CMD009",
    check=_cmd009,
    name="police-area-covers-poll",
    severity=W,
    scope="all",
    summary="When police areas say which council areas they cover (covers), every poll is held "
    "in an area one of them covers.",
    rationale=(
        "APP Commanders: bronze commanders carry out 'functional ... or geographical "
        "responsibilities related to the tactical plan', and silvers write 'a community "
        "engagement strategy for each BCU district'. A council area no BCU covers has no silver "
        "or geographical bronze on polling day, and its MoU names none."
    ),
    fix="Add the poll's council area to the covers of the police area (BCU) that polices it.",
    bad=Example(
        "jurisdictions:\n"
        "  - {id: bcu-east, name: East BCU, kind: bcu, parent: area, covers: [ashcombe]}\n"
        "  - {id: ashcombe, name: Ashcombe, kind: district_council, parent: area}\n"
        "  - {id: fenbury, name: Fenbury, kind: district_council, parent: area}\n"
        "elections:\n"
        "  - id: fenbury-poll\n"
        "    name: Fenbury District Council election\n"
        "    kind: local_england\n"
        "    poll_date: 2027-05-06\n"
        '    poll_hours: {open: "07:00", close: "22:00"}\n'
        "    jurisdictions: [fenbury]\n",
        problems=((11, 21),),
    ),
    good=Example(
        "jurisdictions:\n"
        "  - {id: bcu-east, name: East BCU, kind: bcu, parent: area, covers: [ashcombe, fenbury]}\n"
        "  - {id: ashcombe, name: Ashcombe, kind: district_council, parent: area}\n"
        "  - {id: fenbury, name: Fenbury, kind: district_council, parent: area}\n"
        "elections:\n"
        "  - id: fenbury-poll\n"
        "    name: Fenbury District Council election\n"
        "    kind: local_england\n"
        "    poll_date: 2027-05-06\n"
        '    poll_hours: {open: "07:00", close: "22:00"}\n'
        "    jurisdictions: [fenbury]\n"
    ),
)

RULES: tuple[Rule, ...] = (
    CMD001, CMD002, CMD003, CMD004, CMD005, CMD006, CMD007, CMD008, CMD009,
)  # fmt: skip
