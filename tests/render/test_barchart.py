"""Incidents per week, drawn: stacked bars by harm (internal), published totals (others).

The drawing must say what the table says and nothing more: a withheld count ("fewer than 3")
has no height of its own, and editions below internal never split a week by harm."""

from __future__ import annotations

import io
import struct
import xml.etree.ElementTree as ET

import docx
import pytest

from elecsafe.load.loader import LoadedPlan, load_plan
from elecsafe.render import DOCUMENTS
from elecsafe.render.barchart import PLOT_HEIGHT, Series, WeeklyChart, layout, to_png, to_svg
from elecsafe.render.pipeline import Renderer
from tests.render.conftest import REPO, options

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def uk_example() -> LoadedPlan:
    return load_plan(REPO / "examples" / "uk-force")


def _bars(chart: WeeklyChart) -> list[tuple[float, float, str, bool]]:
    """(x, height, fill, dashed) of every bar segment and withheld outline, left to right."""
    return [
        (s.x, s.h, s.fill, s.dashed)
        for s in layout(chart).shapes
        if s.kind in ("bar", "withheld") and not s.text
    ]


def test_segments_stack_in_proportion() -> None:
    chart = WeeklyChart(
        ("5 Oct", "12 Oct"),
        (Series("Hate crime", (2, 0)), Series("Criminal damage", (1, 4))),
        "Bar chart: incidents per week by harm",
    )
    bars = _bars(chart)
    heights = sorted(round(h, 3) for _, h, _, _ in bars)
    # the tallest week (4) fills the plot up to the top tick (4): one incident = a quarter
    unit = PLOT_HEIGHT / 4
    assert heights == [round(unit, 3), round(2 * unit, 3), round(4 * unit, 3)]
    assert not any(dashed for *_, dashed in bars)
    # two series, two colours
    assert len({fill for _, _, fill, _ in bars}) == 2


def test_a_withheld_week_has_no_height_of_its_own() -> None:
    small = WeeklyChart(("5 Oct", "12 Oct"), (Series("Incidents", (None, 7)),), "totals")
    other = WeeklyChart(("5 Oct", "12 Oct"), (Series("Incidents", (None, 7)),), "totals")
    withheld = [b for b in _bars(small) if b[3]]
    assert len(withheld) == 1
    # the same outline whatever the hidden count was: it cannot be measured off the picture
    assert withheld == [b for b in _bars(other) if b[3]]
    texts = [s.text for s in layout(small).shapes if s.text]
    assert "<3" in texts
    assert any("fewer than 3" in t for t in texts)


def test_svg_is_self_contained_and_escaped() -> None:
    chart = WeeklyChart(
        ("5 Oct",), (Series("<script>alert(1)</script> & co", (3,)), Series("B", (1,))), "a & b"
    )
    svg = to_svg(chart)
    root = ET.fromstring(svg)  # well-formed: every value escaped
    assert root.tag == f"{SVG}svg"
    assert "<script" not in svg
    assert root.get("aria-label") == "a & b"
    assert not any(
        el.get("href") or el.get("{http://www.w3.org/1999/xlink}href") for el in root.iter()
    )


def test_png_matches_the_layout_aspect() -> None:
    chart = WeeklyChart(("5 Oct", "12 Oct"), (Series("Incidents", (3, 5)),), "totals")
    png, ratio = to_png(chart)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert abs(height / width - ratio) < 0.01
    lay = layout(chart)
    assert abs(ratio - lay.height / lay.width) < 1e-9


def _render(loaded: LoadedPlan, name: str, audience: str, fmt: str) -> bytes:
    renderer = Renderer(loaded, options(audience=audience, fmt=fmt))
    return renderer.render(DOCUMENTS[name], None).data


@pytest.mark.parametrize("name", ["threat-summary", "debrief"])
def test_html_draws_by_harm_internally_and_totals_for_partners(
    name: str, uk_example: LoadedPlan
) -> None:
    internal = _render(uk_example, name, "internal", "html").decode("utf-8")
    partners = _render(uk_example, name, "partners", "html").decode("utf-8")
    assert internal.count("<svg") == 1 and partners.count("<svg") == 1
    assert "```" not in internal and "figure\n" not in internal
    # internal: a legend entry per harm that happened; partners: no legend, no harm names
    assert "Personal harassment, threats or intimidation</text>" in internal
    svg = partners[partners.index("<svg") : partners.index("</svg>")]
    assert "harassment" not in svg and "&lt;3" in svg


def test_markdown_edition_has_the_table_not_the_fence(uk_example: LoadedPlan) -> None:
    text = _render(uk_example, "threat-summary", "internal", "md").decode("utf-8")
    assert "```figure" not in text
    assert "| Week starting | Incidents | By harm |" in text
    assert (
        "| 9 Nov 2026 | 2 | Social media harassment, threats or intimidation: 1; Hate crime: 1 |"
        in text
    )


def test_word_carries_the_chart_as_a_described_picture(uk_example: LoadedPlan) -> None:
    data = _render(uk_example, "threat-summary", "internal", "docx")
    document = docx.Document(io.BytesIO(data))
    pictures = document.inline_shapes
    assert len(pictures) == 1
    doc_pr = pictures[0]._inline.docPr
    assert doc_pr.get("name") == "Incidents per week"
    assert doc_pr.get("descr", "").startswith("Bar chart: incidents recorded per week by harm")
    assert not any(p.text.strip() == "figure" for p in document.paragraphs)
