"""The HTML report at scale: build time, size, and load and filter times in headless Chromium.

Run from the repository root (Chromium and chromedriver installed, as .ci/run does):

    python bench/html_report.py                       # 10,000 findings, 3 runs each
    python bench/html_report.py --findings 1000 --runs 5
    python bench/html_report.py --keep reports/bench.html   # keep the page to look at it

The findings are synthetic but real: facts and hedged claims (1 to 6 per fact, of several
origins, some facts time-aware with dated statements) go through the comparison stage
(``compare_claims``), so the verdicts, conflicting pairs, outliers, agreed ranges and
timelines are the ones the checker would give. The page is written to a temporary file and
loaded from it in a fresh tab each run. Printed: the median render time in Python, the page
size, and in the browser the median time to the first paint, to DOMContentLoaded (the
filter script has run) and to the load event, the
time the filter script's first pass takes (all cards counted), a click on a verdict filter
(hide the agreements), the first text search (which reads every card's text once) and a
second one, expanding every agreement (their bodies built at once) and collapsing them, and
the JS heap once loaded.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.compare import compare_claims  # noqa: E402
from checker.model import (  # noqa: E402
    CheckResult,
    Claim,
    Document,
    Fact,
    Figure,
    Interval,
    Kind,
    Location,
    Tolerance,
    Trend,
    empty_figures,
)
from checker.report import html  # noqa: E402
from tests.browser import chromium, log  # noqa: E402

OUTLETS: Final = [
    "Reuters", "Associated Press", "AFP", "BBC News", "Al Jazeera", "The Guardian", "CNN",
    "The New York Times", "Le Monde", "Der Spiegel", "NHK", "The Times of India",
    "ABC News (Australia)", "CBC News", "Deutsche Welle", "France 24", "NPR", "Sky News",
]  # fmt: skip
SPEAKERS: Final = [
    "", "", "the health ministry", "the Pentagon", "local officials", "the UN agency",
    "a police spokesperson", "the governor's office", "the army",
]  # fmt: skip
BASES: Final = [12, 85, 170, 300, 1_200, 34_000, 2_500_000]
HEDGES: Final = [
    ("", 1.0, 1.0, True, True),  # "170"
    ("more than ", 1.0, float("inf"), False, True),
    ("at least ", 1.0, float("inf"), True, True),
    ("about ", 0.95, 1.05, True, True),
    ("nearly ", 0.9, 1.0, True, False),
    ("up to ", 0.0, 1.0, True, True),
]


def synthetic(findings: int, seed: int = 15) -> CheckResult:
    """A result of `findings` facts, compared by the real comparison stage."""
    rng = random.Random(seed)
    facts: list[Fact] = []
    claims: list[Claim] = []
    documents: list[Document] = []
    for i in range(findings):
        trend = Trend.INCREASING if i % 10 == 0 else None
        fact = Fact(
            id=f"fact-{i:05d}",
            title=f"People counted in event {i}",
            kind=Kind.COUNT,
            location=Location(Path("rules/bench.yaml"), 3 + 6 * i, 5),
            tolerance=Tolerance(0.02),
            changes_over_time=trend,
        )
        facts.append(fact)
        base = rng.choice(BASES)
        for j in range(rng.choice([1, 1, 2, 3, 3, 4, 6])):
            value = round(base * rng.choice([1, 1, 1, 1.01, 1.05, 1.1, 0.9]))
            word, low, high, low_in, high_in = rng.choice(HEDGES)
            text = f"{word}{value:,}"
            outlet = rng.choice(OUTLETS)
            speaker = rng.choice(SPEAKERS)
            said = f", according to {speaker}" if speaker else ""
            sentence = (
                f"On Tuesday {text} people were counted near the river{said}, in a report "
                f"that {outlet} published after the briefing."
            )
            number = len(documents)
            path = Path(f"corpus/{number // 1000:02d}/doc{number:06d}.md")
            published = f"2024-{1 + (j * 2 + i) % 12:02d}-{1 + (i * 7 + j) % 28:02d}"
            documents.append(Document(f"doc{number:06d}", path, sentence, outlet=outlet))
            interval = Interval(value * low, value * high, low_in, high_in)
            figure = Figure(
                document=f"doc{number:06d}",
                path=path,
                outlet=outlet,
                published=published,
                line=5 + j,
                column=11,
                text=text,
                value=float(value),
                interval=interval,
                hedge=word.strip() or "exact",
                kind=Kind.COUNT,
                unit="people",
                noun="people",
                head="person",
                origin=speaker,
                sentence=sentence,
                offset=sentence.index(text),
                length=len(text),
            )
            claims.append(
                Claim(
                    fact.id,
                    figure,
                    speaker or outlet,
                    100.0,
                    interval,
                    fact.tolerance.halo(interval),
                )
            )
    return CheckResult(tuple(documents), empty_figures(), compare_claims(facts, claims), 0)


MEASURE: Final = """
const nav = performance.getEntriesByType('navigation')[0];
const form = document.querySelector('form.filters');
const apply = () => form.dispatchEvent(new Event('change'));
function timed(action) {
  const start = performance.now();
  action();
  document.body.getBoundingClientRect();  // the layout the change causes
  return performance.now() - start;
}
const first = timed(apply);
const click = timed(() => form.querySelector('input[value=agreement]').click());
form.querySelector('input[value=agreement]').click();
const q = form.elements.namedItem('q');
q.value = 'river health';
const search = timed(apply);
q.value = 'pentagon 170';
const again = timed(apply);
q.value = '';
apply();
form.querySelector('input[value=discrepancy]').click();
form.querySelector('input[value=evolving]').click();
form.querySelector('input[value="single-source"]').click();
const expand = timed(() => form.querySelector('[data-action=expand]').click());
const collapse = timed(() => form.querySelector('[data-action=collapse]').click());
for (const box of form.querySelectorAll('input[name=verdict]:not(:checked)')) box.click();
const paint = performance.getEntriesByName('first-contentful-paint')[0];
return {
  fcp: paint ? paint.startTime : 0, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
  apply: first, click: click,
  search: search, again: again, expand: expand, collapse: collapse,
  cards: document.querySelectorAll('article.card').length,
  shown: form.elements.namedItem('shown').value,
  heap: performance.memory ? performance.memory.usedJSHeapSize : 0,
};
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--findings", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also write the page here")
    args = parser.parse_args()

    result = synthetic(args.findings)
    verdicts = {v: result.count(v) for v in {f.verdict for f in result.findings}}
    renders = []
    for _ in range(args.runs):
        start = time.perf_counter()
        page = html.render(result)
        renders.append(time.perf_counter() - start)
    size = len(page.encode("utf-8"))
    print(
        f"{len(result.findings)} findings "
        f"({', '.join(f'{n} {v.value}' for v, n in sorted(verdicts.items()))}), "
        f"{sum(len(f.claims) for f in result.findings)} claims"
    )
    print(f"render (Python): median {statistics.median(renders):.2f} s of {args.runs}")
    print(f"page: {size / 1e6:.1f} MB, {size / len(result.findings) / 1e3:.1f} KB per finding")
    if args.keep:
        args.keep.parent.mkdir(parents=True, exist_ok=True)
        args.keep.write_text(page, encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.html"
        path.write_text(page, encoding="utf-8")
        runs = []
        with chromium() as browser:
            browser.set_page_load_timeout(300)
            for _ in range(args.runs):
                browser.get("about:blank")
                log(browser, "browser")
                browser.get(path.as_uri())
                runs.append(browser.execute_script(MEASURE))
                errors = log(browser, "browser")
                if errors:
                    print(f"console: {errors[:3]}")
    print(f"cards in the page: {runs[0]['cards']}, after the last filter: {runs[0]['shown']}")
    for key, label in (
        ("fcp", "first contentful paint"),
        ("dcl", "DOMContentLoaded (filters ready)"),
        ("load", "load event"),
        ("apply", "first filter pass (all cards)"),
        ("click", "click: hide the agreements"),
        ("search", "first text search (reads every card)"),
        ("again", "second text search"),
        ("expand", "expand all the agreements (bodies built)"),
        ("collapse", "collapse them all"),
    ):
        values = [float(r[key]) for r in runs]
        print(f"{label:42s} median {statistics.median(values):8.0f} ms  (runs: "
              + ", ".join(f"{v:.0f}" for v in values) + ")")  # fmt: skip
    print(f"JS heap once loaded: median {statistics.median(r['heap'] for r in runs) / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
