"""What every loader does alike: read and decode a file, and make a Document of a text."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from checker.credit import credited_agency
from checker.files import FileProblem, decode
from checker.inputs import Source
from checker.inputs.provenance import problem_at, split_front_matter
from checker.model import Document, InputProblem, SourceMap

__all__ = ["load_text_file", "make_document", "read_bytes_of", "read_text_of"]


def read_bytes_of(source: Source) -> bytes | InputProblem:
    """The source's bytes, or the problem that kept them from being read."""
    try:
        return source.read()
    except FileProblem as problem:
        return problem_at(source.shown, f"cannot read: {problem.message}")


def read_text_of(source: Source) -> str | InputProblem:
    """The source as UTF-8 text (line ends as '\\n'), or the problem at the bad byte."""
    raw = read_bytes_of(source)
    if isinstance(raw, InputProblem):
        return raw
    try:
        return decode(raw)
    except FileProblem as problem:
        return problem_at(source.shown, problem.message, problem.line, problem.col)


def make_document(
    source: Source,
    text: str,
    meta: Mapping[str, str],
    *,
    places: SourceMap | None = None,
    body_line: int = 1,
    id: str = "",
) -> Document:
    """A Document of `text` with the file's own provenance (`meta`) over its manifest's."""
    merged = {**source.provenance, **meta}
    return Document(
        # the path, not the stem: 'a/report.txt' and 'b/report.txt' are two documents
        id=id or source.shown.as_posix(),
        path=source.shown,
        text=text,
        title=merged.get("title", ""),
        outlet=merged.get("outlet", ""),
        published=merged.get("published", ""),
        url=merged.get("url", ""),
        body_line=body_line,
        # an agency's dateline ("GAZA CITY (AP) — …") says whose reporting it is
        origin=merged.get("origin", "") or credited_agency(text),
        places=places,
    )


def load_text_file(
    source: Source, read: Callable[[str, int], tuple[str, SourceMap | None]]
) -> Iterator[Document | InputProblem]:
    """A text file with YAML front matter (text, Markdown): its body turned into the
    document's text by `read(body, line of the body's first line)`, which gives the text and
    its SourceMap (None when the text is the body as written)."""
    text = read_text_of(source)
    if isinstance(text, InputProblem):
        yield text
        return
    body, front, body_line, problems = split_front_matter(source.shown, text)
    yield from problems
    words, places = read(body, body_line)
    if places is None:
        yield make_document(source, words, front, body_line=body_line)
    else:
        yield make_document(source, words, front, places=places)
