"""The typer CLI: parse options, call the pipeline, pick a reporter, set the exit code."""

from __future__ import annotations

import dataclasses
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Final, TextIO

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from checker import __version__
from checker.baseline import apply_baseline, load_baseline
from checker.baseline import entries as baseline_entries
from checker.baseline import render as render_baseline
from checker.errors import CheckerError
from checker.model import CheckResult, ExitCode, FailOn
from checker.pipeline import (
    find_unmatched,
    lint_rules,
    run_check,
    run_explain,
    run_extract,
    run_origins,
    run_rule_tests,
    run_suggest,
)
from checker.report import REPORTERS, html, terminal
from checker.report import explain as explain_report
from checker.report.figures import FIGURE_RENDERERS, render_table
from checker.report.origins import ORIGINS_RENDERERS
from checker.report.origins import render_table as render_origins_table
from checker.rules import rule_warnings
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


def _file_mode(path: Path) -> int:
    """The mode a plain open() would leave: an existing file keeps its own, a new one gets
    0o666 less the umask (mkstemp's 0o600 would hide a CI artifact from everyone else)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, content: str) -> None:
    """Write all of `content` or nothing: a temporary file beside `path`, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _file_mode(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        Path(tmp).chmod(mode)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report(path: Path, content: str) -> None:
    """write_atomic, with a file that cannot be written reported as a run error (exit 2)."""
    try:
        write_atomic(path, content)
    except OSError as error:
        message = f"{path.as_posix()}: cannot write: {error.strerror or error}"
        raise fail(CheckerError(message)) from error


def fail(error: CheckerError) -> typer.Exit:
    typer.echo(str(error), err=True)
    return typer.Exit(ExitCode.ERROR)


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
    if fmt is Format.HTML:
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
    stdout: Format | None = fmt
    files: dict[Path, Format] = {}
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
        if files.get(path, out_fmt) is not out_fmt:
            raise CheckerError(
                f"--output {path.as_posix()}: would get both {files[path].value} "
                f"and {out_fmt.value}"
            )
        files[path] = out_fmt
    return stdout, [(out_fmt, path) for path, out_fmt in files.items()]


class ProgressBar:
    """A transient rich progress bar on stderr, shown only for a large corpus on a terminal."""

    def __init__(self, console: Console, minimum: int = PROGRESS_MIN_DOCUMENTS) -> None:
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
    bar = ProgressBar(Console(file=stream))
    try:
        yield bar
    finally:
        bar.close()


def run(
    paths: list[Path] | None,
    rules: list[Path] | None,
    jobs: int = 0,
    suggest: SuggestOptions | None = None,
) -> CheckResult:
    """run_check on the given paths (or the defaults), with a progress bar on a terminal."""
    if suggest is not None and rules:
        raise fail(CheckerError("--suggest makes the rules from the documents: drop --rules"))
    try:
        with progress_bar() as progress:
            # no paths: the project config's (factcheck.yaml / [tool.factcheck]), else the default
            return run_check(
                paths or None, rules or None, progress=progress, jobs=jobs, suggest=suggest
            )
    except CheckerError as error:
        raise fail(error) from error


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
        "0.5 MB of text; 1 never starts another. The results are the same either way.",
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
    suggest: Suggest = False,
) -> None:
    """Compare the figures that several documents give for the same facts."""
    try:
        stdout, files = plan_outputs(fmt, output or [], None if no_csv else csv)
        accepted = load_baseline(baseline) if baseline is not None else None
    except CheckerError as error:
        raise fail(error) from error
    suggested = SuggestOptions() if suggest else None
    result = dataclasses.replace(run(paths, rules, jobs, suggested), fail_on=fail_on)
    if baseline is not None and accepted is not None:
        result = apply_baseline(result, accepted, baseline.as_posix())
    for problem in result.problems:
        typer.echo(f"{problem}", err=True)
    # Render everything before writing anything: a failure leaves no half-updated set.
    reports = [(path, render(result, f, color, to_file=True, path=path)) for f, path in files]
    printed = render(result, stdout, color) if stdout is not None else None
    for path, report in reports:
        write_report(path, report)
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
) -> None:
    """Record the current findings, so 'check --baseline' fails only on new ones."""
    result = run(paths, rules, jobs)
    if result.problems:
        for problem in result.problems:
            typer.echo(f"{problem}", err=True)
        # A baseline of a partly read corpus would call the unread documents' findings new.
        typer.echo("baseline: not written, because some documents could not be read", err=True)
        raise typer.Exit(ExitCode.ERROR)
    write_report(output, render_baseline(result))
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
) -> None:
    """Suggest rules from the documents: the facts they report, with why, ready to check."""
    options = SuggestOptions(
        min_documents=1 if everything else min_documents,
        kinds=tuple(k.value for k in kinds or []),
        fact_prefix=fact_prefix,
        exclude_nouns=tuple(exclude_noun or []),
        skip_covered=skip_covered,
    )
    try:
        result = run_suggest(paths or None, options, rules or None, jobs=jobs)
    except CheckerError as error:
        raise fail(error) from error
    for problem in result.problems:
        typer.echo(f"{problem}", err=True)
    target = output if output is not None else Path("<stdout>")
    text = result.suggestion.render(fmt.value, target)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_report(output, text)
        facts = len(result.suggestion.facts)
        typer.echo(
            f"suggested {facts} fact{'' if facts == 1 else 's'} from "
            f"{result.suggestion.documents} documents in {output.as_posix()}",
            err=True,
        )
    raise typer.Exit(ExitCode.ERROR if result.problems else ExitCode.OK)


@app.command()
def explain(
    fact_id: Annotated[str, typer.Argument(help="The fact's id, as in the rules.")],
    paths: Paths = None,
    rules: Rules = None,
    jobs: Jobs = 0,
    suggest: Suggest = False,
) -> None:
    """Show the figures that matched a fact, the near misses and why, and how the verdict came."""
    if suggest and rules:
        raise fail(CheckerError("--suggest makes the rules from the documents: drop --rules"))
    try:
        explanation = run_explain(
            fact_id,
            paths or None,
            rules or None,
            jobs=jobs,
            suggest=SuggestOptions() if suggest else None,
        )
    except CheckerError as error:
        raise fail(error) from error
    for problem in explanation.problems:
        typer.echo(f"{problem}", err=True)
    typer.echo(explain_report.render(explanation), nl=False)
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
) -> None:
    """List every figure of every document, as the checker reads it."""
    if unmatched and all_kinds:
        raise fail(CheckerError("--unmatched lists figures only; it cannot go with --all-kinds"))
    try:
        result = (
            find_unmatched(paths or None, rules or None, jobs=jobs)
            if unmatched
            else run_extract(paths or None, all_kinds=all_kinds, jobs=jobs)
        )
    except CheckerError as error:
        raise fail(error) from error
    for problem in result.problems:
        typer.echo(f"{problem}", err=True)
    if fmt is FiguresFormat.TABLE:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        report = render_table(result.figures, width=width)
    else:
        report = FIGURE_RENDERERS[fmt.value](result.figures)
    if output is not None:
        write_atomic(output, report)
    else:
        typer.echo(report, nl=False)
    raise typer.Exit(ExitCode.ERROR if result.problems else ExitCode.OK)


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
    try:
        result = run_origins(paths or None, rules or None, jobs=jobs)
    except CheckerError as error:
        raise fail(error) from error
    for problem in result.problems:
        typer.echo(f"{problem}", err=True)
    if fmt is FiguresFormat.TABLE:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        report = render_origins_table(result, width=width)
    else:
        report = ORIGINS_RENDERERS[fmt.value](result)
    if output is not None:
        write_report(output, report)
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


def main() -> None:
    """Console entry point: an unexpected exception exits 2, never 1 (1 means findings)."""
    try:
        app()
    except SystemExit:
        raise
    except Exception as error:
        typer.echo(f"factcheck: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(ExitCode.ERROR)
