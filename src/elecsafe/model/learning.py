"""Resource gaps, partnerships, planning considerations and the debrief (§1.15–1.19)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from elecsafe.model.base import (
    AgreementRef,
    Id,
    NonEmptyStr,
    OrgRef,
    PartyRef,
    Reason,
    RenamedKeysModel,
    Sensitivity,
    StrictModel,
    TimetableRef,
)
from elecsafe.model.threat import HarmKey


class ResourceGap(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    id: Id
    scenario: NonEmptyStr
    """The scenario, e.g. count night with a protest."""
    demand: NonEmptyStr
    """Officers and resources needed."""
    own_capacity: NonEmptyStr
    """What the agency can field itself."""
    gap: NonEmptyStr
    """The difference."""
    fill: list[AgreementRef | OrgRef] = []
    """Ids of the agreements or organisations that fill the gap."""
    concurrent_events: list[str] = []
    """Other events that draw on the same officers."""


class Partnership(StrictModel):
    """A non-law-enforcement partner (Building Partnerships)."""

    default_sensitivity = Sensitivity.PARTNERS
    org: OrgRef
    """Id of the partner organisation."""
    type: Literal["intra_governmental", "institutional"]
    """intra_governmental or institutional."""
    purpose: list[
        Literal[
            "media", "information_sharing", "budget", "emergency_operations", "community_outreach"
        ]
    ] = []
    """What the partnership is for."""
    reciprocity_offers: list[str] = []
    """What the election office offers in return."""
    fit_check_on: date | None = None
    """Date the legal and operational fit was checked."""


class PlanningConsideration(StrictModel):
    """One APP pre-election planning consideration as a checklist line (§1.19)."""

    key: NonEmptyStr
    """Key of the planning consideration in the guidance."""
    status: Literal["open", "in_progress", "done", "not_required"] = "open"
    """open, in_progress, done or not_required."""
    note: str | None = None
    """How it is addressed."""
    reason: Reason | None = None
    """Why it is not required."""


# APP "Post-election debrief": the eight considerations.
DEBRIEF_CONSIDERATIONS: dict[str, str] = {
    "planning_and_preparation": "Planning and preparation",
    "polling_day": "Polling day, including polling stations and the count",
    "allegations": "Number of allegations, including trends in high-risk communities",
    "significant_events": "Significant events",
    "investigations_status": "Status of investigations",
    "partner_feedback": "Feedback from partners (returning officers, electoral services)",
    "media_interest": "Media interest",
    "organisational_learning": "New legislation and organisational learning",
}

ConsiderationKey = Literal[
    "planning_and_preparation", "polling_day", "allegations", "significant_events",
    "investigations_status", "partner_feedback", "media_interest", "organisational_learning",
]  # fmt: skip


class Lesson(StrictModel):
    text: NonEmptyStr
    """The lesson learned."""
    action: TimetableRef | None = None
    """Id of the action that follows it up."""


SubmissionBody = Literal[
    "electoral_commission", "npwg", "knowledge_hub", "state_election_office", "other"
]
SUBMISSION_LABELS: dict[SubmissionBody, str] = {
    "electoral_commission": "Electoral Commission",
    "npwg": "National Police Working Group for Electoral Malpractice (NPWG)",
    "knowledge_hub": "Knowledge Hub",
    "state_election_office": "State election office",
    "other": "Other",
}


class Submission(RenamedKeysModel):
    # `on:` until schema version 1: YAML 1.1 readers (PyYAML and the tools built on it) read
    # that key as the boolean true. Still read in version 1, reported as SCH004.
    renamed_keys: ClassVar[dict[str, str]] = {"on": "submitted_on"}

    to: SubmissionBody
    """Who receives the debrief: Electoral Commission, NPWG, Knowledge Hub, state election office or other.
    """
    submitted_on: date | None = None
    """Date the debrief is sent (formerly 'on', still read in schema version 1)."""


class Aggregates(StrictModel):
    """Counts only: never case details (PRV006)."""

    allegations: int | None = Field(default=None, ge=0)
    """Number of allegations."""
    threats_reported: int | None = Field(default=None, ge=0)
    """Number of threats reported."""
    arrests: int | None = Field(default=None, ge=0)
    """Number of arrests."""
    incidents_at_sites: int | None = Field(default=None, ge=0)
    """Number of incidents at sites."""
    investigations_open: int | None = Field(default=None, ge=0)
    """Investigations still open."""
    by_harm: dict[HarmKey, Annotated[int, Field(ge=0)]] = Field(
        default={}, description="incidents by harm, e.g. filled from `elecsafe incidents`"
    )


class Debrief(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    held_on: date | None = None
    """Date of the debrief meeting."""
    meeting: TimetableRef | None = None
    """Id of the debrief meeting in the timetable."""
    participants: list[PartyRef] = []
    """Ids of the roles, organisations or people taking part."""
    considerations: dict[ConsiderationKey, str] = {}
    """Findings per guidance consideration."""
    aggregates: Aggregates | None = None
    """Counts only, never case details."""
    lessons: list[Lesson] = []
    """Lessons learned, each with a follow-up action."""
    submissions: list[Submission] = []
    """Where the debrief is sent, and when."""
    after_action_report: str | None = None
    """Where the after-action report is kept."""


US_DEBRIEF_TITLES = {
    "polling_day": "Election Day, including polling places and the count",
    "partner_feedback": "Feedback from partners (election officials, partner agencies)",
}
