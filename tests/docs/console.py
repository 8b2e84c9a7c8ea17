"""Console blocks of the Markdown docs, run and compared doctest-style.

The format, kept simple so every new page is covered without extra work:

- A fenced block whose info string is ``console``. Lines starting with ``$ `` are commands,
  run with bash (a line ending in a backslash goes on to the next); the lines after a command, up to the next one, are its expected output
  (stdout and stderr together, in the order written).
- A block in which no command shows output is an illustration and is not run (``make demo``,
  an install line). Otherwise every command of the block runs: those with output shown are
  compared, and those shown without output must succeed (exit 0); ``cd DIR`` changes the directory of the commands that follow in the same page.
- In expected output, a line that is only ``…`` stands for any number of lines (none
  included), and ``…`` inside a line for any text. Trailing spaces are ignored.
- ``<!-- console-setup: COMMAND -->`` on the line just before the fence runs COMMAND first,
  unshown (for example to introduce the typo whose finding the block shows).

All blocks of one page run in order in one scratch directory holding a copy of ``examples/``,
with a fixed date (``ELECSAFE_TODAY``), a fixed width (``COLUMNS``), no colour, and the
``elecsafe`` of the interpreter running the tests first on ``PATH``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ELLIPSIS = "…"
TODAY = "2026-12-01"
COLUMNS = "100"
_SETUP = re.compile(r"^<!--\s*console-setup:\s*(?P<cmd>.*?)\s*-->\s*$")


@dataclass
class Command:
    line: int  # 1-based line of the command in the page
    text: str
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    line: int
    setup: str | None
    commands: list[Command]

    @property
    def shows_output(self) -> bool:
        return any(c.expected for c in self.commands)


def parse(text: str) -> list[Block]:
    """The console blocks of a Markdown page, in order."""
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == "```console":
            setup = None
            if i > 0 and (m := _SETUP.match(lines[i - 1].strip())):
                setup = m["cmd"]
            start = i + 1
            commands: list[Command] = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body = lines[i]
                if body.startswith("$ "):
                    commands.append(Command(i + 1, body[2:]))
                    # a command may go on over lines ending in a backslash, as in a shell
                    while commands[-1].text.endswith("\\") and i + 1 < len(lines):
                        i += 1
                        commands[-1].text += "\n" + lines[i]
                elif commands:
                    commands[-1].expected.append(body)
                i += 1
            for command in commands:
                while command.expected and not command.expected[-1].strip():
                    command.expected.pop()
            if commands:
                blocks.append(Block(start, setup, commands))
        i += 1
    return blocks


def _line_pattern(expected: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in expected.split(ELLIPSIS)))


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ACTUAL lines fit EXPECTED, with ``…`` as described in the module docstring."""
    exp = [line.rstrip() for line in expected]
    act = [line.rstrip() for line in actual]
    while act and not act[-1]:
        act.pop()
    # reachable[j]: the first i expected lines can match the first j actual lines
    reachable = [True] + [False] * len(act)
    for line in exp:
        nxt = [False] * (len(act) + 1)
        if line.strip() == ELLIPSIS:
            seen = False
            for j in range(len(act) + 1):
                seen = seen or reachable[j]
                nxt[j] = seen
        else:
            pattern = _line_pattern(line)
            for j in range(len(act)):
                if reachable[j] and pattern.fullmatch(act[j]):
                    nxt[j + 1] = True
        reachable = nxt
    return reachable[len(act)]


def environment(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ELECSAFE_", "GITHUB_", "FORCE_COLOR", "CLICOLOR"))
        and k not in {"SOURCE_DATE_EPOCH", "CI", "PYTHONIOENCODING", "LANG", "LANGUAGE"}
        and not k.startswith("LC_")
    }
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        HOME=str(home),
        ELECSAFE_TODAY=TODAY,
        ELECSAFE_CACHE_DIR="off",
        COLUMNS=COLUMNS,
        LINES="50",
        NO_COLOR="1",
        TERM="dumb",
        LC_ALL="C.UTF-8",
        PYTHONIOENCODING="utf-8",
        PYTHONUNBUFFERED="1",
    )
    return env


@dataclass
class Failure:
    line: int
    command: str
    expected: list[str]
    actual: list[str]

    def describe(self, page: str) -> str:
        return "\n".join(
            [
                f"{page}:{self.line}: $ {self.command}",
                "--- expected (as written in the page)",
                *self.expected,
                "--- actual",
                *self.actual,
            ]
        )


def run_page(page: Path, repo: Path, scratch: Path) -> list[Failure]:
    """Run every console block of PAGE that shows output; the mismatches."""
    blocks = [b for b in parse(page.read_text(encoding="utf-8")) if b.shows_output]
    failures: list[Failure] = []
    if not blocks:
        return failures
    work = scratch / "work"
    shutil.copytree(repo / "examples", work / "examples")
    env = environment(scratch)
    cwd = work
    for block in blocks:
        if block.setup:
            subprocess.run(["bash", "-c", block.setup], cwd=cwd, env=env, check=True)
        for command in block.commands:
            words = command.text.split("#", 1)[0].split()
            if len(words) == 2 and words[0] == "cd":
                cwd = (cwd / words[1]).resolve()
                continue
            done = subprocess.run(
                ["bash", "-c", command.text],
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=300,
            )
            actual = done.stdout.decode("utf-8", "replace").splitlines()
            if command.expected and not matches(command.expected, actual):
                failures.append(Failure(command.line, command.text, command.expected, actual))
            elif not command.expected and done.returncode != 0:  # shown without output: works
                actual.append(f"(exit {done.returncode})")
                failures.append(Failure(command.line, command.text, [], actual))
    return failures
