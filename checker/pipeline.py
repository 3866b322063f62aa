"""run_check(paths, rules) -> CheckResult: the one place that chains the stages."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Final

from checker.compare import compare_claims
from checker.extract import extract_figures
from checker.load import load_documents
from checker.match import match_claims
from checker.model import CheckResult, Document, Fact
from checker.rules import load_rules

DEFAULT_DOCUMENTS: Final = Path("seeds")
DEFAULT_RULES: Final = Path("rules")


Progress = Callable[[int, int], None]


def run_check(
    paths: Sequence[Path] = (DEFAULT_DOCUMENTS,),
    rules: Sequence[Path] = (DEFAULT_RULES,),
    progress: Progress | None = None,
) -> CheckResult:
    """Load rules (RuleError if any is bad), then load, extract, match and compare.

    `progress(done, total)` is called after each document is extracted, for a progress bar.
    """
    ruleset = load_rules(rules)
    documents, problems = load_documents(paths)
    figures = extract_figures(documents if progress is None else _counted(documents, progress))
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


def _counted(documents: Sequence[Document], progress: Progress) -> Iterator[Document]:
    """Each document, then `progress(done, total)` once the extractor asks for the next one."""
    total = len(documents)
    for done, document in enumerate(documents, 1):
        yield document
        progress(done, total)
