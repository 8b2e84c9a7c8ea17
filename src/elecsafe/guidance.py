"""The published guidance elecsafe implements: one registry for every citation.

Rule documentation (``elecsafe rule CODE``, ``docs/rules.md``), SARIF help, documents and
``elecsafe guidance`` cite a publication through this registry: publisher, title, date,
section and, where one exists, its public address. Prose elsewhere names a publication by
its short name ("APP Threat assessment", "Roadmap §VII", "Public Safety & Elections, Draft
and update mutual aid agreements"); :func:`citations` finds those names and the sections
that follow them, so a rule's rationale and its structured citations cannot drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Publication:
    key: str  # stable, for JSON and SARIF tags
    short: str  # how prose names it
    publisher: str | None
    title: str
    date: str
    address: str | None
    sections: tuple[tuple[str, str], ...]  # (how prose names the section, its heading)
    applies: str = ""  # where it applies, when not everywhere

    @property
    def full(self) -> str:
        who = f"{self.publisher}, " if self.publisher else ""
        return f"{who}{self.title} ({self.date})"

    def heading(self, section: str) -> str:
        return dict(self.sections).get(section, section)


@dataclass(frozen=True)
class Citation:
    publication: Publication
    section: str | None  # the section's short name, None: the publication as a whole

    @property
    def short(self) -> str:
        """ "APP, Threat assessment", "Roadmap §VII"."""
        pub = self.publication
        if self.section is None:
            return pub.short
        if pub.key == "roadmap":
            return f"{pub.short} §{self.section}"
        return f"{pub.short}, {self.section}"

    @property
    def text(self) -> str:
        """The full reference a reader can find: publisher, title, date, section, address."""
        pub = self.publication
        out = pub.full
        if self.section is not None:
            out += f", section “{pub.heading(self.section)}”"
        if pub.address:
            out += f" — {pub.address}"
        return out


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")
_PSG_SECTIONS = (
    ("Introduction", "Section 2 introduction"),
    ("Identify resource gaps prior to election season", "Identify resource gaps prior "
     "to election season"),
    ("Draft and update mutual aid agreements", "Draft and update mutual aid "
     "agreements to reflect the jurisdiction's needs and anticipated incoming requests"),
    ("Interdepartmental training and scenario planning", "Consider holding "
     "interdepartmental training and scenario planning"),
)  # fmt: skip

PUBLICATIONS: tuple[Publication, ...] = (
    Publication(
        key="app",
        short="APP",
        publisher="College of Policing",
        title="Authorised Professional Practice: Policing elections — Key roles and planning",
        date="first published 7 November 2014, updated 25 March 2021",
        address=None,
        applies="police forces in England and Wales",
        sections=tuple(
            (name, name)
            for name in (
                "Key roles",
                "Chief officers",
                "Force election single point of contact",
                "Commanders",
                "Neighbourhood inspectors",
                "Neighbourhood policing teams",
                "Senior investigating officer",
                "Electoral registration officer",
                "Returning officer",
                "Electoral services manager",
                "Electoral Commission",
                "Crown Prosecution Service",
                "Command and planning considerations",
                "Threat assessment",
                "Election-day considerations",
                "Partnership working",
                "Partners",
                "Pre-election planning",
                "Memorandum of understanding",
                "Recommended timetable of events for a May election",
                "Recommended timetable of events",
                "Communication strategy",
                "Communication",
                "Impartiality",
                "Candidates and campaigners",
                "Harassment, Intimidation and Threatening Behaviour",
                "Communities",
                "Media",
                "Post-election debrief",
                "Organisational learning",
                "Post election",
            )
        ),
    ),
    Publication(
        key="roadmap",
        short="Roadmap",
        publisher=None,
        title="Building and Maintaining Relationships with Law Enforcement: A Roadmap for "
        "Election Officials",
        date="updated 6 September 2024",
        address=None,
        applies="US election offices",
        sections=tuple(
            zip(
                _ROMAN,
                (
                    "I. Identify relevant LE stakeholders in the community",
                    "II. Identify what your office needs and can expect from LE",
                    "III. Consider strategies for engaging with LE",
                    "IV. Prepare for the initial meeting with LE representatives",
                    "V. Set an informed agenda for the initial meeting",
                    "VI. Develop a plan for continued collaboration",
                    "VII. Identify methods for maintaining the relationship as election "
                    "season ramps up",
                ),
                strict=True,
            )
        ),
    ),
    Publication(
        key="public-safety-guide",
        short="Public Safety & Elections",
        publisher="National Policing Institute, States United Democracy Center and 21st "
        "Century Policing Solutions",
        title="Public Safety & Elections: A Guide for Law Enforcement, Section 2: Interagency "
        "Collaboration and Mutual Aid",
        date="July 2024",
        address=None,
        applies="US law enforcement agencies",
        sections=_PSG_SECTIONS,
    ),
    Publication(
        key="csse",
        short="CSSE",
        publisher="Committee for Safe and Secure Elections",
        title="Our mission and principles",
        date="undated web page",
        address=None,
        sections=(("Our Mission", "Our Mission"), ("Our Principles", "Our Principles")),
    ),
    Publication(
        key="building-partnerships",
        short="Building Partnerships",
        publisher="The Elections Group",
        title="Election Communications Back to the Basics: Building Partnerships",
        date="11 September 2024",
        address="https://electionsgroup.com/election-communications-back-to-the-basics-building-partnerships/",
        sections=(
            ("General principles", "General principles of building partnerships"),
            ("Types of Partnerships", "Types of Partnerships"),
        ),
    ),
)

BY_KEY: dict[str, Publication] = {p.key: p for p in PUBLICATIONS}


def cite(key: str, section: str | None = None) -> Citation:
    """A citation by publication key and section short name; unknown ones are a bug."""
    publication = BY_KEY[key]
    if section is not None and section not in dict(publication.sections):
        raise KeyError(f"{key} has no section {section!r}")
    return Citation(publication, section)


@cache
def _pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(p.short) for p in sorted(PUBLICATIONS, key=lambda p: -len(p.short)))
    return re.compile(rf"(?<![\w&])({names})(?![\w])")


def _sections_after(publication: Publication, rest: str) -> list[str]:
    """The sections named right after a publication's short name in ``rest``."""
    if publication.key == "roadmap":
        match = re.match(r"\s*§\s*([IVX]+(?:(?:,\s*| and |\s*–\s*|-)[IVX]+)*)", rest)
        if not match:
            return []
        return [s for s in re.findall(r"[IVX]+", match.group(1)) if s in _ROMAN]
    rest = re.sub(r"^[,:]?\s*[\"“‘']?", "", rest)
    names = sorted((name for name, _ in publication.sections), key=len, reverse=True)
    for name in names:
        if rest.lower().startswith(name.lower()):
            return [name]
    return []


def citations(text: str) -> list[Citation]:
    """Every publication ``text`` names, with the sections it names, in order, once each."""
    found: list[Citation] = []
    for match in _pattern().finditer(text):
        publication = next(p for p in PUBLICATIONS if p.short == match.group(1))
        sections = _sections_after(publication, text[match.end() : match.end() + 120])
        named: list[str | None] = list(sections) or [None]
        for section in named:
            citation = Citation(publication, section)
            if citation not in found:
                found.append(citation)
    # a publication cited by section needs no bare entry as well
    cited = {c.publication.key for c in found if c.section is not None}
    return [c for c in found if c.section is not None or c.publication.key not in cited]


# Which document sections implement which guidance: what `elecsafe guidance` lists beside the
# rules. (document, section of the document, citation)
DOCUMENT_SECTIONS: tuple[tuple[str, str, Citation], ...] = (
    ("mou", "the agreement", cite("app", "Memorandum of understanding")),
    ("mou", "points of contact", cite("roadmap", "IV")),
    ("mou", "meetings and continued collaboration", cite("roadmap", "VI")),
    ("maa", "the nine topics as articles", cite("public-safety-guide", "Draft and update mutual aid agreements")),
    ("maa", "key restrictions for incoming officers", cite("public-safety-guide", "Interdepartmental training and scenario planning")),
    ("checklist-pre-election", "planning considerations", cite("app", "Command and planning considerations")),
    ("checklist-pre-election", "timetable", cite("app", "Recommended timetable of events for a May election")),
    ("checklist-pre-election", "relationship with law enforcement", cite("roadmap", "VII")),
    ("checklist-election-day", "election-day considerations", cite("app", "Election-day considerations")),
    ("checklist-spoc-esm", "SPOC and ESM topics", cite("app", "Force election single point of contact")),
    ("command-chart", "gold, silver and bronze", cite("app", "Commanders")),
    ("command-chart", "separation of investigations", cite("app", "Senior investigating officer")),
    ("comms-plan", "communication strategy", cite("app", "Communication strategy")),
    ("comms-plan", "threat reporting channels", cite("roadmap", "VI")),
    ("briefing", "key messages and conduct at polling places", cite("app", "Impartiality")),
    ("briefing", "electoral offences: arrest and evidence", cite("app", "Election-day considerations")),
    ("briefing", "intelligence and community tension", cite("app", "Neighbourhood policing teams")),
    ("briefing", "community engagement strategies", cite("app", "Communities")),
    ("briefing", "threat and intelligence reporting (US)", cite("roadmap", "VI")),
    ("debrief", "the eight considerations", cite("app", "Post-election debrief")),
    ("debrief", "lessons for the next plan", cite("app", "Organisational learning")),
    ("debrief", "Electoral Commission and gold debriefs, with dates", cite("app", "Recommended timetable of events for a May election")),
    ("debrief", "after-action review (US)", cite("roadmap", "VII")),
    ("site-register", "vulnerability and police presence", cite("app", "Election-day considerations")),
    ("site-register", "sites and their security", cite("roadmap", "II")),
)  # fmt: skip


def source_label(code: str, rest: str) -> str | None:
    """A planning-consideration key's source ("s000", "i ...") as prose names it, or None."""
    legacy = {"s000": "roadmap", "s001": "public-safety-guide", "s002": "app", "s003": "csse",
              "s004": "building-partnerships"}  # fmt: skip
    key = legacy.get(code.lower())
    if key is None:
        return None
    publication = BY_KEY[key]
    section = rest.upper()
    if key == "roadmap" and section in _ROMAN:
        return f"{publication.short} §{section}"
    return publication.short


__all__ = [
    "BY_KEY",
    "DOCUMENT_SECTIONS",
    "PUBLICATIONS",
    "Citation",
    "Publication",
    "citations",
    "cite",
    "source_label",
]
