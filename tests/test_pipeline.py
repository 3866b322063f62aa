"""The seed corpus end to end: the verdicts a careful reader reaches (shared/seeds/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.model import CheckResult, ExitCode, Verdict
from checker.pipeline import run_check, run_extract
from tests.helpers import RULES, check, finding


@pytest.fixture
def seeds(in_root: Path) -> CheckResult:
    return run_check()


def test_seed_verdicts(seeds: CheckResult) -> None:
    verdicts = {f.fact.id: f.verdict for f in seeds.findings}
    assert verdicts == {
        "projectiles-launched": Verdict.AGREEMENT,
        "share-intercepted": Verdict.SINGLE_SOURCE,
        "drones-launched": Verdict.SINGLE_SOURCE,
        "drones-downed-by-us-destroyers": Verdict.SINGLE_SOURCE,
        "ballistic-missiles-fired": Verdict.SINGLE_SOURCE,
        "ballistic-missiles-downed-by-us-destroyers": Verdict.SINGLE_SOURCE,
        "us-destroyers-involved": Verdict.SINGLE_SOURCE,
        "gaza-death-toll": Verdict.SINGLE_SOURCE,
        "october-7-death-toll": Verdict.SINGLE_SOURCE,
        "rafah-sheltering": Verdict.SINGLE_SOURCE,
    }
    assert seeds.exit_code is ExitCode.OK


def test_seed_claims(seeds: CheckResult) -> None:
    claims = {
        f.fact.id: [(c.figure.text, str(c.figure.interval), c.origin) for c in f.claims]
        for f in seeds.findings
    }
    national, jns = "The National (Abu Dhabi)", "JNS (Jewish News Syndicate)"
    assert claims["projectiles-launched"] == [
        ("more than 300", "(300, inf)", national),
        ("hundreds of", "[200, 999]", "Gallant"),
        ("over 300", "(300, inf)", jns),
    ]
    assert claims["share-intercepted"] == [
        ("99 per cent", "[99, 99]", "Israel"),
        ("some 99%", "[98, 100]", "Israel"),
    ]
    assert claims["drones-launched"] == [("170", "[170, 170]", "Israel")]
    assert claims["drones-downed-by-us-destroyers"] == [("more than 80", "(80, inf)", "Pentagon")]
    assert claims["ballistic-missiles-fired"] == [("over 100", "(100, inf)", "Gallant")]
    assert claims["ballistic-missiles-downed-by-us-destroyers"] == [
        ("at least six", "[6, inf)", "Pentagon")
    ]
    assert claims["us-destroyers-involved"] == [("Two", "[2, 2]", "Pentagon")]
    assert claims["gaza-death-toll"] == [
        ("nearly 34,000", "[30600, 34000)", "local health authorities")
    ]
    assert claims["october-7-death-toll"] == [("some 1,200", "[1150, 1250]", "Israeli tallies")]
    assert claims["rafah-sheltering"] == [("more than one million", "(1000000, inf)", national)]


def test_share_intercepted_is_two_documents_one_origin(seeds: CheckResult) -> None:
    (share,) = [f for f in seeds.findings if f.fact.id == "share-intercepted"]
    assert (share.documents, share.origins) == (2, ("Israel",))


def test_dates_years_times_and_idioms_are_never_claims(seeds: CheckResult) -> None:
    texts = {c.figure.text for f in seeds.findings for c in f.claims}
    every = run_extract([Path("seeds")], all_kinds=True).figures
    kinds = dict(zip(every["text"], every["kind"], strict=False))
    assert {"1", "7", "2021", "5:47 PM", "11th", "18", "14"} & texts == set()
    assert (kinds["2021"], kinds["5:47 PM"], kinds["11th"]) == ("year", "time", "ordinal")


def test_a_185_drone_report_is_a_discrepancy_listing_both(tmp_path: Path, in_root: Path) -> None:
    docs = tmp_path / "seeds"
    docs.mkdir()
    for seed in Path("seeds").iterdir():
        (docs / seed.name).write_bytes(seed.read_bytes())
    (docs / "wire.md").write_text(
        "---\noutlet: Example Wire\npublished: 2024-04-15\n---\n"
        "Iran launched 185 drones at Israel overnight, officials in Washington said.\n"
    )
    result = run_check([docs])
    (found,) = [f for f in result.findings if f.verdict is Verdict.DISCREPANCY]
    assert found.fact.id == "drones-launched"
    assert sorted(c.figure.text for c in found.conflict) == ["170", "185"]
    assert result.exit_code is ExitCode.FINDINGS


def test_unreadable_document_is_reported_and_the_rest_checked(
    tmp_path: Path, in_root: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Iran launched 170 drones, the IDF said.\n")
    (docs / "bad.txt").write_bytes(b"Iran launched \xff\xfe 185 drones\n")
    result = run_check([docs])
    assert [p.message for p in result.problems] == ["not UTF-8 text (byte 14: invalid start byte)"]
    claimed = [f.fact.id for f in result.findings if f.verdict is not Verdict.NO_CLAIM]
    assert claimed == ["drones-launched"]
    assert result.exit_code is ExitCode.ERROR


def test_same_file_stem_in_two_folders_is_two_documents(tmp_path: Path) -> None:
    """The second report's figure must not merge into the first's sentence: 170 vs 185."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_text("Iran launched 170 drones, the IDF said.\n")
    (tmp_path / "b" / "report.txt").write_text("Iran launched 185 drones, the Pentagon said.\n")
    (tmp_path / "rules.yaml").write_text(RULES)
    result = run_check([tmp_path / "a", tmp_path / "b"], [tmp_path / "rules.yaml"])
    (found,) = result.findings
    assert (found.verdict, found.documents) == (Verdict.DISCREPANCY, 2)
    assert [c.figure.text for c in found.conflict] == ["170", "185"]
    assert result.exit_code is ExitCode.FINDINGS


def test_worded_publication_dates_order_a_toll_by_time(tmp_path: Path) -> None:
    """'15 April 2024' sorts before '9 April 2024' as text: read as dates, 30,000 on 9 April
    then 34,000 on 15 April is a toll that grew, not a discrepancy."""
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "9 April 2024", "In Gaza, 30,000 people have been killed."),
            "b.txt": ("Wire B", "15 April 2024", "In Gaza, 34,000 people have been killed."),
        },
    )
    toll = finding(result, "gaza-death-toll")
    assert toll.verdict is not Verdict.DISCREPANCY
    assert [c.figure.published for c in toll.claims] == ["2024-04-09", "2024-04-15"]
