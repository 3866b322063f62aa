"""What one core can do in CPython on news-dense text, from a bare scan to full extraction.

Run from the repository root:

    python bench/floor.py --mb 2

On the corpus bench/speed.py generates (one figure per 17 words), each line times one more
layer of work, in one process, as CPU seconds:

1. a bare ``re`` scan for digit runs: the ceiling for any regex-based extractor;
2. factcheck's candidate scan (digits and number words), nothing done per hit;
3. the candidate scan plus the least per-number Python a full extractor needs: the words
   before (a hedge lookup in a dict), one match for the words after (the counted noun), the
   sentence and line by bisection, and a row tuple; no value parsing, no kinds, no ranges,
   no attribution;
4. full extraction (``extract_figures``), as ``bench/speed.py`` measures it.

Line 3 is a floor, not a design: a real extractor does more per number. When line 3 is
already under a throughput target, no arrangement of per-number Python reaches it on this
machine, and the work per number has to leave the interpreter (a compiled scanner).
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from speed import write_corpus  # noqa: E402

from checker.extract import extract_figures, sentence_spans  # noqa: E402
from checker.extract.hedges import BEFORE  # noqa: E402
from checker.extract.numbers import _CANDIDATE_LOWER  # noqa: E402
from checker.load import load_documents  # noqa: E402
from checker.model import Document  # noqa: E402

_DIGIT_RUN: Final = re.compile(r"[0-9]+")
_WORDS_AFTER: Final = re.compile(r"\s+((?:[a-z][a-z-]*\s+){0,3}?[a-z][a-z-]*)")


def _bare_scan(documents: list[Document]) -> int:
    return sum(len(_DIGIT_RUN.findall(d.text)) for d in documents)


def _candidates(documents: list[Document]) -> int:
    return sum(len(_CANDIDATE_LOWER.findall(d.text.lower())) for d in documents)


def _least_per_number(documents: list[Document]) -> int:
    rows: list[tuple[object, ...]] = []
    for document in documents:
        text = document.text
        lower = text.lower()
        starts = [s for s, _ in sentence_spans(text)]
        lines = [0, *(m.end() for m in re.finditer("\n", text))]
        for hit in _CANDIDATE_LOWER.finditer(lower):
            start, end = hit.span()
            words = lower[max(0, start - 30) : start].split()
            hedge = (BEFORE.get(" ".join(words[-2:])) or BEFORE.get(words[-1])) if words else None
            after = _WORDS_AFTER.match(lower, end)
            sentence = bisect.bisect_right(starts, start) - 1
            line = bisect.bisect_right(lines, start) - 1
            rows.append(
                (document.id, line + 1, start - lines[line] + 1, start, end, text[start:end],
                 hedge or "exact", after.group(1) if after else "", sentence)
            )  # fmt: skip
    return len(rows)


def _full(documents: list[Document]) -> int:
    return len(extract_figures(documents))


LAYERS: Final[list[tuple[str, Callable[[list[Document]], int]]]] = [
    ("bare re scan for digit runs", _bare_scan),
    ("candidate scan (digits and number words)", _candidates),
    ("candidate scan + least per-number Python", _least_per_number),
    ("full extraction (extract_figures)", _full),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=2.0, help="Corpus size.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per layer; the best counts.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        size = write_corpus(Path(tmp), args.mb)
        documents, _ = load_documents([Path(tmp)])
    mb = size / 1e6
    extract_figures(documents[:1])  # warm up
    print(f"{mb:.1f} MB, {len(documents)} documents; CPU time of one process, best of "
          f"{args.repeat}")  # fmt: skip
    print(f"{'layer':<44} {'MB/s':>7} {'hits':>8} {'µs/hit':>7}")
    for name, layer in LAYERS:
        best = float("inf")
        hits = 0
        for _ in range(args.repeat):
            start = time.process_time()
            hits = layer(documents)
            best = min(best, time.process_time() - start)
        print(f"{name:<44} {mb / best:>7.2f} {hits:>8} {best / hits * 1e6:>7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
