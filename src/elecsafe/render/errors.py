"""The one error type of the render layer: the CLI prints it as one line and exits 2."""

from __future__ import annotations


class RenderError(Exception):
    """A document could not be produced (bad template, unknown document or id, refused path)."""
