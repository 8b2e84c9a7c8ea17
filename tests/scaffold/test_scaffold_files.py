"""The scaffold's other files: editor schemas, .gitignore, private example, pre-commit, CI."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml as pyyaml

from elecsafe.load.yaml_reader import read_yaml
from elecsafe.model.org import PrivateLayer
from elecsafe.model.schema import json_schema
from elecsafe.scaffold import PROFILES
from elecsafe.scaffold.profiles import PART_SCHEMA, SCHEMA_FILES
from elecsafe.writes import Kind, seal

PLAN_FILES = ["plan.yaml", "people.yaml", "sites.yaml", "timetable.yaml", "agreements.yaml",
              "comms.yaml", "restricted.yaml"]  # fmt: skip
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


def as_json(value: Any) -> Any:
    """YAML values the way an editor's JSON Schema validator sees them (dates are strings)."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()))


def read(path: Path) -> Any:
    result = read_yaml(path.read_bytes(), str(path))
    assert result.ok, [f.message for f in result.findings]
    return result.data


def editor_part(name: str) -> str:
    """Which ``elecsafe schema --part`` a plan file's editor should validate it with."""
    if name.startswith("private/"):
        return "contacts"
    return "plan" if name == "plan.yaml" else "plan-part"


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_every_yaml_file_validates_against_its_editor_schema(
    profile: str, scaffold: Callable[[str], Path]
) -> None:
    plan = scaffold(profile)
    for name in [*PLAN_FILES, "private/contacts.example.yaml"]:
        path = plan / name
        match = MODELINE.match(path.read_text(encoding="utf-8"))
        assert match, f"{name} does not start with the yaml-language-server line"
        schema_path = (path.parent / match[1]).resolve()
        assert schema_path.is_file(), schema_path
        # The right schema for the kind of file, as 'elecsafe schema --part' writes it.
        assert schema_path.read_text(encoding="utf-8") == json_schema(editor_part(name)), name
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.Draft7Validator(schema).validate(as_json(read(path)))
    expected = {
        "plan.yaml": ".elecsafe/plan.schema.json",
        "people.yaml": ".elecsafe/plan-part.schema.json",
        "private/contacts.example.yaml": "../.elecsafe/contacts.schema.json",
    }
    for name, target in expected.items():
        assert (plan / name).read_text().startswith(f"# yaml-language-server: $schema={target}\n")


def test_schema_files_are_the_model_schemas(scaffold: Callable[[str], Path]) -> None:
    plan = scaffold("uk-force")
    for path, part in SCHEMA_FILES:
        # As 'elecsafe schema --part' prints it (schemas/ holds the same, see tests/model).
        assert (plan / path).read_text(encoding="utf-8") == json_schema(part), path
    part = json.loads((plan / PART_SCHEMA).read_text())
    validator = jsonschema.Draft7Validator(part)
    assert "required" not in part
    # Dates validate as they are (anyOf), no rewriting of the schema needed.
    validator.validate({"timetable": {"milestones": [
        {"id": "m", "title": "Briefing", "when": "poll - 10 working days"}]}})  # fmt: skip
    with pytest.raises(jsonschema.ValidationError, match="'nmae' was unexpected"):
        validator.validate({"sites": [{"id": "x", "nmae": "y"}]})


def test_readme_refreshes_every_schema_without_force(
    scaffold: Callable[[str], Path], invoke: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's 'elecsafe schema --write .' replaces init's (stale) schema files in place."""
    plan = scaffold("us-county")
    for path, part in SCHEMA_FILES:  # as an older elecsafe might have written them (sealed)
        older = json.loads(json_schema(part))
        older.pop("$comment")
        older["title"] += " (older)"
        text = json.dumps(older, indent=2, sort_keys=True) + "\n"
        (plan / path).write_bytes(seal(text.encode("utf-8"), Kind.JSON))
    readme = (plan / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^elecsafe (schema [^#\n]*?)\s*(?:#.*)?$", readme, re.MULTILINE)
    assert commands == ["schema --write ."]
    monkeypatch.chdir(plan)
    for command in commands:
        result = invoke(*command.split())
        assert result.exit_code == 0, result.stderr
    for path, part in SCHEMA_FILES:
        assert (plan / path).read_text(encoding="utf-8") == json_schema(part), path


@pytest.mark.parametrize(
    ("profile", "fictional"),
    [("us-county", r"555-01\d\d"), ("uk-force", r"07700 900\d\d\d")],
)
def test_private_example_is_valid_and_fictional(
    profile: str, fictional: str, scaffold: Callable[[str], Path]
) -> None:
    plan = scaffold(profile)
    layer = PrivateLayer.model_validate(read(plan / "private/contacts.example.yaml"))
    people = {p["id"] for p in read(plan / "people.yaml")["people"]}
    assert set(layer.contacts) <= people
    phones = [m.value for c in layer.contacts.values() for m in c.contact_methods
              if m.kind in ("mobile", "work_phone")]  # fmt: skip
    assert len(phones) >= 3
    assert [p for p in phones if not re.fullmatch(fictional, p)] == []  # reserved for fiction
    emails = [
        m.value for c in layer.contacts.values() for m in c.contact_methods if m.kind == "email"
    ]
    assert all(e.endswith("@example.org") for e in emails)
    poll = date(2028, 11, 7) if profile == "us-county" else date(2027, 5, 6)
    assert {c.retain_until for c in layer.contacts.values()} == {
        date.fromordinal(poll.toordinal() + 90)
    }


def test_private_example_is_not_loaded_as_contacts(scaffold: Callable[[str], Path]) -> None:
    from elecsafe.load.loader import load_plan

    loaded = load_plan(scaffold("us-county"))
    assert loaded.contacts == {} and loaded.private_files == []


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignore_keeps_private_files_and_renders_out(scaffold: Callable[[str], Path]) -> None:
    plan = scaffold("uk-force")
    (plan / "private" / "contacts.yaml").write_text("contacts: {}\n")
    (plan / "out").mkdir()
    (plan / "out" / "mou.docx").write_bytes(b"x")
    subprocess.run(["git", "init", "-q", str(plan)], check=True)
    status = subprocess.run(
        ["git", "-C", str(plan), "status", "--porcelain", "--untracked-files=all"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    untracked = sorted(line[3:] for line in status.splitlines())
    assert "private/contacts.example.yaml" in untracked
    assert not [p for p in untracked if p.startswith("out/") or p == "private/contacts.yaml"]
    assert len(untracked) == 15


def test_pre_commit_config_is_a_local_hook(scaffold: Callable[[str], Path]) -> None:
    """This test run's elecsafe is an editable checkout: the hook uses the one on PATH."""
    config = pyyaml.safe_load((scaffold("us-county") / ".pre-commit-config.yaml").read_text())
    assert config == {
        "repos": [
            {
                "repo": "local",
                "hooks": [
                    {
                        "id": "elecsafe-check",
                        "name": "elecsafe check",
                        "entry": "elecsafe check",
                        "language": "system",
                        "files": r"\.ya?ml$",
                        "pass_filenames": False,
                        "require_serial": True,
                    }
                ],
            }
        ]
    }


def test_workflow_annotates_summarises_and_uploads_sarif(scaffold: Callable[[str], Path]) -> None:
    workflow = pyyaml.safe_load(
        (scaffold("uk-force") / ".github/workflows/elecsafe.yml").read_text()
    )
    steps = workflow["jobs"]["check"]["steps"]
    install, check, upload, verdict = steps[2:]
    # An editable checkout cannot be installed by CI: a marked step that fails, saying why.
    assert "::error" in install["run"] and "exit 1" in install["run"]
    assert "elecsafe check --format github || status=$?" in check["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in check["run"]
    assert "--format sarif --output-file elecsafe.sarif" in check["run"]
    assert upload["uses"] == "github/codeql-action/upload-sarif@v4"
    assert upload["continue-on-error"] is True and upload["if"].startswith("always()")
    assert verdict["if"] == "always()" and "exit 1" in verdict["run"]
    assert verdict["env"]["STATUS"] == "${{ steps.check.outputs.status }}"
    assert workflow["permissions"] == {
        "contents": "read",
        "security-events": "write",
        "actions": "read",
    }


def test_readme_explains_files_privacy_and_commands(scaffold: Callable[[str], Path]) -> None:
    readme = (scaffold("us-county") / "README.md").read_text()
    assert readme.startswith("# Cedar River County election safety plan\n")
    for needle in ("| `private/` |", "## Privacy", "## Commands", "elecsafe check",
                   "Polling day: **2028-11-07**", "`us_federal` timetable pack"):  # fmt: skip
        assert needle in readme


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_comments_cite_the_guidance(profile: str, scaffold: Callable[[str], Path]) -> None:
    plan = scaffold(profile)
    text = "\n".join((plan / name).read_text() for name in PLAN_FILES)
    from elecsafe.guidance import citations

    cited = {c.publication.key for c in citations(text)}
    assert cited >= (
        {"roadmap", "public-safety-guide", "csse", "building-partnerships"}
        if profile == "us-county"
        else {"roadmap", "public-safety-guide", "app"}
    )
    assert "Roadmap §VII" in text  # "decide on your next meeting at the end of the first"
    assert not re.search(r"\bS00[0-4]\b", text)  # never the tags of our notes


def test_no_contact_details_in_tracked_plan_files(scaffold: Callable[[str], Path]) -> None:
    phone = re.compile(r"\b(?:\d{3}-\d{4}|07700 ?\d{6})\b")
    for profile in PROFILES:
        plan = scaffold(profile)
        for name in PLAN_FILES:
            assert not phone.search((plan / name).read_text()), (profile, name)
