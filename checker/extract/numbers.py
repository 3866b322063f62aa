"""Text -> number mentions: one compiled scan for digits, number words and vague quantities.

A mention is the bare number as written ("1,200", "twenty-one", "one million", "hundreds of")
with its value; hedges, units and kinds are decided afterwards on a small window around it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
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
    "BN": 1e9, "tn": 1e12, "T": 1e12,
}  # fmt: skip
# Vague quantities and the interval each stands for (DESIGN.md's table).
VAGUE: Final[dict[str, tuple[float, float]]] = {
    "a few dozen": (24, 60),  # a few (2-5) dozens
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

_Trie = dict[str, "_Trie"]


def word_trie(words: list[str]) -> str:
    """'one|once|two' as 'o(?:n(?:e|ce))|two': a trie fails on the first wrong letter."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    return build(tree)


_WORDS: Final = sorted(
    [*UNITS, *TENS, "hundred", *SCALES, "dozen", "dozens"], key=len, reverse=True
)
# As a trie: every use is followed by \b, which only one of a chain of prefixes ("six",
# "sixty") can meet, so the trie matches what the longest-first alternation matched.
_WORD_ALT: Final = word_trie(_WORDS)
_DIGITS: Final = r"""
    (?<![\d.,])                                         # not the tail of a longer number
    (?>\d{1,3}(?:,\d{3})+                               # 1,234,567
      |\d{1,3}(?:[\u00a0\u202f\u2009\x20]\d{3})+(?![\d,])  # 1 234 567, narrow no-break spaces
      |\d+                                              # 170 (atomic: "10kg" is not "1")
    )(?:\.\d+)?                                         # 1.2
  |(?<![\d.])\.\d+                                      # .5
"""
_SCALE_AHEAD: Final = r"(?=\s+(?:a\s+)?(?i:thousand|million|billion|trillion)\b)"
_ZONE: Final = r"(?:\s*(?:GMT|UTC|Z\b))"
_SCAN_DIGIT_FORMS: Final = rf"""
    (?P<time>(?<![\d.:])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?!\d)
        (?:\s*(?i:[ap]\.m\.|[ap]m\b))?{_ZONE}?            # 5:47 PM, 17:47, 17:00 GMT
      |(?<![\d.:])\d{{1,2}}(?:\.\d{{2}})?\s*(?i:[ap]\.m\.|[ap]m\b){_ZONE}?  # "2 pm", "2.13 am"
      |(?<![\d.:,])(?:[01]\d|2[0-3])[0-5]\d{_ZONE})       # "1700 GMT": a 24-hour clock
   |(?P<ordinal>(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?i:st|nd|rd|th)\b)  # "11th", "1,000th"
"""
_SCAN_WORD_FORMS: Final = rf"""
    (?P<none>\b(?i:none)\s+of\b)                        # "none of the 170 drones"
   |(?P<vaguescale>\b(?i:several|a\s+few|a\s+couple(?:\s+of)?)\s+   # "several hundred",
        (?i:hundred|thousand|million|billion|dozen)               # "a few thousand",
        (?:\s+(?i:thousand|million|billion))?\b(?:\s+(?i:of)\b)?)   # "several hundred thousand"
   |(?P<vague>\b(?i:tens\s+of\s+(?:thousands|millions)(?:\s+of)?
                  |hundreds\s+of\s+thousands(?:\s+of)?
                  |a\s+few\s+dozen(?:\s+of)?
                  |(?:dozens|scores|hundreds|thousands|millions|billions)(?:\s+of)?
                  |several|a\s+few|a\s+handful\s+of)\b)
   |(?P<half>\b(?i:half\s+a\s+dozen|a\s+dozen|a\s+couple(?:\s+of)?)\b)
   |(?P<share>\b(?i:(?:a|an|one|two|three|four)[\s-]+  # "two thirds of", "a quarter of"
                   (?:half|thirds?|quarters?|fourths?)
                  |half)\b(?!-)                         # "more than half"; not "half-time"
        (?!{_SCALE_AHEAD}|\s+(?:a\s+)?dozen|\s+of\s+a{_SCALE_AHEAD}))  # not "half a million",
                                                          # "half a dozen", "a quarter of a million"
"""
_SCAN_RUN: Final = rf"""
    (?P<run>
       (?:(?P<digits>{_DIGITS})(?P<suffix>mil|mn|bn|BN|tn|[kKMbBT])?
            (?:(?![^\W\d_])|(?=(?:km|kg|ml|mm|cm|lbs?|ft|mi|mph|m|USD|EUR|GBP|C|F)\b))  # "10kg"
         |\b(?i:{_WORD_ALT})\b
         |\b(?i:half|(?:a\s+)?quarter)(?:\s+of)?(?:\s+a)?{_SCALE_AHEAD})  # "half a million",
                                                                 # "a quarter of a million"
       (?:\s+and\s+(?i:a|one)\s+(?i:half|quarter)\b     # "one and a half million"
         |(?:\s*-\s*|\s+(?:and|&)\s+|\s+)            # "two hundred & forty"
          (?:\d[\d,.]*(?:mil|mn|bn|tn|[kKMbB])?(?![^\W\d_])|\b(?i:{_WORD_ALT})\b)
         |,\s+(?i:{_WORD_ALT})\b)*      # "three million, two hundred": _split_run decides
    )
"""
SCAN: Final = re.compile(_SCAN_DIGIT_FORMS + "|" + _SCAN_WORD_FORMS + "|" + _SCAN_RUN, re.VERBOSE)
# SCAN at a digit or "." (times and ordinals start with a digit) and at a letter (the word
# forms start with one): each tries only the forms that can start there, in SCAN's order.
_SCAN_AT_DIGIT: Final = re.compile(_SCAN_DIGIT_FORMS + "|" + _SCAN_RUN, re.VERBOSE)
_CLOCK_AT: Final = re.compile(_SCAN_DIGIT_FORMS, re.VERBOSE)
_SCAN_AT_LETTER: Final = re.compile(_SCAN_WORD_FORMS + "|" + _SCAN_RUN, re.VERBOSE)
_RUN_TOKEN: Final = re.compile(
    rf"""(?P<sep>\s*-\s*|\s+(?:and|&)\s+|,\s+|\s+)?
    (?P<tok>(?:{_DIGITS})(?:mil|mn|bn|BN|tn|[kKMbBT])?(?![^\W\d_])
      |(?i:(?:a\s+|one\s+)?(?:half|quarter)(?:\s+of)?(?:\s+a\b)?)  # "and a half", "half a million"
      |(?i:{_WORD_ALT})\b)""",
    re.VERBOSE,
)


# Words that count on their own, singular or plural: a counted noun never holds one
COUNTING_WORDS: Final = frozenset(
    {w.lower() for w in _WORDS}
    | {"tens", "scores", "hundreds", "thousands", "millions", "billions"}
)
# Words that can start a number mention; "few", "couple", "handful" and "dozen" also stand
# for "a few", "a couple", "a handful of", "a dozen" (the article is picked up behind them).
_TRIGGER_WORDS: Final = sorted(
    {w.lower() for w in _WORDS}
    | {"none", "several", "tens", "scores", "hundreds", "thousands", "millions", "billions"}
    | {"half", "third", "thirds", "quarter", "quarters", "fourth", "fourths"}
    | {"few", "couple", "handful", "minus", "negative"}
)
_ARTICLE_WORDS: Final = frozenset(
    ["few", "couple", "handful", "dozen", "half", "third", "quarter", "fourth"]
)
# One cheap scan finds where a number may start: a digit, or a number word. An alternation of
# forty words is tried at every position and runs at about 4 MB/s; the same words as a trie
# with a case-insensitive first letter run at about 10 MB/s (bench/speed.py).
CANDIDATE: Final = re.compile(
    r"(?<![\d.,])\.?\d"
    + r"|(?<![A-Za-z])(?:"
    + "|".join(
        f"[{c}{c.upper()}]{word_trie(sorted(w[1:] for w in _TRIGGER_WORDS if w[0] == c))}"
        for c in sorted({w[0] for w in _TRIGGER_WORDS})
    )
    + r")(?![A-Za-z])"
)
# CANDIDATE is the reference; scan_numbers runs this equivalent scan on a lower-cased copy of
# the text (plain letters instead of "[oO]" classes, about 1.5 times faster; bench/speed.py).
# CANDIDATE wants the letters after the first in lower case ("TWELVE" is no candidate), so a
# hit is kept only when the original has them so (scan_numbers). google-re2 was measured on
# the same 1 MB bench corpus: its finditer over the word alternation runs at about 10 MB/s, no
# faster than this scan (search() per call is slower still), and it has no look-behind; it
# is not worth a dependency.
_CANDIDATE_LOWER: Final = re.compile(
    # Each alternative consumes its first character before it looks behind, so the pattern
    # starts with a set of characters that re uses to skip ahead (about 15% faster than a
    # leading look-behind); the look-behinds are CANDIDATE's, one character further back.
    r"\.(?<![\d.,]\.)\d|\d(?<![\d.,]\d)|(?:"  # ".5" and "5", not inside "1.5" or "1,500"
    + "|".join(
        f"{c}(?<![A-Za-z]{c}){word_trie(sorted(w[1:] for w in _TRIGGER_WORDS if w[0] == c))}"
        for c in sorted({w[0] for w in _TRIGGER_WORDS})
    )
    + r")(?![A-Za-z])"
)
# The only characters whose lower case is longer ("İ") or an ASCII letter (the Kelvin sign):
# both stand outside [A-Za-z] in the original, so a non-ASCII letter keeps them so in the copy.
_LOWER_SAFE: Final = str.maketrans({"\u0130": "\u0131", "\u212a": "\u0131"})


def _lowered(text: str) -> str:
    """`text` in lower case, character for character (offsets stay the same)."""
    if "\u0130" in text or "\u212a" in text:
        text = text.translate(_LOWER_SAFE)
    return text.lower()


_SIGN_BEFORE: Final = re.compile(
    r"""(?:
        (?:^|(?<=[\s(\[$€£<>~=]))-                       # "-9.23", "($-99.99)", "<-30"
      | \b(?i:minus|negative)\s+                         # "minus five percent"
    )$""",
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


_SUFFIXES_LONGEST_FIRST: Final = sorted(SUFFIXES, key=len, reverse=True)
_NO_SEPARATORS: Final = str.maketrans("", "", ", \u00a0\u202f\u2009")


def _digit_value(token: str) -> tuple[float, bool, int] | None:
    """'1,234.5' -> (1234.5, True, 1); '10k' -> (10000, False, 0)."""
    scale = 1.0
    if not token[-1].isdigit():
        for suffix in _SUFFIXES_LONGEST_FIRST:
            if token.endswith(suffix) and token[: -len(suffix)][-1:].isdigit():
                scale, token = SUFFIXES[suffix], token[: -len(suffix)]
                break
    digits = token.translate(_NO_SEPARATORS)
    separators = len(digits) != len(token)
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
        self.tokens = 0

    def accepts(self, cls: str, value: float) -> bool:
        if self.empty:
            return True
        if cls == "frac":
            return self.last in ("unit", "tens", "digit", "scale")
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
            # "3 hundred and 21", "322 hundred"; not "3 hundred and 2 hundred"
            first_digit = self.last == "digit" and self.total == 0 and self.tokens == 1
            return first_digit or (self.last in ("unit", "tens", "digit") and self.current < 100)
        if cls == "dozen":
            return self.last in ("unit", "tens", "digit", "hundred")
        # a scale word: "one million", "1.2 million", "three hundred thousand"
        return self.last != "scale" and self.current > 0 and value < self.last_scale

    def add(self, cls: str, value: float) -> None:
        if cls == "frac" and self.last == "scale":
            self.total += value * self.last_scale  # "3 million and a half"
        elif cls in ("unit", "tens", "digit", "frac"):
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
        self.tokens += 1

    @property
    def value(self) -> float:
        return self.total + self.current


_FRACTIONS: Final[dict[str, float]] = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fourth": 0.25, "fourths": 0.25,
}  # fmt: skip
_NUMERATORS: Final[dict[str, float]] = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _classify(token: str) -> tuple[str, float, bool, int] | None:
    word = token.lower()
    if "half" in word or "quarter" in word:
        return "frac", 0.5 if "half" in word else 0.25, False, 0
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


# "and" or "&" between two number words: "one hundred and sixteen", "two hundred & forty"
_AND_SEP: Final = re.compile(r"and|&", re.IGNORECASE)


def _split_run(text: str, start: int, end: int) -> Iterator[Mention]:
    """A run of number tokens -> one or more numbers ('2021 300' is two; 'fifty - two' one)."""
    compound = _Compound()
    first = start
    last_end = start
    words = separators = False
    decimals = 0
    tokens = [
        (match, classified)
        for match in _RUN_TOKEN.finditer(text, start, end)
        if (classified := _classify(match.group("tok"))) is not None
    ]
    for i, (match, (cls, value, seps, decs)) in enumerate(tokens):
        sep = match.group("sep") or ""
        following, following_value = (
            (tokens[i + 1][1][0], tokens[i + 1][1][1]) if i + 1 < len(tokens) else ("", 0.0)
        )
        # "3 hundred and 2 hundred": the number after "and" is scaled as much as the one before
        scaled_again = (following == "hundred" and compound.last == "hundred") or (
            following == "scale" and following_value >= compound.last_scale
        )
        # "and" joins only after hundred/scale words: "one hundred and sixteen", not "two and
        # three"; and not a number that is scaled itself: "3 hundred and 2 hundred" is two;
        # "and 0" never adds anything: "4 thousand 3 hundred and 0" is two numbers
        joinable = not _AND_SEP.search(sep) or (
            (compound.last in ("hundred", "scale") or cls == "frac")
            and not (cls in ("unit", "digit") and scaled_again)
            and value != 0
        )
        if "," in sep:
            # a comma joins scale groups of one spelled number, as on a cheque: "three
            # million, two hundred"; not a list ("twenty, three") nor "a billion, five said"
            joinable = (
                compound.last == "scale"
                and cls in ("unit", "tens")
                and (
                    following == "hundred"
                    or (following == "scale" and following_value < compound.last_scale)
                )
            )
        if cls == "frac" and following == "scale" and compound.last == "scale":
            cls = "unit"  # "one billion and a half million": half of the million that follows
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


_CODE_BEFORE: Final = re.compile(r"\b(?:USD|EUR|GBP|JPY|CHF|CNY|AUD|CAD)$")  # "USD115"
_LEADING_DIGITS: Final = re.compile(r"\d+")
_ARTICLE_BEFORE: Final = re.compile(r"\b(?i:an?)\s+$")
# "the first half of 2024", "the other half": a half that names a period or a part, not a share
_NOT_A_SHARE: Final = frozenset(["first", "second", "last", "other", "latter", "better", "top"])


def _share(text: str, match: re.Match[str]) -> Mention | None:
    """'two thirds' -> 2/3, 'a quarter' -> 0.25, 'half' -> 0.5; None for 'the first half'."""
    words = match.group().lower().replace("-", " ").split()
    if len(words) == 1:
        before = text[max(0, match.start() - 12) : match.start()].split()
        if before and before[-1].lower() in _NOT_A_SHARE:
            return None
        return Mention(match.start(), match.end(), 0.5, words=True, hint="share")
    value = _NUMERATORS[words[0]] * _FRACTIONS[words[-1]]
    return Mention(match.start(), match.end(), value, words=True, hint="share")


def _signed(text: str, mention: Mention) -> Mention:
    """'-9.23', 'minus five', 'negative one': the sign belongs to the number."""
    before = text[max(0, mention.start - 9) : mention.start]
    # _SIGN_BEFORE ends in "-" or in "minus"/"negative" and a blank; "nu" and "negat" have no
    # case-insensitive match but their own letters, so this check is exact and saves the
    # search for nearly every number
    if before[-1:] != "-" and not (
        before[-1:].isspace() and ("nu" in (lower := before.lower()) or "negat" in lower)
    ):
        return mention
    sign = _SIGN_BEFORE.search(text, max(0, mention.start - 9), mention.start)
    if sign is None:
        return mention
    return replace(mention, start=sign.start(), value=-mention.value)


def _digits_and_scale(match: re.Match[str]) -> Mention | None:
    """'3.7 million', '538 billion': a digit token and one scale word, as _split_run reads
    them (the common scaled case), or None for any other run."""
    parts = match.group().split()
    if (
        len(parts) != 2
        or match.group("suffix") is not None
        or match.end("digits") != match.start() + len(parts[0])
    ):
        return None
    scale = SCALES.get(parts[1].lower())
    parsed = _digit_value(parts[0])
    if scale is None or parsed is None or not 0 < parsed[0] < float("inf"):
        return None  # "0 million" is two numbers for _split_run
    return Mention(
        match.start(),
        match.end(),
        parsed[0] * scale,
        words=True,
        separators=parsed[1],
        decimals=parsed[2],
    )


_SMALL_WORDS: Final[dict[str, float]] = {w: float(v) for w, v in (UNITS | TENS).items()}
_CLOCK: Final = re.compile(
    r"(?P<h>\d{1,2})(?:[:.]?(?P<m>\d{2}))?(?::\d{2})?\s*(?P<ampm>[ap])?", re.IGNORECASE
)


def clock_minutes(raw: str) -> float:
    """'6:59 pm' -> 1139, '17:47' -> 1067, '12 am' -> 0, '1700 GMT' -> 1020: minutes after
    midnight on a 24-hour clock."""
    match = _CLOCK.match(raw)
    if match is None:
        return 0.0
    hours = int(match.group("h")) % 24
    minutes = int(match.group("m") or 0)
    ampm = (match.group("ampm") or "").lower()
    if ampm == "p" and hours < 12:
        hours += 12
    elif ampm == "a" and hours == 12:
        hours = 0
    return float(hours * 60 + minutes)


def scan_numbers(text: str) -> Iterator[Mention]:
    """Every number mention in `text`, left to right; one too large for a float ("1" and 308
    zeros) is none: it would be infinity, print as Infinity and agree with every claim."""
    return (mention for mention in _scan_numbers(text) if math.isfinite(mention.value))


# The words that scale a vague quantity: "several hundred", "a few thousand"
SCALE_WORDS: Final = {
    "dozen": 12.0,
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
}


def split_scale(phrase: str) -> tuple[str, float]:
    """A vague quantity and the product of the scale words after it: "several hundred of"
    -> ("several", 100); "dozens of" -> ("dozens of", 1)."""
    words = " ".join(phrase.lower().split()).removesuffix(" of").split()
    scale = 1.0
    while len(words) > 1 and words[-1] in SCALE_WORDS:
        scale *= SCALE_WORDS[words.pop()]
    return (" ".join(words), scale) if scale != 1.0 else (" ".join(phrase.lower().split()), 1.0)


def _vague_scaled(match: re.Match[str]) -> Mention:
    """ "several hundred" [300, 900], "a few thousand" [2000, 5000], "a couple of hundred"
    [200, 200]: the vague quantity's interval, times its scale words."""
    quantity, scale = split_scale(match.group())
    low, high = (2.0, 2.0) if quantity.startswith("a couple") else VAGUE[quantity]
    return Mention(
        match.start(), match.end(), low * scale, vague=(low * scale, high * scale), words=True
    )


def _scan_numbers(text: str) -> Iterator[Mention]:
    pos = 0
    lowered = _lowered(text)
    while True:
        candidate = _CANDIDATE_LOWER.search(lowered, pos)
        if candidate is None:
            return
        start = candidate.start()
        if not text.startswith(candidate.group()[1:], start + 1):
            pos = candidate.end()  # "TWELVE", "Thousands": CANDIDATE wants lower case after
            continue
        if text[start - 1 : start].isalpha() and not _CODE_BEFORE.search(text, 0, start):
            pos = candidate.end()  # "L2", "km2": a digit glued behind letters is a name
            continue
        if candidate.group().lower() in _ARTICLE_WORDS:
            article = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
            if article is not None:
                start = article.start()
        match = (_SCAN_AT_LETTER if text[start].isalpha() else _SCAN_AT_DIGIT).match(text, start)
        if match is None:
            pos = candidate.end()
            continue
        pos = match.end()
        kind = match.lastgroup
        if kind == "time":
            yield Mention(match.start(), match.end(), clock_minutes(match.group()), hint="time")
        elif kind == "ordinal":
            digits = _LEADING_DIGITS.match(match.group().replace(",", ""))
            value = float(digits.group()) if digits else 0.0
            yield Mention(match.start(), match.end(), value, hint="ordinal")
        elif kind == "none":
            # the figure is "none"; "of the 170 drones" names what it counts
            yield Mention(match.start(), match.start() + 4, 0.0, words=True, partitive_zero=True)
        elif kind == "vague":
            phrase = " ".join(match.group().lower().split())
            # "dozens were hurt", "killed hundreds": the bare plural is the quantity too
            low, high = VAGUE.get(phrase) or VAGUE.get(f"{phrase} of") or VAGUE[phrase[:-3]]
            yield Mention(match.start(), match.end(), low, vague=(low, high), words=True)
        elif kind == "vaguescale":
            yield _vague_scaled(match)
        elif kind == "half":
            phrase = " ".join(match.group().lower().split())
            yield Mention(match.start(), match.end(), _FIXED_PHRASES[phrase], words=True)
        elif kind == "share":
            share = _share(text, match)
            if share is not None:
                yield _signed(text, share)
        elif match.end("digits") == match.end() and match.start("digits") == match.start():
            # one digit token, the common case: "300"
            parsed = _digit_value(match.group())
            if parsed is not None:
                mention = Mention(
                    match.start(),
                    match.end(),
                    parsed[0],
                    separators=parsed[1],
                    decimals=parsed[2],
                )
                yield _signed(text, mention)
        elif (small := _SMALL_WORDS.get(match.group().lower())) is not None:
            # one word, the common spelled case: "twelve"; as _split_run reads it, faster
            mention = Mention(match.start(), match.end(), small, words=True)
            yield _signed(text, mention)
        elif (scaled := _digits_and_scale(match)) is not None:
            yield _signed(text, scaled)
        else:
            first = True
            for mention in _split_run(text, match.start(), match.end()):
                clock = None if first else _CLOCK_AT.match(text, mention.start)
                if clock is not None and clock.lastgroup == "time":
                    # "between 6 and 7 p.m.": the run ends in a clock time
                    yield Mention(
                        clock.start(), clock.end(), clock_minutes(clock.group()), hint="time"
                    )
                    break
                yield _signed(text, mention) if first else mention
                first = False
