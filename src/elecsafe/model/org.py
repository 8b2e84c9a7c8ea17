"""Plan metadata parts: jurisdictions, elections, organisations and people (domain.md §1.2–1.5)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from elecsafe.model.base import (
    ContactMethod,
    ElectionRef,
    Id,
    JurisdictionRef,
    LegalRef,
    NonEmptyStr,
    OrgRef,
    PersonRef,
    RoleRef,
    Sensitivity,
    StrictModel,
    TrainingRef,
    sens,
)

Time = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]

JurisdictionKind = Literal[
    # US
    "state", "county", "municipality", "township", "precinct",
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
    kind: JurisdictionKind
    parent: JurisdictionRef | None = None
    registered_voters: int | None = Field(default=None, ge=0)
    population: int | None = Field(default=None, ge=0)
    bank_holiday_division: Literal["england-and-wales", "scotland", "northern-ireland"] | None = (
        None
    )
    registration_authority: bool | None = Field(
        default=None, description="UK: whether the council appoints an ERO (ROL004)"
    )
    holds_poll: bool = True
    notes_on_law: list[LegalRef] = []


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
    close: Time


class ConcurrentEvent(StrictModel):
    name: NonEmptyStr
    date: date
    kind: Literal["sporting_event", "convention", "concert", "candidate_visit", "rally", "other"]
    expected_attendance: int | None = Field(default=None, ge=0)
    site: str | None = None


class Election(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    id: Id
    name: NonEmptyStr
    kind: ElectionKind
    poll_date: date
    poll_hours: PollHours
    timetable_rules: NonEmptyStr | None = Field(
        default=None,
        description="statutory pack: uk_local_eng, ukpge, local_wales, senedd, local_scotland, "
        "scottish_parliament, us_federal, us_az, us_mn, us_tx",
    )
    jurisdictions: list[JurisdictionRef] = Field(min_length=1)
    announced_on: date | None = None
    combined_with: list[ElectionRef] = []
    statutory_officers: dict[str, PersonRef] = {}
    is_presidential: bool = False
    same_day_registration: bool = False
    concurrent_events: list[ConcurrentEvent] = sens("partners", default=[])
    season_events: list[ConcurrentEvent] = sens("partners", default=[])


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
    "fbi_field_office", "university_police", "fusion_center",
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
        "fbi_field_office", "university_police", "fusion_center",
    }
)  # fmt: skip


class Organisation(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    id: Id
    name: NonEmptyStr
    kind: OrgKind
    sector: Sector
    jurisdictions: list[JurisdictionRef] = Field(min_length=1)
    parent: OrgRef | None = None
    primary_contact: RoleRef | None = None
    public_contact: list[ContactMethod] = []
    sworn_officers: int | None = Field(default=None, ge=0)
    open_records_regime: str | None = None
    partnership_type: Literal["intra_governmental", "institutional", "law_enforcement"] | None = (
        None
    )
    reciprocity_offers: list[str] = []
    legal_operational_fit_checked: date | None = None

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
    title: str | None = sens("partners", default=None, description="job title or rank")
    mobile_exchanged_with: list[PersonRef] = sens("restricted", default=[])
    address_confidentiality: bool = sens("restricted", default=False)
    trained: list[TrainingRef] = []
    is_temporary_staff: bool = False


class PrivateContact(StrictModel):
    """One entry of ``private/*.yaml``, keyed by person id. Never committed to git."""

    default_sensitivity = Sensitivity.RESTRICTED
    contact_methods: list[ContactMethod] = []
    availability: str | None = None
    preferred_method: str | None = None
    retain_until: date | None = None


class PrivateLayer(StrictModel):
    """The shape of a ``private/*.yaml`` file."""

    default_sensitivity = Sensitivity.RESTRICTED
    contacts: dict[str, PrivateContact] = {}
