"""Communication plan and threat reporting channels (§1.13–1.14)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from elecsafe.model.base import (
    DateSpec,
    Id,
    JurisdictionRef,
    NonEmptyStr,
    OrgRef,
    RoleRef,
    Sensitivity,
    StrictModel,
    TimetableRef,
    sens,
)


class CommsStrategy(StrictModel):
    """The four elements of the APP communication strategy."""

    no_surprises_engagement: str | None = None
    links_with_parties_candidates_communities: str | None = None
    coordination_with_local_authority: str | None = None
    allegation_comms_plan: str | None = None


class JointStatement(StrictModel):
    planned: bool
    voluntary: bool = True


class Media(StrictModel):
    lead_role: RoleRef | None = None
    joint_statement: JointStatement | None = None
    ec_reference_point: bool = False
    spokespeople: list[RoleRef] = []


class CandidateEngagement(StrictModel):
    joint_letter: TimetableRef | None = None
    briefing: TimetableRef | None = None
    products: list[str] = []
    named_contact: RoleRef | None = None


class CommunityEngagement(StrictModel):
    area: JurisdictionRef
    strategy_doc: str | None = None
    community_impact_assessment: bool = False


class Impartiality(StrictModel):
    pre_election_period_start: DateSpec | None = None
    la_publicity_code: bool = True
    police_canvassing_prohibition: bool = True


class PublicMessaging(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    le_role_at_polls_message: str | None = None
    channels: list[str] = []


class RadioChannel(StrictModel):
    """ICS 205 columns."""

    default_sensitivity = Sensitivity.RESTRICTED
    zone_group: str | None = None
    channel_number: str | None = None
    function: Literal["command", "tactical", "support", "interop", "other"]
    channel_name_or_talkgroup: NonEmptyStr
    assignment: str | None = None
    rx_freq: str | None = None
    rx_tone_nac: str | None = None
    tx_freq: str | None = None
    tx_tone_nac: str | None = None
    mode: Literal["A", "D", "M"] | None = None
    remarks: str | None = None
    agencies: list[OrgRef] = []
    phone_only: bool = False


class CallTreeEdge(StrictModel):
    from_: RoleRef = Field(alias="from")
    to: list[RoleRef] = Field(min_length=1)
    trigger: str | None = None


class Escalation(StrictModel):
    situation: NonEmptyStr
    first_call: RoleRef
    then: list[RoleRef] = []


class CommunicationPlan(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    strategy: CommsStrategy | None = None
    media: Media | None = None
    candidate_engagement: CandidateEngagement | None = None
    community_engagement: list[CommunityEngagement] = []
    impartiality: Impartiality | None = None
    public_messaging: PublicMessaging | None = None
    radio_plan: list[RadioChannel] = sens("restricted", default=[])
    call_tree: list[CallTreeEdge] = []
    escalation_matrix: list[Escalation] = []


Audience = Literal["election_officials", "election_workers", "candidates_campaigners", "public"]


class ReportingChannel(StrictModel):
    """A dedicated way to report threats: an inbox or a named officer (Roadmap §VI)."""

    default_sensitivity = Sensitivity.PARTNERS
    id: Id
    kind: Literal["email_inbox", "designated_officer", "phone_line", "web_form"]
    name: NonEmptyStr
    address: str | None = sens(
        "partners", default=None, description="a generic inbox or line; never a personal number"
    )
    owner: RoleRef | None = None
    audience: list[Audience] = []
    monitored_hours: str | None = None
    response_target: str | None = None
    fallback: str | None = Field(
        default=None, description='emergency fallback, e.g. "999" or "911"'
    )


class AllegationReferral(StrictModel):
    initial_point_of_contact: Literal["returning_officer", "spoc"]
    procedure_ref: str | None = None


class EvidenceHandling(StrictModel):
    procedure_ref: NonEmptyStr
    forensic: bool = False


class ThreatDataPublication(StrictModel):
    aggregate_only: Literal[True] = True
    cadence: str | None = None


class ThreatReporting(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    channels: list[ReportingChannel] = []
    triage_path: list[RoleRef] = []
    allegation_referral: AllegationReferral | None = None
    evidence_handling: EvidenceHandling | None = None
    cps_advice_route: RoleRef | None = None
    threat_data_publication: ThreatDataPublication | None = None
    referral_window_hours: int | None = Field(
        default=None,
        ge=1,
        description="how soon a threat against an election worker is referred to law enforcement",
    )
