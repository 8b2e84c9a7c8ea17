"""The init profiles: which files a scaffold has and what it defaults to.

The registry's keys are the CLI's ``--profile`` choices, so help text, validation and code
cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Literal

from elecsafe.scaffold.values import next_uk_may_poll, next_us_general_election

# (path in the plan directory, template under templates/init/). "{profile}" is the profile's
# own folder; everything else is shared. Dotfiles are stored without the dot so packaging
# tools never skip them.
PROFILE_FILES: tuple[tuple[str, str], ...] = (
    ("plan.yaml", "{profile}/plan.yaml.j2"),
    ("people.yaml", "{profile}/people.yaml.j2"),
    ("sites.yaml", "{profile}/sites.yaml.j2"),
    ("timetable.yaml", "{profile}/timetable.yaml.j2"),
    ("agreements.yaml", "{profile}/agreements.yaml.j2"),
    ("comms.yaml", "{profile}/comms.yaml.j2"),
    ("restricted.yaml", "{profile}/restricted.yaml.j2"),
    ("private/contacts.example.yaml", "{profile}/contacts.example.yaml.j2"),
    ("README.md", "common/README.md.j2"),
    (".gitignore", "common/gitignore.j2"),
    (".pre-commit-config.yaml", "common/pre-commit-config.yaml.j2"),
    (".github/workflows/elecsafe.yml", "common/github-workflow.yml.j2"),
)
# Generated from the model, not from templates: editors validate and complete offline.
SCHEMA_DIR = ".elecsafe"
PLAN_SCHEMA = f"{SCHEMA_DIR}/plan.schema.json"
PART_SCHEMA = f"{SCHEMA_DIR}/plan-part.schema.json"
CONTACTS_SCHEMA = f"{SCHEMA_DIR}/contacts.schema.json"
# (path in the plan directory, ``elecsafe schema --part`` it holds)
SCHEMA_FILES: tuple[tuple[str, str], ...] = (
    (PLAN_SCHEMA, "plan"),
    (PART_SCHEMA, "plan-part"),
    (CONTACTS_SCHEMA, "contacts"),
)
# Every file a scaffold writes, the same for every profile and whatever the answers: init
# checks them for conflicts before it asks its first question.
SCAFFOLD_PATHS: tuple[PurePosixPath, ...] = tuple(
    PurePosixPath(path) for path, _ in (*PROFILE_FILES, *SCHEMA_FILES)
)


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    country: Literal["US", "GB"]
    default_timezone: str
    fallback_name: str  # when neither --name nor a usable directory name is given
    default_poll: Callable[[date], date]
    poll_rule: str  # how the default poll date is chosen, for --help and prompts

    def template_files(self) -> list[tuple[str, str]]:
        return [(out, tpl.format(profile=self.name)) for out, tpl in PROFILE_FILES]


PROFILES: dict[str, Profile] = {
    "us-county": Profile(
        name="us-county",
        label="US county election office and its law enforcement partners",
        country="US",
        default_timezone="America/Chicago",
        fallback_name="Example County",
        default_poll=next_us_general_election,
        poll_rule="the next federal general election (Tuesday after the first Monday in November)",
    ),
    "uk-force": Profile(
        name="uk-force",
        label="UK police force area and its local authorities",
        country="GB",
        default_timezone="Europe/London",
        fallback_name="Example Force Area",
        default_poll=next_uk_may_poll,
        poll_rule="the next first Thursday in May",
    ),
}


def get_profile(name: str) -> Profile:
    from elecsafe.scaffold.values import ScaffoldError

    profile = PROFILES.get(name.strip().lower())
    if profile is None:
        raise ScaffoldError(
            f"--profile: unknown profile '{name}'; choose one of {', '.join(PROFILES)}"
        )
    return profile
