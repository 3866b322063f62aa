"""The long fuzzing run over the whole check path: run by hand, for minutes, and counted.

Run from the repository root:

    python bench/fuzz.py --minutes 20             # both kinds of case, random seeds
    python bench/fuzz.py --minutes 1 --seed 7     # reproducible

Two kinds of case take turns, 20 seconds each, texts two turns in three (tests/fuzzing.py
has the strategies):

- projects: documents (any Unicode, numbers of every size, hedges, front matter, bytes that
  are not UTF-8), a manifest, a rules file mutated from a valid one, a config, a baseline;
  run as `factcheck check` runs them, every report rendered and checked;
- texts: 200 generated documents at a time (24 drawn bodies, one to three joined per
  document) through load, extraction, matching and every report, with the valid rules, to
  count texts by the hundred thousand.

The property is the suite's (tests/test_fuzz.py): the run succeeds, or fails with a
CheckerError whose first line names a file. Any other exception is a crash: its type,
message, last frames and the input are written to --out, and the run goes on. The summary
counts texts, rules files, cases, the errors met, crashes, known crashes (filed elsewhere,
see tests/fuzzing.py) and the slowest case of each kind with its time (a texts batch is 200
documents); the slowest inputs are saved beside the summary.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import hypothesis  # noqa: E402
from hypothesis import HealthCheck, Phase, Verbosity, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.fuzzing import (  # noqa: E402
    BODIES,
    CASES,
    FILE_NAMES,
    VALID_RULES,
    Case,
    Outcome,
    run_case,
)

TEXTS_PER_BATCH: Final = 200


def _texts(names: list[str], bodies: list[str], mix: int) -> Case:
    """TEXTS_PER_BATCH documents, each one to three of the drawn bodies joined: drawing 200
    bodies from hypothesis costs more than checking them, a shuffle of 24 costs nothing."""
    shuffle = random.Random(mix)
    documents = {}
    for i in range(TEXTS_PER_BATCH):
        text = "\n".join(shuffle.choices(bodies, k=shuffle.randint(1, 3)))
        documents[f"{i:03d}-{shuffle.choice(names)}"] = text.encode("utf-8", "surrogatepass")
    return Case(documents, None, VALID_RULES, None, (0, "0"))


TEXT_CASES = st.builds(
    _texts,
    st.lists(FILE_NAMES, min_size=8, max_size=8),
    st.lists(BODIES, min_size=24, max_size=24),
    st.integers(0, 2**32),
)
ROUND_SECONDS: Final = 20.0  # each kind runs this long before the other's turn


class TimeUp(BaseException):
    """The round is over: a BaseException, so hypothesis lets it through untouched."""


class Tally:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.cases: collections.Counter[str] = collections.Counter()
        self.texts = 0
        self.rule_files = 0
        self.errors: collections.Counter[str] = collections.Counter()
        self.known: collections.Counter[str] = collections.Counter()
        self.crashes: list[str] = []
        self.slowest: dict[str, float] = {}  # seconds of the slowest case of each kind

    def record(self, kind: str, case: Case, outcome: Outcome | None, seconds: float) -> None:
        self.cases[kind] += 1
        self.texts += len(case.documents)
        self.rule_files += 1
        if outcome is not None:
            if outcome.error:
                # the kind of error, without the file's name: 'invalid YAML', 'unknown key'
                self.errors[outcome.error.split(": ", 1)[-1][:50]] += 1
            if outcome.known:
                self.known[outcome.known] += 1
        if seconds > self.slowest.get(kind, 0.0):
            self.slowest[kind] = seconds
            (self.out / f"slowest-{kind}.txt").write_text(repr(case), encoding="utf-8")

    def crash(self, kind: str, case: Case, error: BaseException) -> None:
        number = len(self.crashes) + 1
        frames = "".join(traceback.format_exception(error)[-6:])
        summary = f"{type(error).__name__}: {str(error)[:200]}"
        self.crashes.append(summary)
        (self.out / f"crash-{number:03d}.txt").write_text(
            f"{kind}\n{summary}\n\n{frames}\n{case!r}\n", encoding="utf-8"
        )


def run_round(kind: str, tally: Tally, seconds: float, seed: int | None) -> None:
    strategy = CASES if kind == "projects" else TEXT_CASES
    deadline = time.monotonic() + seconds

    @settings(
        max_examples=10**9,
        deadline=None,
        database=None,
        derandomize=False,
        phases=[Phase.generate],
        verbosity=Verbosity.quiet,  # the round's end is no failure to report
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def one(case: Case) -> None:
        if time.monotonic() > deadline:
            raise TimeUp
        started = time.perf_counter()
        outcome = None
        try:
            outcome = run_case(case)
        except Exception as error:  # a crash: recorded, and the run goes on
            tally.crash(kind, case, error)
        tally.record(kind, case, outcome, time.perf_counter() - started)

    if seed is not None:
        one = hypothesis.seed(seed)(one)
    with contextlib.suppress(TimeUp):
        one()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--out", type=Path, default=Path("reports/fuzz"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tally = Tally(args.out)
    started = time.monotonic()
    end = started + args.minutes * 60
    turn = 0
    while time.monotonic() < end:
        kind = ("projects", "texts", "texts")[turn % 3]  # texts are cheap: two turns in three
        seed = None if args.seed is None else args.seed + turn
        run_round(kind, tally, min(ROUND_SECONDS, end - time.monotonic()), seed)
        turn += 1
    elapsed = time.monotonic() - started
    summary = {
        "minutes": round(elapsed / 60, 1),
        "cases": dict(tally.cases),
        "texts": tally.texts,
        "rule_files": tally.rule_files,
        "crashes": len(tally.crashes),
        "crash_kinds": dict(collections.Counter(tally.crashes)),
        "known_crashes": dict(tally.known),
        "slowest_project_seconds": round(tally.slowest.get("projects", 0.0), 3),
        "slowest_texts_batch_seconds": round(tally.slowest.get("texts", 0.0), 3),
        "texts_per_batch": TEXTS_PER_BATCH,
        "errors_met": dict(tally.errors.most_common(15)),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
