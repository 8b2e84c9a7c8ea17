"""The documents ``elecsafe render`` knows: THE registry (name -> builder, title, help).

It feeds the CLI (the DOC argument's help, names, ``render all``) and the pipeline. It is light
on purpose: ``elecsafe render --help`` reads it, so the builder modules (one per document,
beside this file) are imported only when their document is rendered. A builder module has
one function, ``build(sources, item) -> dict``: the data its template needs beyond the common
context (:mod:`.sources`); ``item`` is the agreement's view for the documents made one per
agreement. A document whose template needs nothing more names no builder.

Contents of each document: domain.md §3.
"""

from __future__ import annotations

import difflib
import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from elecsafe.render.errors import RenderError

if TYPE_CHECKING:
    from elecsafe.render.documents.sources import Sources

Per = Literal["mou", "maa"]


class Build(Protocol):
    def __call__(self, sources: Sources, item: Any) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Document:
    name: str
    title: str
    description: str
    builder: str | None  # module of this package with build(); None: the common context only
    per: Per | None = None  # one document per agreement
    internal_only: bool = False
    countries: tuple[str, ...] = ("GB", "US")
    copies: bool = False  # ``--for``: one person's need-to-know copy (the presence they staff)

    @property
    def template(self) -> str:
        return f"{self.name}.md.j2"

    @property
    def shown(self) -> str:
        """The name as typed on the command line: ``checklist pre-election``."""
        return shown_name(self.name)

    def build(self, sources: Sources, item: Any = None) -> dict[str, Any]:
        if self.builder is None:
            return {}
        module = importlib.import_module(f"{__name__}.{self.builder}")
        build: Build = module.build
        return build(sources, item)


DOCUMENTS: dict[str, Document] = {
    doc.name: doc
    for doc in (
        Document("mou", "Memorandum of understanding", "election office/local authority and law enforcement (one per agreement)", "mou", per="mou"),
        Document("maa", "Mutual aid agreement", "the nine topics as articles, plus key restrictions for incoming officers", "maa", per="maa"),
        Document("checklist-pre-election", "Pre-election checklist", "what must be done before polling day, with due dates, owners and rule codes", "checklist_pre_election"),
        Document("checklist-election-day", "Election-day checklist", "per command level and site: hours, contacts, presence, escalation", "checklist_election_day"),
        Document("checklist-spoc-esm", "SPOC–ESM checklist", "topics for the force election SPOC and the electoral services manager (UK)", "checklist_spoc_esm", countries=("GB",)),
        Document("contacts", "Contact list", "ICS 205A-style contact list (internal audience only)", "contacts", internal_only=True),
        Document("command-chart", "Command structure", "gold/silver/bronze (or ICS) chart with deputies: drawn (Mermaid in Markdown) and a table", "command_chart"),
        Document("comms-plan", "Communications plan", "ICS 205-style radio plan, call tree, escalation and reporting channels", None),
        Document("briefing", "Officer and staff briefing pack", "key messages, rules at polling places, assignments, reporting", "briefing", copies=True),
        Document("debrief", "Post-election debrief", "the eight APP considerations, aggregates, lessons for the next plan", "debrief"),
        Document("threat-summary", "Threat and incident summary", "counts of reported incidents by harm, target and week (public: small numbers suppressed)", "threat_summary"),
        Document("site-register", "Site register", "sites with hours and, for restricted editions, ratings and police presence", "site_register"),
    )
}  # fmt: skip

# ``render checklist pre-election`` is ``checklist-pre-election``.
GROUPS = {"checklist": ("pre-election", "election-day", "spoc-esm")}


def shown_name(name: str) -> str:
    return name.replace("-", " ", 1) if name.split("-", 1)[0] in GROUPS else name


def resolve_name(words: list[str]) -> tuple[Document, list[str]]:
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
    hint = f" (did you mean '{shown_name(close[0])}'?)" if close else ""
    raise RenderError(f"unknown document '{words[0]}'{hint}; documents: {', '.join(choices())}")


def choices() -> list[str]:
    return [shown_name(name) for name in DOCUMENTS] + ["all"]


def cli_help() -> str:
    """The DOC argument's help: every document of the registry, then ``all``."""
    names = choices()
    return f"Document: {', '.join(names[:-1])}, or {names[-1]}."


__all__ = [
    "DOCUMENTS",
    "GROUPS",
    "Build",
    "Document",
    "Per",
    "choices",
    "cli_help",
    "resolve_name",
    "shown_name",
]
