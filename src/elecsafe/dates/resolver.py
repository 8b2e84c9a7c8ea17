"""Resolve every date of a plan: timetable items, statutory dates, recurrences, anchors.

Why one resolver for everyone: the timetable command, the calendar export and the lint rules
("next meeting after this one", "tabletop before polling day") must agree on every date, and
a bad expression must be reported once, at its position, whoever asked first.

Anchors an expression may name (domain.md §4.1):

* ``poll``: the poll of the item's ``election``, else the earliest poll in the plan;
* an election id: that election's poll;
* ``announced_on``: the election's announcement date;
* a key of the election's statutory pack (``notice_of_election``, ``dissolution``,
  ``electors_meet``...), or ``<election-id>.<key>`` for another election's pack;
* any timetable item id (milestone, meeting, training, exercise, action): its start date;
* an ISO date (``2027-03-01 + 2 weeks``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from datetime import time as dtime
from typing import TYPE_CHECKING, Any, Literal

from elecsafe import clock
from elecsafe.dates import clockchange
from elecsafe.dates.arith import apply
from elecsafe.dates.expressions import (
    Absolute,
    Expression,
    ExpressionError,
    Relative,
    from_spec,
    offset_label,
)
from elecsafe.dates.packs import (
    PACK_IDS,
    Pack,
    PackTimetable,
    load_pack,
    pack_offset,
    plan_pack,
    unusable_pack_file,
)
from elecsafe.dates.style import compact
from elecsafe.dates.workdays import (
    UK_DIVISIONS,
    OutsideSupportedYears,
    WorkingCalendar,
    uk_calendar,
    us_federal_calendar,
)
from elecsafe.findings import Finding, KeyPath, Severity
from elecsafe.model.base import DateWindow
from elecsafe.model.sites import PresenceWindow
from elecsafe.model.timetable import (
    Action,
    Meeting,
    Milestone,
    Recurrence,
    TimetableItem,
    Training,
)

if TYPE_CHECKING:
    from elecsafe.model.org import Election
    from elecsafe.model.plan import Plan

ItemKind = Literal["milestone", "meeting", "training", "exercise", "action", "presence"]
DEFAULT_MINUTES: dict[str, int] = {
    "presence": 60,
    "milestone": 30,
    "action": 30,
    "meeting": 60,
    "training": 60,
    "exercise": 60,
}
MAX_OCCURRENCES = 1000  # per series
# Per plan: 1,000 weekly meetings over 35 years took 7-9 s and 360 MB through the per-series
# cap alone; past this many occurrences in all, further series stop (TT001, once).
MAX_PLAN_OCCURRENCES = 20_000
# Plan dates outside these years are typos (0205 for 2025); the bound also keeps every later
# step (end times, exclusive DTENDs, recurrences) far from date.min/date.max.
FIRST_YEAR, LAST_YEAR = 1900, 2199
_NATION_DIVISION = {
    "ENG": "england-and-wales",
    "WLS": "england-and-wales",
    "SCT": "scotland",
    "NIR": "northern-ireland",
}
_CYCLE_HINT = "anchor one of these items on a date or on poll"
_RRULE_FREQ = {"weekly": ("WEEKLY", 1), "fortnightly": ("WEEKLY", 2), "monthly": ("MONTHLY", 1)}


@dataclass(frozen=True)
class RecurrenceInfo:
    """A resolved recurrence, in the terms of RFC 5545 (FREQ, INTERVAL)."""

    freq: Literal["DAILY", "WEEKLY", "MONTHLY"]
    interval: int
    count: int | None  # as written in the plan
    until: date | None  # as resolved from the plan


@dataclass
class ResolvedItem:
    """One dated thing of the plan with its dates computed.

    ``start`` is a ``date`` for all-day items and a tz-aware ``datetime`` in the plan's
    timezone for timed ones. ``end`` is the *inclusive* last day for all-day items (the same
    day unless the item is a window) and the end ``datetime`` for timed items. ``time`` is the
    deadline time shown with all-day statutory items ("16:00").
    """

    id: str
    kind: ItemKind
    title: str
    start: date | datetime
    end: date | datetime
    all_day: bool
    owner: str | None
    path: KeyPath
    offset_label: str
    occurrences: list[date | datetime]
    statutory_key: str | None
    item: Any
    time: str | None = None
    election: str | None = None
    participants: tuple[str, ...] = ()
    status: str = "planned"
    window: bool = False
    recurrence: RecurrenceInfo | None = None

    @property
    def day(self) -> date:
        """The start date (for timed items, in the plan's timezone)."""
        return self.start.date() if isinstance(self.start, datetime) else self.start

    @property
    def last_day(self) -> date:
        """The last day the item covers (its last occurrence for recurring meetings)."""
        last = self.occurrences[-1] if self.occurrences else self.end
        if self.window or not self.occurrences:
            last = self.end
        return last.date() if isinstance(last, datetime) else last

    def sort_key(self) -> tuple[date, int, dtime, str]:
        """By day; all-day items first (ordered by their deadline time), then timed ones."""
        if isinstance(self.start, datetime):
            return (self.day, 1, self.start.time(), self.id)
        deadline = dtime.fromisoformat(self.time) if self.time else dtime(0)
        return (self.day, 0, deadline, self.id)


@dataclass(frozen=True)
class ResolvedTimetable:
    """The result of :func:`resolve_plan`: every date of the plan, resolved once and eagerly
    (timetable items, and every other date field, by key path), with every finding."""

    items: tuple[ResolvedItem, ...]
    findings: tuple[Finding, ...]
    anchors: Mapping[str, date]
    poll_date: date | None
    timezone: tzinfo | None
    today: date
    dates: Mapping[KeyPath, date] = field(default_factory=dict)  # other date fields
    _by_id: Mapping[str, ResolvedItem] = field(default_factory=dict, repr=False)
    _calendars: Mapping[str, WorkingCalendar] = field(default_factory=dict, repr=False)

    def item(self, item_id: str) -> ResolvedItem | None:
        return self._by_id.get(item_id)

    def date_at(self, path: KeyPath) -> date | None:
        """The day of a date field outside the timetable items (a site's ``next_review``,
        an operating window's ``from``), by its key path; None if it did not resolve (its
        finding is in :attr:`findings`) or the plan has no date there."""
        return self.dates.get(path)

    def working_calendar(self, election_id: str | None = None) -> WorkingCalendar | None:
        """The working-day calendar of an election (default: the earliest poll)."""
        return self._calendars.get(election_id or "") or self._calendars.get("")


# -- internals ----------------------------------------------------------------------------------


class _Unresolved(Exception):
    def __init__(self, code: str, message: str, hint: str = "", sub: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.code, self.message, self.hint, self.sub = code, message, hint, sub


@dataclass
class _When:
    day: date
    time: dtime | None = None
    end: date | None = None  # windows
    label: str = ""
    statutory_time: dtime | None = None
    election: str | None = None  # the election a statutory date belongs to
    exact: bool = False  # the plan gave a UTC offset: the time is never ambiguous


@dataclass
class _Entry:
    id: str
    kind: ItemKind
    model: TimetableItem | Action | PresenceWindow
    path: KeyPath
    field: str  # "when", "due" or (presence windows) "from"
    title: str = ""  # when the model has none (presence windows: the site's name)


_VISITING, _DONE = 1, 2


class _Resolver:
    def __init__(self, plan: Plan) -> None:
        self.occurrences_left = MAX_PLAN_OCCURRENCES
        self.plan = plan
        self.findings: list[Finding] = []
        self.zone = _zone(plan.timezone)
        self.elections: dict[str, Election] = {}
        self.election_index: dict[str, int] = {}
        for index, election in enumerate(plan.elections):
            self.elections.setdefault(election.id, election)
            self.election_index.setdefault(election.id, index)
        by_poll = sorted(self.elections.values(), key=lambda e: e.poll_date)
        self.primary: Election | None = by_poll[0] if by_poll else None
        self.by_poll = by_poll
        self.extra = {d.date: d.reason for d in plan.timetable.extra_excluded_days}
        self.packs: dict[str, Pack] = {}
        self._check_packs()
        self.entries: dict[str, _Entry] = {}
        self._collect()
        self._calendars: dict[str, WorkingCalendar] = {}
        self._pack_timetables: dict[str, PackTimetable] = {}
        self.state: dict[str, int] = {}
        self.whens: dict[str, _When] = {}
        self.stack: list[str] = []
        self.cycles: dict[str, str] = {}  # item id -> cycle description

    # -- setup -------------------------------------------------------------------------------

    def _check_packs(self) -> None:
        for election in self.elections.values():
            rules = election.timetable_rules
            if rules is None:
                continue
            where: KeyPath = ("elections", self.election_index[election.id], "timetable_rules")
            pack = plan_pack(self.plan, rules)
            if pack is None:
                if unusable_pack_file(self.plan, election.timetable_rules):
                    continue  # the loader said why the file cannot be used, at its position
                close = difflib.get_close_matches(rules, PACK_IDS, n=1)
                self.report(
                    "TT001",
                    f"unknown timetable rules '{rules}' for election '{election.id}'",
                    f"did you mean '{close[0]}'?"
                    if close
                    else "known: " + ", ".join(PACK_IDS) + ", or a pack file of the plan",
                    where,
                )
                continue
            if pack.election_kinds and election.kind not in pack.election_kinds:
                fits = [p for p in PACK_IDS if election.kind in load_pack(p).election_kinds]
                self.report(
                    "TT014",
                    f"timetable rules '{rules}' are not the law for a {election.kind} "
                    f"election ('{election.id}')",
                    f"use timetable_rules: {fits[0]}"
                    if fits
                    else "no statutory pack ships for this kind of election yet: remove "
                    "timetable_rules and write the statutory dates with a `when`",
                    where,
                )
                continue
            self.packs[election.id] = pack

    def _collect(self) -> None:
        timetable = self.plan.timetable
        groups: tuple[tuple[ItemKind, str, list[Any]], ...] = (
            ("milestone", "milestones", timetable.milestones),
            ("meeting", "meetings", timetable.meetings),
            ("training", "trainings", timetable.trainings),
            ("exercise", "exercises", timetable.exercises),
        )
        for kind, key, models in groups:
            for index, model in enumerate(models):
                self._add(_Entry(model.id, kind, model, ("timetable", key, index), "when"))
        for path, action in timetable.all_actions():
            self._add(_Entry(action.id, "action", action, path, "due"))
        for index, site in enumerate(self.plan.sites):
            for sub, window in enumerate(site.presence_windows):
                where: KeyPath = ("sites", index, "presence_windows", sub)
                title = f"Police presence: {site.name}"
                self._add(_Entry(window.id, "presence", window, where, "from", title))

    def _add(self, entry: _Entry) -> None:
        self.entries.setdefault(entry.id, entry)  # duplicate ids are REF001 (model.refs)

    def report(
        self,
        code: str,
        message: str,
        hint: str,
        path: KeyPath,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.findings.append(Finding(code, severity, message, hint, path))

    # -- calendars and packs -----------------------------------------------------------------

    def calendar(self, election: Election | None) -> WorkingCalendar:
        pack = self.packs.get(election.id) if election else None
        if (pack and pack.working_days == "us_federal") or (
            pack is None and self.plan.country == "US"
        ):
            return self._cached("us:federal", lambda: us_federal_calendar(self.extra))
        if (pack and pack.working_days == "uk_all") or (
            election is not None and election.kind == "uk_parliamentary_general"
        ):
            return self._cached("uk:all", lambda: uk_calendar(UK_DIVISIONS, self.extra))
        divisions = self._divisions(election)
        return self._cached("uk:" + "+".join(divisions), lambda: uk_calendar(divisions, self.extra))

    def _cached(self, name: str, build: Any) -> WorkingCalendar:
        if name not in self._calendars:
            self._calendars[name] = build()
        return self._calendars[name]

    def _divisions(self, election: Election | None) -> tuple[str, ...]:
        """Bank-holiday divisions of the election's areas (walking up ``parent``), else the
        plan's nation (RPA 1983 s119(3): the part of the UK where the area is)."""
        found: set[str] = set()
        index = self.plan.index()
        for jid in election.jurisdictions if election else []:
            for link in index.jurisdiction_chain(jid):
                current = index.jurisdictions.get(link)
                if current is not None and current.bank_holiday_division:
                    found.add(current.bank_holiday_division)
                    break
        if not found:
            found.add(_NATION_DIVISION.get(self.plan.uk_nation or "ENG", "england-and-wales"))
        return tuple(d for d in UK_DIVISIONS if d in found)

    def pack_timetable(self, election: Election) -> PackTimetable | None:
        pack = self.packs.get(election.id)
        if pack is None:
            return None
        if election.id not in self._pack_timetables:
            self._pack_timetables[election.id] = PackTimetable(
                pack,
                election.poll_date,
                self.calendar(election),
                presidential=election.is_presidential,
            )
        return self._pack_timetables[election.id]

    def statutory_date(self, election: Election, key: str) -> date:
        timetable = self.pack_timetable(election)
        assert timetable is not None
        try:
            return timetable.day_of(key)
        except OutsideSupportedYears as exc:
            raise _Unresolved(
                "REF002",
                f"{key} of election '{election.id}' cannot be computed: {exc}",
                "working days are known for the supported years only",
            ) from None
        except OverflowError:
            raise _Unresolved(
                "REF002", f"{key} of election '{election.id}' is out of range"
            ) from None

    # -- anchors -----------------------------------------------------------------------------

    def _election_with_key(self, key: str, context: Election | None) -> Election | None:
        candidates = [context] if context else []
        candidates += [e for e in self.by_poll if e is not context]
        for election in candidates:
            timetable = self.pack_timetable(election)
            if timetable is not None and key in timetable.keys_list():
                return election
        return None

    def anchor_election(self, name: str, context: Election | None) -> Election | None:
        """The election whose calendar and poll an expression anchored on ``name`` uses."""
        if name in self.elections:
            return self.elections[name]
        if "." in name and name not in self.entries:
            head = name.rsplit(".", 1)[0]
            if head in self.elections:
                return self.elections[head]
        if context is not None:
            return context
        if name not in ("poll", "announced_on") and name not in self.entries:
            return self._election_with_key(name, None) or self.primary
        return self.primary

    def anchor(self, name: str, context: Election | None) -> date:
        """The date an anchor names; raises :class:`_Unresolved`."""
        election = context or self.primary
        if name[:1].isdigit():
            try:
                return date.fromisoformat(name)
            except ValueError:
                pass
        if name == "poll":
            if election is None:
                raise _Unresolved(
                    "TT001", "anchor 'poll' needs an election with a poll_date", "add 'elections:'"
                )
            return election.poll_date
        if name in self.elections:
            return self.elections[name].poll_date
        if name == "announced_on":
            if election is None or election.announced_on is None:
                which = f"election '{election.id}'" if election else "the plan"
                raise _Unresolved(
                    "TT001",
                    f"anchor 'announced_on': {which} has no announced_on date",
                    "add 'announced_on' to the election",
                )
            return election.announced_on
        if name in self.entries:
            return self.item_day(name)
        owner = self._election_with_key(name, context)
        if owner is not None:
            return self.statutory_date(owner, name)
        if "." in name:
            head, key = name.rsplit(".", 1)
            if head in self.elections:
                target = self.elections[head]
                timetable = self.pack_timetable(target)
                if timetable is not None and key in timetable.keys_list():
                    return self.statutory_date(target, key)
        known = sorted({"poll", "announced_on", *self.elections, *self.entries})
        for e in self.by_poll:
            timetable = self.pack_timetable(e)
            if timetable is not None:
                known += timetable.keys_list()
        close = difflib.get_close_matches(name, known, n=1)
        raise _Unresolved(
            "TT001",
            f"unknown anchor '{name}'",
            f"did you mean '{close[0]}'?"
            if close
            else "use poll, an election id, a statutory key or a timetable item id",
        )

    def item_day(self, item_id: str) -> date:
        state = self.state.get(item_id)
        if state == _VISITING:
            chain = [*self.stack[self.stack.index(item_id) :], item_id]
            description = "cycle: " + " → ".join(chain)
            for member in chain:
                self.cycles.setdefault(member, description)
            raise _Unresolved("TT001", description, _CYCLE_HINT)
        if state != _DONE:
            self.resolve_entry(item_id)
        when = self.whens.get(item_id)
        if when is None:
            raise _Unresolved(
                "TT001",
                f"anchor '{item_id}' has no date (see the finding on '{item_id}')",
                "fix the date of that item first",
            )
        return when.day

    # -- evaluation --------------------------------------------------------------------------

    def evaluate(self, spec: Any, path: KeyPath, context: Election | None) -> _When | None:
        """A DateSpec -> its date(s), or None after reporting why not."""
        window = spec.window if isinstance(spec, DateWindow) else None
        if window is not None:
            start = self.evaluate(window.from_, (*path, "window", "from"), context)
            end = self.evaluate(window.to, (*path, "window", "to"), context)
            if start is None or end is None:
                return None
            if end.day < start.day:
                self.report(
                    "TT001",
                    "the window ends before it starts",
                    "swap 'from' and 'to'",
                    (*path, "window"),
                )
                return None
            label = start.label if start.label == end.label else f"{start.label}…{end.label}"
            return _When(start.day, None, end.day, label)
        try:
            expression = from_spec(spec)
        except ExpressionError as exc:
            self.report(exc.code, exc.message, exc.hint, path)
            return None
        try:
            return self._evaluate(expression, path, context)
        except _Unresolved as exc:
            message, hint = exc.message, exc.hint
            current = self.stack[-1] if self.stack else None
            if current in self.cycles and not message.startswith("cycle:"):
                message, hint = self.cycles[current], _CYCLE_HINT
            self.report(exc.code, message, hint, (*path, *exc.sub))
            return None

    def _evaluate(self, expression: Expression, path: KeyPath, context: Election | None) -> _When:
        when = self._evaluate_unchecked(expression, path, context)
        if not FIRST_YEAR <= when.day.year <= LAST_YEAR:
            raise _Unresolved(
                "REF002",
                f"{when.day.isoformat()} is outside the supported years {FIRST_YEAR}–{LAST_YEAR}",
                "check the year and the offset",
            )
        return when

    def _evaluate_unchecked(
        self, expression: Expression, path: KeyPath, context: Election | None
    ) -> _When:
        if isinstance(expression, Absolute):
            day, at = expression.day, expression.time
            if expression.tz is not None and at is not None and self.zone is not None:
                moment = datetime.combine(day, at, expression.tz).astimezone(self.zone)
                day, at = moment.date(), dtime(moment.hour, moment.minute, fold=moment.fold)
                return _When(day, at, None, self.poll_label(day, context), exact=True)
            return _When(day, at, None, self.poll_label(day, context))
        election = self.anchor_election(expression.anchor, context)
        try:
            base = self.anchor(expression.anchor, context)
        except _Unresolved as exc:
            raise _Unresolved(exc.code, exc.message, exc.hint, expression.anchor_path) from None
        calendar = self.calendar(election)
        try:
            day = apply(expression, base, calendar)
        except OutsideSupportedYears as exc:
            raise _Unresolved(
                "REF002",
                f"this date cannot be computed: {exc}",
                "working days are known for the supported years only",
            ) from None
        except OverflowError:
            raise _Unresolved(
                "REF002", "this date is out of range", "use a smaller offset"
            ) from None
        if expression.unit in ("working_days", "business_days") and expression.roll is None:
            reason = calendar.excluded_reason(day)
            if reason:
                self.report(
                    "TT011",
                    f"{compact(day)} is {reason}, not a working day",
                    "count from a working day, or add 'roll: forward'",
                    path,
                    Severity.WARNING,
                )
        if (expression.anchor == "poll" or expression.anchor in self.elections) and not _rolled(
            expression, base, day, calendar
        ):
            label = offset_label(expression.offset, expression.unit)
        else:
            label = self.poll_label(day, election)
        return _When(day, expression.time, None, label)

    def poll_label(self, day: date, context: Election | None) -> str:
        """The day's distance from polling day in calendar days ("E−28d")."""
        election = context or self.primary
        if election is None:
            return ""
        return offset_label((day - election.poll_date).days, "calendar_days")

    # -- items -------------------------------------------------------------------------------

    def item_election(self, entry: _Entry) -> Election | None:
        model = entry.model
        election_id = model.election if isinstance(model, TimetableItem) else None
        return self.elections.get(election_id) if election_id else None

    def resolve_entry(self, item_id: str) -> None:
        entry = self.entries[item_id]
        self.state[item_id] = _VISITING
        self.stack.append(item_id)
        try:
            when = self._resolve(entry)
        finally:
            self.stack.pop()
            self.state[item_id] = _DONE
        if when is not None:
            self.whens[item_id] = when

    def _resolve(self, entry: _Entry) -> _When | None:
        model = entry.model
        context = self.item_election(entry)
        statutory = model.statutory if isinstance(model, TimetableItem) else None
        spec = _date_field(model)
        if statutory:
            return self._statutory(entry, statutory, spec, context)
        if spec is None:
            return None  # an action without a due date: nothing to place
        return self.evaluate(spec, (*entry.path, entry.field), context)

    def _statutory(
        self, entry: _Entry, key: str, spec: Any, context: Election | None
    ) -> _When | None:
        path = (*entry.path, "statutory")
        election = self._statutory_election(key, context, path)
        given = self.evaluate(spec, (*entry.path, "when"), context) if spec is not None else None
        if election is None:
            return given
        pack = self.packs[election.id]
        item = pack.items[key]
        try:
            day = self.statutory_date(election, key)
        except _Unresolved as exc:
            self.report(exc.code, exc.message, exc.hint, path)
            return given
        offset = pack_offset(item)
        label = (
            offset_label(offset.offset, offset.unit)
            if offset
            and not _rolled(offset, election.poll_date, day, self.calendar(election), strict=False)
            else self.poll_label(day, election)
        )
        computed = _When(day, None, None, label, item.time, election.id)
        if given is None:
            return computed
        if isinstance(entry.model, TimetableItem) and entry.model.override_reason:
            self._check_override_day(given.day, election, item, entry)
            given.statutory_time, given.election = item.time, election.id
            return given
        if given.day != day:
            self.report(
                "TT002",
                f"statutory date '{key}' ({pack.id}) is {compact(day)}; "
                f"the plan says {compact(given.day)}",
                "remove 'when' to use the computed date, or give 'override_reason'",
                (*entry.path, "when"),
            )
        computed.time = given.time
        return computed

    def _check_override_day(self, day: date, election: Election, item: Any, entry: _Entry) -> None:
        when = item.when
        if not isinstance(when, Relative) or when.unit != "working_days":
            return
        try:
            reason = self.calendar(election).excluded_reason(day)
        except OutsideSupportedYears:
            return
        if reason:
            self.report(
                "TT011",
                f"the statutory date {compact(day)} is {reason}, not a working day",
                "statutory deadlines counted in working days never fall on excluded days",
                (*entry.path, "when"),
                Severity.WARNING,
            )

    def _statutory_election(
        self, key: str, context: Election | None, path: KeyPath
    ) -> Election | None:
        if not self.elections:
            self.report("TT001", f"statutory '{key}' needs an election", "add 'elections:'", path)
            return None
        if context is not None:
            candidates = [context]
        else:
            with_key = [
                e for e in self.by_poll if e.id in self.packs and key in self.packs[e.id].items
            ]
            candidates = with_key[:1] or self.by_poll[:1]
        election = candidates[0]
        pack = self.packs.get(election.id)
        if pack is None and unusable_pack_file(self.plan, election.timetable_rules):
            return None  # one finding, at the pack file, rather than one per statutory date
        if pack is None:
            self.report(
                "TT001",
                f"statutory '{key}': election '{election.id}' has no known timetable_rules",
                "set timetable_rules on the election: "
                + ", ".join(PACK_IDS)
                + ", or a pack file of the plan (docs/dates.md)",
                path,
            )
            return None
        if key not in pack.items:
            close = difflib.get_close_matches(key, list(pack.items), n=1)
            self.report(
                "TT001",
                f"unknown statutory key '{key}' in pack '{pack.id}'",
                f"did you mean '{close[0]}'?" if close else "keys: " + ", ".join(pack.items),
                path,
            )
            return None
        if pack.items[key].presidential_only and not election.is_presidential:
            self.report(
                "TT001",
                f"statutory '{key}' applies to presidential elections only",
                f"set is_presidential: true on election '{election.id}', or remove the item",
                path,
            )
            return None
        return election

    # -- building the result -----------------------------------------------------------------

    def build(self, entry: _Entry, when: _When) -> ResolvedItem:
        model = entry.model
        if isinstance(model, PresenceWindow):
            return self._presence(entry, model, when)
        context = self.item_election(entry)
        # an action has a due date only: no time, no statutory key, no flags of its own
        item = model if isinstance(model, TimetableItem) else None
        at: dtime | None = when.time
        if at is None and item is not None and item.time:
            at = dtime.fromisoformat(item.time)
        statutory = item.statutory if item is not None else None
        if at is None:
            at = when.statutory_time
        all_day_flag = item.all_day if item is not None else None
        deadline = bool(statutory) or (
            isinstance(model, Milestone) and model.kind == "statutory_deadline"
        )
        window = when.end is not None
        if all_day_flag is not None:
            all_day = all_day_flag or at is None or window
        else:
            all_day = at is None or deadline or window
        start: date | datetime
        end: date | datetime
        if all_day or self.zone is None or at is None:
            start, end = when.day, when.end or when.day
        else:
            duration = item.duration_minutes if item is not None else None
            minutes = duration or DEFAULT_MINUTES[entry.kind]
            start = datetime.combine(when.day, at, self.zone)
            time_key = entry.field if when.time is not None else "time"
            if not (when.exact and when.time is not None):
                self.clock_change(start, (*entry.path, time_key))
            start = clockchange.real(start)
            end = clockchange.after(start, minutes)  # elapsed minutes, whatever the clocks do
        recurrence, occurrences = None, [start]
        if isinstance(model, Meeting | Training) and model.recurrence is not None:
            recurrence, occurrences = self._recur(entry, model.recurrence, start, context)
            if recurrence is not None and len(occurrences) > 1:
                for moment in occurrences[1:]:
                    if isinstance(moment, datetime) and self.clock_change(
                        moment, (*entry.path, "recurrence"), repeat=True
                    ):
                        break
        title = model.title if isinstance(model, TimetableItem) else model.text
        return ResolvedItem(
            id=entry.id,
            kind=entry.kind,
            title=title,
            start=start,
            end=end,
            all_day=isinstance(start, date) and not isinstance(start, datetime),
            owner=model.owner,
            path=entry.path,
            offset_label=when.label,
            occurrences=occurrences,
            statutory_key=statutory,
            item=model,
            time=at.strftime("%H:%M") if at is not None and all_day else None,
            election=when.election or (context.id if context else None),
            participants=tuple(item.participants) if item is not None else (),
            status=model.status.value if isinstance(model, TimetableItem) else model.status,
            window=window,
            recurrence=recurrence,
        )

    def _presence(self, entry: _Entry, model: PresenceWindow, when: _When) -> ResolvedItem:
        """A police presence window: all day over its days, or a daily timed window that
        recurs every day from ``from`` to ``to`` (one RRULE in calendars)."""
        last = when.end or when.day
        if model.to is not None:
            to = self.evaluate(model.to, (*entry.path, "to"), None)
            if to is not None and to.day < when.day:
                self.report(
                    "TT001",
                    "the presence window ends before it starts",
                    "swap 'from' and 'to'",
                    (*entry.path, "to"),
                )
            elif to is not None:
                last = to.end or to.day
        days = (last - when.day).days + 1
        start: date | datetime = when.day
        end: date | datetime = last
        occurrences: list[date | datetime] = [when.day]
        recurrence = None
        timed = model.start is not None and model.end is not None and self.zone is not None
        if model.start is not None and model.end is not None and self.zone is not None:
            begin, finish = dtime.fromisoformat(model.start), dtime.fromisoformat(model.end)
            overnight = timedelta(days=1 if finish <= begin else 0)
            occurrences = [
                datetime.combine(when.day + timedelta(days=n), begin, self.zone)
                for n in range(min(days, MAX_OCCURRENCES))
            ]
            start = occurrences[0]
            end = datetime.combine(when.day + overnight, finish, self.zone)
            if days > 1:
                recurrence = RecurrenceInfo("DAILY", 1, None, last)
        return ResolvedItem(
            id=entry.id,
            kind="presence",
            title=entry.title,
            start=start,
            end=end,
            all_day=not timed,
            owner=model.staffed_by[0] if model.staffed_by else None,
            path=entry.path,
            offset_label=when.label,
            occurrences=occurrences,
            statutory_key=None,
            item=model,
            participants=(*model.staffed_by, *([model.agency] if model.agency else [])),
            window=not timed and days > 1,
            recurrence=recurrence,
        )

    def clock_change(self, moment: datetime, path: KeyPath, *, repeat: bool = False) -> bool:
        """TT012 if MOMENT's wall time is missing or repeated in the plan's zone."""
        problem = clockchange.explain(moment, self.plan.timezone)
        if problem is None:
            return False
        message, hint = problem
        if repeat:
            message = f"the series meets again on {compact(moment.date())}, and {message}"
            hint = "move the series' time, or start it after the clock change"
        self.report("TT012", message, hint, path)
        return True

    def _recur(
        self, entry: _Entry, spec: Recurrence, start: date | datetime, context: Election | None
    ) -> tuple[RecurrenceInfo | None, list[date | datetime]]:
        from dateutil.rrule import MONTHLY, WEEKLY, rrule

        freq, interval = _RRULE_FREQ[spec.frequency]
        until_day: date | None = None
        if spec.until is not None:
            until = self.evaluate(spec.until, (*entry.path, "recurrence", "until"), context)
            if until is None:
                return None, [start]
            until_day = until.day
        timed = isinstance(start, datetime)
        if isinstance(start, datetime):
            naive_start = start.replace(tzinfo=None)
        else:
            naive_start = datetime.combine(start, dtime())
        rule = rrule(
            WEEKLY if freq == "WEEKLY" else MONTHLY,
            dtstart=naive_start,
            interval=interval,
            count=spec.count,
            until=datetime.combine(until_day, dtime(23, 59, 59)) if until_day else None,
        )
        occurrences: list[date | datetime] = []
        room = min(MAX_OCCURRENCES, max(self.occurrences_left, 1))  # the first, always
        for moment in rule:
            if len(occurrences) >= room:
                break
            occurrences.append(moment.replace(tzinfo=self.zone) if timed else moment.date())
        cut = room < MAX_OCCURRENCES and len(occurrences) >= room
        if cut and self.occurrences_left > -MAX_PLAN_OCCURRENCES:  # said once per plan
            self.report(
                "TT001",
                f"the plan's recurring series reach {MAX_PLAN_OCCURRENCES:,} occurrences; "
                "this series and later ones are cut short",
                "end each series with 'until' or 'count' (months or years, not decades)",
                (*entry.path, "recurrence"),
                Severity.WARNING,
            )
            self.occurrences_left = -MAX_PLAN_OCCURRENCES
        self.occurrences_left = max(self.occurrences_left - len(occurrences), -MAX_PLAN_OCCURRENCES)
        if not occurrences:
            self.report(
                "TT001",
                f"the recurrence ends before the first {entry.kind}",
                "move 'until' after the meeting's date",
                (*entry.path, "recurrence", "until"),
                Severity.WARNING,
            )
            return None, [start]
        info = RecurrenceInfo(freq, interval, spec.count, until_day)  # type: ignore[arg-type]
        return info, occurrences

    def run(self) -> list[ResolvedItem]:
        for item_id in self.entries:
            if self.state.get(item_id) != _DONE:
                self.resolve_entry(item_id)
        items = [self.build(self.entries[i], w) for i, w in self.whens.items()]
        items.sort(key=ResolvedItem.sort_key)
        return items

    def other_dates(self) -> dict[KeyPath, date]:
        """Every date field outside the timetable items, by key path (:data:`OTHER_DATES`)."""
        out: dict[KeyPath, date] = {}
        for path, spec in other_date_fields(self.plan):
            when = self.evaluate(spec, path, None)
            if when is not None:
                out[path] = when.day
        seen: set[tuple[str, KeyPath, str]] = set()
        unique = []
        for finding in self.findings:  # an action's due is evaluated as an item and here
            key = (finding.code, finding.path, finding.message)
            if key not in seen:
                seen.add(key)
                unique.append(finding)
        self.findings = unique
        return out

    def anchors(self) -> dict[str, date]:
        out: dict[str, date] = {}
        if self.primary is not None:
            out["poll"] = self.primary.poll_date
            if self.primary.announced_on:
                out["announced_on"] = self.primary.announced_on
        for election in self.by_poll:
            out.setdefault(election.id, election.poll_date)
            timetable = self.pack_timetable(election)
            if timetable is None:
                continue
            for key in timetable.keys_list():
                try:
                    day = timetable.day_of(key)
                except (OutsideSupportedYears, OverflowError):
                    continue
                out.setdefault(key, day)
                out[f"{election.id}.{key}"] = day
        return out


def _date_field(model: TimetableItem | Action | PresenceWindow) -> Any:
    """The date that places an entry: an item's ``when``, an action's ``due``, a presence
    window's ``from``."""
    if isinstance(model, TimetableItem):
        return model.when
    if isinstance(model, Action):
        return model.due
    return model.from_


def _zone(name: str) -> tzinfo | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None  # the schema reports a bad timezone; dates still resolve, untimed


def resolve_plan(plan: Plan, today: date | None = None) -> ResolvedTimetable:
    """Resolve every date of ``plan``. Never raises on bad plan input: problems are
    :class:`~elecsafe.findings.Finding` objects with key paths (positioned by the caller)."""
    resolver = _Resolver(plan)
    items = resolver.run()
    dates = resolver.other_dates()
    calendars = {e.id: resolver.calendar(e) for e in resolver.by_poll}
    calendars[""] = resolver.calendar(resolver.primary)
    return ResolvedTimetable(
        items=tuple(items),
        findings=tuple(resolver.findings),
        anchors=resolver.anchors(),
        poll_date=resolver.primary.poll_date if resolver.primary else None,
        timezone=resolver.zone,
        today=today or clock.today(),
        dates=dates,
        _by_id={i.id: i for i in items},
        _calendars=calendars,
    )


def _rolled(
    expression: Relative, base: date, day: date, calendar: WorkingCalendar, *, strict: bool = True
) -> bool:
    """Whether ``day`` is not what the written offset says (a roll moved it off a holiday), so
    the written offset ("E−29d") would misstate it and the label must come from the day itself.
    ``strict=False``: a shift that cannot be computed counts as not rolled."""
    from elecsafe.dates.arith import shift

    if expression.roll not in ("forward", "backward"):
        return False
    try:
        return shift(base, expression.offset, expression.unit, calendar) != day
    except (OutsideSupportedYears, OverflowError):
        if strict:
            raise
        return False


def other_date_fields(plan: Plan) -> Iterator[tuple[KeyPath, Any]]:
    """The date fields of the plan that are not timetable items, with their key paths
    (tests/dates/test_resolver.py checks that every ``DateSpec`` field of the model is
    either a timetable item's date or listed here)."""
    assessment = plan.threat_assessment
    if assessment is not None and assessment.review_due is not None:
        yield ("threat_assessment", "review_due"), assessment.review_due
    for i, site in enumerate(plan.sites):
        if site.vulnerability is not None and site.vulnerability.next_review is not None:
            yield ("sites", i, "vulnerability", "next_review"), site.vulnerability.next_review
        for j, window in enumerate(site.operating_windows):
            yield ("sites", i, "operating_windows", j, "from"), window.from_
            yield ("sites", i, "operating_windows", j, "to"), window.to
    for i, move in enumerate(plan.ballot_transport):
        if move.when is not None:
            yield ("ballot_transport", i, "when"), move.when
    impartiality = plan.communications.impartiality if plan.communications else None
    if impartiality is not None and impartiality.pre_election_period_start is not None:
        start: KeyPath = ("communications", "impartiality", "pre_election_period_start")
        yield start, impartiality.pre_election_period_start
    for path, action in plan.timetable.all_actions():
        if action.due is not None:
            yield (*path, "due"), action.due
