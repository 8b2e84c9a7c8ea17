"""Template filters: national date styles and lookups of people, roles and organisations.

Lookups read the *redacted* view, so ``{{ role_id | role_holder }}`` prints a name only when
the audience may see it; otherwise the withheld marker.
"""

from __future__ import annotations

import re
from typing import Any

from elecsafe.dates import style
from elecsafe.guidance import source_label
from elecsafe.model.labels import ENUM_LABELS
from elecsafe.model.roles import ROLE_CATALOGUE
from elecsafe.render.redact import Record, Withheld

# The country date styles (``{{ day | longdate }}``): THE formatters, in elecsafe.dates.style.
long_date = style.long
short_date = style.short


# Words written in capitals in documents (acronyms, initialisms) and words with a fixed case.
ACRONYMS = {
    "app": "APP", "bcu": "BCU", "cctv": "CCTV", "cisa": "CISA", "coml": "COML", "cps": "CPS",
    "deo": "DEO", "doj": "DOJ", "ec": "EC", "ecc": "ECC", "eoc": "EOC", "ero": "ERO",
    "esm": "ESM", "fbi": "FBI", "feoa": "FEOA", "gsb": "GSB", "hava": "HAVA", "hit": "HIT",
    "hmo": "HMO", "ic": "IC", "ics": "ICS", "la": "LA", "le": "LE", "lrf": "LRF", "maa": "MAA",
    "mou": "MoU", "mous": "MoUs", "npcc": "NPCC", "npt": "NPT", "npwg": "NPWG", "pcso": "PCSO",
    "pfr": "PFR", "pio": "PIO", "poc": "POC", "pocs": "POCs", "psa": "PSA", "psu": "PSU",
    "rag": "RAG", "ro": "RO", "sio": "SIO", "sopn": "SOPN", "spoc": "SPOC", "spocs": "SPOCs",
    "uocava": "UOCAVA", "uk": "UK", "vac": "VAC",
}  # fmt: skip
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
_SOURCE_CODE = re.compile(r"^[a-z]\d{3}$")  # a planning-consideration key naming its source


# Enumerated values as a reader expects them, by the field they come from. Values missing
# here fall back to :func:`humanize`.
def humanize(value: Any) -> Any:
    """``polling_place`` -> "Polling place"; ``hit-malpractice-separation`` -> "HIT malpractice
    separation"; ``s000-iii-engagement-strategy`` -> "Roadmap §III: engagement strategy"."""
    if not isinstance(value, str) or not value:
        return value
    words = [w for w in re.split(r"[_\s-]+", value) if w]
    if not words:
        return value
    out = [ACRONYMS.get(word.lower(), word) for word in words]
    if _SOURCE_CODE.match(words[0].lower()):  # a planning consideration from the guidance
        source = source_label(words[0], words[1] if len(words) > 1 else "")
        if source is not None:
            numbered = len(words) > 2 and words[1].lower() in _ROMAN
            rest = " ".join(out[2:] if numbered else out[1:])
            return f"{source}: {rest[0].upper()}{rest[1:]}" if rest else source
    text = " ".join(out)
    return text[0].upper() + text[1:]


def label(value: Any, kind: str = "") -> Any:
    """An enumerated value as a reader expects it: ``us_polling_place`` -> "Polling place"."""
    if not isinstance(value, str):
        return value
    table = ENUM_LABELS.get(kind, {})
    if value in table:
        return table[value]
    return humanize(value)


def role_kind_label(kind: Any) -> Any:
    info = ROLE_CATALOGUE.get(kind) if isinstance(kind, str) else None
    return info.label if info else humanize(kind)


class Lookups:
    """Entities of the redacted view by id."""

    def __init__(self, view: Record, handovers: dict[str, tuple[Any, Any]] | None = None) -> None:
        self.view = view
        # role id -> (holder, deputy) on the day documents speak of (polling day), for roles
        # that change hands during the plan; other roles read their own holder and deputy
        self.handovers = handovers or {}
        self.people = self._by_id(view.people)
        self.roles = self._by_id(view.roles)
        self.organisations = self._by_id(view.organisations)
        self.sites = self._by_id(view.sites)
        self.jurisdictions = self._by_id(view.jurisdictions)
        self.elections = self._by_id(view.elections)
        labels: dict[str, int] = {}
        if not isinstance(self.roles, Withheld):
            for role in self.roles.values():
                labels[str(role.label)] = labels.get(str(role.label), 0) + 1
        self._label_count = labels

    @staticmethod
    def _by_id(items: Any) -> dict[str, Any] | Withheld:
        if isinstance(items, Withheld):
            return items
        return {item.id: item for item in items if isinstance(item, Record)}

    @staticmethod
    def _get(table: dict[str, Any] | Withheld, key: Any) -> Any:
        if isinstance(table, Withheld):
            return table
        if isinstance(key, Withheld):
            return key
        return table.get(key) if isinstance(key, str) else None

    def person(self, person_id: Any) -> Any:
        return self._get(self.people, person_id)

    def person_name(self, person_id: Any) -> Any:
        person = self.person(person_id)
        if person is None:
            return person_id
        return person.display_name

    def person_title(self, person_id: Any) -> Any:
        person = self.person(person_id)
        return person.title if person is not None else None

    def role(self, role_id: Any) -> Any:
        return self._get(self.roles, role_id)

    def role_label(self, role_id: Any) -> Any:
        role = self.role(role_id)
        return role.label if role is not None else role_id

    def role_name(self, role_id: Any, with_org: bool = True) -> Any:
        """The role's label, told apart from roles with the same label by its area or
        organisation ("BCU crime SPOC (North Severnshire BCU)", "Chief of Police (Fenwick
        Police Department)"): for lists without an organisation column."""
        role = self.role(role_id)
        if role is None or isinstance(role, Withheld):
            return self.role_label(role_id)
        label = role.label
        if self._label_count.get(str(label), 0) < 2:
            return label
        scope = role.scope
        places = list(scope.jurisdictions) if isinstance(scope, Record) else []
        qualifier: Any = ", ".join(str(self.jurisdiction_name(j)) for j in places)
        if not qualifier:
            if not with_org:
                return label
            qualifier = self.org_name(role.organisation)
        if isinstance(qualifier, Withheld) or str(qualifier) in str(label):
            return label
        return f"{label} ({qualifier})"

    def on_polling_day(self, role: Record) -> tuple[Any, Any]:
        """Holder and deputy ids of a (visible) role on the day documents speak of."""
        return self.handovers.get(str(role.id), (role.holder, role.deputy))

    def role_holder(self, role_id: Any) -> Any:
        role = self.role(role_id)
        if role is None or isinstance(role, Withheld):
            return role
        holder = self.on_polling_day(role)[0]
        return self.person_name(holder) if holder else None

    def role_deputy(self, role_id: Any) -> Any:
        role = self.role(role_id)
        if role is None or isinstance(role, Withheld):
            return role
        deputy = self.on_polling_day(role)[1]
        return self.person_name(deputy) if deputy else None

    def role_org(self, role_id: Any) -> Any:
        role = self.role(role_id)
        if role is None or isinstance(role, Withheld):
            return role
        return self.org_name(role.organisation)

    def org(self, org_id: Any) -> Any:
        return self._get(self.organisations, org_id)

    def org_name(self, org_id: Any) -> Any:
        org = self.org(org_id)
        return org.name if org is not None else org_id

    def site_name(self, site_id: Any) -> Any:
        site = self._get(self.sites, site_id)
        return site.name if site is not None else site_id

    def jurisdiction_name(self, jurisdiction_id: Any) -> Any:
        found = self._get(self.jurisdictions, jurisdiction_id)
        return found.name if found is not None else jurisdiction_id

    def election_name(self, election_id: Any) -> Any:
        found = self._get(self.elections, election_id)
        return found.name if found is not None else election_id

    def party_name(self, party_id: Any) -> Any:
        """A role, organisation or person id (meeting participants)."""
        if self.role(party_id) is not None and not isinstance(self.roles, Withheld):
            return self.role_label(party_id)
        if self.org(party_id) is not None:
            return self.org_name(party_id)
        return self.person_name(party_id)
