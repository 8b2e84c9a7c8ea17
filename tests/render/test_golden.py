"""Golden Markdown, HTML and Word for every document × audience of the fixture plans and the
bundled examples.

Regenerate with ``pytest tests/render --update-goldens`` (or ``ELECSAFE_UPDATE_GOLDENS=1``)
and review the diff.

Layout: ``golden/<plan>/<document>[.<audience>].<format>``, named as ``elecsafe render``
names the file (partners editions carry no audience): ``mou-port-ashby-2027.public.md``,
``contacts.internal.html``. A Word file's golden is its text form (:mod:`.docx_text`),
``<name>.docx.txt``. Internal editions are rendered with the example's private layer copied
into place, as its README tells users to do.

Each document is rendered once per audience (the session's ``editions``, which
test_done_when.py reads too): the Markdown, HTML and Word editions are converted from that one
rendering (``Renderer.editions``), and each test compares one format, so a failure names plan,
document, audience and format.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from elecsafe import __version__
from elecsafe.load.loader import load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import FORMATS, RenderedDocument, Renderer
from elecsafe.render.redact import AUDIENCES
from tests.render.conftest import GOLDEN, PLANS, Editions, options
from tests.render.docx_text import docx_text

# Documents that do not apply to a plan (test_not_applicable checks the reasons).
NOT_APPLICABLE = {
    ("us-mini", "maa"): "the plan has no mutual aid agreements to render",
    ("us-mini", "checklist-spoc-esm"): "is a UK document",
    ("us-county", "checklist-spoc-esm"): "is a UK document",
}
# Audiences a document is not rendered for (test_not_applicable checks the reasons).
NOT_FOR_AUDIENCE = {
    ("contacts", "public"): "renders for the internal audience only",
    ("contacts", "partners"): "renders for the internal audience only",
}
SUFFIX = {"md": ".md", "html": ".html", "docx": ".docx.txt"}


def _cases() -> list[tuple[str, str, str]]:
    """(plan, document, audience) of every document and audience that applies."""
    return [
        (plan, name, audience)
        for plan in PLANS
        for name in DOCUMENTS
        for audience in AUDIENCES
        if (plan, name) not in NOT_APPLICABLE and (name, audience) not in NOT_FOR_AUDIENCE
    ]


CASES = _cases()


def _stable(text: str) -> str:
    """The page without the version of elecsafe that wrote it."""
    return text.replace(f"elecsafe {__version__}", "elecsafe VERSION")


def _text(doc: RenderedDocument) -> str:
    if doc.fmt == "md":
        return doc.markdown
    if doc.fmt == "html":
        return _stable(doc.data.decode("utf-8"))
    return docx_text(doc.data)


def _golden(plan: str, doc: RenderedDocument) -> Path:
    return GOLDEN / plan / (Path(doc.filename).stem + SUFFIX[doc.fmt])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("plan", "name", "audience"), CASES)
def test_golden_documents(
    plan: str, name: str, audience: str, fmt: str, editions: Editions, update_goldens: bool
) -> None:
    for formats in editions.of(plan, name, audience):
        doc = formats[fmt]
        text = _text(doc)
        golden = _golden(plan, doc)
        if update_goldens:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(text, encoding="utf-8")
        assert golden.is_file(), f"missing {golden}: run pytest tests/render --update-goldens"
        assert text == golden.read_text(encoding="utf-8"), (
            f"{golden} differs: review, then pytest tests/render --update-goldens"
        )


@pytest.mark.parametrize(("plan", "name"), sorted(NOT_APPLICABLE))
def test_not_applicable(plan: str, name: str) -> None:
    """The documents left out of the goldens are left out for the reason the CLI gives."""
    renderer = Renderer(load_plan(PLANS[plan]), options())
    reason = renderer.applicable(DOCUMENTS[name])
    assert reason is not None and NOT_APPLICABLE[plan, name] in reason


@pytest.mark.parametrize(("name", "audience"), sorted(NOT_FOR_AUDIENCE))
def test_not_for_audience(name: str, audience: str) -> None:
    """The audiences left out of the goldens are left out for the reason the CLI gives, and
    every other document renders for every audience."""
    loaded = load_plan(PLANS["uk-mini"])
    reason = Renderer(loaded, options(audience=audience)).applicable(DOCUMENTS[name])
    assert reason is not None and NOT_FOR_AUDIENCE[name, audience] in reason
    for other in AUDIENCES:
        renderer = Renderer(loaded, options(audience=other))
        for spec in DOCUMENTS.values():
            if (spec.name, other) not in NOT_FOR_AUDIENCE:
                assert renderer.applicable(spec) is None, (spec.name, other)


@pytest.mark.parametrize("plan", list(PLANS))
def test_every_golden_belongs_to_a_document(plan: str) -> None:
    """A golden left behind by a renamed document or agreement fails here, not silently."""
    loaded = load_plan(PLANS[plan])
    expected: dict[str, set[str]] = {fmt: set() for fmt in FORMATS}
    for audience in AUDIENCES:
        renderer = Renderer(loaded, options(audience=audience))
        for spec in DOCUMENTS.values():
            if (plan, spec.name, audience) not in CASES:
                continue
            for target in renderer.targets(spec, None):
                for fmt in FORMATS:
                    doc = RenderedDocument(spec, target, fmt, audience, "", b"")
                    expected[fmt].add(_golden(plan, doc).name)
    found = {p.name for p in (GOLDEN / plan).iterdir()}
    for fmt in FORMATS:
        assert {n for n in found if n.endswith(SUFFIX[fmt])} == expected[fmt], fmt
    assert found == set().union(*expected.values())
