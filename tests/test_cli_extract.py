"""`factcheck extract`: every figure of every document, in the documented JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.pipeline import iter_extract, run_extract
from checker.report.figures import FIELDS, SCHEMA_VERSION, figure_records

runner = CliRunner()

REQUIRED = {
    "document", "line", "column", "text", "value", "low", "high", "low_inclusive",
    "high_inclusive", "kind", "unit", "origin", "sentence",
}  # fmt: skip


def test_json_on_the_seeds_lists_every_figure_and_no_date(in_root: Path) -> None:
    result = runner.invoke(app, ["extract", "seeds", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["version"] == SCHEMA_VERSION
    figures = payload["figures"]
    assert all(set(f) >= REQUIRED and list(f) == list(FIELDS) for f in figures)
    assert [f["text"] for f in figures] == [
        "Several", "more than 300", "several", "99 per cent", "Two", "more than 80",
        "at least six", "nearly 34,000", "some 1,200", "more than one million", "hundreds of",
        "over 100", "hundreds of kilograms", "over 300", "some 99%", "none", "170",
    ]  # fmt: skip
    assert {f["kind"] for f in figures} == {"count", "percent", "measure"}
    more_than_300 = figures[1]
    assert more_than_300 == {
        **more_than_300,
        "line": 12,
        "column": 108,
        "value": 300.0,
        "low": 300.0,
        "high": None,
        "low_inclusive": False,
        "origin": None,
        "unit": "projectiles",
    }


def test_json_is_exactly_the_library_result(in_root: Path) -> None:
    result = runner.invoke(app, ["extract", "seeds", "-f", "json"])
    expected = figure_records(run_extract([Path("seeds")]).figures)
    assert json.loads(result.output)["figures"] == expected


def test_all_kinds_adds_dates_years_and_ordinals(in_root: Path) -> None:
    result = runner.invoke(app, ["extract", "seeds", "-f", "json", "--all-kinds"])
    kinds = {(f["text"], f["kind"], f["is_figure"]) for f in json.loads(result.output)["figures"]}
    assert {("1", "date", False), ("2021", "year", False), ("11th", "ordinal", False)} <= kinds


def test_csv_has_the_documented_columns(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials said up to 700 soldiers were deployed.\n")
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "csv"])
    lines = result.output.splitlines()
    assert lines[0] == ",".join(FIELDS)
    assert (
        lines[1].startswith(f"{tmp_path.as_posix()}/a.txt,")
        and ",up to 700,700.0,0.0,700.0,True,True,at-most," in lines[1]
    )
    assert lines[1].endswith(",count,True,soldiers,soldiers,soldier,Officials,"
                             "Officials said up to 700 soldiers were deployed.,,,count,False,"
                             "False,,")  # fmt: skip


def test_json_says_what_the_sentence_says_of_each_figure(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\npublished: 2024-04-15\n---\n"
        "On Saturday, Col. Jane Ortiz, the army spokesperson, said the toll rose to 120, up "
        "from 61. Officials revised the count of boats to 30.\n"
    )
    result = runner.invoke(app, ["extract", str(tmp_path / "a.md"), "-f", "json"])
    keys = ("text", "origin", "role", "modality", "earlier", "revision", "stated", "dated")
    rows = [{k: f[k] for k in keys} for f in json.loads(result.output)["figures"]]
    assert rows == [
        {"text": "120", "origin": "Jane Ortiz", "role": "army spokesperson", "modality": "count",
         "earlier": False, "revision": False, "stated": "2024-04-13", "dated": None},
        {"text": "61", "origin": "Jane Ortiz", "role": "army spokesperson", "modality": "count",
         "earlier": True, "revision": False, "stated": "2024-04-13", "dated": None},
        {"text": "30", "origin": "Officials", "role": None, "modality": "count",
         "earlier": False, "revision": True, "stated": None, "dated": None},
    ]  # fmt: skip


def test_table_names_each_figure_with_its_position(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Rescuers found between 20 and 30 survivors on 4 May.\n")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.md")])
    assert result.exit_code == 0
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert lines[1:] == [
        f"{tmp_path / 'a.md'}:1:16 between 20 and 30 [20, 30] count survivors Rescuers",
        "1 figure in 1 document",
    ]


def test_unreadable_document_exits_2_and_the_rest_is_listed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Iran launched 170 drones.\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "json"])
    assert result.exit_code == 2
    assert "bad.txt:1:1: not UTF-8 text" in result.stderr
    assert [f["text"] for f in json.loads(result.stdout)["figures"]] == ["170"]


def test_streamed_batches_equal_one_pass(in_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.stream
    from checker.extract import extract_figures
    from checker.load import load_documents

    monkeypatch.setattr(checker.stream, "BATCH_DOCUMENTS", 1)
    batches = [
        b for b in iter_extract([Path("seeds")], all_kinds=True) if isinstance(b, pd.DataFrame)
    ]
    assert len(batches) == 2  # one frame per document, nothing held between them
    streamed = pd.concat(batches, ignore_index=True)
    documents, _ = load_documents([Path("seeds")])
    pd.testing.assert_frame_equal(streamed, extract_figures(documents))


def test_unmatched_lists_only_what_no_rule_claimed(in_root: Path) -> None:
    result = runner.invoke(app, ["extract", "seeds", "--unmatched", "--format", "json"])
    assert result.exit_code == 0, result.output
    texts = [f["text"] for f in json.loads(result.output)["figures"]]
    # the counted "none" of the 170 drones, the vague "several" and a measure: no fact for them
    assert texts == ["Several", "several", "hundreds of kilograms", "none"]


def test_unmatched_with_bad_rules_exits_2(in_root: Path) -> None:
    result = runner.invoke(app, ["extract", "--unmatched", "--rules", "tests/nope.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("tests/nope.yaml:1:1: no such rules file or folder")


def test_unmatched_refuses_all_kinds(in_root: Path) -> None:
    result = runner.invoke(app, ["extract", "--unmatched", "--all-kinds"])
    assert result.exit_code == 2


def test_jobs_change_nothing_but_speed(in_root: Path) -> None:
    outputs = [
        runner.invoke(app, ["extract", "seeds", "tests/data", "--format", "json", "-j", jobs])
        for jobs in ("1", "2")
    ]
    assert [o.exit_code for o in outputs] == [0, 0]
    assert outputs[0].output == outputs[1].output
    bad = runner.invoke(app, ["extract", "seeds", "--jobs", "-1"])
    assert bad.exit_code == 2
    message = " ".join(bad.output.replace("│", " ").split())
    assert "Invalid value for '--jobs' / '-j': Input should be greater than or equal to 0" in (
        message
    )


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_listing_streamed_batch_by_batch_is_the_whole_rendering(
    in_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    import checker.stream
    from checker.report.figures import FIGURE_RENDERERS

    monkeypatch.setattr(checker.stream, "BATCH_DOCUMENTS", 1)  # a batch per seed
    out = tmp_path / f"figures.{fmt}"
    whole = FIGURE_RENDERERS[fmt](run_extract([Path("seeds")]).figures)
    for _ in range(2):  # the cache cold, then warm
        result = CliRunner().invoke(app, ["extract", "seeds", "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8") == whole
    printed = CliRunner().invoke(app, ["extract", "seeds", "--format", fmt, "--no-cache"])
    assert printed.stdout == whole


@pytest.mark.parametrize("digits", [309, 400, 5000])
def test_a_number_too_large_for_a_float_is_no_figure(digits: int, tmp_path: Path) -> None:
    """'1' and 308 zeros is no float: it printed "value": Infinity (not JSON) and agreed with
    every other claim as [inf, inf]."""
    (tmp_path / "a.txt").write_text(
        f"Iran launched {'9' * digits} drones, and 170 drones more.\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0
    assert "Infinity" not in result.stdout and "NaN" not in result.stdout
    figures = json.loads(result.stdout)["figures"]
    assert [f["text"] for f in figures] == ["170"]
