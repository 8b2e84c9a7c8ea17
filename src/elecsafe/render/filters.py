"""Template filters: national date styles and lookups of people, roles and organisations.

Lookups read the *redacted* view, so ``{{ role_id | role_holder }}`` prints a name only when
the audience may see it; otherwise the withheld marker.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from elecsafe.model.roles import ROLE_CATALOGUE
from elecsafe.render.redact import Record, Withheld

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def long_date(value: Any, country: str) -> Any:
    """GB "Thursday 6 May 2027"; US "Tuesday, November 7, 2028"."""
    day = _day(value)
    if day is None:
        return value
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    if country == "US":
        return f"{weekday}, {month} {day.day}, {day.year}"
    return f"{weekday} {day.day} {month} {day.year}"


def short_date(value: Any, country: str) -> Any:
    """GB "6 May 2027"; US "Nov 7, 2028"."""
    day = _day(value)
    if day is None:
        return value
    if country == "US":
        return f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year}"
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def humanize(value: Any) -> Any:
    """``polling_place`` -> "Polling place"."""
    if not isinstance(value, str) or not value:
        return value
    text = value.replace("_", " ")
    return text[0].upper() + text[1:]


def role_kind_label(kind: Any) -> Any:
    info = ROLE_CATALOGUE.get(kind) if isinstance(kind, str) else None
    return info.label if info else humanize(kind)


class Lookups:
    """Entities of the redacted view by id."""

    def __init__(self, view: Record) -> None:
        self.view = view
        self.people = self._by_id(view.people)
        self.roles = self._by_id(view.roles)
        self.organisations = self._by_id(view.organisations)
        self.sites = self._by_id(view.sites)
        self.jurisdictions = self._by_id(view.jurisdictions)
        self.elections = self._by_id(view.elections)

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

    def role_holder(self, role_id: Any) -> Any:
        role = self.role(role_id)
        if role is None or isinstance(role, Withheld):
            return role
        return self.person_name(role.holder) if role.holder else None

    def role_deputy(self, role_id: Any) -> Any:
        role = self.role(role_id)
        if role is None or isinstance(role, Withheld):
            return role
        return self.person_name(role.deputy) if role.deputy else None

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
