"""Explanation -> text for ``factcheck explain``, and rule-example results -> text for
``factcheck rules test``. Pure functions: everything shown is already in the model."""

from __future__ import annotations

from collections.abc import Sequence

from checker.model import SHOWN_CLAIMS, Claim, ExampleResult, Explanation, Fact, NearMiss, printable
from checker.report.terminal import excerpt


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _sentence(offset: int, length: int, sentence: str) -> str:
    return "    " + excerpt(sentence.replace("\n", " "), offset, length, color=False).plain


def _rule(fact: Fact) -> str:
    parts = [f"kind {fact.kind.value}"]
    for name, words in (
        ("counts", fact.counts),
        ("context", fact.context),
        ("context_all", fact.context_all),
        ("exclude", fact.exclude),
        ("origins", fact.origins),
    ):
        if words:
            parts.append(f"{name} {', '.join(words)}")
    if fact.unit:
        parts.append(f"unit {fact.unit}")
    parts.append(f"tolerance {fact.tolerance}")
    if fact.window is not None:
        parts.append(f"window {fact.window} words")
    if fact.changes_over_time is not None:
        parts.append(f"changes_over_time {fact.changes_over_time.value}")
    return "  " + " · ".join(parts)


def _claim(claim: Claim, outlier: bool, conflict: bool) -> list[str]:
    f = claim.figure
    mark = "✗" if conflict else "✓"
    tags = [t for t, on in (("in conflict", conflict), ("outlier", outlier)) if on]
    noun = f"noun {f.noun!r} score {claim.score:.0f}" if f.noun else f"score {claim.score:.0f}"
    head = f"  {mark} {f.location}  {f.text}  {claim.interval}  {noun}  origin {claim.origin}" + (
        f"  [{', '.join(tags)}]" if tags else ""
    )
    return [head, _sentence(f.offset, f.length, f.sentence)]


def _near(miss: NearMiss, fact: Fact) -> list[str]:
    f = miss.figure
    # a fact without counted nouns scores every noun 100: only a real score is worth showing
    score = f"  (noun {f.noun!r} score {miss.score:.0f})" if fact.counts and f.noun else ""
    if "counted noun" in miss.reason:
        score = ""  # the reason already names the noun and its score
    return [
        f"  · {f.location}  {f.text}  {miss.reason}{score}",
        _sentence(f.offset, f.length, f.sentence),
    ]


def render(explanation: Explanation, *, everything: bool = False) -> str:
    """The fact's claims, its near misses with their reason, then the verdict's steps.

    At most SHOWN_CLAIMS of each are listed (the conflicting pair and outliers first), with a
    count of the rest, unless `everything` (``explain --all``)."""
    fact = explanation.fact
    finding = explanation.finding
    lines = [f"{fact.id} — {fact.title}  ({fact.location})", _rule(fact), ""]
    lines.append(
        f"matched: {_plural(len(explanation.claims), 'figure')} "
        f"in {_plural(explanation.documents, 'document')} read"
    )
    outliers = {id(c) for c in finding.outliers} if finding else set()
    conflict = {id(c) for c in finding.conflict} if finding else set()
    limit = len(explanation.claims) + len(explanation.near_misses) if everything else SHOWN_CLAIMS
    claims, hidden = (
        finding.shown(limit)
        if finding is not None and finding.claims == explanation.claims
        else (explanation.claims[:limit], max(0, len(explanation.claims) - limit))
    )
    for claim in claims:
        lines.extend(_claim(claim, id(claim) in outliers, id(claim) in conflict))
    if hidden:
        lines.append(f"  … and {hidden:,} more matched: explain --all lists every one")
    lines.append("")
    lines.append(f"near misses: {len(explanation.near_misses)}")
    for miss in explanation.near_misses[:limit]:
        lines.extend(_near(miss, fact))
    if len(explanation.near_misses) > limit:
        more = len(explanation.near_misses) - limit
        lines.append(f"  … and {more:,} more near misses: explain --all lists every one")
    lines.append("")
    lines.append("how the verdict was reached:")
    lines.extend(f"  {n}. {step}" for n, step in enumerate(explanation.steps, start=1))
    return _text(lines)


def _text(lines: list[str]) -> str:
    """One line per entry, each printable: figure texts, nouns and origins are documents'."""
    return "".join(printable(line) + "\n" for line in lines)


def render_examples(results: Sequence[ExampleResult], untested: Sequence[Fact] = ()) -> str:
    """Each failing example with its rules file position and reason, then a one-line summary."""
    lines: list[str] = []
    for result in results:
        if result.passed:
            continue
        example = result.example
        where = f"{example.location}: " if example.location else ""
        expected = "should match" if example.match else "should not match"
        if example.match and example.interval:
            expected += f" as {example.interval}"
        lines.append(f"{where}{result.fact_id}: example {expected}: {example.text!r}")
        lines.append(f"  reason: {result.reason}")
    for fact in untested:
        lines.append(f"{fact.location}: {fact.id}: no examples")
        lines.append("  hint: add examples: {match: [...], no_match: [...]} with real sentences")
    failed = sum(1 for r in results if not r.passed)
    facts = len({r.fact_id for r in results})
    summary = (
        f"{_plural(len(results), 'example')} of {_plural(facts, 'fact')}: "
        f"{len(results) - failed} passed, {failed} failed"
    )
    if untested:
        summary += f"; {_plural(len(untested), 'fact')} without examples"
    lines.append(summary)
    return _text(lines)
