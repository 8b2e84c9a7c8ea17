"""INC: the incident and threat log — referred in time, followed up, learnt from.

Findings name the incident by its position (the log is restricted: no id, summary or site name
is quoted).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context
from elecsafe.lint.rule import Example, Rule
from elecsafe.model.incidents import moment_datetime

W = Severity.WARNING


def _inc001(ctx: Context) -> Iterator[Finding]:
    reporting = ctx.plan.threat_reporting
    stated = reporting.referral_window_hours if reporting else None
    hours = stated if stated is not None else ctx.param("hours")
    window = timedelta(hours=hours)
    orgs = ctx.index.organisations
    for index, incident in enumerate(ctx.plan.incidents):
        if incident.target != "election_worker":
            continue
        deadline = moment_datetime(incident.reported) + window
        referral = incident.referral
        police = referral is not None and (
            (org := orgs.get(referral.to)) is not None and org.is_law_enforcement
        )
        if referral is not None and police and moment_datetime(referral.referred_on) <= deadline:
            continue
        if referral is None and deadline.date() >= ctx.today:
            continue  # still within the window
        if referral is None:
            what = "was not referred to law enforcement"
        elif not police:
            what = "was referred, but not to a law enforcement agency"
        else:
            what = "was referred to law enforcement late"
        yield ctx.report(
            ("incidents", index),
            f"a threat against an election worker {what} within {hours} hours",
            anchor="key",
        )


INC001 = Rule(
    code="INC001",
    check=_inc001,
    name="worker-threat-referred",
    severity=W,
    scope="all",
    summary="A threat against an election worker is referred to law enforcement within the "
    "plan's stated window.",
    rationale=(
        "Roadmap §VI: election officials should report threats against election workers to law "
        "enforcement and stay in contact about them; CSSE: threats against election officials "
        "and workers are to be taken seriously and acted on. The window is "
        "threat_reporting.referral_window_hours (24 hours when the plan states none)."
    ),
    fix="Refer the incident to the police (referral: {to, on, reference}) or record why not in "
    "its outcome and close it.",
    params={"hours": 24},
    bad=Example(
        "organisations:\n"
        "  - id: police\n"
        "    name: Testshire Police\n"
        "    kind: police_force\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "roles:\n"
        "  - {id: esm, role: electoral_services_manager, organisation: office, holder: alice}\n"
        "incidents:\n"
        "  - id: inc-1\n"
        "    reported: 2026-10-05T09:30:00\n"
        "    harm: personal_harassment\n"
        "    target: election_worker\n"
        "    summary: Poll clerk followed to her car after the count\n",
        problems=((10, 5),),
    ),
    good=Example(
        "organisations:\n"
        "  - id: police\n"
        "    name: Testshire Police\n"
        "    kind: police_force\n"
        "    sector: law_enforcement\n"
        "    jurisdictions: [area]\n"
        "roles:\n"
        "  - {id: esm, role: electoral_services_manager, organisation: office, holder: alice}\n"
        "incidents:\n"
        "  - id: inc-1\n"
        "    reported: 2026-10-05T09:30:00\n"
        "    harm: personal_harassment\n"
        "    target: election_worker\n"
        "    summary: Poll clerk followed to her car after the count\n"
        "    status: referred\n"
        "    referral: {to: police, referred_on: 2026-10-05T11:00:00, reference: TS-26-1187}\n"
    ),
)


def _inc002(ctx: Context) -> Iterator[Finding]:
    days = ctx.param("days")
    for index, incident in enumerate(ctx.plan.incidents):
        if not incident.is_open or incident.awaits_follow_up(ctx.today):
            continue
        if (ctx.today - incident.last_activity()).days > days:
            yield ctx.report(
                ("incidents", index, "status"),
                f"an incident ({incident.status.replace('_', ' ')}) has had no update for "
                f"more than {days} days",
                anchor="key" if "status" not in incident.model_fields_set else "value",
            )


INC002 = Rule(
    code="INC002",
    check=_inc002,
    name="incident-followed-up",
    severity=W,
    scope="all",
    summary="An open incident is updated (or has a pending follow-up) at least every 28 days.",
    rationale=(
        "CSSE: mechanisms for tracking reported threats and 'summarizing actions taken on "
        "reported threats'; Roadmap §VI: stay in contact with law enforcement about reported threats."
    ),
    fix="Update the incident's status and outcome (elecsafe incident update), or close it.",
    params={"days": 28},
    bad=Example(
        "incidents:\n"
        "  - id: inc-1\n"
        "    reported: 2026-09-01\n"
        "    harm: criminal_damage\n"
        "    target: site\n"
        "    summary: Graffiti on the polling station sign\n"
        "    status: open\n",
        problems=((7, 13),),
    ),
    good=Example(
        "incidents:\n"
        "  - id: inc-1\n"
        "    reported: 2026-09-01\n"
        "    harm: criminal_damage\n"
        "    target: site\n"
        "    summary: Graffiti on the polling station sign\n"
        "    status: closed\n"
        "    outcome: Removed by the council the same day\n"
    ),
)


def _inc003(ctx: Context) -> Iterator[Finding]:
    least = ctx.param("incidents")
    at_site: dict[str, list[int]] = defaultdict(list)
    for index, incident in enumerate(ctx.plan.incidents):
        if incident.site:
            at_site[incident.site].append(index)
    for site_index, site in enumerate(ctx.plan.sites):
        assessment = site.vulnerability
        if assessment is None or assessment.rating != "green":
            continue
        since = [
            i
            for i in at_site.get(site.id, [])
            if ctx.plan.incidents[i].reported_on >= assessment.assessed_on
        ]
        if len(since) >= least:
            yield ctx.report(
                ("sites", site_index, "vulnerability", "rating"),
                f"{len(since)} incidents since this site was rated green: review its assessment",
            )


INC003 = Rule(
    code="INC003",
    check=_inc003,
    name="incidents-at-low-risk-site",
    severity=W,
    scope="all",
    summary="A cluster of incidents at a site rated low risk calls its assessment into question.",
    rationale=(
        "CSSE: 'identifying patterns in threat data'; APP Threat assessment: the assessment "
        "is a living document, reviewed as new information comes in."
    ),
    fix="Review the site's vulnerability assessment (rating, assessed_on, mitigations).",
    params={"incidents": 3},
    bad=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Testbury Village Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "    vulnerability: {rating: green, assessed_on: 2026-06-01, assessed_by: alice}\n"
        "incidents:\n"
        "  - {id: inc-1, reported: 2026-10-01, harm: disorder, target: site, site: hall, summary: Crowd blocking the entrance, status: closed}\n"
        "  - {id: inc-2, reported: 2026-10-02, harm: disorder, target: site, site: hall, summary: Crowd blocking the entrance, status: closed}\n"
        "  - {id: inc-3, reported: 2026-10-03, harm: disorder, target: site, site: hall, summary: Crowd blocking the entrance, status: closed}\n",
        problems=((6, 29),),
    ),
    good=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Testbury Village Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "    vulnerability: {rating: amber, assessed_on: 2026-10-10, assessed_by: alice}\n"
        "incidents:\n"
        "  - {id: inc-1, reported: 2026-10-01, harm: disorder, target: site, site: hall, summary: Crowd blocking the entrance, status: closed}\n"
        "  - {id: inc-2, reported: 2026-10-02, harm: disorder, target: site, site: hall, summary: Crowd blocking the entrance, status: closed}\n"
        "  - {id: inc-3, reported: 2026-10-03, harm: disorder, target: site, site: hall, summary: Crowd blocking the entrance, status: closed}\n"
    ),
)


def _inc004(ctx: Context) -> Iterator[Finding]:
    assessment = ctx.plan.threat_assessment
    if assessment is None:
        return
    least = ctx.param("incidents")
    since = [i for i in ctx.plan.incidents if i.reported_on > assessment.prepared_on]
    unforeseen = {
        i.harm
        for i in since
        if (harm := assessment.harms.get(i.harm)) is not None and harm.not_applicable
    }
    if len(since) >= least or unforeseen:
        why = (
            f"{len(unforeseen)} harm(s) it marks not applicable have happened"
            if unforeseen
            else f"{len(since)} incidents were recorded since"
        )
        yield ctx.report(
            ("threat_assessment", "prepared_on"),
            f"the threat assessment has not been reviewed since incidents were recorded ({why})",
        )


INC004 = Rule(
    code="INC004",
    check=_inc004,
    name="assessment-reviewed-after-incidents",
    severity=W,
    scope="all",
    summary="The threat assessment is reviewed once incidents start to come in.",
    rationale=(
        "APP Threat assessment: the assessment is informed by intelligence and 'previous "
        "history of electoral offences or allegations'; CSSE: patterns in threat data are "
        "identified and acted on."
    ),
    fix="Review the threat assessment in the light of the log and update prepared_on and version.",
    params={"incidents": 5},
    bad=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2026-08-01\n"
        "  prepared_by: alice\n"
        '  version: "1"\n'
        "  scope: Local elections\n"
        "  harms:\n"
        "    cybercrime: {not_applicable: true, reason: no online services this year}\n"
        "incidents:\n"
        "  - id: inc-1\n"
        "    reported: 2026-10-02\n"
        "    harm: cybercrime\n"
        "    target: system\n"
        "    summary: Phishing e-mails to the elections inbox\n"
        "    status: closed\n",
        problems=((3, 16),),
    ),
    good=Example(
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2026-10-05\n"
        "  prepared_by: alice\n"
        '  version: "2"\n'
        "  scope: Local elections\n"
        "  harms:\n"
        "    cybercrime: {likelihood: 3, impact: 3, rating: medium}\n"
        "incidents:\n"
        "  - id: inc-1\n"
        "    reported: 2026-10-02\n"
        "    harm: cybercrime\n"
        "    target: system\n"
        "    summary: Phishing e-mails to the elections inbox\n"
        "    status: closed\n"
    ),
)

RULES: tuple[Rule, ...] = (INC001, INC002, INC003, INC004)
