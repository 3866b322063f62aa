"""Each figure keeps its counted noun phrase and, where the sentence has one, its attribution."""

from __future__ import annotations

import pytest

from checker.extract.attribution import attribution
from checker.extract.units import normalise_noun, singular
from tests.conftest import figures_in

NOUNS = [
    ("Two US Navy destroyers took out", "US Navy destroyers", "destroyer"),
    ("more than 80 one-way attack drones and at least six", "one-way attack drones", "drone"),
    ("over 100 ballistic missiles fired from Iran", "ballistic missiles", "missile"),
    ("more than 300 projectiles, launched from Iran", "projectiles", "projectile"),
    ("nearly 34,000 people have been killed", "people", "people"),
    ("stopped 99 per cent of the missiles and drones, limiting", "missiles and drones", "drone"),
    ("the 170 drones that Iran launched", "drones", "drone"),
    ("12 casualties were reported", "casualties", "casualty"),
]


@pytest.mark.parametrize(("phrase", "noun", "head"), NOUNS, ids=[p for p, _, _ in NOUNS])
def test_counted_noun_phrase(phrase: str, noun: str, head: str) -> None:
    figure = figures_in(phrase)[0]
    assert (figure.noun, figure.head) == (noun, head)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("drones", "drone"),
        ("casualties", "casualty"),
        ("people", "people"),
        ("boxes", "box"),
        ("news", "news"),
        ("status", "status"),
        ("bus", "bus"),
        ("lives", "life"),
        ("wolves", "wolf"),
        ("archives", "archive"),
    ],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_normalised_noun_unifies_plural_and_hyphens() -> None:
    assert normalise_noun("One-way attack Drones") == normalise_noun("one way attack drone")


ORIGINS = [
    ("Two US Navy destroyers took out more than 80 drones, according to the Pentagon.", "Pentagon"),
    ("Israel claims its defence system stopped 99 per cent of the missiles.", "Israel"),
    (
        "Israel Defense Forces Spokesperson Rear Adm. Daniel Hagari revealed earlier on Sunday "
        "that Jerusalem and its allies intercepted some 99% of the threats.",
        "Israel Defense Forces Spokesperson Rear Adm. Daniel Hagari",
    ),
    (
        "“Hundreds of missiles were fired at Israel,” said Gallant, according to a readout "
        "provided by the Defense Ministry.",
        "Gallant",
    ),
    ("Some 1,200 people were killed, according to Israeli tallies.", "Israeli tallies"),
    (
        "Iran launched 185 drones overnight, officials in Washington said.",
        "officials in Washington",
    ),
    (
        "Iraqi Prime Minister Mohammed Shia Al Sudani told reporters 12 advisers had left.",
        "Iraqi Prime Minister Mohammed Shia Al Sudani",
    ),
    ("The toll rose to 120, the health ministry said on Tuesday.", "health ministry"),
    (
        "“This was an unprecedented attack,” a senior Biden administration official said.",
        "senior Biden administration official",
    ),
]


@pytest.mark.parametrize(("sentence", "origin"), ORIGINS, ids=[o for _, o in ORIGINS])
def test_attribution(sentence: str, origin: str) -> None:
    assert attribution(sentence) == origin


UNATTRIBUTED = [
    "In total, Iran sent more than 300 projectiles towards Israel.",
    "The loose coalition is part of Washington's efforts, which also includes many Arab states.",
    "Israel's continued war in Gaza, where nearly 34,000 people have been killed.",
    "Iran fired 120 missiles, he said.",
]


@pytest.mark.parametrize("sentence", UNATTRIBUTED)
def test_no_attribution(sentence: str) -> None:
    assert attribution(sentence) == ""


def test_quote_takes_the_paragraph_speaker() -> None:
    text = (
        "“We counted 40 rockets. Then 12 more came,” said Colonel Ada Okafor, "
        "the brigade commander."
    )
    figures = figures_in(text)
    assert [(f.text, f.origin) for f in figures] == [
        ("40", "Colonel Ada Okafor"),
        ("12", "Colonel Ada Okafor"),
    ]


def test_a_hard_wrapped_quote_keeps_its_speaker_and_the_next_paragraph_does_not() -> None:
    text = (
        "“We counted more than 300 projectiles. Then\n"
        "another 40 drones came,” said Colonel Ada Okafor,\n"
        "the brigade commander.\n"
        "\n"
        "In total, Iran sent more than\n"
        "300 projectiles towards Israel.\n"
    )
    assert [(f.text, f.line, f.origin) for f in figures_in(text)] == [
        ("more than 300", 1, "Colonel Ada Okafor"),
        ("40", 2, "Colonel Ada Okafor"),
        ("more than 300", 5, ""),
    ]


# A pronoun speaker stands for the speaker the nearest earlier sentence names.
PRONOUN_SPEAKERS = [
    (
        "IDF spokesman Daniel Hagari said the attack had failed. "
        "He said 99% of the projectiles were intercepted.",
        [("99%", "IDF spokesman Daniel Hagari")],
    ),
    (
        "The health ministry said the toll had risen again. "
        "It estimated that 34,000 people had been killed.",
        [("34,000", "health ministry")],
    ),
    (
        "Hagari said the night was calm. Iran fired 120 missiles, he said. "
        "He added that 12 more came.",
        [("120", "Hagari"), ("12", "Hagari")],
    ),
    (
        "Colonel Ada Okafor said the brigade held.\n\n“We counted 40 rockets,” she said.",
        [("40", "Colonel Ada Okafor")],
    ),
    (
        "Officials in Kyiv said the strikes went on. They told reporters 30 drones were downed.",
        [("30", "Officials in Kyiv")],
    ),
]


# Unresolved: no earlier speaker, a pronoun that is no speaker, or a name too far back.
NO_ANTECEDENT = [
    ("Iran fired 120 missiles, he said.", [("120", "")]),
    ("Mr Hagari said it was over. She counted 40 rockets.", [("40", "")]),
    ("He fired 120 missiles, the IDF said.", [("120", "IDF")]),
    (
        "Hagari said the night was calm. "
        + "The sirens sounded. " * 6
        + "Iran fired 120 missiles, he said.",
        [("120", "")],
    ),
]


PRONOUN_CASES = PRONOUN_SPEAKERS + NO_ANTECEDENT


@pytest.mark.parametrize(
    ("text", "expected"), PRONOUN_CASES, ids=[t[-40:] for t, _ in PRONOUN_CASES]
)
def test_pronoun_speaker_takes_the_nearest_earlier_name_or_none(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(f.text, f.origin) for f in figures_in(text)] == expected
