"""CheckResult -> JUnit XML, for CI test-report views (GitLab, Jenkins, Azure, GitHub actions).

One test case per fact, named by its id, its class the rules file that defines it. A test
case fails exactly when its finding fails the build (so the report and the exit status never
disagree):
- a discrepancy at error severity: ``<failure type="discrepancy">``;
- a single-source finding at error severity, or at warning under ``--fail-on
  single-source``: ``<failure type="single-source">``;
- a finding at warning severity that does not fail: passes, the warning in ``<system-out>``
  (a JUnit viewer has no "warning" state, and a skip would read as "not checked");
- a finding the baseline accepts: ``<skipped>``, naming the baseline;
- an agreement: passes, its explanation in ``<system-out>``.
A document that could not be read is a test case with an ``<error>`` in the suite "inputs".
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Final

from checker.model import CheckResult, Finding, Verdict, printable
from checker.report.terminal import timeline_lines

SUITE: Final = "factcheck"
# XML 1.0 cannot hold most control characters, not even escaped; news text rarely has them,
# but one stray form feed must not make the whole report unreadable.
_NOT_XML: Final = re.compile("[\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text for XML and for whoever reads it in a terminal: each line printable (control
    characters as U+FFFD), the line breaks kept."""
    return "\n".join(_NOT_XML.sub("\ufffd", printable(line)) for line in text.split("\n"))


def _claims_text(finding: Finding) -> str:
    conflict = {id(c) for c in finding.conflict}
    lines = [finding.why]
    if finding.timeline and finding.verdict is not Verdict.AGREEMENT:
        lines.extend(line.plain.strip() for line in timeline_lines(finding.timeline))
    for claim in finding.claims:
        mark = "✗" if id(claim) in conflict else "•"
        lines.append(
            f"{mark} {claim.figure.location}  {claim.figure.text!r}  {claim.interval}"
            f"  origin: {claim.origin}"
        )
    return "\n".join(lines) + "\n"


def _testcase(result: CheckResult, finding: Finding) -> ET.Element:
    case = ET.Element(
        "testcase",
        {
            "classname": _clean(finding.fact.location.path.as_posix()),
            "name": finding.fact.id,
            "file": _clean(finding.fact.location.path.as_posix()),
            "line": str(finding.fact.location.line),
        },
    )
    details = _clean(_claims_text(finding))
    label = f"{finding.verdict.value} [{finding.severity.value}]"
    if result.fails(finding):
        failure = ET.SubElement(
            case,
            "failure",
            {"message": _clean(f"{label}: {finding.why}"), "type": finding.verdict.value},
        )
        failure.text = details
    elif result.is_baselined(finding):
        ET.SubElement(
            case,
            "skipped",
            {"message": _clean(f"{label} accepted in the baseline {result.baseline}")},
        )
        ET.SubElement(case, "system-out").text = details
    else:
        out = ET.SubElement(case, "system-out")
        prefix = "" if finding.verdict is Verdict.AGREEMENT else f"{label}: "
        out.text = _clean(prefix) + details
    return case


def _suite(name: str, cases: list[ET.Element]) -> ET.Element:
    suite = ET.Element(
        "testsuite",
        {
            "name": name,
            "tests": str(len(cases)),
            "failures": str(sum(1 for c in cases if c.find("failure") is not None)),
            "errors": str(sum(1 for c in cases if c.find("error") is not None)),
            "skipped": str(sum(1 for c in cases if c.find("skipped") is not None)),
        },
    )
    suite.extend(cases)
    return suite


def render(result: CheckResult) -> str:
    """The JUnit XML report, with an XML declaration and a trailing newline."""
    suites = [_suite(SUITE, [_testcase(result, f) for f in result.findings])]
    if result.problems:
        errors = []
        for problem in result.problems:
            case = ET.Element(
                "testcase",
                {"classname": "inputs", "name": _clean(problem.location.path.as_posix())},
            )
            ET.SubElement(case, "error", {"message": _clean(str(problem)), "type": "input"})
            errors.append(case)
        suites.append(_suite(f"{SUITE}.inputs", errors))
    root = ET.Element("testsuites", {"name": SUITE})
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    root.extend(suites)
    notes = [*result.notes]
    notes.extend(
        f"baseline entry no longer occurs: {e.fact} ({e.verdict.value}): {'; '.join(e.claims)}"
        for e in result.stale
    )
    if notes:
        ET.SubElement(suites[0], "system-out").text = _clean("\n".join(notes) + "\n")
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
