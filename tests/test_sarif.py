"""SARIF validates against the official 2.1.0 schema and says what code scanning needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.baseline import apply_baseline, entries
from checker.model import CheckResult
from checker.pipeline import run_check
from checker.report import sarif
from tests.conftest import BENCHMARKS
from tests.helpers import check

SCHEMA = BENCHMARKS / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    if not SCHEMA.is_file():
        pytest.skip(f"the official SARIF schema is not at {SCHEMA} (../shared/benchmarks/sarif/)")
    return jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def log(result: CheckResult) -> Any:
    return json.loads(sarif.render(result))


@pytest.fixture
def discrepancy(in_root: Path) -> CheckResult:
    return run_check([Path("seeds"), Path("tests/data/corpus_discrepancy")])


def test_seeds_and_discrepancy_validate(
    in_root: Path, discrepancy: CheckResult, validator: jsonschema.Draft4Validator
) -> None:
    for result in (run_check(), discrepancy):
        errors = sorted(validator.iter_errors(log(result)), key=str)
        assert errors == []


def test_baseline_and_input_problems_validate(
    tmp_path: Path, validator: jsonschema.Draft4Validator
) -> None:
    """The optional parts (baselineState, suppressions, notifications) validate too."""
    old = check(tmp_path / "old", {"a.txt": ("A", "2024-04-14", "Iran launched 170 drones.")})
    (tmp_path / "new" / "docs").mkdir(parents=True)
    (tmp_path / "new" / "docs" / "bad.txt").write_bytes(b"\xff\xfe")
    new = check(
        tmp_path / "new",
        {
            "a.txt": ("A", "2024-04-14", "Iran launched 170 drones."),
            "b.txt": ("B", "2024-04-14", "Iran launched 185 drones."),
        },
    )
    result = apply_baseline(new, entries(old), "base.json")
    assert result.problems and result.stale
    document = log(result)
    assert sorted(validator.iter_errors(document), key=str) == []
    run = document["runs"][0]
    assert [(r["kind"], r["baselineState"]) for r in run["results"]] == [
        ("fail", "new"),
        ("informational", "absent"),
    ]
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert notification["message"]["text"].startswith("not UTF-8 text")


def test_one_result_per_finding_at_each_claim(discrepancy: CheckResult) -> None:
    run = log(discrepancy)["runs"][0]
    assert len(run["results"]) == len(discrepancy.findings) == 10
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == sorted(f.fact.id for f in discrepancy.findings)
    first = run["results"][0]
    assert (first["ruleId"], first["level"], first["kind"]) == ("drones-launched", "error", "fail")
    assert rules[first["ruleIndex"]] == "drones-launched"
    places = [
        (
            loc["physicalLocation"]["artifactLocation"]["uri"],
            loc["physicalLocation"]["artifactLocation"]["uriBaseId"],
            loc["physicalLocation"]["region"]["startLine"],
            loc["physicalLocation"]["region"]["startColumn"],
            loc["physicalLocation"]["region"]["endColumn"],
        )
        for loc in first["locations"]
    ]
    assert places == [
        ("seeds/003_979139c0287720a2.txt", "%SRCROOT%", 20, 178, 181),
        ("tests/data/corpus_discrepancy/wire.md", "%SRCROOT%", 5, 15, 18),
    ]
    assert first["partialFingerprints"] == {"factcheck/v2": discrepancy.findings[0].fingerprint}
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["share-intercepted"] == "warning"
    assert levels["projectiles-launched"] == "none"


def test_no_absolute_path_reaches_the_log(discrepancy: CheckResult) -> None:
    text = sarif.render(discrepancy)
    assert str(Path.cwd()) not in text and "file://" not in text


def test_a_path_outside_the_working_directory_is_a_file_uri(tmp_path: Path) -> None:
    assert sarif.artifact(tmp_path / "a b.txt") == {"uri": (tmp_path / "a b.txt").as_uri()}
    assert sarif.artifact(Path("news/a b.txt")) == {
        "uri": "news/a%20b.txt",
        "uriBaseId": "%SRCROOT%",
    }
