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
    from checker.config import Config
    from checker.pipeline import Execution
    from checker.suggest import SuggestOptions

# -h as well as --help, as ruff and Semgrep take it; help text that shows every default
CONTEXT: Final = {"help_option_names": ["-h", "--help"], "show_default": True}

app = typer.Typer(
    help="factcheck: do several documents agree on the figures they report?",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings=CONTEXT,
    # help text is plain: '[default: rules]' in an option's help is shown, not read as markup
    rich_markup_mode=None,
)


class Format(StrEnum):
    TERMINAL = "terminal"
    CONCISE = "concise"
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
    """`--color always|never` wins; then NO_COLOR (no-color.org) and FORCE_COLOR
    (force-color.org), each set to anything but the empty string; else color on a terminal
    only, never in a pipe or a CI log."""
    if choice is not Color.AUTO:
        return choice is Color.ALWAYS
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


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
    *,
    config: Config | None = None,
    execution: Execution | None = None,
) -> None:
    """Before anything is read: every output can be written and none is an input of a run on
    `paths` and `rules` (read with `config` and `execution`'s input options). Without a file
    to write, the inputs are not even listed (a walk of a large corpus costs a re-run from
    the cache a tenth of its time)."""
    from checker.output import refuse_inputs, target
    from checker.pipeline import input_files

    if not outputs:
        return
    for path in outputs:
        target(path)
    inputs = input_files(paths or None, rules, config, execution)
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
    quiet: bool = False,
    limit: int | None = None,
) -> str:
    """One report; the terminal one is colored and wrapped only when it goes to a terminal.
    `path` is the file it goes to, if any (the HTML report links documents relative to it);
    `quiet` keeps the terminal and concise reports to the findings that fail; `limit` is the
    Markdown report's size in bytes."""
    from checker.report import REPORTERS, concise, markdown, terminal

    if fmt is Format.HTML:
        from checker.report import html

        return html.render(result, root=link_root(path) if path is not None else "")
    if fmt is Format.TERMINAL:
        if to_file:
            return terminal.render(result, color=color is Color.ALWAYS, quiet=quiet)
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        return terminal.render(result, color=use_color(color), width=width, quiet=quiet)
    if fmt is Format.CONCISE:
        return concise.render(result, quiet=quiet)
    if fmt is Format.MARKDOWN and limit is not None:
        return markdown.render(result, limit=limit)
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
    config: Config | None = None,
    suggest: SuggestOptions | None = None,
) -> CheckResult:
    """run_check on the given paths (or the defaults), with a progress bar on a terminal;
    with `suggest`, on rules suggested from the documents."""
    from checker.pipeline import run_check

    try:
        with progress_bar() as progress:
            # no paths: the project config's (factcheck.yaml / [tool.factcheck]), else '.'
            return run_check(
                paths or None,
                rules or None,
                config,
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


def project_config(file: Path | None) -> Config:
    """The project config (`--config FILE`, else the nearest factcheck.yaml or
    [tool.factcheck] upwards); a bad one is exit 2 with every problem listed."""
    from checker.config import load_config

    try:
        return load_config(file=file)
    except CheckerError as error:
        raise fail(error) from error


def parse_fields(values: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """`--field text=body --field published=date` as (name, record field) pairs."""
    from checker.inputs import FIELD_NAMES

    pairs = []
    for value in values:
        name, sep, field = value.partition("=")
        if not sep or name not in FIELD_NAMES or not field.strip():
            raise fail(
                CheckerError(
                    f"--field {value}: expected NAME=FIELD, NAME one of {', '.join(FIELD_NAMES)}"
                )
            )
        pairs.append((name, field.strip()))
    return tuple(pairs)


def summary_file() -> str | None:
    """The job summary file of the GitHub Actions step, when there is one."""
    from checker.output import same_file_key

    name = os.environ.get("GITHUB_STEP_SUMMARY", "")
    return same_file_key(Path(name)) if name else None


def verbose(message: str) -> None:
    typer.echo(f"factcheck: {_shown(message)}", err=True)


@contextmanager
def execution(
    jobs: int,
    engine: EngineName | None,
    scheduler: str | None,
    no_cache: bool,
    cache_dir: Path | None,
    config: Config | None = None,
    *,
    fields: list[str] | None = None,
    stdin_filename: Path | None = None,
) -> Iterator[Execution]:
    """How the run extracts and reads its inputs (`--field`, `--stdin-filename`), with the
    cache open (and closed at the end) unless `no_cache`.

    A cache that cannot be opened (a read-only checkout) is a warning: the run goes on
    without it, since the cache only saves time."""
    from checker.pipeline import Execution, open_project_cache

    cache: FigureCache | None = None
    if not no_cache:
        try:
            cache = open_project_cache(cache_dir, config)
        except CheckerError as error:
            typer.echo(f"warning: {error}; running without the cache", err=True)
    try:
        yield Execution(
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            cache=cache,
            stdin_name=stdin_filename,
            fields=parse_fields(fields or []),
        )
    finally:
        if cache is not None:
            cache.close()


Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Documents: files, folders or globs; '-' reads standard input. "
        "[default: the config's paths, else .]",
        show_default=False,
    ),
]
ConfigFile = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="The project config to use (factcheck.yaml, or a pyproject.toml with "
        "[tool.factcheck]). [default: the nearest one upwards]",
        show_default=False,
    ),
]
FieldsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        metavar="NAME=FIELD",
        help="Which record field of a JSONL, CSV or Parquet export holds the text, id, "
        "title, outlet, published, url or origin (may repeat): --field text=body. "
        "[default: the config's fields, else the same names]",
        show_default=False,
    ),
]
StdinName = Annotated[
    Path | None,
    typer.Option(
        "--stdin-filename",
        metavar="NAME",
        help="The name standard input ('-') is shown as; its suffix picks the format "
        "(news/a.md is Markdown). [default: -, read as text]",
        show_default=False,
    ),
]
Quiet = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="Print only the findings that fail, nothing else on stdout."
    ),
]
Verbose = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        help="Say on stderr which config, paths, rules and outputs the run uses and what it read.",
    ),
]
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
    csv: Annotated[
        Path | None,
        typer.Option(
            help="Also write the discrepancy CSV here (as --output csv=PATH). "
            "[default: the config's outputs]",
            show_default=False,
        ),
    ] = None,
    no_csv: Annotated[
        bool, typer.Option("--no-csv", help="Write no CSV, not even the config's.")
    ] = False,
    no_outputs: Annotated[
        bool,
        typer.Option(
            "--no-outputs", help="Write none of the config's outputs, only those named here."
        ),
    ] = False,
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
            "report instead of stdout. The Markdown report to $GITHUB_STEP_SUMMARY is "
            "appended, kept under GitHub's 1 MiB.",
            show_default=False,
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
            help="Fail only on findings not in this baseline file (see 'factcheck baseline').",
            show_default=False,
        ),
    ] = None,
    color: Annotated[
        Color,
        typer.Option(
            help="Color the terminal report: auto is on a terminal only, unless NO_COLOR or "
            "FORCE_COLOR is set; always keeps colors through a pipe."
        ),
    ] = Color.AUTO,
    quiet: Quiet = False,
    verbose_: Verbose = False,
    config_file: ConfigFile = None,
    fields: FieldsOption = None,
    stdin_filename: StdinName = None,
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
    from checker.output import append_text, same_file_key

    suggested = suggest_options(suggest, rules)
    config = project_config(config_file)
    configured = [] if no_outputs else [f"{f}={p.as_posix()}" for f, p in config.outputs]
    if no_csv:
        configured = [o for o in configured if not o.startswith("csv=")]
    try:
        stdout, files = plan_outputs(fmt, [*configured, *(output or [])], None if no_csv else csv)
    except CheckerError as error:
        raise fail(error) from error
    summary = summary_file()
    appended = [(f, p) for f, p in files if f is Format.MARKDOWN and same_file_key(p) == summary]
    files = [item for item in files if item not in appended]
    with execution(
        jobs,
        engine,
        scheduler,
        no_cache,
        cache_dir,
        config,
        fields=fields,
        stdin_filename=stdin_filename,
    ) as how:
        try:
            guard_outputs(
                [path for _, path in files], paths, rules, baseline, config=config, execution=how
            )
            accepted = load_baseline(baseline) if baseline is not None else None
        except CheckerError as error:
            raise fail(error) from error
        if verbose_:
            _tell(config, paths, rules, [*files, *appended])
        result = dataclasses.replace(run(paths, rules, how, config, suggested), fail_on=fail_on)
    if baseline is not None and accepted is not None:
        result = apply_baseline(result, accepted, shown_path(baseline).as_posix())
    echo_problems(result.problems)
    if verbose_:
        verbose(f"read {result.documents} documents, {result.figures} numbers")
    # Render everything before writing anything: a failure leaves no half-updated set.
    reports = [
        (path, render(result, f, color, to_file=True, path=path, quiet=quiet)) for f, path in files
    ]
    summaries = [(path, _summary(result, path)) for _, path in appended]
    printed = render(result, stdout, color, quiet=quiet) if stdout is not None else None
    write_files(reports)
    try:
        for path, text in summaries:
            append_text(path, text)
    except CheckerError as error:
        raise fail(error) from error
    if printed is not None:
        # click drops ANSI codes when stdout is no terminal; --color always (or FORCE_COLOR)
        # asked for them through the pipe, and without color the report has none to drop
        typer.echo(printed, nl=False, color=True)
    raise typer.Exit(result.exit_code)


def _summary(result: CheckResult, path: Path) -> str:
    """The Markdown report for GitHub's job summary: appended to what the step wrote there
    before, both together under GitHub's 1 MiB."""
    from checker.report.markdown import SUMMARY_LIMIT

    try:
        used = path.stat().st_size
    except OSError:
        used = 0
    text = render(result, Format.MARKDOWN, Color.NEVER, limit=max(4096, SUMMARY_LIMIT - used))
    return text if used == 0 else "\n" + text


def _tell(
    config: Config,
    paths: list[Path] | None,
    rules: list[Path] | None,
    outputs: Sequence[tuple[Format, Path]],
) -> None:
    """What --verbose says before the run: where each setting comes from."""
    from checker.pipeline import DEFAULT_DOCUMENTS, DEFAULT_RULES

    verbose(f"config: {config.path.as_posix() if config.path else 'none found'}")
    where = "the command line" if paths else "the config" if config.paths else "the default"
    shown = paths or list(config.paths) or [DEFAULT_DOCUMENTS]
    verbose(f"documents ({where}): {', '.join(p.as_posix() for p in shown)}")
    chosen = rules or list(config.rules) or [DEFAULT_RULES]
    verbose(f"rules: {', '.join(p.as_posix() for p in chosen)}")
    for fmt, path in outputs:
        verbose(f"output: {fmt.value} to {path.as_posix()}")


@app.command("init")
def init(
    folder: Annotated[Path, typer.Argument(help="The project folder to write them in.")] = Path(),
    force: Annotated[
        bool, typer.Option("--force", help="Write over a factcheck.yaml or rules file there.")
    ] = False,
) -> None:
    """Write a commented factcheck.yaml and a first rules file to fill in."""
    from checker.init import init_project

    try:
        written = init_project(folder, force=force)
    except CheckerError as error:
        raise fail(error) from error
    typer.echo(f"wrote {written.config.as_posix()} and {written.rules.as_posix()}")
    typer.echo(
        f"next: add facts to {written.rules.as_posix()}, check them with 'factcheck rules "
        "lint', then run 'factcheck check'"
    )


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
    config_file: ConfigFile = None,
    fields: FieldsOption = None,
) -> None:
    """Record the current findings, so 'check --baseline' fails only on new ones."""
    from checker.baseline import entries as baseline_entries
    from checker.baseline import render as render_baseline

    config = project_config(config_file)
    with execution(jobs, engine, scheduler, no_cache, cache_dir, config, fields=fields) as how:
        try:
            guard_outputs([output], paths, rules, config=config, execution=how)
        except CheckerError as error:
            raise fail(error) from error
        result = run(paths, rules, how, config)
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
    context_settings=CONTEXT,
    rich_markup_mode=None,
)
app.add_typer(rules_app, name="rules")

RulesPaths = Annotated[
    list[Path] | None,
    typer.Argument(help="Rules files or folders. [default: the config's, else rules]"),
]


@rules_app.command("lint")
def rules_lint(paths: RulesPaths = None, config_file: ConfigFile = None) -> None:
    """Validate rules files: every problem with file:line:col and a hint; exit 2 on any."""
    from checker.config import load_config
    from checker.pipeline import lint_rules
    from checker.rules import rule_warnings

    try:
        config = load_config(file=config_file) if config_file is not None else None
        ruleset = lint_rules(paths or None, config)
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
    config_file: ConfigFile = None,
) -> None:
    """Run every fact's examples; exit 1 when one fails, with the matcher's reason."""
    from checker.config import load_config
    from checker.pipeline import run_rule_tests
    from checker.report import explain as explain_report

    try:
        config = load_config(file=config_file) if config_file is not None else None
        ruleset, results = run_rule_tests(paths or None, config)
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
    config_file: ConfigFile = None,
    fields: FieldsOption = None,
    stdin_filename: StdinName = None,
) -> None:
    """Suggest rules from the documents: the facts they report, with why, ready to check."""
    from checker.pipeline import input_files, run_suggest
    from checker.suggest import SuggestOptions

    config = project_config(config_file)

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
            inputs = input_files(paths or None, rules, config)
            read = [(what, p) for what, p in inputs if what != "rules file" or reads_rules]
            refuse_inputs([output], read)
        with execution(
            jobs,
            engine,
            scheduler,
            no_cache,
            cache_dir,
            config,
            fields=fields,
            stdin_filename=stdin_filename,
        ) as how:
            result = run_suggest(paths or None, options, rules or None, config, execution=how)
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
    config_file: ConfigFile = None,
    fields: FieldsOption = None,
    stdin_filename: StdinName = None,
) -> None:
    """Show the figures that matched a fact, the near misses and why, and how the verdict came."""
    from checker.pipeline import run_explain
    from checker.report import explain as explain_report

    suggested = suggest_options(suggest, rules)
    config = project_config(config_file)
    try:
        with execution(
            jobs,
            engine,
            scheduler,
            no_cache,
            cache_dir,
            config,
            fields=fields,
            stdin_filename=stdin_filename,
        ) as how:
            explanation = run_explain(
                fact_id, paths or None, rules or None, config, execution=how, suggest=suggested
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
    config_file: ConfigFile = None,
    fields: FieldsOption = None,
    stdin_filename: StdinName = None,
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

    config = project_config(config_file)
    try:
        with execution(
            jobs,
            engine,
            scheduler,
            no_cache,
            cache_dir,
            config,
            fields=fields,
            stdin_filename=stdin_filename,
        ) as how:
            outputs = [output] if output is not None else []
            guard_outputs(outputs, paths, rules, config=config, execution=how)
            items = (
                iter_unmatched(paths or None, rules or None, config, execution=how)
                if unmatched
                else iter_extract(paths or None, all_kinds=all_kinds, execution=how, config=config)
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
    config_file: ConfigFile = None,
    fields: FieldsOption = None,
) -> None:
    """List every origin of the corpus's figures and the speakers it stands for."""
    from checker.pipeline import Execution, run_origins
    from checker.report.origins import ORIGINS_RENDERERS
    from checker.report.origins import render_table as render_origins_table

    config = project_config(config_file)
    how = Execution(
        jobs=jobs,
        fields=parse_fields(fields or []),
    )
    try:
        guard_outputs(
            [output] if output is not None else [], paths, rules, config=config, execution=how
        )
        result = run_origins(paths or None, rules or None, config, execution=how)
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
    version: Annotated[
        bool, typer.Option("--version", "-V", help="Print the version and exit.")
    ] = False,
) -> None:
    if version:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(ExitCode.OK)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


def safe_streams() -> None:
    """On a terminal or pipe that cannot show UTF-8 (LANG=C on an old system, a Windows code
    page, PYTHONIOENCODING=latin-1), a character it lacks ('✓', '…', a name in Greek) is
    shown as '?' instead of ending the run with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf8sig") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


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
    safe_streams()
    try:
        app(prog_name="factcheck")
    except SystemExit:
        raise
    except Interrupted as stop:
        name = "interrupted" if stop.signum == signal.SIGINT else "terminated"
        typer.echo(f"factcheck: {name}", err=True)
        sys.exit(128 + stop.signum)
    except Exception as error:
        typer.echo(f"factcheck: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(ExitCode.ERROR)
