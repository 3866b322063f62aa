"""Two numbers that make one range: "between 30 and 40", "1000-5000", "from 200 to 300",
"8- to 16-meter", "between $10 and $20", "from 6 to 7 p.m."; never a change between two
figures ("rose from 30 to 40", "from 41 to 31")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from checker.extract.numbers import Mention, clock_minutes

__all__ = ["Range", "join_range"]


@dataclass(frozen=True, slots=True)
class Range:
    """A range's text span (its opener included) and bounds, as the numbers are written."""

    start: int
    low: float
    high: float
    end: int
    hint: str  # "time" for a range of clock times


_MAX_JOINT: Final = 16  # " mg through $": the longest text between a range's two numbers
_RANGE_JOIN: Final = re.compile(
    r"""^(?:\s*(?P<unit>%|°\s?[CF]|[A-Za-z]{1,3}))?   # "44 mg to 50 mg", "20% to 30%"
        \s*-?\s*(?:-|–|—|to|through|and|or)\s*-?\s*  # "8- to 16-meter", "100-to-300", "10 or 20"
        [$€£]?$                                        # "between $10 and $20"
    """,
    re.IGNORECASE | re.VERBOSE,
)
_RANGE_OPEN: Final = re.compile(r"\b(?:between|from)\s+(?:the\s+)?[$€£]?$", re.IGNORECASE)
# "rose from 30 to 40", "has also dropped, from 41 to 31", "revise the toll from 115 to at
# least 97": a change between two figures, not a range
_CHANGE_FROM: Final = re.compile(
    r"\b(?:rose|rising|risen|fell|fallen|falling|increased|increasing|decreased|decreasing|"
    r"grew|grown|dropped|climbed|jumped|declined|went|up|down|raised|cut|reduced|revised?|"
    r"revising|lowered|changed|moved|shifted)"
    r"(?:\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?)?\s*,?\s+from\s+$",
    re.IGNORECASE,
)
_AMPM: Final = re.compile(r"([ap])\.?m\b\.?", re.IGNORECASE)


def join_range(text: str, mention: Mention, nxt: Mention, s_start: int, s_end: int) -> Range | None:
    """The range `mention` and the next mention `nxt` make, or None."""
    start, end = mention.start, mention.end
    if nxt.start - end > _MAX_JOINT or mention.vague is not None or nxt.vague is not None:
        return None
    if nxt.start >= s_end:
        return None
    low_value, high_value = mention.value, nxt.value
    hint = ""
    if nxt.hint == "time":
        # "from 6 to 7 p.m.": the first clock takes the second's half of the day
        low_time = _clock(text, mention, nxt)
        if low_time is None:
            return None
        low_value, hint = low_time, "time"
    elif mention.hint or nxt.hint:
        return None
    joint = text[end : nxt.start]
    opener = _RANGE_OPEN.search(text[max(s_start, start - 12) : start])
    join = _RANGE_JOIN.match(joint)
    if (
        join is None
        or not _same_unit_after(text, join.group("unit"), nxt.end)
        or (" and" in joint.lower() and not opener)
        or _CHANGE_FROM.search(text[max(s_start, start - 48) : start])
        or (opener and low_value > high_value >= 0)  # "from 41 to 31": a fall
    ):
        return None
    if high_value >= 1000 and low_value * 1000 <= high_value:
        scale_word = re.search(
            r"(thousand|million|billion|[kKMbB]|bn|mn)$", text[nxt.start : nxt.end]
        )
        if scale_word and low_value < 1000:
            # "2 to 3 million", "two to three thousand": the scale is both ends'
            low_value *= high_value / _unscaled(text[nxt.start : nxt.end], high_value)
    if low_value > high_value and opener:
        # "from -18 °C to -34 °C": a range written high to low is the same range
        low_value, high_value = high_value, low_value
    if low_value > high_value:
        return None
    if opener:
        start -= len(text[max(s_start, start - 12) : start]) - opener.start()
    return Range(start, low_value, high_value, nxt.end, hint)


def _clock(text: str, mention: Mention, nxt: Mention) -> float | None:
    """The first clock time of a range of clock times, in minutes after midnight."""
    if mention.hint == "time":
        return mention.value
    raw = text[mention.start : mention.end]
    half = _AMPM.search(text, nxt.start, nxt.end)
    if mention.hint or half is None or not raw.isdigit() or not 1 <= mention.value <= 12:
        return None
    return clock_minutes(f"{raw} {half.group(1)}m")


def _same_unit_after(text: str, unit: str | None, pos: int) -> bool:
    """A unit inside a range's joint ("44 mg to 50 mg") must follow the second number too."""
    if unit is None:
        return True
    return text[pos : pos + len(unit) + 2].lstrip().lower().startswith(unit.lower())


def _unscaled(token: str, value: float) -> float:
    """The number before a scale word: '20k' -> 20, '2 million' -> 2, 'three thousand' -> 3."""
    digits = re.match(r"[\d,.]+", token)
    if digits is None:
        scale = re.search(r"\s*(thousand|million|billion)$", token, re.IGNORECASE)
        size = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
        return value / size[scale.group(1).lower()] if scale else value
    try:
        return float(digits.group().replace(",", "")) or value
    except ValueError:
        return value
