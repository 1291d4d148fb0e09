"""Charts: values and status marks are drawn as text, in a real CJK font, the same bytes
for the same data; a glyph no installed font has fails the build instead of drawing a box."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

import pytest

from builder.errors import BuildFailed
from builder.model.standard import Measure, Standard, Text
from builder.scoring.periods import parse_period
from builder.scoring.score import Result
from builder.site.charts import (
    COLOURS,
    LINE,
    Share,
    heatmap_svg,
    ink_on,
    overview_svg,
    trend_svg,
)

MINUTES = Measure(unit="minutes", direction="at_most", target=20, amber=25)
WAIT = Standard("Q-001", Text("等候时间", 1, 1), "process", Text("s", 1, 1), "q.yaml", 1, "zh",
                measure=MINUTES)  # fmt: skip
PERIODS = ["2026-09", "2026-10"]


def result(period: str, unit: str | None, achieved: float, status: str) -> Result:
    p = parse_period(period)
    assert p is not None
    return Result("Q-001", p, unit, achieved, 20, "at_most", 25, status, 100)


UNITS = {
    "城东支行": [result("2026-09", "城东支行", 19.2, "green"),
                 result("2026-10", "城东支行", 18.5, "green")],
    "城西支行": [result("2026-09", "城西支行", 26.3, "red"),
                 result("2026-10", "城西支行", 23, "amber")],
    "高新区支行": [result("2026-10", "高新区支行", 21.4, "amber")],
}  # fmt: skip


def drawn_text(svg: str) -> list[str]:
    """The texts in a chart: matplotlib writes each one as a comment beside its glyph paths."""
    return re.findall(r"<!-- (.*?) -->", svg)


def test_heatmap_prints_each_cell_value_with_its_status_mark() -> None:
    svg = heatmap_svg(WAIT, UNITS, PERIODS)
    assert "<title>Q-001 等候时间 · 各单位 by unit</title>" in svg
    texts = drawn_text(svg)
    cells = [t for t in texts if re.fullmatch(r"\S \d+(\.\d)?", t)]
    assert cells == ["✔ 19.2", "✔ 18.5", "✘ 26.3", "▲ 23", "▲ 21.4"], "row by row"
    assert {"城东支行", "城西支行", "高新区支行", "2026-09", "2026-10"} <= set(texts)
    assert {"✔ 达标 green", "▲ 接近 amber", "✘ 未达标 red"} <= set(texts), "the legend"


def test_heatmap_fills_cells_with_the_status_colour() -> None:
    svg = heatmap_svg(WAIT, UNITS, PERIODS).lower()
    for status in ("green", "amber", "red"):
        assert f"fill: {COLOURS[status].lower()}" in svg


def test_cell_text_is_whichever_of_black_and_white_contrasts_more() -> None:
    assert {ink_on(c) for c in COLOURS.values()} == {"#000000"}
    assert ink_on(LINE) == "#FFFFFF"
    assert ink_on("#FFFFFF") == "#000000"


def test_overview_shows_each_groups_latest_share() -> None:
    groups: dict[str, list[Share]] = {
        "全部 All": [(1, 2), (3, 4)],
        "及时性 Timeliness": [None, (0, 1)],
    }
    svg = overview_svg("各领域达标比例", PERIODS, groups)
    assert "<title>各领域达标比例</title>" in svg
    texts = drawn_text(svg)
    assert {"全部 All", "75% (3/4)", "及时性 Timeliness", "0% (0/1)"} <= set(texts)


def test_charts_draw_chinese_and_status_marks_without_any_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        trend_svg(WAIT, [r for rs in UNITS.values() for r in rs][:2], dict(UNITS))
        heatmap_svg(WAIT, UNITS, PERIODS)
        overview_svg("各领域达标比例", PERIODS, {"态度 Attitude": [(1, 1), (0, 1)]})
    assert [str(w.message) for w in caught] == []


def test_a_glyph_no_font_has_fails_the_build() -> None:
    units = {"\U00013000支行": UNITS["城东支行"]}  # an Egyptian hieroglyph
    with pytest.raises(BuildFailed, match=r"chart Q-001: Glyph .* missing"):
        heatmap_svg(WAIT, units, PERIODS)


@pytest.mark.parametrize(
    "draw",
    [
        lambda: heatmap_svg(WAIT, UNITS, PERIODS),
        lambda: overview_svg("t", PERIODS, {"全部 All": [(1, 2), (2, 2)]}),
        lambda: trend_svg(WAIT, UNITS["城西支行"], {}),
    ],
    ids=["heatmap", "overview", "trend"],
)
def test_the_same_data_gives_the_same_bytes(draw: Callable[[], str]) -> None:
    first, second = draw(), draw()
    assert first == second
    assert "<dc:date>" not in first, "no build date in the file"


def test_a_raised_target_is_drawn_as_the_target_in_force_each_period() -> None:
    raised = [result("2026-09", None, 21, "amber"), result("2026-10", None, 14, "green")]
    raised[1] = Result("Q-001", raised[1].period, None, 14, 15, "at_most", 18, "green", 100)
    texts = drawn_text(trend_svg(WAIT, raised, {}))
    assert "标准 target (按期 as in force) → 15" in texts
    steady = drawn_text(trend_svg(WAIT, [result("2026-09", None, 21, "amber")], {}))
    assert "标准 target 20" in steady and "警戒 amber 25" in steady
