"""``elecsafe incidents``: the summary in text, JSON and CSV, written safely."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from elecsafe.cli.app import app
from elecsafe.load.loader import load_plan
from tests.conftest import EXAMPLES, MINIMAL_PLAN, write_plan

runner = CliRunner()
UK = str(EXAMPLES / "uk-force")


def test_text_summary_of_the_uk_example() -> None:
    result = runner.invoke(app, ["incidents", UK], env={"ELECSAFE_TODAY": "2026-11-22"})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "Incident log: 12 incidents, 2026-09-08 to 2026-11-19 (11 weeks) · 6 open · 0"
    )
    assert "Moorhampton Town Hall" in result.stdout
    assert "Hate crime" in result.stdout


def test_json_counts_match_the_log() -> None:
    result = runner.invoke(app, ["incidents", UK, "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    loaded = load_plan(EXAMPLES / "uk-force")
    assert loaded.plan is not None
    assert document["total"] == len(loaded.plan.incidents) == 12
    assert sum(document["by_harm"].values()) == 12
    assert sum(w["total"] for w in document["by_week"]) == 12
    assert document["by_site"]["pp-moorhampton-town-hall"] == 4


def test_trend_against_a_previous_plan(tmp_path: Path) -> None:
    previous = write_plan(
        tmp_path / "2022",
        MINIMAL_PLAN + "debrief:\n  aggregates:\n    by_harm: {personal_harassment: 1}\n",
    )
    result = runner.invoke(app, ["incidents", UK, "--format", "json", "--previous", str(previous)])
    assert result.exit_code == 0, result.output
    trend = {t["harm"]: t for t in json.loads(result.stdout)["trend"]}
    assert trend["personal_harassment"] == {
        "harm": "personal_harassment",
        "previous": 1,
        "current": 3,
        "change": 2,
    }


def test_csv_has_a_bom_and_cells_that_cannot_run(tmp_path: Path) -> None:
    plan = write_plan(
        tmp_path,
        MINIMAL_PLAN
        + "sites:\n  - {id: hall, name: '=HYPERLINK(\"http://x\")', kind: polling_place,"
        " jurisdiction: pfa}\n"
        "incidents:\n  - {id: a, reported: 2026-10-05, harm: disorder, target: site, site: hall,"
        " summary: Crowd, status: closed}\n",
    )
    out = tmp_path / "out" / "incidents.csv"
    result = runner.invoke(app, ["incidents", str(plan), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["dimension", "key", "label", "count"]
    assert ["site", "hall", '\'=HYPERLINK("http://x")', "1"] in rows
    # An existing file that elecsafe did not write is not replaced without --force.
    out.write_text("mine\n")
    again = runner.invoke(app, ["incidents", str(plan), "--format", "csv", "-o", str(out)])
    assert again.exit_code == 2
    assert out.read_text() == "mine\n"


def test_unreadable_since_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["incidents", UK, "--since", "last week"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "elecsafe: error: --since must be a date YYYY-MM-DD, not 'last week'"
    )


def test_never_written_over_a_plan_file_even_with_force(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    before = (plan / "plan.yaml").read_bytes()
    result = runner.invoke(
        app,
        ["incidents", str(plan), "--format", "json", "-o", str(plan / "plan.yaml"), "--force"],
    )
    assert result.exit_code == 2
    assert "refusing to write over a file of the plan" in result.stderr
    assert (plan / "plan.yaml").read_bytes() == before
