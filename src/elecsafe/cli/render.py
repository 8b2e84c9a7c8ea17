"""``elecsafe render``: documents from the plan (Markdown, HTML, Word)."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from elecsafe.cli.common import fail, load, plan_fence, today, write_file
from elecsafe.render.documents import cli_help  # the registry: light, no Jinja, no model

if TYPE_CHECKING:
    from elecsafe.lint.runner import LintResult
    from elecsafe.load.loader import LoadedPlan
    from elecsafe.render import RenderedDocument


class Format(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"


class Audience(str, Enum):
    public = "public"
    partners = "partners"
    internal = "internal"


class Paper(str, Enum):
    a4 = "a4"
    letter = "letter"


def _refuse_broken_plan(loaded: LoadedPlan, force: bool, day: date) -> LintResult:
    """A plan with errors is not rendered (unless --force): the checks ``elecsafe check`` runs.

    The same entry point as ``check`` (:func:`elecsafe.lint.runner.run`, the plan's own lint
    configuration and waivers), so a plan that passes ``check`` renders and one that fails it
    does not. Even --force does not render a plan the schema rejected (there is no plan), nor
    one with YAML errors: a duplicate key or a refused include means the documents would not
    say what the files say.
    """
    from dataclasses import replace

    from elecsafe.findings import Severity
    from elecsafe.lint.reporters import render as report
    from elecsafe.lint.runner import LintOptions, run

    result = run(loaded, LintOptions(today=day))
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if not errors:
        return result
    typer.echo(report("concise", replace(result, findings=errors)), err=True, nl=False)
    count = f"{len(errors)} error(s)"
    if loaded.plan is None or any(f.code.startswith("YML") for f in errors):
        fail(f"the plan has {count} and cannot be rendered")
    if not force:
        fail(f"the plan has {count}; fix them or render anyway with --force")
    typer.echo(f"elecsafe: warning: rendering a plan with {count} (--force)", err=True)
    return result


class _Progress:
    """A rich progress bar on stderr, silent when stderr is not a terminal."""

    def __init__(self, console: Any = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        console = console or Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            disable=not console.is_terminal,
            transient=True,
        )
        self.task: Any = None

    def start(self, total: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("rendering", total=total)

    def advance(self, label: str) -> None:
        self.progress.update(self.task, advance=1, description=label)

    def stop(self) -> None:
        self.progress.stop()


def _to_stdout(docs: list[RenderedDocument]) -> None:
    """``-o -``: the one document on stdout (a Word file only into a pipe or a file)."""
    from elecsafe import terminal

    (doc,) = docs
    if doc.data[:2] == b"PK" and terminal.is_terminal(sys.stdout):
        fail("a Word document is binary: redirect it (-o - > file.docx) or give -o FILE")
    sys.stdout.buffer.write(doc.data)
    sys.stdout.flush()


def _write(
    docs: list[RenderedDocument],
    targets: list[Path],
    loaded: LoadedPlan,
    templates: Path | None,
    force: bool,
) -> None:
    from elecsafe.writes import Kind, WriteRefused, check_target

    fence = plan_fence(loaded, templates)
    kinds = {"md": Kind.MARKDOWN, "html": Kind.HTML, "docx": Kind.DOCX}
    try:  # check every target before writing any: no partial pack
        for doc, target in zip(docs, targets, strict=True):
            check_target(target, kind=kinds[doc.fmt], force=force, fence=fence)
    except WriteRefused as exc:
        fail(str(exc))
    for doc, target in zip(docs, targets, strict=True):
        write_file(target, doc.data, kind=kinds[doc.fmt], force=force, fence=fence)
        typer.echo(f"wrote {target}", err=True)  # stdout stays for documents (-o -)


def register(app: typer.Typer) -> None:
    @app.command(
        context_settings={"allow_interspersed_args": True},
        epilog=(
            "Examples: elecsafe render mou --id mou-lowbridge --format docx; "
            "elecsafe render briefing --for ra-ni-port-ashby --format docx; "
            "elecsafe render all --format html --audience public --out-dir out/public"
        ),
    )
    def render(
        words: Annotated[
            list[str],
            typer.Argument(metavar="DOC [PLAN]", help=cli_help() + " PLAN defaults to ."),
        ],
        output_format: Annotated[
            Format | None,
            typer.Option(
                "--format", "-f", help="md, html or docx (default: from -o's suffix, else md)."
            ),
        ] = None,
        audience: Annotated[
            Audience,
            typer.Option(
                "--audience", help="Who may read it: fields above the audience are withheld."
            ),
        ] = Audience.partners,
        item_id: Annotated[
            str | None, typer.Option("--id", help="The agreement id (mou, maa).")
        ] = None,
        copy_for: Annotated[
            str | None,
            typer.Option(
                "--for",
                help="briefing: one person's copy of the partners edition, with the police "
                "presence windows that role, organisation or person staffs (restricted: "
                "marked as such and named for them).",
            ),
        ] = None,
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="Write one document to FILE ('-': stdout)."),
        ] = None,
        out_dir: Annotated[
            Path | None,
            typer.Option("--out-dir", help="Folder for the documents (default: PLAN/out)."),
        ] = None,
        templates: Annotated[
            Path | None,
            typer.Option("--templates", help="Folder of templates between the plan's and ours."),
        ] = None,
        when: Annotated[
            str | None,
            typer.Option(
                "--date",
                help="Generation date YYYY-MM-DD (default ELECSAFE_TODAY, then "
                "SOURCE_DATE_EPOCH, then the system clock).",
            ),
        ] = None,
        paper: Annotated[
            Paper | None,
            typer.Option("--paper", help="a4 or letter (default: letter for US plans, else a4)."),
        ] = None,
        force: Annotated[
            bool,
            typer.Option(
                "--force", help="Render a plan with errors; replace files elecsafe did not write."
            ),
        ] = False,
    ) -> None:
        """Render DOC from PLAN as Markdown, HTML or Word.

        Exit 0: written; 2: could not render (bad plan, template, name, id or path).
        """
        from elecsafe.render import RenderError, RenderOptions, resolve_name
        from elecsafe.render.pipeline import Renderer, render_all

        is_all = bool(words) and words[0].lower() == "all"
        try:
            spec, rest = (None, words[1:]) if is_all else resolve_name(words)
        except RenderError as exc:
            fail(str(exc))
        if len(rest) > 1:
            fail(f"unexpected arguments: {' '.join(rest[1:])} (one PLAN at most)")
        plan_path = Path(rest[0]) if rest else Path(".")
        if output is not None and out_dir is not None:
            fail("give -o FILE or --out-dir DIR, not both")
        to_stdout = output is not None and str(output) == "-"
        fmt = output_format.value if output_format else None
        if fmt is None and output is not None and not to_stdout:
            suffix = output.suffix.lower().lstrip(".")
            fmt = suffix if suffix in ("md", "html", "docx") else None
            if fmt is None:
                fail(f"{output}: cannot tell the format from the suffix; add --format")
        fmt = fmt or "md"

        day = today(when)
        loaded = load(plan_path)
        checked = _refuse_broken_plan(loaded, force, day)
        options = RenderOptions(
            audience=audience.value,
            fmt=fmt,
            templates_dir=templates,
            generated_on=day,
            paper=paper.value if paper else None,
            lint=checked,
            copy_for=copy_for,
        )
        folder = out_dir if out_dir is not None else loaded.directory / "out"
        try:
            if is_all:
                if output is not None:
                    fail("render all writes a folder: use --out-dir, not -o")
                if item_id:
                    fail("--id selects one agreement; render all renders every agreement")
                if copy_for:
                    fail("--for makes one person's copy of one document: render briefing --for")
                progress = _Progress()
                try:
                    docs, skipped = render_all(loaded, options, progress)
                finally:
                    progress.stop()
                for reason in skipped:
                    typer.echo(f"elecsafe: skipped: {reason}", err=True)
            else:
                assert spec is not None
                renderer = Renderer(loaded, options)
                targets = renderer.targets(spec, item_id)
                if output is not None and len(targets) > 1:
                    ids = ", ".join(str(t) for t in targets)
                    fail(
                        f"the plan has {len(targets)} documents for {spec.name} ({ids}): "
                        "choose one with --id, or use --out-dir"
                    )
                docs = [renderer.render(spec, target) for target in targets]
        except RenderError as exc:
            fail(str(exc))
        if to_stdout:
            _to_stdout(docs)
            return
        paths = [output] if output is not None else [folder / doc.filename for doc in docs]
        _write(docs, paths, loaded, templates, force)
