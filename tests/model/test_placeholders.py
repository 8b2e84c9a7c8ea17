"""The one placeholder detector: what counts as a draft value, and where it sits."""

from __future__ import annotations

from elecsafe.model.placeholders import (
    Placeholders,
    find_placeholders,
    is_placeholder,
    placeholder_hint,
)

DATA = {
    "id": "plan",
    "mous": [
        {"id": "a", "sections": {"review": "TODO: when the MoU is reviewed", "scope": "all"}},
        {"id": "b", "sections": {"review": "every May"}},
    ],
    "people": [{"id": "p", "display_name": "TODO name of the SPOC"}],
    "notes": ["done", "TODO"],
}


def test_only_text_starting_with_the_marker_is_a_placeholder() -> None:
    assert is_placeholder("TODO: name")
    assert is_placeholder("TODO")
    assert not is_placeholder("todo list agreed")  # lower case: ordinary prose
    assert not is_placeholder("see TODO list")  # not at the start
    assert not is_placeholder(None)
    assert not is_placeholder(7)


def test_hint_is_what_the_placeholder_asks_for() -> None:
    assert placeholder_hint("TODO: name of the council") == "name of the council"
    assert placeholder_hint("TODO - date") == "date"
    assert placeholder_hint("TODO") == ""


def test_paths_in_document_order() -> None:
    assert find_placeholders(DATA) == [
        (("mous", 0, "sections", "review"), "TODO: when the MoU is reviewed"),
        (("people", 0, "display_name"), "TODO name of the SPOC"),
        (("notes", 1), "TODO"),
    ]


def test_under_answers_for_any_prefix() -> None:
    found = Placeholders.of(DATA)
    assert len(found) == 3 and found
    assert found.under(("mous", 0))
    assert found.under(("mous",), ("people", 5))
    assert found.under(("mous", 0, "sections", "review"))
    assert not found.under(("mous", 1))
    assert not found.under(("mous", 0, "sections", "scope"))
    assert found.within(("mous",)) == [("mous", 0, "sections", "review")]


def test_a_plan_without_placeholders() -> None:
    found = Placeholders.of({"mous": [{"id": "a"}]})
    assert not found and len(found) == 0
    assert not found.under(())
