"""The Wilson interval and the trend over recent periods."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builder.scoring.stats import trend, wilson


@pytest.mark.parametrize(
    ("successes", "trials", "low", "high"),
    [
        (18, 20, 69.90, 97.21),  # the textbook example: 0.699 – 0.972
        (0, 10, 0.0, 27.75),  # never below 0%
        (10, 10, 72.25, 100.0),  # never above 100%
        (482, 500, 94.38, 97.71),
    ],
)
def test_wilson_interval_in_percent(successes: int, trials: int, low: float, high: float) -> None:
    interval = wilson(successes, trials)
    assert interval is not None
    assert [round(x, 2) for x in interval] == [low, high]


@given(st.integers(1, 10_000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_holds_the_observed_share_within_0_to_100(counts: tuple[int, int]) -> None:
    successes, trials = counts
    interval = wilson(successes, trials)
    assert interval is not None
    low, high = interval
    share = 100 * successes / trials
    assert 0 <= low <= share + 1e-9 and share - 1e-9 <= high <= 100


def test_no_trials_no_interval() -> None:
    assert wilson(0, 0) is None


@pytest.mark.parametrize(
    ("values", "upward", "expected"),
    [
        ([90, 92, 94], True, "improving"),
        ([94, 92, 90], True, "declining"),
        ([94, 92, 90], False, "improving"),  # at_most: lower is better
        ([92, 92.5, 92.2], True, "stable"),  # change within the tolerance of 1
        ([90, 99, 90], True, "stable"),  # one odd period is not a trend
        ([90, 93], True, "improving"),
        ([90], True, None),  # one period: nothing to compare
    ],
)
def test_trend(values: list[float], upward: bool, expected: str | None) -> None:
    assert trend(values, 1.0, upward=upward) == expected
