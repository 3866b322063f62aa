"""A plain text file -> one Document: the file as written, after its YAML front matter."""

from __future__ import annotations

from collections.abc import Iterator

from checker.inputs import Source
from checker.inputs.common import make_document, read_text_of
from checker.inputs.provenance import split_front_matter
from checker.model import Document, InputProblem

__all__ = ["load"]


def load(source: Source) -> Iterator[Document | InputProblem]:
    """The text after the front matter; `line:col` in it is `line:col` in the file."""
    text = read_text_of(source)
    if isinstance(text, InputProblem):
        yield text
        return
    body, front, body_line, problems = split_front_matter(source.shown, text)
    yield from problems
    yield make_document(source, body, front, body_line=body_line)
