"""Country vocabulary in one place: the words elecsafe itself writes into documents.

Plan text is the plan's own and is never rewritten; what elecsafe writes (table headings,
labels, checklist items, clause titles) goes through :func:`words` (prose) or :func:`term`
(a named term), so a US document says "organization", "polling places" and "election
officials", and a UK document says "organisation", "polling stations" and "returning officer".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

# British spelling -> American spelling, whole words; capitalisation is kept.
SPELLINGS: dict[str, str] = {
    "organisation": "organization",
    "organisations": "organizations",
    "organisational": "organizational",
    "authorise": "authorize",
    "authorised": "authorized",
    "minimise": "minimize",
    "prioritise": "prioritize",
    "recognised": "recognized",
    "specialised": "specialized",
    "programme": "program",
    "licence": "license",
    "behaviour": "behavior",
    "defence": "defense",
}
# Phrases of the British system with no place in a US document (applied before spellings).
US_PHRASES: dict[str, str] = {
    "polling stations and count venues": "polling places and central count facilities",
    "entering polling stations": "entering polling places",
    "requests from the returning officer": "requests from election officials",
    "polling stations": "polling places",
    "polling station": "polling place",
    "returning officers": "election officials",
    "returning officer": "election officials",
    "polling and count staff": "poll workers and count staff",
    " (APP)": "",
    "fortnightly": "every two weeks",
    "force-wide": "agency-wide",
}
# Named terms templates ask for with ``term("…")``.
TERMS: dict[str, dict[str, str]] = {
    "organisation": {"GB": "organisation", "US": "organization"},
    "organisations": {"GB": "organisations", "US": "organizations"},
    "consideration": {"GB": "Consideration (APP)", "US": "Consideration"},
    "polling places": {"GB": "polling stations", "US": "polling places"},
    "returning officer": {"GB": "returning officer", "US": "election officials"},
}


def _match_case(source: str, target: str) -> str:
    if source.isupper() and len(source) > 1:
        return target.upper()
    if source[:1].isupper():
        return target[:1].upper() + target[1:]
    return target


@cache
def _spelling_pattern(american: bool) -> re.Pattern[str]:
    table = SPELLINGS if american else {v: k for k, v in SPELLINGS.items()}
    return re.compile(r"\b(" + "|".join(sorted(table, key=len, reverse=True)) + r")\b", re.I)


def _replacer(target: str) -> Callable[[re.Match[str]], str]:
    return lambda match: _match_case(match.group(0), target)


def words(text: str, country: str) -> str:
    """elecsafe's own prose in the words of ``country`` (GB or US)."""
    american = country == "US"
    if american:
        for british, us in US_PHRASES.items():
            text = re.compile(re.escape(british), re.I).sub(_replacer(us), text)
    table = SPELLINGS if american else {v: k for k, v in SPELLINGS.items()}
    return _spelling_pattern(american).sub(
        lambda m: _match_case(m.group(0), table[m.group(0).lower()]), text
    )


def term(name: str, country: str) -> str:
    """A named term for ``country``; ``Name`` capitalised gives a capitalised term."""
    entry = TERMS[name.lower()]
    value = entry["US" if country == "US" else "GB"]
    return _match_case(name, value)


__all__ = ["SPELLINGS", "TERMS", "term", "words"]
