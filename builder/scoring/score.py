"""Audit rows -> one result per (standard, period, unit), plus organisation roll-ups.

Periods: rows of a finer grain (days, weeks, months) are rolled up to the standard's
`measure.period` before pooling, so a monthly standard fed daily rows gets monthly results.
A row for a longer period than the standard's cannot be split; it is scored as given.

Pooling (SPEC §4): several rows for the same key are pooled; counts are summed, values are
averaged weighted by `total` when present. Count-based results are percentages (0–100).
Survey responses pool as the mean of their per-response scores (see `survey`).

Status (SPEC §4) is judged against the target in force when the period began (`targets`);
a sample below `scoring.min_sample` is "no-data" with the reason "insufficient-sample"
rather than a colour it has not earned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from builder.config import Config, load_config
from builder.model.finding import Finding
from builder.model.load import load_standards
from builder.model.standard import Measure, Standard
from builder.project import Project
from builder.scoring import stats, survey
from builder.scoring.audits import AuditRow, load_audits
from builder.scoring.gcpause import paused_gc
from builder.scoring.periods import GRAIN_OF, Period, roll_up
from builder.scoring.summary import GroupShare, summarise
from builder.scoring.targets import Terms, terms_at

STATUSES = ("green", "amber", "red", "no-data")
REASONS = ("no-target", "no-result", "insufficient-sample")  # why a result is no-data
TRENDS = ("improving", "stable", "declining")


@dataclass(frozen=True)
class Result:
    standard: str
    period: Period
    unit: str | None  # None: whole organisation (or a roll-up of several units)
    achieved: float | None
    target: float | None  # the target in force when the period began
    direction: str | None
    amber: float | None
    status: str  # green | amber | red | no-data
    n: int | None
    ci: tuple[float, float] | None = None  # 95% Wilson interval, percent; proportions only
    trend: str | None = None  # improving | stable | declining over the last periods
    reason: str | None = None  # why the status is no-data
    measure_unit: str | None = None  # the standard's unit: percent, minutes, nps …
    target_effective: date | None = None  # when `target` took effect, when known

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
            "achieved": _round(self.achieved),
            "target": self.target,
            "direction": self.direction,
            "status": self.status,
            "n": self.n,
            "amber": self.amber,
            "gap": _round(self.gap),
            "ci": None if self.ci is None else [_round(x) for x in self.ci],
            "trend": self.trend,
            "reason": self.reason,
            "measure_unit": self.measure_unit,
            "target_effective": None if self.target_effective is None
            else self.target_effective.isoformat(),
        }  # fmt: skip


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def status_of(achieved: float | None, measure: Measure | None) -> str:
    """Status against the measure's current target (SPEC §4)."""
    if measure is None:
        return "no-data"
    return status_against(achieved, Terms(measure.target, measure.amber, measure.direction, None))


def status_against(achieved: float | None, terms: Terms) -> str:
    if achieved is None or terms.target is None:
        return "no-data"
    upward = terms.direction != "at_most"
    met = achieved >= terms.target if upward else achieved <= terms.target
    if met:
        return "green"
    if terms.amber is not None:
        within = achieved >= terms.amber if upward else achieved <= terms.amber
        if within:
            return "amber"
    return "red"


@dataclass(slots=True)
class _Pool:
    """A weighted mean of per-observation scores, plus the yes/no counts behind it."""

    weighted: float = 0.0  # sum of score × weight
    weight: float = 0.0
    successes: int = 0  # yes/no observations: checks passed, respondents satisfied
    trials: int = 0
    only_yes_no: bool = True  # every row was such a count: a proportion, with an interval
    n: int | None = 0

    @property
    def achieved(self) -> float | None:
        return self.weighted / self.weight if self.weight else None

    @property
    def ci(self) -> tuple[float, float] | None:
        return stats.wilson(self.successes, self.trials) if self.only_yes_no else None

    def add(self, row: AuditRow, m: Measure) -> None:
        if row.response is not None:
            k = 1 if row.count is None else row.count
            score = survey.response_score(row.response, m)
            self._add(score * k, k, k)
            if survey.is_binary(m):
                self._count(k if score else 0, k)
            else:
                self.only_yes_no = False
        elif row.value is not None:
            weight = float(row.total) if row.total else 1.0  # no sample size: one observation
            self._add(row.value * weight, weight, row.total)
            self.only_yes_no = False
        elif row.passed is not None and row.total is not None:
            self._add(100.0 * row.passed, row.total, row.total)  # each check scores 100 or 0
            self._count(row.passed, row.total)

    def merge(self, other: _Pool) -> None:
        """Pool `other`'s rows too: sums add (so a roll-up is its units' pools added)."""
        self._add(other.weighted, other.weight, other.n)
        self._count(other.successes, other.trials)
        self.only_yes_no = self.only_yes_no and other.only_yes_no

    def _add(self, weighted: float, weight: float, n: int | None) -> None:
        self.weighted += weighted
        self.weight += weight
        self.n = None if self.n is None or n is None else self.n + n

    def _count(self, successes: int, trials: int) -> None:
        self.successes += successes
        self.trials += trials


def scored_period(period: Period, std: Standard) -> Period:
    """The period a row counts towards: rolled up to the standard's period, when it has one."""
    grain = GRAIN_OF.get(std.measure.period or "") if std.measure else None
    return (roll_up(period, grain) if grain else None) or period


def score(
    rows: Iterable[AuditRow], standards: Mapping[str, Standard], config: Config | None = None
) -> list[Result]:
    """Results per (standard, period, unit), and a unit=None roll-up where units differ."""
    config = config or Config()
    with paused_gc():
        pools = _pooled(rows, standards)
        series: dict[tuple[str, str | None], list[tuple[Period, _Pool]]] = defaultdict(list)
        for (sid, period, unit), pool in pools.items():
            series[(sid, unit)].append((period, pool))
        results = [
            result
            for (sid, unit), entries in series.items()
            for result in _series(sid, unit, entries, standards[sid], config)
        ]
    rank = {p: i for i, p in enumerate(sorted({r.period for r in results}, key=_order))}
    return sorted(results, key=lambda r: (r.standard, rank[r.period], r.unit is not None,
                                          r.unit or ""))  # fmt: skip


def _order(period: Period) -> tuple[date, str, str]:
    """Period's own order (its fields in turn), without a Python method call per comparison."""
    return period.start, period.label, period.grain


PoolKey = tuple[str, Period, str | None]


def _pooled(rows: Iterable[AuditRow], standards: Mapping[str, Standard]) -> dict[PoolKey, _Pool]:
    """Rows pooled per (standard, scored period, unit), in one pass: no row is kept.

    Then a unit=None roll-up per (standard, period) audited at several units: the sum of
    their pools, which is the pool of all their rows.
    """
    pools: dict[tuple[str, str, str | None], _Pool] = {}  # keyed by the period's label
    periods: dict[str, Period] = {}  # label -> period: hashing a label is cheaper
    scored: dict[tuple[str, str], Period] = {}  # (row's period, standard) -> scored period
    measures = {sid: std.measure or Measure() for sid, std in standards.items()}
    for row in rows:
        where = (row.period.label, row.standard)
        period = scored.get(where)
        if period is None:
            period = scored[where] = scored_period(row.period, standards[row.standard])
            periods.setdefault(period.label, period)
        key = (row.standard, period.label, row.unit)
        pool = pools.get(key)
        if pool is None:
            pool = pools[key] = _Pool()
        pool.add(row, measures[row.standard])
    units: dict[tuple[str, str], list[str | None]] = defaultdict(list)
    for sid, label, unit in pools:
        units[(sid, label)].append(unit)
    for (sid, label), audited in units.items():
        if len(audited) > 1 and None not in audited:
            whole = pools[(sid, label, None)] = _Pool()
            for unit in audited:
                whole.merge(pools[(sid, label, unit)])
    return {(sid, periods[label], unit): pool for (sid, label, unit), pool in pools.items()}


def _series(
    sid: str, unit: str | None, entries: list[tuple[Period, _Pool]], std: Standard, config: Config
) -> Iterator[Result]:
    """One standard's results in one unit (or the organisation), oldest first, each with
    its trend over the last `config.trend_periods` usable results.

    Results without a value or with too small a sample neither get a trend nor count
    towards one.
    """
    m = std.measure or Measure()
    usable: list[float] = []
    for period, pool in sorted(entries, key=lambda e: _order(e[0])):
        terms = terms_at(std, period.start)
        achieved = pool.achieved
        reason = _no_data_reason(achieved, terms, pool.n, config.min_sample)
        status = "no-data" if reason else status_against(achieved, terms)
        trend = None
        if achieved is not None and reason != "insufficient-sample":
            usable.append(achieved)
            recent = usable[-config.trend_periods :]
            upward = terms.direction != "at_most"
            trend = stats.trend(recent, _tolerance(terms, recent), upward=upward)
        yield Result(sid, period, unit, achieved, terms.target, terms.direction, terms.amber,
                     status, pool.n, pool.ci, trend, reason, m.unit, terms.effective)  # fmt: skip


def _no_data_reason(
    achieved: float | None, terms: Terms, n: int | None, min_sample: int
) -> str | None:
    if terms.target is None:
        return "no-target"
    if achieved is None:
        return "no-result"
    if n is not None and n < min_sample:
        return "insufficient-sample"
    return None


def _tolerance(terms: Terms, values: list[float]) -> float:
    """A change smaller than this is stable: half the amber band, which is the owner's own
    measure of a change that matters; without one, 1% of the target (or of the values)."""
    if terms.target is not None and terms.amber is not None and terms.amber != terms.target:
        return abs(terms.target - terms.amber) / 2
    reference = abs(terms.target) if terms.target else sum(abs(v) for v in values) / len(values)
    return 0.01 * reference


@dataclass(frozen=True)
class ScoreReport:
    results: list[Result]
    findings: list[Finding]
    summary: list[GroupShare] = field(default_factory=list)


def score_project(project: Project) -> ScoreReport:
    """Load config, standards and audits, score them; audit problems become findings."""
    with paused_gc():  # once, around it all: see gcpause
        return _score_project(project)


def _score_project(project: Project) -> ScoreReport:
    config = load_config(project.root)
    loaded = load_standards(project)
    standards = {s.id: s for s in loaded.standards}
    audits = load_audits(project, standards)
    results = score(audits.rows, standards, config)
    return ScoreReport(results, sorted(audits.findings), summarise(results, standards))
