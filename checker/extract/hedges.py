"""Hedge words around a number -> the interval the figure allows.

A hedge is looked up in the few words before the number ("more than 300") or just after it
("300+", "500 or more", "1,000 or so"); it is never an optional prefix inside the number scan.
"""

from __future__ import annotations

import math
import re
from typing import Final

from checker.extract.numbers import word_trie
from checker.model import Interval

DEFAULT_DELTA: Final = 0.1  # "about 300" allows 270-330 unless a rule says otherwise

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


def hedge_interval(
    value: float, hedge: str, delta: float = DEFAULT_DELTA, high: float | None = None
) -> Interval:
    """The interval a hedged figure allows, per DESIGN.md's table."""
    floor = 0.0 if value >= 0 else -math.inf
    if hedge in ("range", "vague") and high is not None:
        return Interval(value, high)
    if hedge == "more-than":
        return Interval(value, math.inf, low_inclusive=False)
    if hedge == "just-over":
        return Interval(value, value + abs(value) * delta, low_inclusive=False)
    if hedge == "at-least":
        return Interval(value, math.inf)
    if hedge == "less-than":
        return Interval(floor, value, high_inclusive=False)
    if hedge == "at-most":
        return Interval(floor, value)
    if hedge == "nearly":
        return Interval(value - abs(value) * delta, value, high_inclusive=False)
    if hedge == "about":
        return Interval(value - abs(value) * delta, value + abs(value) * delta)
    return Interval.point(value)
