"""Figures -> Items: each candidate figure with the words around it that say what it counts.

A figure's *cues* are the content words of its clause within `window` words either side
("the number of people **killed** by the wildfires on Maui at 93": 'kill', 'wildfir', 'maui'),
stemmed as rules match them (``checker.words.stem``). Function words, words of time, speech
verbs, the speaker's own words and the counted noun's head are left out: they say who spoke
or when, not what was counted. When a sentence holds several figures of one kind, each word
belongs to the nearest figure of its clause, as the matcher reads context words ("89 people
have died, hundreds are still missing": 'died' is 89's, 'missing' is for 'hundreds'), and a
figure quoted as an earlier value shares its successor's words ("from 41 to 31").

A figure whose clause names a year outside the corpus's own years ("California's 2018 Camp
Fire, in which 85 people died") is about another event: it is kept apart (``elsewhere``),
never proposed as a fact's figure.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

import pandas as pd

from checker.extract.lexicon import ADVERBS, DISCOURSE, FUNCTION_WORDS, TIME_WORDS
from checker.extract.units import MEASURE_UNITS, UNIT_SIZES, normalise_noun
from checker.model import FIGURE_KINDS, Kind
from checker.words import stem

# Verbs and phrases of speech: who stated a figure, not what it counts ("officials said").
SPEECH: Final = frozenset(
    """say said says saying tell told tells according add added adds adding note noted notes
    state stated states announce announced announces report reported reports reporting
    put puts""".split()
)
_ADVERB_WORDS: Final = frozenset(ADVERBS.replace(r"\s+", " ").split("|"))
# Particles and quantifiers around numbers ("down from", "up to", "fewer than", "any of").
PARTICLES: Final = frozenset(
    "ago almost any between down every fewer including nearly off out up allegedly "
    "reportedly".split()
)
NOT_CUES: Final = FUNCTION_WORDS | TIME_WORDS | DISCOURSE | _ADVERB_WORDS | PARTICLES | SPEECH
# Their stems too: rules match words by stem, so "reporters" as a context word would match
# "reported" (a speech verb) wherever a figure is reported.
NOT_CUE_STEMS: Final = frozenset(stem(w) for w in NOT_CUES)
# Where one clause ends and the next begins: a context word does not reach across. A colon
# between digits is part of a figure ("at 6:59 pm", "a 3:1 vote"), not the end of a clause.
CLAUSE_BREAK: Final = re.compile(
    r",\s*(?:and|but|while|whereas|although|though|yet)\b|;|(?<!\d):|:(?!\d)|\s[—–]\s|[()]",
    re.IGNORECASE,
)
_WORD: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")
_SPACE_WORD: Final = re.compile(r"\S+")
_YEAR: Final = re.compile(r"^(1[5-9]\d\d|20\d\d)")
# A word after one of these (and at most one adverb) is a verb: "have died", "were still
# missing", "had been identified".
AUXILIARY_WORDS: Final = frozenset(
    "is are was were be been being has have had will would could can may might shall should".split()
)
# Kinds that are one dimension for a fact: a percent fact takes "half" (a share) too.
_KIND_CLASS: Final = {Kind.SHARE.value: Kind.PERCENT.value}
_MEASURED: Final = frozenset({Kind.MEASURE.value, Kind.DURATION.value})


@dataclass(slots=True)
class Item:
    """One candidate figure of the corpus, as the suggestion reads it."""

    row: int  # row label in the figures DataFrame
    document: str
    kind: str  # the figure's kind ('share' for "half")
    block: str  # what it is compared within: kind class and unit ("count", "money:USD")
    head: str  # the counted noun's singular head ("structure"), '' for none
    noun: str  # the counted noun as written ("damaged or destroyed structures")
    low: float
    high: float
    value: float
    hedge: str
    earlier: bool  # "down from 385": an earlier figure quoted again
    revision: bool  # "revised down to 97"
    date: str  # the statement's date: the text's, else the publication date
    origin: str  # the speaker as written, '' when unattributed
    sentence_key: tuple[str, int]  # (document, sentence index)
    start: int  # offset of the figure in its sentence
    end: int
    elsewhere: bool = False  # its clause names a year outside the corpus's years
    cues: dict[str, int] = field(default_factory=dict)  # stem -> distance in words
    forms: dict[str, str] = field(default_factory=dict)  # stem -> the word as written
    verbal: set[str] = field(default_factory=set)  # cues that read as a predicate: "killed"
    # every word the matcher sees within `window` words (and the noun), as stems, with its
    # distance: what an `exclude` word must not be for the fact to keep the figure, and
    # what a context word must be for the fact to claim it
    seen: dict[str, int] = field(default_factory=dict)

    place: float = 0.0  # where the figure sits on a log scale (see `place_of`)

    @property
    def written(self) -> float | None:
        """The one number the text writes, whatever its hedge ("at least 115", "about 850":
        115, 850); None for a range or a vague quantity ("100 to 300", "hundreds")."""
        if self.hedge in ("range", "vague") or not math.isfinite(self.value):
            return None
        return self.value


def place_of(low: float, high: float) -> float:
    """Where a figure sits on a log scale: its middle, or its finite bound when open."""
    lower = low if low > 0 else None
    upper = high if math.isfinite(high) and high > 0 else None
    if lower is not None and upper is not None:
        return (math.log(lower) + math.log(upper)) / 2
    bound = lower if lower is not None else upper
    return math.log(bound) if bound is not None else 0.0


def block_of(kind: str, unit: str) -> str:
    """What a figure is compared within: 'count', 'percent', 'money:USD', 'measure:area'."""
    kind = _KIND_CLASS.get(kind, kind)
    if kind == Kind.MONEY.value:
        return f"money:{unit}"
    if kind in (Kind.MEASURE.value, Kind.DURATION.value):
        dimension = UNIT_SIZES.get(unit, (unit, 1.0))[0]
        return f"{kind}:{dimension}"
    return kind


def specific(value: float) -> bool:
    """Whether a value is written with at least two significant digits and is above 20 (93,
    850, 2,207, 5.52 billion), so two documents giving it are unlikely to meet by chance;
    2, 12, 40, 500 and 1,000 are too common to tie anything together."""
    if not math.isfinite(value) or value <= 20:
        return False
    digits = f"{value:.6e}".split("e")[0].replace(".", "").rstrip("0")
    return len(digits) >= 2


def corpus_years(figures: pd.DataFrame) -> tuple[int, int] | None:
    """The first and last year the corpus's statements were made in, from the publication
    and statement dates; None when it gives none."""
    years = [
        int(match.group(1))
        for column in ("published", "stated")
        for value in figures[column].fillna("").astype(str).unique()
        if (match := _YEAR.match(value))
    ]
    return (min(years), max(years)) if years else None


def _other_years(
    figures: pd.DataFrame, years: tuple[int, int]
) -> dict[tuple[str, int], list[int] | None]:
    """Sentences that name a year outside `years`, with where in the sentence each such year
    figure starts ("the 2018 Camp Fire"); None for a sentence that names one where no
    offset says (a date of another year the statement is dated by: "on 17 April 2019")."""
    first, last = years
    out: dict[tuple[str, int], list[int] | None] = {}
    rows = zip(
        figures["document"],
        figures["sentence_index"],
        figures["kind"],
        figures["value"],
        figures["dated"].fillna(""),
        figures["start"],
        figures["sentence_start"],
        strict=True,
    )
    for document, index, kind, value, dated, start, sentence_start in rows:
        key = (str(document), int(index))
        if any(not first <= int(d[:4]) <= last for d in str(dated).split(",") if _YEAR.match(d)):
            out[key] = None
        elif kind == Kind.YEAR.value and math.isfinite(value) and not first <= int(value) <= last:
            found = out.setdefault(key, [])
            if found is not None:
                found.append(int(start) - int(sentence_start))
    return out


def _in_clause(sentence: str, at: int, offsets: list[int] | None) -> bool:
    """Whether a year of another event stands in the clause of the figure at `at` (every
    year counts when no offset says where it is)."""
    if offsets is None:
        return True
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(sentence)]
    return any(not any(min(at, year) < b < max(at, year) for b in breaks) for year in offsets)


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    word: str
    index: int  # which whitespace word of the sentence it is in


def _word_starts(sentence: str) -> list[int]:
    """Where each whitespace-separated word of the sentence starts: the words a rule's
    `window` counts."""
    return [m.start() for m in _SPACE_WORD.finditer(sentence)]


def _word_index(starts: list[int], offset: int) -> int:
    """Which whitespace word of the sentence the character at `offset` is in."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _tokens(sentence: str, starts: list[int]) -> list[_Token]:
    return [
        _Token(m.start(), m.end(), m.group(), _word_index(starts, m.start()))
        for m in _WORD.finditer(sentence)
    ]


def _noun_span(sentence: str, end: int, noun: str) -> tuple[int, int]:
    """Where the counted noun stands: just after the figure when it is written there, else
    its first place in the sentence, else nowhere."""
    if not noun:
        return (0, 0)
    found = sentence.find(noun, end)
    if found < 0 or found - end > 40:
        found = sentence.find(noun)
    return (found, found + len(noun)) if found >= 0 else (0, 0)


_COLUMNS: Final = (
    "modality", "sentence_start", "document", "sentence_index", "kind", "unit", "head",
    "noun", "low", "high", "value", "hedge", "earlier", "revision", "stated", "published",
    "origin", "start", "end",
)  # fmt: skip


def _text(value: object) -> str:
    """A string cell as text: '' for a missing one."""
    return "" if value is None or value is pd.NA or value != value else str(value)


def read_items(
    figures: pd.DataFrame,
    kinds: Iterable[str],
    window: int,
    skip: Iterable[int],
    years: tuple[int, int] | None,
) -> list[Item]:
    """The candidate figures of `kinds` (statements of a count, neither denied nor
    projected), each with its cues; figures of rows in `skip` are left out. `years` are
    the corpus's (`corpus_years`): a figure beside another year is another event's."""
    wanted = set(kinds)
    skipped = set(skip)
    elsewhere = _other_years(figures, years) if years else {}
    frame = figures[figures["kind"].isin(sorted(wanted))]
    sentences_of = dict(
        zip(
            zip(frame["document"].astype(str), frame["sentence_index"].astype(int), strict=True),
            frame["sentence"].astype(str),
            strict=True,
        )
    )
    columns = {name: frame[name].tolist() for name in _COLUMNS}
    items: list[Item] = []
    for n, label in enumerate(frame.index.tolist()):
        row = {name: values[n] for name, values in columns.items()}
        if row["modality"] != "count" or int(label) in skipped:
            continue
        if str(row["kind"]) in _MEASURED and _text(row["unit"]).lower() not in MEASURE_UNITS:
            continue  # no rule can name its unit, so no fact can claim it
        sentence_start = int(row["sentence_start"])
        key = (str(row["document"]), int(row["sentence_index"]))
        kind, unit = str(row["kind"]), _text(row["unit"])
        # a share is compared as a percent ("a quarter" is 25), a measure in its
        # dimension's base unit ("850 hectares" beside "2,170 acres")
        scale = 100.0 if kind == Kind.SHARE.value else 1.0
        if kind in (Kind.MEASURE.value, Kind.DURATION.value):
            scale = UNIT_SIZES.get(unit, ("", 1.0))[1]
        items.append(
            Item(
                row=int(label),
                document=str(row["document"]),
                kind=kind,
                block=block_of(kind, unit),
                head=_text(row["head"]) if kind == Kind.COUNT.value else "",
                noun=_text(row["noun"]),
                low=float(row["low"]) * scale,
                high=float(row["high"]) * scale,
                value=float(row["value"]) * scale,
                hedge=str(row["hedge"]),
                earlier=bool(row["earlier"]),
                revision=bool(row["revision"]),
                date=_text(row["stated"]) or _text(row["published"]),
                origin=_text(row["origin"]),
                sentence_key=key,
                start=int(row["start"]) - sentence_start,
                end=int(row["end"]) - sentence_start,
                elsewhere=key in elsewhere
                and _in_clause(
                    sentences_of[key], int(row["start"]) - sentence_start, elsewhere[key]
                ),
                place=place_of(float(row["low"]) * scale, float(row["high"]) * scale),
            )
        )
    by_sentence: dict[tuple[str, int], list[Item]] = {}
    for item in items:
        by_sentence.setdefault(item.sentence_key, []).append(item)
    for key, group in by_sentence.items():
        _read_cues(sentences_of[key], group, window)
    return items


def _read_cues(sentence: str, items: list[Item], window: int) -> None:
    """Give each item of one sentence its cues: the content words within `window` words,
    each owned by the nearest item of the same block (see the module docstring)."""
    starts = _word_starts(sentence)
    tokens = _tokens(sentence, starts)
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(sentence)]
    commas = [m.start() for m in re.finditer(",", sentence)]
    inside: set[int] = set()  # tokens that are part of a figure or of a counted noun's head
    spans = {
        id(item): (
            _word_index(starts, item.start),
            _word_index(starts, max(item.start, item.end - 1)),
        )
        for item in items
    }
    speaker_words: dict[int, set[str]] = {}
    predicate_of: dict[int, Item] = {}  # token -> the figure it is the predicate of
    for item in items:
        noun_start, noun_end = _noun_span(sentence, item.end, item.noun)
        predicate = _predicate(tokens, max(item.end, noun_end))
        if predicate is not None:
            predicate_of.setdefault(predicate, item)
        head_words = set(normalise_noun(item.head).split()) if item.head else set()
        for i, token in enumerate(tokens):
            if item.start <= token.start < item.end or (
                item.block != Kind.PERCENT.value
                and noun_start <= token.start < noun_end
                and normalise_noun(token.word) in head_words
            ):
                inside.add(i)
        speaker_words[id(item)] = {w.lower() for w in _WORD.findall(item.origin)}
    # a word goes to the nearest figure among those a fact could count together: one
    # block, one noun (figures without a noun compete with every noun)
    rivals: list[list[Item]] = []
    for block in sorted({item.block for item in items}):
        members = [item for item in items if item.block == block]
        heads = sorted({item.head for item in members})
        for head in heads:
            rivals.append([i for i in members if i.head in (head, "")])
    for item in items:
        _read_seen(item, sentence, window)
    for i, token in enumerate(tokens):
        lower = token.word.lower()
        if i in inside or lower in NOT_CUES or (token.word.isdigit() and len(token.word) < 4):
            continue
        if len(lower) < 2:
            continue
        cue = stem(token.word)
        if cue in NOT_CUE_STEMS:
            continue
        verbal = _verbal(tokens, i)
        subject = predicate_of.get(i)
        for group in rivals:
            # a figure's own predicate is its ("340 houses were damaged and 46 destroyed":
            # 'damaged' is 340's), else the word goes to the nearest figure
            owner = (
                subject
                if subject is not None and any(subject is it for it in group)
                else min(group, key=lambda it: _distance(it, token, breaks, commas))
            )
            if _distance(owner, token, breaks, commas)[0]:
                continue  # the word is in another clause than every figure of the block
            first, last = spans[id(owner)]
            gap = first - token.index if token.index < first else token.index - last
            if gap > window or lower in speaker_words[id(owner)]:
                continue
            for item in [owner, *_neighbours(owner, group)]:
                if cue not in item.cues or item.cues[cue] > gap:
                    item.cues[cue] = max(gap, 0)
                    item.forms.setdefault(cue, token.word)
                if verbal:
                    item.verbal.add(cue)


def _read_seen(item: Item, sentence: str, window: int) -> None:
    """The words the matcher reads near the item: `window` words either side, and the noun."""
    before = sentence[: item.start].split()[-window:]
    after = sentence[item.end :].split()[:window]
    near = [(len(before) - n, w) for n, w in enumerate(before)]
    near += [(n + 1, w) for n, w in enumerate(after)]
    near += [(0, w) for w in item.noun.split()]
    for distance, chunk in near:
        for word in _WORD.findall(chunk):
            cue = stem(word)
            if cue not in item.seen or item.seen[cue] > distance:
                item.seen[cue] = distance
                item.forms.setdefault(cue, word)


def _verbal(tokens: list[_Token], at: int) -> bool:
    """Whether the word at `at` reads as a predicate: a participle or gerund ("killed",
    "missing"), or a word after an auxiliary ("have died", "were still unaccounted")."""
    lower = tokens[at].word.lower()
    if lower.endswith("ly"):
        return False  # "was probably", "were likely": an adverb
    if len(lower) > 4 and lower.endswith(("ed", "ing")):
        return True
    before = [t.word.lower() for t in tokens[max(0, at - 2) : at]]
    if before and before[-1] in AUXILIARY_WORDS:
        return True
    return len(before) == 2 and before[0] in AUXILIARY_WORDS and before[1] in NOT_CUES


def _predicate(tokens: list[_Token], after: int) -> int | None:
    """The token that is the predicate of a figure whose words end at `after`: the first
    word past its noun, auxiliaries and adverbs, when it reads as one ("340 homes were
    badly damaged"); None when another word comes first."""
    for i, token in enumerate(tokens):
        if token.start < after:
            continue
        lower = token.word.lower()
        if lower in AUXILIARY_WORDS or lower in _ADVERB_WORDS:
            continue
        return (
            i
            if _verbal(tokens, i)
            and i > 0
            and tokens[i - 1].word.lower() in (AUXILIARY_WORDS | _ADVERB_WORDS)
            else None
        )
    return None


def _distance(
    item: Item, token: _Token, breaks: list[int], commas: list[int]
) -> tuple[bool, bool, int]:
    """How far an item is from a word: a word of the item's own clause first, then one no
    comma parts from it ("89 people have died, hundreds are still missing": 'died' is 89's),
    then by characters (as the matcher gives context words to figures)."""
    low, high = sorted((token.start, item.start))
    crosses = any(low < b < high for b in breaks)
    parted = any(low < c < high for c in commas)
    gap = item.start - token.end if item.start >= token.end else token.start - item.end
    return crosses, parted, max(gap, 0)


def _neighbours(owner: Item, group: list[Item]) -> list[Item]:
    """The figures next to `owner` that it changed from or into ("from 41 to 31", "66
    names, down from 385"): an earlier figure and its successor of the same noun (or of
    none) share their words."""
    ordered = sorted(group, key=lambda it: it.start)
    at = ordered.index(owner)
    return [
        near
        for near in ordered[max(0, at - 1) : at + 2]
        if near is not owner
        and (near.earlier or owner.earlier)
        and (near.head == owner.head or not near.head or not owner.head)
    ]


def figure_kinds(asked: Iterable[str]) -> frozenset[str]:
    """The kinds the suggestion reads: the figures, and the kinds a user asked for."""
    return frozenset({k.value for k in FIGURE_KINDS} | set(asked))
