"""An export of an article database (JSONL, CSV, Parquet) -> one Document per record.

Which field holds what is ``Fields`` (``fields:`` in the config, ``--field text=body`` on the
command line): the text, and the id, title, outlet, published date, url and origin, each
optional but the text. A dotted name reaches into nested objects (``source.name``). A record
without an id is named by its place (``export.jsonl#12``); one with an id by the id alone
(``art-0042``), so that a baseline still knows the article in tomorrow's export.

Locations point into the file: a JSONL record is its line, and a figure's ``line:col`` is
where its characters are written on it (escapes such as ``\\n`` or ``\\u00e9`` counted as
written); a CSV figure's ``line:col`` is where it is in the file, inside its quoted field. A
Parquet file has no lines: a figure is at ``row:line`` (the record's row, the line of its text).

A bad record (a malformed JSON line, a row with too many fields, a record without the text,
a bad date) is reported at its place and skipped, or read without the bad value; the other
records are still read. JSONL is read a line at a time, so memory stays flat on any export.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterator, Mapping
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Final

from checker.files import FileProblem
from checker.inputs import FIELD_NAMES, Source
from checker.inputs.common import make_document, read_text_of
from checker.inputs.place import TextBuilder
from checker.inputs.provenance import parse_published, problem_at
from checker.model import Document, InputProblem, SourceMap

__all__ = ["load"]

_SCALAR: Final = re.compile(r"-?\d[\d.eE+-]*|true|false|null|-?Infinity|NaN")
_SPACE: Final = re.compile(r"[ \t\r\n]*")
# JSON's two-character escapes and what they stand for
_ESCAPES: Final = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}

Record = Mapping[str, object]
# dotted field name -> (offset, end) of its string literal in the line, quotes included
Spans = dict[str, tuple[int, int]]


def load(source: Source) -> Iterator[Document | InputProblem]:
    """Every record of the export, as its format reads them."""
    if source.format == "jsonl":
        yield from _jsonl(source)
    elif source.format == "csv":
        yield from _csv(source)
    else:
        yield from _parquet(source)


def field(record: Record, name: str) -> object:
    """The value at dotted `name` ('source.name'), or None."""
    value: object = record
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


class _Ids:
    """Record ids seen in this file: a repeated one is a problem, not a second document."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def repeated(self, name: str, where: str) -> str | None:
        first = self.seen.setdefault(name, where)
        return None if first == where else first


def _document(
    source: Source,
    record: Record,
    text: str,
    places: SourceMap,
    where: tuple[int, int],
    name: str,
    value_at: Mapping[str, tuple[int, int]],
    ids: _Ids,
) -> Iterator[Document | InputProblem]:
    """The document of one record: its text and its other fields."""
    fields = source.options.fields
    meta: dict[str, str] = {}
    for key in FIELD_NAMES:
        if key == "text":
            continue
        value = field(record, getattr(fields, key))
        if value is None or isinstance(value, Mapping | list):
            continue
        shown = str(value).strip()
        if key == "published" and shown:
            try:
                shown = parse_published(shown)
            except ValueError as error:
                line, col = value_at.get(fields.published, where)
                yield problem_at(source.shown, f"published {shown!r} {error}", line, col)
                continue
        if shown:
            meta[key] = shown
    own = meta.pop("id", "")
    if own:
        first = ids.repeated(own, name)
        if first is not None:
            message = f"a second record with id {own!r} (the first is {first}): skipped"
            yield problem_at(source.shown, message, *where)
            return
    yield make_document(source, text, meta, places=places, id=own or name)


def _no_text(source: Source, record: Record, where: tuple[int, int]) -> InputProblem:
    name = source.options.fields.text
    value = field(record, name)
    if value is None:
        keys = ", ".join(sorted(map(str, record))) or "none"
        message = (
            f"no {name!r} field holds the record's text (its fields: {keys}); name it with "
            "--field text=FIELD or 'fields: {text: FIELD}' in factcheck.yaml"
        )
    else:
        message = f"the text field {name!r} is a {type(value).__name__}, not a string"
    return problem_at(source.shown, message, *where)


# --- JSONL ------------------------------------------------------------------------------


def _jsonl(source: Source) -> Iterator[Document | InputProblem]:
    ids = _Ids()
    try:
        for number, raw in enumerate(source.lines(), start=1):
            yield from _jsonl_record(source, number, raw, ids)
    except FileProblem as problem:
        yield problem_at(source.shown, f"cannot read: {problem.message}")


def _jsonl_record(
    source: Source, number: int, raw: bytes, ids: _Ids
) -> Iterator[Document | InputProblem]:
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        message = f"not UTF-8 text (byte {error.start}: {error.reason})"
        yield problem_at(source.shown, message, number, error.start + 1)
        return
    line = line.rstrip("\r\n")
    if not line.strip():
        return  # a blank line is no record
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        yield problem_at(
            source.shown, f"malformed JSON: {error.msg}: skipped", number, error.pos + 1
        )
        return
    except RecursionError:
        yield problem_at(source.shown, "malformed JSON: nested too deeply: skipped", number, 1)
        return
    if not isinstance(record, dict):
        kind = type(record).__name__
        yield problem_at(source.shown, f"a record should be a JSON object, not a {kind}", number)
        return
    spans = _string_spans(line)
    name = source.options.fields.text
    text_value = field(record, name)
    if not isinstance(text_value, str) or name not in spans:
        yield _no_text(source, record, (number, 1))
        return
    start, end = spans[name]
    text, places = _json_string_text(line, start, end, number)
    value_at = {key: (number, at + 1) for key, (at, _) in spans.items()}
    yield from _document(
        source, record, text, places, (number, 1), f"{source.shown.as_posix()}#{number}",
        value_at, ids,
    )  # fmt: skip


def _string_spans(line: str) -> Spans:
    """Dotted key -> span of each string value of the objects in a valid JSON `line`
    (values inside arrays are not named, so they are not looked up)."""
    spans: Spans = {}
    stack: list[tuple[str, bool]] = []  # (key path of the container, is an object)
    i = _SPACE.match(line, 0).end()  # type: ignore[union-attr]
    key: str | None = None
    path = ""
    while i < len(line):
        char = line[i]
        if char in "{[":
            stack.append((path, char == "{"))
            if key is not None:
                path = f"{path}.{key}" if path else key
            elif stack and len(stack) > 1:
                path = "\0"  # inside an array: nothing here is named
            key = None
            i += 1
        elif char in "}]":
            path = stack.pop()[0] if stack else ""
            key = None
            i += 1
        elif char == '"':
            value, end = scanstring(line, i + 1)
            after = _SPACE.match(line, end).end()  # type: ignore[union-attr]
            in_object = bool(stack) and stack[-1][1]
            if in_object and key is None and after < len(line) and line[after] == ":":
                key = value
                i = after + 1
                continue
            if key is not None and "\0" not in path:
                spans[f"{path}.{key}" if path else key] = (i, end)
            key = None
            i = end
        elif char in ",:" or char.isspace():
            if char == ",":
                key = None
            i += 1
        else:
            scalar = _SCALAR.match(line, i)
            i = scalar.end() if scalar else i + 1
            key = None
    return spans


def _json_string_text(line: str, start: int, end: int, number: int) -> tuple[str, SourceMap]:
    """The text of the JSON string literal at line[start:end] (quotes included), each of
    its characters placed at the column it is written at (an escape at its backslash)."""
    builder = TextBuilder()
    i = start + 1
    stop = end - 1
    while i < stop:
        slash = line.find("\\", i, stop)
        if slash < 0:
            slash = stop
        if slash > i:
            builder.add(line[i:slash], number, i + 1)
            i = slash
            continue
        code = line[i + 1]
        if code == "u":
            point, width = int(line[i + 2 : i + 6], 16), 6
            if 0xD800 <= point < 0xDC00 and line.startswith("\\u", i + 6):
                low = int(line[i + 8 : i + 12], 16)
                if 0xDC00 <= low < 0xE000:  # a surrogate pair: one character
                    point, width = 0x10000 + ((point - 0xD800) << 10) + (low - 0xDC00), 12
            builder.add_at(chr(point), number, i + 1, width)
            i += width
        else:
            builder.add_at(_ESCAPES.get(code, code), number, i + 1, 2)
            i += 2
    return builder.build()


# --- CSV --------------------------------------------------------------------------------


def _csv(source: Source) -> Iterator[Document | InputProblem]:
    text = read_text_of(source)
    if isinstance(text, InputProblem):
        yield text
        return
    delimiter = "\t" if source.shown.suffix.lower() == ".tsv" else ","
    starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def place(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    header: list[str] | None = None
    ids = _Ids()
    number = 0
    for row in _csv_rows(text, delimiter):
        if isinstance(row, int):
            message = "a quoted field opened here is never closed: the rest of the file is skipped"
            yield problem_at(source.shown, message, *place(row))
            break
        cells, at = row
        if header is None:
            header = [_cell_value(text, cell) for cell in cells]
            if source.options.fields.text not in header:
                # one problem for the file, not one for each of its rows
                yield _no_text(source, dict.fromkeys(header, ""), (1, 1))
                return
            continue
        number += 1
        line, col = place(at)
        if len(cells) != len(header):
            message = f"a row of {len(cells)} fields under a header of {len(header)}: skipped"
            yield problem_at(source.shown, message, line, col)
            continue
        record = {name: _cell_value(text, cell) for name, cell in zip(header, cells, strict=True)}
        value_at = {name: place(cell[0]) for name, cell in zip(header, cells, strict=True)}
        name = source.options.fields.text
        if name not in record:
            yield _no_text(source, record, (line, 1))
            continue
        body, places = _cell_text(text, cells[header.index(name)], place)
        yield from _document(
            source, _nested(record), body, places, (line, 1),
            f"{source.shown.as_posix()}#{number}", value_at, ids,
        )  # fmt: skip
    if header is None:
        yield problem_at(source.shown, "an empty CSV file: no header and no records")


# (start, end, quoted) of one cell's raw text in the file
_Cell = tuple[int, int, bool]


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[list[_Cell], int] | int]:
    """The rows of a CSV text as RFC 4180 reads them (quoted fields may hold delimiters,
    line breaks and doubled quotes), each cell with its raw span and each row with its
    offset; the offset of a quote that is never closed ends them."""
    i, n = 0, len(text)
    while i < n:
        row_start = i
        cells: list[_Cell] = []
        while True:
            if i < n and text[i] == '"':
                j = i + 1
                while True:
                    j = text.find('"', j)
                    if j < 0:
                        yield i
                        return
                    if not text.startswith('""', j):
                        break
                    j += 2
                cells.append((i, j + 1, True))
                i = j + 1
                while i < n and text[i] not in (delimiter, "\n"):
                    i += 1  # characters after the closing quote are no part of the value
            else:
                j = i
                while j < n and text[j] not in (delimiter, "\n"):
                    j += 1
                cells.append((i, j, False))
                i = j
            if i < n and text[i] == delimiter:
                i += 1
                continue
            i += 1  # the line break
            break
        if len(cells) == 1 and cells[0][0] == cells[0][1]:
            continue  # a blank line
        yield cells, row_start


def _cell_value(text: str, cell: _Cell) -> str:
    start, end, quoted = cell
    raw = text[start:end]
    return raw[1:-1].replace('""', '"') if quoted else raw.rstrip("\r")


def _cell_text(
    text: str, cell: _Cell, place: Callable[[int], tuple[int, int]]
) -> tuple[str, SourceMap]:
    """A cell's text with each character at its place in the file ('""' is one quote)."""
    start, end, quoted = cell
    builder = TextBuilder()
    if not quoted:
        builder.add(text[start:end].rstrip("\r"), *place(start))
        return builder.build()
    i, stop = start + 1, end - 1
    while i < stop:
        pair = text.find('""', i, stop)
        if pair < 0:
            pair = stop
        if pair > i:
            builder.add(text[i:pair].replace("\r\n", "\n"), *place(i))
            i = pair
            continue
        builder.add_at('"', *place(i), 2)
        i += 2
    return builder.build()


def _nested(record: dict[str, str]) -> dict[str, object]:
    """A CSV record whose column names hold dots ('source.name') as nested fields too."""
    out: dict[str, object] = dict(record)
    for name, value in record.items():
        if "." in name:
            node = out
            *parents, last = name.split(".")
            for part in parents:
                child = node.get(part)
                if not isinstance(child, dict):
                    child = {}
                    node[part] = child
                node = child
            node[last] = value
    return out


# --- Parquet ----------------------------------------------------------------------------


def _parquet(source: Source) -> Iterator[Document | InputProblem]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield problem_at(
            source.shown, "reading Parquet needs pyarrow: pip install 'factcheck-figures[parquet]'"
        )
        return
    import io

    try:
        table = pq.ParquetFile(io.BytesIO(source.read()))
    except FileProblem as problem:
        yield problem_at(source.shown, f"cannot read: {problem.message}")
        return
    except Exception as error:  # pyarrow raises errors of its own for a damaged file
        yield problem_at(source.shown, f"not a readable Parquet file: {error}")
        return
    ids = _Ids()
    row = 0
    name = source.options.fields.text
    for batch in table.iter_batches():
        for record in batch.to_pylist():
            row += 1
            value = field(record, name)
            if not isinstance(value, str):
                yield _no_text(source, record, (row, 1))
                continue
            lines = tuple([0, *(m.end() for m in re.finditer("\n", value))])
            rows = tuple((row, n) for n in range(1, len(lines) + 1))
            places = SourceMap(lines, lines, rows, fixed=True)
            name_of = f"{source.shown.as_posix()}#{row}"
            yield from _document(source, record, value, places, (row, 1), name_of, {}, ids)
