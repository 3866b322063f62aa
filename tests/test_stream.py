"""Streaming: a huge document in windows gives the figures of one pass over it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from checker.engine.local import LocalEngine
from checker.extract import extract_figures
from checker.model import Document, Verdict
from checker.pipeline import run_check
from checker.stream import (
    CONTEXT_PARAGRAPHS,
    Outcome,
    Piece,
    Send,
    Task,
    pieces_of,
    run_batch,
    stream,
)

# Paragraphs whose figures lean on their neighbours: a pronoun speaker named paragraphs
# earlier, a quote wrapped over lines, a range, a hedge, a vague quantity.
PARAGRAPHS = [
    "IDF spokesman Daniel Hagari said the attack had failed.",
    "Officials in Amman gave no figure of their own.",
    "He said 99% of the drones were intercepted over the desert.",
    "“We counted more than 300 projectiles. Then\n40 more came,” said Okafor.",
    "Between 30 and 40 cruise missiles were launched, according to the Pentagon.",
    "Hundreds of people gathered in the square on April 14, 2024.",
    "The ministry put the toll at nearly 34,000, it said.",
    "A  second  wave of 120 ballistic missiles followed at 5:47 PM.",
]


def _document(paragraphs: int, body_line: int = 1) -> Document:
    text = "\n\n".join(f"{PARAGRAPHS[n % len(PARAGRAPHS)]} Item {n}." for n in range(paragraphs))
    # blank lines of spaces count as breaks too; a long doc ends without a newline
    text = text.replace("\n\nHundreds", "\n  \n\nHundreds")
    return Document(id="long", path=Path("long.md"), text=text, body_line=body_line)


@pytest.mark.parametrize("window", [120, 400, 1_500])
def test_windows_give_the_figures_of_one_pass(window: int) -> None:
    document = _document(60, body_line=5)
    pieces = list(pieces_of(document, window))
    assert len(pieces) > 2
    assert [p.last for p in pieces] == [False] * (len(pieces) - 1) + [True]
    with_windows = _figures([document], window)
    pd.testing.assert_frame_equal(with_windows, extract_figures([document]))


def test_a_window_starts_at_a_paragraph_with_its_context_before_it() -> None:
    document = _document(30)
    first, second, *_ = pieces_of(document, 400)
    assert first.offset == 0 and first.keep is not None and first.keep[0] == 0
    assert second.keep is not None
    start = second.offset + second.keep[0]
    assert document.text[start - 2 : start] == "\n\n"
    context = document.text[second.offset : start]
    assert context.count("\n\n") == CONTEXT_PARAGRAPHS
    assert second.document.body_line == 1 + document.text.count("\n", 0, second.offset)


def test_a_short_document_is_one_piece() -> None:
    document = _document(3)
    assert list(pieces_of(document, 10_000)) == [Piece(document)]


def test_a_paragraph_longer_than_a_window_stays_whole() -> None:
    long = " ".join(f"Iran launched {n} drones, the IDF said." for n in range(10, 60))
    document = Document(id="d", path=Path("d.txt"), text=f"{long}\n\nThen 5 more came.\n")
    pieces = list(pieces_of(document, 100))
    assert [(p.offset, p.keep) for p in pieces] == [(0, (0, len(long) + 2)), (0, (1951, 1969))]
    pd.testing.assert_frame_equal(_figures([document], 100), extract_figures([document]))


def _figures(documents: list[Document], window: int) -> pd.DataFrame:
    """The figures of the documents' windows, all extracted as one batch."""
    pieces = tuple(p for d in documents for p in pieces_of(d, window))
    outcome = run_batch(Task(pieces, send=Send.ALL))
    assert outcome.documents == len(documents)
    assert outcome.figures is not None
    return outcome.figures


def test_check_of_a_huge_document_in_windows_equals_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_root: Path
) -> None:
    import checker.stream

    document = _document(80)
    (tmp_path / "long.md").write_text(document.text + "\n", encoding="utf-8")
    whole = run_check([tmp_path], jobs=1).to_records()
    monkeypatch.setattr(checker.stream, "WINDOW_CHARS", 300)
    monkeypatch.setattr(checker.stream, "BATCH_DOCUMENTS", 2)
    outcomes = [o for o in stream([tmp_path], LocalEngine(jobs=1)) if isinstance(o, Outcome)]
    assert [o.documents for o in outcomes[:-1]] == [0] * (len(outcomes) - 1)
    assert outcomes[-1].documents == 1 and len(outcomes) > 3
    windowed = run_check([tmp_path], jobs=1)
    assert windowed.to_records() == whole
    assert windowed.count(Verdict.DISCREPANCY) + windowed.count(Verdict.SINGLE_SOURCE) > 0
