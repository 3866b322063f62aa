"""How long `factcheck rules suggest` takes beside `factcheck check` on the same corpus.

Run from the repository root:

    python bench/suggest_speed.py                       # 10 MB in about 2,000 documents, 3 rounds
    python bench/suggest_speed.py --mb 2 --documents 400 --rounds 5
    python bench/suggest_speed.py --jobs 1              # one process each (per-core figures)

The corpus is the generated news-like prose of bench/speed.py, written to a temporary folder.
`rules suggest` runs once to write the rules `check` then uses (a check needs rules, and these
are the ones the corpus gives), then each round runs `rules suggest` and `check` in turn as
whole processes, with no cache, so both extract every document. Printed: the median wall and
CPU (user + sys of the process and its workers) seconds of each, and the median of the
per-round ratios suggest / check, which holds when the machine's speed drifts between rounds.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import ROOT, write_corpus


def factcheck() -> str:
    return str(Path(sys.executable).with_name("factcheck"))  # the venv's console script


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command` (its children's CPU included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: the check found discrepancies, as it should
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr[-800:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="Corpus size in MB.")
    parser.add_argument("--documents", type=int, default=2000, help="About this many.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="--jobs of both commands.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        # documents come out a paragraph longer than asked, about 300 characters
        size = max(500, int(args.mb * 1_000_000 / args.documents) - 300)
        chars = write_corpus(folder, args.mb, document_chars=size)
        documents = len(list(folder.iterdir()))
        rules = Path(tmp) / "suggested.yaml"
        jobs = ["--jobs", str(args.jobs), "--no-cache"]
        suggest = [factcheck(), "rules", "suggest", str(folder), "-o", str(rules), *jobs]
        check = [factcheck(), "check", str(folder), "-r", str(rules), "--no-csv", "-f", "json"]
        check += jobs
        print(f"corpus: {chars / 1e6:.1f} MB in {documents} documents ({folder})")
        timed(suggest)  # writes the rules the check uses, and warms the file cache
        facts = sum(1 for line in rules.read_text().splitlines() if line.startswith("  - id: "))
        print(f"suggested rules: {facts} facts")
        runs: dict[str, list[tuple[float, float]]] = {"suggest": [], "check": []}
        for n in range(args.rounds):
            runs["suggest"].append(timed(suggest))
            runs["check"].append(timed(check))
            s, c = runs["suggest"][-1], runs["check"][-1]
            print(
                f"round {n + 1}: suggest {s[0]:.1f} s wall ({s[1]:.1f} s CPU), "
                f"check {c[0]:.1f} s wall ({c[1]:.1f} s CPU): {s[0] / c[0]:.2f}x wall, "
                f"{s[1] / c[1]:.2f}x CPU"
            )
        for name, figures in runs.items():
            wall = statistics.median(w for w, _ in figures)
            cpu = statistics.median(c for _, c in figures)
            print(f"{name:>8}: median {wall:.1f} s wall, {cpu:.1f} s CPU")
        ratios = [s[0] / c[0] for s, c in zip(runs["suggest"], runs["check"], strict=True)]
        cpu_ratios = [s[1] / c[1] for s, c in zip(runs["suggest"], runs["check"], strict=True)]
        print(
            f"suggest / check: median {statistics.median(ratios):.2f}x wall, "
            f"{statistics.median(cpu_ratios):.2f}x CPU"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
