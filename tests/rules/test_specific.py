"""Specific: vague qualities, vague time and hedges, in both languages, with context."""

from __future__ import annotations

import pytest

from builder.config import Config
from builder.rules import Context, get
from tests.rules.conftest import TODAY, hits, standard


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("热情接待每一位客户", [(5, 16, "热情")]),
        ("热情周到地服务", [(5, 16, "热情"), (5, 18, "周到")]),
        ("Greet customers warmly and courteously.", [(5, 32, "warmly"), (5, 43, "courteously")]),
        ("客户进门3秒内目光接触、微笑并问候", []),
        ("客户满意度不低于90%", []),  # names a metric with a level
        ("Answer 96% of calls by the third ring.", []),
    ],
)
def test_vague_quality(statement: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("SMART-S001", standard(statement)) == expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("尽快处理客户投诉", [(5, 16, "尽快")]),
        ("Respond to customer emails promptly.", [(5, 43, "promptly")]),
        ("Reply as soon as possible.", [(5, 22, "as soon as possible")]),
        ("定期检查设备", [(5, 16, "定期")]),
        ("不定期抽查", [(5, 16, "不定期")]),
        ("投诉处理及时率不低于95%", []),  # 及时率 is a metric with a level
        ("当日办结", []),
        ("Reply within 2 working days.", []),
    ],
)
def test_vague_time(statement: str, expected: list[tuple[int, int, str]]) -> None:
    assert hits("SMART-S002", standard(statement)) == expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("原则上30分钟内回访", [(5, 16, "原则上")]),
        ("尽量在三声内接听", [(5, 16, "尽量")]),
        ("We will try to answer within 20 seconds.", [(5, 24, "try to")]),
        ("Where possible, reply in 2 days.", [(5, 16, "Where possible")]),
        ("95%的来电在20秒内接通", []),
    ],
)
def test_hedge_word(statement: str, expected: list[tuple[int, int, str]]) -> None:
    got = [
        (line, col, text and text.lower())
        for line, col, text in hits("SMART-S003", standard(statement))
    ]
    assert got == [(line, col, text.lower()) for line, col, text in expected]


@pytest.mark.parametrize(
    ("code", "statement", "expected"),
    [
        ("SMART-S004", "高峰时段增派若干名引导员", ["若干"]),
        ("SMART-S004", "Several staff help at peak times.", ["Several"]),
        ("SMART-S004", "高峰时段大堂至少2名引导员", []),
        ("SMART-S005", "开户、挂失等业务15分钟内办结", ["等"]),
        ("SMART-S005", "We answer calls, emails, etc. within 2 working days.", ["etc"]),
        ("SMART-S005", "开户、挂失等3类业务15分钟内办结", []),  # the count closes the list
        ("SMART-S005", "等候时间不超过15分钟,平等对待每位客户", []),
        ("SMART-S006", "为客户提供最优、更便捷的服务", ["最优", "更便捷"]),
        ("SMART-S006", "We offer the best service in the region.", ["best"]),
        ("SMART-S006", "最迟3个工作日内办结,最长不超过10天", []),  # bounds, not superlatives
        ("SMART-S006", "We will do our best to reply within 2 days.", []),  # a hedge (S003)
        ("SMART-S007", "始终保持微笑", ["始终"]),
        ("SMART-S007", "Staff always keep customers informed.", ["always"]),
        ("SMART-S007", "所有投诉24小时内回复", []),  # a threshold scopes "all"
        ("SMART-S007", "Never more than 10 working days.", []),
        ("SMART-S007", "工作人员从不迟到", []),  # 不迟到 is a punctuality promise (partial)
    ],
)
def test_vague_scope_words(code: str, statement: str, expected: list[str]) -> None:
    assert [text for _, _, text in hits(code, standard(statement))] == expected


def test_suggestions_fit_the_word() -> None:
    rule = get("SMART-S001")
    assert rule.check is not None
    (hit,) = rule.check(standard("耐心解答客户问题"), Context(Config(), TODAY))
    assert hit.suggestion == "写出可观察的行为,例如「客户说完前不打断,结束前复述确认需求」"
