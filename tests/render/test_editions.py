"""Public editions: no restrictive marking, a readable title, no back-office site."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.model.sites import PUBLIC_VENUE_KINDS
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer, render_all
from tests.render.conftest import REPO, options

EXAMPLES = ("uk-force", "us-county")


@pytest.fixture(scope="module", params=EXAMPLES)
def example(request: pytest.FixtureRequest) -> LoadedPlan:
    return load_plan(REPO / "examples" / request.param)


def _markings(loaded: LoadedPlan) -> set[str]:
    assert loaded.plan is not None
    found = {loaded.plan.handling.marking}
    for agreement in [*loaded.plan.mous, *loaded.plan.mutual_aid]:
        if agreement.handling is not None:
            found.add(agreement.handling.marking)
    return found


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        )


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_public_editions_carry_no_restrictive_marking(example: LoadedPlan, fmt: str) -> None:
    docs, _ = render_all(example, options(audience="public", fmt=fmt))
    assert docs
    markings = _markings(example)
    for doc in docs:
        text = _docx_text(doc.data) if fmt == "docx" else doc.data.decode("utf-8")
        for marking in markings:
            assert marking not in text, f"{doc.filename} prints {marking!r}"


def test_partners_editions_keep_the_marking(example: LoadedPlan) -> None:
    assert example.plan is not None
    docs, _ = render_all(example, options(audience="partners", fmt="html"))
    marking = example.plan.handling.marking
    for doc in docs:
        if doc.spec.per is None:
            assert marking in doc.data.decode("utf-8")


def test_public_marking_is_printed_on_public_editions(tmp_path: Path) -> None:
    import shutil

    plan_dir = tmp_path / "plan"
    shutil.copytree(REPO / "examples" / "us-county", plan_dir)
    text = (plan_dir / "plan.yaml").read_text(encoding="utf-8")
    assert "handling:\n" in text
    text = text.replace("handling:\n", "handling:\n  public_marking: PUBLIC - FOR POSTING\n", 1)
    (plan_dir / "plan.yaml").write_text(text, encoding="utf-8")
    loaded = load_plan(plan_dir)
    doc = Renderer(loaded, options(audience="public")).render(DOCUMENTS["site-register"], None)
    assert doc.markdown.startswith("**PUBLIC - FOR POSTING**")
    assert "CONFIDENTIAL" not in doc.markdown


def test_public_agreement_titles_are_readable(example: LoadedPlan) -> None:
    renderer = Renderer(example, options(audience="public"))
    for name in ("mou", "maa"):
        spec = DOCUMENTS[name]
        if renderer.applicable(spec):
            continue
        ids = renderer.item_ids(spec)
        for item in ids:
            markdown = renderer.render(spec, item).markdown
            title = next(line for line in markdown.splitlines() if line.startswith("# "))
            assert item not in title
            assert title.startswith(f"# {spec.title}")


def test_public_site_register_lists_public_venues_only(example: LoadedPlan) -> None:
    assert example.plan is not None
    doc = Renderer(example, options(audience="public")).render(DOCUMENTS["site-register"], None)
    back_office = [s for s in example.plan.sites if s.kind not in PUBLIC_VENUE_KINDS]
    public = [s for s in example.plan.sites if s.kind in PUBLIC_VENUE_KINDS]
    assert back_office and public
    for site in back_office:
        assert f"| {site.name} |" not in doc.markdown.replace("\\", ""), site.id
    shown = [s for s in public if f"| {s.name} |" in doc.markdown.replace("\\", "")]
    assert len(shown) == len(public)
    partners = Renderer(example, options()).render(DOCUMENTS["site-register"], None)
    assert all(f"| {s.name} |" in partners.markdown.replace("\\", "") for s in back_office)


def test_a_site_can_say_its_own_audience(tmp_path: Path) -> None:
    import shutil

    plan_dir = tmp_path / "plan"
    shutil.copytree(REPO / "examples" / "us-county", plan_dir)
    loaded = load_plan(plan_dir)
    assert loaded.plan is not None
    count = next(s for s in loaded.plan.sites if s.kind == "central_count_facility")
    path = next(p for p in plan_dir.rglob("*.yaml") if f"id: {count.id}\n" in p.read_text())
    text = path.read_text()
    text = text.replace(f"id: {count.id}\n", f"id: {count.id}\n    sensitivity: partners\n", 1)
    path.write_text(text)
    loaded = load_plan(plan_dir)
    doc = Renderer(loaded, options(audience="public")).render(DOCUMENTS["site-register"], None)
    assert count.name not in doc.markdown.replace("\\", "")


# What a US reader would not say, and what a UK reader would not (in elecsafe's own words).
UK_ONLY = re.compile(
    r"\b(organisation\w*|authoris\w*|minimis\w*|returning officer|polling stations?)\b|\(APP\)",
    re.I,
)
US_ONLY = re.compile(r"\b(organization\w*|authoriz\w*|minimiz\w*)\b", re.I)


@pytest.mark.parametrize(("example", "pattern"), [("us-county", UK_ONLY), ("uk-force", US_ONLY)])
def test_documents_speak_the_country_s_language(example: str, pattern: re.Pattern[str]) -> None:
    loaded = load_plan(REPO / "examples" / example)
    for audience in ("public", "partners"):
        docs, _ = render_all(loaded, options(audience=audience))
        for doc in docs:
            found = pattern.search(doc.markdown)
            assert found is None, f"{doc.filename}: {found}"


def test_vocabulary_keeps_case_and_whole_words() -> None:
    from elecsafe.render.vocabulary import term, words

    assert words("Organisation of the Returning Officer", "US") == (
        "Organization of the Election officials"
    )
    assert words("authorized organizations", "GB") == "authorised organisations"
    assert words("reorganisationist", "US") == "reorganisationist"
    assert term("Organisation", "US") == "Organization"
    assert term("consideration", "GB") == "Consideration (APP)"
