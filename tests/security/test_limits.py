"""Limits checked before the work (issue 11): an attack that once cost minutes and hundreds of
megabytes is refused with one finding, through the CLI."""

from __future__ import annotations

import time
from pathlib import Path

from tests.hostile.cases import BASE
from tests.security.conftest import Run


def _plan(tmp_path: Path, extra: str) -> Path:
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text(BASE + extra, encoding="utf-8")
    (plan / ".gitignore").write_text("private/\n")
    return plan


def test_a_hundred_thousand_includes_are_one_finding(tmp_path: Path, run: Run) -> None:
    entries = "".join(f"  - missing-{i}.yaml\n" for i in range(100_000))
    plan = _plan(tmp_path, "\ninclude:\n" + entries)
    result = run("check", str(plan), "--format", "concise")
    assert result.code == 1, result
    lines = [line for line in result.out.splitlines() if "YML007" in line]
    assert len(lines) == 1 and "100,000 include entries: more than 500" in lines[0]


def test_a_glob_through_a_link_to_the_root_is_refused_unwalked(tmp_path: Path, run: Run) -> None:
    plan = _plan(tmp_path, '\ninclude:\n  - "link/**/*.yaml"\n')
    (plan / "link").symlink_to("/")
    started = time.monotonic()
    result = run("check", str(plan), "--format", "concise")
    assert result.code == 1, result
    assert "leads through a symbolic link to a folder" in result.out
    assert time.monotonic() - started < 30  # the walk of / took minutes


def test_a_huge_config_file_is_refused_before_it_is_read(tmp_path: Path, run: Run) -> None:
    plan = _plan(tmp_path, "")
    with (plan / ".elecsafe.yaml").open("w") as handle:
        handle.write("ignore: [TODO001]\n")
        handle.truncate(64 * 1024 * 1024)  # sparse: 64 MB the old reader loaded whole
    result = run("check", str(plan), "--format", "concise")
    assert result.code in (0, 1), result
    assert "LINT003 .elecsafe.yaml is larger than 1,048,576 bytes; not read" in result.out


def test_recurrences_have_a_plan_wide_cap_with_one_finding(uk: Path, run: Run) -> None:
    """1,000 weekly meetings over 35 years: 7-9 s and 360 MB under the per-series cap alone."""
    meetings = "".join(
        f"    - id: mtg-bulk-{i}\n      title: Weekly call {i}\n      meeting_type: spoc_esm\n"
        "      when: 2027-01-12\n      time: '10:00'\n      duration_minutes: 30\n"
        "      recurrence: {frequency: weekly, until: 2062-01-12}\n      owner: ra-spoc\n"
        for i in range(1000)
    )
    timetable = uk / "timetable.yaml"
    timetable.write_text(timetable.read_text().replace("  meetings:\n", "  meetings:\n" + meetings))
    result = run("check", str(uk), "--format", "concise", "--select", "TT001")
    assert result.code in (0, 1), result
    capped = [line for line in result.out.splitlines() if "reach 20,000 occurrences" in line]
    assert len(capped) == 1 and "TT001" in capped[0]


def test_a_device_is_never_replaced_even_with_force(uk: Path, run: Run) -> None:
    """An atomic write renames over its target: over /dev/null it would replace the node."""
    result = run("timetable", str(uk), "--format", "json", "-o", "/dev/null", "--force")
    assert result.code == 2 and "is not a regular file" in result.err, result
    assert not Path("/dev/null").is_file()


def test_the_findings_cap_covers_every_source(tmp_path: Path, run: Run) -> None:
    """3,000 placeholders were 3,000 findings: the loader capped only its own sources."""
    areas = "".join(
        f"  - id: j{i}\n    name: 'TODO: area {i}'\n    kind: ward\n    parent: borough\n"
        for i in range(3000)
    )
    plan = _plan(tmp_path, "")
    text = (plan / "plan.yaml").read_text()
    (plan / "plan.yaml").write_text(text.replace("jurisdictions:\n", "jurisdictions:\n" + areas, 1))
    result = run("check", str(plan), "--format", "concise")
    assert result.code == 1, result
    lines = result.out.splitlines()
    assert len(lines) == 1001
    notes = [line for line in lines if "YML004" in line]
    assert len(notes) == 1 and "more findings not shown (the limit is 1,000)" in notes[0]
