"""Reports for people stay readable on huge runs: capped lists, with counts of the rest."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from checker.model import SHOWN_CLAIMS, SHOWN_LINES, CheckResult, Verdict
from checker.pipeline import run_check
from checker.report import REPORTERS

RULES = """\
facts:
  - id: drones-launched
    title: Drones Iran launched
    kind: count
    counts: [drones]
    context: [launch]
"""
WIRES = ["Reuters", "AP", "AFP", "DPA", "EFE", "ANSA"]


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 outlets on one fact: 58 say 170, one says 185 and one says 150."""
    folder = tmp_path_factory.mktemp("crowd")
    (folder / "rules.yaml").write_text(RULES, encoding="utf-8")
    news = folder / "news"
    news.mkdir()
    for n in range(60):
        value = {17: 185, 42: 150}.get(n, 170)
        outlet = f"{WIRES[n % len(WIRES)]} desk {n}"
        text = f"---\noutlet: {outlet}\n---\nIran launched {value} drones overnight.\n"
        (news / f"wire{n:02d}.md").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def crowded(crowd: Path) -> CheckResult:
    return run_check([crowd / "news"], [crowd / "rules.yaml"], jobs=1)


def test_explain_lists_25_of_each_unless_asked_for_all(crowd: Path) -> None:
    from checker.pipeline import run_explain
    from checker.report import explain

    explanation = run_explain("drones-launched", [crowd / "news"], [crowd / "rules.yaml"], jobs=1)
    short = explain.render(explanation)
    listed = [line for line in short.splitlines() if line.startswith(("  ✓ ", "  ✗ "))]
    assert (len(listed), sum(line.startswith("  ✗ ") for line in listed)) == (SHOWN_CLAIMS, 2)
    assert f"  … and {60 - SHOWN_CLAIMS} more matched: explain --all lists every one" in short
    full = explain.render(explanation, everything=True)
    assert len([line for line in full.splitlines() if line.startswith(("  ✓ ", "  ✗ "))]) == 60
    assert "more matched" not in full


def test_the_terminal_lists_the_conflict_first_then_counts_the_rest(crowded: CheckResult) -> None:
    (finding,) = crowded.findings
    assert (finding.verdict, len(finding.claims)) == (Verdict.DISCREPANCY, 60)
    text = REPORTERS["terminal"](crowded)
    claims = [line for line in text.splitlines() if line.startswith(("  ✗ ", "  • "))]
    assert len(claims) == SHOWN_CLAIMS
    conflict = [line for line in claims if line.startswith("  ✗ outlier ")]
    assert [line.split()[2] for line in conflict] == [
        f"{c.figure.location}" for c in finding.conflict
    ], "both outliers (185 and 150) are the conflicting pair, listed though they come late"
    assert f"  … and {60 - SHOWN_CLAIMS} more claims: --format json lists every one" in text


def test_markdown_and_github_are_capped_json_is_whole(crowded: CheckResult) -> None:
    markdown = REPORTERS["markdown"](crowded)
    rows = [line for line in markdown.splitlines() if line.startswith(("| ✗ |", "| • |"))]
    assert len(rows) == SHOWN_CLAIMS
    assert f"_… and {60 - SHOWN_CLAIMS} more claims: --format json lists every one._" in markdown
    records = json.loads(REPORTERS["json"](crowded))
    assert len(records["findings"][0]["claims"]) == 60


def test_single_source_annotations_are_capped(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for n in range(30):
        text = f"Iran launched 170 drones overnight, the IDF said in update {n}.\n"
        (news / f"idf{n:02d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    result = run_check([news], [tmp_path / "rules.yaml"], jobs=1)
    (finding,) = result.findings
    assert (finding.verdict, len(finding.claims)) == (Verdict.SINGLE_SOURCE, 30)
    lines = REPORTERS["github"](result).splitlines()
    assert len([line for line in lines if line.startswith("::warning ")]) == SHOWN_CLAIMS
    assert lines[-1].endswith(
        f"::drones-launched: {30 - SHOWN_CLAIMS} more claims not annotated; "
        "the SARIF or JSON report lists every one."
    )


def test_notes_problems_and_stale_entries_are_capped(crowded: CheckResult) -> None:
    notes = tuple(f"note number {n}" for n in range(SHOWN_LINES + 7))
    text = REPORTERS["terminal"](dataclasses.replace(crowded, notes=notes))
    assert [line for line in text.splitlines() if line.startswith("note: note number")] == [
        f"note: {note}" for note in notes[:SHOWN_LINES]
    ]
    assert "note: … and 7 more notes: --format json lists every one" in text
    markdown = REPORTERS["markdown"](dataclasses.replace(crowded, notes=notes))
    assert "> … and 7 more notes: --format json lists every one" in markdown


def test_a_long_timeline_shows_its_offending_steps_and_counts_the_rest(tmp_path: Path) -> None:
    """A toll updated daily for 40 days by one wire, and one wrong-way step among them."""
    rules = RULES + "    changes_over_time: increasing\n"
    (tmp_path / "rules.yaml").write_text(rules, encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    for day in range(40):
        value = 100 + day if day != 30 else 50  # day 30 says 50: a step the wrong way
        date = f"2024-03-{day + 1:02d}" if day < 31 else f"2024-04-{day - 30:02d}"
        text = f"---\noutlet: Wire\npublished: {date}\n---\nIran launched {value} drones.\n"
        (news / f"day{day:02d}.md").write_text(text, encoding="utf-8")
    result = run_check([news], [tmp_path / "rules.yaml"], jobs=1)
    (finding,) = result.findings
    assert (finding.verdict, len(finding.timeline)) == (Verdict.DISCREPANCY, 40)
    text = REPORTERS["terminal"](result)
    steps = [line for line in text.splitlines() if line.startswith("    2024-")]
    assert len(steps) == SHOWN_CLAIMS
    assert any("wrong-way" in line and " 50 " in line for line in steps)
    assert steps[0].startswith("    2024-03-01") and steps[-1].startswith("    2024-04-09")
    assert f"    … and {40 - SHOWN_CLAIMS} more steps: --format json lists every one" in text
    markdown = REPORTERS["markdown"](result)
    assert f"_… and {40 - SHOWN_CLAIMS} more steps: --format json lists every one._" in markdown
