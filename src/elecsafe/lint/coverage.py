"""What ``elecsafe guidance`` prints: each publication's sections, with the rules and document
sections that implement them (a coverage matrix of the guidance)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from elecsafe.guidance import DOCUMENT_SECTIONS, PUBLICATIONS, Publication
from elecsafe.lint.registry import Rule


@dataclass
class SectionCoverage:
    name: str
    heading: str
    rules: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # "mou: points of contact"


@dataclass
class PublicationCoverage:
    publication: Publication
    sections: list[SectionCoverage]
    whole: list[str]  # rules citing the publication without a section


def coverage(rules: Iterable[Rule]) -> list[PublicationCoverage]:
    out = []
    chosen = list(rules)
    for publication in PUBLICATIONS:
        sections = {name: SectionCoverage(name, heading) for name, heading in publication.sections}
        whole: list[str] = []
        for rule in chosen:
            for citation in rule.citations:
                if citation.publication is not publication:
                    continue
                target = whole if citation.section is None else sections[citation.section].rules
                if rule.code not in target:
                    target.append(rule.code)
        for document, part, citation in DOCUMENT_SECTIONS:
            if citation.publication is publication and citation.section is not None:
                sections[citation.section].documents.append(f"{document}: {part}")
        out.append(PublicationCoverage(publication, list(sections.values()), whole))
    return out


def _none(items: list[str]) -> str:
    return ", ".join(items) if items else "—"


def as_text(report: list[PublicationCoverage]) -> str:
    lines: list[str] = []
    for entry in report:
        pub = entry.publication
        lines.append(pub.full)
        if pub.address:
            lines.append(f"  {pub.address}")
        if pub.applies:
            lines.append(f"  applies to {pub.applies}; cited as “{pub.short}”")
        else:
            lines.append(f"  cited as “{pub.short}”")
        for section in entry.sections:
            lines.append(f"  {section.heading}")
            lines.append(f"      rules:     {_none(section.rules)}")
            lines.append(f"      documents: {_none(section.documents)}")
        if entry.whole:
            lines.append(f"  (the publication as a whole) rules: {_none(entry.whole)}")
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def as_markdown(report: list[PublicationCoverage]) -> str:
    lines = ["# Guidance implemented by elecsafe", ""]
    for entry in report:
        pub = entry.publication
        lines.append(f"## {_cell(pub.title)}")
        lines.append("")
        meta = f"{pub.publisher}, {pub.date}" if pub.publisher else pub.date
        if pub.address:
            meta += f" · <{pub.address}>"
        lines.append(f"{meta} · cited as “{pub.short}”")
        lines.append("")
        lines.append("| Section | Rules | Documents |")
        lines.append("|---|---|---|")
        for section in entry.sections:
            lines.append(
                f"| {_cell(section.heading)} | {_none(section.rules)} | "
                f"{_cell(_none(section.documents))} |"
            )
        if entry.whole:
            lines.append(f"| (the publication as a whole) | {_none(entry.whole)} | — |")
        lines.append("")
    return "\n".join(lines)


def as_json(report: list[PublicationCoverage]) -> str:
    document = {
        "version": 1,
        "publications": [
            {
                "key": entry.publication.key,
                "short": entry.publication.short,
                "publisher": entry.publication.publisher,
                "title": entry.publication.title,
                "date": entry.publication.date,
                "address": entry.publication.address,
                "sections": [
                    {
                        "name": s.name,
                        "heading": s.heading,
                        "rules": s.rules,
                        "documents": s.documents,
                    }
                    for s in entry.sections
                ],
                "rules_citing_the_whole": entry.whole,
            }
            for entry in report
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


__all__ = ["as_json", "as_markdown", "as_text", "coverage"]
