"""What the cache saves: a first run, then a re-run after one of 2,000 documents changed.

Run from the repository root:

    python bench/rerun.py                      # 2,000 documents, 5 rounds
    python bench/rerun.py --documents 500 --rounds 3

Each round makes a fresh cache folder and runs ``factcheck check`` (default options, the
terminal report, no CSV) on bench/speed.py's generated corpus: cold (every document
extracted and stored), then after one document was edited (only its batch is extracted and
claimed again), then with nothing changed, and once with ``--no-cache``. Every run is a fresh
process, timed from outside; the table gives medians over the rounds and each run's ratio to
the cold run of its own round. The reports of the cached runs are compared with the run
without the cache: they must be the same bytes.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from speed import DOCUMENT_CHARS, write_corpus  # noqa: E402

EDIT: Final = "\n\nIran launched 185 drones at Israel overnight, officials in Washington said.\n"


def check(corpus: Path, *options: str) -> tuple[float, str]:
    """Wall seconds of one ``factcheck check`` and what it printed."""
    command = [sys.executable, "-c", "from checker.cli import main; main()", "check"]
    command += [str(corpus), "--no-csv", "--color", "never", *options]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr}")
    return seconds, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    runs: dict[str, list[float]] = {"cold": [], "one edited": [], "unchanged": [], "no cache": []}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "news"
        corpus.mkdir()
        write_corpus(corpus, args.documents * (DOCUMENT_CHARS + 1_000) / 1e6)
        files = sorted(corpus.glob("*.txt"))
        for extra in files[args.documents :]:
            extra.unlink()
        files = files[: args.documents]
        original = files[len(files) // 2].read_text(encoding="utf-8")
        size = sum(f.stat().st_size for f in files) / 1e6
        for round_ in range(args.rounds):
            cache = Path(tmp) / f"cache{round_}"
            edited = files[len(files) // 2]
            edited.write_text(original, encoding="utf-8")
            cold, _ = check(corpus, "--cache-dir", str(cache))
            edited.write_text(original + EDIT, encoding="utf-8")
            one, one_out = check(corpus, "--cache-dir", str(cache))
            same, same_out = check(corpus, "--cache-dir", str(cache))
            none, none_out = check(corpus, "--no-cache")
            if not one_out == same_out == none_out:
                raise SystemExit("the cached runs printed other bytes than the run without it")
            for name, seconds in zip(runs, (cold, one, same, none), strict=True):
                runs[name].append(seconds)
            print(
                f"round {round_ + 1}: cold {cold:.2f} s, one edited {one:.2f} s, "
                f"unchanged {same:.2f} s, no cache {none:.2f} s",
                file=sys.stderr,
            )
            shutil.rmtree(cache)
    print(f"{args.documents} documents, {size:.1f} MB, {args.rounds} rounds; medians\n")
    print("| run | wall s | of the cold run |")
    print("| --- | ---: | ---: |")
    for name, times in runs.items():
        ratios = [t / c for t, c in zip(times, runs["cold"], strict=True)]
        print(f"| {name} | {statistics.median(times):.2f} | {statistics.median(ratios):.1%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
