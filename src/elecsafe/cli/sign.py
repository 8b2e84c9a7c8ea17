"""``elecsafe sign``: record a party's signature of an agreement with a digest of its terms."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from elecsafe.cli.common import EXIT_OK, fail, load

HELP = """Record that PERSON signed AGREEMENT_ID (an MoU or mutual aid agreement) for ORG.

The party's signatory gets the person, the date (--date, default today) and the digest of
the agreement's terms as they stand now (sha256 of the canonical terms: see
`elecsafe.model.agreements.terms_digest`). If the terms change afterwards, check reports
DOC007 "changed since signed by ..." until every party signs again. When the agreement was
carried over by `elecsafe roll` (resign_due), the marker is removed once every party has
signed the current terms. --dry-run prints the diff and writes nothing.
"""


def register(app: typer.Typer) -> None:
    @app.command(
        help=HELP,
        epilog="Examples: elecsafe sign . mou-port-ashby-2027 --party la-port-ashby --by margaret-quayle; elecsafe sign . maa-brackenshire-2027 --party severnshire-police --by helen-marsh --date 2027-03-09",
    )
    def sign(
        plan: Annotated[Path, typer.Argument(help="Plan directory or plan.yaml.")],
        agreement_id: Annotated[str, typer.Argument(metavar="AGREEMENT_ID")],
        party: Annotated[str, typer.Option("--party", metavar="ORG", help="The party's org id.")],
        by: Annotated[str, typer.Option("--by", metavar="PERSON", help="The signer's person id.")],
        title: Annotated[
            str | None,
            typer.Option("--title", help="The signer's title (default: the recorded one)."),
        ] = None,
        on: Annotated[
            str | None, typer.Option("--date", metavar="DATE", help="YYYY-MM-DD (default today).")
        ] = None,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="Print the diff; write nothing.")
        ] = False,
    ) -> None:
        from elecsafe.cli.common import today
        from elecsafe.cli.edits import apply, refuse_broken
        from elecsafe.edit.document import EditError
        from elecsafe.edit.session import PlanEdit
        from elecsafe.model.agreements import agreements_of, terms_digest

        signed_on = _date(on) if on else today()
        loaded = load(plan)
        refuse_broken(loaded)
        if loaded.plan is None:
            fail("the plan does not pass the schema; run `elecsafe check` first")
        found = [(at, a) for at, a in agreements_of(loaded.plan) if a.id == agreement_id]
        if not found:
            known = [a.id for _, a in agreements_of(loaded.plan)]
            fail(f"no agreement '{agreement_id}' (agreements: {', '.join(known) or 'none'})")
        at, agreement = found[0]
        parties = [j for j, p in enumerate(agreement.parties) if p.org == party]
        if not parties:
            orgs = ", ".join(p.org for p in agreement.parties)
            fail(f"'{party}' is not a party to '{agreement_id}' (parties: {orgs})")
        if by not in loaded.plan.index().people:
            fail(f"no person '{by}' in the plan")
        j = parties[0]
        current = agreement.parties[j].signatory
        chosen_title = title or (current.title if current and current.person == by else None)
        if not chosen_title:
            fail(f"give the signer's title with --title ('{by}' has not signed for '{party}')")
        digest = terms_digest(agreement)
        signatory = {
            "person": by,
            "title": chosen_title,
            "signed_on": signed_on,
            "terms_digest": digest,
        }
        edit = PlanEdit(loaded)
        base = (*at, "parties", j, "signatory")
        try:
            if current is None:
                edit.insert(base[:-1], "signatory", signatory)
            else:
                for field, value in signatory.items():
                    edit.set((*base, field), value)
            others_signed = all(
                p.signatory is not None and p.signatory.terms_digest == digest
                for k, p in enumerate(agreement.parties)
                if k != j
            )
            if agreement.resign_due and others_signed:
                edit.delete((*at, "resign_due"))
        except EditError as exc:
            fail(str(exc))
        changes = apply(edit, dry_run=dry_run)
        state = "would record" if dry_run else "recorded"
        typer.echo(
            f"{state}: '{by}' signed '{agreement_id}' for '{party}' on {signed_on.isoformat()}, "
            f"terms {digest}" + ("" if changes else " (already recorded)"),
            err=dry_run,
        )
        raise typer.Exit(EXIT_OK)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"--date must be a date YYYY-MM-DD, not '{text}'")
