"""The guidance duties added for "green means ready", beyond their documented examples."""

from __future__ import annotations

from pathlib import Path

from elecsafe.findings import Severity
from elecsafe.lint.registry import registry
from elecsafe.lint.rules.doc import COUNCILS, mou
from elecsafe.lint.rules.maa import MAA
from elecsafe.lint.rules.tt import _section, milestone
from tests.lint.conftest import check, lint, write

SIGNED = (
    "    parties:\n      - org: force\n"
    "        signatory: {person: alice, title: ACC, signed_on: 2027-01-12}\n"
    "      - org: north-council\n"
    "        signatory: {person: alice, title: RO, signed_on: 2027-01-14}\n"
)


def signed_mou(extra: str = "") -> str:
    text = mou("mou-north", "force", "north-council", extra)
    return (
        COUNCILS
        + "mous:\n"
        + text.replace("    parties: [{org: force}, {org: north-council}]\n", SIGNED)
    )


def test_doc006_a_party_without_signatory_is_reported_at_the_party(tmp_path: Path) -> None:
    check(tmp_path, COUNCILS + "mous:\n" + mou("mou-north", "force", "north-council"),
          "DOC006", [(9, 15), (9, 29)])  # fmt: skip


def test_doc006_leaves_a_draft_to_the_placeholder_rule(tmp_path: Path) -> None:
    draft = (
        COUNCILS
        + "mous:\n"
        + mou("mou-north", "force", "north-council").replace(
            "sections: {}", 'sections: {review: "TODO: when the MoU is reviewed"}'
        )
    )
    result = check(tmp_path, draft, "DOC006", [])
    assert [f.code for f in result.findings].count("TODO001") == 1
    measure = {m.key: m for m in result.readiness}["mous_signed"]
    assert (measure.done, measure.total) == (0, 1)


def test_readiness_counts_a_signed_mou(tmp_path: Path) -> None:
    write(tmp_path, signed_mou())
    measure = {m.key: m for m in lint(tmp_path).readiness}["mous_signed"]
    assert (measure.done, measure.total) == (1, 1)


def test_readiness_counts_a_placeholder_topic_as_not_settled(tmp_path: Path) -> None:
    write(tmp_path, MAA.replace("{text: agreed in clause 3}", '{text: "TODO: roles"}'))
    result = lint(tmp_path)
    measure = {m.key: m for m in result.readiness}["mutual_aid_topics"]
    assert (measure.done, measure.total) == (8, 9)
    assert result.placeholders == 1


def test_maa006_a_briefing_still_to_come_is_information(tmp_path: Path) -> None:
    later = MAA.replace("personnel_briefed_on: 2026-10-21", "personnel_briefed_on: 2027-04-21")
    result = check(tmp_path, later, "MAA006", [(16, 31)])
    (finding,) = [f for f in result.findings if f.code == "MAA006"]
    assert finding.severity is Severity.INFO
    assert "planned for 2027-04-21" in finding.message


def test_tt013_christmas_day_in_a_us_plan_but_not_a_federal_holiday(tmp_path: Path) -> None:
    text = _section(milestone("xmas", "2027-12-25") + milestone("vets", "2027-11-11"))
    check(tmp_path, text, "TT013", [(5, 13)], country="US")


def test_tt013_a_uk_bank_holiday_of_the_plan_nation(tmp_path: Path) -> None:
    check(tmp_path, _section(milestone("may-day", "2027-05-03")), "TT013", [(5, 13)])


def test_dbf001_debrief_held_and_counted_weeks_after_the_poll(tmp_path: Path) -> None:
    text = (
        "elections:\n  - {id: by, name: By-election, kind: local_england, poll_date: 2026-09-01, "
        'poll_hours: {open: "07:00", close: "22:00"}, jurisdictions: [area]}\n'
        "debrief:\n  aggregates: {allegations: 0}\n  considerations:\n"
        + "".join(
            f"    {k}: reviewed\n"
            for k in ("planning_and_preparation", "polling_day", "allegations",
                      "significant_events", "investigations_status", "partner_feedback",
                      "media_interest", "organisational_learning")
        )
    )  # fmt: skip
    result = check(tmp_path, text, "DBF001", [(4, 3), (4, 3)])
    messages = [f.message for f in result.findings if f.code == "DBF001"]
    assert any("held_on" in m for m in messages)
    assert any("threats_reported" in m for m in messages)


def test_new_duty_rules_cite_publications_not_internal_tags() -> None:
    for code in ("DOC006", "MAA012", "MTG014", "MTG015", "CMD006", "ROL015", "ROL016",
                 "COM009", "COM010", "TT013", "READY001"):  # fmt: skip
        rationale = registry()[code].rationale
        assert "S00" not in rationale, code


def test_partnership_duties_are_warnings_in_the_core_set() -> None:
    for code in ("PTN001", "PTN002"):
        rule = registry()[code]
        assert (rule.severity, rule.core) == (Severity.WARNING, True)
