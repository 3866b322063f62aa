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
from checker.pipeline import DEFAULT_DOCUMENTS, DEFAULT_RULES, run_check, run_extract
from checker.report import REPORTERS, terminal
from checker.report.figures import FIGURE_RENDERERS, render_table

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


class FiguresFormat(StrEnum):
    TABLE = "table"
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
        result = run_check(paths or [DEFAULT_DOCUMENTS], rules or [DEFAULT_RULES])
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
) -> None:
    """List every figure of every document, as the checker reads it."""
    result = run_extract(paths or [DEFAULT_DOCUMENTS], all_kinds=all_kinds)
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
