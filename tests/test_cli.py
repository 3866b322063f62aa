"""The CLI is thin: its JSON is the library's result, and each exit code has a case."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import (
    PROGRESS_MIN_DOCUMENTS,
    Format,
    app,
    link_root,
    plan_outputs,
    progress_bar,
)
from checker.errors import CheckerError
from checker.model import RESULT_SCHEMA_VERSION
from checker.pipeline import run_check
from checker.report import EXTENSIONS, REPORTERS, html
from tests.helpers import RULES, corpus, deny_open

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
        "interval,tolerated,origin,attribution,in_conflict,outlier,step,sentence"
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
    assert len(lines) == 3 and lines[1].startswith(
        f"drones-launched,discrepancy,error,{tmp_path.as_posix()}/a.txt,"
    )


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


def test_several_outputs_at_once_each_whole(in_root: Path, tmp_path: Path) -> None:
    args = ["check", "seeds", "tests/data/corpus_discrepancy", "--color", "never"]
    outputs = {fmt: tmp_path / f"out.{ext}" for fmt, ext in EXTENSIONS.items()}
    for fmt, path in outputs.items():
        args += ["--output", f"{fmt}={path}"]
    result = runner.invoke(app, [*args, "--no-csv", "--format", "github"])
    assert result.exit_code == 1
    expected = run_check([Path("seeds"), Path("tests/data/corpus_discrepancy")])
    assert result.stdout == REPORTERS["github"](expected)
    for fmt, path in outputs.items():
        # The HTML report's links to the documents start from the report's own folder.
        want = html.render(expected, root=link_root(path)) if fmt == "html" else None
        assert path.read_text(encoding="utf-8") == (want or REPORTERS[fmt](expected)), fmt
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in outputs.values())


def test_csv_option_is_sugar_for_an_output(in_root: Path, tmp_path: Path) -> None:
    """The README's default command keeps writing the CSV beside any other output."""
    csv, sarif = tmp_path / "d.csv", tmp_path / "r.sarif"
    result = runner.invoke(app, ["check", "--csv", str(csv), "-o", f"sarif={sarif}"])
    assert result.exit_code == 0
    assert result.stdout.startswith("factcheck: 2 documents")
    assert csv.read_text().startswith("fact,verdict,severity,")
    assert json.loads(sarif.read_text())["version"] == "2.1.0"


def test_one_path_for_two_formats_is_a_usage_error(in_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "x"
    result = runner.invoke(app, ["check", "--no-csv", "-o", f"json={out}", "-o", f"sarif={out}"])
    assert result.exit_code == 2
    assert result.stderr == f"--output {out.as_posix()}: would get both json and sarif\n"
    assert not out.exists()


@pytest.mark.parametrize(
    ("outputs", "stdout", "files"),
    [
        ([], Format.TERMINAL, []),
        (["r.json"], None, [(Format.TERMINAL, "r.json")]),
        (["json=r.json", "r.txt"], None, [(Format.JSON, "r.json"), (Format.TERMINAL, "r.txt")]),
        (["sarif=a=b.sarif"], Format.TERMINAL, [(Format.SARIF, "a=b.sarif")]),
        (["json=r.json", "json=r.json"], Format.TERMINAL, [(Format.JSON, "r.json")]),
    ],
    ids=["nothing", "bare path", "format and bare", "= in the path", "named twice"],
)
def test_plan_outputs(
    outputs: list[str], stdout: Format | None, files: list[tuple[Format, str]]
) -> None:
    assert plan_outputs(Format.TERMINAL, outputs, None) == (
        stdout,
        [(fmt, Path(path)) for fmt, path in files],
    )


def test_plan_outputs_rejects_two_bare_paths_and_empty_paths() -> None:
    with pytest.raises(CheckerError) as two:
        plan_outputs(Format.JSON, ["a.json", "b.json"], None)
    assert str(two.value) == (
        "--output b.json: only one --output may omit FORMAT= "
        "(formats: terminal, concise, json, csv, sarif, junit, github, markdown, html)"
    )
    with pytest.raises(CheckerError) as empty:
        plan_outputs(Format.JSON, ["sarif="], None)
    assert str(empty.value) == "--output sarif=: no path after '='"


FAIL_ON = [
    # --fail-on, corpus, failing findings, exit status. The discrepancy corpus has one
    # discrepancy at error; the seeds have nine single-source findings at warning.
    ("error", "discrepancy", 1, 1),
    ("error", "seeds", 0, 0),
    ("discrepancy", "seeds", 0, 0),
    ("single-source", "seeds", 9, 1),
    ("single-source", "discrepancy", 9, 1),
    ("never", "discrepancy", 0, 0),
]


@pytest.mark.parametrize(("fail_on", "corpus", "failing", "code"), FAIL_ON)
def test_fail_on(fail_on: str, corpus: str, failing: int, code: int, in_root: Path) -> None:
    paths = ["seeds", "tests/data/corpus_discrepancy"] if corpus == "discrepancy" else ["seeds"]
    result = runner.invoke(app, ["check", *paths, "--no-csv", "--fail-on", fail_on, "-f", "json"])
    assert result.exit_code == code
    summary = json.loads(result.stdout)["summary"]
    assert (summary["fail_on"], summary["failing"]) == (fail_on, failing)


def test_fail_on_warning_discrepancy(tmp_path: Path) -> None:
    """A rule that makes discrepancies warnings fails only from --fail-on discrepancy up."""
    rules = RULES.replace("defaults:\n", "defaults:\n  discrepancy: warning\n")
    docs, rules_path = corpus(
        tmp_path,
        {
            "a.txt": ("A", "2024-04-14", "Iran launched 170 drones."),
            "b.txt": ("B", "2024-04-14", "Iran launched 185 drones."),
        },
        rules,
    )
    codes = {
        level: runner.invoke(
            app, ["check", str(docs), "-r", str(rules_path), "--no-csv", "--fail-on", level]
        ).exit_code
        for level in ("error", "discrepancy", "single-source", "never")
    }
    assert codes == {"error": 0, "discrepancy": 1, "single-source": 1, "never": 0}
    promoted = runner.invoke(
        app, ["check", str(docs), "-r", str(rules_path), "--no-csv", "--fail-on", "discrepancy"]
    )
    assert "DISCREPANCY [warning] (fails: --fail-on discrepancy)  drones-launched" in (
        promoted.stdout
    )
    assert promoted.stdout.endswith("✗ 1 finding failing (--fail-on discrepancy)\n")


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    with progress_bar(io.StringIO()) as progress:
        assert progress is None


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_for_many_documents_on_a_terminal() -> None:
    stream = Tty()
    with progress_bar(stream) as progress:
        assert progress is not None
        progress(1, PROGRESS_MIN_DOCUMENTS - 1)
        assert stream.getvalue() == "", "a small corpus gets no bar"
        for done in range(1, PROGRESS_MIN_DOCUMENTS + 1):
            progress(done, PROGRESS_MIN_DOCUMENTS)
    assert f"{PROGRESS_MIN_DOCUMENTS}/{PROGRESS_MIN_DOCUMENTS}" in stream.getvalue()


def test_run_check_reports_progress_per_batch(
    in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.stream

    calls: list[tuple[int, int]] = []
    run_check(progress=lambda done, total: calls.append((done, total)))
    assert calls == [(2, 2)], "both seeds fit one batch"
    monkeypatch.setattr(checker.stream, "BATCH_DOCUMENTS", 1)
    calls.clear()
    with_progress = run_check(progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]
    assert with_progress.to_records() == run_check().to_records()


def test_an_unwritable_output_exits_2_with_the_path(in_root: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = runner.invoke(app, ["check", "--no-csv", "-o", f"json={blocker}/r.json"])
    assert result.exit_code == 2
    assert result.stderr == f"{blocker.as_posix()}/r.json: cannot write: Not a directory\n"


def test_reports_get_the_mode_a_plain_write_would(in_root: Path, tmp_path: Path) -> None:
    """A new report is readable as the umask allows (not mkstemp's 0600); an existing one
    keeps the mode its owner gave it."""
    old = os.umask(0o022)
    try:
        fresh, kept = tmp_path / "out" / "d.csv", tmp_path / "kept.sarif"
        kept.write_text("old")
        kept.chmod(0o600)
        args = ["check", "--csv", str(fresh), "-o", f"sarif={kept}", "--color", "never"]
        assert runner.invoke(app, args).exit_code == 0
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert kept.read_text().startswith("{")
    finally:
        os.umask(old)


def test_an_unreadable_file_named_on_the_command_line_is_reported_and_the_rest_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a usage error: the run goes on with the files it can read, and exits 2."""
    monkeypatch.chdir(tmp_path)
    _, rules = corpus(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched 170 drones, the IDF said."),
            "locked.txt": ("Wire B", "2024-04-14", "Iran launched 185 drones."),
        },
    )
    deny_open(monkeypatch, "locked.txt")
    argv = ["check", "docs/locked.txt", "docs/a.txt", "/dev/zero", "-r", str(rules), "--no-csv"]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "docs/locked.txt:1:1: cannot read: Permission denied",
        "/dev/zero:1:1: cannot read: a character device, not a regular file",
    ]
    assert "SINGLE-SOURCE [warning]  drones-launched" in result.stdout


@pytest.mark.parametrize("fmt", [f.value for f in Format])
def test_a_file_name_that_is_not_utf8_reaches_every_report(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _, rules = corpus(tmp_path, {"a.txt": ("Wire A", "2024-04-14", "Iran launched 170 drones.")})
    (tmp_path / "docs" / os.fsdecode(b"\xff.txt")).write_text("Iran launched 185 drones.\n")
    out = tmp_path / "out"
    argv = ["check", "docs", "-r", str(rules), "--no-csv", "-f", fmt, "-o", f"{fmt}={out}"]
    result = runner.invoke(app, argv)
    assert result.exit_code == 1, result.output
    shown = "%5Cxff.txt" if fmt == "sarif" else "\\\\xff.txt" if fmt == "json" else "\\xff.txt"
    assert shown in out.read_text(encoding="utf-8")
    assert shown in result.stdout
