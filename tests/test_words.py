"""Rule words match whole words of the text by stem; a trailing '*' matches as a prefix; a
phrase matches its words in a row; numbers match only themselves."""

from __future__ import annotations

import pytest

from checker.words import WordMatcher


@pytest.mark.parametrize(
    ("phrases", "text", "found"),
    [
        (
            ["kill"],
            "Forty people were killed and two more were killing time.",
            ["killed", "killing"],
        ),
        (["kill"], "The skills course was skillful.", []),
        (["fire"], "Firefighters fought the fires.", ["fires"]),
        (["again"], "They voted against it.", []),
        (["evacu*"], "Evacuees left; the evacuation went on.", ["Evacuees", "evacuation"]),
        (
            ["shot down"],
            "Jets shot down 40 drones, and one was shot at but not down.",
            ["shot down"],
        ),
        (["October 7"], "On October 7, not October 70.", ["October 7"]),
        # several phrases: a match at every word, left to right; where two phrases start at
        # one word the first listed wins, and a longer phrase does not hide a shorter one
        # that starts at a later word
        (
            ["died", "toll", "death toll"],
            "The death toll: 40 died.",
            ["death toll", "toll", "died"],
        ),
        (["toll", "death toll"], "The death toll rose.", ["death toll", "toll"]),
        (["shot", "shot down"], "Jets shot down drones.", ["shot"]),
        (
            ["launch", "evacu*"],
            "They launched drones and evacuated towns.",
            ["launched", "evacuated"],
        ),
        ([], "Anything at all.", []),
        (["  "], "Anything at all.", []),
    ],
)
def test_words_match_by_stem_prefix_and_phrase(
    phrases: list[str], text: str, found: list[str]
) -> None:
    matcher = WordMatcher(phrases)
    assert [f.text for f in matcher.finditer(text)] == found
    assert bool(matcher) is bool([p for p in phrases if p.strip()])
    first = matcher.search(text)
    assert (first.text if first else None) == (found[0] if found else None)


def test_two_matchers_reading_one_text_agree_with_one_reading_it_alone() -> None:
    text = "Crews evacuated 300 people as the fire killed 40."
    assert [f.text for f in WordMatcher(["kill"]).finditer(text)] == ["killed"]
    assert [f.text for f in WordMatcher(["evacu*", "kill"]).finditer(text)] == [
        "evacuated",
        "killed",
    ]
    assert [(f.start, f.end) for f in WordMatcher(["kill"]).finditer(text)] == [(39, 45)]
