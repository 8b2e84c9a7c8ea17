"""Role catalogue, role assignments and the gold/silver/bronze command structure (§1.6–1.7).

The catalogue is data: which country a role belongs to, whether it is critical (needs a
holder *and* a deputy: APP "command resilience", APP), and a human label for documents.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, NamedTuple

from pydantic import Field

from elecsafe.model.base import (
    Id,
    JurisdictionRef,
    OrgRef,
    PersonRef,
    Reason,
    RoleRef,
    Sensitivity,
    SiteRef,
    SourceRef,
    StrictModel,
)


class RoleInfo(NamedTuple):
    label: str
    country: Literal["GB", "US", "*"]
    critical: bool


ROLE_CATALOGUE: dict[str, RoleInfo] = {
    # UK police (APP Key roles)
    "chief_officer_reviewer": RoleInfo("Chief officer (plan review)", "GB", True),
    "gold_commander": RoleInfo("Gold commander", "GB", True),
    "silver_commander": RoleInfo("Silver commander", "GB", True),
    "bronze_commander": RoleInfo("Bronze commander", "GB", True),
    "force_election_spoc": RoleInfo("Force election SPOC", "GB", True),
    "delegated_la_spoc": RoleInfo("Delegated local authority SPOC", "GB", False),
    "bcu_crime_spoc": RoleInfo("BCU crime SPOC", "GB", False),
    "neighbourhood_inspector": RoleInfo("Neighbourhood inspector", "GB", False),
    "npt_lead": RoleInfo("Neighbourhood policing team lead", "GB", False),
    "sio": RoleInfo("Senior investigating officer", "GB", True),
    "feoa": RoleInfo("Force elected-official adviser", "GB", False),
    "force_planning_officer": RoleInfo("Force planning officer", "GB", False),
    "force_media_officer": RoleInfo("Force media officer", "GB", False),
    "intelligence_officer": RoleInfo("Intelligence officer", "*", False),
    "briefing_officer": RoleInfo("Briefing officer", "GB", False),
    "psu": RoleInfo("Police support unit", "GB", False),
    "public_protection": RoleInfo("Public protection", "GB", False),
    "cyber_crime_unit": RoleInfo("Cyber crime unit", "*", False),
    # UK partners
    "returning_officer": RoleInfo("Returning officer", "GB", True),
    "acting_returning_officer": RoleInfo("Acting returning officer", "GB", True),
    "electoral_registration_officer": RoleInfo("Electoral registration officer", "GB", True),
    "electoral_services_manager": RoleInfo("Electoral services manager", "GB", True),
    "chief_counting_officer": RoleInfo("Chief counting officer", "GB", True),
    "counting_officer": RoleInfo("Counting officer", "GB", True),
    "monitoring_officer": RoleInfo("Monitoring officer", "GB", False),
    "la_press_officer": RoleInfo("Local authority press officer", "GB", False),
    "ec_press_officer": RoleInfo("Electoral Commission press officer", "GB", False),
    "ec_regional_contact": RoleInfo("Electoral Commission regional contact", "GB", False),
    "ec_pfr_contact": RoleInfo("Electoral Commission PFR contact", "GB", False),
    "cps_scctd_lawyer": RoleInfo("CPS SCCTD lawyer", "GB", False),
    "royal_mail_security_adviser": RoleInfo("Royal Mail security adviser", "GB", False),
    "presiding_officer": RoleInfo("Presiding officer", "GB", False),
    # US (Roadmap)
    "local_election_official": RoleInfo("Local election official", "US", True),
    "le_liaison_poc": RoleInfo("Law enforcement liaison point of contact", "*", True),
    "sheriff": RoleInfo("Sheriff", "US", True),
    "police_chief": RoleInfo("Police chief", "US", True),
    "le_election_liaison": RoleInfo("Agency election liaison officer", "US", False),
    "state_police_contact": RoleInfo("State police contact", "US", False),
    "fbi_ecc": RoleInfo("FBI election crimes coordinator", "US", False),
    "doj_deo": RoleInfo("DOJ district election officer", "US", False),
    "cisa_psa": RoleInfo("CISA protective security advisor", "US", False),
    "elected_official_introducer": RoleInfo("Elected official (introductions)", "US", False),
    "election_marshal": RoleInfo("Election marshal", "US", False),
    "site_contact": RoleInfo("Site contact", "*", False),
    "threat_channel_owner": RoleInfo("Threat reporting channel owner", "*", True),
    "mutual_aid_coordinator": RoleInfo("Mutual aid coordinator", "*", False),
    "emergency_manager": RoleInfo("Emergency manager", "*", False),
    "pio": RoleInfo("Public information officer", "*", False),
    # ICS overlay (US)
    "incident_commander": RoleInfo("Incident commander", "US", True),
    "unified_command_member": RoleInfo("Unified command member", "US", True),
    "deputy_ic": RoleInfo("Deputy incident commander", "US", False),
    "safety_officer": RoleInfo("Safety officer", "US", False),
    "liaison_officer": RoleInfo("Liaison officer", "US", False),
    "agency_representative": RoleInfo("Agency representative", "*", False),
    "operations_section_chief": RoleInfo("Operations section chief", "US", False),
    "planning_section_chief": RoleInfo("Planning section chief", "US", False),
    "logistics_section_chief": RoleInfo("Logistics section chief", "US", False),
    "finance_admin_section_chief": RoleInfo("Finance/admin section chief", "US", False),
    "communications_unit_leader": RoleInfo("Communications unit leader", "US", False),
    "division_group_supervisor": RoleInfo("Division/group supervisor", "US", False),
    "staging_area_manager": RoleInfo("Staging area manager", "US", False),
    "other": RoleInfo("Other", "*", False),
}

RoleKind = Literal[
    "chief_officer_reviewer", "gold_commander", "silver_commander", "bronze_commander",
    "force_election_spoc", "delegated_la_spoc", "bcu_crime_spoc", "neighbourhood_inspector",
    "npt_lead", "sio", "feoa", "force_planning_officer", "force_media_officer",
    "intelligence_officer", "briefing_officer", "psu", "public_protection", "cyber_crime_unit",
    "returning_officer", "acting_returning_officer", "electoral_registration_officer",
    "electoral_services_manager", "chief_counting_officer", "counting_officer",
    "monitoring_officer", "la_press_officer", "ec_press_officer", "ec_regional_contact",
    "ec_pfr_contact", "cps_scctd_lawyer", "royal_mail_security_adviser", "presiding_officer",
    "local_election_official", "le_liaison_poc", "sheriff", "police_chief",
    "le_election_liaison", "state_police_contact", "fbi_ecc", "doj_deo", "cisa_psa",
    "elected_official_introducer", "election_marshal", "site_contact", "threat_channel_owner",
    "mutual_aid_coordinator", "emergency_manager", "pio", "incident_commander",
    "unified_command_member", "deputy_ic", "safety_officer", "liaison_officer",
    "agency_representative", "operations_section_chief", "planning_section_chief",
    "logistics_section_chief", "finance_admin_section_chief", "communications_unit_leader",
    "division_group_supervisor", "staging_area_manager", "other",
]  # fmt: skip


class RoleScope(StrictModel):
    jurisdictions: list[JurisdictionRef] = []
    """Ids of the areas the role covers."""
    sites: list[SiteRef] = []
    """Ids of the sites the role covers."""
    function: str | None = None
    """Function the role covers, e.g. crime or media."""


class RoleChange(StrictModel):
    """A handover during the plan: from a date, another person holds or deputises the role
    (people change jobs mid-cycle; the plan keeps one role id that everything refers to)."""

    from_: date = Field(alias="from", description="the first day the new holder or deputy serves")
    holder: PersonRef | None = None
    """Id of the person who holds the role from that day (unchanged if left out)."""
    deputy: PersonRef | None = None
    """Id of the person who deputises from that day (unchanged if left out)."""
    note: str | None = None
    """Why, e.g. 'Chief Reyes retires; Deputy Chief Chen acting chief'."""


class Tenure(NamedTuple):
    """Who holds and deputises a role between two handovers (``until`` exclusive)."""

    start: date | None  # None: from the start of the plan
    until: date | None  # None: to the end of the plan
    holder: str | None
    deputy: str | None
    change: int | None  # index in ``changes`` that began it (None: the assignment itself)


class RoleAssignment(StrictModel):
    """Who holds a role, and who deputises. Critical roles need both (ROL011)."""

    default_sensitivity = Sensitivity.PARTNERS
    id: Id
    role: RoleKind
    """The role, from the role catalogue of the plan's country (see `elecsafe rule ROL001`)."""
    title: str | None = Field(default=None, description="local title, e.g. 'County Clerk'")
    holder: PersonRef | None = None
    """Id of the person who holds the role."""
    deputy: PersonRef | None = None
    """Id of the person who deputises (a different person for critical roles)."""
    organisation: OrgRef
    """Id of the organisation the role belongs to."""
    scope: RoleScope | None = None
    """Areas, sites or function the role covers."""
    critical: bool | None = Field(default=None, description="defaults from the role catalogue")
    responsibilities: list[str] = []
    """What the role does, one line each."""
    accountable_to: RoleRef | None = None
    """Id of the role it reports to."""
    cps_liaison: bool = False
    """The role liaises with the Crown Prosecution Service (GB)."""
    trainee: bool = Field(default=False, description="ICS 203 '(T)' marking")
    source: SourceRef | None = None
    """Where the role is defined (statute, guidance, agreement)."""
    serves: list[OrgRef] = []
    """Other organisations the role acts for besides its own, e.g. one law enforcement
    liaison for both the county recorder's office and the elections department."""
    changes: list[RoleChange] = []
    """Handovers during the plan, in date order: from a date, a new holder or deputy."""

    def tenures(self) -> list[Tenure]:
        """Holder and deputy from the start of the plan, then after each handover (changes in
        the order written; ROL017 reports an order that is not by date)."""
        out = [Tenure(None, None, self.holder, self.deputy, None)]
        for k, change in enumerate(self.changes):
            last = out[-1]
            out[-1] = last._replace(until=change.from_)
            holder = change.holder if change.holder is not None else last.holder
            deputy = change.deputy if change.deputy is not None else last.deputy
            out.append(Tenure(change.from_, None, holder, deputy, k))
        return out

    def on(self, day: date) -> Tenure:
        """Who holds and deputises the role on ``day``."""
        tenures = self.tenures()
        return next(
            (t for t in reversed(tenures) if t.start is not None and t.start <= day), tenures[0]
        )

    def serves_org(self, org_id: str) -> bool:
        return org_id == self.organisation or org_id in self.serves

    @property
    def is_critical(self) -> bool:
        if self.critical is not None:
            return self.critical
        return ROLE_CATALOGUE[self.role].critical

    @property
    def label(self) -> str:
        return self.title or ROLE_CATALOGUE[self.role].label


# -- command structure -------------------------------------------------------------------------

BronzeFunction = Literal[
    "election_commander", "crime", "intelligence", "community", "media",
    "candidate_campaigner_safeguarding", "security", "communication", "other",
]  # fmt: skip
BRONZE_FUNCTION_LABELS: dict[BronzeFunction, str] = {
    "election_commander": "Election commander",
    "crime": "Crime",
    "intelligence": "Intelligence",
    "community": "Community",
    "media": "Media",
    "candidate_campaigner_safeguarding": "Candidate and campaigner safeguarding",
    "security": "Security",
    "communication": "Communication",
    "other": "Other",
}
APP_FUNCTIONAL_BRONZES: tuple[str, ...] = (
    "election_commander",
    "crime",
    "intelligence",
    "community",
    "media",
    "candidate_campaigner_safeguarding",
    "security",
)


class GoldCommand(StrictModel):
    assignment: RoleRef
    """Id of the role assignment of the gold (strategic) commander."""
    strategy_doc: str | None = None
    """Where the gold strategy is kept."""


class SilverCommand(StrictModel):
    assignment: RoleRef
    """Id of the role assignment of a silver (tactical) commander."""
    area: JurisdictionRef | None = None
    """Id of the area commanded."""


class BronzeCommand(StrictModel):
    assignment: RoleRef
    """Id of the role assignment of a bronze (operational) commander."""
    type: Literal["functional", "geographical"]
    """functional or geographical."""
    function: BronzeFunction | None = None
    """Function of a functional bronze (crime, intelligence, media, ...)."""
    function_other: str | None = None
    """The function, when function is other."""
    area: JurisdictionRef | None = None
    """Id of the area of a geographical bronze."""


class NotRequired(StrictModel):
    function: BronzeFunction
    """Bronze function decided not to be needed."""
    reason: Reason
    """Why it is not needed."""


class InvestigationSeparation(StrictModel):
    hit_lead: RoleRef | None = None
    """Id of the role leading hate-incident and threat investigations."""
    malpractice_lead: RoleRef | None = None
    """Id of the role leading electoral malpractice investigations."""
    protocol: str | None = None
    """Where the protocol keeping them apart is kept."""


IcsPositionKind = Literal[
    "incident_commander", "unified_command", "deputy_ic", "safety_officer",
    "public_information_officer", "liaison_officer", "agency_representative",
    "operations_section_chief", "planning_section_chief", "logistics_section_chief",
    "finance_admin_section_chief", "communications_unit_leader",
    "division_group_supervisor", "staging_area_manager",
]  # fmt: skip
ICS_POSITION_LABELS: dict[IcsPositionKind, str] = {
    "incident_commander": "Incident commander",
    "unified_command": "Unified command",
    "deputy_ic": "Deputy incident commander",
    "safety_officer": "Safety officer",
    "public_information_officer": "Public information officer",
    "liaison_officer": "Liaison officer",
    "agency_representative": "Agency representative",
    "operations_section_chief": "Operations section chief",
    "planning_section_chief": "Planning section chief",
    "logistics_section_chief": "Logistics section chief",
    "finance_admin_section_chief": "Finance/administration section chief",
    "communications_unit_leader": "Communications unit leader (COML)",
    "division_group_supervisor": "Division/group supervisor",
    "staging_area_manager": "Staging area manager",
}


class IcsPosition(StrictModel):
    position: IcsPositionKind
    """ICS position (incident commander, operations section chief, ...)."""
    assignment: RoleRef
    """Id of the role assignment that fills it."""


CommandFramework = Literal["gsb", "ics", "both"]
FRAMEWORK_LABELS: dict[CommandFramework, str] = {
    "gsb": "Gold, silver, bronze",
    "ics": "Incident Command System (ICS)",
    "both": "Gold, silver, bronze with the Incident Command System (ICS)",
}


class CommandStructure(StrictModel):
    default_sensitivity = Sensitivity.PARTNERS
    framework: CommandFramework = "gsb"
    """gsb (gold, silver, bronze), ics (Incident Command System) or both."""
    decision_model: str | None = "National Decision Model"
    """Decision model used by commanders."""
    gold: GoldCommand | None = None
    """The gold commander."""
    silver: list[SilverCommand] = []
    """Silver commanders."""
    bronze: list[BronzeCommand] = []
    """Bronze commanders."""
    not_required: list[NotRequired] = []
    """Bronze functions decided not to be needed, with reasons."""
    investigation_separation: InvestigationSeparation | None = None
    """How investigations are kept apart."""
    ics: list[IcsPosition] = []
    """ICS positions (US)."""
    agency_representatives: list[RoleRef] = []
    """Ids of the roles representing other agencies."""

    def assignments(self) -> list[str]:
        ids = [self.gold.assignment] if self.gold else []
        ids += [s.assignment for s in self.silver]
        ids += [b.assignment for b in self.bronze]
        return ids

    def commanded_areas(self) -> dict[str, set[str]]:
        """Role assignment id -> the areas its silver or geographical bronze commands."""
        out: dict[str, set[str]] = {}
        for ref, area in [
            *((s.assignment, s.area) for s in self.silver),
            *((b.assignment, b.area) for b in self.bronze),
        ]:
            if area is not None:
                out.setdefault(ref, set()).add(area)
        return out


# ICS 203/207 blocks, for the level column of the command chart, and where a unit sits.
ICS_LEVELS: dict[IcsPositionKind, str] = {
    "incident_commander": "Command",
    "unified_command": "Command",
    "deputy_ic": "Command",
    "safety_officer": "Command staff",
    "public_information_officer": "Command staff",
    "liaison_officer": "Command staff",
    "agency_representative": "Agency representative",
    "operations_section_chief": "General staff",
    "planning_section_chief": "General staff",
    "logistics_section_chief": "General staff",
    "finance_admin_section_chief": "General staff",
    "communications_unit_leader": "Logistics section",
    "division_group_supervisor": "Operations section",
    "staging_area_manager": "Operations section",
}
ICS_PARENTS: dict[IcsPositionKind, IcsPositionKind] = {
    "communications_unit_leader": "logistics_section_chief",
    "division_group_supervisor": "operations_section_chief",
    "staging_area_manager": "operations_section_chief",
}
