"""Every label table names exactly the values of the Literal it labels."""

from __future__ import annotations

from typing import get_args

import pytest

from elecsafe.model.labels import LABELLED


@pytest.mark.parametrize("kind", sorted(LABELLED))
def test_labels_match_their_literal(kind: str) -> None:
    literal, labels = LABELLED[kind]
    values = set(get_args(literal))
    assert values, f"{kind}: not a Literal"
    assert set(labels) == values, (
        f"{kind}: unlabelled {sorted(values - set(labels))}, stale {sorted(set(labels) - values)}"
    )
    assert all(label.strip() for label in labels.values())
