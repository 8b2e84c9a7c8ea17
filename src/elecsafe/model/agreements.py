"""Mutual aid agreements (the nine topics of Public Safety & Elections) and MoUs (§1.10–1.11)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from elecsafe.model.base import (
    ElectionRef,
    Handling,
    Id,
    LegalRef,
    NonEmptyStr,
    OrgRef,
    PersonRef,
    Reason,
    RoleRef,
    Sensitivity,
    StrictModel,
    TrainingRef,
)

if TYPE_CHECKING:
    from elecsafe.findings import KeyPath
    from elecsafe.model.plan import Plan

# The nine topics an agreement must settle, in the guide's order (Public Safety & Elections, "Mutual aid").
MAA_TOPICS: dict[str, str] = {
    "command_control_reporting": "Command, control and reporting structures",
    "communications": "Communication methods, including all radio and data communication",
    "roles_host_vs_aid": "Respective roles of the host and aid-providing agencies",
    "resources_equipment": "Resources and equipment each agency provides",
    "body_camera_policy": "Body camera policy",
    "protest_management_tactics": "Permissible protest management tactics",
    "use_of_force": "Permissible uses of force, reporting of force, and when force may be used",
    "crowd_control": "Permissible and impermissible crowd control tactics and equipment",
    "authorized_on_scene_commanders": "On-scene commanders authorised to direct tactics and equipment",
}

# The MoU sections of domain.md §3.1, checked by DOC003.
MOU_SECTIONS: dict[str, str] = {
    "purpose_and_scope": "Purpose and scope",
    "roles_and_responsibilities": "Roles and responsibilities",
    "contacts": "Single points of contact",
    "information_sharing": "Information sharing",
    "allegation_referral": "Referral of allegations",
    "evidence_handling": "Handling of evidence",
    "intervention_policy": "Police intervention policy",
    "communications_and_media": "Communications and media",
    "review": "Review and termination",
}


TermsDigest = Annotated[str, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")]


class Signatory(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    person: PersonRef
    """Id of the person who signs."""
    title: NonEmptyStr
    """Title under which they sign, e.g. Chief Constable."""
    signed_on: date | None = None
    """Date signed."""
    terms_digest: TermsDigest | None = Field(
        default=None,
        description="digest of the agreement's terms when this party signed (elecsafe sign)",
    )


class PastSignature(StrictModel):
    """A signature of an earlier version of the agreement, kept when it is rolled forward."""

    default_sensitivity = Sensitivity.PARTNERS
    org: OrgRef
    person: PersonRef
    title: NonEmptyStr
    signed_on: date | None = None
    terms_digest: TermsDigest | None = None
    plan_version: str | None = None


class Topic(StrictModel):
    """One settled topic: the agreed text (or clause reference), or 'not applicable' and why."""

    status: Literal["agreed", "not_applicable"] = "agreed"
    """agreed, or not_applicable (with a reason)."""
    text: str | None = None
    """What was agreed."""
    clause: str | None = None
    """Clause of the agreement where it is written."""
    reason: Reason | None = None
    """Why the topic does not apply."""
    key_restriction: str | None = Field(
        default=None, description="what incoming officers must be told (key restrictions sheet)"
    )
    roles: list[RoleRef] = Field(
        default=[], description="the roles who carry this topic (e.g. the on-scene commanders)"
    )

    @model_validator(mode="after")
    def _settled(self) -> Topic:
        if self.status == "agreed" and not (self.text or self.clause):
            raise ValueError("an agreed topic needs 'text' or 'clause'")
        if self.status == "not_applicable" and not self.reason:
            raise ValueError("a topic marked not_applicable needs a 'reason'")
        return self


class MaaTopics(StrictModel):
    command_control_reporting: Topic | None = None
    """Who commands officers sent to help and how they report."""
    communications: Topic | None = None
    """Radio talkgroups and data systems shared on the day."""
    roles_host_vs_aid: Topic | None = None
    """What the host agency does and what the aid does."""
    resources_equipment: Topic | None = None
    """What each agency brings."""
    body_camera_policy: Topic | None = None
    """Whose body-worn camera policy applies."""
    protest_management_tactics: Topic | None = None
    """Protest management tactics that are allowed."""
    use_of_force: Topic | None = None
    """Permitted force, and how it is reported."""
    crowd_control: Topic | None = None
    """Crowd control tactics and equipment allowed and not allowed."""
    authorized_on_scene_commanders: Topic | None = None
    """Which commanders may direct tactics and equipment."""


class CrossDeputization(StrictModel):
    """Officers of one agency sworn as deputies of another (e.g. tribal police officers
    commissioned by the county sheriff), so they may act where their own powers stop."""

    deputizing_org: OrgRef = Field(description="the agency that grants the commissions")
    deputized_org: OrgRef = Field(description="the agency whose officers receive them")
    authority: LegalRef | None = None
    scope: NonEmptyStr = Field(description="where and for what the deputies may act")
    officers: int | None = Field(default=None, ge=1, description="how many hold a commission")
    expires_on: date | None = None


class Party(StrictModel):
    """A party to an agreement and who signed for it."""

    org: OrgRef
    signatory: Signatory | None = None


MaaPartyRole = Literal["host_requesting", "aid_providing", "both"]
MAA_PARTY_ROLE_LABELS: dict[MaaPartyRole, str] = {
    "host_requesting": "requests aid",
    "aid_providing": "provides aid",
    "both": "requests and provides aid",
}


class MaaParty(Party):
    role: MaaPartyRole
    """host_requesting, aid_providing or both."""
    personnel_briefed_on: date | None = None
    """Date the agency's officers were briefed on the agreement."""


class ElectionEventsCovered(StrictModel):
    covered: bool
    """The agreement covers election events."""
    events: list[str] = []
    """Which events, e.g. polling day, the count, candidate visits."""


class RequestProcedure(StrictModel):
    authorised_requesters: list[RoleRef] = []
    """Ids of the roles that may request aid."""
    content: list[str] = []
    """What a request states (numbers, place, time, task, ...)."""
    written_confirmation_hours: int | None = Field(default=None, ge=1)
    """Hours within which a spoken request is confirmed in writing."""


class Termination(StrictModel):
    notice_days: int | None = Field(default=None, ge=0)
    """Days of notice to end the agreement."""
    text: str | None = None
    """How the agreement ends."""


AgreementType = Literal[
    "local_automatic",
    "local",
    "regional",
    "intrastate_statewide",
    "interstate",
    "international",
]
AGREEMENT_TYPE_LABELS: dict[AgreementType, str] = {
    "local_automatic": "local automatic",
    "local": "local",
    "regional": "regional",
    "intrastate_statewide": "statewide",
    "interstate": "interstate",
    "international": "international",
}


class MutualAidAgreement(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    id: Id
    title: NonEmptyStr
    """Title of the agreement."""
    agreement_type: AgreementType
    """Kind of agreement (statewide, regional, bilateral, ...)."""
    parties: list[MaaParty] = Field(min_length=1)
    """The agencies party to it, with their role."""
    authority: list[LegalRef] = []
    """Laws that allow the agreement."""
    definitions: dict[str, str] = {}
    """Defined terms: term -> meaning."""
    effective_date: date
    """Date the agreement takes effect."""
    expires_on: date | None = None
    """Date it ends, if fixed."""
    last_reviewed: date
    """Date it was last reviewed."""
    elections: list[ElectionRef] = []
    """Ids of the elections it covers."""
    election_events_covered: ElectionEventsCovered
    """Whether, and which, election events it covers."""
    topics: MaaTopics
    """The agreed topics, each as text or not applicable."""
    request_procedure: RequestProcedure | None = None
    """How aid is requested."""
    reporting_instructions: str | None = None
    """Where officers sent to help report, and to whom."""
    policy_conflicts: str | None = None
    """Which agency's policy applies when they differ."""
    liability_indemnification: str | None = None
    """Who is liable for acts of officers sent to help."""
    workers_compensation: str | None = None
    """Who covers injuries of officers sent to help."""
    reimbursement_compensation: str | None = None
    """Charging for mutual aid."""
    credentialing_qualifications: str | None = None
    """Credentials and accreditation for polling places and the count."""
    licensure_certification: str | None = None
    """Licences and certifications recognised across agencies."""
    mobilization: str | None = None
    """How aid is called out and where it assembles."""
    demobilization: str | None = None
    """How aid is released."""
    arrests_and_detention: str | None = None
    """Powers of arrest and where detainees go."""
    termination: Termination | None = None
    """How the agreement ends."""
    dispute_resolution: str | None = None
    """How disputes between the parties are settled."""
    modification: str | None = None
    """How the agreement is changed."""
    open_records_alignment: str | None = None
    """How the parties handle public-records requests about the operation."""
    cross_deputization: list[CrossDeputization] = []
    """Commissions one party's officers hold from another."""
    joint_training: list[TrainingRef] = []
    """Ids of the trainings and exercises held together."""
    gap_analysis: list[str] = Field(default=[], description="resource gap ids")
    handling: Handling | None = None
    """Protective marking, if not the plan's."""
    resign_due: bool = Field(
        default=False,
        description="carried into a new plan: every party signs again (elecsafe roll)",
    )
    signature_history: list[PastSignature] = []


class MouParty(Party):
    """A party to an MoU."""

    @property
    def has_signed(self) -> bool:
        """A signatory with the date they signed (DOC006; the checklist's "MoU signed")."""
        return self.signatory is not None and self.signatory.signed_on is not None


class MouScope(StrictModel):
    elections: list[ElectionRef] = []
    """Ids of the elections the MoU covers."""
    period: str | None = None
    """Period it covers, e.g. from signature until the debrief."""


class MoU(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    id: Id
    title: NonEmptyStr
    """Title of the memorandum."""
    parties: list[MouParty] = Field(min_length=2)
    """The organisations party to it (at least two)."""
    purpose: NonEmptyStr
    """What the MoU is for."""
    scope: MouScope
    """Which elections and period it covers."""
    template_basis: str | None = None
    """The model agreement it is based on."""
    sections: dict[str, str] = Field(description="section key -> agreed text (DOC003 keys)")
    signed_on: date | None = None
    """Date signed by all parties."""
    last_reviewed: date
    """Date it was last reviewed."""
    review_due: date | None = None
    """When it is reviewed next."""
    handling: Handling | None = None
    """Protective marking, if not the plan's."""
    resign_due: bool = Field(
        default=False,
        description="carried into a new plan: every party signs again (elecsafe roll)",
    )
    signature_history: list[PastSignature] = []


Agreement = MoU | MutualAidAgreement


def agreements_of(plan: Plan) -> list[tuple[KeyPath, Agreement]]:
    """Every MoU and mutual aid agreement with its key path (``("mous", 2)``)."""
    out: list[tuple[KeyPath, Agreement]] = [(("mous", i), a) for i, a in enumerate(plan.mous)]
    out += [(("mutual_aid", i), a) for i, a in enumerate(plan.mutual_aid)]
    return out


# -- what a signature covers --------------------------------------------------------------------

# Not terms: who signed and when, the review bookkeeping, the handling marking and the history.
_NOT_TERMS = frozenset(
    {"last_reviewed", "review_due", "signed_on", "handling", "resign_due", "signature_history"}
)
_NOT_PARTY_TERMS = frozenset({"signatory", "personnel_briefed_on"})


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def terms_digest(agreement: Agreement) -> str:
    """``sha256:<hex>`` of the agreement's terms, the same whatever the YAML layout.

    The terms are every field of the agreement except the signatures (``parties[].signatory``),
    ``personnel_briefed_on``, ``last_reviewed``, ``review_due``, ``signed_on``, ``handling``,
    ``resign_due`` and ``signature_history``. They are taken from the validated model (so
    quoting, folding and key order do not matter), with fields left at their default omitted,
    runs of white space in text collapsed to one space, then written as JSON with sorted keys,
    no spaces and UTF-8, and hashed with SHA-256. Rewrapping a paragraph keeps the digest;
    changing a word, a date, a party or a clause changes it.
    """
    data = agreement.model_dump(mode="json", exclude_defaults=True, exclude=set(_NOT_TERMS))
    data["parties"] = [
        {k: v for k, v in party.items() if k not in _NOT_PARTY_TERMS}
        for party in data.get("parties", [])
    ]
    text = json.dumps(_canonical(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


# The clauses of a mutual aid agreement beyond the nine topics (domain.md §3.2), in order.
MAA_CLAUSES = {
    "reporting_instructions": "Reporting instructions and supervision",
    "policy_conflicts": "Policy conflicts and rules of engagement",
    "liability_indemnification": "Liability and indemnification",
    "workers_compensation": "Workers' compensation",
    "reimbursement_compensation": "Reimbursement",
    "credentialing_qualifications": "Credentialing and qualifications",
    "licensure_certification": "Licensure and certification",
    "mobilization": "Mobilization",
    "demobilization": "Demobilization",
    "arrests_and_detention": "Arrests and detention",
    "open_records_alignment": "Records and open records requests",
    "dispute_resolution": "Dispute resolution",
    "modification": "Amendment",
}
# British usage for the same clauses in a UK agreement (police officers are not employees
# covered by workers' compensation: injury on duty falls under the Police (Injury Benefit)
# Regulations).
UK_MAA_CLAUSES = {
    "workers_compensation": "Injury on duty",
    "mobilization": "Mobilisation",
    "demobilization": "Demobilisation",
    "open_records_alignment": "Records and freedom of information requests",
}
