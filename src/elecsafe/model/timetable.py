"""The timetable: milestones, meetings, trainings, exercises and actions (§1.9).

Dates stay as written (:data:`DateSpec`); :mod:`elecsafe.dates` resolves them against the
elections' anchors and the working-day calendars.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from elecsafe.model.base import (
    DateSpec,
    ElectionRef,
    Id,
    MeetingRef,
    NonEmptyStr,
    OrgRef,
    PartyRef,
    Reason,
    RoleRef,
    Sensitivity,
    SiteRef,
    SourceRef,
    Status,
    StrictModel,
    sens,
)

Duration = Annotated[
    str, StringConstraints(pattern=r"^-?P(\d+W|\d+D|\d+W\d+D|(\d+D)?T\d+H(\d+M)?|(\d+D)?T\d+M)$")
]


class IcsExport(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    ics: bool = True
    class_: Literal["PUBLIC", "CONFIDENTIAL", "PRIVATE"] = Field(
        default="CONFIDENTIAL", alias="class"
    )
    alarm: Duration | None = Field(default=None, description="ISO 8601 duration, e.g. -P1D")
    sequence: int | None = Field(default=None, ge=0, description="override the revision counter")


class Recurrence(StrictModel):
    """A meeting that repeats, e.g. fortnightly until polling day."""

    default_sensitivity = Sensitivity.PARTNERS
    frequency: Literal["weekly", "fortnightly", "monthly"]
    until: DateSpec | None = None
    count: int | None = Field(default=None, ge=1, le=200)

    @model_validator(mode="after")
    def _bounded(self) -> Recurrence:
        if self.until is None and self.count is None:
            raise ValueError("a recurrence needs 'until' or 'count'")
        return self


class TimetableItem(StrictModel):
    """Every dated thing in the plan.

    Sensitivity is set field by field: what an item is and when it happens (title, date,
    time, duration) is public, who owns it, who attends, where and how it stands is partners.
    Whether the item itself reaches a public edition is decided by its list (meetings,
    trainings and exercises are partners: DESIGN.md "meeting schedule") and, for a milestone,
    by its own marking (:attr:`Milestone.marking`).
    """

    default_sensitivity = Sensitivity.PARTNERS
    id: Id = sens("public")
    title: NonEmptyStr = sens("public")
    when: DateSpec | None = sens("public", default=None)
    statutory: str | None = sens(
        "public", default=None, description="key of the election's statutory pack; fills 'when'"
    )
    election: ElectionRef | None = sens(
        "public", default=None, description="when the plan has several"
    )
    time: Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")] | None = (
        sens("public", default=None)
    )
    duration_minutes: int | None = sens("public", default=None, ge=1, le=24 * 60)
    all_day: bool | None = sens("public", default=None)
    owner: RoleRef | None = None
    participants: list[PartyRef] = []
    location: SiteRef | Literal["virtual"] | None = None
    source: SourceRef | None = None
    status: Status = Status.PLANNED
    reason: Reason | None = None
    notes: str | None = None
    export: IcsExport | None = None
    override_reason: Reason | None = None

    @model_validator(mode="after")
    def _dated(self) -> TimetableItem:
        if self.when is None and self.statutory is None:
            raise ValueError("give 'when' (a date or a date expression) or 'statutory'")
        return self


# Milestones of these kinds are published by law or custom (the statutory timetable, polling
# day, counts, canvass, certification, publications): public unless the milestone says otherwise.
PUBLIC_MILESTONE_KINDS = frozenset(
    {"statutory_deadline", "poll", "count", "canvass", "certification", "publication"}
)


class Milestone(TimetableItem):
    kind: Literal[
        "statutory_deadline", "planning_milestone", "briefing", "poll", "count", "canvass",
        "certification", "debrief", "publication", "other",
    ] = sens("public", default="planning_milestone")  # fmt: skip
    deadline_semantics: Literal["on", "not_later_than", "not_earlier_than", "window"] | None = sens(
        "public", default=None
    )
    sensitivity: Sensitivity | None = sens(
        "public",
        default=None,
        description="who may see this milestone at all; default public for statutory dates and "
        "for poll, count, canvass, certification and publication milestones, partners otherwise",
    )

    @property
    def marking(self) -> Sensitivity:
        """The milestone's own marking: explicit, else from its kind."""
        if self.sensitivity is not None:
            return self.sensitivity
        if self.kind in PUBLIC_MILESTONE_KINDS or self.statutory is not None:
            return Sensitivity.PUBLIC  # a date the law sets is public, whatever its kind
        return Sensitivity.PARTNERS


def item_marking(item: TimetableItem | Action) -> Sensitivity:
    """Who may see a timetable entry at all (calendars, rendered timetables): a milestone's own
    marking; meetings, trainings, exercises and actions are for partners (DESIGN.md "meeting
    schedule"), whatever the sensitivity of their single fields."""
    if isinstance(item, Milestone):
        return item.marking
    return Sensitivity.PARTNERS


AgendaTopic = Literal[
    "le_role_view_and_past_operations", "relevant_laws", "agency_resources",
    "security_and_training_needs", "continued_communication_plan", "threat_reporting",
    "mutual_aid", "site_security", "command_structure", "intelligence", "media",
    "candidate_safety", "polling_day", "count", "debrief", "other",
]  # fmt: skip


class AgendaItem(StrictModel):
    topic: AgendaTopic | None = None
    text: NonEmptyStr


class Action(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    id: Id
    text: NonEmptyStr
    owner: RoleRef | None = None
    due: DateSpec | None = None
    status: Literal["open", "done", "dropped"] = "open"
    raised_at: MeetingRef | None = None


class Meeting(TimetableItem):
    meeting_type: Literal[
        "introductory", "gold_group", "joint_agency_working_group", "planning", "spoc_esm",
        "candidates_agents_briefing", "routine_checkin", "ec_debrief", "gold_debrief",
        "joint_post_election_review", "mutual_aid_review", "election_advisory_group",
        "national_spoc_seminar", "other",
    ]  # fmt: skip
    agenda: list[AgendaItem] = []
    pre_reads: list[str] = []
    post_materials: list[str] = []
    next_meeting: MeetingRef | date | None = None
    final: bool = False
    recurrence: Recurrence | None = None
    actions: list[Action] = []


TrainingTopic = Literal[
    "de_escalation", "conflict_management", "election_law", "powers_and_force_policy",
    "command_and_control", "communication", "protest_management", "crowd_control",
    "use_of_force", "chemical_agents", "support_infrastructure", "candidate_safety",
    "evidence_handling",
]  # fmt: skip


class Training(TimetableItem):
    audience: Literal[
        "election_staff", "le_officers", "joint", "candidates_campaigners", "poll_workers"
    ]
    topics: list[TrainingTopic] = Field(min_length=1)
    provider: OrgRef | None = None
    attendance_count: int | None = Field(default=None, ge=0)


class Exercise(TimetableItem):
    exercise_type: Literal[
        "tabletop", "drill", "simulation", "functional", "full_scale", "informal_tabletop"
    ]
    scenarios: list[str] = []
    participating_orgs: list[OrgRef] = []
    topics: list[TrainingTopic] = []
    after_action_ref: str | None = None
    improvement_items: list[Action] = []


class ExcludedDay(StrictModel):
    """A day appointed for public thanksgiving or mourning, or any other non-working day."""

    default_sensitivity = Sensitivity.PUBLIC
    date: date
    reason: Reason


class Engagement(StrictModel):
    strategy: Literal["direct_outreach", "via_elected_official", "via_existing_relationship"]
    quick_win_goal: str | None = None


class Timetable(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    extra_excluded_days: list[ExcludedDay] = []
    # The list is public so that public milestones reach public editions; each milestone's
    # own marking (Milestone.marking) decides whether it is shown.
    milestones: list[Milestone] = sens("public", default=[])
    meetings: list[Meeting] = []
    trainings: list[Training] = []
    exercises: list[Exercise] = []
    actions: list[Action] = []
    engagement: Engagement | None = None

    def items(self) -> list[TimetableItem]:
        return [*self.milestones, *self.meetings, *self.trainings, *self.exercises]
