"""Figures of a corpus -> suggested rules: the facts its documents report, ready to check.

    factcheck rules suggest news/ --output rules/suggested.yaml

The figures are read with the words around them (`cues`), gathered into candidate facts
(`cluster`: blocked by kind and noun first, never all pairs), written as facts and run
through the real matcher until each claims its own figures (`propose`), given real
sentences as examples that the rules pass as written, and rendered as a rules file with a
comment above each fact saying why it was proposed (`writer`). Organisations the corpus
names several ways become `origins` groups (`speakers`). Nothing here knows any corpus:
every word, group and value comes from the documents given. The same corpus gives the
same text, byte for byte.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

import pandas as pd

from checker.extract.units import normalise_noun
from checker.model import Fact, OriginGroup, RuleSet, format_number
from checker.origins import resolve_origins
from checker.suggest.cluster import group_items, weigh
from checker.suggest.cues import Item, figure_kinds
from checker.suggest.propose import (
    SUGGESTED,
    Corpus,
    ExampleRunner,
    Proposal,
    draft,
    examples,
    name,
    settle,
)
from checker.suggest.share import Shared
from checker.suggest.speakers import propose_groups
from checker.suggest.writer import render_json, render_yaml

WINDOW: Final = 10  # words either side of a figure that say what it counts
VALUES_SHOWN: Final = 8  # values listed in a fact's comment


@dataclass(frozen=True, slots=True)
class SuggestOptions:
    """What `factcheck rules suggest` is asked for."""

    min_documents: int = 2  # a fact needs figures from this many documents
    kinds: tuple[str, ...] = ()  # kinds proposed beyond the figures: time, duration, age…
    fact_prefix: str = ""  # put before every id: "maui-people-killed"
    exclude_nouns: tuple[str, ...] = ()  # counted nouns never proposed: "cats"
    skip_covered: bool = False  # leave out figures the existing rules already claim


@dataclass(frozen=True, slots=True)
class SuggestedFact:
    fact: Fact
    why: str  # the comment above it: documents, origins, values, evidence


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Suggested rules, with why each part was proposed."""

    facts: tuple[SuggestedFact, ...]
    origin_groups: tuple[tuple[OriginGroup, str], ...]
    documents: int
    options: SuggestOptions
    covered: int = 0  # figures the existing rules already claim (with skip_covered)
    figures: int = 0  # candidate figures read: counts, percents, amounts, measures

    def note(self) -> str:
        """What a report on these rules says first: they were suggested, not written."""
        return (
            f"rules suggested from the documents ({plural(len(self.facts), 'fact')}; "
            "save them with 'factcheck rules suggest')"
        )

    def reach(self) -> str:
        """'2 or more documents', '1 document'."""
        least = self.options.min_documents
        return f"{least} or more documents" if least > 1 else "1 document"

    def empty(self) -> str:
        """Why nothing was suggested, and what to try; '' when facts were."""
        if self.facts:
            return ""
        if not self.figures:
            return (
                f"no fact to suggest: {plural(self.documents, 'document')} gave no count, "
                "percent, amount or measure"
                + (" that the existing rules do not already claim" if self.covered else "")
            )
        more = " (try --min-documents 1, or --all)" if self.options.min_documents > 1 else ""
        return (
            f"no fact to suggest: none of the {plural(self.figures, 'figure')} of "
            f"{plural(self.documents, 'document')} is reported by {self.reach()}{more}"
        )

    def summary(self) -> str:
        """'4 facts from 5 documents'."""
        return f"{plural(len(self.facts), 'fact')} from {plural(self.documents, 'document')}"

    def header(self) -> list[str]:
        lines = [
            f"Suggested by factcheck rules suggest: {self.summary()} "
            f"(facts reported by {self.reach()})."
        ]
        if self.empty():
            lines.append(self.empty()[0].upper() + self.empty()[1:] + ".")
        if self.options.skip_covered:
            lines.append(
                f"{plural(self.covered, 'figure')} the existing rules claim "
                f"{'was' if self.covered == 1 else 'were'} left to them."
            )
        return [
            *lines,
            "Each comment says why a fact was proposed: its documents, origins and values.",
            "Prune, rename and refine them, then check the file with",
            "  factcheck rules lint FILE && factcheck rules test --strict FILE",
        ]

    def render(self, fmt: str = "yaml", path: Path = SUGGESTED) -> str:
        """The rules file as `fmt` ('yaml' or 'json')."""
        if fmt == "json":
            return render_json([g for g, _ in self.origin_groups], [f.fact for f in self.facts])
        text, _ = render_yaml(self.header(), self.origin_groups, self._written(), path)
        return text

    def _written(self) -> list[tuple[Fact, str]]:
        return [(f.fact, f.why) for f in self.facts]

    def ruleset(self, path: Path = SUGGESTED, noun_cutoff: float = 85.0) -> RuleSet:
        """The suggested facts as rules, each located where the YAML text puts it."""
        _, where = render_yaml(self.header(), self.origin_groups, self._written(), path)
        facts = tuple(replace(f.fact, location=where[f.fact.id]) for f in self.facts)
        return RuleSet(facts, tuple(g for g, _ in self.origin_groups), noun_cutoff)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _excluded(item: Item, nouns: Sequence[str]) -> bool:
    heads = {normalise_noun(n).split()[-1] for n in nouns if normalise_noun(n)}
    return bool(item.head) and normalise_noun(item.head).split()[-1:] in [[h] for h in heads]


def suggest_rules(
    figures: pd.DataFrame,
    texts: Iterable[str],
    documents: int,
    run_examples: ExampleRunner,
    options: SuggestOptions | None = None,
    existing: RuleSet | None = None,
    shared: Shared | None = None,
) -> Suggestion:
    """Suggest rules for the corpus whose figures (every kind, as extracted), texts (of
    every document) and number of documents are given. `existing` rules keep their ids
    and, with `skip_covered`, their figures; `run_examples` runs rule examples
    (pipeline.run_examples) to keep only those that pass; `shared` does the per-document
    work on an engine's workers (in this process without one)."""
    options = options or SuggestOptions()
    existing = existing or RuleSet(())
    shared = shared or Shared()
    covered: set[int] = set()
    if options.skip_covered and existing.facts:
        covered = shared.boards(figures, existing).rows
    items = [
        i
        for i in shared.items(figures, figure_kinds(options.kinds), WINDOW, frozenset(covered))
        if not _excluded(i, options.exclude_nouns)
    ]
    weights = weigh(*shared.stems(texts))
    groups = group_items(items, weights)
    corpus = Corpus.of(
        figures,
        {i.row: i for i in items},
        {i.row: g for g in groups for i in g.items},
        shared.boards,
    )
    chosen = [g for g in groups if len(g.documents) >= options.min_documents]
    speakers = [i.origin for i in items]
    taken_groups = existing.origin_groups if options.skip_covered else ()
    proposed_groups = propose_groups(speakers, taken_groups)
    base = RuleSet(
        existing.facts, (*existing.origin_groups, *proposed_groups), existing.noun_cutoff
    )
    proposals = draft(chosen, figures, weights, WINDOW)
    board = settle(proposals, corpus, base)
    while True:
        # a fact whose claims come from too few documents once settled is dropped, and the
        # figures it claimed or tied for are run again without it
        few = [p for p in proposals if _documents(p, corpus) < options.min_documents]
        if not few:
            break
        dirty = board.touched(p.fact.id for p in few)
        proposals = [p for p in proposals if p not in few]
        board = settle(proposals, corpus, base, board, dirty)
    proposals = [p for p in proposals if p.claimed]
    proposals.sort(key=lambda p: (-_documents(p, corpus), min(p.claimed)))
    name(proposals, {f.id for f in existing.facts}, options.fact_prefix)
    examples(proposals, corpus, base, run_examples)
    frame = figures[figures["kind"].isin(sorted(figure_kinds(options.kinds)))]
    origins = resolve_origins(frame, base).by_row
    facts = tuple(SuggestedFact(p.fact, _why(p, corpus, origins)) for p in proposals)
    return Suggestion(
        facts,
        tuple((g, _group_why(g, speakers)) for g in proposed_groups),
        documents,
        options,
        len(covered),
        len(items),
    )


def _documents(proposal: Proposal, corpus: Corpus) -> int:
    return len({corpus.sentence_of[r][0] for r in proposal.claimed})


def _why(proposal: Proposal, corpus: Corpus, origin_of: dict[int, str]) -> str:
    """The comment above a fact: what it claims in the corpus, and what shaped it."""
    rows = proposal.claimed
    documents = {corpus.sentence_of[r][0] for r in rows}
    origins = Counter(origin_of.get(r, "") for r in rows)
    named = ", ".join(o for o, _ in sorted(origins.items(), key=lambda oc: (-oc[1], oc[0]))[:3])
    more = ", …" if len(origins) > 3 else ""
    values = sorted({(*corpus.bounds[r], corpus.text[r]) for r in rows})
    texts = list(dict.fromkeys(" ".join(text.split()) for _, _, text in values))
    shown = ", ".join(repr(t) for t in texts[:VALUES_SHOWN]) + (
        ", …" if len(texts) > VALUES_SHOWN else ""
    )
    low = format_number(min(corpus.bounds[r][0] for r in rows))
    high = format_number(max(corpus.bounds[r][1] for r in rows))
    parts = [
        f"{plural(len(documents), 'document')}, {plural(len(origins), 'origin')} "
        f"({named}{more}); {plural(len(rows), 'figure')} from {low} to {high}: {shown}."
    ]
    if proposal.trend_why:
        parts.append(f"Changes over time: {proposal.trend_why}.")
    for word, row in sorted(proposal.excluded_for.items()):
        parts.append(f"Excludes {word!r}, near {corpus.text[row]!r} ({corpus.where[row]}).")
    if proposal.apart:
        listed = ", ".join(
            f"{corpus.text[r]!r} ({corpus.where[r]})" for r in sorted(proposal.apart)[:3]
        )
        parts.append(
            f"Figures with the same words but values of another fact were left apart: {listed}."
        )
    if proposal.unsure:
        row = proposal.unsure[0]
        parts.append(
            f"Also claims {corpus.text[row]!r} ({corpus.where[row]}), which reads like "
            "another fact's figure."
        )
    if proposal.claimed:
        row = min(proposal.claimed, key=lambda r: (len(corpus.sentence[r]), r))
        parts.append(f"{_quote(corpus.sentence[row], corpus.text[row])} ({corpus.where[row]})")
    return " ".join(parts)


def _quote(sentence: str, figure: str, reach: int = 60) -> str:
    """The sentence around the figure, at most `reach` characters either side."""
    sentence = " ".join(sentence.split())
    text = " ".join(figure.split())
    at = sentence.find(text)
    if at < 0 or len(sentence) <= 2 * reach + len(text):
        return f'"{sentence}"'
    start, end = max(0, at - reach), min(len(sentence), at + len(text) + reach)
    start = sentence.find(" ", start) + 1 if start else 0
    stop = sentence.rfind(" ", 0, end) if end < len(sentence) else end
    return (
        '"'
        + ("…" if start else "")
        + sentence[start:stop]
        + ("…" if stop < len(sentence) else "")
        + '"'
    )


def _group_why(group: OriginGroup, speakers: Sequence[str]) -> str:
    counted = Counter(s for s in speakers if s in group.aliases)
    listed = "; ".join(f"{s} ({counted[s]})" for s in group.aliases)
    return f"One body, named {len(group.aliases)} ways (figures): {listed}."


__all__ = ["SuggestOptions", "SuggestedFact", "Suggestion", "suggest_rules"]
