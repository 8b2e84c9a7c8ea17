"""One formatter per date style, in English whatever the process locale."""

from __future__ import annotations

from datetime import date, datetime

from elecsafe.dates.style import as_day, compact, long, short

DAY = date(2027, 5, 6)


def test_country_styles() -> None:
    assert long(DAY, "GB") == "Thursday 6 May 2027"
    assert long(date(2028, 11, 7), "US") == "Tuesday, November 7, 2028"
    assert short(DAY, "GB") == "6 May 2027"
    assert short(date(2028, 11, 7), "US") == "Nov 7, 2028"
    assert compact(DAY) == "Thu 06 May 2027" and compact(DAY, year=False) == "Thu 06 May"
    assert long("poll - 25 working days", "GB") == "poll - 25 working days"


def test_as_day_reads_days_not_expressions() -> None:
    assert as_day(datetime(2027, 5, 6, 22, 0)) == DAY
    assert as_day("2027-05-06") == DAY and as_day("2027-05-06 10:00") == DAY
    assert as_day("2027-05-06 + 2 weeks") is None
    assert as_day("2027-02-31") is None
