"""The monthly report, the area overview and the scorecard CSV: pure functions of scorecards."""

from __future__ import annotations

import csv
import io

from builder.model.standard import Measure, Standard, Text
from builder.scoring.periods import parse_period
from builder.scoring.score import Result
from builder.scoring.summary import GroupShare
from builder.site.pages import Scorecard, scorecards
from builder.site.scorecard_report import (
    area_overview,
    overview_section,
    report_page,
    scorecard_csv,
)

PERCENT = Measure(unit="percent", direction="at_least", target=90, amber=85)
MINUTES = Measure(unit="minutes", direction="at_most", target=20, amber=25)
GREET = Standard("PER-ATT-001", Text("三秒问候", 1, 1), "personal", Text("s", 1, 1), "a.yaml", 1,
                 "zh", area="attitude", measure=PERCENT)  # fmt: skip
WAIT = Standard("PRC-TIM-001", Text("等候时间", 1, 1), "process", Text("s", 1, 1), "b.yaml", 1,
                "zh", area="timeliness", measure=MINUTES)  # fmt: skip
STANDARDS = {s.id: s for s in (GREET, WAIT)}


def result(
    std: Standard, period: str, unit: str | None, achieved: float, status: str, *,
    ci: tuple[float, float] | None = None, trend: str | None = None, reason: str | None = None,
) -> Result:  # fmt: skip
    p, m = parse_period(period), std.measure
    assert p is not None and m is not None
    return Result(std.id, p, unit, achieved, m.target, m.direction, m.amber, status, 60,
                  ci=ci, trend=trend, reason=reason, measure_unit=m.unit)  # fmt: skip


def cards(*results: Result) -> list[Scorecard]:
    return scorecards(results, STANDARDS)


def test_report_lists_each_miss_with_its_gap_in_the_standards_unit() -> None:
    page = report_page(cards(
        result(GREET, "2026-10", None, 86.7, "amber", ci=(75.8, 93.1), trend="declining"),
        result(GREET, "2026-10", "城东", 93.3, "green"),
        result(GREET, "2026-10", "城西", 80.0, "red"),
        result(WAIT, "2026-10", None, 19.0, "green"),
    ))  # fmt: skip
    assert (
        "| [PER\\-ATT\\-001](per-att-001.md) 三秒问候 | ▲ 接近 amber<br>↓ 下滑 declining "
        "| 86.7% (75.8–93.1) | ≥ 90% | -3.3 百分点 pts | 城西 80% ✘ |"
    ) in page
    assert "✔ 达标 green 1 · ▲ 接近 amber 1 · ✘ 未达标 red 0 · — 无数据 no data 0" in page
    assert "PRC\\-TIM\\-001" not in page, "a standard met everywhere is not a miss"


def test_report_gives_gaps_in_minutes_for_a_time_standard() -> None:
    page = report_page(cards(result(WAIT, "2026-10", "城西", 23.0, "amber")))
    assert "| ≤ 20 分钟 min | -3 分钟 min | — |" in page, "its only unit is the standard's result"


def test_report_names_units_that_missed_when_the_standard_was_met_overall() -> None:
    page = report_page(cards(
        result(WAIT, "2026-10", None, 19.5, "green"),
        result(WAIT, "2026-10", "城东", 16.0, "green"),
        result(WAIT, "2026-10", "城西", 23.0, "amber"),
    ))  # fmt: skip
    assert "整体达标、部分单位未达标 Met overall, missed in some units" in page
    assert "- [PRC\\-TIM\\-001](prc-tim-001.md) 等候时间: 城西 23 ▲" in page


def test_report_says_why_a_standard_has_no_data() -> None:
    quiet = result(GREET, "2026-10", None, 80.0, "no-data", reason="insufficient-sample")
    page = report_page(cards(quiet))
    assert "**— 无数据 no data:** PER\\-ATT\\-001 (样本不足 sample too small)" in page


def test_report_puts_the_newest_period_first_and_a_quarter_before_its_last_month() -> None:
    three = cards(
        result(GREET, "2026-08", None, 95, "green"),
        result(GREET, "2026-09", None, 95, "green"),
        result(WAIT, "2026-Q3", None, 19, "green"),
    )
    page = report_page(three)
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == ["## 2026-Q3", "## 2026-09", "## 2026-08"]
    shorter = report_page(three, limit=2)
    assert "## 2026-09" in shorter and "## 2026-08" not in shorter
    assert "Earlier periods: see each scorecard." in shorter


def share(period: str, by: str, group: str | None, green: int, amber: int) -> GroupShare:
    p = parse_period(period)
    assert p is not None
    return GroupShare(p, by, group, green, amber, 0, 0)


SHARES = [
    share("2026-09", "organisation", None, 1, 1),
    share("2026-09", "area", "timeliness", 1, 0),
    share("2026-09", "area", "attitude", 0, 1),
    share("2026-10", "organisation", None, 2, 0),
    share("2026-10", "area", "attitude", 1, 0),
    share("2026-10", "area", None, 1, 0),
    share("2026-Q3", "organisation", None, 0, 1),
]


def test_overview_has_all_then_areas_in_handbook_order_in_the_main_grain() -> None:
    overview = area_overview(SHARES)
    assert overview.periods == ["2026-09", "2026-10"]
    assert overview.groups == {
        "全部 All": [(1, 2), (2, 2)],
        "及时性 Timeliness": [(1, 1), None],
        "态度 Attitude": [(0, 1), (1, 1)],
        "未分类 Unassigned": [None, (1, 1)],
    }
    assert overview.left_out == ("quarter",)


def test_overview_section_has_a_text_alternative_and_the_numbers() -> None:
    section = overview_section(area_overview(SHARES), "charts/summary/areas.svg")
    assert "Latest \\(2026\\-10\\): 全部 All 100% \\(2/2\\); 及时性 Timeliness —;" in section
    assert "](charts/summary/areas.svg)" in section
    assert "| 态度 Attitude | 0% (0/1) | 100% (1/1) |" in section
    assert "季度 quarter" in section
    assert "](report.md)" in section


def test_scorecard_csv_neutralises_cells_a_spreadsheet_would_run() -> None:
    evil = "=cmd|' /C calc'!A0"
    (card,) = cards(
        result(GREET, "2026-10", None, 86.7, "amber", ci=(75.8, 93.1)),
        result(GREET, "2026-10", evil, 80.0, "red"),
        result(GREET, "2026-10", "城东", 93.3, "green"),
    )
    text = scorecard_csv(card)
    assert text.startswith("\ufeff"), "a BOM: spreadsheets then read the Chinese as UTF-8"
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [(r["period"], r["unit"], r["status"], r["gap"]) for r in rows] == [
        ("2026-10", "", "amber", "-3.3"),
        ("2026-10", "'" + evil, "red", "-10.0"),
        ("2026-10", "城东", "green", "3.3"),
    ]
    assert (rows[0]["ci_low"], rows[0]["ci_high"], rows[0]["n"]) == ("75.8", "93.1", "60")
