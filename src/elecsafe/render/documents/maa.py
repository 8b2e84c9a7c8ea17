"""Mutual aid agreement: the nine topics as articles, the further clauses, key restrictions."""

from __future__ import annotations

import re
from typing import Any

from elecsafe.model.agreements import MAA_CLAUSES, MAA_TOPICS, UK_MAA_CLAUSES
from elecsafe.render.documents.sources import Sources, items
from elecsafe.render.redact import Record
from elecsafe.render.vocabulary import words

# A clause reference that names itself ("Article 4", "Section 2.1", "§ 7") can head an article.
_NAMED_CLAUSE = re.compile(r"^(article|section|clause|part|schedule|annex|§)\s*\S", re.IGNORECASE)


def build(src: Sources, maa: Any) -> dict[str, Any]:
    topics = []
    source = maa.topics if isinstance(maa, Record) else None
    for number, (key, title) in enumerate(MAA_TOPICS.items(), start=1):
        topic = getattr(source, key) if isinstance(source, Record) else source
        title = words(title, src.plan.country)
        topics.append({"number": number, "key": key, "title": title, "topic": topic})
    # Articles are numbered by the agreement's own clauses when every topic names one
    # ("Article 4"), so the text's cross-references ("see Article 10") match the headings.
    clauses = [t["topic"].clause if isinstance(t["topic"], Record) else None for t in topics]
    named = all(c and _NAMED_CLAUSE.match(str(c)) for c in clauses) and len(set(clauses)) == len(
        clauses
    )
    for t, clause in zip(topics, clauses, strict=True):
        t["heading"] = (
            f"{clause}. {t['title']}" if named else f"Article {t['number']}. {t['title']}"
        )
        t["reference"] = None if named else clause
    parties = items(getattr(maa, "parties", None)) if isinstance(maa, Record) else []
    aid = [p for p in parties if p.role in ("aid_providing", "both")]
    restrictions = [
        t for t in topics if isinstance(t["topic"], Record) and t["topic"].key_restriction
    ]
    extra = []
    training = []
    termination = None
    if isinstance(maa, Record):
        uk = src.plan.country == "GB"
        for name, title in MAA_CLAUSES.items():
            title = words(UK_MAA_CLAUSES.get(name, title) if uk else title, "GB" if uk else "US")
            value = getattr(maa, name)
            if value:
                extra.append({"title": title, "text": value})
        for item_id in items(maa.joint_training):
            entry = src.timeline.title(item_id)
            if entry is not None:  # an entry this audience may not see is not named
                training.append({"title": entry, "due": src.timeline.due(item_id)})
        termination = _termination(maa.termination, len(parties))
    return {
        "maa": maa,
        "topics": topics,
        "aid_parties": aid,
        "restrictions": restrictions,
        "clauses": extra,
        "joint_training": training,
        "termination": termination,
    }


def _termination(termination: Any, parties: int) -> list[str]:
    """The termination clause: the text, and the notice period unless the text gives it."""
    if not isinstance(termination, Record):
        return []
    lines = []
    text = termination.text
    days = termination.notice_days
    who = "Either party" if parties <= 2 else "Any party"
    if days is not None and not (text and re.search(rf"\b{days}\b", str(text))):
        lines.append(f"{who} may end its participation with {days} days' written notice.")
    if text:
        lines.append(str(text))
    return lines
