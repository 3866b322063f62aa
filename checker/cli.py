"""The typer CLI: parse options, call the pipeline, pick a reporter, set the exit code."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from checker import __version__
from checker.errors import CheckerError
from checker.model import CheckResult, ExitCode
from checker.pipeline import lint_rules, run_check, run_explain, run_rule_tests
from checker.report import REPORTERS, terminal
from checker.report import explain as explain_report

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


class Color(StrEnum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


def use_color(choice: Color) -> bool:
    """Color on a terminal unless NO_COLOR is set; never in a pipe or a CI log."""
    if choice is Color.AUTO:
        return sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return choice is Color.ALWAYS


def write_atomic(path: Path, content: str) -> None:
    """Write all of `content` or nothing: a temporary file beside `path`, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fail(error: CheckerError) -> typer.Exit:
    typer.echo(str(error), err=True)
    return typer.Exit(ExitCode.ERROR)


def render(result: CheckResult, fmt: Format, color: Color) -> str:
    if fmt is Format.TERMINAL:
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        return terminal.render(result, color=use_color(color), width=width)
    return REPORTERS[fmt.value](result)


@app.command()
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Documents: files, folders or globs.")
    ] = None,
    rules: Annotated[
        list[Path] | None,
        typer.Option("--rules", "-r", help="Rules file or folder; may repeat. [default: rules]"),
    ] = None,
    csv: Annotated[Path, typer.Option(help="Where to write the discrepancy CSV.")] = DEFAULT_CSV,
    no_csv: Annotated[bool, typer.Option("--no-csv", help="Do not write the CSV.")] = False,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Format printed on stdout.")
    ] = Format.TERMINAL,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report here, not stdout.")
    ] = None,
    color: Annotated[Color, typer.Option(help="Color the terminal report.")] = Color.AUTO,
) -> None:
    """Compare the figures that several documents give for the same facts."""
    try:
        # no paths: the project config's (factcheck.yaml / [tool.factcheck]), else the default
        result = run_check(paths or None, rules or None)
    except CheckerError as error:
        raise fail(error) from error
    for problem in result.problems:
        typer.echo(f"{problem}", err=True)
    report = render(result, fmt, color)
    if not no_csv:
        write_atomic(csv, REPORTERS["csv"](result))
    if output is not None:
        write_atomic(output, report)
    else:
        typer.echo(report, nl=False)
    raise typer.Exit(result.exit_code)


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
    facts = len(ruleset.facts)
    groups = len(ruleset.origin_groups)
    typer.echo(
        f"rules ok: {facts} fact{'s' if facts != 1 else ''}, "
        f"{groups} origin group{'s' if groups != 1 else ''}"
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


@app.command()
def explain(
    fact_id: Annotated[str, typer.Argument(help="The fact's id, as in the rules.")],
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Documents: files, folders or globs.")
    ] = None,
    rules: Annotated[
        list[Path] | None,
        typer.Option("--rules", "-r", help="Rules file or folder; may repeat. [default: rules]"),
    ] = None,
) -> None:
    """Show the figures that matched a fact, the near misses and why, and how the verdict came."""
    try:
        explanation = run_explain(fact_id, paths or None, rules or None)
    except CheckerError as error:
        raise fail(error) from error
    for problem in explanation.problems:
        typer.echo(f"{problem}", err=True)
    typer.echo(explain_report.render(explanation), nl=False)
    raise typer.Exit(ExitCode.ERROR if explanation.problems else ExitCode.OK)


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
