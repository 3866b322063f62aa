"""Extraction throughput and peak memory on a generated news-like corpus, quantulum3 beside.

Run from the repository root:

    python bench/speed.py --mb 20              # one size: throughput, figures/s, peak memory
    python bench/speed.py --mb 5 20 80         # memory should stay flat as the corpus grows
    python bench/speed.py --mb 20 --quantulum-kb 200   # quantulum3 on the first 200 KB
    python bench/speed.py --mb 20 --jobs 2     # also the wall-clock rate across 2 processes

The corpus is written to a temporary folder as ~4 KB documents of wire-style prose: figures
in digits and words, hedged ("more than 300", "nearly 34,000"), ranges, percentages, money,
dates, years and attributions, about one figure per 17 words. Extraction is the full path
that ``factcheck extract`` runs (``iter_extract``: load, find, hedge, kind, counted noun,
origin, the figures DataFrame) on one process, so the MB/s is per core; batches are counted
and dropped, as a streaming consumer would. Each size runs in a fresh subprocess so its
peak resident memory (``ru_maxrss``) is its own. With ``--jobs N`` the same corpus is then
extracted across N worker processes (``factcheck extract --jobs N``), and the wall-clock
rate is printed beside the per-core one; peak memory there is the parent's.

quantulum3 is optional (``pip install quantulum3`` in a separate virtualenv); it parses the
same documents, paragraph by paragraph (it slows down super-linearly on long inputs), on a
prefix of the corpus, because at its speed the whole corpus would take hours.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DOCUMENT_CHARS: Final = 4_000

NOUNS: Final = [
    "drones", "ballistic missiles", "cruise missiles", "projectiles", "people", "civilians",
    "soldiers", "trucks of aid", "homes", "families", "journalists", "rockets", "protesters",
    "one-way attack drones", "hostages", "patients", "schools", "displaced residents",
]  # fmt: skip
SOURCES: Final = [
    "the Pentagon", "the health ministry", "the IDF", "local officials", "the UN agency",
    "a senior administration official", "Reuters", "the army spokesman",
]  # fmt: skip
WORDS: Final = [
    "two", "three", "five", "six", "twelve", "twenty-one", "forty", "one hundred",
    "three hundred and thirty", "a dozen", "half a dozen", "several", "hundreds of",
    "thousands of", "dozens of",
]  # fmt: skip
HEDGES: Final = [
    "", "", "", "more than ", "over ", "nearly ", "about ", "some ", "at least ", "up to ",
    "fewer than ", "an estimated ", "almost ", "roughly ",
]  # fmt: skip
FILLER: Final = (
    "The statement came after a night of heavy fighting along the border, and officials "
    "warned that the situation remained fluid as diplomats met to discuss the next steps."
).split()
MONTHS: Final = ["January", "March", "April", "June", "October", "November"]


def _number(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return f"{rng.randint(2, 999)}"
    if roll < 0.65:
        return f"{rng.randint(1_000, 99_999):,}"
    if roll < 0.75:
        return f"{rng.randint(1, 9)}.{rng.randint(1, 9)} million"
    return rng.choice(WORDS)


def _sentence(rng: random.Random) -> str:
    noun = rng.choice(NOUNS)
    source = rng.choice(SOURCES)
    shape = rng.randrange(12)
    number = _number(rng)
    hedge = (
        ""
        if number in ("several", "hundreds of", "thousands of", "dozens of")
        else (rng.choice(HEDGES))
    )
    if shape == 0:
        return f"{hedge.capitalize() or 'Exactly '}{number} {noun} were reported, {source} said."
    if shape == 1:
        return (
            f"According to {source}, {hedge}{number} {noun} were hit on {rng.choice(MONTHS)} "
            f"{rng.randint(1, 28)}, and {rng.randint(2, 40)} more were damaged."
        )
    if shape == 2:
        low = rng.randint(2, 400)
        high = low + rng.randint(5, 300)
        return f"Between {low} and {high} {noun} crossed, {source} told reporters."
    if shape == 3:
        return f"Some {rng.randint(50, 99)}% of the {noun} were intercepted, {source} claims."
    if shape == 4:
        return (
            f"The {rng.randint(1995, 2024)} plan set aside ${rng.randint(1, 900)} million "
            f"for {noun}, or {rng.randint(2, 60)} per cent of the budget."
        )
    if shape == 5:
        return f"“We counted {hedge}{number} {noun},” said {source}, at 5:{rng.randint(10, 59)} PM."
    if shape in (6, 9, 10, 11):
        return " ".join(rng.sample(FILLER, 17)).capitalize() + "."
    if shape == 7:
        return (
            f"{source.capitalize()} said {number} {noun} had been moved, "
            f"the {rng.randint(2, 19)}th such transfer this year."
        )
    return f"Officials said {rng.randint(2, 90)}–{rng.randint(100, 500)} {noun} were affected."


def write_corpus(
    folder: Path, megabytes: float, seed: int = 7, document_chars: int = DOCUMENT_CHARS
) -> int:
    """Write news-like documents of about `document_chars` characters totalling `megabytes`
    MB; return the number of characters."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    total = 0
    index = 0
    while total < target:
        paragraphs = []
        size = 0
        while size < document_chars:
            paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        text = "\n\n".join(paragraphs) + "\n"
        (folder / f"doc{index:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        index += 1
    return total


def measure_ours(folder: Path, jobs: int = 1) -> dict[str, float]:
    """Stream the corpus through the extraction ``factcheck extract`` runs, as a consumer that
    writes each batch out and keeps nothing would; figures, seconds and peak memory (MB)."""
    import pandas as pd

    from checker.model import FIGURE_KINDS
    from checker.pipeline import iter_extract

    kinds = [k.value for k in FIGURE_KINDS]
    list(iter_extract([folder / "doc000000.txt"]))  # warm up imports and compiled patterns
    start = time.perf_counter()
    cpu = time.process_time()
    numbers = figures = 0
    for batch in iter_extract([folder], all_kinds=True, jobs=jobs):
        if isinstance(batch, pd.DataFrame):
            numbers += len(batch)
            figures += int(batch["kind"].isin(kinds).sum())
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "numbers": float(numbers),
        "figures": float(figures),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure_quantulum(folder: Path, kilobytes: int) -> dict[str, float] | None:
    """quantulum3 on the first `kilobytes` KB of the same documents, paragraph by paragraph."""
    try:
        import warnings

        warnings.filterwarnings("ignore")
        from quantulum3 import parser  # type: ignore[import-not-found]
    except ImportError:
        return None
    parser.parse("warm up 3 km and 5%")
    paragraphs: list[str] = []
    size = 0
    for path in sorted(folder.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8"))
        if size >= kilobytes * 1000:
            break
    start = time.perf_counter()
    found = sum(len(parser.parse(p)) for p in paragraphs)
    seconds = time.perf_counter() - start
    return {"bytes": float(size), "seconds": seconds, "quantities": float(found)}


def _child(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = write_corpus(folder, args.child)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
        out: dict[str, object] = {"bytes": size, "words": words, "ours": measure_ours(folder)}
        if args.jobs > 1:
            out["parallel"] = measure_ours(folder, args.jobs)
        if args.quantulum_kb:
            out["quantulum3"] = measure_quantulum(folder, args.quantulum_kb)
        print(json.dumps(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[20.0], help="Corpus sizes.")
    parser.add_argument("--quantulum-kb", type=int, default=100, help="0 to skip quantulum3.")
    parser.add_argument("--jobs", type=int, default=1, help="Also extract across N processes.")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        _child(args)
        return 0
    print(f"{'corpus':>9} {'words/fig':>9} {'MB/s':>7} {'figures/s':>10} {'peak MB':>8}  note")
    for i, megabytes in enumerate(args.mb):
        command = [sys.executable, __file__, "--child", str(megabytes)]
        command += ["--quantulum-kb", str(args.quantulum_kb if i == 0 else 0)]
        command += ["--jobs", str(args.jobs)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        data = json.loads(done.stdout)
        ours = data["ours"]
        mb = data["bytes"] / 1e6
        density = data["words"] / ours["figures"]
        print(
            f"{mb:>7.1f}MB {density:>9.1f} {mb / ours['cpu_seconds']:>7.2f} "
            f"{ours['figures'] / ours['cpu_seconds']:>10.0f} {ours['peak_mb']:>8.0f}  factcheck "
            f"({ours['figures']:.0f} figures, {ours['numbers']:.0f} numbers, "
            f"{ours['seconds']:.1f}s wall, {ours['cpu_seconds']:.1f}s cpu)"
        )
        if "parallel" in data:
            par = data["parallel"]
            print(
                f"{'':>9} {'':>9} {mb / par['seconds']:>7.2f} "
                f"{par['figures'] / par['seconds']:>10.0f} {par['peak_mb']:>8.0f}  factcheck "
                f"--jobs {args.jobs}, wall clock ({par['seconds']:.1f}s wall)"
            )
        q = data.get("quantulum3", "absent")
        if q is None:
            print(f"{'':>9} quantulum3 is not installed (pip install quantulum3): not measured")
        elif isinstance(q, dict):
            qmb = q["bytes"] / 1e6
            print(
                f"{qmb:>7.2f}MB {'':>9} {qmb / q['seconds']:>7.3f} "
                f"{q['quantities'] / q['seconds']:>10.0f} {'':>8}  quantulum3 0.10 on the first "
                f"{args.quantulum_kb} KB of the same corpus ({q['quantities']:.0f} quantities)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
