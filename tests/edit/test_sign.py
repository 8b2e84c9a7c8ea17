"""``elecsafe sign`` and DOC007: a signature covers the terms as they were signed."""

from __future__ import annotations

from pathlib import Path

import pytest

from elecsafe.load.loader import load_plan
from elecsafe.model.agreements import terms_digest
from tests.edit.conftest import EXAMPLES, comment_lines, invoke, snapshot, trailing_comments


def _first_mou(plan: Path) -> tuple[Path, str, list[tuple[str, str]]]:
    loaded = load_plan(plan)
    assert loaded.plan is not None
    mou = loaded.plan.mous[0]
    file = plan / loaded.source_map.locate(("mous", 0)).file.split(plan.name + "/", 1)[-1]
    parties = [(p.org, p.signatory.person) for p in mou.parties if p.signatory]
    return file, mou.id, parties


@pytest.mark.parametrize("name", ["us-county", "uk-force"])
def test_examples_carry_the_digest_of_their_signed_terms(name: str) -> None:
    loaded = load_plan(EXAMPLES / name)
    assert loaded.plan is not None
    agreements = [*loaded.plan.mous, *loaded.plan.mutual_aid]
    signed = [
        (a, p.signatory)
        for a in agreements
        for p in a.parties
        if p.signatory is not None and p.signatory.signed_on is not None
    ]
    assert signed
    for agreement, signatory in signed:
        assert signatory.terms_digest == terms_digest(agreement), agreement.id


def test_editing_signed_terms_raises_doc006_until_everyone_signs_again(example: Path) -> None:
    file, mou_id, parties = _first_mou(example)
    text = file.read_text("utf-8")
    assert "    purpose: " in text
    file.write_text(text.replace("    purpose: ", "    purpose: Amended. ", 1), "utf-8")
    result = invoke(["check", str(example), "--format", "concise"])
    assert result.exit_code == 1
    assert f"DOC007 the terms of '{mou_id}' changed since signed by '{parties[0][1]}'" in (
        result.output
    )
    comments, trailing = comment_lines(example), trailing_comments(example)
    for org, person in parties:
        signed = invoke(["sign", str(example), mou_id, "--party", org, "--by", person])
        assert signed.exit_code == 0, signed.output
    assert comment_lines(example) == comments
    assert trailing_comments(example) == trailing
    assert "DOC007" not in invoke(["check", str(example), "--format", "concise"]).output


def test_rewrapping_the_text_keeps_the_digest(example: Path) -> None:
    file, _, _ = _first_mou(example)
    text = file.read_text("utf-8")
    # fold one line of a folded (>-) paragraph into the next: same words, same terms
    lines = text.splitlines(keepends=True)
    at = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("        ")
        and lines[i + 1].startswith("        ")
        and not line.lstrip().startswith(("-", "#"))
        and ":" not in line
        and ":" not in lines[i + 1]
    )
    lines[at : at + 2] = [lines[at].rstrip("\n") + " " + lines[at + 1].lstrip()]
    file.write_text("".join(lines), "utf-8")
    assert "DOC007" not in invoke(["check", str(example), "--format", "concise"]).output


def test_sign_dry_run_leaves_every_byte(example: Path) -> None:
    file, mou_id, parties = _first_mou(example)
    before = snapshot(example)
    org, person = parties[0]
    result = invoke(
        ["sign", str(example), mou_id, "--party", org, "--by", person, "--date", "2027-03-01"]
    )
    assert result.exit_code == 0
    changed = snapshot(example)
    assert [k for k in changed if changed[k] != before[k]] == [file.relative_to(example).as_posix()]
    file.write_bytes(before[file.relative_to(example).as_posix()])
    dry = invoke(
        [
            "sign",
            str(example),
            mou_id,
            "--party",
            org,
            "--by",
            person,
            "--date",
            "2027-03-01",
            "--dry-run",
        ]
    )
    assert dry.exit_code == 0
    assert "+        signatory: {person: " in dry.stdout and "signed_on: 2027-03-01" in dry.stdout
    assert snapshot(example) == before


def test_sign_refuses_unknown_agreement_party_and_person(example: Path) -> None:
    _, mou_id, parties = _first_mou(example)
    before = snapshot(example)
    org, person = parties[0]
    cases = [
        (["nope"], "no agreement 'nope'"),
        ([mou_id, "--party", "nobody"], "'nobody' is not a party"),
        ([mou_id, "--party", org, "--by", "ghost"], "no person 'ghost'"),
    ]
    for args, message in cases:
        full = ["sign", str(example), *args]
        if "--party" not in full:
            full += ["--party", org]
        if "--by" not in full:
            full += ["--by", person]
        result = invoke(full)
        assert result.exit_code == 2 and message in result.output, result.output
    assert snapshot(example) == before


def test_sign_refuses_a_file_with_yaml_errors(example: Path) -> None:
    file, mou_id, parties = _first_mou(example)
    file.write_text(file.read_text("utf-8") + "  - id: [broken\n", "utf-8")
    before = snapshot(example)
    org, person = parties[0]
    result = invoke(["sign", str(example), mou_id, "--party", org, "--by", person])
    assert result.exit_code == 2
    assert "nothing was written" in result.output
    assert snapshot(example) == before
