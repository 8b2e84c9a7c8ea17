"""Documents from the plan: Jinja templates -> Markdown -> HTML or Word.

Data flows one way (DESIGN.md §6): the loaded plan is turned into a *redacted view* for the
chosen audience (:mod:`.redact`), a sandboxed Jinja environment renders a Markdown template
from the lookup path (plan ``templates/``, ``--templates DIR``, built-ins), and the Markdown is
converted to a self-contained HTML page (:mod:`.html`) or a Word document (:mod:`.docx`).

Public API::

    from elecsafe.render import RenderOptions, render, DOCUMENTS
    docs = render(loaded, "mou", RenderOptions(audience="public", fmt="html"))
    for doc in docs: doc.filename, doc.data

The pipeline (Jinja, the model) is imported on first use of its names, so the registry can
feed ``elecsafe render --help`` without loading them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from elecsafe.render.documents import DOCUMENTS, Document, resolve_name
from elecsafe.render.errors import RenderError

if TYPE_CHECKING:
    from elecsafe.render.pipeline import RenderedDocument, RenderOptions, render, render_all

_PIPELINE = ("RenderOptions", "RenderedDocument", "render", "render_all")


def __getattr__(name: str) -> Any:
    if name in _PIPELINE:
        return getattr(importlib.import_module("elecsafe.render.pipeline"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DOCUMENTS",
    "Document",
    "RenderError",
    "RenderOptions",
    "RenderedDocument",
    "render",
    "render_all",
    "resolve_name",
]
