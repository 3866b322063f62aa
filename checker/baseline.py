"""Baselines: accepted findings in, a CheckResult that fails only on new ones out.

A baseline file records the fingerprint of every discrepancy and single-source finding of a
run (`factcheck baseline`). Fingerprints hash what a finding *means* (fact, verdict, values,
and for a single-source finding its documents; see ``Finding.meaning``), never line numbers, so
editing unrelated text keeps a baseline valid. The file is JSON, sorted, one entry per
finding with a readable summary of its claims, so a reviewer sees what is being accepted.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Final

from checker.errors import CheckerError
from checker.files import LIMITS, FileProblem, read_text
from checker.model import (
    FINGERPRINT_VERSION,
    BaselineEntry,
    CheckResult,
    Verdict,
)

BASELINE_VERSION: Final = 1
_FINGERPRINT: Final = re.compile(r"[0-9a-f]{16}")
_KEYS: Final = ("fingerprint", "fact", "verdict", "claims")
# What each earlier fingerprint recipe did differently, so an old baseline says why it must be
# regenerated rather than only that it cannot be used.
_OLD_RECIPES: Final[dict[int, str]] = {
    1: "version 1 named a document by its file stem, so 'a/report.txt' and 'b/report.txt' "
    "were one document; version 2 names it by its path",
}


class BaselineError(CheckerError):
    """A baseline file that cannot be used: 'file[:line:col]: problem'."""


def entries(result: CheckResult) -> tuple[BaselineEntry, ...]:
    """One entry per discrepancy, evolving and single-source finding, by fact then fingerprint.

    Agreements are not recorded: nothing about them can fail. Warnings are, so that raising
    `--fail-on` later still respects what the team accepted.
    """
    found = {
        f.fingerprint: BaselineEntry(f.fingerprint, f.fact.id, f.verdict, f.summary())
        for f in result.findings
        if f.verdict is not Verdict.AGREEMENT
    }
    return tuple(sorted(found.values(), key=lambda e: (e.fact, e.verdict.value, e.fingerprint)))


def render(result: CheckResult) -> str:
    """The baseline file for `result`: JSON, stable order, a trailing newline."""
    document = {
        "factcheck_baseline": BASELINE_VERSION,
        "fingerprint_version": FINGERPRINT_VERSION,
        "findings": [e.to_record() for e in entries(result)],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: Path) -> tuple[BaselineEntry, ...]:
    """Read a baseline file; BaselineError names the file and the problem."""
    if not (path.exists() or path.is_symlink()):
        raise BaselineError(
            f"{path.as_posix()}: no such baseline file; create it with 'factcheck baseline'"
        )
    try:
        text = read_text(path, LIMITS["baseline"])
    except FileProblem as error:
        where = f"{path.as_posix()}:{error.line}:{error.col}"
        raise BaselineError(f"{where}: cannot read baseline: {error.message}") from None
    return parse_baseline(text, path)


def parse_baseline(text: str, path: Path) -> tuple[BaselineEntry, ...]:
    """Entries of a baseline file's text; every structural problem is a BaselineError."""
    where = path.as_posix()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(
            f"{where}:{error.lineno}:{error.colno}: invalid baseline JSON: {error.msg}"
        ) from None
    except RecursionError:
        raise BaselineError(f"{where}: invalid baseline JSON: nested too deeply") from None
    except ValueError as error:
        # int() refuses a number of over 4,300 digits: "Exceeds the limit (4300 digits)…"
        raise BaselineError(f"{where}: invalid baseline JSON: {error}") from None
    if not isinstance(data, dict) or "factcheck_baseline" not in data:
        raise BaselineError(
            f"{where}: not a factcheck baseline (no 'factcheck_baseline' key); "
            "create it with 'factcheck baseline'"
        )
    if not _is_int(data["factcheck_baseline"], BASELINE_VERSION):
        raise BaselineError(
            f"{where}: baseline version {_shown(data['factcheck_baseline'])} is not supported "
            f"(expected {BASELINE_VERSION})"
        )
    version = data.get("fingerprint_version")
    if not _is_int(version, FINGERPRINT_VERSION):
        # Comparing fingerprints made by another recipe would call every finding new.
        why = _OLD_RECIPES.get(version) if type(version) is int else None
        raise BaselineError(
            f"{where}: fingerprints of version {_shown(version)} cannot be compared with version "
            f"{FINGERPRINT_VERSION}{f' ({why})' if why else ''}; "
            "regenerate it with 'factcheck baseline'"
        )
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise BaselineError(f"{where}: 'findings' should be a list")
    return tuple(_entry(item, f"{where}: findings[{i}]") for i, item in enumerate(findings))


def _is_int(value: object, expected: int) -> bool:
    """`value` is the integer `expected`: JSON's true and 1.0 are not version 1."""
    return type(value) is int and value == expected


def _shown(value: object, limit: int = 40) -> str:
    """A JSON value quoted for a message, cut short."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _entry(item: object, where: str) -> BaselineEntry:
    if not isinstance(item, dict):
        raise BaselineError(f"{where}: should be an object with {', '.join(_KEYS)}")
    missing = [key for key in _KEYS if key not in item]
    if missing:
        raise BaselineError(f"{where}: missing {', '.join(repr(k) for k in missing)}")
    fingerprint, fact, verdict, claims = (item[key] for key in _KEYS)
    if not isinstance(fingerprint, str) or not _FINGERPRINT.fullmatch(fingerprint):
        raise BaselineError(f"{where}: fingerprint {_shown(fingerprint)} is not 16 hex digits")
    if not isinstance(fact, str) or not fact:
        raise BaselineError(f"{where}: 'fact' should be a fact id")
    recorded = tuple(v.value for v in Verdict if v is not Verdict.AGREEMENT)
    if verdict not in recorded:
        raise BaselineError(
            f"{where}: verdict {_shown(verdict)} should be one of: {', '.join(recorded)}"
        )
    if not isinstance(claims, list) or not all(isinstance(c, str) for c in claims):
        raise BaselineError(f"{where}: 'claims' should be a list of strings")
    return BaselineEntry(fingerprint, fact, Verdict(verdict), tuple(claims))


def apply_baseline(
    result: CheckResult, accepted: tuple[BaselineEntry, ...], name: str
) -> CheckResult:
    """The result with accepted findings marked and baseline entries that no longer occur."""
    current = {f.fingerprint for f in result.findings}
    known = {e.fingerprint for e in accepted}
    return dataclasses.replace(
        result,
        baseline=name,
        baselined=tuple(sorted(current & known)),
        stale=tuple(
            sorted(
                (e for e in accepted if e.fingerprint not in current),
                key=lambda e: (e.fact, e.verdict.value, e.fingerprint),
            )
        ),
    )
