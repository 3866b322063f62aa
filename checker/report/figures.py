"""A figures DataFrame -> str, for ``factcheck extract``: a table, JSON or CSV.

The JSON form is a stable contract, documented in ``docs/extract.md``: an object with a
``version`` and a ``figures`` array, one object per figure with the keys of ``FIELDS``.
Renderers are pure functions; they never re-sort (the frame is in document order already).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
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
)  # fmt: skip

FigureRenderer = Callable[[pd.DataFrame], str]


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


def render_table(frame: pd.DataFrame, *, width: int | None = None) -> str:
    """A plain table: where, the figure as written, its interval, kind, unit and origin."""
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for name in ("where", "text", "interval", "kind", "unit", "origin"):
        table.add_column(name, overflow="fold")
    records = figure_records(frame)
    for record in records:
        cells = (
            f"{record['path']}:{record['line']}:{record['column']}",
            str(record["text"]),
            _interval(record),
            str(record["kind"]),
            str(record["unit"] or ""),
            str(record["origin"] or ""),
        )
        table.add_row(*(printable(cell) for cell in cells))  # a document's text, for a terminal
    out = StringIO()
    console = Console(
        file=out, width=width or 10_000, color_system=None, highlight=False, markup=False
    )
    console.print(table)
    documents = len({r["document"] for r in records})
    console.print(f"{len(records)} figure{'' if len(records) == 1 else 's'} in {documents} "
                  f"document{'' if documents == 1 else 's'}")  # fmt: skip
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


FIGURE_RENDERERS: Final[dict[str, FigureRenderer]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
}

NON_FIGURE_KINDS: Final = tuple(k for k in Kind if k not in FIGURE_KINDS)
