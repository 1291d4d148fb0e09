"""Audit periods: YYYY, YYYY-Qn, YYYY-MM, YYYY-Www (ISO week) or YYYY-MM-DD."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

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
