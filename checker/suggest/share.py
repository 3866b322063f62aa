"""The suggestion's per-document work, shared across the run's engine (``checker.engine``).

Reading the words around each figure (``cues``), counting the stems of every sentence (the
word weights, ``cluster.weigh``) and running the matcher while settling (``propose``) each
read one document at a time, so the corpus is cut into parts of whole documents, each part
done by a worker, and the parts' results put together in document order: the same result as
one pass in this process, whatever the engine or the number of workers. Without an engine
(`Shared()`) every part is done here.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, TypeVar

from checker.words import stem, tokens

if TYPE_CHECKING:
    import pandas as pd

    from checker.engine import Engine
    from checker.model import RuleSet
    from checker.suggest.cues import Item
    from checker.suggest.propose import Board

T = TypeVar("T")
R = TypeVar("R")

# Figures a worker reads or matches at a time.
PART_ROWS: Final = 5_000
# Characters of text a worker counts the sentence stems of at a time.
PART_CHARS: Final = 1_000_000


def parts_of(frame: pd.DataFrame, rows: int = PART_ROWS) -> list[pd.DataFrame]:
    """The frame in parts of whole documents, about `rows` rows each, in order."""
    documents = frame["document"].tolist()
    cuts = [0]
    for n in range(1, len(documents)):
        if n - cuts[-1] >= rows and documents[n] != documents[n - 1]:
            cuts.append(n)
    cuts.append(len(documents))
    return [frame.iloc[a:b] for a, b in itertools.pairwise(cuts) if b > a]


@dataclass(frozen=True, slots=True)
class Shared:
    """Work over parts of the corpus, on the engine's workers or (without one) here."""

    engine: Engine | None = None

    def map(self, work: Callable[[T], R], tasks: Iterable[tuple[T, int]]) -> Iterator[R]:
        """`work` on each task (with its characters of text), results in task order."""
        if self.engine is None:
            return (work(task) for task, _ in tasks)
        return self.engine.map(work, tasks)

    def parts(
        self, work: Callable[[tuple[pd.DataFrame, T]], R], frame: pd.DataFrame, extra: T
    ) -> list[R]:
        """`work` on each part of whole documents of the frame (see `parts_of`), with
        `extra`; the frame whole, here, when it is one part."""
        parts = parts_of(frame)
        if len(parts) < 2:
            return [work((frame, extra))]
        tasks = (((part, extra), int(part["sentence"].str.len().sum())) for part in parts)
        return list(self.map(work, tasks))

    def boards(self, frame: pd.DataFrame, rules: RuleSet) -> Board:
        """Which rows each fact claims and ties for (`propose.board_of`), part by part."""
        from checker.suggest.propose import Board

        return Board.merged(self.parts(board_part, frame, rules))

    def items(
        self, frame: pd.DataFrame, kinds: frozenset[str], window: int, skip: frozenset[int]
    ) -> list[Item]:
        """The candidate figures with their cues (`cues.read_items`), part by part; the
        corpus's years, which tell another event's figures, from the whole frame."""
        from checker.suggest.cues import corpus_years

        years = corpus_years(frame)
        read = self.parts(items_part, frame, (kinds, window, skip, years))
        return [item for part in read for item in part]

    def stems(self, texts: Iterable[str]) -> tuple[Counter[str], int]:
        """In how many sentences of the texts each stem stands, and how many sentences they
        hold: what the word weights are made of (`cluster.weigh`)."""
        counted: Counter[str] = Counter()
        total = 0
        for part, sentences in self.map(stems_part, _chunks(texts)):
            counted.update(part)
            total += sentences
        return counted, total


def _chunks(texts: Iterable[str]) -> Iterator[tuple[tuple[str, ...], int]]:
    """The texts in chunks of about PART_CHARS characters, with their sizes."""
    chunk: list[str] = []
    size = 0
    for text in texts:
        chunk.append(text)
        size += len(text)
        if size >= PART_CHARS:
            yield tuple(chunk), size
            chunk, size = [], 0
    if chunk:
        yield tuple(chunk), size


def board_part(task: tuple[pd.DataFrame, RuleSet]) -> Board:
    from checker.suggest.propose import board_of

    return board_of(*task)


def items_part(
    task: tuple[pd.DataFrame, tuple[frozenset[str], int, frozenset[int], tuple[int, int] | None]],
) -> list[Item]:
    from checker.suggest.cues import read_items

    frame, (kinds, window, skip, years) = task
    return read_items(frame, kinds, window, skip, years)


def stems_part(texts: Sequence[str]) -> tuple[Counter[str], int]:
    """In how many sentences of the texts each stem stands, and their number of sentences."""
    from checker.extract import sentence_spans

    counted: Counter[str] = Counter()
    total = 0
    for text in texts:
        for start, end in sentence_spans(text):
            counted.update({stem(w) for _, _, w in tokens(text[start:end])})
            total += 1
    return counted, total
