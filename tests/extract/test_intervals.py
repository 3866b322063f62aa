"""Hedged phrases become the intervals of DESIGN.md's table; non-figures give no figure."""

from __future__ import annotations

import pytest

from checker.model import Kind
from tests.conftest import figures_in

HEDGED = [
    # from the seed documents
    ("In total, Iran sent more than 300 projectiles", "(300, inf)"),
    ("downed many of the over 300 projectiles launched towards Israel", "(300, inf)"),
    ("took out more than 80 one-way attack drones", "(80, inf)"),
    ("and at least six ballistic missiles", "[6, inf)"),
    ("where nearly 34,000 people have been killed", "[30600, 34000)"),
    ("in which some 1,200 people were killed", "[1150, 1250]"),
    ("hundreds of missiles of various types were fired", "[200, 999]"),
    ("the last refuge for more than one million Palestinians", "(1000000, inf)"),
    # other outlets, other phrasings
    ("Officials counted upwards of 40 rockets", "(40, inf)"),
    ("damage in excess of 2,000 homes", "(2000, inf)"),
    ("Police arrested 300+ protesters", "(300, inf)"),
    ("no fewer than 12 journalists were detained", "[12, inf)"),
    ("fewer than 50 people attended", "[0, 50)"),
    ("less than 50 people attended", "[0, 50)"),
    ("under 50 delegates voted", "[0, 50)"),
    ("at most 50 seats", "[0, 50]"),
    ("up to 700 soldiers were deployed", "[0, 700]"),
    ("no more than 50 trucks crossed", "[0, 50]"),
    ("almost 34,000 people", "[30600, 34000)"),
    ("just under 34,000 people", "[30600, 34000)"),
    ("close to 34,000 people", "[30600, 34000)"),
    ("about 300 people", "[270, 330]"),
    ("around 300 people", "[270, 330]"),
    ("roughly 300 people", "[270, 330]"),
    ("approximately 300 people", "[270, 330]"),
    ("an estimated 300 people", "[270, 330]"),
    ("~300 people", "[270, 330]"),
    ("between 30 and 40 drones", "[30, 40]"),
    # a headline's verbs of passing a mark
    ("Deaths topped 40 on Monday", "(40, inf)"),
    ("the toll tops 150", "(150, inf)"),
    ("cases climbed past 150", "(150, inf)"),
    # a vague quantity times its scale words is one figure
    ("Several hundred people marched", "[300, 900]"),
    ("a few thousand people marched", "[2000, 5000]"),
    ("several dozen homes burned", "[36, 108]"),
    ("several hundred thousand people fled", "[300000, 900000]"),
    # a range's scale word is both ends'
    ("two to three thousand people marched", "[2000, 3000]"),
    ("between two and three million people", "[2000000, 3000000]"),
    ("30 to 40 drones", "[30, 40]"),
    ("30–40 drones", "[30, 40]"),
    ("the 100-to-300 people counted", "[100, 300]"),
    ("an 8- to 16-meter wall", "[8, 16]"),
    ("dozens of rockets", "[24, 99]"),
    ("thousands of protesters", "[2000, 9999]"),
    ("tens of thousands of protesters", "[20000, 99999]"),
    ("a dozen ambulances", "[12, 12]"),
    ("a couple of tanks", "[2, 2]"),
    ("several ships", "[3, 9]"),
    ("a few ships", "[2, 5]"),
    ("500 or more families", "[500, inf)"),
]


@pytest.mark.parametrize(("phrase", "interval"), HEDGED, ids=[p for p, _ in HEDGED])
def test_hedge_becomes_interval(phrase: str, interval: str) -> None:
    (figure,) = figures_in(phrase)
    assert str(figure.interval) == interval


VALUES = [
    ("170 drones", 170.0),
    ("one hundred seventy drones", 170.0),
    ("Two US Navy destroyers", 2.0),
    ("1,200 people", 1200.0),
    ("1.2 million people", 1_200_000.0),
    ("one million Palestinians", 1_000_000.0),
    ("34k people", 34_000.0),
    ("twenty-one soldiers", 21.0),
    ("three hundred and thirty one votes", 331.0),
    ("half a dozen tanks", 6.0),
    ("three dozen eggs", 36.0),
    ("1 234 567 ballots", 1_234_567.0),
]


@pytest.mark.parametrize(("phrase", "value"), VALUES, ids=[p for p, _ in VALUES])
def test_value_as_written(phrase: str, value: float) -> None:
    (figure,) = figures_in(phrase)
    assert figure.value == value


KINDS = [
    ("stopped 99 per cent of the missiles", Kind.PERCENT, "%"),
    ("intercepted some 99% of the threats", Kind.PERCENT, "%"),
    ("turnout rose 240 percent", Kind.PERCENT, "%"),
    ("support fell by 3 percentage points", Kind.PERCENT, "percentage points"),
    ("a $1 billion aid package", Kind.MONEY, "USD"),
    ("fines of €250,000", Kind.MONEY, "EUR"),
    ("hundreds of kilograms of explosives", Kind.MEASURE, "kg"),
    ("a 10-day ceasefire", Kind.DURATION, "day"),
    ("after about 45 minutes", Kind.DURATION, "minute"),
    ("a six-mile queue", Kind.MEASURE, "mile"),
    ("a 4,800-seat arena", Kind.COUNT, "seat"),
    ("a 300-bed hospital", Kind.COUNT, "bed"),
    ("the 9-year-old boy", Kind.AGE, "years"),
    ("at 6:59 pm", Kind.TIME, ""),
    ("around 1700 GMT", Kind.TIME, "UTC"),
    ("170 drones", Kind.COUNT, "drones"),
]


@pytest.mark.parametrize(("phrase", "kind", "unit"), KINDS, ids=[p for p, _, _ in KINDS])
def test_kind_and_unit(phrase: str, kind: Kind, unit: str) -> None:
    (figure,) = figures_in(phrase, all_kinds=True)
    assert (figure.kind, figure.unit) == (kind, unit)


PARTITIVES = [
    (
        "none of the 170 drones that Iran launched penetrated",
        [("none", "[0, 0]"), ("170", "[170, 170]")],
    ),
    ("None of the 12 rockets reached the city", [("None", "[0, 0]"), ("12", "[12, 12]")]),
]


@pytest.mark.parametrize(("phrase", "expected"), PARTITIVES, ids=[p for p, _ in PARTITIVES])
def test_none_of_the_whole_gives_zero_and_the_whole(
    phrase: str, expected: list[tuple[str, str]]
) -> None:
    figures = figures_in(phrase)
    assert [(f.text, str(f.interval)) for f in figures] == expected
    assert len({f.head for f in figures}) == 1  # both count the same thing


def test_money_keeps_scale() -> None:
    (figure,) = figures_in("a $1 billion aid package")
    assert figure.value == 1e9


def test_percent_of_a_whole_never_exceeds_100() -> None:
    (figure,) = figures_in("intercepted some 99.5% of the threats")
    assert str(figure.interval) == "[98.5, 100]"


# "about" reads a figure by its rounding step: half the step either side, at least 2% and at
# most 10% of the figure; a percent in percentage points, 1 to 3, and at most 10% of it.
ROUNDNESS = [
    ("about 300 people", "[270, 330]"),  # step 100: ±50, at most 10%
    ("about 347 people", "[340.06, 353.94]"),  # step 1: at least 2%
    ("some 1,200 people", "[1150, 1250]"),  # step 100: ±50
    ("some 1,187 people", "[1163.26, 1210.74]"),
    ("around 1,250 people", "[1225, 1275]"),  # step 50: ±25
    ("roughly 45 people", "[42.5, 47.5]"),  # step 5
    ("about $5.5 billion", "[5250000000, 5750000000]"),  # step 0.5 billion
    ("some 97% of the votes", "[96, 98]"),  # one point either side
    ("about 30% of the votes", "[27, 33]"),  # step 10: capped at 3 points
    ("about 85% of the votes", "[82.5, 87.5]"),  # step 5: 2.5 points
    ("about 5% of the votes", "[4.5, 5.5]"),  # at most 10% of 5
    ("nearly 99% of the votes", "[96, 99)"),  # 3 points below
    ("nearly 34,000 people", "[30600, 34000)"),  # δ below
]


@pytest.mark.parametrize(("phrase", "interval"), ROUNDNESS, ids=[p for p, _ in ROUNDNESS])
def test_about_reads_the_figure_by_its_rounding_step(phrase: str, interval: str) -> None:
    (figure,) = figures_in(phrase)
    assert str(figure.interval) == interval


def test_about_a_rounder_figure_is_wider() -> None:
    widths = [figures_in(f"about {n} people")[0].interval for n in ("300", "347")]
    assert widths[0].high - widths[0].low > widths[1].high - widths[1].low


NOT_FIGURES = [
    ("the attack on April 1", Kind.DATE),
    ("attacks in southern Israel on October 7, in which", Kind.DATE),
    ("Updated: April 18, 2024", Kind.DATE),
    ("published 7 October", Kind.DATE),
    ("In 2021, after the signing", Kind.YEAR),
    ("at 5:47 PM", Kind.TIME),
    ("That doesn't happen at the 11th hour", Kind.ORDINAL),
    ("touring an Arrow 3 battery", Kind.IDENTIFIER),
    ("a squadron of F-35 jets", Kind.IDENTIFIER),
    ("a 28-year-old man", Kind.AGE),
    # a personal name's apposition: "Name, 66,"
    ("Hal Brenner, 66, said the line was closed", Kind.AGE),
    ("the group's president, Ana Ruiz, 58.", Kind.AGE),
]

# ... but a place or a team before the commas keeps a count
COUNTS_BETWEEN_COMMAS = [
    ("The toll in Maui County, 115, is final.", "115"),
    ("In Harbor City, 40, mostly children, died.", "40"),
    ("The Wildcats, 12, lost.", "12"),
]


@pytest.mark.parametrize(("phrase", "text"), COUNTS_BETWEEN_COMMAS)
def test_a_number_between_commas_after_a_place_is_a_count(phrase: str, text: str) -> None:
    assert [(f.text, f.kind) for f in figures_in(phrase)] == [(text, Kind.COUNT)]


@pytest.mark.parametrize(("phrase", "kind"), NOT_FIGURES, ids=[p for p, _ in NOT_FIGURES])
def test_non_figures_keep_their_kind(phrase: str, kind: Kind) -> None:
    assert figures_in(phrase) == []
    kinds = [f.kind for f in figures_in(phrase, all_kinds=True)]
    assert kind in kinds


NOTHING = [
    "one of the most dramatic nights we have ever experienced",
    "Which one do you prefer?",
    "a very, very small margin",
    "For the first time, Tehran launched missiles",
    "drones took out one-way attack drones",
    "see https://example.org/report-2024/figure-300?id=45 for details",
    "call +1 202-555-0143 today",
    "call 0800 555 0199 for help",
    "call +44 20 7946 0321 for help",
    "the clinic 4B was closed",
    "version 2.14.1 was released",
]


@pytest.mark.parametrize("phrase", NOTHING)
def test_no_figure(phrase: str) -> None:
    assert figures_in(phrase) == []


MONEY_TEXT = [
    ("The Commission approved a €1.5 billion aid package.", "€1.5 billion"),
    ("fines of more than $300 were issued", "more than $300"),
    ("It cost about £5m.", "about £5m"),
    ("a US$ 40 million loan", "US$ 40 million"),
    ("aid worth 1.5 billion euros", "1.5 billion euros"),
]


@pytest.mark.parametrize(("phrase", "text"), MONEY_TEXT, ids=[p for p, _ in MONEY_TEXT])
def test_money_text_keeps_its_currency_as_written(phrase: str, text: str) -> None:
    (figure,) = figures_in(phrase)
    assert figure.text == text


# A clock time is minutes after midnight; its hedges are minutes too, not shares of the day.
CLOCKS = [
    ("The blast came at 6:59 pm.", "6:59 pm", "[1139, 1139]", ""),
    ("The blast came around 6:15 p.m.", "around 6:15 p.m.", "[1085, 1105]", ""),
    ("Sirens sounded at about 10 a.m.", "about 10 a.m.", "[590, 610]", ""),
    ("The strike came just before 7 p.m.", "just before 7 p.m.", "[1130, 1140)", ""),
    ("The fire spread shortly after 1700 GMT.", "shortly after 1700 GMT", "(1020, 1030]", "UTC"),
    ("Voting ran from 6 to 7 p.m. only.", "from 6 to 7 p.m.", "[1080, 1140]", ""),
    ("Power failed between 6 and 7 p.m.", "between 6 and 7 p.m.", "[1080, 1140]", ""),
    ("Queues formed between 6 p.m. and 7 p.m.", "between 6 p.m. and 7 p.m.", "[1080, 1140]", ""),
    ("The curfew ran from 9:30 to 11 a.m.", "from 9:30 to 11 a.m.", "[570, 660]", ""),
]


@pytest.mark.parametrize(("phrase", "text", "interval", "unit"), CLOCKS, ids=[c[0] for c in CLOCKS])
def test_clock_times_are_hedged_in_minutes(
    phrase: str, text: str, interval: str, unit: str
) -> None:
    (figure,) = figures_in(phrase, all_kinds=True)
    assert (figure.text, figure.kind, str(figure.interval), figure.unit) == (
        text,
        Kind.TIME,
        interval,
        unit,
    )


def test_a_range_of_numbers_before_a_clock_is_no_clock() -> None:
    assert [(f.text, f.kind) for f in figures_in("between 6 and 7 people", all_kinds=True)] == [
        ("between 6 and 7", Kind.COUNT)
    ]
    assert [
        (f.text, f.kind) for f in figures_in("from 1,000 to 7 p.m. on Friday", all_kinds=True)
    ] == [("1,000", Kind.COUNT), ("7 p.m.", Kind.TIME)]
