"""Regenerate the tracked holiday data in ``elecsafe/dates/calendars/*.json``.

Run ``python -m elecsafe.dates.generate_calendars`` with the ``holidays`` package installed
(it is a test dependency, not a runtime one).

Why tracked data instead of ``holidays`` at run time: ``holidays`` costs ~84 ms to import and
pins ``python-dateutil<3`` (libs.md §2.3); ``elecsafe check`` must stay fast. A git diff of these
files also shows reviewers exactly which days changed when the package learns of a new bank
holiday. Days appointed later (a state funeral, a jubilee) go in the plan's
``timetable.extra_excluded_days`` until the data is regenerated.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

FIRST_YEAR, LAST_YEAR = 2010, 2045
OUT = Path(__file__).resolve().parent / "calendars"

# data file stem -> (country, subdivision) in the holidays package
DATASETS: dict[str, tuple[str, str | None]] = {
    "gb-england-and-wales": ("GB", "ENG"),
    "gb-scotland": ("GB", "SCT"),
    "gb-northern-ireland": ("GB", "NIR"),
    "us-federal": ("US", None),
}


def generate(stem: str) -> dict[str, Any]:
    import holidays

    country, subdiv = DATASETS[stem]
    found = holidays.country_holidays(
        country, subdiv=subdiv, years=range(FIRST_YEAR, LAST_YEAR + 1)
    )
    days: dict[date, str] = dict(found.items())
    return {
        "source": f"holidays {getattr(holidays, '__version__', '?')}: country_holidays({country!r}, subdiv={subdiv!r})",
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "days": {d.isoformat(): days[d] for d in sorted(days)},
    }


def render(stem: str) -> str:
    return json.dumps(generate(stem), indent=1, ensure_ascii=False) + "\n"


def main() -> int:
    from elecsafe.writes import write_text_atomic

    for stem in DATASETS:
        write_text_atomic(OUT / f"{stem}.json", render(stem))
        print(f"wrote {OUT / f'{stem}.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
