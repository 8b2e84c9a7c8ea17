"""The incident and threat log: what actually happened, recorded as it happens.

Why a log in the plan: the debrief counts allegations by harm and trend, public bodies publish
aggregate threat numbers, and election officials are told to report threats to law enforcement
and follow them up. Assembled by hand from e-mails, those numbers are late and wrong.

The whole log is *restricted*: it describes threats against named places and (by role) people.
Entries hold no victim names or contact details — roles and pseudonyms only; the privacy rules
read its free text like any other. Only aggregate counts ever leave it (``incidents`` summary,
the debrief's counts, the public threat summary with small numbers suppressed).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, ClassVar, Literal

from pydantic import Field, WithJsonSchema, model_validator

from elecsafe.model.base import (
    Id,
    NonEmptyStr,
    OrgRef,
    RefTo,
    RenamedKeysModel,
    RoleRef,
    Sensitivity,
    SiteRef,
    StrictModel,
)
from elecsafe.model.threat import HarmKey

ChannelRef = Annotated[str, RefTo("channel")]

# A date, or a local date and time in the plan's zone (YAML reads `2028-10-14T09:30:00`
# unquoted). JSON Schema's `date-time` demands an offset, so editors get a pattern instead.
Moment = Annotated[
    datetime | date,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$",
            "description": "YYYY-MM-DD or YYYY-MM-DDTHH:MM in the plan's time zone",
        }
    ),
]

TargetKind = Literal["election_worker", "voter", "candidate_or_campaigner", "site", "system"]
TARGET_LABELS: dict[str, str] = {
    "election_worker": "Election workers",
    "voter": "Voters",
    "candidate_or_campaigner": "Candidates and campaigners",
    "site": "Sites and premises",
    "system": "Systems and processes",
}

IncidentStatus = Literal["open", "referred", "under_investigation", "closed", "no_further_action"]
STATUS_LABELS: dict[str, str] = {
    "open": "Open",
    "referred": "Referred",
    "under_investigation": "Under investigation",
    "closed": "Closed",
    "no_further_action": "No further action",
}
# Statuses that end an incident: nothing more is expected of anyone.
CLOSED_STATUSES = frozenset({"closed", "no_further_action"})


class FollowUp(StrictModel):
    """A follow-up action on one incident, owned by a role (never a named person)."""

    default_sensitivity = Sensitivity.RESTRICTED
    text: NonEmptyStr
    """What is to be done."""
    owner: RoleRef
    """Id of the role that does it."""
    due: date | None = None
    """When it is due."""
    done_on: date | None = None
    """Date it was done."""


class Referral(RenamedKeysModel):
    """Who the incident was passed to, when, and under which reference."""

    default_sensitivity = Sensitivity.RESTRICTED
    # `on:` is read as the boolean true by YAML 1.1 readers (PyYAML and the tools built on it):
    # still read in schema version 1, reported as SCH004.
    renamed_keys: ClassVar[dict[str, str]] = {"on": "referred_on"}

    to: OrgRef
    """Id of the organisation it was referred to."""
    referred_on: Moment = Field(description="when it was referred (a date, or date and time)")
    reference: str | None = Field(default=None, description="the receiving agency's reference")


class Incident(StrictModel):
    """One reported incident or threat."""

    default_sensitivity = Sensitivity.RESTRICTED
    id: Id
    reported: Moment = Field(description="when it was reported (date and time if known)")
    harm: HarmKey = Field(description="one of the eleven harms of the threat assessment")
    target: TargetKind
    """Who or what was targeted: election worker, voter, candidate or campaigner, site or system."""
    site: SiteRef | None = None
    """Id of the site where it happened."""
    channel: ChannelRef | None = Field(
        default=None, description="the reporting channel it came in by"
    )
    summary: NonEmptyStr = Field(
        description="what happened, by role and pseudonym: no victim names or contact details"
    )
    referral: Referral | None = None
    """Who it was referred to, when, and under which reference."""
    status: IncidentStatus = "open"
    """Where the incident stands, from open to closed."""
    updated: date | None = Field(
        default=None, description="when the status was last reviewed (set by incident update)"
    )
    follow_up: list[FollowUp] = []
    """Follow-up actions, each owned by a role."""
    outcome: str | None = None
    """How it ended, without personal details."""

    @model_validator(mode="after")
    def _referred_has_referral(self) -> Incident:
        if self.status in ("referred", "under_investigation") and self.referral is None:
            raise ValueError(f"an incident with status '{self.status}' needs a 'referral'")
        return self

    @property
    def reported_on(self) -> date:
        return moment_date(self.reported)

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    def last_activity(self) -> date:
        """The latest date anyone did something recorded about this incident."""
        days = [self.reported_on, *(a.done_on for a in self.follow_up if a.done_on)]
        if self.referral is not None:
            days.append(moment_date(self.referral.referred_on))
        if self.updated is not None:
            days.append(self.updated)
        return max(days)

    def awaits_follow_up(self, today: date) -> bool:
        """An action is still pending and not yet due: the incident is being worked on."""
        return any(
            a.done_on is None and a.due is not None and a.due >= today for a in self.follow_up
        )


def moment_date(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def moment_datetime(value: datetime | date) -> datetime:
    """A date alone counts from the start of that day (the most generous reading)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.combine(value, time(0, 0))
