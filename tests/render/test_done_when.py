"""The "done when" of the documents issue, swept over both examples: every document, in
Markdown, HTML and Word, for every audience.

- the command chart is a drawn picture: inline SVG in HTML (no script), a picture part in Word;
- no internal guidance tag (S000–S004) and no "guidance folder" anywhere;
- public editions carry no restrictive marking and list no back-office site;
- US documents contain no UK-only wording (the vocabulary registry's British terms), and UK
  documents no American spelling;
- Word files are tagged with the country's language, and site registers repeat their header
  row on every page;
- a checklist line verified by a rule that reports a finding is never ticked.

The editions are the ones the goldens compare (``editions`` in conftest.py: each document
rendered once per audience). Finer points have their own modules: the chart's layout
(test_chart.py), Word layout (test_word_layout.py), editions (test_editions.py), checklist
verdicts on the fixture plans (test_checklist_verdicts.py).
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from lxml import etree

from elecsafe.lint.runner import LintOptions, run
from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.model.base import Sensitivity
from elecsafe.render import DOCUMENTS
from elecsafe.render.pipeline import FORMATS, RenderedDocument, Renderer
from elecsafe.render.redact import AUDIENCES
from elecsafe.render.vocabulary import SPELLINGS, TERMS, US_PHRASES
from tests.render.conftest import GENERATED_ON, PLANS, Editions, options

EXAMPLES = ("uk-force", "us-county")
LANG = {"uk-force": "en-GB", "us-county": "en-US"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# Parts of python-docx's template (style and font names, theme): not text of the document.
TEMPLATE_PARTS = ("word/styles.xml", "word/stylesWithEffects.xml", "word/theme/theme1.xml")

# -- what a reader sees, per format ------------------------------------------------------------


class _Page(HTMLParser):
    """The text of an HTML page (with the alt/title/aria-label texts), its tags, table rows."""

    BLOCK = frozenset({"p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "div", "br"})
    SHOWN = frozenset({"alt", "title", "aria-label", "content"})

    def __init__(self, page: str) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in self.BLOCK:
            self.parts.append("\n")
        self.parts += [f" {value} " for name, value in attrs if name in self.SHOWN and value]
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if self.cell is not None:
            self.cell.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _docx_parts(doc: RenderedDocument) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(doc.data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _docx_text(doc: RenderedDocument) -> str:
    """Every paragraph of every XML part a reader can see (body, header, footer, properties),
    and the alternative texts of pictures."""
    lines: list[str] = []
    for name, content in _docx_parts(doc).items():
        if not name.endswith(".xml") or name in TEMPLATE_PARTS:
            continue
        root = etree.fromstring(content)
        paragraphs = list(root.iter(f"{W}p"))
        if paragraphs:
            lines += ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs]
        else:
            lines += [text for text in root.itertext() if text.strip()]
        lines += [value for e in root.iter() for k, value in e.items() if k in ("descr", "title")]
    return "\n".join(lines)


def _text(doc: RenderedDocument) -> str:
    if doc.fmt == "md":
        return doc.data.decode("utf-8").replace("\\", "")
    if doc.fmt == "html":
        return _Page(doc.data.decode("utf-8")).text
    return _docx_text(doc)


def _rows(doc: RenderedDocument) -> list[list[str]]:
    """The table rows of a document, as cell texts."""
    if doc.fmt == "md":
        return [
            [cell.strip().replace("\\", "") for cell in line.strip().strip("|").split(" | ")]
            for line in doc.markdown.splitlines()
            if line.startswith("|")
        ]
    if doc.fmt == "html":
        return _Page(doc.data.decode("utf-8")).rows
    document = docx.Document(io.BytesIO(doc.data))
    return [[cell.text for cell in row.cells] for t in document.tables for row in t.rows]


def _where(doc: RenderedDocument) -> str:
    return f"{doc.filename} ({doc.audience})"


@pytest.fixture(scope="module", params=EXAMPLES)
def example(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _every(editions: Editions, example: str, *audiences: str) -> Iterator[RenderedDocument]:
    docs = list(editions.every(example, audiences or AUDIENCES))
    assert {doc.fmt for doc in docs} == set(FORMATS)
    assert len({doc.spec.name for doc in docs}) >= 10, "not every document was rendered"
    return iter(docs)


# -- the chart ---------------------------------------------------------------------------------


def test_the_command_chart_is_a_drawn_picture(editions: Editions, example: str) -> None:
    drawn = 0
    for audience in ("public", "partners", "internal"):
        for formats in editions.of(example, "command-chart", audience):
            md, html, word = formats["md"], formats["html"], formats["docx"]
            if audience == "public":  # the command is withheld from the public
                assert "The command structure is *withheld*" in md.markdown
                assert "```mermaid" not in md.markdown
                continue
            assert "```mermaid" in md.markdown, _where(md)  # Markdown keeps Mermaid
            page = _Page(html.data.decode("utf-8"))
            assert "svg" in page.tags and "script" not in page.tags, _where(html)
            assert "flowchart" not in page.text, _where(html)
            parts = _docx_parts(word)
            body = etree.fromstring(parts["word/document.xml"])
            assert list(body.iter(f"{W}drawing")), _where(word)
            rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
            targets = {r.get("Id"): r.get("Target") for r in rels}
            for blip in body.iter(f"{A}blip"):
                picture = parts["word/" + targets[blip.get(f"{R}embed")]]
                assert picture.startswith(b"\x89PNG\r\n\x1a\n"), _where(word)
                drawn += 1
            assert "flowchart" not in _docx_text(word), _where(word)
    assert drawn == 2  # partners and internal


def test_no_html_document_runs_a_script_or_shows_mermaid_source(
    editions: Editions, example: str
) -> None:
    for doc in _every(editions, example):
        if doc.fmt == "html":
            page = _Page(doc.data.decode("utf-8"))
            assert "script" not in page.tags, _where(doc)
            assert "flowchart TD" not in page.text, _where(doc)


# -- citations ---------------------------------------------------------------------------------

INTERNAL_TAG = re.compile(r"\bS00[0-4]\b|guidance folder", re.I)


def test_no_internal_guidance_tag_or_folder_anywhere(editions: Editions, example: str) -> None:
    for doc in _every(editions, example):
        found = INTERNAL_TAG.search(_text(doc))
        assert found is None, f"{_where(doc)}: {found.group(0)!r}"


# -- public editions ---------------------------------------------------------------------------


def _markings(loaded: LoadedPlan) -> set[str]:
    """The plan's restrictive handling markings (the plan's and each agreement's)."""
    assert loaded.plan is not None
    found = {loaded.plan.handling.marking}
    for agreement in [*loaded.plan.mous, *loaded.plan.mutual_aid]:
        if agreement.handling is not None:
            found.add(agreement.handling.marking)
    return {marking for marking in found if marking}


def test_public_editions_carry_no_restrictive_marking(editions: Editions, example: str) -> None:
    loaded, _ = editions.plan(example)
    markings = _markings(loaded)
    assert markings
    for doc in _every(editions, example, "public"):
        text = _text(doc)
        for marking in markings:
            assert marking not in text, f"{_where(doc)} prints {marking!r}"
    # the partners editions do carry it: the check looks where the marking would be
    for doc in _every(editions, example, "partners"):
        if doc.spec.per is None:
            assert loaded.plan is not None
            assert loaded.plan.handling.marking in _text(doc), _where(doc)


def test_public_editions_list_no_back_office_site(editions: Editions, example: str) -> None:
    loaded, _ = editions.plan(example)
    assert loaded.plan is not None
    sites = loaded.plan.sites
    back_office = [s.name for s in sites if s.marking is not Sensitivity.PUBLIC]
    public = [s.name for s in sites if s.marking is Sensitivity.PUBLIC]
    assert back_office and public
    for doc in _every(editions, example, "public"):
        text = _text(doc)
        for name in back_office:
            assert name not in text, f"{_where(doc)} lists the back-office site {name!r}"
        if doc.spec.name == "site-register":  # and it lists the public venues
            assert all(name in text for name in public), _where(doc)
    # the partners register lists the back-office sites: the check finds names where they are
    for doc in editions.of(example, "site-register", "partners")[0].values():
        assert all(name in _text(doc) for name in back_office), _where(doc)


def test_the_us_example_has_early_voting_and_drop_boxes(editions: Editions) -> None:
    loaded, _ = editions.plan("us-county")
    assert loaded.plan is not None
    kinds = {"early_voting_site", "ballot_drop_box"}
    names = {s.kind: s.name for s in loaded.plan.sites if s.kind in kinds}
    assert set(names) == kinds
    for audience in ("public", "partners", "internal"):
        for name in ("site-register", "checklist-election-day", "briefing"):
            period = name != "site-register" and audience != "public"
            for doc in editions.of("us-county", name, audience)[0].values():
                text = _text(doc)
                assert all(n in text for n in names.values()), _where(doc)
                assert not period or "Early voting period" in text, _where(doc)


# -- language ----------------------------------------------------------------------------------


def _words(terms: set[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(t.strip()) for t in terms), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)", re.I)


# The British words the vocabulary registry rewrites for US documents, and the reverse.
UK_ONLY = _words(
    set(SPELLINGS)
    | set(US_PHRASES)
    | {entry["GB"] for entry in TERMS.values() if entry["GB"] != entry["US"]}
)
US_ONLY = _words(set(SPELLINGS.values()))


def test_documents_speak_the_country_s_language(editions: Editions, example: str) -> None:
    pattern = UK_ONLY if example == "us-county" else US_ONLY
    assert pattern.search("Returning officer") or pattern.search("organization")
    for doc in _every(editions, example):
        found = pattern.search(_text(doc))
        assert found is None, f"{_where(doc)}: {found.group(0)!r}"


def test_one_country_s_words_never_reach_the_other_through_the_template_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jinja folds a filter on a literal at compile time; the compiled template is cached per
    user, so ``"behaviour" | words`` compiled for a US plan said "behavior" in UK documents."""
    monkeypatch.setenv("ELECSAFE_CACHE_DIR", str(tmp_path / "cache"))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "debrief.md.j2").write_text(
        '# Debrief\n\n{{ "Report suspicious behaviour to the organisation." | words }}\n',
        encoding="utf-8",
    )
    said = {}
    for example in ("us-county", "uk-force", "us-county"):
        renderer = Renderer(load_plan(PLANS[example]), options(templates_dir=templates))
        said[example] = renderer.render(DOCUMENTS["debrief"], None).markdown
    assert "Report suspicious behavior to the organization." in said["us-county"]
    assert "Report suspicious behaviour to the organisation." in said["uk-force"]
    assert any((tmp_path / "cache").rglob("*")), "the template cache was not used"


def test_word_files_are_tagged_with_the_country_s_language(
    editions: Editions, example: str
) -> None:
    lang = LANG[example]
    for doc in _every(editions, example):
        if doc.fmt != "docx":
            continue
        parts = _docx_parts(doc)
        styles = etree.fromstring(parts["word/styles.xml"])
        defaults = styles.find(f"{W}docDefaults")
        assert defaults is not None
        assert {e.get(f"{W}val") for e in defaults.iter(f"{W}lang")} == {lang}, _where(doc)
        core = etree.fromstring(parts["docProps/core.xml"])
        languages = [e.text for e in core.iter("{http://purl.org/dc/elements/1.1/}language")]
        assert languages == [lang], _where(doc)


def test_word_site_registers_repeat_their_header_row(editions: Editions, example: str) -> None:
    tables = 0
    for audience in ("public", "partners", "internal"):
        word = editions.of(example, "site-register", audience)[0]["docx"]
        body = etree.fromstring(_docx_parts(word)["word/document.xml"])
        for table in body.iter(f"{W}tbl"):
            rows = table.findall(f"{W}tr")
            if len(rows) < 2:
                continue
            tables += 1
            header = [row.find(f"{W}trPr/{W}tblHeader") is not None for row in rows]
            assert header[0], f"{_where(word)}: a table without a repeated header row"
    assert tables >= 3


# -- checklists --------------------------------------------------------------------------------

CRITICAL = "Every critical role has a holder and a different deputy"


def _break_a_critical_role(example: str, tmp_path: Path) -> Path:
    """A copy of the example whose first critical role has its holder as deputy (ROL011)."""
    copy = tmp_path / example
    shutil.copytree(PLANS[example], copy, ignore=shutil.ignore_patterns("out", ".git"))
    loaded = load_plan(copy)
    assert loaded.plan is not None
    role = next(r for r in loaded.plan.roles if r.is_critical and r.holder and r.deputy)
    path = copy / "roles.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {role.id}\n")
    at = text.index(f"deputy: {role.deputy}\n", start)
    path.write_text(
        text[:at] + f"deputy: {role.holder}\n" + text[at + len(f"deputy: {role.deputy}\n") :],
        encoding="utf-8",
    )
    return copy


def _boxes(docs: list[RenderedDocument], text: str) -> dict[tuple[str, str], str]:
    """The box of the checklist line ``text`` per (audience, format)."""
    boxes = {}
    for doc in docs:
        found = [row[0] for row in _rows(doc) if len(row) > 1 and row[1] == text]
        assert len(found) == 1, (_where(doc), doc.fmt, found)
        boxes[doc.audience, doc.fmt] = found[0]
    return boxes


def test_a_line_whose_rule_reports_a_finding_is_never_ticked(
    editions: Editions, example: str, tmp_path: Path
) -> None:
    spec = DOCUMENTS["checklist-pre-election"]
    audiences = ("public", "partners", "internal")
    before = [doc for a in audiences for doc in editions.of(example, spec.name, a)[0].values()]
    ticked = _boxes(before, CRITICAL)
    assert {ticked[a, f] for a in ("partners", "internal") for f in FORMATS} == {"☑"}

    loaded = load_plan(_break_a_critical_role(example, tmp_path))
    result = run(loaded, LintOptions(today=GENERATED_ON))
    assert "ROL011" in {f.code for f in result.findings}
    after = [
        doc
        for audience in audiences
        for doc in Renderer(loaded, options(audience=audience, lint=result)).editions(
            spec, None, FORMATS
        )
    ]
    boxes = _boxes(after, CRITICAL)
    assert len(boxes) == 9
    assert "☑" not in boxes.values(), boxes
    assert {boxes[a, f] for a in ("partners", "internal") for f in FORMATS} == {"☐"}
