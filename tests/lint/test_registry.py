"""The rule registry has no import cycle; reporters come from one name -> module registry."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from elecsafe.lint import reporters
from elecsafe.lint.registry import RULES, registry
from elecsafe.lint.rules import FAMILIES

RULES_DIR = Path(reporters.__file__).resolve().parent.parent / "rules"


def test_rules_is_the_registry() -> None:
    assert registry() is RULES
    assert {rule.code for family in FAMILIES for rule in family.RULES} == set(RULES)


@pytest.mark.parametrize("path", sorted(RULES_DIR.glob("*.py")), ids=lambda p: p.stem)
def test_rule_modules_import_the_leaf_not_the_registry(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"^from elecsafe\.lint\.(registry|runner|config) import", text, re.M)


@pytest.mark.parametrize(
    "first", ["elecsafe.lint.rules.tt", "elecsafe.lint.rule", "elecsafe.lint.registry"]
)
def test_any_import_order_works(first: str) -> None:
    code = f"import {first}; from elecsafe.lint.registry import RULES; print(len(RULES))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == len(RULES)


def test_check_help_lists_the_reporters_without_importing_them() -> None:
    code = (
        "import sys, runpy\n"
        "sys.argv = ['elecsafe', 'check', '--help']\n"
        "try: runpy.run_module('elecsafe', run_name='__main__')\n"
        "except SystemExit: pass\n"
        "print([m for m in sys.modules if m.startswith('elecsafe.lint.reporters.')])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
    help_text = " ".join(result.stdout.split())
    for name in reporters.REPORTERS:
        assert name in help_text


def test_every_reporter_module_renders() -> None:
    from elecsafe.lint.runner import run
    from elecsafe.load.loader import load_plan
    from tests.conftest import EXAMPLES

    result = run(load_plan(EXAMPLES / "us-county"))
    for name, reporter in reporters.REPORTERS.items():
        assert isinstance(reporters.render(name, result), str), name
        if reporter.counts:
            counts = reporters.render(name, result, statistics=True)
            assert counts == reporters.render("concise", result, statistics=True)
