"""Every user-facing failure, each with the Location it is about."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from checker.model import Location, printable


class CheckerError(Exception):
    """The run could not be made (exit status 2); the message says where and why."""


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """One problem in a rules file, at the position of the offending key or value."""

    location: Location
    message: str
    hint: str = ""
    width: int = 1  # how many characters to underline

    def render(self, source: str | None = None) -> str:
        """'file:line:col: message', then the offending line underlined, then the hint.

        The excerpt is shown as a terminal can show it: control characters as U+FFFD, and a
        long line (a 5,000-digit number) cut to EXCERPT_CHARS around the column."""
        lines = [f"{self.location}: {self.message}"]
        if source is not None:
            text = _LINE_BREAK.split(source)
            n = self.location.line
            if 0 < n <= len(text):
                gutter = len(str(n))
                start = max(0, self.location.col - 1 - EXCERPT_CHARS // 3)
                if n > 1:
                    lines.append(f"  {n - 1:>{gutter}} | {_excerpt(text[n - 2], start)}")
                lines.append(f"  {n:>{gutter}} | {_excerpt(text[n - 1], start)}")
                pad = " " * (self.location.col - 1 - start + (1 if start else 0))
                carets = min(max(1, self.width), EXCERPT_CHARS - len(pad) + 1)
                lines.append(f"  {' ' * gutter} | {pad}{'^' * max(1, carets)}")
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)


# The line breaks YAML counts (so its marks' line numbers find the right line)
_LINE_BREAK: Final = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
# An excerpt line is cut to this many characters, from a third of it before the column.
EXCERPT_CHARS: Final = 120


def _excerpt(line: str, start: int) -> str:
    shown = printable(line)
    cut = shown[start : start + EXCERPT_CHARS]
    return ("…" if start else "") + cut + ("…" if start + EXCERPT_CHARS < len(shown) else "")


class RuleError(CheckerError):
    """Every problem found in the rules, reported together."""

    def __init__(self, problems: Sequence[RuleProblem], sources: dict[Path, str]) -> None:
        self.problems = tuple(problems)
        self.sources = sources
        super().__init__(self.render())

    def render(self) -> str:
        blocks = [p.render(self.sources.get(p.location.path)) for p in self.problems]
        count = len(self.problems)
        blocks.append(f"{count} problem{'s' if count != 1 else ''} in rules; nothing was checked.")
        return "\n".join(blocks)
