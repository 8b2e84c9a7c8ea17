"""The deliberately broken plans trigger every rule, and their SARIF validates."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from elecsafe.lint.registry import registry
from elecsafe.lint.reporters import sarif
from elecsafe.lint.runner import LintOptions, LintResult, run
from elecsafe.load.loader import load_plan
from tests.lint.conftest import DATA, TODAY

PRIVATE = "contacts:\n  alice: {availability: office hours}\n  tess: {availability: polling day}\n"
RUNS = [
    ("broken-uk", TODAY),
    ("broken-us", TODAY),
    ("broken-uk", date(2027, 6, 1)),
    ("broken-uk-2", TODAY),
]


def lint_copy(tmp_path: Path, name: str, today: date, *, ready: bool = False) -> LintResult:
    target = tmp_path / name
    shutil.copytree(DATA / name, target)
    (target / "private").mkdir(exist_ok=True)
    (target / "private" / "contacts.yaml").write_text(PRIVATE)
    return run(load_plan(target), LintOptions(today=today, extended=True, ready=ready))


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    loaded: dict[str, object] = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
    return loaded


def test_every_rule_fires_on_the_broken_plans(tmp_path: Path) -> None:
    fired: set[str] = set()
    for name, today in RUNS:
        result = lint_copy(tmp_path / today.isoformat(), name, today)
        assert result.loaded.plan is not None
        fired |= {f.code for f in result.findings}
    gate = lint_copy(tmp_path / "ready", "broken-us", TODAY, ready=True)  # the READY family
    fired |= {f.code for f in gate.findings}
    expected = {
        code
        for code, rule in registry().items()
        if rule.origin != "loader" and code != "INTERNAL"  # loader codes stop a plan loading
    }
    assert sorted(expected - fired) == []


@pytest.mark.parametrize(("name", "today"), RUNS, ids=lambda v: str(v))
def test_sarif_of_the_broken_plans_validates(
    tmp_path: Path, name: str, today: date, schema: dict[str, object]
) -> None:
    result = lint_copy(tmp_path, name, today)
    document = sarif.document(result)
    jsonschema.validate(document, schema)
    run_ = document["runs"][0]
    described = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert described == list(registry())
    for entry in run_["results"]:
        location = entry["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%"
        assert not location["uri"].startswith(("/", "file:"))
        assert described[entry["ruleIndex"]] == entry["ruleId"]
