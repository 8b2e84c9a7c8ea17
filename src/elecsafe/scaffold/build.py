"""Render a profile's templates into the bytes of every scaffold file (nothing is written here).

Why Jinja and not ruamel round-trip: the templates are commented YAML that we own, and the
comments are the point (they explain each section and cite the guidance). Jinja reproduces
every comment, blank line and the key order byte for byte; values go in through one YAML
scalar emitter that quotes and escapes as needed (:mod:`elecsafe.scaffold.yamltext`). With
ruamel we would need a table of key paths to set (drifting from the template whenever the
template changes) and ruamel re-flows comments around inserted keys.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from elecsafe import __version__
from elecsafe.scaffold.files import ScaffoldFile
from elecsafe.scaffold.origin import InstallSource, installed_source
from elecsafe.scaffold.profiles import SCHEMA_FILES, Profile
from elecsafe.scaffold.values import (
    BANK_HOLIDAY_DIVISION,
    NATION_NAMES,
    is_us_federal_election_day,
    slugify,
    state_name,
)
from elecsafe.scaffold.yamltext import RawYaml, flow_list, yaml_scalar

SCHEMA_VERSION = "1.0"
# How long private contact details of an election season are kept (PRV007 default).
RETENTION_DAYS = 90
# Agreements drafted by the scaffold should be signed this many days before polling day.
SIGN_BY_DAYS = 90


@dataclass(frozen=True)
class ScaffoldOptions:
    profile: Profile
    name: str
    poll_date: date
    timezone: str
    region: str  # US-XX for us-county, ENG/WLS/SCT/NIR for uk-force
    today: date
    # Where the pre-commit hook and CI get elecsafe; None: how this elecsafe was installed.
    source: InstallSource | None = None


def templates_dir() -> Path:
    """``templates/init``: inside the wheel (``elecsafe/templates``) or at the repo root (dev)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates" / "init", package.parent.parent / "templates" / "init"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the built-in init templates are missing; reinstall elecsafe")


def context(options: ScaffoldOptions) -> dict[str, Any]:
    """Everything the templates may use (StrictUndefined: a typo is an error, not a blank)."""
    poll, profile = options.poll_date, options.profile
    values: dict[str, Any] = {
        "profile": profile.name,
        "country": profile.country,
        "name": options.name,
        "plan_id": slugify(options.name),
        "title": f"{options.name} election safety plan",
        "today": options.today,
        "poll": poll,
        "year": poll.year,
        "timezone": options.timezone,
        "schema_version": SCHEMA_VERSION,
        "elecsafe_version": __version__,
        **_install_values(options.source or installed_source()),
        "retain_until": poll + timedelta(days=RETENTION_DAYS),
        # Draft agreements carry a waiver until they should be signed (never in the past).
        "sign_by": max(poll - timedelta(days=SIGN_BY_DAYS), options.today + timedelta(days=30)),
        "flow_list": flow_list,
        "poll_plus": lambda days: poll + timedelta(days=days),
    }
    if profile.country == "US":
        values.update(_us_values(options.region, poll))
    else:
        values.update(_uk_values(options.region, poll))
    return values


def _install_values(source: InstallSource) -> dict[str, Any]:
    """The pre-commit hook and the CI install pin ``source``; without one they say so."""
    remote = None
    if source.kind == "vcs" and source.requirement:
        url, _, rev = source.requirement.removeprefix("elecsafe @ git+").rpartition("@")
        if source.requirement.startswith("elecsafe @ git+") and "#" not in rev:
            remote = {"url": url, "rev": rev}
    return {
        "install_where": source.where,
        "hook_requirement": source.requirement,
        "hook_remote": remote,
        "install_command": RawYaml(shlex.quote(source.requirement)) if source.requirement else None,
    }


def _us_values(state: str, poll: date) -> dict[str, Any]:
    federal = is_us_federal_election_day(poll)
    presidential = federal and poll.year % 4 == 0
    if presidential:
        kind, name = "federal_general", f"Presidential general election {poll.year}"
    elif federal:
        kind, name = "federal_midterm", f"General election {poll.year}"
    else:
        kind, name = "special", f"Election of {poll.isoformat()}"
    from elecsafe.dates.packs import load_pack, state_pack

    # A state with a built-in pack gets its own deadlines (and polling hours) on top of the
    # federal anchors; others get the federal pack alone.
    own = state_pack(state) if federal else None
    pack = own or ("us_federal" if federal else None)
    hours = load_pack(own).poll_hours if own else None
    federal_keys = set(load_pack("us_federal").items)
    state_items = [
        {"key": key, "id": key.replace("_", "-"), "title": item.title}
        for key, item in (load_pack(own).items.items() if own else [])
        if key not in federal_keys
    ]
    return {
        "state": state,
        "state_name": state_name(state),
        "federal": federal,
        "presidential": presidential,
        "election_kind": kind,
        "election_name": name,
        "election_id": f"general-{poll.year}" if federal else f"election-{poll.year}",
        "pack": pack,
        "state_pack": own,
        "state_items": state_items,
        "state_keys": [i["key"] for i in state_items],
        "poll_open": hours[0] if hours else "07:00",
        "poll_close": hours[1] if hours else "19:00",
    }


LOCAL_PACKS = {"ENG": "uk_local_eng", "WLS": "local_wales", "SCT": "local_scotland"}


def _pack_keys(pack: str | None) -> list[str]:
    """The statutory keys of a pack, so the scaffold writes only the deadlines that exist."""
    if pack is None:
        return []
    from elecsafe.dates.packs import load_pack

    return list(load_pack(pack).items)


def _uk_values(nation: str, poll: date) -> dict[str, Any]:
    kinds = {
        "ENG": "local_england",
        "WLS": "local_wales",
        "SCT": "local_scotland",
        "NIR": "local_northern_ireland",
    }
    # Each nation's local elections have their own statutory pack (Wales and Scotland: no
    # Voter Authority Certificate); Northern Ireland's is not shipped yet.
    pack = LOCAL_PACKS.get(nation)
    return {
        "nation": nation,
        "nation_name": NATION_NAMES[nation],
        "division": BANK_HOLIDAY_DIVISION[nation],
        "election_kind": kinds[nation],
        "election_name": f"Local elections {poll.year}",
        "election_id": f"local-{poll.year}",
        "pack": pack,
        "pack_keys": _pack_keys(pack),
        "app_applies": nation in ("ENG", "WLS"),
    }


def as_comment(value: Any) -> RawYaml:
    """Text for a ``# comment`` line: as written, on one line (names never hold newlines)."""
    return RawYaml(" ".join(str(value).split()))


def _environment(root: Path, *, yaml: bool) -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(root)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # In YAML templates every {{ value }} is emitted as a YAML scalar (like autoescape).
        finalize=yaml_scalar if yaml else None,
    )
    env.filters["comment"] = as_comment
    return env


def schema_files() -> list[ScaffoldFile]:
    """The three editor schemas, exactly as ``elecsafe schema --part ...`` prints them (and as
    schemas/ holds them): one source, so ``elecsafe schema -o`` refreshes them in place."""
    from elecsafe.model.schema import json_schema

    return [
        ScaffoldFile(PurePosixPath(path), json_schema(part).encode("utf-8"))
        for path, part in SCHEMA_FILES
    ]


def build(options: ScaffoldOptions, root: Path | None = None) -> list[ScaffoldFile]:
    """Every file of the scaffold, rendered, in the order they are listed and written."""
    root = root or templates_dir()
    values = context(options)
    yaml_env = _environment(root, yaml=True)
    text_env = _environment(root, yaml=False)
    files: list[ScaffoldFile] = []
    for out, template in options.profile.template_files():
        is_yaml = out.endswith((".yaml", ".yml"))
        depth = out.count("/")
        page_values = {**values, "schema_prefix": RawYaml("../" * depth)}
        env = yaml_env if is_yaml else text_env
        text = env.get_template(template).render(page_values)
        files.append(ScaffoldFile(PurePosixPath(out), text.encode("utf-8")))
    return files + schema_files()
