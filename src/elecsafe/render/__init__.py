"""Documents from the plan: Jinja templates -> Markdown -> HTML or Word.

Data flows one way (DESIGN.md §6): the loaded plan is turned into a *redacted view* for the
chosen audience (:mod:`.redact`), a sandboxed Jinja environment renders a Markdown template
from the lookup path (plan ``templates/``, ``--templates DIR``, built-ins), and the Markdown is
converted to a self-contained HTML page (:mod:`.html`) or a Word document (:mod:`.docx`).

Public API::

    from elecsafe.render import RenderOptions, render, DOCUMENTS
    docs = render(loaded, "mou", RenderOptions(audience="public", fmt="html"))
    for doc in docs: doc.filename, doc.data
"""

from __future__ import annotations

from elecsafe.render.catalogue import DOCUMENTS, DocSpec, resolve_name
from elecsafe.render.errors import RenderError
from elecsafe.render.pipeline import RenderedDocument, RenderOptions, render, render_all

__all__ = [
    "DOCUMENTS",
    "DocSpec",
    "RenderError",
    "RenderOptions",
    "RenderedDocument",
    "render",
    "render_all",
    "resolve_name",
]
