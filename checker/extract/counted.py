"""A count whose noun the sentence names elsewhere than after the figure, or a number that
is no count at all.

"The death toll rose to 120", "the number of people killed reached 40", "more than 40 of
them": the counted thing stands before the figure. "A magnitude 7.8 earthquake", "1.5
children per woman": the number is a measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from checker.extract.numbers import Mention
from checker.extract.units import (
    SCALE_NAMES,
    STATE_WORDS,
    STOP,
    Description,
    is_plural,
    noun_phrase,
    singular,
)
from checker.model import Kind

__all__ = ["Previous", "count_or_measure", "restates"]


@dataclass(frozen=True, slots=True)
class Previous:
    """The figure before this one in its sentence: where it ends and what it counts."""

    sentence: int
    end: int
    noun: str
    head: str
    unit: str


# A figure that restates the one before it, more or less surely: "a few dozen deaths,
# probably between 10 and 50", "about five kilograms of explosives, and certainly less than
# 10 kilograms", "some 300 people (perhaps 350)". Between the two: the first one's noun or
# "of" phrase, a comma, dash or parenthesis, a conjunction and adverbs of likelihood.
_RESTATED: Final = re.compile(
    r"""^(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?        # of explosives
        \s*(?:,|\(|—|–|\s-\s|--)\s*(?:(?:and|or|but)\s+)?
        (?:(?:probably|possibly|perhaps|maybe|likely|certainly|surely|definitely|even
           |most\s+likely|more\s+likely|almost\s+certainly|roughly|approximately)\s+){1,2}$""",
    re.IGNORECASE | re.VERBOSE,
)


def restates(joint: str, noun: str = "") -> bool:
    """Whether the text `joint` between two figures (the first's counted `noun` included)
    makes the second a restatement of the first."""
    stripped = joint.lstrip()
    if noun and stripped.lower().startswith(noun.lower()):
        joint = stripped[len(noun) :]
    return _RESTATED.match(joint) is not None


def elides(joint: str, after: str, noun: str) -> bool:
    """Whether a figure with no noun of its own, after `joint` (the text from the figure
    before it, which counts `noun` written after it) and before `after`, is a count of the
    same things: "Twelve people died and at least 45 were hurt", "40 homes burned, and 12
    were damaged", "28,412 runners started, and 26,907 finished". It opens a clause of its
    own and is that clause's subject; a noun read from before the first figure ("The toll is
    40 and 2 are missing") is not passed on."""
    return (
        bool(noun)
        and joint.lstrip().lower().startswith(noun.lower())
        and _ELIDED_JOINT.search(joint) is not None
        and _SUBJECT_OF.match(after) is not None
    )


# no figure between (an ordinal is none: "the 45th marathon today, and 26,907 finished")
_ELIDED_JOINT: Final = re.compile(
    r"^(?:[^\d;:()]|\d+(?:st|nd|rd|th)\b)*?(?:,\s*|\s)(?:and|but|while|whereas)\s+$", re.I
)
_SUBJECT_OF: Final = re.compile(
    r"\s+(?:(?:more|others?)\s+)?(?:were|was|are|is|had|have|has|remain|remained|remains|still"
    r"|[a-z]{2,}ed(?!\s+by))\b",  # "and 26,907 finished", but not "and 12 injured by"
    re.IGNORECASE,
)
# "a magnitude 7.8 earthquake", "level 4 alert": the word before names a scale, not a count
_SCALE_NAME_BEFORE: Final = re.compile(
    r"\b(?P<name>" + "|".join(SCALE_NAMES) + r")\s+$", re.IGNORECASE
)
# "The death toll rose to 120", "the number of displaced reached 1.2 million": the counted
# thing stands before the figure, so the noun after it is empty
_COUNTED_BEFORE: Final = re.compile(
    r"""\b(?:(?P<toll>death|casualty|injury|fatality)\s+)?toll\b     # death toll, toll
      |\b(?:number|count|tally|total)\s+of\s+(?:the\s+)?
        (?P<of>[a-z]+(?:\s+[a-z]+)?)                                 # number of displaced people
      |\bnumber\s+(?:(?:still|now|officially|currently)\s+)?(?P<state>missing|dead|injured
        |wounded|displaced|homeless|evacuated|detained|unaccounted\s+for)\b  # number still missing
    """,
    re.IGNORECASE | re.VERBOSE,
)
# "…312 runners, of whom 41 were transferred": the noun is the plural before "of whom"
_OF_WHOM: Final = re.compile(r",\s*(?:of|among)\s+(?:whom|which|them)\s+$", re.IGNORECASE)
# "more than 40 of them", "three others": the noun is one the sentence named before
_PRONOUN_NOUN: Final = re.compile(r"\s+(?:of\s+(?:them|those|these)\b|others?\b)", re.IGNORECASE)
_PLURAL_WORD: Final = re.compile(r"[A-Za-z][a-z'’-]*")
# a sentence that opens on what the figure after its comma is a part of
_PARTITIVE_OPENER: Final = re.compile(
    r"\W*Of\s+(?:the|these|those|its|their|all)\s+(?P<clause>(?:[^,;:]|(?<=\d),(?=\d))*?),\s*$",
    re.IGNORECASE,
)
_NOUN_AT: Final = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our)\s+(?:[a-z]+\s+)?(?P<noun>[a-z]{3,})\s+(?:at|of)\s+(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)
# "Deaths rose to", "Measles cases now stand at", "Arrests have climbed to": a plural subject
# and a verb of change or state that the figure completes
_SUBJECT_BEFORE: Final = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?:(?P<modifier>[A-Za-z][\w-]*)\s+)?(?P<noun>[A-Za-z][a-z-]*s)\s+"
    r"(?:(?:have|has|had|now|since|already|reportedly|officially)\s+){0,2}"
    r"(?:rose|risen|rise|climbed|climb|jumped|grew|grown|increased|fell|fallen|dropped|declined"
    r"|reached|stand|stood|stands|totalled|totaled|total|numbered|number|hit|topped)\s+"
    r"(?:to\s+|at\s+|past\s+)?(?:about\s+|around\s+|nearly\s+|some\s+|over\s+|more\s+than\s+)?$"
)
# words that name an amount of something, never the thing: "put the figure at 18,000"
_GENERIC_AMOUNTS: Final = frozenset(
    """figure figures number numbers total totals count counts tally estimate estimates sum
    amount level levels rate share proportion score result value peak maximum minimum
    average range upwards excess""".split()
)
# words that are no counted subject ("the numbers rose to 40")
_NO_SUBJECT: Final = STOP | _GENERIC_AMOUNTS
_STATE_AFTER: Final = re.compile(
    r"\s+(?:are|were|is|was|remain|remained|remains)\s+(?:still\s+|now\s+|reported\s+)?"
    r"(?P<state>" + "|".join(sorted(STATE_WORDS)) + r")\b",
    re.IGNORECASE,
)
_TOLL_NOUNS: Final = {"death": "deaths", "casualty": "casualties", "injury": "injuries",
                      "fatality": "fatalities"}  # fmt: skip


def count_or_measure(
    text: str,
    mention: Mention,
    description: Description,
    s_start: int,
    value: float,
    restated: Previous | None = None,
) -> tuple[Kind, Description]:
    """A count is a whole number of things; what looks like one may be a measure on a scale,
    or a count whose noun came before it ("the death toll rose to 120"), or the noun of the
    figure it restates (`restated`: "a few dozen deaths, probably between 10 and 50")."""
    before_start = max(s_start, mention.start - 120)
    before = text[before_start : mention.start]
    scale_name = _SCALE_NAME_BEFORE.search(before[-80:])
    if scale_name:
        name = scale_name.group("name").lower()
        return Kind.MEASURE, replace(description, unit=name, head=name)
    raw = text[mention.start : mention.end]
    if not float(value).is_integer() and raw.replace(".", "", 1).isdigit():
        # "7.8 earthquake", "1.5 children per woman": a fraction of a thing is no count;
        # "between 2.1 and 2.4 million people" is a count
        return Kind.MEASURE, description
    pronoun = _PRONOUN_NOUN.match(text, mention.end) or _OF_WHOM.search(before)
    if pronoun is not None and description.noun.lower() in ("", "others", "other"):
        # "Of the 300 people, more than 40 of them were children": the people of 300
        for word in reversed(_PLURAL_WORD.findall(before)):
            if is_plural(word) and word.lower() not in STOP | {"others", "them"}:
                return Kind.COUNT, replace(description, unit=word, noun=word, head=singular(word))
    if not any(is_plural(w) or w.lower() in STATE_WORDS for w in description.noun.split()):
        # "Of the 22 rockets fired, 18 were intercepted", "Of the 1,200 homes, 300 burned":
        # a part of what the opener counts (a verb after the figure counts nothing)
        opener = _PARTITIVE_OPENER.match(text, s_start, mention.start)
        if opener is not None:
            for word in _PLURAL_WORD.findall(opener.group("clause")):
                if is_plural(word) and word.lower() not in STOP:
                    return Kind.COUNT, replace(
                        description, unit=word, noun=word, head=singular(word)
                    )
    if not description.noun and restated is not None and restated.noun:
        return Kind.COUNT, replace(
            description, unit=restated.unit, noun=restated.noun, head=restated.head
        )
    if not description.noun:
        state = _STATE_AFTER.match(text, mention.end)
        if state is not None:
            # "The toll is 40 and 2 are missing": the state the figure is in, not the toll
            noun = state.group("state").lower()
            return Kind.COUNT, replace(description, unit=noun, noun=noun, head=noun)
        counted = None
        for match in _COUNTED_BEFORE.finditer(before):
            counted = match
        if counted is not None and counted.group("state"):
            noun = " ".join(counted.group("state").split())
            return Kind.COUNT, replace(description, unit=noun, noun=noun, head=noun)
        if counted is not None:
            if counted.group("of"):
                # "the count of damaged or destroyed structures", "number of people killed":
                # the noun phrase after "of", up to its last plural
                phrase = noun_phrase(text, before_start + counted.start("of"), mention.start)[0]
                words = counted.group("of").split()
                noun = phrase or " ".join(
                    words if len(words) == 2 and is_plural(words[1]) else words[:1]
                )
            else:
                noun = _TOLL_NOUNS[(counted.group("toll") or "death").lower()]
            head = singular(noun.split()[-1])
            return Kind.COUNT, replace(description, unit=noun, noun=noun, head=head)
        # "Deaths rose to 12", "Measles cases now stand at 158": the plural subject of a
        # verb of change or state just before the figure is what it counts
        subject = _SUBJECT_BEFORE.search(before)
        if subject is not None and is_plural(subject.group("noun")):
            words = [w for w in (subject.group("modifier"), subject.group("noun")) if w]
            if words[0].lower() in _NO_SUBJECT:
                words = words[1:]
            if words and words[-1].lower() not in _NO_SUBJECT:
                noun = " ".join(words)
                head = singular(words[-1].lower())
                return Kind.COUNT, replace(description, unit=noun, noun=noun, head=head)
        # "police put the crowd at 45,000", "organisers claimed a turnout of 180,000": the
        # thing counted is named just before, with 'at' or 'of'
        named = _NOUN_AT.search(before)
        if named is not None and named.group("noun").lower() not in _GENERIC_AMOUNTS:
            noun = named.group("noun").lower()
            return Kind.COUNT, replace(description, unit=noun, noun=noun, head=singular(noun))
    return Kind.COUNT, description
