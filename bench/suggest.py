"""Score suggested rules on the development corpus, unedited, beside the hand-written ones.

For every event of the corpus: `factcheck rules suggest EVENT` writes rules to a temporary
file, `rules lint` and `rules test --strict` must pass on them as written, `factcheck check`
runs on them, and the corpus's own scorer scores the JSON report; the same scorer's line for
the hand-written rules under examples/<event>/ is printed beside it. Run from the
repository root:

    python bench/suggest.py                      # two lines per event, and the commands
    python bench/suggest.py --suggest-arg=--all  # pass options to 'rules suggest'
    python bench/suggest.py --keep DIR           # keep each event's suggested rules in DIR
    python bench/suggest.py --verbose            # the scorer's whole report per event

The corpus and the scorer are read in place from ../shared/ (never copied here). The
suggestion knows nothing of the corpus: no word list, threshold or gold is read by it.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, corpus_arguments, events_of, score_event


def factcheck() -> str:
    return str(Path(sys.executable).with_name("factcheck"))  # the venv's console script


def suggest(event: Path, target: Path, extra: list[str]) -> str:
    """Write the suggested rules of one event to `target`; '' or what went wrong."""
    command = [factcheck(), "rules", "suggest", str(event), "--output", str(target), *extra]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return f"suggest failed ({done.returncode}): {done.stderr.strip()}"
    for check in (["rules", "lint", str(target)], ["rules", "test", "--strict", str(target)]):
        ran = subprocess.run(
            [factcheck(), *check], cwd=ROOT, capture_output=True, text=True, check=False
        )
        if ran.returncode != 0:
            said = (ran.stdout + ran.stderr).strip()[-500:]
            return f"'factcheck {' '.join(check[:2])}' failed: {said}"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus_arguments(parser)
    parser.add_argument("--suggest-arg", action="append", default=[], dest="extra")
    parser.add_argument("--keep", type=Path, help="keep each event's rules as DIR/EVENT.yaml")
    args = parser.parse_args()
    events = events_of(args)
    if events is None:
        return 2
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for event in events:
            rules = folder / f"{event.name}.yaml"
            print(f"$ factcheck rules suggest {event} -o {rules} {shlex.join(args.extra)}".rstrip())
            problem = suggest(event, rules, args.extra)
            if problem:
                print(f"{event.name}: {problem}")
                status = 1
                continue
            facts = sum(
                1
                for line in rules.read_text(encoding="utf-8").splitlines()
                if line.startswith("  - id: ")
            )
            print(f"  suggested: {facts} facts; rules lint and rules test --strict pass")
            print("  suggested:    " + score_event(event, rules, args.scorer, args.verbose))
            hand = ROOT / "examples" / event.name
            if hand.is_dir():
                print("  hand-written: " + score_event(event, hand, args.scorer, args.verbose))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
