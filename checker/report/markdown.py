"""CheckResult -> Markdown, for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

A headline, a summary table with one row per fact, then one collapsible block per fact with
its claims (open when the finding fails the build). Document text is escaped, so a '|' or a
'*' in a sentence cannot break the table or start emphasis, and '<' cannot open HTML.
"""

from __future__ import annotations

import html
import re
from typing import Final

from checker.model import CheckResult, Claim, Finding, Verdict, printable
from checker.report.terminal import excerpt, summary, verdict_line

_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|#~])")
# Runs of whitespace (a newline would end a table row) become one space; edges are kept, so
# "none of the **170** drones" keeps the spaces around the bold figure.
_SPACE: Final = re.compile(r"\s+")


def escape(text: str) -> str:
    """Inline Markdown text: special characters escaped, newlines as spaces, control
    characters as U+FFFD (a rendered comment is safe, a `cat` of the file is not)."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", printable(text)))


def code(text: str) -> str:
    """Inline code; a backtick inside is avoided rather than escaped (Markdown cannot)."""
    return "`" + printable(text).replace("`", "'") + "`"


def icon(result: CheckResult, finding: Finding) -> str:
    if finding.verdict is Verdict.AGREEMENT:
        return "✅"
    if result.is_baselined(finding):
        return "🔕"
    return "❌" if result.fails(finding) else "⚠️"


def _status(result: CheckResult, finding: Finding) -> str:
    if finding.verdict is Verdict.AGREEMENT:
        return "agreement"
    status = f"{finding.verdict.value} ({finding.severity.value})"
    if result.is_baselined(finding):
        return status + ", in baseline"
    return status + (", fails" if result.fails(finding) else "")


def _sentence(claim: Claim) -> str:
    figure = claim.figure
    text = excerpt(figure.sentence.replace("\n", " "), figure.offset, figure.length, color=True)
    plain = text.plain
    marked = [span for span in text.spans if span.style == "bold underline"]
    if not marked:
        return escape(plain)
    start, end = marked[0].start, marked[0].end
    return f"{escape(plain[:start])}**{escape(plain[start:end])}**{escape(plain[end:])}"


def _details(result: CheckResult, finding: Finding) -> list[str]:
    fact = finding.fact
    opened = " open" if result.fails(finding) else ""
    conflict = {id(c) for c in finding.conflict}
    lines = [
        f"<details{opened}>",
        f"<summary>{icon(result, finding)} <code>{fact.id}</code> — "
        f"{html.escape(printable(fact.title))}: {_status(result, finding)}</summary>",
        "",
        f"{escape(finding.why)}",
        "",
        "| | Where | Figure | Interval | Origin | Sentence |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for claim in finding.claims:
        figure = claim.figure
        tolerated = "" if str(claim.interval) == str(figure.interval) else f" → {claim.interval}"
        lines.append(
            f"| {'✗' if id(claim) in conflict else '•'} | {code(str(figure.location))} "
            f"| {escape(figure.text)} | {escape(str(figure.interval) + tolerated)} "
            f"| {escape(claim.origin)} | {_sentence(claim)} |"
        )
    lines += ["", "</details>", ""]
    return lines


def render(result: CheckResult) -> str:
    """The Markdown report."""
    counts = (
        f"{result.count(Verdict.DISCREPANCY)} discrepancy, "
        f"{result.count(Verdict.SINGLE_SOURCE)} single-source, "
        f"{result.count(Verdict.AGREEMENT)} agreement"
    )
    lines = [f"## factcheck: {counts}", "", escape(summary(result)), ""]
    lines += [f"**{escape(verdict_line(result).plain)}**", ""]
    for problem in result.problems:
        lines.append(f"- ❌ {code(str(problem.location))}: {escape(problem.message)}")
    if result.problems:
        lines.append("")
    if result.findings:
        lines += [
            "| | Fact | Verdict | Documents | Origins | Why |",
            "| --- | --- | --- | ---: | ---: | --- |",
        ]
        lines += [
            f"| {icon(result, f)} | {code(f.fact.id)} {escape(f.fact.title)} "
            f"| {_status(result, f)} | {f.documents} | {len(f.origins)} | {escape(f.why)} |"
            for f in result.findings
        ]
        lines.append("")
    for finding in result.findings:
        lines += _details(result, finding)
    if result.stale:
        lines += [f"**Baseline {code(result.baseline)}: entries that no longer occur**", ""]
        lines += [
            f"- {code(e.fact)} ({e.verdict.value}): {escape('; '.join(e.claims))}"
            for e in result.stale
        ]
        lines += ["", "Refresh the baseline with `factcheck baseline` once the fix is merged.", ""]
    for note in result.notes:
        lines.append(f"> {escape(note)}")
    if result.notes:
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
