"""Verdicts on real phrasing: agreement, discrepancy with its conflicting pair and outliers,
single-source by independent origin, and figures that change over time."""

from __future__ import annotations

from pathlib import Path

from checker.model import Verdict
from tests.helpers import check, finding


def test_hedged_figures_that_can_both_be_true_agree(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched more than 150 drones overnight."),
            "b.txt": ("Wire B", "2024-04-14", "In all, Iran sent 170 drones toward Israel."),
        },
    )
    found = finding(result, "drones-launched")
    assert found.verdict is Verdict.AGREEMENT
    assert found.why == "2 documents, 2 origins; every claim allows a value in [166.6, 173.4]"


def test_exact_figures_that_differ_are_a_discrepancy_naming_both(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched 170 drones overnight."),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched 185 drones overnight."),
        },
    )
    found = finding(result, "drones-launched")
    assert found.verdict is Verdict.DISCREPANCY
    assert [c.figure.text for c in found.conflict] == ["170", "185"]
    assert result.exit_code == 1


def test_majority_and_outlier(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched 170 drones overnight."),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched some 170 drones, officials said."),
            "c.txt": ("Wire C", "2024-04-14", "Iran launched 170 drones at Israel."),
            "d.txt": ("Wire D", "2024-04-14", "Iran launched 185 drones at Israel."),
        },
    )
    found = finding(result, "drones-launched")
    assert found.verdict is Verdict.DISCREPANCY
    assert "3 of 4 claims agree on [166.6, 173.4], outlier: '185'" in found.why


def test_two_outlets_repeating_one_originator_are_one_origin(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "The IDF said Iran launched 170 drones."),
            "b.txt": (
                "Wire B",
                "2024-04-14",
                "Iran launched 170 drones, IDF spokesperson Daniel Hagari said.",
            ),
        },
    )
    found = finding(result, "drones-launched")
    assert found.verdict is Verdict.SINGLE_SOURCE
    assert found.origins == ("Israel",)
    assert found.why.startswith("2 documents, 1 origin (Israel)")


def test_a_later_larger_toll_is_an_update(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-03-01", "In Gaza, 30,000 people have been killed."),
            "b.txt": ("Wire B", "2024-04-18", "In Gaza, nearly 34,000 people have been killed."),
        },
    )
    assert finding(result, "gaza-death-toll").verdict is Verdict.AGREEMENT


def test_a_later_smaller_toll_is_a_discrepancy(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-03-01", "In Gaza, 34,000 people have been killed."),
            "b.txt": ("Wire B", "2024-04-18", "In Gaza, 30,000 people have been killed."),
        },
    )
    found = finding(result, "gaza-death-toll")
    assert found.verdict is Verdict.DISCREPANCY
    assert found.why.startswith("2 documents, 2 origins; later '30,000'")


def test_none_of_the_whole_does_not_contradict_the_whole(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": (
                "Wire A",
                "2024-04-14",
                "None of the 170 drones that Iran launched penetrated Israeli airspace.",
            ),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched 170 drones."),
        },
    )
    found = finding(result, "drones-launched")
    assert found.verdict is Verdict.AGREEMENT
    assert [c.figure.text for c in found.claims] == ["170", "170"]
