"""CheckResult -> GitHub Actions workflow commands, shown as annotations on the pull request.

One annotation per claim of each discrepancy (the conflicting claims) and single-source finding,
at the claim's ``file:line:col``, so each side of a contradiction is marked in its own file:
``::error file=wire.md,line=5,col=15,endColumn=18,title=…::message``. A finding that fails the
build is an ``error``, one that does not a ``warning``; agreements and findings the baseline
accepts are not annotated (they need no action). Unreadable documents are errors; stale
baseline entries are notices. Values are escaped as the runner expects: ``%``, CR and LF in
messages, and also ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from typing import Final

from checker.model import SHOWN_CLAIMS, CheckResult, Claim, Finding, Location, Verdict, printable

_DATA: Final = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY: Final = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def escape_data(text: str) -> str:
    """A message: '%', CR and LF escaped; other control characters as U+FFFD (the log
    viewer renders escape sequences)."""
    return printable(text.translate(_DATA))


def escape_property(text: str) -> str:
    """A property value (file, title): also ':' and ','."""
    return printable(text.translate(_PROPERTY))


def command(level: str, message: str, location: Location | None = None, **extra: object) -> str:
    """'::level file=…,line=…,col=…,title=…::message'."""
    properties: list[tuple[str, object]] = []
    if location is not None:
        properties += [
            ("file", location.path.as_posix()),
            ("line", location.line),
            ("col", location.col),
        ]
    properties += list(extra.items())
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{level}{' ' if props else ''}{props}::{escape_data(message)}"


def _annotation(result: CheckResult, finding: Finding, claim: Claim) -> str:
    figure = claim.figure
    level = "error" if result.fails(finding) else "warning"
    title = f"factcheck {finding.verdict.value}: {finding.fact.id}"
    message = (
        f"{finding.why}\nThis claim: {figure.text!r} {figure.interval}, origin {claim.origin}."
    )
    extra: dict[str, object] = {}
    raw = figure.sentence[figure.offset : figure.offset + figure.length]
    if "\n" not in raw:
        extra["endColumn"] = figure.column + figure.length
    return command(level, message, figure.location, **extra, title=title)


def render(result: CheckResult) -> str:
    """The workflow commands, one a line; empty when there is nothing to act on."""
    lines = [
        command("error", problem.message, problem.location, title="factcheck: unreadable input")
        for problem in result.problems
    ]
    for finding in result.findings:
        if finding.verdict is Verdict.AGREEMENT or result.is_baselined(finding):
            continue
        # GitHub shows 10 annotations of a kind per step: a fact resting on thousands of
        # claims gets the first SHOWN_CLAIMS and a notice that counts the rest
        evidence = finding.evidence[:SHOWN_CLAIMS]
        lines.extend(_annotation(result, finding, claim) for claim in evidence)
        if len(finding.evidence) > len(evidence):
            more = len(finding.evidence) - len(evidence)
            lines.append(
                command(
                    "notice",
                    f"{finding.fact.id}: {more:,} more claims not annotated; "
                    "the SARIF or JSON report lists every one.",
                    title=f"factcheck {finding.verdict.value}: {finding.fact.id}",
                )
            )
        if not finding.claims:
            # a fact nothing matched: the annotation goes on its rule
            level = "error" if result.fails(finding) else "warning"
            title = f"factcheck {finding.verdict.value}: {finding.fact.id}"
            lines.append(command(level, finding.why, finding.fact.location, title=title))
    lines.extend(
        command(
            "notice",
            f"{entry.fact} ({entry.verdict.value}) no longer occurs: {'; '.join(entry.claims)}."
            " Refresh the baseline with 'factcheck baseline'.",
            title=f"factcheck: stale baseline entry in {result.baseline}",
        )
        for entry in result.stale
    )
    return "".join(line + "\n" for line in lines)
