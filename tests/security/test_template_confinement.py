"""Template loading is confined like includes (issue 11): a symlink in a plan's templates/
cannot pull the private contacts or /etc/passwd into a document."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.security.conftest import Run

MOBILE = "07700 900101"  # in the example's private/contacts.example.yaml


@pytest.fixture
def plan(uk: Path) -> Path:
    (uk / "templates").mkdir()
    return uk


def _render(run: Run, plan: Path, tmp_path: Path) -> tuple[int, str, str]:
    out = tmp_path / "briefing.md"
    result = run("render", "briefing", str(plan), "-o", str(out), "--audience", "public")
    text = out.read_text() if out.exists() else ""
    return result.code, result.err, text


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
@pytest.mark.parametrize(
    ("link", "target", "include"),
    [
        ("up", "../private", "up/contacts.example.yaml"),
        ("root", "/", "root/etc/passwd"),
    ],
)
def test_an_include_through_a_symlinked_folder_is_refused(
    plan: Path, run: Run, tmp_path: Path, link: str, target: str, include: str
) -> None:
    (plan / "templates" / link).symlink_to(target)
    (plan / "templates" / "briefing.md.j2").write_text(f"{{% include '{include}' %}}\n")
    code, err, text = _render(run, plan, tmp_path)
    assert code == 2
    assert err.count("\n") == 1 and "leads outside its template folder" in err, err
    assert MOBILE not in text and "root:" not in text


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_template_that_is_a_link_out_is_refused(plan: Path, run: Run, tmp_path: Path) -> None:
    (plan / "templates" / "briefing.md.j2").symlink_to(plan / "private" / "contacts.example.yaml")
    code, err, text = _render(run, plan, tmp_path)
    assert code == 2 and "leads outside its template folder" in err, err
    assert MOBILE not in err + text
    listing = run("templates", "list", str(plan))
    assert MOBILE not in listing.out and "refused" in listing.out


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_plan_template_folder_that_is_a_link_out_is_refused(
    uk: Path, run: Run, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "briefing.md.j2").write_text("from elsewhere\n")
    (uk / "templates").symlink_to(outside)
    code, err, _ = _render(run, uk, tmp_path)
    assert code == 2 and "leads outside the plan" in err, err


def test_a_template_inside_its_folder_still_includes_its_partials(
    plan: Path, run: Run, tmp_path: Path
) -> None:
    (plan / "templates" / "_part.md.j2").write_text("partial here\n")
    (plan / "templates" / "briefing.md.j2").write_text("{% include '_part.md.j2' %}\n")
    code, err, text = _render(run, plan, tmp_path)
    assert code == 0, err
    assert "partial here" in text
