"""Claims -> one Finding per Fact: agreement, discrepancy or single-source, and why.

Two claims agree when their intervals (after the fact's tolerance) overlap. For intervals on a
line, a set of claims has no common value exactly when some *pair* of them is disjoint (Helly's
theorem in one dimension), so the smallest conflicting set named is always a pair: the claim
whose lower bound is highest and the one whose upper bound is lowest. The majority cluster is
the largest set sharing one value; the claims outside it are the outliers.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence

from checker.model import (
    VERDICT_ORDER,
    Claim,
    Fact,
    Finding,
    Interval,
    Severity,
    Trend,
    Verdict,
)


def common(intervals: Iterable[Interval]) -> Interval | None:
    """The values every interval allows, or None."""
    result: Interval | None = Interval(-math.inf, math.inf)
    for interval in intervals:
        if result is None:
            return None
        result = result.intersect(interval)
    return result


def conflicting_pair(claims: Sequence[Claim]) -> tuple[Claim, Claim]:
    """The two claims furthest apart: highest lower bound against lowest upper bound."""
    high = max(claims, key=lambda c: (c.interval.low, not c.interval.low_inclusive))
    low = min(claims, key=lambda c: (c.interval.high, c.interval.high_inclusive))
    return (low, high) if low.sort_key <= high.sort_key else (high, low)


def _start_key(iv: Interval) -> tuple[float, int]:
    """Where an interval starts: (300, …) starts just after [300, …)."""
    return (iv.low, 0 if iv.low_inclusive else 1)


def _ends_before(iv: Interval) -> tuple[float, int]:
    """An interval whose end key is below this one's start threshold shares no value with it."""
    return (iv.high, 1 if iv.high_inclusive else 0)


def _start_threshold(iv: Interval) -> tuple[float, int]:
    return (iv.low, 1 if iv.low_inclusive else 2)


def majority(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """The largest set of claims that share one value (ties: the one found first).

    The most-shared value always lies at the start of some claim's interval, so each claim is
    tried as the latest-starting member of a cluster: every claim starting no later that
    overlaps it shares the values just at its start. "more than 300" (open at 300) is found
    this way too, where probing only the bounds themselves would miss it. The cluster sizes of
    all probes come from two sorted lists (claims started minus claims already ended), so a
    fact with thousands of claims costs n log n, not n².
    """
    if not claims:
        return ()
    starts = sorted(_start_key(c.interval) for c in claims)
    ends = sorted(_ends_before(c.interval) for c in claims)
    sizes = [
        bisect.bisect_right(starts, _start_key(c.interval))
        - bisect.bisect_left(ends, _start_threshold(c.interval))
        for c in claims
    ]
    probe = claims[sizes.index(max(sizes))].interval
    start = _start_key(probe)
    return tuple(
        c
        for c in claims
        if _start_key(c.interval) <= start and c.interval.intersect(probe) is not None
    )


def describe_claim(claim: Claim) -> str:
    figure = claim.figure
    return f"'{figure.text}' ({figure.path.as_posix()}:{figure.line}, {claim.origin})"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def publication_order(claims: Iterable[Claim], trend: Trend) -> list[Claim]:
    """Claims by publication date. Claims of one day cannot be ordered by the date alone, so
    they are taken in the order the trend allows (smallest first for a growing toll): two
    wires of the same day saying 30,000 and 34,000 are an update whatever their file names.
    Undated claims come first."""

    def key(claim: Claim) -> tuple[str, float, tuple[str, int, int]]:
        iv = claim.interval
        value = iv.low if trend is Trend.INCREASING else -iv.high
        return (claim.figure.published or "", value, claim.sort_key)

    return sorted(claims, key=key)


def _timeline_conflict(claims: Sequence[Claim], trend: Trend) -> tuple[Claim, Claim] | None:
    """For a figure that only grows (or shrinks), the first later claim that goes backwards."""
    ordered = publication_order(claims, trend)
    bound = -math.inf if trend is Trend.INCREASING else math.inf
    setter: Claim | None = None
    for claim in ordered:
        iv = claim.interval
        if trend is Trend.INCREASING:
            if setter is not None and iv.high < bound:
                return setter, claim
            if iv.low > bound:
                bound, setter = iv.low, claim
        else:
            if setter is not None and iv.low > bound:
                return setter, claim
            if iv.high < bound:
                bound, setter = iv.high, claim
    return None


def compare_fact(fact: Fact, claims: Sequence[Claim]) -> Finding:
    """The verdict on one fact's claims (at least one), whatever its severity."""
    claims = tuple(sorted(claims, key=lambda c: c.sort_key))
    origins = tuple(sorted({c.origin for c in claims}))
    documents = len({c.figure.document for c in claims})
    where = f"{_count(documents, 'document')}, {_count(len(origins), 'origin')}"
    if fact.changes_over_time is not None and len(claims) > 1:
        undated = sum(1 for c in claims if not c.figure.published)
        if undated:
            # an undated toll cannot be placed in time: say how it was read
            where += f" ({_count(undated, 'undated claim')} read as the earliest)"
        pair = _timeline_conflict(claims, fact.changes_over_time)
        if pair is None:
            verdict = (
                Verdict.AGREEMENT if len(origins) >= fact.min_origins else Verdict.SINGLE_SOURCE
            )
            why = (
                f"{where}; read in publication order, the figures fit a total that only "
                f"{'grows' if fact.changes_over_time is Trend.INCREASING else 'shrinks'}"
            )
            return _finish(fact, verdict, claims, documents, origins, (), why)
        earlier, later = pair
        direction = "smaller" if fact.changes_over_time is Trend.INCREASING else "larger"
        why = (
            f"{where}; later {describe_claim(later)} is {direction} than earlier "
            f"{describe_claim(earlier)}, but this figure only "
            f"{'grows' if fact.changes_over_time is Trend.INCREASING else 'shrinks'}"
        )
        return _finish(fact, Verdict.DISCREPANCY, claims, documents, origins, pair, why)
    shared = common(c.interval for c in claims)
    if shared is None:
        pair = conflicting_pair(claims)
        why = (
            f"{where}; {describe_claim(pair[0])} and {describe_claim(pair[1])} cannot both be true"
        )
        cluster = majority(claims)
        members = {id(c) for c in cluster}
        outliers = tuple(c for c in claims if id(c) not in members)
        if not (len(cluster) > len(outliers) and outliers):
            return _finish(fact, Verdict.DISCREPANCY, claims, documents, origins, pair, why)
        agreed = common(c.interval for c in cluster)
        why += (
            f"; {len(cluster)} of {len(claims)} claims agree on "
            f"{agreed}, outlier{'s' if len(outliers) > 1 else ''}: "
            + ", ".join(describe_claim(c) for c in outliers)
        )
        return _finish(
            fact,
            Verdict.DISCREPANCY,
            claims,
            documents,
            origins,
            pair,
            why,
            majority=cluster,
            outliers=outliers,
            agreed=agreed,
        )
    if len(origins) >= fact.min_origins:
        why = f"{where}; every claim allows a value in {shared}"
        return _finish(fact, Verdict.AGREEMENT, claims, documents, origins, (), why, agreed=shared)
    if len(claims) == 1:
        why = f"{where}: only {describe_claim(claims[0])} states it"
    else:
        why = (
            f"{where} ({', '.join(origins)}): the claims agree on {shared} but "
            f"{'all repeat one originator' if len(origins) == 1 else 'too few origins'}"
            f"; corroboration needs {fact.min_origins}"
        )
    return _finish(fact, Verdict.SINGLE_SOURCE, claims, documents, origins, (), why, agreed=shared)


def _finish(
    fact: Fact,
    verdict: Verdict,
    claims: tuple[Claim, ...],
    documents: int,
    origins: tuple[str, ...],
    conflict: tuple[Claim, ...],
    why: str,
    *,
    majority: tuple[Claim, ...] = (),
    outliers: tuple[Claim, ...] = (),
    agreed: Interval | None = None,
) -> Finding:
    severity = {
        Verdict.DISCREPANCY: fact.discrepancy,
        Verdict.SINGLE_SOURCE: fact.single_source,
        Verdict.AGREEMENT: Severity.OFF,
    }[verdict]
    return Finding(
        fact,
        verdict,
        severity,
        claims,
        documents,
        origins,
        conflict,
        why,
        majority,
        outliers,
        agreed,
    )


def compare_claims(facts: Sequence[Fact], claims: Iterable[Claim]) -> tuple[Finding, ...]:
    """One finding per fact that has claims, discrepancies first; facts set to 'off' are hidden."""
    by_fact: dict[str, list[Claim]] = {}
    for claim in claims:
        by_fact.setdefault(claim.fact_id, []).append(claim)
    findings = []
    for order, fact in enumerate(facts):
        if fact.id not in by_fact:
            continue
        finding = compare_fact(fact, by_fact[fact.id])
        if finding.verdict is not Verdict.AGREEMENT and finding.severity is Severity.OFF:
            continue
        findings.append((VERDICT_ORDER[finding.verdict], order, finding))
    return tuple(f for _, _, f in sorted(findings, key=lambda t: t[:2]))
