"""Paths -> results: the one place that chains the stages.

``run_check`` gives the CheckResult of ``factcheck check``; ``run_explain`` the Explanation of
one fact; ``run_examples`` runs every rule example; ``find_unmatched`` lists the figures no
fact claimed, so users see what their rules miss.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

import pandas as pd

from checker.compare import compare_claims
from checker.config import Config, load_config
from checker.explain import explain_fact, find_fact
from checker.extract import extract_figures
from checker.load import iter_documents, load_documents
from checker.match import Matches, figure_at, hedged_interval, match_claims, unmatched_figures
from checker.model import (
    FIGURE_KINDS,
    CheckResult,
    Document,
    Example,
    ExampleResult,
    Explanation,
    Fact,
    Finding,
    InputProblem,
    OriginsResult,
    OriginSummary,
    RuleSet,
    SpeakerCount,
    empty_figures,
)
from checker.origins import resolve_origins
from checker.rules import load_rules
from checker.suggest import Suggestion, SuggestOptions, suggest_rules

DEFAULT_DOCUMENTS: Final = Path("seeds")
DEFAULT_RULES: Final = Path("rules")
Progress = Callable[[int, int], None]
# Below this much text one process is quicker: starting workers and sending frames back costs
# more than the extraction it shares out (bench/speed.py --jobs 2 on a 0.5 MB corpus).
PARALLEL_MIN_CHARS: Final = 500_000
# A batch is what one worker extracts at a time: small enough that two cores stay busy and
# memory stays flat, large enough that sending a frame back is a small share of the work.
BATCH_CHARS: Final = 200_000

__all__ = [
    "DEFAULT_DOCUMENTS",
    "DEFAULT_RULES",
    "available_cores",
    "extract_batches",
    "find_unmatched",
    "lint_rules",
    "run_check",
    "run_examples",
    "run_explain",
    "run_origins",
    "run_rule_tests",
    "run_suggest",
]


@dataclass(frozen=True, slots=True)
class _Run:
    rules: RuleSet
    documents: tuple[Document, ...]
    problems: tuple[InputProblem, ...]
    figures: pd.DataFrame
    matches: Matches
    findings: tuple[Finding, ...]


def _paths(
    given: Sequence[Path] | None, configured: tuple[Path, ...], default: Path
) -> Sequence[Path]:
    """Paths on the command line win, then the project config's, then the default folder."""
    return given or configured or (default,)


def lint_rules(rules: Sequence[Path] | None = None, config: Config | None = None) -> RuleSet:
    """Validate rules files without documents; RuleError lists every problem."""
    config = config if config is not None else load_config()
    return load_rules(_paths(rules, config.rules, DEFAULT_RULES), config.defaults)


def run_rule_tests(
    rules: Sequence[Path] | None = None, config: Config | None = None
) -> tuple[RuleSet, tuple[ExampleResult, ...]]:
    """Load the rules and run every fact's examples against all of them."""
    ruleset = lint_rules(rules, config)
    return ruleset, run_examples(ruleset)


def _run(
    paths: Sequence[Path] | None,
    rules: Sequence[Path] | RuleSet | None,
    config: Config | None,
    progress: Progress | None = None,
    jobs: int = 0,
) -> _Run:
    config = config if config is not None else load_config()
    ruleset = rules if isinstance(rules, RuleSet) else lint_rules(rules, config)
    documents, problems = load_documents(_paths(paths, config.documents, DEFAULT_DOCUMENTS))
    figures = _extract_all(documents, jobs, progress)
    matches = match_claims(figures, ruleset)
    findings = compare_claims(ruleset.facts, matches.claims, len(documents))
    return _Run(ruleset, tuple(documents), tuple(problems), figures, matches, findings)


def run_check(
    paths: Sequence[Path] | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    progress: Progress | None = None,
    jobs: int = 0,
    suggest: SuggestOptions | None = None,
) -> CheckResult:
    """Load rules (RuleError if any is bad), then load, extract, match and compare.

    `progress(done, total)` is called as documents are extracted, for a progress bar; `jobs`
    is the number of processes extraction may use (0: one per core on a large corpus).
    With `suggest`, the rules are suggested from the documents in memory instead.
    """
    if suggest is not None:
        run, suggestion = _suggested_run(paths, suggest, config, progress, jobs)
    else:
        run, suggestion = _run(paths, rules, config, progress, jobs), None
    notes = list(run.matches.notes)
    return CheckResult(
        documents=run.documents,
        figures=run.figures,
        findings=run.findings,
        unmatched=run.matches.unmatched,
        problems=run.problems,
        notes=tuple(notes),
        rules_note=suggestion.note() if suggestion is not None else "",
    )


@dataclass(frozen=True, slots=True)
class SuggestResult:
    """What ``factcheck rules suggest`` writes: the suggestion, and unreadable documents."""

    suggestion: Suggestion
    problems: tuple[InputProblem, ...] = ()


def run_suggest(
    paths: Sequence[Path] | None = None,
    options: SuggestOptions | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    jobs: int = 0,
) -> SuggestResult:
    """Suggest rules for the documents; `rules` (or, for `skip_covered`, the config's) are
    the existing ones the suggestion must add to."""
    config = config if config is not None else load_config()
    options = options or SuggestOptions()
    existing = RuleSet(())
    if rules or options.skip_covered:
        existing = lint_rules(rules, config)
    documents, problems = load_documents(_paths(paths, config.documents, DEFAULT_DOCUMENTS))
    figures = _extract_all(documents, jobs, None)
    suggestion = suggest_rules(figures, documents, run_examples, options, existing)
    return SuggestResult(suggestion, tuple(problems))


def _suggested_run(
    paths: Sequence[Path] | None,
    options: SuggestOptions,
    config: Config | None,
    progress: Progress | None = None,
    jobs: int = 0,
) -> tuple[_Run, Suggestion]:
    """A run on rules suggested from the documents themselves, extracting them once."""
    config = config if config is not None else load_config()
    documents, problems = load_documents(_paths(paths, config.documents, DEFAULT_DOCUMENTS))
    figures = _extract_all(documents, jobs, progress)
    suggestion = suggest_rules(figures, documents, run_examples, options)
    ruleset = suggestion.ruleset()
    matches = match_claims(figures, ruleset)
    findings = compare_claims(ruleset.facts, matches.claims, len(documents))
    run = _Run(ruleset, tuple(documents), tuple(problems), figures, matches, findings)
    return run, suggestion


def run_explain(
    fact_id: str,
    paths: Sequence[Path] | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    jobs: int = 0,
    suggest: SuggestOptions | None = None,
) -> Explanation:
    """Why FACT_ID got its verdict; CheckerError with a did-you-mean for an unknown id.

    The id is checked before any document is read, so a typo fails fast (with `suggest`,
    the rules come from the documents, so it is checked after)."""
    config = config if config is not None else load_config()
    if suggest is not None:
        run, _ = _suggested_run(paths, suggest, config, jobs=jobs)
        find_fact(run.rules, fact_id)
    else:
        ruleset = lint_rules(rules, config)
        find_fact(ruleset, fact_id)
        run = _run(paths, ruleset, config, jobs=jobs)
    explanation = explain_fact(
        fact_id, run.rules, run.figures, run.matches, run.findings, len(run.documents)
    )
    return replace(explanation, problems=run.problems)


def find_unmatched(
    paths: Sequence[Path] | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    jobs: int = 0,
) -> ExtractResult:
    """The figures (counts, percents, money…) that no fact claimed, in document order:
    what `factcheck extract --unmatched` lists so users find what their rules miss."""
    run = _run(paths, rules, config, jobs=jobs)
    return ExtractResult(unmatched_figures(run.figures, run.matches), run.problems)


def run_origins(
    paths: Sequence[Path] | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    jobs: int = 0,
) -> OriginsResult:
    """Every origin of the corpus's figures, the speakers it stands for and how often, so a
    user can check them at a glance and write `origins` groups. Rules are optional: without
    any (no rules folder), speakers are grouped by the corpus alone."""
    config = config if config is not None else load_config()
    given = _paths(rules, config.rules, DEFAULT_RULES)
    ruleset = lint_rules(rules, config) if rules or any(p.exists() for p in given) else RuleSet(())
    documents, problems = load_documents(_paths(paths, config.documents, DEFAULT_DOCUMENTS))
    figures = _extract_all(documents, jobs, None)
    frame = figures[figures["kind"].isin([k.value for k in FIGURE_KINDS])]
    origins = resolve_origins(frame, ruleset)
    rows: dict[str, dict[str, list[str]]] = {}
    for label, speaker, document in zip(
        frame.index, frame["origin"], frame["document"], strict=True
    ):
        origin = origins.by_row[int(label)]
        rows.setdefault(origin, {}).setdefault(str(speaker), []).append(str(document))
    summaries = []
    for origin, speakers in rows.items():
        counts = sorted(
            (SpeakerCount(s, len(docs), len(set(docs))) for s, docs in speakers.items()),
            key=lambda c: (-c.figures, c.speaker),
        )
        everything = [d for docs in speakers.values() for d in docs]
        summaries.append(
            OriginSummary(
                origin,
                origins.how.get(origin, "speaker"),
                len(everything),
                len(set(everything)),
                tuple(counts),
            )
        )
    summaries.sort(key=lambda o: (-o.figures, o.origin))
    return OriginsResult(tuple(summaries), len(documents), tuple(problems))


def run_examples(rules: RuleSet) -> tuple[ExampleResult, ...]:
    """Run every fact's examples against the whole rule set, in one extraction and one match.

    Each example is a one-sentence document; matching against every fact, not just its own,
    means "claimed by the more specific fact …" shows up here as it would in a real run.
    """
    cases = [(fact, example) for fact in rules.facts for example in fact.examples]
    documents = [
        Document(id=f"example-{n}", path=Path(f"<example {n}>"), text=example.text)
        for n, (_, example) in enumerate(cases)
    ]
    figures = extract_figures(documents)
    matches = match_claims(figures, rules)
    return tuple(
        _example_result(fact, example, f"example-{n}", figures, matches)
        for n, (fact, example) in enumerate(cases)
    )


def _example_result(
    fact: Fact, example: Example, document: str, figures: pd.DataFrame, matches: Matches
) -> ExampleResult:
    claims = [c for c in matches.claims if c.fact_id == fact.id and c.figure.document == document]
    got = tuple(str(hedged_interval(c.figure, fact)) for c in claims)
    if not example.match:
        if not claims:
            return ExampleResult(fact.id, example, True, "")
        said = ", ".join(f"'{c.figure.text}' {g}" for c, g in zip(claims, got, strict=True))
        return ExampleResult(fact.id, example, False, f"it matched {said}", got)
    if claims and (not example.interval or example.interval in got):
        return ExampleResult(fact.id, example, True, "", got)
    if claims:
        said = ", ".join(f"'{c.figure.text}' {g}" for c, g in zip(claims, got, strict=True))
        reason = f"it matched {said}, expected {example.interval}"
        return ExampleResult(fact.id, example, False, reason, got)
    return ExampleResult(fact.id, example, False, _why_not(fact, document, figures, matches))


def _why_not(fact: Fact, document: str, figures: pd.DataFrame, matches: Matches) -> str:
    """The matcher's own reasons a sentence gave the fact no claim."""
    rows = figures.index[figures["document"] == document]
    if not len(rows):
        return "no figure was found in the sentence"
    reasons = [
        f"'{figure_at(figures, m.row).text}': {m.reason}"
        for m in matches.near_misses
        if m.fact_id == fact.id and m.row in rows
    ]
    if reasons:
        return "; ".join(reasons)
    found = [figure_at(figures, int(r)) for r in rows]
    listed = ", ".join(
        f"'{f.text}' ({f.kind.value}{', ' + repr(f.noun) if f.noun else ''})" for f in found
    )
    return f"no figure came close (found {listed})"


def _counted(documents: Sequence[Document], progress: Progress) -> Iterator[Document]:
    """Each document, then `progress(done, total)` once the extractor asks for the next one."""
    total = len(documents)
    for done, document in enumerate(documents, 1):
        yield document
        progress(done, total)


@dataclass(frozen=True, slots=True)
class ExtractResult:
    """What ``factcheck extract`` shows: the figures of every document, in document order."""

    figures: pd.DataFrame  # columns of FIGURE_COLUMNS
    problems: tuple[InputProblem, ...] = ()


def available_cores() -> int:
    """The cores this process may run on (a container's or taskset's share, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity mask
        return os.cpu_count() or 1


def _workers(jobs: int) -> int:
    return available_cores() if jobs <= 0 else jobs


def _batches(documents: Iterable[Document], size: int) -> Iterator[tuple[list[Document], int]]:
    """Consecutive documents, `size` of them or BATCH_CHARS of text, whichever comes first,
    each with its number of characters."""
    batch: list[Document] = []
    chars = 0
    for document in documents:
        batch.append(document)
        chars += len(document.text)
        if len(batch) >= size or chars >= BATCH_CHARS:
            yield batch, chars
            batch, chars = [], 0
    if batch:
        yield batch, chars


def _parallel(jobs: int, workers: int, chars: int) -> bool:
    """Whether extraction should use worker processes, `chars` of text having been seen:
    always when asked for several, never with one, by default once the corpus is large."""
    return workers > 1 and (jobs > 1 or chars >= PARALLEL_MIN_CHARS)


def _pool(workers: int) -> ProcessPoolExecutor:
    # fork where there is one: workers start at once with the compiled patterns already in
    # memory; elsewhere the platform's default start method imports them afresh
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(workers, mp_context=context)


def extract_batches(
    documents: Iterable[Document], jobs: int = 0, batch: int = 256
) -> Iterator[tuple[int, pd.DataFrame]]:
    """(number of documents, their figures frame) per batch, in document order.

    One process while the text read so far is under PARALLEL_MIN_CHARS, then `jobs` worker
    processes (0: one per core), each extracting whole batches; frames come back in order, at
    most two per worker in flight, so memory stays flat. `jobs=1` never starts a worker, and
    `jobs>1` starts them at once. The figures are the same whatever `jobs` is.
    """
    workers = _workers(jobs)
    pool: ProcessPoolExecutor | None = None
    pending: deque[tuple[int, Future[pd.DataFrame]]] = deque()
    seen = 0
    try:
        for docs, chars in _batches(documents, batch):
            if pool is None and _parallel(jobs, workers, seen):
                pool = _pool(workers)
            seen += chars
            if pool is None:
                yield len(docs), extract_figures(docs)
                continue
            pending.append((len(docs), pool.submit(extract_figures, docs)))
            while len(pending) > 2 * workers:
                count, future = pending.popleft()
                yield count, future.result()
        while pending:
            count, future = pending.popleft()
            yield count, future.result()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    frames = [frame for frame in frames if not frame.empty]
    return pd.concat(frames, ignore_index=True) if frames else empty_figures()


def _extract_all(
    documents: Sequence[Document], jobs: int, progress: Progress | None
) -> pd.DataFrame:
    """The figures of loaded documents: in this process for a small corpus (progress after
    each document), across `jobs` processes for a large one (progress after each batch)."""
    workers = min(_workers(jobs), len(documents))
    if not _parallel(jobs, workers, sum(len(d.text) for d in documents)):
        return extract_figures(documents if progress is None else _counted(documents, progress))
    frames: list[pd.DataFrame] = []
    done = 0
    for count, frame in extract_batches(documents, workers):
        frames.append(frame)
        done += count
        if progress is not None:
            progress(done, len(documents))
    return _concat(frames)


def iter_extract(
    paths: Sequence[Path], all_kinds: bool = False, batch: int = 256, jobs: int = 0
) -> Iterator[pd.DataFrame | InputProblem]:
    """Figures frames of `batch` documents at a time, and problems as they come: memory stays
    flat however large the corpus, and each frame is built once per batch, not per document
    (across processes once the corpus is large; see extract_batches)."""
    kinds = {k.value for k in FIGURE_KINDS}
    problems: list[InputProblem] = []

    def documents() -> Iterator[Document]:
        for item in iter_documents(paths):
            if isinstance(item, Document):
                yield item
            else:
                problems.append(item)

    for _, frame in extract_batches(documents(), jobs, batch):
        yield from problems
        problems.clear()
        yield frame if all_kinds else frame[frame["kind"].isin(kinds)]
    yield from problems


def run_extract(
    paths: Sequence[Path] | None = None,
    all_kinds: bool = False,
    config: Config | None = None,
    jobs: int = 0,
) -> ExtractResult:
    """Every figure of every document (and non-figures with `all_kinds`), in document order."""
    config = config if config is not None else load_config()
    frames: list[pd.DataFrame] = []
    problems: list[InputProblem] = []
    found = _paths(paths, config.documents, DEFAULT_DOCUMENTS)
    for item in iter_extract(found, all_kinds, jobs=jobs):
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            frames.append(item)
    return ExtractResult(_concat(frames), tuple(problems))
