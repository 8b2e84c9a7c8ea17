# Two commands on a fresh machine:  `make demo`  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench bytecode clean dist

# elecsafe needs Python 3.11+. The .venv remembers which Python made it: a .venv made by another
# one (an earlier run with python3.10, or PYTHON=python3.12 now) is rebuilt, never half reused.
PYTHON_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null)
VENV_ID := $(VENV)/.made-by-python-$(PYTHON_VERSION)
SAME_PYTHON := import sys; print(sys.version, sys.base_prefix)

$(VENV_ID):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "make: elecsafe needs Python 3.11 or later; '$(PYTHON)' is $(if $(PYTHON_VERSION),Python $(PYTHON_VERSION),not a Python that runs)." >&2; \
	  echo "make: install one and run e.g. 'make $(or $(MAKECMDGOALS),demo) PYTHON=python3.11'." >&2; exit 1; }
	@if [ "$$($(BIN)/python -c '$(SAME_PYTHON)' 2>/dev/null)" != "$$($(PYTHON) -c '$(SAME_PYTHON)')" ]; then \
	  echo "make: (re)creating $(VENV) with $(PYTHON) $(PYTHON_VERSION)"; \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install -q --upgrade pip; \
	fi
	@rm -f $(VENV)/.made-by-python-*
	@touch $@

$(STAMP): pyproject.toml | $(VENV_ID)
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# An editable install leaves src/ uncompiled, and where PYTHONDONTWRITEBYTECODE is set (as on
# our CI machines) every run would compile ~100 modules again (~0.2 s). Incremental: cheap.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q src > /dev/null

# The demo writes only into out/demo/ (git-ignored), emptied first so every run starts clean.
demo: bytecode
	$(BIN)/elecsafe check examples/us-county
	$(BIN)/elecsafe check examples/uk-force
	rm -rf out/demo && mkdir -p out/demo
	$(BIN)/elecsafe timetable examples/uk-force > out/demo/uk-force-timetable.txt
	@echo "Statutory deadlines of the UK example, counted back from polling day in working days"
	@echo "(the whole timetable is in out/demo/uk-force-timetable.txt):"
	@grep -E 'Date|[0-9]wd ' out/demo/uk-force-timetable.txt
	$(BIN)/elecsafe calendar examples/uk-force -o out/demo/uk-force.ics
	$(BIN)/elecsafe calendar examples/us-county -o out/demo/us-county.ics
	$(BIN)/elecsafe render all examples/uk-force --out-dir out/demo/uk-force
	$(BIN)/elecsafe render all examples/us-county --format html --audience public --out-dir out/demo/us-county-public
	$(BIN)/elecsafe render mou examples/uk-force --id mou-port-ashby-2027 -o out/demo/mou-port-ashby-2027.docx
	@echo
	@echo "Done. Everything the demo wrote is in out/demo/ (git-ignored):"
	@echo "  uk-force-timetable.txt          the resolved UK timetable"
	@echo "  uk-force.ics, us-county.ics     calendars to import into Outlook, Google or Thunderbird"
	@echo "  uk-force/*.md                   the UK document pack (partners edition, Markdown)"
	@echo "  us-county-public/*.html         the US document pack (public edition, printable HTML)"
	@echo "  mou-port-ashby-2027.docx        one MoU as a Word document, ready to sign"

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

unit: bytecode
	$(BIN)/pytest

test: lint typecheck unit

bench: bytecode
	$(BIN)/python bench/benchmark.py

# The sdist and the wheel in dist/ (python -m build, in an isolated build environment), and
# twine's check of the metadata a package index would show.
dist: $(STAMP)
	$(BIN)/python -m pip install -q build twine
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
