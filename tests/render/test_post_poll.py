"""The APP post-poll programme (joint review, Electoral Commission debrief, archiving and
dissemination of intelligence, gold debrief) is in the pre-election checklist: from the
timetable when it holds them, else as open lines naming what is missing."""

from __future__ import annotations

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.conftest import EXAMPLES
from tests.render.conftest import options


def _after(loaded: LoadedPlan, heading: str, audience: str = "internal") -> str:
    text = (
        Renderer(loaded, options(audience=audience))
        .render(DOCUMENTS["checklist-pre-election"], None)
        .markdown
    )
    start = text.index(f"## {heading}\n")
    return text[start : text.index("\n## ", start + 3)]


def test_the_post_poll_programme_from_the_timetable() -> None:
    after = _after(load_plan(EXAMPLES / "uk-force"), "After polling day")
    assert "| ☐ | Electoral Commission debrief meeting | 24 Jun 2027 13:00 (E+7w) |" in after
    assert (
        "| Archive enquiry information and complete intelligence dissemination | 6 Aug 2027 (E+3m) |"
        in after
    )
    assert "| ☐ | Gold group debrief – Operation Castlegate | 6 Sep 2027 10:00 (E+4m) |" in after
    assert "not in the plan's timetable yet" not in after
    # before the poll stays before the poll
    assert "Joint agency working group 1" not in after


def test_missing_post_poll_items_are_open_lines(uk_loaded: LoadedPlan) -> None:
    after = _after(uk_loaded, "After polling day")
    for item in (
        "Joint police and local authority post-election review",
        "Electoral Commission debrief meeting (June/July)",
        "Archive enquiry information and complete intelligence dissemination (August)",
        "Gold group debrief (September)",
    ):
        assert f"| ☐ | {item} |" in after, item
    assert "| MTG011 | not in the plan's timetable yet |" in after


def test_us_after_election_day_names_no_uk_programme(us_loaded: LoadedPlan) -> None:
    after = _after(us_loaded, "After Election Day")
    assert "Electoral Commission" not in after and "Gold" not in after


def test_an_edition_that_cannot_see_the_meetings_claims_nothing_missing() -> None:
    loaded = load_plan(EXAMPLES / "uk-force")
    text = (
        Renderer(loaded, options(audience="public"))
        .render(DOCUMENTS["checklist-pre-election"], None)
        .markdown
    )
    after = text[text.index("## After polling day") : text.index("## Agreements")]
    assert "not in the plan's timetable yet" not in after
    assert (
        "| – | Electoral Commission debrief meeting (June/July) |  |  | MTG011 | not in this edition's timetable |"
        in after
    )


def _debrief(loaded: LoadedPlan, audience: str = "internal") -> str:
    return Renderer(loaded, options(audience=audience)).render(DOCUMENTS["debrief"], None).markdown


def _section(text: str, heading: str) -> str:
    start = text.index(f"## {heading}\n")
    return text[start : text.index("\n## ", start + 3)]


def test_the_debrief_lists_the_same_programme_with_dates() -> None:
    """The Electoral Commission and gold debriefs in the debrief, dated from the timetable:
    the very steps the pre-election checklist uses (one programme)."""
    loaded = load_plan(EXAMPLES / "uk-force")
    steps = _section(_debrief(loaded), "Debriefs: Electoral Commission and gold")
    assert (
        "| Electoral Commission debrief meeting (June/July) | Electoral Commission debrief "
        "meeting | 24 Jun 2027 13:00 (E+7w) |" in steps
    )
    assert (
        "| Gold group debrief (September) | Gold group debrief – Operation Castlegate "
        "| 6 Sep 2027 10:00 (E+4m) | Force election SPOC: Rachel Okafor | no |" in steps
    )
    assert "section “Post-election debrief”" in steps
    from elecsafe.render.documents.post_poll import PROGRAMME

    for step in PROGRAMME["GB"]:
        assert f"| {step.text} |" in steps


def test_a_debrief_step_the_plan_lacks_says_so(uk_loaded: LoadedPlan) -> None:
    steps = _section(_debrief(uk_loaded), "Debriefs: Electoral Commission and gold")
    assert "| Gold group debrief (September) | *not in the plan's timetable yet* |" in steps


def test_the_us_debrief_has_the_after_action_review_not_the_uk_debriefs() -> None:
    text = _debrief(load_plan(EXAMPLES / "us-county"))
    steps = _section(text, "After-action review")
    assert "| Joint after-action review with law enforcement | Joint after-action review" in steps
    assert "Dec 14, 2028 09:00" in steps
    assert "Electoral Commission" not in text and "Gold" not in text and "gold" not in text
