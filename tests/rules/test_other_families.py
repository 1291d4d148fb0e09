"""Achievable, relevant, time-bound and document-control rules."""

from __future__ import annotations

from datetime import date

from builder.config import Achievable, Config
from builder.model.standard import Measure
from builder.rules import Context, get
from tests.rules.conftest import TODAY, hits, standard


def pct(target: float, baseline: float | None = None) -> Measure:
    return Measure(unit="percent", direction="at_least", target=target, baseline=baseline,
                   line=6, key_lines={"target": 8})  # fmt: skip


def test_absolute_target() -> None:
    assert hits("SMART-A001", standard("x", measure=pct(100))) == [(8, 1, None)]
    assert hits("SMART-A001", standard("x", measure=pct(96))) == []
    zero = Measure(unit="minutes", direction="at_most", target=0, line=6)
    assert hits("SMART-A001", standard("x", measure=zero)) == [(6, 1, None)]


def test_target_far_from_baseline_uses_configured_threshold() -> None:
    std = standard("x", measure=pct(98, baseline=70))
    assert hits("SMART-A002", std) == [(8, 1, None)]
    assert hits("SMART-A002", standard("x", measure=pct(80, baseline=70))) == []
    lenient = Config(achievable=Achievable(max_gain_points=30))
    assert hits("SMART-A002", std, lenient) == []


def test_missing_and_wrong_area() -> None:
    assert hits("SMART-R001", standard("x")) == [(2, 1, None)]
    assert hits("SMART-R001", standard("x", kind="personal", area="timeliness")) == [(2, 1, None)]
    assert hits("SMART-R001", standard("x", kind="personal", area="tact")) == []
    custom = Config(areas={"digital": "数字渠道"})
    assert hits("SMART-R001", standard("x", area="digital"), custom) == []
    assert hits("SMART-R001", standard("x", kind="charter")) == []


def test_missing_tier_except_charter() -> None:
    assert hits("SMART-R002", standard("x")) == [(2, 1, None)]
    assert hits("SMART-R002", standard("x", kind="charter")) == []


def test_time_frame_from_words_or_period() -> None:
    assert hits("SMART-T001", standard("95%的投诉得到解决")) == [(5, 16, None)]
    assert hits("SMART-T001", standard("95%的投诉在5个工作日内解决")) == []
    monthly = Measure(unit="percent", direction="at_least", target=95, period="monthly")
    assert hits("SMART-T001", standard("95%的投诉得到解决", measure=monthly)) == []


def test_review_overdue() -> None:
    assert hits("SMART-T002", standard("x", review_by=date(2026, 1, 1))) == [(2, 1, None)]
    assert hits("SMART-T002", standard("x", review_by=date(2027, 1, 1))) == []
    assert hits("SMART-T002", standard("x")) == [(2, 1, None)]


def test_document_control() -> None:
    assert hits("DOC-C001", standard("x")) == [(2, 1, None)]
    assert hits("DOC-C001", standard("x", owner="ops")) == []
    assert hits("DOC-C002", standard("x", version="1", effective=date(2026, 1, 1))) == []
    assert hits("DOC-C002", standard("x")) == [(2, 1, None)]


def test_attitude_words_in_personal_standards() -> None:
    assert hits("SMART-R003", standard("保持积极的服务心态", kind="personal")) == [
        (5, 18, "积极"),
        (5, 23, "心态"),
    ]
    assert hits("SMART-R003", standard("与客户交谈时保持目光接触", kind="personal")) == []
    assert hits("SMART-R003", standard("保持积极的服务心态", kind="process")) == []


def test_process_standards_say_what_they_serve() -> None:
    ids = frozenset({"CH-001", "X-001"})
    assert hits("SMART-R004", standard("x"), ids=ids) == [(2, 1, None)]
    assert hits("SMART-R004", standard("x", kind="sop"), ids=ids) == [(2, 1, None)]
    assert hits("SMART-R004", standard("x", serves=("CH-001",)), ids=ids) == []
    assert hits("SMART-R004", standard("x", serves=("客户不必重复说明问题",)), ids=ids) == []
    assert hits("SMART-R004", standard("x", kind="personal"), ids=ids) == []


def test_serves_names_a_known_standard() -> None:
    std = standard("x", serves=("CH-010",), key_lines={"serves": 7})
    rule = get("SMART-R004")
    assert rule.check is not None
    (hit,) = rule.check(std, Context(Config(), TODAY, frozenset({"CH-001"})))
    assert (hit.line, hit.message, hit.suggestion) == (
        7,
        "serves unknown standard 'CH-010'",
        "did you mean 'CH-001'?",
    )


def test_target_never_met_in_the_audits() -> None:
    from builder.rules import Best

    rule = get("SMART-A003")
    assert rule.check is not None
    std = standard("95%的来电20秒内接通", measure=pct(98))
    best = {"X-001": Best(93.0, "2026-07")}
    (hit,) = rule.check(std, Context(Config(), TODAY, frozenset(), best))
    assert (hit.line, hit.message) == (
        8,
        "target 98 has never been met: the best audited result is 93 (2026-07)",
    )
    assert list(rule.check(std, Context(Config(), TODAY, frozenset(), {}))) == []
    met = {"X-001": Best(98.5, "2026-08")}
    assert list(rule.check(std, Context(Config(), TODAY, frozenset(), met))) == []
