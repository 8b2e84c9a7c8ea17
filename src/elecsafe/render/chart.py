"""The command chart, drawn: a layout computed here, emitted as SVG (HTML) and PNG (Word).

Markdown keeps its Mermaid source (GitHub and many editors draw it); a printed or mailed
document cannot count on a Mermaid runtime, so elecsafe lays the chart out itself:

* the top of the structure (gold, or an incident commander / unified command) in one row;
* beneath it one column per silver (or ICS section), its bronzes (units) stacked below it on a
  spine; positions that report to the top but belong to no column (functional bronzes when a
  plan has several silvers, ICS command staff, agency representatives) form labelled columns;
* at most :data:`MAX_COLUMNS` columns side by side, further columns in a new band beneath, so
  the chart stays legible on the text width of A4 and Letter whatever the number of roles;
* each box says its tier in words (gold/silver/bronze) as well as by colour, so a black and
  white print still reads; long labels wrap to the box width.

The SVG has no script, no external reference and no style sheet: shapes and text with inline
attributes, every plan value XML-escaped. The PNG is drawn with Pillow and its bundled font
(no system font, no system binary), at print resolution.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

# The drawing's coordinate space: one unit is one CSS pixel at 100 % (720 px = 190 mm).
WIDTH = 720.0
MARGIN = 8.0
GAP = 14.0  # between columns
MAX_COLUMNS = 4
MAX_STACK = 5  # boxes under one column head before the column continues beside it
TITLE_SIZE = 13.0
TEXT_SIZE = 12.0
TIER_SIZE = 8.5
LINE = 1.25  # line height, in font sizes
PAD = 6.0
BAND_GAP = 22.0  # between the top row and the columns, and between bands
STACK_GAP = 8.0  # between boxes in a column
INDENT = 12.0  # a column's members sit right of its spine
TRUNK_X = MARGIN / 2  # the line down to a second band of columns
FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', sans-serif"

# Fill and edge colours per tier: light fills under black text (contrast above 12:1).
TIERS: dict[str, tuple[str, str, str]] = {
    # tier: (label printed in the box, fill, edge)
    "gold": ("GOLD", "#f7e6a6", "#9a7b12"),
    "silver": ("SILVER", "#e4e7eb", "#6b7280"),
    "bronze": ("BRONZE", "#f1d9c2", "#8a5a2b"),
    "command": ("COMMAND", "#f7e6a6", "#9a7b12"),
    "staff": ("COMMAND STAFF", "#e4e7eb", "#6b7280"),
    "section": ("GENERAL STAFF", "#dbe7f3", "#3f6b96"),
    "unit": ("UNIT", "#f1d9c2", "#8a5a2b"),
    "agency": ("AGENCY REPRESENTATIVE", "#eeeeee", "#777777"),
}
INK = "#111111"
MUTED = "#444444"

# Helvetica advance widths (1/1000 em) for the characters plan text mostly uses; others count
# as a wide character so a measured line is never shorter than the drawn one.
_NARROW = dict.fromkeys("ijl'|", 230) | dict.fromkeys(" .,:;!ftI/()[]-r", 320)
_WIDE = dict.fromkeys("mwMW@%", 900) | dict.fromkeys("ABCDEGHKNOQRUVXY&", 740)
_DEFAULT = 600
_BOLD = 1.08


def text_width(text: str, size: float, bold: bool = False) -> float:
    units = sum(
        _NARROW.get(c, _WIDE.get(c, 560 if c.islower() or c.isdigit() else _DEFAULT)) for c in text
    )
    return units / 1000 * size * (_BOLD if bold else 1.0)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to ``width``; a word longer than the width is broken."""
    words = " ".join(text.split()).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if text_width(trial, size, bold) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        while text_width(word, size, bold) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut] + "-", size, bold) > width:
                cut -= 1
            lines.append(word[:cut] + "-")
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


# Fences a drawing takes the place of in HTML and Word. Markdown keeps a ``mermaid`` fence
# (GitHub and many editors draw it) and drops a ``figure`` fence (its table says the same).
FIGURE_FENCES = ("mermaid", "figure")


class Figure(Protocol):
    """A drawing a document carries (this command chart, the weekly incident bars): HTML
    shows its SVG, Word its PNG, where the Markdown has its fence."""

    @property
    def description(self) -> str: ...  # the text alternative
    @property
    def name(self) -> str: ...

    def svg(self) -> str: ...
    def png(self) -> tuple[bytes, float]: ...


@dataclass(frozen=True)
class ChartNode:
    """One position: its tier, its name, and the lines under it (area, holder, deputy)."""

    tier: str
    title: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChartColumn:
    """A silver (or ICS section) and what reports to it; or a labelled group with no head."""

    head: ChartNode | None
    members: tuple[ChartNode, ...] = ()
    label: str = ""
    dashed: bool = False  # the link to the top is assumed, not stated by the plan
    continued: bool = False  # the rest of the column before it: no link of its own


@dataclass(frozen=True)
class Chart:
    top: tuple[ChartNode, ...]
    columns: tuple[ChartColumn, ...] = ()
    top_label: str = ""  # e.g. "Unified command"
    description: str = ""  # the text alternative (what the chart shows, in one sentence)
    name: str = "Command chart"

    def svg(self) -> str:
        return to_svg(self)

    def png(self) -> tuple[bytes, float]:
        return to_png(self)

    @property
    def size(self) -> int:
        heads = sum(1 for c in self.columns if c.head is not None)
        return len(self.top) + heads + sum(len(c.members) for c in self.columns)


# The tier of a chart box for each level the command tables print.
_TIER_OF_LEVEL = {
    "gold": "gold",
    "silver": "silver",
    "bronze": "bronze",
    "command": "command",
    "command staff": "staff",
    "general staff": "section",
    "agency representative": "agency",
}
# Tiers that head a column of their own; the others, when they report straight to the top,
# are grouped in a labelled column per tier.
_HEAD_TIERS = ("silver", "section")
_GROUP_LABELS = {
    "bronze": "Functional bronzes",
    "staff": "Command staff",
    "agency": "Agency representatives",
    "unit": "Units",
    "silver": "Silver",
    "section": "General staff",
}
_TOP_TIERS = ("gold", "command")


def chart_tier(level: str) -> str:
    """The tier of a command level as the position tables print it ("Gold", "Command staff")."""
    return _TIER_OF_LEVEL.get(level.lower(), "unit")


class ChartTree:
    """Collects positions and reporting lines in plan order; :meth:`chart` arranges them."""

    def __init__(self) -> None:
        self.nodes: dict[str, ChartNode] = {}
        self.parents: dict[str, tuple[str, bool]] = {}
        self.top_label = ""

    def node(self, ident: str, tier: str, title: str, lines: tuple[str, ...]) -> None:
        self.nodes[ident] = ChartNode(tier, title, lines)

    def edge(self, parent: str, child: str, dashed: bool = False) -> None:
        """``parent`` "" is the top group (a unified command as a whole)."""
        self.parents.setdefault(child, (parent, dashed))

    def chart(self, description: str) -> Chart:
        top = [
            ident
            for ident, node in self.nodes.items()
            if node.tier in _TOP_TIERS and ident not in self.parents
        ]
        children: dict[str, list[str]] = {}
        for ident in self.nodes:
            parent = self.parents.get(ident, ("", False))[0]
            children.setdefault(parent, []).append(ident)

        def below(ident: str) -> list[ChartNode]:
            out: list[ChartNode] = []
            for child in children.get(ident, []):
                out += [self.nodes[child], *below(child)]
            return out

        columns: list[ChartColumn] = []
        groups: dict[tuple[str, bool], list[ChartNode]] = {}
        group_at: dict[tuple[str, bool], int] = {}
        for ident in self.nodes:
            if ident in top:
                continue
            parent, dashed = self.parents.get(ident, ("", False))
            if parent and parent not in top:
                continue
            node = self.nodes[ident]
            if node.tier in _HEAD_TIERS:
                columns.append(ChartColumn(node, tuple(below(ident)), dashed=dashed))
                continue
            key = (node.tier, dashed)
            if key not in groups:
                groups[key] = []
                group_at[key] = len(columns)
                columns.append(ChartColumn(None))
            groups[key] += [node, *below(ident)]
        for (tier, dashed), members in groups.items():
            label = _GROUP_LABELS.get(tier, "")
            if tier == "bronze" and not dashed:
                label = "Bronzes"
            columns[group_at[(tier, dashed)]] = ChartColumn(
                None, tuple(members), label=label, dashed=dashed
            )
        return Chart(
            top=tuple(self.nodes[i] for i in top),
            columns=tuple(c for column in columns for c in _split(column)),
            top_label=self.top_label,
            description=description,
        )


def _split(column: ChartColumn) -> list[ChartColumn]:
    """A column taller than :data:`MAX_STACK` boxes as even columns side by side, so a long
    list of bronzes widens the chart instead of making it taller than a page."""
    count = len(column.members)
    if count <= MAX_STACK:
        return [column]
    parts = -(-count // MAX_STACK)
    size = -(-count // parts)
    chunks = [column.members[i : i + size] for i in range(0, count, size)]
    name = column.head.title if column.head is not None else column.label
    out = [ChartColumn(column.head, chunks[0], column.label, column.dashed)]
    out += [
        ChartColumn(None, chunk, f"{name} (continued)", column.dashed, continued=True)
        for chunk in chunks[1:]
    ]
    return out


# -- layout ---------------------------------------------------------------------------------


@dataclass
class Box:
    node: ChartNode
    x: float
    y: float
    w: float
    h: float
    title_lines: list[str]
    text_lines: list[str]


@dataclass
class Label:
    text: str
    x: float
    y: float


@dataclass
class Edge:
    points: list[tuple[float, float]]
    dashed: bool = False


@dataclass
class Layout:
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    frames: list[tuple[float, float, float, float, str]] = field(default_factory=list)
    description: str = ""


def _box(node: ChartNode, x: float, y: float, w: float) -> Box:
    inner = w - 2 * PAD
    titles = wrap(node.title, inner, TITLE_SIZE, bold=True)
    texts = [line for text in node.lines for line in wrap(text, inner, TEXT_SIZE)]
    h = (
        PAD
        + TIER_SIZE * LINE
        + len(titles) * TITLE_SIZE * LINE
        + len(texts) * TEXT_SIZE * LINE
        + PAD
    )
    return Box(node, x, y, w, h, titles, texts)


def layout(chart: Chart, width: float = WIDTH) -> Layout:
    out = Layout(width=width, height=0.0, description=chart.description)
    usable = width - 2 * MARGIN
    per_band = max(1, min(MAX_COLUMNS, len(chart.columns) or 1))
    col_w = (usable - (per_band - 1) * GAP) / per_band
    y = MARGIN

    # the top row: gold alone, or the members of a unified command side by side
    top_boxes: list[Box] = []
    if chart.top:
        count = len(chart.top)
        top_w = min(col_w * 1.4, (usable - (count - 1) * GAP) / count)
        row_w = count * top_w + (count - 1) * GAP
        x = MARGIN + (usable - row_w) / 2
        if chart.top_label:
            out.labels.append(Label(chart.top_label, x, y + TEXT_SIZE))
            y += TEXT_SIZE * LINE + 2
        for node in chart.top:
            top_boxes.append(_box(node, x, y, top_w))
            x += top_w + GAP
        tallest = max(b.h for b in top_boxes)
        for box in top_boxes:
            box.h = tallest
        out.boxes += top_boxes
        if chart.top_label and count > 1:
            out.frames.append(
                (MARGIN + (usable - row_w) / 2 - 4, y - 4, row_w + 8, tallest + 8, "")
            )
        y += tallest
    top_bottom = y
    top_mid = MARGIN + usable / 2

    columns = list(chart.columns)
    first_bus: float | None = None
    for start in range(0, len(columns), per_band):
        band = columns[start : start + per_band]
        y_band = y + BAND_GAP + (4 if chart.top_label and len(chart.top) > 1 else 0)
        bus = y_band - BAND_GAP / 2
        band_w = len(band) * col_w + (len(band) - 1) * GAP
        x0 = MARGIN + (usable - band_w) / 2
        bottoms = []
        links: list[tuple[float, float, bool]] = []  # where each column meets the bus
        for i, column in enumerate(band):
            x = x0 + i * (col_w + GAP)
            cy = y_band
            spine_x = x + INDENT / 2
            if column.label:  # right of the spine, which passes by it
                for line in wrap(column.label, col_w - INDENT, TEXT_SIZE):
                    out.labels.append(Label(line, x + INDENT, cy + TEXT_SIZE))
                    cy += TEXT_SIZE * LINE
                cy += 2
            if column.head is not None:
                head = _box(column.head, x, cy, col_w)
                out.boxes.append(head)
                links.append((x + col_w / 2, y_band, column.dashed))
                cy += head.h
                spine_top = cy
            elif column.continued:
                spine_top = cy
            else:
                links.append((spine_x, y_band, column.dashed))
                spine_top = y_band
            last_mid = None
            for member in column.members:
                cy += STACK_GAP
                box = _box(member, x + INDENT, cy, col_w - INDENT)
                out.boxes.append(box)
                last_mid = cy + min(box.h / 2, TITLE_SIZE * 1.6)
                out.edges.append(Edge([(spine_x, last_mid), (x + INDENT, last_mid)], column.dashed))
                cy += box.h
            if last_mid is not None:
                out.edges.append(Edge([(spine_x, spine_top), (spine_x, last_mid)], column.dashed))
            bottoms.append(cy)
        if top_boxes:
            # from the top row down to a bus over the band, and from the bus to each column;
            # a later band's bus hangs from a trunk down the left margin, past the boxes above
            xs = [lx for lx, _, _ in links] or [top_mid]
            if first_bus is None:
                first_bus = bus
                out.edges.append(Edge([(top_mid, top_bottom), (top_mid, bus)]))
                left = TRUNK_X if len(columns) > per_band else min([*xs, top_mid])
                out.edges.append(Edge([(left, bus), (max([*xs, top_mid]), bus)]))
            else:
                out.edges.append(Edge([(TRUNK_X, first_bus), (TRUNK_X, bus), (max(xs), bus)]))
            for lx, ly, dashed in links:
                out.edges.append(Edge([(lx, bus), (lx, ly)], dashed))
        y = max(bottoms)
    out.height = y + MARGIN
    return out


# -- SVG ------------------------------------------------------------------------------------


def svg_number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def svg_open(width: float, height: float, description: str) -> list[str]:
    """The opening of a figure's <svg>: its box, font and text alternative (every figure's)."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {svg_number(width)} {svg_number(height)}" width="100%" '
        f"font-family={quoteattr(FONT_FAMILY)} aria-label={quoteattr(description)}>",
        f"<title>{escape(description)}</title>",
    ]


def to_svg(chart: Chart) -> str:
    """The chart as one self-contained <svg> element (no script, no external reference)."""
    lay = layout(chart)
    parts = svg_open(lay.width, lay.height, lay.description)
    for x, y, w, h, _ in lay.frames:
        parts.append(
            f'<rect x="{svg_number(x)}" y="{svg_number(y)}" width="{svg_number(w)}" height="{svg_number(h)}" '
            'fill="none" stroke="#9a7b12" stroke-dasharray="4 3" rx="6"/>'
        )
    for edge in lay.edges:
        points = " ".join(f"{svg_number(x)},{svg_number(y)}" for x, y in edge.points)
        dash = ' stroke-dasharray="5 4"' if edge.dashed else ""
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{MUTED}" stroke-width="1.2"{dash}/>'
        )
    for label in lay.labels:
        parts.append(
            f'<text x="{svg_number(label.x)}" y="{svg_number(label.y)}" font-size="{svg_number(TEXT_SIZE)}" '
            f'font-style="italic" fill="{MUTED}">{escape(label.text)}</text>'
        )
    for box in lay.boxes:
        tier, fill, edge_colour = TIERS.get(box.node.tier, TIERS["bronze"])
        parts.append(
            f'<rect x="{svg_number(box.x)}" y="{svg_number(box.y)}" width="{svg_number(box.w)}" '
            f'height="{svg_number(box.h)}" rx="4" fill="{fill}" stroke="{edge_colour}" '
            'stroke-width="1.2"/>'
        )
        x = box.x + PAD
        y = box.y + PAD + TIER_SIZE
        parts.append(
            f'<text x="{svg_number(x)}" y="{svg_number(y)}" font-size="{svg_number(TIER_SIZE)}" '
            f'letter-spacing="0.6" fill="{MUTED}">{escape(tier)}</text>'
        )
        y += TIER_SIZE * (LINE - 1)
        for line in box.title_lines:
            y += TITLE_SIZE * LINE
            parts.append(
                f'<text x="{svg_number(x)}" y="{svg_number(y - TITLE_SIZE * (LINE - 1))}" '
                f'font-size="{svg_number(TITLE_SIZE)}" font-weight="bold" fill="{INK}">'
                f"{escape(line)}</text>"
            )
        for line in box.text_lines:
            y += TEXT_SIZE * LINE
            parts.append(
                f'<text x="{svg_number(x)}" y="{svg_number(y - TEXT_SIZE * (LINE - 1))}" '
                f'font-size="{svg_number(TEXT_SIZE)}" fill="{INK}">{escape(line)}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts)


# -- PNG ------------------------------------------------------------------------------------

# the bundled font has no typographic dashes or quotes: their plain forms read the same
_BASIC = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."})
SCALE = 3.0  # 720 units -> 2160 px: about 290 dpi on a 190 mm text width


def colour_rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def to_png(chart: Chart) -> tuple[bytes, float]:
    """The chart as a PNG (Pillow, its bundled font) and its aspect ratio (height / width)."""
    from PIL import Image, ImageDraw, ImageFont

    lay = layout(chart)
    size = (round(lay.width * SCALE), round(lay.height * SCALE))
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    fonts: dict[float, ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}

    def font(points: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        if points not in fonts:
            fonts[points] = ImageFont.load_default(size=points * SCALE)
        return fonts[points]

    def s(value: float) -> float:
        return value * SCALE

    def text(
        x: float,
        baseline: float,
        line: str,
        points: float,
        colour: str,
        room: float,
        bold: bool = False,
    ) -> None:
        line = line.translate(_BASIC)
        face = font(points)
        # the bundled font is a little wider than Helvetica: shrink a line that would overflow
        length = draw.textlength(line, font=face)
        if length > s(room):
            face = ImageFont.load_default(size=points * SCALE * s(room) / length)
        draw.text(
            (s(x), s(baseline)),
            line,
            fill=colour_rgb(colour),
            font=face,
            anchor="ls",
            stroke_width=1 if bold else 0,
            stroke_fill=colour_rgb(colour),
        )

    for x, y, w, h, _ in lay.frames:
        draw.rounded_rectangle(
            (s(x), s(y), s(x + w), s(y + h)), radius=s(6), outline=colour_rgb("#9a7b12"), width=2
        )
    for edge in lay.edges:
        points = [(s(x), s(y)) for x, y in edge.points]
        if edge.dashed:
            dashed_line(draw, points, s(5), s(4), colour_rgb(MUTED), round(s(1.2)))
        else:
            draw.line(points, fill=colour_rgb(MUTED), width=round(s(1.2)))
    for label in lay.labels:
        text(label.x, label.y, label.text, TEXT_SIZE, MUTED, lay.width - label.x)
    for box in lay.boxes:
        tier, fill, edge_colour = TIERS.get(box.node.tier, TIERS["bronze"])
        draw.rounded_rectangle(
            (s(box.x), s(box.y), s(box.x + box.w), s(box.y + box.h)),
            radius=s(4),
            fill=colour_rgb(fill),
            outline=colour_rgb(edge_colour),
            width=round(s(1.2)),
        )
        room = box.w - 2 * PAD
        x = box.x + PAD
        y = box.y + PAD + TIER_SIZE
        text(x, y, tier, TIER_SIZE, MUTED, room)
        y += TIER_SIZE * (LINE - 1)
        for line in box.title_lines:
            y += TITLE_SIZE * LINE
            text(x, y - TITLE_SIZE * (LINE - 1), line, TITLE_SIZE, INK, room, bold=True)
        for line in box.text_lines:
            y += TEXT_SIZE * LINE
            text(x, y - TEXT_SIZE * (LINE - 1), line, TEXT_SIZE, INK, room)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(290, 290), optimize=True)
    return buffer.getvalue(), lay.height / lay.width


def dashed_line(
    draw: object,
    points: list[tuple[float, float]],
    dash: float,
    gap: float,
    colour: tuple[int, int, int],
    width: int,
) -> None:
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        if not length:
            continue
        dx, dy = (x2 - x1) / length, (y2 - y1) / length
        pos = 0.0
        while pos < length:
            end = min(pos + dash, length)
            draw.line(  # type: ignore[attr-defined]
                [(x1 + dx * pos, y1 + dy * pos), (x1 + dx * end, y1 + dy * end)],
                fill=colour,
                width=width,
            )
            pos = end + gap


__all__ = [
    "FIGURE_FENCES",
    "Chart",
    "ChartColumn",
    "ChartNode",
    "ChartTree",
    "Figure",
    "chart_tier",
    "colour_rgb",
    "dashed_line",
    "layout",
    "svg_number",
    "svg_open",
    "to_png",
    "to_svg",
    "wrap",
]
