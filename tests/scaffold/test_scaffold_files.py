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

from elecsafe import __version__
from elecsafe.load.yaml_reader import read_yaml
from elecsafe.model.org import PrivateLayer
from elecsafe.model.schema import plan_json_schema
from elecsafe.scaffold import PROFILES

PLAN_FILES = ["plan.yaml", "people.yaml", "sites.yaml", "timetable.yaml", "agreements.yaml",
              "comms.yaml", "restricted.yaml"]  # fmt: skip
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


def as_json(value: Any) -> Any:
    """YAML values the way an editor's JSON Schema validator sees them (dates are strings)."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()))


def any_of(schema: Any) -> Any:
    """The model's date unions export as ``oneOf`` with overlapping string branches, so a
    validator that does not check ``format`` rejects every date expression; editors check
    formats. Validate the structure with ``anyOf`` (reported to the model's owner)."""
    if isinstance(schema, dict):
        return {("anyOf" if k == "oneOf" else k): any_of(v) for k, v in schema.items()}
    if isinstance(schema, list):
        return [any_of(v) for v in schema]
    return schema


def read(path: Path) -> Any:
    result = read_yaml(path.read_bytes(), str(path))
    assert result.ok, [f.message for f in result.findings]
    return result.data


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
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.Draft7Validator(any_of(schema)).validate(as_json(read(path)))
    expected = {
        "plan.yaml": ".elecsafe/plan.schema.json",
        "people.yaml": ".elecsafe/plan-part.schema.json",
        "private/contacts.example.yaml": "../.elecsafe/contacts.schema.json",
    }
    for name, target in expected.items():
        assert (plan / name).read_text().startswith(f"# yaml-language-server: $schema={target}\n")


def test_schema_files_match_the_model(scaffold: Callable[[str], Path]) -> None:
    plan = scaffold("uk-force")
    assert (plan / ".elecsafe/plan.schema.json").read_text() == plan_json_schema()
    part = json.loads((plan / ".elecsafe/plan-part.schema.json").read_text())
    assert "required" not in part
    with pytest.raises(jsonschema.ValidationError, match="'nmae' was unexpected"):
        jsonschema.Draft7Validator(any_of(part)).validate({"sites": [{"id": "x", "nmae": "y"}]})
    assert part["properties"].keys() == json.loads(plan_json_schema())["properties"].keys()
    contacts = json.loads((plan / ".elecsafe/contacts.schema.json").read_text())
    assert contacts["title"] == "elecsafe private contacts"
    assert "contacts" in contacts["properties"]


@pytest.mark.parametrize(
    ("profile", "numbers"),
    [("us-county", ["555-0142", "555-0157"]), ("uk-force", ["07700 900123", "07700 900456", "07700 900457"])],
)  # fmt: skip
def test_private_example_is_valid_and_fictional(
    profile: str, numbers: list[str], scaffold: Callable[[str], Path]
) -> None:
    plan = scaffold(profile)
    layer = PrivateLayer.model_validate(read(plan / "private/contacts.example.yaml"))
    people = {p["id"] for p in read(plan / "people.yaml")["people"]}
    assert set(layer.contacts) <= people
    phones = [m.value for c in layer.contacts.values() for m in c.contact_methods
              if m.kind in ("mobile", "work_phone")]  # fmt: skip
    assert phones == numbers
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


def test_pre_commit_config_uses_the_elecsafe_hook(scaffold: Callable[[str], Path]) -> None:
    config = pyyaml.safe_load((scaffold("us-county") / ".pre-commit-config.yaml").read_text())
    assert config == {
        "repos": [
            {
                "repo": "https://example.org/elecsafe",
                "rev": f"v{__version__}",
                "hooks": [{"id": "elecsafe-check"}],
            }
        ]
    }


def test_workflow_checks_and_uploads_sarif(scaffold: Callable[[str], Path]) -> None:
    workflow = pyyaml.safe_load(
        (scaffold("uk-force") / ".github/workflows/elecsafe.yml").read_text()
    )
    steps = workflow["jobs"]["check"]["steps"]
    runs = [s.get("run") for s in steps if "run" in s]
    assert runs == [
        f"python -m pip install elecsafe=={__version__}",
        "elecsafe check --format sarif --output-file elecsafe.sarif",
    ]
    upload = steps[-1]
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"]["sarif_file"] == "elecsafe.sarif"
    assert upload["if"].startswith("always()")
    assert workflow["permissions"] == {"contents": "read", "security-events": "write"}


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
    cited = set(re.findall(r"\bS00[0-4]\b", text))
    assert cited >= (
        {"S000", "S001", "S003", "S004"} if profile == "us-county" else {"S000", "S001", "S002"}
    )
    assert "S000 VII" in text  # "decide on your next meeting at the end of the first"


def test_no_contact_details_in_tracked_plan_files(scaffold: Callable[[str], Path]) -> None:
    phone = re.compile(r"\b(?:\d{3}-\d{4}|07700 ?\d{6})\b")
    for profile in PROFILES:
        plan = scaffold(profile)
        for name in PLAN_FILES:
            assert not phone.search((plan / name).read_text()), (profile, name)
