"""Figures x Facts -> Claims: kind, unit and statement prefilters, counted nouns by rapidfuzz,
context words by stem.

The noun scores are one ``rapidfuzz.process.cdist`` between every alias of every fact and the
distinct counted nouns of the corpus; context words are matched by their Snowball stem
(``checker.words``). A figure's kind must be the fact's (a share and a percent are one
dimension: "half" is 50%), its unit convertible into the fact's ("850 hectares" for a fact in
acres), its statement asserted (a denied figure never counts, a projection only for a fact
that takes projections, an earlier figure quoted again only for a fact that changes over
time), its sentence not dated to another day than the fact's. A figure with no counted noun
("police put the figure at 18,000") is claimed by a fact without `counts`, by its context
words. A counted list ("120
rockets, mortar shells and drones") belongs to a fact naming the list or an umbrella
("projectiles"), never to one counting a member ("drones").

A figure matching several facts goes to the most specific one ("over 100 ballistic missiles"
is a ballistic-missile figure, not a generic missile one); an exact tie is reported as a
note, never resolved silently. Facts restricted to some origins (`origins`,
`exclude_origins`) compete only among themselves, so a general fact and a per-camp fact can
both claim one figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import Final

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from checker.extract.counted import restates
from checker.extract.hedges import hedge_interval, vague_interval
from checker.extract.units import list_members, normalise_noun, unit_conversion, unit_factor
from checker.model import (
    DEFAULT_HEDGES,
    FIGURE_KINDS,
    Claim,
    Fact,
    Figure,
    Interval,
    Kind,
    RuleSet,
)
from checker.origins import Origins, resolve_origins
from checker.words import WordMatcher

REWIDENED_HEDGES: Final = frozenset({"nearly", "about", "just-over"})
NEAR_MISS: Final = 60.0  # a noun this similar that still did not match is worth explaining
# The score that ranks a counted list claimed by an umbrella alias ("projectiles" for "120
# rockets, mortar shells and drones") below an alias that names it.
UMBRELLA_SCORE: Final = 80.0
# kinds that are one dimension: a fact of the key also takes the values, converted
_CROSS_KINDS: Final = {Kind.PERCENT: Kind.SHARE, Kind.SHARE: Kind.PERCENT}
FloatArray = NDArray[np.floating]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Candidate:
    """Why a figure did or did not become a claim of a fact (for `explain`)."""

    fact_id: str
    row: int
    score: float
    reason: str  # '' when it matched


@dataclass(frozen=True, slots=True)
class Matches:
    claims: tuple[Claim, ...]
    unmatched: int  # figures of figure kinds that no fact claimed
    notes: tuple[str, ...]
    near_misses: tuple[Candidate, ...]
    claimed: tuple[int, ...] = ()  # row labels (in the figures DataFrame) of the claims
    candidates: tuple[int, ...] = ()  # row labels of every figure of a figure kind


def figure_at(figures: pd.DataFrame, row: int) -> Figure:
    """The Figure of one row label of the figures DataFrame."""
    found = figures.loc[row]
    assert isinstance(found, pd.Series), "row labels are unique"
    return Figure.from_row(found)


def unmatched_figures(figures: pd.DataFrame, matches: Matches) -> pd.DataFrame:
    """The figures (of figure kinds) no fact claimed, in document order: what rules miss."""
    rows = sorted(set(matches.candidates) - set(matches.claimed))
    return figures.loc[rows]


def origin_listed(origin: str, listed: tuple[str, ...]) -> bool:
    """Whether a fact's `origins` (group names or words of an attribution) take `origin`:
    `police` takes "Maui County police"; `Israel` takes the group Israel."""
    return any(
        origin == name or re.search(rf"(?<!\w){re.escape(name)}(?!\w)", origin, re.IGNORECASE)
        for name in listed
    )


def hedged_interval(figure: Figure, fact: Fact) -> Interval:
    """The figure's interval with the fact's hedge widths ("about 300" with δ = 5%,
    "dozens" as the rule reads it); the extractor's where the fact keeps the defaults."""
    hedges = fact.hedges
    if hedges == DEFAULT_HEDGES or figure.kind is Kind.TIME:
        return figure.interval
    if figure.hedge == "vague" and (bounds := vague_interval(figure.text, hedges)):
        return Interval(*bounds)
    if figure.hedge in REWIDENED_HEDGES:
        percent = figure.kind is Kind.PERCENT
        interval = hedge_interval(figure.value, figure.hedge, hedges, percent=percent)
        if percent and figure.value <= 100 < interval.high:
            # "about 99% of the threats": a share of a whole is at most 100
            interval = Interval(interval.low, 100.0, interval.low_inclusive, True)
        return interval
    return figure.interval


def _scaled(interval: Interval, factor: float, shift: float = 0.0) -> Interval:
    return Interval(
        interval.low * factor + shift,
        interval.high * factor + shift,
        interval.low_inclusive,
        interval.high_inclusive,
    )


def fact_interval(figure: Figure, fact: Fact) -> Interval:
    """The figure's interval as the fact reads it: its hedge width, in the fact's unit ("850
    hectares" in acres), "half" as 50% for a percent fact, a UTC clock in the fact's time."""
    interval = hedged_interval(figure, fact)
    if fact.kind is Kind.PERCENT and figure.kind is Kind.SHARE:
        return _scaled(interval, 100.0)
    if fact.kind is Kind.SHARE and figure.kind is Kind.PERCENT:
        return _scaled(interval, 0.01)
    if fact.kind in (Kind.MEASURE, Kind.DURATION) and fact.unit and figure.unit != fact.unit:
        conversion = unit_conversion(figure.unit, fact.unit)
        return interval if conversion is None else _scaled(interval, *conversion)
    if fact.kind is Kind.TIME and fact.timezone is not None and figure.unit == "UTC":
        local = _scaled(interval, 1.0, float(fact.timezone))
        day = 24 * 60
        return _scaled(local, 1.0, -day) if local.low >= day else local
    return interval


def make_claim(fact: Fact, figure: Figure, origin: str, score: float, copy_of: str = "") -> Claim:
    """A claim of `fact`: the figure's interval as the fact reads it, and its halo (half the
    tolerance each side) for comparison."""
    interval = fact_interval(figure, fact)
    return Claim(fact.id, figure, origin, score, interval, fact.tolerance.halo(interval), copy_of)


def _noun_scores(
    nouns: list[str], facts: tuple[Fact, ...], cutoff: float, lists: dict[int, list[str]]
) -> dict[str, tuple[FloatArray, FloatArray]]:
    """Per fact, (match score, raw similarity) of its best alias against every distinct noun.

    The match score is 0 where the noun cannot match; the raw similarity names near misses.
    A noun that is a counted list (`lists`: its index -> its normalised members) is scored
    by `_list_score` instead.
    """
    aliases = sorted({normalise_noun(a) for f in facts for a in f.counts})
    if not aliases or not nouns:
        full = np.full(len(nouns), 100.0)
        return {f.id: (full if not f.counts else full * 0, full * 0) for f in facts}
    scores = process.cdist(aliases, nouns, scorer=fuzz.token_set_ratio, dtype=np.float32)
    specific = process.cdist(aliases, nouns, scorer=fuzz.ratio, dtype=np.float32)
    # an alias's words must all be in the noun: "ballistic missile" does not match "missile"
    alias_len = np.array([len(a.split()) for a in aliases])[:, None]
    noun_len = np.array([len(n.split()) for n in nouns])[None, :]
    heads = process.cdist(
        [a.split()[-1] for a in aliases],
        [n.split()[-1] if n else "" for n in nouns],
        scorer=fuzz.ratio,
        dtype=np.float32,
    )
    ok = (scores >= cutoff) & (alias_len <= noun_len) & (heads >= cutoff)
    # the score orders facts: exact phrase first, then closeness of the whole phrase
    combined = np.where(ok, scores + specific / 1000.0, 0.0)
    index = {a: i for i, a in enumerate(aliases)}
    out: dict[str, tuple[FloatArray, FloatArray]] = {}
    for fact in facts:
        rows = sorted({index[normalise_noun(a)] for a in fact.counts})
        if rows:
            best, raw = combined[rows].max(axis=0), scores[rows].max(axis=0)
            for column, members in lists.items():
                best[column], raw[column] = _list_score(fact, members, cutoff)
            out[fact.id] = (best, raw)
        else:  # a fact without counted nouns (a percent) takes any noun
            out[fact.id] = (np.full(len(nouns), 100.0), np.full(len(nouns), 100.0))
    return out


def _members(noun: str) -> list[str]:
    """The normalised members of a counted list as written ('rocket', 'mortar shell',
    'drone'); one member for a plain noun."""
    return [normalise_noun(m) for m in list_members(noun)]


def _alias_members(alias: str) -> list[str]:
    """The normalised members of a `counts` alias: "missiles and drones" names two, an
    author's "and" always joins members."""
    parts = re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", alias)
    return [normalise_noun(p) for p in parts if p.strip()]


def _lists(raw: pd.Series, codes: IntArray) -> dict[int, list[str]]:
    """Which distinct (normalised) nouns are counted lists, with their members: read on
    the nouns as written, where plurals still show ("rockets, mortar shells and drones")."""
    out: dict[int, list[str]] = {}
    for code, noun in zip(codes, raw, strict=True):
        if code not in out and ("," in noun or " and " in noun or " or " in noun):
            members = _members(noun)
            if len(members) > 1:
                out[int(code)] = members
    return out


def _same(alias: str, member: str, cutoff: float) -> bool:
    return fuzz.ratio(alias, member) >= cutoff


def _list_score(fact: Fact, members: list[str], cutoff: float) -> tuple[float, float]:
    """How a fact takes a counted list: fully when one of its aliases is the list or names
    two or more of its members ("rockets and drones"); as an umbrella when it has a list
    alias of its own and no alias names a member ("projectiles", "missiles and drones" for
    "rockets, mortar shells and drones"); never when an alias names one member alone
    ("drones"), nor when the fact counts no list at all ("cars" for "homes and shops")."""
    split = [_alias_members(a) for a in fact.counts]
    for parts in split:
        if len(parts) > 1 and all(any(_same(p, m, cutoff) for m in members) for p in parts):
            return 100.0, 100.0
    single = [parts[0] for parts in split if len(parts) == 1]
    if any(_same(a, m, cutoff) for a in single for m in members):
        return 0.0, 100.0  # the fact counts one member: the list is more than it counts
    if not any(len(parts) > 1 for parts in split):
        # a fact that counts no list ("cars") is no umbrella of one it never names ("homes
        # and shops"): only an author who wrote a list alias expects lists under the fact
        return 0.0, 0.0
    return UMBRELLA_SCORE, UMBRELLA_SCORE


@dataclass(frozen=True, slots=True)
class _Columns:
    """The candidate figures' columns as arrays, indexed by position."""

    index: IntArray  # row labels in the figures DataFrame
    kind: NDArray[np.object_]
    unit: NDArray[np.object_]
    unit_as_written: NDArray[np.object_]
    noun: NDArray[np.object_]
    sentence: NDArray[np.object_]
    key: NDArray[np.object_]  # (document, sentence index) as one string
    start: IntArray
    end: IntArray
    sentence_start: IntArray
    modality: NDArray[np.object_]
    earlier: BoolArray
    dated: NDArray[np.object_]

    @classmethod
    def of(cls, frame: pd.DataFrame) -> _Columns:
        return cls(
            index=frame.index.to_numpy(dtype=np.int64),
            kind=frame["kind"].to_numpy(dtype=object),
            unit=frame["unit"].fillna("").str.lower().to_numpy(dtype=object),
            unit_as_written=frame["unit"].fillna("").to_numpy(dtype=object),
            noun=frame["noun"].fillna("").to_numpy(dtype=object),
            sentence=frame["sentence"].to_numpy(dtype=object),
            key=(frame["document"] + "#" + frame["sentence_index"].astype("string")).to_numpy(
                dtype=object
            ),
            start=frame["start"].to_numpy(dtype=np.int64),
            end=frame["end"].to_numpy(dtype=np.int64),
            sentence_start=frame["sentence_start"].to_numpy(dtype=np.int64),
            modality=frame["modality"].to_numpy(dtype=object),
            earlier=frame["earlier"].to_numpy(dtype=bool),
            dated=frame["dated"].fillna("").to_numpy(dtype=object),
        )

    def window(self, positions: IntArray, words: int | None) -> list[str]:
        """Each figure's sentence, or the text within `words` words either side of it, and
        its counted noun wherever the sentence gives it ("the count of the dead … stood at
        114": 'dead' is near 114)."""
        if words is None:
            return [str(self.sentence[p]) for p in positions]
        out = []
        for p in positions:
            sentence = str(self.sentence[p])
            left = int(self.start[p] - self.sentence_start[p])
            right = int(self.end[p] - self.sentence_start[p])
            before = " ".join(sentence[:left].split()[-words:])
            after = " ".join(sentence[right:].split()[:words])
            out.append(f"{before} {sentence[left:right]} {after} | {self.noun[p]}")
        return out

    def nearest_owners(
        self, positions: IntArray, words: WordMatcher, others: IntArray | None = None
    ) -> set[int]:
        """Positions that own a context word. In a sentence with several candidates of one
        fact, each context word belongs to the nearest ("none of the 170 drones that Iran
        launched": 'launched' belongs to 170, not to 'none'), and to the figures it changed
        from or into ("the toll went from 115 to at least 97", "66 names, down from 385":
        an earlier figure and its successor share their words). `others` are figures of the
        fact's noun left out for what the sentence says of them (a projection, a denial):
        they own the words nearest them too ("It's already 24C, and forecasters say it will
        hit 31C": 'hit' is the forecast's), so only the rest can go to the candidates."""
        by_sentence: dict[str, list[int]] = {}
        for p in positions:
            by_sentence.setdefault(str(self.key[p]), []).append(int(p))
        for p in others if others is not None else ():
            if str(self.key[p]) in by_sentence and int(p) not in by_sentence[str(self.key[p])]:
                by_sentence[str(self.key[p])].append(int(p))
        owners: set[int] = set()
        for group in by_sentence.values():
            if len(group) == 1:
                owners.update(group)
                continue
            group.sort(key=lambda p: int(self.start[p]))
            base = int(self.sentence_start[group[0]])
            sentence = str(self.sentence[group[0]])
            breaks = [base + m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
            for hit in words.finditer(sentence):
                pos = base + hit.start
                owner = min(group, key=partial(self._distance, pos=pos, breaks=breaks))
                at = group.index(owner)
                if at and self._said_of_part(group[at - 1], owner, pos):
                    # "Nine of the 40 passengers were injured": the whole is inside the
                    # part's phrase, and the verb after it is said of the part
                    owner = group[at - 1]
                elif at and pos < int(self.start[owner]) and self._part_of_them(owner):
                    # "Thirty-one officers were hurt, nine of them seriously": the part
                    # names the whole again; the verb before it is the whole's
                    owner = group[at - 1]
                owners.add(owner)
                at = group.index(owner)
                for near in group[max(0, at - 1) : at + 2]:
                    if near != owner and (
                        self.earlier[near] or self.earlier[owner] or self._restated(owner, near)
                    ):
                        owners.add(near)
        return owners

    def _part_of_them(self, p: int) -> bool:
        """Whether figure `p` is a part of a whole named before it: "nine of them", "three
        of those"."""
        base = int(self.sentence_start[p])
        rest = str(self.sentence[p])[int(self.end[p]) - base :]
        return _OF_THEM.match(rest) is not None

    def _said_of_part(self, part: int, whole: int, pos: int) -> bool:
        """Whether the word at `pos` is the verb of a partitive count `part` whose whole is
        `whole`: "Nine of the 40 passengers were injured", "14 of the train's 22 cars
        derailed"; but in "none of the 170 drones that Iran launched" the verb is the
        whole's own (a relative clause), as it is in "the 40 passengers on the bus"."""
        base = int(self.sentence_start[part])
        sentence = str(self.sentence[part])
        joint = sentence[int(self.end[part]) - base : int(self.start[whole]) - base]
        if _PARTITIVE_JOINT.fullmatch(joint) is None:
            return False
        between = sentence[int(self.end[whole]) - base : pos - base].strip()
        noun = str(self.noun[whole])
        if not noun or not between.startswith(noun):
            return False
        return _PART_VERB.fullmatch(between[len(noun) :]) is not None

    def _distance(self, p: int, pos: int, breaks: list[int]) -> tuple[bool, int]:
        """How far figure `p` is from a word at `pos`: a word of the figure's own clause
        first ("Two people's remains have not been identified, and six people are missing":
        'identified' is Two's), then by characters."""
        low, high = sorted((pos, int(self.start[p])))
        crosses = any(low < b < high for b in breaks)
        gap = self.start[p] - pos if self.start[p] > pos else pos - self.end[p]
        return crosses, int(gap)

    def _restated(self, one: int, other: int) -> bool:
        """Whether, of two neighbouring figures of a sentence, the later restates the
        earlier ("about five kilograms of explosives, and certainly less than 10")."""
        first, second = sorted((one, other), key=lambda p: int(self.start[p]))
        base = int(self.sentence_start[first])
        joint = str(self.sentence[first])[
            int(self.end[first]) - base : int(self.start[second]) - base
        ]
        return restates(joint, str(self.noun[first]))


def _context_checks(
    fact: Fact, cols: _Columns, positions: IntArray, others: IntArray | None = None
) -> list[tuple[BoolArray, list[str]]]:
    """Each context test as (passes, why not) per candidate, in the order they apply."""
    texts = _without_partitive_wholes(cols, positions, cols.window(positions, fact.window))
    nearby = "in the sentence" if fact.window is None else f"within {fact.window} words"
    checks: list[tuple[BoolArray, list[str]]] = []
    context = WordMatcher(fact.context)
    if context:
        hit = np.array([context.search(t) is not None for t in texts], dtype=bool)
        owned = np.isin(positions, list(cols.nearest_owners(positions[hit], context, others)))
        words = ", ".join(fact.context)
        checks.append(
            (
                owned,
                [
                    f"its context word belongs to a nearer figure ({words})"
                    if h
                    else f"no context word {nearby} ({words})"
                    for h in hit
                ],
            )
        )
    for word in fact.context_all:
        every = WordMatcher((word,))
        if every:
            found = np.array([every.search(t) is not None for t in texts], dtype=bool)
            checks.append((found, [f"{word!r} is not {nearby}"] * len(texts)))
    exclude = WordMatcher(fact.exclude)
    if exclude:
        hits = [exclude.search(t) for t in texts]
        checks.append(
            (
                np.array([h is None for h in hits], dtype=bool),
                [f"excluded word {h.text!r} is {nearby}" if h else "" for h in hits],
            )
        )
    return checks


_OF_THEM: Final = re.compile(r"\s+of\s+(?:them|those|these|whom)\b", re.IGNORECASE)
# What joins a part to the number of its whole: "Nine| of the |40", "14| of the train's |22"
_PARTITIVE_JOINT: Final = re.compile(
    r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|those|these|our|my|his|her|your)\s+)?"
    r"(?:[^\W\d][\w-]*(?:'s|’s)\s+)?",
    re.I,
)
# Between a whole's noun and the part's verb: where the whole is ("aboard", "in the car"),
# then auxiliaries and adverbs ("were later", "had all been"), nothing else
_PART_VERB: Final = re.compile(
    r"(?:\s+(?:aboard|on\s+board|inside|(?:in|on|at|from|inside)"
    r"(?:\s+(?:the|its|their|this|that))?(?:\s+[^\W\d][\w'’-]*){1,2}))?"
    r"(?:\s+(?:am|is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|shall|"
    r"should|can|could|may|might|must|also|all|both|then|still|now|not|later|\w+ly))*\s*",
    re.I,
)
# "Three of the dead were children": a part of a whole the figure's noun names
_PARTITIVE: Final = re.compile(r"\s+of\s+(?:the|those|these)\s+(?:[\w'’-]+\s+){0,2}?", re.I)


def _without_partitive_wholes(cols: _Columns, positions: IntArray, texts: list[str]) -> list[str]:
    """The texts context is looked for in, with the whole that a partitive count is a part
    of blanked out: in "Three of the dead were children" 'dead' says what the three are
    part of, not what they are, so a fact of the dead needs a word of its own for them."""
    out = []
    for p, text in zip(positions, texts, strict=True):
        noun = str(cols.noun[p])
        sentence = str(cols.sentence[p])
        after = int(cols.end[p] - cols.sentence_start[p])
        # a share's whole is what it is a share of: "52.3% of the vote" is about the vote
        part = _PARTITIVE.match(sentence, after) if noun and cols.kind[p] == "count" else None
        if part is not None and sentence.startswith(noun, part.end()):
            whole = sentence[after : part.end() + len(noun)]
            text = text.replace(whole, " ", 1)
            if text.endswith(" | " + noun):  # the noun a window adds, as one more word
                text = text[: -len(noun)]
        out.append(text)
    return out


def _noun_reason(noun: str, raw: float, fact: Fact, cutoff: float) -> str:
    """Why a counted noun that came close (raw similarity `raw`) still did not match."""
    if len(list_members(noun)) > 1:
        return f"counted noun {noun!r} is a list; the fact counts one of its members"
    head = (normalise_noun(noun).split() or [""])[-1]
    heads = [(normalise_noun(a).split() or [""])[-1] for a in fact.counts]
    if raw >= cutoff and all(fuzz.ratio(head, h) < cutoff for h in heads):
        # "drone boats" shares every word with "drones" but counts boats
        return f"counted noun {noun!r} counts {head!r}, not {_aliases(fact)}"
    if raw >= cutoff:
        # "missiles" against "ballistic missiles": the noun says less than the fact
        whole = max(fact.counts, key=lambda a: fuzz.token_set_ratio(noun, a))
        return f"counted noun {noun!r} is only part of {whole!r}"
    return f"counted noun {noun!r} scores {raw:.0f} against {_aliases(fact)}, needs {cutoff:.0f}"


def _aliases(fact: Fact) -> str:
    return ", ".join(repr(a) for a in fact.counts)


def _kind_ok(fact: Fact, cols: _Columns) -> BoolArray:
    """Figures of the fact's kind, or of the kind that is the same dimension."""
    ok = np.asarray(cols.kind == fact.kind.value, dtype=bool)
    cross = _CROSS_KINDS.get(fact.kind)
    if cross is not None:
        ok |= np.asarray(cols.kind == cross.value, dtype=bool)
    return ok


def _unit_ok(fact: Fact, cols: _Columns) -> BoolArray:
    """Figures in the fact's unit, or in one convertible into it."""
    size = len(cols.index)
    if fact.kind is Kind.PERCENT:
        wanted = (fact.unit or "%").lower()
        return np.asarray((cols.unit == wanted) | (cols.kind == Kind.SHARE.value), dtype=bool)
    if not fact.unit or fact.kind in (Kind.COUNT, Kind.SHARE, Kind.TIME, Kind.AGE):
        return np.ones(size, dtype=bool)
    if fact.kind in (Kind.MEASURE, Kind.DURATION):
        return np.array([unit_factor(str(u), fact.unit) is not None for u in cols.unit], dtype=bool)
    return np.asarray(cols.unit == fact.unit.lower(), dtype=bool)


def _statement_checks(fact: Fact, cols: _Columns, positions: IntArray) -> list[tuple[int, str]]:
    """(position, why not) for candidates whose statement the fact cannot take."""
    out: list[tuple[int, str]] = []
    for p in positions:
        modality = str(cols.modality[p])
        if modality == "negated":
            out.append((int(p), "the sentence denies the figure (negated)"))
        elif modality == "projection" and not fact.projections:
            out.append((int(p), "a projection, not a count (the fact takes no projections)"))
        elif bool(cols.earlier[p]) and fact.changes_over_time is None:
            out.append((int(p), "an earlier figure quoted again, not the current one"))
        elif fact.dated and cols.dated[p] and fact.dated not in str(cols.dated[p]).split(","):
            dated = str(cols.dated[p]).replace(",", ", ")
            out.append((int(p), f"the sentence is dated {dated}, the fact {fact.dated}"))
    return out


def _origin_checks(
    fact: Fact, cols: _Columns, positions: IntArray, origins: Origins
) -> list[tuple[int, str]]:
    """(position, why not) for candidates of origins the fact leaves out."""
    out: list[tuple[int, str]] = []
    for p in positions:
        origin = origins.by_row[int(cols.index[p])]
        if fact.origins and not origin_listed(origin, fact.origins):
            out.append((int(p), f"origin {origin!r} is not one of the fact's origins"))
        elif fact.exclude_origins and origin_listed(origin, fact.exclude_origins):
            out.append((int(p), f"origin {origin!r} is one the fact excludes"))
    return out


def asked_kinds(rules: RuleSet) -> frozenset[str]:
    """The kinds of figure the rules can claim: the figures, and what a fact asks for."""
    kinds = {k.value for k in FIGURE_KINDS} | {f.kind.value for f in rules.facts}
    return frozenset(kinds)


def match_claims(figures: pd.DataFrame, rules: RuleSet, *, near_misses: bool = True) -> Matches:
    """Assign figures to facts: each figure to at most one fact of those that take any
    origin, and to at most one fact restricted to some origins. Without `near_misses` the
    figures that only came close (a wrong kind, a near noun, no noun) are not looked for:
    the claims are the same, and `check` never shows them."""
    return _assign(figures, rules, *_scored(figures, rules, near_misses=near_misses))


_Best = dict[tuple[int, bool], list[tuple[float, int]]]


def assignments(figures: pd.DataFrame, rules: RuleSet) -> list[tuple[int, tuple[str, ...]]]:
    """(row label, the fact that claims it or the facts that tie for it), in row order:
    match_claims's assignment without building its claims (what a rule suggester reads)."""
    return [
        (i, tuple(rules.facts[o].id for o in _leaders(options)))
        for (i, _restricted), options in sorted(
            _scored(figures, rules, near_misses=False)[1].items()
        )
    ]


def _leaders(options: list[tuple[float, int]]) -> list[int]:
    """The facts (by order) a figure goes to, of its (score, order) options, sorted best
    first in place: the one best, or every one tied at the best score."""
    options.sort(key=lambda o: (-o[0], o[1]))
    return [o for score, o in options if score == options[0][0]]


def _scored(
    figures: pd.DataFrame, rules: RuleSet, *, near_misses: bool = True
) -> tuple[Origins, _Best, list[Candidate], list[int]]:
    """Each figure's (score, fact order) options, the near misses (unless not asked for),
    the figure rows."""
    frame = figures[figures["kind"].isin(sorted(asked_kinds(rules)))]
    origins = resolve_origins(frame, rules)
    cols = _Columns.of(frame)
    raw_nouns = frame["noun"].fillna("")
    codes, uniques = pd.factorize(raw_nouns.map(normalise_noun))
    lists = _lists(raw_nouns.astype(str), codes)
    scores = _noun_scores([str(u) for u in uniques], rules.facts, rules.noun_cutoff, lists)
    best: _Best = {}
    near: list[Candidate] = []
    nounless = cols.noun == ""
    for order, fact in enumerate(rules.facts):
        score, raw = (a[codes] for a in scores[fact.id])
        kind_ok = _kind_ok(fact, cols)
        unit_ok = _unit_ok(fact, cols)
        if near_misses:
            near.extend(_kind_misses(fact, cols, score, kind_ok, unit_ok))
        kind_ok &= unit_ok
        for p in np.flatnonzero(kind_ok & (score == 0) & (raw >= NEAR_MISS)) if near_misses else ():
            why = _noun_reason(str(cols.noun[p]), float(raw[p]), fact, rules.noun_cutoff)
            near.append(Candidate(fact.id, int(cols.index[p]), float(raw[p]), why))
        if fact.counts and near_misses:
            near.extend(_nounless_misses(fact, cols, np.flatnonzero(kind_ok & nounless)))
        positions = np.flatnonzero(kind_ok & (score > 0))
        unsaid = _statement_checks(fact, cols, positions)
        others = np.array([p for p, _ in unsaid], dtype=np.int64)
        positions = _drop(fact, cols, score, positions, unsaid, near)
        found = _origin_checks(fact, cols, positions, origins)
        positions = _drop(fact, cols, score, positions, found, near)
        if not len(positions):
            continue
        keep = np.ones(len(positions), dtype=bool)
        for ok, reasons in _context_checks(fact, cols, positions, others):
            for j in np.flatnonzero(keep & ~ok):
                p = positions[j]
                near.append(Candidate(fact.id, int(cols.index[p]), float(score[p]), reasons[j]))
            keep &= ok
        kept = _part_and_whole(fact, cols, score, positions[keep], near)
        bonus = _context_outside_noun(fact, cols, kept)
        for p, extra in zip(kept, bonus, strict=True):
            key = (int(cols.index[p]), fact.restricted)
            best.setdefault(key, []).append((float(score[p]) + extra, order))
    figure_rows = [int(i) for i, k in zip(frame.index, cols.kind, strict=True) if _figure(k)]
    return origins, best, near, figure_rows


# Where one clause of a sentence ends and another begins, for which figure owns a word.
_CLAUSE_BREAK: Final = re.compile(
    r",\s*(?:and|but|while|whereas|although|though|yet)\b|;|\s[—–]\s", re.IGNORECASE
)
# "141 of the 250 seats", "18 of 22 rockets": the part, then the whole it is taken from
_PART_OF: Final = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|a\s+total\s+of\s+)?", re.IGNORECASE)


def _part_and_whole(
    fact: Fact, cols: _Columns, score: FloatArray, positions: IntArray, near: list[Candidate]
) -> IntArray:
    """`positions` without the part and the whole of one "141 of the 250 seats" when the fact
    would take both: they count different things (the seats won, the seats there are), and
    only a context word that is one figure's alone tells which the fact means."""
    if len(positions) < 2:
        return positions
    starts = {(str(cols.key[p]), int(cols.start[p])): j for j, p in enumerate(positions)}
    drop: set[int] = set()
    for j, p in enumerate(positions):
        sentence = str(cols.sentence[p])
        joint = _PART_OF.match(sentence, int(cols.end[p] - cols.sentence_start[p]))
        if joint is None:
            continue
        whole = starts.get((str(cols.key[p]), int(cols.sentence_start[p]) + joint.end()))
        if whole is not None:
            drop |= {j, whole}
    if not drop:
        return positions
    why = (
        "a part and its whole ('141 of the 250 seats') both match: give the fact a context "
        "word that only one of them has"
    )
    for j in sorted(drop):
        p = positions[j]
        near.append(Candidate(fact.id, int(cols.index[p]), float(score[p]), why))
    return np.delete(positions, sorted(drop))


# the text before a figure that opens a clause of its own: "…, and 45 people were hurt"
_CLAUSE_OPENING: Final = re.compile(r"(?:[,;:]\s*(?:and|but|while|whereas)?|\b(?:and|but))\s*$")
# Breaks a tie between facts with the same noun score: the one whose context words stand
# outside the counted noun ("had identified twenty-seven of the dead": 'identified' for the
# identified victims, not 'dead' of the noun for the toll; "identified the remains of 97
# people killed": 'killed' describes the noun). Below any difference of nouns.
CONTEXT_BONUS: Final = 1e-5
# ... then the one whose context word is in the figure's own clause.
CLAUSE_BONUS: Final = 1e-6
# _CLAUSE_BREAK's clauses, and those a subordinator, a relative pronoun or a conjunction
# before a new subject opens
_CLAUSE_SPLIT: Final = re.compile(
    _CLAUSE_BREAK.pattern
    + r"|,\s*(?:after|before|when|because|since|(?:of\s+)?(?:whom|which|who))\b"
    + r"|\s(?:and|but)\s+(?=(?:the|a|an|its|their|his|her|some|many|all|\d)\b)",
    re.IGNORECASE,
)


def _context_outside_noun(fact: Fact, cols: _Columns, positions: IntArray) -> list[float]:
    context = WordMatcher(fact.context)
    if not context:
        return [0.0] * len(positions)
    out = []
    for p, text in zip(positions, cols.window(positions, fact.window), strict=True):
        noun = str(cols.noun[p])
        bare = text.rsplit(" | ", 1)[0] if fact.window is not None else text
        if noun:
            # the noun and a participle that describes it ("identified 97 people killed in
            # the fire"); a figure that opens its clause is its subject, and the verb after
            # its noun is its own ("Twelve people died and 45 were hurt")
            lead = str(cols.sentence[p])[: max(0, int(cols.start[p] - cols.sentence_start[p]))]
            opens = not lead.strip() or _CLAUSE_OPENING.search(lead) is not None
            participle = "" if opens else r"(?:\s+[a-z]+(?:ed|en))?"
            bare = re.sub(re.escape(noun) + participle + r"\b", " ", bare, count=1)
        extra = CONTEXT_BONUS if context.search(bare) is not None else 0.0
        out.append(extra + (CLAUSE_BONUS if _context_in_clause(context, cols, p) else 0.0))
    return out


def _context_in_clause(context: WordMatcher, cols: _Columns, p: int) -> bool:
    """Whether a context word stands in the figure's own clause: "Five people died on Monday
    and the injured were taken to hospital" has 'died' in Five's clause, 'hospital' in
    another (a conjunction before a new subject, a comma before a subordinator)."""
    sentence = str(cols.sentence[p])
    start = int(cols.start[p] - cols.sentence_start[p])
    end = int(cols.end[p] - cols.sentence_start[p])
    low = max((m.end() for m in _CLAUSE_SPLIT.finditer(sentence, 0, start)), default=0)
    high = next((m.start() for m in _CLAUSE_SPLIT.finditer(sentence, end)), len(sentence))
    return context.search(sentence[low:high]) is not None


def _nounless_misses(fact: Fact, cols: _Columns, positions: IntArray) -> list[Candidate]:
    """Figures with no counted noun near the fact's context words ("police put the figure at
    18,000"): a fact with `counts` takes only its nouns; one without claims them."""
    context = WordMatcher(fact.context)
    if not context or not len(positions):
        return []
    texts = cols.window(positions, fact.window)
    why = (
        f"no counted noun; the fact counts {_aliases(fact)} (a fact without 'counts' "
        "claims it by its context words)"
    )
    return [
        Candidate(fact.id, int(cols.index[p]), 0.0, why)
        for p, text in zip(positions, texts, strict=True)
        if context.search(text) is not None
    ]


def _drop(
    fact: Fact,
    cols: _Columns,
    score: FloatArray,
    positions: IntArray,
    found: list[tuple[int, str]],
    near: list[Candidate],
) -> IntArray:
    """The positions without those `found` fails, each of which becomes a near miss."""
    near.extend(Candidate(fact.id, int(cols.index[p]), float(score[p]), why) for p, why in found)
    dropped = {p for p, _ in found}
    return np.array([p for p in positions if p not in dropped], dtype=np.int64)


def _figure(kind: object) -> bool:
    return str(kind) in {k.value for k in FIGURE_KINDS}


def _kind_misses(
    fact: Fact, cols: _Columns, score: FloatArray, kind_ok: BoolArray, unit_ok: BoolArray
) -> list[Candidate]:
    """Figures with the fact's noun (and a context word near) but the wrong kind or unit."""
    out: list[Candidate] = []
    if fact.counts:
        # "some 99% of the drones" names the fact's noun but is a share, not a count
        wrong = np.flatnonzero((score > 0) & (cols.noun != "") & ~(kind_ok & unit_ok))
        context = WordMatcher(fact.context)
        if context and len(wrong):
            # only the ones that came close: the right noun *and* a context word nearby
            texts = cols.window(wrong, fact.window)
            wrong = wrong[np.array([context.search(t) is not None for t in texts], dtype=bool)]
        for p in wrong:
            # the unit says something only for money and measures ("EUR", "km")
            unit = cols.unit_as_written[p]
            shown = cols.kind[p] in (Kind.MONEY.value, Kind.MEASURE.value) and unit
            found = f"a {cols.kind[p]}" + (f" in {unit}" if shown else "")
            wanted = fact.kind.value + (f" in {fact.unit}" if fact.unit else "")
            out.append(
                Candidate(
                    fact.id,
                    int(cols.index[p]),
                    float(score[p]),
                    f"wrong kind: {found}, the fact wants a {wanted}",
                )
            )
    if not fact.counts and fact.unit:
        # "€500 million" for a fact in USD: the right kind in the wrong currency or unit
        for p in np.flatnonzero(kind_ok & ~unit_ok):
            unit = cols.unit_as_written[p] or "none"
            out.append(
                Candidate(
                    fact.id,
                    int(cols.index[p]),
                    0.0,
                    f"wrong unit: {unit}, the fact wants {fact.unit}",
                )
            )
    return out


def _assign(
    figures: pd.DataFrame,
    rules: RuleSet,
    origins: Origins,
    best: _Best,
    near: list[Candidate],
    candidates: list[int],
) -> Matches:
    """Each figure to its most specific fact (once among facts of any origin, once among
    facts restricted to some); exact ties are notes, not silent choices."""
    claims: list[Claim] = []
    claimed_rows: set[int] = set()
    notes: list[str] = []
    for (i, _restricted), options in sorted(best.items()):
        leaders = _leaders(options)
        row = figures.loc[i]
        assert isinstance(row, pd.Series)
        figure = Figure.from_row(row)
        if len(leaders) > 1:
            tied = [rules.facts[o].id for o in leaders]
            notes.append(
                f"{figure.location}: '{figure.text}' matches facts {', '.join(tied)} equally; "
                "it was left out of both: add context or exclude words to one of them"
            )
            near.extend(
                Candidate(rules.facts[o].id, i, sc, f"tied with {', '.join(tied)}: left out")
                for sc, o in options
                if sc == options[0][0]
            )
            continue
        fact = rules.facts[options[0][1]]
        near.extend(
            Candidate(rules.facts[o].id, i, s, f"claimed by the more specific fact {fact.id}")
            for s, o in options[1:]
        )
        origin = origins.by_row[i]
        copy_of = "" if figure.origin else origins.copies.get(figure.document, "")
        claims.append(make_claim(fact, figure, origin, round(options[0][0], 1), copy_of))
        claimed_rows.add(i)
    claimed = tuple(sorted(claimed_rows))
    figure_claims = len(claimed_rows & set(candidates))
    return Matches(
        tuple(claims),
        len(candidates) - figure_claims,
        tuple(notes),
        tuple(near),
        claimed,
        tuple(sorted(candidates)),
    )
