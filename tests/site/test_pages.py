"""Page data: the organisation series of a scorecard."""

from __future__ import annotations

from builder.model.standard import Standard, Text
from builder.scoring.periods import parse_period
from builder.scoring.score import Result
from builder.site.pages import scorecards

STD = Standard("A", Text("t", 1, 1), "process", Text("s", 1, 1), "a.yaml", 1, "zh")


def result(period: str, unit: str | None, achieved: float) -> Result:
    p = parse_period(period)
    assert p is not None
    return Result("A", p, unit, achieved, 90, "at_least", None, "green", None)


def test_roll_up_is_the_organisation_result_where_there_is_one() -> None:
    rs = [result("2026-05", None, 91), result("2026-05", "东", 90), result("2026-05", "西", 92)]
    (card,) = scorecards(rs, {"A": STD})
    assert [(r.unit, r.achieved) for r in card.org] == [(None, 91)]
    assert sorted(card.units) == ["东", "西"]


def test_a_period_audited_in_one_unit_uses_that_unit() -> None:
    rs = [result("2026-06", "西", 80), result("2026-05", "东", 95)]
    (card,) = scorecards(rs, {"A": STD})
    assert [(r.period.label, r.achieved) for r in card.org] == [("2026-05", 95), ("2026-06", 80)]
