"""Paths -> results: the one place that chains the stages.

``run_check`` gives the CheckResult of ``factcheck check``; ``run_explain`` the Explanation of
one fact; ``run_examples`` runs every rule example; ``find_unmatched`` lists the figures no
fact claimed, so users see what their rules miss.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Final, cast

from checker.cache import DEFAULT_DIR, FigureCache, open_cache
from checker.compare import compare_claims
from checker.config import Config, load_config
from checker.engine import Engine, EngineName, open_engine
from checker.errors import RuleError
from checker.explain import explain_fact, find_fact
from checker.inputs import STDIN, InputOptions, using
from checker.inputs.place import PlacingEngine
from checker.load import MANIFEST, display_path, expand_paths
from checker.model import (
    CheckResult,
    Claim,
    Document,
    Example,
    ExampleResult,
    Explanation,
    Fact,
    InputProblem,
    Interval,
    NearMiss,
    OriginsResult,
    OriginSummary,
    RuleSet,
    SpeakerCount,
)
from checker.origins import ORIGIN_COLUMNS, resolve_claim_origins, resolve_origins
from checker.rules import load_rules, rule_files
from checker.stream import Outcome, Send, stream

if TYPE_CHECKING:
    import pandas as pd

    from checker.match import Matches
    from checker.suggest import Suggestion, SuggestOptions

# Without PATHS and without `paths:` in the config, the working directory is read (its
# folders walked, leaving out .git, .venv, what .gitignore ignores: checker.inputs.ignore).
DEFAULT_DOCUMENTS: Final = Path()
DEFAULT_RULES: Final = Path("rules")
Progress = Callable[[int, int], None]

__all__ = [
    "DEFAULT_DOCUMENTS",
    "DEFAULT_RULES",
    "Execution",
    "ExtractResult",
    "SuggestResult",
    "find_unmatched",
    "input_files",
    "input_options",
    "iter_extract",
    "iter_unmatched",
    "lint_rules",
    "open_project_cache",
    "run_check",
    "run_examples",
    "run_explain",
    "run_extract",
    "run_origins",
    "run_rule_tests",
    "run_suggest",
]


@dataclass(frozen=True, slots=True)
class Execution:
    """Where and how a run extracts: the engine, its workers, the cache.

    `engine` and `scheduler` left None take the project config's (``engine:``,
    ``scheduler:``), else the local engine; a scheduler address alone means Dask. `jobs` is
    the number of worker processes (0: one per core once the corpus is large; 1: none).
    """

    jobs: int = 0
    engine: EngineName | None = None
    scheduler: str | None = None
    cache: FigureCache | None = None
    progress: Progress | None = None
    # how inputs are read, over the project config's: the name standard input is shown as,
    # record fields (--field)
    stdin_name: Path | None = None
    fields: tuple[tuple[str, str], ...] = ()


def input_options(config: Config, execution: Execution | None = None) -> InputOptions:
    """How the run reads its inputs: the config's fields and excludes, the command line's
    field names and standard input's name."""
    execution = execution if execution is not None else Execution()
    fields = config.fields
    if execution.fields:
        fields = replace(fields, **dict(execution.fields))
    return InputOptions(
        fields=fields,
        exclude=config.exclude,
        root=config.root,
        stdin_name=execution.stdin_name or STDIN,
    )


@dataclass(frozen=True, slots=True)
class _Run:
    rules: RuleSet
    documents: int
    numbers: int
    problems: tuple[InputProblem, ...]
    claims: tuple[Claim, ...]
    unmatched: int
    notes: tuple[str, ...]
    near_misses: tuple[NearMiss, ...]
    folders: tuple[tuple[str, int], ...] = ()


def _paths(
    given: Sequence[Path] | None, configured: tuple[Path, ...], default: Path
) -> Sequence[Path]:
    """Paths on the command line win, then the project config's, then the default folder."""
    return given or configured or (default,)


def input_files(
    paths: Sequence[Path] | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    execution: Execution | None = None,
) -> list[tuple[str, Path]]:
    """Every file a run on these paths reads, with what it is (documents, their manifests,
    rules files, the project config): an output must never be one of them."""
    config = config if config is not None else load_config()
    documents, _ = expand_paths(
        _paths(paths, config.paths, DEFAULT_DOCUMENTS), input_options(config, execution)
    )
    documents = [d for d in documents if d != Path("-")]
    manifests = sorted({d.parent / MANIFEST for d in documents})
    found = [("document", d) for d in documents]
    found += [("manifest", m) for m in manifests if m.exists()]
    found += [("rules file", r) for r in rule_files(_paths(rules, config.rules, DEFAULT_RULES))[0]]
    if config.path is not None:
        found.append(("config", config.path))
    return found


def lint_rules(rules: Sequence[Path] | None = None, config: Config | None = None) -> RuleSet:
    """Validate rules files without documents; RuleError lists every problem, the project
    config's and the rules files' together (a bad config does not hide the rules' problems)."""
    if config is None:
        try:
            config = load_config()
        except RuleError as error:
            try:
                load_rules(_paths(rules, (), DEFAULT_RULES))
            except RuleError as more:
                raise RuleError(
                    [*error.problems, *more.problems], {**error.sources, **more.sources}
                ) from error
            raise
    return load_rules(_paths(rules, config.rules, DEFAULT_RULES), config.defaults)


def run_rule_tests(
    rules: Sequence[Path] | None = None, config: Config | None = None
) -> tuple[RuleSet, tuple[ExampleResult, ...]]:
    """Load the rules and run every fact's examples against all of them."""
    ruleset = lint_rules(rules, config)
    return ruleset, run_examples(ruleset)


def open_project_cache(folder: Path | None = None, config: Config | None = None) -> FigureCache:
    """The cache in `folder`, else ``.factcheck-cache`` in the project folder (where the
    project config is, else the working directory); CheckerError if it cannot be opened."""
    if folder is None:
        config = config if config is not None else load_config()
        project = config.path.parent if config.path is not None else Path()
        folder = display_path(project / DEFAULT_DIR)
    return open_cache(folder)


def _execution(execution: Execution | None, jobs: int, config: Config) -> Execution:
    """The run's execution with the project config's engine and scheduler filled in."""
    execution = execution if execution is not None else Execution(jobs=jobs)
    scheduler = execution.scheduler or config.scheduler
    engine = execution.engine or config.engine
    if engine is None:
        engine = EngineName.DASK if scheduler else EngineName.LOCAL
    return replace(execution, engine=engine, scheduler=scheduler)


def _stream(
    paths: Sequence[Path] | None,
    config: Config,
    execution: Execution,
    *,
    rules: RuleSet | None = None,
    fact: str | None = None,
    send: Send = Send.NONE,
    folders: Counter[str] | None = None,
    read: Callable[[Document], object] | None = None,
) -> Iterator[Outcome | InputProblem]:
    """The outcomes of the documents under `paths` (or the config's, or the default)."""
    found = _paths(paths, config.paths, DEFAULT_DOCUMENTS)
    execution = _execution(execution, execution.jobs, config)
    assert execution.engine is not None
    with (
        using(input_options(config, execution)),
        open_engine(execution.engine, execution.jobs, execution.scheduler) as engine,
    ):
        yield from stream(
            found,
            # figures of a Markdown, HTML, PDF or record document back at their place in
            # the file (checker.inputs.place)
            PlacingEngine(engine),
            rules=rules,
            fact=fact,
            send=send,
            cache=execution.cache,
            progress=execution.progress,
            folders=folders,
            read=read,
        )


def _run(
    paths: Sequence[Path] | None,
    rules: Sequence[Path] | RuleSet | None,
    config: Config | None,
    execution: Execution,
    fact: str | None = None,
) -> _Run:
    """Stream every batch through matching; keep the claims and counts, drop the figures."""
    config = config if config is not None else load_config()
    ruleset = rules if isinstance(rules, RuleSet) else lint_rules(rules, config)
    documents = numbers = unmatched = 0
    problems: list[InputProblem] = []
    claims: list[Claim] = []
    notes: list[str] = []
    near: list[NearMiss] = []
    shared: dict[object, object] = {}
    folders: Counter[str] = Counter()
    for item in _stream(paths, config, execution, rules=ruleset, fact=fact, folders=folders):
        if isinstance(item, InputProblem):
            problems.append(item)
            continue
        documents += item.documents
        numbers += item.numbers
        unmatched += item.unmatched
        claims.extend(_shared(item.claims, shared))
        notes.extend(item.notes)
        near.extend(item.near_misses)
    # each batch resolved its own origins; a speaker's name variants and wire copies reach
    # across batches, so the corpus's claims are resolved once more, together
    whole = resolve_claim_origins(claims, ruleset)
    return _Run(
        ruleset,
        documents,
        numbers,
        tuple(problems),
        tuple(whole),
        unmatched,
        tuple(notes),
        tuple(near),
        tuple(sorted(folders.items())),
    )


# Values a run's claims repeat: one copy of each is kept (a Path alone is about 400 bytes).
_SHARED_FIELDS: Final = (
    "document", "path", "outlet", "published", "text", "hedge", "unit", "noun", "head",
    "origin", "interval",
)  # fmt: skip


def _shared(claims: Sequence[Claim], pool: dict[object, object]) -> Iterator[Claim]:
    """The claims with one copy of each path, outlet, noun… for the whole run: claims are
    all a run keeps, and each batch (or worker) made its own copies of the same values."""
    for claim in claims:
        figure = claim.figure
        same = {
            name: pool.setdefault(getattr(figure, name), getattr(figure, name))
            for name in _SHARED_FIELDS
        }
        interval = cast(Interval, pool.setdefault(claim.interval, claim.interval))
        origin = cast(str, pool.setdefault(claim.origin, claim.origin))
        yield replace(
            claim,
            figure=replace(figure, **same),  # type: ignore[arg-type]
            interval=interval,
            origin=origin,
        )


def run_check(
    paths: Sequence[Path] | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    progress: Progress | None = None,
    jobs: int = 0,
    execution: Execution | None = None,
    suggest: SuggestOptions | None = None,
) -> CheckResult:
    """Load rules (RuleError if any is bad), then load, extract, match and compare.

    `progress(done, total)` is called as documents are extracted, for a progress bar; `jobs`
    is the number of processes extraction may use (0: one per core on a large corpus), unless
    `execution` says more (engine, scheduler, cache). With `suggest`, the rules are suggested
    from the documents in memory instead, and the result says so first (`rules_note`).
    """
    execution = execution if execution is not None else Execution(jobs=jobs)
    if progress is not None:
        execution = replace(execution, progress=progress)
    suggestion = None
    if suggest is not None:
        run, suggestion = _suggested_run(paths, suggest, config, execution)
    else:
        run = _run(paths, rules, config, execution)
    findings = compare_claims(run.rules.facts, run.claims, run.documents)
    notes = list(run.notes)
    return CheckResult(
        documents=run.documents,
        figures=run.numbers,
        findings=findings,
        unmatched=run.unmatched,
        problems=run.problems,
        notes=tuple(notes),
        folders=run.folders,
        rules_note=suggestion.note() if suggestion is not None else "",
    )


@dataclass(frozen=True, slots=True)
class SuggestResult:
    """What ``factcheck rules suggest`` writes: the suggestion, and unreadable documents."""

    suggestion: Suggestion
    problems: tuple[InputProblem, ...] = ()


@dataclass(frozen=True, slots=True)
class _Corpus:
    """Every number of a corpus in one frame, and its sentences: what a suggestion reads."""

    figures: pd.DataFrame  # every kind, dates and years too (a year tells another event)
    texts: tuple[str, ...]  # the text of every document, in document order
    documents: int
    problems: tuple[InputProblem, ...]
    folders: tuple[tuple[str, int], ...]


def _read_corpus(paths: Sequence[Path] | None, config: Config, execution: Execution) -> _Corpus:
    """The corpus's figures, streamed through the engine and cache as a check's are, then
    gathered: suggesting rules compares figures across the whole corpus. Each document is
    read once (standard input can be read only once), its text kept for the word weights."""
    folders: Counter[str] = Counter()
    documents = 0
    texts: list[str] = []

    def keep(document: Document) -> None:
        texts.append(document.text)

    def frames() -> Iterator[pd.DataFrame | InputProblem]:
        nonlocal documents
        for item in _stream(paths, config, execution, send=Send.ALL, folders=folders, read=keep):
            if isinstance(item, InputProblem):
                yield item
                continue
            documents += item.documents
            if item.figures is not None:
                yield item.figures

    gathered = _gather(frames())
    return _Corpus(
        gathered.figures,
        tuple(texts),
        documents,
        gathered.problems,
        tuple(sorted(folders.items())),
    )


def _match_part(task: tuple[pd.DataFrame, RuleSet]) -> Matches:
    from checker.match import match_claims

    return match_claims(*task)


@contextmanager
def _shared_engine(config: Config, execution: Execution) -> Iterator[Engine]:
    """The run's engine, for a suggestion's work on parts of whole documents: matching
    reads one sentence at a time, so the claims of the parts are those of one pass."""
    execution = _execution(execution, execution.jobs, config)
    assert execution.engine is not None
    with open_engine(execution.engine, execution.jobs, execution.scheduler) as engine:
        yield engine


def _matched(engine: Engine, frame: pd.DataFrame, rules: RuleSet) -> Matches:
    """match_claims across the engine's workers, part by part; each part resolves its own
    origins, so the claims' origins are resolved again across parts."""
    from checker.match import Matches
    from checker.suggest.share import Shared

    done = Shared(engine).parts(_match_part, frame, rules)
    if len(done) == 1:
        return done[0]
    return Matches(
        tuple(c for m in done for c in m.claims),
        sum(m.unmatched for m in done),
        tuple(n for m in done for n in m.notes),
        tuple(n for m in done for n in m.near_misses),
        tuple(sorted(r for m in done for r in m.claimed)),
        tuple(sorted(r for m in done for r in m.candidates)),
    )


def _suggestion(
    corpus: _Corpus,
    options: SuggestOptions,
    config: Config,
    execution: Execution,
    existing: RuleSet | None = None,
) -> Suggestion:
    from checker.suggest import suggest_rules
    from checker.suggest.share import Shared

    with _shared_engine(config, execution) as engine:
        return suggest_rules(
            corpus.figures,
            corpus.texts,
            corpus.documents,
            run_examples,
            options,
            existing,
            Shared(engine),
        )


def run_suggest(
    paths: Sequence[Path] | None = None,
    options: SuggestOptions | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    jobs: int = 0,
    execution: Execution | None = None,
) -> SuggestResult:
    """Suggest rules for the documents; `rules` (or, for `skip_covered`, the config's) are
    the existing ones the suggestion must add to (RuleError if any is bad)."""
    from checker.suggest import SuggestOptions

    config = config if config is not None else load_config()
    options = options or SuggestOptions()
    existing = RuleSet(())
    if rules or options.skip_covered:
        existing = lint_rules(rules, config)
    execution = execution if execution is not None else Execution(jobs=jobs)
    corpus = _read_corpus(paths, config, execution)
    return SuggestResult(_suggestion(corpus, options, config, execution, existing), corpus.problems)


def _suggested_run(
    paths: Sequence[Path] | None,
    options: SuggestOptions,
    config: Config | None,
    execution: Execution,
    fact: str | None = None,
) -> tuple[_Run, Suggestion]:
    """A run on rules suggested from the documents themselves, extracting them once: the
    gathered figures are matched in one piece, as one batch of the corpus."""
    from checker.match import figure_at

    config = config if config is not None else load_config()
    corpus = _read_corpus(paths, config, execution)
    suggestion = _suggestion(corpus, options, config, execution)
    ruleset = suggestion.ruleset()
    if fact is not None:
        find_fact(ruleset, fact)
    with _shared_engine(config, execution) as engine:
        matches = _matched(engine, corpus.figures, ruleset)
    # each part resolved its own origins; name variants and wire copies reach across parts
    whole = resolve_claim_origins(matches.claims, ruleset)
    claims = [c for c in whole if fact is None or c.fact_id == fact]
    near = tuple(
        NearMiss(figure_at(corpus.figures, m.row), m.score, m.reason)
        for m in matches.near_misses
        if m.fact_id == fact
    )
    run = _Run(
        ruleset,
        corpus.documents,
        len(corpus.figures),
        corpus.problems,
        tuple(claims),
        matches.unmatched,
        matches.notes,
        near,
        corpus.folders,
    )
    return run, suggestion


def run_explain(
    fact_id: str,
    paths: Sequence[Path] | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    jobs: int = 0,
    execution: Execution | None = None,
    suggest: SuggestOptions | None = None,
) -> Explanation:
    """Why FACT_ID got its verdict; CheckerError with a did-you-mean for an unknown id.

    The id is checked before any document is read, so a typo fails fast (with `suggest`,
    the rules come from the documents, so it is checked once they are read). Only the
    fact's claims and near misses are kept from each batch."""
    config = config if config is not None else load_config()
    execution = execution if execution is not None else Execution(jobs=jobs)
    if suggest is not None:
        run, _ = _suggested_run(paths, suggest, config, execution, fact=fact_id)
    else:
        ruleset = lint_rules(rules, config)
        find_fact(ruleset, fact_id)
        run = _run(paths, ruleset, config, execution, fact=fact_id)
    findings = compare_claims(run.rules.facts, run.claims, run.documents)
    explanation = explain_fact(
        fact_id, run.rules, run.claims, run.near_misses, findings, run.documents
    )
    return replace(explanation, problems=run.problems)


def _frames(
    paths: Sequence[Path] | None,
    config: Config | None,
    execution: Execution,
    send: Send,
    rules: RuleSet | None = None,
) -> Iterator[pd.DataFrame | InputProblem]:
    config = config if config is not None else load_config()
    for item in _stream(paths, config, execution, rules=rules, send=send):
        if isinstance(item, InputProblem):
            yield item
        elif item.figures is not None:
            yield item.figures


def iter_unmatched(
    paths: Sequence[Path] | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    execution: Execution | None = None,
) -> Iterator[pd.DataFrame | InputProblem]:
    """The figures no fact claimed, a batch at a time, and problems as they come.

    The rules are loaded (RuleError if any is bad) before the first document is read."""
    execution = execution if execution is not None else Execution()
    config = config if config is not None else load_config()
    return _frames(paths, config, execution, Send.UNMATCHED, lint_rules(rules, config))


def find_unmatched(
    paths: Sequence[Path] | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    jobs: int = 0,
    execution: Execution | None = None,
) -> ExtractResult:
    """The figures (counts, percents, money…) that no fact claimed, in document order:
    what `factcheck extract --unmatched` lists so users find what their rules miss."""
    execution = execution if execution is not None else Execution(jobs=jobs)
    return _gather(iter_unmatched(paths, rules, config, execution))


def run_origins(
    paths: Sequence[Path] | None = None,
    rules: Sequence[Path] | None = None,
    config: Config | None = None,
    jobs: int = 0,
    execution: Execution | None = None,
) -> OriginsResult:
    """Every origin of the corpus's figures, the speakers it stands for and how often, so a
    user can check them at a glance and write `origins` groups. Rules are optional: without
    any (no rules folder), speakers are grouped by the corpus alone. Figures are streamed; only
    the few columns origins need are kept."""
    import pandas as pd

    config = config if config is not None else load_config()
    given = _paths(rules, config.rules, DEFAULT_RULES)
    ruleset = lint_rules(rules, config) if rules or any(p.exists() for p in given) else RuleSet(())
    execution = execution if execution is not None else Execution(jobs=jobs)
    kept: list[pd.DataFrame] = []
    problems: list[InputProblem] = []
    documents = 0
    for item in _stream(paths, config, execution, send=Send.FIGURES):
        if isinstance(item, InputProblem):
            problems.append(item)
            continue
        documents += item.documents
        if item.figures is not None and not item.figures.empty:
            kept.append(item.figures[list(ORIGIN_COLUMNS)])
    if not kept:
        return OriginsResult((), documents, tuple(problems))
    frame = pd.concat(kept, ignore_index=True)
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
    return OriginsResult(tuple(summaries), documents, tuple(problems))


def run_examples(rules: RuleSet) -> tuple[ExampleResult, ...]:
    """Run every fact's examples against the whole rule set, in one extraction and one match.

    Each example is a one-sentence document; matching against every fact, not just its own,
    means "claimed by the more specific fact …" shows up here as it would in a real run.
    """
    from checker.extract import extract_figures
    from checker.match import match_claims

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
    from checker.match import hedged_interval

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
    from checker.match import figure_at

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


@dataclass(frozen=True, slots=True)
class ExtractResult:
    """What ``factcheck extract`` shows: the figures of every document, in document order."""

    figures: pd.DataFrame  # columns of FIGURE_COLUMNS
    problems: tuple[InputProblem, ...] = ()


def iter_extract(
    paths: Sequence[Path] | None = None,
    all_kinds: bool = False,
    jobs: int = 0,
    execution: Execution | None = None,
    config: Config | None = None,
) -> Iterator[pd.DataFrame | InputProblem]:
    """Figures frames a batch of documents at a time, and problems as they come: memory stays
    flat however large the corpus (across processes once it is large; see checker.engine)."""
    execution = execution if execution is not None else Execution(jobs=jobs)
    send = Send.ALL if all_kinds else Send.FIGURES
    return _frames(paths, config, execution, send)


def _gather(items: Iterator[pd.DataFrame | InputProblem]) -> ExtractResult:
    from checker.model import empty_figures

    frames: list[pd.DataFrame] = []
    problems: list[InputProblem] = []
    for item in items:
        if isinstance(item, InputProblem):
            problems.append(item)
        elif not item.empty:
            frames.append(item)
    if not frames:
        return ExtractResult(empty_figures(), tuple(problems))
    import pandas as pd

    return ExtractResult(pd.concat(frames, ignore_index=True), tuple(problems))


def run_extract(
    paths: Sequence[Path] | None = None,
    all_kinds: bool = False,
    config: Config | None = None,
    jobs: int = 0,
    execution: Execution | None = None,
) -> ExtractResult:
    """Every figure of every document (and non-figures with `all_kinds`), in document order,
    in one frame: for tests and small corpora; the CLI streams ``iter_extract`` instead."""
    return _gather(iter_extract(paths, all_kinds, jobs, execution, config))
