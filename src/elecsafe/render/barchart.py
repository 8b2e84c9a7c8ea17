"""Incidents per week, drawn: stacked bars (one per week, a segment per harm) as SVG and PNG.

The debrief and the threat summary print their counts as tables (the Markdown edition stops
there); HTML and Word add this drawing of the same numbers. The drawing is computed once as
plain shapes (:class:`Shape`) and written out twice, so the SVG and the PNG cannot disagree.

Privacy: a count withheld from an edition ("fewer than 3") is ``None`` here and is drawn as a
dashed outline with no height of its own, so the picture never says more than the table.
Colours come from the Okabe–Ito palette (told apart with the common colour-vision
deficiencies); the legend also names each harm in the bar order, so a black and white print reads.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

from elecsafe.render.chart import (
    INK,
    MUTED,
    colour_rgb,
    dashed_line,
    svg_number,
    svg_open,
    text_width,
    wrap,
)

WIDTH = 720.0
MARGIN = 8.0
AXIS_ROOM = 30.0  # left of the plot: the count labels
LABEL_ROOM = 30.0  # below the plot: the week labels
PLOT_HEIGHT = 220.0
TEXT_SIZE = 12.5
LEGEND_SWATCH = 10.0
LEGEND_GAP = 16.0
BAR_SHARE = 0.7  # of a week's slot
WITHHELD_HEIGHT = 14.0  # the outline standing for a withheld count
SCALE = 3.0  # PNG pixels per unit (about 290 dpi on a 190 mm text width)

# Okabe & Ito (2008), then three darker tones for plans that record all eleven harms.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#7F7F7F",
    "#8C564B",
    "#17BECF",
)


@dataclass(frozen=True)
class Series:
    """One harm (or "Incidents" for totals): its count in each week; None = withheld."""

    label: str
    values: tuple[int | None, ...]


@dataclass(frozen=True)
class WeeklyChart:
    """Counts per week, stacked by series; ``weeks`` are the labels under the bars."""

    weeks: tuple[str, ...]
    series: tuple[Series, ...]
    description: str
    name: str = "Incidents per week"

    def svg(self) -> str:
        return to_svg(self)

    def png(self) -> tuple[bytes, float]:
        return to_png(self)


@dataclass(frozen=True)
class Shape:
    """A rectangle (``text`` empty) or a text whose ``y`` is its baseline."""

    x: float
    y: float
    w: float = 0.0
    h: float = 0.0
    fill: str = "none"
    stroke: str = "none"
    dashed: bool = False
    text: str = ""
    anchor: str = "start"  # start | middle | end
    colour: str = INK
    kind: str = ""  # bar | withheld | legend | grid | label: what it stands for


@dataclass
class Layout:
    shapes: list[Shape]
    width: float
    height: float


def _step(top: int) -> int:
    """A tick step of 1, 2 or 5 times a power of ten giving at most six ticks."""
    for power in range(0, 7):
        for base in (1, 2, 5):
            step: int = base * 10**power
            if math.ceil(max(top, 1) / step) <= 6:
                return step
    return 10**7


def layout(chart: WeeklyChart) -> Layout:
    shapes: list[Shape] = []
    colours = {s.label: PALETTE[i % len(PALETTE)] for i, s in enumerate(chart.series)}

    # legend first: it sets where the plot starts
    x, y = MARGIN, MARGIN + TEXT_SIZE
    if len(chart.series) > 1:
        for series in chart.series:
            width = LEGEND_SWATCH + 4 + text_width(series.label, TEXT_SIZE)
            if x + width > WIDTH - MARGIN and x > MARGIN:
                x, y = MARGIN, y + TEXT_SIZE * 1.6
            shapes.append(
                Shape(
                    x,
                    y - LEGEND_SWATCH + 1,
                    LEGEND_SWATCH,
                    LEGEND_SWATCH,
                    colours[series.label],
                    kind="legend",
                )
            )
            shapes.append(Shape(x + LEGEND_SWATCH + 4, y, text=series.label, kind="legend"))
            x += width + LEGEND_GAP
        y += TEXT_SIZE
    top = y + TEXT_SIZE
    left = MARGIN + AXIS_ROOM
    plot_w = WIDTH - MARGIN - left
    bottom = top + PLOT_HEIGHT

    weeks = len(chart.weeks)
    totals = [sum(s.values[w] or 0 for s in chart.series) for w in range(weeks)] or [0]
    step = _step(max(totals))
    ceiling = step * max(1, math.ceil(max(totals) / step))
    unit = PLOT_HEIGHT / ceiling
    for tick in range(0, ceiling + 1, step):
        ty = bottom - tick * unit
        shapes.append(Shape(left, ty, plot_w, 0, stroke="#d0d0d0", kind="grid"))
        shapes.append(
            Shape(
                left - 4,
                ty + TEXT_SIZE / 3,
                text=str(tick),
                anchor="end",
                colour=MUTED,
                kind="grid",
            )
        )

    slot = plot_w / max(weeks, 1)
    bar = slot * BAR_SHARE
    widest = max((text_width(w, TEXT_SIZE) for w in chart.weeks), default=0.0)
    label_every = max(1, math.ceil(widest * 1.2 / slot))  # labels never overlap
    for w, week in enumerate(chart.weeks):
        bx = left + w * slot + (slot - bar) / 2
        values = [s.values[w] for s in chart.series]
        if any(v is None for v in values):
            shapes.append(
                Shape(
                    bx,
                    bottom - WITHHELD_HEIGHT,
                    bar,
                    WITHHELD_HEIGHT,
                    stroke=MUTED,
                    dashed=True,
                    kind="withheld",
                )
            )
            shapes.append(
                Shape(
                    bx + bar / 2,
                    bottom - WITHHELD_HEIGHT - 3,
                    text="<3",
                    anchor="middle",
                    colour=MUTED,
                    kind="withheld",
                )
            )
        else:
            base = bottom
            for series, value in zip(chart.series, values, strict=True):
                if value:
                    height = value * unit
                    base -= height
                    shapes.append(
                        Shape(bx, base, bar, height, colours[series.label], "#ffffff", kind="bar")
                    )
        if w % label_every == 0:
            shapes.append(
                Shape(
                    left + w * slot + slot / 2,
                    bottom + TEXT_SIZE * 1.4,
                    text=week,
                    anchor="middle",
                    colour=MUTED,
                    kind="label",
                )
            )
    shapes.append(Shape(left, bottom, plot_w, 0, stroke=INK, kind="grid"))
    height = bottom + LABEL_ROOM
    if any(v is None for s in chart.series for v in s.values):
        note = "Dashed: fewer than 3 (not shown, so no one can be identified)."
        height += TEXT_SIZE * 0.6
        for line in wrap(note, WIDTH - 2 * MARGIN, TEXT_SIZE):
            shapes.append(Shape(MARGIN, height, text=line, colour=MUTED, kind="label"))
            height += TEXT_SIZE * 1.3
    return Layout(shapes, WIDTH, height + MARGIN)


def to_svg(chart: WeeklyChart) -> str:
    """One self-contained <svg> element: no script, no external reference, values escaped."""
    lay = layout(chart)
    parts = svg_open(lay.width, lay.height, chart.description)
    for s in lay.shapes:
        if s.text:
            parts.append(
                f'<text x="{svg_number(s.x)}" y="{svg_number(s.y)}" font-size="{svg_number(TEXT_SIZE)}" '
                f'text-anchor="{s.anchor}" fill="{s.colour}">{escape(s.text)}</text>'
            )
        elif s.h == 0:
            parts.append(
                f'<line x1="{svg_number(s.x)}" y1="{svg_number(s.y)}" x2="{svg_number(s.x + s.w)}" '
                f'y2="{svg_number(s.y)}" stroke="{s.stroke}" stroke-width="1"/>'
            )
        else:
            dash = ' stroke-dasharray="3 2"' if s.dashed else ""
            parts.append(
                f'<rect x="{svg_number(s.x)}" y="{svg_number(s.y)}" width="{svg_number(s.w)}" '
                f'height="{svg_number(s.h)}" fill="{s.fill}" stroke="{s.stroke}"{dash}/>'
            )
    parts.append("</svg>")
    return "\n".join(parts)


def _colour(hex_colour: str) -> tuple[int, int, int] | None:
    return None if hex_colour == "none" else colour_rgb(hex_colour)


def to_png(chart: WeeklyChart) -> tuple[bytes, float]:
    """The chart as a PNG (Pillow and its bundled font) and its aspect ratio (height / width)."""
    from PIL import Image, ImageDraw, ImageFont

    lay = layout(chart)
    image = Image.new("RGB", (round(lay.width * SCALE), round(lay.height * SCALE)), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=TEXT_SIZE * SCALE)
    anchors = {"start": "ls", "middle": "ms", "end": "rs"}
    for s in lay.shapes:
        x, y, w, h = (v * SCALE for v in (s.x, s.y, s.w, s.h))
        if s.text:
            draw.text((x, y), s.text, fill=_colour(s.colour), font=font, anchor=anchors[s.anchor])
        elif s.h == 0:
            draw.line([(x, y), (x + w, y)], fill=_colour(s.stroke), width=round(SCALE))
        elif s.dashed:  # an open box: the withheld outline stands on the axis
            sides = [(x, y + h), (x, y), (x + w, y), (x + w, y + h)]
            dashed_line(draw, sides, 3 * SCALE, 2 * SCALE, colour_rgb(s.stroke), round(SCALE))
        else:
            draw.rectangle((x, y, x + w, y + h), fill=_colour(s.fill), outline=_colour(s.stroke))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(290, 290), optimize=True)
    return buffer.getvalue(), lay.height / lay.width


__all__ = ["Series", "WeeklyChart", "layout", "to_png", "to_svg"]
