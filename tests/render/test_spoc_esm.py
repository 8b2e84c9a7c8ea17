"""SPOC–ESM checklist: one list per local authority with its own dates, ticked from the run's
settled findings and never while the verifying rule reports a finding."""

from __future__ import annotations

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.conftest import EXAMPLES
from tests.render.conftest import options


def _sections(loaded: LoadedPlan) -> dict[str, list[str]]:
    text = Renderer(loaded, options()).render(DOCUMENTS["checklist-spoc-esm"], None).markdown
    out: dict[str, list[str]] = {}
    for chunk in text.split("\n## ")[1:]:
        title, _, body = chunk.partition("\n")
        out[title] = [
            line
            for line in body.splitlines()
            if line.startswith("| ☐") or line.startswith("| ☑") or line.startswith("| –")
        ]
    return out


def _line(lines: list[str], item: str) -> str:
    return next(line for line in lines if f"| {item} |" in line)


def test_one_list_per_local_authority_with_its_own_dates() -> None:
    sections = _sections(load_plan(EXAMPLES / "uk-force"))
    assert "Eastvale District Council" in sections and "Port Ashby Council" in sections
    assert len(sections) == 8  # eight councils, eight electoral services managers
    briefing = "Candidates' briefing with police attendance, and the joint letter"
    assert "| 14 Apr 2027 18:30 (E−22d) |" in _line(sections["Eastvale District Council"], briefing)
    assert "| 12 Apr 2027 18:30 (E−24d) |" in _line(
        sections["North Severnshire District Council"], briefing
    )
    # a council with a delegated SPOC settles the topics with them, not the force SPOC
    port = _line(sections["Port Ashby Council"], "Communications and media protocol")
    assert "Delegated election SPOC, Port Ashby and " in port


def test_a_line_whose_rule_reports_a_finding_is_never_ticked(uk_loaded: LoadedPlan) -> None:
    lines = _sections(uk_loaded)["Lowbridge District Council"]
    # uk-mini: ROL009 and MTG010 report findings; SITE002 reports none
    assert _line(
        lines, "Contact details and deputies exchanged between the SPOC and the ESM"
    ).startswith("| ☐")
    assert _line(
        lines, "Candidates' briefing with police attendance, and the joint letter"
    ).startswith("| ☐")
    assert _line(
        lines, "Police attendance and call-ins at polling stations, including PCSOs"
    ).startswith("| ☑")
    assert _line(lines, "Integrity plan and monitoring indicators with thresholds").startswith(
        "| ☐"
    )
