"""factcheck explain: the claims of one fact, its near misses with reasons, the verdict's steps."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.errors import CheckerError
from checker.model import Verdict
from checker.pipeline import run_explain
from checker.report.explain import render
from tests.helpers import corpus

runner = CliRunner()
SEED_NATIONAL = "seeds/000_ea5ff2cefe8ded29.txt"
SEED_JNS = "seeds/003_979139c0287720a2.txt"


def test_explain_drones_launched_on_the_seeds(in_root: Path) -> None:
    explanation = run_explain("drones-launched")
    assert [(str(c.figure.location), c.figure.text) for c in explanation.claims] == [
        (f"{SEED_JNS}:20:178", "170")
    ]
    assert [(str(n.figure.location), n.figure.text, n.reason) for n in explanation.near_misses] == [
        (
            f"{SEED_NATIONAL}:20:33",
            "more than 80",
            "no context word in the sentence (launch, sent, fire)",
        ),
        (
            f"{SEED_JNS}:20:166",
            "none",
            "its context word belongs to a nearer figure (launch, sent, fire)",
        ),
    ]
    assert explanation.steps == (
        "1 claim in 1 document, from 1 independent origin: Israel",
        "two claims agree when the gap between their intervals is at most the tolerance 2% "
        "(of the larger facing bound), measured once",
        "every claim allows a value in [170, 170]",
        "corroboration needs 2 independent origins in at least 2 documents; 1 origin in "
        "1 document is not enough",
        "verdict: single-source, severity warning",
    )


def test_explain_names_a_more_specific_fact(in_root: Path) -> None:
    explanation = run_explain("projectiles-launched")
    reasons = {n.figure.text: n.reason for n in explanation.near_misses}
    assert reasons["over 100"] == "claimed by the more specific fact ballistic-missiles-fired"
    assert reasons["170"] == "counted noun 'drones' is only part of 'missiles and drones'"
    assert explanation.finding is not None
    assert explanation.finding.verdict is Verdict.AGREEMENT


def test_explain_a_discrepancy_with_an_outlier(tmp_path: Path) -> None:
    docs, rules = corpus(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched 170 drones overnight."),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched some 170 drones, officials said."),
            "c.txt": ("Wire C", "2024-04-14", "Iran launched 170 drones at Israel."),
            "d.txt": ("Wire D", "2024-04-14", "Iran launched 185 drones at Israel."),
        },
    )
    explanation = run_explain("drones-launched", [docs], [rules])
    assert explanation.steps[2:] == (
        "no value satisfies every claim: '170' [170, 170] and '185' [185, 185] cannot both "
        "be true ('170' is 8.1% below '185'; tolerance 2%), the smallest set of claims that "
        "cannot all be true",
        "3 of 4 claims agree on [170, 170]; outlier: '185' [185, 185]",
        "verdict: discrepancy, severity error",
    )
    text = render(explanation)
    assert "185  [185, 185]  noun 'drones' score 100  origin Wire D  [in conflict, outlier]" in text


def test_explain_a_time_aware_fact(tmp_path: Path) -> None:
    docs, rules = corpus(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-18", "In Gaza, 28,000 people have been killed."),
            "b.txt": ("Wire B", "2024-03-01", "In Gaza, 31,000 people have been killed."),
        },
    )
    explanation = run_explain("gaza-death-toll", [docs], [rules])
    assert explanation.steps[2:] == (
        "the figure only grows, so claims are read in statement order: "
        "2024-03-01 '31,000' [31000, 31000] first, 2024-04-18 '28,000' [28000, 28000] wrong-way",
        "'28,000' [28000, 28000] (2024-04-18, Wire A) comes after '31,000' [31000, 31000] and "
        "is smaller, with no revision stated: not an update but a contradiction",
        "verdict: discrepancy, severity error",
    )


def test_explain_a_fact_nothing_matched(tmp_path: Path) -> None:
    docs, rules = corpus(
        tmp_path, {"a.txt": ("Wire A", "2024-04-14", "The 170 drones were seen over Jordan.")}
    )
    explanation = run_explain("drones-launched", [docs], [rules])
    assert explanation.claims == () and explanation.finding is None
    assert [n.reason for n in explanation.near_misses] == [
        "no context word in the sentence (launch, sent, fire)"
    ]
    assert explanation.steps == (
        "no figure matched the fact, so there is no verdict; see the near misses",
    )


def test_unknown_fact_suggests_the_nearest(in_root: Path) -> None:
    with pytest.raises(CheckerError) as caught:
        run_explain("drone-launched")
    assert str(caught.value) == (
        "unknown fact id 'drone-launched'\n  hint: did you mean 'drones-launched'?"
    )


def test_cli_explain_prints_the_rendering(in_root: Path) -> None:
    result = runner.invoke(app, ["explain", "drones-launched"])
    assert result.exit_code == 0
    assert result.stdout == render(run_explain("drones-launched"))
    assert result.stdout.startswith(
        "drones-launched — Drones Iran launched  (rules/iran-april-2024.yaml:49:9)\n"
    )


def test_cli_explain_unknown_fact_exits_2(in_root: Path) -> None:
    result = runner.invoke(app, ["explain", "gaza-toll"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "unknown fact id 'gaza-toll'",
        "  hint: did you mean 'gaza-death-toll'?",
    ]


def test_the_readme_shows_the_real_explain_output(in_root: Path) -> None:
    readme = (in_root / "README.md").read_text(encoding="utf-8")
    head = "```text\n$ factcheck explain drones-launched\n"
    start = readme.index(head) + len(head)
    assert readme[start : readme.index("```", start)] == render(run_explain("drones-launched"))


def test_cli_explain_reports_an_unreadable_document_and_exits_2(tmp_path: Path) -> None:
    docs, rules = corpus(tmp_path, {"a.txt": ("Wire A", "2024-04-14", "Iran launched 170 drones.")})
    (docs / "bad.txt").write_bytes(b"Iran launched \xff 185 drones\n")
    result = runner.invoke(app, ["explain", "drones-launched", str(docs), "--rules", str(rules)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{docs}/bad.txt:1:15: not UTF-8 text")
    assert "matched: 1 figure in 1 document read" in result.stdout
