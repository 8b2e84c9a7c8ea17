"""PRV003 cannot be spoofed or switched off (issue 11)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.hostile.cases import BASE
from tests.security.conftest import Run

CONTACTS = (
    "contacts:\n  alice:\n    contact_methods:\n      - {kind: mobile, value: '07700 900991'}\n"
)
# a quoted value folded over lines: one line reads "sops:" at column 1, another has "ENC["
SPOOF = CONTACTS + '    availability: "weekdays\nsops:\n ENC[AES256_GCM,data:abc]"\n'
ENC = "ENC[AES256_GCM,data:bG9yZW0=,iv:aXY=,tag:dGFn,type:str]"
SOPS_FILE = f"""contacts:
    alice:
        contact_methods:
            - kind: {ENC}
              value: {ENC}
sops:
    kms: []
    age:
        - recipient: age1example
          enc: {ENC}
    lastmodified: "2027-01-10T10:00:00Z"
    mac: {ENC}
    unencrypted_suffix: _unencrypted
    version: 3.8.1
"""


def _plan(tmp_path: Path, contacts: str, gitignore: str | None) -> Path:
    plan = tmp_path / "plan"
    (plan / "private").mkdir(parents=True)
    (plan / "plan.yaml").write_text(BASE, encoding="utf-8")
    (plan / "private" / "contacts.yaml").write_text(contacts, encoding="utf-8")
    if gitignore is not None:
        (plan / ".gitignore").write_text(gitignore, encoding="utf-8")
    return plan


def _prv003(run: Run, plan: Path) -> list[str]:
    result = run("check", str(plan), "--format", "concise", "--select", "PRV003")
    return [line for line in result.out.splitlines() if "PRV003" in line]


def _git(plan: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "-C", str(plan), *args], check=True, capture_output=True, env=env)


@pytest.mark.parametrize(
    ("gitignore", "leaks"),
    [
        ("!private/*\n", True),  # a negation is not an ignore
        ("private/*\n!private/contacts.yaml\n", True),  # re-included
        ("# private/\n", True),
        ("private/*\n!private/*.example.yaml\n", False),
        ("/private/\n", False),
    ],
)
def test_gitignore_is_read_with_gits_rules_when_git_is_absent(
    tmp_path: Path, run: Run, gitignore: str, leaks: bool
) -> None:
    plan = _plan(tmp_path, CONTACTS, gitignore)
    assert bool(_prv003(run, plan)) is leaks


def test_a_plaintext_file_quoting_sops_words_is_not_encrypted(tmp_path: Path, run: Run) -> None:
    plan = _plan(tmp_path, SPOOF, None)
    _git(plan, "init", "-q")
    _git(plan, "add", "-f", "private/contacts.yaml", "plan.yaml")
    _git(plan, "commit", "-q", "-m", "x")
    found = _prv003(run, plan)
    assert found and "tracked by git in plain text" in found[0]


def test_a_real_sops_file_may_be_tracked(tmp_path: Path, run: Run) -> None:
    plan = _plan(tmp_path, SOPS_FILE, None)
    _git(plan, "init", "-q")
    _git(plan, "add", "-f", "private/contacts.yaml", "plan.yaml")
    _git(plan, "commit", "-q", "-m", "x")
    assert _prv003(run, plan) == []


@pytest.mark.parametrize(
    "switch_off",
    [
        "lint:\n  ignore: [PRV003]\n",
        "lint:\n  waivers:\n    - {code: PRV003, until: 2099-01-01, reason: later}\n",
        "lint:\n  severity: {PRV003: info}\n",
    ],
)
def test_prv003_cannot_be_switched_off(tmp_path: Path, run: Run, switch_off: str) -> None:
    plan = _plan(tmp_path, CONTACTS, None)
    (plan / "plan.yaml").write_text(BASE + switch_off, encoding="utf-8")
    result = run("check", str(plan), "--format", "concise", "--ignore", "PRV003")
    assert result.code == 1
    assert any("PRV003" in line and ": PRV003 " in line for line in result.out.splitlines())
    assert "[E]" in run("check", str(plan), "--format", "text").out or "error" in result.out


def test_an_inline_suppression_of_prv003_is_reported(tmp_path: Path, run: Run) -> None:
    plan = _plan(tmp_path, CONTACTS, None)
    text = BASE.replace("schema_version:", "# elecsafe: ignore[PRV003] fine\nschema_version:", 1)
    (plan / "plan.yaml").write_text(text, encoding="utf-8")
    result = run("check", str(plan), "--format", "concise")
    assert ": PRV003 " in result.out
    assert "PRV003 cannot be suppressed" in result.out


def test_rule_prv003_says_it_is_not_suppressible(run: Run) -> None:
    assert "not suppressible" in run("rule", "PRV003").out


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_symlink_in_private_is_a_finding_not_an_internal_error(tmp_path: Path, run: Run) -> None:
    plan = _plan(tmp_path, CONTACTS, "private/*\n")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(CONTACTS)
    (plan / "private" / "linked.yaml").symlink_to(outside)
    result = run("check", str(plan), "--format", "concise")
    assert "INTERNAL" not in result.out + result.err
    assert "symbolic link" in result.out
