"""Golden Markdown and HTML for every document of the fixture plans and the bundled examples.

Regenerate with ``pytest tests/render --update-goldens`` (or ``ELECSAFE_UPDATE_GOLDENS=1``)
and review the diff.
Partners editions of every document, the internal contact list (with the example's private
layer copied into place, as its README tells users to do) and the public edition of the
checklists, which must show the public timetable.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from elecsafe import __version__
from elecsafe.findings import Severity
from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import RenderedDocument, Renderer
from tests.render.conftest import FIXTURES, GOLDEN, REPO, options

PLANS = {
    "uk-mini": FIXTURES / "uk-mini",
    "us-mini": FIXTURES / "us-mini",
    "us-county": REPO / "examples" / "us-county",
    "uk-force": REPO / "examples" / "uk-force",
}
PUBLIC_EDITIONS = ("checklist-pre-election", "checklist-election-day", "site-register")
# Documents that do not apply to a plan (test_not_applicable checks the reasons).
NOT_APPLICABLE = {
    ("us-mini", "maa"): "the plan has no mutual aid agreements to render",
    ("us-mini", "checklist-spoc-esm"): "is a UK document",
    ("us-county", "checklist-spoc-esm"): "is a UK document",
}


def _cases() -> list[tuple[str, str, str]]:
    """(plan, document, audience) of every document that applies."""
    cases = [
        (plan, name, "internal" if DOCUMENTS[name].internal_only else "partners")
        for plan in PLANS
        for name in DOCUMENTS
    ]
    cases += [(plan, name, "public") for plan in PLANS for name in PUBLIC_EDITIONS]
    return [c for c in cases if c[:2] not in NOT_APPLICABLE]


def _load(plan: str, tmp_path: Path, audience: str) -> LoadedPlan:
    directory = PLANS[plan]
    example = directory / "private" / "contacts.example.yaml"
    if audience == "internal" and example.is_file():
        copy = tmp_path / plan
        shutil.copytree(directory, copy, ignore=shutil.ignore_patterns("out", ".git"))
        shutil.copy(example, copy / "private" / "contacts.yaml")
        directory = copy
    loaded = load_plan(directory)
    errors = [f.message for f in loaded.findings if f.severity is Severity.ERROR]
    assert loaded.plan is not None and not errors, f"{plan} does not load cleanly: {errors[:3]}"
    return loaded


CASES = _cases()


@pytest.mark.parametrize(("plan", "name", "audience"), CASES)
def test_golden_documents(
    plan: str, name: str, audience: str, tmp_path: Path, update_goldens: bool
) -> None:
    loaded = _load(plan, tmp_path, audience)
    spec = DOCUMENTS[name]
    golden_dir = GOLDEN / plan
    renderers = {fmt: Renderer(loaded, options(audience=audience, fmt=fmt)) for fmt in FORMATS}
    assert renderers["md"].applicable(spec) is None
    targets = renderers["md"].targets(spec, None)
    assert targets
    for target in targets:
        for fmt, renderer in renderers.items():
            doc = renderer.render(spec, target)
            text = doc.markdown if fmt == "md" else _stable(doc.data.decode("utf-8"))
            golden = golden_dir / f"{Path(doc.filename).stem}.{fmt}"
            if update_goldens:
                golden.parent.mkdir(parents=True, exist_ok=True)
                golden.write_text(text, encoding="utf-8")
            assert golden.is_file(), f"missing {golden}: run pytest tests/render --update-goldens"
            assert text == golden.read_text(encoding="utf-8"), (
                f"{golden} differs: review, then pytest tests/render --update-goldens"
            )


FORMATS = ("md", "html")


def _stable(html: str) -> str:
    """The page without the version of elecsafe that wrote it."""
    return html.replace(f"elecsafe {__version__}", "elecsafe VERSION")


@pytest.mark.parametrize(("plan", "name"), sorted(NOT_APPLICABLE))
def test_not_applicable(plan: str, name: str) -> None:
    """The documents left out of the goldens are left out for the reason the CLI gives."""
    renderer = Renderer(load_plan(PLANS[plan]), options())
    reason = renderer.applicable(DOCUMENTS[name])
    assert reason is not None and NOT_APPLICABLE[plan, name] in reason


@pytest.mark.parametrize("plan", list(PLANS))
def test_every_golden_belongs_to_a_document(plan: str) -> None:
    """A golden left behind by a renamed document or agreement fails here, not silently."""
    loaded = load_plan(PLANS[plan])
    expected: set[str] = set()
    for audience in ("partners", "internal", "public"):
        renderer = Renderer(loaded, options(audience=audience))
        for spec in DOCUMENTS.values():
            if (plan, spec.name, audience) not in CASES or renderer.applicable(spec):
                continue
            for target in renderer.targets(spec, None):
                doc = RenderedDocument(spec, target, "md", audience, "", b"")
                expected.add(Path(doc.filename).stem)
    assert {p.stem for p in (GOLDEN / plan).glob("*.md")} == expected
    assert {p.stem for p in (GOLDEN / plan).glob("*.html")} == expected
