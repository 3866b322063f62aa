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
    assert found.why == "2 documents, 2 origins; every claim allows a value in [170, 170]"


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
    assert "3 of 4 claims agree on [170, 170], outlier: '185'" in found.why
    assert [c.figure.text for c in found.outliers] == ["185"]
    assert [c.figure.outlet for c in found.majority] == ["Wire A", "Wire B", "Wire C"]
    assert str(found.agreed) == "[170, 170]"
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
    assert found.why == (
        "2 documents, 2 origins; read in publication order: '30,000' (2024-04-18, Wire B) is "
        "smaller than earlier '34,000' (2024-03-01, Wire A), with no revision stated"
    )
    assert [s.step.value for s in found.timeline] == ["first", "wrong-way"]


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
    assert str(found.agreed) == "(300, inf)"


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
        "'185' (docs/b.txt:5, Wire B) cannot both be true: "
        "'170' is 8.1% below '185'; tolerance 2%"
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


def test_three_updates_in_publication_order_are_evolving(tmp_path: Path) -> None:
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
    assert found.verdict is Verdict.EVOLVING
    assert found.conflict == ()
    assert [(s.date, s.claim.figure.text, s.step.value) for s in found.timeline] == [
        ("2024-01-20", "some 25,000", "first"),
        ("2024-03-01", "more than 30,000", "update"),
        ("2024-04-18", "nearly 34,000", "update"),
    ]
    assert found.why == (
        "3 documents, 3 origins; read in publication order, the figure changed 2 times: "
        "some 25,000 (2024-01-20) → more than 30,000 (2024-03-01) → nearly 34,000 "
        "(2024-04-18); latest 'nearly 34,000' (2024-04-18, Wire A)"
    )
    assert found.severity.value == "warning"
    assert result.exit_code == 0


def test_an_earlier_figure_quoted_again_is_no_change(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-01-20", "The flood toll rose to 25 on Monday."),
            "b.txt": ("Wire B", "2024-01-22", "The flood toll rose to 31, up from 25."),
        },
        "facts:\n  - id: toll\n    kind: count\n    counts: [deaths]\n"
        "    changes_over_time: increasing\n",
    )
    found = finding(result, "toll")
    assert found.verdict is Verdict.EVOLVING
    assert found.why == (
        "2 documents, 2 origins; read in publication order, the figure changed 1 time: "
        "25 (2024-01-20) → 25 (earlier, 2024-01-22) → 31 (2024-01-22); "
        "latest '31' (2024-01-22, Wire B)"
    )


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
    assert finding(falling, "people-missing").verdict is Verdict.EVOLVING
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
            "b.txt": ("Wire B", "2024-04-14", "Overnight, Iran launched 170 drones at Israel."),
        },
        MIN_ORIGINS,
    )
    found = finding(result, "drones-launched")
    assert found.verdict is Verdict.SINGLE_SOURCE
    assert found.why.endswith("too few origins; corroboration needs 3")


@pytest.mark.parametrize("names", [("a.txt", "b.txt"), ("b.txt", "a.txt")])
def test_same_day_tolls_of_two_origins_contradict_whatever_the_file_order(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    result = check(
        tmp_path,
        {
            names[0]: ("Wire A", "2024-04-18", "In Gaza, 34,000 people have been killed."),
            names[1]: ("Wire B", "2024-04-18", "In Gaza, 30,000 people have been killed."),
        },
    )
    found = finding(result, "gaza-death-toll")
    assert found.verdict is Verdict.DISCREPANCY
    assert [(s.claim.figure.text, s.step.value) for s in found.timeline] == [
        ("30,000", "first"),
        ("34,000", "same-day"),
    ]
    assert "'34,000' (2024-04-18, Wire A) contradicts '30,000' (2024-04-18, Wire B)" in found.why


def test_same_day_figures_of_one_origin_are_an_update(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-18", "In Gaza, 30,000 people have been killed."),
            "b.txt": ("Wire A", "2024-04-18", "In Gaza, 34,000 people have been killed."),
        },
    )
    found = finding(result, "gaza-death-toll")
    assert found.verdict is Verdict.EVOLVING
    assert [s.step.value for s in found.timeline] == ["first", "update"]


def test_same_day_figures_that_both_hold_are_the_figure_growing(tmp_path: Path) -> None:
    # "at least 32,000" and "34,000" the same day share 34,000: an update, no contradiction
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-17", "In Gaza, 30,000 people have been killed."),
            "b.txt": ("Wire B", "2024-04-18", "In Gaza, at least 32,000 people have been killed."),
            "c.txt": ("Wire C", "2024-04-18", "In Gaza, 34,000 people have been killed."),
        },
    )
    found = finding(result, "gaza-death-toll")
    assert found.verdict is Verdict.EVOLVING
    assert [(s.claim.figure.text, s.step.value) for s in found.timeline] == [
        ("30,000", "first"),
        ("at least 32,000", "update"),
        ("34,000", "update"),
    ]


def test_an_undated_toll_is_read_as_the_earliest_and_says_so(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-18", "In Gaza, 34,000 people have been killed."),
            "b.txt": ("Wire B", "''", "In Gaza, 30,000 people have been killed."),
        },
    )
    found = finding(result, "gaza-death-toll")
    assert found.verdict is Verdict.EVOLVING
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
        ("    delta: 5%\n    tolerance: 5%\n", Verdict.AGREEMENT),  # a gap of 15, 4.5% of 330
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
    ("tolerance", "verdict"),
    [("5", Verdict.AGREEMENT), ("4", Verdict.DISCREPANCY), ("3", Verdict.DISCREPANCY)],
)
def test_an_absolute_tolerance_is_the_largest_gap(
    tmp_path: Path, tolerance: str, verdict: Verdict
) -> None:
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
    assert [str(c.interval) for c in found.claims] == ["[170, 170]", "[175, 175]"]


GAP_RULES = """defaults:
  tolerance: 2%
facts:
  - id: drones-launched
    kind: count
    counts: [drones]
    context: [launch]
"""


@pytest.mark.parametrize(
    ("first", "second", "verdict", "gap"),
    [
        ("470", "more than 490", Verdict.DISCREPANCY, "'470' is 4.1% below 'more than 490'"),
        ("485", "more than 490", Verdict.AGREEMENT, ""),
        ("301", "300", Verdict.AGREEMENT, ""),
        ("some 190", "about 200", Verdict.AGREEMENT, ""),  # [185, 195] meets [180, 220]
        # "some 170" is [165, 175] by its rounding step
        ("some 170", "about 200", Verdict.DISCREPANCY, "'some 170' is 2.8% below 'about 200'"),
        (
            "at least 500",
            "nearly 480",
            Verdict.DISCREPANCY,
            "'nearly 480' is 4.0% below 'at least 500'",
        ),
    ],
    ids=[
        "470-vs-more-than-490",
        "485-vs-more-than-490",
        "301-vs-300",
        "hedged",
        "hedged-apart",
        "open-bounds",
    ],
)
def test_tolerance_is_a_gap_measured_once(
    tmp_path: Path, first: str, second: str, verdict: Verdict, gap: str
) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", f"Iran launched {first} drones."),
            "b.txt": ("Wire B", "2024-04-14", f"Iran launched {second} drones."),
        },
        GAP_RULES,
    )
    found = finding(result, "drones-launched")
    assert found.verdict is verdict
    assert gap in found.why
    if verdict is Verdict.DISCREPANCY:
        assert found.why.endswith("; tolerance 2%")


@pytest.mark.parametrize("tolerance", ["0", "0%", "3", "5%"])
def test_any_tolerance_meets_an_open_ended_figure(tmp_path: Path, tolerance: str) -> None:
    # 'tolerance: 0' (or an absolute one) against 'more than 80' once crashed with
    # "cannot convert float NaN to integer" (inf × 0)
    rules = GAP_RULES.replace("tolerance: 2%", f"tolerance: {tolerance}")
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-04-14", "Iran launched more than 80 drones."),
            "b.txt": ("Wire B", "2024-04-14", "Iran launched 75 drones."),
            "c.txt": ("Wire C", "2024-04-14", "Iran launched at least 90 drones."),
        },
        rules,
    )
    found = finding(result, "drones-launched")
    assert found.verdict is Verdict.DISCREPANCY
    assert [c.figure.text for c in found.conflict] == ["75", "at least 90"]


def test_figures_that_disagree_inside_one_document_are_single_source(tmp_path: Path) -> None:
    rules = """facts:
  - id: people-sheltering
    kind: count
    counts: [people, Palestinians]
    context: [shelter]
"""
    result = check(
        tmp_path,
        {
            "a.txt": (
                "The Week",
                "2023-10-19",
                "A doctor said about 3,000 Palestinians had come to shelter in the courtyard. "
                "A church official put those taking shelter there at about 1,000 people.",
            )
        },
        rules,
    )
    found = finding(result, "people-sheltering")
    assert found.verdict is Verdict.SINGLE_SOURCE
    assert [c.figure.text for c in found.conflict] == ["about 3,000", "about 1,000"]
    assert found.why.endswith("but inside one document; corroboration needs another document")
    assert result.exit_code == 0


def test_a_disagreement_needs_a_pair_from_two_documents(tmp_path: Path) -> None:
    # one document disagrees with itself; the other document agrees with one of its figures
    rules = """facts:
  - id: people-sheltering
    kind: count
    counts: [people]
    context: [shelter]
"""
    result = check(
        tmp_path,
        {
            "a.txt": (
                "Wire A",
                "2023-10-19",
                "Some 3,000 people were in shelter, a doctor said. "
                "About 1,000 people were in shelter, an official said.",
            ),
            "b.txt": ("Wire B", "2023-10-19", "About 1,000 people took shelter there."),
        },
        rules,
    )
    found = finding(result, "people-sheltering")
    assert found.verdict is Verdict.DISCREPANCY
    assert sorted(c.figure.document for c in found.conflict) == ["docs/a.txt", "docs/b.txt"]
    assert sorted(c.figure.text for c in found.conflict) == ["About 1,000", "Some 3,000"]


def test_every_wrong_way_step_is_named(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-01-20", "In Gaza, 25,000 people have been killed."),
            "b.txt": ("Wire B", "2024-03-01", "In Gaza, 31,000 people have been killed."),
            "c.txt": ("Wire C", "2024-04-18", "In Gaza, 28,000 people have been killed."),
            "d.txt": ("Wire D", "2024-05-02", "In Gaza, 14,000 people have been killed."),
        },
    )
    found = finding(result, "gaza-death-toll")
    assert found.verdict is Verdict.DISCREPANCY
    assert [(s.claim.figure.text, s.step.value) for s in found.timeline] == [
        ("25,000", "first"),
        ("31,000", "update"),
        ("28,000", "wrong-way"),
        ("14,000", "wrong-way"),
    ]
    assert "'28,000' (2024-04-18, Wire C) is smaller than earlier '31,000'" in found.why
    assert "'14,000' (2024-05-02, Wire D) is smaller than earlier '31,000'" in found.why


def test_evolving_has_its_own_severity_and_fail_on_level(tmp_path: Path) -> None:
    rules = """defaults:
  evolving: error
facts:
  - id: gaza-death-toll
    kind: count
    counts: [people]
    context: [killed]
    changes_over_time: increasing
"""
    documents = {
        "a.txt": ("Wire A", "2024-01-20", "In Gaza, 25,000 people have been killed."),
        "b.txt": ("Wire B", "2024-03-01", "In Gaza, 31,000 people have been killed."),
    }
    found = finding(check(tmp_path / "error", documents, rules), "gaza-death-toll")
    assert (found.verdict, found.severity.value) == (Verdict.EVOLVING, "error")
    off = check(tmp_path / "off", documents, rules.replace("evolving: error", "evolving: off"))
    assert off.findings == ()


def test_changes_over_time_any_updates_either_way(tmp_path: Path) -> None:
    rules = """facts:
  - id: displaced
    kind: count
    counts: [people]
    context: [shelter]
    changes_over_time: any
"""
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2023-08-12", "About 4,500 people needed shelter."),
            "b.txt": ("Wire B", "2023-10-20", "Some 8,000 people are in temporary shelter."),
            "c.txt": ("Wire C", "2023-12-01", "Still 6,000 people are in shelter."),
        },
        rules,
    )
    found = finding(result, "displaced")
    assert found.verdict is Verdict.EVOLVING
    assert [s.step.value for s in found.timeline] == ["first", "update", "update"]
