"""Roll-ups across standards: per period, the share of standards met, by group.

Groups: the whole organisation, each area, each tier (one result per standard: its
organisation-level result) and each unit (that unit's own results). The share counts only
standards with data: a standard without a colour is neither met nor missed, and is
reported separately as `no_data`.

Periods are compared by label: a monthly standard counts in "2026-07", a quarterly one in
"2026-Q3". Mixing grains would weigh a quarter's result as one month's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from builder.model.standard import Standard
from builder.scoring.periods import Period

if TYPE_CHECKING:
    from builder.scoring.score import Result

GROUPINGS = ("organisation", "area", "tier", "unit")


@dataclass(frozen=True)
class GroupShare:
    period: Period
    by: str  # organisation | area | tier | unit
    group: str | None  # the area, tier or unit; None for the organisation (or no area/tier)
    green: int
    amber: int
    red: int
    no_data: int

    @property
    def with_data(self) -> int:
        return self.green + self.amber + self.red

    @property
    def met_share(self) -> float | None:
        """Percent (0–100) of the standards with data that met their target."""
        return 100.0 * self.green / self.with_data if self.with_data else None

    def as_json(self) -> dict[str, object]:
        share = self.met_share
        return {
            "period": self.period.label,
            "by": self.by,
            "group": self.group,
            "standards": self.with_data,
            "green": self.green,
            "amber": self.amber,
            "red": self.red,
            "no_data": self.no_data,
            "met_share": None if share is None else round(share, 1),
        }


def organisation_results(results: Iterable[Result]) -> list[Result]:
    """One result per (standard, period): the roll-up, or the single unit audited."""
    per_key: dict[tuple[str, Period], list[Result]] = defaultdict(list)
    for r in results:
        per_key[(r.standard, r.period)].append(r)
    chosen = []
    for group in per_key.values():
        whole = [r for r in group if r.unit is None]
        if whole or len(group) == 1:
            chosen.append((whole or group)[0])
    return chosen


def summarise(results: list[Result], standards: Mapping[str, Standard]) -> list[GroupShare]:
    tally: dict[tuple[Period, str, str | None], Counter[str]] = defaultdict(Counter)
    for r in organisation_results(results):
        std = standards[r.standard]
        for by, group in (("organisation", None), ("area", std.area), ("tier", std.tier)):
            tally[(r.period, by, group)][r.status] += 1
    for r in results:
        if r.unit is not None:
            tally[(r.period, "unit", r.unit)][r.status] += 1
    shares = [
        GroupShare(period, by, group, c["green"], c["amber"], c["red"], c["no-data"])
        for (period, by, group), c in tally.items()
    ]
    return sorted(shares, key=lambda s: (s.period, GROUPINGS.index(s.by), s.group or ""))
