"""A count is a whole number of things: scales and fractions are measures, and a count's noun
may stand before it ("the death toll rose to 120")."""

from __future__ import annotations

import pytest

from checker.model import Kind
from tests.conftest import figures_in

MEASURES = [
    ("A magnitude 7.8 earthquake struck southern Turkey", "7.8", "magnitude"),
    ("a magnitude 6 quake hit the coast", "6", "magnitude"),
    ("authorities issued a level 4 alert", "4", "level"),
    ("the storm was upgraded to category 3 overnight", "3", "category"),
    ("women have 1.5 children on average", "1.5", "children"),
]


@pytest.mark.parametrize(("phrase", "text", "unit"), MEASURES, ids=[p for p, _, _ in MEASURES])
def test_scales_and_fractions_are_measures_not_counts(phrase: str, text: str, unit: str) -> None:
    (figure,) = figures_in(phrase)
    assert (figure.text, figure.kind, figure.unit) == (text, Kind.MEASURE, unit)


STILL_COUNTS = [
    ("2.5 million people fled the city", "2.5 million", "people"),
    ("a score of 3 was not enough, said 12 judges", "12", "judges"),
    ("Iran launched 170 drones", "170", "drones"),
]


@pytest.mark.parametrize(
    ("phrase", "text", "noun"), STILL_COUNTS, ids=[p for p, _, _ in STILL_COUNTS]
)
def test_scaled_decimals_and_plain_numbers_stay_counts(phrase: str, text: str, noun: str) -> None:
    counts = [f for f in figures_in(phrase) if f.kind is Kind.COUNT]
    assert [(f.text, f.noun) for f in counts][-1] == (text, noun)


TOLLS = [
    (
        "The death toll from the earthquake rose to over 11,000 on Wednesday.",
        "over 11,000",
        "deaths",
        "death",
    ),
    ("The toll stood at 120 by nightfall.", "120", "deaths", "death"),
    ("The casualty toll climbed to 300, officials said.", "300", "casualties", "casualty"),
    (
        "The number of displaced people reached 1.2 million.",
        "1.2 million",
        "displaced people",
        "people",
    ),
    ("The number of people killed rose to 45.", "45", "people", "people"),
]


@pytest.mark.parametrize(("phrase", "text", "noun", "head"), TOLLS, ids=[t[0] for t in TOLLS])
def test_the_counted_noun_may_stand_before_the_figure(
    phrase: str, text: str, noun: str, head: str
) -> None:
    (figure,) = figures_in(phrase)
    assert (figure.text, figure.kind, figure.noun, figure.head) == (text, Kind.COUNT, noun, head)


def test_a_noun_after_the_figure_wins_over_a_toll_before_it() -> None:
    (figure,) = figures_in("The toll rose after 40 soldiers were killed.")
    assert (figure.noun, figure.head) == ("soldiers", "soldier")
