"""One fact, its figures and its verdict -> an Explanation: what matched, what nearly did and
why not, and each step that led to the verdict. No printing: ``checker.report.explain``
renders it.

    factcheck explain drones-launched
    matched: '170' (noun 'drones', score 100)
    near miss: 'more than 80': excluded word 'destroyers' is in the sentence
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.compare import compare_fact, publication_order
from checker.errors import CheckerError
from checker.model import (
    Claim,
    Explanation,
    Fact,
    Finding,
    NearMiss,
    RuleSet,
    Severity,
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
    if finding is None:
        return ("no figure matched the fact, so there is no verdict; see the near misses",)
    claims = finding.claims
    steps = [
        f"{_plural(len(claims), 'claim')} in {_plural(finding.documents, 'document')}, "
        f"from {_plural(len(finding.origins), 'independent origin')}: " + ", ".join(finding.origins)
    ]
    widen = f"each interval is widened by the tolerance {fact.tolerance}"
    if fact.delta is not None:
        widen += f", after 'about'/'nearly' take the hedge width δ = {fact.delta:.0%}"
    steps.append(widen)
    if fact.changes_over_time is not None and len(claims) > 1:
        grows = fact.changes_over_time is Trend.INCREASING
        ordered = publication_order(claims, fact.changes_over_time)
        steps.append(
            f"the figure only {'grows' if grows else 'shrinks'}, so claims are read in "
            "publication order: "
            + ", ".join(f"{c.figure.published or 'undated'} {_quote(c)}" for c in ordered)
        )
        if finding.verdict is Verdict.DISCREPANCY:
            earlier, later = finding.conflict
            steps.append(
                f"{_quote(later)} comes after {_quote(earlier)} and is "
                f"{'smaller' if grows else 'larger'}: not an update but a contradiction"
            )
        else:
            steps.append(
                f"each later figure is an update of the earlier ones, never a step "
                f"{'back' if grows else 'up'}"
            )
    elif finding.verdict is Verdict.DISCREPANCY:
        first, second = finding.conflict
        steps.append(
            f"no value satisfies every claim: {_quote(first)} and {_quote(second)} "
            "do not overlap, the smallest set of claims that cannot all be true"
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
    else:
        steps.append(f"every claim allows a value in {finding.agreed}")
    if finding.verdict is not Verdict.DISCREPANCY:
        have = len(finding.origins)
        enough = "enough" if have >= fact.min_origins else "not enough"
        steps.append(
            f"corroboration needs {_plural(fact.min_origins, 'independent origin')}; "
            f"{have} is {enough}"
        )
    verdict = f"verdict: {finding.verdict.value}"
    if finding.verdict is not Verdict.AGREEMENT:
        verdict += f", severity {finding.severity.value}"
    if finding.severity is Severity.OFF and finding.verdict is not Verdict.AGREEMENT:
        verdict += " (hidden from the report)"
    steps.append(verdict)
    return tuple(steps)
