"""Pattern scanner for personal data in free text: phone numbers (UK and US), e-mail
addresses, street addresses and postcodes/ZIP codes; and a person-name finder.

Used by PRV005 (the whole tracked plan) and THR008 (the threat assessment). It returns the
*kind* of what it found, never the text: findings must not copy personal data into CI logs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from elecsafe.findings import KeyPath

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an e-mail address", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")),
    # UK mobile: 07700 900123, 07700900123, +44 7700 900123, +447700 900 123
    (
        "a phone number",
        re.compile(r"(?<![\w+])(?:\+44\s?|\(?0)7\d{3}\)?[\s-]?\d{3}[\s-]?\d{3}(?![\w-])"),
    ),
    # UK landline: 020 7946 0018, 0117 496 0123, 01632 960123, +44 20 7946 0018
    (
        "a phone number",
        re.compile(
            r"(?<![\w+])(?:\+44\s?\(?0?\)?|\(?0)[1-3]\d{1,3}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w-])"
        ),
    ),
    # US: (555) 555-0142, 555-555-0142, 555.555.0142, +1 555 555 0142
    (
        "a phone number",
        re.compile(
            r"(?<![\w.-])(?:\+?1[\s.-]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[\s.-])"
            r"[2-9]\d{2}[\s.-]\d{4}(?![\w-])"
        ),
    ),
    # US local seven digits: 555-0142
    ("a phone number", re.compile(r"(?<![\w.\-/§])[2-9]\d{2}-\d{4}(?![\w-])")),
    # UK postcode: SV1 2AB, EC1A 1BB
    ("a postcode", re.compile(r"(?<![\w-])[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}(?![\w-])")),
    # US state + ZIP: WL 55501, WL 55501-1234
    ("a ZIP code", re.compile(r"(?<![\w.])[A-Z]{2} \d{5}(?:-\d{4})?(?![\w-])")),
    # house number + street: 12 Acacia Avenue, 400 N Main St
    (
        "a street address",
        re.compile(
            r"(?<![\w-])\d{1,5}[A-Za-z]?,?\s+(?:[NSEW]\.?\s+)?(?:[A-Z][A-Za-z'-]+\s+){1,3}"
            r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|"
            r"Place|Pl|Close|Crescent|Terrace|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Gardens|Grove)"
            r"\b"
        ),
    ),
)


# One pass that rejects most strings; the per-kind patterns run only on a hit.
_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _PATTERNS))
_HINT = re.compile(r"[0-9@]")
_SLUG = re.compile(r"[a-z0-9._-]*[a-z][a-z0-9._-]*")  # ids and references: never contact data


def scan(text: str) -> list[str]:
    """The kinds of personal data ``text`` seems to contain (empty if none), in order."""
    if len(text) < 7 or not _HINT.search(text) or _SLUG.fullmatch(text) or not _ANY.search(text):
        return []
    kinds: list[str] = []
    for kind, pattern in _PATTERNS:
        if kind not in kinds and pattern.search(text):
            kinds.append(kind)
    return kinds


def strings(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every string value in raw plan data, with its key path (iterative: no recursion limit)."""
    stack: list[tuple[KeyPath, Any]] = [(path, data)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, str):
            yield here, value
        elif isinstance(value, dict):
            stack.extend(((*here, k), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend(((*here, i), v) for i, v in reversed(list(enumerate(value))))


_WORD = re.compile(r"[a-z][a-z'.-]*")


def _words(text: str) -> list[str]:
    return [w.strip(".'-") for w in _WORD.findall(text.lower())]


class NameFinder:
    """Finds people's full names (two to four words) in text, in time linear in the text."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self.names: dict[tuple[str, ...], str] = {}
        for person_id, name in names:
            words = tuple(_words(name))
            if 2 <= len(words) <= 4 and sum(len(w) for w in words) >= 5:
                self.names.setdefault(words, person_id)

    def find(self, text: str) -> str | None:
        if not self.names:
            return None
        words = _words(text)
        for size in (2, 3, 4):
            for start in range(len(words) - size + 1):
                person = self.names.get(tuple(words[start : start + size]))
                if person is not None:
                    return person
        return None
