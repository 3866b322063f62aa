"""Score the checker on the development corpus: for every event, `factcheck check` with the
event's rules under examples/<event>/, its JSON report scored by the corpus's own scorer.

Run from the repository root:

    python bench/corpus.py                    # the scorer's summary line per event
    python bench/corpus.py --verbose          # its whole report per event
    python bench/corpus.py --corpora DIR --scorer PATH

The corpus and the scorer are read in place from ../shared/ (never copied here). Each
event's rules are examples/<event>/; an event without rules is reported and skipped. The
summary line gives conflicts found, false conflicts, agreements and single-source verdicts
right, distractors claimed, claim coverage (aligned, and within the mapped fact) and
attribution right; see ../shared/tools/score_corpus.py for how each is counted.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def scorer_python() -> str:
    """A Python that can run the scorer (it needs PyYAML, which factcheck does not)."""
    for python in (sys.executable, shutil.which("python3") or ""):
        if (
            python
            and subprocess.run([python, "-c", "import yaml"], capture_output=True).returncode == 0
        ):
            return python
    raise SystemExit(
        "the scorer needs PyYAML: pip install pyyaml, or put a python3 with it on PATH"
    )


def score_event(event: Path, rules: Path, scorer: Path, verbose: bool) -> str:
    """The scorer's output for one event: its last line, or all of it with `verbose`."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        factcheck = Path(sys.executable).with_name("factcheck")  # the venv's console script
        check = [str(factcheck), "check", str(event), "--rules", str(rules)]
        check += ["--format", "json", "--output", f"json={report}", "--no-csv"]
        check += ["--fail-on", "never", "--color", "never"]
        done = subprocess.run(check, cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not report.exists():
            return f"{event.name}: check failed ({done.returncode}): {done.stderr.strip()}"
        command = [scorer_python(), str(scorer), str(event), str(report)]
        scored = subprocess.run(
            command + (["--verbose"] if verbose else []), capture_output=True, text=True
        )
        if scored.returncode != 0:
            return f"{event.name}: scorer failed: {scored.stderr.strip()}"
        lines = scored.stdout.rstrip("\n").splitlines()
        return "\n".join(lines) if verbose else lines[-1]


def corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """--corpora, --scorer and --verbose, as every scoring script takes them."""
    parser.add_argument("--corpora", type=Path, default=SHARED / "corpora")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_corpus.py")
    parser.add_argument("--verbose", action="store_true")


def events_of(args: argparse.Namespace) -> list[Path] | None:
    """The events of --corpora, in order; None (said on stderr) without a corpus or scorer."""
    if not args.corpora.is_dir() or not args.scorer.is_file():
        print(f"no corpus at {args.corpora} or no scorer at {args.scorer}", file=sys.stderr)
        return None
    return sorted(p for p in args.corpora.iterdir() if p.is_dir())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus_arguments(parser)
    args = parser.parse_args()
    events = events_of(args)
    if events is None:
        return 2
    for event in events:
        rules = ROOT / "examples" / event.name
        if not rules.is_dir():
            print(f"{event.name}: no rules under examples/{event.name}/, skipped")
            continue
        print(score_event(event, rules, args.scorer, args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
