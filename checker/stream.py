"""Documents -> batches -> one Outcome per batch: the streaming core of every command.

Documents are read one at a time and cut into batches of whole documents (about 200 KB of
text, at most 256 documents); each batch is extracted and, given rules, claimed at once, and
only what the caller asked for comes back: the claims, the counts, the near misses of one fact,
or the figures themselves. Figures are never gathered for the whole corpus, so memory stays
flat as the corpus grows. Matching needs whole sentences (the figures of one sentence share its
context words), and a batch holds whole documents, so claiming per batch gives exactly the
claims of one pass over the corpus, in the same order.

A document larger than ``WINDOW_CHARS`` is cut at paragraph breaks into windows. Each window
is extracted with the paragraphs around it as context (``CONTEXT_PARAGRAPHS`` before, for a
pronoun's speaker six sentences back, and one after) and keeps only the figures of its own
paragraphs, moved to their place in the document: offsets, lines and sentence numbers come out
as one pass over the whole document gives them. A single paragraph larger than a window stays
whole.

With a cache (``checker.cache``) each document's (or window's) figures are looked up by its
text before the batch is sent; only the text of documents that changed travels to a worker and
is extracted, and their new figures come back to be stored.

``stream`` is the API: ``checker.pipeline`` builds check, baseline, explain and extract on it;
anything else that needs every figure or claim of a corpus (a rule suggester) should too.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final, cast

from checker.cache import (
    FigureCache,
    decode_claims,
    decode_columns,
    encode_claims,
    encode_columns,
    matcher_version,
    piece_key,
)
from checker.engine import Engine
from checker.load import iter_documents
from checker.model import (
    FIGURE_COLUMNS,
    FIGURE_KINDS,
    Claim,
    Document,
    InputProblem,
    NearMiss,
    RuleSet,
)

if TYPE_CHECKING:
    import pandas as pd

# A batch is what one worker does at a time: small enough that two cores stay busy and memory
# stays flat, large enough that sending results back is a small share of the work.
BATCH_CHARS: Final = 200_000
BATCH_DOCUMENTS: Final = 256
# A document above this size is extracted in windows of about this size.
WINDOW_CHARS: Final = BATCH_CHARS
# Paragraphs of context before a window: the extractor looks up to six sentences back for the
# speaker of "…, he said", and every paragraph holds at least one sentence.
CONTEXT_PARAGRAPHS: Final = 6
# One or more blank lines end a paragraph (as in checker.extract: "more than\n300" is one).
_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
# The columns that come from the document, not its text: never cached, set at each run.
_IDENTITY: Final = ("document", "path", "outlet", "source", "published")
_FLOATS: Final = tuple(name for name, dtype in FIGURE_COLUMNS.items() if dtype == "float64")
_OFFSETS: Final = ("start", "end", "sentence_start")
Progress = Callable[[int, int], None]
Columns = dict[str, list[object]]

__all__ = [
    "BATCH_CHARS",
    "WINDOW_CHARS",
    "Outcome",
    "Piece",
    "Send",
    "Task",
    "pieces_of",
    "run_batch",
    "stream",
]


class Send(StrEnum):
    """Which figures a batch sends back besides its claims."""

    NONE = "none"
    FIGURES = "figures"  # figures of figure kinds (extract)
    ALL = "all"  # every number, dates and years too (extract --all-kinds)
    UNMATCHED = "unmatched"  # the figures no fact claimed (extract --unmatched)


@dataclass(frozen=True, slots=True)
class Piece:
    """A whole document, or a window of one: the text to extract and where it sits."""

    document: Document  # a window's text holds its context paragraphs too
    offset: int = 0  # of `document.text` in the whole document's text
    keep: tuple[int, int] | None = None  # a window keeps the figures of sentences starting here
    sentence_shift: int = 0  # sentence number in the document = in `document.text` + this
    last: bool = True  # the piece ends its document
    key: str = ""  # its cache key; '' without a cache
    cached: bytes | None = None  # its figures from the cache; the text is then not sent

    @property
    def settings(self) -> str:
        """What besides the text decides the piece's figures (part of its cache key)."""
        return "" if self.keep is None else f"window {self.keep[0]} {self.keep[1]}"


@dataclass(frozen=True, slots=True)
class Task:
    """One batch of pieces and what to do with it."""

    pieces: tuple[Piece, ...]
    rules: RuleSet | None = None  # None: extract only
    fact: str | None = None  # keep only this fact's claims, and its near misses (explain)
    send: Send = Send.NONE
    store: bool = False  # send back the figures of pieces not in the cache, to store them
    claims_key: str = ""  # store the batch's claims under this key ('' not to)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one batch gives back."""

    documents: int  # documents the batch finished
    numbers: int  # rows extracted: figures and non-figures (dates, years…)
    claims: tuple[Claim, ...] = ()  # in document order
    unmatched: int = 0  # figures of figure kinds that no fact claimed
    notes: tuple[str, ...] = ()
    near_misses: tuple[NearMiss, ...] = ()
    figures: pd.DataFrame | None = None  # as Task.send asks, columns of FIGURE_COLUMNS
    fresh: tuple[tuple[str, bytes], ...] = ()  # (cache key, payload) to store
    damaged: tuple[int, ...] = ()  # pieces whose cached figures did not decode: nothing done


def _breaks(text: str) -> Iterator[int]:
    """Where each paragraph after the first starts (the line after a blank line)."""
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield match.end()


def pieces_of(document: Document, window: int | None = None) -> Iterator[Piece]:
    """The document whole, or windows of about `window` characters cut at paragraph breaks."""
    text = document.text
    window = WINDOW_CHARS if window is None else window
    if len(text) <= window:
        yield Piece(document)
        return
    from checker.extract import sentence_spans  # the extractor's, only for a huge document

    starts = [0, *(b for b in _breaks(text) if b < len(text))]
    lines = 0  # line breaks before starts[context start]
    counted = 0  # where `lines` was counted up to
    sentences = 0  # sentences before the window's own text
    first = 0  # index in `starts` of the window's first paragraph
    while first < len(starts):
        begin = starts[first]
        last = first + 1
        while last < len(starts) and starts[last] - begin <= window:
            last += 1
        end = starts[last] if last < len(starts) else len(text)
        before = starts[max(0, first - CONTEXT_PARAGRAPHS)]
        after = starts[last + 1] if last + 1 < len(starts) else len(text)
        lines += text.count("\n", counted, before)
        counted = before
        own = len(sentence_spans(text[begin:end]))
        context = len(sentence_spans(text[before:begin]))
        piece = replace(document, text=text[before:after], body_line=document.body_line + lines)
        yield Piece(
            piece,
            offset=before,
            keep=(begin - before, end - before),
            sentence_shift=sentences - context,
            last=last >= len(starts),
        )
        sentences += own
        first = last


def _columns(frame: pd.DataFrame) -> dict[str, list[object]]:
    return {name: frame[name].tolist() for name in FIGURE_COLUMNS}


def _own_rows(piece: Piece, columns: dict[str, list[object]], rows: range) -> Columns:
    """A piece's rows of an extraction, as stored in the cache: no document columns, lines
    counted from the piece's first line, a window's context figures left out."""
    keep = list(rows)
    if piece.keep is not None:
        low, high = piece.keep
        starts = columns["sentence_start"]
        keep = [r for r in keep if low <= cast(int, starts[r]) < high]
    out = {
        name: [values[r] for r in keep] for name, values in columns.items() if name not in _IDENTITY
    }
    out["line"] = _shifted(out["line"], -piece.document.body_line)
    return out


def _extract(pieces: Sequence[Piece], missing: list[int]) -> dict[int, Columns]:
    """Extract the pieces at `missing` in one pass; each one's own rows, by position."""
    from checker.extract import extract_figures

    # a stand-in id per piece: ids may repeat (two files named alike), positions do not
    documents = [replace(pieces[i].document, id=str(i)) for i in missing]
    columns = _columns(extract_figures(documents))
    ids = columns["document"]
    out: dict[int, Columns] = {}
    row = 0
    for i in missing:
        end = row
        while end < len(ids) and ids[end] == str(i):
            end += 1
        out[i] = _own_rows(pieces[i], columns, range(row, end))
        row = end
    return out


def _frame(task: Task) -> tuple[pd.DataFrame, tuple[tuple[str, bytes], ...]]:
    """The figures of a batch's pieces, in order, and the new cache entries."""
    from checker.extract import extract_figures

    pieces = task.pieces
    if not task.store and all(p.cached is None and p.keep is None for p in pieces):
        return extract_figures([p.document for p in pieces]), ()  # nothing to take apart
    own: dict[int, Columns] = {}
    for i, piece in enumerate(pieces):
        if piece.cached is not None:
            with suppress(ValueError, KeyError, IndexError, TypeError, zlib.error):
                own[i] = decode_columns(piece.cached, _FLOATS)
    damaged = tuple(i for i, p in enumerate(pieces) if p.cached is not None and i not in own)
    if damaged:  # their text stayed with the caller, which sends them again
        raise _Damaged(damaged)
    missing = [i for i in range(len(pieces)) if i not in own]
    fresh: list[tuple[str, bytes]] = []
    if missing:
        extracted = _extract(pieces, missing)
        own.update(extracted)
        if task.store:
            fresh = [(pieces[i].key, encode_columns(extracted[i])) for i in missing]
    return _assemble(pieces, own), tuple(fresh)


def _shifted(values: list[object], by: int) -> list[object]:
    return [cast(int, v) + by for v in values]


def _assemble(pieces: Sequence[Piece], own: dict[int, Columns]) -> pd.DataFrame:
    """One figures frame from each piece's own rows, placed in its document."""
    import pandas as pd

    from checker.model import empty_figures

    out: dict[str, list[object]] = {name: [] for name in FIGURE_COLUMNS}
    for i, piece in enumerate(pieces):
        rows = own[i]
        n = len(rows["line"])
        document = piece.document
        out["document"].extend([document.id] * n)
        out["path"].extend([document.path.as_posix()] * n)
        out["outlet"].extend([document.outlet] * n)
        out["source"].extend([document.source] * n)
        out["published"].extend([document.published] * n)
        for name, values in rows.items():
            if name == "line":
                out[name].extend(_shifted(values, document.body_line))
            elif name in _OFFSETS and piece.offset:
                out[name].extend(_shifted(values, piece.offset))
            elif name == "sentence_index" and piece.sentence_shift:
                out[name].extend(_shifted(values, piece.sentence_shift))
            elif name in out:
                out[name].extend(values)
    if not out["line"]:
        return empty_figures()
    return pd.DataFrame(out).astype(FIGURE_COLUMNS)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None elsewhere."""
    try:
        import ctypes

        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
        return trim
    except (OSError, AttributeError):
        return None


def give_back() -> None:
    """Return the memory a batch freed to the system. Without it the heap keeps what pandas
    and numpy freed, and a long run's resident memory creeps up by a few MB per 16 MB of text
    (bench/scale.py)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


class _Damaged(Exception):
    def __init__(self, pieces: tuple[int, ...]) -> None:
        super().__init__(pieces)
        self.pieces = pieces


def run_batch(task: Task) -> Outcome:
    """Extract a batch (its cached pieces read, the others extracted) and claim its figures.

    This runs on the workers, so it takes and gives only picklable values. A cached entry
    that passes its checksum but does not decode (written by a faulty build) cannot be
    extracted here, since its text was not sent: the outcome names it, and does nothing else.
    """
    try:
        frame, fresh = _frame(task)
    except _Damaged as damaged:
        return Outcome(0, 0, damaged=damaged.pieces)
    documents = sum(1 for p in task.pieces if p.last)
    if task.rules is None:
        kinds = [k.value for k in FIGURE_KINDS]
        figures = frame if task.send is Send.ALL else frame[frame["kind"].isin(kinds)]
        return Outcome(documents, len(frame), figures=figures, fresh=fresh)
    from checker.match import figure_at, match_claims, unmatched_figures

    matches = match_claims(frame, task.rules, near_misses=task.fact is not None)
    claims = matches.claims
    if task.claims_key:
        payload = encode_claims(documents, len(frame), matches.unmatched, matches.notes, claims)
        fresh = (*fresh, (task.claims_key, payload))
    near: tuple[NearMiss, ...] = ()
    if task.fact is not None:
        claims = tuple(c for c in claims if c.fact_id == task.fact)
        near = tuple(
            NearMiss(figure_at(frame, m.row), m.score, m.reason)
            for m in matches.near_misses
            if m.fact_id == task.fact
        )
    return Outcome(
        documents,
        len(frame),
        claims,
        matches.unmatched,
        matches.notes,
        near,
        unmatched_figures(frame, matches) if task.send is Send.UNMATCHED else None,
        fresh,
    )


def _cut(piece: Piece, count: int, chars: int) -> bool:
    """Whether a batch ends after `piece`, `count` pieces and `chars` characters in.

    Past half of BATCH_CHARS, a batch ends after a piece whose text hashes to 0 modulo 8, so
    batches end where the text says, not at a running total: editing one document changes
    its own batch only, and a re-run finds every other batch's claims in the cache. A batch
    never passes twice BATCH_CHARS or BATCH_DOCUMENTS pieces.
    """
    if count >= BATCH_DOCUMENTS or chars >= 2 * BATCH_CHARS:
        return True
    if chars < BATCH_CHARS // 2:
        return False
    return zlib.crc32(piece.document.text.encode("utf-8", "surrogatepass")) % 8 == 0


def _rules_digest(rules: RuleSet) -> hashlib._Hash:
    """The claims key's start: the matcher and the rules (made once a run by _batches: the
    rules' repr costs more than a batch's documents)."""
    return hashlib.sha256(f"claims {matcher_version()}\n{rules!r}\n".encode())


def _claims_key(pieces: Sequence[Piece], rules: hashlib._Hash) -> str:
    """The cache key of a batch's claims: the matcher and the rules (`rules`, their
    digest), and each document's text key, provenance and place (id, path, outlet, date,
    declared origin, first line, where its text's characters are in its file, window)."""
    digest = rules.copy()
    for piece in pieces:
        d = piece.document
        # a mapped document's claims are stored placed in its file (checker.inputs.place)
        mapped = hashlib.sha256(repr(d.places).encode()).hexdigest() if d.places else ""
        where = (
            *(piece.key, d.id, d.path.as_posix(), d.outlet, d.published, d.origin, mapped),
            d.body_line,
        )
        place = (piece.offset, piece.keep, piece.sentence_shift, piece.last)
        digest.update(repr((where, place)).encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class _Cached:
    """A batch whose outcome the cache already holds, and its size in characters."""

    outcome: Outcome
    chars: int


# A batch to send (its task, its size, its pieces with their text), or one the cache holds.
_Prepared = tuple[Task, int, tuple[Piece, ...]] | _Cached


def _prepare(
    batch: list[Piece],
    chars: int,
    template: Task,
    cache: FigureCache | None,
    rules: hashlib._Hash | None,
) -> _Prepared:
    """The task of one batch; with a cache, its claims if the cache holds them (when
    `rules`, the digest of claims to look for, is given), else the task with each cached
    piece's figures in place of its text."""
    if cache is None:
        return replace(template, pieces=tuple(batch)), chars, ()
    keyed = [replace(p, key=piece_key(p.document.text, p.settings)) for p in batch]
    claims_key = ""
    if rules is not None:
        claims_key = _claims_key(keyed, rules)
        payload = cache.get(claims_key)
        if payload is not None:
            with suppress(ValueError, KeyError, IndexError, TypeError, zlib.error):
                documents, numbers, unmatched, notes, claims = decode_claims(payload)
                return _Cached(Outcome(documents, numbers, claims, unmatched, notes), chars)
    pieces = []
    for piece in keyed:
        cached = cache.get(piece.key)
        if cached is not None:
            piece = replace(piece, document=replace(piece.document, text=""), cached=cached)
        pieces.append(piece)
    task = replace(template, pieces=tuple(pieces), claims_key=claims_key)
    return task, chars, tuple(keyed)


def _batches(
    pieces: Iterable[Piece], template: Task, cache: FigureCache | None
) -> Iterator[_Prepared]:
    """Consecutive pieces cut into batches (see _cut), each prepared for the engine."""
    # a batch's claims are cached for a plain check: no fact explained, no figures sent back
    plain = template.fact is None and template.send is Send.NONE
    rules = _rules_digest(template.rules) if plain and template.rules is not None else None
    batch: list[Piece] = []
    chars = 0
    for piece in pieces:
        chars += len(piece.document.text)
        batch.append(piece)
        if _cut(piece, len(batch), chars):
            yield _prepare(batch, chars, template, cache, rules)
            batch, chars = [], 0
    if batch:
        yield _prepare(batch, chars, template, cache, rules)


def _in_order(
    engine: Engine, prepared: Iterable[_Prepared], cache: FigureCache | None
) -> Iterator[Outcome]:
    """Every batch's outcome in order: those the cache held as they come, the others from
    the engine (which runs a few ahead). A batch with damaged cache entries is done again
    here, those entries forgotten and their text sent instead."""
    order: deque[Outcome | None] = deque()  # None: the engine's next result goes here
    sent: deque[tuple[Task, tuple[Piece, ...]]] = deque()

    def tasks() -> Iterator[tuple[Task, int]]:
        # the engine is told all the text streamed since the task before, cached batches
        # included: a re-run of a large corpus is large, though most of it is read back
        passed = 0
        for item in prepared:
            if isinstance(item, _Cached):
                order.append(item.outcome)
                passed += item.chars
            else:
                task, chars, originals = item
                order.append(None)
                sent.append((task, originals))
                yield task, passed + chars
                passed = 0

    def redone(result: Outcome) -> Outcome:
        task, originals = sent.popleft()
        if not result.damaged:
            return result
        pieces = list(task.pieces)
        for i in result.damaged:
            if cache is not None:
                cache.discard(pieces[i].key)
            pieces[i] = originals[i]
        return run_batch(replace(task, pieces=tuple(pieces)))

    results = engine.map(run_batch, tasks())
    while True:
        while order and order[0] is not None:
            yield cast(Outcome, order.popleft())
        result = next(results, None)
        if result is None:
            break
        while order[0] is not None:
            yield cast(Outcome, order.popleft())
        order.popleft()
        yield redone(result)
    while order:
        yield cast(Outcome, order.popleft())


def stream(
    paths: Sequence[Path],
    engine: Engine,
    *,
    rules: RuleSet | None = None,
    fact: str | None = None,
    send: Send = Send.NONE,
    cache: FigureCache | None = None,
    progress: Progress | None = None,
    window: int | None = None,
    folders: Counter[str] | None = None,
    read: Callable[[Document], object] | None = None,
) -> Iterator[Outcome | InputProblem]:
    """Outcomes of the documents under `paths`, batch by batch in document order, and the
    documents that could not be read as they are met. See the module docstring. `folders`,
    when given, counts the documents read in each folder (for the report's header); `read`,
    when given, is called with each document as it is read (its text is read only once)."""
    problems: deque[InputProblem] = deque()
    total = [0]

    def pieces() -> Iterator[Piece]:
        for item in iter_documents(paths, found=lambda n: total.__setitem__(0, n)):
            if isinstance(item, Document):
                if folders is not None:
                    folders[item.path.parent.as_posix()] += 1
                if read is not None:
                    read(item)
                yield from pieces_of(item, WINDOW_CHARS if window is None else window)
            else:
                problems.append(item)

    template = Task((), rules, fact, send, store=cache is not None)
    done = 0
    for outcome in _in_order(engine, _batches(pieces(), template, cache), cache):
        while problems:
            yield problems.popleft()
        if cache is not None and outcome.fresh:
            cache.put_many(outcome.fresh)
        done += outcome.documents
        give_back()
        if progress is not None:
            progress(done, total[0])
        yield outcome
    while problems:
        yield problems.popleft()
