"""Pages: scorecard series and pages, the scorecard index, health counts, standard pages."""

from __future__ import annotations

from dataclasses import replace

from builder.model.finding import Finding
from builder.model.report import Report, StandardResult
from builder.model.standard import Standard, Text
from builder.scoring.periods import parse_period
from builder.scoring.score import Result
from builder.site.pages import (
    health_page,
    scorecard_index,
    scorecard_page,
    scorecards,
    standard_page,
)

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


def checked(std: Standard, verdict: str, *codes: str) -> StandardResult:
    findings = tuple(Finding(std.file, 5, 1, c, "m", "error" if "S001" in c else "warning")
                     for c in codes)  # fmt: skip
    return StandardResult(std, verdict, {}, findings)


def test_health_counts_findings_by_rule_area_and_owner() -> None:
    a = Standard("A", Text("t", 1, 1), "process", Text("s", 1, 1), "a.yaml", 1, "zh",
                 area="timeliness", owner="ops@x")  # fmt: skip
    b = Standard("B", Text("t", 1, 1), "personal", Text("s", 1, 1), "b.yaml", 1, "zh",
                 area="tact", owner="ops@x")  # fmt: skip
    report = Report((checked(a, "measurable", "SMART-T002"),
                     checked(b, "vague", "SMART-S001", "SMART-T002")))  # fmt: skip
    page = health_page(report)
    assert "2 条标准 standards · ✔ 可测量 measurable 1 (50%)" in page
    assert "| [SMART-T002](rules/SMART-T002.md) | 2 | 2 |" in page
    assert "| [SMART-S001](rules/SMART-S001.md) | 1 | 1 |" in page
    assert "| 及时性 Timeliness | 1 | 100% | 0 | 1 |" in page
    assert "| ops@x | 2 | 50% | 1 | 2 |" in page


def test_standard_page_links_the_pledges_it_serves() -> None:
    std = Standard("P-001", Text("t", 1, 1), "process", Text("s", 1, 1), "p.yaml", 1, "zh",
                   serves=("CH-001", "客户不必重复说明问题"))  # fmt: skip
    page = standard_page(checked(std, "measurable"), None, {"CH-001", "P-001"})
    assert "| 服务于 Serves | [CH\\-001](ch-001.md); 客户不必重复说明问题 |" in page


def test_scorecard_page_shows_the_unit_heatmap_with_a_text_alternative() -> None:
    (card,) = scorecards(
        [result("2026-05", "东", 95), replace(result("2026-06", "东", 80), status="amber"),
         replace(result("2026-06", "西", 70), status="red")],
        {"A": STD},
    )  # fmt: skip
    page = scorecard_page(card, "charts/a.svg", "charts/units/a.svg", "a.csv")
    assert (
        "![A 各单位热力图 heatmap by unit, 2026\\-05–2026\\-06: 东 未达标 missed 1/2, 2026\\-06 80 "
        "amber; 西 未达标 missed 1/1, 2026\\-06 70 red](charts/units/a.svg)"
    ) in page
    assert '[下载数据 Download data (CSV)](a.csv){download="a.csv"}' in page


def test_scorecard_page_without_units_has_no_heatmap() -> None:
    (card,) = scorecards([result("2026-05", None, 95)], {"A": STD})
    assert "热力图" not in scorecard_page(card, "charts/a.svg", None, "a.csv")


def test_scorecard_index_shows_the_overview_before_the_latest_results() -> None:
    (card,) = scorecards([result("2026-05", None, 95)], {"A": STD})
    page = scorecard_index([card], "## 各领域达标比例 Share of standards met, by area\n")
    assert (
        page.index("各领域达标比例") < page.index("## 最近一期 Latest period") < page.index("| [A]")
    )
