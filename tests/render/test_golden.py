"""Golden Markdown for every document of the fixture plans and the bundled examples.

Regenerate with ``ELECSAFE_UPDATE_GOLDENS=1 pytest tests/render`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from elecsafe.findings import Severity
from elecsafe.load.loader import load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.render.conftest import FIXTURES, GOLDEN, REPO, UPDATE_GOLDENS, options

PLANS = {
    "uk-mini": FIXTURES / "uk-mini",
    "us-mini": FIXTURES / "us-mini",
    "us-county": REPO / "examples" / "us-county",
    "uk-force": REPO / "examples" / "uk-force",
}


def _cases() -> list[tuple[str, str, str]]:
    """(plan, document, audience): partners editions, and contacts for internal."""
    return [
        (plan, name, "internal" if DOCUMENTS[name].internal_only else "partners")
        for plan in PLANS
        for name in DOCUMENTS
    ]


@pytest.mark.parametrize(("plan", "name", "audience"), _cases())
def test_golden_markdown(plan: str, name: str, audience: str) -> None:
    directory = PLANS[plan]
    if not (directory / "plan.yaml").is_file():
        pytest.skip(f"{plan} is not written yet")
    loaded = load_plan(directory)
    if loaded.plan is None or any(f.severity is Severity.ERROR for f in loaded.findings):
        pytest.skip(f"{plan} does not load cleanly yet")
    if not UPDATE_GOLDENS and not (GOLDEN / plan).is_dir():
        pytest.skip(f"no goldens for {plan} yet: ELECSAFE_UPDATE_GOLDENS=1 pytest tests/render")
    renderer = Renderer(loaded, options(audience=audience))
    spec = DOCUMENTS[name]
    if renderer.applicable(spec):
        golden_dir = GOLDEN / plan
        assert not list(golden_dir.glob(f"{name}*.md")), "stale golden for a skipped document"
        return
    for target in renderer.targets(spec, None):
        doc = renderer.render(spec, target)
        golden = GOLDEN / plan / f"{Path(doc.filename).stem}.md"
        if UPDATE_GOLDENS:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(doc.markdown, encoding="utf-8")
        assert golden.is_file(), f"missing {golden}: run ELECSAFE_UPDATE_GOLDENS=1 pytest"
        assert doc.markdown == golden.read_text(encoding="utf-8"), (
            f"{golden} differs: review, then ELECSAFE_UPDATE_GOLDENS=1 pytest tests/render"
        )
