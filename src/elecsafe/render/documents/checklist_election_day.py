"""Election-day checklist: sites by area with their polling-day hours, contacts, ballot transport."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from elecsafe.model.sites import ASSESSED_KINDS, ELECTION_DAY_CONSIDERATIONS
from elecsafe.render.documents import command_levels
from elecsafe.render.documents.checklist import hidden_line, item_line
from elecsafe.render.documents.sources import Sources, items
from elecsafe.render.filters import short_date
from elecsafe.render.redact import Record, is_withheld
from elecsafe.render.vocabulary import words

# Jurisdictions inside a council or municipality: their sites are listed with it.
SUB_AREA_KINDS = frozenset({"ward", "polling_district", "precinct", "county_division"})


def build(src: Sources, _: None = None) -> dict[str, Any]:
    sites = [s for s in items(src.view.sites) if isinstance(s, Record) and s.kind in ASSESSED_KINDS]
    channels = []
    reporting = src.view.threat_reporting
    if isinstance(reporting, Record):
        channels = items(reporting.channels)
    poll = src.timeline.poll_date
    visible, hidden = src.timetable()
    on_the_day = []
    for item, due in src.sorted_by_due(visible):
        if poll and due and due.day and poll <= due.day <= poll + timedelta(days=2):
            on_the_day.append(item_line(src, item, due))
    if hidden and on_the_day:
        on_the_day.append(hidden_line(hidden))
    return {
        "transports": transports(src),
        "considerations": [words(c, src.plan.country) for c in ELECTION_DAY_CONSIDERATIONS],
        "sites": sites,
        "areas": _by_area(src, sites),
        "gsb": command_levels.gsb(
            src, sites, lambda site: _row(src, site), lambda jid: _area_of(src, jid)
        ),
        "ics": command_levels.ics(src),
        "early_voting": early_voting(src, sites),
        "channels": channels,
        "poll_day": poll,
        "on_the_day": on_the_day,
    }


def _area_of(src: Sources, jid: Any) -> Any:
    """The area a site is listed under: the first jurisdiction up from ``jid`` that is not a
    ward-like sub-area (a ward's sites go with its council)."""
    if not isinstance(jid, str):
        return jid
    index = src.plan.index()
    chain = index.jurisdiction_chain(jid)
    for link in chain:
        found = index.jurisdictions.get(link)
        if found is None or found.kind not in SUB_AREA_KINDS or not found.parent:
            return link
    return chain[-1]


def _row(src: Sources, site: Record) -> Record:
    return Record({"site": site, "hours": _poll_day_hours(src, site)})


def _by_area(src: Sources, sites: list[Record]) -> list[Record]:
    """Sites grouped by council or municipality, each with its polling-day hours."""
    groups: dict[str, list[Record]] = {}
    for site in sites:
        name = str(src.lookups.jurisdiction_name(_area_of(src, site.jurisdiction)))
        groups.setdefault(name, []).append(_row(src, site))
    return [Record({"name": name, "sites": rows}) for name, rows in sorted(groups.items())]


def _windows(src: Sources, site: Record) -> tuple[list[Any], list[tuple[Any, Any, Any]]]:
    """The site's opening windows (a polling station has its place's), each with its first
    and last day resolved (None where a date does not resolve)."""
    plan_index = src.plan.index()
    index = plan_index.sites
    raw = index.get(site.id)
    if raw is not None and not raw.operating_windows and raw.parent_site in index:
        raw = index[raw.parent_site]
    models = list(raw.operating_windows) if raw is not None else []
    at = ("sites", plan_index.site_positions[raw.id]) if raw is not None else ()
    dated = []
    for j, model in enumerate(models):
        start = src.timeline.date_of(model.from_, (*at, "operating_windows", j, "from"))
        end = src.timeline.date_of(model.to, (*at, "operating_windows", j, "to"))
        dated.append(
            (model, start.day if start is not None else None, end.day if end is not None else None)
        )
    return models, dated


def _poll_day_hours(src: Sources, site: Record) -> str:
    """Opening hours on polling day and the day after (the count): the windows that
    cover those days, else every window. A site open only on other days (early voting before,
    the canvass after) shows its days, so nobody reads it as simply closed."""
    models, dated = _windows(src, site)
    poll = src.timeline.poll_date
    every = "; ".join(w.hours for w in models if w.hours)
    if poll is None or not models:
        return every
    shown, before = [], []
    for model, first, last in dated:
        if first is None or last is None:
            return every  # dates that do not resolve: show every window as written
        if first <= poll <= last:
            shown.append(model.hours or "open")
        elif first == poll + timedelta(days=1):
            day = short_date(first, src.plan.country)
            shown.append(f"{day}: {model.hours}" if model.hours else f"from {day}")
        else:  # early voting before, or a canvass after: its own days
            before.append(_period(src, model, first, last))
    if shown:
        return "; ".join(shown)
    return "; ".join(before) + f"; not open on {src.day_name}"


def _period(src: Sources, model: Any, first: Any, last: Any) -> str:
    days = str(short_date(first, src.plan.country))
    if last != first:
        days += f" – {short_date(last, src.plan.country)}"
    return f"{days}: {model.hours}" if model.hours else days


# Sites open to voters before polling day: where the early-voting weeks are policed.
EARLY_KINDS = frozenset({"early_voting_site", "ballot_drop_box", "vote_center"})


def early_voting(src: Sources, sites: list[Record]) -> list[Record]:
    """Early voting sites and drop boxes open before polling day, with their days and hours:
    the weeks before the poll when drop-box watchers and intimidation are most likely."""
    poll = src.timeline.poll_date
    rows = []
    for site in sites:
        if site.kind not in EARLY_KINDS:
            continue
        _, dated = _windows(src, site)
        periods = [
            _period(src, model, first, last)
            for model, first, last in dated
            if first is not None and last is not None and poll is not None and first < poll
        ]
        if periods:
            rows.append(Record({"site": site, "periods": "; ".join(periods)}))
    return rows


def transports(src: Sources) -> list[Record]:
    """Ballot transport between sites with its chain of custody and escort, for editions
    that may see it (restricted); below that the marker is named in the "withheld" box."""
    moves = src.view.ballot_transport
    if is_withheld(moves):
        if src.plan.ballot_transport:
            bool(moves)
        return []
    names = {s.id: s.name for s in src.plan.sites}
    rows = []
    pairs = zip(src.plan.ballot_transport, items(moves), strict=False)
    for i, (model, move) in enumerate(pairs):
        due = src.timeline.date_of(model.when, ("ballot_transport", i, "when"))
        when = ""
        if due is not None:
            when = str(short_date(due.day, src.plan.country)) if due.day else due.text
        if model.time:
            when = f"{when} {model.time}".strip()
        rows.append(
            Record(
                {
                    "move": move,
                    "from_name": names.get(model.from_site, model.from_site),
                    "to_name": names.get(model.to_site, model.to_site),
                    "when": when,
                }
            )
        )
    return rows
