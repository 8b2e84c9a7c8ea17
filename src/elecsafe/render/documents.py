"""Per-document data that is easier to compute than to write in Jinja.

Everything here reads the *redacted* view (records and withheld markers) through
:class:`Builder`, except dates, which come from the timeline of the unredacted plan (dates of
public timetable entries; items the audience may not see are never listed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from elecsafe.model.agreements import MAA_TOPICS, MOU_SECTIONS
from elecsafe.model.learning import DEBRIEF_CONSIDERATIONS
from elecsafe.model.plan import Plan
from elecsafe.model.sites import ASSESSED_KINDS, COUNT_KINDS, VOTING_KINDS
from elecsafe.render.filters import Lookups, humanize, short_date
from elecsafe.render.markdown import MdSafe
from elecsafe.render.redact import Record, Withheld, is_withheld
from elecsafe.render.timeline import Due, Timeline


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

# ICS 203/207 blocks, for the level column of the command chart.
ICS_LEVELS = {
    "Incident commander": "Command",
    "Unified command": "Command",
    "Deputy ic": "Command",
    "Safety officer": "Command staff",
    "Public information officer": "Command staff",
    "Liaison officer": "Command staff",
    "Agency representative": "Agency representative",
    "Operations section chief": "General staff",
    "Planning section chief": "General staff",
    "Logistics section chief": "General staff",
    "Finance admin section chief": "General staff",
}

# APP election-day considerations (S002 "Election day"), five items.
ELECTION_DAY_CONSIDERATIONS = (
    "Locations of polling stations and count venues, and the assessment of their vulnerability",
    "Police presence at each location: permanent, occasional or none",
    "Police powers: entering polling stations and responding to requests from the returning officer",
    "Tactics to minimise disorder and intimidation, keep access to voting free and unobstructed, "
    "and reduce the risk to polling and count staff and of malpractice",
    "Tactics to arrest, and to recover and preserve evidence",
)

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
    def __init__(self, plan: Plan, view: Record, lookups: Lookups, timeline: Timeline) -> None:
        self.plan = plan
        self.view = view
        self.lookups = lookups
        self.timeline = timeline

    # -- helpers ---------------------------------------------------------------------------

    def _date(self, value: Any) -> Any:
        return short_date(value, self.plan.country) if value else value

    @staticmethod
    def _list(value: Any) -> list[Any]:
        return [] if is_withheld(value) or value is None else list(value)

    def _owner(self, role_id: Any) -> Any:
        if not role_id:
            return role_id
        label = self.lookups.role_label(role_id)
        holder = self.lookups.role_holder(role_id)
        if holder and not is_withheld(holder) and not is_withheld(label):
            return f"{label} ({holder})"
        return label

    def _timetable(self) -> list[Record]:
        """Visible timetable entries with their kind."""
        table = self.view.timetable
        out: list[Record] = []
        for group in ("milestones", "meetings", "trainings", "exercises"):
            for item in self._list(getattr(table, group)):
                if isinstance(item, Record):
                    out.append(item)
        return out

    def _sorted_by_due(self, items: list[Record]) -> list[tuple[Record, Due | None]]:
        dated = [(item, self.timeline.due(item.id)) for item in items]
        return sorted(dated, key=lambda pair: _due_key(pair[1]))

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
        party_orgs = [p.org for p in self._list(getattr(mou, "parties", None))]
        roles = [
            r
            for r in self._list(self.view.roles)
            if isinstance(r, Record) and r.organisation in party_orgs
        ]
        return {
            "mou": mou,
            "sections": sections,
            "missing_sections": missing if isinstance(mou, Record) else [],
            "party_roles": roles,
        }

    def maa(self, maa: Any) -> dict[str, Any]:
        topics = []
        source = maa.topics if isinstance(maa, Record) else None
        for number, (key, title) in enumerate(MAA_TOPICS.items(), start=1):
            topic = getattr(source, key) if isinstance(source, Record) else source
            topics.append({"number": number, "key": key, "title": title, "topic": topic})
        parties = self._list(getattr(maa, "parties", None)) if isinstance(maa, Record) else []
        aid = [p for p in parties if p.role in ("aid_providing", "both")]
        restrictions = [
            t for t in topics if isinstance(t["topic"], Record) and t["topic"].key_restriction
        ]
        clauses = []
        if isinstance(maa, Record):
            for name in (
                "reporting_instructions", "policy_conflicts", "liability_indemnification",
                "workers_compensation", "reimbursement_compensation", "credentialing_qualifications",
                "licensure_certification", "mobilization", "demobilization", "arrests_and_detention",
                "open_records_alignment", "dispute_resolution", "modification",
            ):  # fmt: skip
                value = getattr(maa, name)
                if value:
                    clauses.append(
                        {"title": humanize(name).replace(" and ", " and "), "text": value}
                    )
        return {
            "maa": maa,
            "topics": topics,
            "aid_parties": aid,
            "restrictions": restrictions,
            "clauses": clauses,
        }

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

        timetable = Section("Timetable before polling day")
        for item, due in self._sorted_by_due(self._timetable()):
            if poll and due and due.day and due.day > poll:
                continue
            rule = ""
            if (
                getattr(item, "statutory", None)
                or getattr(item, "kind", None) == "statutory_deadline"
            ):
                rule = STATUTORY_RULE
            elif hasattr(item, "meeting_type"):
                rule = MEETING_RULES.get(item.meeting_type, "MTG001")
            elif hasattr(item, "topics") and hasattr(item, "audience"):
                rule = TRAINING_RULE
            elif hasattr(item, "exercise_type"):
                rule = EXERCISE_RULE
            timetable.lines.append(
                Line(str(item.title), _status_done(item.status), due, self._owner(item.owner), rule)
            )
        if is_withheld(view.timetable.milestones):
            timetable.lines.append(Line("Timetable entries", None, note=view.timetable.milestones))
        sections.append(timetable)

        agreements = Section("Agreements")
        mou_rule = "DOC001" if plan.country == "GB" else "DOC004"
        for mou in self._list(view.mous):
            agreements.lines.append(
                Line(
                    f"MoU signed: {mou.title}",
                    mou.signed_on is not None,
                    rule=mou_rule,
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
        for site in self._list(view.sites):
            if site.kind in VOTING_KINDS:
                check = site.security_checklist
                done = None if is_withheld(check) else bool(check and check.completed_on)
                security.lines.append(
                    Line(
                        f"Physical security checklist completed: {site.name}",
                        done,
                        rule="SITE011",
                        note=check if is_withheld(check) else None,
                    )
                )
            elif site.kind == "ballot_drop_box":
                box = site.drop_box
                done = (
                    None
                    if is_withheld(box)
                    else bool(box and box.anchored and box.video_surveillance)
                )
                security.lines.append(
                    Line(
                        f"Drop box controls in place: {site.name}",
                        done,
                        rule="SITE006",
                        note=box if is_withheld(box) else None,
                    )
                )
            elif site.kind in COUNT_KINDS:
                count = site.count
                done = (
                    None
                    if is_withheld(count)
                    else bool(count and count.access_control and count.ballot_box_receipt_log)
                )
                security.lines.append(
                    Line(
                        f"Count security arranged: {site.name}",
                        done,
                        rule="SITE007",
                        note=count if is_withheld(count) else None,
                    )
                )
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
        for action in self._actions():
            if action.status != "open":
                continue
            due = self.timeline.date_of(self._raw_action_due(action.id))
            actions.lines.append(
                Line(str(action.text), False, due, self._owner(action.owner), "MTG006")
            )
        if actions.lines:
            sections.append(actions)

        considerations = self._list(view.planning_considerations)
        if considerations:
            planning = Section("Planning considerations (APP)")
            for item in considerations:
                done = {"done": True, "not_required": True}.get(item.status, False)
                planning.lines.append(Line(humanize(item.key), done, note=item.note or item.reason))
            sections.append(planning)
        elif is_withheld(view.planning_considerations):
            sections.append(
                Section(
                    "Planning considerations (APP)",
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

    def _raw_action_due(self, action_id: str) -> Any:
        timetable = self.plan.timetable
        actions = [*timetable.actions]
        for meeting in timetable.meetings:
            actions += meeting.actions
        for exercise in timetable.exercises:
            actions += exercise.improvement_items
        for action in actions:
            if action.id == action_id:
                return action.due
        return None

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
        return {
            "considerations": ELECTION_DAY_CONSIDERATIONS,
            "sites": sites,
            "channels": channels,
            "poll_day": self.timeline.poll_date,
        }

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
        rows = []
        for role in self._list(self.view.roles):
            for which in ("holder", "deputy"):
                person_id = getattr(role, which)
                if not person_id:
                    continue
                person = self.lookups.person(person_id)
                methods = []
                if isinstance(contacts, dict) and person_id in contacts:
                    methods = self._list(contacts[person_id].contact_methods)
                rows.append(
                    {
                        "position": role.label + (" (deputy)" if which == "deputy" else ""),
                        "name": person.display_name if person is not None else person_id,
                        "org": self.lookups.org_name(role.organisation),
                        "methods": methods,
                    }
                )
        rows.sort(key=lambda r: (str(r["name"]).lower(), str(r["position"])))
        return {"rows": rows}

    def command_chart(self) -> dict[str, Any]:
        command = self.view.command
        if not isinstance(command, Record):
            return {"command": command, "mermaid": None, "rows": []}
        rows: list[dict[str, Any]] = []
        lines = ["flowchart TD"]

        def node(level: str, key: str, role_id: str, detail: str = "", indent: str = "    ") -> str:
            ident = re.sub(r"[^A-Za-z0-9_]", "_", f"{level}_{key}")
            label, holder, deputy = (
                self.lookups.role_label(role_id),
                self.lookups.role_holder(role_id),
                self.lookups.role_deputy(role_id),
            )
            rows.append(
                {
                    "level": ICS_LEVELS.get(detail, level.capitalize())
                    if level == "ics"
                    else level.capitalize(),
                    "role": label,
                    "detail": detail,
                    "holder": holder,
                    "deputy": deputy,
                }
            )
            parts = [_mermaid_text(label)]
            if detail:
                parts.append(_mermaid_text(detail))
            parts.append(_mermaid_text(f"Holder: {_plain(holder)}"))
            parts.append(_mermaid_text(f"Deputy: {_plain(deputy)}"))
            lines.append(f'{indent}{ident}["{"<br/>".join(parts)}"]')
            return ident

        gold = node("gold", "0", command.gold.assignment) if command.gold else None
        silvers = []
        for i, silver in enumerate(self._list(command.silver)):
            area = self.lookups.jurisdiction_name(silver.area) if silver.area else ""
            ident = node("silver", str(i), silver.assignment, str(area))
            silvers.append(ident)
            if gold:
                lines.append(f"    {gold} --> {ident}")
        for i, bronze in enumerate(self._list(command.bronze)):
            if bronze.type == "functional":
                detail = f"functional: {humanize(bronze.function_other or bronze.function)}"
            else:
                detail = f"geographical: {self.lookups.jurisdiction_name(bronze.area)}"
            ident = node("bronze", str(i), bronze.assignment, detail)
            if len(silvers) == 1:
                lines.append(f"    {silvers[0]} --> {ident}")
            elif gold:  # several silvers: the plan does not say which one a bronze serves
                lines.append(f"    {gold} -.-> {ident}")
        positions = self._list(command.ics)
        top = [p for p in positions if p.position in ("incident_commander", "unified_command")]
        if top:  # ICS 207: IC or unified command, command staff and sections beneath it
            lines.append("    subgraph ics_command [Incident command]")
            for i, position in enumerate(top):
                node("ics", f"c{i}", position.assignment, humanize(position.position), "        ")
            lines.append("    end")
        for i, position in enumerate(p for p in positions if p not in top):
            ident = node("ics", str(i), position.assignment, humanize(position.position))
            if top:
                lines.append(f"    ics_command --> {ident}")
        return {"command": command, "mermaid": MdSafe("\n".join(lines)), "rows": rows}

    def comms_plan(self) -> dict[str, Any]:
        return {}

    def debrief(self) -> dict[str, Any]:
        debrief = self.view.debrief
        written = debrief.considerations if isinstance(debrief, Record) else {}
        items = [
            {
                "key": key,
                "title": title,
                "text": written.get(key) if isinstance(written, dict) else written,
            }
            for key, title in DEBRIEF_CONSIDERATIONS.items()
        ]
        return {"debrief": debrief, "considerations": items}

    def site_register(self) -> dict[str, Any]:
        sites = [s for s in self._list(self.view.sites) if isinstance(s, Record)]
        return {"register": sites, "assessed_kinds": sorted(ASSESSED_KINDS)}

    def briefing(self) -> dict[str, Any]:
        sites = [s for s in self._list(self.view.sites) if isinstance(s, Record)]
        return {
            "assigned_sites": [s for s in sites if s.kind in ASSESSED_KINDS],
            **self.checklist_election_day(),
        }


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


def _recent(day: Any, poll: date | None) -> bool | None:
    if not isinstance(day, date) or poll is None:
        return None
    return (poll - day).days <= 366


__all__ = ["Builder", "Line", "Section", "Withheld"]
