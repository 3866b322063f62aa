"""Per-document figures, content-addressed: a piece of text's extraction computed once.

A re-run reads the figures of every unchanged document from the cache and extracts only the
documents that changed. An entry is keyed by a SHA-256 of the extractor's version (a hash of
the source of ``checker/extract/*.py`` and of the figures' columns, so any change to the
extractor invalidates every entry by itself), of the settings that change figures, and of the
text itself; it holds the figures of that text alone (no path, outlet or date: those come from
the document at each run, so a renamed or re-dated file still hits).

A second kind of entry holds a whole batch's claims and counts, keyed by the matcher's
version, the rules and every document of the batch (its text's key and where it is: id,
path, outlet, date, first line): a re-run with the same rules reads each unchanged batch's
claims without extracting or matching anything, and extracts and claims only the batches
whose documents changed (batches are cut where the text says, see ``checker.stream``, so an
edit moves no other batch).

The store is one SQLite database (standard library) in WAL mode: readers never block, two
runs writing at once queue on SQLite's lock (with a timeout) instead of corrupting anything,
and a write is one transaction, so a run killed half-way leaves whole entries or none. Each
entry also carries the SHA-256 of its payload: an entry damaged on disk fails the check, is
deleted and recomputed. A database that is not one (a torn copy, a stray file) is moved aside
and started afresh. Entries are pruned, least recently used first, when the store passes its
size limit.

    cache = open_cache(Path(".factcheck-cache"))
    payload = cache.get(key)          # bytes, or None
    cache.put_many([(key, payload)])
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import math
import sqlite3
import time
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final, cast

from checker.errors import CheckerError
from checker.model import FIGURE_COLUMNS, Claim, Figure, Interval, Kind

DEFAULT_DIR: Final = Path(".factcheck-cache")
DATABASE: Final = "figures.sqlite3"
# Bumped when the payload layout changes; part of every key, like the extractor's source.
FORMAT_VERSION: Final = 2  # 2: claims keep their halo and wire copy, figures every field
DEFAULT_LIMIT: Final = 2 * 1024**3  # bytes of payload before the least recently used go
_TIMEOUT: Final = 60.0  # seconds a run waits for another run's write to finish
_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS figures (
    key     TEXT PRIMARY KEY,
    digest  TEXT NOT NULL,      -- SHA-256 of payload: a damaged entry is found, not used
    payload BLOB NOT NULL,      -- zlib-compressed JSON of the figures' columns
    size    INTEGER NOT NULL,
    used    INTEGER NOT NULL    -- unix time it was last written or read
)
"""
_README: Final = (
    "This folder is factcheck's cache of extracted figures; it is safe to delete.\n"
    "Run with --no-cache to bypass it, or --cache-dir to put it elsewhere.\n"
)

__all__ = [
    "DEFAULT_DIR",
    "FigureCache",
    "decode_claims",
    "decode_columns",
    "encode_claims",
    "encode_columns",
    "extractor_version",
    "matcher_version",
    "open_cache",
]


def source_version(folder: Path) -> str:
    """A hash of every ``*.py`` file in `folder`, its name and its bytes."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.cache
def extractor_version() -> str:
    """A hash of everything that decides figures: the extractor's source and the columns."""
    digest = hashlib.sha256(f"factcheck-cache {FORMAT_VERSION}\n".encode())
    digest.update(source_version(Path(__file__).resolve().parent / "extract").encode())
    digest.update(json.dumps(FIGURE_COLUMNS, sort_keys=True).encode())
    return digest.hexdigest()


@functools.cache
def matcher_version() -> str:
    """A hash of everything that decides claims from figures: the extractor's version, the
    matcher and its origins and words, the model and the batching (``checker/match.py``,
    ``origins.py``, ``words.py``, ``model.py``, ``stream.py``)."""
    digest = hashlib.sha256(extractor_version().encode())
    folder = Path(__file__).resolve().parent
    for name in ("match.py", "origins.py", "words.py", "model.py", "stream.py", "cache.py"):
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes() + b"\0")
    return digest.hexdigest()


def piece_key(text: str, settings: str) -> str:
    """The key of one piece of text's figures under `settings` (see checker.stream)."""
    digest = hashlib.sha256(extractor_version().encode())
    digest.update(b"\0" + settings.encode() + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _plain(value: object) -> object:
    """A cell as JSON can hold it: pandas' missing value becomes None, ±inf a string."""
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if value is None or (not isinstance(value, str | int | float | bool)):
        return None
    return value


def encode_columns(columns: dict[str, list[object]]) -> bytes:
    """Column name -> values (one document's figures) as the cache's payload.

    Sentences repeat for every figure they hold, so they are stored once each, by index.
    """
    sentences: dict[object, int] = {}
    plain: dict[str, object] = {}
    for name, values in columns.items():
        if name == "sentence":
            plain[name] = [sentences.setdefault(v, len(sentences)) for v in values]
        else:
            plain[name] = [_plain(v) for v in values]
    plain["_sentences"] = list(sentences)
    return zlib.compress(json.dumps(plain, ensure_ascii=False).encode("utf-8"), 1)


def decode_columns(payload: bytes, floats: Iterable[str]) -> dict[str, list[object]]:
    """encode_columns undone; ValueError (or zlib.error) on a payload that is not one."""
    data = json.loads(zlib.decompress(payload))
    if not isinstance(data, dict) or "_sentences" not in data:
        raise ValueError("not a cache payload")
    sentences = data.pop("_sentences")
    data["sentence"] = [sentences[i] for i in data["sentence"]]
    for name in floats:
        data[name] = [float(v) for v in data[name]]  # "inf" back to inf
    return data


# A claim's figure as stored: Figure's fields in this order (the path as text, the interval
# as its four parts, the kind as its value).
_FIGURE_FIELDS: Final = tuple(f.name for f in dataclasses.fields(Figure) if f.name != "interval")


def _bounds(interval: Interval) -> list[object]:
    return [
        _plain(interval.low),
        _plain(interval.high),
        interval.low_inclusive,
        interval.high_inclusive,
    ]


def _interval(values: list[object]) -> Interval:
    low, high, low_inclusive, high_inclusive = values
    return Interval(
        float(cast(str, low)), float(cast(str, high)), bool(low_inclusive), bool(high_inclusive)
    )


def encode_claims(
    documents: int, numbers: int, unmatched: int, notes: Sequence[str], claims: Sequence[Claim]
) -> bytes:
    """A batch's claims and counts as the cache's payload: a re-run with the same rules and
    documents skips extracting and matching them."""
    sentences: dict[str, int] = {}
    rows = []
    for claim in claims:
        figure = claim.figure
        values = [_plain(getattr(figure, name)) for name in _FIGURE_FIELDS]
        values[_FIGURE_FIELDS.index("path")] = figure.path.as_posix()
        values[_FIGURE_FIELDS.index("kind")] = figure.kind.value
        index = _FIGURE_FIELDS.index("sentence")
        values[index] = sentences.setdefault(figure.sentence, len(sentences))
        rows.append(
            [
                claim.fact_id,
                claim.origin,
                claim.score,
                _bounds(claim.interval),
                _bounds(claim.tolerated),
                claim.copy_of,
                values,
                _bounds(figure.interval),
            ]
        )
    payload = {
        "counts": [documents, numbers, unmatched],
        "notes": list(notes),
        "sentences": list(sentences),
        "claims": rows,
    }
    return zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"), 1)


def decode_claims(payload: bytes) -> tuple[int, int, int, tuple[str, ...], tuple[Claim, ...]]:
    """encode_claims undone: (documents, numbers, unmatched, notes, claims); ValueError (or
    zlib.error, KeyError…) on a payload that is not one."""
    data = json.loads(zlib.decompress(payload))
    documents, numbers, unmatched = (int(n) for n in data["counts"])
    sentences = data["sentences"]
    claims = []
    paths: dict[str, Path] = {}  # a batch's claims are of a few documents: one Path each
    for fact_id, origin, score, read, tolerated, copy_of, values, interval in data["claims"]:
        fields = dict(zip(_FIGURE_FIELDS, values, strict=True))
        path = fields["path"]
        fields["path"] = paths.get(path) or paths.setdefault(path, Path(path))
        fields["kind"] = Kind(fields["kind"])
        fields["value"] = float(fields["value"])
        fields["sentence"] = sentences[fields["sentence"]]
        figure = Figure(interval=_interval(interval), **fields)
        claims.append(
            Claim(
                str(fact_id),
                figure,
                str(origin),
                float(score),
                _interval(read),
                _interval(tolerated),
                str(copy_of),
            )
        )
    return documents, numbers, unmatched, tuple(str(n) for n in data["notes"]), tuple(claims)


class FigureCache:
    """The SQLite store of payloads by key; see the module docstring."""

    def __init__(self, folder: Path, limit: int = DEFAULT_LIMIT) -> None:
        self.folder = folder
        self.limit = limit
        self.hits = 0
        self.misses = 0
        self._used: list[str] = []
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        path = self.folder / DATABASE
        try:
            return self._open(path)
        except sqlite3.DatabaseError:
            # not a database (a torn copy, a stray file): the cache is disposable
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return self._open(path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=_TIMEOUT, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(_SCHEMA)
            db.execute("SELECT count(*) FROM figures LIMIT 1").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def get(self, key: str) -> bytes | None:
        """The payload stored under `key`, or None (absent, or damaged and now deleted)."""
        row = self._db.execute(
            "SELECT digest, payload FROM figures WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            self.misses += 1
            return None
        digest, payload = row
        if hashlib.sha256(payload).hexdigest() != digest:
            self.discard(key)
            self.misses += 1
            return None
        self.hits += 1
        self._used.append(key)
        return bytes(payload)

    def put_many(self, entries: Iterable[tuple[str, bytes]]) -> None:
        """Store payloads, all in one transaction (a crash leaves all of them or none)."""
        now = int(time.time())
        rows = [(k, hashlib.sha256(p).hexdigest(), p, len(p), now) for k, p in entries]
        if not rows:
            return
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO figures VALUES (?, ?, ?, ?, ?)", rows)

    def discard(self, key: str) -> None:
        """Forget an entry (a damaged one: the next run recomputes it)."""
        with self._transaction():
            self._db.execute("DELETE FROM figures WHERE key = ?", (key,))

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def size(self) -> int:
        """Bytes of payload stored."""
        return int(self._db.execute("SELECT coalesce(sum(size), 0) FROM figures").fetchone()[0])

    def close(self) -> None:
        """Record which entries were read (for pruning), prune past the limit, close."""
        try:
            now = int(time.time())
            with self._transaction():
                self._db.executemany(
                    "UPDATE figures SET used = ? WHERE key = ?", ((now, k) for k in self._used)
                )
            self._prune()
        finally:
            self._db.close()

    def _prune(self) -> None:
        total = self.size()
        if total <= self.limit:
            return
        target = self.limit * 3 // 4
        with self._transaction():
            for key, size in self._db.execute(
                "SELECT key, size FROM figures ORDER BY used, key"
            ).fetchall():
                if total <= target:
                    break
                self._db.execute("DELETE FROM figures WHERE key = ?", (key,))
                total -= size


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT (ROLLBACK on an error): writers queue instead of failing."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def open_cache(folder: Path, limit: int = DEFAULT_LIMIT) -> FigureCache:
    """The cache in `folder`, created with a .gitignore; CheckerError if it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            # like .pytest_cache and .ruff_cache: the folder ignores itself
            ignore.write_text("# created by factcheck\n*\n", encoding="utf-8")
            (folder / "README.txt").write_text(_README, encoding="utf-8")
        return FigureCache(folder, limit)
    except (OSError, sqlite3.Error) as error:
        message = getattr(error, "strerror", None) or str(error)
        raise CheckerError(f"{folder.as_posix()}: cannot use the cache: {message}") from error
