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
from rapidfuzz import fuzz, process

from checker.extract.hedges import hedge_interval
from checker.extract.units import normalise_noun
from checker.model import FIGURE_KINDS, Claim, Fact, Figure, Interval, Kind, RuleSet

REWIDENED_HEDGES: Final = frozenset({"nearly", "about", "just-over"})


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


def word_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """'launch' matches 'launched'; 'shot down' matches 'shot  down'; 'October 7' not '70'."""
    if not words:
        return None
    parts = []
    for word in words:
        body = r"\s+".join(re.escape(w) for w in word.split())
        parts.append(body + (r"\w*" if word[-1:].isalpha() else r"\b"))
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)


def origin_of(figure: Figure, groups: dict[str, re.Pattern[str]]) -> str:
    """The independent origin: a group name, else the attribution, else the outlet."""
    if figure.origin:
        for name, pattern in groups.items():
            if pattern.search(figure.origin):
                return name
        return figure.origin
    return figure.outlet or figure.document


def group_patterns(rules: RuleSet) -> dict[str, re.Pattern[str]]:
    return {
        g.name: re.compile(r"\b(?:" + "|".join(re.escape(a) for a in g.aliases) + r")\b", re.I)
        for g in rules.origin_groups
    }


def claim_interval(figure: Figure, fact: Fact) -> Interval:
    """The figure's interval with the fact's hedge width, then widened by its tolerance."""
    interval = figure.interval
    if fact.delta is not None and figure.hedge in REWIDENED_HEDGES:
        interval = hedge_interval(figure.value, figure.hedge, fact.delta)
    tol = fact.tolerance
    return interval.widen(relative=tol.value) if tol.relative else interval.widen(absolute=tol.value)


def _noun_scores(nouns: list[str], facts: tuple[Fact, ...], cutoff: float) -> dict[str, np.ndarray]:
    """Per fact, the best alias score against every distinct noun (0 where it cannot match)."""
    aliases = sorted({normalise_noun(a) for f in facts for a in f.counts})
    if not aliases or not nouns:
        return {f.id: np.zeros(len(nouns)) for f in facts}
    scores = process.cdist(aliases, nouns, scorer=fuzz.token_set_ratio, dtype=np.float32)
    specific = process.cdist(aliases, nouns, scorer=fuzz.ratio, dtype=np.float32)
    # an alias's words must all be in the noun: "ballistic missile" does not match "missile"
    alias_len = np.array([len(a.split()) for a in aliases])[:, None]
    noun_len = np.array([len(n.split()) for n in nouns])[None, :]
    heads = process.cdist([a.split()[-1] for a in aliases], [n.split()[-1] if n else "" for n in nouns],
                          scorer=fuzz.ratio, dtype=np.float32)
    ok = (scores >= cutoff) & (alias_len <= noun_len) & (heads >= cutoff)
    # the score orders facts: exact phrase first, then closeness of the whole phrase
    combined = np.where(ok, scores + specific / 1000.0, 0.0)
    index = {a: i for i, a in enumerate(aliases)}
    out: dict[str, np.ndarray] = {}
    for fact in facts:
        rows = sorted({index[normalise_noun(a)] for a in fact.counts})
        out[fact.id] = combined[rows].max(axis=0) if rows else np.full(len(nouns), 100.0)
    return out


def _nearest_owner(
    figures: pd.DataFrame, rows: np.ndarray, pattern: re.Pattern[str]
) -> set[int]:
    """Rows that own a context word: in a sentence with several candidates of one fact,
    a context word belongs to the nearest ("none of the 170 drones that Iran launched": the
    word 'launched' belongs to 170, not to 'none')."""
    owners: set[int] = set()
    frame = figures.loc[rows, ["sentence_start", "start", "end", "sentence", "document", "sentence_index"]]
    for _, group in frame.groupby(["document", "sentence_index"], sort=False):
        if len(group) == 1:
            owners.update(int(i) for i in group.index)
            continue
        sentence = str(group["sentence"].iloc[0])
        base = int(group["sentence_start"].iloc[0])
        for hit in pattern.finditer(sentence):
            pos = base + hit.start()
            dist = (group["start"] - pos).abs().where(group["start"] > pos, (pos - group["end"]).abs())
            owners.add(int(dist.idxmin()))
    return owners


def _window_text(figures: pd.DataFrame, rows: np.ndarray, words: int) -> pd.Series:  # type: ignore[type-arg]
    """The text within `words` words either side of each figure, inside its sentence."""
    out = {}
    for i in rows:
        sentence = str(figures.at[i, "sentence"])
        offset = int(figures.at[i, "start"]) - int(figures.at[i, "sentence_start"])
        end = int(figures.at[i, "end"]) - int(figures.at[i, "sentence_start"])
        left = " ".join(sentence[:offset].split()[-words:])
        right = " ".join(sentence[end:].split()[:words])
        out[i] = f"{left} {sentence[offset:end]} {right}"
    return pd.Series(out, dtype="string")


def match_claims(figures: pd.DataFrame, rules: RuleSet) -> Matches:
    """Assign figures to facts; each figure to at most one fact."""
    is_figure = figures["kind"].isin([k.value for k in FIGURE_KINDS])
    candidates = figures[is_figure]
    norm = candidates["noun"].fillna("").map(normalise_noun)
    codes, nouns = pd.factorize(norm)
    scores = _noun_scores(list(nouns), rules.facts, rules.noun_cutoff)
    best: dict[int, list[tuple[float, int]]] = {}
    near: list[Candidate] = []
    for order, fact in enumerate(rules.facts):
        score = pd.Series(scores[fact.id][codes] if len(codes) else [], index=candidates.index)
        kind_ok = candidates["kind"] == fact.kind.value
        if fact.unit and fact.kind in (Kind.MONEY, Kind.MEASURE, Kind.PERCENT):
            kind_ok &= candidates["unit"].str.lower() == fact.unit.lower()
        elif fact.kind is Kind.PERCENT:
            kind_ok &= candidates["unit"] == "%"
        noun_ok = score > 0
        rows = candidates.index[kind_ok & noun_ok].to_numpy()
        for i in candidates.index[kind_ok & ~noun_ok & (candidates["head"] != "")]:
            if score[i] == 0 and fact.counts:
                near.append(Candidate(fact.id, int(i), 0.0, "counted noun does not match"))
        if not len(rows):
            continue
        text = (
            _window_text(figures, rows, fact.window)
            if fact.window
            else figures.loc[rows, "sentence"]
        )
        keep = pd.Series(True, index=rows)
        for words, want, reason in (
            (fact.context, True, "no context word nearby"),
            (fact.exclude, False, "an excluded word is nearby"),
        ):
            pattern = word_pattern(words)
            if pattern is None:
                continue
            hit = text.str.contains(pattern, regex=True).fillna(False).astype(bool)
            if want:
                owners = _nearest_owner(figures, rows[hit.to_numpy()], pattern)
                hit = pd.Series([int(i) in owners for i in rows], index=rows)
            ok = hit if want else ~hit
            near.extend(Candidate(fact.id, int(i), float(score[i]), reason) for i in rows[~ok.to_numpy() & keep.to_numpy()])
            keep &= ok
        for word in fact.context_all:
            pattern = word_pattern((word,))
            assert pattern is not None
            ok = text.str.contains(pattern, regex=True).fillna(False).astype(bool)
            near.extend(Candidate(fact.id, int(i), float(score[i]), f"'{word}' is not nearby")
                        for i in rows[~ok.to_numpy() & keep.to_numpy()])
            keep &= ok
        for i in rows[keep.to_numpy()]:
            best.setdefault(int(i), []).append((float(score[i]), order))
    groups = group_patterns(rules)
    claims: list[Claim] = []
    notes: list[str] = []
    for i, options in sorted(best.items()):
        options.sort(key=lambda o: (-o[0], o[1]))
        figure = Figure.from_row(figures.loc[i])
        if len(options) > 1 and options[0][0] == options[1][0]:
            tied = [rules.facts[o[1]].id for o in options if o[0] == options[0][0]]
            notes.append(
                f"{figure.location}: '{figure.text}' matches facts {', '.join(tied)} equally; "
                "it was left out of both: add context or exclude words to one of them"
            )
            continue
        fact = rules.facts[options[0][1]]
        for score, order in options[1:]:
            near.append(Candidate(rules.facts[order].id, i, score,
                                  f"claimed by the more specific fact {fact.id}"))
        if fact.origins:
            origin = origin_of(figure, groups)
            if origin not in fact.origins:
                near.append(Candidate(fact.id, i, options[0][0], f"origin {origin!r} is not listed"))
                continue
        claims.append(
            Claim(fact.id, figure, origin_of(figure, groups), round(options[0][0], 1),
                  claim_interval(figure, fact))
        )
    return Matches(tuple(claims), len(candidates) - len(claims), tuple(notes), tuple(near))
