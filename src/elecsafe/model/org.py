"""Plan metadata parts: jurisdictions, elections, organisations and people (domain.md §1.2–1.5)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from elecsafe.model.base import (
    ContactMethod,
    ElectionRef,
    Id,
    JurisdictionRef,
    LegalRef,
    NonEmptyStr,
    OrgRef,
    PersonRef,
    RefTo,
    RoleRef,
    Sensitivity,
    StrictModel,
    Time,
    TrainingRef,
    sens,
)

JurisdictionKind = Literal[
    # US (tribal_land: a reservation or other tribal lands, with its own police and courts)
    "state", "county", "municipality", "township", "precinct", "tribal_land",
    # UK
    "police_force_area", "local_authority", "county_council", "district_council",
    "unitary_authority", "metropolitan_borough", "london_borough", "bcu", "ward",
    "polling_district", "constituency", "combined_authority",
    # An electoral division of a county council, inside a district (parent: the district): its
    # polls belong to the district and to the county council (model/geography.py).
    "county_division",
]  # fmt: skip


class Jurisdiction(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    id: Id
    name: NonEmptyStr
    """Name of the area."""
    kind: JurisdictionKind
    """Kind of area: county, district, ward, precinct, police force area, ..."""
    parent: JurisdictionRef | None = None
    """Id of the area this one lies in."""
    registered_voters: int | None = Field(default=None, ge=0)
    """Registered electors."""
    population: int | None = Field(default=None, ge=0)
    """Population."""
    bank_holiday_division: Literal["england-and-wales", "scotland", "northern-ireland"] | None = (
        None
    )
    """UK bank-holiday calendar for working-day counts."""
    registration_authority: bool | None = Field(
        default=None, description="UK: whether the council appoints an ERO (ROL004)"
    )
    holds_poll: bool = True
    """Whether the area holds a poll in this plan."""
    covers: list[JurisdictionRef] = []
    """A police area (a BCU, a division): ids of the council areas, or parts of them (wards,
    divisions), it polices. Police areas and councils do not nest; this says which silver and
    bronze a council's polls and sites fall to (model/geography.py)."""
    notes_on_law: list[LegalRef] = []
    """Laws that apply in this area only."""


ElectionKind = Literal[
    # UK
    "uk_parliamentary_general", "uk_parliamentary_by_election", "local_england", "local_wales",
    "local_scotland", "local_northern_ireland", "mayoral", "combined_authority_mayoral", "pcc",
    "senedd", "scottish_parliament", "referendum_local", "referendum_national", "parish",
    # US
    "federal_general", "federal_midterm", "state_general", "primary", "runoff", "special",
    "municipal",
]  # fmt: skip


class PollHours(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    open: Time
    """Time polls open, HH:MM."""
    close: Time
    """Time polls close, HH:MM."""


VENUE_HINT = "name a site id here, or write a place that is not one of the plan's sites as 'venue:'"


class ConcurrentEvent(StrictModel):
    name: NonEmptyStr
    """Name of the event."""
    date: date
    """Date of the event."""
    kind: Literal["sporting_event", "convention", "concert", "candidate_visit", "rally", "other"]
    """Kind of event: sporting event, convention, concert, candidate visit, rally or other."""
    expected_attendance: int | None = Field(default=None, ge=0)
    """People expected."""
    site: Annotated[str, RefTo("site", hint=VENUE_HINT)] | None = Field(
        default=None, description="the id of a site of the plan where it happens"
    )
    venue: str | None = Field(
        default=None, description="where it happens, when the place is not one of the sites"
    )


class ObserverRules(StrictModel):
    """Who may watch voting and counting, on what credential, and what they may and may not
    do: officers must know it before they remove anyone (APP: who may enter a polling
    station; state law on poll watchers in the US)."""

    default_sensitivity = Sensitivity.PUBLIC
    who: list[NonEmptyStr] = Field(
        min_length=1, description="who may observe, e.g. accredited observers, party poll watchers"
    )
    credential: str | None = Field(default=None, description="what they carry or show")
    may: list[NonEmptyStr] = []
    may_not: list[NonEmptyStr] = []
    legal_basis: list[LegalRef] = []
    disputes_to: RoleRef | None = Field(
        default=None, description="who settles a dispute with an observer (not the police)"
    )


class Election(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    id: Id
    name: NonEmptyStr
    """Name of the election, e.g. Local elections 2027."""
    kind: ElectionKind
    """Kind of election; chooses the timetable pack and the guidance."""
    poll_date: date
    """Polling day."""
    poll_hours: PollHours
    """When polls open and close."""
    timetable_rules: NonEmptyStr | None = Field(
        default=None,
        description="statutory pack: uk_local_eng, ukpge, local_wales, senedd, local_scotland, "
        "scottish_parliament, us_federal, us_az, us_mn, us_tx; or the plan's own pack file, a "
        "path relative to plan.yaml ending in .yaml (packs/us-nv.yaml, docs/dates.md)",
    )
    jurisdictions: list[JurisdictionRef] = Field(min_length=1)
    """Ids of the areas voting (at least one)."""
    announced_on: date | None = None
    """Date the election was called (by-elections, special elections)."""
    combined_with: list[ElectionRef] = []
    """Ids of elections held on the same day."""
    statutory_officers: dict[str, PersonRef] = {}
    """Statutory officer role -> person id, e.g. returning_officer: jane-doe."""
    is_presidential: bool = False
    """A US presidential election."""
    same_day_registration: bool = False
    """Voters may register on Election Day."""
    observers: ObserverRules | None = None
    """Who may observe voting and the count, and on what terms."""
    concurrent_events: list[ConcurrentEvent] = sens("partners", default=[])
    """Big events around polling day that draw on the same officers."""
    season_events: list[ConcurrentEvent] = sens("partners", default=[])
    """Events in the election season that need policing."""


Sector = Literal[
    "election_administration", "law_enforcement", "prosecution", "government",
    "emergency_management", "regulator", "postal", "civil_society", "media",
    "political_party", "facility_owner", "federal_support",
]  # fmt: skip

OrgKind = Literal[
    # election side
    "election_office", "local_authority", "electoral_services", "state_election_office",
    "electoral_commission",
    # law enforcement
    "police_force", "bcu", "sheriff_office", "police_department", "state_police",
    "fbi_field_office", "university_police", "fusion_center", "tribal_police",
    # prosecution
    "cps_scctd", "us_attorney_office", "district_attorney", "county_attorney",
    # other
    "emergency_management", "cisa", "royal_mail", "usps", "political_party", "media",
    "community_org", "election_advisory_group", "facility_owner", "school_district",
    "national_police_working_group", "other",
]  # fmt: skip

LAW_ENFORCEMENT_KINDS = frozenset(
    {
        "police_force", "bcu", "sheriff_office", "police_department", "state_police",
        "fbi_field_office", "university_police", "fusion_center", "tribal_police",
    }
)  # fmt: skip


class Organisation(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    id: Id
    name: NonEmptyStr
    """Name of the organisation."""
    kind: OrgKind
    """Kind of organisation: police force, sheriff's office, council, election office, ..."""
    sector: Sector
    """Sector: election administration, law enforcement, prosecution, government, ..."""
    jurisdictions: list[JurisdictionRef] = Field(min_length=1)
    """Ids of the areas it serves (at least one)."""
    parent: OrgRef | None = None
    """Id of the organisation it belongs to."""
    primary_contact: RoleRef | None = None
    """Id of the role partners call first."""
    public_contact: list[ContactMethod] = []
    """Public contact points only: switchboards, generic inboxes."""
    sworn_officers: int | None = Field(default=None, ge=0)
    """Number of sworn officers (law enforcement)."""
    open_records_regime: str | None = None
    """Public-records law that applies to it."""
    partnership_type: Literal["intra_governmental", "institutional", "law_enforcement"] | None = (
        None
    )
    """Kind of partnership: intra-governmental, institutional or law enforcement."""
    reciprocity_offers: list[str] = []
    """What the election office offers the partner in return."""
    legal_operational_fit_checked: date | None = None
    """Date the legal and operational fit was checked."""

    @property
    def is_law_enforcement(self) -> bool:
        return self.sector == "law_enforcement" or self.kind in LAW_ENFORCEMENT_KINDS


class Person(StrictModel):
    """A person as the tracked plan knows them: never a phone number or address.

    Contact details live in ``private/*.yaml`` (see :class:`PrivateContact`)."""

    default_sensitivity = Sensitivity.PARTNERS
    id: Id
    display_name: NonEmptyStr = sens("partners", description="name, initials or role title")
    organisation: OrgRef
    """Id of the person's organisation."""
    title: str | None = sens("partners", default=None, description="job title or rank")
    mobile_exchanged_with: list[PersonRef] = sens("restricted", default=[])
    """Ids of the people the mobile number was exchanged with (not the number)."""
    address_confidentiality: bool = sens("restricted", default=False)
    """The person is in an address confidentiality programme."""
    trained: list[TrainingRef] = []
    """Ids of the trainings and exercises the person took part in."""
    is_temporary_staff: bool = False
    """Temporary election staff."""


class PrivateContact(StrictModel):
    """One entry of ``private/*.yaml``, keyed by person id. Never committed to git."""

    default_sensitivity = Sensitivity.RESTRICTED
    contact_methods: list[ContactMethod] = []
    """Phone numbers, e-mail addresses and call signs."""
    availability: str | None = None
    """When the person can be reached."""
    preferred_method: str | None = None
    """Which contact method to use first."""
    retain_until: date | None = None
    """Date after which the contact details are deleted."""


class PrivateLayer(StrictModel):
    """The shape of a ``private/*.yaml`` file."""

    default_sensitivity = Sensitivity.RESTRICTED
    contacts: dict[str, PrivateContact] = {}
    """Contact details by person id."""
