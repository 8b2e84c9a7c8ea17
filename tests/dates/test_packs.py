"""The statutory packs reproduce the published timetables exactly (domain.md §4.2–4.3, §4.6)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from elecsafe.dates.packs import PACK_IDS, load_pack, pack_dates
from elecsafe.dates.workdays import UK_DIVISIONS, uk_calendar, us_federal_calendar


def test_every_pack_loads_and_has_a_poll() -> None:
    for pack_id in PACK_IDS:
        pack = load_pack(pack_id)
        assert pack.id == pack_id
        assert "poll" in pack.items


def test_unknown_pack_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        load_pack("uk_scot_local")


def test_ukpge_2024_published_timetable() -> None:
    """UK general election, poll Thu 4 Jul 2024 (EC timetable)."""
    dates = pack_dates(load_pack("ukpge"), date(2024, 7, 4), uk_calendar(UK_DIVISIONS))
    assert dates == {
        "dissolution": date(2024, 5, 30),
        "receipt_of_writ": date(2024, 5, 31),
        "notice_of_election": date(2024, 6, 4),
        "nominations_close": date(2024, 6, 7),
        "statement_of_persons_nominated": date(2024, 6, 7),
        "registration_deadline": date(2024, 6, 18),
        "postal_vote_deadline": date(2024, 6, 19),
        "proxy_deadline": date(2024, 6, 26),
        "vac_deadline": date(2024, 6, 26),
        "polling_agents_appointment": date(2024, 6, 27),
        "replacement_postal_ballots_from": date(2024, 6, 28),
        "poll": date(2024, 7, 4),
    }
    pack = load_pack("ukpge")
    assert pack.items["nominations_close"].time is not None
    assert pack.items["nominations_close"].time.isoformat() == "16:00:00"


def test_uk_local_england_2025_published_timetable() -> None:
    """English local elections, poll Thu 1 May 2025 (Stroud / South Hams / ALDC timetables)."""
    dates = pack_dates(load_pack("uk_local_eng"), date(2025, 5, 1), uk_calendar())
    assert dates == {
        "notice_of_election": date(2025, 3, 25),
        "nominations_close": date(2025, 4, 2),
        "withdrawals_close": date(2025, 4, 2),
        "statement_of_persons_nominated": date(2025, 4, 3),
        "registration_deadline": date(2025, 4, 11),
        "postal_vote_deadline": date(2025, 4, 14),
        "proxy_deadline": date(2025, 4, 23),
        "vac_deadline": date(2025, 4, 23),
        "polling_agents_appointment": date(2025, 4, 24),
        "replacement_postal_ballots_from": date(2025, 4, 25),
        "poll": date(2025, 5, 1),
        "emergency_proxy_deadline": date(2025, 5, 1),
    }
    times = {
        k: i.time.strftime("%H:%M") for k, i in load_pack("uk_local_eng").items.items() if i.time
    }
    assert times == {
        "nominations_close": "16:00",
        "withdrawals_close": "16:00",
        "statement_of_persons_nominated": "16:00",
        "registration_deadline": "23:59",
        "postal_vote_deadline": "17:00",
        "proxy_deadline": "17:00",
        "vac_deadline": "17:00",
        "emergency_proxy_deadline": "17:00",
    }


def test_uk_local_england_2026_column_of_domain_md() -> None:
    dates = pack_dates(load_pack("uk_local_eng"), date(2026, 5, 7), uk_calendar())
    assert dates["notice_of_election"] == date(2026, 3, 30)
    assert dates["nominations_close"] == date(2026, 4, 9)
    assert dates["withdrawals_close"] == date(2026, 4, 9)
    assert dates["statement_of_persons_nominated"] == date(2026, 4, 10)
    assert dates["registration_deadline"] == date(2026, 4, 20)
    assert dates["postal_vote_deadline"] == date(2026, 4, 21)
    assert dates["proxy_deadline"] == date(2026, 4, 28)
    assert dates["vac_deadline"] == date(2026, 4, 28)
    assert dates["polling_agents_appointment"] == date(2026, 4, 29)
    assert dates["replacement_postal_ballots_from"] == date(2026, 4, 30)
    assert dates["poll"] == date(2026, 5, 7)


def test_us_federal_2026_midterm_anchors() -> None:
    dates = pack_dates(load_pack("us_federal"), date(2026, 11, 3), us_federal_calendar())
    assert dates == {
        "uocava_transmission": date(2026, 9, 19),  # a Saturday: never rolled (MOVE Act)
        "registration_deadline_outer_bound": date(2026, 10, 4),
        "poll": date(2026, 11, 3),
    }


def test_us_federal_2024_and_2028_presidential_anchors() -> None:
    pack = load_pack("us_federal")
    d2024 = pack_dates(pack, date(2024, 11, 5), us_federal_calendar(), presidential=True)
    assert d2024["uocava_transmission"] == date(2024, 9, 21)
    assert d2024["registration_deadline_outer_bound"] == date(2024, 10, 6)
    assert d2024["certificate_of_ascertainment"] == date(2024, 12, 11)
    assert d2024["electors_meet"] == date(2024, 12, 17)
    assert d2024["congress_counts"] == date(2025, 1, 6)
    assert d2024["inauguration"] == date(2025, 1, 20)
    d2028 = pack_dates(pack, date(2028, 11, 7), us_federal_calendar(), presidential=True)
    assert d2028 == {
        "uocava_transmission": date(2028, 9, 23),
        "registration_deadline_outer_bound": date(2028, 10, 8),
        "poll": date(2028, 11, 7),
        "certificate_of_ascertainment": date(2028, 12, 13),
        "electors_meet": date(2028, 12, 19),  # first Tuesday after the second Wednesday
        "congress_counts": date(2029, 1, 6),
        "inauguration": date(2029, 1, 20),
    }


GOOD_PACK = """\
id: test_pack
title: Test pack
country: GB
working_days: division
items:
  poll: {title: Polling day, when: poll}
  notice: {title: Notice, when: poll - 25 working days, time: "16:00"}
  yearly: {title: Fixed day, yearly: {month: 1, nth_weekday: 2WE, add_days: 1}}
"""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("when: poll - 25 working days", "when: poll - 25 fortnights"), "items.notice.when: "),
        (('time: "16:00"', 'time: "25:00"'), "items.notice.time: .*'25:00' is not a time of day"),
        (("nth_weekday: 2WE", "nth_weekday: 2XX"), "items.yearly.*nth_weekday must look like 2WE"),
        (("{month: 1,", "{month: 13,"), "items.yearly.*month"),
        (("title: Notice, when", "title: Notice, yearly: {month: 1}, when"), "exactly one of"),
        (("when: poll - 25", "when: writ - 25"), "unknown anchor writ"),
        (("working_days: division", "working_days: weekdays"), "working_days"),
        (("title: Polling day,", "title: Polling day, typo: 1,"), "items.poll.typo"),
        (('time: "16:00"}', "disregard: [boxing_day]}"), "items.notice.disregard.0: "),
        (("items:", 'poll_hours: {open: "07:00"}\nitems:'), "poll_hours: .*open and close"),
        (("items:", 'poll_hours: {open: 7am, close: "19:00"}\nitems:'), "poll_hours: .*7am"),
        (("items:", "extends: test_pack\nitems:"), "extends: must name another pack"),
    ],
)
def test_a_broken_pack_file_is_one_pack_error_naming_the_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: tuple[str, str], message: str
) -> None:
    from elecsafe.dates import packs

    old, new = change
    assert old in GOOD_PACK
    (tmp_path / "test_pack.yaml").write_text(GOOD_PACK.replace(old, new), encoding="utf-8")
    monkeypatch.setattr(packs, "PACK_DIR", tmp_path)
    monkeypatch.setattr(packs, "PACK_IDS", (*packs.PACK_IDS, "test_pack"))
    packs.load_pack.cache_clear()
    try:
        with pytest.raises(packs.PackError, match=rf"^pack test_pack, .*{message}"):
            packs.load_pack("test_pack")
    finally:
        packs.load_pack.cache_clear()


def test_the_good_test_pack_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from elecsafe.dates import packs

    (tmp_path / "test_pack.yaml").write_text(GOOD_PACK, encoding="utf-8")
    monkeypatch.setattr(packs, "PACK_DIR", tmp_path)
    monkeypatch.setattr(packs, "PACK_IDS", (*packs.PACK_IDS, "test_pack"))
    packs.load_pack.cache_clear()
    try:
        pack = packs.load_pack("test_pack")
    finally:
        packs.load_pack.cache_clear()
    assert pack.items["yearly"].when == packs.Yearly(month=1, nth_weekday=(2, 2), add_days=1)
    assert pack.items["notice"].time is not None and pack.items["notice"].key == "notice"


def test_a_state_pack_extends_the_federal_anchors_with_its_own_items() -> None:
    from elecsafe.dates.packs import load_pack

    federal, arizona = load_pack("us_federal"), load_pack("us_az")
    assert set(federal.items) < set(arizona.items)
    assert arizona.working_days == federal.working_days and arizona.extends == "us_federal"
