"""elecsafe at state scale: time and memory of check, fix, diff, render all and calendar.

One command: ``make bench`` (or ``python bench/benchmark.py``). It generates valid plans of
1k, 5k, 10k and 50k sites (``bench/generate.py``: people, roles, milestones and agreements
in proportion, sites split into included files), then for each size runs, as child processes:

* ``elecsafe check``, ``elecsafe render all`` and ``elecsafe calendar`` (default output);
  ``elecsafe fix --dry-run`` on a copy with one misspelt key in one sites file (the lint plus
  one file's round trip), ``elecsafe diff`` against a copy with one site's presence changed;
* a bare ``yaml.load(f, Loader=yaml.CSafeLoader)`` of the same files, keeping every document
  (a checker must hold the whole plan);
* ``check-jsonschema`` validating the same files against ``elecsafe schema --part plan-part``.

Wall time is the median of several runs; memory is the child's peak RSS (``os.wait4``).
It prints one Markdown table, the targets of issues 7 and 12 as PASS/FAIL (ratios from this one run,
so they hold on any machine) and the machine, and writes the same to bench/results/latest.md.

Options: ``--sizes 1000,5000`` ``--runs 5`` ``--quick`` (1k and 5k, one run each)
``--keep DIR`` (generate into DIR and keep the plans).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PYTHON = sys.executable
TIMEOUT = 1800.0
BARE_PARSE = """
import sys, yaml
keep = [yaml.load(open(p, "rb"), Loader=yaml.CSafeLoader) for p in sys.argv[1:]]
"""


@dataclass
class Measure:
    """Median wall time and peak RSS of one command over several runs."""

    seconds: list[float] = field(default_factory=list)
    peak_mb: float = 0.0
    exit_codes: set[int] = field(default_factory=set)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")


def run_once(args: list[str], cwd: Path | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB, exit code) of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(
        args,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "ELECSAFE_TODAY": "2028-06-15", "NO_COLOR": "1"},
    )
    try:
        _, status, usage = os.wait4(child.pid, 0)
    except KeyboardInterrupt:
        child.kill()
        raise
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return wall, usage.ru_maxrss * unit / 1e6, child.returncode


def measure(args: list[str], runs: int, cwd: Path | None = None) -> Measure:
    result = Measure()
    for _ in range(runs):
        wall, peak, code = run_once(args, cwd)
        result.seconds.append(wall)
        result.peak_mb = max(result.peak_mb, peak)
        result.exit_codes.add(code)
    return result


def elecsafe(*args: str) -> list[str]:
    return [PYTHON, "-m", "elecsafe", *args]


def command_exists(name: str) -> bool:
    return (REPO / "src" / "elecsafe" / "cli" / f"{name}.py").is_file()


def check_jsonschema_command() -> list[str] | None:
    found = shutil.which("check-jsonschema", path=str(Path(PYTHON).parent))
    found = found or shutil.which("check-jsonschema")
    return [found] if found else None


def editor_schema(work: Path) -> Path:
    """The schema an editor or CI uses on a plan's files: ``elecsafe schema --part plan-part``
    (no key required, since the plan is split into included files; plan.yaml fits it too)."""
    path = work / "plan-part.schema.json"
    subprocess.run(
        elecsafe("schema", "--part", "plan-part", "-o", str(path), "--force"),
        capture_output=True,
        check=True,
    )
    return path


# -- one size -----------------------------------------------------------------------------------


@dataclass
class SizeResult:
    sites: int
    files: int
    megabytes: float
    measures: dict[str, Measure]


def variant(plan: Path, target: Path, old: str, new: str) -> Path:
    """A copy of ``plan`` with ``old`` replaced by ``new`` once, in the first sites file."""
    if not target.exists():
        shutil.copytree(plan, target)
        first = sorted((target / "sites").glob("*.yaml"))[0]
        text = first.read_text(encoding="utf-8")
        first.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def bench_size(sites: int, work: Path, runs: int, schema: Path | None) -> SizeResult:
    plan = work / f"plan-{sites}"
    if not (plan / "plan.yaml").is_file():
        generate(plan, sites)
    files = sorted(str(p) for p in plan.rglob("*.yaml"))
    size = sum(Path(f).stat().st_size for f in files) / 1e6
    big = sites > 10_000
    repeat = max(1, runs - 2) if big else runs
    out = work / f"out-{sites}"
    found: dict[str, Measure] = {}
    print(f"  {sites:>6} sites: {len(files)} files, {size:.1f} MB", flush=True)

    def step(name: str, args: list[str], times: int) -> None:
        print(f"    {name:<17}", end="", flush=True)
        found[name] = measure(args, times)
        print(f"{found[name].median:7.2f} s  {found[name].peak_mb:6.0f} MB", flush=True)

    step("bare CSafeLoader", [PYTHON, "-c", BARE_PARSE, *files], repeat)
    step("check", elecsafe("check", str(plan)), repeat)
    if command_exists("fix"):
        # one misspelt key in one sites file: fix lints the plan, then round-trips that file
        typo = variant(plan, work / f"typo-{sites}", "    name:", "    nmae:")
        step("fix", elecsafe("fix", str(typo), "--dry-run"), repeat)
    if command_exists("diff"):
        moved = variant(
            plan, work / f"moved-{sites}", "police_presence: none", "police_presence: permanent"
        )
        step("diff", elecsafe("diff", str(plan), str(moved)), repeat)
    if command_exists("render"):
        # --force: the synthetic plan has a few check errors (no threat assessment...); render
        # still runs every check before it renders, so the time is what a user waits
        render = elecsafe("render", "all", str(plan), "--out-dir", str(out), "--force")
        step("render all", render, repeat)
    if command_exists("calendar"):
        step("calendar", elecsafe("calendar", str(plan), "-o", str(out / "plan.ics")), repeat)
    tool = check_jsonschema_command()
    if tool and schema is not None:
        step(
            "check-jsonschema",
            [*tool, "--schemafile", str(schema), *files],
            1 if sites >= 10_000 else min(runs, 3),
        )
    shutil.rmtree(out, ignore_errors=True)
    return SizeResult(sites, len(files), size, found)


# -- start-up ---------------------------------------------------------------------------------


def startup(runs: int) -> dict[str, Measure]:
    example = REPO / "examples" / "us-county"
    cases = {
        "python -c 'import typer'": [PYTHON, "-c", "import typer"],
        "elecsafe --help": elecsafe("--help"),
        "python -c 'import typer, pydantic, rich.console'": [
            PYTHON,
            "-c",
            "import typer, pydantic, rich.console",
        ],
    }
    if example.is_dir():
        cases["elecsafe check examples/us-county"] = elecsafe("check", str(example))
    found = {}
    for name, args in cases.items():
        found[name] = measure(args, runs)
        print(f"    {name:<50}{found[name].median * 1000:7.0f} ms", flush=True)
    return found


# -- the report -------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import pydantic
    import yaml

    from elecsafe import __version__

    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; elecsafe {__version__}, pydantic {pydantic.VERSION}, "
        f"PyYAML {yaml.__version__} (libyaml {(yaml.__with_libyaml__ and 'yes') or 'no'})"
    )


COLUMNS = ["bare CSafeLoader", "check", "fix", "diff", "render all", "calendar", "check-jsonschema"]


def table(results: list[SizeResult]) -> list[str]:
    present = [c for c in COLUMNS if any(c in r.measures for r in results)]
    head = "| sites | files | MB | " + " | ".join(present) + " |"
    lines = [head, "|" + "---:|" * (3 + len(present))]
    for r in results:
        cells = []
        for column in present:
            m = r.measures.get(column)
            cells.append(f"{m.median:.2f} s / {m.peak_mb:.0f} MB" if m else "—")
        lines.append(f"| {r.sites:,} | {r.files} | {r.megabytes:.1f} | " + " | ".join(cells) + " |")
    return lines


def targets(
    results: list[SizeResult], start: dict[str, Measure]
) -> list[tuple[str, str, bool | None]]:
    """(target, measured, passed) — None when the sizes needed were not run."""
    by = {r.sites: r.measures for r in results}
    out: list[tuple[str, str, bool | None]] = []

    def ratio(a: float, b: float) -> float:
        return a / b if b else float("inf")

    ten = by.get(10_000)
    if ten:
        r = ratio(ten["check"].median, ten["bare CSafeLoader"].median)
        out.append(("check ≤ 2× bare C-loader parse (10k sites)", f"{r:.2f}×", r <= 2))
        if "check-jsonschema" in ten:
            r = ratio(ten["check"].median, ten["check-jsonschema"].median)
            out.append(("check faster than check-jsonschema (10k sites)", f"{r:.2f}×", r < 1))
        for command in ("fix", "diff"):
            if command in ten:
                r = ratio(ten[command].median, ten["check"].median)
                out.append((f"{command} ≤ 3× check (10k sites)", f"{r:.2f}×", r <= 3))
        for command in ("render all", "calendar"):  # issue 12: one resolution of the dates
            if command in ten:
                r = ratio(ten[command].median, ten["check"].median)
                out.append((f"{command} ≤ 1.5× check (10k sites)", f"{r:.2f}×", r <= 1.5))
    else:
        out.append(("check ≤ 2× bare C-loader parse (10k sites)", "not run", None))
    fifty = by.get(50_000)
    if ten and fifty:
        r = ratio(fifty["check"].median, ten["check"].median)
        out.append(("check time at 50k ≤ 6× time at 10k", f"{r:.2f}×", r <= 6))
    else:
        out.append(("check time at 50k ≤ 6× time at 10k", "not run", None))
    for sites, measures in sorted(by.items()):
        if sites >= 10_000:
            r = ratio(measures["check"].peak_mb, measures["bare CSafeLoader"].peak_mb)
            out.append(
                (f"check peak memory ≤ 2× bare parse ({sites // 1000}k sites)", f"{r:.2f}×", r <= 2)
            )
    baseline = start.get("python -c 'import typer, pydantic, rich.console'")
    example = start.get("elecsafe check examples/us-county")
    if baseline and example:
        r = ratio(example.median, baseline.median)
        for limit, issue in ((1.5, 7), (3, 12)):
            name = f"check examples/us-county ≤ {limit}× import typer, pydantic, rich.console"
            out.append((f"{name} (issue {issue})", f"{r:.2f}×", r <= limit))
    help_ = start["elecsafe --help"]
    r = ratio(help_.median, start["python -c 'import typer'"].median)
    out.append(("elecsafe --help ≤ 1.5× import typer", f"{r:.2f}×", r <= 1.5))
    return out


def report(results: list[SizeResult], start: dict[str, Measure], runs: int) -> str:
    lines = [
        f"# elecsafe benchmark ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)",
        "",
        f"Machine: {machine()}",
        "",
        f"Median wall time of {runs} runs (fewer at 50k; check-jsonschema once at 10k and "
        "above) / peak RSS of the child process. `python bench/benchmark.py`.",
        "",
        *table(results),
        "",
        "| start-up | median |",
        "|---|---:|",
        *(f"| `{name}` | {m.median * 1000:.0f} ms |" for name, m in start.items()),
        "",
        "| target | measured | |",
        "|---|---:|---|",
    ]
    for name, measured, passed in targets(results, start):
        verdict = "n/a" if passed is None else ("PASS" if passed else "**FAIL**")
        lines.append(f"| {name} | {measured} | {verdict} |")
    exits = {
        f"{r.sites}:{name}": sorted(m.exit_codes)
        for r in results
        for name, m in r.measures.items()
        if m.exit_codes - {0, 1}
    }
    if exits:
        lines += ["", f"Commands that could not run (exit 2+): {exits}"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,10000,50000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="1k and 5k sites, one run each")
    parser.add_argument("--keep", type=Path, help="generate the plans here and keep them")
    args = parser.parse_args()
    sizes = [1000, 5000] if args.quick else [int(s) for s in args.sizes.split(",")]
    runs = 1 if args.quick else args.runs
    work = args.keep or Path(tempfile.mkdtemp(prefix="elecsafe-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(f"elecsafe benchmark in {work}", flush=True)
        # Bytecode as an installed wheel has it: with PYTHONDONTWRITEBYTECODE set (CI images
        # often set it) every run would recompile elecsafe's 100 modules, ~80 ms of start-up.
        subprocess.run(
            [PYTHON, "-m", "compileall", "-q", str(REPO / "src" / "elecsafe")], check=False
        )
        schema = editor_schema(work) if check_jsonschema_command() else None
        if schema is None:
            print("  check-jsonschema not found: pip install -e '.[test]'", flush=True)
        results = [bench_size(sites, work, runs, schema) for sites in sizes]
        print("  start-up:", flush=True)
        start = startup(max(11, runs))
        text = report(results, start, runs)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(text)
    results_dir = HERE / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "latest.md").write_text(text, encoding="utf-8")
    print(f"written to {results_dir / 'latest.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
