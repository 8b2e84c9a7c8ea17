"""Public editions: the public marking, a readable title, the public venues in the register.

That no public edition of the examples prints a restrictive marking or a back-office site, and
that documents speak their country's language, is swept over every document, format and
audience in test_done_when.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.render.conftest import REPO, options

EXAMPLES = ("uk-force", "us-county")


@pytest.fixture(scope="module", params=EXAMPLES)
def example(request: pytest.FixtureRequest) -> LoadedPlan:
    return load_plan(REPO / "examples" / request.param)


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


def test_vocabulary_keeps_case_and_whole_words() -> None:
    from elecsafe.render.vocabulary import term, words

    assert words("Organisation of the Returning Officer", "US") == (
        "Organization of the Election officials"
    )
    assert words("authorized organizations", "GB") == "authorised organisations"
    assert words("reorganisationist", "US") == "reorganisationist"
    assert term("Organisation", "US") == "Organization"
    assert term("consideration", "GB") == "Consideration (APP)"
