"""The documents ``elecsafe render`` knows: one registry feeds the CLI, help and ``render all``.

Contents of each document: domain.md §3.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from elecsafe.render.errors import RenderError

Per = Literal["mou", "maa"]


@dataclass(frozen=True)
class DocSpec:
    name: str
    title: str
    description: str
    per: Per | None = None  # one document per agreement
    internal_only: bool = False
    countries: tuple[str, ...] = ("GB", "US")

    @property
    def template(self) -> str:
        return f"{self.name}.md.j2"


DOCUMENTS: dict[str, DocSpec] = {
    spec.name: spec
    for spec in (
        DocSpec("mou", "Memorandum of understanding", "election office/local authority and law enforcement (one per agreement)", per="mou"),
        DocSpec("maa", "Mutual aid agreement", "the nine topics as articles, plus key restrictions for incoming officers", per="maa"),
        DocSpec("checklist-pre-election", "Pre-election checklist", "what must be done before polling day, with due dates, owners and rule codes"),
        DocSpec("checklist-election-day", "Election-day checklist", "per command level and site: hours, contacts, presence, escalation"),
        DocSpec("checklist-spoc-esm", "SPOC–ESM checklist", "topics for the force election SPOC and the electoral services manager (UK)", countries=("GB",)),
        DocSpec("contacts", "Contact list", "ICS 205A-style contact list (internal audience only)", internal_only=True),
        DocSpec("command-chart", "Command structure", "gold/silver/bronze (or ICS) chart with deputies: drawn (Mermaid in Markdown) and a table"),
        DocSpec("comms-plan", "Communications plan", "ICS 205-style radio plan, call tree, escalation and reporting channels"),
        DocSpec("briefing", "Officer and staff briefing pack", "key messages, rules at polling places, assignments, reporting"),
        DocSpec("debrief", "Post-election debrief", "the eight APP considerations, aggregates, lessons for the next plan"),
        DocSpec("threat-summary", "Threat and incident summary", "counts of reported incidents by harm, target and week (public: small numbers suppressed)"),
        DocSpec("site-register", "Site register", "sites with hours and, for restricted editions, ratings and police presence"),
    )
}  # fmt: skip

# ``render checklist pre-election`` is ``checklist-pre-election``.
GROUPS = {"checklist": ("pre-election", "election-day", "spoc-esm")}


def resolve_name(words: list[str]) -> tuple[DocSpec, list[str]]:
    """The document named by the first word(s); the rest of the words are returned."""
    if not words:
        raise RenderError(f"name a document: {', '.join(choices())}")
    first = words[0].lower()
    if first in GROUPS:
        kinds = GROUPS[first]
        if len(words) < 2 or words[1].lower() not in kinds:
            got = f" '{words[1]}'" if len(words) > 1 else ""
            raise RenderError(f"unknown {first}{got}: choose one of {', '.join(kinds)}")
        return DOCUMENTS[f"{first}-{words[1].lower()}"], words[2:]
    if first in DOCUMENTS:
        return DOCUMENTS[first], words[1:]
    close = difflib.get_close_matches(first, [*DOCUMENTS, *GROUPS, "all"], n=1)
    hint = (
        f" (did you mean '{close[0].replace('-', ' ', 1) if close[0].startswith('checklist-') else close[0]}'?)"
        if close
        else ""
    )
    raise RenderError(f"unknown document '{words[0]}'{hint}; documents: {', '.join(choices())}")


def choices() -> list[str]:
    return [n.replace("-", " ", 1) if n.startswith("checklist-") else n for n in DOCUMENTS] + [
        "all"
    ]
