"""Template lookup, overrides, the sandbox, strict variables and Markdown escaping."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from elecsafe.load.loader import load_plan
from elecsafe.render import DOCUMENTS, RenderError
from elecsafe.render.locate import builtin_templates_dir
from elecsafe.render.markdown import md_block, md_inline
from elecsafe.render.pipeline import Renderer
from elecsafe.render.templates import copy_builtin, list_templates
from tests.render.conftest import REPO, options


def _markdown(plan_dir: Path, name: str, item: str | None = None, **kw: object) -> str:
    renderer = Renderer(load_plan(plan_dir), options(**kw))
    return renderer.render(DOCUMENTS[name], item).markdown


def _template(plan_dir: Path, name: str, text: str) -> None:
    folder = plan_dir / "templates"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


# -- locating the built-ins -----------------------------------------------------------------


def test_builtins_found_in_the_source_tree() -> None:
    assert builtin_templates_dir() == REPO / "templates"
    assert (builtin_templates_dir() / "documents" / "mou.md.j2").is_file()


def test_builtins_found_inside_an_installed_wheel_layout(tmp_path: Path) -> None:
    package = tmp_path / "site-packages" / "elecsafe"
    (package / "templates" / "documents").mkdir(parents=True)
    assert builtin_templates_dir(package) == package / "templates"


def test_builtins_missing_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="built-in templates not found"):
        builtin_templates_dir(tmp_path / "src" / "elecsafe")


def test_every_document_has_a_builtin_template() -> None:
    folder = builtin_templates_dir() / "documents"
    for spec in DOCUMENTS.values():
        assert (folder / spec.template).is_file(), spec.template


# -- overrides ------------------------------------------------------------------------------


def test_plan_template_overrides_the_builtin(uk_plan: Path) -> None:
    _template(
        uk_plan,
        "debrief.md.j2",
        '{% extends "_base.md.j2" %}{% block body %}Our own debrief for {{ plan.title }}.{% endblock %}',
    )
    text = _markdown(uk_plan, "debrief")
    assert "Our own debrief for Wyvernshire election policing plan 2027." in text
    assert "## 1. Planning and preparation" not in text
    assert text.startswith("**OFFICIAL-SENSITIVE**\n\n# Post-election debrief\n")


def test_compiled_templates_are_cached_and_an_edit_is_seen(
    uk_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("ELECSAFE_CACHE_DIR", str(cache))
    first = _markdown(uk_plan, "debrief")
    cached = sorted(p.name for p in cache.rglob("*.cache"))
    assert cached, "compiled templates were written to the cache"
    assert _markdown(uk_plan, "debrief") == first  # a warm cache renders the same text
    assert sorted(p.name for p in cache.rglob("*.cache")) == cached
    _template(
        uk_plan,
        "debrief.md.j2",
        '{% extends "_base.md.j2" %}{% block body %}Edited.{% endblock %}',
    )
    assert "Edited." in _markdown(uk_plan, "debrief")  # keyed by source: never stale


def test_an_unusable_cache_folder_only_costs_time(
    uk_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ELECSAFE_CACHE_DIR", str(blocker / "cache"))
    assert "# Post-election debrief" in _markdown(uk_plan, "debrief")
    corrupt = tmp_path / "corrupt"
    monkeypatch.setenv("ELECSAFE_CACHE_DIR", str(corrupt))
    _markdown(uk_plan, "debrief")
    for entry in corrupt.rglob("*.cache"):
        entry.write_bytes(b"garbage")
    assert "# Post-election debrief" in _markdown(uk_plan, "debrief")


def test_lookup_order_plan_then_user_then_builtin(uk_plan: Path, tmp_path: Path) -> None:
    user = tmp_path / "user-templates"
    user.mkdir()
    (user / "debrief.md.j2").write_text("user debrief\n")
    (user / "briefing.md.j2").write_text("user briefing\n")
    _template(uk_plan, "debrief.md.j2", "plan debrief\n")
    renderer = Renderer(load_plan(uk_plan), options(templates_dir=user))
    assert renderer.render(DOCUMENTS["debrief"], None).markdown == "plan debrief\n"
    assert renderer.render(DOCUMENTS["briefing"], None).markdown == "user briefing\n"
    assert "## Positions" in renderer.render(DOCUMENTS["command-chart"], None).markdown
    rows = {r.name: r for r in list_templates(uk_plan, user)}
    assert (rows["debrief.md.j2"].source, rows["debrief.md.j2"].overrides) == ("plan", "user")
    assert (rows["briefing.md.j2"].source, rows["briefing.md.j2"].overrides) == ("user", "built-in")
    assert rows["mou.md.j2"].source == "built-in"
    assert rows["mou.md.j2"].description.startswith("memorandum of understanding")


def test_templates_copy_ejects_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = copy_builtin("mou", tmp_path / "templates" / "mou.md.j2")
    assert target.read_text() == (builtin_templates_dir() / "documents" / "mou.md.j2").read_text()
    with pytest.raises(RenderError, match="exists; use --force"):
        copy_builtin("mou.md.j2", tmp_path / "templates" / "mou.md.j2")
    target.write_text("changed")
    copy_builtin("mou", tmp_path / "templates" / "mou.md.j2", force=True)
    assert target.read_text() != "changed"
    with pytest.raises(RenderError, match="did you mean 'mou'"):
        copy_builtin("muo", tmp_path)


# -- the sandbox, strict variables, bad templates ------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ plan.__dict__ }}",
        "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{{ c }}{% endfor %}",
    ],
)
def test_sandbox_escape_is_refused_cleanly(uk_plan: Path, source: str) -> None:
    _template(uk_plan, "debrief.md.j2", "line one\n" + source + "\n")
    with pytest.raises(RenderError) as error:
        _markdown(uk_plan, "debrief")
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith(
        str(uk_plan / "templates" / "debrief.md.j2") + ":2: unsafe template operation refused"
    )


def test_templates_cannot_mutate_plan_data(uk_plan: Path) -> None:
    _template(uk_plan, "debrief.md.j2", "{{ plan.sites.append(1) }}\n")
    with pytest.raises(RenderError, match=":1: unsafe template operation refused"):
        _markdown(uk_plan, "debrief")


def test_remembered_verdicts_are_the_sandboxs_own() -> None:
    """The sandbox remembers its attribute verdicts per (type, name); a remembered verdict
    is the one jinja gives, for every object of that type, asked once or many times."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from elecsafe.render.environment import make_environment

    env = make_environment([REPO / "templates" / "documents"])
    reference = ImmutableSandboxedEnvironment()

    def fn() -> None: ...

    asks = [
        ([], "append"), (SimpleNamespace(append=1), "append"), ([1], "append"), ({}, "update"), ([], "count"), (set(), "add"),
        ("", "upper"), ("", "__class__"), (fn, "__globals__"), (fn, "__name__"),
        (int, "mro"), (Path("x"), "name"), (Path("y"), "_raw_paths"),
    ]  # fmt: skip
    for _ in range(2):
        for obj, attr in asks:
            value = getattr(obj, attr, None)
            expected = reference.is_safe_attribute(obj, attr, value)
            assert env.is_safe_attribute(obj, attr, value) is expected, (obj, attr)
    assert not env.is_safe_attribute([], "append", [].append)
    assert not env.is_safe_attribute(fn, "__globals__", None)
    assert env.is_safe_attribute(SimpleNamespace(append=1), "append", 1)  # not a list's


def test_missing_variable_names_template_and_line(uk_plan: Path) -> None:
    _template(uk_plan, "debrief.md.j2", "a\nb\n{{ plan.titel }}\n")
    with pytest.raises(
        RenderError,
        match=r"debrief\.md\.j2:3: 'elecsafe\.render\.redact\.Record object' has no attribute 'titel'",
    ):
        _markdown(uk_plan, "debrief")


def test_syntax_error_names_file_and_line(uk_plan: Path) -> None:
    _template(uk_plan, "debrief.md.j2", "ok\n{% if plan.title %}\nno endif\n")
    with pytest.raises(
        RenderError, match=r"debrief\.md\.j2:3: template syntax error: Unexpected end of template"
    ):
        _markdown(uk_plan, "debrief")


# -- plan text is data ----------------------------------------------------------------------


def test_jinja_in_plan_text_is_printed_literally(uk_plan: Path) -> None:
    text = (uk_plan / "plan.yaml").read_text()
    text = text.replace(
        "purpose: To cooperate", "purpose: \"{{ ''.__class__ }} {% raw %} To cooperate"
    ).replace("in accordance with the law.", 'in accordance with the law."')
    (uk_plan / "plan.yaml").write_text(text)
    for fmt in ("md", "html"):
        out = Renderer(load_plan(uk_plan), options(fmt=fmt)).render(
            DOCUMENTS["mou"], "mou-lowbridge"
        )
        if fmt == "md":
            assert "{{ ''.\\_\\_class\\_\\_ }} {% raw %} To cooperate" in out.markdown
        else:
            assert "<p>{{ ''.__class__ }} {% raw %} To cooperate" in out.data.decode()


def test_markdown_significant_characters_are_escaped(uk_plan: Path) -> None:
    text = (uk_plan / "plan.yaml").read_text()
    text = text.replace("name: St Mary's Church Hall", 'name: "*urgent* | <b> [x](y)"')
    (uk_plan / "plan.yaml").write_text(text)
    register = _markdown(uk_plan, "site-register")
    assert (
        "| \\*urgent\\* \\| \\<b\\> \\[x\\](y) | Polling station | Lowbridge District |" in register
    )


def test_md_escape_rules() -> None:
    assert md_inline("a_b *c* `d` <e> |f| [g]") == "a\\_b \\*c\\* \\`d\\` \\<e\\> \\|f\\| \\[g\\]"
    assert md_inline("line\nbreak") == "line break"
    assert md_inline("a  \r\n \n\t b\n") == "a b "  # one space per run of breaks
    # linear: the old regex backtracked quadratically here (40,000 spaces: 15 s)
    assert md_inline(" " * 1_000_000 + "x").endswith("x")
    assert md_inline("# not a heading") == "\\# not a heading"
    assert md_inline("1. not a list") == "1\\. not a list"
    assert md_inline("1.3") == "1.3"
    assert md_inline("Police & Council &amp;") == "Police & Council \\&amp;"
    assert md_block("para one\n- two\n\npara three") == "para one\n\\- two\n\npara three"
