"""Specific: say exactly what is done, with no words a reader can stretch."""

from __future__ import annotations

from collections.abc import Iterator

from builder.model.standard import Standard
from builder.rules import Context, Hit, rule
from builder.rules._hits import span_hit, term_hits


def _flag(std: Standard, family: str, what: str) -> Iterator[Hit]:
    for text, term in term_hits(std, family):
        yield span_hit(text, term.start, term.end, f"{what} {term.text!r}", term.term.suggestion)


@rule("SMART-S001", "vague-quality", smart="specific")
def vague_quality(std: Standard, ctx: Context) -> Iterator[Hit]:
    """Subjective quality words ("热情", "courteous") that no auditor can check.

    ## What it does
    Flags words that describe an attitude or a quality instead of an observable behaviour:
    热情, 周到, 耐心, 礼貌, 良好, friendly, courteous, professional, appropriate …
    A word that names a metric with a threshold ("满意度不低于90%") is not flagged.

    ## Why is this bad?
    Two auditors watching the same encounter disagree on whether it was "热情". The
    standard cannot be trained, observed or scored.

    ## Example
        statement: 热情接待每一位客户
        statement: Greet customers warmly and courteously.

    Use instead:

        statement: 客户进门3秒内目光接触、微笑并问候
        statement: Greet each customer within 10 seconds of arrival, by name when known.
    """
    yield from _flag(std, "quality", "subjective quality word")


@rule("SMART-S002", "vague-time", smart="specific")
def vague_time(std: Standard, ctx: Context) -> Iterator[Hit]:
    """Bare immediacy or regularity ("尽快", "promptly", "定期") instead of a time limit.

    ## What it does
    Flags 及时, 尽快, 立即, 马上, 定期, promptly, as soon as possible, timely, regularly …
    "及时率不低于95%" is a metric with a level and is not flagged. Day words with a fixed
    meaning (当日, 次日, same day) are deadlines and are not flagged.

    ## Why is this bad?
    "As soon as possible" is met by any delay; nobody can miss it, so nobody keeps it.

    ## Example
        statement: 尽快处理客户投诉
        statement: Respond to emails promptly.

    Use instead:

        statement: 投诉24小时内响应,5个工作日内答复
        statement: Respond to emails within 2 working days.
    """
    yield from _flag(std, "time", "vague time word")


@rule("SMART-S003", "hedge-word", smart="specific")
def hedge_word(std: Standard, ctx: Context) -> Iterator[Hit]:
    """Hedges ("尽量", "原则上", "where possible") make the promise optional.

    ## What it does
    Flags hedging phrases in the statement and SOP steps: 尽量, 尽可能, 原则上, 力争,
    必要时, 视情况, where possible, try to, generally, usually, if necessary …

    ## Why is this bad?
    Any outcome counts as compliance, so no audit can fail it. If the promise really holds
    only for most cases, say for how many.

    ## Example
        statement: 原则上30分钟内回访
        statement: We will try to answer calls within 20 seconds.

    Use instead:

        statement: 95%的投诉在30分钟内回访
        statement: We answer 90% of calls within 20 seconds.
    """
    yield from _flag(std, "hedge", "hedge")
