"""Measurable: the verdict from the words and the measure block (VERDICTS.md)."""

from __future__ import annotations

import pytest

from builder.model.standard import Measure
from builder.rules.measurable import verdict_of
from tests.rules.conftest import hits, standard

COMPLETE = Measure(metric="m", unit="percent", direction="at_least", target=90)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # measurable: a deadline, a rate with a level, a frequency, day words, Chinese numerals
        ("96%的来电在铃响三声内接听", "measurable"),
        ("Answer 96% of incoming calls by the third ring.", "measurable"),
        ("Reply within 5 working days.", "measurable"),
        ("投诉24小时内响应", "measurable"),
        ("当日办结", "measurable"),
        ("每季度巡检一次", "measurable"),
        ("满意度达到90%以上", "measurable"),
        ("尽快处理,最迟3个工作日内答复", "measurable"),
        ("在接获投诉后10个历日内回复", "measurable"),
        ("提供全天候支持", "measurable"),  # hours of service: around the clock
        ("一般情况当天答复,特殊情况3天内答复", "measurable"),  # bounded fallback
        ("We set a two-hour timeframe for appointments.", "measurable"),
        ("Reply within one week at most, but most probably within a day.", "measurable"),
        ("Review drafts within four (4) working weeks.", "measurable"),
        ("提供十分鍾內的電話響應", "measurable"),  # 十分 is ten minutes here, not "very"
        ("客户满意 - 98分", "measurable"),  # a table row's value cell
        (
            "urgent cases within 24 hours where resources permit, and not longer than 3 days",
            "measurable",
        ),
        # a hedge in a concessive clause does not reach the main clause
        ("While we try to reply sooner, please allow up to 10 working days.", "measurable"),
        ("虽然我们尽量当场办结,但最迟不超过3个工作日", "measurable"),
        # partial: hedged, approximate, by reference, no level
        ("原则上30分钟内回访", "partial"),
        ("约30分钟内完成", "partial"),
        ("按监管规定时限处理投诉", "partial"),
        ("不断提高接通率", "partial"),
        ("视人力安排于3日内上门服务", "partial"),
        ("原则上最多3天", "partial"),  # one hedged limit, no fallback
        ("无特殊情况下,报案后24小时内查勘", "partial"),
        ("出厂水水质符合GB5749-2006", "partial"),  # the levels are in the cited standard
        ("不准超时限办理", "partial"),  # a limit named, not stated
        ("Respond within the timescales in our charter.", "partial"),
        ("We can require up to 30 days (or longer).", "partial"),
        ("We will attempt to resolve your complaint within 40 days.", "partial"),
        ("10个工作日内办结,不能按时办结的说明原因", "partial"),
        ("Complex cases may take longer.", "partial"),
        ("At busy times these levels may not always be met.", "partial"),
        ("You will be seen as near to your appointment time as possible.", "partial"),
        (
            "保证最短时间解决故障",
            "partial",
        ),  # a direction on time, with no level  # an overrun needs no limit to be one
        ("Items are ordered within one month, if financial circumstances permit.", "partial"),
        ("We aim to reply within 8 weeks. If it will take longer, we explain why.", "partial"),
        ("进一步缩短群众等候时间", "partial"),  # a direction on a countable thing
        ("Keep waiting times to a minimum.", "partial"),
        ("We will strive to answer within 20 seconds.", "partial"),
        ("按合同约定时间上门安装", "partial"),
        ("Calls are answered within 20 seconds except at busy times.", "partial"),
        ("We try to reply within 10 working days, while keeping you informed.", "partial"),
        ("Appointments start on time.", "partial"),
        # vague
        ("热情接待每一位客户", "vague"),
        ("Respond to customer emails promptly and courteously.", "vague"),
        ("服务热线95388为您服务", "vague"),
        ("持续提升服务质量和水平", "vague"),  # a direction on nothing countable
        ("We will improve our services.", "vague"),
        ("We reply within reasonable timeframes.", "vague"),
        ("复杂问题另行处理", "vague"),  # a condition with nothing to escape from
        ("没有时限规定", "vague"),
    ],
)
def test_verdict_from_the_words(statement: str, verdict: str) -> None:
    assert verdict_of(standard(statement)).verdict == verdict


def test_complete_measure_block_makes_it_measurable() -> None:
    assert verdict_of(standard("热情接待每一位客户", measure=COMPLETE)).verdict == "measurable"


def test_measure_with_target_but_no_direction_is_partial() -> None:
    measure = Measure(unit="percent", target=90)
    assert verdict_of(standard("热情接待", measure=measure)).verdict == "partial"


def test_no_criterion_points_at_the_statement() -> None:
    assert hits("SMART-M001", standard("热情接待每一位客户")) == [(5, 16, None)]
    assert hits("SMART-M001", standard("当日办结")) == []


def test_partial_criterion_fires_only_on_partial() -> None:
    assert hits("SMART-M002", standard("原则上30分钟内回访")) == [(5, 16, None)]
    assert hits("SMART-M002", standard("热情接待")) == []


def test_measure_contradicting_the_text() -> None:
    measure = Measure(unit="percent", direction="at_least", target=90, line=7,
                      key_lines={"target": 9})  # fmt: skip
    assert hits("SMART-M004", standard("95%的来电在三声内接听", measure=measure)) == [(9, 1, None)]
    agree = Measure(unit="percent", direction="at_least", target=95)
    assert hits("SMART-M004", standard("95%的来电在三声内接听", measure=agree)) == []


def test_incomplete_measure_names_the_missing_keys() -> None:
    std = standard("x", measure=Measure(target=96, line=6))
    assert hits("SMART-M003", std) == [(6, 1, None)]
