"""The sandboxed Jinja environment and the template lookup path.

* ``ImmutableSandboxedEnvironment``: a user template cannot reach Python internals
  (``''.__class__``, ``cycler.__init__.__globals__``) nor mutate lists and dicts.
* ``StrictUndefined``: a misspelt variable is an error naming the template and line.
* Plan values are data, never template source: they are passed in the context, so
  ``{{ ... }}`` written in the plan prints literally. The Markdown environment escapes every
  printed value (finalize hook); the HTML shell environment autoescapes.
* Lookup order (DESIGN.md §6): the plan's ``templates/``, then ``--templates DIR``, then the
  built-ins.
* Compiled templates are kept in Jinja's bytecode cache in the user's cache folder
  (``$XDG_CACHE_HOME/elecsafe`` or ``~/.cache/elecsafe``; ``ELECSAFE_CACHE_DIR`` moves it,
  ``ELECSAFE_CACHE_DIR=off`` turns it off). Used only when its folder belongs to the user and
  nobody else may write it (otherwise off for that run). Keyed by each template's path and
  source checksum, so an edited template is recompiled; compiling the built-ins every run was about a quarter
  of a small ``render all``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import (
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.bccache import Bucket
from jinja2.exceptions import SecurityError, TemplateNotFound, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from elecsafe.render.errors import RenderError
from elecsafe.render.filters import (
    Lookups,
    humanize,
    label,
    long_date,
    role_kind_label,
    short_date,
)
from elecsafe.render.locate import builtin_documents_dir
from elecsafe.render.markdown import MdSafe, md_block, md_inline
from elecsafe.render.redact import Withheld, is_withheld
from elecsafe.render.vocabulary import term, words

T = TypeVar("T")
TEMPLATE_SUFFIXES = (".md.j2", ".html.j2", ".css")


def search_path(plan_dir: Path | None, user_dir: Path | None) -> list[tuple[str, Path]]:
    """(source label, folder) in lookup order; folders that do not exist are skipped."""
    out: list[tuple[str, Path]] = []
    if plan_dir is not None and (plan_dir / "templates").is_dir():
        check_template_folder(plan_dir, plan_dir / "templates")
        out.append(("plan", plan_dir / "templates"))
    if user_dir is not None:
        if not user_dir.is_dir():
            raise RenderError(f"{user_dir}: --templates must name an existing folder")
        out.append(("user", user_dir))
    out.append(("built-in", builtin_documents_dir()))
    return out


def _finalize_markdown(value: Any) -> Any:
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return ""
    if isinstance(value, Withheld):
        str(value)  # records what was withheld
        return MdSafe("*withheld*")
    if isinstance(value, bool):
        return "yes" if value else "no"
    return md_inline(value)


def show(value: Any, empty: str = "—") -> Any:
    """The value, a dash when empty; a withheld value stays withheld (never a dash)."""
    if isinstance(value, Withheld):
        return value
    if value is None or value == "" or value == [] or value == {}:
        return empty
    return value


def field(record: Any, name: str) -> Any:
    """``record.name``, None when the record is None; a withheld record stays withheld."""
    if record is None or isinstance(record, Withheld):
        return record
    return getattr(record, name, None)


def joined(values: Any, separator: str = ", ", empty: str = "—") -> Any:
    """``[a, b]`` -> "a, b"; a withheld list stays withheld."""
    if isinstance(values, Withheld):
        return values
    items = [str(v) for v in values or [] if v is not None]
    return separator.join(items) if items else empty


class TemplateEscape(TemplateError):
    """A template path that leads outside its template folder (a symlink, usually)."""


class ConfinedLoader(FileSystemLoader):
    """A :class:`FileSystemLoader` whose templates stay inside their folders, like includes.

    Jinja's loader follows symlinks: a link in a plan's ``templates/`` to ``../private`` or
    ``/`` would let a template ``{% include %}`` the git-ignored contacts or ``/etc/passwd``
    into a public edition. Here every template name resolves (symlinks and ``..`` followed)
    to a file inside the resolved folder it was found in, or the render stops.
    """

    def __init__(self, folders: list[Path]) -> None:
        super().__init__([str(f) for f in folders])
        self.roots = [(Path(f), Path(f).resolve()) for f in folders]

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        from jinja2.loaders import split_template_path

        pieces = split_template_path(template)  # refuses ".." pieces itself
        for folder, root in self.roots:
            candidate = folder.joinpath(*pieces)
            if not os.path.lexists(candidate):
                continue
            real = candidate.resolve()
            if not real.is_relative_to(root):
                raise TemplateEscape(
                    f"{candidate}: leads outside its template folder {folder} "
                    f"(to {real}); template symlinks out of the folder are refused"
                )
            break
        return super().get_source(environment, template)


def check_template_folder(plan_dir: Path, folder: Path) -> None:
    """A plan's own ``templates/`` must itself stay inside the plan (not a link to ``/``)."""
    if not folder.resolve().is_relative_to(plan_dir.resolve()):
        raise RenderError(
            f"{folder}: the plan's template folder leads outside the plan "
            f"(to {folder.resolve()}); refused"
        )


def _html_autoescape(name: str | None) -> bool:
    return bool(name) and str(name).endswith((".html", ".html.j2", ".htm"))


class _BestEffortCache(FileSystemBytecodeCache):
    """A cache that can never fail a render: a full disk or a read-only home only costs time."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def bytecode_cache(kind: str) -> FileSystemBytecodeCache | None:
    """The per-user cache of compiled templates, one folder per elecsafe version and
    environment kind (the Markdown and HTML environments compile the same source differently)."""
    from elecsafe import __version__

    setting = os.environ.get("ELECSAFE_CACHE_DIR", "").strip()
    if setting.lower() == "off":
        return None
    if setting:
        base = Path(setting)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "elecsafe"
    folder = base / f"jinja-{__version__}-{kind}"
    try:
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home directory
        return None
    if not (_trusted_folder(base) and _trusted_folder(folder)):
        return None  # caching off for this run: the cache holds code (pickled bytecode)
    return _BestEffortCache(str(folder))


def _trusted_folder(folder: Path) -> bool:
    """Owned by this user and writable by nobody else (not a symlink to elsewhere): anyone who
    can write the cache can make the next render run their code."""
    if os.name != "posix":
        return True
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(folder)
        except OSError:
            return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, its attribute verdicts remembered per (type, name).

    jinja's checks (a private name, a Python internal, a method that mutates a list or dict)
    depend on the object's type and the attribute's name alone, and a document asks them for
    every field of every site: a tenth of ``render all``'s time at 10,000 sites."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict


def make_environment(
    folders: list[Path], *, markdown: bool = True
) -> ImmutableSandboxedEnvironment:
    env = _Sandbox(
        loader=ConfinedLoader(folders),
        bytecode_cache=bytecode_cache("md" if markdown else "html"),
        undefined=StrictUndefined,
        autoescape=_html_autoescape,
        finalize=_finalize_markdown if markdown else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["md"] = md_inline
    env.filters["show"] = show
    env.filters["joined"] = joined
    env.filters["field"] = field
    env.tests["withheld"] = is_withheld
    env.filters["md_block"] = md_block
    env.filters["humanize"] = humanize
    env.filters["label"] = label
    env.filters["role_kind_label"] = role_kind_label
    env.globals["cite"] = _cite
    return env


def _cite(key: str, *sections: str) -> str:
    """``cite("app", "Post-election debrief")``: a template names the guidance by the
    registry's publication and sections (publisher, title, date, sections), never by a tag."""
    from elecsafe.guidance import cite

    try:
        citations = [cite(key, section) for section in sections] or [cite(key)]
    except KeyError:  # a local template's mistake: one line, like an undefined name
        raise UndefinedError(
            f"cite(): no guidance publication {key!r} with sections {sections!r}"
        ) from None
    if len(citations) == 1:
        return citations[0].text
    publication = citations[0].publication
    headings = [f"“{publication.heading(section)}”" for section in sections]
    text = f"{publication.full}, sections {', '.join(headings[:-1])} and {headings[-1]}"
    return text + (f" — {publication.address}" if publication.address else "")


def install_plan_helpers(
    env: ImmutableSandboxedEnvironment, lookups: Lookups, country: str
) -> None:
    """Filters that need the plan: national date style and id lookups."""
    env.filters["longdate"] = lambda v: long_date(v, country)
    env.filters["shortdate"] = lambda v: short_date(v, country)
    for name in (
        "person_name",
        "person_title",
        "role_label",
        "role_name",
        "role_holder",
        "role_deputy",
        "role_org",
        "org_name",
        "site_name",
        "jurisdiction_name",
        "election_name",
        "party_name",
    ):
        env.filters[name] = getattr(lookups, name)
    env.globals["role"] = lookups.role
    env.globals["term"] = lambda name: term(name, country)
    # pass_context: Jinja would otherwise fold ``"literal" | words`` at compile time with the
    # first plan's country, and the bytecode cache would serve that to the other country
    env.filters["words"] = pass_context(lambda _context, text: words(str(text), country))
    env.globals["org"] = lookups.org
    env.globals["person"] = lookups.person


def _template_position(exc: BaseException) -> str:
    """``file:line`` of the innermost template frame in a Jinja traceback."""
    where = ""
    tb: types.TracebackType | None = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIXES):
            where = f"{_shown(filename)}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def _shown(filename: str) -> str:
    try:
        relative = os.path.relpath(filename)
    except ValueError:
        return filename
    return relative if not relative.startswith("..") else filename


def run_template(render: Callable[[], T], name: str) -> T:
    """Render, turning every template problem into a one-line :class:`RenderError`."""
    try:
        return render()
    except TemplateSyntaxError as exc:
        where = f"{_shown(exc.filename or exc.name or name)}:{exc.lineno}"
        raise RenderError(f"{where}: template syntax error: {exc.message}") from None
    except SecurityError as exc:
        where = _template_position(exc) or name
        raise RenderError(f"{where}: unsafe template operation refused: {exc}") from None
    except UndefinedError as exc:
        where = _template_position(exc) or name
        raise RenderError(f"{where}: {exc.message}") from None
    except TemplateNotFound as exc:
        raise RenderError(f"template '{exc.name}' not found (used by {name})") from None
    except TemplateEscape as exc:
        raise RenderError(f"{exc.message} (used by {name})") from None
    except TemplateError as exc:
        where = _template_position(exc) or name
        raise RenderError(f"{where}: template error: {exc}") from None
    except (TypeError, ValueError, AttributeError, KeyError, ZeroDivisionError) as exc:
        where = _template_position(exc) or name
        raise RenderError(f"{where}: template failed: {exc}") from None


def template_description(path: Path) -> str:
    """The ``{#- description: ... -#}`` comment on a template's first line."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
    except OSError:
        return ""
    marker = "description:"
    if marker in first:
        text = first.split(marker, 1)[1].strip()
        for closing in ("-#}", "#}", "*/"):
            text = text.removesuffix(closing).strip()
        return text
    return ""


__all__ = [
    "install_plan_helpers",
    "make_environment",
    "run_template",
    "search_path",
    "template_description",
]
