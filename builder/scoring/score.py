"""Audit rows -> one result per (standard, period, unit), plus organisation roll-ups.

Pooling (SPEC §4): several rows for the same key are pooled; counts are summed, values are
averaged weighted by `total` when present. Count-based results are percentages (0–100).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from builder.model.finding import Finding
from builder.model.load import load_standards
from builder.model.standard import Measure, Standard
from builder.project import Project
from builder.scoring.audits import AuditRow, load_audits
from builder.scoring.periods import Period


@dataclass(frozen=True)
class Result:
    standard: str
    period: Period
    unit: str | None  # None: whole organisation (or a roll-up of several units)
    achieved: float | None
    target: float | None
    direction: str | None
    amber: float | None
    status: str  # green | amber | red | no-data
    n: int | None

    @property
    def gap(self) -> float | None:
        """How far from the standard, in its unit; positive = better than the target."""
        if self.achieved is None or self.target is None:
            return None
        diff = self.achieved - self.target
        return -diff if self.direction == "at_most" else diff

    def as_json(self) -> dict[str, object]:
        return {
            "standard": self.standard,
            "period": self.period.label,
            "unit": self.unit,
            "achieved": None if self.achieved is None else round(self.achieved, 2),
            "target": self.target,
            "direction": self.direction,
            "status": self.status,
            "n": self.n,
            "amber": self.amber,
            "gap": None if self.gap is None else round(self.gap, 2),
        }


def status_of(achieved: float | None, measure: Measure | None) -> str:
    if achieved is None or measure is None or measure.target is None:
        return "no-data"
    upward = measure.direction != "at_most"
    met = achieved >= measure.target if upward else achieved <= measure.target
    if met:
        return "green"
    if measure.amber is not None:
        within = achieved >= measure.amber if upward else achieved <= measure.amber
        if within:
            return "amber"
    return "red"


@dataclass(frozen=True)
class _Pool:
    passed: int
    total: int
    weighted: float  # sum of value * weight
    weight: float
    counted_rows: int  # rows in count form
    n: int | None

    @property
    def achieved(self) -> float | None:
        if self.counted_rows:
            return 100.0 * self.passed / self.total if self.total else None
        return self.weighted / self.weight if self.weight else None


def _pool(rows: Iterable[AuditRow]) -> _Pool:
    passed = total = counted = 0
    weighted = weight = 0.0
    n: int | None = 0
    for row in rows:
        if row.value is None and row.passed is not None and row.total is not None:
            passed, total, counted = passed + row.passed, total + row.total, counted + 1
        elif row.value is not None:
            w = float(row.total) if row.total else 1.0
            weighted, weight = weighted + row.value * w, weight + w
        n = n + row.total if (n is not None and row.total is not None) else None
    return _Pool(passed, total, weighted, weight, counted, n)


def score(rows: Iterable[AuditRow], standards: Mapping[str, Standard]) -> list[Result]:
    """Results per (standard, period, unit), and a unit=None roll-up where units differ."""
    groups: dict[tuple[str, Period, str | None], list[AuditRow]] = defaultdict(list)
    for row in rows:
        groups[(row.standard, row.period, row.unit)].append(row)
    by_period: dict[tuple[str, Period], list[str | None]] = defaultdict(list)
    for sid, period, unit in groups:
        by_period[(sid, period)].append(unit)

    results = [
        _result(sid, period, unit, g, standards[sid]) for (sid, period, unit), g in groups.items()
    ]
    for (sid, period), units in by_period.items():
        if len(units) > 1 and None not in units:
            pooled = [row for unit in units for row in groups[(sid, period, unit)]]
            results.append(_result(sid, period, None, pooled, standards[sid]))
    return sorted(results, key=lambda r: (r.standard, r.period, r.unit is not None, r.unit or ""))


def _result(
    sid: str, period: Period, unit: str | None, rows: list[AuditRow], std: Standard
) -> Result:
    pool = _pool(rows)
    m = std.measure
    achieved = pool.achieved
    return Result(
        sid,
        period,
        unit,
        achieved,
        m.target if m else None,
        m.direction if m else None,
        m.amber if m else None,
        status_of(achieved, m),
        pool.n,
    )


@dataclass(frozen=True)
class ScoreReport:
    results: list[Result]
    findings: list[Finding]


def score_project(project: Project) -> ScoreReport:
    """Load standards and audits, score them; load and audit problems become findings."""
    loaded = load_standards(project)
    standards = {s.id: s for s in loaded.standards}
    audits = load_audits(project, standards)
    return ScoreReport(score(audits.rows, standards), sorted(audits.findings))
