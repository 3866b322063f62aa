"""A plain text file -> one Document: the file as written, after its YAML front matter."""

from __future__ import annotations

from collections.abc import Iterator

from checker.inputs import Source
from checker.inputs.common import load_text_file
from checker.model import Document, InputProblem, SourceMap

__all__ = ["load"]


def _as_written(body: str, first_line: int) -> tuple[str, SourceMap | None]:
    return body, None


def load(source: Source) -> Iterator[Document | InputProblem]:
    """The text after the front matter; `line:col` in it is `line:col` in the file."""
    return load_text_file(source, _as_written)
