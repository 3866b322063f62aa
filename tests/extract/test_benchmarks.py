"""The peer suites in ../shared/benchmarks, read in place (never copied), scored by bench/."""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from types import ModuleType

import pytest

from checker.extract import figures_in_text
from tests.conftest import BENCHMARKS, ROOT

pytestmark = pytest.mark.skipif(
    not BENCHMARKS.is_dir(),
    reason=f"peer benchmark suites not found at {BENCHMARKS} (CI has them beside the checkout)",
)


@functools.cache
def _score_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_score", ROOT / "bench" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("suite", ["Number", "NumberRange", "Percent", "Currency"])
def test_recognizers_suites_in_scope_at_least_97_percent(suite: str) -> None:
    score = _score_module()
    cases = [c for c in score.load_cases() if c.suite == suite and score.scope_of(c) is None]
    failures = [c.text for c in cases if not score.right(c, score.ours(c.text))[0]]
    assert len(cases) >= 13
    assert 1 - len(failures) / len(cases) >= 0.97, failures


def test_every_exclusion_names_a_class_and_a_reason() -> None:
    score = _score_module()
    for exclusion in score.SCOPE:
        assert exclusion.suite in score.SUITES
        assert len(exclusion.reason) > 40 and "'" in exclusion.reason  # quotes an example


def test_quantulum_error_inputs_do_not_crash() -> None:
    inputs = json.loads((BENCHMARKS / "quantulum3" / "errors.json").read_text(encoding="utf-8"))
    for text in inputs:
        figures_in_text(text)
