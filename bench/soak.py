"""Soak: kill `factcheck check --jobs 2` at random points over a large corpus, and look.

Run from the repository root (it takes a while: every round is a run over the corpus):

    python bench/soak.py                       # 20,000 documents, 24 kills
    python bench/soak.py --documents 2000 --kills 6 --seed 3

A corpus of small wire-style documents is written to a temporary folder, with rules. The
check writes four reports (JSON, SARIF, Markdown, the CSV). A first run makes the "old"
set; one document is then changed, and a second run makes the "new" set. Each round puts
the old set back in place, starts the check on the changed corpus, and kills its main
process (SIGKILL, or SIGTERM every third round) at a random point: anywhere in the run,
late in it, the moment the first staged report appears, or the moment the journal of the
renames appears (the write phase lasts milliseconds; random points alone would almost never
reach it). Then it asserts:

- the four reports are exactly the old set or exactly the new one, never a mix; a kill
  between two renames leaves the journal, and the next writer (checker.output.recover)
  must turn that into the new set;
- no process of the run is left two seconds after its main process died (workers find
  their parent gone), counted and then ended by pid;
- a later complete run leaves no staged temporary file behind.

It prints one line per round and a summary: outcomes, processes left behind, time per run.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.output import JOURNAL, STAGED, recover  # noqa: E402

RULES: Final = """\
defaults:
  tolerance: 2%
facts:
  - id: drones-launched
    kind: count
    counts: [drones]
    context: [launch]
  - id: missiles-fired
    kind: count
    counts: [missiles]
    context: [fire]
"""
REPORTS: Final = ("r.json", "r.sarif", "r.md", "d.csv")
GRACE_SECONDS: Final = 2.0  # how long workers may take to notice their parent is gone


def write_corpus(folder: Path, documents: int, rng: random.Random) -> None:
    news = folder / "news"
    for n in range(documents):
        sub = news / f"{n // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        drones = rng.choice([170, 170, 170, 185])
        missiles = rng.choice([120, 110, "more than 100"])
        (sub / f"story{n:05d}.txt").write_text(
            f"Wire {n % 97} reported on day {n % 28 + 1} that Iran launched {drones} drones "
            f"overnight, and fired {missiles} missiles, officials in city {n % 13} said. "
            "The statement added little else about the attack or the response to it.\n",
            encoding="utf-8",
        )
    (folder / "rules.yaml").write_text(RULES, encoding="utf-8")


def factcheck(folder: Path, out: Path) -> list[str]:
    """The check's command line: the installed console script, else the module's main."""
    script = Path(sys.executable).with_name("factcheck")
    start = (
        [str(script)]
        if script.exists()
        else [sys.executable, "-c", "from checker.cli import main; main()"]
    )
    return [
        *start, "check", str(folder / "news"), "-r", str(folder / "rules.yaml"),
        "--jobs", "2", "--color", "never",
        "-o", f"json={out / 'r.json'}", "-o", f"sarif={out / 'r.sarif'}",
        "-o", f"markdown={out / 'r.md'}", "--csv", str(out / "d.csv"),
    ]  # fmt: skip


def snapshot(out: Path) -> dict[str, bytes | None]:
    return {name: (out / name).read_bytes() if (out / name).exists() else None for name in REPORTS}


def put(out: Path, reports: dict[str, bytes | None]) -> None:
    for name, content in reports.items():
        if content is not None:
            (out / name).write_bytes(content)


def run_whole(folder: Path, out: Path) -> float:
    started = time.monotonic()
    subprocess.run(factcheck(folder, out), stdout=subprocess.DEVNULL, check=False)
    return time.monotonic() - started


def survivors(marker: str, own: int) -> list[int]:
    """Live processes whose command line holds `marker` (the corpus folder), other than us."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == own:
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().split(") ", 1)[1][:1]
        except OSError:
            continue
        if marker.encode() in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def names(out: Path) -> list[str]:
    return [entry.name for entry in out.iterdir()]


def wait_for(
    out: Path, sign: str, process: subprocess.Popen[bytes], limit: float, before: set[str]
) -> None:
    """Return the moment a new file whose name holds `sign` appears in `out` (a staged
    report, the journal; `before`, what a killed round left, does not count), or the run
    ends, or `limit` seconds pass."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if any(sign in name and name not in before for name in names(out)):
            return
        time.sleep(0.0002)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--kills", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="factcheck-soak-") as tmp:
        folder = Path(tmp)
        write_corpus(folder, args.documents, rng)
        out = folder / "out"
        out.mkdir()
        first = run_whole(folder, out)
        old = snapshot(out)
        changed = folder / "news" / "00" / "story00000.txt"
        changed.write_text(changed.read_text().replace("launched", "launched 999 and"))
        reference = folder / "reference"
        reference.mkdir()
        second = run_whole(folder, reference)
        new = snapshot(reference)
        assert None not in old.values() and None not in new.values(), "a report is missing"
        assert old != new, "the change must change the reports"
        print(
            f"corpus: {args.documents} documents; a whole run takes {first:.1f} s, {second:.1f} s"
        )
        outcomes: collections.Counter[str] = collections.Counter()
        left_behind = 0
        for round_number in range(1, args.kills + 1):
            put(out, old)
            before = set(names(out))
            how = ("anywhere", "late", "at staging", "at renaming")[round_number % 4]
            sig = signal.SIGTERM if round_number % 3 == 0 else signal.SIGKILL
            process = subprocess.Popen(factcheck(folder, out), stdout=subprocess.DEVNULL)
            started = time.monotonic()
            if how == "anywhere":
                time.sleep(rng.uniform(0, second))
            elif how == "late":
                time.sleep(rng.uniform(0.85, 1.05) * second)
            else:
                sign = STAGED if how == "at staging" else JOURNAL
                wait_for(out, sign, process, 2 * second, before)
            process.send_signal(sig)
            code = process.wait()
            at = time.monotonic() - started
            time.sleep(GRACE_SECONDS)
            stayed = survivors(str(folder), os.getpid())
            left_behind += len(stayed)
            for pid in stayed:  # processes this script started: ended by pid, one by one
                os.kill(pid, signal.SIGKILL)
            now = snapshot(out)
            journal = [n for n in names(out) if n.startswith(JOURNAL)]
            if now == old:
                outcome = "old set"
            elif now == new:
                outcome = "new set"
            elif journal:
                recover(out)
                outcome = "renaming, finished by recovery" if snapshot(out) == new else "MIXED"
            else:
                outcome = "MIXED"
            staged = sum(1 for n in names(out) if n.endswith(STAGED))
            outcomes[outcome] += 1
            print(
                f"round {round_number:2d}: {sig.name} {how:10s} at {at:5.2f} s, exit {code}: "
                f"{outcome}; {staged} staged file(s) left; {len(stayed)} process(es) left"
            )
        run_whole(folder, out)
        leftover = [n for n in names(out) if n.endswith(STAGED) or n.startswith(JOURNAL)]
        final = snapshot(out) == new
        print(
            f"summary: {dict(outcomes)}; processes left behind: {left_behind}; after a "
            f"complete run: new set {final}, staged or journal files left {len(leftover)}"
        )
        failed = outcomes["MIXED"] or left_behind or leftover or not final
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
