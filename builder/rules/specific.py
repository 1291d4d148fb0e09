"""Specific: say exactly what is done, with no words a reader can stretch."""

from __future__ import annotations

from collections.abc import Iterator

from builder.model.standard import Standard
from builder.rules import Context, Hit, rule
from builder.rules._hits import span_hit, term_hits
from builder.text.assess import assess, inside


def _flag(
    std: Standard, ctx: Context, family: str, what: str, *, unless_measurable: bool = False
) -> Iterator[Hit]:
    lexicon = ctx.config.lexicon
    for text, term in term_hits(std, lexicon, family):
        found = assess(text.value, lexicon)
        if unless_measurable and found.verdict == "measurable":
            continue  # the threshold already says how much: "所有投诉24小时内回复"
        if inside(term, found.quantities):
            continue  # part of a quantity: "最多3天", "no more than"
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
    yield from _flag(std, ctx, "quality", "subjective quality word")


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
    yield from _flag(std, ctx, "time", "vague time word")


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
    yield from _flag(std, ctx, "hedge", "hedge")


@rule("SMART-S004", "vague-quantity", smart="specific", severity="warning")
def vague_quantity(std: Standard, ctx: Context) -> Iterator[Hit]:
    """Vague amounts ("若干", "一些", "several", "approximately") instead of a number.

    ## What it does
    Flags 若干, 一些, 少量, 大量, 适量, 大约, several, some, a few, a number of, many,
    various, approximately, roughly. An approximate number ("约30分钟") is also reported
    by SMART-M002 as a partial criterion.

    ## Why is this bad?
    "若干名引导员" is met by one guide on a busy Monday. The count is what the customer
    feels and what the auditor checks.

    ## Example
        statement: 高峰时段增派若干名引导员
        statement: Several staff are available to help at peak times.

    Use instead:

        statement: 高峰时段大堂至少2名引导员
        statement: At least 2 floor staff are on duty from 11:00 to 14:00.
    """
    yield from _flag(std, ctx, "quantity", "vague quantity")


@rule("SMART-S005", "open-ended-list", smart="specific", severity="warning")
def open_ended_list(std: Standard, ctx: Context) -> Iterator[Hit]:
    """Open-ended lists ("等", "etc.", "including but not limited to") leave the scope open.

    ## What it does
    Flags a list that ends in 等, 等等, 之类, etc., and so on, among others, including but
    not limited to. 等候, 平等, 等级 are other words and are not flagged; "等3类业务"
    closes the list with a count and is not flagged.

    ## Why is this bad?
    Staff cannot tell whether their case is covered, and an auditor cannot tell whether a
    miss counts. The standard's scope is part of its promise.

    ## Example
        statement: 开户、挂失等业务15分钟内办结
        statement: We answer calls, emails, etc. within 2 working days.

    Use instead:

        statement: 开户、挂失、密码重置3类业务15分钟内办结
        statement: We answer calls, emails and web forms within 2 working days.
    """
    yield from _flag(std, ctx, "openlist", "open-ended list")


@rule("SMART-S006", "superlative", smart="specific", severity="warning")
def superlative(std: Standard, ctx: Context) -> Iterator[Hit]:
    """Superlatives and comparatives ("最好", "更快", "best", "better") with no level.

    ## What it does
    Flags 最好, 最佳, 最优, 最快, 最大限度, 更好, 更加, 较快, 一流, best, better, faster,
    world-class, highest … Bounds such as 最迟, 最长, 最多 ("最迟3个工作日") are limits and
    are not listed.

    ## Why is this bad?
    "Better than what?" A comparison with no baseline and no level cannot be missed, so it
    cannot be met either.

    ## Example
        statement: 为客户提供最优质、更便捷的服务
        statement: We offer the best service in the region.

    Use instead:

        statement: 90%的业务一次办结,平均等候不超过10分钟
        statement: 90% of requests are resolved at the first contact.
    """
    yield from _flag(std, ctx, "superlative", "superlative or comparative")


@rule("SMART-S007", "absolute-promise", smart="specific", severity="warning")
def absolute_promise(std: Standard, ctx: Context) -> Iterator[Hit]:
    """Absolutes ("始终", "一律", "always", "never") in a promise with no threshold.

    ## What it does
    Flags 始终, 一律, 所有, 一切, 永远, 绝不, 从不, always, never, all, at all times when the
    statement has no checkable threshold. With a threshold the word only sets the scope
    ("所有投诉24小时内回复" means every complaint) and is not flagged.

    ## Why is this bad?
    "始终保持微笑" is broken by the first tired afternoon and cannot be observed all day.
    Say on which occasions the behaviour is expected, or which share of checks must pass.

    ## Example
        statement: 始终保持微笑
        statement: Staff always keep customers informed.

    Use instead:

        statement: 问候、递接物品和道别时面带微笑
        statement: Staff call back within 1 working day whenever a case changes status.
    """
    yield from _flag(std, ctx, "totality", "absolute promise", unless_measurable=True)
