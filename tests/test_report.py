"""Golden files for every format on the seeds and on a discrepancy fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.model import CheckResult
from checker.pipeline import run_check
from checker.report import EXTENSIONS, REPORTERS
from checker.report.terminal import excerpt, render
from tests.conftest import Golden


@pytest.fixture
def seeds(in_root: Path) -> CheckResult:
    return run_check()


@pytest.fixture
def discrepancy(in_root: Path) -> CheckResult:
    return run_check([Path("seeds"), Path("tests/data/corpus_discrepancy")])


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_seeds_golden(fmt: str, seeds: CheckResult, golden: Golden) -> None:
    golden.check(f"seeds.{EXTENSIONS[fmt]}", REPORTERS[fmt](seeds))


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_discrepancy_golden(fmt: str, discrepancy: CheckResult, golden: Golden) -> None:
    golden.check(f"discrepancy.{EXTENSIONS[fmt]}", REPORTERS[fmt](discrepancy))


def test_color_report_has_ansi_and_plain_has_none(seeds: CheckResult) -> None:
    assert "\x1b[" in render(seeds, color=True)
    plain = render(seeds)
    assert "\x1b[" not in plain
    assert "«more than 300» projectiles" in plain


def test_excerpt_trims_long_sentences_at_word_boundaries() -> None:
    sentence = "word " * 40 + "the 170 drones " + "tail " * 40
    offset = sentence.index("170")
    text = excerpt(sentence, offset, 3, color=False).plain
    assert text.startswith("…word") and text.endswith("tail…")
    assert "«170»" in text
