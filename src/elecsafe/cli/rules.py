"""``elecsafe rules`` (the rule table) and ``elecsafe rule CODE`` (one rule explained)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from elecsafe.cli.common import fail


class RulesFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


def register(app: typer.Typer) -> None:
    @app.command(
        epilog="Examples: elecsafe rules; elecsafe rules --family MTG; elecsafe rules --format markdown > docs/rules.md"
    )
    def rules(
        output_format: Annotated[
            RulesFormat,
            typer.Option("--format", help="table, json, or markdown (docs/rules.md)."),
        ] = RulesFormat.table,
        family: Annotated[
            str | None, typer.Option("--family", help="Only one family, e.g. MAA.")
        ] = None,
    ) -> None:
        """List every rule: code, name, severity, scope, core or extended, what it checks."""
        from elecsafe.lint import docs
        from elecsafe.lint.registry import FAMILY_TITLES, registry

        chosen = list(registry().values())
        if family is not None:
            wanted = family.strip().upper()
            if wanted not in FAMILY_TITLES:
                fail(f"unknown rule family '{family}' (families: {', '.join(FAMILY_TITLES)})")
            chosen = [r for r in chosen if r.family == wanted]
        if output_format is RulesFormat.json:
            typer.echo(docs.rules_json(chosen), nl=False)
        elif output_format is RulesFormat.markdown:
            typer.echo(docs.rules_markdown(chosen), nl=False)
        else:
            docs.print_table(chosen)

    @app.command(epilog="Examples: elecsafe rule MTG001; elecsafe rule next-meeting")
    def rule(
        code: Annotated[str, typer.Argument(help="A rule code (MTG001) or name (next-meeting).")],
    ) -> None:
        """Explain one rule: what it checks, why (the guidance), examples and the fix."""
        from elecsafe.lint import docs
        from elecsafe.lint.registry import get, suggest

        found = get(code)
        if found is None:
            close = suggest(code)
            fail(f"unknown rule '{code}'" + (f" (did you mean {close}?)" if close else ""))
        typer.echo(docs.explain(found), nl=False)
