"""The typer CLI: parse options, call the pipeline, pick a reporter, set the exit code."""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Final, TextIO

import typer

from checker import __version__
from checker.engine import EngineName
from checker.errors import CheckerError
from checker.model import CheckResult, ExitCode, FailOn, InputProblem, printable

if TYPE_CHECKING:  # the rest is imported by the commands: `--version` starts in a blink
    import pandas as pd
    from rich.console import Console

    from checker.cache import FigureCache
    from checker.pipeline import Execution
    from checker.suggest import SuggestOptions

DEFAULT_CSV = Path("reports/discrepancies.csv")

app = typer.Typer(
    help="factcheck: do several documents agree on the figures they report?",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    TERMINAL = "terminal"
    JSON = "json"
    CSV = "csv"
    SARIF = "sarif"
    JUNIT = "junit"
    GITHUB = "github"
    MARKDOWN = "markdown"
    HTML = "html"


class FiguresFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class Color(StrEnum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


# Fewer documents than this check in a blink: a bar would only flicker.
PROGRESS_MIN_DOCUMENTS: Final = 20
DEFAULT_BASELINE: Final = Path("factcheck-baseline.json")


def use_color(choice: Color) -> bool:
    """Color on a terminal unless NO_COLOR is set; never in a pipe or a CI log."""
    if choice is Color.AUTO:
        return sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return choice is Color.ALWAYS


def fail(error: CheckerError) -> typer.Exit:
    typer.echo(_shown(str(error)), err=True)
    return typer.Exit(ExitCode.ERROR)


def _shown(text: str) -> str:
    """A message for the terminal: each line without control characters (a file name or a
    document's text may hold "\x1b[2J")."""
    return "\n".join(printable(line) for line in text.split("\n"))


def echo_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        typer.echo(_shown(str(problem)), err=True)


def guard_outputs(
    outputs: Sequence[Path],
    paths: list[Path] | None,
    rules: list[Path] | None,
    baseline: Path | None = None,
) -> None:
    """Before anything is read: every output can be written and none is an input of a run on
    `paths` and `rules`. Without a file to write, the inputs are not even listed (a walk of a
    large corpus costs a re-run from the cache a tenth of its time)."""
    from checker.output import refuse_inputs, target
    from checker.pipeline import input_files

    if not outputs:
        return
    for path in outputs:
        target(path)
    inputs = input_files(paths or None, rules)
    refuse_inputs(outputs, [*inputs, *([("baseline", baseline)] if baseline else [])])


def write_files(contents: Sequence[tuple[Path, str | Iterable[str]]]) -> None:
    """All the files of a run as one set (checker.output); a failure is exit 2. A file's
    text may come in pieces as they are made."""
    from checker.output import write_outputs

    try:
        write_outputs(contents)
    except CheckerError as error:
        raise fail(error) from error


def link_root(report: Path) -> str:
    """The way from a report's folder back to the working directory ('../' for
    reports/factcheck.html), so the HTML report's links to the documents resolve."""
    try:
        way = os.path.relpath(Path.cwd(), report.absolute().parent)
    except ValueError:  # another drive: no relative way exists
        return ""
    return "" if way == "." else Path(way).as_posix() + "/"


def render(
    result: CheckResult,
    fmt: Format,
    color: Color,
    *,
    to_file: bool = False,
    path: Path | None = None,
) -> str:
    """One report; the terminal one is colored and wrapped only when it goes to a terminal.
    `path` is the file it goes to, if any (the HTML report links documents relative to it)."""
    from checker.report import REPORTERS, terminal

    if fmt is Format.HTML:
        from checker.report import html

        return html.render(result, root=link_root(path) if path is not None else "")
    if fmt is Format.TERMINAL:
        if to_file:
            return terminal.render(result, color=color is Color.ALWAYS)
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        return terminal.render(result, color=use_color(color), width=width)
    return REPORTERS[fmt.value](result)


def plan_outputs(
    fmt: Format, outputs: Sequence[str], csv: Path | None
) -> tuple[Format | None, list[tuple[Format, Path]]]:
    """What goes to stdout, and which format goes to which file.

    `--output FORMAT=PATH` adds a file; a bare `--output PATH` sends the `--format` report to
    PATH instead of stdout (as before FORMAT=PATH existed). `csv` is the `--csv` file. A path
    named twice with different formats is an error: one of them would silently be lost.
    """
    from checker.output import same_file_key

    stdout: Format | None = fmt
    files: dict[str, tuple[Format, Path]] = {}  # by resolved path: r.json is ./sub/../r.json
    planned: list[tuple[Format, Path]] = [] if csv is None else [(Format.CSV, csv)]
    for value in outputs:
        name, sep, target = value.partition("=")
        if sep and name in [f.value for f in Format]:
            if not target:
                raise CheckerError(f"--output {value}: no path after '='")
            planned.append((Format(name), Path(target)))
        elif stdout is None:
            raise CheckerError(
                f"--output {value}: only one --output may omit FORMAT= "
                f"(formats: {', '.join(f.value for f in Format)})"
            )
        else:
            planned.append((fmt, Path(value)))
            stdout = None
    for out_fmt, path in planned:
        key = same_file_key(path)
        if key in files and files[key][0] is not out_fmt:
            raise CheckerError(
                f"--output {path.as_posix()}: would get both {files[key][0].value} "
                f"and {out_fmt.value}"
                + (f" (it is {files[key][1].as_posix()})" if files[key][1] != path else "")
            )
        files.setdefault(key, (out_fmt, path))
    return stdout, list(files.values())


class ProgressBar:
    """A transient rich progress bar on stderr, shown only for a large corpus on a terminal."""

    def __init__(self, console: Console, minimum: int = PROGRESS_MIN_DOCUMENTS) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskID,
            TextColumn,
            TimeRemainingColumn,
        )

        self.minimum = minimum
        self.bar = Progress(
            TextColumn("checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("documents"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if total < self.minimum:
            return
        if self.task is None:
            self.bar.start()
            self.task = self.bar.add_task("check", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.task is not None:
            self.bar.stop()


@contextmanager
def progress_bar(stream: TextIO | None = None) -> Iterator[ProgressBar | None]:
    """A progress callback when `stream` (stderr) is a terminal; None in a pipe or a CI log."""
    stream = sys.stderr if stream is None else stream
    if not stream.isatty():
        yield None
        return
    from rich.console import Console

    bar = ProgressBar(Console(file=stream))
    try:
        yield bar
    finally:
        bar.close()


def run(
    paths: list[Path] | None,
    rules: list[Path] | None,
    execution: Execution,
    suggest: SuggestOptions | None = None,
) -> CheckResult:
    """run_check on the given paths (or the defaults), with a progress bar on a terminal;
    with `suggest`, on rules suggested from the documents."""
    from checker.pipeline import run_check

    try:
        with progress_bar() as progress:
            # no paths: the project config's (factcheck.yaml / [tool.factcheck]), else the default
            return run_check(
                paths or None,
                rules or None,
                execution=dataclasses.replace(execution, progress=progress),
                suggest=suggest,
            )
    except CheckerError as error:
        raise fail(error) from error


def suggest_options(suggest: bool, rules: list[Path] | None) -> SuggestOptions | None:
    """--suggest's options (None without it); exit 2 when rules are given too."""
    if not suggest:
        return None
    if rules:
        raise fail(CheckerError("--suggest makes the rules from the documents: drop --rules"))
    from checker.suggest import SuggestOptions

    return SuggestOptions()


@contextmanager
def execution(
    jobs: int,
    engine: EngineName | None,
    scheduler: str | None,
    no_cache: bool,
    cache_dir: Path | None,
) -> Iterator[Execution]:
    """How the run extracts, with the cache open (and closed at the end) unless `no_cache`.

    A cache that cannot be opened (a read-only checkout) is a warning: the run goes on
    without it, since the cache only saves time."""
    from checker.pipeline import Execution, open_project_cache

    cache: FigureCache | None = None
    if not no_cache:
        try:
            cache = open_project_cache(cache_dir)
        except CheckerError as error:
            typer.echo(f"warning: {error}; running without the cache", err=True)
    try:
        yield Execution(jobs=jobs, engine=engine, scheduler=scheduler, cache=cache)
    finally:
        if cache is not None:
            cache.close()


Paths = Annotated[list[Path] | None, typer.Argument(help="Documents: files, folders or globs.")]
Rules = Annotated[
    list[Path] | None,
    typer.Option("--rules", "-r", help="Rules file or folder; may repeat. [default: rules]"),
]
Suggest = Annotated[
    bool,
    typer.Option(
        "--suggest",
        help="No rules yet: suggest them from the documents in memory (as 'factcheck "
        "rules suggest' would) and use those; the report says so first.",
    ),
]
Jobs = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        help="Processes that extract figures: 0 uses every core once the corpus passes "
        "0.5 MB of text; 1 never starts another. The results are the same either way. "
        "With --engine dask and no --scheduler: the workers of the local cluster.",
    ),
]
Engine = Annotated[
    EngineName | None,
    typer.Option(
        "--engine",
        help="Where extraction runs: local processes, or a Dask cluster (pip install "
        "'factcheck[dask]'). [default: the config's engine, else local]",
        show_default=False,
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="A Dask scheduler's address (tcp://host:8786); implies --engine dask.",
    ),
]
NoCache = Annotated[
    bool,
    typer.Option("--no-cache", help="Extract every document again; read and write no cache."),
]
CacheDir = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        envvar="FACTCHECK_CACHE_DIR",
        help="Where the cache of extracted figures lives. [default: .factcheck-cache in the "
        "project folder]",
        show_default=False,
    ),
]


@app.command()
def check(
    paths: Paths = None,
    rules: Rules = None,
    csv: Annotated[Path, typer.Option(help="Where to write the discrepancy CSV.")] = DEFAULT_CSV,
    no_csv: Annotated[bool, typer.Option("--no-csv", help="Do not write the CSV.")] = False,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Format printed on stdout.")
    ] = Format.TERMINAL,
    output: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="[FORMAT=]PATH",
            help="Also write FORMAT to PATH (may repeat); a bare PATH takes the --format "
            "report instead of stdout.",
        ),
    ] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Exit 1 on findings at error severity (error), also on warning "
            "discrepancies (discrepancy), also on warning evolving findings (evolving), also on "
            "warning single-source findings "
            "(single-source), or never.",
        ),
    ] = FailOn.ERROR,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="Fail only on findings not in this baseline file (see 'factcheck baseline')."
        ),
    ] = None,
    color: Annotated[Color, typer.Option(help="Color the terminal report.")] = Color.AUTO,
    jobs: Jobs = 0,
    engine: Engine = None,
    scheduler: Scheduler = None,
    no_cache: NoCache = False,
    cache_dir: CacheDir = None,
    suggest: Suggest = False,
) -> None:
    """Compare the figures that several documents give for the same facts."""
    from checker.baseline import apply_baseline, load_baseline
    from checker.load import shown_path

    suggested = suggest_options(suggest, rules)
    try:
        stdout, files = plan_outputs(fmt, output or [], None if no_csv else csv)
        guard_outputs([path for _, path in files], paths, rules, baseline)
        accepted = load_baseline(baseline) if baseline is not None else None
    except CheckerError as error:
        raise fail(error) from error
    with execution(jobs, engine, scheduler, no_cache, cache_dir) as how:
        result = dataclasses.replace(run(paths, rules, how, suggested), fail_on=fail_on)
    if baseline is not None and accepted is not None:
        result = apply_baseline(result, accepted, shown_path(baseline).as_posix())
    echo_problems(result.problems)
    # Render everything before writing anything: a failure leaves no half-updated set.
    reports = [(path, render(result, f, color, to_file=True, path=path)) for f, path in files]
    printed = render(result, stdout, color) if stdout is not None else None
    write_files(reports)
    if printed is not None:
        typer.echo(printed, nl=False)
    raise typer.Exit(result.exit_code)


@app.command("baseline")
def make_baseline(
    paths: Paths = None,
    rules: Rules = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The baseline file to write.")
    ] = DEFAULT_BASELINE,
    jobs: Jobs = 0,
    engine: Engine = None,
    scheduler: Scheduler = None,
    no_cache: NoCache = False,
    cache_dir: CacheDir = None,
) -> None:
    """Record the current findings, so 'check --baseline' fails only on new ones."""
    from checker.baseline import entries as baseline_entries
    from checker.baseline import render as render_baseline

    try:
        guard_outputs([output], paths, rules)
    except CheckerError as error:
        raise fail(error) from error
    with execution(jobs, engine, scheduler, no_cache, cache_dir) as how:
        result = run(paths, rules, how)
    if result.problems:
        echo_problems(result.problems)
        # A baseline of a partly read corpus would call the unread documents' findings new.
        typer.echo("baseline: not written, because some documents could not be read", err=True)
        raise typer.Exit(ExitCode.ERROR)
    write_files([(output, render_baseline(result))])
    recorded = len(baseline_entries(result))
    typer.echo(
        f"baseline: {recorded} finding{'' if recorded == 1 else 's'} recorded in "
        f"{output.as_posix()}"
    )
    raise typer.Exit(ExitCode.OK)


rules_app = typer.Typer(
    help="Check rules files without documents: lint them, run their examples.",
    no_args_is_help=True,
)
app.add_typer(rules_app, name="rules")

RulesPaths = Annotated[
    list[Path] | None,
    typer.Argument(help="Rules files or folders. [default: the config's, else rules]"),
]


@rules_app.command("lint")
def rules_lint(paths: RulesPaths = None) -> None:
    """Validate rules files: every problem with file:line:col and a hint; exit 2 on any."""
    from checker.pipeline import lint_rules
    from checker.rules import rule_warnings

    try:
        ruleset = lint_rules(paths or None)
    except CheckerError as error:
        raise fail(error) from error
    warnings = rule_warnings(ruleset)
    for warning in warnings:
        typer.echo(warning.render())
    facts = len(ruleset.facts)
    groups = len(ruleset.origin_groups)
    typer.echo(
        f"rules ok: {facts} fact{'s' if facts != 1 else ''}, "
        f"{groups} origin group{'s' if groups != 1 else ''}"
        + (f", {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if warnings else "")
    )
    raise typer.Exit(ExitCode.OK)


@rules_app.command("test")
def rules_test(
    paths: RulesPaths = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="A fact without examples is a failure too.")
    ] = False,
) -> None:
    """Run every fact's examples; exit 1 when one fails, with the matcher's reason."""
    from checker.pipeline import run_rule_tests
    from checker.report import explain as explain_report

    try:
        ruleset, results = run_rule_tests(paths or None)
    except CheckerError as error:
        raise fail(error) from error
    untested = [f for f in ruleset.facts if not f.examples]
    typer.echo(explain_report.render_examples(results, untested), nl=False)
    failed = any(not r.passed for r in results) or (strict and bool(untested))
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)


class RulesFormat(StrEnum):
    YAML = "yaml"
    JSON = "json"


class AskedKind(StrEnum):
    TIME = "time"
    DURATION = "duration"
    AGE = "age"
    ORDINAL = "ordinal"


@rules_app.command("suggest")
def rules_suggest(
    paths: Paths = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the rules file here, not to stdout."),
    ] = None,
    min_documents: Annotated[
        int,
        typer.Option(
            "--min-documents", min=1, help="Propose facts reported by this many documents."
        ),
    ] = 2,
    everything: Annotated[
        bool, typer.Option("--all", help="Also propose facts only one document reports.")
    ] = False,
    kinds: Annotated[
        list[AskedKind] | None,
        typer.Option(
            "--kind",
            help="Also propose facts of this kind (may repeat): clock times, durations, "
            "ages and ordinals are never proposed otherwise.",
        ),
    ] = None,
    fmt: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="yaml (with comments) or json.")
    ] = RulesFormat.YAML,
    fact_prefix: Annotated[
        str, typer.Option("--fact-prefix", help="Put this before every fact id: 'maui-'.")
    ] = "",
    exclude_noun: Annotated[
        list[str] | None,
        typer.Option("--exclude-noun", help="Never propose facts counting this noun (may repeat)."),
    ] = None,
    rules: Rules = None,
    skip_covered: Annotated[
        bool,
        typer.Option(
            "--skip-covered",
            help="Leave out figures the existing rules (--rules, else the config's) already "
            "claim, to add the suggestions to them.",
        ),
    ] = False,
    jobs: Jobs = 0,
    engine: Engine = None,
    scheduler: Scheduler = None,
    no_cache: NoCache = False,
    cache_dir: CacheDir = None,
) -> None:
    """Suggest rules from the documents: the facts they report, with why, ready to check."""
    from checker.pipeline import input_files, run_suggest
    from checker.suggest import SuggestOptions

    options = SuggestOptions(
        min_documents=1 if everything else min_documents,
        kinds=tuple(k.value for k in kinds or []),
        fact_prefix=fact_prefix,
        exclude_nouns=tuple(exclude_noun or []),
        skip_covered=skip_covered,
    )
    reads_rules = bool(rules) or skip_covered
    try:
        if output is not None:
            # the rules folder is an input only when it is read: writing the suggestions
            # there again (rules/suggested.yaml) is no overwrite of what the run reads
            from checker.output import refuse_inputs, target

            target(output)
            inputs = input_files(paths or None, rules)
            read = [(what, p) for what, p in inputs if what != "rules file" or reads_rules]
            refuse_inputs([output], read)
        with execution(jobs, engine, scheduler, no_cache, cache_dir) as how:
            result = run_suggest(paths or None, options, rules or None, execution=how)
    except CheckerError as error:
        raise fail(error) from error
    echo_problems(result.problems)
    suggestion = result.suggestion
    if output is None:
        typer.echo(suggestion.render(fmt.value, Path("<stdout>")), nl=False)
    else:
        write_files([(output, suggestion.render(fmt.value, output))])
        typer.echo(f"suggested {suggestion.summary()} in {output.as_posix()}", err=True)
    if suggestion.empty():
        typer.echo(suggestion.empty(), err=True)
    raise typer.Exit(ExitCode.ERROR if result.problems else ExitCode.OK)


@app.command()
def explain(
    fact_id: Annotated[str, typer.Argument(help="The fact's id, as in the rules.")],
    paths: Paths = None,
    rules: Rules = None,
    everything: Annotated[
        bool,
        typer.Option("--all", help="List every claim and near miss, not the first 25 of each."),
    ] = False,
    jobs: Jobs = 0,
    engine: Engine = None,
    scheduler: Scheduler = None,
    no_cache: NoCache = False,
    cache_dir: CacheDir = None,
    suggest: Suggest = False,
) -> None:
    """Show the figures that matched a fact, the near misses and why, and how the verdict came."""
    from checker.pipeline import run_explain
    from checker.report import explain as explain_report

    suggested = suggest_options(suggest, rules)
    try:
        with execution(jobs, engine, scheduler, no_cache, cache_dir) as how:
            explanation = run_explain(
                fact_id, paths or None, rules or None, execution=how, suggest=suggested
            )
    except CheckerError as error:
        raise fail(error) from error
    echo_problems(explanation.problems)
    typer.echo(explain_report.render(explanation, everything=everything), nl=False)
    raise typer.Exit(ExitCode.ERROR if explanation.problems else ExitCode.OK)


@app.command()
def extract(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Documents: files, folders or globs.")
    ] = None,
    fmt: Annotated[
        FiguresFormat, typer.Option("--format", "-f", help="Format printed on stdout.")
    ] = FiguresFormat.TABLE,
    all_kinds: Annotated[
        bool,
        typer.Option("--all-kinds", help="Also list dates, years, times, ordinals, ages, ids."),
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the figures here, not stdout.")
    ] = None,
    unmatched: Annotated[
        bool,
        typer.Option("--unmatched", help="Only the figures no fact matched: what the rules miss."),
    ] = False,
    rules: Rules = None,
    jobs: Jobs = 0,
    engine: Engine = None,
    scheduler: Scheduler = None,
    no_cache: NoCache = False,
    cache_dir: CacheDir = None,
) -> None:
    """List every figure of every document, as the checker reads it.

    The listing is written a batch of documents at a time, so a huge corpus streams through
    (to a file, all of it or nothing)."""
    from checker.pipeline import iter_extract, iter_unmatched
    from checker.report.figures import FIGURE_STREAMERS, stream_table

    if unmatched and all_kinds:
        raise fail(CheckerError("--unmatched lists figures only; it cannot go with --all-kinds"))
    problems = 0

    def frames(items: Iterable[pd.DataFrame | InputProblem]) -> Iterator[pd.DataFrame]:
        nonlocal problems
        for item in items:
            if isinstance(item, InputProblem):
                problems += 1
                echo_problems([item])
            else:
                yield item

    try:
        guard_outputs([output] if output is not None else [], paths, rules)
        with execution(jobs, engine, scheduler, no_cache, cache_dir) as how:
            items = (
                iter_unmatched(paths or None, rules or None, execution=how)
                if unmatched
                else iter_extract(paths or None, all_kinds=all_kinds, execution=how)
            )
            if fmt is FiguresFormat.TABLE:
                width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
                pieces = stream_table(frames(items), width=None if output else width)
            else:
                pieces = FIGURE_STREAMERS[fmt.value](frames(items))
            if output is not None:
                write_files([(output, pieces)])
            else:
                for piece in pieces:
                    typer.echo(piece, nl=False)
    except CheckerError as error:
        raise fail(error) from error
    raise typer.Exit(ExitCode.ERROR if problems else ExitCode.OK)


@app.command()
def origins(
    paths: Paths = None,
    rules: Rules = None,
    fmt: Annotated[
        FiguresFormat, typer.Option("--format", "-f", help="Format printed on stdout.")
    ] = FiguresFormat.TABLE,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the origins here, not stdout.")
    ] = None,
    jobs: Jobs = 0,
) -> None:
    """List every origin of the corpus's figures and the speakers it stands for."""
    from checker.pipeline import run_origins
    from checker.report.origins import ORIGINS_RENDERERS
    from checker.report.origins import render_table as render_origins_table

    try:
        guard_outputs([output] if output is not None else [], paths, rules)
        result = run_origins(paths or None, rules or None, jobs=jobs)
    except CheckerError as error:
        raise fail(error) from error
    echo_problems(result.problems)
    if fmt is FiguresFormat.TABLE:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        report = render_origins_table(result, width=width)
    else:
        report = ORIGINS_RENDERERS[fmt.value](result)
    if output is not None:
        write_files([(output, report)])
    else:
        typer.echo(report, nl=False)
    raise typer.Exit(ExitCode.ERROR if result.problems else ExitCode.OK)


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    if version:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(ExitCode.OK)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM: a BaseException, so the run unwinds (workers are stopped, no
    output is left half-written) and click does not turn it into exit status 1."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


def main() -> None:
    """Console entry point: an unexpected exception exits 2, never 1 (1 means findings);
    Ctrl-C and SIGTERM stop the run cleanly with 130 and 143, as shells report them."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        app()
    except SystemExit:
        raise
    except Interrupted as stop:
        name = "interrupted" if stop.signum == signal.SIGINT else "terminated"
        typer.echo(f"factcheck: {name}", err=True)
        sys.exit(128 + stop.signum)
    except Exception as error:
        typer.echo(f"factcheck: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(ExitCode.ERROR)
