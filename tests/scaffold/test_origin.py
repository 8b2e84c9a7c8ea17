"""Where the scaffold's hook and CI install elecsafe from: PEP 610 ``direct_url.json``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from elecsafe.scaffold import PROFILES, ScaffoldOptions, build
from elecsafe.scaffold.origin import InstallSource, from_direct_url, installed_source

COMMIT = "4f1c0a9d2b7e8c3f5a6d9e0b1c2d3e4f5a6b7c8d"


def test_no_direct_url_means_an_index_release() -> None:
    source = from_direct_url(None, "1.2.3")
    assert source == InstallSource("index", "elecsafe==1.2.3", "release 1.2.3")


def test_a_vcs_install_is_pinned_to_its_commit() -> None:
    text = json.dumps(
        {
            "url": "https://git.example.net/office/elecsafe.git",
            "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "main"},
        }
    )
    source = from_direct_url(text, "0.1.0")
    assert source.kind == "vcs"
    assert (
        source.requirement == f"elecsafe @ git+https://git.example.net/office/elecsafe.git@{COMMIT}"
    )


def test_credentials_never_reach_the_requirement() -> None:
    text = json.dumps(
        {
            "url": "https://user:s3cret@git.example.net/office/elecsafe.git",
            "vcs_info": {"vcs": "git", "commit_id": COMMIT},
            "subdirectory": "tool",
        }
    )
    requirement = from_direct_url(text, "0.1.0").requirement
    assert requirement is not None and "s3cret" not in requirement and "user" not in requirement
    assert requirement.endswith(f"@{COMMIT}#subdirectory=tool")
    ssh = json.dumps(
        {"url": "ssh://git@git.example.net/o/e.git", "vcs_info": {"commit_id": COMMIT}}
    )
    assert from_direct_url(ssh, "0.1.0").requirement == (
        f"elecsafe @ git+ssh://git@git.example.net/o/e.git@{COMMIT}"
    )


def test_a_remote_archive_is_pinned_by_its_hash() -> None:
    text = json.dumps(
        {
            "url": "https://files.example.net/elecsafe-0.1.0-py3-none-any.whl",
            "archive_info": {"hashes": {"sha256": "ab12"}},
        }
    )
    assert from_direct_url(text, "0.1.0").requirement == (
        "elecsafe @ https://files.example.net/elecsafe-0.1.0-py3-none-any.whl#sha256=ab12"
    )


@pytest.mark.parametrize(
    "record",
    [
        {"url": "file:///home/me/elecsafe", "dir_info": {"editable": True}},
        {"url": "file:///home/me/elecsafe", "dir_info": {}},
        {"url": "file:///tmp/elecsafe-0.1.0-py3-none-any.whl", "archive_info": {}},
        {"url": "file:///home/me/elecsafe", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
    ],
)
def test_sources_on_this_machine_give_no_requirement(record: dict[str, object]) -> None:
    source = from_direct_url(json.dumps(record), "0.1.0")
    assert source.kind == "local" and source.requirement is None
    assert "/home/me" not in source.where and "/tmp" not in source.where


def test_an_unreadable_record_is_not_guessed() -> None:
    assert from_direct_url("{not json", "0.1.0").requirement is None
    assert from_direct_url("[]", "0.1.0").requirement is None


def test_this_test_run_uses_an_editable_checkout() -> None:
    assert installed_source().kind == "local"  # `make` installs elecsafe with pip -e


def _files(source: InstallSource) -> dict[str, str]:
    options = ScaffoldOptions(
        PROFILES["uk-force"], "Severnshire", date(2027, 5, 6), "Europe/London", "ENG",
        date(2026, 11, 22), source,
    )  # fmt: skip
    return {str(f.path): f.data.decode() for f in build(options)}


def test_a_known_source_is_installed_by_the_hook_and_by_ci() -> None:
    requirement = f"elecsafe @ git+https://git.example.net/office/elecsafe.git@{COMMIT}"
    files = _files(InstallSource("vcs", requirement, "somewhere"))
    hook = files[".pre-commit-config.yaml"]
    assert "language: python" in hook and f'additional_dependencies: ["{requirement}"]' in hook
    assert f"#     rev: {COMMIT}" in hook  # the published hook, as a commented alternative
    assert f"python -m pip install '{requirement}'" in files[".github/workflows/elecsafe.yml"]
    assert "FILL IN" not in files[".github/workflows/elecsafe.yml"]


def test_an_unknown_source_is_a_marked_line_to_fill_in() -> None:
    files = _files(InstallSource("local", None, "an editable checkout on one machine"))
    assert "language: system" in files[".pre-commit-config.yaml"]
    workflow = files[".github/workflows/elecsafe.yml"]
    assert "# FILL IN: how CI installs elecsafe" in workflow
    assert "pip install elecsafe" not in workflow


def test_init_says_when_ci_needs_filling_in(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from elecsafe.cli.app import app

    result = CliRunner().invoke(app, ["init", str(tmp_path / "p"), "--profile", "uk-force"])
    assert result.exit_code == 0, result.stderr
    assert "fill in the line marked FILL IN in .github/workflows/elecsafe.yml" in result.stderr
