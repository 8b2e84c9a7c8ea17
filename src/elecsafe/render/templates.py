"""What ``elecsafe templates list`` shows and ``templates copy`` ejects."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from elecsafe.render.environment import TEMPLATE_SUFFIXES, search_path, template_description
from elecsafe.render.errors import RenderError
from elecsafe.render.locate import builtin_documents_dir
from elecsafe.writes import Kind, WriteRefused, write_output


@dataclass(frozen=True)
class TemplateRow:
    name: str
    source: str  # plan | user | built-in
    description: str
    overrides: str = ""  # the source it hides, if any


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith(TEMPLATE_SUFFIXES))


def list_templates(plan_dir: Path | None, user_dir: Path | None) -> list[TemplateRow]:
    """Each template name once, from the folder that wins the lookup."""
    seen: dict[str, TemplateRow] = {}
    for source, folder in search_path(plan_dir, user_dir):
        for path in _files(folder):
            if path.name in seen:
                winner = seen[path.name]
                if not winner.overrides:
                    seen[path.name] = TemplateRow(
                        winner.name, winner.source, winner.description, source
                    )
                continue
            inside = path.resolve().is_relative_to(folder.resolve())
            description = (
                template_description(path)
                if inside
                else "refused: a link outside the template folder"
            )
            seen[path.name] = TemplateRow(path.name, source, description)
    return sorted(seen.values(), key=lambda r: (r.name.startswith("_"), r.name))


def builtin_file(name: str) -> Path:
    folder = builtin_documents_dir()
    names = [p.name for p in _files(folder)]
    for candidate in (name, f"{name}.md.j2"):
        if candidate in names:
            return folder / candidate
    close = difflib.get_close_matches(name, [n.split(".")[0] for n in names] + names, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise RenderError(f"no built-in template '{name}'{hint}; see elecsafe templates list")


def copy_builtin(name: str, dest: Path | None, *, force: bool = False) -> Path:
    source = builtin_file(name)
    target = dest if dest is not None else Path("templates")
    if target.is_dir() or dest is None or str(dest).endswith(("/", "\\")):
        target = target / source.name
    if target.resolve() == source.resolve():
        raise RenderError(f"{target}: is the built-in template itself")
    try:
        write_output(target, source.read_bytes(), kind=Kind.TEMPLATE, force=force)
    except WriteRefused as exc:
        raise RenderError(str(exc)) from exc
    except OSError as exc:
        raise RenderError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    return target
