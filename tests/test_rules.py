"""Rules files: the project's own rules load; every bad file fails at its own file:line:col."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import CONFIG_KEYS
from checker.errors import RuleError
from checker.files import LIMITS
from checker.model import Kind, Severity, Tolerance, Trend
from checker.pipeline import run_explain
from checker.report.explain import render as render_explanation
from checker.rules import DEFAULT_KEYS, FACT_KEYS, TOP_KEYS, load_rules, rule_warnings
from tests.conftest import DATA, ROOT

FACT = "facts:\n  - id: drones-launched\n    kind: count\n    counts: [drones]\n"
BAD = sorted((DATA / "rules_bad").glob("*.yaml"))
BAD_DIR = Path("tests/data/rules_bad")  # relative: messages show paths as given
EXPECTED_FIRST_LINE = {
    "bad_id.yaml": "bad_id.yaml:3:9: fact id 'Drones Launched' is not kebab-case",
    "bad_interval.yaml": "bad_interval.yaml:8:68: interval '(300, infinity)' cannot be read",
    "bad_severity.yaml": (
        "bad_severity.yaml:3:16: discrepancy 'fatal' is not one of: error, warning, off"
    ),
    "bad_trend.yaml": (
        "bad_trend.yaml:6:24: changes_over_time 'rising' is not one of: increasing, decreasing, any"
    ),
    "wrong_type.yaml": "wrong_type.yaml:6:7: counts should be a list of words or phrases",
    "bad_yaml.yaml": "bad_yaml.yaml:6:1: invalid YAML: expected ',' or ']', but got '<stream end>'",
    "duplicate_id.yaml": "duplicate_id.yaml:6:9: duplicate fact id 'drones-launched'",
    "duplicate_key.yaml": "duplicate_key.yaml:6:5: duplicate key 'counts'",
    "misspelt_key.yaml": "misspelt_key.yaml:4:5: unknown key 'knd' in a fact",
    "renamed_key.yaml": "renamed_key.yaml:6:5: key 'keywords' is called 'context' here",
    "three_mistakes.yaml": "three_mistakes.yaml:3:3: unknown key 'tolerence' in defaults",
    "control_character.yaml": (
        "control_character.yaml:4:18: control character U+0001 is not allowed"
    ),
    "escaped_control.yaml": (
        "escaped_control.yaml:4:12: title contains the control character U+001B"
    ),
    "id_with_newline.yaml": "id_with_newline.yaml:3:9: fact id 'drones\\n' is not kebab-case",
    "counts_without_letters.yaml": (
        "counts_without_letters.yaml:5:22: counts 'дроны' has no letter A-Z or digit: "
        "it can never match"
    ),
    "huge_number.yaml": (
        "huge_number.yaml:6:13: window should be a whole number from 1 to 1000000, "
        f"not '{'9' * 40}…'"
    ),
    "huge_tolerance.yaml": (
        f"huge_tolerance.yaml:6:16: tolerance '{'9' * 40}…' is too large to be a number"
    ),
    "window_inf.yaml": (
        "window_inf.yaml:3:11: window should be a whole number from 1 to 1000000, not 'inf'"
    ),
    "deep_nesting.yaml": "deep_nesting.yaml:5:74: nested more than 64 levels deep",
    "alias_bomb.yaml": (
        "alias_bomb.yaml:6:36: aliases repeat more than 100,000 nodes (an alias bomb?): "
        "write the values out"
    ),
    "mapping_key.yaml": (
        "mapping_key.yaml:6:7: a key in a fact should be a name, not a list or a mapping"
    ),
    "many_mistakes.yaml": "many_mistakes.yaml:3:14: tolerance 'abc' cannot be read",
    "two_documents.yaml": (
        "two_documents.yaml:6:1: more than one YAML document ('---') in this file"
    ),
}


def test_every_bad_file_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD) == sorted(EXPECTED_FIRST_LINE)


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_bad_rules_first_line(path: Path, in_root: Path) -> None:
    assert path.read_text().startswith("# wrong:"), "each bad file opens by saying what is wrong"
    with pytest.raises(RuleError) as caught:
        load_rules([BAD_DIR / path.name])
    first = str(caught.value).splitlines()[0]
    assert first == f"{BAD_DIR.as_posix()}/{EXPECTED_FIRST_LINE[path.name]}"


def test_three_mistakes_are_all_reported_at_their_positions() -> None:
    with pytest.raises(RuleError) as caught:
        load_rules([DATA / "rules_bad" / "three_mistakes.yaml"])
    error = caught.value
    assert [(p.location.line, p.location.col) for p in error.problems] == [
        (3, 3),
        (6, 11),
        (10, 16),
    ]
    assert [p.hint for p in error.problems] == [
        "did you mean 'tolerance'?",
        "did you mean 'count'?",
        "write a relative tolerance as '2%' or an absolute one as '3'",
    ]
    text = str(error)
    assert "  3 |   tolerence: 2%\n    |   ^^^^^^^^^" in text
    assert text.endswith("3 problems in rules; nothing was checked.")


def test_project_rules_load_with_their_settings() -> None:
    rules = load_rules([ROOT / "rules"])
    facts = {f.id: f for f in rules.facts}
    assert len(facts) == 10
    share = facts["share-intercepted"]
    assert (share.kind, share.tolerance, share.discrepancy, share.single_source) == (
        Kind.PERCENT,
        Tolerance(0.02, True),
        Severity.ERROR,
        Severity.WARNING,
    )
    assert facts["gaza-death-toll"].changes_over_time is Trend.INCREASING
    assert share.location.line == 34
    israel = next(g for g in rules.origin_groups if g.name == "Israel")
    assert "Hagari" in israel.aliases


def test_absolute_tolerance_and_fact_overrides(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "defaults:\n  tolerance: 5%\n  single_source: off\nfacts:\n"
        "  - id: death-toll\n    kind: count\n    counts: [people]\n    tolerance: 3\n"
        "    discrepancy: warning\n"
    )
    (fact,) = load_rules([path]).facts
    assert (fact.tolerance, fact.discrepancy, fact.single_source) == (
        Tolerance(3.0, False),
        Severity.WARNING,
        Severity.OFF,
    )


def test_missing_rules_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="no such rules file or folder"):
        load_rules([tmp_path / "nope.yaml"])


SEVERAL = (
    "three_mistakes.yaml",
    "duplicate_id.yaml",
    "counts_without_letters.yaml",
    "many_mistakes.yaml",
)
SINGLE_MISTAKE = [p for p in BAD if p.name not in SEVERAL]


@pytest.mark.parametrize("path", SINGLE_MISTAKE, ids=[p.name for p in SINGLE_MISTAKE])
def test_one_mistake_is_one_problem(path: Path) -> None:
    """A mistake is reported once, not again by every check that depends on it."""
    with pytest.raises(RuleError) as caught:
        load_rules([path])
    assert len(caught.value.problems) == 1, str(caught.value)


def test_problems_in_several_files_are_reported_together(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "facts:\n  - id: drones-launched\n    kind: count\n    counts: [drones]\n"
    )
    (tmp_path / "b.yaml").write_text(
        "facts:\n  - id: drones-launched\n    kind: count\n    counts: [UAVs]\n"
        "  - id: share\n    kind: percnt\n"
    )
    with pytest.raises(RuleError) as caught:
        load_rules([tmp_path])
    assert [(str(p.location), p.message, p.hint) for p in caught.value.problems] == [
        (
            f"{tmp_path}/b.yaml:2:9",
            "duplicate fact id 'drones-launched'",
            f"first defined at {tmp_path}/a.yaml:2:9",
        ),
        (
            f"{tmp_path}/b.yaml:6:11",
            "kind 'percnt' is not one of: age, count, duration, measure, money, ordinal, "
            "percent, share, time",
            "did you mean 'percent'?",
        ),
    ]


runner = CliRunner()


def test_rules_lint_on_the_project_rules_exits_0_with_a_summary(in_root: Path) -> None:
    result = runner.invoke(app, ["rules", "lint"])
    assert result.exit_code == 0
    assert result.stdout == "rules ok: 10 facts, 2 origin groups\n"


def test_rules_lint_reports_three_mistakes_at_their_positions_and_exits_2(in_root: Path) -> None:
    result = runner.invoke(app, ["rules", "lint", "tests/data/rules_bad/three_mistakes.yaml"])
    assert result.exit_code == 2
    heads = [line for line in result.stderr.splitlines() if line.startswith("tests/")]
    assert heads == [
        "tests/data/rules_bad/three_mistakes.yaml:3:3: unknown key 'tolerence' in defaults",
        "tests/data/rules_bad/three_mistakes.yaml:6:11: kind 'cont' is not one of: "
        "age, count, duration, measure, money, ordinal, percent, share, time",
        "tests/data/rules_bad/three_mistakes.yaml:10:16: tolerance 'two percent' cannot be read",
    ]
    assert result.stderr.endswith("3 problems in rules; nothing was checked.\n")
    assert result.stdout == ""


def test_rules_test_on_the_project_rules_passes(in_root: Path) -> None:
    result = runner.invoke(app, ["rules", "test", "--strict"])
    assert result.exit_code == 0
    assert result.stdout == "46 examples of 10 facts: 46 passed, 0 failed\n"


def test_rules_test_reports_a_failure_with_its_reason_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        "facts:\n  - id: drones-launched\n    kind: count\n    counts: [drones]\n"
        "    context: [launch]\n    examples:\n      match:\n"
        "        - 'The 170 drones were seen over Jordan.'\n"
        "  - id: share-intercepted\n    kind: percent\n    context: [intercept]\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["rules", "test", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:8:11: drones-launched: example should match: "
        "'The 170 drones were seen over Jordan.'",
        "  reason: '170': no context word in the sentence (launch)",
        f"{path}:9:9: share-intercepted: no examples",
        "  hint: add examples: {match: [...], no_match: [...]} with real sentences",
        "1 example of 1 fact: 0 passed, 1 failed; 1 fact without examples",
    ]


def test_rules_test_strict_fails_on_a_fact_without_examples(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("facts:\n  - id: share-intercepted\n    kind: percent\n", encoding="utf-8")
    assert runner.invoke(app, ["rules", "test", str(path)]).exit_code == 0
    assert runner.invoke(app, ["rules", "test", "--strict", str(path)]).exit_code == 1


DOCS = ROOT / "docs" / "rules.md"


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def test_docs_document_every_key() -> None:
    headings = " ".join(re.findall(r"^### (.+)$", DOCS.read_text(), flags=re.MULTILINE))
    keys = set(TOP_KEYS) | set(DEFAULT_KEYS) | set(FACT_KEYS) | set(CONFIG_KEYS)
    assert {k for k in keys if f"`{k}`" not in headings} == set()


def test_docs_rules_file_example_loads(tmp_path: Path) -> None:
    first = _blocks(DOCS.read_text(), "yaml")[0]
    path = tmp_path / "example.yaml"
    path.write_text(first, encoding="utf-8")
    (fact,) = load_rules([path]).facts
    assert (fact.id, fact.exclude, len(fact.examples)) == ("drones-launched", ("destroyer",), 2)


def test_docs_show_the_real_outputs(in_root: Path) -> None:
    shown = {block.splitlines()[0]: block for block in _blocks(DOCS.read_text(), "text")}
    explain = shown["$ factcheck explain share-intercepted"]
    assert explain.split("\n", 1)[1] == render_explanation(run_explain("share-intercepted"))
    for name in ("three_mistakes.yaml", "counts_without_letters.yaml"):
        lint = shown[f"$ factcheck rules lint tests/data/rules_bad/{name}"]
        with pytest.raises(RuleError) as caught:
            load_rules([BAD_DIR / name])
        assert lint.split("\n", 1)[1] == str(caught.value) + "\n"


@pytest.mark.parametrize("written", ["ß", "---", "Über"])
def test_an_id_with_no_kebab_form_gets_a_hint_not_an_empty_one(written: str) -> None:
    with pytest.raises(RuleError) as caught:
        load_rules([_file(f'facts:\n  - id: "{written}"\n    kind: percent\n')])
    (problem,) = caught.value.problems
    assert problem.message == f"fact id {written!r} is not kebab-case"
    expected = (
        "try 'ber'" if written == "Über" else "use lower-case letters a-z, digits and hyphens"
    )
    assert problem.hint == expected
    assert "''" not in str(caught.value)


def _file(text: str, name: str = "r.yaml") -> Path:
    path = Path(tempfile.mkdtemp()) / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rules_that_are_not_regular_files_are_refused_without_waiting(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "a.yaml").write_text(FACT)
    os.mkfifo(tmp_path / "rules" / "b.yaml")
    os.mkfifo(tmp_path / "named.yaml")
    with pytest.raises(RuleError) as caught:
        load_rules([tmp_path / "rules", tmp_path / "named.yaml", Path("/dev/zero")])
    assert [str(p.location) + ": " + p.message for p in caught.value.problems] == [
        "/dev/zero:1:1: cannot read rules: a character device, not a regular file",
        f"{tmp_path}/named.yaml:1:1: cannot read rules: a FIFO, not a regular file",
        f"{tmp_path}/rules/b.yaml:1:1: a FIFO, not a regular file: skipped",
    ]


def test_a_rules_file_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(LIMITS, "rules", 64)
    with pytest.raises(RuleError) as caught:
        load_rules([_file(FACT + "# " + "x" * 64 + "\n")])
    (problem,) = caught.value.problems
    assert problem.message == (
        "cannot read rules: larger than the limit of 64 bytes for this kind of file"
    )


def test_a_rules_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(FACT.encode() + b"    title: caf\xe9\n")
    with pytest.raises(RuleError) as caught:
        load_rules([path])
    (problem,) = caught.value.problems
    assert (problem.location.line, problem.location.col, problem.message) == (
        5,
        15,
        "cannot read rules: not UTF-8 text (byte 82: invalid continuation byte)",
    )


def test_check_with_a_counted_noun_of_no_latin_letter_exits_2_not_internal_error(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("Iran launched 170 дроны.\n", encoding="utf-8")
    rules = _file("facts:\n  - id: drones\n    kind: count\n    counts: [дроны]\n")
    result = runner.invoke(app, ["check", str(tmp_path), "-r", str(rules), "--no-csv"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{rules}:4:14: counts 'дроны' has no letter A-Z or digit: it can never match"
    )


def test_lint_reports_the_config_and_the_rules_problems_in_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.yaml").write_text("defaults:\n  tolerence: 5%\n")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "a.yaml").write_text("facts:\n  - id: x\n    knd: count\n")
    result = runner.invoke(app, ["rules", "lint"])
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if not line.startswith(" ")] == [
        "factcheck.yaml:2:3: unknown key 'tolerence' in defaults",
        "rules/a.yaml:3:5: unknown key 'knd' in a fact",
        "2 problems in rules; nothing was checked.",
    ]


def test_every_problem_of_a_file_is_reported_in_one_run() -> None:
    """A broken fact still claims its id: the second 'ok-two' is a duplicate, reported with
    the first one's own problems, not in a later run once those are fixed."""
    with pytest.raises(RuleError) as caught:
        load_rules([DATA / "rules_bad" / "many_mistakes.yaml"])
    assert [(p.location.line, p.location.col, p.message) for p in caught.value.problems] == [
        (3, 14, "tolerance 'abc' cannot be read"),
        (4, 11, "window should be a whole number from 1 to 1000000, not '0'"),
        (6, 9, "fact id 'Bad Id' is not kebab-case"),
        (
            7,
            11,
            "kind 'cont' is not one of: age, count, duration, measure, money, ordinal, percent, "
            "share, time",
        ),
        (9, 14, "context should be a list of words or phrases"),
        (16, 15, "an example needs a 'text'"),
        (16, 26, "interval '(1, 2' cannot be read"),
        (17, 9, "duplicate fact id 'ok-two'"),
        (23, 14, "examples.match should be a list of sentences"),
        (24, 18, "an example in no_match should be a single value"),
    ]


def test_lint_warns_about_facts_that_cannot_work_as_meant(in_root: Path) -> None:
    result = runner.invoke(app, ["rules", "lint", "tests/data/rules_warn.yaml"])
    assert result.exit_code == 0
    shown = {block.splitlines()[0]: block for block in _blocks(DOCS.read_text(), "text")}
    assert (
        result.output
        == shown["$ factcheck rules lint tests/data/rules_warn.yaml"].split("\n", 1)[1]
    )


@pytest.mark.parametrize(
    ("fact", "warning"),
    [
        ("kind: count", "a count fact with neither 'counts' nor 'context' claims every count"),
        ("kind: money\n    context: [cost]", "a money fact without 'unit' compares amounts"),
        ("kind: duration\n    context: [strike]", "a duration fact without 'unit'"),
        ("kind: measure\n    unit: kg\n    counts: [bombs]", "'counts' never matches a measure"),
        ("kind: count\n    counts: [people]\n    unit: USD", "'unit' has no effect on a count"),
    ],
)
def test_each_warning(tmp_path: Path, fact: str, warning: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(f"facts:\n  - id: f\n    {fact}\n", encoding="utf-8")
    (found,) = rule_warnings(load_rules([path]))
    assert warning in found.message


def test_a_clean_fact_has_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("facts:\n  - id: f\n    kind: count\n    counts: [people]\n", encoding="utf-8")
    assert rule_warnings(load_rules([path])) == ()


@pytest.mark.parametrize(
    ("written", "where"),
    [
        ("origins:\n  - name: police\n    aliases: [police]\n", "2:3"),  # records
        ("origins: [police, organisers]\n", "1:10"),  # a list of names
        ("origins: police\n", "1:10"),
    ],
)
def test_origins_written_as_a_list_get_the_mapping_form_as_a_hint(
    tmp_path: Path, written: str, where: str
) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(written + "facts:\n  - {id: turnout, kind: count, counts: [people]}\n")
    with pytest.raises(RuleError) as caught:
        load_rules([path])
    assert [(str(p.location), p.message, p.hint) for p in caught.value.problems] == [
        (
            f"{path}:{where}",
            "origins should be a mapping of keys to values",
            "a group's name, then its names as written: origins: {police: [police, Lisbon police]}",
        )
    ]
