"""The rules run in time linear in the size of the plan (no pairwise loops over sites or
people): four times the plan costs about four times as much, never sixteen."""

from __future__ import annotations

import time
from pathlib import Path

from elecsafe.lint.runner import LintOptions, run
from elecsafe.load.loader import load_plan
from tests.lint.conftest import TODAY, write


def big_plan(n: int) -> str:
    lines = ["organisations:"]
    for c in range(n // 50):
        lines += [
            f"  - {{id: pd-{c}, name: PD {c}, kind: police_department, sector: law_enforcement, "
            f"jurisdictions: [area], primary_contact: ra-pd-{c}}}",
            f"  - {{id: eo-{c}, name: Office {c}, kind: election_office, "
            f"sector: election_administration, jurisdictions: [area]}}",
        ]
    lines.append("people:")
    lines += [
        f"  - {{id: p-{i}, display_name: Person Number{i}, organisation: office}}" for i in range(n)
    ]
    lines.append("roles:")
    for c in range(n // 50):
        lines.append(
            f"  - {{id: ra-pd-{c}, role: police_chief, organisation: pd-{c}, holder: p-{c}}}"
        )
        lines.append(
            f"  - {{id: ra-eo-{c}, role: le_liaison_poc, organisation: eo-{c}, holder: p-{c + 1}}}"
        )
    lines += [
        f"  - {{id: ra-{i}, role: site_contact, organisation: office, holder: p-{i}}}"
        for i in range(n)
    ]
    lines.append("sites:")
    lines += [
        f"  - {{id: s-{i}, name: Site {i}, kind: us_polling_place, jurisdiction: area, "
        f"site_contact: ra-{i}, notes: 'room {i}, side entrance', police_presence: none, "
        "vulnerability: {rating: red, assessed_on: 2028-09-01, assessed_by: p-1}}"
        for i in range(n)
    ]
    lines.append("timetable:\n  meetings:")
    lines += [
        f"    - {{id: m-{i}, title: M{i}, meeting_type: routine_checkin, when: 2028-0{1 + i % 9}-10,"
        f" next_meeting: m-{i + 1}, participants: [eo-0, pd-0]}}"
        for i in range(n // 10)
    ]
    return "\n".join(lines) + "\n"


def lint_seconds(directory: Path) -> float:
    loaded = load_plan(directory)
    assert loaded.plan is not None
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run(loaded, LintOptions(today=TODAY, extended=True))
        best = min(best, time.perf_counter() - start)
    return best


def test_lint_time_grows_linearly(tmp_path: Path) -> None:
    small = lint_seconds(write(tmp_path / "small", big_plan(400), country="US"))
    large = lint_seconds(write(tmp_path / "large", big_plan(1600), country="US"))
    assert large / small < 8, (small, large)
