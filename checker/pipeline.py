"""run_check(paths, rules) -> CheckResult: the one place that chains the stages."""

from __future__ import annotations

from collections.abc import Sequence
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

    documents: int
    figures: pd.DataFrame  # columns of FIGURE_COLUMNS
    problems: tuple[InputProblem, ...] = ()


def run_extract(
    paths: Sequence[Path] = (DEFAULT_DOCUMENTS,), all_kinds: bool = False
) -> ExtractResult:
    """Stream documents through extraction; keep figures only (and non-figures with `all_kinds`).

    Further selections (for instance figures no rule matched) filter ``figures`` the same way.
    """
    frames: list[pd.DataFrame] = []
    problems: list[InputProblem] = []
    documents = 0
    kinds = {k.value for k in FIGURE_KINDS}
    for item in iter_documents(paths):
        if not isinstance(item, Document):
            problems.append(item)
            continue
        documents += 1
        frame = extract_figures([item])
        if not all_kinds:
            frame = frame[frame["kind"].isin(kinds)]
        if not frame.empty:
            frames.append(frame)
    figures = pd.concat(frames, ignore_index=True) if frames else empty_figures()
    return ExtractResult(documents, figures, tuple(problems))
