"""Per-document data that is easier to compute than to write in Jinja.

Everything here reads the *redacted* view (records and withheld markers) through
:class:`Builder`, except dates, which come from the timeline of the unredacted plan (dates of
public timetable entries; items the audience may not see are never listed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from elecsafe.dates.style import day_month
from elecsafe.model.agreements import MAA_TOPICS, MOU_SECTIONS
from elecsafe.model.incidents import STATUS_LABELS, TARGET_LABELS
from elecsafe.model.learning import DEBRIEF_CONSIDERATIONS
from elecsafe.model.plan import Plan
from elecsafe.model.sites import ASSESSED_KINDS, COUNT_KINDS, VOTING_KINDS, Site
from elecsafe.render.chart import ChartTree, chart_tier
from elecsafe.render.filters import Lookups, humanize, label, short_date
from elecsafe.render.markdown import MdSafe
from elecsafe.render.redact import Record, Withheld, is_withheld
from elecsafe.render.timeline import Due, Dues
from elecsafe.render.vocabulary import words

if TYPE_CHECKING:
    from elecsafe.incidents.summary import IncidentSummary


@dataclass
class Line:
    """One checklist line: ``done`` is True/False, or None when unknown or withheld."""

    text: str
    done: bool | None = False
    due: Due | None = None
    owner: Any = None
    rule: str = ""
    note: Any = None

    @property
    def box(self) -> MdSafe:
        return MdSafe({True: "☑", False: "☐", None: "–"}[self.done])


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)
    intro: str = ""


# Which lint rule verifies a timetable entry of each kind (domain.md §2.4-2.5).
MEETING_RULES = {
    "introductory": "MTG003",
    "gold_group": "MTG005",
    "joint_agency_working_group": "MTG005",
    "candidates_agents_briefing": "MTG010",
    "joint_post_election_review": "MTG011",
    "ec_debrief": "MTG011",
    "gold_debrief": "MTG011",
}
TRAINING_RULE, EXERCISE_RULE, STATUTORY_RULE = "MTG007", "MTG008", "TT002"

# ICS 203/207 blocks, for the level column of the command chart, and where a unit sits.
ICS_LEVELS = {
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
ICS_PARENTS = {
    "communications_unit_leader": "logistics_section_chief",
    "division_group_supervisor": "operations_section_chief",
    "staging_area_manager": "operations_section_chief",
}

# The clauses of a mutual aid agreement beyond the nine topics (domain.md §3.2), in order.
MAA_CLAUSES = {
    "reporting_instructions": "Reporting instructions and supervision",
    "policy_conflicts": "Policy conflicts and rules of engagement",
    "liability_indemnification": "Liability and indemnification",
    "workers_compensation": "Workers' compensation",
    "reimbursement_compensation": "Reimbursement",
    "credentialing_qualifications": "Credentialing and qualifications",
    "licensure_certification": "Licensure and certification",
    "mobilization": "Mobilization",
    "demobilization": "Demobilization",
    "arrests_and_detention": "Arrests and detention",
    "open_records_alignment": "Records and open records requests",
    "dispute_resolution": "Dispute resolution",
    "modification": "Amendment",
}
# British usage for the same clauses in a UK agreement (police officers are not employees
# covered by workers' compensation: injury on duty falls under the Police (Injury Benefit)
# Regulations).
UK_MAA_CLAUSES = {
    "workers_compensation": "Injury on duty",
    "mobilization": "Mobilisation",
    "demobilization": "Demobilisation",
    "open_records_alignment": "Records and freedom of information requests",
}
# A clause reference that names itself ("Article 4", "Section 2.1", "§ 7") can head an article.
_NAMED_CLAUSE = re.compile(r"^(article|section|clause|part|schedule|annex|§)\s*\S", re.IGNORECASE)

# Site checks of the pre-election checklist: (line, site kinds, field, done?, rule).
SITE_CHECKS: tuple[tuple[str, frozenset[str], str, Any, str], ...] = (
    (
        "Physical security checklist completed at every polling place and voting site",
        VOTING_KINDS,
        "security_checklist",
        lambda v: bool(v and v.completed_on),
        "SITE011",
    ),
    (
        "Drop boxes anchored and under video surveillance",
        frozenset({"ballot_drop_box"}),
        "drop_box",
        lambda v: bool(v and v.anchored and v.video_surveillance),
        "SITE006",
    ),
    (
        "Count security arranged: access control and a ballot box receipt log",
        COUNT_KINDS,
        "count",
        lambda v: bool(v and v.access_control and v.ballot_box_receipt_log),
        "SITE007",
    ),
)
# Jurisdictions inside a council or municipality: their sites are listed with it.
SUB_AREA_KINDS = frozenset({"ward", "polling_district", "precinct", "county_division"})
SHOWN_NAMES = 8  # outstanding sites named in a checklist note before "and N more"

# APP election-day considerations (APP "Election day"), five items.
ELECTION_DAY_CONSIDERATIONS = (
    "Locations of polling stations and count venues, and the assessment of their vulnerability",
    "Police presence at each location: permanent, occasional or none",
    "Police powers: entering polling stations and responding to requests from the returning officer",
    "Tactics to minimise disorder and intimidation, keep access to voting free and unobstructed, "
    "and reduce the risk to polling and count staff and of malpractice",
    "Tactics to arrest, and to recover and preserve evidence",
)

US_DEBRIEF_TITLES = {
    "polling_day": "Election Day, including polling places and the count",
    "partner_feedback": "Feedback from partners (election officials, partner agencies)",
}

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


class Builder:
    def __init__(
        self,
        plan: Plan,
        view: Record,
        lookups: Lookups,
        timeline: Dues,
        *,
        audience: str = "partners",
    ) -> None:
        self.plan = plan
        self.view = view
        self.lookups = lookups
        self.timeline = timeline
        self.audience = audience

    # -- helpers ---------------------------------------------------------------------------

    @property
    def day_name(self) -> str:
        """ "polling day" (UK) or "Election Day" (US), as each side writes it."""
        return "Election Day" if self.plan.country == "US" else "polling day"

    def _date(self, value: Any) -> Any:
        return short_date(value, self.plan.country) if value else value

    @staticmethod
    def _list(value: Any) -> list[Any]:
        return [] if is_withheld(value) or value is None else list(value)

    def _owner(self, role_id: Any) -> Any:
        if not role_id:
            return role_id
        name = self.lookups.role_label(role_id)
        holder = self.lookups.role_holder(role_id)
        if holder and not is_withheld(holder) and not is_withheld(name):
            return f"{name}: {holder}"
        return name

    def _timetable(self) -> tuple[list[Record], list[Withheld]]:
        """Timetable entries this audience may see, and the markers of those it may not."""
        table = self.view.timetable
        if is_withheld(table):
            return [], [table]
        visible: list[Record] = []
        hidden: list[Withheld] = []
        for group in ("milestones", "meetings", "trainings", "exercises"):
            items = getattr(table, group)
            if is_withheld(items):
                hidden.append(items)
                continue
            for item in items:
                if isinstance(item, Record):
                    visible.append(item)
                elif is_withheld(item):
                    hidden.append(item)
        return visible, hidden

    def _sorted_by_due(self, items: list[Record]) -> list[tuple[Record, Due | None]]:
        dated = [(item, self.timeline.due(item.id)) for item in items]
        return sorted(dated, key=lambda pair: _due_key(pair[1]))

    def poll_days(self) -> list[Record]:
        """The elections grouped by polling day and hours (nine polls on one day: one line)."""
        groups: dict[tuple[Any, Any, Any], list[Any]] = {}
        for election in self._list(self.view.elections):
            hours = election.poll_hours
            key = (election.poll_date, getattr(hours, "open", None), getattr(hours, "close", None))
            groups.setdefault(key, []).append(election.name)
        return [
            Record({"day": day, "open": opens, "close": closes, "elections": names})
            for (day, opens, closes), names in sorted(groups.items(), key=lambda g: str(g[0]))
        ]

    def _item_line(self, item: Record, due: Due | None) -> Line:
        rule = ""
        if getattr(item, "statutory", None) or getattr(item, "kind", None) == "statutory_deadline":
            rule = STATUTORY_RULE
        elif hasattr(item, "meeting_type"):
            rule = MEETING_RULES.get(item.meeting_type, "MTG001")
        elif hasattr(item, "topics") and hasattr(item, "audience"):
            rule = TRAINING_RULE
        elif hasattr(item, "exercise_type"):
            rule = EXERCISE_RULE
        return Line(str(item.title), _status_done(item.status), due, self._owner(item.owner), rule)

    @staticmethod
    def _hidden_line(hidden: list[Withheld]) -> Line:
        for marker in hidden:  # each is named in the document's "withheld" box
            bool(marker)
        return Line("Further timetable entries (not in this edition)", None, note=hidden[0])

    # -- documents -------------------------------------------------------------------------

    def mou(self, mou: Any) -> dict[str, Any]:
        sections: list[dict[str, Any]] = []
        written = mou.sections if isinstance(mou, Record) else {}
        keys = [k for k in MOU_SECTIONS if k in written] + [
            k for k in written if k not in MOU_SECTIONS
        ]
        for key in keys:
            sections.append(
                {"key": key, "title": MOU_SECTIONS.get(key) or humanize(key), "text": written[key]}
            )
        missing = [title for key, title in MOU_SECTIONS.items() if key not in written]
        return {
            "mou": mou,
            "sections": sections,
            "missing_sections": missing if isinstance(mou, Record) else [],
            "party_roles": self._mou_roles(mou) if isinstance(mou, Record) else [],
        }

    def _mou_roles(self, mou: Record) -> list[Record]:
        """The parties' roles, less those scoped only to another area's polls.

        A neighbourhood inspector or delegated SPOC for another council does not belong in this
        council's MoU. Roles without an area, or scoped to an area that holds no poll (a BCU),
        stay: the plan does not say which council they serve.
        """
        party_orgs = {p.org for p in self._list(mou.parties)}
        roles = [
            r
            for r in self._list(self.view.roles)
            if isinstance(r, Record) and r.organisation in party_orgs
        ]
        parents = {
            j.id: j.parent for j in self._list(self.view.jurisdictions) if isinstance(j, Record)
        }
        elections = self.lookups.elections
        if isinstance(elections, Withheld):
            return roles

        def ancestors(jid: str) -> set[str]:
            out: set[str] = set()
            while jid in parents and parents[jid] and parents[jid] not in out:
                jid = parents[jid]
                out.add(jid)
            return out

        def area_of(election_ids: Any) -> set[str]:
            return {
                j
                for eid in election_ids
                if isinstance(elections.get(eid), Record)
                for j in elections[eid].jurisdictions
            }

        area = area_of(self._list(mou.scope.elections))
        if not area:
            return roles
        polls = area_of(elections)
        electoral = polls | {j for j in parents if ancestors(j) & polls}
        related = area | {a for j in area for a in ancestors(j)}
        related |= {j for j in parents if ancestors(j) & area}

        def elsewhere(role: Record) -> bool:
            scope = role.scope
            places = self._list(scope.jurisdictions) if isinstance(scope, Record) else []
            return bool(places) and all(j in electoral and j not in related for j in places)

        return [r for r in roles if not elsewhere(r)]

    def maa(self, maa: Any) -> dict[str, Any]:
        topics = []
        source = maa.topics if isinstance(maa, Record) else None
        for number, (key, title) in enumerate(MAA_TOPICS.items(), start=1):
            topic = getattr(source, key) if isinstance(source, Record) else source
            title = words(title, self.plan.country)
            topics.append({"number": number, "key": key, "title": title, "topic": topic})
        # Articles are numbered by the agreement's own clauses when every topic names one
        # ("Article 4"), so the text's cross-references ("see Article 10") match the headings.
        clauses = [t["topic"].clause if isinstance(t["topic"], Record) else None for t in topics]
        named = all(c and _NAMED_CLAUSE.match(str(c)) for c in clauses) and len(
            set(clauses)
        ) == len(clauses)
        for t, clause in zip(topics, clauses, strict=True):
            t["heading"] = (
                f"{clause}. {t['title']}" if named else f"Article {t['number']}. {t['title']}"
            )
            t["reference"] = None if named else clause
        parties = self._list(getattr(maa, "parties", None)) if isinstance(maa, Record) else []
        aid = [p for p in parties if p.role in ("aid_providing", "both")]
        restrictions = [
            t for t in topics if isinstance(t["topic"], Record) and t["topic"].key_restriction
        ]
        extra = []
        training = []
        termination = None
        if isinstance(maa, Record):
            uk = self.plan.country == "GB"
            for name, title in MAA_CLAUSES.items():
                title = words(
                    UK_MAA_CLAUSES.get(name, title) if uk else title, "GB" if uk else "US"
                )
                value = getattr(maa, name)
                if value:
                    extra.append({"title": title, "text": value})
            for item_id in self._list(maa.joint_training):
                entry = self.timeline.title(item_id)
                if entry is not None:  # an entry this audience may not see is not named
                    training.append({"title": entry, "due": self.timeline.due(item_id)})
            termination = self._termination(maa.termination, len(parties))
        return {
            "maa": maa,
            "topics": topics,
            "aid_parties": aid,
            "restrictions": restrictions,
            "clauses": extra,
            "joint_training": training,
            "termination": termination,
        }

    @staticmethod
    def _termination(termination: Any, parties: int) -> list[str]:
        """The termination clause: the text, and the notice period unless the text gives it."""
        if not isinstance(termination, Record):
            return []
        lines = []
        text = termination.text
        days = termination.notice_days
        who = "Either party" if parties <= 2 else "Any party"
        if days is not None and not (text and re.search(rf"\b{days}\b", str(text))):
            lines.append(f"{who} may end its participation with {days} days' written notice.")
        if text:
            lines.append(str(text))
        return lines

    def checklist_pre_election(self) -> dict[str, Any]:
        view, plan = self.view, self.plan
        poll = self.timeline.poll_date
        sections: list[Section] = []

        roles = Section("Roles and relationships")
        role_list = [r for r in self._list(view.roles) if isinstance(r, Record)]
        if plan.country == "US":
            kinds = {r.role for r in role_list}
            for kind, text in (
                ("sheriff", "Sheriff's office election contact identified"),
                ("police_chief", "Police chiefs of agencies covering the jurisdiction identified"),
                ("state_police_contact", "State police contact identified"),
                ("fbi_ecc", "FBI field office election crimes coordinator identified"),
            ):
                roles.lines.append(
                    Line(
                        text,
                        kind in kinds if role_list or not is_withheld(view.roles) else None,
                        rule="ROL007",
                    )
                )
            roles.lines.append(
                Line(
                    "Election office point of contact for law enforcement designated",
                    any(r.role == "le_liaison_poc" for r in role_list)
                    if not is_withheld(view.roles)
                    else None,
                    rule="ROL001",
                )
            )
        else:
            kinds = {r.role for r in role_list}
            roles.lines.append(
                Line(
                    "Force election SPOC nominated",
                    "force_election_spoc" in kinds if not is_withheld(view.roles) else None,
                    rule="ROL003",
                )
            )
            roles.lines.append(
                Line(
                    "Electoral services manager named for each local authority",
                    "electoral_services_manager" in kinds if not is_withheld(view.roles) else None,
                    rule="ROL001",
                )
            )
            roles.lines.append(
                Line(
                    "Senior investigating officer and BCU crime SPOCs assigned",
                    ("sio" in kinds and "bcu_crime_spoc" in kinds)
                    if not is_withheld(view.roles)
                    else None,
                    rule="ROL005",
                )
            )
        critical = [r for r in role_list if r.is_critical]
        gaps = [r for r in critical if not r.holder or not r.deputy]
        roles.lines.append(
            Line(
                "Every critical role has a holder and a deputy",
                (not gaps) if not is_withheld(view.roles) else None,
                rule="ROL011",
                note=", ".join(str(r.label) for r in gaps) if gaps else None,
            )
        )
        people = self._list(view.people)
        exchanged = [p for p in people if isinstance(p, Record)]
        mobile_known = (
            None
            if is_withheld(view.people)
            or any(is_withheld(p.mobile_exchanged_with) for p in exchanged)
            else any(p.mobile_exchanged_with for p in exchanged)
        )
        roles.lines.append(
            Line(
                "Mobile numbers exchanged between key points of contact",
                mobile_known,
                rule="ROL009",
                note=next(
                    (
                        p.mobile_exchanged_with
                        for p in exchanged
                        if is_withheld(p.mobile_exchanged_with)
                    ),
                    view.people if is_withheld(view.people) else None,
                ),
            )
        )
        sections.append(roles)

        timetable = Section(f"Timetable before {self.day_name}")
        visible, hidden = self._timetable()
        for item, due in self._sorted_by_due(visible):
            if poll and due and due.day and due.day > poll:
                continue
            timetable.lines.append(self._item_line(item, due))
        if hidden:
            timetable.lines.append(self._hidden_line(hidden))
        sections.append(timetable)

        agreements = Section("Agreements")
        for mou in self._list(view.mous):
            agreements.lines.append(
                Line(
                    f"MoU signed by every party: {mou.title}",
                    _signed_by_all(mou),
                    rule="DOC006",
                    note=self._date(mou.signed_on),
                )
            )
            agreements.lines.append(
                Line(
                    f"MoU reviewed in the last 12 months: {mou.title}",
                    _recent(mou.last_reviewed, poll),
                    rule="DOC002",
                    note=self._date(mou.last_reviewed),
                )
            )
            missing = [k for k in MOU_SECTIONS if k not in mou.sections]
            agreements.lines.append(
                Line(
                    f"MoU covers every section: {mou.title}",
                    not missing,
                    rule="DOC003",
                    note=", ".join(MOU_SECTIONS[k] for k in missing) or None,
                )
            )
        for maa in self._list(view.mutual_aid):
            topics = [getattr(maa.topics, key) for key in MAA_TOPICS]
            agreements.lines.append(
                Line(
                    f"All nine mutual aid topics settled: {maa.title}",
                    all(t is not None for t in topics),
                    rule="MAA001",
                )
            )
            agreements.lines.append(
                Line(
                    f"Election events covered: {maa.title}",
                    bool(maa.election_events_covered.covered),
                    rule="MAA002",
                )
            )
            signed = all(p.signatory is not None for p in maa.parties)
            agreements.lines.append(
                Line(f"Every party has a signatory: {maa.title}", signed, rule="MAA004")
            )
            for party in maa.parties:
                agreements.lines.append(
                    Line(
                        f"Personnel briefed on key restrictions: {self.lookups.org_name(party.org)}",
                        party.personnel_briefed_on is not None,
                        rule="MAA006",
                        note=self._date(party.personnel_briefed_on),
                    )
                )
        if is_withheld(view.mous) or is_withheld(view.mutual_aid):
            agreements.lines.append(Line("Agreements", None, note=view.mous))
        sections.append(agreements)

        security = Section("Security")
        threat = view.threat_assessment
        security.lines.append(
            Line(
                "Threat assessment current, with a review date",
                None
                if is_withheld(threat)
                else (threat is not None and threat.review_due is not None),
                rule="THR001",
                note=threat if is_withheld(threat) else None,
            )
        )
        sites = [s for s in self._list(view.sites) if isinstance(s, Record)]
        for text, site_kinds, attribute, is_done, rule in SITE_CHECKS:
            chosen = [s for s in sites if s.kind in site_kinds]
            if not chosen:
                continue
            values = [getattr(s, attribute) for s in chosen]
            withheld = next((v for v in values if is_withheld(v)), None)
            if withheld is not None:
                count = f"{len(chosen)} site{'s' if len(chosen) != 1 else ''}"
                security.lines.append(Line(f"{text} ({count})", None, rule=rule, note=withheld))
                continue
            missing = [
                str(s.name) for s, value in zip(chosen, values, strict=True) if not is_done(value)
            ]
            note = f"{len(chosen) - len(missing)} of {len(chosen)} site{'s' if len(chosen) != 1 else ''}"
            if missing:
                shown = ", ".join(missing[:SHOWN_NAMES])
                more = len(missing) - SHOWN_NAMES
                note += f"; outstanding: {shown}" + (f" and {more} more" if more > 0 else "")
            security.lines.append(Line(text, not missing, rule=rule, note=note))
        sections.append(security)

        comms = Section("Communications and reporting")
        reporting = view.threat_reporting
        channels = self._list(getattr(reporting, "channels", None)) if reporting is not None else []
        comms.lines.append(
            Line(
                "Dedicated threat reporting channel agreed",
                None if is_withheld(reporting) else bool(channels),
                rule="COM001",
                note=reporting if is_withheld(reporting) else None,
            )
        )
        communications = view.communications
        matrix = (
            None
            if is_withheld(communications) or communications is None
            else bool(communications.escalation_matrix)
        )
        comms.lines.append(
            Line(
                "Escalation matrix agreed",
                matrix,
                rule="COM008",
                note=communications if is_withheld(communications) else None,
            )
        )
        sections.append(comms)

        actions = Section("Open actions")
        open_actions = [a for a in self._actions() if a.status == "open"]
        for action, due in self._sorted_by_due(open_actions):
            actions.lines.append(
                Line(str(action.text), False, due, self._owner(action.owner), "MTG006")
            )
        if actions.lines:
            sections.append(actions)

        considerations = self._list(view.planning_considerations)
        title = (
            "Planning considerations (APP)" if plan.country == "GB" else "Planning considerations"
        )
        if considerations:
            planning = Section(title)
            for item in considerations:
                done = {"done": True, "not_required": True}.get(item.status, False)
                planning.lines.append(Line(humanize(item.key), done, note=item.note or item.reason))
            sections.append(planning)
        elif is_withheld(view.planning_considerations):
            sections.append(
                Section(
                    title,
                    [Line("Planning considerations", None, note=view.planning_considerations)],
                )
            )
        return {"sections": sections}

    def _actions(self) -> list[Record]:
        table = self.view.timetable
        out = [a for a in self._list(table.actions) if isinstance(a, Record)]
        for meeting in self._list(table.meetings):
            out += [a for a in self._list(meeting.actions) if isinstance(a, Record)]
        for exercise in self._list(table.exercises):
            out += [a for a in self._list(exercise.improvement_items) if isinstance(a, Record)]
        return out

    def checklist_election_day(self) -> dict[str, Any]:
        sites = [
            s
            for s in self._list(self.view.sites)
            if isinstance(s, Record) and s.kind in ASSESSED_KINDS
        ]
        channels = []
        reporting = self.view.threat_reporting
        if isinstance(reporting, Record):
            channels = self._list(reporting.channels)
        poll = self.timeline.poll_date
        visible, hidden = self._timetable()
        on_the_day = []
        for item, due in self._sorted_by_due(visible):
            if poll and due and due.day and poll <= due.day <= poll + timedelta(days=2):
                on_the_day.append(self._item_line(item, due))
        if hidden and on_the_day:
            on_the_day.append(self._hidden_line(hidden))
        return {
            "transports": self.transports(),
            "considerations": [words(c, self.plan.country) for c in ELECTION_DAY_CONSIDERATIONS],
            "sites": sites,
            "areas": self._by_area(sites),
            "channels": channels,
            "poll_day": poll,
            "on_the_day": on_the_day,
        }

    def _by_area(self, sites: list[Record]) -> list[Record]:
        """Sites grouped by council or municipality (a ward's sites go with its council),
        each with its polling-day hours."""
        jurisdictions = {
            j.id: j for j in self._list(self.view.jurisdictions) if isinstance(j, Record)
        }

        def area(jid: Any) -> Any:
            seen = set()
            while (
                jid in jurisdictions
                and jurisdictions[jid].kind in SUB_AREA_KINDS
                and jurisdictions[jid].parent
                and jid not in seen
            ):
                seen.add(jid)
                jid = jurisdictions[jid].parent
            return jid

        groups: dict[str, list[Record]] = {}
        for site in sites:
            name = str(self.lookups.jurisdiction_name(area(site.jurisdiction)))
            groups.setdefault(name, []).append(
                Record({"site": site, "hours": self._poll_day_hours(site)})
            )
        return [Record({"name": name, "sites": rows}) for name, rows in sorted(groups.items())]

    def _poll_day_hours(self, site: Record) -> str:
        """Opening hours on polling day and the day after (the count): the windows that
        cover those days, else every window. A polling station has its place's hours."""
        plan_index = self.plan.index()
        index = plan_index.sites
        raw = index.get(site.id)
        if raw is not None and not raw.operating_windows and raw.parent_site in index:
            raw = index[raw.parent_site]
        models = list(raw.operating_windows) if raw is not None else []
        at = ("sites", plan_index.site_positions[raw.id]) if raw is not None else ()
        poll = self.timeline.poll_date
        every = "; ".join(w.hours for w in models if w.hours)
        if poll is None or not models:
            return every
        shown = []
        for j, model in enumerate(models):
            start = self.timeline.date_of(model.from_, (*at, "operating_windows", j, "from"))
            end = self.timeline.date_of(model.to, (*at, "operating_windows", j, "to"))
            if start is None or end is None or start.day is None or end.day is None:
                return every  # dates that do not resolve: show every window as written
            if start.day <= poll <= end.day:
                shown.append(model.hours or "open")
            elif start.day == poll + timedelta(days=1):
                day = short_date(start.day, self.plan.country)
                shown.append(f"{day}: {model.hours}" if model.hours else f"from {day}")
        return "; ".join(shown) if shown else f"closed on {self.day_name}"

    def checklist_spoc_esm(self) -> dict[str, Any]:
        meetings = [
            m
            for m in self._list(self.view.timetable.meetings)
            if isinstance(m, Record) and m.meeting_type == "spoc_esm"
        ]
        due = self.timeline.due(meetings[0].id) if meetings else None
        owner = "Force election SPOC and ESM"
        lines = [Line(text, False, due, owner, rule) for text, rule in SPOC_ESM_TOPICS]
        return {"lines": lines, "meetings": meetings}

    def contacts(self, contacts: Any) -> dict[str, Any]:
        """ICS 205A rows: one per person and organisation, with every position they hold."""
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        for role in self._list(self.view.roles):
            on_polling_day = self.lookups.handovers.get(role.id, (role.holder, role.deputy))
            for which, person_id in zip(("holder", "deputy"), on_polling_day, strict=True):
                if not person_id:
                    continue
                person = self.lookups.person(person_id)
                name = person.display_name if person is not None else person_id
                org = self.lookups.org_name(role.organisation)
                position = str(self.lookups.role_name(role.id, with_org=False))
                position += " (deputy)" if which == "deputy" else ""
                key = (str(person_id), str(org))
                if key in rows:
                    if position not in rows[key]["positions"]:
                        rows[key]["positions"].append(position)
                    continue
                methods = []
                if isinstance(contacts, dict) and person_id in contacts:
                    methods = self._list(contacts[person_id].contact_methods)
                rows[key] = {"name": name, "positions": [position], "org": org, "methods": methods}
        out = []
        for row in rows.values():
            row["position"] = "; ".join(row["positions"])
            out.append(row)
        out.sort(key=lambda r: (str(r["name"]).lower(), str(r["org"])))
        return {"rows": out}

    def command_chart(self) -> dict[str, Any]:
        command = self.view.command
        if not isinstance(command, Record):
            return {"command": command, "mermaid": None, "rows": [], "chart": None}
        rows: list[dict[str, Any]] = []
        lines = ["flowchart TD"]
        figure = ChartTree()

        def node(
            ident: str, level: str, role_id: str, detail: str = "", indent: str = "    "
        ) -> str:
            ident = re.sub(r"[^A-Za-z0-9_]", "_", ident)
            role_label, holder, deputy = (
                self.lookups.role_label(role_id),
                self.lookups.role_holder(role_id),
                self.lookups.role_deputy(role_id),
            )
            rows.append(
                {
                    "level": level,
                    "role": role_label,
                    "detail": detail,
                    "holder": holder,
                    "deputy": deputy,
                }
            )
            texts = [_plain(role_label)]
            scope = detail.split(": ", 1)[-1]
            if detail and scope.lower() not in str(role_label).lower():
                texts.append(_plain(detail))
            texts += [f"Holder: {_plain(holder)}", f"Deputy: {_plain(deputy)}"]
            parts = [_mermaid_text(text) for text in texts]
            lines.append(f'{indent}{ident}["{"<br/>".join(parts)}"]')
            figure.node(ident, chart_tier(level), texts[0], tuple(texts[1:]))
            return ident

        def edge(parent: str, child: str, dashed: bool = False) -> None:
            lines.append(f"    {parent} {'-.->' if dashed else '-->'} {child}")
            figure.edge(parent, child, dashed)

        gold = node("gold_0", "Gold", command.gold.assignment) if command.gold else None
        silvers: dict[Any, str] = {}
        for i, silver in enumerate(self._list(command.silver)):
            area = self.lookups.jurisdiction_name(silver.area) if silver.area else ""
            ident = node(f"silver_{i}", "Silver", silver.assignment, str(area))
            silvers[silver.area if silver.area else f"silver_{i}"] = ident
            if gold:
                edge(gold, ident)
        for i, bronze in enumerate(self._list(command.bronze)):
            if bronze.type == "functional":
                what = bronze.function_other or label(bronze.function, "bronze_function")
                detail = f"functional: {what}"
            else:
                detail = f"geographical: {self.lookups.jurisdiction_name(bronze.area)}"
            ident = node(f"bronze_{i}", "Bronze", bronze.assignment, detail)
            if bronze.type == "geographical" and bronze.area in silvers:
                edge(silvers[bronze.area], ident)
            elif len(silvers) == 1:
                edge(next(iter(silvers.values())), ident)
            elif gold:  # several silvers: the plan does not say which one a bronze serves
                edge(gold, ident, dashed=True)
        positions = [p for p in self._list(command.ics) if isinstance(p, Record)]
        top = [p for p in positions if p.position in ("incident_commander", "unified_command")]
        if top:  # ICS 207: IC or unified command, command staff and sections beneath it
            lines.append("    subgraph ics_command [Incident command]")
            for i, position in enumerate(top):
                node(
                    f"ics_c{i}",
                    ICS_LEVELS[position.position],
                    position.assignment,
                    label(position.position, "ics_position"),
                    "        ",
                )
            lines.append("    end")
            figure.top_label = "Unified command" if len(top) > 1 else ""
        idents: dict[str, str] = {}
        rest = [p for p in positions if p not in top]
        for i, position in enumerate(rest):
            ident = node(
                f"ics_{i}",
                ICS_LEVELS.get(position.position, "ICS"),
                position.assignment,
                label(position.position, "ics_position"),
            )
            idents.setdefault(position.position, ident)
        for i, position in enumerate(rest):
            parent = idents.get(ICS_PARENTS.get(position.position, ""))
            if parent:
                edge(parent, f"ics_{i}")
            elif top:
                lines.append(f"    ics_command --> ics_{i}")
                figure.edge("", f"ics_{i}")
        return {
            "command": command,
            "mermaid": MdSafe("\n".join(lines)),
            "rows": rows,
            "chart": figure.chart(f"Command structure of {self.plan.title}"),
        }

    def comms_plan(self) -> dict[str, Any]:
        return {}

    def debrief(self) -> dict[str, Any]:
        debrief = self.view.debrief
        written = debrief.considerations if isinstance(debrief, Record) else {}
        # the APP wording; a US plan gets it in the words of a US election office
        titles = DEBRIEF_CONSIDERATIONS | (US_DEBRIEF_TITLES if self.plan.country == "US" else {})
        items = [
            {
                "key": key,
                "title": words(titles[key], self.plan.country),
                "text": written.get(key) if isinstance(written, dict) else written,
            }
            for key in DEBRIEF_CONSIDERATIONS
        ]
        lessons = []
        if isinstance(debrief, Record):
            for lesson in self._list(debrief.lessons):
                action = lesson.action
                title = self.timeline.title(action) if action else None
                lessons.append(
                    {
                        "text": lesson.text,
                        # an entry this audience may not see is neither named nor dated
                        "action": title,
                        "due": self.timeline.due(action) if title else None,
                    }
                )
        return {
            "debrief": debrief,
            "considerations": items,
            "lessons": lessons,
            **self._incident_counts(),
        }

    def _incident_counts(self) -> dict[str, Any]:
        """Counts by harm and week from the incident log (aggregates only: the log itself is
        restricted). Below the internal edition small numbers are suppressed."""
        from elecsafe.incidents.summary import summarise, suppress_small
        from elecsafe.model.threat import harm_labels

        summary = summarise(self.plan)
        public = self.audience != "internal"
        harms = harm_labels(self.plan.country)
        by_harm = suppress_small(summary.by_harm) if public else dict(summary.by_harm)
        weeks = {w.isoformat(): sum(c.values()) for w, c in summary.by_week.items()}
        shown_weeks: dict[str, int | None] = suppress_small(weeks) if public else dict(weeks)
        return {
            **self._incident_weeks(summary, shown_weeks, harms),
            "incident_total": summary.total,
            "incidents_by_harm": [{"harm": harms[h], "count": n} for h, n in by_harm.items()],
            "incidents_by_week": [
                {"week": self._date(date.fromisoformat(w)), "count": n}
                for w, n in shown_weeks.items()
            ],
            "incidents_by_target": (
                [
                    {"target": TARGET_LABELS[t], "count": n}
                    for t, n in (
                        suppress_small(summary.by_target) if public else summary.by_target
                    ).items()
                ]
            ),
            "incidents_by_status": (
                []
                if self.audience == "public"
                else [
                    {"status": STATUS_LABELS[k], "count": n}
                    for k, n in sorted(summary.by_status.items(), key=lambda kv: -kv[1])
                ]
            ),
        }

    def _incident_weeks(
        self, summary: IncidentSummary, shown_weeks: dict[str, int | None], harms: dict[str, str]
    ) -> dict[str, Any]:
        """Incidents per week: by harm in the internal edition (a table and stacked bars); in
        the others the weekly totals as published (small numbers withheld), never split by
        harm, since a split next to the totals would let a withheld count be worked out."""
        from elecsafe.render.barchart import Series, WeeklyChart

        if not shown_weeks:
            return {"incidents_by_week_harm": [], "figures": []}
        if self.audience == "internal":
            present = [h for h in harms if any(c[h] for c in summary.by_week.values())]
            rows = [
                {
                    "week": self._date(week),
                    "total": sum(counts.values()),
                    "harms": "; ".join(f"{harms[h]}: {counts[h]}" for h in present if counts[h]),
                }
                for week, counts in summary.by_week.items()
            ]
            series = tuple(
                Series(harms[h], tuple(c[h] for c in summary.by_week.values())) for h in present
            )
            what = "by harm"
        else:
            present, rows = [], []
            series = (Series("Incidents", tuple(shown_weeks.values())),)
            what = "in total"
        labels = tuple(day_month(date.fromisoformat(w), self.plan.country) for w in shown_weeks)
        first, last = next(iter(shown_weeks)), list(shown_weeks)[-1]
        description = (
            f"Bar chart: incidents recorded per week {what}, {len(shown_weeks)} weeks from the "
            f"week starting {self._date(date.fromisoformat(first))} to the week starting "
            f"{self._date(date.fromisoformat(last))}."
        )
        return {
            "incidents_by_week_harm": rows,
            "figures": [WeeklyChart(labels, series, description)],
        }

    def threat_summary(self) -> dict[str, Any]:
        return self._incident_counts()

    def site_register(self) -> dict[str, Any]:
        sites = self._list(self.view.sites)
        register: list[Record] = []
        locations: list[Any] = []
        access: list[Record] = []
        # the view lists the plan's sites in order; ids may be withheld, so pair by position
        for raw, site in zip(self.plan.sites, sites, strict=False):
            if not isinstance(site, Record):
                continue
            register.append(site)
            locations.append(self._location(raw, site))
            if raw.access_notes:
                if is_withheld(site.access_notes):
                    bool(site.access_notes)  # named in the "withheld" box
                else:
                    access.append(Record({"site": site, "notes": site.access_notes}))
        return {
            "register": register,
            "locations": locations,
            "access": access,
            "presence": self.presence_windows(),
            "assessed_kinds": sorted(ASSESSED_KINDS),
        }

    def presence_windows(self) -> list[Record]:
        """Police presence by date and time, one row per window, for editions that may see
        it (restricted); below that, the withheld marker is named in the "withheld" box."""
        rows: list[Record] = []
        resolved = self.timeline.resolved
        for raw, site in zip(self.plan.sites, self._list(self.view.sites), strict=False):
            if not raw.presence_windows or not isinstance(site, Record):
                continue
            windows = site.presence_windows
            if is_withheld(windows):
                bool(windows)
                continue
            for model, window in zip(raw.presence_windows, windows, strict=False):
                item = resolved.item(model.id) if resolved is not None else None
                days = "—"
                if item is not None:
                    first = short_date(item.day, self.plan.country)
                    last = short_date(item.last_day, self.plan.country)
                    days = str(first) if item.day == item.last_day else f"{first} – {last}"
                hours = f"{model.start}–{model.end}" if model.start and model.end else "all day"
                rows.append(
                    Record(
                        {
                            "site": site,
                            "window": window,
                            "days": days,
                            "daily": item is not None and item.recurrence is not None,
                            "hours": hours,
                        }
                    )
                )
        rows.sort(key=lambda r: (_presence_key(self.timeline, r), str(r.site.name)))
        return rows

    @staticmethod
    def _location(raw: Site, site: Record) -> Any:
        """Where a site is, at the level this edition may see: the public address, else the
        partners or restricted address. A non-public address above the audience is the
        withheld marker (named in the "withheld" box), touched only when the site has one."""
        if raw.address:
            return site.address
        for name in ("partners_address", "restricted_address"):
            if getattr(raw, name):
                value = getattr(site, name)
                bool(value)  # a withheld marker logs itself
                return value
        return None

    def briefing(self) -> dict[str, Any]:
        election_day = self.checklist_election_day()
        return {
            "assigned_sites": election_day["sites"],
            "presence": self.presence_windows(),
            "observers": self._observers(),
            **election_day,
        }

    def transports(self) -> list[Record]:
        """Ballot transport between sites with its chain of custody and escort, for editions
        that may see it (restricted); below that the marker is named in the "withheld" box."""
        moves = self.view.ballot_transport
        if is_withheld(moves):
            if self.plan.ballot_transport:
                bool(moves)
            return []
        names = {s.id: s.name for s in self.plan.sites}
        rows = []
        pairs = zip(self.plan.ballot_transport, self._list(moves), strict=False)
        for i, (model, move) in enumerate(pairs):
            due = self.timeline.date_of(model.when, ("ballot_transport", i, "when"))
            when = ""
            if due is not None:
                when = str(short_date(due.day, self.plan.country)) if due.day else due.text
            if model.time:
                when = f"{when} {model.time}".strip()
            rows.append(
                Record(
                    {
                        "move": move,
                        "from_name": names.get(model.from_site, model.from_site),
                        "to_name": names.get(model.to_site, model.to_site),
                        "when": when,
                    }
                )
            )
        return rows

    def _observers(self) -> list[Record]:
        """Observer rules, once per distinct set, with the elections they apply to."""
        groups: list[tuple[Any, Any, list[Any]]] = []  # (model, view, election names)
        for raw, election in zip(
            self.plan.elections, self._list(self.view.elections), strict=False
        ):
            if raw.observers is None or not isinstance(election.observers, Record):
                continue
            same = next((g for g in groups if g[0] == raw.observers), None)
            if same is None:
                groups.append((raw.observers, election.observers, [election.name]))
            else:
                same[2].append(election.name)
        return [Record({"rules": view, "elections": names}) for _, view, names in groups]


def _presence_key(timeline: Dues, row: Record) -> tuple[date, str]:
    resolved = timeline.resolved
    item = resolved.item(row.window.id) if resolved is not None else None
    if item is None:
        return (date.max, "")
    return (item.day, item.start.strftime("%H:%M") if isinstance(item.start, datetime) else "")


def _plain(value: Any) -> str:
    if value is None:
        return "not assigned"
    return "withheld" if is_withheld(value) else str(value)


def _mermaid_text(value: Any) -> str:
    """Mermaid label text: no quotes, brackets or markup that would end the label."""
    text = _plain(value)
    return re.sub(r'["`<>{}\[\]|#;]', " ", " ".join(text.split())).strip()


def _due_key(due: Due | None) -> tuple[int, date, str]:
    if due is None:
        return (2, date.max, "")
    if due.day is None:
        return (1, date.max, due.text)
    return (0, due.day, "")


def _status_done(status: Any) -> bool | None:
    if is_withheld(status):
        return None
    return status in ("done", "not_required")


def _signed_by_all(mou: Any) -> bool | None:
    """Every party has signed (as MouParty.has_signed, on the audience's view of the plan);
    None when the audience may not see the signatories."""
    parties = mou.parties
    if is_withheld(parties) or any(is_withheld(p.signatory) for p in parties):
        return None
    if any(p.signatory is not None and is_withheld(p.signatory.signed_on) for p in parties):
        return None
    return all(p.signatory is not None and p.signatory.signed_on is not None for p in parties)


def _recent(day: Any, poll: date | None) -> bool | None:
    if not isinstance(day, date) or poll is None:
        return None
    return (poll - day).days <= 366


__all__ = ["Builder", "Line", "Section", "Withheld"]
