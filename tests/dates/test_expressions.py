"""The short string grammar and the mapping form of date expressions."""

from __future__ import annotations

from datetime import date, time

import pytest

from elecsafe.dates.expressions import (
    Absolute,
    ExpressionError,
    Relative,
    from_spec,
    offset_label,
    parse_expression,
)
from elecsafe.model.base import RelativeDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("poll", Relative("poll")),
        ("poll - 25 working days", Relative("poll", -25, "working_days")),
        ("poll-x - 25 wd", Relative("poll-x", -25, "working_days")),
        ("poll + 2 weeks", Relative("poll", 14 // 7, "weeks")),
        ("gold-group + 14 days", Relative("gold-group", 14, "calendar_days")),
        ("poll − 6 w", Relative("poll", -6, "weeks")),
        ("poll - 3 months", Relative("poll", -3, "months")),
        ("poll - 1 mo", Relative("poll", -1, "months")),
        ("poll - 5 business days", Relative("poll", -5, "business_days")),
        ("poll - 45 calendar days", Relative("poll", -45, "calendar_days")),
        ("poll - 19 Working Days at 16:00", Relative("poll", -19, "working_days", time(16, 0))),
        ("poll at 17:00", Relative("poll", 0, "calendar_days", time(17, 0))),
        ("poll - 45 days, roll none", Relative("poll", -45, "calendar_days", roll="none")),
        (
            "noe + 3 days at 9:30 roll forward",
            Relative("noe", 3, "calendar_days", time(9, 30), "forward"),
        ),
        ("2027-03-01", Absolute(date(2027, 3, 1))),
        ("2027-03-01 10:00", Absolute(date(2027, 3, 1), time(10, 0))),
        ("2027-03-01T10:00", Absolute(date(2027, 3, 1), time(10, 0))),
        ("2027-03-01 at 10:00", Absolute(date(2027, 3, 1), time(10, 0))),
        ("2027-03-01 + 2 weeks", Relative("2027-03-01", 2, "weeks")),
    ],
)
def test_parse(text: str, expected: object) -> None:
    assert parse_expression(text) == expected


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("2027-02-31", "REF002", "2027-02-31 is not a date (February 2027 has 28 days)"),
        ("2028-02-30", "REF002", "2028-02-30 is not a date (February 2028 has 29 days)"),
        ("2027-13-01", "REF002", "2027-13-01 is not a date (months run from 01 to 12)"),
        ("2027-3-1", "TT001", "'2027-3-1' is not an ISO date"),
        ("2027-02-30 + 1 day", "REF002", "2027-02-30 is not a date (February 2027 has 28 days)"),
        ("poll - 25 fortnights", "TT001", "unknown unit 'fortnights' in 'poll - 25 fortnights'"),
        ("poll-25 working days", "TT001", "cannot read the date expression 'poll-25 working days'"),
        ("next tuesday", "TT001", "cannot read the date expression 'next tuesday'"),
        ("poll at 25:00", "TT001", "'25:00' is not a time of day"),
        ("", "TT001", "cannot read the date expression ''"),
    ],
)
def test_errors(text: str, code: str, message: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse_expression(text)
    assert (caught.value.code, caught.value.message) == (code, message)
    assert caught.value.hint


def test_mapping_form_points_at_its_anchor() -> None:
    spec = RelativeDate(anchor="poll", offset=-19, unit="working_days", time="16:00", roll="none")
    assert from_spec(spec) == Relative(
        "poll", -19, "working_days", time(16, 0), "none", anchor_path=("anchor",)
    )
    assert from_spec(RelativeDate(anchor="x", offset=2, unit="days")).unit == "calendar_days"


def test_offset_labels() -> None:
    assert offset_label(-25, "working_days") == "E−25wd"
    assert offset_label(3, "calendar_days") == "E+3d"
    assert offset_label(-6, "weeks") == "E−6w"
    assert offset_label(-3, "months") == "E−3m"
    assert offset_label(-5, "business_days") == "E−5bd"
    assert offset_label(0, "working_days") == "E"
