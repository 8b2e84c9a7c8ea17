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
    """How engagement and dialogue give partners no surprises."""
    links_with_parties_candidates_communities: str | None = None
    """Links with parties, candidates, communities and agents."""
    coordination_with_local_authority: str | None = None
    """How communications are coordinated with the council or election office."""
    allegation_comms_plan: str | None = None
    """What is said to the public and media if fraud is alleged."""


class JointStatement(StrictModel):
    planned: bool
    """A joint statement is planned."""
    voluntary: bool = True
    """Partners join the statement voluntarily."""


class Media(StrictModel):
    lead_role: RoleRef | None = None
    """Id of the role leading media work."""
    joint_statement: JointStatement | None = None
    """The joint statement, if any."""
    ec_reference_point: bool = False
    """The Electoral Commission is the reference point for questions about the law."""
    spokespeople: list[RoleRef] = []
    """Ids of the roles that speak to the media."""


class CandidateEngagement(StrictModel):
    joint_letter: TimetableRef | None = None
    """Id of the timetable entry for the joint letter to candidates."""
    briefing: TimetableRef | None = None
    """Id of the timetable entry for the candidates' briefing."""
    products: list[str] = []
    """Guidance products given to candidates."""
    named_contact: RoleRef | None = None
    """Id of the role candidates contact."""


class CommunityEngagement(StrictModel):
    area: JurisdictionRef
    """Id of the area."""
    strategy_doc: str | None = None
    """Where the engagement strategy is kept."""
    community_impact_assessment: bool = False
    """A community impact assessment was made."""


class Impartiality(StrictModel):
    pre_election_period_start: DateSpec | None = None
    """First day of the pre-election period."""
    la_publicity_code: bool = True
    """The council follows the code of practice on publicity."""
    police_canvassing_prohibition: bool = True
    """Police officers may not canvass (statutory prohibition)."""


class PublicMessaging(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    le_role_at_polls_message: str | None = None
    """What the public is told about law enforcement at polling places."""
    channels: list[str] = []
    """Channels used: website, social media, press, ..."""


RadioFunction = Literal["command", "tactical", "support", "interop", "other"]
RADIO_FUNCTION_LABELS: dict[RadioFunction, str] = {
    "command": "Command",
    "tactical": "Tactical",
    "support": "Support",
    "interop": "Interoperability",
    "other": "Other",
}


class RadioChannel(StrictModel):
    """ICS 205 columns."""

    default_sensitivity = Sensitivity.RESTRICTED
    zone_group: str | None = None
    """Zone or group of the radio (ICS 205)."""
    channel_number: str | None = None
    """Channel number."""
    function: RadioFunction
    """Use of the channel: command, tactical, support, interop or other."""
    channel_name_or_talkgroup: NonEmptyStr
    """Channel name or talkgroup."""
    assignment: str | None = None
    """Who uses it."""
    rx_freq: str | None = None
    """Receive frequency."""
    rx_tone_nac: str | None = None
    """Receive tone or NAC."""
    tx_freq: str | None = None
    """Transmit frequency."""
    tx_tone_nac: str | None = None
    """Transmit tone or NAC."""
    mode: Literal["A", "D", "M"] | None = None
    """A (analog), D (digital) or M (mixed)."""
    remarks: str | None = None
    """Remarks."""
    agencies: list[OrgRef] = []
    """Ids of the agencies on the channel."""
    phone_only: bool = False
    """Reached by phone only (no radio)."""


class CallTreeEdge(StrictModel):
    from_: RoleRef = Field(alias="from")
    """Id of the role that calls."""
    to: list[RoleRef] = Field(min_length=1)
    """Ids of the roles it calls."""
    trigger: str | None = None
    """When the call is made."""


class Escalation(StrictModel):
    situation: NonEmptyStr
    """The situation, e.g. disorder at a polling place."""
    first_call: RoleRef
    """Id of the role called first."""
    then: list[RoleRef] = []
    """Ids of the roles called next, in order."""


class CommunicationPlan(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    strategy: CommsStrategy | None = None
    """The communication strategy."""
    media: Media | None = None
    """Media handling."""
    candidate_engagement: CandidateEngagement | None = None
    """Engagement with candidates and agents."""
    community_engagement: list[CommunityEngagement] = []
    """Engagement with communities, by area."""
    impartiality: Impartiality | None = None
    """Impartiality during the election period."""
    public_messaging: PublicMessaging | None = None
    """Messages to the public."""
    radio_plan: list[RadioChannel] = sens("restricted", default=[])
    """Radio channels (ICS 205; restricted)."""
    call_tree: list[CallTreeEdge] = []
    """Who calls whom."""
    escalation_matrix: list[Escalation] = []
    """Who is called, in which order, per situation."""


Audience = Literal["election_officials", "election_workers", "candidates_campaigners", "public"]
AUDIENCE_LABELS: dict[Audience, str] = {
    "election_officials": "Election officials",
    "election_workers": "Election workers",
    "candidates_campaigners": "Candidates and campaigners",
    "public": "The public",
}


ChannelKind = Literal["email_inbox", "designated_officer", "phone_line", "web_form"]
CHANNEL_KIND_LABELS: dict[ChannelKind, str] = {
    "email_inbox": "Email inbox",
    "designated_officer": "Designated officer",
    "phone_line": "Phone line",
    "web_form": "Web form",
}


class ReportingChannel(StrictModel):
    """A dedicated way to report threats: an inbox or a named officer (Roadmap §VI)."""

    default_sensitivity = Sensitivity.PARTNERS
    id: Id
    kind: ChannelKind
    """email_inbox, designated_officer, phone_line or web_form."""
    name: NonEmptyStr
    """Name of the channel."""
    address: str | None = sens(
        "partners", default=None, description="a generic inbox or line; never a personal number"
    )
    owner: RoleRef | None = None
    """Id of the role that monitors it."""
    audience: list[Audience] = []
    """Who reports through it."""
    monitored_hours: str | None = None
    """When it is monitored."""
    response_target: str | None = None
    """How fast reports are acknowledged."""
    fallback: str | None = Field(
        default=None, description='emergency fallback, e.g. "999" or "911"'
    )


class AllegationReferral(StrictModel):
    initial_point_of_contact: Literal["returning_officer", "spoc"]
    """Who takes allegations first: returning_officer or spoc."""
    procedure_ref: str | None = None
    """Where the referral procedure is written down."""


class EvidenceHandling(StrictModel):
    procedure_ref: NonEmptyStr
    """The guidance staff follow to preserve evidence."""
    forensic: bool = False
    """Forensic handling is arranged."""


class ArrestAndEvidence(StrictModel):
    """The plan's own strategy and tactics for an electoral offence at or near a polling place
    or count: who officers turn to, what they do to arrest, recover and preserve evidence
    (APP Election-day considerations), briefed to every officer on duty."""

    decides: RoleRef | None = None
    """Id of the role officers consult before an arrest or other police action at a polling
    place or count (unless someone's safety is at immediate risk)."""
    prosecutor: RoleRef | None = None
    """Id of the prosecutor's role cases are prepared for (US: the county attorney or the DOJ
    district election officer); in the UK, CPS advice goes through ``cps_advice_route``."""
    tactics: list[NonEmptyStr] = []
    """What officers do, in order: keeping the peace, making an arrest without stopping the
    vote, what to seize and what to leave to election staff, evidence and its continuity."""


class ThreatDataPublication(StrictModel):
    aggregate_only: Literal[True] = True
    """Only counts are published, never cases."""
    cadence: str | None = None
    """How often the counts are published."""


class ThreatReporting(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    channels: list[ReportingChannel] = []
    """Channels for reporting threats."""
    triage_path: list[RoleRef] = []
    """Ids of the roles that triage reports, in order."""
    allegation_referral: AllegationReferral | None = None
    """How allegations are referred."""
    evidence_handling: EvidenceHandling | None = None
    """How evidence is preserved."""
    cps_advice_route: RoleRef | None = None
    """Id of the role that seeks CPS advice (GB)."""
    arrest_and_evidence: ArrestAndEvidence | None = None
    """What officers do on an electoral offence at a polling place or count (the briefing)."""
    threat_data_publication: ThreatDataPublication | None = None
    """Publication of threat counts."""
    referral_window_hours: int | None = Field(
        default=None,
        ge=1,
        description="how soon a threat against an election worker is referred to law enforcement",
    )
