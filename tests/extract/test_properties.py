"""Properties: any text is safe to extract from, and numbers written out read back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import figures_in_text
from checker.model import FIGURE_COLUMNS

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand")]


def in_words(n: int, hyphen: bool = True, conjunction: bool = False) -> str:
    """1234567 -> 'one million two hundred thirty-four thousand five hundred sixty-seven'."""
    words: list[str] = []
    for size, name in SCALES:
        if n >= size:
            words += [in_words(n // size, hyphen, conjunction), name]
            n %= size
    if n >= 100:
        words += [ONES[n // 100], "hundred"]
        n %= 100
        if n and conjunction:
            words.append("and")
    if n >= 20:
        tens, ones = divmod(n, 10)
        words.append(TENS[tens] + (("-" if hyphen else " ") + ONES[ones] if ones else ""))
    elif n or not words:
        words.append(ONES[n])
    return " ".join(words)


def test_in_words_is_a_faithful_oracle() -> None:
    assert in_words(331, conjunction=True) == "three hundred and thirty-one"
    assert in_words(21_000_000_000_300) == "twenty-one trillion three hundred"


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_never_crashes(text: str) -> None:
    frame = figures_in_text(text)
    assert list(frame.columns) == list(FIGURE_COLUMNS)
    assert all(0 <= s <= e <= len(text) for s, e in zip(frame["start"], frame["end"], strict=True))


NUMBERISH = st.sampled_from(
    ["1", "0", ",", ".", "-", "–", " ", "\n", "%", "$", "€", "k", "m", "bn", "half", "a ",
     "and ", "one", "hundred", "thousand", "dozen", "more than ", "between ", "to ", "per cent",
     "/", ":", "pm", "1995-", "http://", "(", ")", "minus ", "\u202f", "of the ", "drones", "x"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(NUMBERISH, max_size=30).map("".join))
def test_number_like_noise_never_crashes(text: str) -> None:
    frame = figures_in_text(text)
    assert (frame["low"] <= frame["high"]).all()


COUNTS = st.integers(min_value=2, max_value=10**13 - 1)


@settings(max_examples=100, deadline=None)
@given(COUNTS, st.booleans(), st.booleans())
def test_numbers_in_words_read_back(n: int, hyphen: bool, conjunction: bool) -> None:
    (value,) = figures_in_text(f"Officials counted {in_words(n, hyphen, conjunction)} ships.")[
        "value"
    ]
    assert value == n


@settings(max_examples=100, deadline=None)
@given(COUNTS, st.sampled_from([",", " ", "\u202f", "\u00a0", ""]))
def test_numbers_in_digits_read_back(n: int, separator: str) -> None:
    digits = f"{n:,}".replace(",", separator)
    (value,) = figures_in_text(f"Officials counted {digits} ships.")["value"]
    assert value == n


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9))
def test_decimals_with_scale_words_read_back(whole: int, tenth: int) -> None:
    (value,) = figures_in_text(f"a loan of ${whole}.{tenth} million")["value"]
    assert value == (whole + tenth / 10) * 1_000_000
