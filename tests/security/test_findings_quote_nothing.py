"""Findings never quote a value of a field above public, nor a key or value of the private
layer (issue 11): they reach terminals, CI logs and SARIF uploads. They name the key path."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.cases import BASE
from tests.security.conftest import Run

FORMATS = ["text", "concise", "json", "sarif", "github"]


def _plan(tmp_path: Path, text: str) -> Path:
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text(text, encoding="utf-8")
    (plan / ".gitignore").write_text("private/\n")
    return plan


def _outputs(run: Run, plan: Path) -> str:
    seen = ""
    for fmt in FORMATS:
        result = run("check", str(plan), "--format", fmt)
        assert result.code in (0, 1), result
        seen += result.out + result.err
    return seen


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unknown_id_in_a_restricted_field_is_not_quoted(
    tmp_path: Path, run: Run, fmt: str
) -> None:
    secret = "Jane Roe 07700 900986"
    plan = _plan(
        tmp_path,
        BASE.replace(
            "    display_name: Alice Example\n",
            f"    display_name: Alice Example\n    mobile_exchanged_with: [{secret}]\n",
        ),
    )
    result = run("check", str(plan), "--format", fmt)
    assert result.code == 1, result
    assert "REF001" in result.out
    assert "900986" not in result.out + result.err and "Jane Roe" not in result.out
    assert "mobile_exchanged_with" in result.out  # named by its key path instead


def test_the_todo_hint_does_not_repeat_partners_text(tmp_path: Path, run: Run) -> None:
    plan = _plan(tmp_path, BASE + "notes: 'TODO: ring Jane Roe on 07700 900987 about the count'\n")
    seen = _outputs(run, plan)
    assert "TODO001" in seen
    assert "900987" not in seen and "Jane Roe" not in seen


def test_a_public_todo_still_says_what_it_asks_for(tmp_path: Path, run: Run) -> None:
    plan = _plan(tmp_path, BASE.replace("Testshire hostile-input plan", "'TODO: plan title'"))
    result = run("check", str(plan), "--format", "json")
    assert '"hint": "plan title"' in result.out


def test_a_private_layer_key_is_not_quoted(tmp_path: Path, run: Run) -> None:
    plan = _plan(tmp_path, BASE)
    (plan / "private").mkdir()
    (plan / "private" / "contacts.yaml").write_text(
        "contacts:\n"
        "  Jane Roe 07700 900988:\n"
        "    contact_methods:\n"
        "      - {kind: mobile, value: '07700 900989'}\n"
        "  alice:\n"
        "    contact_methods:\n"
        "      - {kind: mobil, value: '07700 900990'}\n"
    )
    seen = _outputs(run, plan)
    assert ("REF001" in seen and "YML" in seen) or "SCH" in seen or "mobil" in seen
    for secret in ("900988", "900989", "900990", "Jane Roe"):
        assert secret not in seen, secret
