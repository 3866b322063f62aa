"""CheckResult -> str: every reporter is a pure function in the REPORTERS registry.

A reporter returns the whole output, so the CLI writes all of it or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from checker.model import CheckResult
from checker.report import csv, json, terminal

Reporter = Callable[[CheckResult], str]

REPORTERS: Final[dict[str, Reporter]] = {
    "terminal": terminal.render,
    "json": json.render,
    "csv": csv.render,
}
