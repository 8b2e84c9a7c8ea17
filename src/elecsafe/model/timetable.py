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
from elecsafe.model.sites import PresenceWindow

Duration = Annotated[
    str, StringConstraints(pattern=r"^-?P(\d+W|\d+D|\d+W\d+D|(\d+D)?T\d+H(\d+M)?|(\d+D)?T\d+M)$")
]


class IcsExport(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    ics: bool = True
    """Whether the entry goes into exported calendars (.ics)."""
    class_: Literal["PUBLIC", "CONFIDENTIAL", "PRIVATE"] = Field(
        default="CONFIDENTIAL", alias="class"
    )
    """Calendar CLASS of the event: PUBLIC, CONFIDENTIAL or PRIVATE."""
    alarm: Duration | None = Field(default=None, description="ISO 8601 duration, e.g. -P1D")
    sequence: int | None = Field(default=None, ge=0, description="override the revision counter")


class Recurrence(StrictModel):
    """A meeting that repeats, e.g. fortnightly until polling day."""

    default_sensitivity = Sensitivity.PARTNERS
    frequency: Literal["weekly", "fortnightly", "monthly"]
    """How often the meeting repeats: weekly, fortnightly or monthly."""
    until: DateSpec | None = None
    """Last day a repeat may fall on: a date or a date relative to polling day (e.g. poll)."""
    count: int | None = Field(default=None, ge=1, le=200)
    """Number of occurrences, the first included (instead of, or as well as, until)."""

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
    """Unique id of the entry; other entries, roles and documents refer to it."""
    title: NonEmptyStr = sens("public")
    """Short title shown in timetables, calendars and documents."""
    when: DateSpec | None = sens("public", default=None)
    """Date: ISO date or date-time, or relative to polling day or another entry (e.g. 'poll - 45 days', 'noe + 2 wd').
    """
    statutory: str | None = sens(
        "public", default=None, description="key of the election's statutory pack; fills 'when'"
    )
    election: ElectionRef | None = sens(
        "public", default=None, description="when the plan has several"
    )
    time: Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")] | None = (
        sens("public", default=None)
    )
    """Start time, HH:MM (24-hour clock), in the plan's time zone."""
    duration_minutes: int | None = sens("public", default=None, ge=1, le=24 * 60)
    """Length in minutes (1 to 1440); with time, gives the end."""
    all_day: bool | None = sens("public", default=None)
    """True for an all-day entry (no time)."""
    owner: RoleRef | None = None
    """Id of the role responsible for the entry."""
    participants: list[PartyRef] = []
    """Ids of the roles, organisations or people taking part."""
    location: SiteRef | Literal["virtual"] | None = None
    """Id of the site where it happens, or 'virtual'."""
    source: SourceRef | None = None
    """Where the date or duty comes from (statute, guidance section, agreement clause)."""
    status: Status = Status.PLANNED
    """planned, confirmed, done, cancelled or not_required."""
    reason: Reason | None = None
    """Why, when the status is cancelled or not_required."""
    notes: str | None = None
    """Free notes for partners."""
    export: IcsExport | None = None
    """Calendar export settings for this entry."""
    override_reason: Reason | None = None
    """Why a statutory date is overridden by an explicit 'when'."""

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
    """What kind of milestone (statutory deadline, guidance recommendation, local step, ...)."""
    deadline_semantics: Literal["on", "not_later_than", "not_earlier_than", "window"] | None = sens(
        "public", default=None
    )
    """How the date binds: on the day, not later than, not earlier than, or a window."""
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


def item_marking(item: TimetableItem | Action | PresenceWindow) -> Sensitivity:
    """Who may see a timetable entry at all (calendars, rendered timetables): a milestone's own
    marking; meetings, trainings, exercises and actions are for partners (DESIGN.md "meeting
    schedule"), whatever the sensitivity of their single fields; a police presence window is
    restricted, like the site's presence level."""
    if isinstance(item, Milestone):
        return item.marking
    if isinstance(item, PresenceWindow):
        return Sensitivity.RESTRICTED
    return Sensitivity.PARTNERS


AgendaTopic = Literal[
    "le_role_view_and_past_operations", "relevant_laws", "agency_resources",
    "security_and_training_needs", "continued_communication_plan", "threat_reporting",
    "mutual_aid", "site_security", "command_structure", "intelligence", "media",
    "candidate_safety", "polling_day", "count", "debrief", "other",
]  # fmt: skip


class AgendaItem(StrictModel):
    topic: AgendaTopic | None = None
    """Which planning topic the agenda item covers."""
    text: NonEmptyStr
    """The agenda item as written in the invitation."""


class Action(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    id: Id
    """Unique id of the action."""
    text: NonEmptyStr
    """What has to be done."""
    owner: RoleRef | None = None
    """Id of the role that does it."""
    due: DateSpec | None = None
    """Due date: ISO date or relative to polling day or another entry."""
    status: Literal["open", "done", "dropped"] = "open"
    """open, done or dropped."""
    raised_at: MeetingRef | None = None
    """Id of the meeting where the action was raised."""


MeetingType = Literal[
    "introductory", "gold_group", "joint_agency_working_group", "planning", "spoc_esm",
    "candidates_agents_briefing", "routine_checkin", "ec_debrief", "gold_debrief",
    "joint_post_election_review", "mutual_aid_review", "election_advisory_group",
    "national_spoc_seminar", "other",
]  # fmt: skip

MEETING_TYPE_LABELS: dict[MeetingType, str] = {
    "introductory": "Introductory",
    "gold_group": "Gold group",
    "joint_agency_working_group": "Joint agency working group",
    "planning": "Planning",
    "spoc_esm": "SPOC–ESM",
    "candidates_agents_briefing": "Candidates' and agents' briefing",
    "routine_checkin": "Routine check-in",
    "ec_debrief": "Electoral Commission debrief",
    "gold_debrief": "Gold debrief",
    "joint_post_election_review": "Joint post-election review",
    "mutual_aid_review": "Mutual aid review",
    "election_advisory_group": "Election advisory group",
    "national_spoc_seminar": "National SPOC seminar",
    "other": "Other",
}


class Meeting(TimetableItem):
    meeting_type: MeetingType
    """Which kind of meeting (planning, joint agency working group, briefing, debrief, ...)."""
    agenda: list[AgendaItem] = []
    """Agenda items, in order."""
    pre_reads: list[str] = []
    """Papers to read before the meeting (titles or document references)."""
    post_materials: list[str] = []
    """What is circulated after the meeting (notes, contact sheet, ...)."""
    next_meeting: MeetingRef | date | None = None
    """Id (or date) of the next meeting of the series."""
    final: bool = False
    """True for the last meeting of a series (no next meeting expected)."""
    recurrence: Recurrence | None = None
    """Repeats of the meeting, e.g. fortnightly until polling day."""
    actions: list[Action] = []
    """Actions raised at the meeting."""


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
    """Who is trained (officers, election staff, poll workers, ...)."""
    topics: list[TrainingTopic] = Field(min_length=1)
    """Topics the training covers (at least one)."""
    provider: OrgRef | None = None
    """Id of the organisation that delivers it."""
    attendance_count: int | None = Field(default=None, ge=0)
    """How many attended (after the event)."""
    recurrence: Recurrence | None = Field(
        default=None, description="a course that repeats, e.g. monthly refreshers until poll"
    )


class Exercise(TimetableItem):
    exercise_type: Literal[
        "tabletop", "drill", "simulation", "functional", "full_scale", "informal_tabletop"
    ]
    """Kind of exercise (tabletop, functional, full-scale, ...)."""
    scenarios: list[str] = []
    """Scenarios played, in a few words each."""
    participating_orgs: list[OrgRef] = []
    """Ids of the organisations taking part."""
    topics: list[TrainingTopic] = []
    """Topics the exercise tests."""
    after_action_ref: str | None = None
    """Where the after-action report is kept."""
    improvement_items: list[Action] = []
    """Improvements found, as actions with owners."""


class ExcludedDay(StrictModel):
    """A day appointed for public thanksgiving or mourning, or any other non-working day."""

    default_sensitivity = Sensitivity.PUBLIC
    date: date
    """The day that is not a working day for deadline counting."""
    reason: Reason
    """Why the day is excluded (e.g. a day of public mourning)."""


class Engagement(StrictModel):
    strategy: Literal["direct_outreach", "via_elected_official", "via_existing_relationship"]
    """How the election office engages law enforcement: direct outreach, via an elected official or an existing relationship.
    """
    quick_win_goal: str | None = None
    """A first small joint step that builds the relationship."""


class Timetable(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    extra_excluded_days: list[ExcludedDay] = []
    """Extra non-working days beyond the bank-holiday calendar."""
    # The list is public so that public milestones reach public editions; each milestone's
    # own marking (Milestone.marking) decides whether it is shown.
    milestones: list[Milestone] = sens("public", default=[])
    """Deadlines and milestones (statutory ones come from the timetable pack)."""
    meetings: list[Meeting] = []
    """Planning meetings, working groups, briefings and debriefs."""
    trainings: list[Training] = []
    """Training sessions."""
    exercises: list[Exercise] = []
    """Tabletop and other exercises."""
    actions: list[Action] = []
    """Actions not tied to one meeting."""
    engagement: Engagement | None = None
    """How the first contact between election office and law enforcement is made."""

    def items(self) -> list[TimetableItem]:
        return [*self.milestones, *self.meetings, *self.trainings, *self.exercises]

    def all_actions(self) -> list[tuple[tuple[str | int, ...], Action]]:
        """Every action with its key path from the plan: the timetable's own, then each
        meeting's, then each exercise's improvement items."""
        out: list[tuple[tuple[str | int, ...], Action]] = [
            (("timetable", "actions", i), a) for i, a in enumerate(self.actions)
        ]
        for i, meeting in enumerate(self.meetings):
            out += [
                (("timetable", "meetings", i, "actions", j), a)
                for j, a in enumerate(meeting.actions)
            ]
        for i, exercise in enumerate(self.exercises):
            out += [
                (("timetable", "exercises", i, "improvement_items", j), a)
                for j, a in enumerate(exercise.improvement_items)
            ]
        return out


# SPOC–ESM topics (domain.md §3.5; built from EC/APP statements, the APP checklist text itself
# was not retrieved) with the rule that verifies each where one exists.
SPOC_ESM_TOPICS: tuple[tuple[str, str], ...] = (
    ("Contact details and deputies exchanged between the SPOC and the ESM", "ROL009"),
    ("Division of responsibilities and how often to be in contact", "DOC003"),
    ("Integrity plan and monitoring indicators with thresholds", ""),
    ("Specific risks, for example houses of multiple occupation and care homes", ""),
    ("High-risk wards and communities; timetable stages that may trigger malpractice", "THR003"),
    ("Route for referring allegations: returning officer or SPOC first", "COM005"),
    ("Evidence handling, including forensic needs", "COM005"),
    ("Police attendance and call-ins at polling stations, including PCSOs", "SITE002"),
    ("Security of the count and of ballot boxes from close of poll", "SITE007"),
    ("Candidates' briefing with police attendance, and the joint letter", "MTG010"),
    ("Communications and media protocol", "COM006"),
    ("FEOA arrangements and sharing of candidate contact details", "ROL006"),
    ("Date of the joint post-election debrief", "MTG011"),
)


# Who holds the duty behind a statutory date: in the UK the electoral registration officer
# takes registration and absent-vote (postal, proxy) and voter ID applications, the returning
# officer runs the rest of the election timetable (notice, nominations, the poll); in the US
# the election officials. The police track these dates (APP: "certain stages in the electoral
# timetable could trigger particular types of malpractice activity"); they do not own them.
ERO_DATES = frozenset(
    {
        "registration_deadline",
        "postal_vote_deadline",
        "proxy_deadline",
        "vac_deadline",
        "emergency_proxy_deadline",
    }
)
NO_OFFICE_DATES = frozenset({"dissolution"})  # set by law, no election office's deadline


def statutory_duty(country: str, key: str) -> tuple[str, ...]:
    """The role kinds that hold the duty behind statutory date ``key`` (empty: none)."""
    if key in NO_OFFICE_DATES:
        return ()
    if country == "US":
        return ("local_election_official",)
    if key in ERO_DATES:
        return ("electoral_registration_officer",)
    return ("returning_officer", "acting_returning_officer")
