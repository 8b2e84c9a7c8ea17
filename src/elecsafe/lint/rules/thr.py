"""THR: the threat assessment (domain.md §2.8; APP Threat assessment).

The assessment is restricted: messages name harm and factor keys (from the APP's own list),
never ratings or narrative text.
"""

from __future__ import annotations

from collections.abc import Iterator

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.common import listing
from elecsafe.lint.rules.pii import NameFinder, scan, strings
from elecsafe.model.threat import FACTORS, HARMS, Harm

E, W = Severity.ERROR, Severity.WARNING
TA = ("threat_assessment",)


def assessment_yaml(
    extra: str = "", prepared: str = "2027-04-10", review: str | None = "2027-04-25"
) -> str:
    text = (
        f"threat_assessment:\n  id: ta\n  prepared_on: {prepared}\n  prepared_by: alice\n"
        "  version: '1'\n  scope: malpractice, intimidation and threats to peaceful voting\n"
    )
    if review:
        text += f"  review_due: {review}\n"
    return text + extra


HARMS_YAML = "  harms:\n" + "".join(
    f"    {key}: {{likelihood: 2, impact: 3, rating: medium}}\n" for key in HARMS
)
FACTORS_YAML = "  factors:\n" + "".join(
    f"    {key}: {{narrative: considered with partners}}\n" for key in FACTORS
)


def _thr001(ctx: Context) -> Iterator[Finding]:
    assessment = ctx.plan.threat_assessment
    if assessment is None:
        yield missing(ctx, TA, "the plan has no threat assessment")
        return
    if assessment.review_due is None:
        yield missing(ctx, (*TA, "review_due"), "the threat assessment has no review_due date")
    poll, today = ctx.poll, ctx.today
    if poll is None or poll < today:
        return
    review = ctx.dates.date_of(assessment.review_due, (*TA, "review_due"))
    latest = assessment.prepared_on
    if review is not None and review > latest:
        if review < today:
            yield ctx.report(
                (*TA, "review_due"),
                f"the review of the threat assessment was due on {review.isoformat()}",
            )
        elif review <= poll:
            latest = review
    limit = ctx.param("max_age_days")
    age = (poll - latest).days
    if age > limit:
        yield ctx.report(
            (*TA, "prepared_on"),
            f"the threat assessment will be {age} days old at polling day (limit {limit})",
            hint=f"schedule review_due within {limit} days before polling day",
        )


THR001 = Rule(
    code="THR001",
    check=_thr001,
    name="threat-assessment-current",
    severity=E,
    scope="all",
    params={"max_age_days": 30},
    summary="A threat assessment exists with a review_due date, and it is (or is scheduled to "
    "be reviewed) at most max_age_days (30) before polling day.",
    rationale=(
        "APP Threat assessment: 'A threat assessment relating to the potential for electoral "
        "malpractice, intimidation of candidates and threats to peaceful voting should be "
        "included in the command and planning considerations.' Threats change during the "
        "campaign, so the one that matters is the one current at polling day."
    ),
    fix="Add threat_assessment with review_due in the last 30 days before polling day.",
    bad=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2026-12-01\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n",
        problems=((2, 3), (3, 16)),
    ),
    good=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2026-12-01\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-20\n"
    ),
)


def rated(harm: Harm) -> bool:
    return (
        harm.not_applicable
        or harm.rating is not None
        or (harm.likelihood is not None and harm.impact is not None)
    )


def harm_counts(ctx: Context) -> tuple[int, int]:
    assessment = ctx.plan.threat_assessment
    if assessment is None:
        return 0, len(HARMS)
    done = sum(
        1
        for k in HARMS
        if k in assessment.harms
        and rated(assessment.harms[k])
        and not ctx.draft(("threat_assessment", "harms", k))
    )
    return done, len(HARMS)


def factor_counts(ctx: Context) -> tuple[int, int]:
    assessment = ctx.plan.threat_assessment
    if assessment is None:
        return 0, len(FACTORS)
    done = sum(
        1
        for k in FACTORS
        if k in assessment.factors
        and (assessment.factors[k].status == "not_applicable" or assessment.factors[k].narrative)
        and not ctx.draft(("threat_assessment", "factors", k))
    )
    return done, len(FACTORS)


def _thr002(ctx: Context) -> Iterator[Finding]:
    assessment = ctx.plan.threat_assessment
    if assessment is None:
        return
    absent = [k for k in HARMS if k not in assessment.harms]
    if absent:
        path = (*TA, "harms")
        message = f"harms not assessed: {listing(absent)}"
        yield (
            ctx.report(path, message, anchor="key")
            if assessment.harms
            else missing(ctx, path, message)
        )
    for key, harm in assessment.harms.items():
        if not rated(harm):
            yield ctx.report(
                (*TA, "harms", key), f"harm '{key}' is neither rated nor marked not_applicable"
            )


THR002 = Rule(
    code="THR002",
    check=_thr002,
    name="eleven-harms",
    severity=E,
    scope="all",
    summary="All eleven APP harms are rated (likelihood and impact, or a rating) or marked "
    "not_applicable with a reason; local harms map onto one of them.",
    rationale=(
        "APP Threat assessment: 'The following harms should be considered as part of this "
        "assessment': physical assault, personal harassment, social media harassment, disorder, "
        "criminal damage, notified protests, spontaneous protests, hate crimes, cybercrime, "
        "disruptions to process, interference with process."
    ),
    fix="Add each missing harm under threat_assessment.harms.",
    bad=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  harms:\n"
        "    physical_assault: {likelihood: 2, impact: 3, rating: medium}\n"
        "    personal_harassment: {likelihood: 2, impact: 3, rating: medium}\n"
        "    social_media_harassment: {likelihood: 2, impact: 3, rating: medium}\n"
        "    disorder: {likelihood: 2, impact: 3, rating: medium}\n"
        "    criminal_damage: {likelihood: 2, impact: 3, rating: medium}\n"
        "    notified_protest: {likelihood: 2, impact: 3, rating: medium}\n"
        "    spontaneous_protest: {likelihood: 2, impact: 3, rating: medium}\n"
        "    hate_crime: {rationale: to do}\n"
        "    process_disruption: {likelihood: 2, impact: 3, rating: medium}\n"
        "    process_interference: {likelihood: 2, impact: 3, rating: medium}\n",
        problems=((8, 3), (16, 17)),
    ),
    good=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  harms:\n"
        "    physical_assault: {likelihood: 2, impact: 3, rating: medium}\n"
        "    personal_harassment: {likelihood: 2, impact: 3, rating: medium}\n"
        "    social_media_harassment: {likelihood: 2, impact: 3, rating: medium}\n"
        "    disorder: {likelihood: 2, impact: 3, rating: medium}\n"
        "    criminal_damage: {likelihood: 2, impact: 3, rating: medium}\n"
        "    notified_protest: {likelihood: 2, impact: 3, rating: medium}\n"
        "    spontaneous_protest: {likelihood: 2, impact: 3, rating: medium}\n"
        "    hate_crime: {likelihood: 2, impact: 3, rating: medium}\n"
        "    cybercrime: {likelihood: 2, impact: 3, rating: medium}\n"
        "    process_disruption: {likelihood: 2, impact: 3, rating: medium}\n"
        "    process_interference: {likelihood: 2, impact: 3, rating: medium}\n"
    ),
)


def _thr003(ctx: Context) -> Iterator[Finding]:
    assessment = ctx.plan.threat_assessment
    if assessment is None:
        return
    absent = [k for k in FACTORS if k not in assessment.factors]
    if absent:
        path = (*TA, "factors")
        message = f"factors not considered: {listing(absent)}"
        yield (
            ctx.report(path, message, anchor="key")
            if assessment.factors
            else missing(ctx, path, message)
        )
    for key, factor in assessment.factors.items():
        if factor.status == "considered" and not factor.narrative:
            yield ctx.report(
                (*TA, "factors", key), f"factor '{key}' is marked considered but has no narrative"
            )


THR003 = Rule(
    code="THR003",
    check=_thr003,
    name="nine-factors",
    severity=E,
    scope="all",
    summary="All nine APP threat assessment factors are considered (with a narrative) or "
    "marked not_applicable with a reason.",
    rationale=(
        "APP Threat assessment: 'The threat assessment will, therefore, need to take into "
        "account' relevant intelligence, previous history, potential for offences, community "
        "dynamics, party control and influence, participants, campaign events, premises, and "
        "candidates'/campaigners' homes and other regularly attended locations."
    ),
    fix="Add each missing factor under threat_assessment.factors with a narrative.",
    bad=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  factors:\n"
        "    relevant_intelligence: {narrative: considered with partners}\n"
        "    previous_history: {narrative: considered with partners}\n"
        "    potential_for_offences: {narrative: considered with partners}\n"
        "    community_dynamics: {narrative: considered with partners}\n"
        "    party_control_influence: {narrative: considered with partners}\n"
        "    participants: {narrative: considered with partners}\n"
        "    campaign_events: {narrative: considered with partners}\n"
        "    candidate_homes_and_locations: {narrative: considered with partners}\n",
        problems=((8, 3),),
    ),
    good=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  factors:\n"
        "    relevant_intelligence: {narrative: considered with partners}\n"
        "    previous_history: {narrative: considered with partners}\n"
        "    potential_for_offences: {narrative: considered with partners}\n"
        "    community_dynamics: {narrative: considered with partners}\n"
        "    party_control_influence: {narrative: considered with partners}\n"
        "    participants: {narrative: considered with partners}\n"
        "    campaign_events: {narrative: considered with partners}\n"
        "    premises: {narrative: considered with partners}\n"
        "    candidate_homes_and_locations: {narrative: considered with partners}\n"
    ),
)


def _thr004(ctx: Context) -> Iterator[Finding]:
    assessment = ctx.plan.threat_assessment
    if assessment is None or assessment.first_election:
        return
    if not any(i.kind == "previous_debrief" for i in assessment.inputs):
        path = (*TA, "inputs")
        message = "the threat assessment does not draw on the previous election's debrief"
        yield (
            ctx.report(path, message, anchor="key")
            if assessment.inputs
            else missing(ctx, path, message)
        )


THR004 = Rule(
    code="THR004",
    check=_thr004,
    name="previous-debrief-input",
    severity=W,
    scope="all",
    summary="The threat assessment draws on the previous election's debrief (or says this is "
    "the first election planned this way).",
    rationale=(
        "APP Pre-election planning: 'The debrief document from the previous election should be "
        "referred to in order to assist in preparing a risk assessment, highlight good practice "
        "or identify areas for improvement.'"
    ),
    fix="Add an input of kind previous_debrief, or set first_election: true.",
    bad=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  inputs:\n"
        "    - {kind: intelligence, ref: force briefing}\n",
        problems=((8, 3),),
    ),
    good=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  inputs:\n"
        "    - {kind: previous_debrief, ref: 2023 debrief}\n"
    ),
)


def _thr008(ctx: Context) -> Iterator[Finding]:
    raw = ctx.raw.get("threat_assessment")
    if raw is None:
        return
    finder = NameFinder((p.id, p.display_name) for p in ctx.plan.people)
    homes = (*TA, "factors", "candidate_homes_and_locations", "narrative")
    for path, text in strings(raw, TA):
        kinds = [] if path == homes else scan(text)  # PRV002 covers the homes factor
        person = finder.find(text)
        if kinds:
            yield ctx.report(path, f"threat assessment text seems to contain {' and '.join(kinds)}")
        if person is not None:
            yield ctx.report(
                path,
                f"threat assessment text names person '{person}'",
                hint="refer to people by role id, never by name",
            )


THR008 = Rule(
    code="THR008",
    check=_thr008,
    name="assessment-without-names",
    severity=E,
    scope="all",
    summary="The threat assessment names no person and holds no contact details (role ids only).",
    rationale=(
        "CSSE Our Principles: 'Protect the privacy of election workers and their families as a defense against "
        "threats'. The assessment lists who is at risk; written with names and numbers it "
        "becomes a target list."
    ),
    fix="Refer to people by role id; move contact details to private/.",
    bad=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  harms:\n"
        "    personal_harassment:\n"
        "      rating: high\n"
        "      rationale: Alice Example received threats\n",
        problems=((11, 18),),
    ),
    good=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  harms:\n"
        "    personal_harassment:\n"
        "      rating: high\n"
        "      rationale: the ESM (ra-esm) received threats\n"
    ),
)


# -- extended ---------------------------------------------------------------------------------


def _thr005(ctx: Context) -> Iterator[Finding]:
    assessment = ctx.plan.threat_assessment
    if assessment is None:
        return
    for key, harm in assessment.harms.items():
        if harm.rating in ("high", "very_high") and not any(m.owner for m in harm.mitigations):
            yield missing(
                ctx,
                (*TA, "harms", key, "mitigations"),
                f"harm '{key}' is rated at the top of the scale but has no mitigation "
                "with an owner",
            )


THR005 = Rule(
    code="THR005",
    check=_thr005,
    name="high-harm-mitigation",
    severity=W,
    scope="all",
    core=False,
    summary="Every harm rated high or very high has a mitigation with an owner.",
    rationale=(
        "APP Pre-election planning: joint planning means 'risks can be properly assessed' and "
        "'control measures can be put in place'; a measure nobody owns is not in place."
    ),
    fix="Add mitigations with an owner role to the harm.",
    bad=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  harms:\n"
        "    disorder: {rating: high}\n",
        problems=((9, 15),),
    ),
    good=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  harms:\n"
        "    disorder:\n"
        "      rating: high\n"
        "      mitigations: [{text: PSU on standby, owner: ra-silver}]\n"
        "roles:\n"
        "  - {id: ra-silver, role: silver_commander, organisation: office}\n"
    ),
)

SCALE_DRIVERS = ("intelligence", "media_interest", "community_implications", "prior_malpractice")


def _thr006(ctx: Context) -> Iterator[Finding]:
    assessment = ctx.plan.threat_assessment
    if assessment is None:
        return
    absent = [k for k in SCALE_DRIVERS if k not in assessment.scale_drivers]
    if absent:
        yield missing(
            ctx, (*TA, "scale_drivers"), f"scale of response drivers not covered: {listing(absent)}"
        )


THR006 = Rule(
    code="THR006",
    check=_thr006,
    name="scale-drivers",
    severity=W,
    scope="all",
    summary="The scale of the police response is reasoned from intelligence, media interest, "
    "community implications and prior malpractice.",
    rationale=(
        "APP Command and planning considerations: the 'scale of police response … could be "
        "influenced by' intelligence and information, threat assessment, level of media "
        "interest, community implications, and prior history of electoral malpractice."
    ),
    fix="Fill threat_assessment.scale_drivers.",
    bad=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n",
        problems=((2, 3),),
    ),
    good=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  scale_drivers:\n"
        "    intelligence: assessed\n"
        "    media_interest: assessed\n"
        "    community_implications: assessed\n"
        "    prior_malpractice: assessed\n"
    ),
)

US_HARMS = {
    "bomb": "bomb threats",
    "swat": "swatting",
    "drop": "drop box attacks",
    "dox": "threats and doxxing of election workers",
}


def _thr007(ctx: Context) -> Iterator[Finding]:
    assessment = ctx.plan.threat_assessment
    if assessment is None:
        return
    names = " ".join(f"{h.id} {h.name}".lower() for h in assessment.extension_harms)
    absent = [label for stem, label in US_HARMS.items() if stem not in names]
    if absent:
        yield missing(ctx, (*TA, "extension_harms"), f"US harms not assessed: {listing(absent)}")


THR007 = Rule(
    code="THR007",
    check=_thr007,
    name="us-harms",
    severity=Severity.INFO,
    scope="US",
    core=False,
    summary="A US assessment covers bomb threats, swatting, drop-box attacks and the doxxing of "
    "election workers (as extension harms mapped to the APP harms).",
    rationale=(
        "CSSE Our Mission: threats to election workers are the problem to solve; the APP Threat assessment: its harm list "
        "predates the 2024 wave of bomb threats and drop-box attacks, so US plans add "
        "them as extensions mapped onto it."
    ),
    fix="Add extension_harms (with maps_to) for the missing threats.",
    bad=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2028-10-20\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2028-11-01\n",
        problems=((2, 3),),
    ),
    good=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2028-10-20\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2028-11-01\n"
        "  extension_harms:\n"
        "    - {id: bomb-threats, name: Bomb threats, maps_to: process_disruption}\n"
        "    - {id: swatting, name: Swatting, maps_to: process_disruption}\n"
        "    - {id: drop-box-attack, name: Drop box attack, maps_to: criminal_damage}\n"
        "    - {id: doxxing, name: Doxxing of workers, maps_to: personal_harassment}\n"
    ),
)

RULES: tuple[Rule, ...] = (THR001, THR002, THR003, THR004, THR005, THR006, THR007, THR008)
