"""One fact, its figures and its verdict -> an Explanation: what matched, what nearly did and
why not, and each step that led to the verdict. No printing: ``checker.report.explain``
renders it.

    factcheck explain drones-launched
    matched: '170' (noun 'drones', score 100)
    near miss: 'more than 80': excluded word 'destroyers' is in the sentence
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.compare import compare_fact, describe_gap
from checker.errors import CheckerError
from checker.extract.hedges import describe_hedges
from checker.model import (
    BAD_STEPS,
    DEFAULT_HEDGES,
    Claim,
    Explanation,
    Fact,
    Finding,
    NearMiss,
    RuleSet,
    Severity,
    Step,
    Trend,
    Verdict,
)
from checker.rules import suggest


def find_fact(rules: RuleSet, fact_id: str) -> Fact:
    """The fact with this id; CheckerError naming the nearest id otherwise."""
    for fact in rules.facts:
        if fact.id == fact_id:
            return fact
    hint = suggest(fact_id, [f.id for f in rules.facts])
    raise CheckerError(f"unknown fact id {fact_id!r}\n  hint: {hint}")


def explain_fact(
    fact_id: str,
    rules: RuleSet,
    claims: Iterable[Claim],
    near_misses: Iterable[NearMiss],
    findings: tuple[Finding, ...],
    documents: int,
) -> Explanation:
    """Gather the claims, near misses and verdict steps of one fact from a finished run
    (`claims` may be the whole run's: only the fact's are kept; `near_misses` are the fact's)."""
    fact = find_fact(rules, fact_id)
    claims = tuple(sorted((c for c in claims if c.fact_id == fact.id), key=_key))
    near = tuple(
        sorted(
            near_misses,
            key=lambda n: (n.figure.path.as_posix(), n.figure.line, n.figure.column),
        )
    )
    shown = next((f for f in findings if f.fact.id == fact.id), None)
    finding = shown or (compare_fact(fact, claims) if claims else None)
    hidden = finding is not None and shown is None
    return Explanation(fact, documents, claims, near, finding, hidden, _steps(fact, finding))


def _key(claim: Claim) -> tuple[str, int, int]:
    return claim.sort_key


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _quote(claim: Claim) -> str:
    return f"'{claim.figure.text}' {claim.interval}"


def _steps(fact: Fact, finding: Finding | None) -> tuple[str, ...]:
    if finding is None or finding.verdict is Verdict.NO_CLAIM:
        return ("no figure matched the fact, so there is no verdict; see the near misses",)
    claims = finding.claims
    steps = [
        f"{_plural(len(claims), 'claim')} in {_plural(finding.documents, 'document')}, "
        f"from {_plural(len(finding.origins), 'independent origin')}: " + ", ".join(finding.origins)
    ]
    if fact.tolerance.value > 0:
        measure = "of the larger facing bound" if fact.tolerance.relative else "apart"
        rule = (
            f"two claims agree when the gap between their intervals is at most the tolerance "
            f"{fact.tolerance} ({measure}), measured once"
        )
    else:
        rule = "two claims agree when their intervals share a value (tolerance 0)"
    if fact.hedges != DEFAULT_HEDGES:
        rule += f"; hedges read {describe_hedges(fact.hedges)}"
    steps.append(rule)
    if finding.timeline and finding.verdict is not Verdict.AGREEMENT:
        trend = fact.changes_over_time or Trend.ANY
        moves = {
            Trend.INCREASING: "only grows",
            Trend.DECREASING: "only shrinks",
            Trend.ANY: "may change either way",
        }[trend]
        steps.append(
            f"the figure {moves}, so claims are read in statement order: "
            + ", ".join(
                f"{s.date or 'undated'} {_quote(s.claim)} {s.step.value}" for s in finding.timeline
            )
        )
        if finding.verdict is Verdict.DISCREPANCY:
            way = "smaller" if trend is Trend.INCREASING else "larger"
            for s in finding.timeline:
                if s.step not in BAD_STEPS or s.previous is None:
                    continue
                if s.previous.figure.document == s.claim.figure.document:
                    continue  # inside one document: shown, never a contradiction
                said = f"{_quote(s.claim)} ({s.date or 'undated'}, {s.claim.origin})"
                if s.step is Step.SAME_DAY:
                    steps.append(
                        f"{said} contradicts {_quote(s.previous)} ({s.previous.origin}) of the "
                        "same day"
                    )
                else:
                    steps.append(
                        f"{said} comes after {_quote(s.previous)} and is {way}, with no revision "
                        "stated: not an update but a contradiction"
                    )
        elif finding.verdict is Verdict.EVOLVING:
            steps.append(
                "every step moves the way the fact allows, or is a stated revision: not a "
                "contradiction but a figure that changed"
            )
    elif finding.verdict is Verdict.DISCREPANCY:
        first, second = finding.conflict
        steps.append(
            f"no value satisfies every claim: {_quote(first)} and {_quote(second)} cannot both "
            f"be true ({describe_gap(first, second, fact.tolerance)}), the smallest set of "
            "claims that cannot all be true"
        )
        if finding.outliers:
            steps.append(
                f"{len(finding.majority)} of {len(claims)} claims agree on {finding.agreed}; "
                "outlier"
                + ("s" if len(finding.outliers) > 1 else "")
                + ": "
                + ", ".join(_quote(c) for c in finding.outliers)
            )
        else:
            steps.append("no majority: as many claims on one side as on the other")
    elif finding.conflict:
        first, second = finding.conflict
        steps.append(
            f"{_quote(first)} and {_quote(second)} disagree "
            f"({describe_gap(first, second, fact.tolerance)}), but inside one document"
        )
    else:
        steps.append(f"every claim allows a value in {finding.agreed}")
    if finding.verdict in (Verdict.AGREEMENT, Verdict.SINGLE_SOURCE):
        have = len(finding.origins)
        enough = "enough" if have >= fact.min_origins and finding.documents > 1 else "not enough"
        steps.append(
            f"corroboration needs {_plural(fact.min_origins, 'independent origin')} "
            f"in at least 2 documents; {_plural(have, 'origin')} in "
            f"{_plural(finding.documents, 'document')} is {enough}"
        )
    verdict = f"verdict: {finding.verdict.value}"
    if finding.verdict is not Verdict.AGREEMENT:
        verdict += f", severity {finding.severity.value}"
    if finding.severity is Severity.OFF and finding.verdict is not Verdict.AGREEMENT:
        verdict += " (hidden from the report)"
    steps.append(verdict)
    return tuple(steps)
