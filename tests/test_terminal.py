"""Terminal output that fits: widths (COLUMNS), colour (NO_COLOR, TERM=dumb, pipes), locales
(PYTHONIOENCODING, LC_ALL), closed pipes, Ctrl-C and internal errors. Real processes: what a
user's shell sees."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from elecsafe.terminal import to_ascii
from tests.conftest import EXAMPLES

ELECSAFE = [sys.executable, "-m", "elecsafe"]
UK = str(EXAMPLES / "uk-force")
US = str(EXAMPLES / "us-county")


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "TERM")}
    base.update(ELECSAFE_TODAY="2026-12-01", PYTHONIOENCODING="utf-8")
    base.update(env or {})
    return subprocess.run([*ELECSAFE, *args], capture_output=True, env=base, cwd=cwd, timeout=300)


STATUSES = {"planned", "done", "open", "cancelled", "overdue", "in_progress", "scheduled"}


def lines(data: bytes) -> list[str]:
    return data.decode("utf-8").splitlines()


# -- widths ------------------------------------------------------------------------------------


def test_timetable_at_80_columns_gives_every_column_room() -> None:
    done = run("timetable", UK, env={"COLUMNS": "80"})
    assert done.returncode == 0, done.stderr
    out = lines(done.stdout)
    assert max(len(line.rstrip()) for line in out) <= 80
    header = next(line for line in out if line.startswith("When"))
    starts = [header.index(name) for name in ("When", "Item", "Owner", "Status")]
    widths = [b - a for a, b in zip(starts, [*starts[1:], len(header)], strict=True)]
    assert min(widths) >= 10, widths
    assert widths[1] >= 30, widths  # the titles get the room
    words = {w for line in out for w in line.split()}
    for title in ("Nominations close", "Statements of persons nominated published"):
        assert set(title.split()) <= words  # wrapped between words, never inside one


@pytest.mark.parametrize("columns", [40, 60])
def test_a_narrow_terminal_keeps_the_titles(columns: int) -> None:
    """Four columns do not fit: the status goes under the date and the owner under the title,
    which keeps its room (rich would otherwise drop the Item column whole)."""
    import json

    items = json.loads(run("timetable", UK, "--format", "json").stdout)["items"]
    done = run("timetable", UK, env={"COLUMNS": str(columns)})
    assert done.returncode == 0, done.stderr
    out = lines(done.stdout)
    assert max(len(line.rstrip()) for line in out) <= columns
    header = next(line for line in out if line.startswith("When"))
    assert header.split() == ["When", "Item"]
    words = {w for line in out for w in line.split()}
    for item in items:
        assert set(item["title"].split()) <= words, item["title"]
        # an id wraps after a hyphen only when it does not fit (ra-mutual-aid- / coordinator)
        assert item["owner"] in words or columns < 50, item["owner"]
        assert set(item["owner"].replace("-", "- ").split()) <= {
            piece for w in words for piece in w.replace("-", "- ").split()
        }, item["owner"]
    statuses = [line[:15].strip() for line in out if line[:15].strip() in STATUSES]
    assert statuses == [item["status"] for item in items]


def test_timetable_in_a_pipe_or_wide_is_the_full_table() -> None:
    for env, extra in (({}, ()), ({"COLUMNS": "80"}, ("--wide",))):
        out = lines(run("timetable", UK, *extra, env=env).stdout)
        header = next(line for line in out if "Date" in line and "Offset" in line)
        assert "Time" in header
        assert any("Wed 31 Mar 2027" in line and "E−25wd" in line for line in out)
        assert any("Statements of persons nominated published" in line for line in out)


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_check_wraps_at_the_width_with_hanging_indents(tmp_path: Path, columns: int) -> None:
    init = run(
        "init",
        "p",
        "--profile",
        "uk-force",
        "--name",
        "Testshire",
        "--poll-date",
        "2027-05-06",
        cwd=tmp_path,
    )
    assert init.returncode == 0, init.stderr
    done = run("check", "--ignore", "TODO001", "p", env={"COLUMNS": str(columns)}, cwd=tmp_path)
    out = lines(done.stdout)
    too_long = [line for line in out if len(line) > columns]
    # only a single word longer than the room left (a long dotted key) may stick out
    assert all(len(line.split()) == 1 for line in too_long), too_long
    findings = [i for i, line in enumerate(out) if line.startswith("  ") and line[2].isdigit()]
    assert findings
    for i in findings:  # continuation lines of a message sit under the message column
        j = i + 1
        while j < len(out) and out[j].startswith(" " * 28) and "hint:" not in out[j]:
            assert not out[j][28].isspace()
            j += 1
    start = next(i for i, line in enumerate(out) if line.startswith("readiness: "))
    summary = [out[start]]
    summary += [line for line in out[start + 1 :] if line.startswith(" " * 11)]
    text = " ".join(line.strip() for line in summary)
    for entry in text.removeprefix("readiness: ").split(" · "):
        assert any(entry in line for line in summary), entry  # an entry is never split


def test_check_in_a_narrow_terminal_puts_messages_under_their_position() -> None:
    """At 40 columns the 28-column layout would leave 12 for the message: each message starts
    on its own line under the position, and a readiness entry longer than a line wraps."""
    done = run("check", US, "--today", "2028-11-10", env={"COLUMNS": "40"})
    out = lines(done.stdout)
    assert max(len(line) for line in out) <= 40, [line for line in out if len(line) > 40]
    positions = [i for i, line in enumerate(out) if re.match(r"  \d+:\d+ ", line)]
    assert positions
    for i in positions:
        assert out[i].split()[1] in ("error", "warning", "info") and len(out[i].split()) == 3
        assert out[i + 1].startswith("    ") and not out[i + 1][4].isspace()
    text = " ".join(" ".join(out).split())
    concise = run("check", US, "--today", "2028-11-10", "--format", "concise").stdout.decode()
    for finding in concise.splitlines():
        match = re.fullmatch(r"\S+:\d+:\d+: [A-Z]+\d+ (.*)", finding)
        assert match, finding
        message = match[1]
        assert " ".join(message.split()) in text, message  # wrapped, never cut
    assert "sites with a police presence level 114/114 ·" in text
    assert out[-2:] == ["cedar-river-2028-general:", "  0 error(s), 8 warning(s), 0 info"]


def test_check_in_a_pipe_does_not_wrap() -> None:
    out = lines(run("check", UK).stdout)
    assert len([line for line in out if line.startswith("readiness: ")]) == 1
    assert "severnshire-may-2027: " in out[-1]


# -- colour ------------------------------------------------------------------------------------


def in_a_terminal(*args: str, env: dict[str, str]) -> tuple[int, bytes]:
    """Run elecsafe with stdout and stderr on a pseudo-terminal; its exit code and output."""
    master, slave = pty.openpty()
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM", "COLUMNS")}
    base.update(env, ELECSAFE_TODAY="2026-12-01", COLUMNS="100")
    process = subprocess.Popen(
        [*ELECSAFE, *args], stdin=slave, stdout=slave, stderr=slave, env=base
    )
    os.close(slave)
    output = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    return process.wait(timeout=60), output


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({"TERM": "xterm-256color"}, True),
        ({"TERM": "xterm-256color", "NO_COLOR": "1"}, False),
        ({"TERM": "dumb"}, False),
    ],
)
def test_colour_only_on_a_colour_terminal(
    tmp_path: Path, env: dict[str, str], coloured: bool
) -> None:
    code, output = in_a_terminal(
        "check", str(EXAMPLES / "us-county"), "--today", "2028-11-10", env=env
    )
    assert code in (0, 1)  # the example has warnings (and, that late, open actions)
    assert b"warning" in output
    assert (b"\x1b[" in output) is coloured


def test_no_colour_in_a_pipe() -> None:
    done = run("check", US, "--today", "2028-11-10", env={"TERM": "xterm-256color"})
    assert b"warning" in done.stdout
    assert b"\x1b[" not in done.stdout


# -- locales -----------------------------------------------------------------------------------

LOCALES = [
    {"PYTHONIOENCODING": "ascii"},
    {"PYTHONIOENCODING": "latin-1"},
    {"PYTHONIOENCODING": "", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
]


@pytest.mark.parametrize("env", LOCALES, ids=["ascii", "latin-1", "C"])
@pytest.mark.parametrize(
    "args",
    [
        ("check", UK),
        ("timetable", UK),
        ("rule", "MTG001"),
        ("check", US, "--today", "2028-11-10"),
        ("timetable", UK, "--format", "csv"),
    ],
    ids=["check", "timetable", "rule", "findings", "csv"],
)
def test_other_locales_degrade_instead_of_crashing(
    env: dict[str, str], args: tuple[str, ...]
) -> None:
    done = run(*args, env=env)
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr
    encoding = "latin-1" if env.get("PYTHONIOENCODING") == "latin-1" else "ascii"
    text = done.stdout.decode(encoding)  # raises if a byte is not of the locale's encoding
    if args[0] == "check" and len(args) == 2:
        assert "severnshire-may-2027: " in text.splitlines()[-1]
        assert "readiness: mutual aid topics 9/9 | " in text or encoding == "latin-1"


def test_the_ascii_fallback() -> None:
    assert to_ascii("✓ Ynys Môn — 31 Mar – 2 Apr · E−25wd …") == (
        "OK Ynys Mon - 31 Mar - 2 Apr | E-25wd ..."
    )
    assert to_ascii("╭─┃━│╯") == "+-|=|+"


# -- pipes, Ctrl-C, internal errors ------------------------------------------------------------


def test_a_closed_pipe_ends_quietly_after_the_work(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [*ELECSAFE, "timetable", UK, "--wide"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "ELECSAFE_TODAY": "2026-12-01"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # `| head -1`
    err = process.stderr.read()
    assert process.wait(timeout=300) == 0
    assert err == b""


def test_render_all_writes_every_document_whatever_happens_to_stdout(tmp_path: Path) -> None:
    out = tmp_path / "out"
    process = subprocess.Popen(
        [*ELECSAFE, "render", "all", UK, "--out-dir", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    err = process.stderr.read()
    assert process.wait(timeout=300) == 0, err
    assert b"Traceback" not in err
    assert len(list(out.glob("*.md"))) >= 15


def test_ctrl_c_is_exit_2_without_a_traceback(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    env = {**os.environ, "ELECSAFE_TODAY": "2026-12-01", "TERM": "dumb"}
    process = subprocess.Popen(
        [*ELECSAFE, "init", str(tmp_path / "p")], stdin=slave, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 120
    while b"rofile" not in seen and time.monotonic() < deadline:  # the first question
        ready, _, _ = select.select([master], [], [], 5)
        if ready:
            seen += os.read(master, 4096)
    assert b"rofile" in seen, seen
    process.send_signal(signal.SIGINT)
    code = process.wait(timeout=60)
    try:
        while select.select([master], [], [], 1)[0]:
            chunk = os.read(master, 4096)
            if not chunk:
                break
            seen += chunk
    except OSError:
        pass
    os.close(master)
    assert code == 2
    assert b"elecsafe: interrupted" in seen
    assert b"Traceback" not in seen
    assert not (tmp_path / "p").exists()


def test_an_internal_error_is_exit_2_and_one_line() -> None:
    code = (
        "import sys, elecsafe.lint.runner as r, elecsafe.cli.app as a\n"
        "def boom(*_a, **_k): raise ValueError('unexpected\\nshape')\n"
        "r.run = boom\n"
        f"sys.argv = ['elecsafe', 'check', {UK!r}]\n"
        "a.main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "elecsafe: internal error: ValueError: unexpected shape "
        "(please report it; ELECSAFE_DEBUG=1 shows the traceback)"
    ]
