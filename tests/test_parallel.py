"""Extraction across processes: the same figures, findings and order as one process."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import checker.engine.local as local
import checker.stream as stream_module
from checker.engine.local import LocalEngine
from checker.extract import extract_figures
from checker.load import load_documents
from checker.model import FIGURE_KINDS
from checker.pipeline import iter_extract, run_check, run_extract
from checker.stream import Outcome, Send, stream

# Reports of one event in several wordings, so every worker gets figures of every kind.
STORIES = [
    "Iran launched 170 drones and more than 30 cruise missiles, the IDF said.",
    "Some 99% of the projectiles were intercepted, according to the Pentagon.",
    "Officials said between 20 and 30 drones crossed on April 14, 2024 at 5:47 PM.",
    "“We counted over 300 projectiles,” said Hagari. Dozens of rockets followed.",
    "The $1.2 billion package covers nearly 34,000 people, or 12 per cent of them.",
    "Iran launched 185 drones at Israel overnight, officials in Washington said.",
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(24):
        text = "\n\n".join(STORIES[(n + k) % len(STORIES)] for k in range(3)) + "\n"
        (folder / f"story{n:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def _outcomes(corpus: Path, engine: LocalEngine) -> list[Outcome]:
    return [o for o in stream([corpus], engine, send=Send.ALL) if isinstance(o, Outcome)]


def test_batches_across_processes_equal_one_pass(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream_module, "BATCH_DOCUMENTS", 5)
    documents, _ = load_documents([corpus])
    engine = LocalEngine(jobs=2)
    try:
        outcomes = _outcomes(corpus, engine)
        assert engine.started
    finally:
        engine.close()
    assert [o.documents for o in outcomes] == [5, 5, 5, 5, 4]
    frames = [o.figures for o in outcomes if o.figures is not None]
    together = pd.concat(frames, ignore_index=True)
    pd.testing.assert_frame_equal(together, extract_figures(documents))


def test_check_across_processes_gives_the_same_result(corpus: Path, in_root: Path) -> None:
    calls: list[tuple[int, int]] = []
    parallel = run_check([corpus], jobs=2, progress=lambda done, total: calls.append((done, total)))
    serial = run_check([corpus], jobs=1)
    assert parallel.to_records() == serial.to_records()
    assert (parallel.documents, parallel.figures) == (24, serial.figures)
    assert calls == [(24, 24)], "one batch of 24 documents, reported when it is done"
    assert [f.fact.id for f in parallel.findings if f.verdict.value == "discrepancy"] == [
        "drones-launched"
    ]


def test_streamed_extract_across_processes_keeps_order_and_problems(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream_module, "BATCH_DOCUMENTS", 4)
    (corpus / "bad.txt").write_bytes(b"Iran launched \xff 185 drones\n")
    items = list(iter_extract([corpus], jobs=2))
    problems = [i for i in items if not isinstance(i, pd.DataFrame)]
    assert [p.message for p in problems] == ["not UTF-8 text (byte 14: invalid start byte)"]
    frames = [i for i in items if isinstance(i, pd.DataFrame)]
    assert len(frames) == 6
    streamed = pd.concat(frames, ignore_index=True)
    pd.testing.assert_frame_equal(streamed, run_extract([corpus], jobs=1).figures)
    assert list(streamed["document"].unique()) == [
        f"{corpus.as_posix()}/story{n:02d}.txt" for n in range(24)
    ]


def test_a_small_corpus_starts_no_process(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(workers: int) -> None:
        raise AssertionError(f"a pool of {workers} was started for a small corpus")

    monkeypatch.setattr(local, "_pool", no_pool)
    monkeypatch.setattr(local, "available_cores", lambda: 8)
    monkeypatch.setattr(stream_module, "BATCH_DOCUMENTS", 5)
    documents, _ = load_documents([corpus])
    assert sum(len(d.text) for d in documents) < local.PARALLEL_MIN_CHARS
    engine = LocalEngine(jobs=0)
    frames = [o.figures for o in _outcomes(corpus, engine) if o.figures is not None]
    assert not engine.started
    assert sum(len(f) for f in frames) == len(extract_figures(documents))
    assert run_check([corpus], jobs=0).figures == len(extract_figures(documents))
    figure_rows = extract_figures(documents)["kind"].isin([k.value for k in FIGURE_KINDS])
    assert len(run_extract([corpus], jobs=0).figures) == int(figure_rows.sum())


def test_a_large_corpus_uses_every_core_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []
    real_pool = local._pool

    def counting_pool(workers: int) -> object:
        started.append(workers)
        return real_pool(workers)

    monkeypatch.setattr(local, "_pool", counting_pool)
    monkeypatch.setattr(local, "available_cores", lambda: 2)
    monkeypatch.setattr(local, "PARALLEL_MIN_CHARS", 200)
    monkeypatch.setattr(stream_module, "BATCH_DOCUMENTS", 1)
    text = STORIES[0] + " " + STORIES[4]
    for n in range(6):
        (tmp_path / f"d{n}.txt").write_text(text, encoding="utf-8")
    documents, _ = load_documents([tmp_path])
    engine = LocalEngine(jobs=0)
    try:
        frames = [o.figures for o in _outcomes(tmp_path, engine) if o.figures is not None]
    finally:
        engine.close()
    assert started == [2], "the pool starts once the text read passes the threshold"
    expected = extract_figures(documents)
    together = pd.concat(frames, ignore_index=True)
    assert list(together["document"]) == list(expected["document"])
    pd.testing.assert_frame_equal(together.drop(columns="path"), expected.drop(columns="path"))
