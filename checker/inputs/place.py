"""Text built from a source file -> a SourceMap; figures found in the text -> their place in the
file.

A loader that reads anything but plain text builds its document's text with a ``TextBuilder``:
each piece of text is added with the source ``line:col`` of its first character (the words of
a Markdown paragraph, an HTML page's text between its tags, a PDF page's line), and whatever
the loader writes itself (a paragraph break between two blocks) is added as a ``gap``. The
builder gives the text and its SourceMap.

The extractor and the matcher know nothing of this: they give every figure the ``line:col``
of the text. ``PlacingEngine`` wraps the engine a run streams its batches through and puts
every figure of a mapped document back in its file (claims, near misses, figure frames, and
the notes that name a figure's place) before anything else sees it. A batch holding a mapped
document stores its claims placed (the claims' key holds each document's SourceMap, so two
sources with one text, a link's address edited, are two keys), and a re-run that finds them
in the cache reads them back placed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Final, TypeVar

from checker.model import Figure, SourceMap

if TYPE_CHECKING:
    from checker.engine import Engine
    from checker.stream import Outcome, Task

T = TypeVar("T")
R = TypeVar("R")
# "news/a.md:3:14: '170' matches facts …": a note that starts with a figure's place
_NOTE_PLACE: Final = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+):")

__all__ = ["PlacingEngine", "TextBuilder", "place_outcome"]


class TextBuilder:
    """Builds a document's text piece by piece, remembering where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._runs: list[int] = []
        self._places: list[tuple[int, int]] = []
        self._end: tuple[int, int] = (1, 1)  # the source place after the last character added

    @property
    def length(self) -> int:
        return self._length

    def text_so_far(self) -> str:
        return "".join(self._parts)

    def _run(self, line: int, col: int) -> None:
        if self._runs and self._runs[-1] == self._length:
            self._places[-1] = (line, col)  # an empty run before it: replace it
            return
        if self._places:
            last_line, last_col = self._places[-1]
            if last_line == line and last_col + (self._length - self._runs[-1]) == col:
                return  # continues the run before it
        self._runs.append(self._length)
        self._places.append((line, col))

    def add(self, text: str, line: int, col: int) -> None:
        """`text` as it stands in the source from `line`:`col` on (a line break in it is one
        in the source too)."""
        if not text:
            return
        for n, piece in enumerate(text.split("\n")):
            if n:
                self._parts.append("\n")
                self._length += 1
                line, col = line + 1, 1
            if piece:
                self._run(line, col)
                self._parts.append(piece)
                self._length += len(piece)
                col += len(piece)
        self._end = (line, col)

    def add_at(self, text: str, line: int, col: int, width: int) -> None:
        """`text` that stands for `width` characters of the source at `line`:`col` ('&amp;'
        is '&', a JSON '\\u00e9' is 'é'): each of its characters is placed there."""
        for char in text:
            self._run(line, col)
            self._parts.append(char)
            self._length += 1
        self._end = (line, col + width)

    def gap(self, text: str) -> None:
        """Text the loader writes itself (a paragraph break): placed where the source was."""
        if text:
            self._run(*self._end)
            self._parts.append(text)
            self._length += len(text)

    def build(self, fixed: bool = False) -> tuple[str, SourceMap]:
        text = "".join(self._parts)
        lines = [0, *(m.end() for m in re.finditer("\n", text))]
        runs, places = self._runs, self._places
        if not runs or runs[0] != 0:
            runs, places = [0, *runs], [(1, 1), *places]
        return text, SourceMap(tuple(lines), tuple(runs), tuple(places), fixed)


def _placed(figure: Figure, maps: Mapping[str, SourceMap]) -> Figure:
    where = maps.get(figure.document)
    if where is None:
        return figure
    line, column = where.place(figure.line, figure.column)
    return replace(figure, line=line, column=column)


def _placed_note(note: str, maps: Mapping[str, SourceMap], paths: Mapping[str, str]) -> str:
    found = _NOTE_PLACE.match(note)
    if found is None or found.group("path") not in paths:
        return note
    where = maps[paths[found.group("path")]]
    line, col = where.place(int(found.group("line")), int(found.group("col")))
    return f"{found.group('path')}:{line}:{col}:" + note[found.end() :]


def place_outcome(outcome: Outcome, task: Task) -> Outcome:
    """The outcome of `task` with every figure of a mapped document at its place in the file."""
    maps = {p.document.id: p.document.places for p in task.pieces if p.document.places}
    if not maps:
        return outcome
    paths = {p.document.path.as_posix(): p.document.id for p in task.pieces if p.document.places}
    frame = outcome.figures
    if frame is not None and len(frame):
        frame = frame.copy()
        rows = frame["document"].isin(list(maps))
        if rows.any():
            placed = [
                maps[str(d)].place(int(line), int(col))
                for d, line, col in zip(
                    frame.loc[rows, "document"],
                    frame.loc[rows, "line"],
                    frame.loc[rows, "column"],
                    strict=True,
                )
            ]
            frame.loc[rows, "line"] = [p[0] for p in placed]
            frame.loc[rows, "column"] = [p[1] for p in placed]
    claims = tuple(replace(c, figure=_placed(c.figure, maps)) for c in outcome.claims)
    notes = tuple(_placed_note(n, maps, paths) for n in outcome.notes)
    fresh = outcome.fresh
    if task.claims_key and any(k == task.claims_key for k, _ in fresh):
        from checker.cache import encode_claims

        # stored as the run reports them: placed (the key holds the maps)
        payload = encode_claims(
            outcome.documents, outcome.numbers, outcome.unmatched, notes, claims
        )
        fresh = tuple((k, payload if k == task.claims_key else v) for k, v in fresh)
    return replace(
        outcome,
        claims=claims,
        near_misses=tuple(replace(m, figure=_placed(m.figure, maps)) for m in outcome.near_misses),
        notes=notes,
        figures=frame,
        fresh=fresh,
    )


def _run_placed(work: Callable[[Task], Outcome], task: Task) -> Outcome:
    return place_outcome(work(task), task)


class PlacingEngine:
    """An engine whose batches' figures come back placed in their files (see the module)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def map(self, work: Callable[[T], R], tasks: Iterable[tuple[T, int]]) -> Iterator[R]:
        # work is checker.stream.run_batch; partial of module functions pickles for workers
        placed = functools.partial(_run_placed, work)  # type: ignore[arg-type]
        return self.engine.map(placed, tasks)  # type: ignore[arg-type]

    def close(self, abort: bool = False) -> None:
        self.engine.close(abort)
