"""What a figure's sentence says about it as a statement: whether it is asserted, projected or
denied; whether it is the current figure or an earlier one quoted again; whether it is a
stated revision; and the dates the sentence gives.

    "did not exceed 40", "rather than 200 or even 500"      -> negated
    "could reach 9,000", "as many as 9,000 may have died"   -> projection
    "up from 61", "the previous toll of 2,700", "had earlier said 25", "At first, 2,000 …"
                                                            -> earlier
    "revised the toll downwards, to at least 97", "brought its toll down to 471"
                                                            -> revision
    "On Sunday, the mayor said 850 …" (published Tuesday)   -> stated on that Sunday

Each test reads a few words on either side of the figure, inside its clause; none of them
changes the figure's value or interval (``hedges`` does that).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

MONTH_NUMBERS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        [
            "january jan", "february feb", "march mar", "april apr", "may", "june jun",
            "july jul", "august aug", "september sep sept", "october oct", "november nov",
            "december dec",
        ],
        start=1,
    )
    for name in names.split()
}  # fmt: skip
WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# The clause a figure stands in ends at these: "…killed 40, but the army said 12" is two.
_CLAUSE_BREAK: Final = re.compile(r"[;:()“”\"]|,\s+(?:but|while|whereas|although|though)\b|\bbut\b")
_NEGATION_BEFORE: Final = re.compile(
    r"""\b(?:not|never|no\s+longer|n[o']t|neither|nor|rather\s+than|instead\s+of|far\s+from
        |denied|denies|deny|denying|rejected|rejects|disputed|disputes|no\s+evidence)\b
        (?:\s+(?!but\b)[\w'’-]+){0,5}?\s*(?:,\s*)?$""",
    re.IGNORECASE | re.VERBOSE,
)
# "not more than 40", "no fewer than 6" are bounds, read as hedges; not a denial
_HEDGE_NEGATION: Final = re.compile(
    r"\b(?:not|no)\s+(?:more|less|fewer|greater|lower|higher|over|under|above|below)\s+than\s*$",
    re.IGNORECASE,
)
_PROJECTION_BEFORE: Final = re.compile(
    r"""\b(?:could|might|may|would|will|shall|should|'ll
        |(?:is|are|was|were)\s+(?:expected|likely|set|projected|forecast|predicted|poised|due)\s+to
        |expected\s+to|likely\s+to|projected\s+to|forecast\s+to|predicted\s+to
        |forecasts?|forecasted|predicts?|predicted|projects?|projected|expects?|expected
        |anticipates?|anticipated|estimates\s+that\s+\w+\s+could)\b
        (?:\s+(?!but\b)[\w'’-]+){0,5}?\s*(?<!\bat\s)$""",
    re.IGNORECASE | re.VERBOSE,
)
# "The company will notify 1.9 million customers", "will cut 3,500 jobs": a plain future of
# an action on things that are there is a plan stated now, not a projected value; "will
# reach 9,000", "would rise to", "will likely exceed", "will be" project one
_PLANNED: Final = re.compile(
    r"""(?:will|'ll|’ll|shall)\s+(?:also\s+|now\s+|soon\s+|then\s+|immediately\s+)?
        (?!(?:likely|probably|possibly|perhaps|be|reach|rise|climb|grow|increase|exceed|top|hit
           |surpass|pass|double|triple|fall|drop|decline|total|number|near|approach|go|come
           |hover|stay|remain|peak|jump|soar|swell|balloon|mount|edge|end|amount|run|cost)\w*\b)
        [a-z]+\s+(?:(?:the|a|an|some|about|around|nearly|almost|roughly|up\s+to|more\s+than
           |at\s+least|another|all|its|their)\s+)*$""",
    re.IGNORECASE | re.VERBOSE,
)
# "as many as 9,000 may have died", "10 more could be found": a modal on the figure's verb
_PROJECTION_AFTER: Final = re.compile(
    r"^[^,.;:]{0,40}?\b(?:may|might|could)\s+(?:have\s+|be\s+|yet\s+|still\s+|well\s+)?\w+",
    re.IGNORECASE,
)
_EARLIER_BEFORE: Final = re.compile(
    r"""(?:\b(?:up|down)\s+from\s+(?:the\s+)?(?:\w+\s+){0,4}?$    # "down from earlier estimates of"
        |(?:\b(?:the|an?|its|their|his|her|our)|[\w-]+(?:'s|’s))\s+(?:previous|earlier|initial|original|prior
           |old|first|former)\s+(?:[\w'’-]+\s+){0,3}?(?:of|at|was|were|stood\s+at
           |had\s+been)\s+(?:about\s+)?["“‘]?$
        |\b(?:earlier|previous|prior|original|first)\s+(?:version|draft|edition)\s+of\s+
           (?:this|the|our)\s+(?:[\w-]+\s+)?(?:article|story|report|piece|post)\s+
           (?:\w+\s+)?(?:said|stated|reported|gave|put|misstated|misreported|listed|had|showed)
           \b[^.;,]*$
                                            # "An earlier version of this article said 40"
        |\b(?:wrongly|incorrectly|mistakenly|erroneously|previously)\s+(?:said|reported|stated
           |gave|put|listed|had)\b(?:\s+[\w'’-]+){0,6}?\s*$   # "incorrectly reported 40"
        |^\s*(?:at\s+(?:the\s+)?(?:first|start|outset|beginning)|initially|originally|at\s+first
           |early\s+on|in\s+the\s+first\s+(?:days|hours|weeks))\b[^.;]*$)""",
    re.IGNORECASE | re.VERBOSE,
)
# "Officials had earlier said 115", "the toll had stood at 89": a past perfect tells of an
# earlier statement, unless it is reported speech shifted back ("Hagari said the army had
# counted about 450": his current figure); an explicit "earlier" decides either way.
_PAST_PERFECT: Final = re.compile(
    r"""\bhad\s+(?P<adverbs>(?:[\w'’]+\s+){0,4}?)(?:said|put|reported|estimated|given|counted
        |recorded|stood\s+at|been|grown\s+to|risen\s+to|fallen\s+to|climbed\s+to|reached
        |dropped\s+to|totalled|totaled|numbered)\b
        (?:\s+(?!until\b|before\b|when\b|but\b)[A-Za-z'’-]+){0,6}?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_EXPLICITLY_EARLIER: Final = re.compile(
    r"\b(?:earlier|previously|initially|originally|first|once|before)\b", re.IGNORECASE
)
_REPORTED: Final = re.compile(
    r"""\b(?:said|says|say|told|tells|reported|reports|announced|stated|confirmed|added
        |estimated|warned|noted|explained|claimed|believes|believed|insisted)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_EARLIER_AFTER: Final = re.compile(
    r"""^\s*(?:[\w'’-]+\s+){0,3}?(?:previously|earlier|initially|originally|first|before)\s+
        (?:reported|given|announced|stated|said|estimated|published|cited|quoted|put)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_FROM_BEFORE: Final = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_TO_AFTER: Final = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,2}?to\s+(?:[$€£]|\d|about|at|some|nearly|around)", re.IGNORECASE
)
# "revised the number down to 41 from 66", "rose to 93 from 87": the figure it moved from
_TO_THEN_FROM: Final = re.compile(
    r"\bto\s+(?:[$€£]|\d|about|some|nearly|around|at\s+least)[^,;]*?\bfrom\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "rather than the 8,400 previously reported", "instead of the earlier 25"
_INSTEAD_OF_EARLIER: Final = re.compile(
    r"\b(?:rather\s+than|instead\s+of)\s+(?:the\s+|an?\s+)?(?:\w+\s+)?$", re.IGNORECASE
)
_REVISION_BEFORE: Final = re.compile(
    r"""\b(?:revised|revises|revising|revise|lowered|lowers|lowering|corrected|corrects
        |correcting|downgraded|downgrades|reduced|reduces|adjusted|adjusts|brought|brings
        |scaled\s+back|marked\s+down|cut|cuts)\b
        (?:\s+[\w'’-]+){0,8}?\s*,?\s+(?:down(?:wards?)?\s*,?\s*)?(?:to|at)\s+$""",
    re.IGNORECASE | re.VERBOSE,
)
# "has gone up to 187", "rose to 80", "fell to 40": a change that reached the figure
CHANGE_TO: Final = re.compile(
    r"""\b(?:gone|went|go|goes|going|moved|shot|crept|edged|risen|rose|rise|rises|rising
        |climbed|climbs|climbing|jumped|jumps|soared|surged|increased|increases|grew|grown
        |fallen|fell|falls|dropped|drops|declined|decreased|sank|slipped|plunged|dipped)\s+$""",
    re.IGNORECASE | re.VERBOSE,
)
_DATE_WORDS: Final = (
    r"(?:(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?(?:\s*\((?P<inner>[^)]*)\))?"
    r"|(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(?P<d1>\d{1,2})"
    r"(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{4}))?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?:,?\s+(?P<y2>\d{4}))?)"
)
# A date the statement is dated by: "On Sunday, …", "By midday on Wednesday, …", "as of
# Sunday", "… said on Friday that …" (not "the Aug. 8 fire", which dates the event).
_STATED_AT_START: Final = re.compile(
    rf"^\s*(?:(?:late|early)\s+)?(?:on|by|as\s+of|since|until|till)\s+(?:(?:midday|noon|the\s+night)\s+on\s+)?{_DATE_WORDS}",
    re.IGNORECASE,
)
_STATED_AFTER_VERB: Final = re.compile(
    rf"""\b(?:said|says|told|announced|confirmed|reported|estimated|stated|added|posted
        |wrote|tweeted|updated|revised|put|counted|identified|named)\b(?:\s+\w+){{0,3}}?\s+
        (?:on|late\s+on|early\s+on)\s+{_DATE_WORDS}""",
    re.IGNORECASE | re.VERBOSE,
)
_AS_OF: Final = re.compile(rf"\bas\s+of\s+{_DATE_WORDS}", re.IGNORECASE)
_ANY_DATE: Final = re.compile(rf"\b{_DATE_WORDS}\b", re.IGNORECASE)
_WINDOW: Final = 90  # characters read on either side of a figure
# What every date of _DATE_WORDS names: a month's first letters or a weekday.
_DATE_NAMES: Final = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
# One search for any of them, in place of one substring test per name.
_DATE_NAME: Final = re.compile("|".join(map(re.escape, _DATE_NAMES)))
# The words without one of which each pattern before a figure cannot match.
_WORD: Final = re.compile(r"[a-z']+")
_NEGATION_WORDS: Final = frozenset(
    """not never no neither nor rather instead far denied denies deny denying rejected
    rejects disputed disputes""".split()
)
_PROJECTION_WORDS: Final = frozenset(
    """could might may would will shall should 'll expected likely set projected forecast
    predicted poised due forecasts forecasted predicts projects expects anticipates
    anticipated estimates expect predict project anticipate""".split()
)
_EARLIER_WORDS: Final = frozenset(
    """up down previous earlier initial original prior old first former initially
    originally early start outset beginning wrongly incorrectly mistakenly erroneously
    previously""".split()
)
_REVISION_WORDS: Final = frozenset(
    """revised revises revising revise lowered lowers lowering corrected corrects correcting
    downgraded downgrades reduced reduces adjusted adjusts brought brings scaled marked cut
    cuts""".split()
)


@dataclass(frozen=True, slots=True)
class Statement:
    """How a sentence states one figure."""

    modality: str = "count"  # count, projection or negated
    earlier: bool = False  # an earlier figure quoted again ("up from 61")
    revision: bool = False  # a stated revision ("revised down to 97")
    stated: str = ""  # ISO date of the statement when the sentence gives one
    dated: str = ""  # other dates the sentence names (ISO, comma-separated): the event's


def _clause_before(sentence: str, start: int) -> str:
    """The words before the figure back to where its clause begins."""
    window = sentence[max(0, start - _WINDOW) : start]
    # a quote opening on the figure quotes the figure, not a clause: 'spoke of "200 to 300"'
    opening = len(window) - 1 if window[-1:] in ('"', "“") else len(window)
    breaks = list(_CLAUSE_BREAK.finditer(window, 0, opening))
    return window[breaks[-1].end() :] if breaks else window


def _clause_after(sentence: str, end: int) -> str:
    window = sentence[end : end + _WINDOW]
    found = _CLAUSE_BREAK.search(window)
    return window[: found.start()] if found else window


def read_statement(
    sentence: str, start: int, end: int, published: str = "", reported: bool = True
) -> Statement:
    """The statement sentence[start:end] (the figure, hedge included) is part of.

    `reported`: the sentence names who states it, so a date at its start dates the
    statement ("On Saturday, the county put the toll at 93"); without one it dates the event
    ("On 2 May, 80,000 marched")."""
    before = _clause_before(sentence, start)
    after = _clause_after(sentence, end)
    # each pattern before the figure needs one of its words there: most clauses have none
    words = set(_WORD.findall(before.lower()))
    modality = "count"
    earlier = bool(
        (words & _EARLIER_WORDS and _EARLIER_BEFORE.search(before))
        or _EARLIER_AFTER.match(after)
        or (
            "from" in words
            and _FROM_BEFORE.search(before)
            and (_TO_AFTER.match(after) or _TO_THEN_FROM.search(before))
        )
        or ("had" in words and _past_perfect(before))
    )
    negated = (words & _NEGATION_WORDS or "n't" in before or "n’t" in before) and (
        _NEGATION_BEFORE.search(before) and not _HEDGE_NEGATION.search(before)
    )
    if negated and earlier and _INSTEAD_OF_EARLIER.search(before):
        negated = False  # "rather than the 19 previously reported": an earlier statement's
    if negated:
        modality = "negated"
    elif (
        words & _PROJECTION_WORDS
        and (projected := _PROJECTION_BEFORE.search(before))
        and not _PLANNED.match(projected.group())
    ) or _PROJECTION_AFTER.match(after):
        modality = "projection"
    revision = bool(words & _REVISION_WORDS and _REVISION_BEFORE.search(before)) and not earlier
    stated, dated = sentence_dates(sentence, published, reported)
    if earlier:
        stated = _days_before(after, stated or published) or stated
    return Statement(modality, earlier, revision, stated, dated)


# "up from 23 a day earlier", "the 61 of two days before", "on the previous day"
_BEFORE_BY: Final = re.compile(
    r"""\s*(?:(?P<n>an?|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit>days?|weeks?)
        \s+(?:earlier|before|previously)
        |(?:on\s+)?the\s+(?:(?P<unit2>day|week)\s+before|previous\s+(?P<unit3>day|week)))\b""",
    re.IGNORECASE | re.VERBOSE,
)
_SMALL: Final = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7}  # fmt: skip


def _days_before(after: str, base: str) -> str:
    """The date an earlier figure's 'a day earlier' names, counted back from `base` (ISO), or
    '' when the text after the figure names none."""
    found = _BEFORE_BY.match(after)
    if found is None:
        return ""
    try:
        day = dt.date.fromisoformat(base[:10])
    except ValueError:
        return ""
    n = found.group("n")
    count = (_SMALL.get(n.lower()) or int(n)) if n else 1
    unit = (found.group("unit") or found.group("unit2") or found.group("unit3")).lower()
    days = count * (7 if unit.startswith("week") else 1)
    return (day - dt.timedelta(days=days)).isoformat()


def _past_perfect(before: str) -> bool:
    """Whether the figure is told in the past perfect of an earlier statement."""
    found = _PAST_PERFECT.search(before)
    if found is None:
        return False
    if _EXPLICITLY_EARLIER.search(found.group("adverbs")):
        return True
    return _REPORTED.search(before, 0, found.start()) is None


@lru_cache(maxsize=4_096)  # pure, and asked once per figure of the same sentence
def sentence_dates(sentence: str, published: str, reported: bool = True) -> tuple[str, str]:
    """(the statement's date, the other dates named) of a sentence, as ISO dates, read
    against the publication date (its year, and the week before it for weekdays)."""
    lower = sentence.lower()
    if _DATE_NAME.search(lower) is None:
        return "", ""  # no month or weekday named: most sentences
    base = _parse_iso(published)
    stated = ""
    patterns = (_STATED_AT_START, _STATED_AFTER_VERB, _AS_OF) if reported else (_AS_OF,)
    for pattern in patterns:
        match = pattern.search(sentence)
        if match is not None:
            stated = _resolve(match, base)
            if stated:
                break
    others = []
    for match in _ANY_DATE.finditer(sentence):
        if match.group("weekday"):
            continue  # a weekday dates a statement, not an event
        iso = _resolve(match, base)
        if iso and iso != stated and iso not in others:
            others.append(iso)
    return stated, ",".join(others)


def _parse_iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _resolve(match: re.Match[str], base: dt.date | None) -> str:
    """A matched date as ISO: a weekday is the last one on or before the publication date; a
    day and month without a year take the publication's year (the one before, when that
    would put it after publication)."""
    weekday = match.group("weekday")
    if weekday:
        inner = match.group("inner")
        if inner:
            found = _ANY_DATE.search(inner)
            if found is not None and not found.group("weekday"):
                return _resolve(found, base)
        if base is None:
            return ""
        back = (base.weekday() - WEEKDAYS.index(weekday.lower())) % 7
        return (base - dt.timedelta(days=back)).isoformat()
    month_name = (match.group("m1") or match.group("m2") or "").lower()
    day = match.group("d1") or match.group("d2")
    year = match.group("y1") or match.group("y2")
    month = MONTH_NUMBERS.get(month_name[:4].rstrip(".")) or MONTH_NUMBERS.get(month_name[:3])
    if month is None or day is None:
        return ""
    if year is None and base is None:
        return ""
    try:
        date = dt.date(int(year) if year else base.year, month, int(day))  # type: ignore[union-attr]
    except ValueError:
        return ""
    if year is None and base is not None and date > base:
        try:
            date = date.replace(year=base.year - 1)
        except ValueError:
            return ""
    return date.isoformat()
