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
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.render.conftest import options


def _is_literal_or_ref(model: type[BaseModel], name: str) -> bool:
    """Enum values ("red", "none") and ids are not secrets worth searching for."""
    if name == "id":  # ids are printed by findings and file names by design
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
    marking on its path from the plan root.
    """
    out = set() if out is None else out
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            level = max(inherited, field_sensitivity(type(value), name).rank)
            if isinstance(value, ContactMethod):
                level = max(inherited, value.sensitivity.rank)
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
    assert "> - site: vulnerability\n> - site: police presence\n" in register
    assert "| St Mary's Church Hall | *withheld* | *withheld* |" in register


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
        "| Insp Holly Brennan | Force election SPOC | Wyvernshire Constabulary | Mobile: 07700 900123; Email: holly.brennan@example.org |"
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
