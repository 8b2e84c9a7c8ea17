"""A document whose part of the plan still has placeholders says DRAFT, in every format."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from elecsafe.cli.app import app
from elecsafe.load.loader import load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import Renderer
from tests.render.conftest import REPO, options


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("draft") / "plan"
    result = CliRunner().invoke(
        app,
        ["init", str(target), "--profile", "uk-force", "--name", "Severnshire",
         "--poll-date", "2027-05-06"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return target


def _render(plan: Path, fmt: str, audience: str = "partners") -> tuple[str, bytes]:
    renderer = Renderer(load_plan(plan), options(fmt=fmt, audience=audience))
    spec = DOCUMENTS["mou"]
    [target] = renderer.targets(spec, None)[:1]
    doc = renderer.render(spec, target)
    return doc.markdown, doc.data


def test_markdown_draft_names_what_is_missing(scaffolded: Path) -> None:
    markdown, _ = _render(scaffolded, "md")
    title = next(line for line in markdown.splitlines() if line.startswith("# "))
    assert title.startswith("# DRAFT: ")
    assert "> **DRAFT — not ready to sign or publish.**" in markdown
    assert "> - sections › purpose and scope" in markdown
    assert markdown.rstrip().splitlines()[-1].startswith("*DRAFT · ")


def test_html_and_word_carry_the_mark_in_title_header_and_footer(scaffolded: Path) -> None:
    _, page = _render(scaffolded, "html")
    html = page.decode("utf-8")
    assert "<title>DRAFT: " in html
    assert '<header class="running marking">DRAFT · ' in html
    assert '<footer class="running marking">DRAFT · ' in html
    _, data = _render(scaffolded, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        header = archive.read("word/header1.xml").decode("utf-8")
        footer = archive.read("word/footer1.xml").decode("utf-8")
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert ">DRAFT · " in header and ">DRAFT · " in footer
    assert "<dc:title>DRAFT: " in core


def test_a_ready_plan_is_not_marked(tmp_path: Path) -> None:
    for example in ("uk-force", "us-county"):
        renderer = Renderer(load_plan(REPO / "examples" / example), options())
        for name in ("mou", "command-chart", "site-register"):
            spec = DOCUMENTS[name]
            for target in renderer.targets(spec, None)[:1]:
                assert "DRAFT" not in renderer.render(spec, target).markdown
