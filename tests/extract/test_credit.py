"""An agency's dateline makes it the origin of what the document attributes to no one: two
outlets printing one agency story are one origin, even in different words."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.credit import credited_agency
from checker.model import Verdict
from checker.pipeline import run_check
from tests.helpers import check, corpus, finding


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        ("GAZA CITY (AP) — Iran launched 170 drones.", "AP"),
        ("LONDON, April 14 (Reuters) - Iran launched 170 drones.", "Reuters"),
        ("KYIV, Ukraine (AP) — Shelling went on.", "AP"),
        ("KYIV, Ukraine, Feb. 3 (AP) — Shelling went on.", "AP"),
        ("Washington (AFP) – The Pentagon spoke.", "AFP"),
        ("\n\nBEIRUT (Reuters) -- Strikes resumed.", "Reuters"),
        # no dateline: an aside in parentheses, a lower-case start, a dash missing
        ("Officials (who spoke to AP) - said 40.", ""),
        ("The toll (AP) - rose.", ""),
        ("GAZA CITY (AP) Iran launched 170 drones.", ""),
        ("Iran launched 170 drones, AP reported (Reuters) — later.", ""),
    ],
)
def test_a_dateline_credits_its_agency(body: str, agency: str) -> None:
    assert credited_agency(body) == agency


def test_two_outlets_printing_one_agency_story_are_one_origin(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.md": ("Daily Times", "2024-04-14", "TEL AVIV (AP) — Iran launched 170 drones."),
            "b.md": (
                "Evening Post",
                "2024-04-14",
                "TEL AVIV (AP) — Overnight, Iran launched about 170 drones at Israel.",
            ),
        },
    )
    found = finding(result, "drones-launched")
    assert (found.verdict, found.origins) == (Verdict.SINGLE_SOURCE, ("AP",))


def test_a_documents_own_origin_wins_over_its_dateline(tmp_path: Path) -> None:
    docs = {
        "a.md": ("Daily Times", "2024-04-14", "TEL AVIV (AP) — Iran launched 170 drones."),
        "b.md": ("Evening Post", "2024-04-14", "TEL AVIV (AP) — Iran launched 170 drones."),
    }
    docs_path, rules_path = corpus(tmp_path, docs)
    path = docs_path / "b.md"
    path.write_text(path.read_text().replace("outlet:", "origin: Evening Post desk\noutlet:", 1))
    result = run_check([docs_path], [rules_path])
    found = finding(result, "drones-launched")
    assert (found.verdict, found.origins) == (Verdict.AGREEMENT, ("AP", "Evening Post desk"))


def test_a_copy_of_a_document_with_its_own_origin_takes_that_origin(tmp_path: Path) -> None:
    text = "Overnight, Iran launched 170 drones and 30 cruise missiles towards Israel."
    docs_path, rules_path = corpus(
        tmp_path,
        {
            "release.md": ("Ministry site", "2024-04-14", text),
            "paper.md": ("Daily Times", "2024-04-13", text),  # printed first, still a copy
        },
    )
    path = docs_path / "release.md"
    path.write_text(path.read_text().replace("outlet:", "origin: Ministry\noutlet:", 1))
    found = finding(run_check([docs_path], [rules_path]), "drones-launched")
    assert (found.verdict, found.origins) == (Verdict.SINGLE_SOURCE, ("Ministry",))
