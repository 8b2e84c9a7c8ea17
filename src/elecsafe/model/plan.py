"""The plan root: metadata plus every part of the plan (domain.md §1)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, PrivateAttr, StringConstraints, field_validator, model_validator

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
from elecsafe.model.geography import Cover, Coverage, parent_chain
from elecsafe.model.incidents import Incident
from elecsafe.model.learning import Debrief, Partnership, PlanningConsideration, ResourceGap
from elecsafe.model.org import Election, Jurisdiction, Organisation, Person
from elecsafe.model.roles import CommandStructure, RoleAssignment
from elecsafe.model.sites import BallotTransport, Site
from elecsafe.model.threat import ThreatAssessment
from elecsafe.model.timetable import Action, Timetable

if TYPE_CHECKING:
    from elecsafe.dates.packs import Pack

SUPPORTED_SCHEMA_MAJOR = 1
RuleCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,5}[0-9]{0,3}$")]


class Waiver(StrictModel):
    """Accept a finding for a while, with a reason; an expired waiver is itself a finding."""

    code: RuleCode
    """Rule code the waiver accepts, e.g. MAA001."""
    path: str | None = Field(default=None, description="dotted key path, e.g. sites[3] or mous")
    reason: Reason
    """Why the finding is accepted for now."""
    until: date
    """Last day the waiver holds; after it, the finding returns (and the expired waiver is reported).
    """


class LintConfig(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    select: list[RuleCode] = []
    """Only these rule codes or families (e.g. MAA, MTG001)."""
    ignore: list[RuleCode] = []
    """Rule codes or families never reported for this plan."""
    extended: bool = False
    """Also run the rules outside the core set."""
    severity: dict[RuleCode, Literal["error", "warning", "info"]] = {}
    """Severity per rule code: error, warning or info."""
    params: dict[RuleCode, dict[str, Any]] = {}
    """Parameters per rule code (see `elecsafe rule CODE`)."""
    waivers: list[Waiver] = []
    """Findings accepted until a date, each with a reason."""


class Plan(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC

    schema_version: Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")]
    """Version of the plan format, e.g. "1.0"."""
    id: Id
    """Id of the plan (a lowercase slug)."""
    title: NonEmptyStr
    """Title printed on every document."""
    country: Literal["GB", "US"]
    """GB or US: chooses vocabulary, guidance and timetable packs."""
    uk_nation: Literal["ENG", "WLS", "SCT", "NIR"] | None = None
    """UK nation (GB plans): ENG, WLS, SCT or NIR."""
    us_state: Annotated[str, StringConstraints(pattern=r"^US-[A-Z]{2}$")] | None = None
    """US state (US plans), ISO 3166-2, e.g. US-OH."""
    timezone: NonEmptyStr
    """IANA time zone of the plan's times, e.g. Europe/London."""
    handling: Handling
    """Protective marking and audience of the plan."""
    owners: list[PersonRef] = Field(min_length=1)
    """Ids of the people who own the plan."""
    version: NonEmptyStr
    """Version of this plan, e.g. "0.3"."""
    last_reviewed: date
    """Date of the last review of the whole plan."""
    review_cycle_days: int = Field(default=90, ge=1)
    """Days between reviews (a review is due after them)."""
    previous_plan: str | None = None
    """Where the plan of the last election is kept."""
    previous_debrief: str | None = None
    """Where the debrief of the last election is kept."""
    allow_foreign_roles: bool = False
    """Allow roles that are not in the built-in role catalogue for the country."""
    include: list[NonEmptyStr] = Field(
        default=[], description="YAML files (globs) inside the plan directory merged into this one"
    )

    jurisdictions: list[Jurisdiction] = []
    """Areas of the plan: counties, districts, wards, precincts, police areas."""
    elections: list[Election] = []
    """The elections (polls) the plan covers."""
    organisations: list[Organisation] = []
    """Organisations taking part, with their public contact points only."""
    people: list[Person] = sens("partners", default=[])
    """People by name, organisation and title (contact details go in private/)."""
    roles: list[RoleAssignment] = sens("partners", default=[])
    """Who holds each role, and who deputises."""
    command: CommandStructure | None = sens("partners", default=None)
    """Command structure: gold, silver, bronze (GB) or ICS positions (US)."""
    sites: list[Site] = []
    """Offices, polling places, drop boxes and count venues."""
    ballot_transport: list[BallotTransport] = sens(
        "restricted", default=[], description="ballots and equipment moved between sites"
    )
    timetable: Timetable = Field(default_factory=Timetable)
    """Every dated thing: deadlines, meetings, trainings, exercises, actions."""
    mutual_aid: list[MutualAidAgreement] = sens("partners", default=[])
    """Mutual aid agreements between law enforcement agencies."""
    mous: list[MoU] = sens("partners", default=[])
    """Memorandums of understanding between the election office and its partners."""
    threat_assessment: ThreatAssessment | None = sens("restricted", default=None)
    """The threat assessment (restricted)."""
    communications: CommunicationPlan | None = sens("partners", default=None)
    """Communication plan: media, radio, call tree, escalation."""
    threat_reporting: ThreatReporting | None = sens("partners", default=None)
    """How threats and allegations are reported, triaged and referred."""
    resource_gaps: list[ResourceGap] = sens("restricted", default=[])
    """Gaps between demand and capacity, and how they are filled (restricted)."""
    partnerships: list[Partnership] = []
    """Partnerships with non-law-enforcement partners."""
    planning_considerations: list[PlanningConsideration] = sens("partners", default=[])
    """The pre-election planning considerations, as a checklist."""
    legal_refs: list[LegalRef] = []
    """Laws and regulations the plan relies on."""
    debrief: Debrief | None = sens("partners", default=None)
    """The post-election debrief."""
    incidents: list[Incident] = sens(
        "restricted", default=[], description="the incident and threat log (its own files)"
    )
    lint: LintConfig = Field(default_factory=LintConfig)
    """Settings of `elecsafe check` for this plan."""
    notes: str | None = sens("partners", default=None)
    """Free notes for partners."""

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

        from elecsafe.zones import problem

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not an IANA time zone (e.g. Europe/London)") from None
        refused = problem(value)  # EST, GB, localtime load but are not what a plan means
        if refused is not None:
            raise ValueError(refused)
        return value

    @model_validator(mode="after")
    def _country_fields(self) -> Plan:
        if self.country == "GB" and self.uk_nation is None:
            raise ValueError("a GB plan needs 'uk_nation' (ENG, WLS, SCT or NIR)")
        if self.country == "US" and self.us_state is None:
            raise ValueError("a US plan needs 'us_state' (e.g. US-OH)")
        return self

    # The plan's own statutory pack files (timetable_rules: packs/us-nv.yaml), by the name the
    # plan gives them, as the loader read and validated them (None: unusable, reported there).
    _pack_files: dict[str, Pack | None] = PrivateAttr(default_factory=dict)

    # -- lookups used by rules, renders and the calendar ------------------------------------

    @property
    def pack_files(self) -> dict[str, Pack | None]:
        return self._pack_files

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
        self.site_positions = {s.id: i for i, s in reversed(list(enumerate(plan.sites)))}
        self.jurisdictions = {j.id: j for j in plan.jurisdictions}
        self._command = plan.command
        self.elections = {e.id: e for e in plan.elections}
        self.meetings = {m.id: m for m in plan.timetable.meetings}
        self.items = {i.id: i for i in plan.timetable.items()}
        self.channels = {
            c.id: c for c in (plan.threat_reporting.channels if plan.threat_reporting else [])
        }
        self.actions: dict[str, Action] = {}
        for _, action in plan.timetable.all_actions():
            self.actions.setdefault(action.id, action)  # a duplicate id is REF001

    def roles_of_kind(self, kind: str) -> list[RoleAssignment]:
        return [r for r in self.roles.values() if r.role == kind]

    # -- tree walks: THE parent walks of the plan, with one bound against cycles ------------

    def jurisdiction_chain(self, jid: str) -> list[str]:
        """``jid`` and the jurisdictions above it, nearest first."""

        def parent(j: str) -> str | None:
            found = self.jurisdictions.get(j)
            return found.parent if found is not None and found.parent else None

        return parent_chain(jid, parent)

    # -- who polices where: THE answer for checklists, MoUs and briefings --------------------

    @property
    def coverage(self) -> Coverage:
        cached: Coverage | None = self.__dict__.get("_coverage_cache")
        if cached is None:
            cached = Coverage(
                self.jurisdictions,
                self._command,
                self.jurisdiction_chain,
                self.jurisdictions_within,
            )
            self.__dict__["_coverage_cache"] = cached
        return cached

    def cover(self, jid: str, *, parts: bool = False) -> Cover:
        """Which police areas, silvers and bronzes cover jurisdiction ``jid``; ``parts``: also
        those covering only part of it (the councils of an MoU)."""
        return self.coverage.of(jid, parts=parts)

    def site_cover(self, site_id: str) -> Cover | None:
        """Which police areas, silvers and bronzes cover a site (by its jurisdiction); None for
        an unknown site."""
        site = self.sites.get(site_id)
        return None if site is None else self.coverage.of(site.jurisdiction)

    def organisation_chain(self, org_id: str) -> list[str]:
        """``org_id`` and the organisations above it (``parent``), nearest first."""

        def parent(o: str) -> str | None:
            found = self.organisations.get(o)
            return found.parent if found is not None and found.parent else None

        return parent_chain(org_id, parent)

    def jurisdictions_within(self, jid: str) -> set[str]:
        """``jid`` and every jurisdiction inside it (cycle-safe)."""
        found: set[str] = set()
        stack = [jid]
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(self._children.get(current, ()))
        return found

    @property
    def _children(self) -> dict[str, list[str]]:
        cached: dict[str, list[str]] | None = self.__dict__.get("_children_cache")
        if cached is None:
            cached = {}
            for jurisdiction in self.jurisdictions.values():
                if jurisdiction.parent:
                    cached.setdefault(jurisdiction.parent, []).append(jurisdiction.id)
            self.__dict__["_children_cache"] = cached
        return cached


def nodes_along(raw: Any, path: tuple[str | int, ...]) -> list[Any]:
    """THE walk of a key path through raw YAML data (dicts and lists): the node reached by
    each step, stopping where the path leaves the data (so ``len(result) < len(path)``)."""
    nodes: list[Any] = []
    node = raw
    for part in path:
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            break
        nodes.append(node)
    return nodes


def node_at(raw: Any, path: tuple[str | int, ...]) -> Any:
    """The node at the end of ``path`` in raw YAML data, None when the path leaves it."""
    if not path:
        return raw
    nodes = nodes_along(raw, path)
    return nodes[-1] if len(nodes) == len(path) else None
