"""Files -> Documents: one module per input format, behind one interface.

A loader is a module with ``load(source) -> Iterator[Document | InputProblem]``: it reads the
file (``source.read()``), turns it into the text the extractor reads, and gives each document
a ``SourceMap`` when that text is not the file as written, so every figure's ``line:col``
points into the file (``checker.inputs.place``). Which loader reads a file is decided by its
suffix, in any case (``FORMATS``); each is imported only when a file of its format is met, so
a corpus of text files never imports the HTML or PDF libraries.

| format | suffixes | one document per | a figure's location |
| --- | --- | --- | --- |
| text | .txt | file | line:col |
| markdown | .md .markdown | file | line:col (markup, code, comments are not text) |
| html | .html .htm | page | line:col of the article's text in the page |
| pdf | .pdf | file | page:line |
| jsonl | .jsonl .ndjson | record (line) | line:col in the file (the line is the record) |
| csv | .csv .tsv | record (row) | line:col of the text in the file |
| parquet | .parquet | record (row) | row:line |

Options that change how files are read (which record field is the text, what discovery
leaves out, the name standard input is read as) are an ``InputOptions``; the run sets them
with ``using(options)``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Protocol

from checker.files import read_bytes, read_lines
from checker.model import Document, InputProblem

# suffix (lower case) -> format name; each format is the module checker.inputs.<module>
FORMATS: Final[dict[str, str]] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
}
_MODULES: Final[dict[str, str]] = {
    "text": "text",
    "markdown": "markdown",
    "html": "html",
    "pdf": "pdf",
    "jsonl": "records",
    "csv": "records",
    "parquet": "records",
}
STDIN: Final = Path("-")
# the record fields a document is read from, by default
FIELD_NAMES: Final = ("text", "id", "title", "outlet", "published", "url", "origin")


@dataclass(frozen=True, slots=True)
class Fields:
    """Which field of a record (JSONL, CSV, Parquet) holds what; a dotted name reaches into
    nested objects ('source.name')."""

    text: str = "text"
    id: str = "id"
    title: str = "title"
    outlet: str = "outlet"
    published: str = "published"
    url: str = "url"
    origin: str = "origin"

    def items(self) -> tuple[tuple[str, str], ...]:
        return tuple((name, getattr(self, name)) for name in FIELD_NAMES)


@dataclass(frozen=True, slots=True)
class InputOptions:
    """How a run reads its inputs."""

    fields: Fields = field(default_factory=Fields)
    exclude: tuple[str, ...] = ()  # gitignore-style patterns discovery leaves out, besides
    #                                the default ones (checker.inputs.ignore)
    root: Path = Path()  # the project folder: `exclude` patterns are relative to it
    gitignore: bool = True  # leave out what .gitignore files ignore
    stdin_name: Path = STDIN  # the name `-` (standard input) is shown as; its suffix picks
    #                          the format (text when it has none)


class Loader(Protocol):
    def load(self, source: Source) -> Iterator[Document | InputProblem]: ...


@dataclass(frozen=True, slots=True)
class Source:
    """One file to load: where to read it, how to show it, what a manifest says of it."""

    path: Path  # the real path ('-' for standard input)
    shown: Path  # as reports show it (relative, escaped)
    provenance: dict[str, str]  # from a sources.yaml beside it
    options: InputOptions
    format: str

    def read(self) -> bytes:
        """The file's bytes (FileProblem if it cannot be read); standard input for '-'."""
        if self.path == STDIN:
            return sys.stdin.buffer.read()
        return read_bytes(self.path)

    def lines(self) -> Iterator[bytes]:
        """The file's lines one at a time, line ends kept (FileProblem if it cannot be read)."""
        if self.path == STDIN:
            return iter(sys.stdin.buffer)
        return read_lines(self.path)


def format_of(path: Path) -> str | None:
    """The format a file is read as, by its suffix in any case ('REPORT.TXT' is text)."""
    return FORMATS.get(path.suffix.lower())


def is_document(path: Path) -> bool:
    """Whether discovery reads this file: a suffix of one of the FORMATS."""
    return path.suffix.lower() in FORMATS


def loader(name: str) -> Loader:
    """The module that reads format `name`, imported on first use."""
    module: Loader = importlib.import_module(f"checker.inputs.{_MODULES[name]}")
    return module


_CURRENT: ContextVar[InputOptions | None] = ContextVar("factcheck_input_options", default=None)


def current() -> InputOptions:
    """The input options of the run being made (defaults outside one)."""
    return _CURRENT.get() or InputOptions()


@contextmanager
def using(options: InputOptions) -> Iterator[InputOptions]:
    """Read inputs with `options` inside the block."""
    token = _CURRENT.set(options)
    try:
        yield options
    finally:
        try:
            _CURRENT.reset(token)
        except ValueError:  # closed from another context (a generator finished elsewhere)
            _CURRENT.set(None)


__all__ = [
    "FIELD_NAMES",
    "FORMATS",
    "STDIN",
    "Fields",
    "InputOptions",
    "Source",
    "current",
    "format_of",
    "is_document",
    "loader",
    "using",
]
