"""Render documents: redacted view -> Markdown -> md/html/docx bytes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup

from elecsafe import clock
from elecsafe.lint.timeline import Timeline
from elecsafe.load.loader import LoadedPlan
from elecsafe.model.plan import Plan
from elecsafe.render.chart import Chart, Figure
from elecsafe.render.documents import DOCUMENTS, Document
from elecsafe.render.documents.sources import Sources
from elecsafe.render.environment import (
    install_plan_helpers,
    make_environment,
    run_template,
    search_path,
)
from elecsafe.render.errors import RenderError
from elecsafe.render.filters import Lookups, long_date, short_date
from elecsafe.render.markdown import MdSafe, md_inline
from elecsafe.render.redact import (
    AUDIENCES,
    Record,
    WithheldLog,
    is_withheld,
    private_contacts,
    redact,
)
from elecsafe.render.timeline import Due, Dues
from elecsafe.writes import GENERATED_MARK

if TYPE_CHECKING:
    from elecsafe.lint.runner import LintResult

Format = Literal["md", "html", "docx"]
FORMATS: tuple[str, ...] = ("md", "html", "docx")
_BOX = "\x00elecsafe-withheld-box\x00"
AUDIENCE_LABELS = {
    "public": "Public edition",
    "partners": "Partners edition",
    "internal": "Internal edition (restricted)",
}


@dataclass
class RenderOptions:
    audience: str = "partners"
    fmt: str = "md"
    templates_dir: Path | None = None
    generated_on: date = field(default_factory=clock.today)
    paper: str | None = None  # "a4" | "letter"; default from the plan's country
    lint: LintResult | None = None  # the check render runs first (its dates, resolved once)
    copy_for: str | None = None  # a role, organisation or person id: their need-to-know copy


@dataclass
class RenderedDocument:
    spec: Document
    item_id: str | None
    fmt: str
    audience: str
    markdown: str
    data: bytes
    copy_for: str | None = None

    @property
    def filename(self) -> str:
        stem = self.spec.name
        if self.item_id:  # "mou-lowbridge", not "mou-mou-lowbridge"
            prefix = f"{self.spec.name}-"
            stem = self.item_id if self.item_id.startswith(prefix) else prefix + self.item_id
        if self.audience != "partners":
            stem += f".{self.audience}"
        if self.copy_for:  # "briefing.for-ra-ni-port-ashby.md"
            stem += f".for-{self.copy_for}"
        return f"{stem}.{self.fmt}"


class Renderer:
    """One plan, one audience: the view, lookups and environment shared by its documents."""

    def __init__(self, loaded: LoadedPlan, options: RenderOptions) -> None:
        if loaded.plan is None:
            raise RenderError("the plan has errors and cannot be rendered; run elecsafe check")
        if options.audience not in AUDIENCES:
            raise RenderError(
                f"unknown audience '{options.audience}': choose {', '.join(AUDIENCES)}"
            )
        if options.fmt not in FORMATS:
            raise RenderError(f"unknown format '{options.fmt}': choose {', '.join(FORMATS)}")
        self.loaded = loaded
        self.plan: Plan = loaded.plan
        self.options = options
        self.copy_for = self._copy_for(options)
        self.log = WithheldLog()
        self.figures: list[Figure] = []  # drawings of the document being rendered, in order
        view = redact(self.plan, options.audience, self.log)
        assert isinstance(view, Record)
        self.view = view
        self.contacts = private_contacts(loaded.contacts, options.audience, self.log)
        # the dates the check resolved (once); the library resolves them when not given
        lint = options.lint
        timeline = lint.timeline if lint is not None else None
        self.timeline = Dues(
            timeline or Timeline.build(self.plan, options.generated_on), options.audience
        )
        # documents name who holds a role on polling day (roles can change hands mid-cycle)
        poll = self.timeline.poll_date
        handovers = {
            r.id: r.on(poll)[2:4] for r in self.plan.roles if r.changes and poll is not None
        }
        self.lookups = Lookups(view, handovers)
        self.sources = Sources(
            self.plan,
            view,
            self.lookups,
            self.timeline,
            self.contacts,
            audience=options.audience,
            lint=self._lint,
            on_duty=self.copy_for,
            log=self.log,
            placeholders=loaded.placeholders,
        )
        self.folders = search_path(loaded.directory, options.templates_dir)
        paths = [folder for _, folder in self.folders]
        self.env = make_environment(paths)
        install_plan_helpers(self.env, self.lookups, self.plan.country)
        self.env.globals["withheld_box"] = lambda: MdSafe(_BOX)
        self.env.globals["due"] = self._due_of_item
        self.env.filters["due"] = self._due_text
        self.html_env = make_environment(paths, markdown=False)
        self.paper = options.paper or ("letter" if self.plan.country == "US" else "a4")

    def _copy_for(self, options: RenderOptions) -> frozenset[str] | None:
        """The ids a need-to-know copy is made for (``--for``), None for an edition."""
        if options.copy_for is None:
            return None
        from elecsafe.model.visibility import UnknownParty, parties_for

        if options.audience != "partners":
            raise RenderError(
                "--for makes one person's copy of the partners edition (with the police "
                "presence they staff); leave out --audience"
            )
        try:
            return parties_for(self.plan, options.copy_for)
        except UnknownParty:
            raise RenderError(
                f"--for {options.copy_for}: no role, organisation or person with this id "
                "in the plan"
            ) from None

    def _copy_label(self) -> str:
        """Whose copy it is, as the document says it: the role with its holder, the
        organisation, or the person (a person in an address-confidentiality programme is
        not named in it)."""
        target = self.options.copy_for
        assert target is not None
        index = self.plan.index()
        if target in index.roles:
            label, holder = self.lookups.role_name(target), self.lookups.role_holder(target)
            if holder and not is_withheld(holder) and not is_withheld(label):
                return f"{holder}, {label}"
            return str(label)
        if target in index.organisations:
            return str(self.lookups.org_name(target))
        name = self.lookups.person_name(target)
        return (
            "a person in an address-confidentiality programme" if is_withheld(name) else str(name)
        )

    def _lint(self) -> LintResult:
        """The check of this render (given by the CLI, which ran it first), else run now."""
        if self.options.lint is not None:
            return self.options.lint
        from elecsafe.lint.runner import LintOptions, run

        return run(self.loaded, LintOptions(today=self.options.generated_on))

    # -- helpers used by templates -----------------------------------------------------------

    def _due_text(self, due: Due | None) -> str:
        if due is None:
            return ""
        if due.day is None:
            return due.text
        text = str(short_date(due.day, self.plan.country))
        if due.time:
            text += f" {due.time}"
        if due.end is not None:
            text += f" – {short_date(due.end, self.plan.country)}"
        return f"{text} ({due.offset_label})" if due.offset_label else text

    def _due_of_item(self, item_id: str) -> str:
        return self._due_text(self.timeline.due(item_id))

    # -- documents ---------------------------------------------------------------------------

    def item_ids(self, spec: Document) -> list[str]:
        if spec.per == "mou":
            return [m.id for m in self.plan.mous]
        if spec.per == "maa":
            return [m.id for m in self.plan.mutual_aid]
        return []

    def applicable(self, spec: Document) -> str | None:
        """Why ``spec`` cannot be rendered for this plan and audience (None: it can)."""
        if spec.internal_only and self.options.audience != "internal":
            return (
                f"{spec.name} lists personal contact details and renders for the internal "
                "audience only: add --audience internal"
            )
        if self.plan.country not in spec.countries:
            label = spec.name.replace("-", " ", 1)
            return (
                f"{label} is a UK document (force election SPOC and electoral services "
                f"manager); this plan's country is {self.plan.country}"
            )
        if spec.per and not self.item_ids(spec):
            kind = "MoUs" if spec.per == "mou" else "mutual aid agreements"
            return f"the plan has no {kind} to render"
        return None

    def targets(self, spec: Document, item_id: str | None) -> list[str | None]:
        reason = self.applicable(spec)
        if reason:
            raise RenderError(reason)
        if self.copy_for is not None and not spec.copies:
            raise RenderError(
                f"--for: {spec.shown} has no per-person copy; only "
                f"{', '.join(d.shown for d in DOCUMENTS.values() if d.copies)} has one"
            )
        if not spec.per:
            if item_id:
                raise RenderError(f"{spec.name} is one document for the plan; --id is not used")
            return [None]
        ids = self.item_ids(spec)
        if item_id is None:
            return list(ids)
        if item_id not in ids:
            kind = "MoU" if spec.per == "mou" else "mutual aid agreement"
            raise RenderError(f"unknown {kind} id '{item_id}'; the plan has: {', '.join(ids)}")
        return [item_id]

    def _agreement(self, spec: Document, item_id: str) -> tuple[Any, Any]:
        raw_list: list[Any] = list(self.plan.mous if spec.per == "mou" else self.plan.mutual_aid)
        index = next(i for i, a in enumerate(raw_list) if a.id == item_id)
        view_list = self.view.mous if spec.per == "mou" else self.view.mutual_aid
        agreement = view_list if not isinstance(view_list, list) else view_list[index]
        return raw_list[index], agreement

    def context(self, spec: Document, item_id: str | None) -> dict[str, Any]:
        plan = self.plan
        handling = plan.handling
        title = spec.title
        agreement: Any = None
        if spec.per and item_id:
            raw, agreement = self._agreement(spec, item_id)
            handling = raw.handling or handling
            # the title is as sensitive as the agreement: below partners the kind of document
            # stands in (numbered when the plan has several), never the id
            if isinstance(agreement, Record):
                title = agreement.title
            else:
                ids = self.item_ids(spec)
                numbered = f" ({ids.index(item_id) + 1} of {len(ids)})" if len(ids) > 1 else ""
                title = f"{spec.title}{numbered}"
        extra = spec.build(self.sources, agreement)
        missing = self.missing(spec, item_id)
        audience_label = AUDIENCE_LABELS[self.options.audience]
        marking = handling.marking_for(self.options.audience)
        copy_label = None
        if self.copy_for is not None:
            # it carries restricted data (the presence this person staffs): the marking of
            # the restricted edition, and whose copy it is in every header and footer
            copy_label = self._copy_label()
            audience_label = f"Copy for {copy_label} (restricted)"
            marking = handling.marking_for("internal")
        fields: dict[str, Any] = {
            "name": spec.name,
            "id": item_id,
            "title": title,
            "draft": missing,
            "kind": spec.title,
            "audience": self.options.audience,
            "audience_label": audience_label,
            "copy_for": copy_label,
            "generated_on": self.options.generated_on,
            "marking": marking,
            "exemption_note": handling.exemption_note,
            "version": plan.version,
            "plan_title": plan.title,
            "country": plan.country,
            "paper": self.paper,
            "poll_day_name": self.sources.day_name,
        }
        # the closing line of every document (Word leaves it to its page footer)
        fields["closing"] = _edition_line(
            fields, short_date(self.options.generated_on, plan.country)
        )
        doc = Record(fields)
        common = {"poll_days": self.sources.poll_days()}
        return {"plan": self.view, "doc": doc, "contacts": self.contacts, **common, **extra}

    def missing(self, spec: Document, item_id: str | None) -> list[str]:
        """What is still a placeholder in this document's part of the plan (empty: ready).

        Below partners only the places are named, never the placeholder's own text."""
        placeholders = self.loaded.placeholders
        if not placeholders:
            return []
        prefixes: list[tuple[Any, ...]] = [(part,) for part in DRAFT_PARTS.get(spec.name, ())]
        if spec.per and item_id:
            group = "mous" if spec.per == "mou" else "mutual_aid"
            ids = self.item_ids(spec)
            prefixes.append((group, ids.index(item_id)))
        found: list[str] = []
        for prefix in prefixes:
            for path in placeholders.within(prefix):
                where = _path_label(path)
                if where not in found:
                    found.append(where)
        return found

    def markdown(self, spec: Document, item_id: str | None) -> tuple[str, Record]:
        self.log.clear()
        context = self.context(spec, item_id)
        template = run_template(lambda: self.env.get_template(spec.template), spec.template)
        text = run_template(lambda: template.render(context), spec.template)
        text = text.replace(_BOX, self._withheld_box(context["doc"]))
        chart = context.get("chart")
        self.figures = [chart] if isinstance(chart, Chart) else []
        self.figures += context.get("figures", [])
        return _tidy(text), context["doc"]

    def _withheld_box(self, doc: Record) -> str:
        labels = list(self.log)
        if not labels:
            return ""
        lines = [f"> **Withheld from this edition.** This {doc.audience} edition leaves out:", ">"]
        lines += [f"> - {md_inline(label)}" for label in labels]
        if doc.exemption_note:
            lines += [">", f"> {md_inline(doc.exemption_note)}"]
        return "\n".join(lines)

    def render(self, spec: Document, item_id: str | None) -> RenderedDocument:
        return self.editions(spec, item_id, (self.options.fmt,))[0]

    def editions(
        self, spec: Document, item_id: str | None, fmts: Sequence[str]
    ) -> list[RenderedDocument]:
        """The document in each of ``fmts``: one Markdown rendering, converted per format."""
        unknown = [fmt for fmt in fmts if fmt not in FORMATS]
        if unknown:
            raise RenderError(f"unknown format '{unknown[0]}': choose {', '.join(FORMATS)}")
        markdown, doc = self.markdown(spec, item_id)
        edition = _without_figure_fences(markdown)  # what the Markdown edition says
        return [
            RenderedDocument(
                spec,
                item_id,
                fmt,
                self.options.audience,
                edition,
                self._data(markdown, edition, doc, fmt),
                self.options.copy_for,
            )
            for fmt in fmts
        ]

    def _data(self, markdown: str, edition: str, doc: Record, fmt: str) -> bytes:
        """The bytes of the ``fmt`` edition: HTML and Word draw the figures of ``markdown``,
        the Markdown edition is ``edition`` (without the figure fences)."""
        if fmt == "md":
            marker = f"<!-- {GENERATED_MARK} {_version()}: edit the plan or the template, not this file -->\n"
            data = (marker + edition).encode("utf-8")
        elif fmt == "html":
            from elecsafe.render.html import html_page

            page = html_page(markdown, self.html_env, self._page_meta(doc), self.figures)
            data = page.encode("utf-8")
        else:
            from elecsafe.render.docx import DocxMeta, markdown_to_docx

            meta = self._page_meta(doc)
            data = markdown_to_docx(
                markdown,
                DocxMeta(
                    title=("DRAFT: " if doc.draft else "") + str(doc.title),
                    marking=str(doc.marking),
                    header=meta.header,
                    footer=meta.footer,
                    paper=self.paper,
                    subject=_joined(doc.kind, doc.plan_title),
                    lang=str(meta.lang),
                    created=doc.generated_on,
                    closing=str(doc.closing),
                ),
                self.figures,
            )
        return data

    def _page_meta(self, doc: Record) -> Record:
        country = self.plan.country
        generated = long_date(doc.generated_on, country)
        return Record(
            {
                **doc.__dict__,
                "header": _joined(DRAFT if doc.draft else "", doc.marking, doc.title),
                "footer": _edition_line(doc.__dict__, generated),
                "generated_long": generated,
                "generator": f"{GENERATED_MARK} {_version()}",
                "page_header_css": _css_string(_joined(DRAFT if doc.draft else "", doc.marking)),
                "page_footer_css": _css_string(
                    _joined(doc.marking, f"version {doc.version}", f"generated {generated}")
                    + " · page "
                ),
                "lang": "en-US" if country == "US" else "en-GB",
            }
        )


DRAFT = "DRAFT"
# The plan parts each document is drawn from: a placeholder in one of them makes it a draft.
DRAFT_PARTS: dict[str, tuple[str, ...]] = {
    "mou": ("roles",),
    "maa": (),
    "checklist-pre-election": ("timetable", "planning_considerations", "roles"),
    "checklist-election-day": ("sites", "threat_reporting", "roles", "command"),
    "checklist-spoc-esm": ("timetable", "roles"),
    "contacts": ("people", "roles", "organisations"),
    "command-chart": ("command", "roles"),
    "comms-plan": ("communications", "threat_reporting", "roles"),
    "briefing": ("sites", "command", "threat_reporting", "communications", "roles"),
    "debrief": ("debrief",),
    "site-register": ("sites",),
}


def _path_label(path: tuple[Any, ...]) -> str:
    """("mous", 0, "sections", "review") -> "sections › review" under the agreement;
    ("roles", 3, "holder") -> "roles #4 › holder"."""
    parts: list[str] = []
    for i, key in enumerate(path):
        if isinstance(key, int):
            if i == 1 and path[0] in ("mous", "mutual_aid"):
                parts.pop()
                continue
            parts[-1] = f"{parts[-1]} #{key + 1}"
        else:
            parts.append(str(key).replace("_", " "))
    return " › ".join(parts) or "the plan"


def _edition_line(doc: dict[str, Any], generated: object) -> str:
    """The document's closing line and its page footer: draft, marking, plan, version,
    edition and generation date."""
    return _joined(
        DRAFT if doc["draft"] else "",
        doc["marking"],
        doc["plan_title"],
        f"version {doc['version']}",
        doc["audience_label"],
        f"generated {generated}",
    )


def _joined(*parts: object) -> str:
    """Header and footer parts joined by a middle dot; an empty marking leaves no gap."""
    return " · ".join(str(part) for part in parts if str(part))


def _css_string(text: str) -> Markup:
    """A quoted CSS string that cannot end the string or the <style> element."""
    out = []
    for char in text:
        if char in "\\\"<>&'" or ord(char) < 0x20:
            out.append(f"\\{ord(char):X} ")
        else:
            out.append(char)
    return Markup('"' + "".join(out) + '"')


def _version() -> str:
    from elecsafe import __version__

    return str(__version__)


def _without_figure_fences(markdown: str) -> str:
    """The Markdown edition: a ``figure`` fence stands for a drawing HTML and Word show; the
    table beside it says the same, so the fence goes (and one blank line with it)."""
    if "```figure\n" not in markdown:
        return markdown  # most documents: nothing to drop, no second pass over the text
    kept: list[str] = []
    in_figure = False
    for line in markdown.split("\n"):
        if in_figure or line == "```figure":
            in_figure = line != "```"
            continue
        kept.append(line)
    return _tidy("\n".join(kept))


def _tidy(text: str) -> str:
    """At most one blank line in a row; one newline at the end."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    while out and not out[0]:
        out.pop(0)
    return "\n".join(out).rstrip() + "\n"


def render(
    loaded: LoadedPlan, name: str, options: RenderOptions, item_id: str | None = None
) -> list[RenderedDocument]:
    """Render document ``name`` (one per agreement for mou/maa unless ``item_id``)."""
    spec = DOCUMENTS[name]
    renderer = Renderer(loaded, options)
    return [renderer.render(spec, target) for target in renderer.targets(spec, item_id)]


def render_all(
    loaded: LoadedPlan, options: RenderOptions, progress: Any = None
) -> tuple[list[RenderedDocument], list[str]]:
    """Every document that applies to the plan and audience; also the reasons for skips."""
    renderer = Renderer(loaded, options)
    jobs: list[tuple[Document, str | None]] = []
    skipped: list[str] = []
    for spec in DOCUMENTS.values():
        reason = renderer.applicable(spec)
        if reason:
            skipped.append(reason)
            continue
        jobs += [(spec, target) for target in renderer.targets(spec, None)]
    out = []
    if progress is not None:
        progress.start(len(jobs))
    for spec, target in jobs:
        out.append(renderer.render(spec, target))
        if progress is not None:
            progress.advance(spec.name + (f" {target}" if target else ""))
    return out, skipped
