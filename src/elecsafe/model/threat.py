"""The threat assessment: nine factors and eleven harms of the APP, §1.12."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from elecsafe.model.base import (
    DateSpec,
    Id,
    NonEmptyStr,
    PersonRef,
    Reason,
    RoleRef,
    Sensitivity,
    SiteRef,
    StrictModel,
)

# APP "Threat assessment": factors to consider, in the APP's order.
FACTORS: dict[str, str] = {
    "relevant_intelligence": "Relevant intelligence",
    "previous_history": "Previous history of electoral offences or allegations in the area",
    "potential_for_offences": "Potential for offences (lack of policing, complacency, culture)",
    "community_dynamics": "Community dynamics (transient population, engagement)",
    "party_control_influence": "Control and influence of party workers and candidates",
    "participants": "Participants: candidates and agents",
    "campaign_events": "Campaign events, for example hustings",
    "premises": "Premises: polling stations and constituency offices",
    "candidate_homes_and_locations": "Candidates' and campaigners' homes and regular locations",
}

# APP "The following harms should be considered".
HARMS: dict[str, str] = {
    "physical_assault": "Physical assault or attack against individuals",
    "personal_harassment": "Personal harassment, threats or intimidation",
    "social_media_harassment": "Social media harassment, threats or intimidation",
    "disorder": "Disorder related to the election",
    "criminal_damage": "Criminal damage to property and premises",
    "notified_protest": "Notified protests or demonstrations",
    "spontaneous_protest": "Spontaneous protests or demonstrations",
    "hate_crime": "Hate crime",
    "cybercrime": "Cybercrime connected to the election",
    "process_disruption": "Disruption to the process (hoax calls, alarm activations)",
    "process_interference": "Interference with the process (tampering, impersonation)",
}

# The same eleven harms as US practitioners name them (incident log, US documents).
HARMS_US: dict[str, str] = {
    **HARMS,
    "physical_assault": "Physical assault or attack",
    "personal_harassment": "Harassment, threats or intimidation in person",
    "disorder": "Civil unrest related to the election",
    "criminal_damage": "Vandalism or damage to property",
    "notified_protest": "Permitted protests or demonstrations",
    "spontaneous_protest": "Unpermitted protests or demonstrations",
    "process_disruption": "Disruption of the process (hoax calls, bomb threats, alarms)",
    "process_interference": "Interference with the process (tampering, impersonation)",
}


def harm_labels(country: str) -> dict[str, str]:
    return HARMS_US if country == "US" else HARMS


FactorKey = Literal[
    "relevant_intelligence", "previous_history", "potential_for_offences", "community_dynamics",
    "party_control_influence", "participants", "campaign_events", "premises",
    "candidate_homes_and_locations",
]  # fmt: skip
HarmKey = Literal[
    "physical_assault", "personal_harassment", "social_media_harassment", "disorder",
    "criminal_damage", "notified_protest", "spontaneous_protest", "hate_crime", "cybercrime",
    "process_disruption", "process_interference",
]  # fmt: skip
Rating = Literal["low", "medium", "high", "very_high"]


class Factor(StrictModel):
    status: Literal["considered", "not_applicable"] = "considered"
    """considered, or not_applicable (with a reason)."""
    narrative: str | None = None
    """What was considered, in general terms."""
    reason: Reason | None = None
    """Why the factor does not apply."""

    @model_validator(mode="after")
    def _explained(self) -> Factor:
        if self.status == "not_applicable" and not self.reason:
            raise ValueError("a factor marked not_applicable needs a 'reason'")
        return self


class HarmMitigation(StrictModel):
    text: NonEmptyStr
    """What is done to reduce the harm."""
    owner: RoleRef | None = None
    """Id of the role that does it."""


class Harm(StrictModel):
    likelihood: int | None = Field(default=None, ge=1, le=5)
    """Likelihood, 1 (rare) to 5 (almost certain)."""
    impact: int | None = Field(default=None, ge=1, le=5)
    """Impact, 1 (minimal) to 5 (severe)."""
    rating: Rating | None = None
    """Rating of the harm: low, medium, high or very high."""
    rationale: str | None = None
    """Why this rating."""
    mitigations: list[HarmMitigation] = []
    """What reduces the harm, with owners."""
    not_applicable: bool = False
    """The harm does not apply to this election."""
    reason: Reason | None = None
    """Why the harm does not apply."""

    @model_validator(mode="after")
    def _rated_or_excused(self) -> Harm:
        if self.not_applicable and not self.reason:
            raise ValueError("a harm marked not_applicable needs a 'reason'")
        return self


class ExtensionHarm(StrictModel):
    """A local harm (e.g. US bomb threats) that maps onto one of the eleven APP harms."""

    id: Id
    name: NonEmptyStr
    """Name of the local harm."""
    maps_to: HarmKey
    """Which guidance harm it extends."""
    likelihood: int | None = Field(default=None, ge=1, le=5)
    """Likelihood, 1 (rare) to 5 (almost certain)."""
    impact: int | None = Field(default=None, ge=1, le=5)
    """Impact, 1 (minimal) to 5 (severe)."""
    rating: Rating | None = None
    """Rating of the harm."""
    rationale: str | None = None
    """Why this rating."""
    mitigations: list[HarmMitigation] = []
    """What reduces the harm, with owners."""


class AssessmentInput(StrictModel):
    kind: Literal[
        "intelligence", "previous_debrief", "la_information", "national_operation",
        "open_source", "partner_briefing",
    ]  # fmt: skip
    """Kind of input: intelligence, previous debrief, council information, open source, ..."""
    ref: NonEmptyStr
    """Reference of the input (never its content)."""


class Targets(StrictModel):
    roles: list[RoleRef] = []
    """Ids of the roles at risk."""
    sites: list[SiteRef] = []
    """Ids of the sites at risk."""


class ThreatAssessment(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    id: Id
    prepared_on: date
    """Date the assessment was prepared."""
    prepared_by: PersonRef
    """Id of the person who prepared it."""
    version: NonEmptyStr
    """Version of the assessment."""
    review_due: DateSpec | None = None
    """When it is reviewed next."""
    scope: NonEmptyStr
    """What it covers (elections, areas, period)."""
    first_election: bool = False
    """First assessment for this kind of election in the area."""
    inputs: list[AssessmentInput] = []
    """What the assessment draws on (references only)."""
    factors: dict[FactorKey, Factor] = {}
    """The guidance factors, each considered or not applicable."""
    harms: dict[HarmKey, Harm] = {}
    """The guidance harms, each rated or not applicable."""
    extension_harms: list[ExtensionHarm] = []
    """Local harms beyond the guidance list."""
    scale_drivers: dict[
        Literal[
            "intelligence",
            "threat_assessment",
            "media_interest",
            "community_implications",
            "prior_malpractice",
        ],
        str,
    ] = {}
    """What drives the scale of the operation, per driver."""
    targets: Targets | None = None
    """Roles and sites at risk."""
    overall_rating: Rating | None = None
    """Overall rating of the threat."""
