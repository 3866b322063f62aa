"""Every user-facing failure, each with the Location it is about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.model import Location


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
        """'file:line:col: message', then the offending line underlined, then the hint."""
        lines = [f"{self.location}: {self.message}"]
        if source is not None:
            text = source.splitlines()
            n = self.location.line
            if 0 < n <= len(text):
                gutter = len(str(n))
                if n > 1:
                    lines.append(f"  {n - 1:>{gutter}} | {text[n - 2]}")
                lines.append(f"  {n:>{gutter}} | {text[n - 1]}")
                pad = " " * (self.location.col - 1)
                lines.append(f"  {' ' * gutter} | {pad}{'^' * max(1, self.width)}")
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)


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
