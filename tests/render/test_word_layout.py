"""Word that prints: widths from content, repeated headers, rows kept whole, room to sign,
lists that restart, landscape for wide tables, the country's language, real properties."""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.docx import column_widths
from elecsafe.render.pipeline import Renderer
from tests.render.conftest import GENERATED_ON, REPO, options


def _docx(loaded: LoadedPlan, name: str, item: str | None = None, **kw: object) -> object:
    renderer = Renderer(loaded, options(fmt="docx", **kw))
    return docx.Document(io.BytesIO(renderer.render(DOCUMENTS[name], item).data))


@pytest.fixture(scope="module")
def uk() -> LoadedPlan:
    return load_plan(REPO / "examples" / "uk-force")


@pytest.fixture(scope="module")
def us() -> LoadedPlan:
    return load_plan(REPO / "examples" / "us-county")


def test_site_register_repeats_its_header_row_and_keeps_rows_whole(uk: LoadedPlan) -> None:
    document = _docx(uk, "site-register")
    table = max(document.tables, key=lambda t: len(t.rows))  # type: ignore[attr-defined]
    assert len(table.rows) > 40
    first = table.rows[0]._tr.trPr
    assert first is not None and first.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
    assert table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None


@pytest.mark.parametrize(("example", "lang"), [("uk-force", "en-GB"), ("us-county", "en-US")])
def test_core_properties_follow_the_plan(example: str, lang: str) -> None:
    """(The language of every Word file of the examples: test_done_when.py.)"""
    loaded = load_plan(REPO / "examples" / example)
    document = _docx(loaded, "site-register")
    properties = document.core_properties  # type: ignore[attr-defined]
    assert properties.language == lang
    assert properties.title == "Site register"
    assert properties.subject.startswith("Site register · ")
    created = datetime.combine(GENERATED_ON, datetime.min.time(), tzinfo=UTC)
    assert properties.created == created and properties.modified == created


def test_the_application_is_elecsafe_not_the_template_word(uk: LoadedPlan) -> None:
    """The extended properties say elecsafe wrote the file, with no stale page or word counts
    (python-docx's template claimed Microsoft Macintosh Word 14, one page, no words)."""
    renderer = Renderer(uk, options(fmt="docx"))
    data = renderer.render(DOCUMENTS["site-register"], None).data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        app = package.read("docProps/app.xml").decode("utf-8")
    assert "<Application>elecsafe</Application>" in app
    assert "Macintosh" not in app and "<Pages>" not in app and "<Words>" not in app


def test_not_in_compatibility_mode(uk: LoadedPlan) -> None:
    document = _docx(uk, "debrief")
    compat = document.settings.element.find(qn("w:compat"))  # type: ignore[attr-defined]
    modes = [
        s.get(qn("w:val"))
        for s in compat.findall(qn("w:compatSetting"))
        if s.get(qn("w:name")) == "compatibilityMode"
    ]
    assert modes == ["15"]


def test_signature_blocks_have_room_to_sign_and_stay_together(uk: LoadedPlan) -> None:
    document = _docx(uk, "mou", "mou-port-ashby-2027")
    blocks = [t for t in document.tables if t.cell(0, 0).text.startswith("Signed for")]  # type: ignore[attr-defined]
    assert len(blocks) == 2
    for block in blocks:
        signature = next(r for r in block.rows if r.cells[0].text == "Signature")
        assert signature.height is not None and signature.height.mm >= 20
        kept = [r.cells[0].paragraphs[0].paragraph_format.keep_with_next for r in block.rows]
        assert kept[:-1] == [True] * (len(kept) - 1)


def test_checkbox_column_is_narrow(uk: LoadedPlan) -> None:
    document = _docx(uk, "checklist-pre-election")
    table = next(t for t in document.tables if t.cell(0, 0).text in ("", "Done", "✓"))  # type: ignore[attr-defined]
    widths = [c.width for c in table.columns]
    assert widths[0] * 4 < widths[1]


def test_column_widths_from_content() -> None:
    rows = [[("", True), ("Item", True)], [("☐", False), ("A long item text " * 4, False)]]
    narrow, wide = column_widths(rows, 2, 80)
    assert narrow < 0.1 and abs(narrow + wide - 1) < 1e-9
    # a column never gets narrower than its longest word when there is room for the words
    rows = [[("Severnshire", False)] + [("x " * 60, False)] * 10]
    shares = column_widths(rows, 11, 140)
    assert shares[0] * 140 >= len("Severnshire")


def test_a_one_word_column_keeps_its_word_whole() -> None:
    """A column whose longest text is one short word ("Deputy" over "—") still gets that
    word's width, bold and padded: LibreOffice printed it as "Deput y"."""
    rows = [
        [("Representative", True), ("Organisation", True), ("Holder", True), ("Deputy", True)],
        [("PSU commander, Brackenshire serials", False), ("Brackenshire Constabulary", False),
         ("Callum Reeve", False), ("—", False)],
    ]  # fmt: skip
    shares = column_widths(rows, 4, 75)
    assert shares[3] * 75 >= len("Deputy") * 1.1 + 3.0


def test_a_table_keeps_its_lead_in_on_its_page(uk: LoadedPlan) -> None:
    """The line that introduces a table (a silver's "Covers: ..." line) is kept with the
    table's first row, so it never sits alone at the foot of the page before it."""
    document = _docx(uk, "checklist-election-day")
    body = document.element.body  # type: ignore[attr-defined]
    kept = 0
    for previous, table in pairwise(body):
        if (
            table.tag == qn("w:tbl")
            and previous.tag == qn("w:p")
            and "".join(previous.itertext()).strip()
        ):
            assert previous.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None, "".join(
                previous.itertext()
            )
            kept += 1
    assert kept >= 5


def test_numbered_lists_restart_per_list(us: LoadedPlan) -> None:
    document = _docx(us, "maa", "maa-countywide-2028")
    ids = []
    for paragraph in document.paragraphs:  # type: ignore[attr-defined]
        if paragraph.style.name != "List Number":
            continue
        ids.append(paragraph._p.pPr.numPr.numId.val)
    assert len(ids) > 10 and len(set(ids)) > 1
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    starts = {
        numbering.num_having_numId(num_id)
        .find(qn("w:lvlOverride"))
        .find(qn("w:startOverride"))
        .get(qn("w:val"))
        for num_id in set(ids)
    }
    # every list restarts at 1: the articles run 1-9 and each sheet numbers a topic as its article
    assert starts == {"1"}


def test_wide_tables_get_a_landscape_page(tmp_path: Path) -> None:
    plan_dir = tmp_path / "us-county"
    shutil.copytree(REPO / "examples" / "us-county", plan_dir)
    shutil.copy(
        plan_dir / "private" / "contacts.example.yaml", plan_dir / "private" / "contacts.yaml"
    )
    document = _docx(load_plan(plan_dir), "comms-plan", audience="internal")
    sections = document.sections  # type: ignore[attr-defined]
    orientations = [s.orientation for s in sections]
    assert WD_ORIENT.LANDSCAPE in orientations
    assert orientations[0] == WD_ORIENT.PORTRAIT and orientations[-1] == WD_ORIENT.PORTRAIT
    wide = next(s for s in sections if s.orientation == WD_ORIENT.LANDSCAPE)
    assert wide.page_width > wide.page_height
    widest = max(document.tables, key=lambda t: len(t.columns))  # type: ignore[attr-defined]
    assert len(widest.columns) >= 8


def test_word_leaves_the_closing_line_to_its_footer(uk: LoadedPlan) -> None:
    """The closing line (marking, plan, version, edition, date) ends the Markdown and HTML;
    Word's footer says it on every page, and alone after the full key-restrictions sheet it
    printed a page of its own."""
    renderer = Renderer(uk, options(fmt="docx"))
    spec = DOCUMENTS["maa"]
    item = renderer.targets(spec, None)[0]
    markdown, doc = renderer.markdown(spec, item)
    assert markdown.rstrip().endswith(f"*{doc.closing}*")
    document = docx.Document(io.BytesIO(renderer.render(spec, item).data))
    assert document.paragraphs[-1].text != doc.closing
    footer = document.sections[0].footer.paragraphs[0].text
    assert footer.startswith(str(doc.closing).rsplit(" · generated", 1)[0])
