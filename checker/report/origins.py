"""An OriginsResult -> str, for `factcheck origins`: a table, JSON or CSV.

Every origin of the corpus's figures, with the speakers (as the texts name them) that it
stands for, how many figures and documents each has, and how the origin was made (a rules
group, one name written several ways, a speaker, a document's source, a wire copy).
"""

from __future__ import annotations

import csv as _csv
import json
from collections.abc import Callable
from io import StringIO
from typing import Final

from rich.console import Console
from rich.table import Table

from checker.model import OriginsResult

SCHEMA_VERSION: Final = 1
HOW_SHOWN: Final = {
    "rules": "rules group",
    "names": "name variants",
    "speaker": "speaker",
    "source": "document source",
    "wire": "wire copy",
}

OriginsRenderer = Callable[[OriginsResult], str]


def _speakers(result: OriginsResult, index: int) -> str:
    summary = result.origins[index]
    return "; ".join(f"{c.speaker or '(unattributed)'} ×{c.figures}" for c in summary.speakers)


def render_table(result: OriginsResult, width: int | None = None) -> str:
    """A table for people: one row per origin."""
    table = Table(show_edge=False, box=None, pad_edge=False)
    for column in ("origin", "how", "figures", "documents", "speakers"):
        table.add_column(column, justify="right" if column in ("figures", "documents") else "left")
    for i, origin in enumerate(result.origins):
        table.add_row(
            origin.origin,
            HOW_SHOWN.get(origin.how, origin.how),
            str(origin.figures),
            str(origin.documents),
            _speakers(result, i),
        )
    out = StringIO()
    console = Console(
        file=out, width=width or 10_000, soft_wrap=width is None, color_system=None,
        highlight=False, markup=False, emoji=False,
    )  # fmt: skip
    console.print(table)
    figures = sum(o.figures for o in result.origins)
    console.print(
        f"{len(result.origins)} origin{'' if len(result.origins) == 1 else 's'} of "
        f"{figures} figure{'' if figures == 1 else 's'} in {result.documents} "
        f"document{'' if result.documents == 1 else 's'}"
    )
    return out.getvalue()


def records(result: OriginsResult) -> dict[str, object]:
    """The result as builtin types: the JSON contract."""
    return {
        "version": SCHEMA_VERSION,
        "documents": result.documents,
        "origins": [
            {
                "origin": o.origin,
                "how": o.how,
                "figures": o.figures,
                "documents": o.documents,
                "speakers": [
                    {"speaker": c.speaker, "figures": c.figures, "documents": c.documents}
                    for c in o.speakers
                ],
            }
            for o in result.origins
        ],
    }


def render_json(result: OriginsResult) -> str:
    return json.dumps(records(result), indent=2, ensure_ascii=False) + "\n"


def render_csv(result: OriginsResult) -> str:
    """One row per speaker of each origin."""
    out = StringIO()
    writer = _csv.writer(out, lineterminator="\n")
    writer.writerow(["origin", "how", "speaker", "figures", "documents"])
    for origin in result.origins:
        for count in origin.speakers:
            writer.writerow(
                [origin.origin, origin.how, count.speaker, count.figures, count.documents]
            )
    return out.getvalue()


ORIGINS_RENDERERS: Final[dict[str, OriginsRenderer]] = {"json": render_json, "csv": render_csv}
