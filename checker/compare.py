"""Claims -> one Finding per Fact: agreement, discrepancy, evolving or single-source, and why.

Tolerance is a gap between two claims, measured once: two claims agree when the gap between
their intervals is at most the fact's tolerance ("470" and "more than 490" are 4.1% apart, so
at 2% they disagree). Each claim carries its halo, its interval widened by half the tolerance
on each side (``Tolerance.halo``), and two halos meet exactly when the gap is within the
tolerance. For intervals on a line, a set has no common value exactly when some *pair* is
disjoint (Helly's theorem in one dimension), so the conflicting set named is always a pair:
the claim whose lower bound is highest and the one whose upper bound is lowest. The majority
cluster is the largest set sharing one value; the claims outside it are the outliers.

A disagreement needs two documents: figures that disagree inside one document are that
document's own business (The Week gives both "about 3,000" and "about 1,000" sheltering), so
the fact rests on a single source and the finding shows the disagreement.

For a time-aware fact (``changes_over_time``) the claims are read in statement order, each
step marked (``Step``): a same-day contradiction or an unexplained step the wrong way is a
discrepancy; a timeline that only moves the way the fact allows, or by stated revisions, is
**evolving**.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import replace

from checker.model import (
    BAD_STEPS,
    MOVES,
    VERDICT_ORDER,
    Claim,
    Fact,
    Finding,
    Interval,
    Severity,
    Step,
    TimelineStep,
    Tolerance,
    Trend,
    Verdict,
    format_number,
    gap,
)


def common(intervals: Iterable[Interval]) -> Interval | None:
    """The values every interval allows, or None."""
    result: Interval | None = Interval(-math.inf, math.inf)
    for interval in intervals:
        if result is None:
            return None
        result = result.intersect(interval)
    return result


def _low_key(claim: Claim) -> tuple[float, bool]:
    return (claim.tolerated.low, not claim.tolerated.low_inclusive)


def _high_key(claim: Claim) -> tuple[float, bool]:
    return (claim.tolerated.high, claim.tolerated.high_inclusive)


def _ordered(first: Claim, second: Claim) -> tuple[Claim, Claim]:
    return (first, second) if first.sort_key <= second.sort_key else (second, first)


def conflicting_pair(claims: Sequence[Claim]) -> tuple[Claim, Claim]:
    """The two claims furthest apart: highest lower bound against lowest upper bound."""
    return _ordered(min(claims, key=_high_key), max(claims, key=_low_key))


def cross_document_pair(claims: Sequence[Claim]) -> tuple[Claim, Claim] | None:
    """The pair of claims from two different documents that is furthest apart, when it cannot
    both be true; None when every disagreement lies inside one document.

    Per document, its claim with the lowest upper bound and the one with the highest lower
    bound; the furthest pair across two documents is among the two best of each list.
    """
    lowest: dict[str, Claim] = {}
    highest: dict[str, Claim] = {}
    for claim in claims:
        doc = claim.figure.document
        if doc not in lowest or _high_key(claim) < _high_key(lowest[doc]):
            lowest[doc] = claim
        if doc not in highest or _low_key(claim) > _low_key(highest[doc]):
            highest[doc] = claim
    below = sorted(lowest.values(), key=_high_key)[:2]
    above = sorted(highest.values(), key=_low_key, reverse=True)[:2]
    for low in below:
        for high in above:
            if low.figure.document == high.figure.document:
                continue
            if low.tolerated.intersect(high.tolerated) is None:
                return _ordered(low, high)
            break  # the best high for this low agrees with it: so does every other
    return None


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

    The most-shared value always lies at the start of some claim's halo, so each claim is
    tried as the latest-starting member of a cluster: every claim starting no later that
    overlaps it shares the values just at its start. "more than 300" (open at 300) is found
    this way too, where probing only the bounds themselves would miss it. The cluster sizes of
    all probes come from two sorted lists (claims started minus claims already ended), so a
    fact with thousands of claims costs n log n, not n².
    """
    if not claims:
        return ()
    starts = sorted(_start_key(c.tolerated) for c in claims)
    ends = sorted(_ends_before(c.tolerated) for c in claims)
    sizes = [
        bisect.bisect_right(starts, _start_key(c.tolerated))
        - bisect.bisect_left(ends, _start_threshold(c.tolerated))
        for c in claims
    ]
    probe = claims[sizes.index(max(sizes))].tolerated
    start = _start_key(probe)
    return tuple(
        c
        for c in claims
        if _start_key(c.tolerated) <= start and c.tolerated.intersect(probe) is not None
    )


def describe_claim(claim: Claim) -> str:
    figure = claim.figure
    return f"'{figure.text}' ({figure.path.as_posix()}:{figure.line}, {claim.origin})"


def describe_gap(first: Claim, second: Claim, tolerance: Tolerance) -> str:
    """How far apart two claims are, against the tolerance: "'470' is 4.1% below 'more than
    490'; tolerance 2%"."""
    low, high = sorted((first, second), key=lambda c: (c.interval.low, c.interval.high))
    distance, share = gap(low.interval, high.interval)
    allowed = "no tolerance" if tolerance.value <= 0 else f"tolerance {tolerance}"
    if distance == 0:
        return f"'{low.figure.text}' only touches '{high.figure.text}'; {allowed}"
    amount = (
        f"{share * 100:.1f}%"
        if tolerance.relative and math.isfinite(share)
        else format_number(round(distance, 6))
    )
    return f"'{low.figure.text}' is {amount} below '{high.figure.text}'; {allowed}"


def agreed(claims: Sequence[Claim], tolerance: Tolerance) -> tuple[Interval, str]:
    """The values a set of agreeing claims shares, and how to say it: the values every claim
    allows, or, when they only meet within the tolerance, the span between them ("170" and
    "173" at 2%: [170, 173])."""
    shared = common(c.interval for c in claims)
    if shared is not None:
        return shared, f"every claim allows a value in {shared}"
    low = min(c.interval.high for c in claims)
    high = max(c.interval.low for c in claims)
    span = Interval(low, high)
    return span, f"the claims lie within the tolerance {tolerance} of one another ({span})"


def _copies(claims: Sequence[Claim]) -> str:
    """' (2 documents carry one wire copy)' when claims of several documents are one copy."""
    copies: dict[str, set[str]] = {}
    for claim in claims:
        if claim.copy_of:
            copies.setdefault(claim.copy_of, set()).add(claim.figure.document)
    shared = sorted(len(docs) for docs in copies.values() if len(docs) > 1)
    if not shared:
        return ""
    said = ", ".join(f"{n} documents carry one wire copy" for n in shared)
    return f" ({said})"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def publication_order(claims: Iterable[Claim], trend: Trend) -> list[Claim]:
    """Claims by the date of their statement. Claims of one day cannot be ordered by the date
    alone, so an earlier figure quoted that day comes first, then the rest in the order the
    trend allows (smallest first for a growing toll): two wires of the same day saying 30,000
    and 34,000 are an update whatever their file names. Undated claims come first."""

    def key(claim: Claim) -> tuple[str, int, float, tuple[str, int, int]]:
        iv = claim.tolerated
        value = -iv.high if trend is Trend.DECREASING else iv.low
        return (claim.figure.date, 0 if claim.figure.earlier else 1, value, claim.sort_key)

    return sorted(claims, key=key)


def _direction(claim: Claim, current: Claim, trend: Trend) -> int:
    """+1 when `claim` lies above `current`, -1 below, 0 when they agree (halos meet).

    A growing figure's claims say at least how far it has grown, so one whose lower bound
    passes the current one moves it up even where both allow a common value: "at least
    97", then "99" is a step up. A shrinking figure's upper bounds likewise."""
    if trend is Trend.INCREASING and _beyond(claim.tolerated.low, current.tolerated.low):
        return 1
    if trend is Trend.DECREASING and _beyond(current.tolerated.high, claim.tolerated.high):
        return -1
    if claim.tolerated.intersect(current.tolerated) is not None:
        return 0
    return 1 if claim.tolerated.low >= current.tolerated.high else -1


def _beyond(higher: float, lower: float) -> bool:
    """Whether bound `higher` lies above bound `lower` by more than their halos allow."""
    return math.isfinite(higher) and math.isfinite(lower) and higher > lower


def _lowers(claim: Claim, current: Claim, trend: Trend) -> bool:
    """Whether `claim` moves a bound of the current figure against the trend."""
    if trend is Trend.INCREASING:
        return claim.interval.low < current.interval.low
    if trend is Trend.DECREASING:
        return claim.interval.high > current.interval.high
    return claim.interval != current.interval


def timeline(claims: Sequence[Claim], trend: Trend) -> tuple[TimelineStep, ...]:
    """Each claim in statement order, marked by how it moves the current figure.

    The current figure is the latest claim that updated it. A claim that agrees with it
    leaves it as it is; one that moves the way the trend allows updates it, unless it comes
    from another origin on the same date and the two disagree (a same-day contradiction); one
    that moves the other way is a revision when the text says so ("revised down to 97"),
    else a wrong-way step, and the current figure stays. A stated revision is a revision
    even when it still allows the current figure ("revised downwards, to at least 97" after
    115). An earlier figure quoted later ("up
    from 61") is history: it is shown, never judged.
    """
    steps: list[TimelineStep] = []
    current: Claim | None = None
    for claim in publication_order(claims, trend):
        date = claim.figure.date
        if current is None:
            if claim.figure.earlier:
                steps.append(TimelineStep(date, claim, Step.EARLIER))
                continue
            steps.append(TimelineStep(date, claim, Step.FIRST))
            current = claim
            continue
        if claim.figure.earlier:
            steps.append(TimelineStep(date, claim, Step.EARLIER, current))
            continue
        direction = _direction(claim, current, trend)
        allowed = direction != 0 and (
            trend is Trend.ANY or direction == (1 if trend is Trend.INCREASING else -1)
        )
        # two origins the same day that no one value satisfies contradict each other; "101"
        # after "at least 97" the same day is the figure growing, not a contradiction
        same_day = (
            bool(date)
            and date == current.figure.date
            and claim.origin != current.origin
            and claim.tolerated.intersect(current.tolerated) is None
        )
        if direction == 0 and claim.figure.revision and _lowers(claim, current, trend):
            # "revised downwards, to at least 97" after 115: both allow 115, but the text
            # says the figure went down, and a reader wants to be told
            step = Step.REVISION
        elif direction == 0:
            step = Step.UNCHANGED
        elif same_day:
            step = Step.SAME_DAY
        elif allowed:
            step = Step.UPDATE
        elif claim.figure.revision:
            step = Step.REVISION
        else:
            step = Step.WRONG_WAY
        steps.append(TimelineStep(date, claim, step, current))
        if step in (Step.UPDATE, Step.REVISION):
            current = claim
    return tuple(steps)


def _step_text(step: TimelineStep) -> str:
    figure = step.claim.figure
    return f"'{figure.text}' ({step.date or 'undated'}, {step.claim.origin})"


def _bad_step_text(step: TimelineStep, trend: Trend) -> str:
    assert step.previous is not None, "a bad step is measured against an earlier claim"
    before = _step_text(TimelineStep(step.previous.figure.date, step.previous, Step.FIRST))
    if step.step is Step.SAME_DAY:
        return f"{_step_text(step)} contradicts {before} on the same day"
    way = "smaller" if trend is Trend.INCREASING else "larger"
    return f"{_step_text(step)} is {way} than earlier {before}, with no revision stated"


def _time_aware(
    fact: Fact, claims: tuple[Claim, ...], documents: int, origins: tuple[str, ...], where: str
) -> Finding | None:
    """The finding of a time-aware fact whose claims do not all agree, or None when they do."""
    assert fact.changes_over_time is not None
    trend = fact.changes_over_time
    steps = timeline(claims, trend)
    shared = common(c.tolerated for c in claims)
    if shared is not None:
        return None
    undated = sum(1 for c in claims if not c.figure.date)
    if undated:
        # an undated toll cannot be placed in time: say how it was read
        where += f" ({_count(undated, 'undated claim')} read as the earliest)"
    if documents < 2:
        why = (
            f"{where}: read in publication order, its figures change, but they all come from "
            "one document"
        )
        return _finish(
            fact, Verdict.SINGLE_SOURCE, claims, documents, origins, (), why, timeline=steps
        )
    # a step that contradicts a figure of the same document is that document's own business
    bad = [
        s
        for s in steps
        if s.step in BAD_STEPS
        and s.previous is not None
        and s.previous.figure.document != s.claim.figure.document
    ]
    if bad:
        pairs = {id(c): c for s in bad for c in (s.previous, s.claim) if c is not None}
        conflict = tuple(sorted(pairs.values(), key=lambda c: c.sort_key))
        why = f"{where}; read in publication order: " + "; ".join(
            _bad_step_text(s, trend) for s in bad
        )
        return _finish(
            fact, Verdict.DISCREPANCY, claims, documents, origins, conflict, why, timeline=steps
        )
    # the figures it went through, earlier ones quoted again included ("270 at first")
    path = [s for s in steps if s.step in MOVES or s.step is Step.EARLIER]
    revisions = sum(1 for s in path if s.step is Step.REVISION)
    # a change is a new value: "23, up from 23 quoted again" did not move the figure
    moves = sum(
        1 for a, b in itertools.pairwise(path) if a.claim.figure.value != b.claim.figure.value
    )
    changed = f"changed {_count(moves, 'time')}" + (
        f" ({_count(revisions, 'stated revision')})" if revisions else ""
    )
    shown = " → ".join(
        f"{s.claim.figure.text} ({'earlier, ' if s.step is Step.EARLIER else ''}"
        f"{s.date or 'undated'})"
        for s in path
    )
    current = [s for s in path if s.step is not Step.EARLIER]
    why = f"{where}; read in publication order, the figure {changed}: {shown}" + (
        f"; latest {_step_text(current[-1])}" if current else ""
    )
    return _finish(fact, Verdict.EVOLVING, claims, documents, origins, (), why, timeline=steps)


def compare_fact(fact: Fact, claims: Sequence[Claim]) -> Finding:
    """The verdict on one fact's claims (at least one), whatever its severity."""
    claims = tuple(sorted(claims, key=lambda c: c.sort_key))
    origins = tuple(sorted({c.origin for c in claims}))
    documents = len({c.figure.document for c in claims})
    where = f"{_count(documents, 'document')}, {_count(len(origins), 'origin')}" + _copies(claims)
    if fact.changes_over_time is not None and len(claims) > 1:
        changing = _time_aware(fact, claims, documents, origins, where)
        if changing is not None:
            return changing
    trend = fact.changes_over_time
    steps = timeline(claims, trend) if trend is not None and len(claims) > 1 else ()
    if common(c.tolerated for c in claims) is None:
        pair = cross_document_pair(claims)
        if pair is None:
            inner = conflicting_pair(claims)
            why = (
                f"{where}: its figures disagree ({describe_claim(inner[0])} and "
                f"{describe_claim(inner[1])}: {describe_gap(*inner, fact.tolerance)}), but "
                "inside one document; corroboration needs another document"
            )
            return _finish(fact, Verdict.SINGLE_SOURCE, claims, documents, origins, inner, why)
        why = (
            f"{where}; {describe_claim(pair[0])} and {describe_claim(pair[1])} cannot both be "
            f"true: {describe_gap(*pair, fact.tolerance)}"
        )
        cluster = majority(claims)
        members = {id(c) for c in cluster}
        outliers = tuple(c for c in claims if id(c) not in members)
        if not (len(cluster) > len(outliers) and outliers):
            return _finish(fact, Verdict.DISCREPANCY, claims, documents, origins, pair, why)
        shared_span, _ = agreed(cluster, fact.tolerance)
        why += (
            f"; {len(cluster)} of {len(claims)} claims agree on "
            f"{shared_span}, outlier{'s' if len(outliers) > 1 else ''}: "
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
            agreed=shared_span,
        )
    shared, said = agreed(claims, fact.tolerance)
    if len(origins) >= fact.min_origins and documents >= 2:
        why = f"{where}; {said}"
        return _finish(
            fact,
            Verdict.AGREEMENT,
            claims,
            documents,
            origins,
            (),
            why,
            agreed=shared,
            timeline=steps,
        )
    if len(claims) == 1:
        why = f"{where}: only {describe_claim(claims[0])} states it"
    elif documents < 2:
        why = f"{where}: {said}, but all in one document; corroboration needs another document"
    else:
        why = (
            f"{where} ({', '.join(origins)}): the claims agree on {shared} but "
            f"{'all repeat one originator' if len(origins) == 1 else 'too few origins'}"
            f"; corroboration needs {fact.min_origins}"
        )
    return _finish(
        fact,
        Verdict.SINGLE_SOURCE,
        claims,
        documents,
        origins,
        (),
        why,
        agreed=shared,
        timeline=steps,
    )


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
    timeline: tuple[TimelineStep, ...] = (),
) -> Finding:
    severity = {
        Verdict.DISCREPANCY: fact.discrepancy,
        Verdict.EVOLVING: fact.evolving,
        Verdict.SINGLE_SOURCE: fact.single_source,
        Verdict.AGREEMENT: Severity.OFF,
        Verdict.NO_CLAIM: fact.no_claim,
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
        timeline,
    )


def no_claim(fact: Fact, documents: int) -> Finding:
    """The finding of a fact no figure claims: a rule that is dead, or mistaken."""
    why = (
        f"no figure of the {_count(documents, 'document')} read matches the fact; "
        f"'factcheck explain {fact.id}' lists the figures that came close and why"
    )
    return _finish(fact, Verdict.NO_CLAIM, (), 0, (), (), why)


def _split(fact: Fact, claims: list[Claim]) -> list[tuple[Fact, list[Claim]]]:
    """A fact with `split_by: origin` as itself, across every origin, and as one fact per
    origin ("crowd-size@police"), each judged on its own claims: does each camp agree with
    itself? Any other fact as itself."""
    if fact.split_by != "origin":
        return [(fact, claims)]
    by_origin: dict[str, list[Claim]] = {}
    for claim in claims:
        by_origin.setdefault(claim.origin, []).append(claim)
    if len(by_origin) < 2:
        return [(fact, claims)]
    return [(fact, claims)] + [
        (
            replace(fact, id=f"{fact.id}@{origin}", title=f"{fact.title} ({origin})"),
            [replace(c, fact_id=f"{fact.id}@{origin}") for c in group],
        )
        for origin, group in sorted(by_origin.items())
    ]


def compare_claims(
    facts: Sequence[Fact], claims: Iterable[Claim], documents: int = 0
) -> tuple[Finding, ...]:
    """One finding per fact, discrepancies first; a fact no figure claims is a no-claim
    finding when `documents` were read; facts set to 'off' are hidden."""
    by_fact: dict[str, list[Claim]] = {}
    for claim in claims:
        by_fact.setdefault(claim.fact_id, []).append(claim)
    findings = []
    for order, fact in enumerate(facts):
        if fact.id not in by_fact:
            if documents and fact.no_claim is not Severity.OFF:
                findings.append((VERDICT_ORDER[Verdict.NO_CLAIM], order, no_claim(fact, documents)))
            continue
        for part, group in _split(fact, by_fact[fact.id]):
            finding = compare_fact(part, group)
            if finding.verdict is not Verdict.AGREEMENT and finding.severity is Severity.OFF:
                continue
            findings.append((VERDICT_ORDER[finding.verdict], order, finding))
    return tuple(f for _, _, f in sorted(findings, key=lambda t: t[:2]))
