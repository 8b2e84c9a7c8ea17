"""The guidance registry: citations by publication and section, never by internal tag."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from elecsafe.cli.app import app
from elecsafe.guidance import BY_KEY, DOCUMENT_SECTIONS, PUBLICATIONS, citations, cite
from elecsafe.lint.registry import registry
from elecsafe.load.loader import load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import render_all
from tests.render.conftest import options

REPO = Path(__file__).resolve().parent.parent
TAG = re.compile(r"\bS00[0-4]\b|guidance folder")
runner = CliRunner()


def test_citations_name_publication_and_section() -> None:
    found = citations(
        "APP Election-day considerations: 'locations'; Roadmap §I and IV ask for contacts; "
        "Public Safety & Elections, Draft and update mutual aid agreements: the topics; "
        "the APP's scale; CSSE Our Principles."
    )
    assert [(c.publication.key, c.section) for c in found] == [
        ("app", "Election-day considerations"),
        ("roadmap", "I"),
        ("roadmap", "IV"),
        ("public-safety-guide", "Draft and update mutual aid agreements"),
        ("csse", "Our Principles"),
    ]
    assert found[1].short == "Roadmap §I"
    assert "Committee for Safe and Secure Elections" in found[-1].text


def test_a_bare_mention_cites_the_publication_as_a_whole() -> None:
    [only] = citations("as the APP asks")
    assert only.publication is BY_KEY["app"] and only.section is None
    assert citations("an application is not the APP") == [only]
    assert citations("APPLE and MAPPING") == []


def test_unknown_sections_are_refused() -> None:
    with pytest.raises(KeyError):
        cite("app", "Nothing of the kind")


def test_the_one_public_address_is_the_publishers() -> None:
    addresses = {p.key: p.address for p in PUBLICATIONS if p.address}
    assert addresses == {
        "building-partnerships": "https://electionsgroup.com/election-communications-back-to-the-basics-building-partnerships/"
    }


def test_every_rule_citing_guidance_resolves_to_the_registry() -> None:
    cited = [rule for rule in registry().values() if rule.citations]
    assert len(cited) > 60
    for rule in registry().values():
        assert not TAG.search(rule.rationale + rule.summary + rule.fix), rule.code


def test_no_internal_tag_in_the_product() -> None:
    offenders = []
    for folder in ("src", "templates", "schemas"):
        for path in (REPO / folder).rglob("*"):
            if path.suffix not in {".py", ".j2", ".yaml", ".md", ".css", ".json"}:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if TAG.search(line) and "TAG = re.compile" not in line:
                    offenders.append(f"{path.relative_to(REPO)}:{number}")
    assert offenders == []


@pytest.mark.parametrize("example", ["uk-force", "us-county"])
def test_documents_cite_no_internal_tag(example: str) -> None:
    loaded = load_plan(REPO / "examples" / example)
    for audience in ("public", "partners"):
        docs, _ = render_all(loaded, options(audience=audience))
        for doc in docs:
            assert not TAG.search(doc.markdown), f"{doc.filename}: {TAG.search(doc.markdown)}"


def test_document_sections_name_real_documents() -> None:
    assert {name for name, _, _ in DOCUMENT_SECTIONS} <= set(DOCUMENTS)


def test_guidance_command_json_lists_sections_with_rules_and_documents() -> None:
    result = runner.invoke(app, ["guidance", "--format", "json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert [p["key"] for p in report["publications"]] == [p.key for p in PUBLICATIONS]
    app_sections = {s["name"]: s for s in report["publications"][0]["sections"]}
    day = app_sections["Election-day considerations"]
    assert "SITE001" in day["rules"] and "SITE002" in day["rules"]
    assert "checklist-election-day: election-day considerations" in day["documents"]


def test_guidance_command_text_and_markdown() -> None:
    text = runner.invoke(app, ["guidance"])
    assert text.exit_code == 0
    assert text.stdout.startswith("College of Policing, Authorised Professional Practice")
    assert "VII. Identify methods for maintaining the relationship" in text.stdout
    markdown = runner.invoke(app, ["guidance", "--format", "md"])
    assert "| Section | Rules | Documents |" in markdown.stdout
    assert "| VI. Develop a plan for continued collaboration |" in markdown.stdout
    assert runner.invoke(app, ["guidance", "--format", "pdf"]).exit_code == 2
