"""Audiences: nothing above the audience reaches any document, in any format (domain.md §5)."""

from __future__ import annotations

import io
import types
import typing
from enum import Enum
from typing import Any

import pytest
from pydantic import BaseModel

from elecsafe.load.loader import LoadedPlan
from elecsafe.model import field_sensitivity
from elecsafe.model.base import AUDIENCE_RANK, ContactMethod, RefTo
from elecsafe.model.timetable import Milestone
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.render.conftest import options


def _is_literal_or_ref(model: type[BaseModel], name: str) -> bool:
    """Enum values ("red", "none") and ids are not secrets worth searching for."""
    if name == "id":  # ids are printed by findings and file names by design
        return True
    if name == "preferred_method":  # a contact method kind ("mobile"), not a secret
        return True
    info = model.model_fields[name]
    if any(isinstance(m, RefTo) for m in info.metadata):
        return True
    stack: list[Any] = [info.annotation]
    while stack:
        current = stack.pop()
        if typing.get_origin(current) is typing.Literal:
            return True
        if typing.get_origin(current) is typing.Annotated:
            args = typing.get_args(current)
            if any(isinstance(m, RefTo) for m in args[1:]):
                return True
            stack.append(args[0])
        elif typing.get_origin(current) in (typing.Union, types.UnionType, list):
            stack.extend(typing.get_args(current))
    return False


def values_above(
    value: Any, rank: int, inherited: int = 0, out: set[str] | None = None
) -> set[str]:
    """Every free-text value whose effective sensitivity is above ``rank``.

    Independent of the renderer's walker: the effective sensitivity of a value is the highest
    marking on its path from the plan root, including the marking an entity gives itself (a
    contact method's ``sensitivity``, a milestone's ``marking``).
    """
    out = set() if out is None else out
    if isinstance(value, BaseModel):
        own = 0
        if isinstance(value, ContactMethod):
            own = value.sensitivity.rank
        elif isinstance(value, Milestone):
            own = value.marking.rank
        for name in type(value).model_fields:
            level = max(inherited, own, field_sensitivity(type(value), name).rank)
            if _is_literal_or_ref(type(value), name):
                continue
            values_above(getattr(value, name), rank, level, out)
    elif isinstance(value, list | tuple):
        for item in value:
            values_above(item, rank, inherited, out)
    elif isinstance(value, dict):
        for item in value.values():
            values_above(item, rank, inherited, out)
    elif (
        isinstance(value, str)
        and not isinstance(value, Enum)
        and inherited > rank
        and len(value) >= 4
    ):
        out.add(value)
    return out


def private_values(loaded: LoadedPlan) -> set[str]:
    found: set[str] = set()
    for contact in loaded.contacts.values():
        found |= values_above(contact, -1)
    return found


def _text_of(doc: Any) -> str:
    if doc.fmt == "docx":
        import docx

        document = docx.Document(io.BytesIO(doc.data))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            parts += [cell.text for row in table.rows for cell in row.cells]
        section = document.sections[0]
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
        return "\n".join(parts)
    return doc.data.decode("utf-8")


def _all_documents(loaded: LoadedPlan, audience: str, fmt: str) -> list[Any]:
    renderer = Renderer(loaded, options(audience=audience, fmt=fmt))
    docs = []
    for spec in DOCUMENTS.values():
        if renderer.applicable(spec):
            continue
        docs += [renderer.render(spec, t) for t in renderer.targets(spec, None)]
    return docs


@pytest.mark.parametrize("fixture", ["uk_loaded", "us_loaded"])
@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_public_edition_has_no_restricted_or_private_value(
    fixture: str, fmt: str, request: pytest.FixtureRequest
) -> None:
    loaded: LoadedPlan = request.getfixturevalue(fixture)
    assert loaded.plan is not None
    secrets = values_above(loaded.plan, AUDIENCE_RANK["partners"]) | private_values(loaded)
    assert len(secrets) >= 3  # the fixture really has restricted data
    docs = _all_documents(loaded, "public", fmt)
    assert len(docs) >= 9
    for doc in docs:
        text = _text_of(doc)
        leaked = sorted(s for s in secrets if s in text)
        assert not leaked, f"{doc.filename} leaks {leaked}"


def test_public_edition_has_no_partner_value_either(uk_loaded: LoadedPlan) -> None:
    assert uk_loaded.plan is not None
    # long values only: short ones ("Polling day") also occur in the templates' own words
    partner_values = {
        v for v in values_above(uk_loaded.plan, AUDIENCE_RANK["public"]) if len(v) >= 15
    }
    assert "Insp Holly Brennan" in partner_values
    # the timetable: a partners milestone and a public milestone's notes are secrets here,
    # the public milestone's title is not
    assert "Marcher officers briefed on key restrictions" in partner_values
    assert "Gold suite at Wyvernshire HQ opens at 06:00" in partner_values
    assert "Count at Lowbridge Leisure Centre" not in partner_values
    for doc in _all_documents(uk_loaded, "public", "md"):
        leaked = sorted(s for s in partner_values if s in doc.markdown)
        assert not leaked, f"{doc.filename} leaks {leaked}"


def test_partners_edition_withholds_restricted_values_and_says_so(uk_loaded: LoadedPlan) -> None:
    assert uk_loaded.plan is not None
    secrets = values_above(uk_loaded.plan, AUDIENCE_RANK["partners"]) | private_values(uk_loaded)
    assert "Two disputes between tellers at the last poll" in secrets
    assert "07700 900123" in secrets
    docs = {d.filename: d for d in _all_documents(uk_loaded, "partners", "md")}
    for doc in docs.values():
        assert not [s for s in secrets if s in doc.markdown], doc.filename
    register = docs["site-register.md"].markdown
    assert "> **Withheld from this edition.** This partners edition leaves out:" in register
    assert "> - site: vulnerability assessment\n> - site: police presence\n" in register
    assert (
        "Vulnerability ratings, police presence and security checklists of the 2 polling "
        "places, counts and drop boxes are in the internal edition." in register
    )
    assert "Amber" not in register and "Occasional" not in register
    internal = Renderer(uk_loaded, options(audience="internal")).markdown(
        DOCUMENTS["site-register"], None
    )[0]
    assert "| St Mary's Church Hall | Amber | Occasional | Electoral services manager |" in internal


def test_public_checklists_show_public_milestones_and_nothing_else_of_the_timetable(
    uk_loaded: LoadedPlan,
) -> None:
    """Statutory dates, polling day and the count are public; their owners and notes, the
    meetings, training, and milestones marked (or by kind) partners or restricted are not."""
    renderer = Renderer(uk_loaded, options(audience="public"))
    pre = renderer.markdown(DOCUMENTS["checklist-pre-election"], None)[0]
    day = renderer.markdown(DOCUMENTS["checklist-election-day"], None)[0]
    assert "| – | Notice of election | 31 Mar 2027 (E−25wd) | *withheld* | TT002 |  |" in pre
    assert "| – | Polling day | 6 May 2027 (E) | *withheld* |  |  |" in pre
    assert (
        "| – | Count at Lowbridge Leisure Centre | 6 May 2027 22:30 (E) | *withheld* |  |  |" in day
    )
    assert "| – | Further timetable entries (not in this edition) |  |  |  | *withheld* |" in pre
    for text in (pre, day):
        assert "> - timetable milestones marked partners" in text
        assert "> - milestone: owner" in text
    assert "> - timetable milestones marked restricted\n" in pre
    hidden = (
        "Marcher officers briefed",  # a briefing milestone: partners by its kind
        "Ballot box escort route",  # marked restricted
        "Gold suite at Wyvernshire HQ",  # the notes of a public milestone
        "SPOC and ESM planning meeting",  # meetings are partners
        "Officer briefing on election law",  # training too
        "Insp Holly Brennan",  # the owner's holder
    )
    for text in (pre, day):
        assert not [h for h in hidden if h in text]
    partners = Renderer(uk_loaded, options(audience="partners"))
    pre = partners.markdown(DOCUMENTS["checklist-pre-election"], None)[0]
    assert "Marcher officers briefed on key restrictions" in pre
    assert "Ballot box escort route" not in pre
    assert "> - timetable milestones marked restricted" in pre


def test_confidential_person_is_never_named_below_internal(uk_loaded: LoadedPlan) -> None:
    """PRV004: the returning officer is in an address-confidentiality programme."""
    name = "Quillon Vasey-Marsh"
    for audience in ("public", "partners"):
        for doc in _all_documents(uk_loaded, audience, "md"):
            assert name not in doc.markdown, (audience, doc.filename)
    mou = Renderer(uk_loaded, options(audience="partners")).markdown(
        DOCUMENTS["mou"], "mou-lowbridge"
    )[0]
    assert "- names of people in an address-confidentiality programme" in mou
    internal = _all_documents(uk_loaded, "internal", "md")
    assert any(name in d.markdown for d in internal)


def test_contacts_merge_the_private_layer_for_internal_only(uk_loaded: LoadedPlan) -> None:
    renderer = Renderer(uk_loaded, options(audience="internal"))
    text = renderer.render(DOCUMENTS["contacts"], None).markdown
    assert (
        "| Insp Holly Brennan | Silver commander (deputy); Force election SPOC | Wyvernshire Constabulary | Mobile: 07700 900123; Email: holly.brennan@example.org |"
        in text
    )
    assert "**Contains personal data – not for public release.**" in text
    for audience in ("public", "partners"):
        reason = Renderer(uk_loaded, options(audience=audience)).applicable(DOCUMENTS["contacts"])
        assert reason is not None and "internal audience only" in reason


def test_public_contact_methods_follow_their_own_marking(uk_loaded: LoadedPlan) -> None:
    text = (
        Renderer(uk_loaded, options(audience="internal"))
        .render(DOCUMENTS["contacts"], None)
        .markdown
    )
    assert (
        "| Wyvernshire Constabulary | Work phone: 01632 960000; Email: ops-desk@example.org |"
        in text
    )
