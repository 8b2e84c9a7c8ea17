"""``elecsafe roll``: next election's plan from this one, in place (git keeps the old one).

What moves by itself and what is moved here:

* poll dates move by the difference between the old and the new polling day; every relative
  date (``poll - 8 weeks``, ``nominations_close + 1 working day``) and every statutory
  milestone (computed by its pack) follows without an edit;
* absolute dates of meetings, trainings and exercises (and a meeting's ``next_meeting`` date
  or recurrence end) move by whole weeks, so a Tuesday meeting stays on a Tuesday; one that
  lands on a bank holiday is listed for a person to decide;
* statuses go back to ``planned``; ``version`` is bumped, ``previous_plan`` names the old plan;
* every signed agreement is marked ``resign_due`` and its signatures are copied to
  ``signature_history`` (DOC008 asks for new ones);
* the threat assessment and every site rating get a review date relative to the new poll
  (when they had none, or a fixed one);
* each debrief lesson becomes an open action in the timetable, owned by the owner of the
  item the lesson pointed at; the debrief is emptied for the new poll;
* the private layer is never read or written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from elecsafe.dates.expressions import Absolute, ExpressionError, from_spec

if TYPE_CHECKING:
    from elecsafe.dates.workdays import WorkingCalendar
    from elecsafe.edit.session import PlanEdit
    from elecsafe.model.plan import Plan

DATED_SECTIONS = ("meetings", "trainings", "exercises")
SITE_REVIEW = "poll - 6 weeks"
THREAT_REVIEW = "poll - 4 weeks"
LESSON_DUE = "poll - 12 weeks"


class RollError(ValueError):
    """The roll cannot be made (no poll date, a new poll date not after the old one)."""


@dataclass
class RollReport:
    old_poll: date
    new_poll: date
    weeks: int
    moved: list[str] = field(default_factory=list)
    replanned: int = 0
    agreements: list[str] = field(default_factory=list)
    reviews: int = 0
    actions: list[str] = field(default_factory=list)
    needs_person: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"polling day {self.old_poll.isoformat()} → {self.new_poll.isoformat()}; relative "
            "and statutory dates follow it",
            f"moved by {self.weeks} week(s): {len(self.moved)} date(s) of meetings, trainings "
            "and exercises",
            f"back to planned: {self.replanned} item(s)",
            f"to be signed again: {len(self.agreements)} agreement(s)"
            + (f" ({', '.join(self.agreements)})" if self.agreements else ""),
            f"review dates set for the new poll: {self.reviews} (threat assessment, site ratings)",
            f"debrief lessons now actions: {len(self.actions)}",
        ]
        if self.needs_person:
            lines.append("needs a person:")
            lines += [f"  - {item}" for item in self.needs_person]
        return "\n".join(lines) + "\n"


def _calendar(plan: Plan) -> WorkingCalendar:
    from elecsafe.dates.workdays import uk_calendar, us_federal_calendar

    if plan.country == "US":
        return us_federal_calendar()
    division = {"SCT": "scotland", "NIR": "northern-ireland"}.get(plan.uk_nation or "")
    return uk_calendar((division or "england-and-wales",))


def _holiday(calendar: WorkingCalendar, day: date) -> str | None:
    if day.weekday() >= 5:
        return None  # a weekend stays a weekend: someone chose it
    try:
        return calendar.excluded_reason(day)
    except ValueError:  # outside the years the holiday data covers
        return None


def _shift(value: Any, delta: timedelta) -> Any:
    """An absolute date written as a date, a datetime or an ISO string, moved by ``delta``;
    None for anything relative."""
    if isinstance(value, datetime | date):
        return value + delta
    if isinstance(value, str):
        try:
            parsed = from_spec(value)
        except (ExpressionError, ValueError):
            return None
        if isinstance(parsed, Absolute):
            old = parsed.day.isoformat()
            return value.replace(old, (parsed.day + delta).isoformat(), 1)
    return None


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = re.match(r"\d{4}-\d{2}-\d{2}", value)
        return date.fromisoformat(match.group(0)) if match else None
    return None


def _bump(version: str) -> str:
    parts = version.split(".")
    if parts and parts[0].isdigit():
        return ".".join([str(int(parts[0]) + 1)] + ["0"] * (len(parts) - 1 or 1))
    return f"{version} (rolled)"


def roll(
    edit: PlanEdit, plan: Plan, raw: dict[str, Any], new_poll: date, new_id: str | None
) -> RollReport:
    old_poll = plan.poll_date
    if old_poll is None:
        raise RollError("the plan has no election with a poll date to roll from")
    if new_poll <= old_poll:
        raise RollError(
            f"the new poll date {new_poll.isoformat()} is not after the current one "
            f"({old_poll.isoformat()})"
        )
    delta = new_poll - old_poll
    weeks = round(delta.days / 7)
    by_weeks = timedelta(weeks=weeks)
    report = RollReport(old_poll, new_poll, weeks)
    calendar = _calendar(plan)

    _meta(edit, plan, raw, new_poll, new_id, report)
    for i, election in enumerate(plan.elections):
        edit.set(("elections", i, "poll_date"), election.poll_date + delta)
        for key in ("concurrent_events", "season_events"):
            for event in getattr(election, key):
                report.needs_person.append(
                    f"{election.id}: '{event.name}' is dated {event.date.isoformat()}: "
                    "update or remove it for the new poll"
                )
    _timetable(edit, raw.get("timetable") or {}, by_weeks, calendar, report)
    _agreements(edit, plan, report)
    _reviews(edit, plan, raw, report)
    _debrief(edit, plan, raw, by_weeks, report)
    return report


def _meta(
    edit: PlanEdit, plan: Plan, raw: dict[str, Any], new_poll: date, new_id: str | None,
    report: RollReport,
) -> None:  # fmt: skip
    old_year, new_year = str(report.old_poll.year), str(new_poll.year)
    chosen = new_id or (plan.id.replace(old_year, new_year) if old_year in plan.id else None)
    if chosen and chosen != plan.id:
        edit.set(("id",), chosen)
    elif not chosen:
        report.needs_person.append("the plan id does not name the year: give --id for the new plan")
    edit.set(("version",), _bump(plan.version))
    edit.set(("previous_plan",), f"{plan.id} version {plan.version}")
    if old_year in plan.title:
        report.needs_person.append(f"the title still says {old_year}: '{plan.title}'")
    if raw.get("debrief"):
        edit.set(("previous_debrief",), f"the debrief of {plan.id} (version {plan.version})")


def _timetable(
    edit: PlanEdit, timetable: dict[str, Any], by_weeks: timedelta, calendar: WorkingCalendar,
    report: RollReport,
) -> None:  # fmt: skip
    for section in ("milestones", *DATED_SECTIONS):
        for j, item in enumerate(timetable.get(section) or []):
            if not isinstance(item, dict):
                continue
            path = ("timetable", section, j)
            status = item.get("status")
            if status is not None and status != "planned":
                edit.set((*path, "status"), "planned")
                report.replanned += 1
            if section == "milestones":
                continue
            dated: list[tuple[tuple[str | int, ...], Any]] = [((*path, "when"), item.get("when"))]
            if isinstance(item.get("next_meeting"), date):
                dated.append(((*path, "next_meeting"), item["next_meeting"]))
            recurrence = item.get("recurrence")
            if isinstance(recurrence, dict):
                dated.append(((*path, "recurrence", "until"), recurrence.get("until")))
            for where, value in dated:
                moved = _shift(value, by_weeks)
                if moved is None:
                    continue
                edit.set(where, moved)
                report.moved.append(str(item.get("id")))
                day = _day(moved)
                reason = _holiday(calendar, day) if day else None
                if reason and day:
                    report.needs_person.append(
                        f"{item.get('id')} now falls on {day.isoformat()}, {reason}: choose "
                        "another day"
                    )


def _agreements(edit: PlanEdit, plan: Plan, report: RollReport) -> None:
    from elecsafe.model.agreements import agreements_of

    for at, agreement in agreements_of(plan):
        signed = [p for p in agreement.parties if p.signatory and p.signatory.signed_on]
        if not signed:
            continue
        history = [
            {
                "org": p.org,
                "person": p.signatory.person,
                "title": p.signatory.title,
                "signed_on": p.signatory.signed_on,
                **({"terms_digest": p.signatory.terms_digest} if p.signatory.terms_digest else {}),
                "plan_version": plan.version,
            }
            for p in signed
            if p.signatory
        ]
        if agreement.signature_history:
            for entry in history:
                edit.append((*at, "signature_history"), entry)
        else:
            edit.insert(at, "signature_history", history)
        if not agreement.resign_due:
            edit.insert(at, "resign_due", True)
        report.agreements.append(agreement.id)


def _relative(value: Any) -> bool:
    return value is not None and _shift(value, timedelta(0)) is None


def _reviews(edit: PlanEdit, plan: Plan, raw: dict[str, Any], report: RollReport) -> None:
    threat = raw.get("threat_assessment")
    if isinstance(threat, dict) and not _relative(threat.get("review_due")):
        edit.set(("threat_assessment", "review_due"), THREAT_REVIEW)
        report.reviews += 1
    elif isinstance(threat, dict):
        report.reviews += 1  # already relative to the poll: it follows
    for i, site in enumerate(raw.get("sites") or []):
        if not isinstance(site, dict) or not isinstance(site.get("vulnerability"), dict):
            continue
        if not _relative(site["vulnerability"].get("next_review")):
            edit.set(("sites", i, "vulnerability", "next_review"), SITE_REVIEW)
        report.reviews += 1
    if plan.threat_assessment is not None:
        report.needs_person.append(
            "review the threat assessment for the new poll (prepared_on "
            f"{plan.threat_assessment.prepared_on.isoformat()})"
        )


def _debrief(
    edit: PlanEdit, plan: Plan, raw: dict[str, Any], by_weeks: timedelta, report: RollReport
) -> None:
    debrief = plan.debrief
    data = raw.get("debrief")
    if debrief is None or not isinstance(data, dict):
        return
    index = plan.index()
    taken = set(index.items) | {a.id for a in plan.timetable.actions}
    year = report.old_poll.year
    actions: list[dict[str, Any]] = []
    for k, lesson in enumerate(debrief.lessons, start=1):
        action_id = f"lesson-{year}-{k}"
        while action_id in taken:
            action_id += "-x"
        taken.add(action_id)
        item = index.items.get(lesson.action) if lesson.action else None
        owner = getattr(item, "owner", None)
        if owner is None and debrief.meeting:
            owner = getattr(index.items.get(debrief.meeting), "owner", None)
        action: dict[str, Any] = {"id": action_id, "text": lesson.text}
        if owner:
            action["owner"] = owner
        else:
            report.needs_person.append(f"action {action_id} has no owner: assign one")
        action |= {"due": LESSON_DUE, "status": "open"}
        actions.append(action)
        report.actions.append(action_id)
    if actions:
        if isinstance(raw.get("timetable"), dict) and raw["timetable"].get("actions"):
            for action in actions:
                edit.append(("timetable", "actions"), action)
        elif isinstance(raw.get("timetable"), dict):
            edit.insert(("timetable",), "actions", actions)
        else:
            edit.insert((), "timetable", {"actions": actions})
        edit.set(("debrief", "lessons"), [])
    for key in ("held_on", "after_action_report"):
        if key in data:
            edit.delete(("debrief", key))
    aggregates = data.get("aggregates")
    if isinstance(aggregates, dict):
        for key, value in aggregates.items():
            if value is not None:
                edit.set(("debrief", "aggregates", key), None)
    for j, submission in enumerate(data.get("submissions") or []):
        if isinstance(submission, dict):
            for key, value in submission.items():
                moved = _shift(value, by_weeks) if isinstance(value, date) else None
                if moved is not None:
                    edit.set(("debrief", "submissions", j, key), moved)
