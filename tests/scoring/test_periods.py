"""Periods of a finer grain roll up to the standard's `measure.period`."""

from __future__ import annotations

import pytest

from builder.scoring.periods import parse_period, roll_up


@pytest.mark.parametrize(
    ("given", "grain", "expected"),
    [
        ("2026-05-31", "day", "2026-05-31"),
        ("2026-05-31", "week", "2026-W22"),
        ("2026-05-31", "month", "2026-05"),
        ("2026-05-31", "quarter", "2026-Q2"),
        ("2026-05-31", "year", "2026"),
        ("2026-W07", "week", "2026-W07"),
        ("2026-W07", "month", "2026-02"),
        ("2026-W22", "month", "2026-05"),  # Mon 25 May – Sun 31 May
        ("2026-W27", "month", "2026-07"),  # Mon 29 Jun – Sun 5 Jul: Thursday 2 Jul decides
        ("2026-W14", "quarter", "2026-Q2"),  # Mon 30 Mar – Sun 5 Apr: Thursday 2 Apr
        ("2026-W53", "year", "2026"),  # Mon 28 Dec 2026 – Sun 3 Jan 2027
        ("2027-W01", "year", "2027"),
        ("2026-05", "month", "2026-05"),
        ("2026-05", "quarter", "2026-Q2"),
        ("2026-12", "year", "2026"),
        ("2026-Q4", "year", "2026"),
    ],
)
def test_a_period_rolls_up_to_the_one_that_holds_it(given: str, grain: str, expected: str) -> None:
    period = parse_period(given)
    assert period is not None
    rolled = roll_up(period, grain)
    assert rolled is not None and rolled.label == expected and rolled.grain == grain


@pytest.mark.parametrize(
    ("given", "grain"),
    [("2026-05", "week"), ("2026-05", "day"), ("2026-Q2", "month"), ("2026", "quarter"),
     ("2026-W07", "day")],
)  # fmt: skip
def test_a_longer_period_cannot_be_split(given: str, grain: str) -> None:
    period = parse_period(given)
    assert period is not None and roll_up(period, grain) is None
