"""The plan root: metadata plus every part of the plan (domain.md §1)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from elecsafe.model.agreements import MoU, MutualAidAgreement
from elecsafe.model.base import (
    Handling,
    Id,
    LegalRef,
    NonEmptyStr,
    PersonRef,
    Reason,
    Sensitivity,
    StrictModel,
    sens,
)
from elecsafe.model.comms import CommunicationPlan, ThreatReporting
from elecsafe.model.incidents import Incident
from elecsafe.model.learning import Debrief, Partnership, PlanningConsideration, ResourceGap
from elecsafe.model.org import Election, Jurisdiction, Organisation, Person
from elecsafe.model.roles import CommandStructure, RoleAssignment
from elecsafe.model.sites import Site
from elecsafe.model.threat import ThreatAssessment
from elecsafe.model.timetable import Timetable

SUPPORTED_SCHEMA_MAJOR = 1
RuleCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,5}[0-9]{0,3}$")]


class Waiver(StrictModel):
    """Accept a finding for a while, with a reason; an expired waiver is itself a finding."""

    code: RuleCode
    path: str | None = Field(default=None, description="dotted key path, e.g. sites[3] or mous")
    reason: Reason
    until: date


class LintConfig(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    select: list[RuleCode] = []
    ignore: list[RuleCode] = []
    extended: bool = False
    severity: dict[RuleCode, Literal["error", "warning", "info"]] = {}
    params: dict[RuleCode, dict[str, Any]] = {}
    waivers: list[Waiver] = []


class Plan(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC

    schema_version: Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")]
    id: Id
    title: NonEmptyStr
    country: Literal["GB", "US"]
    uk_nation: Literal["ENG", "WLS", "SCT", "NIR"] | None = None
    us_state: Annotated[str, StringConstraints(pattern=r"^US-[A-Z]{2}$")] | None = None
    timezone: NonEmptyStr
    handling: Handling
    owners: list[PersonRef] = Field(min_length=1)
    version: NonEmptyStr
    last_reviewed: date
    review_cycle_days: int = Field(default=90, ge=1)
    previous_plan: str | None = None
    previous_debrief: str | None = None
    allow_foreign_roles: bool = False
    include: list[NonEmptyStr] = Field(
        default=[], description="YAML files (globs) inside the plan directory merged into this one"
    )

    jurisdictions: list[Jurisdiction] = []
    elections: list[Election] = []
    organisations: list[Organisation] = []
    people: list[Person] = sens("partners", default=[])
    roles: list[RoleAssignment] = sens("partners", default=[])
    command: CommandStructure | None = sens("partners", default=None)
    sites: list[Site] = []
    timetable: Timetable = Field(default_factory=Timetable)
    mutual_aid: list[MutualAidAgreement] = sens("partners", default=[])
    mous: list[MoU] = sens("partners", default=[])
    threat_assessment: ThreatAssessment | None = sens("restricted", default=None)
    communications: CommunicationPlan | None = sens("partners", default=None)
    threat_reporting: ThreatReporting | None = sens("partners", default=None)
    resource_gaps: list[ResourceGap] = sens("restricted", default=[])
    partnerships: list[Partnership] = []
    planning_considerations: list[PlanningConsideration] = sens("partners", default=[])
    legal_refs: list[LegalRef] = []
    debrief: Debrief | None = sens("partners", default=None)
    incidents: list[Incident] = sens(
        "restricted", default=[], description="the incident and threat log (its own files)"
    )
    lint: LintConfig = Field(default_factory=LintConfig)
    notes: str | None = sens("partners", default=None)

    @field_validator("schema_version")
    @classmethod
    def _supported(cls, value: str) -> str:
        major = int(value.split(".")[0])
        if major != SUPPORTED_SCHEMA_MAJOR:
            raise ValueError(
                f"schema_version {value} is not supported (this elecsafe reads {SUPPORTED_SCHEMA_MAJOR}.x)"
            )
        return value

    @field_validator("timezone")
    @classmethod
    def _iana(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not an IANA time zone (e.g. Europe/London)") from None
        return value

    @model_validator(mode="after")
    def _country_fields(self) -> Plan:
        if self.country == "GB" and self.uk_nation is None:
            raise ValueError("a GB plan needs 'uk_nation' (ENG, WLS, SCT or NIR)")
        if self.country == "US" and self.us_state is None:
            raise ValueError("a US plan needs 'us_state' (e.g. US-OH)")
        return self

    # -- lookups used by rules, renders and the calendar ------------------------------------

    def index(self) -> PlanIndex:
        cached: PlanIndex | None = self.__dict__.get("_index_cache")
        if cached is None:
            cached = PlanIndex(self)
            self.__dict__["_index_cache"] = cached
        return cached

    @property
    def poll_date(self) -> date | None:
        """The earliest poll date in scope ("before polling day" in the rules)."""
        dates = [e.poll_date for e in self.elections]
        return min(dates) if dates else None


class PlanIndex:
    """Entities by id, built once per plan."""

    def __init__(self, plan: Plan) -> None:
        self.people = {p.id: p for p in plan.people}
        self.organisations = {o.id: o for o in plan.organisations}
        self.roles = {r.id: r for r in plan.roles}
        self.sites = {s.id: s for s in plan.sites}
        self.jurisdictions = {j.id: j for j in plan.jurisdictions}
        self.elections = {e.id: e for e in plan.elections}
        self.meetings = {m.id: m for m in plan.timetable.meetings}
        self.items = {i.id: i for i in plan.timetable.items()}
        self.channels = {
            c.id: c for c in (plan.threat_reporting.channels if plan.threat_reporting else [])
        }

    def roles_of_kind(self, kind: str) -> list[RoleAssignment]:
        return [r for r in self.roles.values() if r.role == kind]
