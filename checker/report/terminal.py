"""CheckResult -> the terminal report (rich): a summary line, then one block per fact.

Discrepancies come first, then single-source, then agreement. Each claim shows its raw text,
interval after tolerance, origin, outlet, file:line:col and the sentence with the figure
marked. Without color (NO_COLOR, a pipe, a CI log) the figure is marked «like this».
"""

from __future__ import annotations

from io import StringIO
from typing import Final

from rich.console import Console
from rich.text import Text

from checker.model import (
    BAD_STEPS,
    CheckResult,
    Claim,
    FailOn,
    Finding,
    Severity,
    Step,
    TimelineStep,
    Verdict,
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
CONTEXT_CHARS: Final = 70  # sentence text kept either side of the figure


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(result: CheckResult) -> str:
    """'2 documents, 30 figures (4 matched no fact), 10 facts: 0 discrepancies, …'"""
    figures = int(result.figures.shape[0])
    return (
        (f"{result.rules_note}; " if result.rules_note else "")
        + f"{_plural(len(result.documents), 'document')}, {_plural(figures, 'figure')} "
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
    """The sentence around the figure, the figure itself highlighted."""
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
    for claim in finding.claims:
        lines.extend(_claim_lines(claim, id(claim) in conflict, id(claim) in outliers, color))
    return lines


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
    text_width = max(len(s.claim.figure.text) for s in steps)
    origin_width = max(len(s.claim.origin) for s in steps)
    for step in steps:
        bad = step.step in BAD_STEPS
        line = Text(f"    {step.date or 'undated':<10}  ")
        line.append(STEP_MARKS[step.step], style="bold red" if bad else "dim")
        line.append(f"  {step.claim.figure.text:<{text_width}}  ", style="bold" if bad else "")
        line.append(f"{step.claim.origin:<{origin_width}}  ")
        line.append(step_note(step), style="bold red" if bad else "dim")
        lines.append(line)
    return lines


def render(result: CheckResult, *, color: bool = False, width: int | None = None) -> str:
    """The whole terminal report as a string; ANSI colors only when `color`.

    With a `width` (a terminal's) long lines wrap; without one (a pipe, a CI log, a file)
    each line stays whole, so it can be searched and diffed.
    """
    out = StringIO()
    console = Console(
        file=out,
        width=width or 10_000,
        soft_wrap=width is None,
        color_system="standard" if color else None,
        force_terminal=color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for problem in result.problems:
        console.print(Text(f"error: {problem}", style="bold red"))
    headline = Text("factcheck: ", style="bold")
    headline.append(summary(result))
    console.print(headline)
    for finding in result.findings:
        console.print()
        for line in _finding_block(result, finding, color):
            console.print(line)
    if result.notes:
        console.print()
        for note in result.notes:
            console.print(Text(f"note: {note}", style="dim"))
    if result.stale:
        console.print()
        stale = len(result.stale)
        entries = "1 entry no longer occurs" if stale == 1 else f"{stale} entries no longer occur"
        console.print(
            Text(
                f"baseline {result.baseline}: {entries}; "
                "refresh it with 'factcheck baseline' once fixed",
                style="yellow",
            )
        )
        for entry in result.stale:
            console.print(
                Text(f"  - {entry.fact} ({entry.verdict.value}): {'; '.join(entry.claims)}")
            )
    console.print()
    console.print(verdict_line(result))
    return out.getvalue()


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
