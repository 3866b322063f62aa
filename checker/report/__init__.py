"""CheckResult -> str: every reporter is a pure function in the REPORTERS registry.

A reporter returns the whole output, so the CLI writes all of it or nothing. ``EXTENSIONS``
gives each format's usual file extension (golden files, default output names).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from checker.model import CheckResult
from checker.report import concise, csv, github, json, junit, markdown, sarif, terminal

Reporter = Callable[[CheckResult], str]


def _html(result: CheckResult) -> str:
    """The HTML report, imported when asked for: Jinja2 costs every other run a tenth of a
    second of start-up (a re-run from the cache takes about one)."""
    from checker.report import html

    return html.render(result)


REPORTERS: Final[dict[str, Reporter]] = {
    "terminal": terminal.render,
    "concise": concise.render,
    "json": json.render,
    "csv": csv.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "markdown": markdown.render,
    "html": _html,
}

EXTENSIONS: Final[dict[str, str]] = {
    "terminal": "txt",
    "concise": "concise.txt",
    "json": "json",
    "csv": "csv",
    "sarif": "sarif",
    "junit": "junit.xml",
    "github": "github.txt",
    "markdown": "md",
    "html": "html",
}
