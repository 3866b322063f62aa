"""CheckResult -> CSV of discrepancies: one row per claim of each discrepant or evolving fact.

The header is written even when there is no discrepancy, so a spreadsheet or a diff in CI
always sees the same columns. Columns are documented in the README.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from checker.model import CheckResult, Verdict

if TYPE_CHECKING:  # imported when a CSV is made: other reports start without pandas
    import pandas as pd

COLUMNS: Final = (
    "fact", "verdict", "severity", "document", "outlet", "published", "path", "line", "column",
    "text", "value", "low", "high", "interval", "tolerated", "origin", "attribution",
    "in_conflict", "outlier", "step", "sentence",
)  # fmt: skip


def rows(result: CheckResult, verdicts: frozenset[Verdict]) -> pd.DataFrame:
    """One row per claim of every finding whose verdict is in `verdicts`."""
    import pandas as pd

    records = result.to_records()["findings"]
    assert isinstance(records, list)
    out = []
    for finding in records:
        if Verdict(finding["verdict"]) not in verdicts:
            continue
        steps = {step["claim"]: step["step"] for step in finding["timeline"]}
        for n, claim in enumerate(finding["claims"]):
            out.append({
                "fact": finding["fact"], "verdict": finding["verdict"],
                "severity": finding["severity"],
                **{k: claim[k] for k in COLUMNS if k in claim},
                "step": steps.get(n, ""),
            })  # fmt: skip
    return pd.DataFrame(out, columns=list(COLUMNS))


def render(result: CheckResult) -> str:
    """The discrepancy CSV."""
    frame = rows(result, frozenset({Verdict.DISCREPANCY, Verdict.EVOLVING}))
    return str(frame.to_csv(index=False, lineterminator="\n"))
