"""Adding and updating incidents in the plan's own files, through the editing machinery.

Why here and not in the CLI: the same checks (a known harm, site, channel, agency; no contact
data in the summary; the next id) must hold whoever calls them, and an edit is validated in
full before a byte is written. New incidents go to ``incidents/<year>.yaml``: appended to the
file that already holds that year's incidents, else a new file that the plan includes.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from elecsafe.edit import Change, EditError, PlanEdit
from elecsafe.edit.document import block_text
from elecsafe.lint.rules.pii import scan
from elecsafe.load.loader import LoadedPlan, display_path
from elecsafe.model.incidents import STATUS_LABELS, TARGET_LABELS, Incident, moment_date
from elecsafe.model.plan import Plan
from elecsafe.model.threat import HARMS

NEW_FILE_HEADER = """\
# Incident and threat log, {year} (restricted: the plan's owners only).
# Roles and pseudonyms only: never a victim's name, address or phone number.
# Add entries with `elecsafe incident add`, update them with `elecsafe incident update`.

"""
INCLUDE_PATTERN = "incidents/*.yaml"


class LogError(Exception):
    """The edit cannot be made; nothing was written. The message is one line for the user."""


@dataclass
class LogEdit:
    """The pending changes: edits to existing files and at most one new file."""

    edit: PlanEdit
    incident_id: str
    new_file: tuple[Path, str, bytes] | None = None  # (path, shown, content)
    notes: list[str] = field(default_factory=list)

    def changes(self) -> list[Change]:
        try:
            changes = self.edit.changes()
        except EditError as exc:
            raise LogError(str(exc)) from None
        if self.new_file is not None:
            path, shown, data = self.new_file
            changes.append(Change(path, shown, b"", data))
        return changes

    def diff(self) -> str:
        out: list[str] = []
        for change in self.changes():
            if change.before:
                out.append(change.diff())
            else:
                new = change.after.decode("utf-8").splitlines(keepends=True)
                out.append("".join(difflib.unified_diff([], new, "/dev/null", f"b/{change.shown}")))
        return "".join(out)

    def write(self) -> list[Change]:
        from elecsafe.edit.session import write_changes

        changes = self.changes()  # every new content is built and checked first
        new = self.new_file[0] if self.new_file is not None else None
        try:
            write_changes(changes, self.edit.loaded.directory, new=new)
        except EditError as exc:
            raise LogError(str(exc)) from None
        return changes


def _choice(value: str, allowed: dict[str, str], what: str) -> str:
    if value in allowed:
        return value
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise LogError(f"unknown {what} '{value}'{hint}; expected one of: {', '.join(allowed)}")


def _known(value: str | None, known: dict[str, Any], what: str) -> None:
    if value is None or value in known:
        return
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise LogError(f"no {what} with id '{value}' in the plan{hint}")


def _clean_text(option: str, text: str | None) -> None:
    if text is None:
        return
    found = scan(text)
    if found:
        raise LogError(
            f"{option} seems to contain {found[0]}: describe people by role or pseudonym, "
            "never with contact details"
        )


def next_id(plan: Plan, year: int) -> str:
    pattern = re.compile(rf"^inc-{year}-(\d+)$")
    numbers = [int(m.group(1)) for i in plan.incidents if (m := pattern.match(i.id))]
    return f"inc-{year}-{max(numbers, default=0) + 1:03d}"


def _validated(plan: Plan, entry: dict[str, Any]) -> Incident:
    index = plan.index()
    _choice(entry["harm"], HARMS, "harm")
    _choice(entry["target"], TARGET_LABELS, "target")
    _choice(entry.get("status", "open"), STATUS_LABELS, "status")
    _known(entry.get("site"), index.sites, "site")
    _known(entry.get("channel"), index.channels, "reporting channel")
    referral = entry.get("referral")
    if referral is not None:
        _known(referral["to"], index.organisations, "organisation")
    for action in entry.get("follow_up", []):
        _known(action["owner"], index.roles, "role")
    _clean_text("--summary", entry.get("summary"))
    _clean_text("--outcome", entry.get("outcome"))
    try:
        return Incident.model_validate(entry)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in error["loc"])
        raise LogError(f"{where}: {error['msg']}" if where else str(error["msg"])) from None


def _yaml_value(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry as written to YAML: datetimes without seconds noise, keys in reading order."""
    order = "id reported harm target site channel summary referral status updated follow_up outcome"
    return {k: entry[k] for k in order.split() if entry.get(k) not in (None, [], {})}


def add(loaded: LoadedPlan, entry: dict[str, Any]) -> LogEdit:
    """Plan the addition of one incident (``entry`` without an id); nothing is written."""
    plan = loaded.plan
    if plan is None:
        raise LogError("the plan has errors; run elecsafe check and fix them first")
    year = moment_date(entry["reported"]).year
    entry = {"id": next_id(plan, year), **entry}
    _validated(plan, entry)
    edit = PlanEdit(loaded)
    value = _plain(_yaml_value(entry))
    same_year = [i for i, inc in enumerate(plan.incidents) if inc.reported_on.year == year]
    try:
        if same_year:
            doc, inner = edit.locate(("incidents", same_year[-1]))
            doc.append(inner[:-1], value, flow=False)
            return LogEdit(edit, entry["id"])
        return _new_file(loaded, edit, entry["id"], year, value)
    except EditError as exc:
        raise LogError(str(exc)) from None


def _new_file(
    loaded: LoadedPlan, edit: PlanEdit, incident_id: str, year: int, value: dict[str, Any]
) -> LogEdit:
    relative = f"incidents/{year}.yaml"
    path = loaded.directory / relative
    if path.exists():
        raise LogError(f"{display_path(path)}: exists but is not included by the plan")
    content = NEW_FILE_HEADER.format(year=year) + "incidents:\n" + block_text([value], 2)
    content = content.rstrip("\n") + "\n"
    result = LogEdit(edit, incident_id, (path, display_path(path), content.encode("utf-8")))
    plan = loaded.plan
    assert plan is not None
    if not any(fnmatch.fnmatch(relative, pattern) for pattern in plan.include):
        root = edit.document(display_path(loaded.plan_file))
        if plan.include:
            root.append(("include",), INCLUDE_PATTERN)
        else:
            root.insert((), "include", [INCLUDE_PATTERN])
        result.notes.append(f"the plan now includes {INCLUDE_PATTERN}")
    return result


def update(loaded: LoadedPlan, incident_id: str, changes: dict[str, Any], today: date) -> LogEdit:
    """Plan an update of one incident: status, outcome, referral, a follow-up action."""
    plan = loaded.plan
    if plan is None:
        raise LogError("the plan has errors; run elecsafe check and fix them first")
    ids = {inc.id: i for i, inc in enumerate(plan.incidents)}
    if incident_id not in ids:
        _known(incident_id, ids, "incident")
    index = ids[incident_id]
    current = plan.incidents[index].model_dump(mode="python", exclude_unset=True, by_alias=True)
    follow_up = changes.pop("follow_up", None)
    merged = {**current, **changes, "updated": today}
    if follow_up is not None:
        merged["follow_up"] = [*current.get("follow_up", []), follow_up]
    _validated(plan, merged)
    edit = PlanEdit(loaded)
    try:
        base = ("incidents", index)
        for key in ("status", "outcome", "referral", "updated"):
            if key in changes or key == "updated":
                edit.set((*base, key), _plain(merged[key]))
        if follow_up is not None:
            if current.get("follow_up"):
                edit.append((*base, "follow_up"), _plain(follow_up))
            else:
                edit.set((*base, "follow_up"), [_plain(follow_up)])
    except EditError as exc:
        raise LogError(str(exc)) from None
    return LogEdit(edit, incident_id)


def _plain(value: Any) -> Any:
    """Values as the plan writes them: a date and time as ``2028-10-14T09:30:00``."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, microsecond=0)
    return value
