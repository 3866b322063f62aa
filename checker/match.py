"""Figures x Facts -> Claims: kind and context prefilter, then rapidfuzz on counted nouns.

The noun scores are one ``rapidfuzz.process.cdist`` between every alias of every fact and the
distinct counted nouns of the corpus; context words are one vectorised regex per fact over the
sentence column. A figure matching several facts goes to the most specific one ("over 100
ballistic missiles" is a ballistic-missile figure, not a generic missile one); an exact tie is
reported as a note, never resolved silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from checker.extract.hedges import hedge_interval
from checker.extract.units import normalise_noun
from checker.model import FIGURE_KINDS, Claim, Fact, Figure, Interval, Kind, RuleSet
from checker.origins import Origins, resolve_origins

REWIDENED_HEDGES: Final = frozenset({"nearly", "about", "just-over"})
NEAR_MISS: Final = 60.0  # a noun this similar that still did not match is worth explaining
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


def word_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """'launch' matches 'launched'; 'shot down' matches 'shot  down'; 'October 7' not '70'."""
    if not words:
        return None
    parts = []
    for word in words:
        body = r"\s+".join(re.escape(w) for w in word.split())
        parts.append(body + (r"\w*" if word[-1:].isalpha() else r"\b"))
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)


def origin_listed(origin: str, listed: tuple[str, ...]) -> bool:
    """Whether a fact's `origins` (group names or words of an attribution) take `origin`:
    `police` takes "Maui County police"; `Israel` takes the group Israel."""
    return any(
        origin == name or re.search(rf"(?<!\w){re.escape(name)}(?!\w)", origin, re.IGNORECASE)
        for name in listed
    )


def hedged_interval(figure: Figure, fact: Fact) -> Interval:
    """The figure's interval with the fact's hedge width δ ("about 99%" with δ = 5%)."""
    if fact.delta is not None and figure.hedge in REWIDENED_HEDGES:
        return hedge_interval(figure.value, figure.hedge, fact.delta)
    return figure.interval


def make_claim(fact: Fact, figure: Figure, origin: str, score: float, copy_of: str = "") -> Claim:
    """A claim of `fact`: the figure's interval with the fact's hedge widths, and its halo
    (half the tolerance each side) for comparison."""
    interval = hedged_interval(figure, fact)
    return Claim(fact.id, figure, origin, score, interval, fact.tolerance.halo(interval), copy_of)


def _noun_scores(
    nouns: list[str], facts: tuple[Fact, ...], cutoff: float
) -> dict[str, tuple[FloatArray, FloatArray]]:
    """Per fact, (match score, raw similarity) of its best alias against every distinct noun.

    The match score is 0 where the noun cannot match; the raw similarity names near misses.
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
            out[fact.id] = (combined[rows].max(axis=0), scores[rows].max(axis=0))
        else:  # a fact without counted nouns (a percent) takes any noun
            out[fact.id] = (np.full(len(nouns), 100.0), np.full(len(nouns), 100.0))
    return out


@dataclass(frozen=True, slots=True)
class _Columns:
    """The candidate figures' columns as arrays, indexed by position."""

    index: IntArray  # row labels in the figures DataFrame
    kind: NDArray[np.object_]
    unit: NDArray[np.object_]
    sentence: NDArray[np.object_]
    key: NDArray[np.object_]  # (document, sentence index) as one string
    start: IntArray
    end: IntArray
    sentence_start: IntArray

    @classmethod
    def of(cls, frame: pd.DataFrame) -> _Columns:
        return cls(
            index=frame.index.to_numpy(dtype=np.int64),
            kind=frame["kind"].to_numpy(dtype=object),
            unit=frame["unit"].fillna("").str.lower().to_numpy(dtype=object),
            sentence=frame["sentence"].to_numpy(dtype=object),
            key=(frame["document"] + "#" + frame["sentence_index"].astype("string")).to_numpy(
                dtype=object
            ),
            start=frame["start"].to_numpy(dtype=np.int64),
            end=frame["end"].to_numpy(dtype=np.int64),
            sentence_start=frame["sentence_start"].to_numpy(dtype=np.int64),
        )

    def window(self, positions: IntArray, words: int | None) -> list[str]:
        """Each figure's sentence, or the text within `words` words either side of it."""
        if words is None:
            return [str(self.sentence[p]) for p in positions]
        out = []
        for p in positions:
            sentence = str(self.sentence[p])
            left = int(self.start[p] - self.sentence_start[p])
            right = int(self.end[p] - self.sentence_start[p])
            before = " ".join(sentence[:left].split()[-words:])
            after = " ".join(sentence[right:].split()[:words])
            out.append(f"{before} {sentence[left:right]} {after}")
        return out

    def nearest_owners(self, positions: IntArray, pattern: re.Pattern[str]) -> set[int]:
        """Positions that own a context word. In a sentence with several candidates of one
        fact, each context word belongs to the nearest ("none of the 170 drones that Iran
        launched": 'launched' belongs to 170, not to 'none')."""
        by_sentence: dict[str, list[int]] = {}
        for p in positions:
            by_sentence.setdefault(str(self.key[p]), []).append(int(p))
        owners: set[int] = set()
        for group in by_sentence.values():
            if len(group) == 1:
                owners.update(group)
                continue
            base = int(self.sentence_start[group[0]])
            for hit in pattern.finditer(str(self.sentence[group[0]])):
                pos = base + hit.start()
                owners.add(
                    min(
                        group,
                        key=lambda p: (
                            self.start[p] - pos if self.start[p] > pos else pos - self.end[p]
                        ),
                    )
                )
        return owners


def _context_checks(
    fact: Fact, cols: _Columns, positions: IntArray
) -> list[tuple[BoolArray, list[str]]]:
    """Each context test as (passes, why not) per candidate, in the order they apply."""
    texts = cols.window(positions, fact.window)
    nearby = "in the sentence" if fact.window is None else f"within {fact.window} words"
    checks: list[tuple[BoolArray, list[str]]] = []
    context = word_pattern(fact.context)
    if context is not None:
        hit = _contains(texts, context)
        owned = np.isin(positions, list(cols.nearest_owners(positions[hit], context)))
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
        pattern = word_pattern((word,))
        if pattern is not None:
            checks.append((_contains(texts, pattern), [f"{word!r} is not {nearby}"] * len(texts)))
    exclude = word_pattern(fact.exclude)
    if exclude is not None:
        found = [exclude.search(t) for t in texts]
        checks.append(
            (
                np.array([f is None for f in found], dtype=bool),
                [f"excluded word {f.group(0)!r} is {nearby}" if f else "" for f in found],
            )
        )
    return checks


def _noun_reason(noun: str, raw: float, fact: Fact, cutoff: float) -> str:
    """Why a counted noun that came close (raw similarity `raw`) still did not match."""
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


def _contains(texts: list[str], pattern: re.Pattern[str]) -> BoolArray:
    return np.array([pattern.search(t) is not None for t in texts], dtype=bool)


def match_claims(figures: pd.DataFrame, rules: RuleSet) -> Matches:
    """Assign figures to facts; each figure to at most one fact."""
    frame = figures[figures["kind"].isin([k.value for k in FIGURE_KINDS])]
    origins = resolve_origins(frame, rules)
    cols = _Columns.of(frame)
    codes, uniques = pd.factorize(frame["noun"].fillna("").map(normalise_noun))
    scores = _noun_scores([str(u) for u in uniques], rules.facts, rules.noun_cutoff)
    best: dict[int, list[tuple[float, int]]] = {}
    near: list[Candidate] = []
    nouns = frame["noun"].fillna("").to_numpy(dtype=object)
    units = frame["unit"].fillna("").to_numpy(dtype=object)  # as written: "EUR", not "eur"
    for order, fact in enumerate(rules.facts):
        score, raw = (a[codes] for a in scores[fact.id])
        kind_ok = cols.kind == fact.kind.value
        if fact.unit:
            unit_ok = cols.unit == fact.unit.lower()
        elif fact.kind is Kind.PERCENT:
            unit_ok = cols.unit == "%"
        else:
            unit_ok = np.ones(len(cols.index), dtype=bool)
        if fact.counts:
            # "some 99% of the drones" names the fact's noun but is a share, not a count
            wrong = np.flatnonzero((score > 0) & ~(kind_ok & unit_ok))
            context = word_pattern(fact.context)
            if context is not None and len(wrong):
                # only the ones that came close: the right noun *and* a context word nearby
                wrong = wrong[_contains(cols.window(wrong, fact.window), context)]
            for p in wrong:
                # the unit says something only for money and measures ("EUR", "km")
                shown = cols.kind[p] in (Kind.MONEY.value, Kind.MEASURE.value) and units[p]
                found = f"a {cols.kind[p]}" + (f" in {units[p]}" if shown else "")
                wanted = fact.kind.value + (f" in {fact.unit}" if fact.unit else "")
                near.append(
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
                near.append(
                    Candidate(
                        fact.id,
                        int(cols.index[p]),
                        0.0,
                        f"wrong unit: {units[p] or 'none'}, the fact wants {fact.unit}",
                    )
                )
        kind_ok &= unit_ok
        for p in np.flatnonzero(kind_ok & (score == 0) & (raw >= NEAR_MISS)):
            why = _noun_reason(str(nouns[p]), float(raw[p]), fact, rules.noun_cutoff)
            near.append(Candidate(fact.id, int(cols.index[p]), float(raw[p]), why))
        positions = np.flatnonzero(kind_ok & (score > 0))
        if fact.origins and len(positions):
            # origins before ties: a fact of some origins only competes for their figures
            allowed = np.array(
                [
                    origin_listed(origins.by_row[int(cols.index[p])], fact.origins)
                    for p in positions
                ],
                dtype=bool,
            )
            for p in positions[~allowed]:
                label = int(cols.index[p])
                why = f"origin {origins.by_row[label]!r} is not one of the fact's origins"
                near.append(Candidate(fact.id, label, float(score[p]), why))
            positions = positions[allowed]
        if not len(positions):
            continue
        keep = np.ones(len(positions), dtype=bool)
        for ok, reasons in _context_checks(fact, cols, positions):
            for j in np.flatnonzero(keep & ~ok):
                p = positions[j]
                near.append(Candidate(fact.id, int(cols.index[p]), float(score[p]), reasons[j]))
            keep &= ok
        for p in positions[keep]:
            best.setdefault(int(cols.index[p]), []).append((float(score[p]), order))
    return _assign(figures, rules, origins, best, near, [int(i) for i in frame.index])


def _assign(
    figures: pd.DataFrame,
    rules: RuleSet,
    origins: Origins,
    best: dict[int, list[tuple[float, int]]],
    near: list[Candidate],
    candidates: list[int],
) -> Matches:
    """Each figure to its most specific fact; exact ties are notes, not silent choices."""
    claims: list[Claim] = []
    claimed_rows: list[int] = []
    notes: list[str] = []
    for i, options in sorted(best.items()):
        options.sort(key=lambda o: (-o[0], o[1]))
        row = figures.loc[i]
        assert isinstance(row, pd.Series)
        figure = Figure.from_row(row)
        if len(options) > 1 and options[0][0] == options[1][0]:
            tied = [rules.facts[o[1]].id for o in options if o[0] == options[0][0]]
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
        claimed_rows.append(i)
    claimed = tuple(sorted(int(c) for c in claimed_rows))
    return Matches(
        tuple(claims),
        len(candidates) - len(claims),
        tuple(notes),
        tuple(near),
        claimed,
        tuple(sorted(candidates)),
    )
