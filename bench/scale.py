"""How ``factcheck check`` scales: time, peak memory and figures/s as the corpus grows, per engine.

Run from the repository root (the Dask rows need ``pip install '.[dask]'``):

    python bench/scale.py                               # 1 → 64 MB, 3 rounds, 3 engines
    python bench/scale.py --mb 1 4 16 --rounds 1        # quicker
    python bench/scale.py --mb 1024 --rounds 1 --configs local-2    # the 1 GB case, by hand
    python bench/scale.py --one-document 20 --rounds 1  # a single 20 MB document

The corpus is bench/speed.py's generated wire-style corpus (~4 KB documents, one figure per
17 words), checked against the project's rules/ with ``factcheck check --no-cache --no-csv`` (the
terminal report) in a fresh process per run, so every run extracts everything. The engines:
``local-1`` (``--jobs 1``), ``local-2`` (``--jobs 2``) and ``dask-2`` (``--engine dask --jobs
2``: a local Dask cluster of 2 worker processes, started by the run). Every round runs every
size with every engine in turn, so a drift of the shared machine hits them alike; the table
gives medians over the rounds. Peak memory is sampled from /proc every 20 ms: the main
process's resident set, and the whole process tree's (workers included).

With ``--plot FILE`` the growth is drawn as an SVG (time and peak memory against corpus size,
one line per engine). ``--report-cost`` also times, in one process, the terminal report of
the largest corpus against the run that made it.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from speed import write_corpus  # noqa: E402

CONFIGS: Final[dict[str, list[str]]] = {
    "local-1": ["--jobs", "1"],
    "local-2": ["--jobs", "2"],
    "dask-2": ["--engine", "dask", "--jobs", "2"],
}
SAMPLE: Final = 0.02  # seconds between two looks at the process tree's memory
COLORS: Final = {"local-1": "#1f77b4", "local-2": "#2ca02c", "dask-2": "#d62728"}


def _tree_rss(root: int) -> tuple[int, int]:
    """Resident kB of `root` and of `root` with all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            status = (entry / "status").read_text()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(stat[1])
        if "VmRSS:" in status:
            rss[pid] = int(status.split("VmRSS:")[1].split()[0])
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return rss.get(root, 0), sum(rss.get(pid, 0) for pid in tree)


def run_check(corpus: Path, options: list[str]) -> dict[str, float]:
    """One ``factcheck check`` of `corpus`: wall seconds, peak MB (main, tree), figures."""
    command = [sys.executable, "-c", "from checker.cli import main; main()", "check"]
    command += [str(corpus), "--no-cache", "--no-csv", "--color", "never"]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command + options, cwd=ROOT, stdout=out, text=True)
        main = tree = 0
        while process.poll() is None:
            now_main, now_tree = _tree_rss(process.pid)
            main, tree = max(main, now_main), max(tree, now_tree)
            time.sleep(SAMPLE)
        seconds = time.perf_counter() - start
        if process.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command + options)} exited {process.returncode}")
        out.seek(0)
        headline = re.search(r"factcheck: ([\d,]+) documents?, ([\d,]+) figures?", out.read())
    if headline is None:
        raise SystemExit(f"{' '.join(command + options)} printed no summary line")
    return {
        "seconds": seconds,
        "main_mb": main / 1024,
        "tree_mb": tree / 1024,
        "documents": float(headline.group(1).replace(",", "")),
        "figures": float(headline.group(2).replace(",", "")),
    }


def report_cost(corpus: Path) -> tuple[float, float]:
    """Seconds of run_check and of the terminal report of its result, in this process."""
    from checker.pipeline import Execution
    from checker.pipeline import run_check as check
    from checker.report import terminal

    start = time.perf_counter()
    result = check([corpus], execution=Execution(jobs=1))
    checked = time.perf_counter() - start
    start = time.perf_counter()
    terminal.render(result)
    return checked, time.perf_counter() - start


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def plot(results: dict[tuple[float, str], list[dict[str, float]]], path: Path) -> None:
    """Two panels, wall time and peak memory against corpus size, one line per engine."""
    sizes = sorted({size for size, _ in results})
    configs = [c for c in CONFIGS if any(c == k for _, k in results)]
    width, height, margin = 380, 260, 52
    panels = [
        ("wall time (s, log scale: linear growth is a straight line)", ("seconds",), True),
        ("peak memory (MB): main process, dashed: with workers", ("main_mb", "tree_mb"), False),
    ]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * width + 40}" height="{height + 70}"'
        ' font-family="sans-serif" font-size="11">',
        '<rect width="100%" height="100%" fill="white"/>',
    ]
    low, high = math.log2(sizes[0]), math.log2(sizes[-1]) if len(sizes) > 1 else 1.0
    for n, (title, keys, log) in enumerate(panels):
        left = 20 + n * (width + 20)
        top = 30
        values = [_median(results[s, c], k) for s in sizes for c in configs for k in keys]
        top_value = max(values) * 1.1
        floor = 2 ** math.floor(math.log2(min(values))) if log else 0.0
        if log:
            top_value = 2 ** math.ceil(math.log2(max(values)))

        def x(size: float, left: int = left) -> float:
            span = (high - low) or 1.0
            return left + margin + (math.log2(size) - low) / span * (width - margin - 10)

        def y(
            value: float,
            top: int = top,
            top_value: float = top_value,
            floor: float = floor,
            log: bool = log,
        ) -> float:
            if log:
                share = (math.log2(max(value, floor)) - math.log2(floor)) / (
                    math.log2(top_value) - math.log2(floor) or 1.0
                )
            else:
                share = value / top_value
            return top + (height - 40) * (1 - share)

        parts.append(f'<text x="{left + width / 2}" y="18" text-anchor="middle">{title}</text>')
        bottom = y(floor)
        parts.append(
            f'<line x1="{left + margin}" y1="{bottom}" x2="{left + width - 10}" y2="{bottom}"'
            ' stroke="black"/>'
        )
        parts.append(
            f'<line x1="{left + margin}" y1="{top}" x2="{left + margin}" y2="{bottom}"'
            ' stroke="black"/>'
        )
        for size in sizes:
            parts.append(
                f'<text x="{x(size)}" y="{bottom + 14}" text-anchor="middle">{size:g}</text>'
            )
        parts.append(
            f'<text x="{left + width / 2}" y="{bottom + 30}" text-anchor="middle">'
            "corpus (MB of text, log scale)</text>"
        )
        ticks = (
            [floor * 2**k for k in range(round(math.log2(top_value / floor)) + 1)]
            if log
            else [top_value * step / 4 for step in range(5)]
        )
        for value in ticks:
            label = f"{value:g}" if log else f"{value:.0f}"
            parts.append(
                f'<text x="{left + margin - 4}" y="{y(value) + 4}" text-anchor="end">{label}</text>'
            )
            parts.append(
                f'<line x1="{left + margin}" y1="{y(value)}" x2="{left + width - 10}"'
                f' y2="{y(value)}" stroke="#ddd"/>'
            )
        for config in configs:
            for key, dash in zip(keys, ("", ' stroke-dasharray="5,3"'), strict=False):
                xy = [(x(s), y(_median(results[s, config], key))) for s in sizes]
                points = " ".join(f"{a:.1f},{b:.1f}" for a, b in xy)
                parts.append(
                    f'<polyline points="{points}" fill="none" stroke="{COLORS[config]}"'
                    f' stroke-width="2"{dash}/>'
                )
                parts.extend(
                    f'<circle cx="{a:.1f}" cy="{b:.1f}" r="2.5" fill="{COLORS[config]}"/>'
                    for a, b in xy
                )
    for i, config in enumerate(configs):
        left = 20 + margin + i * 110
        parts.append(
            f'<line x1="{left}" y1="{height + 55}" x2="{left + 20}" y2="{height + 55}"'
            f' stroke="{COLORS[config]}" stroke-width="2"/>'
        )
        parts.append(f'<text x="{left + 25}" y="{height + 59}">{config}</text>')
    parts.append("</svg>")
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1, 2, 4, 8, 16, 32, 64])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=list(CONFIGS))
    parser.add_argument("--plot", type=Path, help="Write the growth plot (SVG) here.")
    parser.add_argument("--report-cost", action="store_true", help="Time the terminal report.")
    parser.add_argument("--one-document", type=float, help="One document of this many MB.")
    parser.add_argument("--save", type=Path, help="Also write every run's figures as JSON.")
    parser.add_argument("--replot", type=Path, help="Only draw --plot from a --save file.")
    args = parser.parse_args(argv)
    results: dict[tuple[float, str], list[dict[str, float]]] = {}
    if args.replot:
        saved = json.loads(args.replot.read_text(encoding="utf-8"))
        results = {(float(r["mb"]), str(r["engine"])): r["runs"] for r in saved}
        plot(results, args.plot)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpora: dict[float, Path] = {}
        if args.one_document:
            parts = Path(tmp) / "parts"
            parts.mkdir()
            write_corpus(parts, args.one_document)
            folder = Path(tmp) / "one"
            folder.mkdir()
            with (folder / "one.txt").open("w", encoding="utf-8") as one:
                for part in sorted(parts.glob("*.txt")):
                    one.write(part.read_text(encoding="utf-8") + "\n")
                    part.unlink()
            corpora[args.one_document] = folder
        else:
            for size in args.mb:
                folder = Path(tmp) / f"{size:g}mb"
                folder.mkdir()
                write_corpus(folder, size)
                corpora[size] = folder
        for round_ in range(args.rounds):
            for size, corpus in corpora.items():
                for config in args.configs:
                    run = run_check(corpus, CONFIGS[config])
                    results.setdefault((size, config), []).append(run)
                    print(
                        f"round {round_ + 1} {size:g} MB {config}: {run['seconds']:.1f} s, "
                        f"{run['main_mb']:.0f} MB main, {run['tree_mb']:.0f} MB tree",
                        file=sys.stderr,
                    )
        print(f"medians of {args.rounds} rounds; MB/s and figures/s from the median wall time\n")
        print("| corpus | engine | wall s | MB/s | figures/s | peak MB, main | peak MB, tree |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        order = list(CONFIGS)
        for (size, config), runs in sorted(
            results.items(), key=lambda i: (i[0][0], order.index(i[0][1]))
        ):
            seconds = _median(runs, "seconds")
            print(
                f"| {size:g} MB | {config} | {seconds:.1f} | {size / seconds:.2f} | "
                f"{_median(runs, 'figures') / seconds:,.0f} | {_median(runs, 'main_mb'):.0f} | "
                f"{_median(runs, 'tree_mb'):.0f} |"
            )
        sizes = sorted(corpora)
        if len(sizes) > 1:
            print()
            for config in args.configs:
                first, last = results[sizes[0], config], results[sizes[-1], config]
                growth = _median(last, "main_mb") / _median(first, "main_mb")
                per_mb = [_median(results[s, config], "seconds") / s for s in (sizes[0], sizes[-1])]
                print(
                    f"{config}: peak memory at {sizes[-1]:g} MB / at {sizes[0]:g} MB = "
                    f"{growth:.2f}; seconds per MB {per_mb[0]:.2f} → {per_mb[1]:.2f}"
                )
        if args.save:
            saved = [{"mb": s, "engine": c, "runs": r} for (s, c), r in results.items()]
            args.save.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
        if args.plot:
            plot(results, args.plot)
            print(f"\nplot written to {args.plot}")
        if args.report_cost:
            checked, rendered = report_cost(corpora[sizes[-1]])
            print(
                f"\nterminal report of the {sizes[-1]:g} MB run: {rendered:.2f} s against "
                f"{checked:.1f} s for the run ({rendered / checked:.1%})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
