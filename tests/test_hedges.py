"""Hedge widths are settings: `delta` and `hedges` in a rules file change how a fact reads
"about", "nearly", percents and vague quantities; bad values are problems at their line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import RuleError
from checker.extract import extract_figures
from checker.extract.hedges import about_half_width, hedge_interval
from checker.match import match_claims
from checker.model import DEFAULT_HEDGES, Document, Hedges, RuleSet
from checker.rules import load_rules


def _load(tmp_path: Path, text: str) -> RuleSet:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return load_rules([path])


def _claimed(tmp_path: Path, rules_text: str, sentence: str) -> list[tuple[str, str]]:
    rules = _load(tmp_path, rules_text)
    document = Document(id="t", path=Path("t.md"), text=sentence)
    matches = match_claims(extract_figures([document]), rules)
    return [(c.figure.text, str(c.interval)) for c in matches.claims]


def test_the_defaults_are_the_documented_widths(tmp_path: Path) -> None:
    (fact,) = _load(tmp_path, "facts:\n  - id: crowd\n    kind: count\n").facts
    assert fact.hedges == DEFAULT_HEDGES == Hedges(0.10, 0.02, (1.0, 3.0), ())


def test_defaults_and_a_fact_set_every_width(tmp_path: Path) -> None:
    rules = _load(
        tmp_path,
        "defaults:\n  delta: 5%\n  hedges:\n    narrowest: 1%\n    dozens: [24, 60]\n"
        "facts:\n  - id: crowd\n    kind: count\n"
        "  - id: turnout\n    kind: percent\n    hedges:\n      points: [0.5, 2]\n"
        "      hundreds: [100, 999]\n",
    )
    crowd, turnout = rules.facts
    assert crowd.hedges == Hedges(0.05, 0.01, (1.0, 3.0), (("dozens", 24.0, 60.0),))
    assert turnout.hedges == Hedges(
        0.05, 0.01, (0.5, 2.0), (("dozens", 24.0, 60.0), ("hundreds", 100.0, 999.0))
    )


RULES = """\
facts:
  - id: crowd
    kind: count
    counts: [people]
    context: [marched]
    {setting}
"""


@pytest.mark.parametrize(
    ("setting", "sentence", "expected"),
    [
        ("", "About 300 people marched.", ("About 300", "[270, 330]")),
        ("delta: 5%", "About 300 people marched.", ("About 300", "[285, 315]")),
        ("delta: 5%", "Nearly 34,000 people marched.", ("Nearly 34,000", "[32300, 34000)")),
        ("", "About 347 people marched.", ("About 347", "[340.06, 353.94]")),
        (
            "hedges: {narrowest: 1%}",
            "About 347 people marched.",
            ("About 347", "[343.53, 350.47]"),
        ),
        ("", "Dozens of people marched.", ("Dozens of", "[24, 99]")),
        ("hedges: {dozens: [24, 24]}", "Dozens of people marched.", ("Dozens of", "[24, 24]")),
        (
            "hedges: {dozens: [24, 24]}",
            "Hundreds of people marched.",
            ("Hundreds of", "[200, 999]"),
        ),
        # a vague quantity with scale words reads the rule's width, scaled
        ("", "Several hundred people marched.", ("Several hundred", "[300, 900]")),
        (
            "hedges: {several: [3, 7]}",
            "Several hundred people marched.",
            ("Several hundred", "[300, 700]"),
        ),
    ],
)
def test_a_rule_reads_hedges_its_own_way(
    tmp_path: Path, setting: str, sentence: str, expected: tuple[str, str]
) -> None:
    assert _claimed(tmp_path, RULES.format(setting=setting), sentence) == [expected]


def test_percent_points_are_a_setting(tmp_path: Path) -> None:
    rules = "facts:\n  - id: turnout\n    kind: percent\n    context: [turnout]\n    {setting}\n"
    sentence = "Turnout was some 97% of the roll."
    assert _claimed(tmp_path, rules.format(setting=""), sentence) == [("some 97%", "[96, 98]")]
    assert _claimed(tmp_path, rules.format(setting="hedges: {points: [0.5, 2]}"), sentence) == [
        ("some 97%", "[96.5, 97.5]")
    ]
    # wider points never take a share of a whole past 100
    assert _claimed(
        tmp_path, rules.format(setting="hedges: {points: [5, 8]}"), "Turnout was some 99% of it."
    ) == [("some 99%", "[94, 100]")]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("hedges: {dozen: [24, 99]}", "unknown key 'dozen' in hedges"),
        ("hedges: {dozens: [99, 24]}", "hedges.dozens should be two numbers, the smaller first"),
        ("hedges: {points: 3}", "hedges.points should be two numbers, the smaller first"),
        ("hedges: {narrowest: 2}", "hedges.narrowest is relative"),
        ("hedges: [dozens]", "hedges should be a mapping of keys to values"),
    ],
)
def test_a_bad_width_is_a_problem_at_its_line(tmp_path: Path, setting: str, message: str) -> None:
    with pytest.raises(RuleError) as caught:
        _load(tmp_path, RULES.format(setting=setting))
    (problem,) = caught.value.problems
    assert (problem.location.line, message in problem.message) == (6, True), problem.message


@settings(max_examples=300, deadline=None)
@given(
    value=st.integers(min_value=1, max_value=10**9),
    narrow=st.floats(min_value=0.0, max_value=0.05),
    wide=st.floats(min_value=0.05, max_value=0.5),
)
def test_about_stays_within_its_bounds(value: int, narrow: float, wide: float) -> None:
    hedges = Hedges(delta=wide, narrowest=narrow)
    half = about_half_width(float(value), hedges)
    assert narrow * value - 1e-9 <= half <= wide * value + 1e-9
    interval = hedge_interval(float(value), "about", hedges)
    assert interval.low <= value <= interval.high


@settings(max_examples=300, deadline=None)
@given(value=st.floats(min_value=0.1, max_value=100.0), delta=st.floats(0.01, 0.5))
def test_a_percent_is_hedged_in_points_at_most(value: float, delta: float) -> None:
    half = about_half_width(value, Hedges(delta=delta), percent=True)
    assert half <= min(3.0, delta * value) + 1e-9


@settings(max_examples=200, deadline=None)
@given(value=st.integers(min_value=1, max_value=10**6), extra=st.floats(0.0, 0.3))
def test_a_wider_delta_never_narrows_about(value: int, extra: float) -> None:
    narrow = hedge_interval(float(value), "about", Hedges(delta=0.1))
    wide = hedge_interval(float(value), "about", Hedges(delta=0.1 + extra))
    assert wide.low <= narrow.low and narrow.high <= wide.high
