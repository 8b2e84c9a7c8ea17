"""Site register: sites with where they are, access notes and police presence."""

from __future__ import annotations

from typing import Any

from elecsafe.model.sites import ASSESSED_KINDS, Site
from elecsafe.render.documents.sources import Sources, items
from elecsafe.render.redact import Record, is_withheld


def build(src: Sources, _: None = None) -> dict[str, Any]:
    sites = items(src.view.sites)
    register: list[Record] = []
    locations: list[Any] = []
    access: list[Record] = []
    # the view lists the plan's sites in order; ids may be withheld, so pair by position
    for raw, site in zip(src.plan.sites, sites, strict=False):
        if not isinstance(site, Record):
            continue
        register.append(site)
        locations.append(_location(raw, site))
        if raw.access_notes:
            if is_withheld(site.access_notes):
                bool(site.access_notes)  # named in the "withheld" box
            else:
                access.append(Record({"site": site, "notes": site.access_notes}))
    return {
        "register": register,
        "locations": locations,
        "access": access,
        "presence": src.presence_windows(),
        "assessed_kinds": sorted(ASSESSED_KINDS),
    }


def _location(raw: Site, site: Record) -> Any:
    """Where a site is, at the level this edition may see: the public address, else the
    partners or restricted address. A non-public address above the audience is the
    withheld marker (named in the "withheld" box), touched only when the site has one."""
    if raw.address:
        return site.address
    for name in ("partners_address", "restricted_address"):
        if getattr(raw, name):
            value = getattr(site, name)
            bool(value)  # a withheld marker logs itself
            return value
    return None
