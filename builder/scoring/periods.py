"""Audit periods: YYYY, YYYY-Qn, YYYY-MM, YYYY-Www (ISO week) or YYYY-MM-DD."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_FORMS = (
    ("year", re.compile(r"^(\d{4})$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$", re.I)),
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})$", re.I)),
    ("day", re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")),
)


@dataclass(frozen=True, order=True)
class Period:
    start: date  # first day, for ordering
    label: str  # canonical spelling, e.g. "2026-Q1"
    grain: str  # year | quarter | month | week | day

    def __str__(self) -> str:
        return self.label


def parse_period(text: str) -> Period | None:
    """The period `text` names, or None when it is not one of the five forms."""
    text = text.strip()
    for grain, pattern in _FORMS:
        m = pattern.match(text)
        if m is None:
            continue
        nums = [int(g) for g in m.groups()]
        try:
            return _build(grain, nums)
        except ValueError:
            return None
    return None


def _build(grain: str, n: list[int]) -> Period:
    if grain == "year":
        return Period(date(n[0], 1, 1), f"{n[0]:04d}", grain)
    if grain == "quarter":
        return Period(date(n[0], 3 * n[1] - 2, 1), f"{n[0]:04d}-Q{n[1]}", grain)
    if grain == "month":
        return Period(date(n[0], n[1], 1), f"{n[0]:04d}-{n[1]:02d}", grain)
    if grain == "week":
        return Period(date.fromisocalendar(n[0], n[1], 1), f"{n[0]:04d}-W{n[1]:02d}", grain)
    day = date(n[0], n[1], n[2])
    return Period(day, day.isoformat(), grain)


# A standard's `measure.period` -> the grain of the periods it is scored over.
GRAIN_OF = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter",
            "yearly": "year"}  # fmt: skip
_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}


def period_of(day: date, grain: str) -> Period:
    """The period of `grain` that holds `day`."""
    if grain == "week":
        year, week, _ = day.isocalendar()
        return _build("week", [year, week])
    if grain == "day":
        return _build("day", [day.year, day.month, day.day])
    if grain == "month":
        return _build("month", [day.year, day.month])
    if grain == "quarter":
        return _build("quarter", [day.year, (day.month - 1) // 3 + 1])
    return _build("year", [day.year])


def roll_up(period: Period, grain: str) -> Period | None:
    """The `grain` period that `period` counts towards, or None when `period` is longer
    (a quarter's result cannot be split into months).

    A week does not nest in months: like ISO 8601 for years, it counts towards the month,
    quarter or year that holds its Thursday (where most of its days fall).
    """
    if _RANK[period.grain] > _RANK[grain]:
        return None
    if period.grain == grain:
        return period
    anchor = period.start + timedelta(days=3) if period.grain == "week" else period.start
    return period_of(anchor, grain)
