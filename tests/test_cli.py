"""The CLI is thin: its JSON is the library's result, and each exit code has a case."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app
from checker.model import RESULT_SCHEMA_VERSION
from checker.pipeline import run_check

runner = CliRunner()


def test_default_run_on_the_seeds_exits_0_and_writes_the_csv(in_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.csv"
    result = runner.invoke(app, ["check", "--csv", str(out), "--color", "never"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "factcheck: 2 documents, 30 figures (4 matched no fact), 10 facts"
    )
    assert out.read_text().splitlines() == [
        "fact,verdict,severity,document,outlet,published,path,line,column,text,value,low,high,"
        "interval,tolerated,origin,attribution,in_conflict,sentence"
    ]


def test_json_is_exactly_the_library_result(in_root: Path) -> None:
    result = runner.invoke(app, ["check", "--format", "json", "--no-csv"])
    assert result.exit_code == 0
    records = json.loads(result.output)
    assert records == run_check().to_records()
    assert records["version"] == RESULT_SCHEMA_VERSION


def test_discrepancy_exits_1(in_root: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran launched 170 drones.\n")
    (tmp_path / "b.txt").write_text("Iran launched 185 drones.\n")
    out = tmp_path / "d.csv"
    result = runner.invoke(app, ["check", str(tmp_path), "--csv", str(out)])
    assert result.exit_code == 1
    assert "DISCREPANCY [error]  drones-launched" in result.output
    lines = out.read_text().splitlines()
    assert len(lines) == 3 and lines[1].startswith("drones-launched,discrepancy,error,a,")


def test_bad_rules_exit_2_with_position_and_hint(in_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.csv"
    result = runner.invoke(
        app, ["check", "--rules", "tests/data/rules_bad/misspelt_key.yaml", "--csv", str(out)]
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "tests/data/rules_bad/misspelt_key.yaml:4:5: unknown key 'knd' in a fact"
    )
    assert "hint: did you mean 'kind'?" in result.stderr
    assert not out.exists(), "nothing is written when the run could not be made"


def test_unreadable_input_exits_2_but_reports_the_rest(in_root: Path, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Iran launched 170 drones, the IDF said.\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    result = runner.invoke(app, ["check", str(tmp_path), "--no-csv"])
    assert result.exit_code == 2
    assert "bad.txt:1:1: not UTF-8 text" in result.stderr
    assert "SINGLE-SOURCE [warning]  drones-launched" in result.stdout


def test_output_file_is_written_whole(in_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["check", "-f", "json", "-o", str(out), "--no-csv"])
    assert result.exit_code == 0 and result.output == ""
    assert json.loads(out.read_text())["summary"]["facts"] == 10
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"], "no temporary file is left"
