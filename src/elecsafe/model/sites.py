"""Sites: offices, polling places and stations, early voting, count centres, drop boxes (§1.8).

Vulnerability ratings, police presence and drop-box security details are *restricted*: they
tell an attacker where the police will not be.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from elecsafe.model.base import (
    DateSpec,
    Id,
    JurisdictionRef,
    LegalRef,
    NonEmptyStr,
    OrgRef,
    PersonRef,
    Reason,
    RoleRef,
    Sensitivity,
    SiteRef,
    StrictModel,
    sens,
)

SiteKind = Literal[
    "election_office", "polling_place", "polling_station", "us_polling_place",
    "early_voting_site", "vote_center", "count_centre", "central_count_facility",
    "postal_vote_opening_venue", "ballot_drop_box", "ballot_storage",
    "candidate_briefing_venue", "campaign_event_venue", "constituency_office",
    "party_temporary_office", "command_post", "staging_area", "mail_sorting_office",
]  # fmt: skip

VOTING_KINDS = frozenset(
    {"polling_place", "polling_station", "us_polling_place", "early_voting_site", "vote_center"}
)
COUNT_KINDS = frozenset({"count_centre", "central_count_facility"})
# Sites that must carry a vulnerability rating (SITE001) and a police presence level (SITE002).
ASSESSED_KINDS = VOTING_KINDS | COUNT_KINDS | {"ballot_drop_box"}
PUBLIC_VENUE_KINDS = VOTING_KINDS | COUNT_KINDS | {"election_office", "ballot_drop_box"}


class Mitigation(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    text: NonEmptyStr
    owner: RoleRef | None = None


class VulnerabilityAssessment(StrictModel):
    """Red/amber/green, as in the APP's polling-station assessment."""

    default_sensitivity = Sensitivity.RESTRICTED
    rating: Literal["red", "amber", "green"]
    factors: list[str] = []
    assessed_on: date
    assessed_by: PersonRef
    next_review: DateSpec | None = None
    mitigations: list[Mitigation] = []


class OperatingWindow(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    from_: DateSpec = Field(alias="from")
    to: DateSpec
    hours: str | None = None


class Cctv(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    external: bool = False
    internal: bool = False


class SecurityChecklist(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    name: NonEmptyStr
    completed_on: date | None = None
    by: PersonRef | None = None


class EmergencyPlan(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    evacuation: bool = False
    lockdown: bool = False
    ballot_security_on_evacuation: bool = False
    bomb_threat_procedure: bool = False
    reference: str | None = None


class DropBoxCollection(StrictModel):
    schedule: str | None = None
    team_size: int = Field(ge=1)
    seal_log: bool = False
    chain_of_custody_form: str | None = None


class DropBox(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    staffing: Literal["staffed", "unstaffed"]
    permanence: Literal["temporary", "permanent"] = "permanent"
    availability: str | None = sens("public", default=None)
    anchored: bool = False
    video_surveillance: bool = False
    lighting: bool = False
    key_custody: list[RoleRef] = []
    custodian_org: OrgRef | None = None
    collection: DropBoxCollection | None = None


class CountDetails(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    count_timing: Literal["overnight", "next_day"] | None = None
    access_control: str | None = None
    search_regime: str | None = None
    ballot_box_receipt_log: bool = False
    media_area: bool = False
    police_role: str | None = None
    observers_area: bool = False


class PollingDetails(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    stations: int | None = Field(default=None, ge=1, description="UK: stations in this place")
    presiding_officer: PersonRef | None = sens("restricted", default=None)
    tellers_expected: bool = False
    pcso_visits: bool = sens("restricted", default=False)
    electioneering_buffer: str | None = sens("public", default=None)
    facility_type: Literal["school", "church", "community_center", "government", "other"] | None = (
        sens("public", default=None)
    )
    election_marshal: RoleRef | None = None
    precincts: list[str] = sens("public", default=[])
    polling_districts: list[str] = sens("public", default=[])


class Geo(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class Site(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    id: Id
    name: NonEmptyStr = sens("public")
    kind: SiteKind = sens("public")
    jurisdiction: JurisdictionRef = sens("public")
    address: str | None = sens("public", default=None, description="public venues only")
    geo: Geo | None = sens("public", default=None)
    parent_site: SiteRef | None = None
    operating_windows: list[OperatingWindow] = sens("public", default=[])
    site_contact: RoleRef | None = None
    le_agency: OrgRef | None = None
    vulnerability: VulnerabilityAssessment | None = sens("restricted", default=None)
    police_presence: Literal["permanent", "occasional", "none"] | None = sens(
        "restricted", default=None
    )
    presence_rationale: Reason | None = sens("restricted", default=None)
    presence_legal_basis: LegalRef | None = None
    cctv: Cctv | None = sens("restricted", default=None)
    security_checklist: SecurityChecklist | None = sens("restricted", default=None)
    emergency_plan: EmergencyPlan | None = sens("restricted", default=None)
    drop_box: DropBox | None = sens("restricted", default=None)
    count: CountDetails | None = sens("restricted", default=None)
    polling: PollingDetails | None = None
    notes: str | None = None
    sensitivity: Sensitivity | None = sens(
        "public",
        default=None,
        description="who may see this site at all; default public for the venues voters and "
        "observers use (polling places and stations, early-voting sites, vote centres, drop "
        "boxes, counts, the election office), partners for back-office sites (ballot storage, "
        "staging areas, command posts, postal-vote opening, sorting offices, campaign venues)",
    )

    @property
    def marking(self) -> Sensitivity:
        """The site's own marking: explicit, else from its kind."""
        if self.sensitivity is not None:
            return self.sensitivity
        return Sensitivity.PUBLIC if self.kind in PUBLIC_VENUE_KINDS else Sensitivity.PARTNERS
