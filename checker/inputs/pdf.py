"""A PDF file -> one Document: the text of every page, read by pypdf.

A PDF has no lines of source to point into, so a figure's place is ``page:line``: the page
(from 1) and the line of that page's text (from 1) that the figure is on, as a reader counts
them in the page's text (``factcheck extract`` shows it). Pages are paragraphs apart, and a
page's lines follow one another as the PDF lays them out.

Metadata from the document information dictionary gives the title (``/Title``); an outlet,
date or url comes from a ``sources.yaml`` manifest beside the file, since a PDF rarely says
them. A file that is not a PDF, or is damaged (truncated, a broken cross-reference table pypdf
cannot rebuild), is a problem and is skipped; a page that cannot be read is a problem at that
page and the other pages are still read; a PDF with no text at all (a scan) is a problem too.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Final

from checker.inputs import Source
from checker.inputs.common import make_document, read_bytes_of
from checker.inputs.provenance import problem_at
from checker.model import Document, InputProblem, SourceMap

__all__ = ["load", "pdf_text"]

_PAGE_BREAK: Final = "\n\n"


def load(source: Source) -> Iterator[Document | InputProblem]:
    """The text of the PDF's pages, every line placed at its page:line."""
    raw = read_bytes_of(source)
    if isinstance(raw, InputProblem):
        yield raw
        return
    pages, title, problems = _read(source, raw)
    yield from problems
    if pages is None:
        return
    text, places = pdf_text(pages)
    if not text.strip():
        yield problem_at(source.shown, "no text in this PDF (a scanned image?): skipped")
        return
    yield make_document(source, text, {"title": title} if title else {}, places=places)


def _read(source: Source, raw: bytes) -> tuple[list[str] | None, str, list[InputProblem]]:
    """Each page's text (None when the file cannot be read as a PDF), its title, problems."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs what it repairs; the run reports what it could not read, not what it fixed
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if raw.lstrip()[:5] != b"%PDF-":
        return None, "", [problem_at(source.shown, "not a PDF file (no %PDF- header): skipped")]
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        count = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        message = f"damaged PDF, cannot be read ({_why(error)}): skipped"
        return None, "", [problem_at(source.shown, message)]
    problems = []
    pages = []
    for number in range(count):
        try:
            pages.append(reader.pages[number].extract_text() or "")
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
            message = f"page {number + 1} cannot be read ({_why(error)}): its text is left out"
            problems.append(problem_at(source.shown, message, number + 1, 1))
            pages.append("")
    title = ""
    try:
        info = reader.metadata
        title = str(info.title or "").strip() if info is not None else ""
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        title = ""
    return pages, title, problems


def _why(error: Exception) -> str:
    return str(error).strip().rstrip(".") or type(error).__name__


def pdf_text(pages: list[str]) -> tuple[str, SourceMap]:
    """The pages' text, paragraphs apart, and a SourceMap placing each line at page:line."""
    parts: list[str] = []
    lines: list[int] = []
    places: list[tuple[int, int]] = []
    offset = 0
    for page, text in enumerate(pages, start=1):
        # the page's blank lines at its end are no lines of it
        page_lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
        if parts:
            parts.append(_PAGE_BREAK)
            # the blank line between two pages sits at the end of the page before
            lines.append(offset + 1)
            places.append(places[-1] if places else (page, 1))
            offset += len(_PAGE_BREAK)
        for number, line in enumerate(page_lines, start=1):
            if number > 1:
                parts.append("\n")
                offset += 1
            lines.append(offset)
            places.append((page, number))
            parts.append(line)
            offset += len(line)
    if not lines:
        lines, places = [0], [(1, 1)]
    return "".join(parts), SourceMap(tuple(lines), tuple(lines), tuple(places), fixed=True)
