"""An HTML page -> one Document: the article's text, placed in the page, and its metadata.

The article is what trafilatura (a maintained main-text extractor) keeps of the page: the
story's headline and paragraphs, without the navigation, the footer, the scripts, the
comments and the boilerplate around them. Each of its paragraphs is then found again in the
page's own text (read with the standard library's HTML tokenizer, which knows where every
character stands), so a figure's ``line:col`` is where it is written in the ``.html`` file,
entities and tags inside the sentence included.

Provenance is read from the page's metadata, the first that says it winning:

| key | JSON-LD (NewsArticle …) | OpenGraph | <meta> / <link> / <title> |
| --- | --- | --- | --- |
| title | headline, name | og:title | citation_title, dc.title, <title> |
| outlet | publisher.name | og:site_name | application-name, dc.publisher, citation_publisher |
| published | datePublished, dateCreated | article:published_time | date, pubdate, dc.date, … |
| url | url, mainEntityOfPage | og:url | <link rel="canonical"> |

A date is read with ``parse_published``; one that is not a date, or could be two, is a problem
at the line of the tag that holds it, and the page is read without it. A page that cannot be
decoded (UTF-8, else the charset it declares), or in which no article text is found (a
truncated or empty page), is a problem and is skipped.
"""

from __future__ import annotations

import codecs
import html
import json
import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from typing import Final

from checker.files import FileProblem, decode
from checker.inputs import Source
from checker.inputs.common import make_document, read_bytes_of
from checker.inputs.place import TextBuilder
from checker.inputs.provenance import parse_published, problem_at
from checker.model import Document, InputProblem, SourceMap

__all__ = ["load", "page_metadata", "page_text"]

# elements whose content a reader never sees as text
_HIDDEN: Final = frozenset({"script", "style", "template", "noscript", "title", "svg"})
_CHARSET: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_SPACE: Final = re.compile(r"\s+")
# how far past the last placed word a word of the article is looked for in the page
_WINDOW: Final = 400

# metadata names, most telling first, by the provenance key they give
_OPENGRAPH: Final = {
    "title": ("og:title",),
    "outlet": ("og:site_name",),
    "published": ("article:published_time", "og:published_time"),
    "url": ("og:url",),
}
_META: Final = {
    "title": ("citation_title", "dc.title", "twitter:title"),
    "outlet": ("application-name", "dc.publisher", "citation_publisher", "publisher"),
    "published": (
        "article:published_time",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "dcterms.date",
        "citation_publication_date",
        "parsely-pub-date",
        "sailthru.date",
    ),
}
_JSON_LD: Final = {
    "title": ("headline", "name"),
    "outlet": ("publisher",),
    "published": ("datePublished", "dateCreated"),
    "url": ("url", "mainEntityOfPage"),
}
# JSON-LD types that describe the page's article
_ARTICLE_TYPES: Final = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "WebPage",
    }
)


def load(source: Source) -> Iterator[Document | InputProblem]:
    """The page's article text, placed in the file, with the page's metadata."""
    raw = read_bytes_of(source)
    if isinstance(raw, InputProblem):
        yield raw
        return
    try:
        page = _decode(raw)
    except FileProblem as problem:
        yield problem_at(source.shown, problem.message, problem.line, problem.col)
        return
    meta, problems = page_metadata(source, page)
    yield from problems
    text, places = page_text(page)
    if not text.strip():
        yield problem_at(source.shown, "no article text found in this HTML page: skipped")
        return
    yield make_document(source, text, meta, places=places)


def _decode(raw: bytes) -> str:
    """UTF-8, else the charset the page declares in its first bytes (<meta charset>)."""
    try:
        return decode(raw)
    except FileProblem:
        declared = _CHARSET.search(raw[:4096])
        if declared is None:
            raise
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii"))
        except LookupError:
            raise FileProblem(
                f"declares an unknown charset {declared.group(1).decode('ascii')!r}", 1, 1
            ) from None
        if codec.name == "utf-8":
            raise
        try:
            text = raw.decode(codec.name)
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
            raise FileProblem(f"not {codec.name} text (byte {error.start})", line, col) from None
        return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------- the article's text


class _Characters(HTMLParser):
    """The page's visible characters, each with its source line and column (1-based)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.chars: list[str] = []
        self.places: list[tuple[int, int]] = []
        self._hidden: dict[str, int] = {}

    def _seen(self) -> bool:
        return not any(self._hidden.values())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden[tag] = self._hidden.get(tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if self._hidden.get(tag):
            self._hidden[tag] -= 1

    def handle_data(self, data: str) -> None:
        if not self._seen():
            return
        line, col = self.getpos()
        col += 1
        for char in data:
            if not char.isspace():
                self.chars.append(char)
                self.places.append((line, col))
            if char == "\n":
                line, col = line + 1, 1
            else:
                col += 1

    def _reference(self, written: str) -> None:
        if not self._seen():
            return
        line, col = self.getpos()
        for char in html.unescape(written):
            if not char.isspace():
                self.chars.append(char)
                self.places.append((line, col + 1))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")


def _article(page: str) -> str:
    """The article's text as trafilatura extracts it: one paragraph a line."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            page, include_comments=False, include_tables=True, with_metadata=False
        )
    except (ValueError, TypeError, AttributeError):  # a page too broken to build a tree of
        return ""
    text = getattr(found, "text", None) if found is not None else None
    return text if isinstance(text, str) else ""


def page_text(page: str) -> tuple[str, SourceMap]:
    """The article of HTML `page`, paragraphs apart, and where each character is in it."""
    article = _article(page)
    seen = _Characters()
    seen.feed(page)
    seen.close()
    flat = "".join(seen.chars)
    builder = TextBuilder()
    cursor = 0
    for paragraph in (p for p in article.split("\n") if p.strip()):
        paragraph = _SPACE.sub(" ", paragraph).strip()
        if builder.length:
            builder.gap("\n\n")
        cursor = _place_paragraph(builder, paragraph, flat, seen.places, cursor)
    return builder.build()


def _place_paragraph(
    builder: TextBuilder,
    paragraph: str,
    flat: str,
    places: list[tuple[int, int]],
    cursor: int,
) -> int:
    """Add `paragraph` to the text, each character at its place in the page; the cursor in
    the page's characters after it."""
    words = paragraph.split(" ")
    whole = "".join(words)
    at = flat.find(whole, cursor)
    if at < 0:
        at = flat.find(whole)
    if at >= 0:  # the paragraph as the page writes it: every character placed
        starts = []
        offset = at
        for word in words:
            starts.append(offset)
            offset += len(word)
        cursor = offset
    else:  # changed on the way (a table's cells, a caption): word by word, near each other
        starts = []
        for word in words:
            found = flat.find(word, cursor, cursor + _WINDOW + len(word))
            starts.append(found if found >= 0 else -1)
            if found >= 0:
                cursor = found + len(word)
    last = places[cursor - 1] if places and cursor else (1, 1)
    for n, (word, start) in enumerate(zip(words, starts, strict=True)):
        if n:
            line, col = last
            builder.add_at(" ", line, col + 1, 1)
        for i, char in enumerate(word):
            if start >= 0 and start + i < len(places):
                last = places[start + i]
            builder.add_at(char, *last, 1)
    return cursor


# ---------------------------------------------------------------- the page's metadata


class _Metadata(HTMLParser):
    """<meta>, <link rel=canonical>, <title> and JSON-LD scripts, with their lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, tuple[str, int, int]] = {}  # lower-case name -> (content, line, col)
        self.canonical: tuple[str, int, int] | None = None
        self.title: tuple[str, int, int] | None = None
        self.scripts: list[tuple[str, int]] = []  # JSON-LD text, line of its first character
        self._in: str | None = None
        self._buffer: list[str] = []
        self._start = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        line, col = self.getpos()
        if tag == "meta":
            name = (values.get("property") or values.get("name") or "").strip().lower()
            if name and "content" in values and name not in self.meta:
                self.meta[name] = (values["content"].strip(), line, col + 1)
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            if self.canonical is None and values.get("href"):
                self.canonical = (values["href"].strip(), line, col + 1)
        elif tag == "title" and self.title is None:
            self._open("title")
        elif tag == "script" and values.get("type", "").strip().lower() == "application/ld+json":
            self._open("script")

    def _open(self, what: str) -> None:
        self._in = what
        self._buffer = []
        line, col = self.getpos()
        self._start = (line, col + 1 + len(self.get_starttag_text() or ""))

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._in is None or tag != self._in:
            return
        text = "".join(self._buffer)
        if tag == "title":
            self.title = (_SPACE.sub(" ", text).strip(), *self._start)
        else:
            self.scripts.append((text, self._start[0]))
        self._in = None


def _json_ld_articles(data: object) -> Iterator[Mapping[str, object]]:
    """The article objects of a JSON-LD block, in order (lists and @graph walked)."""
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_articles(item)
    elif isinstance(data, Mapping):
        kinds = data.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(k, str) and k in _ARTICLE_TYPES for k in kinds):
            yield data
        if "@graph" in data:
            yield from _json_ld_articles(data["@graph"])


def _json_ld_value(article: Mapping[str, object], key: str) -> str:
    value = article.get(key)
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, Mapping):  # publisher {name}, mainEntityOfPage {@id}
        value = value.get("name") or value.get("@id") or value.get("url")
    return value.strip() if isinstance(value, str) else ""


def page_metadata(source: Source, page: str) -> tuple[dict[str, str], list[InputProblem]]:
    """Title, outlet, published date and url of HTML `page`, and a problem for a bad date."""
    found = _Metadata()
    found.feed(page)
    found.close()
    # key -> (value, line, col), the first source that says it winning
    chosen: dict[str, tuple[str, int, int]] = {}
    for text, line in found.scripts:
        try:
            data = json.loads(text)
        except ValueError:
            continue  # a broken JSON-LD block says nothing; the other metadata still count
        for article in _json_ld_articles(data):
            for key, names in _JSON_LD.items():
                for name in names:
                    value = _json_ld_value(article, name)
                    if value and key not in chosen:
                        at = text.find(f'"{name}"')
                        where = line + (text.count("\n", 0, at) if at >= 0 else 0)
                        chosen[key] = (value, where, 1)
    for table in (_OPENGRAPH, _META):
        for key, names in table.items():
            for name in names:
                if key not in chosen and found.meta.get(name, ("",))[0]:
                    chosen[key] = found.meta[name]
    if "url" not in chosen and found.canonical is not None:
        chosen["url"] = found.canonical
    if "title" not in chosen and found.title is not None and found.title[0]:
        chosen["title"] = found.title
    meta: dict[str, str] = {}
    problems: list[InputProblem] = []
    for key, (value, line, col) in chosen.items():
        if key == "published":
            try:
                value = parse_published(value)
            except ValueError as error:
                problems.append(problem_at(source.shown, f"published {value!r} {error}", line, col))
                continue
        meta[key] = value
    return meta, problems
