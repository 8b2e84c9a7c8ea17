"""Resource gaps, partnerships, planning considerations and the debrief (§1.15–1.19)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, model_validator

from elecsafe.model.base import (
    AgreementRef,
    Id,
    NonEmptyStr,
    OrgRef,
    PartyRef,
    Reason,
    Sensitivity,
    StrictModel,
    TimetableRef,
)
from elecsafe.model.threat import HarmKey


class ResourceGap(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    id: Id
    scenario: NonEmptyStr
    demand: NonEmptyStr
    own_capacity: NonEmptyStr
    gap: NonEmptyStr
    fill: list[AgreementRef | OrgRef] = []
    concurrent_events: list[str] = []


class Partnership(StrictModel):
    """A non-law-enforcement partner (Building Partnerships)."""

    default_sensitivity = Sensitivity.PARTNERS
    org: OrgRef
    type: Literal["intra_governmental", "institutional"]
    purpose: list[
        Literal[
            "media", "information_sharing", "budget", "emergency_operations", "community_outreach"
        ]
    ] = []
    reciprocity_offers: list[str] = []
    fit_check_on: date | None = None


class PlanningConsideration(StrictModel):
    """One APP pre-election planning consideration as a checklist line (§1.19)."""

    key: NonEmptyStr
    status: Literal["open", "in_progress", "done", "not_required"] = "open"
    note: str | None = None
    reason: Reason | None = None


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
    action: TimetableRef | None = None


class Submission(StrictModel):
    # `on:` until schema version 1: YAML 1.1 readers (PyYAML and the tools built on it) read
    # that key as the boolean true. Still read in version 1, reported as SCH004.
    renamed_keys: ClassVar[dict[str, str]] = {"on": "submitted_on"}

    to: Literal["electoral_commission", "npwg", "knowledge_hub", "state_election_office", "other"]
    submitted_on: date | None = None

    @model_validator(mode="before")
    @classmethod
    def _read_renamed_keys(cls, data: Any) -> Any:
        if isinstance(data, dict) and "on" in data and "submitted_on" not in data:
            return {("submitted_on" if key == "on" else key): v for key, v in data.items()}
        return data


class Aggregates(StrictModel):
    """Counts only: never case details (PRV006)."""

    allegations: int | None = Field(default=None, ge=0)
    threats_reported: int | None = Field(default=None, ge=0)
    arrests: int | None = Field(default=None, ge=0)
    incidents_at_sites: int | None = Field(default=None, ge=0)
    investigations_open: int | None = Field(default=None, ge=0)
    by_harm: dict[HarmKey, Annotated[int, Field(ge=0)]] = Field(
        default={}, description="incidents by harm, e.g. filled from `elecsafe incidents`"
    )


class Debrief(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    held_on: date | None = None
    meeting: TimetableRef | None = None
    participants: list[PartyRef] = []
    considerations: dict[ConsiderationKey, str] = {}
    aggregates: Aggregates | None = None
    lessons: list[Lesson] = []
    submissions: list[Submission] = []
    after_action_report: str | None = None
