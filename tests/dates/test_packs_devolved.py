"""The devolved UK packs reproduce published timetables (or the statutory rule, where the pack
says the dates are derived), with each nation's bank holidays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from elecsafe.dates.packs import PACK_IDS, load_pack, pack_dates
from elecsafe.dates.workdays import uk_calendar
from elecsafe.lint.runner import LintOptions, run
from elecsafe.load.loader import load_plan
from tests.lint.conftest import TODAY, write

EW, SCOTLAND = ("england-and-wales",), ("scotland",)


def dates(pack: str, poll: date, division: tuple[str, ...]) -> dict[str, date]:
    return pack_dates(load_pack(pack), poll, uk_calendar(division))


def test_scottish_councils_5_may_2022_as_the_electoral_commission_published() -> None:
    """Electoral Commission, Local government elections in Scotland (5 May 2022)."""
    got = dates("local_scotland", date(2022, 5, 5), SCOTLAND)
    assert got["notice_of_election_earliest"] == date(2022, 3, 14)  # published: Mon 14 March
    assert got["nominations_close"] == date(2022, 3, 30)  # 4pm Wed 30 March
    assert got["withdrawals_close"] == date(2022, 3, 30)
    assert got["registration_deadline"] == date(2022, 4, 18)  # Mon 18 April (Easter Monday)
    assert got["postal_vote_deadline"] == date(2022, 4, 19)  # 5pm Tue 19 April
    assert got["proxy_deadline"] == date(2022, 4, 26)  # 5pm Tue 26 April
    assert got["emergency_proxy_deadline"] == date(2022, 5, 5)
    assert "vac_deadline" not in got  # no voter photo ID at Scottish council elections


def test_holyrood_7_may_2026_notice_window_as_published() -> None:
    """The Electoral Commission's window for the notice of election: Mon 16 to Wed 25 March
    2026; the other dates are derived from the rules (the pack says so)."""
    got = dates("scottish_parliament", date(2026, 5, 7), SCOTLAND)
    assert (got["notice_of_election_earliest"], got["notice_of_election"]) == (
        date(2026, 3, 16),
        date(2026, 3, 25),
    )
    assert got["nominations_close"] == date(2026, 4, 1)
    assert got["statement_of_persons_nominated"] == date(2026, 4, 2)
    assert got["registration_deadline"] == date(2026, 4, 20)
    assert got["postal_vote_deadline"] == date(2026, 4, 21)
    assert got["proxy_deadline"] == date(2026, 4, 28)
    assert "vac_deadline" not in got


def test_senedd_reproduces_2021_and_derives_7_may_2026() -> None:
    """6 May 2021 (published): registration Mon 19 April, postal votes Tue 20 April. 7 May 2026:
    derived from the rules (nominations close 19 working days before, 4pm)."""
    old = dates("senedd", date(2021, 5, 6), EW)
    assert (old["registration_deadline"], old["postal_vote_deadline"]) == (
        date(2021, 4, 19),
        date(2021, 4, 20),
    )
    got = dates("senedd", date(2026, 5, 7), EW)
    assert got["notice_of_election"] == date(2026, 3, 30)
    assert got["nominations_close"] == date(2026, 4, 9)  # Good Friday, Easter Monday skipped
    assert got["registration_deadline"] == date(2026, 4, 20)
    assert got["postal_vote_deadline"] == date(2026, 4, 21)
    assert got["proxy_deadline"] == date(2026, 4, 28)  # 4 May bank holiday skipped
    assert "vac_deadline" not in got  # no voter photo ID at Senedd elections


def test_welsh_councils_5_may_2022() -> None:
    got = dates("local_wales", date(2022, 5, 5), EW)
    assert got["notice_of_election"] == date(2022, 3, 28)
    assert got["nominations_close"] == date(2022, 4, 5)
    assert got["registration_deadline"] == date(2022, 4, 14)
    assert got["postal_vote_deadline"] == date(2022, 4, 19)
    assert got["proxy_deadline"] == date(2022, 4, 26)
    assert "vac_deadline" not in got


def test_easter_monday_is_disregarded_only_where_the_election_rules_say() -> None:
    """Scottish election rules leave out Easter Monday; the registration deadline (RPA 1983
    s119, Scottish bank holidays only) counts it as a working day."""
    pack = load_pack("local_scotland")
    assert pack.items["nominations_close"].disregard == ("easter_monday",)
    assert pack.items["registration_deadline"].disregard == ()


@pytest.mark.parametrize("pack", PACK_IDS)
def test_every_pack_names_the_election_kinds_it_is_the_law_for(pack: str) -> None:
    loaded = load_pack(pack)
    assert loaded.election_kinds and loaded.source


def test_a_senedd_election_on_the_english_pack_is_an_error(tmp_path: Path) -> None:
    text = (
        "elections:\n  - id: s26\n    name: Senedd\n    kind: senedd\n    poll_date: 2026-05-07\n"
        '    poll_hours: {open: "07:00", close: "22:00"}\n    timetable_rules: uk_local_eng\n'
        "    jurisdictions: [area]\n"
    )
    write(tmp_path, text)
    result = run(load_plan(tmp_path), LintOptions(today=TODAY))
    found = [f for f in result.findings if f.code == "TT014"]
    assert [(f.line, f.column) for f in found] == [(7, 22)]
    assert found[0].hint == "use timetable_rules: senedd"
    assert result.failed
