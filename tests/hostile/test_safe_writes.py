"""Every file elecsafe writes is written atomically, through :mod:`elecsafe.writes`.

* an audit runs each writing command with ``open``/``os.open`` watched: a file opened for
  writing inside the test directory by anything but ``elecsafe.writes`` is a bypass;
* failures are injected on the Nth ``os.replace`` (the commit of an atomic write) and the Nth
  ``os.fsync`` (a full disk while the bytes go out) in ``init`` and ``render all``: the
  command exits 2 with one line, and no torn or temporary file is left (``init`` leaves the
  directory exactly as it found it; ``render`` leaves complete documents only);
* a static scan of ``src/`` finds no other way of writing files.
"""

from __future__ import annotations

import ast
import builtins
import errno
import io
import os
import stat
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import elecsafe.writes
from elecsafe.cli.app import app
from elecsafe.writes import write_bytes_atomic
from tests.hostile.cases import BASE

SRC = Path(elecsafe.writes.__file__).resolve().parent
WRITES_FILE = str(Path(elecsafe.writes.__file__).resolve())
RENDER_DATE = "2027-01-15"


def invoke(args: list[str]) -> Any:
    return CliRunner().invoke(app, args, env={"ELECSAFE_TODAY": "2026-11-22", "NO_COLOR": "1"})


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative path -> bytes), temporary ones included."""
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def temporaries(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob("*") if p.name.endswith((".tmp", "-tmp")))


def _plan(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "plan.yaml").write_text(BASE, encoding="utf-8")
    return directory


# -- the audit: nothing is written behind elecsafe.writes' back -------------------------------


@contextmanager
def watched_writes(root: Path) -> Iterator[list[str]]:
    """Record files under ``root`` opened for writing by code outside ``elecsafe.writes``."""
    bypasses: list[str] = []
    real_open, real_os_open = builtins.open, os.open
    root_text = str(root.resolve())

    def through_writes() -> bool:
        frame = sys._getframe(2)
        while frame is not None:
            if frame.f_code.co_filename == WRITES_FILE:
                return True
            frame = frame.f_back  # type: ignore[assignment]
        return False

    def note(target: Any, how: str) -> None:
        if isinstance(target, str | bytes | os.PathLike):
            path = os.path.abspath(os.fsdecode(target))
            if path.startswith(root_text) and not through_writes():
                caller = sys._getframe(2).f_code
                bypasses.append(f"{path} ({how}) from {caller.co_filename}:{caller.co_name}")

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            note(file, f"open {mode}")
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC):
            note(path, "os.open")
        return real_os_open(path, flags, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builtins, "open", guarded_open)
        patch.setattr(io, "open", guarded_open)
        patch.setattr(os, "open", guarded_os_open)
        yield bypasses


def _write_commands(tmp: Path) -> dict[str, list[str]]:
    plan = str(_plan(tmp / "plan"))
    return {
        "init us-county": ["init", str(tmp / "us"), "--profile", "us-county"],
        "init uk-force": ["init", str(tmp / "uk"), "--profile", "uk-force"],
        "render all md": [
            "render",
            "all",
            plan,
            "--out-dir",
            str(tmp / "md"),
            "--date",
            RENDER_DATE,
            "--force",
        ],
        "render all html": [
            *("render", "all", plan, "--format", "html", "--out-dir", str(tmp / "html")),
            *("--date", RENDER_DATE, "--force"),
        ],
        "render all docx": [
            *("render", "all", plan, "--format", "docx", "--out-dir", str(tmp / "docx")),
            *("--date", RENDER_DATE, "--force"),
        ],
        "calendar": ["calendar", plan, "-o", str(tmp / "plan.ics")],
        "schema": ["schema", "-o", str(tmp / "plan.schema.json")],
        "check --output-file": ["check", plan, "--output-file", str(tmp / "report.txt")],
        "templates copy": ["templates", "copy", "mou", str(tmp / "mou.md.j2")],
    }


@pytest.mark.parametrize(
    "name",
    [
        "init us-county",
        "init uk-force",
        "render all md",
        "render all html",
        "render all docx",
        "calendar",
        "schema",
        "check --output-file",
        "templates copy",
    ],
)
def test_every_written_file_goes_through_elecsafe_writes(tmp_path: Path, name: str) -> None:
    args = _write_commands(tmp_path)[name]
    before = tree(tmp_path)
    with watched_writes(tmp_path) as bypasses:
        result = invoke(args)
    assert result.exit_code in (0, 1), result.output
    written = set(tree(tmp_path)) - set(before)
    assert written, f"{name} wrote nothing: {result.output}"
    assert bypasses == []
    assert temporaries(tmp_path) == []


def test_the_audit_would_see_a_direct_write(tmp_path: Path) -> None:
    with watched_writes(tmp_path) as bypasses:
        (tmp_path / "direct.txt").write_text("x", encoding="utf-8")
        write_bytes_atomic(tmp_path / "atomic.txt", b"x")
    assert len(bypasses) == 1 and "direct.txt (open w)" in bypasses[0]


# -- failures injected in the middle of init and render all ----------------------------------


def _fail_on(calls: list[int], nth: int, real: Callable[..., Any]) -> Callable[..., Any]:
    """``real`` that raises ENOSPC on its Nth call (fsync: Nth fsync of a file's data; the
    directory fsync after a rename is best effort and not counted)."""

    def failing(*args: Any, **kwargs: Any) -> Any:
        if real is REAL_FSYNC and not stat.S_ISREG(os.fstat(args[0]).st_mode):
            return real(*args, **kwargs)
        calls[0] += 1
        if calls[0] == nth:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    return failing


REAL_FSYNC = os.fsync


def _count_calls(monkeypatch: pytest.MonkeyPatch, name: str, args: list[str]) -> int:
    calls = [0]
    monkeypatch.setattr(os, name, _fail_on(calls, 0, getattr(os, name)))
    result = invoke(args)
    monkeypatch.undo()
    assert result.exit_code in (0, 1), result.output
    return calls[0]


@pytest.mark.parametrize("primitive", ["replace", "fsync"])
@pytest.mark.parametrize("profile", ["us-county", "uk-force"])
def test_a_failed_init_leaves_the_directory_as_it_found_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, primitive: str, profile: str
) -> None:
    reference = tmp_path / "reference"
    total = _count_calls(monkeypatch, primitive, ["init", str(reference), "--profile", profile])
    assert total >= 10  # one per scaffold file at least
    for nth in sorted({1, 2, total // 2, total - 1, total}):
        target = tmp_path / f"plan-{nth}"
        calls = [0]
        monkeypatch.setattr(os, primitive, _fail_on(calls, nth, getattr(os, primitive)))
        result = invoke(["init", str(target), "--profile", profile])
        monkeypatch.undo()
        assert result.exit_code == 2, (nth, result.output)
        assert "Traceback" not in result.output
        assert "No space left on device" in result.output, result.output
        assert not target.exists(), (nth, sorted(tree(target)))


def test_a_failed_init_keeps_the_files_force_was_replacing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan"
    assert invoke(["init", str(target), "--profile", "uk-force"]).exit_code == 0
    (target / "README.md").write_text("# my own edits\n", encoding="utf-8")
    before = tree(target)
    reference = tmp_path / "ref"
    assert invoke(["init", str(reference), "--profile", "uk-force"]).exit_code == 0
    total = _count_calls(
        monkeypatch, "replace", ["init", str(reference), "--profile", "uk-force", "--force"]
    )
    calls = [0]
    monkeypatch.setattr(os, "replace", _fail_on(calls, total, os.replace))
    result = invoke(["init", str(target), "--profile", "uk-force", "--force"])
    monkeypatch.undo()
    assert result.exit_code == 2, result.output
    assert tree(target) == before


@pytest.mark.parametrize("output_format", ["md", "docx"])
@pytest.mark.parametrize("primitive", ["replace", "fsync"])
def test_a_failed_render_all_leaves_only_complete_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, primitive: str, output_format: str
) -> None:
    plan = str(_plan(tmp_path / "plan"))

    def args(out: Path) -> list[str]:
        return ["render", "all", plan, "--format", output_format, "--out-dir", str(out), "--force"]

    reference = tmp_path / "reference"
    total = _count_calls(monkeypatch, primitive, [*args(reference), "--date", RENDER_DATE])
    complete = tree(reference)
    assert total >= len(complete) >= 5
    for nth in sorted({1, total // 2, total}):
        out = tmp_path / f"out-{nth}"
        calls = [0]
        monkeypatch.setattr(os, primitive, _fail_on(calls, nth, getattr(os, primitive)))
        result = invoke([*args(out), "--date", RENDER_DATE])
        monkeypatch.undo()
        assert result.exit_code == 2, (nth, result.output)
        assert "Traceback" not in result.output
        assert "No space left on device" in result.output, result.output
        assert temporaries(tmp_path) == []
        left = tree(out)
        assert len(left) < len(complete)
        for name, data in left.items():  # whatever is there is a whole document
            assert _same_document(data, complete[name]), name


def _same_document(data: bytes, reference: bytes) -> bool:
    """Byte-equal, or for .docx the same zip entries (zip timestamps are the clock's)."""
    if data[:2] != b"PK":
        return data == reference
    with zipfile.ZipFile(io.BytesIO(data)) as got, zipfile.ZipFile(io.BytesIO(reference)) as ref:
        return got.namelist() == ref.namelist() and all(
            got.read(name) == ref.read(name) for name in ref.namelist()
        )


def test_a_failed_calendar_export_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(tmp_path / "plan")
    ics = tmp_path / "plan.ics"
    assert invoke(["calendar", str(plan), "-o", str(ics)]).exit_code == 0
    before = ics.read_bytes()
    (plan / "plan.yaml").write_text(BASE.replace("Polling day", "Poll"), encoding="utf-8")
    calls = [0]
    monkeypatch.setattr(os, "fsync", _fail_on(calls, 1, os.fsync))
    result = invoke(["calendar", str(plan), "-o", str(ics)])
    monkeypatch.undo()
    assert result.exit_code == 2, result.output
    assert ics.read_bytes() == before
    assert temporaries(tmp_path) == []


# -- the writer itself -----------------------------------------------------------------------


def test_an_interrupt_while_writing_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "doc.md"
    target.write_bytes(b"old")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bytes_atomic(target, b"new" * 1000)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.md"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path) -> None:
    old_mask = os.umask(0o077)
    try:
        write_bytes_atomic(tmp_path / "private.md", b"x")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "private.md").stat().st_mode) == 0o600
    shared = tmp_path / "shared.md"
    shared.write_bytes(b"x")
    shared.chmod(0o640)
    write_bytes_atomic(shared, b"y")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640
    write_bytes_atomic(tmp_path / "explicit.md", b"z", mode=0o600)
    assert stat.S_IMODE((tmp_path / "explicit.md").stat().st_mode) == 0o600


# -- nothing in src/ writes files another way ------------------------------------------------

# Writers that are not user-facing output, or that stage through elecsafe.writes first.
ALLOWED = {
    "writes.py": "the atomic writer itself",
    "scaffold/files.py": "renames files it staged with write_bytes_atomic (all-or-nothing)",
    "lint/examples.py": "writes rule examples into a test's temporary directory",
    "terminal.py": "opens the null device under a closed pipe; writes no file",
}
# Path.replace/rename are left out: indistinguishable from str.replace without types.
WRITE_METHODS = {"write_text", "write_bytes", "symlink_to", "touch", "mkstemp"}
WRITE_FUNCTIONS = {
    ("os", "replace"), ("os", "rename"), ("os", "renames"), ("os", "open"), ("os", "fdopen"),
    ("shutil", "copy"), ("shutil", "copy2"), ("shutil", "copyfile"), ("shutil", "copytree"),
    ("shutil", "move"), ("tempfile", "mkstemp"), ("tempfile", "NamedTemporaryFile"),
}  # fmt: skip


def _writes_in(tree_: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree_):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            owner = func.value.id if isinstance(func.value, ast.Name) else None
            if owner is not None and (owner, func.attr) in WRITE_FUNCTIONS:
                found.append((node.lineno, f"{owner}.{func.attr}"))
            elif func.attr in WRITE_METHODS:
                found.append((node.lineno, f".{func.attr}()"))
            elif func.attr == "open" and any(
                isinstance(a, ast.Constant)
                and isinstance(a.value, str)
                and set(a.value) & set("wax+")
                for a in node.args
            ):
                found.append((node.lineno, ".open(write)"))
        elif isinstance(func, ast.Name) and func.id == "open":
            modes = [a for a in node.args[1:2] if isinstance(a, ast.Constant)]
            modes += [
                k.value
                for k in node.keywords
                if k.arg == "mode" and isinstance(k.value, ast.Constant)
            ]  # type: ignore[misc]
            if any(isinstance(m.value, str) and set(m.value) & set("wax+") for m in modes):
                found.append((node.lineno, "open(write)"))
    return found


def test_no_module_writes_files_around_elecsafe_writes() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative in ALLOWED:
            continue
        for line, what in _writes_in(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"src/elecsafe/{relative}:{line}: {what}")
    assert offenders == []


def test_the_scan_would_see_a_direct_write() -> None:
    sample = (
        "from pathlib import Path\nPath('x').write_text('y')\nopen('z', 'w')\nos.replace(a, b)\n"
    )
    assert [what for _, what in _writes_in(ast.parse(sample))] == [
        ".write_text()",
        "open(write)",
        "os.replace",
    ]
