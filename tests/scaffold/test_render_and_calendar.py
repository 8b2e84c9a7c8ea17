"""A fresh scaffold renders every document and exports a calendar without errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from elecsafe.scaffold import PROFILES
from tests.scaffold.conftest import Result

Invoke = Callable[..., Result]


@pytest.mark.parametrize("profile", sorted(PROFILES))
@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize("audience", ["public", "partners", "internal"])
def test_every_document_renders(
    profile: str, fmt: str, audience: str, scaffold: Callable[[str], Path], invoke: Invoke
) -> None:
    plan = scaffold(profile)
    out = plan / "out"
    result = invoke(
        "render", "all", str(plan), "--format", fmt, "--audience", audience, "--out-dir", str(out),
        "--date", "2026-11-22",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    written = sorted(p.name for p in out.iterdir())
    assert any(name.startswith("mou-") for name in written), written
    assert any(name.startswith("maa-") for name in written), written
    assert any(name.startswith("checklist-pre-election") for name in written), written
    assert all(p.stat().st_size > 0 for p in out.iterdir())


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_calendar_exports(profile: str, scaffold: Callable[[str], Path], invoke: Invoke) -> None:
    from icalendar import Calendar

    plan = scaffold(profile)
    target = plan / "out" / "plan.ics"
    result = invoke("calendar", str(plan), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    calendar = Calendar.from_ical(target.read_bytes())
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    poll = "Election Day" if profile == "us-county" else "Polling day"
    assert any(poll in s for s in summaries), summaries
