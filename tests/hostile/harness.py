"""Run one ``elecsafe`` command in a child process and measure that child alone.

``os.wait4`` returns the resource usage of exactly the process it reaps, so each case gets its
own peak memory and CPU time (``RUSAGE_CHILDREN`` would mix every child the test run made).
An address-space limit turns a runaway child into a quick failure instead of a swapping box;
the timer is a generous backstop, the budgets below are what the tests assert.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# The quality bar of issue 7: every hostile input is handled within these (per command run).
CPU_BUDGET_SECONDS = float(os.environ.get("ELECSAFE_HOSTILE_CPU_BUDGET", "1.0"))
MEMORY_BUDGET_MB = 200
WALL_TIMEOUT_SECONDS = 30.0
ADDRESS_SPACE_LIMIT = 1 << 30  # 1 GiB: far above the budget, far below swapping


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    cpu_seconds: float
    max_rss_mb: float
    wall_seconds: float
    timed_out: bool

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def describe(self) -> str:
        return (
            f"elecsafe {' '.join(self.args)}: exit {self.returncode}, "
            f"{self.cpu_seconds:.2f} s CPU, {self.max_rss_mb:.0f} MB\n"
            f"--- stdout\n{self.stdout[-3000:]}\n--- stderr\n{self.stderr[-3000:]}"
        )


def _limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))


def run_elecsafe(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """``python -m elecsafe ARGS`` in ``cwd``, with its own CPU time and peak RSS."""
    environment = {
        **os.environ,
        "ELECSAFE_TODAY": "2026-11-22",
        "NO_COLOR": "1",
        "COLUMNS": "200",
        **(env or {}),
    }
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "elecsafe", *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=environment,
            preexec_fn=_limit_address_space,
        )
        timer = threading.Timer(WALL_TIMEOUT_SECONDS, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timed_out = not timer.is_alive()
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", errors="replace")
        stderr = err.read().decode("utf-8", errors="replace")
    rss_unit = 1 << 20 if sys.platform == "darwin" else 1 << 10  # bytes on macOS, KiB on Linux
    return Run(
        tuple(args),
        child.returncode,
        stdout,
        stderr,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss * rss_unit / (1 << 20),
        wall,
        timed_out,
    )
