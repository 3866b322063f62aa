"""A sentence -> who stated its figures: "according to the Pentagon", "Hagari said", "said X".

The speaker of a quote wins over a cited document ("…,” said Gallant, according to a readout),
an unattributed sentence inside a quoted paragraph takes the paragraph's speaker, and a
pronoun speaker ("…, he said") stands for the speaker an earlier sentence names.
"""

from __future__ import annotations

import re
from typing import Final

# Verbs that introduce a speaker placed before them: 'Hagari revealed that …'. Words that are
# also common nouns ('states', 'reports', 'notes') are left out: "many Arab states."
SPEECH_VERBS: Final = (
    "said|says|say|told|tells|claimed|claims|claim|noted|revealed|reveals|reported"
    "|announced|announces|estimated|estimates|stated|added|adds|confirmed|confirms"
    "|wrote|writes|tweeted|posted|insisted|insists|asserted|asserts|acknowledged|acknowledges"
    "|admitted|admits|explained|explains|warned|warns|declared|declares"
    "|put the (?:toll|number|figure) at"
)
# After a quote the verb may also be one that only ever introduces speech: '…,” continued X'.
QUOTE_VERBS: Final = SPEECH_VERBS + "|continued|concluded|added|wrote|asked"
_PRONOUNS: Final = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "this", "that", "there", "who", "which"]
)
# Where each speaker pattern starts: after a quote or comma for a verb before its speaker
# ('…,” said Gallant'), at a clause start for a speaker before its verb ('…, Hagari said').
# _PRONOUN_SPEAKER starts at the same places, so a name and a pronoun are found alike.
_VERB_FIRST: Final = rf"""[,”"’]\s*(?:{QUOTE_VERBS})\s+"""
_CLAUSE_START: Final = r"""(?:^|[,;:”“"(]\s*|\bthat\s+)"""
_VERB_AFTER: Final = rf"""\s+(?:has\s+|have\s+|had\s+)?(?:{SPEECH_VERBS})\b"""
# '…,” said Gallant' or '…,” continued the defense minister': speaker after the verb.
_INVERTED: Final = re.compile(
    _VERB_FIRST
    + r"""
        (?P<who>(?:the\s+)?[A-Za-z][\w.'’-]*(?:\s+(?!according\b)[A-Za-z][\w.'’-]*){0,6}?)
        \s*(?=[,.;:]|$)""",
    re.VERBOSE,
)
# 'Hagari revealed that …', 'Israel claims its …', 'a senior official said': speaker before.
_SUBJECT: Final = re.compile(
    _CLAUSE_START
    + r"""(?P<who>(?:[A-Z]|(?:a|an|the)\s)[\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,9}?
               |[a-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}?)  # "…, officials in Kyiv said"
        """
    + _VERB_AFTER,
    re.VERBOSE,
)
_ACCORDING: Final = re.compile(
    r"\baccording\s+to\s+(?P<who>[^,.;:()“”\"]+?)\s*(?=[,.;:()“”\"]|$)", re.IGNORECASE
)
_CLAUSE_WORDS: Final = frozenset(
    ["and", "but", "as", "while", "when", "after", "before", "because", "if"]
)


# "Iran fired 120 missiles, he said.", "It estimated that…", "…,” she said.": the speaker is a
# pronoun in the places _SUBJECT and _INVERTED look for a name
_PRONOUN_SPEAKER: Final = re.compile(
    rf"""{_CLAUSE_START}(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey){_VERB_AFTER}
      |{_VERB_FIRST}(?:he|she|they)\s*(?=[,.;:]|$)""",
    re.VERBOSE,
)


def pronoun_speaker(sentence: str) -> bool:
    """Whether the sentence's speaker is a pronoun: "Iran fired 120 missiles, he said."."""
    return _PRONOUN_SPEAKER.search(sentence) is not None


def clean_origin(who: str) -> str:
    """'the Pentagon' -> 'Pentagon'; whitespace collapsed; '' for a bare pronoun."""
    words = who.split()
    while words and words[0].lower() in ("the", "and", "but", "as"):
        words = words[1:]
    text = " ".join(words).strip(" ,.'’\"“”")
    if text.lower() in _PRONOUNS or not text:
        return ""
    return text


def attribution(sentence: str) -> str:
    """The origin a sentence names for what it states, or '' when it names none."""
    inverted = _INVERTED.search(sentence)
    if inverted:
        who = clean_origin(inverted.group("who"))
        if who:
            return who
    for match in _SUBJECT.finditer(sentence):
        words = match.group("who").split()
        # keep only the noun phrase just before the verb: 'X took out 80 drones, and Y said'
        for i in range(len(words) - 1, -1, -1):
            if words[i].lower() in _CLAUSE_WORDS:
                words = words[i + 1 :]
                break
        who = clean_origin(" ".join(words))
        if who:
            return who
    according = _ACCORDING.search(sentence)
    if according:
        return clean_origin(according.group("who"))
    return ""


def in_quote(paragraph: str, offset: int) -> bool:
    """Whether `offset` lies between an opening and a closing quotation mark."""
    before = paragraph[:offset]
    opened = before.count("“") - before.count("”")
    return opened > 0 or (before.count('"') % 2 == 1)
