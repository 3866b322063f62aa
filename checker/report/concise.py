"""CheckResult -> one line per finding, as ruff's and Semgrep's concise output: for editors,
grep and a quick look in CI.

    seeds/003_979139c0287720a2.txt:20:178: error: drones-launched: discrepancy: '170' and …

Each line starts with the ``file:line:col`` of the finding's first piece of evidence (the
first claim of a discrepancy's conflicting pair), then the severity, the fact and the
verdict, then the explanation. Agreements are not listed; unreadable inputs come first, as
``file:line:col: error: input: message``. The last line counts what was found.
"""

from __future__ import annotations

from checker.model import CheckResult, Finding, Verdict, printable
from checker.report.terminal import counts, verdict_line

__all__ = ["render"]


def _line(result: CheckResult, finding: Finding) -> str:
    evidence = finding.evidence
    where = evidence[0].figure.location if evidence else finding.fact.location
    severity = "error" if result.fails(finding) else finding.severity.value
    baseline = " (in baseline)" if result.is_baselined(finding) else ""
    return printable(
        f"{where}: {severity}: {finding.fact.id}: {finding.verdict.value}{baseline}: {finding.why}"
    )


def render(result: CheckResult, *, quiet: bool = False) -> str:
    """The concise report; with `quiet`, only the findings that fail and no summary."""
    lines = [printable(f"{p.location}: error: input: {p.message}") for p in result.problems]
    for finding in result.findings:
        if finding.verdict is Verdict.AGREEMENT or (quiet and not result.fails(finding)):
            continue
        lines.append(_line(result, finding))
    if not quiet:
        lines.append(f"factcheck: {counts(result)}; {verdict_line(result).plain}")
    return "".join(line + "\n" for line in lines)
