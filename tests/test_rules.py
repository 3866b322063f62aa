"""Rules files: the project's own rules load; every bad file fails at its own file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import RuleError
from checker.model import Kind, Severity, Tolerance, Trend
from checker.rules import load_rules
from tests.conftest import DATA, ROOT

BAD = sorted((DATA / "rules_bad").glob("*.yaml"))
BAD_DIR = Path("tests/data/rules_bad")  # relative: messages show paths as given
EXPECTED_FIRST_LINE = {
    "bad_id.yaml": "bad_id.yaml:3:9: fact id 'Drones Launched' is not kebab-case",
    "bad_yaml.yaml": "bad_yaml.yaml:6:1: invalid YAML: expected ',' or ']', but got '<stream end>'",
    "count_without_counts.yaml": (
        "count_without_counts.yaml:3:5: a count fact needs 'counts': the nouns it counts"
    ),
    "duplicate_id.yaml": "duplicate_id.yaml:6:9: duplicate fact id 'drones-launched'",
    "duplicate_key.yaml": "duplicate_key.yaml:6:5: duplicate key 'counts'",
    "misspelt_key.yaml": "misspelt_key.yaml:4:5: unknown key 'knd' in a fact",
    "renamed_key.yaml": "renamed_key.yaml:6:5: key 'keywords' is called 'context' here",
    "three_mistakes.yaml": "three_mistakes.yaml:3:3: unknown key 'tolerence' in defaults",
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
