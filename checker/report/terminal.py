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

from checker.model import CheckResult, Claim, FailOn, Finding, Severity, Verdict, printable

STYLES: Final = {
    Verdict.DISCREPANCY: "bold red",
    Verdict.SINGLE_SOURCE: "bold yellow",
    Verdict.AGREEMENT: "bold green",
}
LABELS: Final = {
    Verdict.DISCREPANCY: "DISCREPANCY",
    Verdict.SINGLE_SOURCE: "SINGLE-SOURCE",
    Verdict.AGREEMENT: "AGREEMENT",
}
CONTEXT_CHARS: Final = 70  # sentence text kept either side of the figure


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(result: CheckResult) -> str:
    """'2 documents, 30 figures (4 matched no fact), 10 facts: 0 discrepancies, …'"""
    figures = int(result.figures.shape[0])
    return (
        f"{_plural(len(result.documents), 'document')}, {_plural(figures, 'figure')} "
        f"({result.unmatched} matched no fact), {_plural(len(result.findings), 'fact')}: "
        f"{result.count(Verdict.DISCREPANCY)} discrepancy, "
        f"{result.count(Verdict.SINGLE_SOURCE)} single-source, "
        f"{result.count(Verdict.AGREEMENT)} agreement"
    )


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


def _claim_lines(
    claim: Claim, tolerance: str, conflict: bool, outlier: bool, color: bool
) -> list[Text]:
    figure = claim.figure
    head = Text("  ✗ " if conflict else "  • ", style="red" if conflict else "")
    if outlier:
        head.append("outlier ", style="bold red")
    head.append(str(figure.location), style="blue")
    head.append("  ")
    head.append(figure.text, style="bold")
    head.append(f"  {figure.interval}", style="cyan")
    if str(claim.interval) != str(figure.interval):
        head.append(f" ±{tolerance} → {claim.interval}", style="dim")
    who = Text("    origin: ", style="dim")
    who.append(claim.origin)
    details = []
    if figure.origin and figure.origin != claim.origin:
        details.append(f"said by {figure.origin}")
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
    conflict = {id(c) for c in finding.conflict}
    outliers = {id(c) for c in finding.outliers}
    tolerance = str(finding.fact.tolerance)
    for claim in finding.claims:
        lines.extend(
            _claim_lines(claim, tolerance, id(claim) in conflict, id(claim) in outliers, color)
        )
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
        _print(console, Text(f"error: {problem}", style="bold red"))
    headline = Text("factcheck: ", style="bold")
    headline.append(summary(result))
    _print(console, headline)
    for finding in result.findings:
        _print(console)
        for line in _finding_block(result, finding, color):
            _print(console, line)
    if result.notes:
        _print(console)
        for note in result.notes:
            _print(console, Text(f"note: {note}", style="dim"))
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
        for entry in result.stale:
            _print(
                console,
                Text(f"  - {entry.fact} ({entry.verdict.value}): {'; '.join(entry.claims)}"),
            )
    _print(console)
    _print(console, verdict_line(result))
    return out.getvalue()


def _print(console: Console, line: Text | None = None) -> None:
    """Print one line that never carries a document's control characters: file names,
    sentences, origins and figure texts come from documents, and "\x1b[2J" would clear the
    reader's screen. Only the colors rich adds itself reach the terminal."""
    if line is None:
        console.print()
        return
    line.plain = printable(line.plain)  # one character for one: the styles stay in place
    console.print(line)


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
