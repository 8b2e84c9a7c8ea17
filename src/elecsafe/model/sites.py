"""Sites: offices, polling places and stations, early voting, count centres, drop boxes (§1.8).

Vulnerability ratings, police presence and drop-box security details are *restricted*: they
tell an attacker where the police will not be. A site's published address is public; the
address of a back-office site (warehouse, EOC, staging area) is recorded at the level its
partners may see (``partners_address`` or ``restricted_address``) with its ``access_notes``,
and the field metadata withholds it from lower editions.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import ConfigDict, Field, model_validator

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
    Time,
    sens,
)

SiteKind = Literal[
    "election_office", "polling_place", "polling_station", "us_polling_place",
    "early_voting_site", "vote_center", "count_centre", "central_count_facility",
    "postal_vote_opening_venue", "ballot_drop_box", "ballot_storage",
    "candidate_briefing_venue", "campaign_event_venue", "constituency_office",
    "party_temporary_office", "command_post", "staging_area", "mail_sorting_office",
    "canvass_venue",
]  # fmt: skip
SITE_KIND_LABELS: dict[SiteKind, str] = {
    "election_office": "Election office",
    "polling_place": "Polling place",
    "polling_station": "Polling station",
    "us_polling_place": "Polling place",
    "early_voting_site": "Early voting site",
    "vote_center": "Vote center",
    "count_centre": "Count centre",
    "central_count_facility": "Central count facility",
    "postal_vote_opening_venue": "Postal vote opening",
    "ballot_drop_box": "Ballot drop box",
    "ballot_storage": "Ballot storage",
    "candidate_briefing_venue": "Candidates' briefing venue",
    "campaign_event_venue": "Campaign event venue",
    "constituency_office": "Constituency office",
    "party_temporary_office": "Party temporary office",
    "command_post": "Command post",
    "staging_area": "Staging area",
    "mail_sorting_office": "Mail sorting office",
    "canvass_venue": "Canvass and certification venue",
}

VOTING_KINDS = frozenset(
    {"polling_place", "polling_station", "us_polling_place", "early_voting_site", "vote_center"}
)
COUNT_KINDS = frozenset({"count_centre", "central_count_facility"})
# The public meetings of the canvass and the certification, a key moment for disruption
# (Public Safety & Elections, Draft and update mutual aid agreements).
CANVASS_KINDS = frozenset({"canvass_venue"})
# Sites that must carry a vulnerability rating (SITE001); voting and count sites also a police
# presence level (SITE002).
ASSESSED_KINDS = VOTING_KINDS | COUNT_KINDS | CANVASS_KINDS | {"ballot_drop_box"}
PUBLIC_VENUE_KINDS = (
    VOTING_KINDS | COUNT_KINDS | CANVASS_KINDS | {"election_office", "ballot_drop_box"}
)


class Mitigation(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    text: NonEmptyStr
    """What is done to reduce the risk."""
    owner: RoleRef | None = None
    """Id of the role that does it."""


RagRating = Literal["red", "amber", "green"]
RATING_LABELS: dict[RagRating, str] = {
    "red": "Red",
    "amber": "Amber",
    "green": "Green",
}


class VulnerabilityAssessment(StrictModel):
    """Red/amber/green, as in the APP's polling-station assessment."""

    default_sensitivity = Sensitivity.RESTRICTED
    rating: RagRating
    """red, amber or green."""
    factors: list[str] = []
    """What makes the site vulnerable (history, tensions, layout), in general terms."""
    assessed_on: date
    """Date of the assessment."""
    assessed_by: PersonRef
    """Id of the person who assessed it."""
    next_review: DateSpec | None = None
    """When it is assessed again."""
    mitigations: list[Mitigation] = []
    """What reduces the risk, with owners."""


class OperatingWindow(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    from_: DateSpec = Field(alias="from")
    """First day the site is open in this window."""
    to: DateSpec
    """Last day the site is open in this window."""
    hours: str | None = None
    """Opening hours, e.g. 07:00-22:00."""


class PresenceWindow(StrictModel):
    """When the police are at a site: every day from ``from`` to ``to`` (default: the same
    day), between ``start`` and ``end`` (an ``end`` at or before ``start`` runs past
    midnight), or all day without times. E.g. evenings at a drop box in the last two weeks of
    early voting: ``{from: poll - 14 days, to: poll - 1 day, start: "18:00", end: "23:00"}``;
    a patrol at the count from 22:00: ``{from: poll, start: "22:00", end: "04:00"}``.

    Restricted, like the site's presence level. One exception, by need to know: the people
    who staff a window (``staffed_by`` roles, ``agency``) get it in their own calendar
    (``calendar --for``) as the site's name and the times, nothing else."""

    default_sensitivity = Sensitivity.RESTRICTED
    id: Id
    from_: DateSpec = Field(alias="from", description="the first day (a date or expression)")
    to: DateSpec | None = Field(default=None, description="the last day; default: 'from'")
    start: Time | None = Field(default=None, description="daily start, HH:MM")
    end: Time | None = Field(
        default=None, description="daily end, HH:MM (past midnight if <= start)"
    )
    level: Literal["permanent", "occasional"] = Field(
        default="occasional", description="presence during the window"
    )
    activity: Literal["post", "patrol", "checks", "escort", "on_call"] | None = None
    staffed_by: list[RoleRef] = Field(default=[], description="roles whose holders staff it")
    agency: OrgRef | None = None
    notes: str | None = None

    model_config = ConfigDict(extra="forbid", defer_build=True, populate_by_name=True)

    @model_validator(mode="after")
    def _times(self) -> PresenceWindow:
        if (self.start is None) != (self.end is None):
            raise ValueError("give both 'start' and 'end' (daily hours), or neither (all day)")
        return self


class Cctv(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    external: bool = False
    """CCTV covers the outside of the site."""
    internal: bool = False
    """CCTV covers the inside of the site."""


class SecurityChecklist(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    name: NonEmptyStr
    """Name of the security checklist used."""
    completed_on: date | None = None
    """Date the checklist was completed."""
    by: PersonRef | None = None
    """Id of the person who completed it."""


class EmergencyPlan(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    evacuation: bool = False
    """The site has an evacuation plan."""
    lockdown: bool = False
    """The site has a lockdown procedure."""
    ballot_security_on_evacuation: bool = False
    """The plan says how ballots stay secure during an evacuation."""
    bomb_threat_procedure: bool = False
    """The site has a bomb threat procedure."""
    reference: str | None = None
    """Where the emergency plan is kept."""


class DropBoxCollection(StrictModel):
    schedule: str | None = None
    """When ballots are collected, e.g. daily at 17:00."""
    team_size: int = Field(ge=1)
    """People in each collection team (two or more for custody)."""
    seal_log: bool = False
    """Seals are logged at each collection."""
    chain_of_custody_form: str | None = None
    """Form used for the chain of custody."""


class DropBox(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    staffing: Literal["staffed", "unstaffed"]
    """staffed or unstaffed."""
    permanence: Literal["temporary", "permanent"] = "permanent"
    """temporary or permanent."""
    availability: str | None = sens("public", default=None)
    """When voters can use it, as published."""
    anchored: bool = False
    """The box is anchored to the ground."""
    video_surveillance: bool = False
    """The box is under video surveillance."""
    lighting: bool = False
    """The box is lit at night."""
    key_custody: list[RoleRef] = []
    """Ids of the roles holding keys."""
    custodian_org: OrgRef | None = None
    """Id of the organisation responsible for the box."""
    collection: DropBoxCollection | None = None
    """How ballots are collected from the box."""


class CountDetails(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    count_timing: Literal["overnight", "next_day"] | None = None
    """overnight, or the next day."""
    access_control: str | None = None
    """Accreditation and who may enter."""
    search_regime: str | None = None
    """Bag searches and prohibited items."""
    ballot_box_receipt_log: bool = False
    """Ballot boxes are logged on arrival."""
    media_area: bool = False
    """There is a separate area for the media."""
    police_role: str | None = None
    """What officers do, and do not do, at the count."""
    observers_area: bool = False
    """There is an area for observers."""


class PollingDetails(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    stations: int | None = Field(default=None, ge=1, description="UK: stations in this place")
    presiding_officer: PersonRef | None = sens("restricted", default=None)
    """Id of the presiding officer (restricted)."""
    tellers_expected: bool = False
    """Party tellers are expected outside."""
    pcso_visits: bool = sens("restricted", default=False)
    """Police community support officers visit during the day (restricted)."""
    electioneering_buffer: str | None = sens("public", default=None)
    """The no-electioneering zone around the entrance, as published."""
    facility_type: Literal["school", "church", "community_center", "government", "other"] | None = (
        sens("public", default=None)
    )
    """What the building is: school, church, community center, government or other."""
    election_marshal: RoleRef | None = None
    """Id of the role of the election marshal."""
    precincts: list[str] = sens("public", default=[])
    """Precincts voting here (US)."""
    polling_districts: list[str] = sens("public", default=[])
    """Polling districts voting here (UK)."""


class Geo(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    lat: float = Field(ge=-90, le=90)
    """Latitude, in degrees."""
    lon: float = Field(ge=-180, le=180)
    """Longitude, in degrees."""


PolicePresence = Literal["permanent", "occasional", "none"]
PRESENCE_LABELS: dict[PolicePresence, str] = {
    "permanent": "Permanent",
    "occasional": "Occasional",
    "none": "None",
}


class Site(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    id: Id
    name: NonEmptyStr = sens("public")
    """Name of the site as the public knows it."""
    kind: SiteKind = sens("public")
    """Kind of site: election office, polling place, early-voting site, drop box, count venue, ...
    """
    jurisdiction: JurisdictionRef = sens("public")
    """Id of the jurisdiction the site is in."""
    address: str | None = sens(
        "public",
        default=None,
        description="the published address of a public venue; a back-office site's address goes "
        "in partners_address or restricted_address",
    )
    partners_address: str | None = sens(
        "partners",
        default=None,
        description="where a site the public is not told about is, for partner agencies "
        "(partners and internal editions), e.g. a staging area",
    )
    restricted_address: str | None = sens(
        "restricted",
        default=None,
        description="where a site is, for the internal edition only, e.g. the ballot warehouse",
    )
    access_notes: str | None = sens(
        "restricted",
        default=None,
        description="how responders get in (gates, loading dock, key holder by role); internal "
        "edition only; never a door code",
    )
    geo: Geo | None = sens("public", default=None)
    """Coordinates of the site."""
    parent_site: SiteRef | None = None
    """Id of the site this one belongs to (e.g. a drop box at an office)."""
    operating_windows: list[OperatingWindow] = sens("public", default=[])
    """When the site is open to voters."""
    site_contact: RoleRef | None = None
    """Id of the role that is the site's contact."""
    le_agency: OrgRef | None = None
    """Id of the law enforcement agency that covers the site."""
    vulnerability: VulnerabilityAssessment | None = sens("restricted", default=None)
    """Vulnerability assessment (restricted)."""
    police_presence: PolicePresence | None = sens("restricted", default=None)
    """Police presence planned: permanent, occasional or none."""
    presence_windows: list[PresenceWindow] = sens(
        "restricted",
        default=[],
        description="when the police are there, by date and time (restricted)",
    )
    presence_rationale: Reason | None = sens("restricted", default=None)
    """Why this level of presence (restricted)."""
    presence_legal_basis: LegalRef | None = None
    """The law that allows or limits police presence at the site."""
    cctv: Cctv | None = sens("restricted", default=None)
    """CCTV coverage (restricted)."""
    security_checklist: SecurityChecklist | None = sens("restricted", default=None)
    """The security checklist of the site (restricted)."""
    emergency_plan: EmergencyPlan | None = sens("restricted", default=None)
    """The emergency plan of the site (restricted)."""
    drop_box: DropBox | None = sens("restricted", default=None)
    """Details of a ballot drop box (restricted)."""
    count: CountDetails | None = sens("restricted", default=None)
    """Details of a count venue (restricted)."""
    polling: PollingDetails | None = None
    """Details of a polling place."""
    notes: str | None = None
    """Free notes for partners."""
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

    @model_validator(mode="after")
    def _one_address(self) -> Site:
        given = [n for n in ADDRESS_FIELDS if getattr(self, n)]
        if len(given) > 1:
            raise ValueError(
                f"a site has one address: {' and '.join(given)} are both given; keep the one "
                "whose audience may see it"
            )
        return self

    @property
    def any_address(self) -> str | None:
        """The site's address at whatever level it is recorded (for rules, never for output)."""
        return self.address or self.partners_address or self.restricted_address


# The address fields of a site, public first; PRV005 accepts an address in the last two.
ADDRESS_FIELDS = ("address", "partners_address", "restricted_address")


class Escort(StrictModel):
    default_sensitivity = Sensitivity.RESTRICTED
    agency: OrgRef
    roles: list[RoleRef] = []
    mode: Literal["accompany", "follow", "meet_at_destination"] = "accompany"


class BallotTransport(StrictModel):
    """Ballots or equipment moved between two sites, with their chain of custody (EAC chain
    of custody best practice: two people, sealed containers, a signed transfer form at each
    hand-over) and any police escort. Restricted: a route and a time tell an attacker where
    the ballots will be."""

    default_sensitivity = Sensitivity.RESTRICTED
    id: Id
    from_site: SiteRef
    to_site: SiteRef
    what: Literal["ballots", "ballot_boxes", "voting_equipment", "memory_devices", "supplies"]
    when: DateSpec | None = None
    time: Time | None = None
    custody: list[RoleRef] = Field(default=[], description="roles who carry and sign for it")
    sealed: bool = False
    chain_of_custody_form: str | None = None
    escort: Escort | None = None
    notes: str | None = None


# APP election-day considerations (APP "Election day"), five items.
ELECTION_DAY_CONSIDERATIONS = (
    "Locations of polling stations and count venues, and the assessment of their vulnerability",
    "Police presence at each location: permanent, occasional or none",
    "Police powers: entering polling stations and responding to requests from the returning officer",
    "Tactics to minimise disorder and intimidation, keep access to voting free and unobstructed, "
    "and reduce the risk to polling and count staff and of malpractice",
    "Tactics to arrest, and to recover and preserve evidence",
)
