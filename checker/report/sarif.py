"""CheckResult -> SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; each fact with a finding is a rule (``reportingDescriptor``), each finding a
result. A result's locations are its claims' ``file:line:col``, relative to ``%SRCROOT%``
(the directory factcheck ran in), as CodeQL and Semgrep do; the conflicting claims of a
discrepancy come first, because viewers show the first location. ``partialFingerprints``
carries the meaning-based fingerprint, so code scanning tracks a finding across edits that
move its sentence. Agreements are results of kind ``pass``; baselined findings carry
``baselineState: unchanged`` and an external suppression; stale baseline entries are
results with ``baselineState: absent``. Input problems are tool notifications.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final
from urllib.parse import quote

from checker import __version__
from checker.model import (
    FINGERPRINT_VERSION,
    BaselineEntry,
    CheckResult,
    Claim,
    Fact,
    Finding,
    Severity,
    Verdict,
)

SCHEMA_URI: Final = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT: Final = "%SRCROOT%"
# the recipe's version is in the key, as in "primaryLocationLineHash/v1": a new recipe is a
# new key, so code scanning does not match old fingerprints against new ones
FINGERPRINT_KEY: Final = f"factcheck/v{FINGERPRINT_VERSION}"
LEVELS: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.OFF: "none"}

Json = dict[str, object]


def render(result: CheckResult) -> str:
    """The SARIF log as indented JSON."""
    return json.dumps(sarif_log(result), indent=2, ensure_ascii=False) + "\n"


def sarif_log(result: CheckResult) -> Json:
    """The SARIF log as builtin types."""
    facts = _facts(result)
    index = {fact.id: i for i, fact in enumerate(facts)}
    results: list[Json] = [_result(result, f, index[f.fact.id]) for f in result.findings]
    results.extend(_stale_result(entry, index) for entry in result.stale)
    run: Json = {
        "tool": {
            "driver": {
                "name": "factcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(fact) for fact in facts],
            }
        },
        "originalUriBaseIds": {
            SRCROOT: {"description": {"text": "The directory factcheck was run in."}}
        },
        "invocations": [_invocation(result)],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _facts(result: CheckResult) -> list[Fact]:
    """The facts that have a finding, by id, so rule indices do not move with verdicts."""
    by_id = {f.fact.id: f.fact for f in result.findings}
    return [by_id[key] for key in sorted(by_id)]


def _rule(fact: Fact) -> Json:
    nouns = ", ".join(fact.counts) if fact.counts else "any"
    return {
        "id": fact.id,
        "name": fact.id,
        "shortDescription": {"text": fact.title or fact.id},
        "fullDescription": {
            "text": (
                f"Do the documents agree on: {fact.title or fact.id}? Kind {fact.kind.value}, "
                f"counted nouns: {nouns}, tolerance {fact.tolerance}; defined at {fact.location}."
            )
        },
        "defaultConfiguration": {"level": LEVELS[fact.discrepancy]},
        "help": {
            "text": (
                "A discrepancy means no value satisfies every claim (for a figure that changes "
                "over time: a same-day contradiction or a step the wrong way); an evolving "
                "finding means the figure changed the way the fact allows; a single-source "
                "finding means the figure rests on one independent origin. Check the sources, "
                "correct the document, or accept the finding in a baseline (factcheck "
                "baseline)."
            )
        },
        "properties": {
            "tags": ["factcheck", fact.kind.value],
            "kind": fact.kind.value,
            "tolerance": str(fact.tolerance),
            "discrepancy": fact.discrepancy.value,
            "evolving": fact.evolving.value,
            "single_source": fact.single_source.value,
        },
    }


def _level(result: CheckResult, finding: Finding) -> str:
    if finding.verdict is Verdict.AGREEMENT:
        return "none"
    if result.would_fail(finding):
        return "error"
    return LEVELS[finding.severity]


def _result(result: CheckResult, finding: Finding, rule_index: int) -> Json:
    first = {id(c) for c in finding.conflict}
    claims = sorted(finding.claims, key=lambda c: id(c) not in first)  # stable: keeps order
    out: Json = {
        "ruleId": finding.fact.id,
        "ruleIndex": rule_index,
        "kind": "pass" if finding.verdict is Verdict.AGREEMENT else "fail",
        "level": _level(result, finding),
        "message": {"text": f"{finding.verdict.value}: {finding.why}"},
        "locations": [_location(c, i) for i, c in enumerate(claims)] or [_rule_location(finding)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "verdict": finding.verdict.value,
            "severity": finding.severity.value,
            "fails": result.fails(finding),
            "documents": finding.documents,
            "origins": list(finding.origins),
            "timeline": [
                {
                    "date": step.date,
                    "step": step.step.value,
                    "text": step.claim.figure.text,
                    "origin": step.claim.origin,
                    "location": str(step.claim.figure.location),
                }
                for step in finding.timeline
            ],
        },
    }
    if result.baseline:
        out["baselineState"] = "unchanged" if result.is_baselined(finding) else "new"
    if result.is_baselined(finding):
        out["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"accepted in the baseline {result.baseline}",
            }
        ]
    return out


def _stale_result(entry: BaselineEntry, index: dict[str, int]) -> Json:
    out: Json = {
        "ruleId": entry.fact,
        "kind": "informational",
        "level": "none",
        "message": {
            "text": f"baseline entry no longer occurs: {entry.verdict.value}: "
            + "; ".join(entry.claims)
        },
        "partialFingerprints": {FINGERPRINT_KEY: entry.fingerprint},
        "baselineState": "absent",
    }
    if entry.fact in index:
        out["ruleIndex"] = index[entry.fact]
    return out


def artifact(path: Path) -> Json:
    """A relative path under %SRCROOT%; a path outside the working directory as a file URI."""
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix()), "uriBaseId": SRCROOT}


def _location(claim: Claim, number: int) -> Json:
    figure = claim.figure
    region: Json = {"startLine": figure.line, "startColumn": figure.column}
    raw = figure.sentence[figure.offset : figure.offset + figure.length]
    if "\n" not in raw:
        # "more than\n300" spans two lines; its end column would be on the next line.
        region["endColumn"] = figure.column + figure.length
    region["snippet"] = {"text": raw}
    return {
        "id": number,
        "physicalLocation": {"artifactLocation": artifact(figure.path), "region": region},
        "message": {
            "text": f"{figure.text!r} {figure.interval}, origin {claim.origin}"
            + (f" ({figure.outlet})" if figure.outlet and figure.outlet != claim.origin else "")
        },
    }


def _rule_location(finding: Finding) -> Json:
    """Where a finding with no claim (a fact nothing matched) points: its rule."""
    where = finding.fact.location
    return {
        "id": 0,
        "physicalLocation": {
            "artifactLocation": artifact(where.path),
            "region": {"startLine": where.line, "startColumn": where.col},
        },
        "message": {"text": f"the rule of {finding.fact.id}"},
    }


def _invocation(result: CheckResult) -> Json:
    notifications = [
        {
            "level": "error",
            "message": {"text": problem.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": artifact(problem.location.path),
                        "region": {
                            "startLine": problem.location.line,
                            "startColumn": problem.location.col,
                        },
                    }
                }
            ],
        }
        for problem in result.problems
    ]
    out: Json = {"executionSuccessful": not result.problems}
    if notifications:
        out["toolExecutionNotifications"] = notifications
    return out
