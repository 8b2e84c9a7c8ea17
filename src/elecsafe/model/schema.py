"""JSON Schema export of the plan model (``elecsafe schema``).

Three schemas, one per kind of file a plan is written in:

* ``plan``: ``plan.yaml`` (the whole plan; the root keys it must define are required);
* ``plan-part``: a file pulled in by ``include:``. The loader merges included files into
  ``plan.yaml`` (lists concatenated, mappings merged key by key, at any depth), so no file has
  to be complete on its own: nothing is required in any mapping that several files may share
  (the root, ``timetable``, ``threat_assessment``, ...). Items of lists are written in one
  piece, so they keep their required keys;
* ``contacts``: a file of the private layer, ``private/*.yaml`` (``contacts: {person-id: ...}``).

Pydantic writes a union with a callable discriminator (the dates: ISO date, date-time,
relative expression string, ``{anchor, offset, unit}``, ``{window: ...}``) as ``oneOf``. The
string branches overlap, so a JSON Schema validator would reject every date for matching more
than one branch; the model accepts any branch, which is ``anyOf``, so every ``oneOf`` is
written as ``anyOf``.

A field's description is its attribute docstring (the string under the field in the model's
source). Pydantic could read those when each model class is defined
(``use_attribute_docstrings``), but that parses the source of ~100 classes on every start-up
(about a third of ``elecsafe check``'s own time on a small plan), so they are read here, only
when a schema is written (:class:`_Documented`).
"""

from __future__ import annotations

import ast
import copy
import inspect
import json
import textwrap
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
# A stable name, not an address: the schemas travel with the plan (.elecsafe/), nothing is
# fetched. The last part is the schema version; `elecsafe schema -o` replaces an older one.
ID_PREFIX = "urn:elecsafe:schema:"
SCHEMA_VERSION = 1

# name -> (title, what the file is); the $id is ID_PREFIX + name + ":" + SCHEMA_VERSION
PARTS: dict[str, tuple[str, str]] = {
    "plan": ("elecsafe plan", "plan.yaml: the whole plan"),
    "plan-part": (
        "elecsafe plan (an included file)",
        "A file named by include: in plan.yaml, merged into the plan: any plan keys, none required.",
    ),
    "contacts": (
        "elecsafe private contacts",
        "A file of the private layer, private/*.yaml: contact details keyed by person id.",
    ),
}

# Keys whose values are maps of names (properties, definitions), not schema keywords.
_NAME_MAPS = frozenset({"properties", "$defs", "definitions", "patternProperties"})


class UnknownPart(ValueError):
    pass


def schema_id(part: str) -> str:
    return f"{ID_PREFIX}{part}:{SCHEMA_VERSION}"


def plan_json_schema() -> str:
    """The schema of ``plan.yaml``."""
    return json_schema("plan")


@cache
def json_schema(part: str = "plan") -> str:
    """The schema of one kind of plan file (see :data:`PARTS`), as indented JSON, sealed
    (:func:`elecsafe.writes.seal`) so that ``schema -o`` and ``init`` can refresh a copy
    nobody edited."""
    from elecsafe.writes import Kind, seal

    text = json.dumps(_build(part), indent=2, sort_keys=True) + "\n"
    return seal(text.encode("utf-8"), Kind.JSON).decode("utf-8")


def schema_dict(part: str = "plan") -> dict[str, Any]:
    """The same schema as a fresh dictionary (the caller may change it)."""
    value: dict[str, Any] = json.loads(json_schema(part))
    return value


def _build(part: str) -> dict[str, Any]:
    if part not in PARTS:
        raise UnknownPart(f"unknown schema part '{part}' (one of: {', '.join(PARTS)})")
    if part == "contacts":
        from elecsafe.model.org import PrivateLayer

        schema = PrivateLayer.model_json_schema(by_alias=True, schema_generator=_Documented)
    else:
        from elecsafe.model.plan import Plan

        schema = Plan.model_json_schema(by_alias=True, schema_generator=_Documented)
        if part == "plan-part":
            schema = _mergeable(schema)
    schema = dict(_one_of_as_any_of(schema))
    title, description = PARTS[part]
    schema["$schema"] = SCHEMA_DIALECT
    schema["$id"] = schema_id(part)
    schema["title"] = title
    if part != "plan":  # the plan's own docstring stays its description, as before
        schema["description"] = description
    return schema


class _Documented(GenerateJsonSchema):
    """Pydantic's schema, each field described by its attribute docstring (unless the field
    has an explicit ``description``), as ``use_attribute_docstrings`` would."""

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        properties = json_schema.get("properties")
        cls = schema["cls"]
        if not isinstance(properties, dict) or not issubclass(cls, BaseModel):
            return json_schema
        for name, info in cls.model_fields.items():
            key = info.validation_alias if isinstance(info.validation_alias, str) else None
            prop = properties.get(key or info.alias or name)
            doc = _field_docstring(cls, name)
            if info.description is None and doc and isinstance(prop, dict):
                prop.setdefault("description", doc)
        return json_schema


def _field_docstring(cls: type, name: str) -> str | None:
    """The docstring of field ``name`` in the class that declares it (nearest in the MRO)."""
    for owner in cls.__mro__:
        if name in inspect.get_annotations(owner):
            return _attribute_docstrings(owner).get(name)
    return None


@cache
def _attribute_docstrings(cls: type) -> dict[str, str]:
    """``name: type`` followed by a string literal, in the class body's own statements."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    body = next((n for n in ast.parse(source).body if isinstance(n, ast.ClassDef)), None)
    if body is None:
        return {}
    found: dict[str, str] = {}
    for before, node in zip(body.body, body.body[1:], strict=False):
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            found[before.target.id] = inspect.cleandoc(node.value.value)
    return found


def _one_of_as_any_of(value: Any, *, names: bool = False) -> Any:
    if isinstance(value, list):
        return [_one_of_as_any_of(v) for v in value]
    if not isinstance(value, dict):
        return value
    if names:  # {property name: schema}: keep the names, convert the schemas
        return {k: _one_of_as_any_of(v) for k, v in value.items()}
    return {
        ("anyOf" if k == "oneOf" else k): _one_of_as_any_of(v, names=k in _NAME_MAPS)
        for k, v in value.items()
    }


def _mergeable(schema: dict[str, Any]) -> dict[str, Any]:
    """The plan schema with ``required`` dropped from every mapping the loader may merge from
    several files: the root and, through mappings only, what it contains. A definition used
    both there and inside a list gets a relaxed copy (``<Name>_part``) for the former."""
    schema = copy.deepcopy(schema)
    defs: dict[str, Any] = schema.setdefault("$defs", {})
    relaxed: dict[str, str] = {}

    def position(node: Any) -> Any:
        """A schema for a value the loader merges when two files define it."""
        if not isinstance(node, dict):
            return node
        node = dict(node)
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            target = defs.get(name)
            if isinstance(target, dict) and _is_mapping(target):
                if name not in relaxed:
                    new = f"{name}_part"
                    while new in defs:
                        new += "_"
                    relaxed[name] = new
                    defs[new] = {}  # reserved before recursing: definitions may refer to themselves
                    defs[new] = mapping(target)
                node["$ref"] = f"#/$defs/{relaxed[name]}"
        for key in ("anyOf", "oneOf", "allOf"):
            if isinstance(node.get(key), list):
                node[key] = [position(branch) for branch in node[key]]
        if _is_mapping(node) and "$ref" not in node:
            node = mapping(node)
        return node

    def mapping(node: dict[str, Any]) -> dict[str, Any]:
        node = dict(node)
        node.pop("required", None)
        for key in ("properties", "patternProperties"):
            if isinstance(node.get(key), dict):
                node[key] = {name: position(sub) for name, sub in node[key].items()}
        if isinstance(node.get("additionalProperties"), dict):
            node["additionalProperties"] = position(node["additionalProperties"])
        return node

    root = mapping(schema)
    root["$defs"] = defs
    return root


def _is_mapping(node: dict[str, Any]) -> bool:
    return node.get("type") == "object" or "properties" in node
