"""JSON Schema export of the plan model (``elecsafe schema``)."""

from __future__ import annotations

import json

from elecsafe.model.plan import Plan


def plan_json_schema() -> str:
    schema = Plan.model_json_schema(by_alias=True)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$id"] = "https://example.org/elecsafe/plan.schema.json"
    schema["title"] = "elecsafe plan"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
