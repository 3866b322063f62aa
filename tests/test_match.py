"""Matching on real phrasing: which figure becomes a claim, and why the others did not.

Each near miss carries the matcher's own reason; `factcheck explain` and `rules test` show it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract import figures_in_text
from checker.match import match_claims, unmatched_figures
from checker.model import RuleSet
from checker.pipeline import find_unmatched
from checker.rules import load_rules
from tests.helpers import corpus

RULES = """\
origins:
  Israel: [Israel, IDF, Israeli military, Hagari]
facts:
  - id: drones-launched
    kind: count
    counts: [drones, UAVs]
    context: [launch, sent, fire]
    exclude: [destroyer]
  - id: missiles-fired
    kind: count
    counts: [missiles]
    context: [fire, launch]
  - id: ballistic-missiles-fired
    kind: count
    counts: [ballistic missiles]
    context: [fire, launch]
  - id: share-intercepted
    kind: percent
    context: [intercept, shot down]
  - id: aid-pledged
    kind: money
    unit: USD
    context: [pledge]
"""


@pytest.fixture
def rules(tmp_path: Path) -> RuleSet:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES, encoding="utf-8")
    return load_rules([path])


def claims_and_misses(
    sentence: str, rules: RuleSet
) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(fact, figure) for each claim and (fact, figure, reason) for each near miss."""
    figures = figures_in_text(sentence)
    matches = match_claims(figures, rules)
    claims = [(c.fact_id, c.figure.text) for c in matches.claims]
    misses = [(m.fact_id, str(figures.at[m.row, "text"]), m.reason) for m in matches.near_misses]
    return claims, sorted(misses)


MATCHES = [
    ("Iran launched 170 drones at Israel.", [("drones-launched", "170")]),
    ("In all, some 185 UAVs were sent toward Israel.", [("drones-launched", "some 185")]),
    (
        "Iran fired more than 120 ballistic missiles.",
        [("ballistic-missiles-fired", "more than 120")],
    ),
    ("Tehran fired about 30 cruise missiles.", [("missiles-fired", "about 30")]),
    ("Allies intercepted 99% of the threats.", [("share-intercepted", "99%")]),
    ("Donors pledged $1 billion in aid.", [("aid-pledged", "$1 billion")]),
]


@pytest.mark.parametrize(("sentence", "expected"), MATCHES, ids=[s for s, _ in MATCHES])
def test_real_phrasing_matches_its_fact(
    sentence: str, expected: list[tuple[str, str]], rules: RuleSet
) -> None:
    claims, _ = claims_and_misses(sentence, rules)
    assert claims == expected


NEAR_MISSES = [
    (
        "US destroyers shot down 80 of the drones Iran launched.",
        ("drones-launched", "80", "excluded word 'destroyers' is in the sentence"),
    ),
    (
        "The 170 drones were seen over Jordan.",
        ("drones-launched", "170", "no context word in the sentence (launch, sent, fire)"),
    ),
    (
        "Iran launched 170 drone boats.",
        (
            "drones-launched",
            "170",
            "counted noun 'drone boats' counts 'boat', not 'drones', 'UAVs'",
        ),
    ),
    (
        "Iran launched 30 dromes.",
        (
            "drones-launched",
            "30",
            "counted noun 'dromes' scores 80 against 'drones', 'UAVs', needs 85",
        ),
    ),
    (
        "Israel said it shot down 99% of the drones Iran launched.",
        ("drones-launched", "99%", "wrong kind: a percent, the fact wants a count"),
    ),
    (
        "Iran fired over 100 ballistic missiles.",
        (
            "missiles-fired",
            "over 100",
            "claimed by the more specific fact ballistic-missiles-fired",
        ),
    ),
    (
        "Donors pledged €500 million.",
        ("aid-pledged", "€500 million", "wrong unit: EUR, the fact wants USD"),
    ),
]


@pytest.mark.parametrize(("sentence", "miss"), NEAR_MISSES, ids=[s for s, _ in NEAR_MISSES])
def test_near_miss_says_why(sentence: str, miss: tuple[str, str, str], rules: RuleSet) -> None:
    claims, misses = claims_and_misses(sentence, rules)
    assert miss in misses
    assert (miss[0], miss[1]) not in claims


def test_context_word_belongs_to_the_nearest_figure(rules: RuleSet) -> None:
    claims, misses = claims_and_misses(
        "None of the 170 drones that Iran launched penetrated Israeli airspace.", rules
    )
    assert claims == [("drones-launched", "170")]
    assert (
        "drones-launched",
        "None",
        "its context word belongs to a nearer figure (launch, sent, fire)",
    ) in misses


def test_a_window_limits_how_far_context_may_be(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        "facts:\n  - id: drones-launched\n    kind: count\n    counts: [drones]\n"
        "    context: [launch]\n    window: 3\n",
        encoding="utf-8",
    )
    rules = load_rules([path])
    near, far = (
        "Iran launched 170 drones.",
        "Iran launched, officials in Washington and London said late on Saturday, 170 drones.",
    )
    assert claims_and_misses(near, rules)[0] == [("drones-launched", "170")]
    claims, misses = claims_and_misses(far, rules)
    assert claims == []
    assert misses == [("drones-launched", "170", "no context word within 3 words (launch)")]


def test_origin_filter_keeps_only_listed_origins(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        "origins:\n  Israel: [IDF, Hagari, Israeli military]\nfacts:\n"
        "  - id: drones-launched\n    kind: count\n    counts: [drones]\n"
        "    context: [launch]\n    origins: [Israel]\n",
        encoding="utf-8",
    )
    rules = load_rules([path])
    assert claims_and_misses("Iran launched 170 drones, the Israeli military said.", rules)[0] == [
        ("drones-launched", "170")
    ]
    claims, misses = claims_and_misses("Iran launched 185 drones, the Pentagon said.", rules)
    assert claims == []
    assert misses == [
        ("drones-launched", "185", "origin 'Pentagon' is not one of the fact's origins")
    ]


def test_unmatched_figures_are_the_figures_no_fact_claimed(tmp_path: Path, rules: RuleSet) -> None:
    figures = figures_in_text(
        "Iran launched 170 drones on April 13. Some 40 ships were in port. 12% of flights were cut."
    )
    unmatched = unmatched_figures(figures, match_claims(figures, rules))
    assert list(unmatched["text"]) == ["Some 40", "12%"]  # the date is not a figure


def test_find_unmatched_runs_the_pipeline(tmp_path: Path) -> None:
    docs, rules_path = corpus(
        tmp_path,
        {"a.txt": ("Wire A", "2024-04-14", "Iran launched 170 drones. Some 40 ships were hit.")},
    )
    unmatched = find_unmatched([docs], [rules_path]).figures
    assert [
        (t, int(line)) for t, line in zip(unmatched["text"], unmatched["line"], strict=True)
    ] == [("Some 40", 5)]


UNRELATED = [
    "The talks ended at 5:47 PM on April 18, 2024.",
    "It was the 11th hour for diplomacy in 2021.",
    "A 28-year-old reservist fired an Arrow 3 interceptor.",
]


@pytest.mark.parametrize("sentence", UNRELATED)
def test_dates_times_and_identifiers_are_neither_claims_nor_near_misses(
    sentence: str, rules: RuleSet
) -> None:
    assert claims_and_misses(sentence, rules) == ([], [])


def test_a_tie_between_two_facts_is_a_note_not_a_silent_choice(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        "facts:\n"
        "  - id: drones-launched\n    kind: count\n    counts: [drones]\n    context: [launch]\n"
        "  - id: drones-fired\n    kind: count\n    counts: [drones]\n    context: [launch]\n",
        encoding="utf-8",
    )
    rules = load_rules([path])
    figures = figures_in_text("Iran launched 170 drones.")
    matches = match_claims(figures, rules)
    assert matches.claims == ()
    assert matches.notes == (
        "<text>:1:15: '170' matches facts drones-launched, drones-fired equally; "
        "it was left out of both: add context or exclude words to one of them",
    )
    assert sorted((m.fact_id, m.reason) for m in matches.near_misses) == [
        ("drones-fired", "tied with drones-launched, drones-fired: left out"),
        ("drones-launched", "tied with drones-launched, drones-fired: left out"),
    ]
