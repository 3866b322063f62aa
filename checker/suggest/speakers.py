"""Speakers -> proposed `origins` groups: the names one body goes by across the corpus.

The checker already joins one person's names ("Hagari", "Rear Adm. Daniel Hagari") and an
acronym with its body ("PDC", "Pacific Disaster Center (PDC)") at run time. What it leaves
to the rules is one organisation written several ways: "health ministry", "Gaza's health
ministry", "Palestinian health ministry", "Gaza's Ministry of Health". Two speakers are one
body when every word of the shorter (two words or more, one of them not a generic word such
as "officials") is in the longer, in any order; groups chain through shared members.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Final

from checker.extract.lexicon import FUNCTION_WORDS, ORGANISATION_NOUNS, PERSON_NOUNS
from checker.extract.units import singular
from checker.model import OriginGroup
from checker.origins import group_patterns, name_groups
from checker.suggest.unions import Unions

_WORD: Final = re.compile(r"[A-Za-z][A-Za-z-]*(?:['’]s)?")
GENERIC: Final = ORGANISATION_NOUNS | PERSON_NOUNS


def _words(speaker: str) -> frozenset[str]:
    """The words that name a speaker: no function words or possessives, singular, lower
    case; "US" and "UK" keep their letters though "us" is a pronoun."""
    out = set()
    for raw in _WORD.findall(speaker):
        word = re.sub(r"['’]s$", "", raw)
        if word.lower() in FUNCTION_WORDS and not word.isupper():
            continue
        for part in word.split("-"):
            if part:
                out.add(singular(part))
    return frozenset(out)


def _telling(words: frozenset[str]) -> bool:
    return len(words) >= 2 and any(w not in GENERIC for w in words)


def propose_groups(
    speakers: Iterable[str], taken: Iterable[OriginGroup] = ()
) -> tuple[OriginGroup, ...]:
    """Origin groups for organisations the corpus names several ways (see the module
    docstring); speakers already in a group of `taken` are left to it, and names the
    checker joins by itself (a person's names, an acronym) are not proposed again."""
    counted = Counter(s for s in speakers if s)
    patterns = group_patterns(tuple(taken))
    names = name_groups(counted.elements())
    free = sorted(
        s
        for s in counted
        if " and " not in s  # "Hamas and the health ministry" is two speakers
        and not any(p.search(s) for p in patterns.values())
    )
    words = {s: _words(s) for s in free}
    unions = Unions(free)
    for short in free:
        if not _telling(words[short]):
            continue
        for long in free:
            if long != short and words[short] <= words[long]:
                unions.join(long, short)
    out = []
    for group in unions.sets():
        if len({names.get(s, s) for s in group}) < 2:
            continue  # one speaker, or names the checker already takes for one
        name = min(group, key=lambda s: (-counted[s], len(s), s))
        out.append(OriginGroup(name, tuple(sorted(group))))
    return tuple(sorted(out, key=lambda g: g.name))
