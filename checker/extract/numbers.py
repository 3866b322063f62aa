"""Text -> number mentions: one compiled scan for digits, number words and vague quantities.

A mention is the bare number as written ("1,200", "twenty-one", "one million", "hundreds of")
with its value; hedges, units and kinds are decided afterwards on a small window around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

UNITS: Final[dict[str, int]] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS: Final[dict[str, int]] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: Final[dict[str, float]] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7,
}  # fmt: skip
# Suffixes glued to digits: "10k", "1.2b", "2mil", "$5m" (a bare "5m" is five metres).
SUFFIXES: Final[dict[str, float]] = {
    "k": 1e3, "K": 1e3, "M": 1e6, "mn": 1e6, "mil": 1e6, "b": 1e9, "B": 1e9, "bn": 1e9,
    "BN": 1e9, "tn": 1e12,
}  # fmt: skip
# Vague quantities and the interval each stands for (DESIGN.md's table).
VAGUE: Final[dict[str, tuple[float, float]]] = {
    "dozens of": (24, 99),
    "scores of": (40, 99),
    "hundreds of": (200, 999),
    "thousands of": (2_000, 9_999),
    "tens of thousands of": (20_000, 99_999),
    "hundreds of thousands of": (200_000, 999_999),
    "millions of": (2e6, 9_999_999),
    "tens of millions of": (2e7, 99_999_999),
    "billions of": (2e9, 9_999_999_999),
    "several": (3, 9),
    "a few": (2, 5),
    "a handful of": (2, 9),
}

_WORDS: Final = sorted(
    [*UNITS, *TENS, "hundred", *SCALES, "dozen", "dozens"], key=len, reverse=True
)
_WORD_ALT: Final = "|".join(_WORDS)
_DIGITS: Final = r"""
    (?<![\d.,])                                         # not the tail of a longer number
    (?:\d{1,3}(?:,\d{3})+                               # 1,234,567
      |\d{1,3}(?:[\u00a0\u202f\u2009\x20]\d{3})+(?![\d,])  # 1 234 567, narrow no-break spaces
      |\d+                                              # 170
    )(?:\.\d+)?                                         # 1.2
  |(?<![\d.])\.\d+                                      # .5
"""
SCAN: Final = re.compile(
    rf"""
    (?P<time>(?<![\d.:])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?!\d)
        (?:\s*(?i:[ap]\.m\.|[ap]m\b))?)                  # 5:47 PM, 17:47
   |(?P<ordinal>(?<![\d.,])\d+(?i:st|nd|rd|th)\b)       # "the 11th hour"
   |(?P<none>\b(?i:none)\s+of\b)                        # "none of the 170 drones"
   |(?P<vague>\b(?i:tens\s+of\s+(?:thousands|millions)\s+of
                  |hundreds\s+of\s+thousands\s+of
                  |(?:dozens|scores|hundreds|thousands|millions|billions)\s+of
                  |several|a\s+few|a\s+handful\s+of)\b)
   |(?P<half>\b(?i:half\s+a\s+dozen|a\s+dozen|a\s+couple(?:\s+of)?)\b)
   |(?P<run>
       (?:(?P<digits>{_DIGITS})(?P<suffix>mil|mn|bn|BN|tn|[kKMbB])?(?![^\W\d_])
         |\b(?i:{_WORD_ALT})\b)
       (?:(?:\s*-\s*|\s+and\s+|\s+)
          (?:\d[\d,.]*(?:mil|mn|bn|tn|[kKMbB])?(?![^\W\d_])|\b(?i:{_WORD_ALT})\b))*
    )
    """,
    re.VERBOSE,
)
_RUN_TOKEN: Final = re.compile(
    rf"(?P<sep>\s*-\s*|\s+and\s+|\s+)?"
    rf"(?P<tok>(?:{_DIGITS})(?:mil|mn|bn|BN|tn|[kKMbB])?(?![^\W\d_])|(?i:{_WORD_ALT})\b)",
    re.VERBOSE,
)
_FIXED_PHRASES: Final[dict[str, float]] = {
    "half a dozen": 6, "a dozen": 12, "a couple": 2, "a couple of": 2,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mention:
    """A number as written: its span, its value and, for vague quantities, its interval."""

    start: int
    end: int
    value: float
    vague: tuple[float, float] | None = None  # "hundreds of" -> (200, 999)
    words: bool = False  # written in words ("Two"), not digits
    separators: bool = False  # "1,200" rather than "1200"
    partitive_zero: bool = False  # "none of"
    hint: str = ""  # "time" or "ordinal" when the form alone says what the number is
    decimals: int = 0


def _digit_value(token: str) -> tuple[float, bool, int] | None:
    """'1,234.5' -> (1234.5, True, 1); '10k' -> (10000, False, 0)."""
    scale = 1.0
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if token.endswith(suffix) and token[: -len(suffix)][-1:].isdigit():
            scale, token = SUFFIXES[suffix], token[: -len(suffix)]
            break
    separators = any(ch in token for ch in ", \u00a0\u202f\u2009")
    digits = re.sub(r"[, \u00a0\u202f\u2009]", "", token)
    try:
        value = float(digits)
    except ValueError:
        return None
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return value * scale, separators, decimals


class _Compound:
    """Accumulates 'twenty-one trillion three hundred and five' left to right."""

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.last: str = ""  # class of the last token: unit / tens / hundred / scale / digit
        self.last_scale = float("inf")
        self.empty = True

    def accepts(self, cls: str, value: float) -> bool:
        if self.empty:
            return True
        if cls in ("unit", "digit"):
            if self.last in ("unit", "digit"):
                return False
            if self.last == "tens":
                return cls == "unit" and value < 10
            return value < self.last_scale and (self.last != "hundred" or value < 100)
        if cls == "tens":
            if self.last in ("unit", "tens", "digit"):
                return False
            return value < self.last_scale
        if cls == "hundred":
            return self.last in ("unit", "tens", "digit") and self.current < 100
        if cls == "dozen":
            return self.last in ("unit", "tens", "digit", "hundred")
        # a scale word: "one million", "1.2 million", "three hundred thousand"
        return self.last != "scale" and self.current > 0 and value < self.last_scale

    def add(self, cls: str, value: float) -> None:
        if cls in ("unit", "tens", "digit"):
            self.current += value
        elif cls == "hundred":
            self.current *= 100
        elif cls == "dozen":
            self.current *= 12
        else:
            self.total += self.current * value
            self.current = 0.0
            self.last_scale = value
        self.last = cls
        self.empty = False

    @property
    def value(self) -> float:
        return self.total + self.current


def _classify(token: str) -> tuple[str, float, bool, int] | None:
    word = token.lower()
    if word in UNITS:
        return "unit", float(UNITS[word]), False, 0
    if word in TENS:
        return "tens", float(TENS[word]), False, 0
    if word == "hundred":
        return "hundred", 100.0, False, 0
    if word in ("dozen", "dozens"):
        return "dozen", 12.0, False, 0
    if word in SCALES:
        return "scale", SCALES[word], False, 0
    parsed = _digit_value(token)
    if parsed is None:
        return None
    return "digit", parsed[0], parsed[1], parsed[2]


def _split_run(text: str, start: int, end: int) -> Iterator[Mention]:
    """A run of number tokens -> one or more numbers ('2021 300' is two; 'fifty - two' one)."""
    compound = _Compound()
    first = start
    last_end = start
    words = separators = False
    decimals = 0
    for match in _RUN_TOKEN.finditer(text, start, end):
        token = match.group("tok")
        classified = _classify(token)
        if classified is None:
            continue
        cls, value, seps, decs = classified
        sep = match.group("sep") or ""
        # "and" joins only after hundred/scale words: "one hundred and sixteen", not "two and three"
        joinable = "and" not in sep.lower() or compound.last in ("hundred", "scale")
        if not compound.empty and (not joinable or not compound.accepts(cls, value)):
            if (
                compound.last not in ("hundred", "scale", "dozen")
                or compound.current
                or compound.total
            ):
                yield Mention(
                    first,
                    last_end,
                    compound.value,
                    words=words,
                    separators=separators,
                    decimals=decimals,
                )
            compound = _Compound()
            words = separators = False
            decimals = 0
            first = match.start("tok")
        if compound.empty:
            first = match.start("tok")
            if cls in ("hundred", "scale", "dozen"):
                # a bare "hundred" or "million" with no count before it is "one hundred"
                compound.add("unit", 1.0)
        compound.add(cls, value)
        words = words or cls != "digit"
        separators = separators or seps
        decimals = max(decimals, decs)
        last_end = match.end("tok")
    if not compound.empty:
        yield Mention(
            first, last_end, compound.value, words=words, separators=separators, decimals=decimals
        )


def scan_numbers(text: str) -> Iterator[Mention]:
    """Every number mention in `text`, left to right."""
    for match in SCAN.finditer(text):
        kind = match.lastgroup
        if kind in ("time", "ordinal"):
            digits = re.match(r"\d+", match.group())
            value = float(digits.group()) if digits else 0.0
            yield Mention(match.start(), match.end(), value, hint=str(kind))
        elif kind == "none":
            # the figure is "none"; "of the 170 drones" names what it counts
            yield Mention(match.start(), match.start() + 4, 0.0, words=True, partitive_zero=True)
        elif kind == "vague":
            phrase = " ".join(match.group().lower().split())
            low, high = VAGUE[phrase]
            yield Mention(match.start(), match.end(), low, vague=(low, high), words=True)
        elif kind == "half":
            phrase = " ".join(match.group().lower().split())
            yield Mention(match.start(), match.end(), _FIXED_PHRASES[phrase], words=True)
        else:
            yield from _split_run(text, match.start(), match.end())


def words_to_number(phrase: str) -> float | None:
    """'three hundred and thirty one' -> 331.0; None unless the phrase is one number."""
    mentions = list(scan_numbers(phrase))
    if len(mentions) != 1 or mentions[0].vague is not None:
        return None
    return mentions[0].value
