"""MAA: mutual aid agreements (domain.md §2.7; Public Safety & Elections, Section 2)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from elecsafe.findings import Finding, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.common import listing, months_before
from elecsafe.model.agreements import MAA_TOPICS, MutualAidAgreement

E, W = Severity.ERROR, Severity.WARNING
NIMS_ELEMENTS = (
    "liability_indemnification",
    "workers_compensation",
    "reimbursement_compensation",
    "credentialing_qualifications",
    "mobilization",
    "termination",
)
COMBINED_TRAINING_TOPICS = (
    "command_and_control",
    "communication",
    "protest_management",
    "crowd_control",
    "use_of_force",
    "chemical_agents",
    "support_infrastructure",
)

FORCES = (
    "organisations:\n"
    "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, "
    "jurisdictions: [area]}\n"
    "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, "
    "jurisdictions: [area]}\n"
)
TOPICS = "".join(
    f"      {key}: {{text: agreed in clause {n}}}\n" for n, key in enumerate(MAA_TOPICS, start=1)
)
MAA = (
    FORCES + "mutual_aid:\n  - id: maa\n    title: Mutual aid for the May elections\n"
    "    agreement_type: regional\n    parties:\n"
    "      - org: force\n        role: host_requesting\n"
    "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
    "        personnel_briefed_on: 2026-10-20\n"
    "      - org: nextshire\n        role: aid_providing\n"
    "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
    "        personnel_briefed_on: 2026-10-21\n"
    "    effective_date: 2026-09-02\n    last_reviewed: 2026-09-02\n"
    "    election_events_covered: {covered: true, events: [polling day, count]}\n"
    "    handling: {marking: OFFICIAL-SENSITIVE}\n"
    "    liability_indemnification: clause 12\n    workers_compensation: clause 13\n"
    "    reimbursement_compensation: clause 14\n    credentialing_qualifications: clause 15\n"
    "    mobilization: clause 16\n    termination: {notice_days: 30}\n"
    "    topics:\n"
    + TOPICS.replace(
        "body_camera_policy: {text: agreed in clause 5}",
        "body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}",
    )
)


def settled_topics(agreement: MutualAidAgreement) -> list[str]:
    return [k for k in MAA_TOPICS if getattr(agreement.topics, k) is not None]


def _maa001(ctx: Context) -> Iterator[Finding]:
    for i, agreement in enumerate(ctx.plan.mutual_aid):
        settled = settled_topics(agreement)
        if len(settled) < len(MAA_TOPICS):
            absent = [k for k in MAA_TOPICS if k not in settled]
            yield ctx.report(
                ("mutual_aid", i, "topics"),
                f"agreement '{agreement.id}' does not settle {listing(absent)}",
                anchor="key",
            )


def topic_counts(ctx: Context) -> tuple[int, int]:
    """(topics settled, topics to settle); a topic whose text is still a placeholder is not
    settled."""
    agreements = ctx.plan.mutual_aid
    done = sum(
        1
        for i, a in enumerate(agreements)
        for k in settled_topics(a)
        if not ctx.draft(("mutual_aid", i, "topics", k))
    )
    return done, len(MAA_TOPICS) * len(agreements)


MAA001 = Rule(
    code="MAA001",
    check=_maa001,
    name="nine-topics",
    severity=E,
    scope="all",
    summary="Every mutual aid agreement settles all nine topics (agreed text or clause, or "
    "not_applicable with a reason).",
    rationale=(
        "Public Safety & Elections, Draft and update mutual aid agreements: the 'Important issues to discuss and resolve in advance' are command, control and "
        "reporting; communication methods; roles of host and aid agencies; resources and "
        "equipment; body camera policy; protest management tactics; uses of force; crowd "
        "control; which on-scene commanders may direct tactics. 'Jurisdictions have run into "
        "trouble when agencies providing mutual aid engage in practices that are prohibited in "
        "the host jurisdiction.'"
    ),
    fix="Add the missing topics under topics: (text or clause, or status: not_applicable with "
    "a reason).",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n",
        problems=((27, 5),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n"
    ),
)


def _maa002(ctx: Context) -> Iterator[Finding]:
    for i, agreement in enumerate(ctx.plan.mutual_aid):
        if not agreement.election_events_covered.covered:
            yield ctx.report(
                ("mutual_aid", i, "election_events_covered", "covered"),
                f"agreement '{agreement.id}' does not cover election events",
            )


MAA002 = Rule(
    code="MAA002",
    check=_maa002,
    name="election-events-covered",
    severity=E,
    scope="all",
    summary="Every mutual aid agreement specifically covers election events.",
    rationale=(
        "Public Safety & Elections, Draft and update mutual aid agreements: ensure 'that election events are "
        "specifically accounted for', from 'a political candidate's visit, Election Day, or a "
        "key moment for certifying the election'."
    ),
    fix="Amend the agreement to cover election events and set election_events_covered.covered.",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: false}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n",
        problems=((19, 40),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n"
    ),
)


def _maa003(ctx: Context) -> Iterator[Finding]:
    poll = ctx.poll
    if poll is None:
        return
    limit = ctx.param("max_age_months")
    for i, agreement in enumerate(ctx.plan.mutual_aid):
        age = months_before(agreement.last_reviewed, poll)
        if age > limit:
            yield ctx.report(
                ("mutual_aid", i, "last_reviewed"),
                f"agreement '{agreement.id}' will be {age} months past its last review at "
                f"polling day (limit {limit})",
            )


MAA003 = Rule(
    code="MAA003",
    check=_maa003,
    name="maa-reviewed",
    severity=W,
    scope="all",
    params={"max_age_months": 12},
    summary="Each mutual aid agreement was reviewed at most max_age_months (12) before "
    "polling day.",
    rationale=(
        "Public Safety & Elections, Introduction: 'the lead-up to election season is a good opportunity to revisit and update "
        "mutual aid agreements, ensuring they are current, complete, and consistent with law, "
        "policy, and local practice.' Twelve months is the elecsafe default."
    ),
    fix="Review the agreement with the parties and update last_reviewed.",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2025-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n",
        problems=((18, 20),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n"
    ),
)


def _maa004(ctx: Context) -> Iterator[Finding]:
    for i, agreement in enumerate(ctx.plan.mutual_aid):
        if len(agreement.parties) < 2:
            yield ctx.report(
                ("mutual_aid", i, "parties"),
                f"agreement '{agreement.id}' has fewer than two parties",
                anchor="key",
            )
        for j, party in enumerate(agreement.parties):
            path = ("mutual_aid", i, "parties", j)
            if party.signatory is None:
                yield missing(
                    ctx,
                    (*path, "signatory"),
                    f"party '{party.org}' of '{agreement.id}' has no signatory",
                )
            elif party.signatory.signed_on is None:
                yield missing(
                    ctx,
                    (*path, "signatory", "signed_on"),
                    f"the signatory of '{party.org}' on '{agreement.id}' has no signed_on date",
                )


MAA004 = Rule(
    code="MAA004",
    check=_maa004,
    name="maa-signed",
    severity=E,
    scope="all",
    summary="A mutual aid agreement has at least two parties, each with a signatory (person, "
    "title, date signed).",
    rationale=(
        "Public Safety & Elections, Draft and update mutual aid agreements: arrangements must be 'reflected in written mutual aid agreements' and 'all "
        "parties share a common understanding of terms and expectations'; an unsigned agreement "
        "binds nobody."
    ),
    fix="Add the signatory (person, title, signed_on) for each party.",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n",
        problems=((15, 20),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n"
    ),
)


def _maa005(ctx: Context) -> Iterator[Finding]:
    for i, agreement in enumerate(ctx.plan.mutual_aid):
        absent = [k for k in NIMS_ELEMENTS if getattr(agreement, k) is None]
        if absent:
            yield ctx.report(
                ("mutual_aid", i), f"agreement '{agreement.id}' has no {listing(absent)}"
            )


MAA005 = Rule(
    code="MAA005",
    check=_maa005,
    name="maa-nims-elements",
    severity=W,
    scope="all",
    summary="A mutual aid agreement covers liability, workers' compensation, reimbursement, "
    "credentialing, mobilization and termination.",
    rationale=(
        "Public Safety & Elections, Draft and update mutual aid agreements: agreements should be 'up to date with existing agency policies and applicable "
        "law' and 'comprise all potential requests for assistance'; the NIMS mutual aid elements "
        "(domain.md §1.10) are the parts disputes arise over afterwards."
    ),
    fix="Add the missing clauses.",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n",
        problems=((5, 5),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n"
    ),
)


def _maa006(ctx: Context) -> Iterator[Finding]:
    poll = ctx.poll
    for i, agreement in enumerate(ctx.plan.mutual_aid):
        for j, party in enumerate(agreement.parties):
            path = ("mutual_aid", i, "parties", j, "personnel_briefed_on")
            briefed = party.personnel_briefed_on
            if briefed is None:
                yield missing(
                    ctx,
                    path,
                    f"party '{party.org}' of '{agreement.id}' has no personnel_briefed_on date",
                )
            elif poll is not None and briefed >= poll:
                yield ctx.report(
                    path,
                    f"party '{party.org}' briefs its personnel on "
                    f"'{agreement.id}' only on or after polling day",
                )
            elif briefed > ctx.today:
                # Planned in time, not done yet: information (the plan is sound), but the
                # briefing is not ticked as done until its day has passed.
                yield replace(
                    ctx.report(
                        path,
                        f"party '{party.org}' has not briefed its personnel on "
                        f"'{agreement.id}' yet (planned for {briefed.isoformat()})",
                        hint="nothing to fix before that day; record the date it happened",
                    ),
                    severity=Severity.INFO,
                )
        if not any(
            getattr(agreement.topics, k) is not None
            and getattr(agreement.topics, k).key_restriction
            for k in MAA_TOPICS
        ):
            yield ctx.report(
                ("mutual_aid", i, "topics"),
                f"agreement '{agreement.id}' highlights no key restriction for incoming officers",
                anchor="key",
            )


MAA006 = Rule(
    code="MAA006",
    check=_maa006,
    name="personnel-briefed",
    severity=W,
    scope="all",
    summary="Each party briefs its personnel on the agreement before polling day, and the "
    "agreement highlights the key restrictions for incoming officers. A briefing date still "
    "to come is reported as info: planned, not done.",
    rationale=(
        "Public Safety & Elections, Interdepartmental training and scenario planning: 'each agency that is a party to the agreement should review the terms of "
        "engagement with their personnel, taking care to point out any key restrictions for a "
        "given jurisdiction.'"
    ),
    fix="Set personnel_briefed_on for each party (before polling day) and key_restriction on "
    "the topics incoming officers must know.",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n",
        problems=((13, 9),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n"
    ),
)


# -- extended ---------------------------------------------------------------------------------


def _maa007(ctx: Context) -> Iterator[Finding]:
    timetable = ctx.plan.timetable
    topics_by_id = {t.id: set(t.topics) for t in timetable.trainings}
    topics_by_id |= {x.id: set(x.topics) for x in timetable.exercises}
    for i, agreement in enumerate(ctx.plan.mutual_aid):
        covered: set[str] = set()
        for ref in agreement.joint_training:
            covered |= topics_by_id.get(ref, set())
        absent = [t for t in COMBINED_TRAINING_TOPICS if t not in covered]
        if absent:
            yield ctx.report(
                ("mutual_aid", i),
                f"joint training for '{agreement.id}' does not cover {listing(absent)}",
            )


MAA007 = Rule(
    code="MAA007",
    check=_maa007,
    name="joint-training",
    severity=W,
    scope="all",
    core=False,
    summary="Host and aid agencies train together on command and control, communication, "
    "protest management, crowd control, use of force, chemical agents and support "
    "infrastructure.",
    rationale=(
        "Public Safety & Elections, Interdepartmental training and scenario planning: 'consider having the host and aid-providing agencies train together' and "
        "'hosting a combined training … that addresses' those seven topics."
    ),
    fix="List joint trainings/exercises in joint_training that cover every topic.",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n",
        problems=((5, 5),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    joint_training: [joint]\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n"
        "timetable:\n"
        "  trainings:\n"
        "    - id: joint\n"
        "      title: Joint public order training\n"
        "      audience: le_officers\n"
        "      when: 2027-03-01\n"
        "      topics: [command_and_control, communication, protest_management, crowd_control, use_of_force, chemical_agents, support_infrastructure]\n"
    ),
)


def _maa008(ctx: Context) -> Iterator[Finding]:
    gaps = ctx.plan.resource_gaps
    if not ctx.plan.mutual_aid:
        return
    if not gaps:
        yield missing(ctx, ("resource_gaps",), "no resource gap analysis is recorded")
        return
    listed = any(e.concurrent_events for e in ctx.plan.elections)
    if not listed and not any(g.concurrent_events for g in gaps):
        yield ctx.report(
            ("resource_gaps",),
            "the gap analysis lists no concurrent events "
            "(sporting events, conventions, concerts, visits)",
            anchor="key",
        )


MAA008 = Rule(
    code="MAA008",
    check=_maa008,
    name="resource-gaps",
    severity=W,
    scope="all",
    core=False,
    summary="A resource gap analysis exists and considers concurrent major events.",
    rationale=(
        "Public Safety & Elections, Identify resource gaps prior to election season: 'consider which election-"
        "related circumstances would exceed the agency's existing capacity' and 'what other "
        "major events, such as a sporting event, convention, or concert, will occur'."
    ),
    fix="Add resource_gaps with the scenarios and the concurrent events.",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n",
        problems=(("plan.yaml", 1, 1),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n"
        "resource_gaps:\n"
        "  - id: gap\n"
        "    scenario: count-night protest\n"
        "    demand: 2 PSUs\n"
        "    own_capacity: 1 PSU\n"
        "    gap: 1 PSU\n"
        "    fill: [maa]\n"
        "    concurrent_events: [cup final]\n"
    ),
)


def _maa_text(field: str, code: str, summary: str, rationale: str, fix: str) -> Rule:
    def check(ctx: Context) -> Iterator[Finding]:
        for i, agreement in enumerate(ctx.plan.mutual_aid):
            if not getattr(agreement, field):
                yield missing(
                    ctx, ("mutual_aid", i, field), f"agreement '{agreement.id}' has no {field}"
                )

    return Rule(
        code=code,
        check=check,
        name=field.replace("_", "-"),
        severity=W,
        scope="all",
        core=False,
        summary=summary,
        rationale=rationale,
        fix=fix,
        bad=Example(MAA, problems=((5, 5),)),
        good=Example(
            MAA.replace("    topics:\n", f"    {field}: agreed in clause 20\n    topics:\n", 1)
        ),
    )


MAA009 = _maa_text(
    "policy_conflicts",
    "MAA009",
    "An agreement says whose rules apply when host and incoming policies conflict.",
    "Public Safety & Elections, Draft and update mutual aid agreements: 'The rules of engagement should ensure that the practices of the jurisdiction where "
    "officers are operating are respected while also ensuring that incoming officers do not "
    "violate their own rules'; 'Local officers … should be on the front line of any major "
    "actions'.",
    "Add policy_conflicts stating that host practices apply and incoming officers keep their "
    "own rules.",
)
MAA010 = _maa_text(
    "open_records_alignment",
    "MAA010",
    "An agreement records how the parties' open-records policies are aligned.",
    "Public Safety & Elections (Sun Prairie PD): partners must be 'on the same page about security protocols, "
    "especially when it comes to anything that could be subject to an open records request'.",
    "Add open_records_alignment.",
)


def _maa011(ctx: Context) -> Iterator[Finding]:
    for i, agreement in enumerate(ctx.plan.mutual_aid):
        procedure = agreement.request_procedure
        if procedure is None or not (
            procedure.authorised_requesters
            and procedure.content
            and procedure.written_confirmation_hours
        ):
            yield missing(
                ctx,
                ("mutual_aid", i, "request_procedure"),
                f"agreement '{agreement.id}' has no complete request procedure",
            )


MAA011 = Rule(
    code="MAA011",
    check=_maa011,
    name="request-procedure",
    severity=Severity.INFO,
    scope="all",
    core=False,
    summary="An agreement lists who may request aid, what a request contains and when it is "
    "confirmed in writing.",
    rationale=(
        "Public Safety & Elections, Introduction: 'review policies and standard procedures for both requesting and receiving "
        "requests for mutual aid.'"
    ),
    fix="Add request_procedure with authorised_requesters, content and written_confirmation_hours.",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n",
        problems=((5, 5),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    request_procedure: {authorised_requesters: [ra-silver], content: [incident], written_confirmation_hours: 72}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n"
        "roles:\n"
        "  - {id: ra-silver, role: silver_commander, organisation: force}\n"
    ),
)


# -- MAA012 -----------------------------------------------------------------------------------


def _maa012(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    written = {a.id for a in plan.mutual_aid}
    parties = {p.org for a in plan.mutual_aid for p in a.parties}
    for i, gap in enumerate(plan.resource_gaps):
        if not gap.fill:
            continue  # filled from own resources: nothing is relied on
        if written.intersection(gap.fill) or parties.intersection(gap.fill):
            continue
        yield ctx.report(
            ("resource_gaps", i, "fill"),
            f"resource gap '{gap.id}' relies on other agencies with no written mutual aid "
            "agreement",
        )


GAP = (
    "resource_gaps:\n  - id: count-night\n    scenario: count-night protest\n"
    "    demand: 2 PSUs\n    own_capacity: 1 PSU\n    gap: 1 PSU\n"
)

MAA012 = Rule(
    code="MAA012",
    check=_maa012,
    name="written-mutual-aid",
    severity=W,
    scope="all",
    summary="Where the plan relies on other agencies to fill a resource gap, a written mutual "
    "aid agreement names them (or is named as the fill).",
    rationale=(
        "Public Safety & Elections, Draft and update mutual aid agreements: agencies 'should ensure that all agreements regarding support "
        "during emergencies are reflected in written mutual aid agreements, and that election "
        "events are specifically accounted for'. A gap filled by a neighbour's officers with no "
        "agreement leaves command, use of force and liability to be settled on the night."
    ),
    fix="Add a mutual aid agreement with the agencies in `fill` (or name it in `fill`).",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "resource_gaps:\n"
        "  - id: count-night\n"
        "    scenario: count-night protest\n"
        "    demand: 2 PSUs\n"
        "    own_capacity: 1 PSU\n"
        "    gap: 1 PSU\n"
        "    fill: [nextshire]\n",
        problems=((10, 11),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n"
        "resource_gaps:\n"
        "  - id: count-night\n"
        "    scenario: count-night protest\n"
        "    demand: 2 PSUs\n"
        "    own_capacity: 1 PSU\n"
        "    gap: 1 PSU\n"
        "    fill: [maa]\n"
    ),
)


def _maa013(ctx: Context) -> Iterator[Finding]:
    for i, agreement in enumerate(ctx.plan.mutual_aid):
        parties = {p.org for p in agreement.parties}
        for j, grant in enumerate(agreement.cross_deputization):
            for name in ("deputizing_org", "deputized_org"):
                org = getattr(grant, name)
                if org not in parties:
                    yield ctx.report(
                        ("mutual_aid", i, "cross_deputization", j, name),
                        f"'{org}' is not a party to agreement '{agreement.id}'",
                        hint="cross-deputisation binds the parties of the agreement: add the "
                        "agency to parties, or record it in its own agreement",
                    )


MAA013 = Rule(
    code="MAA013",
    check=_maa013,
    name="cross-deputization-parties",
    severity=E,
    scope="all",
    summary="Cross-deputisation recorded in an agreement is between parties to it.",
    rationale=(
        "Public Safety & Elections, Section 2, Draft and update mutual aid agreements: agreements "
        "settle the 'respective roles of the host and aid-"
        "providing agencies' and the authority of incoming officers; a commission that lets "
        "officers act outside their own jurisdiction (a tribal police department and the county "
        "sheriff, say) binds the agencies that signed it, not a third one."
    ),
    fix="Add the agency to the agreement's parties, or record the commission in an agreement "
    "it signed.",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: thirdshire, name: Thirdshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    cross_deputization:\n"
        "      - {deputizing_org: force, deputized_org: thirdshire, scope: polling places on tribal lands}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n",
        problems=((29, 48),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    cross_deputization:\n"
        "      - {deputizing_org: force, deputized_org: nextshire, scope: polling places on tribal lands}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n"
    ),
)


def _maa014(ctx: Context) -> Iterator[Finding]:
    for i, agreement in enumerate(ctx.plan.mutual_aid):
        topic = agreement.topics.authorized_on_scene_commanders
        if topic is not None and topic.status == "agreed" and not topic.roles:
            yield missing(
                ctx,
                ("mutual_aid", i, "topics", "authorized_on_scene_commanders", "roles"),
                f"agreement '{agreement.id}' does not name the roles of its on-scene commanders",
            )


MAA014 = Rule(
    code="MAA014",
    check=_maa014,
    name="on-scene-commander-roles",
    severity=W,
    scope="all",
    core=False,
    summary="The on-scene commanders' topic names the roles who carry it.",
    rationale=(
        "Public Safety & Elections, Section 2, Draft and update mutual aid agreements: agreements "
        "settle the 'on-scene commanders authorized to direct "
        "tactics and equipment'; incoming officers must know who that is on the day, which a "
        "clause number does not tell them."
    ),
    fix="List the role assignments under topics.authorized_on_scene_commanders.roles.",
    bad=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9}\n",
        problems=((36, 39),),
    ),
    good=Example(
        "organisations:\n"
        "  - {id: force, name: Testshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "  - {id: nextshire, name: Nextshire Police, kind: police_force, sector: law_enforcement, jurisdictions: [area]}\n"
        "mutual_aid:\n"
        "  - id: maa\n"
        "    title: Mutual aid for the May elections\n"
        "    agreement_type: regional\n"
        "    parties:\n"
        "      - org: force\n"
        "        role: host_requesting\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-01}\n"
        "        personnel_briefed_on: 2026-10-20\n"
        "      - org: nextshire\n"
        "        role: aid_providing\n"
        "        signatory: {person: alice, title: Chief Constable, signed_on: 2026-09-02}\n"
        "        personnel_briefed_on: 2026-10-21\n"
        "    effective_date: 2026-09-02\n"
        "    last_reviewed: 2026-09-02\n"
        "    election_events_covered: {covered: true, events: [polling day, count]}\n"
        "    handling: {marking: OFFICIAL-SENSITIVE}\n"
        "    liability_indemnification: clause 12\n"
        "    workers_compensation: clause 13\n"
        "    reimbursement_compensation: clause 14\n"
        "    credentialing_qualifications: clause 15\n"
        "    mobilization: clause 16\n"
        "    termination: {notice_days: 30}\n"
        "    topics:\n"
        "      command_control_reporting: {text: agreed in clause 1}\n"
        "      communications: {text: agreed in clause 2}\n"
        "      roles_host_vs_aid: {text: agreed in clause 3}\n"
        "      resources_equipment: {text: agreed in clause 4}\n"
        "      body_camera_policy: {text: agreed in clause 5, key_restriction: host policy applies}\n"
        "      protest_management_tactics: {text: agreed in clause 6}\n"
        "      use_of_force: {text: agreed in clause 7}\n"
        "      crowd_control: {text: agreed in clause 8}\n"
        "      authorized_on_scene_commanders: {text: agreed in clause 9, roles: [ra-bronze]}\n"
        "roles:\n"
        "  - {id: ra-bronze, role: bronze_commander, organisation: force}\n"
    ),
)


RULES: tuple[Rule, ...] = (
    MAA001,
    MAA002,
    MAA003,
    MAA004,
    MAA005,
    MAA006,
    MAA007,
    MAA008,
    MAA009,
    MAA010,
    MAA011,
    MAA012,
    MAA013,
    MAA014,
)
