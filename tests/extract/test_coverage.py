"""The figure classes of issue 3, each with several phrasings, and look-alikes that are not."""

from __future__ import annotations

import pytest

from checker.model import Kind
from tests.conftest import figures_in

VALUES = [
    # compound and hyphenated word numbers
    ("twenty-one trillion three hundred dollars in debt", 21_000_000_000_300.0),
    ("fifty - two fishing boats", 52.0),
    ("fifty   two fishing boats", 52.0),
    ("Three hundred  and  thirty one seats", 331.0),
    ("two hundred and two thousand voters", 202_000.0),
    ("two thousand and two hundred voters", 2_200.0),
    ("4 thousand 3 hundred and 21 voters", 4_321.0),
    ("Twenty-six people died", 26.0),
    # scale words and suffixes
    ("2 million refugees", 2_000_000.0),
    ("a 10k race", 10_000.0),
    ("1.2b in reserves", 1_200_000_000.0),
    ("2mil SEK", 2_000_000.0),
    ("1,674.5 million barrels", 1_674_500_000.0),
    ("half a million people", 500_000.0),
    ("one and a half million people", 1_500_000.0),
    ("3 million and a half tourists", 3_500_000.0),
    # decimals and signs
    ("inflation of 9.2321312 points", 9.2321312),
    ("the index fell -9.23 points", -9.23),
    ("temperatures of minus five degrees", -5.0),
    ("a reading of negative one point", -1.0),
    # separators
    ("1,234,567 ballots", 1_234_567.0),
    ("1 234 567 ballots", 1_234_567.0),
    ("1\u202f234\u202f567.89 euros", 1_234_567.89),
    ("40\u00a0000 spectators", 40_000.0),
    # dozens
    ("half a dozen tanks", 6.0),
    ("three dozens eggs", 36.0),
    ("a dozen ambulances", 12.0),
]


@pytest.mark.parametrize(("phrase", "value"), VALUES, ids=[p for p, _ in VALUES])
def test_value(phrase: str, value: float) -> None:
    (figure,) = figures_in(phrase)
    assert figure.value == pytest.approx(value, rel=1e-12)


INTERVALS = [
    # two-sided ranges
    ("between 20 and 30 boats", "between 20 and 30", "[20, 30]"),
    ("1000–5000 people", "1000–5000", "[1000, 5000]"),
    ("1000 - 5000 people", "1000 - 5000", "[1000, 5000]"),
    ("5k-20k people", "5k-20k", "[5000, 20000]"),
    (
        "from one thousand to one thousand and five hundred troops",
        "from one thousand to one thousand and five hundred",
        "[1000, 1500]",
    ),
    ("between $10 and $20 a share", "between $10 and $20", "[10, 20]"),
    ("doses of 44 mg to 50 mg", "44 mg to 50 mg", "[44, 50]"),
    ("temperatures ranged from -18 °C to -34 °C", "from -18 °C to -34 °C", "[-34, -18]"),
    # one-sided bounds
    ("engines exceeding 150 horsepower", "exceeding 150", "(150, inf)"),
    ("sales exceed 3000 units", "exceed 3000", "(3000, inf)"),
    ("cuts of up to 700 workers", "up to 700", "[0, 700]"),
    ("no less than thirty tanks", "no less than thirty", "[30, inf)"),
    ("500 or more homes", "500 or more", "[500, inf)"),
    ("about five hundred or more homes", "five hundred or more", "[500, inf)"),
    ("fewer than a thousand pandas", "fewer than a thousand", "[0, 1000)"),
    ("when x >= 30", ">= 30", "[30, inf)"),
    ("when x <-30", "<-30", "(-inf, -30)"),
    # numbers across a line break
    ("Iran sent more than\n300 projectiles", "more than 300", "(300, inf)"),
]


@pytest.mark.parametrize(("phrase", "text", "interval"), INTERVALS, ids=[p for p, *_ in INTERVALS])
def test_interval(phrase: str, text: str, interval: str) -> None:
    (figure,) = figures_in(phrase)
    assert (figure.text, str(figure.interval)) == (text, interval)


SHARES = [
    ("half of the drones were shot down", "half", "[0.5, 0.5]"),
    ("more than half of voters", "more than half", "(0.5, 1]"),
    ("a third of the budget", "a third", "[0.333333, 0.333333]"),
    ("two thirds of the members", "two thirds", "[0.666667, 0.666667]"),
    ("a quarter of the homes", "a quarter", "[0.25, 0.25]"),
]


@pytest.mark.parametrize(("phrase", "text", "interval"), SHARES, ids=[p for p, *_ in SHARES])
def test_share(phrase: str, text: str, interval: str) -> None:
    (figure,) = figures_in(phrase)
    assert (figure.kind, figure.text, str(figure.interval)) == (Kind.SHARE, text, interval)


PERCENTS = [
    ("stopped 99 per cent of them", 99.0, "%"),
    ("rose 240 percent", 240.0, "%"),
    ("twenty percent of the vote", 20.0, "%"),
    ("a change of minus five percent", -5.0, "%"),
    ("thirty percentage of the seats", 30.0, "%"),
    ("support fell 3 percentage points", 3.0, "percentage points"),
    ("up 35% on the year", 35.0, "%"),
]


@pytest.mark.parametrize(("phrase", "value", "unit"), PERCENTS, ids=[p for p, *_ in PERCENTS])
def test_percent(phrase: str, value: float, unit: str) -> None:
    (figure,) = figures_in(phrase)
    assert (figure.kind, figure.value, figure.unit) == (Kind.PERCENT, value, unit)


MONEY = [
    ("a $1 billion loan", 1e9, "USD"),
    ("fines of €250,000", 250_000.0, "EUR"),
    ("a fee of USD 200", 200.0, "USD"),
    ("priced at USD115", 115.0, "USD"),
    ("420 million finnish markka", 420e6, "FIM"),
    ("125 million australian dollars", 125e6, "AUD"),
    ("10,000 swiss francs", 10_000.0, "CHF"),
    ("a bid of 470 pence a share", 470.0, "GBP-pence"),
    ("profit of 361 million pounds", 361e6, "GBP"),
    ("nor is 10 € much", 10.0, "EUR"),
    ("a 12-cent dividend", 12.0, "USD-cent"),
    ("GDP of $2.174T", 2.174e12, "USD"),
]


@pytest.mark.parametrize(("phrase", "value", "unit"), MONEY, ids=[p for p, *_ in MONEY])
def test_money(phrase: str, value: float, unit: str) -> None:
    (figure,) = figures_in(phrase)
    assert (figure.kind, figure.unit) == (Kind.MONEY, unit)
    assert figure.value == pytest.approx(value)


def test_pounds_without_a_scale_weigh() -> None:
    (figure,) = figures_in("a bag of 20 pounds of rice")
    assert (figure.kind, figure.unit) == (Kind.MEASURE, "pound")


def test_units_glued_to_digits() -> None:
    figures = figures_in("The average weight is 10kg (25lbs).")
    assert [(f.value, f.unit) for f in figures] == [(10.0, "kg"), (25.0, "pound")]


NOTHING = [
    "Which one do you prefer?",
    "That one is really good",
    "one of the best teams",
    "an apple a day",
    "a very small margin",
    "He ranks the tenth in class",
    "Book a first class seat",
    "the May 4th parade",
    "in the first half of the season",
    "a half-time lead",
    "a report dated 1995-01",
    "call +1-222-2222-2222 today",
    "call (202) 555-0143 today",
    "You can go to https://www.test.com/search?q=30%25%2020% now",
    "open 24/7 since 9/11",
    "the L2 point",
    "At 2 pm everybody left",
    "I arrived at 2.13 am",
    "192.168.1.2 is the gateway",
]


@pytest.mark.parametrize("phrase", NOTHING)
def test_not_a_figure(phrase: str) -> None:
    assert figures_in(phrase) == []


def test_a_comparison_sign_glued_to_another_is_no_bound() -> None:
    figures = figures_in("=>30 and <>30")
    assert [str(f.interval) for f in figures] == ["[30, 30]", "[30, 30]"]


def test_scaled_numbers_after_and_are_separate() -> None:
    figures = figures_in("3 hundred and 2 hundred are two valid numbers")
    assert [f.value for f in figures] == [300.0, 200.0, 2.0]


@pytest.mark.parametrize(
    ("phrase", "values"),
    [
        # '&' stands for 'and' inside a spelled number
        ("two hundred & forty people", [240.0]),
        ("one thousand & five hundred tents", [1_500.0]),
        # a comma between scale groups, as a cheque spells an amount
        ("four million, seven hundred & twelve voters", [4_000_712.0]),
        ("six thousand, three hundred and nine ballots", [6_309.0]),
        ("one billion, two hundred million dollars", [1_200_000_000.0]),
        # look-alikes: lists, a count after a comma, digits after a comma
        ("twenty, three and four seats", [20.0, 3.0, 4.0]),
        ("it cost one billion, nine analysts said", [1_000_000_000.0, 9.0]),
        ("two million, three million more", [2_000_000.0, 3_000_000.0]),
        ("one million, 300 of them", [1_000_000.0, 300.0]),
        ("3 & 4 people", [3.0, 4.0]),
    ],
)
def test_spelled_number_separators(phrase: str, values: list[float]) -> None:
    assert [f.value for f in figures_in(phrase)] == values
