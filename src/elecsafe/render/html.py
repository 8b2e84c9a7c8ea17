"""Markdown -> one self-contained HTML page with print CSS.

markdown-it-py with the ``js-default`` preset: raw HTML is *off*, so nothing in a template or
the plan can inject markup or script (libs.md §4: the ``commonmark`` preset passes raw HTML).
A figure fence (``mermaid`` for the command chart, ``figure`` for the weekly incident bars) is
replaced by the drawing elecsafe made itself, as inline SVG: no script, nothing fetched. The page shell is a Jinja template with autoescape on; the CSS is embedded, so the file can
be mailed or printed without anything beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from elecsafe.render.chart import FIGURE_FENCES, Figure
from elecsafe.render.environment import run_template

SHELL_TEMPLATE = "shell.html.j2"
CSS_FILE = "print.css"


def markdown_to_html(markdown: str, figures: Sequence[Figure] = ()) -> str:
    """The body; each figure fence becomes the next of ``figures``, drawn as SVG."""
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML

    md = MarkdownIt("js-default")
    pending = list(figures)
    assert isinstance(md.renderer, RendererHTML)
    fence = md.renderer.rules["fence"]

    def drawn(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        if tokens[idx].info.strip() in FIGURE_FENCES and pending:
            return f'<figure class="chart">\n{pending.pop(0).svg()}\n</figure>\n'
        return str(fence(tokens, idx, options, env))

    md.add_render_rule("fence", drawn)
    return str(md.render(markdown))


def html_page(markdown: str, env: Environment, doc: Any, figures: Sequence[Figure] = ()) -> str:
    body = markdown_to_html(markdown, figures)
    assert env.loader is not None
    css, _, _ = env.loader.get_source(env, CSS_FILE)
    template = run_template(lambda: env.get_template(SHELL_TEMPLATE), SHELL_TEMPLATE)
    return run_template(
        lambda: template.render(body=Markup(body), css=Markup(css), doc=doc), SHELL_TEMPLATE
    )
