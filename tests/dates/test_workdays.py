"""Working-day arithmetic: fixed cases from the statutes and hypothesis properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elecsafe.dates.workdays import (
    UK_DIVISIONS,
    OutsideSupportedYears,
    WorkingCalendar,
    add_working_days,
    load_holidays,
    roll,
    uk_calendar,
    us_federal_calendar,
    working_days_after,
    working_days_before,
    working_days_between,
)

CALENDARS = {
    "uk:england-and-wales": uk_calendar(("england-and-wales",)),
    "uk:scotland": uk_calendar(("scotland",)),
    "uk:all": uk_calendar(UK_DIVISIONS),
    "uk:declared": uk_calendar(
        ("england-and-wales",), {date(2030, 6, 4): "Day of mourning (fictional)"}
    ),
    "us:federal": us_federal_calendar(),
}
calendars = st.sampled_from(sorted(CALENDARS)).map(CALENDARS.__getitem__)
days = st.dates(min_value=date(2012, 1, 1), max_value=date(2043, 12, 31))


def test_uk_statutory_exclusions() -> None:
    cal = CALENDARS["uk:england-and-wales"]
    assert cal.excluded_reason(date(2025, 4, 18)) == "Good Friday"
    assert cal.excluded_reason(date(2025, 12, 24)) == "Christmas Eve"  # not a bank holiday
    assert cal.excluded_reason(date(2025, 12, 25)) == "Christmas Day"
    assert cal.excluded_reason(date(2025, 4, 21)) == "a bank holiday (Easter Monday)"
    assert cal.excluded_reason(date(2025, 4, 19)) == "a Saturday"
    assert cal.excluded_reason(date(2022, 9, 19)) == (
        "a bank holiday (State Funeral of Queen Elizabeth II)"
    )
    assert cal.excluded_reason(date(2025, 4, 22)) is None
    # St Andrew's Day is a Scottish bank holiday only
    assert cal.is_working_day(date(2027, 11, 30))
    assert not CALENDARS["uk:scotland"].is_working_day(date(2027, 11, 30))
    assert not CALENDARS["uk:all"].is_working_day(date(2027, 11, 30))


def test_us_business_days_skip_federal_holidays_but_not_christmas_eve() -> None:
    cal = CALENDARS["us:federal"]
    assert cal.excluded_reason(date(2028, 11, 10)) == "a bank holiday (Veterans Day (observed))"
    assert cal.is_working_day(date(2026, 12, 24))
    assert add_working_days(date(2028, 11, 13), -1, cal) == date(2028, 11, 9)


def test_ukpge_2019_st_andrews_day_counts_uk_wide() -> None:
    """Poll Thu 12 Dec 2019: nominations closed Thu 14 Nov because Mon 2 Dec (St Andrew's Day
    substitute in Scotland) was disregarded for the whole UK (EC guidance, domain.md §4.3)."""
    poll = date(2019, 12, 12)
    assert working_days_before(poll, 19, CALENDARS["uk:all"]) == date(2019, 11, 14)
    assert working_days_before(poll, 19, CALENDARS["uk:england-and-wales"]) == date(2019, 11, 15)


def test_declared_day_is_excluded() -> None:
    cal = CALENDARS["uk:declared"]
    assert cal.excluded_reason(date(2030, 6, 4)) == (
        "a declared non-working day (Day of mourning (fictional))"
    )
    assert working_days_before(date(2030, 6, 5), 1, cal) == date(2030, 6, 3)


def test_roll_moves_to_the_next_or_previous_working_day() -> None:
    cal = CALENDARS["uk:england-and-wales"]
    assert roll(date(2025, 4, 18), "forward", cal) == date(2025, 4, 22)  # Good Fri -> Tue
    assert roll(date(2025, 4, 21), "backward", cal) == date(2025, 4, 17)
    assert roll(date(2025, 4, 22), "forward", cal) == date(2025, 4, 22)


def test_outside_supported_years_raises() -> None:
    cal = CALENDARS["uk:england-and-wales"]
    data = load_holidays("gb-england-and-wales")
    assert (data.first_year, data.last_year) == (cal.first_year, cal.last_year) == (2010, 2045)
    with pytest.raises(OutsideSupportedYears, match="outside the supported holiday years"):
        working_days_after(date(2045, 12, 20), 30, cal)
    with pytest.raises(OutsideSupportedYears):
        add_working_days(date(2050, 5, 5), 0, cal)


@given(anchor=days, n=st.integers(min_value=1, max_value=300), cal=calendars)
@settings(max_examples=300, deadline=None)
def test_stepping_back_never_lands_on_an_excluded_day(
    anchor: date, n: int, cal: WorkingCalendar
) -> None:
    result = working_days_before(anchor, n, cal)
    assert result < anchor
    assert cal.is_working_day(result)
    assert working_days_between(anchor, result, cal) == -n


@given(anchor=days, n=st.integers(min_value=0, max_value=200), cal=calendars)
@settings(max_examples=300, deadline=None)
def test_back_then_forward_returns_to_a_working_day_anchor(
    anchor: date, n: int, cal: WorkingCalendar
) -> None:
    anchor = roll(anchor, "forward", cal)
    assert working_days_after(working_days_before(anchor, n, cal), n, cal) == anchor


@given(
    anchor=days,
    n=st.integers(min_value=0, max_value=150),
    k=st.integers(min_value=1, max_value=150),
    cal=calendars,
)
@settings(max_examples=300, deadline=None)
def test_stepping_back_is_strictly_monotonic_in_n(
    anchor: date, n: int, k: int, cal: WorkingCalendar
) -> None:
    assert working_days_before(anchor, n + k, cal) < working_days_before(anchor, n, cal)


@given(anchor=days, n=st.integers(min_value=1, max_value=200), cal=calendars)
@settings(max_examples=200, deadline=None)
def test_a_window_of_n_working_days_holds_exactly_n(
    anchor: date, n: int, cal: WorkingCalendar
) -> None:
    start = working_days_before(anchor, n, cal)
    span = [start + timedelta(days=i) for i in range((anchor - start).days)]
    assert sum(cal.is_working_day(d) for d in span) == n
