"""Hedge words around a number -> the interval the figure allows.

A hedge is looked up in the few words before the number ("more than 300") or just after it
("300+", "500 or more", "1,000 or so"); it is never an optional prefix inside the number scan.
"""

from __future__ import annotations

import math
import re
from typing import Final

from checker.extract.numbers import split_scale, word_trie
from checker.model import DEFAULT_HEDGES, Hedges, Interval

# Hedge phrase before a number -> hedge code. Longest phrases are tried first.
BEFORE: Final[dict[str, str]] = {
    "more than": "more-than",
    "over": "more-than",
    "above": "more-than",
    "upwards of": "more-than",
    "in excess of": "more-than",
    "exceeding": "more-than",
    "exceed": "more-than",
    "exceeds": "more-than",
    "exceeded": "more-than",
    "surpass": "more-than",
    "surpasses": "more-than",
    "surpassed": "more-than",
    "surpassing": "more-than",
    "topping": "more-than",
    "tops": "more-than",  # "the toll tops 150" (not "the top 10": an adjective)
    "topped": "more-than",
    "climbed past": "more-than",
    "climbs past": "more-than",
    "rose past": "more-than",
    "rises past": "more-than",
    "risen past": "more-than",
    "went past": "more-than",
    "edged past": "more-than",
    "crept past": "more-than",
    "greater than": "more-than",
    "larger than": "more-than",
    "higher than": "more-than",
    "beyond": "more-than",
    "north of": "more-than",
    "well over": "more-than",
    "well above": "more-than",
    "just over": "just-over",
    "just after": "just-over",
    "shortly after": "just-over",
    "soon after": "just-over",
    "just before": "nearly",
    "shortly before": "nearly",
    "just above": "just-over",
    "slightly more than": "just-over",
    "a little over": "just-over",
    "at least": "at-least",
    "no fewer than": "at-least",
    "no less than": "at-least",
    "not less than": "at-least",
    "not fewer than": "at-least",
    "a minimum of": "at-least",
    "minimum of": "at-least",
    "as many as": "at-most",
    "fewer than": "less-than",
    "less than": "less-than",
    "under": "less-than",
    "below": "less-than",
    "lower than": "less-than",
    "at most": "at-most",
    "up to": "at-most",
    "no more than": "at-most",
    "not more than": "at-most",
    "a maximum of": "at-most",
    "maximum of": "at-most",
    "nearly": "nearly",
    "almost": "nearly",
    "just under": "nearly",
    "just below": "nearly",
    "just shy of": "nearly",
    "close to": "nearly",
    "approaching": "nearly",
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "approx.": "about",
    "an estimated": "about",
    "estimated": "about",
    "an approximate": "about",
    "circa": "about",
    "ca.": "about",
    "more or less": "about",
    "give or take": "about",
    "~": "about",
    "≈": "about",
    ">": "more-than",
    ">=": "at-least",
    "≥": "at-least",
    "<": "less-than",
    "<=": "at-most",
    "≤": "at-most",
}
# The hedges as a trie ("m(?:ore(?: than| or less)|...)"): a search tries it at each of the
# window's 24 positions, and a trie fails on the first wrong character where an alternation
# of 80 phrases tries each. The phrases that match at one position are prefixes of each
# other, and both forms try the longest first: the same hedge is found.
_BEFORE_RE: Final = re.compile(
    r"(?:^|(?<=[\s(\"“'‘]))(?P<hedge>" + word_trie(list(BEFORE)) + r")\s*(?:the\s+|a\s+)?$"
)
# "<>30", "=>30" are not bounds: a comparison sign only counts when it stands alone
_SYMBOL_HEDGE_RE: Final = re.compile(r"(?<![<>=])(?P<hedge>>=|<=|[~≈><≥≤])\s*$")
# Hedge right after the number (and its unit): "300+", "500 or more", "1,000 or so".
_AFTER_RE: Final = re.compile(
    r"""^(?:
        (?P<plus>\+|-plus\b|\s+plus\b(?!\s+\d))             # 300+, 300-plus
      | \s*or\s+(?:more|greater|above|higher)\b(?P<ormore>)  # 500 or more
      | \s*or\s+(?:fewer|less|below|lower)\b(?P<orless>)     # 50 or fewer
      | \s*or\s+so\b(?P<orso>)                               # 1,000 or so
    )""",
    re.VERBOSE | re.IGNORECASE,
)
MAX_HEDGE_CHARS: Final = 24
_BEFORE_ENDS: Final = (*BEFORE, "the", "a")  # what a _BEFORE_RE match ends with, bar blanks
_SYMBOL_ENDS: Final = frozenset("=~≈><≥≤")  # the last character of a _SYMBOL_HEDGE_RE match


def hedge_before(preceding: str) -> tuple[str, int]:
    """('more-than', 10) for a window ending in 'more than '; ('exact', 0) when none."""
    window = preceding[-MAX_HEDGE_CHARS:].lower()
    # Either pattern ends its match with blanks only (re's \s is str.isspace), so the window
    # without trailing blanks ends with a hedge phrase, "the", "a" or a comparison sign; most
    # windows end with none of them and skip the searches.
    tail = window.rstrip()
    match = (_BEFORE_RE.search(window) if tail.endswith(_BEFORE_ENDS) else None) or (
        _SYMBOL_HEDGE_RE.search(window) if tail[-1:] in _SYMBOL_ENDS else None
    )
    if match is None:
        return "exact", 0
    return BEFORE[match.group("hedge")], len(window) - match.start("hedge")


def hedge_after(following: str) -> tuple[str, int]:
    """('more-than', 1) for '+'; ('at-least', 8) for ' or more'; ('exact', 0) when none."""
    match = _AFTER_RE.match(following)
    if match is None:
        return "exact", 0
    if match.group("plus") is not None:
        code = "more-than"
    elif match.group("ormore") is not None:
        code = "at-least"
    elif match.group("orless") is not None:
        code = "at-most"
    else:
        code = "about"
    return code, match.end()


# A clock time's hedges are minutes, not shares of the minutes since midnight: "around 6:15
# p.m." is 6:05 to 6:25, "just before 7 p.m." 6:50 to 7:00.
CLOCK_MINUTES: Final = 10.0
_DAY_MINUTES: Final = 24 * 60.0


def clock_interval(value: float, hedge: str, high: float | None = None) -> Interval:
    """The interval a hedged clock time allows, in minutes after midnight."""
    if hedge in ("range", "vague") and high is not None:
        return Interval(value, high)
    if hedge == "about":
        return Interval(value - CLOCK_MINUTES, value + CLOCK_MINUTES)
    if hedge == "nearly":
        return Interval(value - CLOCK_MINUTES, value, high_inclusive=False)
    if hedge == "just-over":
        return Interval(value, value + CLOCK_MINUTES, low_inclusive=False)
    if hedge == "more-than":
        return Interval(value, _DAY_MINUTES, low_inclusive=False)
    if hedge == "at-least":
        return Interval(value, _DAY_MINUTES)
    if hedge in ("less-than", "at-most"):
        return Interval(0.0, value, high_inclusive=hedge == "at-most")
    return Interval.point(value)


def rounding_step(value: float) -> float:
    """The step a number is rounded to: the largest power of ten, or five times one, that
    divides it ("300" -> 100, "1,250" -> 50, "347" -> 1, "5.5" -> 0.5); 0 for 0."""
    magnitude = abs(value)
    if magnitude == 0 or not math.isfinite(magnitude):
        return 0.0
    exponent = math.floor(math.log10(magnitude))
    for power in range(exponent, exponent - 16, -1):
        for step in (5 * 10.0**power, 10.0**power):
            if step <= magnitude and _divides(step, magnitude):
                return step
    return 10.0 ** (exponent - 15)


def _divides(step: float, magnitude: float) -> bool:
    quotient = magnitude / step
    return abs(quotient - round(quotient)) <= 1e-9 * max(1.0, quotient)


def about_half_width(value: float, hedges: Hedges = DEFAULT_HEDGES, percent: bool = False) -> float:
    """How far either side of `value` "about" reaches: half its rounding step, kept between
    the narrowest and widest share δ of the value. A percent is hedged in percentage points
    between the two `points`, never wider than δ of the value: "some 97%" ±1, "about 30%"
    ±3, "about 5%" ±0.5."""
    half = rounding_step(value) / 2
    magnitude = abs(value)
    widest = hedges.delta * magnitude
    if percent:
        low, high = hedges.points
        return min(max(half, min(low, widest)), min(high, widest))
    return min(max(half, hedges.narrowest * magnitude), widest)


def _one_sided_width(value: float, hedges: Hedges, percent: bool) -> float:
    """How far "nearly" and "just over" reach: δ of the value; for a percent no more than
    the widest width in percentage points."""
    widest = abs(value) * hedges.delta
    return min(hedges.points[1], widest) if percent else widest


def vague_interval(text: str, hedges: Hedges) -> tuple[float, float] | None:
    """A rule's interval for a vague quantity ("dozens of rockets"), or None for the table's."""
    phrase = " ".join(text.lower().split()).removesuffix(" of")
    quantity, scale = split_scale(text)  # "several hundred": the rule's "several", times 100
    for name, low, high in hedges.vague:
        if name == phrase:
            return low, high
        if scale != 1.0 and name == quantity:
            return low * scale, high * scale
    return None


def hedge_interval(
    value: float,
    hedge: str,
    hedges: Hedges = DEFAULT_HEDGES,
    high: float | None = None,
    percent: bool = False,
) -> Interval:
    """The interval a hedged figure allows, per DESIGN.md's table; `percent` for a figure
    in percent or percentage points, hedged in points."""
    floor = 0.0 if value >= 0 else -math.inf
    if hedge in ("range", "vague") and high is not None:
        return Interval(value, high)
    if hedge == "more-than":
        return Interval(value, math.inf, low_inclusive=False)
    if hedge == "just-over":
        return Interval(
            value, value + _one_sided_width(value, hedges, percent), low_inclusive=False
        )
    if hedge == "at-least":
        return Interval(value, math.inf)
    if hedge == "less-than":
        return Interval(floor, value, high_inclusive=False)
    if hedge == "at-most":
        return Interval(floor, value)
    if hedge == "nearly":
        low = value - _one_sided_width(value, hedges, percent)
        return Interval(max(low, floor) if percent else low, value, high_inclusive=False)
    if hedge == "about":
        half = about_half_width(value, hedges, percent)
        return Interval(max(value - half, floor) if percent else value - half, value + half)
    return Interval.point(value)


def describe_hedges(hedges: Hedges) -> str:
    """The widths in words, for `explain`: "'about' within 2%-5% of the figure, by its
    rounding step; 'nearly' 5% below; percents 1-3 points; 'dozens' [20, 99]"."""
    low, high = hedges.points
    parts = [
        f"'about' within {hedges.narrowest:.0%}-{hedges.delta:.0%} of the figure, by its "
        f"rounding step",
        f"'nearly' {hedges.delta:.0%} below",
        f"percents {low:g}-{high:g} points",
    ]
    parts += [f"'{name}' [{lo:g}, {hi:g}]" for name, lo, hi in hedges.vague]
    return "; ".join(parts)
