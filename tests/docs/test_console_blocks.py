"""The README and docs/ say what commands print: run them and compare (see console.py).

A finding that moves one line, a count that changes or an option that is renamed fails here,
with the output as it now reads, so the page is corrected in the same change.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.docs.console import environment, matches, parse, run_page

PAGES = sorted(
    [
        REPO / "README.md",
        *(REPO / "docs").rglob("*.md"),
        *(REPO / "examples").glob("*/README.md"),
    ]
)


def _name(page: Path) -> str:
    return page.relative_to(REPO).as_posix()


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_console_blocks_print_what_the_page_shows(page: Path, tmp_path: Path) -> None:
    failures = run_page(page, REPO, tmp_path)
    assert not failures, "\n\n".join(f.describe(_name(page)) for f in failures)


README_LIMIT = 15 * 1024


def test_readme_stays_short() -> None:
    """The README is the front page; reference material belongs in docs/."""
    size = len((REPO / "README.md").read_bytes())
    assert size <= README_LIMIT, f"README.md is {size:,} bytes: move detail into docs/"


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_relative_links_resolve(page: Path) -> None:
    """A page moved or renamed in docs/ must not leave the README or another page pointing nowhere."""
    text = page.read_text(encoding="utf-8")
    targets = re.findall(r"\]\((?!https?:|mailto:|#)([^)#\s]+)", text)
    missing = [t for t in targets if not (page.parent / t).exists()]
    assert not missing, f"{_name(page)} links to {missing}"


def test_a_drifted_page_fails(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "```console\n"
        "$ elecsafe check examples/us-county --today 2028-11-10 --format concise\n"
        "examples/us-county/plan.yaml:187:7: LINT002 waiver for SITE006 expired on 2028-10-20\n"
        "examples/us-county/sites/drop-boxes.yaml:1:7: SITE006 …\n"
        "```\n",
        encoding="utf-8",
    )
    (failure,) = run_page(page, REPO, tmp_path)
    assert failure.line == 2
    assert any(":1:7: SITE006" not in line and "SITE006" in line for line in failure.actual)


def test_setup_comment_and_cd(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- console-setup: mkdir -p a/b && echo hello > a/b/f -->\n"
        "```console\n"
        "$ cd a\n"
        "$ cat b/f\n"
        "hello\n"
        "```\n",
        encoding="utf-8",
    )
    assert run_page(page, REPO, tmp_path) == []


def test_a_command_shown_without_output_must_succeed(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```console\n$ false\n$ echo shown\nshown\n```\n", encoding="utf-8")
    (failure,) = run_page(page, REPO, tmp_path)
    assert (failure.line, failure.actual) == (2, ["(exit 1)"])


def test_a_command_goes_on_after_a_backslash(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "```console\n$ printf '%s\\n' one \\\n    two\none\ntwo\n$ echo three\nthree\n```\n",
        encoding="utf-8",
    )
    (block,) = parse(page.read_text(encoding="utf-8"))
    assert [c.expected for c in block.commands] == [["one", "two"], ["three"]]
    assert run_page(page, REPO, tmp_path) == []


def test_blocks_without_output_are_not_run(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```console\n$ touch ran\n$ false\n```\n", encoding="utf-8")
    assert run_page(page, REPO, tmp_path) == []
    assert not (tmp_path / "work").exists()


@pytest.mark.parametrize(
    ("expected", "actual", "ok"),
    [
        (["a", "b"], ["a", "b"], True),
        (["a", "b"], ["a", "c"], False),
        (["a"], ["a", "b"], False),
        (["a", "…"], ["a", "b", "c"], True),
        (["…", "c"], ["a", "b", "c"], True),
        (["a", "…", "c"], ["a", "c"], True),
        (["x · … · z"], ["x · y · y2 · z"], True),
        (["x · … · z"], ["x · z"], False),
        (["a (1)"], ["a 1"], False),
        (["a  "], ["a", ""], True),
    ],
)
def test_matching(expected: list[str], actual: list[str], ok: bool) -> None:
    assert matches(expected, actual) is ok


def test_the_readme_demo_sample_is_what_make_demo_prints(tmp_path: Path) -> None:
    """The quick start's `make demo` sample cannot run here (it builds a .venv), so its parts
    are checked one by one: the commands are the Makefile's, each check ends with the line
    shown, and the closing list is the Makefile's own."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("```text\n.venv/bin/elecsafe check")
    sample = readme[start:].split("\n", 1)[1].split("```", 1)[0].splitlines()
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    demo = makefile[makefile.index("\ndemo:") :].split("\n\n", 1)[0]
    recipe = [line.strip() for line in demo.splitlines()[1:]]
    commands = [line for line in sample if line.startswith(".venv/bin/elecsafe ")]
    assert commands, sample
    for command in commands:
        assert command.replace(".venv/bin/", "$(BIN)/") in recipe, command
        shown = sample[sample.index(command) + 2]  # the line after the "…"
        done = subprocess.run(
            ["bash", "-c", command.replace(".venv/bin/", "")],
            cwd=REPO, env=environment(tmp_path), capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        assert matches([shown], done.stdout.splitlines()[-1:]), (shown, done.stdout[-300:])
    listing = sample[next(i for i, line in enumerate(sample) if line.startswith("Done.")) :]
    echoed = [line.split("@echo ", 1)[1].strip('"') for line in recipe if line.startswith("@echo ")]
    assert listing == echoed[-len(listing) :]
