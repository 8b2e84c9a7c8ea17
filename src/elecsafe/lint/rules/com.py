"""COM: communications and threat reporting (domain.md §2.9; Roadmap §VI, APP Communication)."""

from __future__ import annotations

from collections.abc import Iterator

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.common import listing

E, W = Severity.ERROR, Severity.WARNING
CHANNEL_FIELDS = ("owner", "audience", "monitored_hours", "fallback")


def complete_channels(ctx: Context) -> tuple[int, int]:
    reporting = ctx.plan.threat_reporting
    channels = reporting.channels if reporting else []
    done = sum(
        1
        for i, c in enumerate(channels)
        if all(getattr(c, f) for f in CHANNEL_FIELDS)
        and not ctx.draft(("threat_reporting", "channels", i))
    )
    return done, len(channels)


def _com001(ctx: Context) -> Iterator[Finding]:
    reporting = ctx.plan.threat_reporting
    if reporting is None or not reporting.channels:
        yield missing(
            ctx,
            ("threat_reporting", "channels"),
            "no threat reporting channel between election staff and law enforcement",
        )
        return
    for i, channel in enumerate(reporting.channels):
        absent = [f for f in CHANNEL_FIELDS if not getattr(channel, f)]
        if absent:
            yield ctx.report(
                ("threat_reporting", "channels", i),
                f"threat reporting channel '{channel.id}' has no {listing(absent)}",
            )
    if not reporting.triage_path:
        yield missing(
            ctx,
            ("threat_reporting", "triage_path"),
            "threat reporting has no triage_path (who passes a report to whom)",
        )


COM001 = Rule(
    code="COM001",
    check=_com001,
    name="threat-reporting-channel",
    severity=E,
    scope="all",
    summary="At least one threat reporting channel exists, each with an owner, an audience, "
    "monitored hours and an emergency fallback, and a triage path.",
    rationale=(
        "Roadmap §VI: consider 'a dedicated channel with LE—such as an email inbox or a specific "
        "officer—where election officials and workers can send information concerning "
        "threats'; APP Command and planning considerations: 'a named individual or department that candidates/campaigners "
        "can contact'. An inbox nobody watches at night needs a 999/911 fallback."
    ),
    fix="Complete the channel (owner, audience, monitored_hours, fallback) and set triage_path.",
    bad=Example(
        "roles:\n"
        "  - {id: ra-owner, role: threat_channel_owner, organisation: office}\n"
        "threat_reporting:\n"
        "  triage_path: [ra-owner]\n"
        "  channels:\n"
        "    - id: inbox\n"
        "      kind: email_inbox\n"
        "      name: Election threats inbox\n"
        "      owner: ra-owner\n"
        "      audience: [election_officials, election_workers]\n"
        "      monitored_hours: 08:00-20:00, 24/7 in polling week\n",
        problems=((6, 7),),
    ),
    good=Example(
        "roles:\n"
        "  - {id: ra-owner, role: threat_channel_owner, organisation: office}\n"
        "threat_reporting:\n"
        "  triage_path: [ra-owner]\n"
        "  channels:\n"
        "    - id: inbox\n"
        "      kind: email_inbox\n"
        "      name: Election threats inbox\n"
        "      owner: ra-owner\n"
        "      audience: [election_officials, election_workers]\n"
        "      monitored_hours: 08:00-20:00, 24/7 in polling week\n"
        '      fallback: "999"\n'
    ),
)


# -- extended ---------------------------------------------------------------------------------

STRATEGY = (
    "no_surprises_engagement",
    "links_with_parties_candidates_communities",
    "coordination_with_local_authority",
    "allegation_comms_plan",
)


def _com002(ctx: Context) -> Iterator[Finding]:
    comms = ctx.plan.communications
    strategy = comms.strategy if comms else None
    absent = [k for k in STRATEGY if strategy is None or not getattr(strategy, k)]
    if absent:
        yield missing(
            ctx,
            ("communications", "strategy"),
            f"the communications strategy does not cover {listing(absent)}",
        )


COM002 = Rule(
    code="COM002",
    check=_com002,
    name="comms-strategy",
    severity=W,
    scope="UK",
    summary="The communications strategy covers the four APP elements.",
    rationale=(
        "APP Communication strategy should include: a 'no surprises' approach; links with "
        "parties, candidates and communities; coordination with the local authority; plans for "
        "communicating in the event of allegations of fraud."
    ),
    fix="Fill communications.strategy.",
    bad=Example(
        "communications:\n  strategy: {no_surprises_engagement: weekly calls}\n",
        problems=((2, 3),),
    ),
    good=Example(
        "communications:\n"
        "  strategy:\n"
        "    no_surprises_engagement: agreed\n"
        "    links_with_parties_candidates_communities: agreed\n"
        "    coordination_with_local_authority: agreed\n"
        "    allegation_comms_plan: agreed\n"
    ),
)


def _com004(ctx: Context) -> Iterator[Finding]:
    comms = ctx.plan.communications
    if comms is None or not comms.call_tree:
        return
    edges: dict[str, list[str]] = {}
    for edge in comms.call_tree:
        edges.setdefault(edge.from_, []).extend(edge.to)
    targets = {t for ts in edges.values() for t in ts}
    roots = [r for r in edges if r not in targets] or [comms.call_tree[0].from_]
    limit = ctx.param("max_hops")
    depth: dict[str, int] = {}
    frontier = [(r, 0) for r in roots]
    while frontier:
        node, hops = frontier.pop()
        if node in depth and depth[node] <= hops:
            continue
        depth[node] = hops
        frontier.extend((n, hops + 1) for n in edges.get(node, ()))
    for i, role in enumerate(ctx.plan.roles):
        if role.is_critical and depth.get(role.id, limit + 1) > limit:
            yield ctx.report(
                ("roles", i),
                f"the call tree does not reach critical role '{role.id}' within {limit} calls",
            )


COM004 = Rule(
    code="COM004",
    check=_com004,
    name="call-tree-reach",
    severity=W,
    scope="all",
    core=False,
    params={"max_hops": 3},
    summary="The call tree reaches every critical role within max_hops (3) calls.",
    rationale=(
        "Roadmap §VII: 'Use technology to keep connected'; APP Command and planning considerations: 'command resilience'. A cascade that "
        "never reaches the SIO fails on the night it is used."
    ),
    fix="Add call tree edges to the roles it does not reach.",
    bad=Example(
        "roles:\n  - {id: ra-gold, role: gold_commander, organisation: office}\n"
        "  - {id: ra-sio, role: sio, organisation: office}\n"
        "communications:\n  call_tree:\n    - {from: ra-gold, to: [ra-gold]}\n",
        problems=((3, 5),),
    ),
    good=Example(
        "roles:\n  - {id: ra-gold, role: gold_commander, organisation: office}\n"
        "  - {id: ra-sio, role: sio, organisation: office}\n"
        "communications:\n  call_tree:\n    - {from: ra-gold, to: [ra-sio]}\n"
    ),
)


def _com005(ctx: Context) -> Iterator[Finding]:
    reporting = ctx.plan.threat_reporting
    for key in ("allegation_referral", "evidence_handling"):
        if reporting is None or getattr(reporting, key) is None:
            yield missing(ctx, ("threat_reporting", key), f"no agreed {key.replace('_', ' ')}")


COM005 = Rule(
    code="COM005",
    check=_com005,
    name="allegations-and-evidence",
    severity=W,
    scope="UK",
    core=False,
    summary="The initial point of contact for allegations and the handling of evidence are agreed.",
    rationale=(
        "APP Pre-election planning: 'appropriate mechanisms for referring, and responding to, "
        "different types of malpractice, suspicions and allegations … can be considered'; APP "
        "Election-day considerations: tactics to 'recover and preserve any evidence'."
    ),
    fix="Fill threat_reporting.allegation_referral and threat_reporting.evidence_handling.",
    bad=Example(
        "threat_reporting:\n  allegation_referral: {initial_point_of_contact: spoc}\n",
        problems=((2, 3),),
    ),
    good=Example(
        "threat_reporting:\n  allegation_referral: {initial_point_of_contact: spoc}\n"
        "  evidence_handling: {procedure_ref: annex C}\n"
    ),
)


def _com006(ctx: Context) -> Iterator[Finding]:
    comms = ctx.plan.communications
    media = comms.media if comms else None
    if media is None or media.lead_role is None:
        yield missing(ctx, ("communications", "media", "lead_role"), "no media lead role")
    if media is None or media.joint_statement is None:
        yield missing(
            ctx,
            ("communications", "media", "joint_statement"),
            "the plan does not say whether a joint statement is planned",
        )


COM006 = Rule(
    code="COM006",
    check=_com006,
    name="media-lead",
    severity=W,
    scope="all",
    summary="The plan names a media lead and decides whether a (voluntary) joint statement is "
    "planned.",
    rationale=(
        "APP Media: 'The gold commander is responsible for the media strategy'; 'Forces may "
        "wish to issue a joint statement … This should, however, be a voluntary agreement'."
    ),
    fix="Set communications.media.lead_role and joint_statement.planned.",
    bad=Example(
        "communications:\n  media: {ec_reference_point: true}\n", problems=((2, 10), (2, 10))
    ),
    good=Example(
        "roles:\n  - {id: ra-media, role: pio, organisation: office}\n"
        "communications:\n  media: {lead_role: ra-media, joint_statement: {planned: false}}\n"
    ),
)


def _com008(ctx: Context) -> Iterator[Finding]:
    comms = ctx.plan.communications
    if comms is None or not comms.escalation_matrix:
        yield missing(ctx, ("communications", "escalation_matrix"), "no escalation matrix")


COM008 = Rule(
    code="COM008",
    check=_com008,
    name="escalation-matrix",
    severity=W,
    scope="all",
    core=False,
    summary="An escalation matrix says who is called first for each kind of situation.",
    rationale=(
        "APP Neighbourhood inspectors: each 'ensures a timely and appropriate response to any issue or "
        "allegation raised, escalating if necessary'; Roadmap §V: plan 'how to stay in touch about "
        "any threats or security needs'."
    ),
    fix="Add communications.escalation_matrix.",
    bad=Example("communications:\n  call_tree: []\n", problems=((2, 3),)),
    good=Example(
        "roles:\n  - {id: ra-duty, role: le_liaison_poc, organisation: office}\n"
        "communications:\n  escalation_matrix:\n    - {situation: threat to staff, first_call: ra-duty}\n"
    ),
)


def _com007(ctx: Context) -> Iterator[Finding]:
    comms = ctx.plan.communications
    if comms is None or comms.impartiality is None:
        yield missing(
            ctx,
            ("communications", "impartiality"),
            "the plan does not record the impartiality arrangements",
        )


COM007 = Rule(
    code="COM007",
    check=_com007,
    name="impartiality",
    severity=Severity.INFO,
    scope="UK",
    core=False,
    summary="The plan records the impartiality arrangements: the pre-election period, the "
    "local authority publicity code and the ban on police canvassing.",
    rationale=(
        "APP Impartiality: the pre-election period 'commences with the Notice of Election'; "
        "'it is illegal for police officers to canvass' (RPA 1983 s 100(1))."
    ),
    fix="Add communications.impartiality.",
    bad=Example("communications:\n  media: {ec_reference_point: true}\n", problems=((2, 3),)),
    good=Example(
        "communications:\n  impartiality: {pre_election_period_start: notice_of_election}\n"
    ),
)

# -- COM009 -----------------------------------------------------------------------------------


def _com009(ctx: Context) -> Iterator[Finding]:
    if not ctx.plan.elections:
        return
    comms = ctx.plan.communications
    entries = comms.community_engagement if comms else []
    if not entries:
        yield missing(
            ctx,
            ("communications", "community_engagement"),
            "no community engagement strategy is recorded",
        )
        return
    raw = ctx.raw.get("communications", {}).get("community_engagement", [])
    for i, entry in enumerate(entries):
        path = ("communications", "community_engagement", i)
        if not entry.strategy_doc:
            yield missing(
                ctx, (*path, "strategy_doc"), f"no community engagement strategy for '{entry.area}'"
            )
        written = raw[i] if isinstance(raw, list) and i < len(raw) else {}
        if not (isinstance(written, dict) and "community_impact_assessment" in written):
            yield missing(
                ctx,
                (*path, "community_impact_assessment"),
                f"the strategy for '{entry.area}' does not say whether a community impact "
                "assessment is needed",
            )


COM009 = Rule(
    code="COM009",
    check=_com009,
    name="community-engagement-strategy",
    severity=W,
    scope="UK",
    summary="A community engagement strategy is recorded for each area (BCU), each saying "
    "whether a community impact assessment is needed (true or false, written down).",
    rationale=(
        "APP Communities: 'Silver commanders should write a community "
        "engagement strategy for each BCU district. This should include a plan for collecting "
        "community intelligence ... It should also consider whether a community impact "
        "assessment is needed.'"
    ),
    fix="Add communications.community_engagement entries with area, strategy_doc and "
    "community_impact_assessment (true or false).",
    bad=Example(
        "communications:\n  community_engagement:\n    - {area: area, strategy_doc: BCU strategy}\n",
        problems=((3, 7),),
    ),
    good=Example(
        "communications:\n  community_engagement:\n"
        "    - {area: area, strategy_doc: BCU strategy, community_impact_assessment: false}\n"
    ),
)


# -- COM010 -----------------------------------------------------------------------------------


def _com010(ctx: Context) -> Iterator[Finding]:
    reporting = ctx.plan.threat_reporting
    if reporting is None or not reporting.channels:
        return  # COM001 asks for the channel first
    publication = reporting.threat_data_publication
    if publication is None:
        yield missing(
            ctx,
            ("threat_reporting", "threat_data_publication"),
            "the plan does not say how reported threats are tracked and their counts published",
        )
    elif not (publication.cadence or "").strip():
        yield missing(
            ctx,
            ("threat_reporting", "threat_data_publication", "cadence"),
            "the publication of threat counts has no cadence (when and where)",
        )


COM010 = Rule(
    code="COM010",
    check=_com010,
    name="threat-data-published",
    severity=W,
    scope="all",
    summary="Reported threats are tracked and their aggregate counts published: "
    "threat_reporting.threat_data_publication says when and where (cadence).",
    rationale=(
        "CSSE Our Principles (increase access to data about threats against election workers): 'It is "
        "important that there be publicly accessible mechanisms for tracking reported threats, "
        "identifying patterns in threat data, and summarizing actions taken on reported "
        "threats.' Counts only: never the people involved."
    ),
    fix="Add threat_reporting.threat_data_publication with a cadence (e.g. monthly counts by "
    "category on the office website).",
    bad=Example(
        "roles:\n"
        "  - {id: ra-owner, role: threat_channel_owner, organisation: office}\n"
        "threat_reporting:\n"
        "  triage_path: [ra-owner]\n"
        "  channels:\n"
        "    - id: inbox\n"
        "      kind: email_inbox\n"
        "      name: Election threats inbox\n"
        "      owner: ra-owner\n"
        "      audience: [election_officials, election_workers]\n"
        "      monitored_hours: 08:00-20:00, 24/7 in polling week\n",
        problems=((4, 3),),
    ),
    good=Example(
        "roles:\n"
        "  - {id: ra-owner, role: threat_channel_owner, organisation: office}\n"
        "threat_reporting:\n"
        "  triage_path: [ra-owner]\n"
        "  channels:\n"
        "    - id: inbox\n"
        "      kind: email_inbox\n"
        "      name: Election threats inbox\n"
        "      owner: ra-owner\n"
        "      audience: [election_officials, election_workers]\n"
        "      monitored_hours: 08:00-20:00, 24/7 in polling week\n"
        "  threat_data_publication:\n"
        "    cadence: monthly counts on the office website\n"
    ),
)

RULES: tuple[Rule, ...] = (COM001, COM002, COM004, COM005, COM006, COM007, COM008, COM009, COM010)
