"""SOP flowcharts: static SVG, titled for screen readers, byte-identical for the same steps."""

from __future__ import annotations

import warnings

from builder.model.standard import Measure, Standard, Step, Text
from builder.site.flowchart import _wrap, flowchart_svg

SOP = Standard(
    "SOP-1", Text("电话接听 <六步>", 1, 1), "sop", Text("按以下步骤接听", 1, 1), "s.yaml", 1, "zh",
    steps=(
        Step(Text("铃响三声内接听", 1, 1), Measure(metric="三声接听率", unit="percent",
                                                direction="at_least", target=95)),
        Step(Text("Confirm the caller's need in their own words before answering.", 1, 1)),
    ),
)  # fmt: skip


def test_the_chart_is_svg_with_an_escaped_title() -> None:
    svg = flowchart_svg(SOP)
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<title>SOP-1 电话接听 &lt;六步&gt;: 2 steps</title>" in svg


def test_same_steps_same_bytes_and_no_missing_glyphs() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert flowchart_svg(SOP) == flowchart_svg(SOP)


def test_chinese_wraps_by_width_english_by_words() -> None:
    assert _wrap("一二三四五六", 8) == ["一二三四", "五六"]
    assert _wrap("answer the phone", 10) == ["answer the", "phone"]
