"""A figures DataFrame -> str, for ``factcheck extract``: a table, JSON or CSV.

The JSON form is a stable contract, documented in ``docs/extract.md``: an object with a
``version`` and a ``figures`` array, one object per figure with the keys of ``FIELDS``.
Renderers are pure functions; they never re-sort (the frame is in document order already).

``FIGURE_STREAMERS`` render the same formats from a stream of frames (a batch of documents
each), one piece of text per frame, so ``extract`` on a huge corpus holds one batch at a
time: the JSON and CSV are byte for byte the renderers' output; the table's columns are as
wide as the widest cell seen so far, so a listing of many batches stays aligned unless a later
cell is wider than every one before it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from io import StringIO
from typing import Final

import pandas as pd
from rich.console import Console
from rich.table import Table

from checker.model import FIGURE_KINDS, Kind, format_number, printable

SCHEMA_VERSION: Final = 1

# The keys of every figure in the JSON and the columns of the CSV, in this order.
FIELDS: Final = (
    "document", "path", "line", "column", "text", "value", "low", "high", "low_inclusive",
    "high_inclusive", "hedge", "kind", "is_figure", "unit", "noun", "head", "origin", "sentence",
    "role", "relay", "modality", "earlier", "revision", "stated", "dated",
)  # fmt: skip

FigureRenderer = Callable[[pd.DataFrame], str]
FigureStreamer = Callable[[Iterable[pd.DataFrame]], Iterator[str]]
_COLUMNS: Final = ("where", "text", "interval", "kind", "unit", "origin")


def _bound(value: float) -> float | None:
    return None if math.isinf(value) else value


def _text(value: object) -> str | None:
    text = str(value)
    return text or None


def figure_records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """One dict of builtin types per row, keys in ``FIELDS`` order; '' and ±inf become None."""
    figure_kinds = {k.value for k in FIGURE_KINDS}
    columns = {name: frame[name].tolist() for name in frame.columns}
    records: list[dict[str, object]] = []
    for i in range(len(frame)):
        row = {name: values[i] for name, values in columns.items()}
        records.append(
            {
                "document": str(row["document"]),
                "path": str(row["path"]),
                "line": int(row["line"]),
                "column": int(row["column"]),
                "text": str(row["text"]),
                "value": float(row["value"]),
                "low": _bound(float(row["low"])),
                "high": _bound(float(row["high"])),
                "low_inclusive": bool(row["low_inclusive"]),
                "high_inclusive": bool(row["high_inclusive"]),
                "hedge": str(row["hedge"]),
                "kind": str(row["kind"]),
                "is_figure": str(row["kind"]) in figure_kinds,
                "unit": _text(row["unit"]),
                "noun": _text(row["noun"]),
                "head": _text(row["head"]),
                "origin": _text(row["origin"]),
                "sentence": " ".join(str(row["sentence"]).split()),
                "role": _text(row["role"]),
                "relay": _text(row["relay"]),
                "modality": str(row["modality"]),
                "earlier": bool(row["earlier"]),
                "revision": bool(row["revision"]),
                "stated": _text(row["stated"]),
                "dated": _text(row["dated"]),
            }
        )
    return records


def render_json(frame: pd.DataFrame) -> str:
    """{"version": 1, "figures": [...]} as indented JSON."""
    payload = {"version": SCHEMA_VERSION, "figures": figure_records(frame)}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render_csv(frame: pd.DataFrame) -> str:
    """One row per figure, the columns of ``FIELDS``; empty cells where JSON has null."""
    table = pd.DataFrame(figure_records(frame), columns=list(FIELDS))
    return str(table.to_csv(index=False, lineterminator="\n"))


def _interval(record: dict[str, object]) -> str:
    low, high = record["low"], record["high"]
    left = "[" if record["low_inclusive"] and low is not None else "("
    right = "]" if record["high_inclusive"] and high is not None else ")"
    low_text = format_number(float(low)) if isinstance(low, float) else "-inf"
    high_text = format_number(float(high)) if isinstance(high, float) else "inf"
    return f"{left}{low_text}, {high_text}{right}"


def _cells(record: dict[str, object]) -> tuple[str, ...]:
    return (
        f"{record['path']}:{record['line']}:{record['column']}",
        str(record["text"]),
        _interval(record),
        str(record["kind"]),
        str(record["unit"] or ""),
        str(record["origin"] or ""),
    )


def _table(rows: list[tuple[str, ...]], widths: list[int], header: bool) -> str:
    table = Table(
        box=None, pad_edge=False, show_edge=False, header_style="bold", show_header=header
    )
    for name, width in zip(_COLUMNS, widths, strict=True):
        table.add_column(name, overflow="fold", min_width=width or None)
    for row in rows:
        table.add_row(*row)
    out = StringIO()
    console = Console(file=out, width=10_000, color_system=None, highlight=False, markup=False)
    console.print(table)
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _count_line(figures: int, documents: int) -> str:
    return (
        f"{figures} figure{'' if figures == 1 else 's'} in {documents} "
        f"document{'' if documents == 1 else 's'}\n"
    )


def stream_table(frames: Iterable[pd.DataFrame], *, width: int | None = None) -> Iterator[str]:
    """The table of render_table, a batch at a time; the counts come last."""
    if width is not None:  # a terminal: one table wrapped to it, as render_table gives
        import pandas as pd

        kept = [f for f in frames if not f.empty]
        yield render_table(pd.concat(kept) if kept else _empty(), width=width)
        return
    widths = [len(name) for name in _COLUMNS]
    figures = documents = 0
    last: tuple[object, object] | None = None
    for frame in frames:
        rows = []
        for record in figure_records(frame):
            rows.append(_cells(record))
            if (record["document"], record["path"]) != last:
                documents += 1
                last = (record["document"], record["path"])
        if not rows and figures:
            continue
        widths = [max(w, *(len(r[i]) for r in rows)) for i, w in enumerate(widths)]
        yield _table(rows, widths, header=figures == 0)
        figures += len(rows)
    if figures == 0 and last is None:
        yield _table([], widths, header=True)
    yield _count_line(figures, documents)


def _empty() -> pd.DataFrame:
    from checker.model import empty_figures

    return empty_figures()


def stream_json(frames: Iterable[pd.DataFrame]) -> Iterator[str]:
    """render_json's text, a batch at a time."""
    yield f'{{\n  "version": {SCHEMA_VERSION},\n  "figures": ['
    first = True
    for frame in frames:
        parts = []
        for record in figure_records(frame):
            text = json.dumps(record, indent=2, ensure_ascii=False).replace("\n", "\n    ")
            parts.append(("\n    " if first else ",\n    ") + text)
            first = False
        yield "".join(parts)
    yield "]\n}\n" if first else "\n  ]\n}\n"


def stream_csv(frames: Iterable[pd.DataFrame]) -> Iterator[str]:
    """render_csv's text, a batch at a time."""
    header = True
    for frame in frames:
        if frame.empty and not header:
            continue
        table = pd.DataFrame(figure_records(frame), columns=list(FIELDS))
        yield str(table.to_csv(index=False, header=header, lineterminator="\n"))
        header = False
    if header:
        yield render_csv(_empty())


def render_table(frame: pd.DataFrame, *, width: int | None = None) -> str:
    """A plain table: where, the figure as written, its interval, kind, unit and origin."""
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for name in _COLUMNS:
        table.add_column(name, overflow="fold")
    records = figure_records(frame)
    for record in records:
        table.add_row(*(printable(cell) for cell in _cells(record)))  # a document's text
    out = StringIO()
    console = Console(
        file=out, width=width or 10_000, color_system=None, highlight=False, markup=False
    )
    console.print(table)
    documents = len({(r["document"], r["path"]) for r in records})
    console.print(_count_line(len(records), documents), end="")
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


FIGURE_RENDERERS: Final[dict[str, FigureRenderer]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
}

FIGURE_STREAMERS: Final[dict[str, FigureStreamer]] = {
    "table": stream_table,
    "json": stream_json,
    "csv": stream_csv,
}

NON_FIGURE_KINDS: Final = tuple(k for k in Kind if k not in FIGURE_KINDS)
