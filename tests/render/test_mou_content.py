"""The memorandum carries what the guidance asks of it from the plan itself: the legal framework
(APP command and planning considerations), the parties' meetings with their cadence and the
next meeting, joint training and exercises, and the date of the joint post-election review."""

from __future__ import annotations

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.conftest import EXAMPLES
from tests.render.conftest import options


def _mou(loaded: LoadedPlan, mou_id: str) -> str:
    return Renderer(loaded, options(audience="partners")).render(DOCUMENTS["mou"], mou_id).markdown


def _section(text: str, title: str) -> str:
    start = text.index(f". {title}\n")
    return text[start : text.index("\n## ", start)]


def test_uk_mou_lists_the_law_and_only_meetings_of_its_own_parties() -> None:
    text = _mou(load_plan(EXAMPLES / "uk-force"), "mou-eastvale-2027")
    law = _section(text, "Legal framework")
    assert (
        "- Representation of the People Act 1983, s100: Illegal canvassing by police officers."
        in law
    )
    meetings = _section(text, "Joint planning and meetings")
    assert (
        "| Candidates' and agents' briefing – Eastvale District Council | Candidates' and agents' briefing |"
        in meetings
    )
    # a briefing of another council with the force: not a meeting of this memorandum's parties
    assert "Westmoor" not in meetings
    assert (
        "| SPOC–ESM fortnightly planning call (all councils) | SPOC–ESM | 12 Jan 2027 10:00 (E−114d) | fortnightly, 4 times |"
        in meetings
    )
    training = _section(text, "Training and exercises")
    assert (
        "| Exercise CASTLEGATE COUNT – joint tabletop with the eight councils | Tabletop |"
        in training
    )
    review = text[text.index(". Review dates") : text.index("## Signatures")]
    assert (
        "- Joint police and local authority post-election review: 10 Jun 2027 10:00 (E+5w)"
        in review
    )


def test_us_mou_states_cadence_support_and_no_missing_annex() -> None:
    text = _mou(load_plan(EXAMPLES / "us-county"), "mou-election-security-2028")
    assert "Annex B" not in text
    assert "## 13. Agreed support\n\nEach law enforcement party provides" in text
    meetings = _section(text, "Joint planning and meetings")
    assert (
        "| Routine check-in | Jun 15, 2028 10:00 (E−145d) | every two weeks until Nov 2, 2028 | Pre-election coordination briefing and EOC walk-through (Nov 3, 2028) |"
        in meetings
    )
    assert "| fortnightly" not in meetings  # US wording in elecsafe's own columns
    assert (
        "- Joint after-action review of the 2028 general election: Dec 14, 2028 09:00 (E+37d)"
        in text
    )


def test_a_plan_without_joint_entries_says_what_is_missing(uk_loaded: LoadedPlan) -> None:
    text = _mou(uk_loaded, "mou-lowbridge")
    assert "No meeting of the parties is in the plan's timetable yet" in text
    assert "- Joint post-election review: not yet in the plan's timetable" in text
    assert "Legal framework" not in text  # the plan names no law: no empty section
