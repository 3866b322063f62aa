"""What a sentence says of its figure: asserted, denied or projected; the current figure or
an earlier one quoted again; a stated revision; the day the statement was made or the day the
figure is of. Each class in our own wording, with near phrasings that must not count."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract import extract_figures
from checker.model import Document

PUBLISHED = "2023-08-21"  # a Monday


def _read(text: str) -> list[tuple[str, str, bool, bool, str, str]]:
    """(text, modality, earlier, revision, stated, dated) of each count, measure or share."""
    frame = extract_figures([Document(id="t", path=Path("t.md"), text=text, published=PUBLISHED)])
    frame = frame[~frame["kind"].isin(["date", "year"])]
    return [
        (
            str(r.text),
            str(r.modality),
            bool(r.earlier),
            bool(r.revision),
            str(r.stated),
            str(r.dated),
        )
        for r in frame.itertuples()
    ]


MODALITY = [
    ("The ministry denied that 300 people had died.", [("300", "negated")]),
    ("Officials said the toll was not 40 but 31.", [("40", "negated"), ("31", "count")]),
    ("Rather than 200 dead, the attack caused 30 deaths.", [("200", "negated"), ("30", "count")]),
    ("Forecasters expect up to 40 centimetres of snow.", [("up to 40 centimetres", "projection")]),
    ("As many as 9,000 may have died.", [("As many as 9,000", "projection")]),
    ("Crews are expected to recover 10 bodies per day.", [("10", "projection")]),
    ("The toll will reach 9,000.", [("9,000", "projection")]),
    ("Costs will rise to $40 million.", [("$40 million", "projection")]),
    ("The deficit will be 3 billion dollars.", [("3 billion dollars", "projection")]),
    ("The firm said it would cut 3,500 jobs.", [("3,500", "projection")]),
    # a plain future of an action on things that are there is a plan stated now
    ("The company will notify 1.9 million customers.", [("1.9 million", "count")]),
    ("The carmaker will cut 3,500 jobs.", [("3,500", "count")]),
    ("The state will also send 200 troops.", [("200", "count")]),
    # near phrasings that assert the figure
    ("The ministry said 300 people had died.", [("300", "count")]),
    ("Crews expected rain but recovered 10 bodies.", [("10", "count")]),
    ("The fire is not out, and 40 homes have burned.", [("40", "count")]),
    ("The army put the number at 450.", [("450", "count")]),
    # a correction's earlier figure is a statement that was made, not a denial
    (
        "The toll was lowered to 12, rather than the 19 previously reported.",
        [("12", "count"), ("19", "count")],
    ),
    ("The toll was 100, rather than 200.", [("100", "count"), ("200", "negated")]),
]


@pytest.mark.parametrize(("text", "expected"), MODALITY, ids=[t for t, _ in MODALITY])
def test_asserted_denied_or_projected(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, m) for t, m, *_ in _read(text)] == expected


EARLIER = [
    ("The toll rose to 120, up from 61.", [("120", False), ("61", True)]),
    (
        "Some 850 people are missing, down from earlier estimates of about 1,000.",
        [("Some 850", False), ("about 1,000", True)],
    ),
    ("The toll, which had stood at 89, rose to 93.", [("89", True), ("93", False)]),
    ("Officials had earlier said 115 people died.", [("115", True)]),
    # a correction's wrong figure is an earlier statement
    ("An earlier version of this article said 40 guards were injured.", [("40", True)]),
    ("This story incorrectly reported 40 injured guards.", [("40", True)]),
    ("The ministry previously said 40 guards were injured.", [("40", True)]),
    ("The first version of the report came out, and 40 guards were hurt.", [("40", False)]),
    ("Initially, police reported 12 arrests.", [("12", True)]),
    ("The first estimate of 270 was withdrawn.", [("270", True)]),
    ("The ministry's initial count of 500 was cut to 471.", [("500", True), ("471", False)]),
    ("The toll went from 115 to at least 97.", [("115", True), ("at least 97", False)]),
    # a quoted figure: the clause runs on through the opening quote
    ('The ministry\'s first statement spoke of "200 to 300" dead.', [("200 to 300", True)]),
    # reported speech shifted back is the speaker's current figure
    ("Hagari said the army had counted about 450 rockets.", [("about 450", False)]),
    ("The county said the list had grown to 1,300 names.", [("1,300", False)]),
    # ... unless it says so
    ("The county said it had earlier counted 1,100 names.", [("1,100", True)]),
    # the figure a change moved from, after the figure it reached
    ("Authorities revised the number missing down to 41 from 66.", [("41", False), ("66", True)]),
    ("The count rose to 93 from 87 overnight.", [("93", False), ("87", True)]),
    # the figure a correction replaces
    (
        "The toll was lowered to 12, rather than the 19 previously reported.",
        [("12", False), ("19", True)],
    ),
    # near phrasings that are no earlier figure
    ("Supplies rose to 93 tonnes from the port.", [("93 tonnes", False)]),
    ("Some 40 ferries ran from 6 a.m.", [("Some 40", False), ("6 a.m.", False)]),
    ("The first 40 rescuers arrived at noon.", [("40", False)]),
    ("Up to 40 people were held.", [("Up to 40", False)]),
]


@pytest.mark.parametrize(("text", "expected"), EARLIER, ids=[t for t, _ in EARLIER])
def test_an_earlier_figure_quoted_again(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(t, e) for t, _, e, *_ in _read(text)] == expected


REVISIONS = [
    ("Officials revised the toll to 97.", [("97", True)]),
    ("The toll was corrected to 97 on Friday.", [("97", True)]),
    ("The ministry's initial count of 500 was cut to 471.", [("500", False), ("471", True)]),
    ("The toll rose to 97.", [("97", False)]),
    ("Officials counted 97 victims.", [("97", False)]),
]


@pytest.mark.parametrize(("text", "expected"), REVISIONS, ids=[t for t, _ in REVISIONS])
def test_a_stated_revision(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(t, r) for t, _, _, r, *_ in _read(text)] == expected


DATES = [
    # with a speaker, the day at the start dates the statement
    ("On Saturday, the county put the toll at 93.", ("93", "2023-08-19", "")),
    ("Police said on Tuesday that 40 people were held.", ("40", "2023-08-15", "")),
    # without one it dates the event
    ("On 2 May, 80,000 marched.", ("80,000", "", "2023-05-02")),
    ("No day is named: 80,000 marched.", ("80,000", "", "")),
]


@pytest.mark.parametrize(("text", "expected"), DATES, ids=[t for t, _ in DATES])
def test_the_day_of_the_statement_or_of_the_figure(
    text: str, expected: tuple[str, str, str]
) -> None:
    (found,) = [(t, s, d) for t, _, _, _, s, d in _read(text)]
    assert found == expected


# an earlier figure's "a day earlier" dates it back from the statement (published Monday
# 2023-08-21): the timeline then orders it on its own day
EARLIER_DAYS = [
    ("The toll rose to 31, up from 23 a day earlier.", [("31", ""), ("23", "2023-08-20")]),
    (
        "The toll rose to 31, up from 23 two days before.",
        [("31", ""), ("23", "2023-08-19"), ("two days", "")],
    ),
    ("The toll rose to 31 from 23 the previous day.", [("31", ""), ("23", "2023-08-20")]),
    (
        "On Saturday, the county said the toll was 31, up from 23 a week earlier.",
        [("31", "2023-08-19"), ("23", "2023-08-12")],
    ),
    # a current figure keeps its own day, whatever follows it
    ("Some 40 people were held a day earlier.", [("Some 40", "")]),
    ("The toll rose to 31, up from 23 in the morning.", [("31", ""), ("23", "")]),
]


@pytest.mark.parametrize(("text", "expected"), EARLIER_DAYS, ids=[t for t, _ in EARLIER_DAYS])
def test_an_earlier_figure_a_day_earlier_is_dated_back(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t, s) for t, _, _, _, s, _ in _read(text)] == expected
