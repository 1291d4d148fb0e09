"""Small statistics for scorecards: the Wilson interval and the trend over recent periods."""

from __future__ import annotations

import math
from collections.abc import Sequence

Z95 = 1.959963984540054  # two-sided 95%


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float] | None:
    """95% Wilson score interval for a proportion, in percent (0–100).

    Unlike the textbook p ± z·√(p(1−p)/n) it stays inside 0–100 and is honest for small
    samples and for proportions near 0% or 100%, which is where audit results sit.
    """
    if trials <= 0:
        return None
    p = successes / trials
    z2n = z * z / trials
    centre = (p + z2n / 2) / (1 + z2n)
    half = z / (1 + z2n) * math.sqrt(p * (1 - p) / trials + z2n / (4 * trials))
    return 100 * max(0.0, centre - half), 100 * min(1.0, centre + half)


def trend(values: Sequence[float], tolerance: float, *, upward: bool) -> str | None:
    """improving | stable | declining over `values` (oldest first), or None for fewer than 2.

    The change is the least-squares line's rise from the first to the last period, so one
    odd period moves it less than a first-to-last difference would. A change within
    `tolerance` (in the standard's unit) is stable.
    """
    k = len(values)
    if k < 2:
        return None
    mean_x, mean_y = (k - 1) / 2, sum(values) / k
    slope = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / sum(
        (x - mean_x) ** 2 for x in range(k)
    )
    change = slope * (k - 1) * (1 if upward else -1)
    if abs(change) <= tolerance:
        return "stable"
    return "improving" if change > 0 else "declining"
