"""A Word file as text a reviewer can read in a diff: the golden form of a .docx.

Every part of the package, in the package's order, under a ``== part ==`` header:

- the parts elecsafe writes for each document (the body, page header and footer, core
  properties, the body's relationships) in full, pretty-printed with an element on one line
  when it fits, so a paragraph or a table cell reads as one line and a changed word changes
  one line;
- every other part as its size and SHA-256, so no change goes unseen, followed by the elements
  of it that elecsafe sets (the list instances it restarts, the proofing language, the
  compatibility mode). These parts come from python-docx's template (styles alone are
  ~900 kB) and are the same for every document of a country; printing them in full would
  make the goldens ~10 times bigger without a line a reviewer needs to read;
- binary parts (the drawn chart, the thumbnail) as size and SHA-256.

The .docx itself is byte-reproducible (tests/render/test_reproducible.py), so the text form is
stable too; the version of elecsafe is written as VERSION, as in the HTML goldens.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from elecsafe import __version__

# The parts printed in full: what elecsafe writes for each document.
SHOWN = frozenset(
    {
        "word/document.xml",
        "word/header1.xml",
        "word/footer1.xml",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/_rels/document.xml.rels",
    }
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Of the other parts, the elements elecsafe sets (direct children of the part's root).
EXCERPTS = {
    "word/numbering.xml": (f"{W}num",),
    "word/styles.xml": (f"{W}docDefaults",),
    "word/settings.xml": (f"{W}compat", f"{W}themeFontLang"),
}
WIDTH = 160  # an element whose whole serialisation fits in this many columns stays on a line


def docx_text(data: bytes) -> str:
    """The reviewable text form of the .docx ``data``."""
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            content = archive.read(info)
            name = info.filename
            if name in SHOWN:
                out.append(f"== {name} ==")
                out += _lines(etree.fromstring(content), 0)
                continue
            digest = hashlib.sha256(content).hexdigest()
            out.append(f"== {name}: {len(content)} bytes, sha256 {digest} ==")
            if name in EXCERPTS:
                root = etree.fromstring(content)
                for child in root:
                    if child.tag in EXCERPTS[name]:
                        out += _lines(child, 1)
    return "\n".join(out).replace(f"elecsafe {__version__}", "elecsafe VERSION") + "\n"


class _Printer:
    """One XML part as lines: an element on one line when it fits in WIDTH, else its start
    tag, its children a level deeper and its end tag. Whitespace between elements is dropped
    (OOXML has no mixed content; the text of ``w:t`` is kept exactly)."""

    def __init__(self, root: etree._Element) -> None:
        self.prefixes: dict[str, str | None] = {uri: prefix for prefix, uri in root.nsmap.items()}
        self.prefixes["http://www.w3.org/XML/1998/namespace"] = "xml"

    def name(self, qualified: str, element: etree._Element) -> str:
        """``{namespace}local`` as ``prefix:local`` with the prefixes the part declares (at
        its root, or on the element: a drawing declares its own)."""
        if not qualified.startswith("{"):
            return qualified
        namespace, local = qualified[1:].split("}", 1)
        if namespace in self.prefixes:
            prefix = self.prefixes[namespace]
        else:
            found = [p for p, uri in element.nsmap.items() if uri == namespace]
            if not found:
                return qualified
            prefix = found[0]
        return f"{prefix}:{local}" if prefix else local

    def start(self, element: etree._Element, empty: bool = False) -> str:
        """The start tag (namespace declarations left out: python-docx's, in every file)."""
        parts = [self.name(element.tag, element)]
        parts += [f"{self.name(key, element)}={quoteattr(value)}" for key, value in element.items()]
        return "<" + " ".join(parts) + ("/>" if empty else ">")

    def lines(self, element: etree._Element, depth: int = 0) -> tuple[str | None, list[str]]:
        """The element on one line (None when longer than WIDTH), and as indented lines."""
        indent = "  " * depth
        if not isinstance(element.tag, str):  # a comment or processing instruction
            one = etree.tostring(element, encoding="unicode", with_tail=False)
            return one, [indent + one]
        text = element.text or ""
        if len(element) and not text.strip():
            text = ""
        if not len(element) and not text:
            one = self.start(element, empty=True)
            return one, [indent + one]
        end = f"</{self.name(element.tag, element)}>"
        children = [self.lines(child, depth + 1) for child in element]
        inline: str | None = None
        if all(one is not None for one, _ in children):
            inline = self.start(element) + escape(text) + "".join(one or "" for one, _ in children)
            inline += end
            if len(indent) + len(inline) > WIDTH:
                inline = None
        if inline is not None or not children:
            one = inline or self.start(element) + escape(text) + end
            return inline, [indent + one]
        out = [indent + self.start(element)]
        if text:
            out.append(f"{indent}  {escape(text)}")
        for _, child_lines in children:
            out += child_lines
        out.append(indent + end)
        return None, out


def _lines(element: etree._Element, depth: int) -> list[str]:
    return _Printer(element.getroottree().getroot()).lines(element, depth)[1]
