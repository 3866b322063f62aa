"""A sentence -> who stated each of its figures: attribution cues with their speakers.

A *cue* is a piece of a sentence that names who stated something: "according to the
Pentagon", "Hagari said", "…,” said Gallant", "the police put the figure at", "by the UN's
count", "figures released by the ministry", "reported by health authorities". Each cue has a
*speaker*, normalised ("On Sunday night Mayor Ruth Kim" is "Mayor Ruth Kim"; "Col. Jane
Ortiz, the army spokesperson," is "Jane Ortiz", role "army spokesperson"; "a U.S. official"
is "US official"), and a direction: a cue after its figures covers them ("40,000, according
to the police"), a cue before covers what follows ("the police said 40,000"). So each figure
of "40,000 according to the police and 120,000 according to the organisers" has its own.

A speaker is a name, a title or an organisation, never a pronoun, a verb, a determiner or a
fragment: a candidate that is none of these is dropped and the figure stays unattributed,
which is a correct answer where a wrong speaker is not. Pronouns ("he said") and short
references ("the ministry said", "the official said") are kept as such, to be resolved
against the speakers named earlier in the document (``checker.extract.speakers``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from checker.extract.lexicon import (
    ADVERBS,
    AUXILIARIES,
    CLAUSE_WORDS,
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    FUNCTION_WORDS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    RANK_ABBREVIATIONS,
    TIME_WORDS,
    VENUE_NOUNS,
)
from checker.extract.numbers import COUNTING_WORDS, word_trie

# Reporting verbs, by the kind of subject they take. "said" takes anyone; "show" and "give"
# only a document ("the PDC's assessments give 2,719"); the establishing verbs ("counted",
# "identified", "put the figure at") make their subject the source of their object figure.
_SAY: Final = (
    "say|says|said|saying|tell|tells|told|telling|claim|claims|claimed|claiming"
    "|state|stated|stating|announce|announces|announced|announcing|confirm|confirms"
    "|confirmed|confirming|report|reports|reported|reporting|estimate|estimates|estimated"
    "|estimating|add|adds|added|adding|note|noted|noting|reveal|reveals|revealed|revealing"
    "|write|writes|wrote|writing|tweet|tweets|tweeted|post|posts|posted|insist|insists"
    "|insisted|assert|asserts|asserted|acknowledge|acknowledges|acknowledged|admit|admits"
    "|admitted|explain|explains|explained|warn|warns|warned|warning|declare|declares|declared"
    "|believe|believes|believed|conclude|concludes|concluded|assess|assesses|assessed"
    "|calculate|calculates|calculated|allege|alleges|alleged|testify|testifies|testified"
    "|predict|predicts|predicted|forecast|forecasts|project|projects|projected|expect|expects"
    "|expected|maintain|maintains|maintained|argue|argues|argued|contend|contends|contended"
    "|suggest|suggested|indicate|indicated|speak|speaks|spoke|speaking"
    "|repeat|repeats|repeated|repeating|quote|quotes|quoting"
)
_ESTABLISH: Final = (
    "count|counts|counted|counting|tally|tallies|tallied|record|records|recorded|register"
    "|registers|registered|document|documents|documented|identify|identifies|identified"
    "|name|names|named|list|lists|listed|find|finds|found|recover|recovers|recovered"
    "|put|puts|putting|set|sets|setting|revise|revises|revised|revising|raise|raises|raised"
    "|raising|lower|lowers|lowered|lowering|update|updates|updated|updating|cut|cuts|cutting"
    "|bring|brings|brought|bringing|increase|increases|increased|reduce|reduces|reduced"
    "|lift|lifts|lifted|give|gives|gave|giving|show|shows|showed|shown|publish|publishes"
    "|published|release|releases|released|issue|issues|issued|cite|cites|cited|describe"
    "|describes|described|present|presents|presented|outline|outlines|outlined"
    "|blame|blames|blamed|accuse|accuses|accused|hold|holds|held"
)
# Verbs whose subject must be a document, not a person: "the maps show", "data suggest".
DOCUMENT_VERBS: Final = frozenset(
    "show shows showed shown give gives gave giving indicate indicated suggest suggested".split()
)
_PHRASAL: Final = r"(?:set|laid|lay|sets|lays)\s+out"
# The verbs as a trie: a finditer tries the pattern at every position of the sentence, and a
# trie fails on the first wrong letter where an alternation of 300 forms tries each.
_VERB_FORMS: Final = sorted(set(f"{_SAY}|{_ESTABLISH}".split("|")))
_VERBS: Final = re.compile(
    rf"(?<![\w'’-])(?P<verb>{_PHRASAL}|{word_trie(_VERB_FORMS)})(?![\w'’-])", re.IGNORECASE
)
_VERBS_LOWER: Final = re.compile(
    rf"(?<![\w'’-])(?P<verb>{_PHRASAL}|{word_trie(_VERB_FORMS)})(?![\w'’-])"
)
# Any character but ASCII and the punctuation and spaces of news text, none of them cased.
_CASED_OUTSIDE_ASCII: Final = re.compile(r"[^\x00-\x7f‘’“”–—…\u00a0\u2009\u202f]")
# What may stand between a subject and its verb: "had earlier said", "was saying".
_AUX_BEFORE: Final = re.compile(
    rf"(?<![\w'’-])(?:(?:{AUXILIARIES})\s+)?(?:(?:{ADVERBS})\s+){{0,2}}$", re.IGNORECASE
)


def _last_words(alternation: str) -> tuple[str, ...]:
    """The words an alternation of _alternation's items can end on: 'had\\s+been' -> 'been'."""
    return tuple(sorted({item.split(r"\s+")[-1].lower() for item in alternation.split("|")}))


_PASSIVE_WORDS: Final = "is|are|was|were|be|been|being|get|gets|got|gotten"
# The words _AUX_BEFORE and _PASSIVE_AUX can end on: before any other word they cannot match.
_AUX_TAILS: Final = _last_words(f"{AUXILIARIES}|{ADVERBS}")
_PASSIVE_TAILS: Final = _last_words(f"{_PASSIVE_WORDS}|{ADVERBS}")


def _may_end_on(text: str, end: int, tails: tuple[str, ...]) -> bool:
    """Whether text[:end] may end on one of `tails` and a space: the only place a pattern of
    words each followed by \\s+ and anchored at the end can match. False is certain; a
    word longer than the 48 characters read, or one not in ASCII, is left to the pattern."""
    window = text[max(0, end - 48) : end]
    if not window[-1:].isspace():
        return False
    words = window.split()
    if end > 48 and (not words or (len(words) == 1 and not window[0].isspace())):
        return True  # the space or the word may reach back before the window
    if not words:
        return False
    last = words[-1]
    return not last.isascii() or last.lower().endswith(tails)


_DETERMINERS: Final = frozenset(
    "the a an this that its their his her our whose no any each every".split()
)
_PUT_AT: Final = frozenset("put puts putting set sets setting".split())
# "gives a figure of", "gave a new estimate:": a statement of a figure by anyone
_GIVES_AMOUNT: Final = re.compile(
    r"\s+(?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:figure|estimate|count|tally|toll|number|total)\b",
    re.IGNORECASE,
)
_PUT_AT_FIGURE: Final = re.compile(r"(?:\s+[\w'’()-]+){1,14}?\s+at\s", re.IGNORECASE)
_CLAIMED_LIVES: Final = re.compile(
    r"\s+(?:[\w,'’-]+\s+){0,3}?(?:lives?|victims?|casualties)\b", re.IGNORECASE
)
_HELD_RESPONSIBLE: Final = re.compile(r"(?:\s+[\w'’-]+){1,6}?\s+(?:responsible|accountable)\b")
_SAY_FORMS: Final = frozenset(_SAY.split("|"))
_NEXT_WORD: Final = re.compile(r"\s+([A-Za-z]+)\b")
_VERB_SET: Final = frozenset(_VERB_FORMS)
# base forms ("count", "report"), the ones with an -s form: after a singular subject they are
# nouns ("an official count", "the unofficial Google document")
_BASE_FORMS: Final = frozenset(
    w
    for w in _VERB_SET
    if ({f"{w}s", f"{w}es", f"{w[:-1]}ies"} & _VERB_SET) and w not in ("put", "set", "cut")
)
_PASSIVE_AUX: Final = re.compile(
    r"\b(?:" + _PASSIVE_WORDS + r")\s+(?:(?:" + ADVERBS + r")\s+){0,2}$",
    re.IGNORECASE,
)
# A period inside a name: the sentence splitter has already judged it no sentence end, so
# it is an abbreviation's ("Dr. Samuel Okafor", "Lt. Col. Maria Santos", "the U.N. agency",
# "U.S. officials"): before a letter, before a capitalised word, or closing a dotted
# initialism. Any other period ends the name.
_NAME_DOT: Final = r"(?:\.(?=[A-Za-z]|\s+[A-Z])|(?<=\.[A-Za-z])\.)"
_END_DOT: Final = r"(?:(?<!\.[A-Za-z])\.(?![A-Za-z]|\s+[A-Z]))"


def _name_chars(stops: str) -> str:
    """A regex for one character of a name that runs until a character of `stops` (which
    holds no period) or a period that ends it."""
    return f"(?:[^.{stops}]|{_NAME_DOT})"


# '…,” said Gallant', '…, said Maui County Police Chief John Pelletier.': speaker after.
_INVERTED: Final = re.compile(
    r"""(?:[,”"’]|\bwho\b)\s*(?P<verb>said|says|told|added|adds|continued|concluded|wrote
        |asked|noted|explained|insisted|warned|claimed|stated|announced|confirmed|estimated)
        \s+(?P<who>(?:the\s+|a\s+|an\s+)?[A-Za-z]"""
    + _name_chars(',;:!?“”"()')
    + r"""*?)
        \s*(?=[,;:!?“”"(]|"""
    + _END_DOT
    + r"""|$)""",
    re.VERBOSE,
)
_ACCORDING: Final = re.compile(
    r"""\b(?:according\s+to|as\s+(?:reported|estimated|counted|announced)\s+by)\s+
        (?P<who>"""
    + _name_chars(',;:()“”"')
    + r"""+?)\s*(?=[,;:()“”"]|"""
    + _END_DOT
    + r"""|\s+(?:and|but|while)\s|$)""",
    re.IGNORECASE | re.VERBOSE,
)
# "by the UN's count", "by its own tally", "by FEMA's estimate"
_BY_COUNT: Final = re.compile(
    r"""\b(?:by|in|on)\s+(?P<who>(?:the\s+)?[A-Za-z][\w.&'’ -]*?)(?:'s|’s|')\s+
        (?:own\s+)?(?:count|counts|estimate|estimates|tally|tallies|reckoning|calculation
        |calculations|figures?|numbers?|data|assessment|assessments|account|accounts
        |telling|version|reading)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "the UN's tally of 40", "FEMA's estimate of $5.5 billion"
_TALLY_OF: Final = re.compile(
    r"""(?P<who>\b[A-Za-z][\w.&'’ -]*?)(?:'s|’s)\s+(?:latest\s+|own\s+|new\s+|first\s+)?
        (?:count|estimate|tally|figures?|toll|assessments?|calculation|data|numbers?)
        \s+(?:of|at|put|puts|shows?|gives?|showed|gave)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "figures released by the ministry", "data from the WHO", "were counted by observers",
# "first reported by health authorities"
_BY_AGENT: Final = re.compile(
    r"""\b(?P<how>(?:released|published|compiled|provided|issued|reported|counted|confirmed
        |recorded|estimated|given|cited|announced|collected|gathered|tallied|documented)\s+by
        |(?:data|figures|numbers|statistics|estimates|reports?|information|records)\s+from)
        \s+(?P<who>"""
    + _name_chars(',;:()“”"')
    + r"""+?)\s*(?=[,;:()“”"]|"""
    + _END_DOT
    + r"""|\s+(?:and|but|while|show|shows|showed
        |suggest|indicate|say|says|said|put)\b|$)""",
    re.IGNORECASE | re.VERBOSE,
)
# "X, citing Y", "X quoted Y as saying", "via Reuters": the origin is Y, X passed it on
_CITING: Final = re.compile(
    r"""(?:,\s*|\b)(?:citing|quoting)\s+(?P<who>"""
    + _name_chars(',;:()“”"')
    + r"""+?)\s*(?=[,;:()“”"]|"""
    + _END_DOT
    + r"""|$)""",
    re.IGNORECASE | re.VERBOSE,
)
_QUOTED_AS: Final = re.compile(
    r"""\bquoted\s+(?P<who>""" + _name_chars(',;:()“”"') + r"""+?)\s+as\s+saying\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _relaying_apposition(sentence: str, match: re.Match[str]) -> bool:
    """Whether a "quoted by X" / "cited by X" stands between a subject and its saying verb:
    then X passed on what the subject said (_QUOTED_BY), and is no origin."""
    after = sentence[match.end() :].lstrip()
    verb = after[1:].split()[:1] if after.startswith(",") else []
    return (
        match.group("how").lower().startswith(("quoted", "cited"))
        and sentence[: match.start()].rstrip().endswith(",")
        and bool(verb)
        and verb[0].lower() in _SAY_FORMS
    )


# "Local authorities, quoted by Tass, said …": the one who quoted them passes it on
_QUOTED_BY: Final = re.compile(
    r",\s*(?:quoted|cited)\s+by\s+(?:the\s+)?(?P<who>[^,;:()“”\"]+?)\s*,\s*$", re.IGNORECASE
)
_VIA: Final = re.compile(r"\bvia\s+(?P<who>[A-Z][\w.&'’ -]*?)\s*(?=[,.;:()“”\"]|$)")
# after a 'put … at' cue: "the police put it at 12,000, the organisers at 50,000"
_ELLIPSIS_AT: Final = re.compile(
    r",\s*(?:and\s+|while\s+)?(?P<who>(?:the\s+)?[A-Za-z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,4}?)"
    r"\s+at\s+(?=[$€£]?\d|[a-z]+\s)",
)
_WORD: Final = re.compile(r"[A-Za-z][\w.&'’-]*|\(|\)|\S")
_DOTTED: Final = re.compile(r"\b(?:[A-Z]\.){2,}")
_PARENS: Final = re.compile(r"\s*\([^()]*\)")
_TITLE_NAME_SPLIT: Final = re.compile(r"\s+")

_OWN_PRONOUNS: Final = frozenset(["its", "their", "his", "her", "our"])


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who stated a figure, as the text names them."""

    name: str  # normalised: "Jane Ortiz", "Maui County police", "US official"
    role: str = ""  # from an apposition or a title: "army spokesperson"
    relay: str = ""  # who passed it on ("via Reuters", "X, citing Y": X)
    person: bool | None = None  # a person, an organisation or document, or unknown
    gender: str = ""  # 'm' or 'f' where the text tells ("Mr", "spokeswoman"), else ''
    pronoun: str = ""  # 'he', 'she', 'it', 'they': stands for a speaker named earlier
    reference: str = ""  # 'ministry' for "the ministry": a short reference named earlier

    @property
    def unresolved(self) -> bool:
        return bool(self.pronoun or self.reference)

    @property
    def anonymous(self) -> bool:
        """An attribution to no one in particular ("according to the latest information",
        "an early estimate says"): the figure is attributed, but to no origin."""
        return not self.name


@dataclass(frozen=True, slots=True)
class Cue:
    """Attribution words in a sentence, the speaker they name and which way they reach."""

    start: int
    end: int
    speaker: Speaker
    scope: int  # +1: covers the figures after it; -1: the figures before it
    strength: int = 1  # 2 for an explicit marker ("according to", a quote's speaker)


def _words(text: str) -> list[str]:
    return text.split()


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1] in "(" and word[1:2].isupper())


def _singular(word: str) -> str:
    lower = word.lower().strip("'’.,")
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith("sses") or lower.endswith("ches") or lower.endswith("shes"):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        return lower[:-1]
    return lower


def head_noun(name: str) -> str:
    """The last word of a speaker, singular and lower-case: 'health ministry' -> 'ministry'."""
    words = [w for w in _PARENS.sub("", name).split() if w[:1].isalpha()]
    return _singular(words[-1]) if words else ""


def _strip_leading(words: list[str]) -> list[str]:
    """'On Sunday night Mayor Ruth Kim' -> 'Mayor Ruth Kim'; 'a U.S. official' -> 'U.S.
    official'; 'Earlier, the ministry' -> 'the ministry' (commas are gone by now)."""
    words = _after_rebutted(words)
    changed = True
    while words and changed:
        changed = False
        if _NOT_A_NAME.fullmatch(words[0]):
            # what a live blog, a transcript or a dateline puts before a speaker:
            # "**10:15 a.m.** Police", "### 08:10 / Coast guard", "Oct 2 (CP) - Brightwell"
            words, changed = words[1:], True
            continue
        if _acronym(words[0]):
            break
        first = words[0].lower()
        if first in _REBUTTING and len(words) > 2:
            # "contrary to the ministry", "unlike the police", "rather than the union"
            joined = words[1].lower() == _REBUTTING[first]
            words, changed = words[2:] if joined else words[1:], True
            continue
        if first in PREPOSITIONS and len(words) > 1:
            # a leading time phrase: "On Sunday night", "By midday on Wednesday", "In 2023"
            rest = 1
            while rest < len(words) and (
                words[rest].lower().strip(",") in TIME_WORDS
                or words[rest].lower() in ("the", "a", "an", "on", "of", "in", "at", "early")
                or words[rest][:1].isdigit()
            ):
                rest += 1
            if rest > 1 and rest < len(words):
                words, changed = words[rest:], True
                continue
        if (
            first in ADVERBS.split("|")
            or first in TIME_WORDS
            or first in ("the", "a", "an", "and", "but", "so", "also", "then", "both")
            or (
                first.isdigit()
                and len(words) > 1
                and _NOT_A_NAME.fullmatch(words[1])
                and not _MARKUP.fullmatch(words[1])
            )
        ):
            words, changed = words[1:], True  # a number before a time or a credit: "2 (CP)"
    return words


# Tokens before a speaker that are no part of a name: markup and dashes, clock times, a.m.
# and p.m., an agency's credit in parentheses ("(CP)")
_MARKUP: Final = re.compile(r"[^\w(]+")
_NOT_A_NAME: Final = re.compile(
    r"[^\w(]+|\W*\d{1,2}[:.h]\d{2}\W*|[ap]\.?m\.?\W*|\([A-Z][A-Za-z]{0,11}\)\W*", re.I
)


def _after_rebutted(words: list[str]) -> list[str]:
    """The words after a rebutted figure: "rather than the four the ministry" -> "the
    ministry"; any other phrase as it is."""
    counted = [i for i, w in enumerate(words) if w[:1].isdigit() or w.lower() in COUNTING_WORDS]
    if not counted or not any(w.lower() in _REBUTTING for w in words[: counted[-1]]):
        return words
    for i in range(counted[-1] + 1, len(words)):
        if words[i].lower() in ("the", "a", "an"):
            return words[i:]
    return words


def _strip_trailing(words: list[str]) -> list[str]:
    """'officials had earlier' -> 'officials'; 'Hagari also' -> 'Hagari'."""
    while words and (
        words[-1].lower() in ADVERBS.split("|")
        or words[-1].lower() in AUXILIARIES.split("|")
        or words[-1].lower() in ("also", "then", "now", "again", "too", "still", "both")
    ):
        words = words[:-1]
    return words


def _cut_reduced_relative(words: list[str]) -> list[str]:
    """'the health ministry it controls' -> 'the health ministry': a pronoun after the head
    starts a clause about it."""
    for i, word in enumerate(words):
        if i > 0 and word.lower() in ("it", "they", "he", "she", "we") and i + 1 < len(words):
            return words[:i]
    return words


def _cut_participle(words: list[str]) -> list[str]:
    """'A doctor working at the hospital' -> 'A doctor'; 'officials speaking on condition of
    anonymity' -> 'officials'; 'the head of an agency who spoke to AFP' -> 'the head of an
    agency'."""
    for i, word in enumerate(words):
        lower = word.lower()
        if i == 0:
            continue
        if lower in ("who", "which", "whose", "whom", "that"):
            return words[:i]
        if lower.endswith("ing") and len(lower) > 5 and not _is_capitalised(word):
            # "working", "speaking" after a noun; not "Beijing" (capitalised)
            return words[:i]
    return words


def _normalise_dots(text: str) -> str:
    """'U.S.' -> 'US', 'U.N.' -> 'UN': a dotted abbreviation stays one word."""
    return _DOTTED.sub(lambda m: m.group().replace(".", ""), text)


def _drop_ranks(words: list[str]) -> list[str]:
    """'Col. Jane Ortiz' -> 'Jane Ortiz', 'Rear Adm. Daniel Hagari' -> 'Daniel Hagari': an
    abbreviated rank or honorific that opens a name is not part of it; a spelled-out title
    is ("Mayor Ruth Kim"), and so is one inside a longer title ("Hawaii Gov. Josh Green")."""
    start = 0
    while start < len(words) - 1 and _is_capitalised(words[start + 1]):
        lower = words[start].lower()
        if lower in RANK_ABBREVIATIONS:
            start += 1
        elif lower == "rear" and words[start + 1].lower() in RANK_ABBREVIATIONS:
            start += 2
        else:
            break
    return words[start:] if start < len(words) else words


_TIME_ALTERNATION: Final = "|".join(sorted(TIME_WORDS, key=len, reverse=True))
# "the PDC's assessments as of Aug. 11": when, not who
_TIME_TAIL: Final = re.compile(
    r"\s+(?:as\s+of|on|at|in|during|by|since|until|early|late|earlier|later)\s+"
    rf"(?:the\s+)?(?:[\d,.:]+|(?i:{_TIME_ALTERNATION}))\b.*$",
)


def _head_index(words: list[str]) -> int:
    """Where a phrase's head noun is: the last word before its first preposition ('officials
    in Washington' -> 'officials'; 'Ministry of Health' -> 'Ministry')."""
    for i, word in enumerate(words):
        if i > 0 and word.lower() in PREPOSITIONS | {"of"}:
            return i - 1
    return len(words) - 1


ANONYMOUS: Final = Speaker("", person=False)


@lru_cache(maxsize=65_536)
def document_speaker(raw: str, initial: bool = False) -> Speaker | None:
    """make_speaker, or an anonymous speaker where the phrase is a document of no one in
    particular ("the latest information on the search", "an early estimate"): an explicit
    attribution that still names no origin, so no other speaker may take the figure; its
    words are kept as the speaker's role, for the reader."""
    speaker = make_speaker(raw, initial=initial)
    if speaker is not None:
        return speaker
    words = _strip_leading(_normalise_dots(raw).split())
    if words and _singular(words[_head_index(words)]) in DOCUMENT_NOUNS | EVIDENCE_NOUNS:
        # no origin, but the words the text attributes it to, for the reader
        phrase = " ".join(_normalise_dots(raw).split()).strip(" ,.;:")
        first, _, rest = phrase.partition(" ")
        if first.lower() in ("the", "a", "an"):
            phrase = f"{first.lower()} {rest}"  # "per an early estimate", mid-sentence
        return replace(ANONYMOUS, role=phrase)
    return None


@lru_cache(maxsize=65_536)  # pure; subjects repeat ("officials", "the ministry said")
def make_speaker(raw: str, relay: str = "", initial: bool = False) -> Speaker | None:
    """The speaker a phrase names, normalised, or None when it names nobody.

    'On Sunday night Maui County Mayor Richard Bissen' -> Maui County Mayor Richard Bissen;
    'Col. Jane Ortiz' -> Jane Ortiz; 'a U.S. official' -> US official; 'he' -> a pronoun;
    'the ministry' -> a short reference; 'has', 'with an', 'nine of whom were', 'Images'
    -> None. `initial`: the phrase starts its sentence, so a capital letter proves nothing.
    """
    text = _normalise_dots(" ".join(raw.replace("\n", " ").split()))
    text = _TIME_TAIL.sub("", text.strip(" ,.;:'’\"“”-–—"))
    words = _strip_trailing(_cut_participle(_cut_reduced_relative(_strip_leading(text.split()))))
    if not words:
        return None
    initial = initial and raw.strip().split()[0] == words[0]
    lower = _lowered(words)
    if len(words) == 1 and lower[0] in PRONOUNS:
        gender = {"he": "m", "she": "f"}.get(lower[0], "")
        return Speaker(lower[0], pronoun=lower[0], person=bool(gender) or None, gender=gender)
    if lower[0] in _OWN_PRONOUNS and len(words) > 1:
        # "its analysts", "their spokesman": the owner was named before
        return Speaker(" ".join(words[1:]), pronoun=lower[0], person=None)
    for i in range(1, min(len(words) - 1, 4)):
        if lower[i] in ("by", "from") and _singular(lower[i - 1]) in DOCUMENT_NOUNS:
            # "a statement from the fire department", "a tally by the Associated Press":
            # whoever issued the document states its figures
            return make_speaker(" ".join(words[i + 1 :]), relay)
    gender = _gender(lower)
    words = _drop_ranks(words)
    lower = _lowered(words)
    if not _valid(words, lower, initial):
        return None
    head = _singular(lower[_head_index(words)])
    person = None
    if head in PERSON_NOUNS:
        person = True
    elif head in ORGANISATION_NOUNS or head in DOCUMENT_NOUNS or words[-1].isupper():
        person = False
    definite = raw.strip().lower().startswith("the ")
    if gender:
        person = True
    if head in EVIDENCE_NOUNS:
        return None  # "Images from the hospital showed": evidence, not a speaker
    at = _head_index(words)
    # "the U.S. Geological Survey", "the National Census Board": a capitalised document
    # noun heads a name; it is no document of whoever is named before it
    named = (
        head in DOCUMENT_NOUNS
        and _is_capitalised(words[at])
        and any(_is_capitalised(w) for w in words[int(initial) : at])
    )
    owner = _document_owner(words) or (
        _modifier_owner(words[:at], initial) if head in DOCUMENT_NOUNS and not named else ""
    )
    if owner:
        # "the ministry's first statement", "the PDC's assessments": the owner states it
        return make_speaker(("the " if definite else "") + owner, relay, initial)
    if head in DOCUMENT_NOUNS and not named and not _identified(words, initial):
        return None  # "an early estimate says", "Reports said": no one in particular
    if definite and len(words) == 1 and not _is_capitalised(words[0]):
        # "the ministry", "the official", "the agency": named in full before
        return Speaker(words[0], person=person, gender=gender, reference=head)
    return Speaker(" ".join(words), relay=relay, person=person, gender=gender)


_MALE: Final = frozenset(
    "mr mr. sir lord king prince spokesman chairman congressman businessman father".split()
)
_FEMALE: Final = frozenset(
    """mrs mrs. ms ms. miss madam lady dame queen princess spokeswoman chairwoman
    congresswoman businesswoman mother""".split()
)


def _gender(lower: list[str]) -> str:
    """'m' for "Mr Hagari" or "the spokesman", 'f' for "Ms Kim" or "a spokeswoman", else ''."""
    words = set(lower)
    if words & _MALE:
        return "m"
    if words & _FEMALE:
        return "f"
    return ""


def _lowered(words: list[str]) -> list[str]:
    """The words in lower case for the word lists; an acronym keeps its case ('US' is no
    pronoun, 'WHO' no question word)."""
    return [w if _acronym(w) else w.lower().strip("'’") for w in words]


def _acronym(word: str) -> bool:
    """'US', 'U.S.', '(PDC)': two or more letters, all capitals."""
    return word.isupper() and sum(ch.isalpha() for ch in word) >= 2


def _valid(words: list[str], lower: list[str], initial: bool) -> bool:
    """A name, a title or an organisation: not a fragment, a verb or a function word."""
    if len(words) > 12:
        return False
    if lower[0] in FUNCTION_WORDS or lower[-1] in FUNCTION_WORDS:
        return False
    if any(w in ("is", "are", "was", "were", "has", "have", "had", "be", "been") for w in lower):
        return False
    index = _head_index(words)
    if any(
        w in _SAY_FORMS and not (i == index and _singular(w) in DOCUMENT_NOUNS)
        for i, w in enumerate(words[1:], 1)
    ):  # a lower-case verb; "Warning Center" is a name, "the UN report" a document
        return False
    if len(words) == 1 and lower[0] in _VERB_SET:
        return False  # "Speaking", "Added": a verb at the start of a sentence
    if any(ch.isdigit() for w in words for ch in w) and not any(_is_capitalised(w) for w in words):
        return False  # "nine of whom", "300 people": a figure, not a speaker
    head = _singular(lower[index])
    if head in PERSON_NOUNS or head in ORGANISATION_NOUNS or head in DOCUMENT_NOUNS:
        return True
    word = words[index]
    return _is_capitalised(word) or word.isupper()  # not "island-wide damage", "rebuilding"


def _document_owner(words: list[str]) -> str:
    """'PDC' for "PDC's assessments", 'ministry' for "ministry's first statement"; '' when the
    phrase is no one's document."""
    for i, word in enumerate(words[:-1]):
        if word.endswith(("'s", "’s")) and _singular(words[-1]) in DOCUMENT_NOUNS:
            return " ".join([*words[:i], word[:-2]])
    return ""


def _modifier_owner(modifiers: list[str], initial: bool) -> str:
    """'UN' for "the UN report", 'Maui police' for "the Maui police after-action report",
    'Human Rights Watch' for "a Human Rights Watch report": the name before a document noun,
    its trailing adjectives dropped; '' when no name is sure. One capitalised word may be an
    adjective ("Israeli tallies", "Preliminary figures"), so it takes an acronym, an
    organisation noun or two capitalised words."""
    kept = list(modifiers)
    while kept and not (
        _is_capitalised(kept[-1])
        or _acronym(kept[-1])
        or _singular(kept[-1].lower()) in ORGANISATION_NOUNS
    ):
        kept.pop()  # "after-action", "annual", "damage"
    names = [w for i, w in enumerate(kept) if _is_capitalised(w) and not (initial and i == 0)]
    sure = (
        any(_acronym(w) for w in kept)
        or (bool(kept) and _singular(kept[-1].lower()) in ORGANISATION_NOUNS and bool(names))
        or len(names) >= 2
    )
    return " ".join(kept) if sure else ""


# Adjectives that say which document among several, not whose: "the first estimates".
_ORDER_WORDS: Final = frozenset(
    "first latest last new newest earlier early initial previous recent final official".split()
)


def _identified(words: list[str], initial: bool) -> bool:
    """Whether a document is someone's: an owner ("the PDC's assessments"), a name or an
    acronym ("FEMA figures", "Oxfam report"), or a body after it ("figures from the
    ministry"); a bare "report", "the first estimates" or "a report on the floods" is no
    one's."""
    head = _head_index(words)
    if any("'" in w or "’" in w for w in words[:head]):
        return True
    after = words[head + 1 :]
    if any(
        _is_capitalised(w) or _singular(w) in ORGANISATION_NOUNS or _singular(w) in PERSON_NOUNS
        for w in after
    ):
        return True  # "figures from the ministry", "a report by Amnesty"
    modifiers = words[:head]
    return any(
        (_is_capitalised(w) or _acronym(w)) and not (initial and i == 0)
        for i, w in enumerate(modifiers)
    )


def _subjects(left: str) -> list[tuple[str, int, str]]:
    """The noun phrases that may end `left` as a verb's subject, best first, as (phrase,
    offset in left, role from an apposition): 'Col. Jane Ortiz, the army spokesperson,' ->
    ('Col. Jane Ortiz', 0, 'army spokesperson'), then ('the army spokesperson', …, '');
    'The toll rose to 120, the health ministry' -> ('the health ministry', …).

    Comma-separated pieces are skipped from the end while they are appositions, relative
    clauses, participles, adverbials or dates between a subject and its verb.
    """
    end = len(left.rstrip())
    if end == 0:
        return []
    segments = _segments(left[:end])
    out: list[tuple[str, int, str]] = []
    role = ""
    while len(segments) > 1:
        _, piece = segments[-1]
        words = piece.split()
        first = words[0].lower() if words else ""
        if _role_like(words) and _np_like(segments[-2][1]):
            role = " ".join(words[1:] if first in ("the", "a", "an") else words)
            out.append(_last_clause(*segments[-1], ""))
        elif not (
            first in ("who", "which", "whose", "whom", "by", "in", "for", "however")
            or first in ("meanwhile", "though", "too", "also", "then", "separately")
            or (first.endswith("ing") and len(first) > 4)
            or (first.endswith("ed") and len(words) > 1 and words[1].lower() == "by")
            or not re.search(r"[A-Za-z]{2}", piece)
            or all(w.lower().strip(".") in TIME_WORDS or w[:1].isdigit() for w in words)
            or first == "as"
        ):
            break
        segments.pop()
    if not role and len(segments) > 1:
        # "Brightwell's security chief, Daniel Osei, said": a title before the name
        title, name = segments[-2][1].split(), segments[-1][1].split()
        if name and all(_is_capitalised(w) for w in name) and _role_like(title[-6:]):
            start = next(i for i in range(len(title)) if _role_like(title[i:]))
            title = title[start:]
            role = " ".join(title[1:] if title[0].lower() in ("the", "a", "an") else title)
    candidate = _last_clause(*segments[-1], role)
    return [candidate, *reversed(out)] if role and out else [candidate]


def _last_clause(start: int, piece: str, role: str) -> tuple[str, int, str]:
    """Only the last clause of a comma-free piece: "X said that Y" -> Y, "… while Y" -> Y;
    but "Hamas and the health ministry" is one subject of two."""
    cut = _last_clause_start(piece)
    joined = re.search(r"\s+and\s*$", piece[:cut])
    if joined is not None:
        first = piece[_last_clause_start(piece[: joined.start()]) : joined.start()]
        if make_speaker(first) is not None and not re.search(r"\d", first):
            cut = _last_clause_start(piece[: joined.start()])
    piece = piece[cut:]
    lead = len(piece) - len(piece.lstrip())
    return piece.strip(), start + cut + lead, role


def _np_like(piece: str) -> bool:
    """Whether a piece can be the name an apposition follows: not a participle or a
    preposition phrase ("Speaking on Wednesday, the official said")."""
    words = piece.split()
    if not words:
        return False
    first = words[0].lower()
    return not (
        first.endswith("ing")
        or first in PREPOSITIONS
        or first in CLAUSE_WORDS
        or first in _REBUTTING  # "Unlike the police, the organisers said"
    )


_APPOSITION: Final = re.compile(r",\s+(?P<role>(?:the|a|an)\s+[^,.;:()“”\"]+?)\s*(?=[,.;:]|$)")


def _role_after(sentence: str, pos: int) -> str:
    """The role an apposition gives the speaker named before `pos`: '…,” said Maria
    Santos, a spokeswoman for the agency.' -> 'spokeswoman for the agency'."""
    match = _APPOSITION.match(sentence, pos)
    if match is None:
        return ""
    words = match.group("role").split()
    head = next(
        (i for i, w in enumerate(words) if i and (w.lower() in PREPOSITIONS or w.lower() == "of")),
        len(words),
    )
    if not _role_like(words[:head]):
        return ""
    return " ".join(words[1:])


def _role_like(words: list[str]) -> bool:
    """'the army spokesperson', "the army's spokesperson", 'a senior official', "Brightwell's
    security chief": a role."""
    if not words:
        return False
    owner = words[0].endswith(("'s", "’s")) and _is_capitalised(words[0])
    if words[0].lower() not in ("the", "a", "an") and not owner:
        return False
    heads = [_singular(w.strip("'’,")) for w in words[1:]]
    return bool(heads) and heads[-1] in PERSON_NOUNS


def _clock_colon(text: str, i: int) -> bool:
    """Whether text[i] is the colon of a clock time ("10:15"), which splits no clause."""
    return text[i] == ":" and text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit()


_SEGMENT_MARK: Final = re.compile(r'[(),;:“”"]')


def _segments(text: str) -> list[tuple[int, str]]:
    """Comma-separated pieces of `text` with their offsets, parentheses kept whole."""
    out: list[tuple[int, str]] = []
    depth = 0
    start = 0
    for mark in _SEGMENT_MARK.finditer(text):  # only the marks, not every character
        ch = mark.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and not _clock_colon(text, mark.start()):
            i = mark.start()
            out.append((start, text[start:i]))
            start = i + 1
    out.append((start, text[start:]))
    return [(s, p) for s, p in out if p.strip()] or [(0, text)]


# A whole word, hyphenated ones whole ("after-action" is no "after"), not before "of".
_CLAUSE_WORD: Final = re.compile(r"(?<![\w'’-])(\w+)(?![\w'’-])(?!\s+of\b)")
# The same words, only those of CLAUSE_WORDS (case aside): the others are never kept, and a
# match of the pattern is a match of _CLAUSE_WORD, so a loop over these keeps the same last.
_CLAUSE_WORD_ONLY: Final = re.compile(
    r"(?<![\w'’-])("
    + "|".join(sorted(CLAUSE_WORDS, key=len, reverse=True))
    + r")(?![\w'’-])(?!\s+of\b)",
    re.IGNORECASE,
)


def _last_clause_start(piece: str) -> int:
    """Where the last clause of a comma-free piece starts: after 'that', 'while', 'as', …
    ('as of Aug. 11' is a date, not a clause)."""
    best = 0
    for match in _CLAUSE_WORD_ONLY.finditer(piece):
        word = match.group(1)
        if word.lower() in CLAUSE_WORDS and not word.isupper():
            best = match.end()
    return best


def _verb_cues(sentence: str) -> list[Cue]:
    """Subject-verb cues: 'Hagari said', 'officials in Kyiv told reporters', 'the police put
    the figure at', 'the county has named 55 victims'."""
    cues: list[Cue] = []
    lowered = sentence.lower()
    # a case-sensitive scan of the lower-cased sentence is half the cost of an IGNORECASE one;
    # it finds the same verbs wherever lowering keeps every offset and no letter outside ASCII
    # could match a verb's letter under IGNORECASE ("ſ" is an "s")
    same = len(lowered) == len(sentence) and _CASED_OUTSIDE_ASCII.search(sentence) is None
    for match in _VERBS_LOWER.finditer(lowered) if same else _VERBS.finditer(sentence):
        written = sentence[match.start("verb") : match.end("verb")]
        verb = written.lower()
        if written[:1].isupper() and sentence[: match.start()].strip(" “\"‘'("):
            continue  # "the Pacific Tsunami Warning Center": part of a name, not a verb
        window = sentence[max(0, match.start() - 48) : match.start()]
        if (
            window[-1:].isspace()
            and window.split()[-1:]
            and (window.split()[-1].lower().lstrip('("“‘[') in _DETERMINERS)
        ):
            continue  # "the count", "a report", "its tally": a noun, not a verb
        following = _NEXT_WORD.match(sentence, match.end())
        if following is not None and following.group(1).lower() in _VERB_SET:
            lead = sentence[: match.start()].split()  # only here: a split per verb is dear
            if (
                len(lead) == 1
                and not _acronym(lead[0])
                and _singular(lead[0].lower()) not in ORGANISATION_NOUNS
            ):
                continue  # "Initial estimates put the cost at": an adjective and a noun, not
                # a speaker and a verb ("Police reports show", "FEMA estimates put" keep theirs)
        found_aux = (
            _AUX_BEFORE.search(window) if _may_end_on(window, len(window), _AUX_TAILS) else None
        )
        aux = found_aux.group() if found_aux else ""
        start = match.start() - len(aux)
        before = sentence[:start]
        after_verb = sentence[match.end() :]
        if verb.endswith("ing") and sentence[: match.start()].rstrip().endswith(","):
            if verb in _SAY_FORMS and (main := _main_subject(sentence, match.start())):
                # "Police denied the claims, saying 14 were hurt": the main clause's subject
                cues.append(Cue(match.start(), match.end(), main, 1))
            continue  # "…, bringing the toll to 101": a participle of the clause before
        if verb.startswith("claim") and _CLAIMED_LIVES.match(after_verb):
            continue  # "the fire has claimed a 101st victim", "claimed 40 lives": it killed
        if verb in ("hold", "holds", "held") and not _HELD_RESPONSIBLE.match(after_verb):
            continue  # "held a briefing": only "held X responsible for …" is a claim
        if verb in _PUT_AT and not _PUT_AT_FIGURE.match(after_verb):
            continue  # "the fleet set sail": only "set the toll at …" states a figure
        if (
            not verb.endswith("ing")
            and _may_end_on(sentence, match.start(), _PASSIVE_TAILS)
            and _PASSIVE_AUX.search(sentence, 0, match.start())
        ):
            continue  # "had been confirmed", "is estimated at": no speaker in the sentence
        if before.rstrip()[-1:] in ("", "(") and not before.strip():
            continue
        if before.rstrip().endswith(("to", "To")):
            continue  # "to estimate", "according to" is its own cue
        speaker = None
        offset = 0
        raw = ""
        for raw, offset, role in _subjects(before):
            speaker = document_speaker(raw, initial=not before[:offset].strip())
            if speaker is not None and re.search(r"\d", speaker.name[-6:]):
                speaker = None  # "…killed 500 people said": a figure's noun, not a speaker
            if speaker is not None:
                if role and not speaker.role:
                    speaker = replace(speaker, role=role, person=True)
                break
        if speaker is None:
            continue
        if not aux.strip() and verb in _BASE_FORMS and _singular_subject(raw):
            continue  # "An official count has 300 names": 'count' is a noun here
        if speaker.anonymous and verb not in _SAY_FORMS and verb not in DOCUMENT_VERBS:
            continue  # "A report on the floods listed 12 towns": no attribution at all
        if (
            verb in DOCUMENT_VERBS
            and speaker.person is not False
            and not (verb.startswith("g") and _GIVES_AMOUNT.match(after_verb))
        ):
            continue  # "he showed 40 photos": only a document shows a figure, but anyone
            # "gives a figure of" or "gave a new estimate:" one
        relay = _told_relay(sentence, match.end()) if verb.startswith("told") else ""
        quoted_by = _QUOTED_BY.search(before, offset)
        if quoted_by and not relay:
            relay = _normalise_dots(quoted_by.group("who"))
        if relay:
            speaker = replace(speaker, relay=relay)
        # "…, the ministry said." covers what came before; "Hagari said 300…" what follows
        after = sentence[match.end() :].strip()
        if verb.startswith(("told", "tell")):
            after = _after_recipient(after)  # "told reporters.", "told Reuters on Friday."
        scope = -1 if not after or after[0] in ".,;:!?)" or _only_circumstance(after) else 1
        cues.append(Cue(offset, match.end(), speaker, scope))
    return cues


_FINITE: Final = re.compile(r"(?<![\w'’-])([a-z]+(?:ed|s))(?![\w'’-])")


def _main_subject(sentence: str, limit: int) -> Speaker | None:
    """The subject of a sentence's first verb, for a participle of saying after a comma:
    "Police denied the claims, saying …" -> Police; None when no verb comes first."""
    for verb in _FINITE.finditer(sentence, 0, limit):
        word = verb.group(1)
        if word in _VERB_SET or word.endswith("ed"):
            subject = sentence[: verb.start()].strip()
            if not subject or "," in subject:
                return None
            return make_speaker(subject, initial=True)
    return None


def _singular_subject(raw: str) -> bool:
    """Whether a subject is one thing, so that a bare verb after it ("the unofficial Google
    document", "an official count") is a noun instead: "police count", "officials say",
    "the PDC's assessments give" are plural; "Hagari", "the ministry", "he" are one."""
    words = _TIME_TAIL.sub("", raw).split()
    if not words:
        return False
    lower = [w.lower().strip("'’,") for w in words]
    if len(words) == 1 and lower[0] in PRONOUNS:
        return lower[0] in ("he", "she", "it")
    if "and" in lower:
        return False
    last = lower[_head_index(words)]
    return _singular(last) == last and last not in _PLURAL_NOUNS


_PLURAL_NOUNS: Final = frozenset(
    "police people staff personnel crew media authorities military".split()
)


def _only_circumstance(after: str) -> bool:
    """Whether what follows a verb is only where or when it was said: 'on Tuesday.', 'in a
    statement.', 'on television.'"""
    words = after.rstrip(".!?").split()
    return bool(words) and words[0].lower() in PREPOSITIONS and not re.search(r"\d", after)


# the words of a name, each ending on a letter or an abbreviation's period ("the
# Associated Press." is the Associated Press, "told U.S. media" keeps "U.S.")
def _after_recipient(after: str) -> str:
    """What follows the one told ("reporters", "the Associated Press", "a news conference"):
    up to four words without a figure, ending at punctuation, a preposition or the end."""
    match = _RECIPIENT.match(after)
    return after[match.end() :].lstrip() if match else after


_RECIPIENT: Final = re.compile(
    r"(?:[^\W\d][\w.&'’-]*+\s*){1,4}?(?=[,;:!?)”\"]|\.(?:\s|$)|$|\s*\b(?:"
    + "|".join(sorted(PREPOSITIONS))
    + r")\b)"
)


_TOLD_WORD: Final = r"[A-Z](?:[\w&'’-]|" + _NAME_DOT + r")*"
_TOLD_WHOM: Final = re.compile(
    r"\s+(?:the\s+)?(?P<who>" + _TOLD_WORD + r"(?:\s+" + _TOLD_WORD + r"){0,3})"
)


def _told_relay(sentence: str, pos: int) -> str:
    """'… told Reuters' -> 'Reuters': a news medium the speaker spoke to passes it on;
    'told reporters', 'told a news conference in Geneva' name no relay."""
    match = _TOLD_WHOM.match(sentence, pos)
    if not match:
        return ""
    who = match.group("who")
    if who.split()[-1].lower() in VENUE_NOUNS or who.split()[0].lower() in VENUE_NOUNS:
        return ""
    following = sentence[match.end() :].split()[:1]
    if following and following[0].strip(".,;:!?").lower() in VENUE_NOUNS:
        return ""  # "told U.S. media", "told Israeli reporters": whose media, no medium
    return who


def cues(sentence: str) -> list[Cue]:
    """Every attribution cue of a sentence, in order of where it starts."""
    found: list[Cue] = []
    lower = sentence.lower()
    relay = ""
    via = _VIA.search(sentence) if "via " in lower else None
    if via:
        relay = _normalise_dots(via.group("who").strip())
    # each pattern runs only where a word it needs is in the sentence
    if "”" in sentence or '"' in sentence or "," in sentence or " who " in lower:
        for match in _INVERTED.finditer(sentence):
            speaker = make_speaker(match.group("who"), relay)
            role = _role_after(sentence, match.end())
            if speaker is not None and role and not speaker.role:
                speaker = replace(speaker, role=role, person=True)
            if speaker is not None:
                found.append(Cue(match.start(), match.end(), speaker, -1, strength=2))
    marked = (
        (_ACCORDING, "according" in lower or "as " in lower),
        (_BY_COUNT, "'" in sentence or "’" in sentence),
        (_BY_AGENT, " by " in lower or " from " in lower),
    )
    for pattern, present in marked:
        if not present:
            continue
        for match in pattern.finditer(sentence):
            if pattern is _BY_AGENT and _relaying_apposition(sentence, match):
                continue  # "The mayor, cited by Radio Sever, said": the mayor said it
            speaker = document_speaker(match.group("who"))
            if speaker is None:
                continue
            named = _NAME_AFTER.match(sentence, match.end()) if speaker.person else None
            if named is not None and not speaker.role and (person := make_speaker(named["name"])):
                # "according to a ministry spokesman, Tomas Reel": the person, in that role
                speaker = replace(person, role=speaker.name, person=True)
                match_end = named.end("name")
            else:
                match_end = match.end()
            if relay and not speaker.anonymous:
                speaker = replace(speaker, relay=relay)
            # "According to X, …" and "…, but according to X, crews had…" cover what
            # follows; "…, according to X." and "40,000 according to X and" what precedes
            rest = sentence[match_end:].lstrip()
            opens = not sentence[: match.start()].strip(" ,")
            where = 1 if opens or (rest[:1] == "," and len(rest) > 2) else -1
            found.append(Cue(match.start(), match_end, speaker, where, strength=2))
    if "'s " in sentence or "’s " in sentence:
        for match in _TALLY_OF.finditer(sentence):
            subject = _subjects(match.group("who") + " ")
            speaker = make_speaker(subject[0][0] if subject else match.group("who"), relay)
            if speaker is not None:
                found.append(Cue(match.start(), match.end(), speaker, 1, strength=2))
    verb_cues = _verb_cues(sentence)
    taken = [(c.start, c.end) for c in found]
    for cue in verb_cues:
        if any(s <= cue.start < e or cue.start <= s < cue.end for s, e in taken):
            continue  # the verb of "…,” said Gallant" is already a cue
        found.append(_with_relay(cue, relay) if relay and not cue.speaker.relay else cue)
    if " put " in lower or lower.startswith("put "):
        # "the police put it at 12,000, the organisers at 50,000"
        for match in _ELLIPSIS_AT.finditer(sentence):
            speaker = make_speaker(match.group("who"), relay)
            if speaker is not None:
                found.append(Cue(match.start("who"), match.end(), speaker, 1))
    if "citing " in lower or "quoting " in lower or "quoted " in lower:
        found = _cited(sentence, found, relay)
    return sorted(found, key=lambda c: c.start)


def _cited(sentence: str, found: list[Cue], relay: str) -> list[Cue]:
    """'Reuters reported, citing the health ministry, that…': the ministry said it and
    Reuters passed it on; so for 'X quoted Y as saying'."""
    citing = _CITING.search(sentence) or _QUOTED_AS.search(sentence)
    source = make_speaker(citing.group("who")) if citing else None
    if citing is None or source is None:
        return found
    inside = [c for c in found if c.start >= citing.start() and c.end <= citing.end() + 1]
    kept = [c for c in found if c not in inside]
    passers = [c for c in kept if c.start < citing.start()]
    if not passers:
        # "The agency quoted the governor as saying …": the agency passed it on
        subject = _subjects(sentence[: citing.start()])
        passer = make_speaker(subject[0][0], initial=True) if subject else None
        relay = passer.name if passer is not None and not passer.pronoun else relay
        return [*kept, Cue(citing.start(), citing.end(), replace(source, relay=relay), -1, 2)]
    return [
        Cue(c.start, c.end, replace(source, relay=c.speaker.name), c.scope, 2)
        if c in passers
        else c
        for c in kept
    ]


def _with_relay(cue: Cue, relay: str) -> Cue:
    return replace(cue, speaker=replace(cue.speaker, relay=relay))


def speaker_of(found: list[Cue], start: int, end: int, sentence: str = "") -> Cue | None:
    """The cue that covers the figure text[start:end] of its sentence.

    A sentence with one cue gives it to every figure. With several, a figure takes the
    nearest cue that reaches it: one before it that covers what follows, or one after it
    that covers what precedes, never reaching past another cue.
    """
    if sentence:
        # "The strike took place at around 1700 GMT, when the ministry said …": a cue in a
        # clause of time tells what was said then, not who gives the figure before it
        # "The march drew some 300 people, but police said 200": a contrast closes the
        # figure's side
        found = [
            c
            for c in found
            if not (
                c.start >= end
                and (
                    _TIME_CLAUSE.search(sentence, 0, c.start)
                    or _CONTRAST.search(sentence, end, c.start)
                    or (c.scope <= 0 and _in_rebuttal(sentence, end, c.start, c.end))
                )
            )
        ]
    if not found:
        return None
    if len({c.speaker for c in found}) == 1 and not (
        sentence and any(c.scope > 0 and _in_aside(sentence, c.end, start) for c in found)
    ):
        return found[0]
    best: tuple[int, int, Cue] | None = None
    for cue in found:
        if cue.scope >= 0 and cue.end <= start:
            distance = start - cue.end
            if sentence and _in_aside(sentence, cue.end, start):
                continue  # "…said the review followed the blast, which killed 500": an aside
        elif cue.scope <= 0 and cue.start >= end:
            distance = cue.start - end
        elif cue.start <= start and end <= cue.end:
            distance = 0  # "the police put it at 12,000": the figure is inside the cue
        else:
            continue
        if any(other is not cue and _between(other, cue, start, end) for other in found):
            continue
        key = (distance, -cue.strength)
        if best is None or key < best[:2]:
            best = (distance, -cue.strength, cue)
    if best is not None:
        return best[2]
    return None


_TIME_CLAUSE: Final = re.compile(
    r"(?<![\w'’-])(?:when|after|before|while|until|as\s+soon\s+as)\s+$", re.IGNORECASE
)
_CONTRAST: Final = re.compile(r",\s*(?:but|yet|whereas|while)\b|;|\bwhereas\b", re.IGNORECASE)


# Words that rebut a figure, with the word that joins them to what they rebut ("contrary
# to", "rather than"; "" where none does)
_REBUTTING: Final = {"contrary": "to", "rather": "than", "instead": "of", "unlike": "", "not": ""}
# A personal name in apposition after a role: "…, Tomas Reel," / "…, Tomas Reel."
_NAME_AFTER: Final = re.compile(
    r",\s+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})(?=\s*(?:[,.;:)]|$))"
)


def _in_rebuttal(sentence: str, end: int, start: int, cue_end: int) -> bool:
    """Whether a cue at `start` stands in a rebuttal opened after the figure ending at `end`:
    "Seven died, not four as the ministry claims, the union said": the ministry's cue is the
    rebutted four's; the union's, after the rebuttal closes, is Seven's."""
    rebuttal = _REBUTTAL.search(sentence, end, cue_end)
    if rebuttal is None:
        return False
    closes = sentence.find(",", rebuttal.end())
    return closes == -1 or start < closes


# "Seven died, not four as the ministry claims, the union said": the cue after a rebuttal
# is the rebutted figure's, not the one before it
_REBUTTAL: Final = re.compile(
    r",?\s*\b(?:"
    + "|".join(f"{word}\\s+{joint}" if joint else word for word, joint in _REBUTTING.items())
    + r")\b",
    re.IGNORECASE,
)
_ASIDE: Final = re.compile(r",\s*(?:which|who)\b[^,;:]*")


def _in_aside(sentence: str, after: int, start: int) -> bool:
    """Whether the figure at `start` stands in a relative clause opened after the cue ("…
    said the review followed the blast, which killed 500"): the writer's aside. A clause
    that closes before the figure does not count ("…, which it blamed on X, had killed 500")."""
    return any(m.start() < start < m.end() for m in _ASIDE.finditer(sentence, after, start + 1))


def _between(other: Cue, cue: Cue, start: int, end: int) -> bool:
    """Whether `other` stands between `cue` and the figure: the figure belongs to `other`'s
    side then ("40,000 according to the police and 120,000 according to the organisers")."""
    if cue.end <= start:
        return cue.end <= other.start and other.end <= start and other.scope >= 0
    return end <= other.start and other.end <= cue.start and other.scope <= 0


def in_quote(paragraph: str, offset: int) -> bool:
    """Whether `offset` lies between an opening and a closing quotation mark."""
    before = paragraph[:offset]
    opened = before.count("“") - before.count("”")
    return opened > 0 or (before.count('"') % 2 == 1)


def attribution(sentence: str) -> str:
    """The speaker a sentence names for its figures, '' when none (or only a pronoun): the
    speaker of the first cue, for a sentence read on its own."""
    for cue in cues(sentence):
        if not cue.speaker.unresolved:
            return cue.speaker.name
    return ""
