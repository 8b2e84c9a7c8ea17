"""The tracked holiday data is exactly what the committed generator produces."""

from __future__ import annotations

import json

import pytest

from elecsafe.dates.generate_calendars import DATASETS, OUT, render


@pytest.mark.parametrize("stem", sorted(DATASETS))
def test_tracked_data_matches_the_generator(stem: str) -> None:
    holidays = pytest.importorskip("holidays")
    tracked = (OUT / f"{stem}.json").read_text(encoding="utf-8")
    recorded = json.loads(tracked)["source"]
    if not recorded.startswith(f"holidays {holidays.__version__}:"):
        pytest.skip(f"data generated with {recorded.split(':')[0]}, not {holidays.__version__}")
    assert render(stem) == tracked, "run: python -m elecsafe.dates.generate_calendars"


@pytest.mark.parametrize("stem", sorted(DATASETS))
def test_tracked_data_is_sorted_and_covers_the_supported_years(stem: str) -> None:
    data = json.loads((OUT / f"{stem}.json").read_text(encoding="utf-8"))
    days = list(data["days"])
    assert days == sorted(days)
    assert (data["first_year"], data["last_year"]) == (2010, 2045)
    assert days[0].startswith("2010-") and days[-1].startswith("2045-")
