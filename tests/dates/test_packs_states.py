"""US state packs: the federal anchors plus each state's law, reproducing the dates the
secretaries of state published for the general election of 5 November 2024."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from elecsafe.dates.packs import load_pack, pack_dates, state_pack
from elecsafe.dates.workdays import us_federal_calendar
from elecsafe.lint.runner import LintOptions, run
from elecsafe.load.loader import load_plan
from tests.lint.conftest import TODAY, write

NOV_2024 = date(2024, 11, 5)


def dates(pack: str) -> dict[str, date]:
    return pack_dates(load_pack(pack), NOV_2024, us_federal_calendar())


def test_arizona_polls_at_six_and_early_voting_27_days_out() -> None:
    pack = load_pack("us_az")
    assert pack.poll_hours == ("06:00", "19:00")
    got = dates("us_az")
    assert got["registration_deadline"] == date(2024, 10, 7)
    assert got["early_voting_start"] == date(2024, 10, 9)  # E−27, not E−28
    assert got["uocava_transmission"] == date(2024, 9, 21)  # the federal anchors are kept


def test_minnesota_early_voting_weeks_out_and_a_canvass_deadline() -> None:
    got = dates("us_mn")
    assert got["early_voting_start"] == date(2024, 9, 20)  # 46 days out
    assert got["registration_deadline"] == date(2024, 10, 15)
    assert got["canvass"] == date(2024, 11, 15)
    assert got["certification"] == date(2024, 11, 26)  # third Tuesday after
    assert load_pack("us_mn").poll_hours == ("07:00", "20:00")


def test_texas_early_voting_rolls_off_the_weekend() -> None:
    got = dates("us_tx")
    assert got["registration_deadline"] == date(2024, 10, 7)  # 30 days: a Sunday, rolled
    assert got["early_voting_start"] == date(2024, 10, 21)  # 17th day: a Saturday, rolled
    assert got["early_voting_end"] == date(2024, 11, 1)


def test_state_packs_by_iso_code_with_sources() -> None:
    assert [state_pack(s) for s in ("US-AZ", "US-MN", "US-TX", "US-OH")] == [
        "us_az",
        "us_mn",
        "us_tx",
        None,
    ]
    for pack in ("us_az", "us_mn", "us_tx"):
        loaded = load_pack(pack)
        assert loaded.source and all(
            i.source for k, i in loaded.items.items() if k not in load_pack("us_federal").items
        )
        assert loaded.election_kinds == load_pack("us_federal").election_kinds


def test_a_state_date_written_by_hand_is_protected_like_a_federal_one(tmp_path: Path) -> None:
    """TT002: a statutory date that differs from the state pack is an error."""
    text = (
        "elections:\n  - id: gen\n    name: General election\n    kind: federal_general\n"
        '    poll_date: 2028-11-07\n    poll_hours: {open: "06:00", close: "19:00"}\n'
        "    timetable_rules: us_az\n    is_presidential: true\n    jurisdictions: [area]\n"
        "timetable:\n  milestones:\n    - id: ev\n      title: Early voting\n"
        "      statutory: early_voting_start\n      when: 2028-10-10\n"
    )
    write(tmp_path, text, country="US")
    result = run(load_plan(tmp_path), LintOptions(today=TODAY))
    tt002 = [(f.line, f.column) for f in result.findings if f.code == "TT002"]
    assert tt002 == [(15, 13)]


def test_every_state_pack_names_a_state_of_the_one_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from elecsafe.dates import packs
    from elecsafe.us_states import US_STATES

    named = {p: load_pack(p).state for p in packs.PACK_IDS if load_pack(p).state}
    assert set(named.values()) == {"US-AZ", "US-MN", "US-TX"}
    assert set(named.values()) <= set(US_STATES)
    # a pack naming a state that does not exist is refused when it is loaded
    text = (packs.PACK_DIR / "us_az.yaml").read_text(encoding="utf-8")
    (tmp_path / "us_zz.yaml").write_text(
        text.replace("id: us_az", "id: us_zz").replace("state: US-AZ", "state: US-ZZ"),
        encoding="utf-8",
    )
    (tmp_path / "us_federal.yaml").write_text(
        (packs.PACK_DIR / "us_federal.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.setattr(packs, "PACK_DIR", tmp_path)
    monkeypatch.setattr(packs, "PACK_IDS", ("us_federal", "us_zz"))
    packs.load_pack.cache_clear()
    try:
        with pytest.raises(
            packs.PackError, match=r"pack us_zz, state: .*US-ZZ is not in elecsafe\.us_states"
        ):
            packs.load_pack("us_zz")
    finally:
        packs.load_pack.cache_clear()
