"""Defaults and checks of the values a scaffold is filled with."""

from __future__ import annotations

import re
from datetime import date

import pytest

from elecsafe.scaffold.values import (
    STATE_PLACEHOLDER,
    ScaffoldError,
    check_name,
    check_nation,
    check_state,
    check_timezone,
    name_from_directory,
    next_uk_may_poll,
    next_us_general_election,
    parse_day,
    slugify,
    us_general_election_day,
)

ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2024, date(2024, 11, 5)), (2026, date(2026, 11, 3)), (2028, date(2028, 11, 7)),
     (2030, date(2030, 11, 5)), (2032, date(2032, 11, 2))],
)  # fmt: skip
def test_us_election_day_is_tuesday_after_first_monday(year: int, expected: date) -> None:
    assert us_general_election_day(year) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 22), date(2028, 11, 7)),  # after this year's: the next even year
        (date(2026, 11, 3), date(2028, 11, 7)),  # on the day: the next one
        (date(2026, 11, 2), date(2026, 11, 3)),
        (date(2027, 1, 1), date(2028, 11, 7)),  # odd years hold no federal general election
    ],
)
def test_next_us_general_election(today: date, expected: date) -> None:
    assert next_us_general_election(today) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 22), date(2027, 5, 6)),
        (date(2027, 1, 10), date(2027, 5, 6)),
        (date(2027, 5, 6), date(2028, 5, 4)),
        (date(2026, 4, 30), date(2026, 5, 7)),
    ],
)
def test_next_uk_may_poll_is_first_thursday_in_may(today: date, expected: date) -> None:
    assert next_uk_may_poll(today) == expected
    assert expected.weekday() == 3 and expected.day <= 7


def test_parse_day_is_strict_iso() -> None:
    assert parse_day(" 2027-05-06 ", "--poll-date") == date(2027, 5, 6)
    with pytest.raises(ScaffoldError, match=r"^--poll-date: 2027-02-31 is not a day"):
        parse_day("2027-02-31", "--poll-date")
    with pytest.raises(ScaffoldError, match="'20270506' is not a date; write YYYY-MM-DD"):
        parse_day("20270506", "--poll-date")
    with pytest.raises(ScaffoldError, match="'6 May 2027' is not a date"):
        parse_day("6 May 2027", "--poll-date")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Cedar River County", "cedar-river-county"),
        ('St. Mary\'s: "North" #1', "st-mary-s-north-1"),
        ("Ynys Môn", "ynys-mon"),
        ("  --Severnshire--  ", "severnshire"),
        ("東京", "election-safety-plan"),
        ("x" * 80, "x" * 64),
        ("a" * 63 + " b", "a" * 63),
    ],
)
def test_slugify_gives_a_valid_id(name: str, slug: str) -> None:
    assert slugify(name) == slug
    assert ID.match(slug)


def test_check_name() -> None:
    assert check_name("  Cedar   River\tCounty ") == "Cedar River County"
    with pytest.raises(ScaffoldError, match="--name is empty"):
        check_name("   ")
    with pytest.raises(ScaffoldError, match=r"control or unprintable character \(U\+0007\)"):
        check_name("Bell\x07County")
    assert check_name("Line\u2028Break\nTwo") == "Line Break Two"  # line breaks are spaces
    with pytest.raises(ScaffoldError, match=r"U\+FEFF"):
        check_name("Zero\ufeffWidth")
    with pytest.raises(ScaffoldError, match="longer than 120"):
        check_name("x" * 121)


def test_check_timezone() -> None:
    assert check_timezone("Europe/London") == "Europe/London"
    with pytest.raises(ScaffoldError, match="did you mean Europe/London"):
        check_timezone("europe/london")
    with pytest.raises(ScaffoldError, match=r"'Mars/Olympus' is not an IANA time zone; e\.g\."):
        check_timezone("Mars/Olympus")
    with pytest.raises(ScaffoldError, match="not an IANA time zone"):
        check_timezone("../../etc/passwd")


def test_check_state_and_nation() -> None:
    assert check_state("us-oh") == "US-OH"
    assert check_state(" OH ") == "US-OH"
    assert check_state("ohio") == "US-OH"
    assert check_state("District of Columbia") == "US-DC"
    assert check_state("US-PR") == "US-PR"
    assert check_state("us-xx") == STATE_PLACEHOLDER  # not chosen yet: init says so
    with pytest.raises(
        ScaffoldError, match=r"'US-ZZ' is not a US state, DC or territory code: e\.g\. US-OH"
    ):
        check_state("US-ZZ")
    with pytest.raises(ScaffoldError, match=r"not a US state.*did you mean US-TX \(Texas\)\?"):
        check_state("Texsa")
    with pytest.raises(ScaffoldError, match="not a US state"):
        check_state("US-WL")  # the example's fictional Westlake: a plan may say it, init may not
    assert check_nation("wls") == "WLS"
    with pytest.raises(ScaffoldError, match="'GB' is not one of ENG, WLS, SCT, NIR"):
        check_nation("GB")


def test_name_from_directory() -> None:
    # LC_ALL=C without UTF-8 mode: the directory "Ynys Môn" arrives as surrogate escapes
    assert name_from_directory("/plans/Ynys M\udcc3\udcb4n") == "Ynys Môn"
    assert name_from_directory("/plans/Caf\udce9") == ""  # Latin-1 bytes: no name from it
    assert name_from_directory("/plans/cedar-river") == "Cedar River"
    assert name_from_directory("/plans/severnshire_2027") == "Severnshire 2027"
