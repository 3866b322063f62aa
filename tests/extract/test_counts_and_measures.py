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
    ("the 7.0-magnitude quake hit at dawn", "7.0-magnitude", "magnitude"),
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


# "4.5m people": an 'm' stuck to the number is millions when things are counted after it,
# metres otherwise
MILLIONS = [
    ("Some 4.5m people live in the region.", "Some 4.5m", Kind.COUNT, "people", 4_500_000.0),
    ("About 2.3m homes lost power.", "About 2.3m", Kind.COUNT, "homes", 2_300_000.0),
    ("The dam holds 3m litres.", "3m litres", Kind.MEASURE, "litre", 3_000_000.0),
    ("A 4.5m wall collapsed.", "4.5m", Kind.MEASURE, "m", 4.5),
    ("The river rose 2m overnight.", "2m", Kind.MEASURE, "m", 2.0),
    ("He ran 400m in the heat.", "400m", Kind.MEASURE, "m", 400.0),
]


@pytest.mark.parametrize(
    ("phrase", "text", "kind", "unit", "value"), MILLIONS, ids=[p for p, *_ in MILLIONS]
)
def test_an_m_after_a_number_is_millions_of_things_or_metres(
    phrase: str, text: str, kind: Kind, unit: str, value: float
) -> None:
    (figure,) = figures_in(phrase)
    assert (figure.text, figure.kind, figure.unit, figure.value) == (text, kind, unit, value)


# "one in five residents": a share written as a ratio of two counts
RATIOS = [
    ("Nearly one in five residents lost power.", "Nearly one in five", 0.2, "residents"),
    ("Three out of every ten homes flooded.", "Three out of every ten", 0.3, "homes"),
    ("One in 10 patients had sepsis.", "One in 10", 0.1, "patients"),
]


@pytest.mark.parametrize(("phrase", "text", "value", "noun"), RATIOS, ids=[p for p, *_ in RATIOS])
def test_one_in_five_is_a_share(phrase: str, text: str, value: float, noun: str) -> None:
    (figure,) = figures_in(phrase)
    assert (figure.text, figure.kind, figure.value, figure.noun) == (text, Kind.SHARE, value, noun)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("The team won 3 in 2024.", [("3", Kind.COUNT)]),
        ("Five in a row were sold.", [("Five", Kind.COUNT)]),
        ("Ten in the morning and 12 at night.", [("Ten", Kind.COUNT), ("12", Kind.COUNT)]),
    ],
)
def test_no_ratio_without_two_counts(phrase: str, expected: list[tuple[str, Kind]]) -> None:
    assert [(f.text, f.kind) for f in figures_in(phrase)] == expected
