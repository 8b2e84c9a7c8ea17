"""The hostile-input corpus: each case writes a plan directory and says what every command must
do with it. Static inputs live in ``corpus/``; big, binary and link inputs are made here so the
repository stays small and text-only.

A case's ``expect`` maps a command to its allowed exit codes and the positioned message it must
print (``file:line:col: CODE``). Commands that the hostile part does not concern (a template
attack for ``check``) still run: they must behave as on the base plan, without a traceback.
``gaps`` names commands that do not meet the bar yet, with the precise reason (reported to
their owners); those runs are expected failures until fixed.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
BASE = (CORPUS / "base" / "plan.yaml").read_text(encoding="utf-8")
COMMANDS = ("check", "render", "calendar")

FAILED = frozenset({1, 2})  # findings, or could not run
RENDER_OK = frozenset({0})
# The base plan is valid but deliberately thin, so guidance rules report findings (exit 1).
AS_BASE = {"check": frozenset({0, 1}), "render": RENDER_OK, "calendar": frozenset({0})}


@dataclass(frozen=True)
class Expect:
    exits: frozenset[int] = FAILED
    message: str | None = None  # a substring of stdout + stderr, e.g. "plan.yaml:2:1: YML001"


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], None]
    expect: dict[str, Expect]
    gaps: dict[str, str] = field(default_factory=dict)
    hangs: frozenset[str] = frozenset()  # gaps that would run into the timeout: not run


def _write(directory: Path, text: str | bytes, name: str = "plan.yaml") -> None:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def _base_with(old: str, new: str) -> Callable[[Path], None]:
    assert old in BASE, old
    return lambda directory: _write(directory, BASE.replace(old, new, 1))


def _copy(name: str) -> Callable[[Path], None]:
    return lambda directory: shutil.copy(CORPUS / name, directory / "plan.yaml")


def _same(message: str, exits: frozenset[int] = FAILED) -> dict[str, Expect]:
    """Every command reads the plan, so every command reports the loader's finding."""
    return {command: Expect(exits, message) for command in COMMANDS}


def _as_base(**overrides: Expect) -> dict[str, Expect]:
    return {command: overrides.get(command, Expect(AS_BASE[command])) for command in COMMANDS}


# -- generated inputs ------------------------------------------------------------------------


def _deep(depth: int) -> Callable[[Path], None]:
    return lambda directory: _write(directory, "a: " + "[" * depth + "]" * depth + "\n")


def _file_50mb(directory: Path) -> None:
    line = "  " + "x" * 98 + "\n"
    with (directory / "plan.yaml").open("w", encoding="utf-8") as handle:
        handle.write('schema_version: "1.0"\nnotes: |\n')
        for _ in range(500):
            handle.write(line * 1000)  # 50 MB written in 500 chunks, never held in memory


def _binary_junk(directory: Path) -> None:
    # Bytes 0-255 repeated: line 3 (after the 0x0a bytes) reaches 0x80 at column 118.
    _write(directory, b'schema_version: "1.0"\n' + bytes(range(256)) * 16)


def _random_junk(directory: Path) -> None:
    _write(directory, random.Random(7).randbytes(64 * 1024))


def _long_scalar(fill: str) -> Callable[[Path], None]:
    def build(directory: Path) -> None:
        title = "title: Testshire hostile-input plan"
        _write(directory, BASE.replace(title, f'title: "{fill * (1 << 20)}x"', 1))

    return build


def _flood(item: str) -> Callable[[Path], None]:
    return lambda directory: _write(directory, "a: x\nb: [" + ", ".join([item] * 300_000) + "]\n")


def _duplicate_key_flood(directory: Path) -> None:
    _write(directory, "k: 1\n" * 300_000)


def _include(patterns: str, extra: Callable[[Path], None] | None = None) -> Callable[[Path], None]:
    def build(directory: Path) -> None:
        _write(directory, BASE.replace("owners: [alice]", f"include: {patterns}\nowners: [alice]"))
        if extra is not None:
            extra(directory)

    return build


def _outside_and_link(directory: Path) -> None:
    outside = directory.parent / f"{directory.name}-outside.yaml"
    outside.write_text("notes: from outside the plan\n", encoding="utf-8")
    (directory / "linked.yaml").symlink_to(outside)


def _cycle_files(directory: Path) -> None:
    _write(directory, "include: [b.yaml]\n", "a.yaml")
    _write(directory, "include: [a.yaml, plan.yaml]\n", "b.yaml")


def _template(name: str) -> Callable[[Path], None]:
    def build(directory: Path) -> None:
        _write(directory, BASE)
        (directory / "templates").mkdir()
        shutil.copy(CORPUS / "templates" / name, directory / "templates" / "mou.md.j2")

    return build


# -- the corpus ------------------------------------------------------------------------------

JINJA_TEXT = (
    "{{ ''.__class__.__mro__[1].__subclasses__() }} {% for x in range(10**9) %}x{% endfor %}"
)
ICS_TITLE = "Polling day\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Injected; DTSTART:19700101"

# Our walker stops at depth 64 (1:67); libyaml >= 0.2.5 (PyYAML 6.0.4 wheels) scans runaway flow
# brackets ahead and stops first, at its own limit: the finding is the same, the column differs.
_TOO_DEEP = "YML004 nesting deeper than 64 levels"

CASES: list[Case] = [
    Case(
        "malformed-yaml",
        _copy("malformed.yaml"),
        _same("plan.yaml:4:8: YML001 YAML syntax error"),
    ),
    Case(
        "tab-indentation",
        _copy("tabs.yaml"),
        _same("plan.yaml:3:1: YML001 YAML syntax error: a tab character cannot be used"),
    ),
    Case(
        "duplicate-keys",
        _base_with('version: "0.1"\n', 'version: "0.1"\ntitle: A second title\n'),
        {
            "check": Expect(FAILED, "plan.yaml:12:1: YML002 duplicate key 'title'"),
            "render": Expect(FAILED, "plan.yaml:12:1: YML002 duplicate key 'title'"),
            "calendar": Expect(FAILED, "plan.yaml:12:1: YML002"),
        },
    ),
    Case("billion-laughs", _copy("billion-laughs.yaml"), _same("plan.yaml:4:10: YML003")),
    Case("alias-flood-300k", _flood("*a"), _same("plan.yaml:2:5: YML003")),
    Case("duplicate-key-flood-300k", _duplicate_key_flood, _same("plan.yaml:2:1: YML002")),
    Case("tag-flood-300k", _flood("!x y"), _same("plan.yaml:2:5: YML006")),
    Case(
        "nesting-10k",
        _deep(10_000),
        _same(_TOO_DEEP),
    ),
    Case(
        "nesting-1m",
        _deep(1_000_000),
        _same(_TOO_DEEP),
    ),
    Case(
        "file-50mb",
        _file_50mb,
        _same("plan.yaml:1:1: YML004 file is 50,500,031 bytes, above the limit of 16,777,216"),
    ),
    Case(
        "binary-junk",
        _binary_junk,
        _same("plan.yaml:3:118: YML005 file is not valid UTF-8 (byte 0x80)"),
    ),
    Case("random-bytes", _random_junk, _same("plan.yaml:1:2: YML005 file is not valid UTF-8")),
    Case(
        "nul-byte",
        lambda d: _write(d, b'schema_version: "1.0"\nid: x\x00y\n'),
        _same("plan.yaml:2:6: YML001 YAML syntax error: control characters are not allowed"),
    ),
    Case(
        "latin-1",
        lambda d: _write(d, BASE.replace("Example", "Exampl\xe9", 1).encode("latin-1")),
        _same("plan.yaml:41:31: YML005 file is not valid UTF-8 (byte 0xe9)"),
    ),
    Case(
        "bom-does-not-shift-columns",
        lambda d: _write(d, b"\xef\xbb\xbf" + BASE.replace("title:", "titel:", 1).encode()),
        _same("plan.yaml:4:1: SCH001 unknown key 'titel'"),
    ),
    Case(
        "wrong-types",
        _base_with("owners: [alice]", "owners: alice\nreview_cycle_days: [90]"),
        _same("plan.yaml:11:20: SCH003"),
    ),
    Case(
        "unknown-keys",
        _base_with("    organisation: council\n", "    organisation: council\n    phone: x\n"),
        _same("plan.yaml:46:5: SCH001 unknown key 'phone'"),
    ),
    Case(
        "very-long-number",
        _base_with('version: "0.1"\n', 'version: "0.1"\nreview_cycle_days: ' + "9" * 5000 + "\n"),
        _same("plan.yaml:12:20: SCH003"),
    ),
    Case(
        "cyclic-dates",
        _base_with(
            "      when: poll - 14 days\n",
            "      when: {anchor: loop}\n    - id: loop\n      title: Loop\n"
            "      when: {anchor: briefing}\n",
        ),
        {
            "check": Expect(FAILED, "plan.yaml:54:22: TT001 cycle: briefing → loop → briefing"),
            # render refuses it without --force; the corpus renders with --force, which
            # still prints the finding
            "render": Expect(RENDER_OK, "plan.yaml:54:22: TT001 cycle: briefing → loop → briefing"),
            "calendar": Expect(FAILED, "plan.yaml:54:22: TT001 cycle: briefing → loop → briefing"),
        },
    ),
    Case(
        "include-parent-directory",
        _include("[../outside.yaml]"),
        _same("plan.yaml:10:11: YML007 include must name files inside the plan directory"),
    ),
    Case(
        "include-absolute-path",
        _include("[/etc/passwd]"),
        _same("plan.yaml:10:11: YML007 include must name files inside the plan directory"),
    ),
    Case(
        "include-symlink-outside",
        _include("[linked.yaml]", _outside_and_link),
        _same("plan.yaml:10:11: YML007 include 'linked.yaml' leads outside the plan directory"),
    ),
    Case(
        "include-cycle",
        _include("[a.yaml]", _cycle_files),
        _same("b.yaml:1:11: YML007 include cycle: a.yaml is already part of the plan"),
    ),
    Case(
        "include-invalid-pattern",
        _include("['**x']"),
        _same("plan.yaml:10:11: YML007 include '**x' is not a valid file pattern"),
    ),
    Case(
        "jinja-in-plan-text",
        lambda d: _write(
            d,
            BASE.replace(
                "    purpose: Keep voters, staff and candidates safe.",
                f'    purpose: "{JINJA_TEXT}"',
            ).replace("      title: Polling day", '      title: "{{ 7*7 }} {{ config }}"'),
        ),
        _as_base(),
    ),
    Case(
        "template-reaches-mro",
        _template("mou-mro.md.j2"),
        _as_base(render=Expect(FAILED, "templates/mou.md.j2:4: unsafe template operation refused")),
    ),
    Case(
        "template-reaches-globals",
        _template("mou-globals.md.j2"),
        _as_base(render=Expect(FAILED, "templates/mou.md.j2:4: unsafe template operation refused")),
    ),
    Case(
        "template-str-format",
        _template("mou-format.md.j2"),
        _as_base(render=Expect(FAILED, "templates/mou.md.j2:4: unsafe template operation refused")),
    ),
    Case(
        "ics-injection-in-titles",
        lambda d: _write(
            d,
            BASE.replace("      title: Polling day", f'      title: "{ICS_TITLE}"').replace(
                "      title: Candidates' briefing", '      title: "A; B, C \\\\ D"'
            ),
        ),
        _as_base(),
    ),
    Case(
        "one-megabyte-scalar",
        _long_scalar("x"),
        _as_base(),
    ),
    Case(
        "one-megabyte-of-spaces",
        _long_scalar(" "),
        _as_base(),
    ),
    Case(
        "root-is-a-list",
        lambda d: _write(d, "- schema_version: '1.0'\n"),
        _same("plan.yaml:1:1: SCH003 plan.yaml must be a mapping"),
    ),
    Case(
        "second-document",
        lambda d: _write(d, BASE + "---\nid: again\n"),
        _same("plan.yaml:67:1: YML001 a plan file holds one YAML document"),
    ),
    Case("empty-file", lambda d: _write(d, ""), _same("plan.yaml:1:1: SCH003")),
]
