"""Threat and incident summary: counts of the incident log by harm, target and week."""

from __future__ import annotations

from typing import Any

from elecsafe.render.documents.incidents import incident_counts
from elecsafe.render.documents.sources import Sources


def build(src: Sources, _: None = None) -> dict[str, Any]:
    return incident_counts(src)
