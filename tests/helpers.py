"""Build small corpora and rules in a temporary folder, the way users lay them out."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from checker.model import CheckResult, Finding
from checker.pipeline import run_check

RULES = """\
defaults:
  tolerance: 2%
  no_claim: off  # these corpora leave one of the two facts unclaimed on purpose
origins:
  Israel: [Israel, IDF, Israel Defense Forces, Hagari]
facts:
  - id: drones-launched
    title: Drones Iran launched
    kind: count
    counts: [drones]
    context: [launch, sent, fire]
    exclude: [destroyer]
  - id: gaza-death-toll
    title: People killed in Gaza
    kind: count
    counts: [people, Palestinians]
    context: [killed]
    context_all: [Gaza]
    changes_over_time: increasing
"""


def corpus(
    folder: Path, documents: dict[str, tuple[str, str, str]], rules: str = RULES
) -> tuple[Path, Path]:
    """Write {file name: (outlet, published, text)} and a rules file; return both paths."""
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, (outlet, published, text) in documents.items():
        (docs / name).write_text(
            f"---\noutlet: {outlet}\npublished: {published}\n---\n{text}\n", encoding="utf-8"
        )
    rules_path = folder / "rules.yaml"
    rules_path.write_text(rules, encoding="utf-8")
    return docs, rules_path


def check(
    folder: Path, documents: dict[str, tuple[str, str, str]], rules: str = RULES
) -> CheckResult:
    """Run from `folder`, as users run from their project: documents are 'docs/NAME'."""
    folder = folder.resolve()
    docs, rules_path = corpus(folder, documents, rules)
    with contextlib.chdir(folder):
        return run_check([docs], [rules_path])


def finding(result: CheckResult, fact_id: str) -> Finding:
    (found,) = [f for f in result.findings if f.fact.id == fact_id]
    return found


def deny_open(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Opening a file called `name` fails as an unreadable file does (tests run as root,
    where permission bits deny nothing)."""
    real_open = os.open

    def deny(path: str, flags: int, *args: int, **kwargs: int) -> int:
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
