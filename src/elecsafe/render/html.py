"""Markdown -> one self-contained HTML page with print CSS.

markdown-it-py with the ``js-default`` preset: raw HTML is *off*, so nothing in a template or
the plan can inject markup or script (libs.md §4: the ``commonmark`` preset passes raw HTML).
The page shell is a Jinja template with autoescape on; the CSS is embedded, so the file can
be mailed or printed without anything beside it.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from elecsafe.render.environment import run_template

SHELL_TEMPLATE = "shell.html.j2"
CSS_FILE = "print.css"


def markdown_to_html(markdown: str) -> str:
    from markdown_it import MarkdownIt

    return str(MarkdownIt("js-default").render(markdown))


def html_page(markdown: str, env: Environment, doc: Any) -> str:
    body = markdown_to_html(markdown)
    assert env.loader is not None
    css, _, _ = env.loader.get_source(env, CSS_FILE)
    template = run_template(lambda: env.get_template(SHELL_TEMPLATE), SHELL_TEMPLATE)
    return run_template(
        lambda: template.render(body=Markup(body), css=Markup(css), doc=doc), SHELL_TEMPLATE
    )
