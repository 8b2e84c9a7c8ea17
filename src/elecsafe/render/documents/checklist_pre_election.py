"""Pre-election checklist: what must be done before polling day, each line with its rule.

Lines a rule verifies are ticked from the settled findings of the same lint run
(:class:`~elecsafe.render.documents.checklist.Verdicts`); timetable entries, actions and
planning considerations show their own status as the plan records it.
"""

from __future__ import annotations

from typing import Any

from elecsafe.model.sites import COUNT_KINDS, VOTING_KINDS
from elecsafe.render.documents.checklist import (
    Check,
    Line,
    Section,
    Verdicts,
    hidden_line,
    item_line,
)
from elecsafe.render.documents.post_poll import after_poll, programme
from elecsafe.render.documents.sources import Sources, items
from elecsafe.render.filters import humanize
from elecsafe.render.redact import Record, is_withheld

US_ROLES = (
    Check(
        "Election office point of contact for law enforcement designated",
        ("ROL001",),
        about=("roles",),
    ),
    Check(
        "Sheriff's office, police chiefs, state police contact and FBI election crimes coordinator identified",
        ("ROL007",),
        about=("roles",),
    ),
)
UK_ROLES = (
    Check("Force election SPOC nominated for each force", ("ROL003",), about=("roles",)),
    Check("Electoral services manager named on the election side", ("ROL001",), about=("roles",)),
    Check(
        "Senior investigating officer and BCU crime SPOCs assigned", ("ROL005",), about=("roles",)
    ),
)
CRITICAL_ROLES = Check(
    "Every critical role has a holder and a different deputy", ("ROL011",), ("roles",)
)
MOBILES = Check(
    "Mobile numbers exchanged between key points of contact",
    ("ROL009",),
    about=("people", "*", "mobile_exchanged_with"),
)
UK_MOUS = Check(
    "An MoU with each local authority that holds a poll", ("DOC001",), ("organisations",), ("mous",)
)
US_MOUS = Check(
    "A written cooperation agreement with each sheriff's office and police department",
    ("DOC004",),
    ("organisations",),
    ("mous",),
)
# "Signed by every party": each party's signatory signed (DOC006; MAA004 for a mutual aid
# agreement) the terms as they stand (DOC007), in this plan, not the one it was rolled from
# (DOC008); an agreement that still holds a placeholder is a draft nobody has signed yet
# (:func:`_signed_line`).
SIGNED = ("DOC006", "DOC007", "DOC008")
THREAT = Check("Threat assessment current, with a review date", ("THR001",), ("threat_assessment",))
CHANNELS = Check("Dedicated threat reporting channel agreed", ("COM001",), ("threat_reporting",))
ESCALATION = Check("Escalation matrix agreed", ("COM008",), ("communications",))
# Site checks: (line, rule, site kinds, the field the audience must see for a tick).
SITE_CHECKS: tuple[tuple[str, str, frozenset[str], str], ...] = (
    ("Physical security checklist completed at every polling place and voting site", "SITE011", VOTING_KINDS, "security_checklist"),
    ("Drop boxes anchored and under video surveillance", "SITE006", frozenset({"ballot_drop_box"}), "drop_box"),
    ("Count security arranged: access control and a ballot box receipt log", "SITE007", COUNT_KINDS, "count"),
)  # fmt: skip
SHOWN_NAMES = 8  # outstanding sites named in a checklist note before "and N more"


def build(src: Sources, _: None = None) -> dict[str, Any]:
    view, plan = src.view, src.plan
    poll = src.timeline.poll_date
    verdicts = src.verdicts
    sections: list[Section] = []

    roles = Section("Roles and relationships")
    for check in US_ROLES if plan.country == "US" else UK_ROLES:
        roles.lines.append(verdicts.line(src, check))
    gaps = [view.roles[i] for i in verdicts.entities(CRITICAL_ROLES, "roles")]
    labels = [str(r.label) for r in gaps if isinstance(r, Record)]
    roles.lines.append(verdicts.line(src, CRITICAL_ROLES, note=", ".join(labels) or None))
    roles.lines.append(verdicts.line(src, MOBILES))
    sections.append(roles)

    timetable = Section(f"Timetable before {src.day_name}")
    visible, hidden = src.timetable()
    for item, due in src.sorted_by_due(visible):
        if poll and due and due.day and due.day > poll:
            continue
        timetable.lines.append(item_line(src, item, due))
    if hidden:
        timetable.lines.append(hidden_line(hidden))
    sections.append(timetable)
    sections.append(_after_the_poll(src))

    agreements = Section("Agreements")
    agreements.lines.append(verdicts.line(src, UK_MOUS if plan.country == "GB" else US_MOUS))
    months = verdicts.result.param("DOC002", "max_age_months")
    for i, mou in enumerate(items(view.mous)):
        if not isinstance(mou, Record):
            continue
        signed = Check(
            f"MoU signed by every party: {mou.title}",
            SIGNED,
            ("mous", i),
            about=("mous", i, "parties", "*", "signatory", "signed_on"),
        )
        agreements.lines.append(_signed_line(src, signed, src.date(mou.signed_on)))
        reviewed = Check(
            f"MoU reviewed within {months} months of {src.day_name}: {mou.title}",
            ("DOC002",),
            ("mous", i),
        )
        agreements.lines.append(verdicts.line(src, reviewed, note=src.date(mou.last_reviewed)))
        sections_check = Check(f"MoU covers every section: {mou.title}", ("DOC003",), ("mous", i))
        agreements.lines.append(verdicts.line(src, sections_check))
    for i, maa in enumerate(items(view.mutual_aid)):
        if not isinstance(maa, Record):
            continue
        scope = ("mutual_aid", i)
        for text, code in (
            (f"All nine mutual aid topics settled: {maa.title}", "MAA001"),
            (f"Election events covered: {maa.title}", "MAA002"),
        ):
            agreements.lines.append(verdicts.line(src, Check(text, (code,), scope)))
        signed = Check(
            f"Signed by every party: {maa.title}",
            ("MAA004", *SIGNED[1:]),
            scope,
            about=(*scope, "parties", "*", "signatory", "signed_on"),
        )
        agreements.lines.append(_signed_line(src, signed, None))
        for j, party in enumerate(items(maa.parties)):
            briefed = Check(
                f"Personnel briefed on key restrictions: {src.lookups.org_name(party.org)}",
                ("MAA006",),
                (*scope, "parties", j),
            )
            agreements.lines.append(
                verdicts.line(src, briefed, note=src.date(party.personnel_briefed_on))
            )
    if is_withheld(view.mous) or is_withheld(view.mutual_aid):
        agreements.lines.append(Line("Agreements", None, note=view.mous))
    sections.append(agreements)

    security = Section("Security")
    security.lines.append(verdicts.line(src, THREAT))
    sites = [s for s in items(view.sites) if isinstance(s, Record)]
    for text, code, site_kinds, attribute in SITE_CHECKS:
        chosen = [s for s in sites if s.kind in site_kinds]
        if chosen:
            security.lines.append(
                _site_line(src, verdicts, (text, code, site_kinds, attribute), chosen)
            )
    sections.append(security)

    comms = Section("Communications and reporting")
    comms.lines.append(verdicts.line(src, CHANNELS))
    comms.lines.append(verdicts.line(src, ESCALATION))
    sections.append(comms)

    actions = Section("Open actions")
    open_actions = [a for a in _actions(src) if a.status == "open"]
    for action, due in src.sorted_by_due(open_actions):
        actions.lines.append(Line(str(action.text), False, due, src.owner(action.owner), "MTG006"))
    if actions.lines:
        sections.append(actions)

    considerations = items(view.planning_considerations)
    title = "Planning considerations (APP)" if plan.country == "GB" else "Planning considerations"
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


def _after_the_poll(src: Sources) -> Section:
    """Timetable entries after polling day, and the post-poll programme steps
    (:mod:`.post_poll`) the timetable does not hold yet (open, so the debriefs and the
    archiving are not forgotten). In an edition that does not see every entry, a missing step
    is unknown, never claimed missing."""
    section = Section(f"After {src.day_name}")
    after, hidden = after_poll(src)
    for item, due in after:
        section.lines.append(item_line(src, item, due))
    for held in programme(src, after):
        if held.item is not None:
            continue
        step = held.step
        if hidden:
            note = "not in this edition's timetable"
            section.lines.append(Line(step.text, None, None, None, step.rule, note=note))
        else:
            note = "not in the plan's timetable yet"
            section.lines.append(Line(step.text, False, None, None, step.rule, note=note))
    return section


def _signed_line(src: Sources, check: Check, note: Any) -> Line:
    """ "Signed by every party", open while the agreement is a draft: its signatures (if
    any) are on a text that is not final (DOC006 leaves drafts to TODO001)."""
    line = src.verdicts.line(src, check, note=note)
    if line.done and src.draft(check.scope):
        line.done = False
        line.note = "a draft: placeholders (TODO) are left in the agreement"
    return line


def _actions(src: Sources) -> list[Record]:
    table = src.view.timetable
    out = [a for a in items(table.actions) if isinstance(a, Record)]
    for meeting in items(table.meetings):
        out += [a for a in items(meeting.actions) if isinstance(a, Record)]
    for exercise in items(table.exercises):
        out += [a for a in items(exercise.improvement_items) if isinstance(a, Record)]
    return out


def _site_line(
    src: Sources,
    verdicts: Verdicts,
    site_check: tuple[str, str, frozenset[str], str],
    chosen: list[Record],
) -> Line:
    """A site check over the sites of its kinds, naming the sites its findings point at."""
    text, code, site_kinds, attribute = site_check
    count = f"{len(chosen)} site{'s' if len(chosen) != 1 else ''}"
    withheld = next(
        (getattr(s, attribute) for s in chosen if is_withheld(getattr(s, attribute))), None
    )
    if withheld is not None:
        return Line(f"{text} ({count})", None, rule=code, note=withheld)
    check = Check(text, (code,), ("sites",))
    view_sites = src.view.sites
    flagged = [view_sites[i] for i in verdicts.entities(check, "sites")]
    missing = [str(s.name) for s in flagged if isinstance(s, Record) and s.kind in site_kinds]
    note = f"{len(chosen) - len(missing)} of {count}"
    if missing:
        shown = ", ".join(missing[:SHOWN_NAMES])
        more = len(missing) - SHOWN_NAMES
        note += f"; outstanding: {shown}" + (f" and {more} more" if more > 0 else "")
    return verdicts.line(src, check, note=note)
