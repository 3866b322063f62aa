"""Golden files for every format on the seeds and on a discrepancy fixture."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.baseline import apply_baseline, entries
from checker.cli import app
from checker.model import (
    RESULT_SCHEMA_VERSION,
    BaselineEntry,
    CheckResult,
    FailOn,
    Location,
    Verdict,
)
from checker.pipeline import run_check
from checker.report import EXTENSIONS, REPORTERS, github, junit, markdown
from checker.report.terminal import excerpt, render
from tests.conftest import ROOT, Golden
from tests.helpers import RULES, check

A = ("Agence A", "2024-04-14", "Iran launched 170 drones at Israel overnight.")
B = ("Wire B", "2024-04-14", "Iran launched 185 drones at Israel, officials said.")


@pytest.fixture
def seeds(in_root: Path) -> CheckResult:
    return run_check()


@pytest.fixture
def discrepancy(in_root: Path) -> CheckResult:
    return run_check([Path("seeds"), Path("tests/data/corpus_discrepancy")])


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_seeds_golden(fmt: str, seeds: CheckResult, golden: Golden) -> None:
    golden.check(f"seeds.{EXTENSIONS[fmt]}", REPORTERS[fmt](seeds))


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_discrepancy_golden(fmt: str, discrepancy: CheckResult, golden: Golden) -> None:
    golden.check(f"discrepancy.{EXTENSIONS[fmt]}", REPORTERS[fmt](discrepancy))


def test_color_report_has_ansi_and_plain_has_none(seeds: CheckResult) -> None:
    assert "\x1b[" in render(seeds, color=True)
    plain = render(seeds)
    assert "\x1b[" not in plain
    assert "«more than 300» projectiles" in plain


def test_excerpt_trims_long_sentences_at_word_boundaries() -> None:
    sentence = "word " * 40 + "the 170 drones " + "tail " * 40
    offset = sentence.index("170")
    text = excerpt(sentence, offset, 3, color=False).plain
    assert text.startswith("…word") and text.endswith("tail…")
    assert "«170»" in text


SCHEMA = ROOT / "docs" / "report.schema.json"


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in a temporary folder, so document paths print relative to it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def with_baseline_and_problem(tmp_path: Path) -> CheckResult:
    """A result with every optional part: a baselined finding, a stale entry, a problem."""
    old = check(tmp_path / "old", {"a.txt": A, "b.txt": B})
    (tmp_path / "new" / "docs").mkdir(parents=True)
    (tmp_path / "new" / "docs" / "bad.txt").write_bytes(b"\xff\xfe")
    new = check(
        tmp_path / "new",
        {"a.txt": A, "b.txt": B, "c.txt": ("C", "2024-04-14", "Gaza: 30,000 people were killed.")},
    )
    stale = BaselineEntry("0123456789abcdef", "gaza-death-toll", Verdict.SINGLE_SOURCE, ("x",))
    return apply_baseline(new, (*entries(old), stale), "base.json")


def test_json_validates_against_the_documented_schema(
    seeds: CheckResult, discrepancy: CheckResult, tmp_path: Path
) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["properties"]["version"]["const"] == RESULT_SCHEMA_VERSION
    validator = jsonschema.Draft202012Validator(schema)
    for result in (seeds, discrepancy, with_baseline_and_problem(tmp_path)):
        document = json.loads(REPORTERS["json"](result))
        assert sorted(validator.iter_errors(document), key=str) == []
        assert document["version"] == RESULT_SCHEMA_VERSION


ESCAPES = [
    ("50% of 1,200: done\r\nnext",
     "50%25 of 1,200: done%0D%0Anext",
     "50%25 of 1%2C200%3A done%0D%0Anext"),
    ("plain", "plain", "plain"),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "data", "prop"), ESCAPES, ids=[r for r, _, _ in ESCAPES])
def test_github_escapes_data_and_properties(raw: str, data: str, prop: str) -> None:
    assert github.escape_data(raw) == data
    assert github.escape_property(raw) == prop


def test_github_command_shape() -> None:
    where = Location(Path("news/a,b.md"), 3, 7)
    assert github.command("error", "x: 5%", where, endColumn=9, title="t: 1") == (
        "::error file=news/a%2Cb.md,line=3,col=7,endColumn=9,title=t%3A 1::x: 5%25"
    )
    assert github.command("notice", "hi") == "::notice::hi"


def test_github_skips_agreements_and_baselined_findings(in_tmp: Path) -> None:
    text = github.render(with_baseline_and_problem(in_tmp))
    assert text.splitlines() == [
        "::error file=docs/bad.txt,line=1,col=1,title=factcheck%3A unreadable input::"
        "not UTF-8 text (byte 0: invalid start byte)",
        "::warning file=docs/c.txt,line=5,col=7,endColumn=13,"
        "title=factcheck single-source%3A gaza-death-toll::1 document, 1 origin: only '30,000' "
        "(docs/c.txt:5, C) states it%0AThis claim: '30,000' [30000, 30000], origin C.",
        "::notice title=factcheck%3A stale baseline entry in base.json::gaza-death-toll "
        "(single-source) no longer occurs: x. Refresh the baseline with 'factcheck baseline'.",
    ]


def test_junit_counts_match_the_exit_status(in_tmp: Path) -> None:
    result = with_baseline_and_problem(in_tmp)
    root = ElementTree.fromstring(junit.render(result))
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "3",
        "failures": "0",
        "errors": "1",
        "skipped": "1",
    }
    cases = {c.get("name", ""): c for c in root.iter("testcase")}
    assert sorted(cases) == ["docs/bad.txt", "drones-launched", "gaza-death-toll"]
    skipped = cases["drones-launched"].find("skipped")
    assert skipped is not None
    assert skipped.get("message") == "discrepancy [error] accepted in the baseline base.json"
    out = cases["gaza-death-toll"].find("system-out")
    assert out is not None and (out.text or "").startswith("single-source [warning]: 1 document")


def test_junit_failure_follows_fail_on(in_tmp: Path) -> None:
    result = dataclasses.replace(check(in_tmp, {"a.txt": A}), fail_on=FailOn.SINGLE_SOURCE)
    failure = ElementTree.fromstring(junit.render(result)).find("./testsuite/testcase/failure")
    assert failure is not None
    assert (failure.get("type"), failure.get("message")) == (
        "single-source",
        "single-source [warning]: 1 document, 1 origin: only '170' (docs/a.txt:5, Agence A) "
        "states it",
    )


def test_junit_keeps_control_characters_out_of_xml() -> None:
    assert junit._clean("a\x0cb\tc\nd\x1be\ufffe") == "a b c\nd\ufffde\ufffd"


def test_markdown_escapes_document_text() -> None:
    assert markdown.escape("a | b *c* <x>\n  `y`") == r"a \| b \*c\* \<x\> \`y\`"


def test_outlier_is_marked_in_the_terminal_and_the_csv(tmp_path: Path) -> None:
    for name, number in (("a", 170), ("b", 170), ("c", 170), ("d", 185)):
        (tmp_path / f"{name}.txt").write_text(f"Iran launched {number} drones, {name} said.\n")
    result = run_check([tmp_path], [Path("rules")])
    plain = render(result)
    assert plain.count("outlier ") == 1
    assert "  ✗ outlier " in plain and "«185» drones" in plain
    rows = csv.DictReader(io.StringIO(REPORTERS["csv"](result)))
    assert [(r["text"], r["outlier"]) for r in rows] == [
        ("170", "False"),
        ("170", "False"),
        ("170", "False"),
        ("185", "True"),
    ]


HOSTILE_TEXT = (
    "Iran launched 170 drones\x1b[2J\x1b]0;pwned\x07 at Israel\u202e overnight, "
    "the IDF said.\x1b[31m"
)
SGR = re.compile(r"\x1b\[[0-9;]*m")  # rich's own colors, the only escapes allowed out


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[CheckResult, Path]:
    """A document whose text and file name hold terminal escapes, and one that is unreadable."""
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "news"
    docs.mkdir()
    (docs / "wire\x1b[31m.txt").write_text(HOSTILE_TEXT + "\n", encoding="utf-8")
    (docs / "paper.txt").write_text("Iran launched 185 drones, the Pentagon said.\n")
    (docs / "bad\x1b[2J.txt").write_bytes(b"\xff")
    (tmp_path / "rules.yaml").write_text(RULES)
    return run_check([Path("news")], [Path("rules.yaml")]), tmp_path


def _escapes(text: str) -> list[str]:
    return [c for c in SGR.sub("", text) if c in "\x07\x1b\u202e" or "\x80" <= c <= "\x9f"]


def test_no_escape_sequence_of_a_document_reaches_a_human_facing_output(
    hostile: tuple[CheckResult, Path],
) -> None:
    result, _ = hostile
    assert "\x1b[2J" in result.findings[0].claims[-1].figure.sentence, "kept in the model"
    outputs = {
        "terminal": render(result),
        "terminal in color": render(result, color=True),
        "markdown": markdown.render(result),
        "github": github.render(result),
        "junit": junit.render(result),
    }
    assert {name: _escapes(text) for name, text in outputs.items()} == {
        name: [] for name in outputs
    }
    assert "Iran launched «170» drones�[2J�]0;pwned� at Israel� overnight" in outputs["terminal"]
    assert "news/wire\\x1b[31m.txt:1:15" in outputs["terminal"]
    assert "error: news/bad\\x1b[2J.txt:1:1: not UTF-8 text" in outputs["terminal"]


def test_no_escape_sequence_reaches_explain_extract_or_stderr(
    hostile: tuple[CheckResult, Path],
) -> None:
    runs = {
        "explain": ["explain", "drones-launched", "news", "-r", "rules.yaml"],
        "extract": ["extract", "news"],
        "check": ["check", "news", "-r", "rules.yaml", "--no-csv", "--color", "never"],
    }
    for name, argv in runs.items():
        ran = CliRunner().invoke(app, argv)
        assert ran.exit_code == 2, name
        assert (_escapes(ran.stdout), _escapes(ran.stderr)) == ([], []), name
        assert "bad\\x1b[2J.txt:1:1: not UTF-8 text" in ran.stderr, name


def test_a_timeline_marks_each_update_by_the_way_the_figure_moved(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-05-01", "Some 66 people are missing after the slide."),
            "b.txt": ("Wire B", "2024-05-02", "Rescuers said 41 people are still missing."),
            "c.txt": ("Wire C", "2024-05-03", "Only 12 people remain missing, police said."),
        },
        "facts:\n  - id: missing\n    kind: count\n    counts: [people]\n"
        "    context: [missing]\n    changes_over_time: decreasing\n",
    )
    text = render(result, color=False)
    marks = [line.split()[1] for line in text.splitlines() if line.startswith("    2024-05-0")]
    # a falling figure's updates point down, whatever the fact's trend allows
    assert marks == ["·", "↓", "↓"]
