"""``elecsafe schema``: the exported JSON Schemas accept the examples, file by file, as editors
and check-jsonschema read them, reject wrong values, agree with the loader on split plans, and
the committed copies in schemas/ are current."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from elecsafe.cli.app import app
from elecsafe.cli.schema import Part
from elecsafe.load.loader import load_plan
from elecsafe.model.schema import PARTS, json_schema, plan_json_schema, schema_dict
from elecsafe.writes import Kind, seal
from tests.conftest import EXAMPLES, MINIMAL_PLAN, REPO, write_plan

COMMITTED = REPO / "schemas"


def yaml_as_json(text: str) -> Any:
    """YAML as JSON Schema tools see it (check-jsonschema, the yaml-language-server): YAML 1.2,
    timestamps left as strings (JSON has no dates, formats apply to strings)."""
    yaml = YAML(typ="safe", pure=True)
    constructors = yaml.constructor.yaml_constructors
    constructors["tag:yaml.org,2002:timestamp"] = constructors["tag:yaml.org,2002:str"]
    return yaml.load(text)


@cache
def validator(part: str) -> jsonschema.Draft7Validator:
    schema = schema_dict(part)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def errors(part: str, yaml_text: str) -> list[str]:
    found = validator(part).iter_errors(yaml_as_json(yaml_text))
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found)


def part_of(path: Path, plan_dir: Path) -> str:
    relative = path.relative_to(plan_dir)
    if relative.parts[0] == "private":
        return "contacts"
    return "plan" if relative.name in ("plan.yaml", "plan.yml") else "plan-part"


def example_files() -> Iterator[tuple[str, str]]:
    for example in ("us-county", "uk-force"):
        for path in sorted((EXAMPLES / example).rglob("*.yaml")):
            yield str(path.relative_to(EXAMPLES)), part_of(path, EXAMPLES / example)


EXAMPLE_FILES = list(example_files())


def test_every_example_file_is_covered() -> None:
    parts = {part for _, part in EXAMPLE_FILES}
    assert parts == set(PARTS)
    assert len(EXAMPLE_FILES) > 40


@pytest.mark.parametrize(("name", "part"), EXAMPLE_FILES, ids=[n for n, _ in EXAMPLE_FILES])
def test_example_file_validates_against_its_schema(name: str, part: str) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    assert errors(part, text) == []


def test_dates_are_any_of_not_one_of() -> None:
    """A date string matches the date, date-time-less and expression string branches at once:
    under oneOf every date would be rejected."""
    for part in PARTS:
        assert '"oneOf"' not in json_schema(part)
    dates = """\
        timetable:
          milestones:
            - {id: m1, title: A, when: 2027-05-06}
            - {id: m2, title: B, when: "2027-05-06T22:00:00"}
            - {id: m3, title: C, when: poll - 25 working days}
            - {id: m4, title: D, when: {anchor: poll, offset: -7, unit: weeks}}
            - {id: m5, title: E, when: {window: {from: 2027-01-04, to: poll - 100 days}}}
        """
    assert errors("plan-part", textwrap.dedent(dates)) == []


@pytest.mark.parametrize(
    ("part", "text", "expected"),
    [
        ("plan", MINIMAL_PLAN + "titel: typo\n", "Additional properties are not allowed"),
        ("plan", MINIMAL_PLAN.replace("country: GB", "country: FR"), "'FR' is not one of"),
        ("plan", MINIMAL_PLAN.replace("title: Test plan\n", ""), "'title' is a required"),
        (
            "plan",
            MINIMAL_PLAN.replace("kind: police_force\n", "kind: police_farce\n"),
            "'police_farce' is not one of",
        ),
        ("plan-part", "sites:\n  - {name: No id, kind: polling_station}\n", "'id' is a required"),
        ("plan-part", "people:\n  - {id: p, display_name: P, phone: x}\n", "('phone' was"),
        ("plan-part", "timetable:\n  milestones:\n    - {id: m, title: M, when: 5}\n", "when"),
        (
            "plan-part",
            "timetable:\n  meetings:\n    - {id: m, title: M, when: {anchor: poll, ofset: 1}}\n",
            "when",
        ),
        ("plan-part", "timetable: {milestone: []}\n", "('milestone' was unexpected)"),
        ("plan-part", "- a list\n", "is not of type 'object'"),
        ("contacts", "contacts:\n  p: {mobile: 07700 900123}\n", "('mobile' was unexpected)"),
        (
            "contacts",
            "contacts:\n  p:\n    contact_methods: [{kind: fax, value: x}]\n",
            "'fax' is not one of",
        ),
    ],
)
def test_wrong_values_are_rejected(part: str, text: str, expected: str) -> None:
    found = errors(part, text)
    assert found, f"{part} schema accepted:\n{text}"
    assert any(expected in e for e in found), found


def test_a_relative_date_needs_its_anchor_in_plan_yaml() -> None:
    text = MINIMAL_PLAN + "timetable:\n  milestones:\n    - {id: m, title: M, when: {offset: 1}}\n"
    assert errors("plan", text)


def test_mappings_split_over_files_validate_like_the_loader_merges_them(tmp_path: Path) -> None:
    """The loader merges mappings key by key, so neither half of a split threat assessment is
    complete: each validates as a plan part, and the merged plan loads without errors."""
    first = """\
        threat_assessment:
          id: ta-1
          prepared_on: 2027-04-12
          prepared_by: alice
        timetable:
          milestones:
            - {id: m1, title: Notice of election, when: poll - 25 working days}
        """
    second = """\
        threat_assessment:
          version: "1.0"
          scope: The local polls of May 2027.
        timetable:
          meetings:
            - {id: mt1, title: Planning meeting, meeting_type: planning, when: 2027-02-01}
        """
    plan = write_plan(tmp_path, MINIMAL_PLAN + "include: [ta-*.yaml]\n")
    write_plan(tmp_path, first, "ta-1.yaml")
    write_plan(tmp_path, second, "ta-2.yaml")
    loaded = load_plan(plan, private=False)
    schema_errors = [f for f in loaded.findings if f.code.startswith(("SCH", "YML"))]
    assert loaded.plan is not None and schema_errors == []
    for name in ("ta-1.yaml", "ta-2.yaml"):
        assert errors("plan-part", (tmp_path / name).read_text()) == []
    # ...but an item of a list is written in one file, whole.
    assert errors("plan-part", "elections:\n  - {id: e1}\n")


def test_plan_schema_is_unchanged_apart_from_any_of() -> None:
    plan = json.loads(plan_json_schema())
    assert plan["$id"] == "urn:elecsafe:schema:plan:1"
    assert plan["title"] == "elecsafe plan"
    assert plan["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert {"schema_version", "id", "title", "handling", "owners"} <= set(plan["required"])
    part = schema_dict("plan-part")
    assert "required" not in part
    assert part["properties"].keys() == plan["properties"].keys()


def test_cli_part_names_are_the_model_parts() -> None:
    assert [p.value for p in Part] == list(PARTS)


@pytest.mark.parametrize("part", list(PARTS))
def test_committed_schema_is_current(part: str) -> None:
    """schemas/ is what editors and CI outside Python point at; regenerate with
    ``for p in plan plan-part contacts; do elecsafe schema --part $p -o schemas/$p.schema.json; done``."""
    committed = COMMITTED / f"{part}.schema.json"
    assert committed.read_text(encoding="utf-8") == json_schema(part), (
        f"{committed.relative_to(REPO)} is stale: elecsafe schema --part {part} -o {committed.relative_to(REPO)}"
    )


# -- the command --------------------------------------------------------------------------------


def run(*args: str) -> Any:
    return CliRunner().invoke(app, ["schema", *args])


def test_without_options_prints_the_plan_schema() -> None:
    result = run()
    assert result.exit_code == 0, result.output
    assert result.stdout == plan_json_schema()


@pytest.mark.parametrize("part", list(PARTS))
def test_part_option_prints_and_writes_each_schema(part: str, tmp_path: Path) -> None:
    printed = run("--part", part)
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.stdout)["$id"] == f"urn:elecsafe:schema:{part}:1"
    target = tmp_path / ".elecsafe" / f"{part}.schema.json"  # the folder is created
    written = run("--part", part, "-o", str(target))
    assert written.exit_code == 0, written.output
    assert written.stdout == ""
    assert target.read_text(encoding="utf-8") == printed.stdout == json_schema(part)


def test_unknown_part_is_a_usage_error() -> None:
    result = run("--part", "sites")
    assert result.exit_code == 2
    assert "'sites' is not one of 'plan', 'plan-part', 'contacts'" in result.output


def test_output_needs_force_for_an_unsealed_schema_however_ours_it_looks(tmp_path: Path) -> None:
    """Our $id and title are a claim anyone can copy, not a proof: only the seal lets a file be
    replaced without --force (a hand-edited copy of a schema is the user's)."""
    target = tmp_path / "plan-part.schema.json"
    old = {"$id": "https://elecsafe.invalid/elecsafe/plan-part.schema.json",
           "title": "elecsafe plan (an included file)"}  # fmt: skip
    target.write_text(json.dumps(old), encoding="utf-8")
    result = run("--part", "plan-part", "-o", str(target))
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == json.dumps(old)
    result = run("--part", "plan-part", "-o", str(target), "--force")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == json_schema("plan-part")


def test_output_replaces_its_own_schema_but_not_another_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.schema.json"
    assert run("--part", "contacts", "-o", str(target)).exit_code == 0
    result = run("-o", str(target))  # refreshing after an upgrade needs no --force
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == plan_json_schema()

    other = tmp_path / "notes.json"
    other.write_text('{"$id": "https://example.org/other.json"}\n', encoding="utf-8")
    result = run("-o", str(other))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"elecsafe: error: {other}: exists and is not a file elecsafe wrote "
        "(or was edited since); use --force to replace it"
    )
    assert other.read_text(encoding="utf-8") == '{"$id": "https://example.org/other.json"}\n'
    result = run("-o", str(other), "--force")
    assert result.exit_code == 0, result.output
    assert other.read_text(encoding="utf-8") == plan_json_schema()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json", "plan.schema.json"]


def test_output_to_a_directory_or_under_a_file_is_one_line(tmp_path: Path) -> None:
    result = run("-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"elecsafe: error: {tmp_path}: is a directory\n"
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("-o", str(blocker / "plan.schema.json"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"elecsafe: error: {blocker / 'plan.schema.json'}: cannot")
    assert len(result.stderr.splitlines()) == 1


def test_dash_is_stdout(tmp_path: Path) -> None:
    result = run("--part", "plan-part", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == json_schema("plan-part")


def check_jsonschema() -> str | None:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    return found or shutil.which("check-jsonschema")


@pytest.mark.skipif(check_jsonschema() is None, reason="check-jsonschema is not installed")
def test_check_jsonschema_accepts_the_included_files_of_an_example() -> None:
    """The tool a plan's CI would run, on the included files against the committed schema (the
    other kinds and wrong values are covered above, through the same YAML 1.2 reading)."""
    tool = check_jsonschema()
    assert tool is not None
    example = EXAMPLES / "uk-force"
    files: dict[str, list[str]] = {part: [] for part in PARTS}
    for path in sorted(example.rglob("*.yaml")):
        files[part_of(path, example)].append(str(path))
    schema = COMMITTED / "plan-part.schema.json"
    paths = files["plan-part"]
    done = subprocess.run(
        [tool, "--schemafile", str(schema), *paths], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(paths) > 20


def test_write_refreshes_the_three_schemas_of_a_plan(tmp_path: Path) -> None:
    (tmp_path / ".elecsafe").mkdir()
    stale = tmp_path / ".elecsafe" / "plan.schema.json"  # an older release's, sealed
    stale.write_bytes(seal(json.dumps({"$id": "urn:elecsafe:schema:plan:0"}).encode(), Kind.JSON))
    result = run("--write", str(tmp_path))
    assert result.exit_code == 0, result.output
    for part in PARTS:
        written = tmp_path / ".elecsafe" / f"{part}.schema.json"
        assert written.read_text(encoding="utf-8") == json_schema(part)


def test_write_leaves_a_foreign_file_alone_unless_forced(tmp_path: Path) -> None:
    foreign = tmp_path / ".elecsafe" / "contacts.schema.json"
    foreign.parent.mkdir()
    foreign.write_text("{}\n", encoding="utf-8")
    result = run("--write", str(tmp_path))
    assert result.exit_code == 2
    assert "is not a file elecsafe wrote (or was edited since); use --force" in result.stderr
    assert foreign.read_text(encoding="utf-8") == "{}\n"
    assert not (tmp_path / ".elecsafe" / "plan.schema.json").exists()  # nothing written
    assert run("--write", str(tmp_path), "--force").exit_code == 0
    assert foreign.read_text(encoding="utf-8") == json_schema("contacts")
    assert run("--write", str(tmp_path), "--part", "contacts").exit_code == 2
    assert run("--write", str(tmp_path / "missing")).exit_code == 2


# YAML 1.1 reads these keys as booleans (PyYAML, and the validators and editors built on it).
YAML11_BOOLEAN_KEYS = {"on", "off", "yes", "no", "y", "n", "true", "false"}


@pytest.mark.parametrize("part", list(PARTS))
def test_no_key_reads_as_a_boolean_in_yaml_1_1(part: str) -> None:
    def names(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    yield from value
                yield from names(value)
        elif isinstance(node, list):
            for value in node:
                yield from names(value)

    found = set(names(schema_dict(part)))
    assert len(found) > 5 and not {n.lower() for n in found} & YAML11_BOOLEAN_KEYS


def test_the_old_on_key_is_read_and_reported(tmp_path: Path) -> None:

    text = MINIMAL_PLAN + (
        "debrief:\n  submissions:\n    - to: electoral_commission\n      on: 2027-07-01\n"
        "    - to: npwg\n      submitted_on: 2027-09-30\n"
    )
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    loaded = load_plan(tmp_path)
    assert loaded.plan is not None and loaded.plan.debrief is not None
    dates = [s.submitted_on for s in loaded.plan.debrief.submissions]
    assert [d.isoformat() if d else None for d in dates] == ["2027-07-01", "2027-09-30"]
    [finding] = [f for f in loaded.findings if f.code == "SCH004"]
    line = text.splitlines().index("      on: 2027-07-01") + 1
    assert (finding.line, finding.column) == (line, 7)
    assert finding.message.startswith("key 'on' is now 'submitted_on'")
    assert finding.hint == "rename it to 'submitted_on'"


def _properties(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (name, schema) of a ``properties`` map, in the root and every definition."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                yield from value.items()
            yield from _properties(value)
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value)


@pytest.mark.parametrize("part", list(PARTS))
def test_editors_get_a_description_for_nine_in_ten_keys(part: str) -> None:
    """Hover help in the editor comes from the model (attribute docstrings): one source."""
    properties = list(_properties(schema_dict(part)))
    described = [name for name, schema in properties if schema.get("description")]
    assert len(properties) > (100 if part != "contacts" else 5)
    assert len(described) / len(properties) >= 0.9, sorted(
        {name for name, schema in properties if not schema.get("description")}
    )


def test_enum_values_are_listed_for_editors() -> None:
    status = schema_dict("plan")["$defs"]["Action"]["properties"]["status"]
    assert status["enum"] == ["open", "done", "dropped"]
    assert status["description"] == "open, done or dropped."


def test_an_old_referral_on_key_is_read_as_referred_on() -> None:
    from datetime import date

    from elecsafe.load.renamed import renamed_key_findings
    from elecsafe.model.incidents import Referral
    from elecsafe.model.plan import Plan

    referral = Referral.model_validate({"to": "force", "on": date(2026, 10, 21)})
    assert referral.referred_on == date(2026, 10, 21)
    data = {"incidents": [{"referral": {"to": "force", "on": "2026-10-21"}}]}
    [finding] = renamed_key_findings(data, Plan)
    assert finding.path == ("incidents", 0, "referral", "on") and finding.anchor == "key"
    assert finding.hint == "rename it to 'referred_on'"
