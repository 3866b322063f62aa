"""Property tests over the whole check path: random corpora, rules, configs and baselines.

The only allowed failure is a CheckerError whose first line names a file (tests/fuzzing.py
says what each case holds). This is the short profile the suite runs on every change, the
same cases every time so a red run is reproducible; `python bench/fuzz.py --minutes N` runs
the long, random one.
"""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings

from tests.fuzzing import CASES, Case, run_case

SHORT: settings = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # a failure is shown as found: shrinking took minutes
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SHORT
@given(CASES)
def test_check_never_crashes_and_fails_only_with_a_location(case: Case) -> None:
    run_case(case)
