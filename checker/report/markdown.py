"""CheckResult -> Markdown, for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

A headline, a summary table with one row per fact, then one collapsible block per fact with
its claims (open when the finding fails the build). Document text is escaped, so a '|' or a
'*' in a sentence cannot break the table or start emphasis, and '<' cannot open HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Final

from checker.model import BAD_STEPS, CheckResult, Claim, Finding, Verdict, printable
from checker.report.terminal import (
    EVERY_ONE,
    capped,
    counts,
    excerpt,
    left_out,
    shown_steps,
    step_mark,
    summary,
    verdict_line,
)

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
    ]
    if finding.timeline and finding.verdict is not Verdict.AGREEMENT:
        lines += [
            "| Date | | Figure | Origin | Step |",
            "| --- | --- | --- | --- | --- |",
        ]
        steps = shown_steps(finding.timeline)
        for step in steps:
            bad = step.step in BAD_STEPS
            mark = step_mark(step)
            after = ""
            if bad and step.previous is not None:
                after = (
                    f": after {escape(step.previous.figure.text)} ({escape(step.previous.origin)})"
                )
            lines.append(
                f"| {escape(step.date or 'undated')} | {mark} "
                f"| {'**' if bad else ''}{escape(step.claim.figure.text)}{'**' if bad else ''} "
                f"| {escape(step.claim.origin)} | {step.step.value}{after} |"
            )
        if len(steps) < len(finding.timeline):
            more = left_out(len(finding.timeline) - len(steps), "step")
            lines += ["", f"_… and {more}: {EVERY_ONE}._"]
        lines.append("")
    if finding.claims:
        lines += [
            "| | Where | Figure | Interval | Origin | Sentence |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
    shown, hidden = finding.shown()
    for claim in shown:
        figure = claim.figure
        lines.append(
            f"| {'✗' if id(claim) in conflict else '•'} | {code(str(figure.location))} "
            f"| {escape(figure.text)} | {escape(str(claim.interval))} "
            f"| {escape(claim.origin)} | {_sentence(claim)} |"
        )
    if hidden:
        lines += ["", f"_… and {left_out(hidden, 'claim')}: {EVERY_ONE}._"]
    lines += ["", "</details>", ""]
    return lines


def _listed(lines: list[str], more_line: Callable[[int], str], blank: bool = True) -> list[str]:
    """The first of `lines` (see terminal.capped), a line saying how many more there are,
    and with `blank` an empty line after them; nothing for no lines."""
    shown, more = capped(lines)
    out = [*shown, *([more_line(more)] if more else [])]
    return [*out, ""] if out and blank else out


# GitHub keeps at most 1 MiB of a step's job summary and refuses the rest of it.
SUMMARY_LIMIT: Final = 1 << 20
# room kept for the line that says what was left out
_RESERVE: Final = 400


def render(result: CheckResult, *, limit: int = SUMMARY_LIMIT) -> str:
    """The Markdown report, at most `limit` bytes of UTF-8 (GitHub's job summary takes 1
    MiB): past it, the table's rows and the facts' blocks stop, and a last line says how
    many facts were left out."""
    head = [f"## factcheck: {counts(result)}", "", escape(summary(result)), ""]
    head += [f"**{escape(verdict_line(result).plain)}**", ""]
    head += _listed(
        [f"- ❌ {code(str(p.location))}: {escape(p.message)}" for p in result.problems],
        lambda more: f"- ❌ … and {left_out(more, 'unreadable document')}",
    )
    tail: list[str] = []
    if result.stale:
        tail += [f"**Baseline {code(result.baseline)}: entries that no longer occur**", ""]
        tail += _listed(
            [
                f"- {code(e.fact)} ({e.verdict.value}): {escape('; '.join(e.claims))}"
                for e in result.stale
            ],
            lambda more: f"- … and {left_out(more, 'entry', 'entries')}: {EVERY_ONE}",
            blank=False,
        )
        tail += ["", "Refresh the baseline with `factcheck baseline` once the fix is merged.", ""]
    tail += _listed(
        [f"> {escape(note)}" for note in result.notes],
        lambda more: f"> … and {left_out(more, 'note')}: {EVERY_ONE}",
    )
    budget = limit - _RESERVE - _size(head) - _size(tail)
    rows = [
        f"| {icon(result, f)} | {code(f.fact.id)} {escape(f.fact.title)} "
        f"| {_status(result, f)} | {f.documents} | {len(f.origins)} | {escape(f.why)} |"
        for f in result.findings
    ]
    table: list[str] = []
    details: list[str] = []
    shown = 0
    if rows:
        table = [
            "| | Fact | Verdict | Documents | Origins | Why |",
            "| --- | --- | --- | ---: | ---: | --- |",
        ]
        budget -= _size(table) + 1
    for row in rows:  # the table first: every fact's row before any fact's details
        if _size([row]) > budget:
            break
        table.append(row)
        budget -= _size([row])
        shown += 1
    listed = 0
    for finding in result.findings[:shown]:
        block = _details(result, finding)
        if _size(block) > budget:
            break
        details += block
        budget -= _size(block)
        listed += 1
    cut: list[str] = []
    if listed < len(result.findings):
        left = len(result.findings) - listed
        cut = [
            f"_… and {left_out(left, 'fact')} not detailed here, to keep under "
            f"{limit // 1024:,} KiB: {EVERY_ONE}._",
            "",
        ]
    lines = head + table + ([""] if table else []) + details + cut + tail
    return "\n".join(lines).rstrip("\n") + "\n"


def _size(lines: list[str]) -> int:
    """Bytes of `lines` as written, one line break each."""
    return sum(len(line.encode("utf-8")) + 1 for line in lines)
