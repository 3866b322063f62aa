"""Verdicts on real phrasing: agreement, discrepancy with its conflicting pair and outliers,
single-source by independent origin, and figures that change over time."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    assert [c.figure.text for c in found.outliers] == ["185"]
    assert [c.figure.outlet for c in found.majority] == ["Wire A", "Wire B", "Wire C"]
    assert str(found.agreed) == "[166.6, 173.4]"
    assert [c.figure.text for c in found.conflict] == ["170", "185"]
    records = result.to_records()["findings"]
    assert isinstance(records, list)
    assert [c["outlier"] for c in records[0]["claims"]] == [False, False, False, True]


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


def test_two_outliers_on_either_side_of_the_majority(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched more than 150 drones."),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched 170 drones."),
            "c.txt": ("Wire C", "2024-04-14", "Iran launched about 170 drones, officials said."),
            "d.txt": ("Wire D", "2024-04-14", "Iran launched 120 drones."),
            "e.txt": ("Wire E", "2024-04-14", "Iran launched 250 drones."),
        },
    )
    found = finding(result, "drones-launched")
    assert found.verdict is Verdict.DISCREPANCY
    assert sorted(c.figure.text for c in found.outliers) == ["120", "250"]
    assert len(found.majority) == 3
    assert sorted(c.figure.text for c in found.conflict) == ["120", "250"]
    assert found.why.startswith("5 documents, 5 origins; '120'")


def test_a_majority_found_at_an_open_bound(tmp_path: Path) -> None:
    # every member of the majority allows 'just above 300': (300, inf) is open at 300
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched more than 300 drones."),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched over 300 drones."),
            "c.txt": ("Wire C", "2024-04-14", "Iran launched 240 drones."),
        },
    )
    found = finding(result, "drones-launched")
    assert [c.figure.text for c in found.outliers] == ["240"]
    assert str(found.agreed) == "(294, inf)"


def test_one_against_one_has_a_conflict_but_no_outlier(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched 170 drones overnight."),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched 185 drones overnight."),
        },
    )
    found = finding(result, "drones-launched")
    assert (found.majority, found.outliers, found.agreed) == ((), (), None)
    assert found.why == (
        "2 documents, 2 origins; '170' (docs/a.txt:5, Wire A) and "
        "'185' (docs/b.txt:5, Wire B) cannot both be true"
    )


def test_every_alias_of_a_group_is_one_origin(tmp_path: Path) -> None:
    said = {
        "a.txt": "The IDF said Iran launched 170 drones.",
        "b.txt": "According to Israel Defense Forces, Iran launched some 170 drones.",
        "c.txt": "Iran launched 170 drones, IDF spokesperson Daniel Hagari said.",
    }
    result = check(
        tmp_path,
        {name: (f"Wire {name[0]}", "2024-04-14", text) for name, text in said.items()},
    )
    found = finding(result, "drones-launched")
    assert found.verdict is Verdict.SINGLE_SOURCE
    assert (found.documents, found.origins) == (3, ("Israel",))
    assert found.why.startswith("3 documents, 1 origin (Israel)")


def test_an_outside_origin_corroborates_the_group(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "The IDF said Iran launched 170 drones."),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched 170 drones, the Pentagon said."),
        },
    )
    found = finding(result, "drones-launched")
    assert found.verdict is Verdict.AGREEMENT
    assert found.origins == ("Israel", "Pentagon")


def test_unattributed_figures_count_for_their_outlet(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched 170 drones."),
            "b.txt": ("Wire A", "2024-04-15", "Overnight, Iran launched 170 drones at Israel."),
        },
    )
    found = finding(result, "drones-launched")
    assert (found.verdict, found.documents, found.origins) == (
        Verdict.SINGLE_SOURCE,
        2,
        ("Wire A",),
    )


def test_three_updates_in_publication_order_agree(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            # file order is not publication order: the dates decide
            "a.txt": ("Wire A", "2024-04-18", "In Gaza, nearly 34,000 people have been killed."),
            "b.txt": (
                "Wire B",
                "2024-01-20",
                "In Gaza, some 25,000 Palestinians have been killed.",
            ),
            "c.txt": ("Wire C", "2024-03-01", "In Gaza, more than 30,000 people were killed."),
        },
    )
    found = finding(result, "gaza-death-toll")
    assert found.verdict is Verdict.AGREEMENT
    assert found.conflict == ()


def test_a_later_smaller_toll_names_the_pair_in_order(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-01-20", "In Gaza, 25,000 people have been killed."),
            "b.txt": ("Wire B", "2024-03-01", "In Gaza, 31,000 people have been killed."),
            "c.txt": ("Wire C", "2024-04-18", "In Gaza, 28,000 people have been killed."),
        },
    )
    found = finding(result, "gaza-death-toll")
    assert found.verdict is Verdict.DISCREPANCY
    assert [(c.figure.text, c.figure.published) for c in found.conflict] == [
        ("31,000", "2024-03-01"),
        ("28,000", "2024-04-18"),
    ]


DECREASING = """facts:
  - id: people-missing
    kind: count
    counts: [people]
    context: [missing]
    changes_over_time: decreasing
"""


def test_a_decreasing_figure_may_fall_but_not_rise(tmp_path: Path) -> None:
    falling = check(
        tmp_path / "falling",
        {
            "a.txt": ("Wire A", "2024-04-14", "Some 120 people are missing."),
            "b.txt": ("Wire B", "2024-04-16", "Still 80 people are missing."),
        },
        DECREASING,
    )
    assert finding(falling, "people-missing").verdict is Verdict.AGREEMENT
    rising = check(
        tmp_path / "rising",
        {
            "a.txt": ("Wire A", "2024-04-14", "Still 80 people are missing."),
            "b.txt": ("Wire B", "2024-04-16", "Some 120 people are missing."),
        },
        DECREASING,
    )
    found = finding(rising, "people-missing")
    assert found.verdict is Verdict.DISCREPANCY
    assert "is larger than earlier '80'" in found.why


MIN_ORIGINS = """defaults:
  min_origins: 3
facts:
  - id: drones-launched
    kind: count
    counts: [drones]
    context: [launch]
"""


def test_min_origins_sets_how_many_independent_origins_corroborate(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched 170 drones."),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched 170 drones."),
        },
        MIN_ORIGINS,
    )
    found = finding(result, "drones-launched")
    assert found.verdict is Verdict.SINGLE_SOURCE
    assert found.why.endswith("too few origins; corroboration needs 3")


@pytest.mark.parametrize("names", [("a.txt", "b.txt"), ("b.txt", "a.txt")])
def test_same_day_tolls_are_updates_whatever_the_file_order(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    result = check(
        tmp_path,
        {
            names[0]: ("Wire A", "2024-04-18", "In Gaza, 34,000 people have been killed."),
            names[1]: ("Wire B", "2024-04-18", "In Gaza, 30,000 people have been killed."),
        },
    )
    assert finding(result, "gaza-death-toll").verdict is Verdict.AGREEMENT


def test_an_undated_toll_is_read_as_the_earliest_and_says_so(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-18", "In Gaza, 34,000 people have been killed."),
            "b.txt": ("Wire B", "''", "In Gaza, 30,000 people have been killed."),
        },
    )
    found = finding(result, "gaza-death-toll")
    assert found.verdict is Verdict.AGREEMENT
    assert found.why.startswith("2 documents, 2 origins (1 undated claim read as the earliest);")


def _drones(settings: str) -> str:
    return (
        "facts:\n  - id: drones-launched\n    kind: count\n    counts: [drones]\n"
        f"    context: [launch]\n{settings}"
    )


@pytest.mark.parametrize(
    ("settings", "verdict"),
    [
        ("", Verdict.AGREEMENT),  # δ = 10%: 'about 300' is [270, 330]
        ("    delta: 5%\n", Verdict.DISCREPANCY),  # [285, 315] does not reach 330
        ("    delta: 5%\n    tolerance: 5%\n", Verdict.AGREEMENT),  # 315·1.05 ≥ 330·0.95
    ],
    ids=["default-delta", "narrow-delta", "narrow-delta-with-tolerance"],
)
def test_hedge_width_and_tolerance_decide_whether_about_300_meets_330(
    tmp_path: Path, settings: str, verdict: Verdict
) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched about 300 drones."),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched 330 drones."),
        },
        _drones(settings),
    )
    assert finding(result, "drones-launched").verdict is verdict


@pytest.mark.parametrize(
    ("tolerance", "verdict"), [("3", Verdict.AGREEMENT), ("1", Verdict.DISCREPANCY)]
)
def test_absolute_tolerance(tmp_path: Path, tolerance: str, verdict: Verdict) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched 170 drones."),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched 175 drones."),
        },
        _drones(f"    tolerance: {tolerance}\n"),
    )
    found = finding(result, "drones-launched")
    assert found.verdict is verdict
    assert [str(c.interval) for c in found.claims] == [
        f"[{170 - int(tolerance)}, {170 + int(tolerance)}]",
        f"[{175 - int(tolerance)}, {175 + int(tolerance)}]",
    ]
