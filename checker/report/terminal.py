"""CheckResult -> the terminal report (rich): a summary line, then one block per fact.

Discrepancies come first, then single-source, then agreement. Each claim shows its raw text,
interval after tolerance, origin, outlet, file:line:col and the sentence with the figure
marked. Without color (NO_COLOR, a pipe, a CI log) the figure is marked «like this».
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from io import StringIO
from typing import Final, TypeVar

from rich.console import Console
from rich.text import Text

from checker.model import (
    BAD_STEPS,
    SHOWN_CLAIMS,
    SHOWN_LINES,
    CheckResult,
    Claim,
    FailOn,
    Finding,
    Severity,
    Step,
    TimelineStep,
    Verdict,
    printable,
)

STYLES: Final = {
    Verdict.DISCREPANCY: "bold red",
    Verdict.EVOLVING: "bold magenta",
    Verdict.SINGLE_SOURCE: "bold yellow",
    Verdict.AGREEMENT: "bold green",
    Verdict.NO_CLAIM: "bold blue",
}
LABELS: Final = {
    Verdict.DISCREPANCY: "DISCREPANCY",
    Verdict.EVOLVING: "EVOLVING",
    Verdict.SINGLE_SOURCE: "SINGLE-SOURCE",
    Verdict.AGREEMENT: "AGREEMENT",
    Verdict.NO_CLAIM: "NO CLAIM",
}
STEP_MARKS: Final = {
    Step.FIRST: "·",
    Step.UNCHANGED: "=",
    Step.UPDATE: "↑",
    Step.REVISION: "↓",
    Step.EARLIER: "⋯",
    Step.WRONG_WAY: "✗",
    Step.SAME_DAY: "✗",
}
T = TypeVar("T")
CONTEXT_CHARS: Final = 70  # sentence text kept either side of the figure


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(result: CheckResult) -> str:
    """'2 documents, 30 figures (4 matched no fact), 10 facts: 0 discrepancies, …'"""
    return (
        (f"{result.rules_note}; " if result.rules_note else "")
        + f"{_plural(result.documents, 'document')}, {_plural(result.figures, 'figure')} "
        f"({result.unmatched} matched no fact), {_plural(len(result.findings), 'fact')}: "
        f"{counts(result)}"
    )


def counts(result: CheckResult) -> str:
    """'1 discrepancy, 0 evolving, 9 single-source, 1 agreement' (and ', 2 no-claim' when
    some facts claim nothing)"""
    shown = [Verdict.DISCREPANCY, Verdict.EVOLVING, Verdict.SINGLE_SOURCE, Verdict.AGREEMENT]
    if result.count(Verdict.NO_CLAIM):
        shown.append(Verdict.NO_CLAIM)
    return ", ".join(f"{result.count(verdict)} {verdict.value}" for verdict in shown)


def excerpt(sentence: str, offset: int, length: int, color: bool) -> Text:
    """The sentence around the figure, the figure itself highlighted; control characters
    shown as U+FFFD (printable keeps every offset where it is)."""
    sentence = printable(sentence)
    start = max(0, offset - CONTEXT_CHARS)
    end = min(len(sentence), offset + length + CONTEXT_CHARS)
    if start > 0:
        space = sentence.find(" ", start)
        start = space + 1 if 0 <= space < offset else start
    if end < len(sentence):
        space = sentence.rfind(" ", offset + length, end)
        end = space if space > 0 else end
    text = Text("…" if start > 0 else "", style="dim")
    text.append(" ".join(sentence[start:offset].split(" ")))
    figure = sentence[offset : offset + length]
    if color:
        text.append(figure, style="bold underline")
    else:
        text.append(f"«{figure}»")
    text.append(sentence[offset + length : end])
    if end < len(sentence):
        text.append("…", style="dim")
    return text


def _claim_lines(claim: Claim, conflict: bool, outlier: bool, color: bool) -> list[Text]:
    figure = claim.figure
    head = Text("  ✗ " if conflict else "  • ", style="red" if conflict else "")
    if outlier:
        head.append("outlier ", style="bold red")
    head.append(str(figure.location), style="blue")
    head.append("  ")
    head.append(figure.text, style="bold")
    head.append(f"  {claim.interval}", style="cyan")
    who = Text("    origin: ", style="dim")
    who.append(claim.origin)
    details = []
    if figure.origin and figure.origin != claim.origin:
        details.append(f"said by {figure.origin}")
    elif not figure.origin and figure.role:
        details.append(f"per {figure.role}")  # "according to the latest information"
    if figure.outlet and figure.outlet != claim.origin:
        details.append(f"in {figure.outlet}")
    if figure.published:
        details.append(figure.published)
    if details:
        who.append(f" ({', '.join(details)})", style="dim")
    body = Text("    ")
    body.append_text(
        excerpt(figure.sentence.replace("\n", " "), figure.offset, figure.length, color)
    )
    return [head, who, body]


def _finding_block(result: CheckResult, finding: Finding, color: bool) -> list[Text]:
    title = Text()
    title.append(LABELS[finding.verdict], style=STYLES[finding.verdict])
    if finding.verdict is not Verdict.AGREEMENT:
        title.append(f" [{finding.severity.value}]", style="dim")
    if result.is_baselined(finding):
        title.append(" (in baseline)", style="dim")
    elif result.fails(finding) and finding.severity is not Severity.ERROR:
        # A warning only fails because of --fail-on: say so, or the exit status surprises.
        title.append(f" (fails: --fail-on {result.fail_on.value})", style="bold")
    title.append(f"  {finding.fact.id}", style="bold")
    title.append(f" — {finding.fact.title}")
    why = Text("  why: ", style="dim")
    why.append(finding.why)
    lines = [title, why]
    if finding.timeline and finding.verdict is not Verdict.AGREEMENT:
        lines.extend(timeline_lines(finding.timeline))
    conflict = {id(c) for c in finding.conflict}
    outliers = {id(c) for c in finding.outliers}
    shown, hidden = finding.shown()
    for claim in shown:
        lines.extend(_claim_lines(claim, id(claim) in conflict, id(claim) in outliers, color))
    if hidden:
        lines.append(Text(f"  … and {left_out(hidden, 'claim')}: {EVERY_ONE}", style="dim"))
    return lines


def step_mark(step: TimelineStep) -> str:
    """The step's mark: an update or a revision by the way the figure moved (↑ up, ↓ down),
    whatever the fact's trend, so a falling toll's updates point down; the others by kind."""
    if step.step in (Step.UPDATE, Step.REVISION) and step.previous is not None:
        now, before = step.claim.figure.value, step.previous.figure.value
        if now != before:
            return "↑" if now > before else "↓"
    return STEP_MARKS[step.step]


def step_note(step: TimelineStep) -> str:
    """'update', "same-day: contradicts '85' (The Asia Live)", "wrong-way: after '99' (…)"."""
    if step.step in BAD_STEPS and step.previous is not None:
        verb = "contradicts" if step.step is Step.SAME_DAY else "after"
        return f"{step.step.value}: {verb} '{step.previous.figure.text}' ({step.previous.origin})"
    return step.step.value


def timeline_lines(steps: tuple[TimelineStep, ...]) -> list[Text]:
    """The timeline of a time-aware fact, one step a line, the offending steps marked:

    timeline (statement date → figure → origin):
      2023-08-13  ·  93            Maui County
      2023-08-22  ✗  114           Washington Post   same-day: contradicts 'at least 115'
    """
    lines = [Text("  timeline (statement date → figure → origin):", style="dim")]
    shown = shown_steps(steps)
    text_width = max(len(s.claim.figure.text) for s in shown)
    origin_width = max(len(s.claim.origin) for s in shown)
    for step in shown:
        bad = step.step in BAD_STEPS
        line = Text(f"    {step.date or 'undated':<10}  ")
        line.append(step_mark(step), style="bold red" if bad else "dim")
        line.append(f"  {step.claim.figure.text:<{text_width}}  ", style="bold" if bad else "")
        line.append(f"{step.claim.origin:<{origin_width}}  ")
        line.append(step_note(step), style="bold red" if bad else "dim")
        lines.append(line)
    if len(shown) < len(steps):
        more = left_out(len(steps) - len(shown), "step")
        lines.append(Text(f"    … and {more}: {EVERY_ONE}", style="dim"))
    return lines


def shown_steps(steps: Sequence[TimelineStep]) -> list[TimelineStep]:
    """At most SHOWN_CLAIMS steps of a long timeline, in order: the offending ones first,
    then the first and the latest, then others as they come."""
    if len(steps) <= SHOWN_CLAIMS:
        return list(steps)
    bad = [i for i, s in enumerate(steps) if s.step in BAD_STEPS]
    keep = set(bad[: SHOWN_CLAIMS - 2]) | {0, len(steps) - 1}
    for i in range(len(steps)):
        if len(keep) >= SHOWN_CLAIMS:
            break
        keep.add(i)
    return [s for i, s in enumerate(steps) if i in keep]


# Where the claims, notes and problems the terminal leaves out are listed.
EVERY_ONE: Final = "--format json lists every one"


def left_out(count: int, word: str, words: str = "") -> str:
    """'4,290 more claims', for what a report does not list."""
    return f"{count:,} more {word if count == 1 else words or word + 's'}"


def capped(items: Sequence[T]) -> tuple[Sequence[T], int]:
    """The first SHOWN_LINES items, and how many more there are."""
    return items[:SHOWN_LINES], max(0, len(items) - SHOWN_LINES)


def render(
    result: CheckResult, *, color: bool = False, width: int | None = None, quiet: bool = False
) -> str:
    """The whole terminal report as a string; ANSI colors only when `color`.

    With a `width` (a terminal's) long lines wrap with a hanging indent, each continuation
    under the text it continues; without one (a pipe, a CI log, a file) each line stays
    whole, so it can be searched and diffed. `quiet` keeps only the findings that fail.
    """
    if quiet:
        return _quiet(result, color, width)
    out = StringIO()
    console = _console(out, color, width)
    problems, more = capped(result.problems)
    for problem in problems:
        _print(console, Text(f"error: {problem}", style="bold red"))
    if more:
        _print(console, Text(f"error: … and {left_out(more, 'unreadable document')}", style="red"))
    headline = Text("factcheck: ", style="bold")
    headline.append(summary(result))
    _print(console, headline)
    for finding in result.findings:
        _print(console)
        for line in _finding_block(result, finding, color):
            _print(console, line)
    if result.notes:
        _print(console)
        notes, more = capped(result.notes)
        for note in notes:
            _print(console, Text(f"note: {note}", style="dim"))
        if more:
            _print(console, Text(f"note: … and {left_out(more, 'note')}: {EVERY_ONE}", style="dim"))
    if result.stale:
        _print(console)
        stale = len(result.stale)
        entries = "1 entry no longer occurs" if stale == 1 else f"{stale} entries no longer occur"
        _print(
            console,
            Text(
                f"baseline {result.baseline}: {entries}; "
                "refresh it with 'factcheck baseline' once fixed",
                style="yellow",
            ),
        )
        entries_shown, more = capped(result.stale)
        for entry in entries_shown:
            _print(
                console,
                Text(f"  - {entry.fact} ({entry.verdict.value}): {'; '.join(entry.claims)}"),
            )
        if more:
            _print(
                console,
                Text(f"  … and {left_out(more, 'entry', 'entries')}: {EVERY_ONE}", style="dim"),
            )
    _print(console)
    _print(console, verdict_line(result))
    return out.getvalue()


def _console(out: StringIO, color: bool, width: int | None) -> Console:
    return Console(
        file=out,
        width=width or 10_000,
        soft_wrap=width is None,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,  # asked for color: NO_COLOR in the environment is overruled
        highlight=False,
        emoji=False,
        markup=False,
    )


def _quiet(result: CheckResult, color: bool, width: int | None) -> str:
    """Only the findings that fail, each block as in the full report."""
    out = StringIO()
    console = _console(out, color, width)
    for n, finding in enumerate(f for f in result.findings if result.fails(f)):
        if n:
            _print(console)
        for line in _finding_block(result, finding, color):
            _print(console, line)
    return out.getvalue()


# A line's label, under whose end its continuation lines hang: "  why: ", "    origin: "
_LABEL: Final = re.compile(r"^ *(?:[•✗·] (?:outlier )?|[a-z]+: )?")


def hang(plain: str) -> int:
    """How far a wrapped line's continuation is indented: past its leading spaces and its
    bullet ('  ✗ ') or label ('  why: ', 'note: ')."""
    found = _LABEL.match(plain)
    indent = len(found.group()) if found else 0
    return min(indent or 2, 24)  # a heading's continuation sits under its words


def _print(console: Console, line: Text | None = None) -> None:
    """Print one line that never carries a document's control characters: file names,
    sentences, origins and figure texts come from documents, and "\x1b[2J" would clear the
    reader's screen. Only the colors rich adds itself reach the terminal. On a terminal a
    long line wraps with a hanging indent (`hang`)."""
    if line is None:
        console.print()
        return
    line.plain = printable(line.plain)  # one character for one: the styles stay in place
    width = console.width
    indent = hang(line.plain)
    if console.soft_wrap or len(line.plain) <= width or indent >= width // 2:
        console.print(line)
        return
    first, *rest = line.wrap(console, width)
    taken = len(first.plain)
    first.rstrip()
    console.print(first)
    if rest:
        remainder = line[taken:]
        remainder = remainder[len(remainder.plain) - len(remainder.plain.lstrip(" ")) :]
        for piece in remainder.wrap(console, width - indent):
            piece.rstrip()
            console.print(Text(" " * indent) + piece)


def verdict_line(result: CheckResult) -> Text:
    """'✗ 1 finding at error severity', with what --fail-on and the baseline changed."""
    failing = len(result.failing)
    accepted = sum(1 for f in result.findings if result.is_baselined(f) and result.would_fail(f))
    rule = (
        "at error severity"
        if result.fail_on is FailOn.ERROR
        else f"failing (--fail-on {result.fail_on.value})"
    )
    if failing:
        text = Text(f"✗ {_plural(failing, 'finding')} {rule}", style="bold red")
    else:
        text = Text(f"✓ no finding {rule}", style="bold green")
    if accepted:
        text.append(f"; {accepted} more accepted by the baseline", style="dim")
    return text
