"""The drawn command chart: laid out by elecsafe, SVG in HTML, a picture in Word."""

from __future__ import annotations

import io
import itertools
import struct
import xml.etree.ElementTree as ET

import docx
import pytest

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.chart import (
    MAX_COLUMNS,
    TEXT_SIZE,
    WIDTH,
    Chart,
    ChartTree,
    layout,
    text_width,
    to_png,
    to_svg,
    wrap,
)
from elecsafe.render.pipeline import Renderer
from tests.render.conftest import REPO, options

SVG = "{http://www.w3.org/2000/svg}"


def _render(loaded: LoadedPlan, fmt: str) -> bytes:
    renderer = Renderer(loaded, options(fmt=fmt))
    return renderer.render(DOCUMENTS["command-chart"], None).data


def _svg_of(page: str) -> ET.Element:
    start, end = page.index("<svg"), page.index("</svg>") + len("</svg>")
    assert page.count("<svg") == 1
    return ET.fromstring(page[start:end])


def _uk_roles(levels: tuple[int, int]) -> Chart:
    """A gold, ``silvers`` silvers and ``bronzes`` bronzes spread over them and functional."""
    silvers, bronzes = levels
    tree = ChartTree()
    tree.node("g", "gold", "Gold commander, Operation Castlegate", ("Holder: Helen Marsh",))
    for s in range(silvers):
        tree.node(f"s{s}", "silver", f"Silver commander, Basic Command Unit {s}", ())
        tree.edge("g", f"s{s}")
    for b in range(bronzes):
        tree.node(
            f"b{b}",
            "bronze",
            f"Bronze {b} candidate and campaigner safeguarding",
            ("Holder: Neil Ashworth", "Deputy: Priti Shah"),
        )
        if b % 3 == 0:
            tree.edge("g", f"b{b}", dashed=True)
        else:
            tree.edge(f"s{b % silvers}", f"b{b}")
    return tree.chart("Command structure")


def test_html_draws_the_uk_chart_as_inline_svg() -> None:
    page = _render(load_plan(REPO / "examples" / "uk-force"), "html").decode("utf-8")
    assert "flowchart" not in page and "&lt;br/&gt;" not in page and "<br/>" not in page
    svg = _svg_of(page)
    assert not [e for e in svg.iter() if e.tag in (f"{SVG}script", f"{SVG}image", f"{SVG}a")]
    assert not [k for e in svg.iter() for k in e.attrib if "href" in k or k.startswith("on")]
    texts = " ".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    # every holder and deputy of the twelve positions is on the drawing
    for name in ("Helen Marsh", "Claire Whitmore", "Tariq Malik", "Gavin Hurst", "Ruth Caddick"):
        assert name in texts
    tiers = [t.text for t in svg.iter(f"{SVG}text") if t.text in ("GOLD", "SILVER", "BRONZE")]
    assert (tiers.count("GOLD"), tiers.count("SILVER"), tiers.count("BRONZE")) == (1, 3, 8)


def test_html_draws_the_us_ics_chart() -> None:
    page = _render(load_plan(REPO / "examples" / "us-county"), "html").decode("utf-8")
    svg = _svg_of(page)
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert texts.count("COMMAND") == 3  # the unified command, side by side
    assert "Unified command" in texts
    assert "Holder: Bill Tanner" in texts


def test_plan_text_in_the_chart_is_escaped(uk_plan: object) -> None:
    from pathlib import Path

    plan_dir = Path(str(uk_plan))
    people = plan_dir / "plan.yaml"
    text = people.read_text()
    assert "ACC Dana Whitcombe" in text
    people.write_text(text.replace("ACC Dana Whitcombe", "'ACC <script>x</script> & \"Q\"'"))
    page = _render(load_plan(plan_dir), "html").decode("utf-8")
    svg = _svg_of(page)  # well-formed XML: nothing broke out of a text element
    assert not list(svg.iter(f"{SVG}script"))
    assert any("<script>x</script>" in (t.text or "") for t in svg.iter(f"{SVG}text"))


def test_word_carries_the_chart_as_a_picture_within_the_page() -> None:
    for example in ("uk-force", "us-county"):
        document = docx.Document(
            io.BytesIO(_render(load_plan(REPO / "examples" / example), "docx"))
        )
        shapes = document.inline_shapes
        assert len(shapes) == 1
        section = document.sections[0]
        assert shapes[0].width <= section.page_width - section.left_margin - section.right_margin
        assert shapes[0].height <= section.page_height - section.top_margin - section.bottom_margin
        descr = shapes[0]._inline.docPr.get("descr")
        assert descr.startswith("Command structure of ")
        text = "\n".join(p.text for p in document.paragraphs)
        assert "flowchart" not in text


def test_png_is_drawn_at_print_resolution() -> None:
    png, ratio = to_png(_uk_roles((3, 30)))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 2000 and abs(height / width - ratio) < 0.01


@pytest.mark.parametrize("levels", [(3, 30), (5, 28), (1, 2), (0, 6)])
def test_layout_keeps_boxes_apart_and_on_the_drawing(levels: tuple[int, int]) -> None:
    chart = _uk_roles(levels) if levels[0] else _no_silver(levels[1])
    lay = layout(chart)
    assert len(lay.boxes) == chart.size
    for box in lay.boxes:
        assert box.x >= 0 and box.x + box.w <= lay.width
        assert box.y >= 0 and box.y + box.h <= lay.height
        for line in box.title_lines:
            assert text_width(line, 13, bold=True) <= box.w
    for a, b in itertools.combinations(lay.boxes, 2):
        apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
        assert apart, f"{a.node.title} overlaps {b.node.title}"


def _no_silver(bronzes: int) -> Chart:
    tree = ChartTree()
    tree.node("g", "gold", "Gold", ())
    for b in range(bronzes):
        tree.node(f"b{b}", "bronze", f"Bronze {b}", ())
        tree.edge("g", f"b{b}", dashed=True)
    return tree.chart("x")


def test_thirty_four_roles_stay_legible_on_a4_and_letter() -> None:
    chart = _uk_roles((5, 28))
    assert chart.size == 34
    lay = layout(chart)
    # five silvers and a group of functional bronzes: two bands of at most four columns
    bands: dict[int, int] = {}
    for box in lay.boxes:
        if box.node.tier == "silver":
            bands[round(box.y)] = bands.get(round(box.y), 0) + 1
    assert len(bands) == 2 and max(bands.values()) <= MAX_COLUMNS
    # printed at the text width of A4 (170 mm) or Letter (176 mm): text at least 2.5 mm high
    for text_width_mm in (170.0, 175.9):
        assert TEXT_SIZE * text_width_mm / WIDTH >= 2.5
    # and the Word picture of it keeps the text at least 2 mm (shrunk to fit one page)
    _png, ratio = to_png(chart)
    page_mm = min(297 - 50.8, 279.4 - 50.8)  # python-docx margins: 1 inch
    shown_width = min(170.0, page_mm * 0.95 / ratio)
    assert TEXT_SIZE * shown_width / WIDTH >= 2.0


def test_wrap_fits_the_width_and_breaks_long_words() -> None:
    lines = wrap("Bronze candidate/campaigner safeguarding " + "x" * 80, 120, 12)
    assert len(lines) > 2
    assert all(text_width(line, 12) <= 120 for line in lines)
    assert "".join(lines).replace("-", "").replace(" ", "").endswith("x" * 80)


def test_svg_is_standalone_xml() -> None:
    svg = ET.fromstring(to_svg(_uk_roles((3, 10))))
    assert svg.tag == f"{SVG}svg" and svg.get("viewBox", "").startswith("0 0 720 ")
    assert svg.find(f"{SVG}title") is not None
