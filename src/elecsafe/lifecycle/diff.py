"""What changed between two versions of a plan, by meaning rather than by line.

Both versions are loaded and validated as usual (the fast reader; nothing is round-tripped),
their timetables resolved, and the parts people act on are compared entity by entity, by id:
people, role holders and deputies, contacts exchanged, meetings/trainings/exercises and
milestones (added, removed, moved), agreements (terms, signatures), sites (added, removed,
rating, police presence). Each change carries the sensitivity of what it reveals, so a change
notice for partners or the public leaves out what that audience may not see and says how
many changes were withheld.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from elecsafe.findings import PlanError
from elecsafe.model.base import AUDIENCE_RANK, Sensitivity

if TYPE_CHECKING:
    from elecsafe.dates.resolver import ResolvedItem
    from elecsafe.load.loader import LoadedPlan
    from elecsafe.model.plan import Plan

PUBLIC, PARTNERS, RESTRICTED = Sensitivity.PUBLIC, Sensitivity.PARTNERS, Sensitivity.RESTRICTED


@dataclass(frozen=True)
class Change:
    section: str  # people, roles, contacts, timetable, agreements, sites, plan
    subject: str  # the entity id
    what: str  # one line a partner can read
    before: str | None
    after: str | None
    sensitivity: Sensitivity

    def visible_to(self, audience: str) -> bool:
        return self.sensitivity.rank <= AUDIENCE_RANK[audience]


SECTION_TITLES = {
    "plan": "The plan",
    "people": "People",
    "roles": "Roles, holders and deputies",
    "contacts": "Contacts exchanged",
    "timetable": "Meetings, training, exercises and dates",
    "agreements": "Agreements",
    "sites": "Sites",
}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _by_id(items: Any) -> dict[str, Any]:
    return {item.id: item for item in items}


def _people(a: Plan, b: Plan) -> Iterator[Change]:
    old, new = _by_id(a.people), _by_id(b.people)
    for pid in sorted(new.keys() - old.keys()):
        yield Change("people", pid, f"{new[pid].display_name} added", None, pid, PARTNERS)
    for pid in sorted(old.keys() - new.keys()):
        yield Change("people", pid, f"{old[pid].display_name} removed", pid, None, PARTNERS)
    for pid in sorted(old.keys() & new.keys()):
        x, y = old[pid], new[pid]
        for field in ("display_name", "title", "organisation"):
            if getattr(x, field) != getattr(y, field):
                before, after = _text(getattr(x, field)), _text(getattr(y, field))
                yield Change("people", pid, f"{y.display_name}: {field}", before, after, PARTNERS)
        gained = sorted(set(y.mobile_exchanged_with) - set(x.mobile_exchanged_with))
        lost = sorted(set(x.mobile_exchanged_with) - set(y.mobile_exchanged_with))
        for other in gained:
            what = f"{y.display_name} and {other} exchanged mobile numbers"
            yield Change("contacts", pid, what, None, other, RESTRICTED)
        for other in lost:
            what = f"{y.display_name} no longer records an exchange with {other}"
            yield Change("contacts", pid, what, other, None, RESTRICTED)


def _name(plan: Plan, person: str | None) -> str | None:
    if person is None:
        return None
    found = plan.index().people.get(person)
    return found.display_name if found else person


def _roles(a: Plan, b: Plan) -> Iterator[Change]:
    old, new = _by_id(a.roles), _by_id(b.roles)
    for rid in sorted(new.keys() - old.keys()):
        role = new[rid]
        what = f"role {role.label} ({role.organisation}) added"
        yield Change("roles", rid, what, None, _name(b, role.holder), PARTNERS)
    for rid in sorted(old.keys() - new.keys()):
        role = old[rid]
        what = f"role {role.label} ({role.organisation}) removed"
        yield Change("roles", rid, what, _name(a, role.holder), None, PARTNERS)
    for rid in sorted(old.keys() & new.keys()):
        x, y = old[rid], new[rid]
        for field in ("holder", "deputy"):
            if getattr(x, field) != getattr(y, field):
                before, after = _name(a, getattr(x, field)), _name(b, getattr(y, field))
                what = f"{y.label} ({y.organisation}): new {field}"
                yield Change("roles", rid, what, before, after, PARTNERS)


def _when(item: ResolvedItem) -> str:
    return item.start.isoformat() if item else ""


def _timetable(a: Plan, b: Plan) -> Iterator[Change]:
    from elecsafe.dates.resolver import resolve_plan

    old = {i.id: i for i in resolve_plan(a).items}
    new = {i.id: i for i in resolve_plan(b).items}

    def level(item: ResolvedItem) -> Sensitivity:
        own = getattr(item.item, "sensitivity", None)
        return own if isinstance(own, Sensitivity) else PUBLIC

    for iid in sorted(new.keys() - old.keys()):
        item = new[iid]
        what = f"{item.kind} '{item.title}' added"
        yield Change("timetable", iid, what, None, _when(item), level(item))
    for iid in sorted(old.keys() - new.keys()):
        item = old[iid]
        what = f"{item.kind} '{item.title}' removed"
        yield Change("timetable", iid, what, _when(item), None, level(item))
    for iid in sorted(old.keys() & new.keys()):
        x, y = old[iid], new[iid]
        if x.start != y.start:
            what = f"{y.kind} '{y.title}' moved"
            yield Change("timetable", iid, what, _when(x), _when(y), max_level(x, y, level))
        if x.status != y.status:
            what = f"{y.kind} '{y.title}': status"
            yield Change("timetable", iid, what, x.status, y.status, max_level(x, y, level))


def max_level(
    x: ResolvedItem, y: ResolvedItem, level: Callable[[ResolvedItem], Sensitivity]
) -> Sensitivity:
    first, second = level(x), level(y)
    return first if first.rank >= second.rank else second


def _agreements(a: Plan, b: Plan) -> Iterator[Change]:
    from elecsafe.model.agreements import agreements_of, terms_digest

    old = {x.id: x for _, x in agreements_of(a)}
    new = {x.id: x for _, x in agreements_of(b)}
    for aid in sorted(new.keys() - old.keys()):
        yield Change("agreements", aid, f"agreement '{new[aid].title}' added", None, aid, PARTNERS)
    for aid in sorted(old.keys() - new.keys()):
        yield Change(
            "agreements", aid, f"agreement '{old[aid].title}' removed", aid, None, PARTNERS
        )
    for aid in sorted(old.keys() & new.keys()):
        x, y = old[aid], new[aid]
        before, after = terms_digest(x), terms_digest(y)
        if before != after:
            yield Change("agreements", aid, f"'{aid}': terms changed", before, after, PARTNERS)
        signed_x = {p.org: p.signatory for p in x.parties}
        for party in y.parties:
            was, now = signed_x.get(party.org), party.signatory
            was_on = was.signed_on if was else None
            now_on = now.signed_on if now else None
            if (was_on, was and was.terms_digest) != (now_on, now and now.terms_digest):
                what = f"'{aid}': signature for {party.org}"
                after_text = f"{_name(b, now.person)} on {_text(now_on)}" if now else None
                before_text = f"{_name(a, was.person)} on {_text(was_on)}" if was else None
                yield Change("agreements", aid, what, before_text, after_text, PARTNERS)
        if x.resign_due != y.resign_due:
            state = "to be signed again by every party" if y.resign_due else "signed again"
            yield Change("agreements", aid, f"'{aid}': {state}", None, None, PARTNERS)


def _sites(a: Plan, b: Plan) -> Iterator[Change]:
    old, new = _by_id(a.sites), _by_id(b.sites)
    for sid in sorted(new.keys() - old.keys()):
        yield Change("sites", sid, f"site '{new[sid].name}' added", None, sid, PUBLIC)
    for sid in sorted(old.keys() - new.keys()):
        yield Change("sites", sid, f"site '{old[sid].name}' removed", sid, None, PUBLIC)
    for sid in sorted(old.keys() & new.keys()):
        x, y = old[sid], new[sid]
        rx = x.vulnerability.rating if x.vulnerability else None
        ry = y.vulnerability.rating if y.vulnerability else None
        if rx != ry:
            yield Change("sites", sid, f"'{y.name}': rating", rx, ry, RESTRICTED)
        if x.police_presence != y.police_presence:
            what = f"'{y.name}': police presence"
            yield Change("sites", sid, what, x.police_presence, y.police_presence, RESTRICTED)


def _meta(a: Plan, b: Plan) -> Iterator[Change]:
    for field in ("id", "title", "version", "previous_plan"):
        if getattr(a, field) != getattr(b, field):
            before, after = _text(getattr(a, field)), _text(getattr(b, field))
            yield Change("plan", b.id, field, before, after, PUBLIC)
    polls_a = {e.id: e.poll_date for e in a.elections}
    for election in b.elections:
        if election.id in polls_a and polls_a[election.id] != election.poll_date:
            before = _text(polls_a[election.id])
            yield Change(
                "plan", election.id, f"poll date of {election.name}", before,
                _text(election.poll_date), PUBLIC,
            )  # fmt: skip


def compare(a: Plan, b: Plan) -> list[Change]:
    out: list[Change] = []
    for part in (_meta, _people, _roles, _timetable, _agreements, _sites):
        out += part(a, b)
    return out


# -- reading the two versions --------------------------------------------------------------------


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise PlanError(f"git is not available ({exc.strerror or exc})") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PlanError(f"git {' '.join(args)}: {message[-1] if message else 'failed'}")
    return done.stdout


def checkout(plan_dir: Path, rev: str, into: Path) -> Path:
    """The plan's tracked YAML files at ``rev`` (``git show REV:path``), written under ``into``;
    the private layer is never read from history."""
    from elecsafe.writes import write_bytes_atomic

    plan_dir = plan_dir.resolve()
    top = Path(_git(["rev-parse", "--show-toplevel"], plan_dir).decode().strip())
    prefix = plan_dir.relative_to(top.resolve()).as_posix().removeprefix(".")
    listing = _git(["ls-tree", "-r", "-z", "--name-only", rev, "--", prefix or "."], top)
    for name in listing.decode("utf-8").split("\0"):
        inside = name[len(prefix) + 1 :] if prefix else name
        if not name or not name.endswith((".yaml", ".yml")) or inside.startswith("private/"):
            continue
        write_bytes_atomic(into / inside, _git(["show", f"{rev}:{name}"], top))
    return into


def load_version(plan_dir: Path, rev: str | None, scratch: Path) -> LoadedPlan:
    from elecsafe.load.loader import load_plan

    if rev is None:
        return load_plan(plan_dir, private=False)
    return load_plan(checkout(plan_dir, rev, scratch / rev.replace("/", "_")), private=False)


def diff_plans(old: LoadedPlan, new: LoadedPlan) -> list[Change]:
    for loaded, label in ((old, "old"), (new, "new")):
        if loaded.plan is None:
            errors = [f for f in loaded.findings if f.severity.value == "error"][:1]
            where = f": {errors[0].file}:{errors[0].line}: {errors[0].message}" if errors else ""
            raise PlanError(f"the {label} version of the plan does not pass the schema{where}")
    assert old.plan is not None and new.plan is not None
    return compare(old.plan, new.plan)


def diff_revisions(plan_dir: Path, rev_a: str, rev_b: str | None) -> list[Change]:
    with tempfile.TemporaryDirectory(prefix="elecsafe-diff-") as scratch:
        old = load_version(plan_dir, rev_a, Path(scratch))
        new = load_version(plan_dir, rev_b, Path(scratch))
        return diff_plans(old, new)


# -- output --------------------------------------------------------------------------------------


def _arrow(change: Change) -> str:
    if change.before is not None and change.after is not None:
        return f": {change.before} → {change.after}"
    return ""


def render_text(changes: list[Change], audience: str) -> str:
    shown = [c for c in changes if c.visible_to(audience)]
    if not changes:
        return "no changes by meaning\n"
    lines: list[str] = []
    for section, title in SECTION_TITLES.items():
        group = [c for c in shown if c.section == section]
        if group:
            lines.append(title)
            lines += [f"  {c.what}{_arrow(c)}" for c in group]
    withheld = len(changes) - len(shown)
    if withheld:
        lines.append(f"{withheld} change(s) withheld from the {audience} audience")
    return "\n".join(lines) + "\n"


def render_md(changes: list[Change], audience: str, title: str, label: str) -> str:
    shown = [c for c in changes if c.visible_to(audience)]
    out = [f"# Change notice: {title}\n", f"\n{label}. Audience: {audience}.\n"]
    if not shown:
        out.append("\nNo changes to report.\n")
    for section, heading in SECTION_TITLES.items():
        group = [c for c in shown if c.section == section]
        if group:
            out.append(f"\n## {heading}\n\n")
            out += [f"- {c.what}{_arrow(c)}\n" for c in group]
    withheld = len(changes) - len(shown)
    if withheld:
        out.append(
            f"\n*{withheld} change(s) are not shown in this {audience} edition "
            "(restricted details).*\n"
        )
    return "".join(out)


def render_json(changes: list[Change], audience: str) -> str:
    shown = [c for c in changes if c.visible_to(audience)]
    rows = [{**asdict(c), "sensitivity": c.sensitivity.value} for c in shown]
    document = {"version": 1, "audience": audience, "changes": rows,
                "withheld": len(changes) - len(shown)}  # fmt: skip
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
