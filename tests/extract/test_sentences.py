"""Where sentences end: a clock's "a.m." or "p.m." ends one when a new sentence follows, an
abbreviation inside a name never does."""

from __future__ import annotations

import pytest

from checker.extract import sentence_spans


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "The blast came at about 2 a.m. Mine operator Kora Minerals says 37 were below.",
            ["The blast came at about 2 a.m.", "Mine operator Kora Minerals says 37 were below."],
        ),
        (
            "It opened at 9 a.m. It closed at 4 p.m. Then 40 left.",
            ["It opened at 9 a.m.", "It closed at 4 p.m.", "Then 40 left."],
        ),
        # a day, a month or a zone after the clock goes on with the sentence
        (
            "The meeting ends at 2 p.m. Monday and 40 people come.",
            ["The meeting ends at 2 p.m. Monday and 40 people come."],
        ),
        (
            "It closed at 4 p.m. GMT after 40 people left.",
            ["It closed at 4 p.m. GMT after 40 people left."],
        ),
        # abbreviations in names never end one
        ("Officials in the U.S. Army said 40.", ["Officials in the U.S. Army said 40."]),
        ("Dr. Samuel Okafor said 40.", ["Dr. Samuel Okafor said 40."]),
    ],
)
def test_where_sentences_end(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences
