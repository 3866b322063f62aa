"""run_check(paths, rules) -> CheckResult: the one place that chains the stages."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pandas as pd

from checker.compare import compare_claims
from checker.extract import extract_figures
from checker.load import iter_documents, load_documents
from checker.match import match_claims
from checker.model import FIGURE_KINDS, CheckResult, Document, Fact, InputProblem, empty_figures
from checker.rules import load_rules

DEFAULT_DOCUMENTS: Final = Path("seeds")
DEFAULT_RULES: Final = Path("rules")


def run_check(
    paths: Sequence[Path] = (DEFAULT_DOCUMENTS,), rules: Sequence[Path] = (DEFAULT_RULES,)
) -> CheckResult:
    """Load rules (RuleError if any is bad), then load, extract, match and compare."""
    ruleset = load_rules(rules)
    documents, problems = load_documents(paths)
    figures = extract_figures(documents)
    matches = match_claims(figures, ruleset)
    findings = compare_claims(ruleset.facts, matches.claims)
    claimed = {f.fact.id for f in findings}
    silent: list[Fact] = [f for f in ruleset.facts if f.id not in claimed]
    notes = list(matches.notes)
    if silent and documents:
        notes.append("no claim found for: " + ", ".join(f.id for f in silent))
    return CheckResult(
        documents=tuple(documents),
        figures=figures,
        findings=findings,
        unmatched=matches.unmatched,
        problems=tuple(problems),
        notes=tuple(notes),
    )


@dataclass(frozen=True, slots=True)
class ExtractResult:
    """What ``factcheck extract`` shows: the figures of every document, in document order."""

    figures: pd.DataFrame  # columns of FIGURE_COLUMNS
    problems: tuple[InputProblem, ...] = ()


def iter_extract(
    paths: Sequence[Path], all_kinds: bool = False, batch: int = 256
) -> Iterator[pd.DataFrame | InputProblem]:
    """Figures frames of `batch` documents at a time, and problems as they come: memory stays
    flat however large the corpus, and each frame is built once per batch, not per document."""
    kinds = {k.value for k in FIGURE_KINDS}
    pending: list[Document] = []

    def flush() -> pd.DataFrame:
        frame = extract_figures(pending)
        pending.clear()
        return frame if all_kinds else frame[frame["kind"].isin(kinds)]

    for item in iter_documents(paths):
        if not isinstance(item, Document):
            yield item
            continue
        pending.append(item)
        if len(pending) >= batch:
            yield flush()
    if pending:
        yield flush()


def run_extract(
    paths: Sequence[Path] = (DEFAULT_DOCUMENTS,), all_kinds: bool = False
) -> ExtractResult:
    """Every figure of every document (and non-figures with `all_kinds`), in document order.

    Further selections (for instance figures no rule matched) filter ``figures`` the same way.
    """
    frames: list[pd.DataFrame] = []
    problems: list[InputProblem] = []
    for item in iter_extract(paths, all_kinds):
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            frames.append(item)
    frames = [frame for frame in frames if not frame.empty]
    figures = pd.concat(frames, ignore_index=True) if frames else empty_figures()
    return ExtractResult(figures, tuple(problems))
