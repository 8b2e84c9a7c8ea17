"""REF001: ids are unique across the plan and every reference names an entity of the right kind.

The check is generic: it reads the ``RefTo`` markers on the fields, so a new reference field
is checked the moment it is declared.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from elecsafe.findings import Finding, KeyPath, Severity
from elecsafe.model.agreements import MoU, MutualAidAgreement
from elecsafe.model.base import RefTo
from elecsafe.model.comms import ReportingChannel
from elecsafe.model.incidents import Incident
from elecsafe.model.learning import ResourceGap
from elecsafe.model.org import Election, Jurisdiction, Organisation, Person
from elecsafe.model.placeholders import is_placeholder
from elecsafe.model.plan import Plan
from elecsafe.model.roles import RoleAssignment
from elecsafe.model.sites import BallotTransport, PresenceWindow, Site
from elecsafe.model.threat import ExtensionHarm, ThreatAssessment
from elecsafe.model.timetable import Action, Exercise, Meeting, Milestone, Training

ENTITY_KINDS: dict[type[BaseModel], str] = {
    Jurisdiction: "jurisdiction",
    Election: "election",
    Organisation: "organisation",
    Person: "person",
    RoleAssignment: "role",
    Site: "site",
    PresenceWindow: "presence_window",
    BallotTransport: "transport",
    Milestone: "milestone",
    Meeting: "meeting",
    Training: "training",
    Exercise: "exercise",
    Action: "action",
    MutualAidAgreement: "mutual_aid",
    MoU: "mou",
    ReportingChannel: "channel",
    ResourceGap: "gap",
    ThreatAssessment: "threat_assessment",
    ExtensionHarm: "harm",
    Incident: "incident",
}
KIND_LABEL = {
    "role": "role assignment",
    "mutual_aid": "mutual aid agreement",
    "mou": "MoU",
    "presence_window": "presence window",
}

Container = Literal["one", "list", "dict"]


@dataclass(frozen=True)
class _FieldSpec:
    name: str
    container: Container
    ref_kinds: tuple[str, ...]  # empty: not a reference
    nested: bool  # holds models to walk into
    literals: tuple[str, ...] = ()  # fixed values allowed besides ids (location: virtual)
    hint: str = ""  # for an unknown id with nothing close (RefTo.hint)


def _inspect(
    annotation: Any, metadata: list[Any]
) -> tuple[Container, tuple[str, ...], bool, tuple[str, ...], str]:
    kinds: list[str] = [k for m in metadata if isinstance(m, RefTo) for k in m.kinds]
    hints: list[str] = [m.hint for m in metadata if isinstance(m, RefTo) and m.hint]
    literals: list[str] = []
    nested = False
    container: Container = "one"
    stack: list[Any] = [annotation]
    while stack:
        current = stack.pop()
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            nested = True
        elif origin is typing.Annotated:
            args = typing.get_args(current)
            kinds += [k for m in args[1:] if isinstance(m, RefTo) for k in m.kinds]
            hints += [m.hint for m in args[1:] if isinstance(m, RefTo) and m.hint]
            stack.append(args[0])
        elif origin is list:
            container = "list"
            stack.extend(typing.get_args(current))
        elif origin is dict:
            container = "dict"
            stack.append(typing.get_args(current)[1])
        elif origin in (typing.Union, types.UnionType):
            stack.extend(typing.get_args(current))
        elif origin is Literal:
            literals += [a for a in typing.get_args(current) if isinstance(a, str)]
    return container, tuple(dict.fromkeys(kinds)), nested, tuple(literals), "".join(hints[:1])


@cache
def _specs(model: type[BaseModel]) -> tuple[_FieldSpec, ...]:
    specs = []
    for name, info in model.model_fields.items():
        container, kinds, nested, literals, hint = _inspect(info.annotation, list(info.metadata))
        if kinds or nested:
            specs.append(_FieldSpec(name, container, kinds, nested, literals, hint))
    return tuple(specs)


def _is_placeholder(value: str) -> bool:
    return is_placeholder(value)


class RefChecker:
    def __init__(self) -> None:
        self.ids: dict[str, tuple[str, KeyPath]] = {}
        self.refs: list[tuple[KeyPath, str, tuple[str, ...], str]] = []
        self.findings: list[Finding] = []

    def walk(self, root: BaseModel) -> None:
        stack: list[tuple[BaseModel, KeyPath]] = [(root, ())]
        while stack:
            model, path = stack.pop()
            kind = ENTITY_KINDS.get(type(model))
            if kind is not None:
                self._register(kind, getattr(model, "id"), (*path, "id"))  # noqa: B009
            for spec in _specs(type(model)):
                value = getattr(model, spec.name)
                if value is None:
                    continue
                here = (*path, spec.name)
                if spec.container == "list":
                    items: Any = [((*here, i), v) for i, v in enumerate(value)]
                elif spec.container == "dict":
                    items = [((*here, k), v) for k, v in value.items()]
                else:
                    items = [(here, value)]
                for item_path, item in items:
                    if isinstance(item, BaseModel):
                        stack.append((item, item_path))
                    elif (
                        isinstance(item, str)
                        and spec.ref_kinds
                        and not _is_placeholder(item)
                        and item not in spec.literals
                    ):
                        self.refs.append((item_path, item, spec.ref_kinds, spec.hint))

    def _register(self, kind: str, entity_id: str, path: KeyPath) -> None:
        if _is_placeholder(entity_id):
            return
        if entity_id in self.ids:
            other_kind, _ = self.ids[entity_id]
            self.findings.append(
                Finding(
                    "REF001",
                    Severity.ERROR,
                    f"duplicate id '{entity_id}' (already used by a {KIND_LABEL.get(other_kind, other_kind)})",
                    "ids must be unique across the whole plan; rename one of them",
                    path,
                )
            )
            return
        self.ids[entity_id] = (kind, path)

    def resolve(self) -> list[Finding]:
        by_kind: dict[str, list[str]] = {}
        for entity_id, (kind, _) in self.ids.items():
            by_kind.setdefault(kind, []).append(entity_id)
        for path, value, kinds, unknown_hint in self.refs:
            found = self.ids.get(value)
            if found is not None and found[0] in kinds:
                continue
            wanted = " or ".join(KIND_LABEL.get(k, k) for k in kinds)
            if found is not None:
                message = f"'{value}' is a {KIND_LABEL.get(found[0], found[0])}, not a {wanted}"
                hint = f"reference a {wanted} id here"
            else:
                message = f"unknown {wanted} id '{value}'"
                pool = [i for k in kinds for i in by_kind.get(k, [])]
                close = difflib.get_close_matches(value, pool, n=1)
                hint = (
                    f"did you mean '{close[0]}'?"
                    if close
                    else unknown_hint or f"define a {wanted} with id '{value}'"
                )
            self.findings.append(Finding("REF001", Severity.ERROR, message, hint, path))
        return self.findings


def check_references(plan: Plan) -> list[Finding]:
    checker = RefChecker()
    checker.walk(plan)
    return checker.resolve()
