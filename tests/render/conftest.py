"""Fixtures for the render tests.

Golden files: ``tests/render/golden/<plan>/<document>[.<audience>].md``, ``.html`` and
``.docx.txt`` (test_golden.py). Regenerate them after an intended change with
``pytest tests/render --update-goldens`` (the environment variable ``ELECSAFE_UPDATE_GOLDENS=1``
does the same), then review the diff.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from elecsafe.findings import Severity
from elecsafe.lint.runner import LintOptions, LintResult, run
from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS, RenderOptions
from elecsafe.render.pipeline import FORMATS, RenderedDocument, Renderer
from elecsafe.render.redact import AUDIENCES

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
REPO = HERE.parent.parent
GENERATED_ON = date(2026, 11, 22)
# The plans with goldens (test_golden.py); the examples are swept by test_done_when.py.
PLANS = {
    "uk-mini": FIXTURES / "uk-mini",
    "us-mini": FIXTURES / "us-mini",
    "us-county": REPO / "examples" / "us-county",
    "uk-force": REPO / "examples" / "uk-force",
}


def options(**kwargs: object) -> RenderOptions:
    kwargs.setdefault("generated_on", GENERATED_ON)
    return RenderOptions(**kwargs)  # type: ignore[arg-type]


def plan_copy(tmp_path: Path, name: str) -> Path:
    """A private copy of a fixture plan, safe to modify."""
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    return target


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """``--update-goldens`` (tests/conftest.py), or ELECSAFE_UPDATE_GOLDENS=1."""
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def uk_loaded() -> LoadedPlan:
    return load_plan(FIXTURES / "uk-mini")


@pytest.fixture
def us_loaded() -> LoadedPlan:
    return load_plan(FIXTURES / "us-mini")


@pytest.fixture
def uk_plan(tmp_path: Path) -> Path:
    return plan_copy(tmp_path, "uk-mini")


@dataclass
class Editions:
    """Each (plan, document, audience) rendered once, in every format, on first use.

    Internal editions read the plan with its private layer copied into place (as the
    examples' READMEs tell users to do); each plan is checked once, as ``elecsafe render``
    does before rendering, and the check is shared by its audiences."""

    tmp: Path
    plans: dict[tuple[str, bool], tuple[LoadedPlan, LintResult]] = field(default_factory=dict)
    renderers: dict[tuple[str, str], Renderer] = field(default_factory=dict)
    done: dict[tuple[str, str, str], list[dict[str, RenderedDocument]]] = field(
        default_factory=dict
    )

    def plan(self, plan: str, private: bool = False) -> tuple[LoadedPlan, LintResult]:
        if (plan, private) not in self.plans:
            loaded = _load(plan, self.tmp, private)
            self.plans[plan, private] = loaded, run(loaded, LintOptions(today=GENERATED_ON))
        return self.plans[plan, private]

    def renderer(self, plan: str, audience: str) -> Renderer:
        if (plan, audience) not in self.renderers:
            loaded, lint = self.plan(plan, audience == "internal")
            self.renderers[plan, audience] = Renderer(loaded, options(audience=audience, lint=lint))
        return self.renderers[plan, audience]

    def of(self, plan: str, name: str, audience: str) -> list[dict[str, RenderedDocument]]:
        """One dict format -> document per target (agreement) of the document."""
        key = (plan, name, audience)
        if key not in self.done:
            renderer = self.renderer(plan, audience)
            spec = DOCUMENTS[name]
            assert renderer.applicable(spec) is None
            targets = renderer.targets(spec, None)
            assert targets
            self.done[key] = [
                {doc.fmt: doc for doc in renderer.editions(spec, target, FORMATS)}
                for target in targets
            ]
        return self.done[key]

    def every(
        self, plan: str, audiences: tuple[str, ...] = AUDIENCES
    ) -> Iterator[RenderedDocument]:
        """Every document of the plan that applies, for every audience, in every format."""
        for audience in audiences:
            renderer = self.renderer(plan, audience)
            for spec in DOCUMENTS.values():
                if renderer.applicable(spec) is None:
                    for formats in self.of(plan, spec.name, audience):
                        yield from formats.values()


def _load(plan: str, tmp_path: Path, private: bool) -> LoadedPlan:
    directory = PLANS[plan]
    example = directory / "private" / "contacts.example.yaml"
    if private and example.is_file():
        copy = tmp_path / plan
        shutil.copytree(directory, copy, ignore=shutil.ignore_patterns("out", ".git"))
        shutil.copy(example, copy / "private" / "contacts.yaml")
        directory = copy
    loaded = load_plan(directory)
    errors = [f.message for f in loaded.findings if f.severity is Severity.ERROR]
    assert loaded.plan is not None and not errors, f"{plan} does not load cleanly: {errors[:3]}"
    return loaded


@pytest.fixture(scope="session")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Editions:
    """The rendered editions of the golden plans, shared by the tests of one session."""
    return Editions(tmp_path_factory.mktemp("plans"))
