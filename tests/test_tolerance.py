"""Tolerance is a gap between two claims, measured once: properties over random intervals."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.model import Interval, Tolerance, gap

bounds = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
shares = st.floats(min_value=0.0, max_value=0.5, allow_nan=False)
absolutes = st.floats(min_value=0.0, max_value=1e3, allow_nan=False)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = sorted((draw(bounds), draw(bounds)))
    if draw(st.booleans()):
        high = math.inf  # "more than 300"
    return Interval(low, high, draw(st.booleans()) or low == high, True)


def meet(a: Interval, b: Interval, tolerance: Tolerance) -> bool:
    return tolerance.halo(a).intersect(tolerance.halo(b)) is not None


@given(intervals(), intervals(), shares)
def test_relative_gap_rule_is_symmetric(a: Interval, b: Interval, share: float) -> None:
    tolerance = Tolerance(share, relative=True)
    assert meet(a, b, tolerance) == meet(b, a, tolerance)
    assert gap(a, b) == gap(b, a)


@given(intervals(), intervals(), shares, shares)
def test_a_wider_relative_tolerance_never_breaks_an_agreement(
    a: Interval, b: Interval, narrow: float, extra: float
) -> None:
    if meet(a, b, Tolerance(narrow)):
        assert meet(a, b, Tolerance(min(0.99, narrow + extra)))


@given(intervals(), intervals(), absolutes, absolutes)
def test_a_wider_absolute_tolerance_never_breaks_an_agreement(
    a: Interval, b: Interval, narrow: float, extra: float
) -> None:
    if meet(a, b, Tolerance(narrow, relative=False)):
        assert meet(a, b, Tolerance(narrow + extra, relative=False))


@given(intervals(), intervals(), shares)
def test_halos_meet_exactly_when_the_gap_is_within_the_tolerance(
    a: Interval, b: Interval, share: float
) -> None:
    tolerance = Tolerance(share, relative=True)
    distance, measured = gap(a, b)
    if a.intersect(b) is not None:
        assert meet(a, b, tolerance)
    elif distance > 0 and math.isfinite(measured):
        # away from the boundary (rounding), the halos meet iff the share is within tolerance
        if measured < share * 0.999:
            assert meet(a, b, tolerance)
        elif measured > share * 1.001 + 1e-12:
            assert not meet(a, b, tolerance)


@pytest.mark.parametrize(
    ("first", "second", "tolerance", "agree"),
    [
        (Interval(470, 470), Interval(490, math.inf, False), Tolerance(0.02), False),
        (Interval(485, 485), Interval(490, math.inf, False), Tolerance(0.02), True),
        (Interval(301, 301), Interval(300, 300), Tolerance(0.02), True),
        (Interval(80, math.inf, False), Interval(75, 75), Tolerance(0.0), False),
        (Interval(80, math.inf, False), Interval(80, 80), Tolerance(0.0), False),
        (Interval(80, math.inf, False), Interval(80, 80), Tolerance(1, relative=False), True),
        (Interval(170, 170), Interval(175, 175), Tolerance(5, relative=False), True),
        (Interval(170, 170), Interval(175, 175), Tolerance(4.9, relative=False), False),
        (Interval(0, 0), Interval(3, 3), Tolerance(0.5), False),  # no share of 0 reaches 3
        (Interval(-10, -10), Interval(-10.1, -10.1), Tolerance(0.02), True),
    ],
    ids=[
        "470-vs-more-than-490",
        "485-vs-more-than-490",
        "301-vs-300",
        "exact-tolerance-0",
        "open-bound-tolerance-0",
        "open-bound-absolute",
        "absolute-5",
        "absolute-4.9",
        "zero",
        "negative",
    ],
)
def test_gap_examples(first: Interval, second: Interval, tolerance: Tolerance, agree: bool) -> None:
    assert meet(first, second, tolerance) is agree
