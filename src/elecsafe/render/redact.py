"""The redacted view of a plan that templates see.

Why a view and not the models: templates cannot leak what they never receive. The walker
reads the sensitivity metadata of every field (``field_sensitivity``) and copies the plan into
plain :class:`Record` objects, replacing each field above the audience with a
:class:`Withheld` marker. A withheld field hides its whole subtree. The marker is falsy,
iterates as empty and prints as "*withheld*"; whenever a template (or a document builder)
touches one, its label is recorded so the document can say what was left out of this
edition (domain.md §5.3: "redaction by omission" with a note listing what was withheld).

Persons enrolled in an address-confidentiality programme never appear by name below the
internal audience (PRV004, domain.md §1.5).
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from elecsafe.model import visibility
from elecsafe.model.base import AUDIENCE_RANK, ContactMethod
from elecsafe.model.org import Organisation, PrivateContact
from elecsafe.model.roles import RoleAssignment
from elecsafe.model.sites import Site
from elecsafe.model.timetable import Milestone

AUDIENCES = ("public", "partners", "internal")

# Read-only properties worth exposing; computed from fields of the same sensitivity.
_DERIVED: dict[type[BaseModel], tuple[str, ...]] = {
    RoleAssignment: ("label", "is_critical"),
    Organisation: ("is_law_enforcement",),
}

CONFIDENTIAL_NAMES = "names of people in an address-confidentiality programme"
PRIVATE_CONTACTS = "personal contact details (private layer)"


class WithheldLog:
    """Labels of the withheld information a document actually touched, in first-use order."""

    def __init__(self) -> None:
        self.labels: dict[str, None] = {}

    def add(self, label: str) -> None:
        self.labels.setdefault(label, None)

    def clear(self) -> None:
        self.labels.clear()

    def __iter__(self) -> Any:
        return iter(list(self.labels))


class Withheld:
    """Stands in for a value this audience may not see."""

    __slots__ = ("_label", "_log")

    def __init__(self, label: str, log: WithheldLog) -> None:
        self._label = label
        self._log = log

    def _touch(self) -> None:
        self._log.add(self._label)

    def __bool__(self) -> bool:
        self._touch()
        return False

    def __iter__(self) -> Any:
        self._touch()
        return iter(())

    def __len__(self) -> int:
        self._touch()
        return 0

    def __str__(self) -> str:
        self._touch()
        return "withheld"

    def __getattr__(self, name: str) -> Withheld:
        if name.startswith("_"):
            raise AttributeError(name)
        self._touch()
        return self

    def __getitem__(self, key: object) -> Withheld:
        self._touch()
        return self

    def __repr__(self) -> str:
        return f"Withheld({self._label!r})"


def is_withheld(value: object) -> bool:
    return isinstance(value, Withheld)


class Record:
    """A plan entity as plain attributes (no methods a template could call)."""

    def __init__(self, fields: dict[str, Any]) -> None:
        self.__dict__.update(fields)

    def __getitem__(self, key: str) -> Any:
        return self.__dict__[key]

    if TYPE_CHECKING:  # fields are dynamic; at run time a missing one is an AttributeError

        def __getattr__(self, name: str) -> Any: ...

    def get(self, key: str, default: Any = None) -> Any:
        return self.__dict__.get(key, default)

    def __repr__(self) -> str:
        return f"Record({', '.join(sorted(self.__dict__))})"


# Entities that carry their own marking on top of the field metadata: a contact method
# (domain.md §1.0 ContactMethod), a timetable milestone (public for statutory dates) and a
# site (public for the venues the public uses, partners for back-office sites).
_OWN_MARKING_LABELS: dict[type[BaseModel], str] = {
    ContactMethod: "contact methods",
    Milestone: "timetable milestones",
    Site: "sites",
}


def _humanise(name: str) -> str:
    out = ""
    for i, char in enumerate(name):
        if char.isupper() and i and not name[i - 1].isupper():
            out += " "
        out += char.lower()
    return out.replace("_", " ").strip()


# What the "withheld from this edition" box calls a field, where its name says it badly.
FIELD_LABELS: dict[tuple[str, str], str] = {
    ("Plan", "mous"): "MoUs",
    ("Plan", "roles"): "role assignments",
    ("Plan", "communications"): "communications plan",
    ("Plan", "threat_reporting"): "threat reporting channels",
    ("Plan", "mutual_aid"): "mutual aid agreements",
    ("Plan", "notes"): "plan notes",
    ("Timetable", "trainings"): "timetable: training",
    ("Site", "le_agency"): "site: law enforcement agency",
    ("Site", "vulnerability"): "site: vulnerability assessment",
    ("Site", "count"): "site: count security",
    ("Site", "drop_box"): "site: drop box security",
    ("Site", "polling"): "site: polling details",
    ("Person", "mobile_exchanged_with"): "person: mobile numbers exchanged",
    ("Milestone", "owner"): "milestone: owner",
}


def field_label(model: type[BaseModel], name: str) -> str:
    """``(Site, "police_presence")`` -> "site: police presence"; plan fields by name only."""
    known = FIELD_LABELS.get((model.__name__, name))
    if known:
        return known
    field = name.rstrip("_").replace("_", " ")
    if model.__name__ == "Plan":
        return field
    return f"{_humanise(model.__name__)}: {field}"


class Redactor:
    def __init__(self, audience: str, log: WithheldLog) -> None:
        if audience not in AUDIENCE_RANK:
            raise ValueError(f"unknown audience {audience!r}")
        self.audience = audience
        self.rank = AUDIENCE_RANK[audience]
        self.log = log

    def withheld(self, label: str) -> Withheld:
        return Withheld(label, self.log)

    def value(self, value: Any) -> Any:
        if isinstance(value, BaseModel):
            return self.model(value)
        if isinstance(value, list | tuple):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return {k: self.value(v) for k, v in value.items()}
        if isinstance(value, Enum):
            return value.value
        return value

    def model(self, model: BaseModel) -> Record | Withheld:
        cls = type(model)
        if not visibility.entity_visible(model, self.audience):
            marking = visibility.own_marking(model)
            assert marking is not None
            return self.withheld(f"{_OWN_MARKING_LABELS[cls]} marked {marking.value}")
        fields: dict[str, Any] = {}
        for name in cls.model_fields:
            if not visibility.field_visible(cls, name, self.audience):
                fields[name] = self.withheld(field_label(cls, name))
            else:
                fields[name] = self.value(getattr(model, name))
        for prop in _DERIVED.get(cls, ()):
            fields[prop] = getattr(model, prop)
        if not visibility.name_visible(model, self.audience):
            fields["display_name"] = self.withheld(CONFIDENTIAL_NAMES)
        return Record(fields)


def redact(value: Any, audience: str, log: WithheldLog) -> Any:
    """The redacted copy of ``value`` (a model, list or dict) for ``audience``."""
    return Redactor(audience, log).value(value)


def private_contacts(
    contacts: dict[str, PrivateContact], audience: str, log: WithheldLog
) -> dict[str, Any] | Withheld:
    """The private layer, merged for the internal audience only (DESIGN.md §3)."""
    if AUDIENCE_RANK[audience] < AUDIENCE_RANK["internal"]:
        return Withheld(PRIVATE_CONTACTS, log)
    return {pid: redact(contact, audience, log) for pid, contact in contacts.items()}


__all__ = [
    "AUDIENCES",
    "Record",
    "Withheld",
    "WithheldLog",
    "is_withheld",
    "private_contacts",
    "redact",
]
