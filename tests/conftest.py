"""Shared test helpers: figures_in(phrase), the golden-file fixture, paths to test data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.extract import figures_in_text
from checker.model import FIGURE_KINDS, Figure

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/ files.")


def figures_in(text: str, *, all_kinds: bool = False) -> list[Figure]:
    """The figures of a phrase; non-figures (dates, years, ...) only with `all_kinds`."""
    frame = figures_in_text(text)
    figures = [Figure.from_row(row) for _, row in frame.iterrows()]
    return figures if all_kinds else [f for f in figures if f.kind in FIGURE_KINDS]


class Golden:
    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, name: str, actual: str) -> None:
        path = GOLDEN / name
        if self.update:
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"{path} is missing: run pytest --update-golden and review the diff"
        assert actual == path.read_text(encoding="utf-8"), (
            f"{name} differs from tests/golden/{name}; if the change is intended, "
            "run pytest --update-golden and review the diff"
        )


@pytest.fixture(autouse=True)
def _cache_outside_the_repository(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CLI runs use the figures cache, as users get it, in a folder of the test's own."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    return Golden(bool(request.config.getoption("--update-golden")))


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run from the repository root, so default paths and relative output paths hold."""
    monkeypatch.chdir(ROOT)
    yield ROOT
