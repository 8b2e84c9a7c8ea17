"""The incident log as a part of the plan: validated, cross-referenced, restricted."""

from __future__ import annotations

from pathlib import Path

from elecsafe.lint.runner import LintOptions, run
from elecsafe.load.loader import load_plan
from elecsafe.model.base import Sensitivity, field_sensitivity
from elecsafe.model.incidents import Incident
from elecsafe.model.plan import Plan
from tests.conftest import MINIMAL_PLAN, write_plan
from tests.lint.conftest import TODAY


def _findings(tmp_path: Path, log: str) -> list[tuple[str, int, int]]:
    write_plan(tmp_path, MINIMAL_PLAN + "incidents:\n" + log)
    result = run(load_plan(tmp_path), LintOptions(today=TODAY))
    return [
        (f.code, f.line, f.column) for f in result.findings if f.code.startswith(("SCH", "REF"))
    ]


def test_the_log_is_restricted() -> None:
    assert field_sensitivity(Plan, "incidents") is Sensitivity.RESTRICTED
    assert Incident.default_sensitivity is Sensitivity.RESTRICTED


def test_a_referred_incident_needs_its_referral(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        "  - id: a\n    reported: 2026-10-05\n    harm: disorder\n    target: voter\n"
        "    summary: Scuffle\n    status: referred\n",
    )
    assert found == [("SCH003", 27, 5)]  # at the incident, which lacks the key


def test_unknown_site_and_channel_are_reference_errors(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        "  - id: a\n    reported: 2026-10-05\n    harm: disorder\n    target: site\n"
        "    site: nowhere\n    channel: pigeon\n    summary: Scuffle\n    status: closed\n",
    )
    assert sorted(found) == [("REF001", 31, 11), ("REF001", 32, 14)]


def test_an_unknown_harm_is_a_schema_error_at_the_value(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        "  - id: a\n    reported: 2026-10-05\n    harm: riot\n    target: voter\n"
        "    summary: Scuffle\n",
    )
    assert [(code, line, col) for code, line, col in found] == [("REF003", 29, 11)]
