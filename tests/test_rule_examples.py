"""Every example in rules/ runs as its own test: the phrase must (or must not) match its fact.

The same runner backs `factcheck rules test`, so a failure here reads like one there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.model import ExampleResult, RuleSet
from checker.pipeline import run_examples
from checker.rules import load_rules
from tests.conftest import ROOT

RULES: RuleSet = load_rules([ROOT / "rules"])
CASES = [(fact.id, example) for fact in RULES.facts for example in fact.examples]


def _id(fact_id: str, match: bool, text: str) -> str:
    return f"{fact_id}:{'match' if match else 'no_match'}:{text}"


@pytest.fixture(scope="module")
def results() -> dict[str, ExampleResult]:
    return {_id(r.fact_id, r.example.match, r.example.text): r for r in run_examples(RULES)}


@pytest.mark.parametrize(
    "case",
    [_id(f, e.match, e.text) for f, e in CASES],
    ids=[_id(f, e.match, e.text) for f, e in CASES],
)
def test_rule_example(case: str, results: dict[str, ExampleResult]) -> None:
    result = results[case]
    assert result.passed, f"{result.example.location}: {result.reason}"


def test_every_fact_has_examples_both_ways() -> None:
    for fact in RULES.facts:
        kinds = {e.match for e in fact.examples}
        assert kinds == {True, False}, f"{fact.id} needs match and no_match examples"


def test_a_failing_example_reports_the_matchers_reason(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        "facts:\n"
        "  - id: drones-launched\n"
        "    kind: count\n"
        "    counts: [drones]\n"
        "    context: [launch]\n"
        "    exclude: [destroyer]\n"
        "    examples:\n"
        "      match:\n"
        "        - {text: 'Iran launched 170 drones.', interval: '[185, 185]'}\n"
        "        - 'US destroyers downed 80 drones Iran launched.'\n"
        "        - 'The sky was clear.'\n"
        "      no_match:\n"
        "        - 'Iran launched more than 150 drones.'\n",
        encoding="utf-8",
    )
    results = run_examples(load_rules([path]))
    assert [(r.passed, r.reason) for r in results] == [
        (False, "it matched '170' [170, 170], expected [185, 185]"),
        (False, "'80': excluded word 'destroyers' is in the sentence"),
        (False, "no figure was found in the sentence"),
        (False, "it matched 'more than 150' (150, inf)"),
    ]
    assert [str(r.example.location) for r in results] == [
        f"{path}:9:11",
        f"{path}:10:11",
        f"{path}:11:11",
        f"{path}:13:11",
    ]
