"""Contact list (ICS 205A style): one row per person and organisation, every position held."""

from __future__ import annotations

from typing import Any

from elecsafe.render.documents.sources import Sources, items


def build(src: Sources, _: None = None) -> dict[str, Any]:
    """ICS 205A rows: one per person and organisation, with every position they hold."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for role in items(src.view.roles):
        on_polling_day = src.lookups.on_polling_day(role)
        for which, person_id in zip(("holder", "deputy"), on_polling_day, strict=True):
            if not person_id:
                continue
            person = src.lookups.person(person_id)
            name = person.display_name if person is not None else person_id
            org = src.lookups.org_name(role.organisation)
            position = str(src.lookups.role_name(role.id, with_org=False))
            position += " (deputy)" if which == "deputy" else ""
            key = (str(person_id), str(org))
            if key in rows:
                if position not in rows[key]["positions"]:
                    rows[key]["positions"].append(position)
                continue
            methods = []
            if isinstance(src.contacts, dict) and person_id in src.contacts:
                methods = items(src.contacts[person_id].contact_methods)
            rows[key] = {"name": name, "positions": [position], "org": org, "methods": methods}
    out = []
    for row in rows.values():
        row["position"] = "; ".join(row["positions"])
        out.append(row)
    out.sort(key=lambda r: (str(r["name"]).lower(), str(r["org"])))
    return {"rows": out}
